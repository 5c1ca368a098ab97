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
      <source>&amp;Merge a coder's copy…</source>
      <translation>合并编码员的副本(&amp;M)…</translation>
    </message>
    <message>
      <source>&amp;New coder…</source>
      <translation>新编码员(&amp;N)…</translation>
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
      <source>&amp;Restore a backup…</source>
      <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Review proposals…</source>
      <translation>审阅建议(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Search…</source>
      <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Tables and charts…</source>
      <translation>表格与图表(&amp;T)…</translation>
    </message>
    <message>
      <source>A selection that cuts a word in half is coded as the whole words it touches</source>
      <translation>把词语截断的选区按其涉及的完整词语编码</translation>
    </message>
    <message>
      <source>A&amp;uto-code by keywords…</source>
      <translation>按关键词自动编码(&amp;U)…</translation>
    </message>
    <message>
      <source>Code the paragraph unit under the cursor</source>
      <translation>编码光标所在的段落单元</translation>
    </message>
    <message>
      <source>Code whole &amp;unit…</source>
      <translation>编码整个单元(&amp;U)…</translation>
    </message>
    <message>
      <source>Create a new project from a REFI-QDA .qdpx or .qde file (NVivo, MAXQDA, ATLAS.ti, QualCoder…)</source>
      <translation>从 REFI-QDA 格式的 .qdpx 或 .qde 文件新建项目（NVivo、MAXQDA、ATLAS.ti、QualCoder 等）</translation>
    </message>
    <message>
      <source>E&amp;xport for another QDA tool…</source>
      <translation>导出到其他 QDA 软件(&amp;X)…</translation>
    </message>
    <message>
      <source>Edit document &amp;attributes…</source>
      <translation>编辑文档属性(&amp;A)…</translation>
    </message>
    <message>
      <source>Export codebook (YAML)…</source>
      <translation>导出编码表（YAML）…</translation>
    </message>
    <message>
      <source>Export codebook as .qdc or Excel…</source>
      <translation>导出编码表为 .qdc 或 Excel…</translation>
    </message>
    <message>
      <source>Export passages as CS&amp;V…</source>
      <translation>导出编码片段为 CSV(&amp;V)…</translation>
    </message>
    <message>
      <source>Import &amp;folder…</source>
      <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
      <source>Import code&amp;book (YAML)…</source>
      <translation>导入编码表（YAML）(&amp;B)…</translation>
    </message>
    <message>
      <source>Import codebook from .qdc or Excel…</source>
      <translation>从 .qdc 或 Excel 导入编码表…</translation>
    </message>
    <message>
      <source>Import from another QDA &amp;tool…</source>
      <translation>从其他 QDA 软件导入(&amp;T)…</translation>
    </message>
    <message>
      <source>Intercoder &amp;agreement…</source>
      <translation>编码员间信度(&amp;A)…</translation>
    </message>
    <message>
      <source>Learn from the coding done so far, on this machine, and propose codes for the documents not yet coded, with measured precision</source>
      <translation>在本机上从已完成的编码中学习，为尚未编码的文档建议编码，并给出实测精确率</translation>
    </message>
    <message>
      <source>Make a &amp;blind copy for a second coder…</source>
      <translation>为第二位编码员制作盲编副本(&amp;B)…</translation>
    </message>
    <message>
      <source>Merge the codes of a REFI-QDA .qdc file or an Excel sheet by code path</source>
      <translation>按编码路径合并 REFI-QDA .qdc 文件或 Excel 表中的编码</translation>
    </message>
    <message>
      <source>New code from &amp;selection</source>
      <translation>以选中文字新建编码(&amp;S)</translation>
    </message>
    <message>
      <source>One row per coded passage, for R, pandas or SPSS</source>
      <translation>每个编码片段一行，可用于 R、pandas 或 SPSS</translation>
    </message>
    <message>
      <source>Snap selection to &amp;words</source>
      <translation>选区对齐到完整词语(&amp;W)</translation>
    </message>
    <message>
      <source>Su&amp;ggest from my coding…</source>
      <translation>根据我的编码建议(&amp;G)…</translation>
    </message>
    <message>
      <source>Word &amp;frequencies and keywords…</source>
      <translation>词频与关键词(&amp;F)…</translation>
    </message>
    <message>
      <source>Word &amp;lists (terms, stopwords)…</source>
      <translation>词表（术语、停用词）(&amp;L)…</translation>
    </message>
    <message>
      <source>Write the code tree as a REFI-QDA .qdc file or an Excel sheet</source>
      <translation>将编码树导出为 REFI-QDA .qdc 文件或 Excel 表</translation>
    </message>
    <message>
      <source>Write the whole project as a REFI-QDA .qdpx file</source>
      <translation>将整个项目导出为 REFI-QDA .qdpx 文件</translation>
    </message>
  </context>
  <context>
    <name>AgreementDialog</name>
    <message numerus="yes">
      <source>%1 of %n document(s) compared</source>
      <translation>
        <numerusform>比较了 %n 篇文档中的 %1 篇</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n character(s)</source>
      <translation>
        <numerusform>%n 个字符</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n coder(s)</source>
      <translation>
        <numerusform>%n 位编码员</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n disagreement(s): double-click one to open its unit in the article</source>
      <translation>
        <numerusform>%n 处不一致：双击一行即可在文章中打开该单位</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n paragraph(s)</source>
      <translation>
        <numerusform>%n 个段落</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sentence(s)</source>
      <translation>
        <numerusform>%n 个句子</numerusform>
      </translation>
    </message>
    <message>
      <source>All codes</source>
      <translation>全部编码</translation>
    </message>
    <message>
      <source>Choose at least two coders to compare.</source>
      <translation>请至少选择两位编码员进行比较。</translation>
    </message>
    <message>
      <source>Coders</source>
      <translation>编码员</translation>
    </message>
    <message>
      <source>Codes</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Compare</source>
      <translation>比较范围</translation>
    </message>
    <message>
      <source>Every chosen coder coded every document (otherwise: the documents they have passages in)</source>
      <translation>所选编码员都编码了全部文档（否则只算各自有编码片段的文档）</translation>
    </message>
    <message>
      <source>Intercoder agreement</source>
      <translation>编码员间信度</translation>
    </message>
    <message>
      <source>No project open</source>
      <translation>未打开项目</translation>
    </message>
    <message>
      <source>Paragraph</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>Recompute</source>
      <translation>重新计算</translation>
    </message>
    <message>
      <source>Sentence</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>The passages changed since: press Recompute.</source>
      <translation>编码片段已有变动：请点击“重新计算”。</translation>
    </message>
    <message>
      <source>Unit of analysis</source>
      <translation>分析单位</translation>
    </message>
  </context>
  <context>
    <name>AgreementModels</name>
    <message>
      <source>%1 × codes</source>
      <translation>%1×编码</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>一致率</translation>
    </message>
    <message>
      <source>CR</source>
      <translation>CR</translation>
    </message>
    <message>
      <source>Char. agreement</source>
      <translation>字符一致率</translation>
    </message>
    <message>
      <source>Char. κ</source>
      <translation>字符 κ</translation>
    </message>
    <message>
      <source>Characters</source>
      <translation>字符数</translation>
    </message>
    <message>
      <source>Characters compared (N)</source>
      <translation>参与比较的字符数（N）</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Coded by</source>
      <translation>已编码</translation>
    </message>
    <message>
      <source>Cohen's κ</source>
      <translation>Cohen κ</translation>
    </message>
    <message>
      <source>Cohen's κ compares exactly two coders; with more, see Krippendorff's α.</source>
      <translation>Cohen κ 只比较两位编码员；多位编码员请看 Krippendorff α。</translation>
    </message>
    <message>
      <source>Cohen's κ over characters (as NVivo's coding comparison)</source>
      <translation>按字符计算的 Cohen κ（同 NVivo 的编码比较）</translation>
    </message>
    <message>
      <source>Composite reliability CR = nR / (1 + (n − 1)R)</source>
      <translation>复合信度 CR = nR / (1 + (n − 1)R)</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message numerus="yes">
      <source>Every (unit, code) pair of the %n code(s) used is one judgement</source>
      <translation>
        <numerusform>所用 %n 个编码的每个（单位，编码）组合算作一次判断</numerusform>
      </translation>
    </message>
    <message>
      <source>Every coder applied this code to every unit: nothing varies, so this figure is undefined.</source>
      <translation>所有编码员在每个单位都使用了此编码：没有变异，无法计算此指标。</translation>
    </message>
    <message>
      <source>Holsti R</source>
      <translation>Holsti R</translation>
    </message>
    <message>
      <source>Krippendorff's α</source>
      <translation>Krippendorff α</translation>
    </message>
    <message>
      <source>M / N1 / N2</source>
      <translation>M / N1 / N2</translation>
    </message>
    <message>
      <source>N = %1 %2</source>
      <translation>N = %1 个%2</translation>
    </message>
    <message>
      <source>No coder applied this code in the compared units: nothing varies, so this figure is undefined.</source>
      <translation>比较范围内没有编码员使用此编码：没有变异，无法计算此指标。</translation>
    </message>
    <message>
      <source>No unit was coded by two of the coders.</source>
      <translation>没有由两位编码员都编码过的单位。</translation>
    </message>
    <message>
      <source>Nominal, any number of coders, missing data allowed</source>
      <translation>名义尺度，编码员人数不限，允许缺失数据</translation>
    </message>
    <message>
      <source>Not coded by</source>
      <translation>未编码</translation>
    </message>
    <message numerus="yes">
      <source>Overall (%n code(s) used)</source>
      <translation>
        <numerusform>合计（使用了 %n 个编码）</numerusform>
      </translation>
    </message>
    <message>
      <source>R = 2M / (N1 + N2), mean over coder pairs</source>
      <translation>R = 2M / (N1 + N2)，各编码员两两配对的平均值</translation>
    </message>
    <message>
      <source>Share of characters on which two coders agree</source>
      <translation>两位编码员判断一致的字符所占比例</translation>
    </message>
    <message>
      <source>Share of units on which two coders agree (both coded or both not)</source>
      <translation>两位编码员判断一致（都编码或都未编码）的单位所占比例</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Two coders only</source>
      <translation>仅限两位编码员</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>单位数</translation>
    </message>
    <message>
      <source>Units both coders coded / each coder coded (two coders only)</source>
      <translation>两位编码员都编码的单位数 / 各自编码的单位数（仅限两位编码员）</translation>
    </message>
    <message>
      <source>Units of analysis compared (N)</source>
      <translation>参与比较的分析单位数（N）</translation>
    </message>
    <message>
      <source>characters</source>
      <translation>字符</translation>
    </message>
    <message>
      <source>coders</source>
      <translation>编码员</translation>
    </message>
    <message>
      <source>coding decisions</source>
      <translation>编码判断</translation>
    </message>
    <message>
      <source>n/a</source>
      <translation>不适用</translation>
    </message>
    <message>
      <source>paragraphs</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>sentences</source>
      <translation>句子</translation>
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
      <source>Code whole unit %1</source>
      <translation>编码整个单元 %1</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Remove code</source>
      <translation>移除编码</translation>
    </message>
    <message>
      <source>Unit %1: click to select it, right-click the text to code it</source>
      <translation>单元 %1：单击选中该单元，在正文上右击可将其整体编码</translation>
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
    <name>AutocodeDialog</name>
    <message>
      <source>A keyword proposes its</source>
      <translation>关键词建议其所在的</translation>
    </message>
    <message>
      <source>All codes with keywords (%1)</source>
      <translation>所有带关键词的编码（%1 个）</translation>
    </message>
    <message>
      <source>Auto-code by keywords</source>
      <translation>按关键词自动编码</translation>
    </message>
    <message>
      <source>Codes</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Each code's keywords propose the sentences or paragraphs that contain them, in every document, written in simplified or traditional characters. Nothing is coded until you accept a proposal.</source>
      <translation>每个编码的关键词会在所有文档中建议包含它们的句子或段落，简体、繁体写法均可匹配。在您接受建议之前，不会编码任何内容。</translation>
    </message>
    <message>
      <source>Keywords also match inside longer words</source>
      <translation>关键词也匹配较长词语的内部</translation>
    </message>
    <message>
      <source>Paragraph</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>Propose</source>
      <translation>生成建议</translation>
    </message>
    <message>
      <source>Sentence</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>This code and its sub-codes:</source>
      <translation>此编码及其子编码：</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>Backups of this project, newest first:</source>
      <translation>本项目的备份（最新的在前）：</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档数</translation>
    </message>
    <message>
      <source>Passages</source>
      <translation>片段</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Restore a backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>备份时间</translation>
    </message>
  </context>
  <context>
    <name>BulkCommands</name>
    <message>
      <source>Accept proposals</source>
      <translation>接受建议</translation>
    </message>
    <message>
      <source>Add stopwords</source>
      <translation>添加停用词</translation>
    </message>
    <message>
      <source>Add terms</source>
      <translation>添加术语</translation>
    </message>
    <message>
      <source>Reject proposals</source>
      <translation>拒绝建议</translation>
    </message>
    <message>
      <source>Remove stopwords</source>
      <translation>移除停用词</translation>
    </message>
    <message>
      <source>Remove terms</source>
      <translation>移除术语</translation>
    </message>
  </context>
  <context>
    <name>ChartPanel</name>
    <message>
      <source>Cannot draw the chart: %1</source>
      <translation>无法绘制图表：%1</translation>
    </message>
    <message>
      <source>Cannot save the chart</source>
      <translation>无法保存图表</translation>
    </message>
    <message>
      <source>Drawing the chart…</source>
      <translation>正在绘制图表…</translation>
    </message>
    <message>
      <source>No chart</source>
      <translation>没有图表</translation>
    </message>
    <message>
      <source>Save as PNG…</source>
      <translation>另存为 PNG…</translation>
    </message>
    <message>
      <source>Save as SVG…</source>
      <translation>另存为 SVG…</translation>
    </message>
  </context>
  <context>
    <name>ChineseTools</name>
    <message numerus="yes">
      <source>%1 from %n code(s)</source>
      <translation>
        <numerusform>%1（来自 %n 个编码）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n new proposal(s)</source>
      <translation>
        <numerusform>%n 条新建议</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Words</source>
      <translation>词语(&amp;W)</translation>
    </message>
    <message>
      <source>Auto-coding failed</source>
      <translation>自动编码失败</translation>
    </message>
    <message>
      <source>Code unit %1 as:</source>
      <translation>将单元 %1 编码为：</translation>
    </message>
    <message>
      <source>No code has keywords: add keywords to codes to auto-code</source>
      <translation>没有编码带有关键词：请先为编码添加关键词再自动编码</translation>
    </message>
    <message>
      <source>Passages</source>
      <translation>片段</translation>
    </message>
    <message>
      <source>Put the cursor in a paragraph of the article first</source>
      <translation>请先把光标放在文章的某个段落中</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
  </context>
  <context>
    <name>CodeChooser</name>
    <message>
      <source>Choose a code</source>
      <translation>选择编码</translation>
    </message>
    <message>
      <source>Filter codes</source>
      <translation>筛选编码</translation>
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
    <name>CodeTableTab</name>
    <message>
      <source> (%1)</source>
      <translation>（%1）</translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s); parent codes count their sub-codes' passages too.</source>
      <translation>
        <numerusform>共 %n 个编码片段；上级编码同时计入其下级编码的片段。</numerusform>
      </translation>
    </message>
    <message>
      <source>All codes</source>
      <translation>全部编码</translation>
    </message>
    <message>
      <source>Attribute:</source>
      <translation>属性：</translation>
    </message>
    <message>
      <source>By year</source>
      <translation>按年份</translation>
    </message>
    <message>
      <source>Each code's share of its parent code</source>
      <translation>各编码占上级编码的比例</translation>
    </message>
    <message>
      <source>No project open</source>
      <translation>未打开项目</translation>
    </message>
    <message>
      <source>Share of the parent code's passages</source>
      <translation>占上级编码片段数的比例</translation>
    </message>
    <message>
      <source>Shares of the column</source>
      <translation>显示占该列的比例</translation>
    </message>
    <message>
      <source>The documents have no attributes yet (Document ▸ Edit document attributes).</source>
      <translation>文档还没有属性（文档 ▸ 编辑文档属性）。</translation>
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
    <message numerus="yes">
      <source>%n including sub-codes</source>
      <translation>
        <numerusform>含下级编码共 %n 个</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) with this code</source>
      <translation>
        <numerusform>本编码 %n 个片段</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
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
    <name>CoderBox</name>
    <message>
      <source>Coder:</source>
      <translation>编码员：</translation>
    </message>
    <message>
      <source>Name of the new coder:</source>
      <translation>新编码员的名字：</translation>
    </message>
    <message>
      <source>New coder</source>
      <translation>新编码员</translation>
    </message>
    <message>
      <source>The coder whose name new passages carry</source>
      <translation>新编码片段记在这位编码员名下</translation>
    </message>
  </context>
  <context>
    <name>CoderListModel</name>
    <message numerus="yes">
      <source>%1 (%n passage(s))</source>
      <translation>
        <numerusform>%1（%n 个片段）</numerusform>
      </translation>
    </message>
    <message>
      <source>New coder…</source>
      <translation>新编码员…</translation>
    </message>
  </context>
  <context>
    <name>CommandLine</name>
    <message>
      <source>  warning: {warning}</source>
      <translation>  警告：{warning}</translation>
    </message>
    <message>
      <source> (from {origin})</source>
      <translation>（来自 {origin}）</translation>
    </message>
    <message>
      <source> (showing {shown}; --limit 0 shows all)</source>
      <translation>（显示 {shown} 处；--limit 0 显示全部）</translation>
    </message>
    <message>
      <source> (the traceback is in {log})</source>
      <translation>（错误详情在 {log}）</translation>
    </message>
    <message>
      <source> codes</source>
      <translation> 个编码</translation>
    </message>
    <message>
      <source> documents</source>
      <translation> 篇文档</translation>
    </message>
    <message>
      <source> files</source>
      <translation> 个文件</translation>
    </message>
    <message>
      <source> passages</source>
      <translation> 个片段</translation>
    </message>
    <message>
      <source> steps</source>
      <translation> 步</translation>
    </message>
    <message>
      <source># {scope}: {total} words counted, {different} different</source>
      <translation># {scope}：共计 {total} 个词，{different} 个不同的词</translation>
    </message>
    <message>
      <source>%(prog)s: error: %(message)s
