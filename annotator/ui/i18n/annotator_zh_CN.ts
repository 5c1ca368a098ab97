<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Actions</name>
    <message>
      <source>&amp;About annotator</source>
      <translation>关于 annotator(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Add code…</source>
      <translation>添加编码(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Close project</source>
      <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Delete document…</source>
      <translation>删除文档(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Export to Excel…</source>
      <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Import files…</source>
      <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Open project…</source>
      <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>Edit document &amp;attributes…</source>
      <translation>编辑文档属性(&amp;A)…</translation>
    </message>
    <message>
      <source>Export codebook…</source>
      <translation>导出编码表…</translation>
    </message>
    <message>
      <source>Import &amp;folder…</source>
      <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
      <source>Import code&amp;book…</source>
      <translation>导入编码表(&amp;B)…</translation>
    </message>
    <message>
      <source>New code from &amp;selection</source>
      <translation>以选中文字新建编码(&amp;S)</translation>
    </message>
  </context>
  <context>
    <name>ArticleView</name>
    <message>
      <source>(deleted code)</source>
      <translation>（已删除的编码）</translation>
    </message>
    <message>
      <source>All codes</source>
      <translation>全部编码</translation>
    </message>
    <message>
      <source>Choose a document to read and code it.</source>
      <translation>请选择一篇文档进行阅读和编码。</translation>
    </message>
    <message>
      <source>Code as</source>
      <translation>编码为</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Remove code</source>
      <translation>移除编码</translation>
    </message>
  </context>
  <context>
    <name>AttributesDialog</name>
    <message>
      <source>Add attribute</source>
      <translation>添加属性</translation>
    </message>
    <message>
      <source>Attribute</source>
      <translation>属性</translation>
    </message>
    <message>
      <source>Document attributes</source>
      <translation>文档属性</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
  </context>
  <context>
    <name>CodeDetails</name>
    <message>
      <source>Choose a code to see its definition.</source>
      <translation>选择一个编码以查看其定义。</translation>
    </message>
    <message>
      <source>Keywords:</source>
      <translation>关键词：</translation>
    </message>
    <message>
      <source>Shortcut key:</source>
      <translation>快捷键：</translation>
    </message>
  </context>
  <context>
    <name>CodeEditorDialog</name>
    <message>
      <source>A code needs a name.</source>
      <translation>编码需要名称。</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <source>Definition</source>
      <translation>定义</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>关键词</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>One key, 1–9 or a–z; empty for none</source>
      <translation>单个按键：1–9 或 a–z；留空表示无</translation>
    </message>
    <message>
      <source>Separate with , ， 、 or ;</source>
      <translation>用 , ， 、 或 ; 分隔</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>The shortcut “%1” is already used by the code “%2”.</source>
      <translation>快捷键“%1”已被编码“%2”使用。</translation>
    </message>
  </context>
  <context>
    <name>CodebookDialogs</name>
    <message>
      <source>Another code with this name already exists at that place.</source>
      <translation>同一位置已有同名编码。</translation>
    </message>
    <message>
      <source>Delete code</source>
      <translation>删除编码</translation>
    </message>
    <message>
      <source>Delete the code “%1” with %2 sub-code(s) and the %3 coded passage(s) that go with them? Undo can bring them back.</source>
      <translation>删除编码“%1”及其 %2 个下级编码和 %3 个编码片段？可以撤销恢复。</translation>
    </message>
    <message>
      <source>Delete the code “%1”?</source>
      <translation>删除编码“%1”？</translation>
    </message>
    <message>
      <source>That change is not possible: %1</source>
      <translation>无法进行此更改：%1</translation>
    </message>
    <message>
      <source>That code or document no longer exists.</source>
      <translation>该编码或文档已不存在。</translation>
    </message>
  </context>
  <context>
    <name>CodebookModel</name>
    <message>
      <source>%1 passage(s) with this code, %2 including sub-codes</source>
      <translation>本编码 %1 个片段，含下级编码共 %2 个</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>Passages</source>
      <translation>片段</translation>
    </message>
    <message>
      <source>Shortcut key</source>
      <translation>快捷键</translation>
    </message>
  </context>
  <context>
    <name>CodebookPane</name>
    <message>
      <source>Add sub-code</source>
      <translation>添加下级编码</translation>
    </message>
    <message>
      <source>Codebook</source>
      <translation>编码表</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Edit code</source>
      <translation>编辑编码</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Filter codes (name, keywords)</source>
      <translation>筛选编码（名称、关键词）</translation>
    </message>
    <message>
      <source>Merge code</source>
      <translation>合并编码</translation>
    </message>
    <message>
      <source>Merge into…</source>
      <translation>合并到…</translation>
    </message>
    <message>
      <source>New code</source>
      <translation>新建编码</translation>
    </message>
    <message>
      <source>New sub-code</source>
      <translation>新建下级编码</translation>
    </message>
    <message>
      <source>Recolour…</source>
      <translation>更改颜色…</translation>
    </message>
    <message>
      <source>Rename</source>
      <translation>重命名</translation>
    </message>
    <message>
      <source>Sub-code</source>
      <translation>下级编码</translation>
    </message>
    <message>
      <source>There is no other code to merge into.</source>
      <translation>没有可合并到的其他编码。</translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <source>Add code “%1”</source>
      <translation>添加编码“%1”</translation>
    </message>
    <message>
      <source>Code as “%1”</source>
      <translation>编码为“%1”</translation>
    </message>
    <message>
      <source>Edit code</source>
      <translation>编辑编码</translation>
    </message>
    <message>
      <source>Edit document attributes</source>
      <translation>编辑文档属性</translation>
    </message>
    <message>
      <source>Edit memo</source>
      <translation>编辑备注</translation>
    </message>
    <message>
      <source>Merge codes</source>
      <translation>合并编码</translation>
    </message>
    <message>
      <source>Move code</source>
      <translation>移动编码</translation>
    </message>
    <message>
      <source>Remove coding</source>
      <translation>移除编码</translation>
    </message>
  </context>
  <context>
    <name>DocumentTableModel</name>
    <message>
      <source>Attributes</source>
      <translation>属性</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Passages</source>
      <translation>片段</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
  </context>
  <context>
    <name>DocumentsPane</name>
    <message>
      <source>Delete document</source>
      <translation>删除文档</translation>
    </message>
    <message>
      <source>Delete document…</source>
      <translation>删除文档…</translation>
    </message>
    <message>
      <source>Delete the document “%1” and its %2 coded passage(s)? This cannot be undone.</source>
      <translation>删除文档“%1”及其 %2 个编码片段？此操作无法撤销。</translation>
    </message>
    <message>
      <source>Edit attributes…</source>
      <translation>编辑属性…</translation>
    </message>
    <message>
      <source>Filter documents (title, attributes)</source>
      <translation>筛选文档（标题、属性）</translation>
    </message>
  </context>
  <context>
    <name>FileDialogs</name>
    <message>
      <source>Export codebook</source>
      <translation>导出编码表</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Import codebook</source>
      <translation>导入编码表</translation>
    </message>
    <message>
      <source>Import files</source>
      <translation>导入文件</translation>
    </message>
    <message>
      <source>Import folder</source>
      <translation>导入文件夹</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>新建项目</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <source>%1 imported, %2 duplicate(s) skipped, %3 failed</source>
      <translation>已导入 %1 个，跳过重复 %2 个，失败 %3 个</translation>
    </message>
    <message>
      <source>Cancelled: the remaining files were not imported.</source>
      <translation>已取消：其余文件未导入。</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>导入完成</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>%1 codes added, %2 updated</source>
      <translation>新增 %1 个编码，更新 %2 个</translation>
    </message>
    <message>
      <source>%1 imported, %2 duplicate(s), %3 failed</source>
      <translation>已导入 %1 个，重复 %2 个，失败 %3 个</translation>
    </message>
    <message>
      <source>&amp;Code</source>
      <translation>编码(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Document</source>
      <translation>文档(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Cannot export codebook</source>
      <translation>无法导出编码表</translation>
    </message>
    <message>
      <source>Cannot import codebook</source>
      <translation>无法导入编码表</translation>
    </message>
    <message>
      <source>Cannot open project</source>
      <translation>无法打开项目</translation>
    </message>
    <message>
      <source>Code Chinese policy articles against a codebook.</source>
      <translation>依据编码表对中文政策文本进行编码。</translation>
    </message>
    <message>
      <source>Coder: %1 · %2 documents · %3 codes · %4 passages</source>
      <translation>编码员：%1 · %2 篇文档 · %3 个编码 · %4 个片段</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>已导出到 %1</translation>
    </message>
    <message>
      <source>New code from selection</source>
      <translation>以选中文字新建编码</translation>
    </message>
    <message>
      <source>No project open</source>
      <translation>未打开项目</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
      <source>Select text in the article first</source>
      <translation>请先在文章中选中文字</translation>
    </message>
  </context>
  <context>
    <name>MergeTargetDialog</name>
    <message>
      <source>Filter codes</source>
      <translation>筛选编码</translation>
    </message>
    <message>
      <source>Merge code</source>
      <translation>合并编码</translation>
    </message>
    <message>
      <source>Merge “%1” and its %2 passage(s) into:</source>
      <translation>将“%1”及其 %2 个片段合并到：</translation>
    </message>
  </context>
  <context>
    <name>PassageRow</name>
    <message>
      <source>(deleted code)</source>
      <translation>（已删除的编码）</translation>
    </message>
    <message>
      <source>Coder: %1 · %2</source>
      <translation>编码员：%1 · %2</translation>
    </message>
    <message>
      <source>Memo</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Remove this coding</source>
      <translation>移除此编码</translation>
    </message>
    <message>
      <source>Save memo</source>
      <translation>保存备注</translation>
    </message>
  </context>
  <context>
    <name>PassageTableModel</name>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Coder</source>
      <translation>编码员</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Memo</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Passage</source>
      <translation>片段</translation>
    </message>
  </context>
  <context>
    <name>PassagesPane</name>
    <message>
      <source>%1 passage(s) coded “%2”</source>
      <translation>编码为“%2”的片段：%1 个</translation>
    </message>
    <message>
      <source>%1 passage(s) in this document</source>
      <translation>本文档的片段：%1 个</translation>
    </message>
    <message>
      <source>Choose a code to see its passages</source>
      <translation>选择一个编码以查看其片段</translation>
    </message>
    <message>
      <source>Choose a document to see its passages</source>
      <translation>选择一篇文档以查看其片段</translation>
    </message>
    <message>
      <source>Chosen code</source>
      <translation>所选编码</translation>
    </message>
    <message>
      <source>Chosen document</source>
      <translation>所选文档</translation>
    </message>
    <message>
      <source>Include sub-codes</source>
      <translation>包含下级编码</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <source>Coder name</source>
      <translation>编码员姓名</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>首选项</translation>
    </message>
  </context>
  <context>
    <name>Transfer</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Exporting to %1</source>
      <translation>正在导出到 %1</translation>
    </message>
    <message>
      <source>Importing %1</source>
      <translation>正在导入 %1</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
  </context>
</TS>