</source>
      <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>--create needs the PROJECT file to create</source>
      <translation>--create 需要指定要创建的项目文件 PROJECT</translation>
    </message>
    <message>
      <source>--documents: {text!r} is not a number</source>
      <translation>--documents：{text!r} 不是数字</translation>
    </message>
    <message>
      <source>--where needs KEY=VALUE, not {item!r}</source>
      <translation>--where 需要 键=值 的形式，而不是 {item!r}</translation>
    </message>
    <message>
      <source>--whole-word and --anywhere contradict each other</source>
      <translation>--whole-word 与 --anywhere 相互矛盾</translation>
    </message>
    <message>
      <source>; did you mean {command!r}?</source>
      <translation>；您是不是要用 {command!r}？</translation>
    </message>
    <message>
      <source>Branches are code paths; join several with "+" ("供给型+环境型+需求型"); "*" is every top-level code not in the other branch.</source>
      <translation>分支是编码路径；多个分支用“+”连接（"供给型+环境型+需求型"）；“*”表示不在另一分支中的所有一级编码。</translation>
    </message>
    <message>
      <source>By default every occurrence of the query's characters is found, inside longer words too (成果转化 in 科技成果转化), simplified and traditional forms alike (实验室 finds 實驗室). --whole-word (or --mode word) finds segmented whole words only (创新 not in 创新券); --mode regex runs a Python regular expression over the text as written (no simplified/traditional matching).</source>
      <translation>默认查找查询字符的每一处出现，也包括在更长的词中（科技成果转化 中的 成果转化），简繁体通查（实验室 也能找到 實驗室）。--whole-word（或 --mode word）只找分词后的完整词（不找 创新券 中的 创新）；--mode regex 在原文上运行 Python 正则表达式（不做简繁匹配）。</translation>
    </message>
    <message>
      <source>Code Chinese policy articles against a codebook. Without a command, `annotator [PROJECT]` opens the desktop window.</source>
      <translation>按编码本给中文政策文本编码。不带命令时，`annotator [项目文件]` 打开桌面窗口。</translation>
    </message>
    <message>
      <source>Learns, per code with at least 10 coded units, from the units of the documents you have coded (coded or not) and from the proposals you rejected; measures precision/recall/F1 by cross-validation split by document; proposes for the documents not yet coded. Proposals go to the review queue (origin 'suggested'), never straight into passages.</source>
      <translation>对至少有 10 个已编码单元的每个编码，从您已编码文档的单元（编码与否）以及您拒绝过的建议中学习；按文档划分做交叉验证，测出精确率、召回率和 F1；为尚未编码的文档提出建议。建议进入待审队列（来源：学习建议），绝不直接成为编码片段。</translation>
    </message>
    <message>
      <source>Open the coding desk on a project file, or run a command.</source>
      <translation>在项目文件上打开编码台，或运行一个命令。</translation>
    </message>
    <message>
      <source>Print a document's units with their numbers. The numbering is detected from the text: statute (第X章/第X节/第X条, with 款 and 项 as sub-units printed indented under their article), outline (一、 （一） 1. 1.1 … headings) or paragraphs; --set-numbering chooses another one for the document (auto: detected again).</source>
      <translation>打印文档的单元及其编号。编号方式从文本中识别：法规式（第X章/第X节/第X条，款和项作为下级单元缩进列在所属条之下）、提纲式（一、 （一） 1. 1.1 … 标题）或段落；--set-numbering 为该文档另选一种（auto：重新识别）。</translation>
    </message>
    <message>
      <source>The window takes one backup a day into NAME-backups/ beside the project and keeps the last 7 days. Restoring first backs up the current state.</source>
      <translation>窗口每天在项目旁的 NAME-backups/ 中备份一次，保留最近 7 天。恢复前会先备份当前状态。</translation>
    </message>
    <message>
      <source>`annotator COMMAND --help` explains a command and shows examples.</source>
      <translation>`annotator 命令 --help` 说明一个命令并给出示例。</translation>
    </message>
    <message>
      <source>`annotator PROJECT.annot` opens the window; `annotator init NEW.annot` creates one.</source>
      <translation>`annotator 项目.annot` 打开窗口；`annotator init 新项目.annot` 新建项目。</translation>
    </message>
    <message>
      <source>a blind copy for the second coder 李明</source>
      <translation>给第二编码员李明的盲编副本</translation>
    </message>
    <message>
      <source>a code proposes only if its measured precision reaches this (default 0.6)</source>
      <translation>只有测得的精确率达到此值的编码才提出建议（默认 0.6）</translation>
    </message>
    <message>
      <source>a code's words, with a word cloud</source>
      <translation>某个编码的词语，并画词云</translation>
    </message>
    <message>
      <source>a new project from a REFI-QDA file</source>
      <translation>由 REFI-QDA 文件新建项目</translation>
    </message>
    <message>
      <source>a new project from the command line</source>
      <translation>在命令行新建项目</translation>
    </message>
    <message>
      <source>a new project with a shipped codebook</source>
      <translation>用自带编码本新建项目</translation>
    </message>
    <message>
      <source>a new project, opened in the window</source>
      <translation>新建项目并在窗口中打开</translation>
    </message>
    <message>
      <source>a new, empty project</source>
      <translation>新建空项目</translation>
    </message>
    <message>
      <source>accept every pending proposal of these codes as passages</source>
      <translation>把这些编码的待审建议全部接受为编码片段</translation>
    </message>
    <message>
      <source>accept two of them</source>
      <translation>接受其中两条</translation>
    </message>
    <message>
      <source>accept-code takes one code path</source>
      <translation>accept-code 只接受一个编码路径</translation>
    </message>
    <message>
      <source>accepted {proposals} proposal(s): {passages} passage(s) created (origin auto)</source>
      <translation>已接受 {proposals} 条建议：新建 {passages} 个编码片段（来源：自动）</translation>
    </message>
    <message>
      <source>accepted: {count} passage(s) created (origin auto)</source>
      <translation>已接受：新建 {count} 个编码片段（来源：自动）</translation>
    </message>
    <message>
      <source>added: {coders} coder(s), {documents} document(s), {codes} code(s), {passages} passage(s), {attributes} attribute value(s), {words} word(s)</source>
      <translation>新增：{coders} 位编码员，{documents} 篇文档，{codes} 个编码，{passages} 个片段，{attributes} 个属性值，{words} 个词</translation>
    </message>
    <message>
      <source>added: {words}</source>
      <translation>已添加：{words}</translation>
    </message>
    <message>
      <source>agreement of two coders per code</source>
      <translation>两位编码员在各编码上的一致性</translation>
    </message>
    <message>
      <source>already here: {passages} passage(s)</source>
      <translation>本项目已有：{passages} 个片段</translation>
    </message>
    <message>
      <source>already stopwords</source>
      <translation>已是停用词</translation>
    </message>
    <message>
      <source>already terms</source>
      <translation>已是术语</translation>
    </message>
    <message>
      <source>also draw a bar chart</source>
      <translation>同时画柱状图</translation>
    </message>
    <message>
      <source>also draw a word cloud</source>
      <translation>同时画词云</translation>
    </message>
    <message>
      <source>also list the N uncoded units whose coding would teach the most</source>
      <translation>同时列出 N 个最值得先编码（对模型帮助最大）的未编码单元</translation>
    </message>
    <message>
      <source>also list the units they differ on</source>
      <translation>同时列出二人有分歧的单元</translation>
    </message>
    <message>
      <source>also list the units where the coders differ</source>
      <translation>同时列出编码员有分歧的单元</translation>
    </message>
    <message>
      <source>also save the charts there as PNG and SVG</source>
      <translation>同时把图表以 PNG 和 SVG 保存到该处</translation>
    </message>
    <message>
      <source>also: the 20 units to code next</source>
      <translation>同时列出接下来最该编码的 20 个单元</translation>
    </message>
    <message>
      <source>annotator: error: {message}</source>
      <translation>annotator：错误：{message}</translation>
    </message>
    <message>
      <source>annotator: interrupted</source>
      <translation>annotator：已中断</translation>
    </message>
    <message>
      <source>annotator: unexpected error: {error}{where}</source>
      <translation>annotator：意外错误：{error}{where}</translation>
    </message>
    <message>
      <source>annotator: unknown command {word!r}</source>
      <translation>annotator：没有命令 {word!r}</translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
      <source>auto-coding</source>
      <translation>正在自动编码</translation>
    </message>
    <message>
      <source>backup written: {path}</source>
      <translation>已写出备份：{path}</translation>
    </message>
    <message>
      <source>bring another coder's copy back: passages, memos, new codes, attribute edits</source>
      <translation>合并另一位编码员的副本：片段、备注、新编码、属性修改</translation>
    </message>
    <message>
      <source>bring 李明's passages back</source>
      <translation>合并回李明的编码片段</translation>
    </message>
    <message>
      <source>chart  {path}</source>
      <translation>图表  {path}</translation>
    </message>
    <message>
      <source>chosen</source>
      <translation>已选定</translation>
    </message>
    <message>
      <source>code a span of a document: NUMBER CODE_PATH START END</source>
      <translation>给文档的一段编码：编号 编码路径 起点 终点</translation>
    </message>
    <message>
      <source>code characters 120–163 of document 3</source>
      <translation>给 3 号文档第 120–163 个字编码</translation>
    </message>
    <message>
      <source>code every match (not only those shown) with this code, in one step</source>
      <translation>一步把每处命中（不只是显示出来的）都编为此编码</translation>
    </message>
    <message>
      <source>code it with `--coder {coder}`, then: annotator merge {project} {path}</source>
      <translation>用 `--coder {coder}` 编码，然后运行：annotator merge {project} {path}</translation>
    </message>
    <message>
      <source>code path</source>
      <translation>编码路径</translation>
    </message>
    <message>
      <source>code path, e.g. "区域协同创新/机制协同"</source>
      <translation>编码路径，如 "区域协同创新/机制协同"</translation>
    </message>
    <message>
      <source>code the sentence of every match</source>
      <translation>给每处命中所在的句子编码</translation>
    </message>
    <message>
      <source>code(s)</source>
      <translation>个编码</translation>
    </message>
    <message>
      <source>codebook file or shipped name</source>
      <translation>编码本文件或自带编码本名称</translation>
    </message>
    <message>
      <source>coded {code}: {made} passage(s) from all {total} match(es) ({spans} {what}; {already} of them coded so already)</source>
      <translation>已编码 {code}：从全部 {total} 处命中新建 {made} 个片段（{spans} 个{what}；其中 {already} 个原已如此编码）</translation>
    </message>
    <message>
      <source>coded «{text}» as {code}</source>
      <translation>已将 «{text}» 编码为 {code}</translation>
    </message>
    <message>
      <source>coder name (default: your login name)</source>
      <translation>编码员姓名（默认：登录名）</translation>
    </message>
    <message>
      <source>coder name for accepted passages (default: login name)</source>
      <translation>所接受片段的编码员姓名（默认：登录名）</translation>
    </message>
    <message>
      <source>coders</source>
      <translation>编码员</translation>
    </message>
    <message>
      <source>coders:    {value}</source>
      <translation>编码员：  {value}</translation>
    </message>
    <message>
      <source>codes</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>codes found in the same unit, or in overlapping passages</source>
      <translation>出现在同一单元或重叠片段中的编码</translation>
    </message>
    <message>
      <source>codes × documents</source>
      <translation>编码 × 文档</translation>
    </message>
    <message>
      <source>codes × year, as shares of each year</source>
      <translation>编码 × 年份，按各年占比</translation>
    </message>
    <message>
      <source>codes:     {value}</source>
      <translation>编码：    {value}</translation>
    </message>
    <message>
      <source>columns: the documents, or the values of a document attribute</source>
      <translation>列：各文档，或某个文档属性的各个值</translation>
    </message>
    <message>
      <source>comma-separated coder names (default: all with passages)</source>
      <translation>用逗号分隔的编码员姓名（默认：所有有片段的编码员）</translation>
    </message>
    <message>
      <source>commands</source>
      <translation>命令</translation>
    </message>
    <message>
      <source>commands (`annotator COMMAND --help` explains one):</source>
      <translation>命令（`annotator 命令 --help` 查看说明）：</translation>
    </message>
    <message>
      <source>commands: {commands}</source>
      <translation>命令：{commands}</translation>
    </message>
    <message>
      <source>counts of documents, codes, passages</source>
      <translation>文档、编码、片段的数量</translation>
    </message>
    <message>
      <source>counts of documents, codes, passages and coders</source>
      <translation>文档、编码、片段和编码员的数量</translation>
    </message>
    <message>
      <source>create a new project from a REFI-QDA .qdpx or .qde file</source>
      <translation>由 REFI-QDA 的 .qdpx 或 .qde 文件新建项目</translation>
    </message>
    <message>
      <source>create a project file</source>
      <translation>新建项目文件</translation>
    </message>
    <message>
      <source>create the project file if it does not exist, without asking</source>
      <translation>项目文件不存在时直接新建，不再询问</translation>
    </message>
    <message>
      <source>created {path} with {codes} code(s)</source>
      <translation>已新建 {path}，含 {codes} 个编码</translation>
    </message>
    <message>
      <source>created {target} from {source}{origin}</source>
      <translation>已由 {source}{origin} 新建 {target}</translation>
    </message>
    <message>
      <source>deleted here and left deleted: {gone}</source>
      <translation>本项目已删除、合并后仍删除：{gone}</translation>
    </message>
    <message>
      <source>deletions</source>
      <translation>删除记录</translation>
    </message>
    <message>
      <source>detected</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <source>did you mean {path}?</source>
      <translation>您是不是要用 {path}？</translation>
    </message>
    <message>
      <source>document 3's numbered paragraphs</source>
      <translation>3 号文档带编号的段落</translation>
    </message>
    <message>
      <source>document number</source>
      <translation>文档编号</translation>
    </message>
    <message>
      <source>document number (see `annotator documents`)</source>
      <translation>文档编号（见 `annotator documents`）</translation>
    </message>
    <message>
      <source>document {number}: numbering {used} ({how})</source>
      <translation>{number} 号文档：编号方式 {used}（{how}）</translation>
    </message>
    <message>
      <source>document(s)</source>
      <translation>篇文档</translation>
    </message>
    <message>
      <source>documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>documents: {documents}, passages: {passages}</source>
      <translation>文档：{documents}，片段：{passages}</translation>
    </message>
    <message>
      <source>documents: {value}</source>
      <translation>文档：    {value}</translation>
    </message>
    <message>
      <source>dry run: nothing stored</source>
      <translation>试运行：未保存任何内容</translation>
    </message>
    <message>
      <source>duplicate  {path}  ({reason})</source>
      <translation>重复      {path}  （{reason}）</translation>
    </message>
    <message>
      <source>every .txt .docx .html .pdf in the folder, recursively</source>
      <translation>文件夹（含子文件夹）中所有 .txt .docx .html .pdf</translation>
    </message>
    <message>
      <source>every occurrence, in both scripts</source>
      <translation>所有出现之处，简繁皆可</translation>
    </message>
    <message>
      <source>every unit carries it: nothing to tell apart</source>
      <translation>每个单元都带有此编码：无从区分</translation>
    </message>
    <message>
      <source>examples:</source>
      <translation>示例：</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>需要一个参数值</translation>
    </message>
    <message>
      <source>exporting</source>
      <translation>正在导出</translation>
    </message>
    <message>
      <source>failed     {path}: {reason}</source>
      <translation>失败      {path}：{reason}</translation>
    </message>
    <message>
      <source>find every occurrence of a query in all documents (simplified and traditional alike), or whole words, or a regex</source>
      <translation>在所有文档中查找查询词的每一处出现（简繁通查），或完整词，或正则表达式</translation>
    </message>
    <message>
      <source>first character (0-based, code points)</source>
      <translation>第一个字（从 0 起，按码位计）</translation>
    </message>
    <message>
      <source>give one or more proposal ids (see `annotator proposals`)</source>
      <translation>请给出一个或多个建议编号（见 `annotator proposals`）</translation>
    </message>
    <message>
      <source>ignore a word in counts</source>
      <translation>统计时忽略某个词</translation>
    </message>
    <message>
      <source>import .txt/.docx/.html/.pdf files or folders</source>
      <translation>导入 .txt/.docx/.html/.pdf 文件或文件夹</translation>
    </message>
    <message>
      <source>imported   {path}  «{title}»</source>
      <translation>已导入    {path}  «{title}»</translation>
    </message>
    <message>
      <source>importing</source>
      <translation>正在导入</translation>
    </message>
    <message>
      <source>in folders, also follow links to files and folders outside them</source>
      <translation>在文件夹中也跟随指向文件夹以外文件和文件夹的链接</translation>
    </message>
    <message>
      <source>indexed now: {now}; in the index: {indexed} of {documents} document(s)</source>
      <translation>本次索引：{now}；已在索引中：{indexed} / {documents} 篇文档</translation>
    </message>
    <message>
      <source>indexing</source>
      <translation>正在建索引</translation>
    </message>
    <message>
      <source>intercoder agreement per code: percent, Holsti R, CR, Cohen's κ, Krippendorff's α, character-level agreement</source>
      <translation>各编码的编码员间信度：百分比一致率、Holsti R、CR、Cohen's κ、Krippendorff's α、字符级一致率</translation>
    </message>
    <message>
      <source>interrupted: files finished so far are imported, none half-way</source>
      <translation>已中断：已完成的文件都已导入，没有导入一半的文件</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
      <source>its folder is read-only</source>
      <translation>其所在文件夹是只读的</translation>
    </message>
    <message>
      <source>keep these words whole when segmenting</source>
      <translation>分词时保持这些词完整</translation>
    </message>
    <message>
      <source>keywords also match inside longer words</source>
      <translation>关键词也匹配更长词语中的部分</translation>
    </message>
    <message>
      <source>keywords of a code's passages or of a document</source>
      <translation>某个编码的片段或某篇文档的关键词</translation>
    </message>
    <message>
      <source>keywords of document 3</source>
      <translation>3 号文档的关键词</translation>
    </message>
    <message>
      <source>learn only from this coder's passages (default: all)</source>
      <translation>只从这位编码员的片段中学习（默认：全部）</translation>
    </message>
    <message>
      <source>learn, report, add proposals</source>
      <translation>学习、报告并添加建议</translation>
    </message>
    <message>
      <source>learned from {n:,} {unit} of {docs:,} coded document(s) ({total:,} in all); quality by cross-validation, split by document, at confidence ≥ {conf:.2f}:</source>
      <translation>从 {docs:,} 篇已编码文档的 {n:,} 个{unit}中学习（共 {total:,} 个）；按文档划分交叉验证的质量，置信度 ≥ {conf:.2f}：</translation>
    </message>
    <message>
      <source>learning</source>
      <translation>正在学习</translation>
    </message>
    <message>
      <source>list every disagreement in the workbook's 分歧 sheet (default: the first 10,000, then a row saying how many more there are)</source>
      <translation>在工作簿的“分歧”表中列出全部分歧（默认：前 10,000 条，再加一行说明还有多少条）</translation>
    </message>
    <message>
      <source>list every stopword, not only changes</source>
      <translation>列出全部停用词，而不只是改动</translation>
    </message>
    <message>
      <source>list every term in use: starter list, code keywords and the project's</source>
      <translation>列出所有在用的术语：起始词表、编码关键词和项目术语</translation>
    </message>
    <message>
      <source>list or edit the stopwords: stopwords PROJECT [list|add WORD…|remove WORD…]</source>
      <translation>列出或编辑停用词：stopwords 项目 [list|add 词…|remove 词…]</translation>
    </message>
    <message>
      <source>list or edit the words segmentation keeps whole: terms PROJECT [list|add WORD…|remove WORD…|import FILE|suggest]</source>
      <translation>列出或编辑分词时保持完整的词：terms 项目 [list|add 词…|remove 词…|import 文件|suggest]</translation>
    </message>
    <message>
      <source>list the backups, newest first</source>
      <translation>列出备份，最新的在前</translation>
    </message>
    <message>
      <source>list the coders with their passage counts</source>
      <translation>列出编码员及其片段数</translation>
    </message>
    <message>
      <source>list the documents with number, title and attributes</source>
      <translation>列出文档的编号、标题和属性</translation>
    </message>
    <message>
      <source>list the pending proposals</source>
      <translation>列出待审的建议</translation>
    </message>
    <message>
      <source>list, import or export the codebook</source>
      <translation>列出、导入或导出编码本</translation>
    </message>
    <message>
      <source>list, take or restore the daily backups kept beside a project</source>
      <translation>列出、创建或恢复项目旁保存的每日备份</translation>
    </message>
    <message>
      <source>list: rejected proposals too</source>
      <translation>list：也列出已拒绝的建议</translation>
    </message>
    <message>
      <source>make a blind copy for a second coder: same documents and codebook, no passages</source>
      <translation>为第二位编码员制作盲副本：文档和编码表相同，不含片段</translation>
    </message>
    <message>
      <source>match(es)</source>
      <translation>命中</translation>
    </message>
    <message>
      <source>merge a codebook (.yaml, .xlsx, .qdc or shipped name) by code path</source>
      <translation>按编码路径合并编码本（.yaml、.xlsx、.qdc 或自带编码本名称）</translation>
    </message>
    <message>
      <source>merge a shipped codebook by code path</source>
      <translation>按编码路径合并自带编码本</translation>
    </message>
    <message>
      <source>merged</source>
      <translation>已合并</translation>
    </message>
    <message>
      <source>merging</source>
      <translation>正在合并</translation>
    </message>
    <message>
      <source>name of the coder the copy is for</source>
      <translation>副本所属编码员的名字</translation>
    </message>
    <message>
      <source>needs {units} coded units in {docs} documents (has {has} in {has_docs})</source>
      <translation>需要 {docs} 篇文档中共 {units} 个已编码单元（现有 {has_docs} 篇中的 {has} 个）</translation>
    </message>
    <message>
      <source>next {n} unit(s) to code (the model is least sure):</source>
      <translation>接下来要编码的 {n} 个单元（模型最没把握）：</translation>
    </message>
    <message>
      <source>no backups yet in {folder}</source>
      <translation>{folder} 中还没有备份</translation>
    </message>
    <message>
      <source>no code with id {id}</source>
      <translation>没有 id 为 {id} 的编码</translation>
    </message>
    <message>
      <source>no coders yet</source>
      <translation>还没有编码员</translation>
    </message>
    <message>
      <source>no codes with keywords: nothing to propose</source>
      <translation>没有带关键词的编码：无可建议</translation>
    </message>
    <message>
      <source>no document with id {id}</source>
      <translation>没有 id 为 {id} 的文档</translation>
    </message>
    <message>
      <source>no new terms found (the documents are too few or too short, or every recurring term is known already)</source>
      <translation>没有找到新术语（文档太少或太短，或反复出现的术语都已收录）</translation>
    </message>
    <message>
      <source>no progress bar (there is none when stderr is not a terminal)</source>
      <translation>不显示进度条（标准错误输出不是终端时本来就不显示）</translation>
    </message>
    <message>
      <source>not a proposal id: {error}</source>
      <translation>不是建议编号：{error}</translation>
    </message>
    <message>
      <source>not listed again: {count} earlier conflict(s), unchanged there since the last merge (ours kept)</source>
      <translation>不再列出：{count} 处以前的冲突，自上次合并以来对方未改（保留本项目的）</translation>
    </message>
    <message>
      <source>not stopwords</source>
      <translation>不是停用词</translation>
    </message>
    <message>
      <source>not terms</source>
      <translation>不是术语</translation>
    </message>
    <message>
      <source>note: the term list changed since the index was built; `annotator index {project} --rebuild` re-segments</source>
      <translation>注意：建索引后术语表有变动；`annotator index {project} --rebuild` 可重新分词</translation>
    </message>
    <message>
      <source>note: {count} document(s) not indexed yet</source>
      <translation>注意：还有 {count} 篇文档未建索引</translation>
    </message>
    <message>
      <source>number a document's units of analysis by its own numbering (政策编号-章-条-款, 政策编号-章节-条款)</source>
      <translation>按文档自身的编号给分析单元编号（政策编号-章-条-款，政策编号-章节-条款）</translation>
    </message>
    <message>
      <source>number this document by RULE from now on: {rules}</source>
      <translation>今后按此规则给该文档编号：{rules}</translation>
    </message>
    <message>
      <source>one past the last character</source>
      <translation>最后一个字的下一位</translation>
    </message>
    <message>
      <source>only documents whose attribute KEY has one of the VALUEs (joined by ','); repeat for more keys, all must match</source>
      <translation>只用属性 键 取其中某个 值（用“,”连接）的文档；可重复用于多个键，须全部符合</translation>
    </message>
    <message>
      <source>only documents with this attribute value (repeatable, all must match)</source>
      <translation>只用带此属性值的文档（可重复，须全部符合）</translation>
    </message>
    <message>
      <source>only passages by this coder (repeat, or join names with ','; default: every coder)</source>
      <translation>只用此编码员的片段（可重复，或用“,”连接姓名；默认：所有编码员）</translation>
    </message>
    <message>
      <source>only these codes (paths)</source>
      <translation>只用这些编码（路径）</translation>
    </message>
    <message>
      <source>only these document numbers</source>
      <translation>只用这些编号的文档</translation>
    </message>
    <message>
      <source>only this branch of the codebook (repeatable)</source>
      <translation>只用编码本的这一分支（可重复）</translation>
    </message>
    <message>
      <source>only this code and its sub-codes (repeatable)</source>
      <translation>只用此编码及其下级编码（可重复）</translation>
    </message>
    <message>
      <source>open a project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <source>opened read-only</source>
      <translation>以只读方式打开</translation>
    </message>
    <message>
      <source>options</source>
      <translation>选项</translation>
    </message>
    <message>
      <source>paragraph(s)</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>paragraphs</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>passage(s)</source>
      <translation>个片段</translation>
    </message>
    <message>
      <source>passages</source>
      <translation>片段</translation>
    </message>
    <message>
      <source>passages:  {value}</source>
      <translation>片段：    {value}</translation>
    </message>
    <message>
      <source>permission denied</source>
      <translation>没有权限</translation>
    </message>
    <message>
      <source>phrase: the characters anywhere (default); word: whole segmented words only; regex: Python regular expression over the stored text</source>
      <translation>phrase：字符出现在任何位置（默认）；word：只找分词后的完整词；regex：在存储的文本上运行 Python 正则表达式</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>位置参数</translation>
    </message>
    <message>
      <source>precision {p:.2f} below {threshold:.2f}</source>
      <translation>精确率 {p:.2f} 低于 {threshold:.2f}</translation>
    </message>
    <message>
      <source>print a table: codes × documents or × an attribute, X×Y, or co-occurrence</source>
      <translation>打印表格：编码 × 文档或 × 属性、X×Y，或共现</translation>
    </message>
    <message>
      <source>print shares (of the column, the row or the total) instead of counts</source>
      <translation>打印占比（占列、行或总数）而不是计数</translation>
    </message>
    <message>
      <source>project file to open (the window asks before creating a missing one)</source>
      <translation>要打开的项目文件（文件不存在时，窗口会先询问是否新建）</translation>
    </message>
    <message>
      <source>project:   {value}</source>
      <translation>项目：    {value}</translation>
    </message>
    <message>
      <source>proposal ids, or the code path for accept-code</source>
      <translation>建议编号，或 accept-code 的编码路径</translation>
    </message>
    <message>
      <source>propose a unit when the model is at least this sure (default 0.7)</source>
      <translation>模型把握至少达到此值时才建议该单元（默认 0.7）</translation>
    </message>
    <message>
      <source>propose codes learned from your own coding (offline), with measured precision</source>
      <translation>从您自己的编码中学习并建议编码（离线），附测得的精确率</translation>
    </message>
    <message>
      <source>propose passages from the codes' keywords</source>
      <translation>按编码的关键词建议编码片段</translation>
    </message>
    <message>
      <source>propose terms found in the texts</source>
      <translation>从文本中建议术语</translation>
    </message>
    <message>
      <source>put this backup (a name from the list, or a path) in the project's place; close the project in the window first</source>
      <translation>用此备份（列表中的名称或路径）替换项目；请先在窗口中关闭该项目</translation>
    </message>
    <message>
      <source>re-segment every document after term changes</source>
      <translation>术语变动后重新给所有文档分词</translation>
    </message>
    <message>
      <source>re-segment every document with the current term list</source>
      <translation>用当前术语表重新给所有文档分词</translation>
    </message>
    <message>
      <source>rejected {count} proposal(s)</source>
      <translation>已拒绝 {count} 条建议</translation>
    </message>
    <message>
      <source>removed: {words}</source>
      <translation>已删除：{words}</translation>
    </message>
    <message>
      <source>report only; store no proposals</source>
      <translation>只报告，不保存建议</translation>
    </message>
    <message>
      <source>report what would change; write nothing</source>
      <translation>只报告会改变什么，不写入任何内容</translation>
    </message>
    <message>
      <source>restored {project} from {backup}; the state before is kept as {safety}</source>
      <translation>已从 {backup} 恢复 {project}；恢复前的状态另存为 {safety}</translation>
    </message>
    <message>
      <source>results shown (default 50; 0: all)</source>
      <translation>显示的结果数（默认 50；0：全部）</translation>
    </message>
    <message>
      <source>review auto-coding proposals: list, accept ID…, reject ID…, accept-code PATH</source>
      <translation>审阅自动编码建议：list、accept 编号…、reject 编号…、accept-code 路径</translation>
    </message>
    <message>
      <source>review with `annotator proposals {project}`</source>
      <translation>用 `annotator proposals {project}` 审阅</translation>
    </message>
    <message>
      <source>rows to show (default 50)</source>
      <translation>显示的行数（默认 50）</translation>
    </message>
    <message>
      <source>saving</source>
      <translation>正在保存</translation>
    </message>
    <message>
      <source>schema:    {value}</source>
      <translation>数据版本：{value}</translation>
    </message>
    <message>
      <source>sentence(s)</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>sentences</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>shipped codebook name or codebook file to start from</source>
      <translation>起始用的自带编码本名称或编码本文件</translation>
    </message>
    <message>
      <source>shortest word counted, in characters (default 2)</source>
      <translation>计入的最短词长，按字数（默认 2）</translation>
    </message>
    <message>
      <source>show program's version number and exit</source>
      <translation>显示程序版本号并退出</translation>
    </message>
    <message>
      <source>show the code tree (or the shipped codebooks)</source>
      <translation>显示编码树（或自带的编码本）</translation>
    </message>
    <message>
      <source>show the search index; --rebuild after term changes</source>
      <translation>显示搜索索引；术语变动后用 --rebuild</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>显示本帮助并退出</translation>
    </message>
    <message>
      <source>split text into words with the project's terms</source>
      <translation>用项目术语给文本分词</translation>
    </message>
    <message>
      <source>starter terms switched off: {terms}</source>
      <translation>已停用的起始术语：{terms}</translation>
    </message>
    <message>
      <source>suggest: how many terms to propose (default 50)</source>
      <translation>suggest：建议多少个术语（默认 50）</translation>
    </message>
    <message>
      <source>suggest: occurrences a term needs at least (default 3)</source>
      <translation>suggest：术语至少出现的次数（默认 3）</translation>
    </message>
    <message>
      <source>tab-separated (pastes into Excel)</source>
      <translation>以制表符分隔（可粘贴到 Excel）</translation>
    </message>
    <message>
      <source>take a backup now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>take one now</source>
      <translation>立即备份一次</translation>
    </message>
    <message>
      <source>term</source>
      <translation>术语</translation>
    </message>
    <message>
      <source>terms import: name one file</source>
      <translation>terms import：请给出一个文件</translation>
    </message>
    <message>
      <source>terms suggest: --top must be at least 1</source>
      <translation>terms suggest：--top 至少为 1</translation>
    </message>
    <message>
      <source>terms suggest: takes no words (use --top N)</source>
      <translation>terms suggest：不接受词语（请用 --top N）</translation>
    </message>
    <message>
      <source>terms to add or remove, or the file to import</source>
      <translation>要添加或删除的术语，或要导入的文件</translation>
    </message>
    <message>
      <source>the .qdpx (or bare .qde) file</source>
      <translation>.qdpx 文件（或单独的 .qde 文件）</translation>
    </message>
    <message>
      <source>the 30 most frequent words</source>
      <translation>最常见的 30 个词</translation>
    </message>
    <message>
      <source>the X×Y report workbook of two branches</source>
      <translation>两个分支的 X×Y 报告工作簿</translation>
    </message>
    <message>
      <source>the X×Y table of two branches (units carrying both)</source>
      <translation>两个分支的 X×Y 表（同时带有两者的单元）</translation>
    </message>
    <message>
      <source>the codebook as an Excel sheet</source>
      <translation>把编码本写成 Excel 表</translation>
    </message>
    <message>
      <source>the coded Excel workbook</source>
      <translation>编码结果 Excel 工作簿</translation>
    </message>
    <message>
      <source>the disk is full; nothing of this step was saved (free some space and try again)</source>
      <translation>磁盘已满；这一步的内容都没有保存（请腾出空间后重试）</translation>
    </message>
    <message>
      <source>the disk is read-only</source>
      <translation>磁盘是只读的</translation>
    </message>
    <message>
      <source>the disk reported an input/output error</source>
      <translation>磁盘报告了输入/输出错误</translation>
    </message>
    <message>
      <source>the documents with their numbers</source>
      <translation>文档及其编号</translation>
    </message>
    <message>
      <source>the file cannot be opened (missing folder, or no permission)</source>
      <translation>无法打开文件（文件夹不存在或没有权限）</translation>
    </message>
    <message>
      <source>the file is damaged or not an annotator project</source>
      <translation>文件已损坏，或不是 annotator 项目</translation>
    </message>
    <message>
      <source>the file is read-only</source>
      <translation>文件是只读的</translation>
    </message>
    <message>
      <source>the file, its folder or its disk is read-only; nothing can be saved there</source>
      <translation>文件、其所在文件夹或磁盘是只读的；无法在那里保存</translation>
    </message>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>缺少以下参数：%s</translation>
    </message>
    <message>
      <source>the new project file to create</source>
      <translation>要新建的项目文件</translation>
    </message>
    <message>
      <source>the new project file to write</source>
      <translation>要写出的新项目文件</translation>
    </message>
    <message>
      <source>the other coder's project file (not changed)</source>
      <translation>另一位编码员的项目文件（不会被修改）</translation>
    </message>
    <message>
      <source>the passages as CSV for R or pandas</source>
      <translation>编码片段 CSV，供 R 或 pandas 使用</translation>
    </message>
    <message>
      <source>the project is locked by another program that is writing to it; try again when it has finished</source>
      <translation>项目被另一个正在写入的程序锁定；等它完成后再试</translation>
    </message>
    <message>
      <source>the project's code tree</source>
      <translation>项目的编码树</translation>
    </message>
    <message>
      <source>the row and column branches</source>
      <translation>行分支和列分支</translation>
    </message>
    <message>
      <source>the shipped codebooks</source>
      <translation>自带的编码本</translation>
    </message>
    <message>
      <source>the term list changed since the index was built: use --rebuild</source>
      <translation>建索引后术语表有变动：请用 --rebuild</translation>
    </message>
    <message>
      <source>the text, or "-" to read standard input</source>
      <translation>文本，或用 "-" 从标准输入读取</translation>
    </message>
    <message>
      <source>the whole project for NVivo, MAXQDA…</source>
      <translation>整个项目，供 NVivo、MAXQDA 等使用</translation>
    </message>
    <message>
      <source>the words of a text</source>
      <translation>一段文字的分词结果</translation>
    </message>
    <message>
      <source>the workbook to write (.xlsx)</source>
      <translation>要写出的工作簿（.xlsx）</translation>
    </message>
    <message>
      <source>then review (accept or reject)</source>
      <translation>然后审阅（接受或拒绝）</translation>
    </message>
    <message>
      <source>treat every chosen document as coded by every coder (default: a coder coded the documents they have passages in)</source>
      <translation>视所选的每篇文档都已由每位编码员编码（默认：编码员只编码了其有片段的文档）</translation>
    </message>
    <message>
      <source>two files</source>
      <translation>两个文件</translation>
    </message>
    <message>
      <source>unit of analysis (default: paragraph)</source>
      <translation>分析单元（默认：段落）</translation>
    </message>
    <message>
      <source>unit of analysis for --xy and --cooccurrence unit (default: paragraph)</source>
      <translation>--xy 和 --cooccurrence unit 的分析单元（默认：段落）</translation>
    </message>
    <message>
      <source>unknown unit {unit!r} (use {units})</source>
      <translation>未知单元 {unit!r}（可用：{units}）</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translation>无法读取</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>无法识别的参数：%s</translation>
    </message>
    <message>
      <source>updated: {codes} code(s), {titles} title(s), {attributes} attribute value(s), {memos} memo(s)</source>
      <translation>更新：{codes} 个编码，{titles} 个标题，{attributes} 个属性值，{memos} 条备注</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>用法：</translation>
    </message>
    <message>
      <source>use --documents or --where, not both</source>
      <translation>--documents 和 --where 只能用其一</translation>
    </message>
    <message>
      <source>what a keyword proposes: its sentence (default) or paragraph</source>
      <translation>关键词建议的范围：所在句子（默认）或段落</translation>
    </message>
    <message>
      <source>what merging would change</source>
      <translation>合并会改动什么</translation>
    </message>
    <message>
      <source>who coded how many passages</source>
      <translation>各编码员编码了多少片段</translation>
    </message>
    <message>
      <source>whole words only (the same as --mode word)</source>
      <translation>只找完整词（同 --mode word）</translation>
    </message>
    <message>
      <source>with --by ATTRIBUTE: group by the year found in the values</source>
      <translation>与 --by 属性 连用：按值中的年份分组</translation>
    </message>
    <message>
      <source>with --code: code the matches (default), their sentences or their paragraphs</source>
      <translation>与 --code 连用：给命中本身（默认）、所在句子或所在段落编码</translation>
    </message>
    <message>
      <source>with --code: coder name (default: login name)</source>
      <translation>与 --code 连用：编码员姓名（默认：登录名）</translation>
    </message>
    <message>
      <source>with --code: the code's own passages only</source>
      <translation>与 --code 连用：只用该编码自身的片段</translation>
    </message>
    <message>
      <source>with --mode word: also inside longer words (the same as the default, --mode phrase)</source>
      <translation>与 --mode word 连用：也找更长词语中的部分（同默认的 --mode phrase）</translation>
    </message>
    <message>
      <source>with --xy: print the unit numbers in each cell</source>
      <translation>与 --xy 连用：在每格中打印单元编号</translation>
    </message>
    <message>
      <source>word</source>
      <translation>词语</translation>
    </message>
    <message>
      <source>word frequencies with parts of speech: the corpus, one document or one code</source>
      <translation>带词性的词频：全部语料、某篇文档或某个编码</translation>
    </message>
    <message>
      <source>word lists</source>
      <translation>词表</translation>
    </message>
    <message>
      <source>would merge (dry run, nothing written)</source>
      <translation>将会合并（试运行，未写入任何内容）</translation>
    </message>
    <message>
      <source>write the X×Y report workbook: 交叉表 (counts, shares, unit lists) with a heat map, code shares with bar charts, code × document / attribute tables, co-occurrence</source>
      <translation>写出 X×Y 报告工作簿：交叉表（计数、占比、单元列表）及热力图、编码占比及柱状图、编码 × 文档/属性表、共现</translation>
    </message>
    <message>
      <source>write the coded Excel workbook (.xlsx), a REFI-QDA project (.qdpx) or codebook (.qdc), or the passages as CSV (.csv)</source>
      <translation>写出编码结果 Excel 工作簿（.xlsx）、REFI-QDA 项目（.qdpx）或编码本（.qdc），或编码片段 CSV（.csv）</translation>
    </message>
    <message>
      <source>write the project's codebook (.yaml, .xlsx or .qdc)</source>
      <translation>写出项目的编码本（.yaml、.xlsx 或 .qdc）</translation>
    </message>
    <message>
      <source>writing the other sheets…</source>
      <translation>正在写其余工作表…</translation>
    </message>
    <message>
      <source>wrote {path} for {coder}: {documents} document(s), {codes} code(s), no passages</source>
      <translation>已为 {coder} 写出 {path}：{documents} 篇文档，{codes} 个编码，不含片段</translation>
    </message>
    <message>
      <source>wrote {target}</source>
      <translation>已写出 {target}</translation>
    </message>
    <message>
      <source>wrote {target}: {rows} × {columns} codes, {units} units carry both; sheets: {sheets}</source>
      <translation>已写出 {target}：{rows} × {columns} 个编码，{units} 个单元同时带有两者；工作表：{sheets}</translation>
    </message>
    <message>
      <source>wrote {target}: {what}</source>
      <translation>已写出 {target}：{what}</translation>
    </message>
    <message>
      <source>{added} code(s) added, {updated} updated</source>
      <translation>新增 {added} 个编码，更新 {updated} 个</translation>
    </message>
    <message>
      <source>{codes} code(s)</source>
      <translation>{codes} 个编码</translation>
    </message>
    <message>
      <source>{code}: {proposed} new proposal(s) from {matches} keyword match(es){extra}</source>
      <translation>{code}：从 {matches} 处关键词命中得到 {proposed} 条新建议{extra}</translation>
    </message>
    <message>
      <source>{command} {action}: name at least one {what}</source>
      <translation>{command} {action}：请至少给出一个{what}</translation>
    </message>
    <message>
      <source>{count} already coded</source>
      <translation>{count} 条已编码</translation>
    </message>
    <message>
      <source>{count} already pending</source>
      <translation>{count} 条已在待审</translation>
    </message>
    <message>
      <source>{count} conflict(s) to look at (nothing was dropped):</source>
      <translation>{count} 处冲突需要查看（没有丢弃任何内容）：</translation>
    </message>
    <message>
      <source>{count} disagreement(s):</source>
      <translation>{count} 处分歧：</translation>
    </message>
    <message>
      <source>{count} rejected before</source>
      <translation>{count} 条此前已拒绝</translation>
    </message>
    <message>
      <source>{count} stopword(s) added</source>
      <translation>添加了 {count} 个停用词</translation>
    </message>
    <message>
      <source>{count} stopword(s) removed</source>
      <translation>删除了 {count} 个停用词</translation>
    </message>
    <message>
      <source>{count} stopwords ({shipped} shipped, {added} added, {removed} removed)</source>
      <translation>{count} 个停用词（自带 {shipped} 个，添加 {added} 个，删除 {removed} 个）</translation>
    </message>
    <message>
      <source>{count} term(s) added</source>
      <translation>添加了 {count} 个术语</translation>
    </message>
    <message>
      <source>{count} term(s) removed</source>
      <translation>删除了 {count} 个术语</translation>
    </message>
    <message>
      <source>{count} warning(s):</source>
      <translation>{count} 条警告：</translation>
    </message>
    <message>
      <source>{documents} document(s), {codes} code(s), {coders} coder(s), {passages} passage(s) ({memos} with memos), {values} attribute value(s)</source>
      <translation>{documents} 篇文档，{codes} 个编码，{coders} 位编码员，{passages} 个片段（{memos} 个带备注），{values} 个属性值</translation>
    </message>
    <message>
      <source>{documents} document(s), {codes} code(s), {coders} coder(s), {passages} passage(s), {memos} memo(s)</source>
      <translation>{documents} 篇文档，{codes} 个编码，{coders} 位编码员，{passages} 个片段，{memos} 条备注</translation>
    </message>
    <message>
      <source>{imported} imported, {duplicate} duplicate, {failed} failed</source>
      <translation>导入 {imported} 个，重复 {duplicate} 个，失败 {failed} 个</translation>
    </message>
    <message>
      <source>{n:,} proposal(s) added to the review queue (`annotator proposals {project}`); {ranked:,} keyword proposal(s) ranked by the model</source>
      <translation>已向待审队列添加 {n:,} 条建议（`annotator proposals {project}`）；{ranked:,} 条关键词建议已按模型排序</translation>
    </message>
    <message>
      <source>{name}: no such backup of {project} (see `annotator backups {project}`)</source>
      <translation>{name}：{project} 没有这个备份（见 `annotator backups {project}`）</translation>
    </message>
    <message>
      <source>{n} backup(s) in {folder}:</source>
      <translation>{folder} 中有 {n} 个备份：</translation>
    </message>
    <message>
      <source>{own} project terms, {used} in use</source>
      <translation>{own} 个项目术语，{used} 个在用</translation>
    </message>
    <message>
      <source>{passages} passage(s)</source>
      <translation>{passages} 个片段</translation>
    </message>
    <message>
      <source>{passages} passage(s), {documents} document(s)</source>
      <translation>{passages} 个片段，{documents} 篇文档</translation>
    </message>
    <message>
      <source>{path}: file already exists</source>
      <translation>{path}：文件已存在</translation>
    </message>
    <message>
      <source>{path}: folder {folder} does not exist</source>
      <translation>{path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
      <source>{path}: is a folder, not a project file</source>
      <translation>{path}：是文件夹，不是项目文件</translation>
    </message>
    <message>
      <source>{path}: no such project file</source>
      <translation>{path}：没有这个项目文件</translation>
    </message>
    <message>
      <source>{path}: not an annotator project (no schema version)</source>
      <translation>{path}：不是 annotator 项目（没有架构版本）</translation>
    </message>
    <message>
      <source>{path}: not an annotator project (not a SQLite file)</source>
      <translation>{path}：不是 annotator 项目（不是 SQLite 文件）</translation>
    </message>
    <message>
      <source>{path}: not an annotator project ({kind})</source>
      <translation>{path}：不是 annotator 项目（{kind}）</translation>
    </message>
    <message>
      <source>{path}: project schema version {found} is newer than this annotator supports ({supported}); update annotator to open it</source>
      <translation>{path}：项目的架构版本 {found} 比本 annotator 支持的版本（{supported}）新；请升级 annotator 后再打开</translation>
    </message>
    <message>
      <source>{path}: the project is open read-only ({reason}); this change was not saved</source>
      <translation>{path}：项目以只读方式打开（{reason}）；这次修改没有保存</translation>
    </message>
    <message>
      <source>{path}: {cause}</source>
      <translation>{path}：{cause}</translation>
    </message>
    <message>
      <source>{path}: {cause} ({detail})</source>
      <translation>{path}：{cause}（{detail}）</translation>
    </message>
    <message>
      <source>{pending} pending, {rejected} rejected</source>
      <translation>待审 {pending} 条，已拒绝 {rejected} 条</translation>
    </message>
    <message>
      <source>{project}: no code {code!r}</source>
      <translation>{project}：没有编码 {code!r}</translation>
    </message>
    <message>
      <source>{project}: no code {path}</source>
      <translation>{project}：没有编码 {path}</translation>
    </message>
    <message>
      <source>{project}: no coder {name}</source>
      <translation>{project}：没有编码员 {name}</translation>
    </message>
    <message>
      <source>{project}: no document number {number}</source>
      <translation>{project}：没有 {number} 号文档</translation>
    </message>
    <message>
      <source>{proposed} new proposal(s) ({unit}) for {codes} code(s)</source>
      <translation>为 {codes} 个编码新建 {proposed} 条建议（{unit}）</translation>
    </message>
    <message>
      <source>{target}: unknown export format {suffix}; use {formats}</source>
      <translation>{target}：不认识的导出格式 {suffix}；请用 {formats}</translation>
    </message>
    <message>
      <source>{total} match(es) in {documents} document(s){shown}</source>
      <translation>在 {documents} 篇文档中命中 {total} 处{shown}</translation>
    </message>
    <message>
      <source>{verb} {other} into {project}</source>
      <translation>{verb}：{other} → {project}</translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <source>Add code “%1”</source>
      <translation>添加编码“%1”</translation>
    </message>
    <message>
      <source>Change unit numbering</source>
      <translation>更改单元编号规则</translation>
    </message>
    <message>
      <source>Code as “%1”</source>
      <translation>编码为“%1”</translation>
    </message>
    <message>
      <source>Delete code</source>
      <translation>删除编码</translation>
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
      <source>Import codebook</source>
      <translation>导入编码表</translation>
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
    <name>CooccurrenceTab</name>
    <message>
      <source>In overlapping passages</source>
      <translation>片段相互重叠</translation>
    </message>
    <message>
      <source>In the same unit</source>
      <translation>出现在同一单位</translation>
    </message>
    <message>
      <source>No project open</source>
      <translation>未打开项目</translation>
    </message>
    <message>
      <source>Pairs of overlapping passages; the diagonal: passages of the code.</source>
      <translation>数值为相互重叠的片段对数；对角线为该编码的片段数。</translation>
    </message>
    <message>
      <source>Paragraph</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>Parent codes include their sub-codes</source>
      <translation>上级编码包含其下级编码</translation>
    </message>
    <message>
      <source>Sentence</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>Units in which both codes occur; the diagonal: units with the code.</source>
      <translation>数值为两个编码同时出现的单位数；对角线为含该编码的单位数。</translation>
    </message>
  </context>
  <context>
    <name>DerivedDataBuilder</name>
    <message>
      <source>Preparing text data…</source>
      <translation>正在准备文本数据…</translation>
    </message>
    <message>
      <source>Preparing text data… %1/%2</source>
      <translation>正在准备文本数据… %1/%2</translation>
    </message>
  </context>
  <context>
    <name>DocumentTableModel</name>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
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
      <source>(no document chosen)</source>
      <translation>（未选择文档）</translation>
    </message>
    <message>
      <source>Delete document</source>
      <translation>删除文档</translation>
    </message>
    <message>
      <source>Delete document…</source>
      <translation>删除文档…</translation>
    </message>
    <message>
      <source>Delete the document “%1” and its %2 coded passage(s)?

This cannot be undone, and it clears the undo history: the steps made before it cannot be undone afterwards either.</source>
      <translation>删除文档“%1”及其 %2 个编码片段？

此操作无法撤销，并会清空撤销记录：此前的操作之后也无法再撤销。</translation>
    </message>
    <message>
      <source>Detected from the text (%1)</source>
      <translation>按正文自动识别（%1）</translation>
    </message>
    <message>
      <source>Edit attributes…</source>
      <translation>编辑属性…</translation>
    </message>
    <message>
      <source>Filter documents (title, attributes)</source>
      <translation>筛选文档（标题、属性）</translation>
    </message>
    <message>
      <source>Notice or article: its heading numbers</source>
      <translation>文件与论文：按标题编号</translation>
    </message>
    <message>
      <source>Paragraphs only</source>
      <translation>仅按段落</translation>
    </message>
    <message>
      <source>Statute: chapter-article-paragraph (章-条-款)</source>
      <translation>法规：章-条-款</translation>
    </message>
    <message>
      <source>Unit numbering</source>
      <translation>单元编号规则</translation>
    </message>
  </context>
  <context>
    <name>ErrorReporter</name>
    <message>
      <source>Something went wrong: %1</source>
      <translation>出错了：%1</translation>
    </message>
    <message>
      <source>The details are in the log file:
%1</source>
      <translation>详细信息在日志文件中：
%1</translation>
    </message>
    <message>
      <source>Unexpected error</source>
      <translation>意外错误</translation>
    </message>
    <message>
      <source>Your work is kept: every finished action is already saved in the project file. You can go on working, or save a copy and restart.</source>
      <translation>您的工作没有丢失：每一步已完成的操作都已保存在项目文件中。您可以继续工作，也可以复制一份项目后重新启动。</translation>
    </message>
    <message>
      <source>annotator could not start</source>
      <translation>annotator 无法启动</translation>
    </message>
  </context>
  <context>
    <name>ExchangeReport</name>
    <message numerus="yes">
      <source>%n attribute value(s).</source>
      <translation>
        <numerusform>%n 个属性值。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s)</source>
      <translation>
        <numerusform>%n 个编码</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) added</source>
      <translation>
        <numerusform>新增 %n 个编码</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n coder(s)</source>
      <translation>
        <numerusform>%n 位编码员</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n 篇文档</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n memo(s).</source>
      <translation>
        <numerusform>%n 条备注。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s)</source>
      <translation>
        <numerusform>%n 个片段</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unchanged.</source>
      <translation>
        <numerusform>%n 个未变。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>更新 %n 个</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(%n with memos)</source>
      <translation>
        <numerusform>（其中 %n 个带备注）</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message numerus="yes">
      <source>Code “%1” has sub-codes and %n passage(s) of its own: QualCoder 3.8 imports it as a category holding the sub-codes, plus a plain code of the same name that gets these passages.</source>
      <translation>
        <numerusform>编码“%1”有下级编码，自身也有 %n 个片段：QualCoder 3.8 会把它导入为一个包含这些下级编码的类别，外加一个同名的普通编码来承载这些片段。</numerusform>
      </translation>
    </message>
    <message>
      <source>Codebook %1 merged into the open project.</source>
      <translation>编码表 %1 已合并到当前项目。</translation>
    </message>
    <message>
      <source>Codebook values left out</source>
      <translation>未导入的编码表内容</translation>
    </message>
    <message>
      <source>Codings left out (outside their text, empty or without a code)</source>
      <translation>未导入的编码（超出原文范围、为空或没有对应编码）</translation>
    </message>
    <message>
      <source>Colours changed</source>
      <translation>已调整的颜色</translation>
    </message>
    <message>
      <source>Created the new project %1 from %2 (made with %3).</source>
      <translation>已从 %2 新建项目 %1（原文件由 %3 生成）。</translation>
    </message>
    <message>
      <source>Duplicates merged</source>
      <translation>已合并的重复项</translation>
    </message>
    <message>
      <source>Exported the project to %1.</source>
      <translation>已将项目导出到 %1。</translation>
    </message>
    <message>
      <source>Markup outside the REFI-QDA schema, accepted as it is</source>
      <translation>不符合 REFI-QDA 规范但已照常接受的标记</translation>
    </message>
    <message>
      <source>Not supported here (pictures, audio, video, PDF regions, sets…)</source>
      <translation>本软件不支持的内容（图片、音频、视频、PDF 区域、集合等）</translation>
    </message>
    <message>
      <source>Notes with no place in annotator</source>
      <translation>annotator 中无处存放的备忘录</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Positions converted</source>
      <translation>已换算的位置</translation>
    </message>
    <message>
      <source>References to unknown codes, users or notes</source>
      <translation>引用了不存在的编码、用户或备忘录</translation>
    </message>
    <message>
      <source>Source texts found another way than the standard says</source>
      <translation>原文文件未按标准规定的位置找到，已按其他方式找到</translation>
    </message>
    <message>
      <source>Source texts not found (those documents are missing)</source>
      <translation>找不到原文（这些文档未导入）</translation>
    </message>
    <message>
      <source>The code name “%1” is used by %2 codes at different places in the tree: QualCoder makes only the first and imports the passages of the others without a code (rename them to keep them apart).</source>
      <translation>编码名“%1”被编码树中不同位置的 %2 个编码使用：QualCoder 只建立第一个，其余编码的片段导入后不带编码（请改名加以区分）。</translation>
    </message>
    <message>
      <source>What the receiving tool is known to change (the file itself is complete)</source>
      <translation>接收软件已知会改动的内容（文件本身完整无缺）</translation>
    </message>
    <message>
      <source>an unnamed QDA tool</source>
      <translation>未注明名称的 QDA 软件</translation>
    </message>
  </context>
  <context>
    <name>ExchangeReportDialog</name>
    <message>
      <source>%1 warning(s): what was changed or left out on the way in. The original file was not changed.</source>
      <translation>%1 条警告：以下内容在导入时被调整或略去。原文件未作任何改动。</translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s): what another tool is known to change or drop when it imports this file. The file holds everything.</source>
      <translation>
        <numerusform>%n 条警告：其他软件导入此文件时已知会改动或丢弃的内容。文件本身包含全部内容。</numerusform>
      </translation>
    </message>
    <message>
      <source>Export report</source>
      <translation>导出报告</translation>
    </message>
    <message>
      <source>Import report</source>
      <translation>导入报告</translation>
    </message>
    <message>
      <source>No warnings: everything in the file was taken over.</source>
      <translation>没有警告：文件中的全部内容均已导入。</translation>
    </message>
  </context>
  <context>
    <name>ExchangeTools</name>
    <message>
      <source>%1 already exists. An import always makes a new project and never replaces a file: choose another name.</source>
      <translation>%1 已存在。导入总是新建项目，不会覆盖已有文件：请换一个文件名。</translation>
    </message>
    <message>
      <source>%1: not a .qdpx file. A .qdpx is a zip archive and this file is not one; it may be damaged or only partly downloaded.</source>
      <translation>%1：不是 .qdpx 文件。.qdpx 是 zip 压缩包，而此文件不是；文件可能已损坏或未下载完整。</translation>
    </message>
    <message>
      <source>%1: not a codebook this command reads; use a .qdc file or an Excel sheet (.xlsx). YAML codebooks are imported with File ▸ Import codebook (YAML).</source>
      <translation>%1：此命令无法读取该编码表；请使用 .qdc 文件或 Excel 表（.xlsx）。YAML 编码表请用“文件 ▸ 导入编码表（YAML）”导入。</translation>
    </message>
    <message numerus="yes">
      <source>%n code(s)</source>
      <translation>
        <numerusform>%n 个编码</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) added</source>
      <translation>
        <numerusform>新增 %n 个编码</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) written to %1</source>
      <translation>
        <numerusform>已将 %n 个编码写入 %1</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n 篇文档</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s)</source>
      <translation>
        <numerusform>%n 个片段</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) written to %1</source>
      <translation>
        <numerusform>已将 %n 个片段写入 %1</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>更新 %n 个</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>Cannot export %1</source>
      <translation>无法导出 %1</translation>
    </message>
    <message>
      <source>Cannot import %1</source>
      <translation>无法导入 %1</translation>
    </message>
    <message>
      <source>Cannot import codebook %1</source>
      <translation>无法导入编码表 %1</translation>
    </message>
    <message>
      <source>Exported to %1:</source>
      <translation>已导出到 %1：</translation>
    </message>
    <message>
      <source>Exporting to %1…</source>
      <translation>正在导出到 %1…</translation>
    </message>
    <message>
      <source>Imported %1 into %2</source>
      <translation>已将 %1 导入为 %2</translation>
    </message>
    <message>
      <source>Importing %1…</source>
      <translation>正在导入 %1…</translation>
    </message>
  </context>
  <context>
    <name>FileDialogs</name>
    <message>
      <source>Blind copy for a second coder</source>
      <translation>为第二位编码员制作盲编副本</translation>
    </message>
    <message>
      <source>CSV table (*.csv)</source>
      <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
      <source>Codebooks (*.qdc *.xlsx *.xlsm *.qdpx *.qde)</source>
      <translation>编码表 (*.qdc *.xlsx *.xlsm *.qdpx *.qde)</translation>
    </message>
    <message>
      <source>Excel (*.xlsx *.xlsm)</source>
      <translation>Excel (*.xlsx *.xlsm)</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Export codebook</source>
      <translation>导出编码表</translation>
    </message>
    <message>
      <source>Export codebook for another QDA tool</source>
      <translation>导出编码表到其他 QDA 软件</translation>
    </message>
    <message>
      <source>Export for another QDA tool</source>
      <translation>导出到其他 QDA 软件</translation>
    </message>
    <message>
      <source>Export passages as CSV</source>
      <translation>导出编码片段为 CSV</translation>
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
      <source>Import codebook from another QDA tool</source>
      <translation>从其他 QDA 软件导入编码表</translation>
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
      <source>Import from another QDA tool</source>
      <translation>从其他 QDA 软件导入</translation>
    </message>
    <message>
      <source>Import terms</source>
      <translation>导入术语</translation>
    </message>
    <message>
      <source>Merge a coder's copy</source>
      <translation>合并编码员的副本</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>新建项目</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <source>PNG picture (*.png)</source>
      <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
      <source>REFI-QDA codebook (*.qdc)</source>
      <translation>REFI-QDA 编码表 (*.qdc)</translation>
    </message>
    <message>
      <source>REFI-QDA project (*.qdpx *.qde)</source>
      <translation>REFI-QDA 项目 (*.qdpx *.qde)</translation>
    </message>
    <message>
      <source>REFI-QDA project (*.qdpx)</source>
      <translation>REFI-QDA 项目 (*.qdpx)</translation>
    </message>
    <message>
      <source>SVG drawing (*.svg)</source>
      <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
      <source>Save chart</source>
      <translation>保存图表</translation>
    </message>
    <message>
      <source>Save the imported project as</source>
      <translation>将导入的项目另存为</translation>
    </message>
    <message>
      <source>Word lists (*.txt *.dict *.csv *.tsv);;All files (*)</source>
      <translation>词表 (*.txt *.dict *.csv *.tsv);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>FiltersPanel</name>
    <message>
      <source>(all codes)</source>
      <translation>（全部编码）</translation>
    </message>
    <message>
      <source>(all documents)</source>
      <translation>（全部文档）</translation>
    </message>
    <message>
      <source>Code branches</source>
      <translation>编码分支</translation>
    </message>
    <message>
      <source>Documents with the attribute</source>
      <translation>按属性筛选文档</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>筛选</translation>
    </message>
    <message>
      <source>Passages of the coders</source>
      <translation>计入以下编码员的片段</translation>
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
    <name>KeywordsModel</name>
    <message>
      <source>Keyword</source>
      <translation>关键词</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
  </context>
  <context>
    <name>LaunchQuestions</name>
    <message>
      <source>Create a new project?</source>
      <translation>新建项目？</translation>
    </message>
    <message>
      <source>There is no project file %1.

Create a new, empty project there?</source>
      <translation>项目文件 %1 不存在。

要在那里新建一个空项目吗？</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>%1 imported, %2 duplicate(s), %3 failed</source>
      <translation>已导入 %1 个，重复 %2 个，失败 %3 个</translation>
    </message>
    <message>
      <source>%1 is open read-only: %2.

You can read, search and export it; coding and other changes are switched off.</source>
      <translation>%1 以只读方式打开：%2。

可以阅读、检索和导出；编码和其他修改已关闭。</translation>
    </message>
    <message numerus="yes">
      <source>%n code(s)</source>
      <translation>
        <numerusform>%n 个编码</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) added</source>
      <translation>
        <numerusform>新增 %n 个编码</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n 篇文档</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s)</source>
      <translation>
        <numerusform>%n 个片段</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>更新 %n 个</numerusform>
      </translation>
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
      <source>, </source>
      <translation>，</translation>
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
      <source>Coder: %1</source>
      <translation>编码员：%1</translation>
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
      <source>Not coded</source>
      <translation>未编码</translation>
    </message>
    <message>
      <source>Not coded: select text in the article to code it (the selection shown was already coded)</source>
      <translation>未编码：请先在文章中选择要编码的文字（当前显示的选区已编码过）</translation>
    </message>
    <message>
      <source>Not coded: the project is open read-only (%1)</source>
      <translation>未编码：项目以只读方式打开（%1）</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
      <source>Opened read-only</source>
      <translation>已以只读方式打开</translation>
    </message>
    <message>
      <source>Read-only (%1)</source>
      <translation>只读（%1）</translation>
    </message>
    <message>
      <source>Select text in the article first</source>
      <translation>请先在文章中选中文字</translation>
    </message>
    <message>
      <source>Unit &amp;numbering</source>
      <translation>单元编号规则(&amp;N)</translation>
    </message>
    <message>
      <source>read-only</source>
      <translation>只读</translation>
    </message>
  </context>
  <context>
    <name>MergeConflictModel</name>
    <message>
      <source>About</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>Conflict</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>What was kept</source>
      <translation>保留情况</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>%1 conflict(s) to look at; nothing was dropped:</source>
      <translation>%1 处冲突需要查看；没有丢弃任何内容：</translation>
    </message>
    <message>
      <source>A merge cannot be undone: the undo history is cleared afterwards. The other file is not changed.</source>
      <translation>合并无法撤销：合并后撤销记录将被清空。另一个文件不会被改动。</translation>
    </message>
    <message>
      <source>Added: %1 passage(s), %2 code(s), %3 coder(s), %4 document(s), %5 attribute value(s), %6 word(s)</source>
      <translation>新增：%1 个片段、%2 个编码、%3 位编码员、%4 篇文档、%5 个属性值、%6 个词</translation>
    </message>
    <message>
      <source>Already here: %1 passage(s)</source>
      <translation>已存在：%1 个片段</translation>
    </message>
    <message>
      <source>Attribute changed on both sides</source>
      <translation>双方都修改了属性</translation>
    </message>
    <message>
      <source>Changed: %1 code(s), %2 title(s), %3 attribute value(s), %4 memo(s)</source>
      <translation>更新：%1 个编码、%2 个标题、%3 个属性值、%4 条备注</translation>
    </message>
    <message>
      <source>Code deleted here, used there</source>
      <translation>编码在此处已删除，对方仍在使用</translation>
    </message>
    <message>
      <source>Code details differ</source>
      <translation>编码详情不同</translation>
    </message>
    <message>
      <source>Code moved on both sides</source>
      <translation>双方都移动了编码</translation>
    </message>
    <message>
      <source>Code name already taken</source>
      <translation>编码名称已被占用</translation>
    </message>
    <message>
      <source>Code renamed on both sides</source>
      <translation>双方都重命名了编码</translation>
    </message>
    <message>
      <source>Deleted here and left deleted: %1</source>
      <translation>此处已删除并保持删除：%1</translation>
    </message>
    <message>
      <source>Deleted in the other file</source>
      <translation>对方文件中已删除</translation>
    </message>
    <message>
      <source>Different memos</source>
      <translation>备注不同</translation>
    </message>
    <message>
      <source>Document deleted here, coded there</source>
      <translation>文档在此处已删除，对方有编码</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Merge a coder's copy</source>
      <translation>合并编码员的副本</translation>
    </message>
    <message>
      <source>Merge finished</source>
      <translation>合并完成</translation>
    </message>
    <message>
      <source>Merged %1:</source>
      <translation>已合并 %1：</translation>
    </message>
    <message>
      <source>Merging %1 would bring in:</source>
      <translation>合并 %1 将带来：</translation>
    </message>
    <message>
      <source>No conflicts.</source>
      <translation>没有冲突。</translation>
    </message>
    <message>
      <source>Not listed again: %1 earlier conflict(s), unchanged in the other file since the last merge (ours kept)</source>
      <translation>不再列出：%1 个以前报告过的冲突，对方文件自上次合并以来未变（保留本方）</translation>
    </message>
    <message>
      <source>Parent code missing</source>
      <translation>缺少上级编码</translation>
    </message>
    <message>
      <source>Title changed on both sides</source>
      <translation>双方都修改了标题</translation>
    </message>
    <message>
      <source>codes</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>passages</source>
      <translation>片段</translation>
    </message>
  </context>
  <context>
    <name>MergeFlow</name>
    <message>
      <source>%1 for %2:</source>
      <translation>%1（供 %2 使用）：</translation>
    </message>
    <message numerus="yes">
      <source>%n code(s), no passages.</source>
      <translation>
        <numerusform>%n 个编码，没有编码片段。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n 篇文档</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>Blind copy for a second coder</source>
      <translation>为第二位编码员制作盲编副本</translation>
    </message>
    <message>
      <source>Blind copy written</source>
      <translation>盲编副本已写出</translation>
    </message>
    <message>
      <source>Cannot merge</source>
      <translation>无法合并</translation>
    </message>
    <message>
      <source>Cannot write the copy</source>
      <translation>无法写出副本</translation>
    </message>
    <message>
      <source>Everything in %1 is already in this project.</source>
      <translation>%1 中的所有内容都已在本项目中。</translation>
    </message>
    <message>
      <source>Merged %1: %2 passage(s) added, %3 conflict(s)</source>
      <translation>已合并 %1：新增 %2 个片段，%3 处冲突</translation>
    </message>
    <message>
      <source>Name of the coder the copy is for:</source>
      <translation>副本所给编码员的名字：</translation>
    </message>
    <message>
      <source>Nothing to merge</source>
      <translation>没有需要合并的内容</translation>
    </message>
    <message>
      <source>When the coder is done, bring the copy back with Team ▸ Merge a coder's copy.</source>
      <translation>编码完成后，请用“团队 ▸ 合并编码员的副本”把副本合并回来。</translation>
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
    <name>NextUnitsModel</name>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Likeliest code</source>
      <translation>最可能的编码</translation>
    </message>
    <message>
      <source>Probability</source>
      <translation>概率</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单元</translation>
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
    <message numerus="yes">
      <source>%n passage(s) coded “%1”</source>
      <translation>
        <numerusform>编码为“%1”的片段：%n 个</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) in this document</source>
      <translation>
        <numerusform>本文档的片段：%n 个</numerusform>
      </translation>
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
    <name>ProposalsDialog</name>
    <message>
      <source>%1 proposal(s) waiting for review</source>
      <translation>%1 条建议待审阅</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>接受</translation>
    </message>
    <message>
      <source>Accept %1 proposal(s)</source>
      <translation>接受 %1 条建议</translation>
    </message>
    <message>
      <source>Accept all for this code</source>
      <translation>接受此编码的全部建议</translation>
    </message>
    <message>
      <source>Accept all proposals for “%1”</source>
      <translation>接受“%1”的全部建议</translation>
    </message>
    <message>
      <source>All codes</source>
      <translation>全部编码</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Code:</source>
      <translation>编码：</translation>
    </message>
    <message>
      <source>Every pending proposal of the code chosen above, or of the selected row's code</source>
      <translation>上方所选编码（或选中行的编码）的全部待审建议</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>审阅</translation>
    </message>
    <message>
      <source>Review auto-coding proposals</source>
      <translation>审阅自动编码建议</translation>
    </message>
  </context>
  <context>
    <name>ProposalsModel</name>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Confidence</source>
      <translation>置信度</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Keyword</source>
      <translation>关键词</translation>
    </message>
    <message>
      <source>Origin</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>keyword</source>
      <translation>关键词建议</translation>
    </message>
    <message>
      <source>learned</source>
      <translation>学习建议</translation>
    </message>
  </context>
  <context>
    <name>QualityModel</name>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Coded units</source>
      <translation>已编码单元</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档数</translation>
    </message>
    <message>
      <source>F1</source>
      <translation>F1</translation>
    </message>
    <message>
      <source>Keyword auto-coding measured against your coding on the same units</source>
      <translation>关键词自动编码在相同单元上对照您的编码所测得的质量</translation>
    </message>
    <message>
      <source>Keywords F1</source>
      <translation>关键词 F1</translation>
    </message>
    <message>
      <source>Keywords P</source>
      <translation>关键词 P</translation>
    </message>
    <message>
      <source>Keywords R</source>
      <translation>关键词 R</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>P</source>
      <translation>精确率</translation>
    </message>
    <message>
      <source>Precision, recall and F1 of the learned model, by cross-validation over your coded documents (a document never trains and tests at once)</source>
      <translation>学习模型的精确率、召回率和 F1，按文档对您已编码的文档做交叉验证得出（同一文档不会同时用于训练和测试）</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>已建议</translation>
    </message>
    <message>
      <source>R</source>
      <translation>召回率</translation>
    </message>
    <message>
      <source>every unit carries it: nothing to tell apart</source>
      <translation>每个单元都带有此编码：无从区分</translation>
    </message>
    <message>
      <source>needs %1 coded %2 in %3 documents (has %4 in %5)</source>
      <translation>需要在 %3 篇文档中有 %1 个已编码%2（现有 %5 篇中的 %4 个）</translation>
    </message>
    <message>
      <source>paragraphs</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>precision %1 below the minimum %2: proposes nothing</source>
      <translation>精确率 %1 低于最低要求 %2：不作建议</translation>
    </message>
    <message>
      <source>sentences</source>
      <translation>句子</translation>
    </message>
  </context>
  <context>
    <name>Safekeeping</name>
    <message>
      <source>Backup restored; the state before is kept as %1</source>
      <translation>已恢复备份；恢复前的状态另存为 %1</translation>
    </message>
    <message>
      <source>Do not open this project on two computers at once: the sync client or the share cannot merge two copies and one side's work would be lost. annotator keeps the project in one file here (no -wal side file), but a local folder is safer; copy the project to a local folder to code, and back when done.</source>
      <translation>请勿在两台电脑上同时打开本项目：同步客户端或共享文件夹无法合并两份副本，一方的工作会丢失。annotator 在此处把项目保存在单个文件中（没有 -wal 附属文件），但本地文件夹更安全；建议把项目复制到本地文件夹编码，完成后再复制回去。</translation>
    </message>
    <message>
      <source>Every action is written to the project file when it is made; there is nothing to save by hand.</source>
      <translation>每个操作完成时即写入项目文件，无需手动保存。</translation>
    </message>
    <message>
      <source>In a cloud-synced folder (%1)</source>
      <translation>位于云同步文件夹（%1）</translation>
    </message>
    <message>
      <source>On a network share (%1)</source>
      <translation>位于网络共享（%1）</translation>
    </message>
    <message>
      <source>Put the project back as it was on %1? The current state is kept as a backup first, so this can be reversed. The undo history is cleared.</source>
      <translation>将项目恢复到 %1 时的状态？当前状态会先另存为备份，因此可以撤回。撤销历史将被清空。</translation>
    </message>
    <message>
      <source>Restore a backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <source>There is no backup of this project yet. annotator makes one a day, in %1, when the project is opened.</source>
      <translation>本项目还没有备份。annotator 每天在打开项目时备份一次，保存在 %1。</translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message numerus="yes">
      <source>%1 in %n document(s)</source>
      <translation>
        <numerusform>%1（分布在 %n 篇文档中）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1; %n already coded so</source>
      <translation>
        <numerusform>%1；%n 个此前已如此编码</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s) not indexed yet.</source>
      <translation>
        <numerusform>%n 篇文档尚未建立索引。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n match(es)</source>
      <translation>
        <numerusform>共 %n 处匹配</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) coded “%1”</source>
      <translation>
        <numerusform>%n 个片段已编码为“%1”</numerusform>
      </translation>
    </message>
    <message>
      <source>(the first %1 listed; coding takes all)</source>
      <translation>（列出前 %1 处；编码时包括全部）</translation>
    </message>
    <message>
      <source>Cannot code the results</source>
      <translation>无法编码搜索结果</translation>
    </message>
    <message>
      <source>Code %1 search results as “%2”</source>
      <translation>将 %1 个搜索结果编码为“%2”</translation>
    </message>
    <message>
      <source>Code all results</source>
      <translation>编码全部结果</translation>
    </message>
    <message>
      <source>Code results' paragraphs</source>
      <translation>编码结果所在段落</translation>
    </message>
    <message>
      <source>Code results' sentences</source>
      <translation>编码结果所在句子</translation>
    </message>
    <message>
      <source>Code the search results as:</source>
      <translation>将搜索结果编码为：</translation>
    </message>
    <message>
      <source>Code:</source>
      <translation>编码：</translation>
    </message>
    <message>
      <source>Only whole words as segmented: 创新 then does not match 创新券 or 科技创新.</source>
      <translation>只匹配分词结果中的完整词语：此时“创新”不匹配“创新券”或“科技创新”。</translation>
    </message>
    <message>
      <source>Regular expression</source>
      <translation>正则表达式</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>Search all documents</source>
      <translation>搜索全部文档</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Text: every occurrence of the characters, inside longer words too, simplified and traditional alike (实验室 finds 實驗室). Regular expression: a Python pattern over the text as written.</source>
      <translation>文本：查找这些字符的每一处出现，包括较长词语内部，简繁通用（“实验室”也能找到“實驗室”）。正则表达式：按原文字符匹配的 Python 正则模式。</translation>
    </message>
    <message>
      <source>The word list changed since the index was built.</source>
      <translation>建立索引后词表已有变化。</translation>
    </message>
    <message>
      <source>Type a word, a phrase or a pattern and press Enter.</source>
      <translation>输入词语、短语或模式后按回车。</translation>
    </message>
    <message>
      <source>Whole words only</source>
      <translation>仅完整词语</translation>
    </message>
  </context>
  <context>
    <name>SearchResultsModel</name>
    <message>
      <source>Context</source>
      <translation>上下文</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单元</translation>
    </message>
  </context>
  <context>
    <name>ShowCodersMenu</name>
    <message numerus="yes">
      <source>%1 (%n passage(s))</source>
      <translation>
        <numerusform>%1（%n 个片段）</numerusform>
      </translation>
    </message>
    <message>
      <source>(no project open)</source>
      <translation>（未打开项目）</translation>
    </message>
    <message>
      <source>All coders</source>
      <translation>全部编码员</translation>
    </message>
    <message>
      <source>Only the current coder</source>
      <translation>仅当前编码员</translation>
    </message>
  </context>
  <context>
    <name>StorageNotice</name>
    <message>
      <source>%1 is open read-only (%2): this change was not saved.</source>
      <translation>%1 以只读方式打开（%2）：这项修改没有保存。</translation>
    </message>
    <message>
      <source>Another program is writing to the project and holds its lock; try again when it has finished.</source>
      <translation>另一个程序正在写入该项目并占用其锁；请等它完成后再试。</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <source>Permission denied.</source>
      <translation>没有权限。</translation>
    </message>
    <message>
      <source>The disk is full: nothing of this step was saved. Free some space and try again.</source>
      <translation>磁盘已满：这一步的内容都没有保存。请腾出一些空间后再试。</translation>
    </message>
    <message>
      <source>The disk reported an input/output error.</source>
      <translation>磁盘报告了输入/输出错误。</translation>
    </message>
    <message>
      <source>The file cannot be opened (missing folder, or no permission).</source>
      <translation>无法打开该文件（文件夹不存在，或没有权限）。</translation>
    </message>
    <message>
      <source>The file is damaged or not an annotator project.</source>
      <translation>该文件已损坏，或不是 annotator 项目。</translation>
    </message>
    <message>
      <source>The file, its folder or its disk is read-only: nothing can be saved there.</source>
      <translation>该文件、其所在文件夹或磁盘是只读的：无法在那里保存任何内容。</translation>
    </message>
    <message>
      <source>The project was changed outside this window (a command, a script or another window); the views show it now.</source>
      <translation>项目在本窗口之外被修改（命令行、脚本或另一个窗口）；现在各视图已显示这些修改。</translation>
    </message>
    <message>
      <source>its folder is read-only</source>
      <translation>其所在文件夹是只读的</translation>
    </message>
    <message>
      <source>open in another annotator window (%1)</source>
      <translation>已在另一个 annotator 窗口中打开（%1）</translation>
    </message>
    <message>
      <source>opened read-only</source>
      <translation>以只读方式打开</translation>
    </message>
    <message>
      <source>permission denied</source>
      <translation>没有权限</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>磁盘已满</translation>
    </message>
    <message>
      <source>the disk is read-only</source>
      <translation>磁盘是只读的</translation>
    </message>
    <message>
      <source>the file is read-only</source>
      <translation>文件是只读的</translation>
    </message>
    <message>
      <source>the file or its folder is read-only</source>
      <translation>文件或其所在文件夹是只读的</translation>
    </message>
  </context>
  <context>
    <name>SuggestDialog</name>
    <message numerus="yes">
      <source>%n keyword proposal(s) ranked by the model.</source>
      <translation>
        <numerusform>已按模型为 %n 条关键词建议排序。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n proposal(s) added to the review queue.</source>
      <translation>
        <numerusform>已将 %n 条建议加入待审队列。</numerusform>
      </translation>
    </message>
    <message>
      <source>A code proposes only if its measured precision reaches this</source>
      <translation>只有实测精确率达到此值的编码才会提出建议</translation>
    </message>
    <message>
      <source>A unit is proposed when the model is at least this sure</source>
      <translation>模型的把握至少达到此值时才建议该单元</translation>
    </message>
    <message>
      <source>All codes</source>
      <translation>全部编码</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Codes</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Learn and propose</source>
      <translation>学习并建议</translation>
    </message>
    <message>
      <source>Learned from %1 %2 of %3 coded documents.</source>
      <translation>从 %3 篇已编码文档的 %1 个%2中学习。</translation>
    </message>
    <message>
      <source>Learning from your coding…</source>
      <translation>正在从您的编码中学习…</translation>
    </message>
    <message>
      <source>Learning from your coding… (%1 of %2 codes)</source>
      <translation>正在从您的编码中学习…（%2 个编码中的第 %1 个）</translation>
    </message>
    <message>
      <source>Learns, on this machine, from the documents already coded: per code with at least 10 coded units, a model of which units carry it. Its precision and recall are measured on your own coding (split by document), and only codes precise enough propose, for the documents not yet coded. Nothing is coded until you accept a proposal.</source>
      <translation>在本机上从已编码的文档中学习：每个至少有 10 个已编码单元的编码，学得一个判断哪些单元带有该编码的模型。其精确率和召回率在您自己的编码上测得（按文档划分），只有足够精确的编码才会为尚未编码的文档提出建议。在您接受建议之前，不会编码任何内容。</translation>
    </message>
    <message>
      <source>Minimum confidence</source>
      <translation>最低置信度</translation>
    </message>
    <message>
      <source>Minimum precision</source>
      <translation>最低精确率</translation>
    </message>
    <message>
      <source>Next units to code</source>
      <translation>接下来要编码的单元</translation>
    </message>
    <message>
      <source>Nothing learned: %1</source>
      <translation>未能学习：%1</translation>
    </message>
    <message>
      <source>Paragraph</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>Quality per code</source>
      <translation>各编码的质量</translation>
    </message>
    <message>
      <source>Review proposals…</source>
      <translation>审阅建议…</translation>
    </message>
    <message>
      <source>Sentence</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>Suggest codes from my coding</source>
      <translation>根据我的编码建议编码</translation>
    </message>
    <message>
      <source>The uncoded units the models are least sure of: coding these teaches the most. Double-click to open one in the article.</source>
      <translation>模型最没有把握的未编码单元：为它们编码最能提高模型。双击在文章中打开。</translation>
    </message>
    <message>
      <source>This code and its sub-codes:</source>
      <translation>此编码及其子编码：</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单元</translation>
    </message>
    <message>
      <source>Units to code next</source>
      <translation>列出待编码单元数</translation>
    </message>
    <message>
      <source>paragraphs</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>sentences</source>
      <translation>句子</translation>
    </message>
  </context>
  <context>
    <name>TableModels</name>
    <message numerus="yes">
      <source>%1 × %2: %n unit(s)</source>
      <translation>
        <numerusform>%1 × %2：%n 个单位</numerusform>
      </translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
  </context>
  <context>
    <name>TablesDialog</name>
    <message>
      <source>Co-occurrence</source>
      <translation>共现</translation>
    </message>
    <message>
      <source>Code × attribute</source>
      <translation>编码 × 属性</translation>
    </message>
    <message>
      <source>Code × document</source>
      <translation>编码 × 文档</translation>
    </message>
    <message>
      <source>Recompute</source>
      <translation>重新计算</translation>
    </message>
    <message>
      <source>Tables and charts</source>
      <translation>表格与图表</translation>
    </message>
    <message>
      <source>The passages changed since: press Recompute.</source>
      <translation>编码片段已有变动：请点击“重新计算”。</translation>
    </message>
    <message>
      <source>X × Y</source>
      <translation>X × Y 交叉表</translation>
    </message>
  </context>
  <context>
    <name>TeamTools</name>
    <message>
      <source>&amp;Analysis</source>
      <translation>分析(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Show coders</source>
      <translation>显示编码员(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Team</source>
      <translation>团队(&amp;T)</translation>
    </message>
    <message>
      <source>Coders</source>
      <translation>编码员</translation>
    </message>
    <message>
      <source>Name of the new coder:</source>
      <translation>新编码员的名字：</translation>
    </message>
    <message>
      <source>New coder</source>
      <translation>新编码员</translation>
    </message>
    <message numerus="yes">
      <source>Showing %1 of %n coder(s)</source>
      <translation>
        <numerusform>显示 %n 位编码员中的 %1 位</numerusform>
      </translation>
    </message>
    <message>
      <source>Showing all coders</source>
      <translation>显示全部编码员</translation>
    </message>
    <message>
      <source>Whose passages the article highlights</source>
      <translation>文章中突出显示哪些编码员的片段</translation>
    </message>
  </context>
  <context>
    <name>TermSuggestions</name>
    <message>
      <source>%1 suggestions.</source>
      <translation>共 %1 条建议。</translation>
    </message>
    <message>
      <source>Add selected as terms</source>
      <translation>将所选加为术语</translation>
    </message>
    <message>
      <source>Cohesion %1, boundary entropy left %2, right %3</source>
      <translation>凝固度 %1，左邻熵 %2，右邻熵 %3</translation>
    </message>
    <message>
      <source>Could not find suggestions: %1</source>
      <translation>无法生成建议：%1</translation>
    </message>
    <message>
      <source>Counting the documents' character sequences…</source>
      <translation>正在统计文档中的字串…</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档数</translation>
    </message>
    <message>
      <source>Find suggestions</source>
      <translation>查找建议</translation>
    </message>
    <message>
      <source>Multi-character terms that recur in the project's documents but that segmentation cuts into pieces, found by how firmly their characters hold together and how freely they combine with what stands before and after them. Best first; accepted terms are added to the project's terms.</source>
      <translation>在本项目文档中反复出现、但被分词切开的多字术语：依据字与字结合的紧密程度（凝固度）以及与前后文搭配的自由程度（左右邻熵）发现，最佳者在前；采纳的术语加入本项目的术语表。</translation>
    </message>
    <message>
      <source>No recurring split terms found.</source>
      <translation>未发现反复出现而被切开的术语。</translation>
    </message>
    <message>
      <source>Occurrences</source>
      <translation>出现次数</translation>
    </message>
    <message>
      <source>Segmented now</source>
      <translation>当前分词</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <source>Stopped.</source>
      <translation>已停止。</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>术语</translation>
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
  <context>
    <name>WordFrequencyDialog</name>
    <message>
      <source> characters</source>
      <translation> 个字</translation>
    </message>
    <message numerus="yes">
      <source>%n different</source>
      <translation>
        <numerusform>%n 个不同的词</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n word(s) counted</source>
      <translation>
        <numerusform>共统计 %n 个词</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>: </source>
      <translation>：</translation>
    </message>
    <message>
      <source>All documents</source>
      <translation>全部文档</translation>
    </message>
    <message>
      <source>Cannot count words</source>
      <translation>无法统计词频</translation>
    </message>
    <message>
      <source>Cannot save the chart</source>
      <translation>无法保存图表</translation>
    </message>
    <message>
      <source>Choose a document or a code for its keywords.</source>
      <translation>选择文档或编码以查看其关键词。</translation>
    </message>
    <message>
      <source>Choose a scope and press Count.</source>
      <translation>选择范围后点击“统计”。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Filter words</source>
      <translation>筛选词语</translation>
    </message>
    <message>
      <source>Include sub-codes</source>
      <translation>包含下级编码</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>关键词</translation>
    </message>
    <message>
      <source>Most frequent words: %1</source>
      <translation>高频词：%1</translation>
    </message>
    <message>
      <source>Passages of the code</source>
      <translation>编码的片段</translation>
    </message>
    <message>
      <source>Save chart as PNG…</source>
      <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
      <source>Shortest word</source>
      <translation>最短词长</translation>
    </message>
    <message>
      <source>Word frequencies and keywords</source>
      <translation>词频与关键词</translation>
    </message>
  </context>
  <context>
    <name>WordFrequencyModel</name>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>频次</translation>
    </message>
    <message>
      <source>Counted together: %1</source>
      <translation>合并计数：%1</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档数</translation>
    </message>
    <message>
      <source>Latin-script word</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Part of speech</source>
      <translation>词性</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>占比</translation>
    </message>
    <message>
      <source>Word</source>
      <translation>词语</translation>
    </message>
    <message>
      <source>abbreviation</source>
      <translation>简称略语</translation>
    </message>
    <message>
      <source>adjective</source>
      <translation>形容词</translation>
    </message>
    <message>
      <source>adjective morpheme</source>
      <translation>形语素</translation>
    </message>
    <message>
      <source>adverb</source>
      <translation>副词</translation>
    </message>
    <message>
      <source>adverb morpheme</source>
      <translation>副语素</translation>
    </message>
    <message>
      <source>adverbial adjective</source>
      <translation>副形词</translation>
    </message>
    <message>
      <source>adverbial verb</source>
      <translation>副动词</translation>
    </message>
    <message>
      <source>conjunction</source>
      <translation>连词</translation>
    </message>
    <message>
      <source>descriptive word</source>
      <translation>状态词</translation>
    </message>
    <message>
      <source>distinguishing word</source>
      <translation>区别词</translation>
    </message>
    <message>
      <source>fixed expression</source>
      <translation>习用语</translation>
    </message>
    <message>
      <source>idiom</source>
      <translation>成语</translation>
    </message>
    <message>
      <source>interjection</source>
      <translation>叹词</translation>
    </message>
    <message>
      <source>intransitive verb</source>
      <translation>不及物动词</translation>
    </message>
    <message>
      <source>locality word</source>
      <translation>方位词</translation>
    </message>
    <message>
      <source>measure word</source>
      <translation>量词</translation>
    </message>
    <message>
      <source>modal particle</source>
      <translation>语气词</translation>
    </message>
    <message>
      <source>morpheme</source>
      <translation>语素</translation>
    </message>
    <message>
      <source>nominal adjective</source>
      <translation>名形词</translation>
    </message>
    <message>
      <source>non-morpheme character</source>
      <translation>非语素字</translation>
    </message>
    <message>
      <source>noun</source>
      <translation>名词</translation>
    </message>
    <message>
      <source>noun morpheme</source>
      <translation>名语素</translation>
    </message>
    <message>
      <source>numeral</source>
      <translation>数词</translation>
    </message>
    <message>
      <source>numeral with measure word</source>
      <translation>数量词</translation>
    </message>
    <message>
      <source>onomatopoeia</source>
      <translation>拟声词</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>机构团体</translation>
    </message>
    <message>
      <source>other proper noun</source>
      <translation>其他专名</translation>
    </message>
    <message>
      <source>particle</source>
      <translation>助词</translation>
    </message>
    <message>
      <source>person's name</source>
      <translation>人名</translation>
    </message>
    <message>
      <source>place name</source>
      <translation>地名</translation>
    </message>
    <message>
      <source>place word</source>
      <translation>处所词</translation>
    </message>
    <message>
      <source>prefix</source>
      <translation>前缀</translation>
    </message>
    <message>
      <source>preposition</source>
      <translation>介词</translation>
    </message>
    <message>
      <source>pronoun</source>
      <translation>代词</translation>
    </message>
    <message>
      <source>suffix</source>
      <translation>后缀</translation>
    </message>
    <message>
      <source>time morpheme</source>
      <translation>时语素</translation>
    </message>
    <message>
      <source>time word</source>
      <translation>时间词</translation>
    </message>
    <message>
      <source>verb</source>
      <translation>动词</translation>
    </message>
    <message>
      <source>verb morpheme</source>
      <translation>动语素</translation>
    </message>
    <message>
      <source>verbal noun</source>
      <translation>名动词</translation>
    </message>
  </context>
  <context>
    <name>WordListsDialog</name>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Cannot import terms</source>
      <translation>无法导入术语</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Count as words</source>
      <translation>计为词语</translation>
    </message>
    <message>
      <source>Count selected as words</source>
      <translation>将所选计为词语</translation>
    </message>
    <message>
      <source>Import file…</source>
      <translation>导入文件…</translation>
    </message>
    <message>
      <source>Make selected stopwords again</source>
      <translation>将所选恢复为停用词</translation>
    </message>
    <message>
      <source>Make stopwords</source>
      <translation>设为停用词</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Remove selected</source>
      <translation>移除所选</translation>
    </message>
    <message>
      <source>Shipped stopwords counted as words</source>
      <translation>计为词语的内置停用词</translation>
    </message>
    <message>
      <source>Shipped terms switched off</source>
      <translation>已停用的内置术语</translation>
    </message>
    <message>
      <source>Stopwords</source>
      <translation>停用词</translation>
    </message>
    <message>
      <source>Stopwords added to the shipped list</source>
      <translation>在内置表之外添加的停用词</translation>
    </message>
    <message>
      <source>Stopwords are left out of word frequencies and keywords. The shipped list has %1 words; the project's changes to it are listed here.</source>
      <translation>停用词不计入词频和关键词。内置停用词表有 %1 个词；本项目对它的改动列在这里。</translation>
    </message>
    <message>
      <source>Suggested terms</source>
      <translation>建议术语</translation>
    </message>
    <message>
      <source>Switch on again</source>
      <translation>重新启用</translation>
    </message>
    <message>
      <source>Terms</source>
      <translation>术语</translation>
    </message>
    <message>
      <source>Terms stay whole words in search, selection snapping and word counts. Besides the project's own terms, %1 shipped science-and-technology policy terms and %2 further code keywords are kept whole.</source>
      <translation>术语在搜索、选区对齐和词频统计中保持为完整词语。除本项目自己的术语外，还有 %1 个内置科技政策术语和 %2 个编码关键词保持完整。</translation>
    </message>
    <message>
      <source>Terms, separated by 、 or commas</source>
      <translation>术语，用“、”或逗号分隔</translation>
    </message>
    <message>
      <source>The project's terms</source>
      <translation>本项目的术语</translation>
    </message>
    <message>
      <source>Try the segmenter:</source>
      <translation>试试分词：</translation>
    </message>
    <message>
      <source>Type or paste a sentence</source>
      <translation>输入或粘贴一个句子</translation>
    </message>
    <message>
      <source>Word lists</source>
      <translation>词表</translation>
    </message>
    <message>
      <source>Words, separated by 、 or commas</source>
      <translation>词语，用“、”或逗号分隔</translation>
    </message>
  </context>
  <context>
    <name>XYTab</name>
    <message numerus="yes">
      <source>%n unit(s) with codes of both dimensions; a cell's tooltip lists its units.</source>
      <translation>
        <numerusform>%n 个单位同时带有两个维度的编码；鼠标悬停在单元格上可查看其单位编号。</numerusform>
      </translation>
    </message>
    <message>
      <source>(choose branches)</source>
      <translation>（选择分支）</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>Choose a branch of the codebook for the rows and one for the columns (codes with sub-codes; several can be checked).</source>
      <translation>请为行和列各选择编码本的一个分支（有下级编码的编码；可勾选多个）。</translation>
    </message>
    <message>
      <source>Columns (Y):</source>
      <translation>列（Y）：</translation>
    </message>
    <message>
      <source>Counts</source>
      <translation>计数</translation>
    </message>
    <message>
      <source>No codes to show</source>
      <translation>没有可显示的编码</translation>
    </message>
    <message>
      <source>No project open</source>
      <translation>未打开项目</translation>
    </message>
    <message>
      <source>Paragraph</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>Paragraphs</source>
      <translation>段落数</translation>
    </message>
    <message>
      <source>Rows (X):</source>
      <translation>行（X）：</translation>
    </message>
    <message>
      <source>Sentence</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>Sentences</source>
      <translation>句子数</translation>
    </message>
    <message>
      <source>Shares</source>
      <translation>比例</translation>
    </message>
    <message>
      <source>Show codes:</source>
      <translation>显示编码：</translation>
    </message>
    <message>
      <source>Unit numbers</source>
      <translation>单位编号</translation>
    </message>
    <message>
      <source>Unit:</source>
      <translation>单位：</translation>
    </message>
    <message numerus="yes">
      <source>and %n more</source>
      <translation>
        <numerusform>等 %n 类</numerusform>
      </translation>
    </message>
    <message>
      <source>columns: all levels</source>
      <translation>列：全部层级</translation>
    </message>
    <message>
      <source>columns: lowest level</source>
      <translation>列：最下层</translation>
    </message>
    <message>
      <source>columns: top level</source>
      <translation>列：最上层</translation>
    </message>
    <message>
      <source>of the column</source>
      <translation>占列合计</translation>
    </message>
    <message>
      <source>of the row</source>
      <translation>占行合计</translation>
    </message>
    <message>
      <source>of the total</source>
      <translation>占总计</translation>
    </message>
    <message>
      <source>rows: all levels</source>
      <translation>行：全部层级</translation>
    </message>
    <message>
      <source>rows: lowest level</source>
      <translation>行：最下层</translation>
    </message>
    <message>
      <source>rows: top level</source>
      <translation>行：最上层</translation>
    </message>
  </context>
</TS>
