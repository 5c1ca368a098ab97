"""File-reading layer of the importer: encodings, headers, titles, formats and bad inputs.

Every fixture is built in tmp_path at test time; nothing is read from outside the repository.
"""

from __future__ import annotations

import os
import random
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from annotator.errors import ReadError
from annotator.importing import (
    SUPPORTED_SUFFIXES,
    ExtractedText,
    normalise_text,
    read_file,
    readers,
)
from annotator.importing.header import parse_header
from annotator.importing.html_clean import fallback_text
from annotator.importing.title import pick_title

SIMPLIFIED = (
    "国务院关于深化科技体制改革的意见。\n"
    "各地区要加强组织领导，确保政策落实到位。\n"
    "第一条 为了规范政府信息公开工作，制定本条例。\n"
)
TRADITIONAL = (
    "行政院關於加快推進科技體制改革的意見。\n"
    "各地區要加強組織領導，確保政策落實。\n"
    "第一條 為了規範政府資訊公開工作，制定本條例。\n"
)
# Shaped like a page saved from a Chinese research site.
SEED_SHAPED = (
    "当前位置:首页 >> 行政体制\n"
    "\n"
    "文章\n"
    "\n"
    "地方科改十年:回顾及展望\n"
    "\n"
    "发稿时间:2023-01-18 09:20:49\u00a0\u00a0 来源:《科学管理研究》2022年第5期   作者:钮钦、李哲\n"
    "\n"
    "\u3000\u3000深入扎实推动地方改革工作，使地方改革更好融入国家改革发展大局。\n"
    "\n"
    "\u3000\u3000一、 新时代地方科技体制改革成效显著\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def read_error(path: Path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(path)
    assert path.name in str(caught.value)
    assert "\n" not in caught.value.reason
    return caught.value


# --- normalisation -------------------------------------------------------------------------


def test_normalise_line_endings_and_page_breaks() -> None:
    assert normalise_text("甲\r\n乙\r丙\x0b丁\x0c戊") == "甲\n乙\n丙\n丁\n戊"


def test_normalise_drops_invisible_and_control_characters() -> None:
    raw = "\ufeff科\u200b技\u200c创\u200d新\u2060政\u180e策\x00\x07\x1b\x7f\t完"
    assert normalise_text(raw) == "科技创新政策\t完"


def test_normalise_keeps_zero_width_joiner_inside_emoji() -> None:
    scientist, coder, flag = "👩\u200d🔬", "👨🏽\u200d💻", "🏳\ufe0f\u200d🌈"
    raw = f"科研人员{scientist}与程序员{coder}{flag}，技\u200d术\u200d"
    assert normalise_text(raw) == f"科研人员{scientist}与程序员{coder}{flag}，技术"


def test_normalise_trailing_whitespace_and_blank_lines() -> None:
    raw = "\n\n \n标题  \t\n\n\n\n\n正文\u3000\u3000\n下一行\u00a0\n\n\n"
    assert normalise_text(raw) == "标题\n\n正文\n下一行"


def test_normalise_keeps_indentation_numbering_and_full_width_forms() -> None:
    raw = (
        "\u3000\u3000一、总体要求\n（一）指导思想\n1. 完善机制\n(1) 细则\n第一条 规定\n"
        "２０２３年，ＡＢＣ：“引号”"
    )
    assert normalise_text(raw) == raw  # no NFKC, no re-indenting


# --- .txt encodings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "content"),
    [
        ("utf-8", b"", SIMPLIFIED),
        ("utf-8", b"\xef\xbb\xbf", SIMPLIFIED),
        ("gb18030", b"", SIMPLIFIED),
        ("gbk", b"", SIMPLIFIED),
        ("gb2312", b"", SIMPLIFIED),
        ("big5", b"", TRADITIONAL),
        ("utf-16", b"", SIMPLIFIED),  # Python's utf-16 codec writes a BOM
        ("utf-16-le", b"\xff\xfe", SIMPLIFIED),
        ("utf-16-be", b"\xfe\xff", TRADITIONAL),
        ("utf-16-le", b"", SIMPLIFIED),  # BOM-less: the NUL bytes of newlines give it away
        ("utf-16-be", b"", SIMPLIFIED),
        ("utf-32", b"", SIMPLIFIED),
    ],
)
def test_txt_encodings(tmp_path: Path, encoding: str, bom: bytes, content: str) -> None:
    path = write(tmp_path, "policy.txt", bom + content.encode(encoding))
    result = read_file(path)
    assert result.text == content.strip()
    assert result.title == content.split("\n")[0]


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("科技体制改革", "gbk"),
        ("通知", "gbk"),  # CD A8 D6 AA is also valid UTF-8 (the classic 联通 problem)
        ("2023年工作报告", "gbk"),
        ("来源：新华社", "gbk"),
        ("意見", "big5"),
        ("來源：新華社", "big5"),
        ("這是一個測試。", "big5"),
        ("科技體制改革", "big5"),
    ],
)
def test_txt_very_short_chinese(tmp_path: Path, content: str, encoding: str) -> None:
    path = write(tmp_path, "short.txt", content.encode(encoding))
    assert read_file(path).text == content


@pytest.mark.parametrize(
    ("content", "encoding", "named"),
    [("通知", "gbk", "GBK"), ("来源：新华社", "gbk", "GBK"), ("來源：新華社", "big5", "Big5")],
)
def test_txt_short_legacy_encoding_guess_is_a_warning(
    tmp_path: Path, content: str, encoding: str, named: str
) -> None:
    result = read_file(write(tmp_path, "short.txt", content.encode(encoding)))
    assert result.text == content
    assert len(result.warnings) == 1
    assert named in result.warnings[0] and "check" in result.warnings[0]


@pytest.mark.parametrize(
    ("content", "encoding"), [(SIMPLIFIED * 3, "gbk"), (TRADITIONAL * 3, "big5"), ("通知", "utf-8")]
)
def test_txt_encoding_with_enough_evidence_has_no_warning(
    tmp_path: Path, content: str, encoding: str
) -> None:
    assert read_file(write(tmp_path, "long.txt", content.encode(encoding))).warnings == []


def test_txt_gb18030_four_byte_characters(tmp_path: Path) -> None:
    content = "𠮷字与䶮字都要保留，国务院印发通知。"
    path = write(tmp_path, "rare.txt", content.encode("gb18030"))
    assert read_file(path).text == content


def test_txt_uppercase_suffix_dispatches(tmp_path: Path) -> None:
    path = write(tmp_path, "POLICY.TXT", SIMPLIFIED)
    assert read_file(path).text == SIMPLIFIED.strip()


# --- headers and titles --------------------------------------------------------------------


def test_header_labels_on_one_line_and_text_kept_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "seed.txt", SEED_SHAPED)
    result = read_file(path)
    assert result.attributes == {
        "日期": "2023-01-18",  # 发稿时间 read as the stable 日期, a date without the hour
        "来源": "《科学管理研究》2022年第5期",
        "作者": "钮钦、李哲",
    }
    assert result.title == "地方科改十年:回顾及展望"
    assert result.text == normalise_text(SEED_SHAPED)  # header lines stay in the text
    assert result.text.startswith("当前位置")


def test_header_labels_separate_lines_colons_and_empty_values() -> None:
    text = (
        "标题\n来源:用户上传\n作者:\n发布时间：2023年5月1日\n"
        "文号：国发〔2023〕1号\n发文机关：国务院\n正文"
    )
    assert parse_header(text) == {
        "来源": "用户上传",
        "发布时间": "2023年5月1日",
        "文号": "国发〔2023〕1号",
        "发文机关": "国务院",
    }


def test_header_spaced_labels_widgets_and_unknown_labels() -> None:
    text = "作\u3000\u3000者：张三  【打印】\n日期：2023-06-01  字号：大 中 小"
    assert parse_header(text) == {"作者": "张三", "日期": "2023-06-01"}


def test_header_byline_opening_with_a_bare_date() -> None:
    text = "标题\n2023年5月6日 10:00 来源：新华社 作者：张三\n正文"
    assert parse_header(text) == {"日期": "2023年5月6日 10:00", "来源": "新华社", "作者": "张三"}


def test_header_ignores_labels_mid_sentence_and_deep_in_the_body() -> None:
    body = "\n".join(f"第{n}段正文。" for n in range(12))
    text = "标题\n数据来源：统计局\n据报道，信息来源：网络。\n" + body + "\n作者：迟到的署名"
    assert parse_header(text) == {}


def test_title_from_first_line_when_plain(tmp_path: Path) -> None:
    title = "服务国家区域发展战略 全面创新改革试验服务 助力区域协同创新发展"
    text = f"{title}\n来源:用户上传\n作者:\n正文。"
    result = read_file(write(tmp_path, "000_seed.txt", text))
    assert result.title == title
    assert result.attributes == {"来源": "用户上传"}


@pytest.mark.parametrize(
    "text",
    [
        "这是一个非常长的正文段落，" * 8 + "\n短句。",  # body starts at once
        "来源:用户上传\n作者:张三\n",  # only header lines
        "当前位置：首页 > 政策\n文章\n一、总体要求\n正文。",  # numbered heading, no title
        "各省、自治区、直辖市人民政府：\n现将有关事项通知如下。",  # salutation
    ],
)
def test_title_falls_back_to_stem(text: str) -> None:
    assert pick_title(text, "文件名") == "文件名"


# --- .docx ---------------------------------------------------------------------------------


def make_docx(path: Path, *, title: str = "", author: str = "") -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.subject = "科技政策"
    document.core_properties.keywords = "改革;创新"
    document.core_properties.created = datetime(2022, 3, 1, 9, 30)
    document.add_paragraph("关于深化科技体制改革的意见")
    document.add_paragraph("一、总体要求")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "重点任务分工表"  # horizontal merge
    table.cell(1, 0).text = "任务"
    table.cell(1, 1).text = "责任单位"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "2023年底前"  # vertical merge
    table.cell(2, 0).text = "完善评价体系"
    table.cell(2, 1).text = "科技部"
    document.add_paragraph("（一）各地区要加强组织领导。")
    document.save(path)
    return path


def test_docx_paragraphs_tables_in_order_and_core_properties(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "意见.docx", title="深化科技体制改革的意见", author="科技部政策司")
    result = read_file(path)
    assert result.text.split("\n") == [
        "关于深化科技体制改革的意见",
        "一、总体要求",
        "重点任务分工表",
        "任务",
        "责任单位",
        "2023年底前",
        "完善评价体系",
        "科技部",
        "（一）各地区要加强组织领导。",
    ]
    assert result.title == "深化科技体制改革的意见"
    assert result.attributes["作者"] == "科技部政策司"
    assert result.attributes["主题"] == "科技政策"
    assert result.attributes["关键词"] == "改革;创新"
    assert result.attributes["日期"] == "2022-03-01"  # nothing in the text dates it


def test_docx_title_from_first_paragraph_and_placeholder_author_dropped(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "untitled.docx", author="Administrator")
    result = read_file(path)
    assert result.title == "关于深化科技体制改革的意见"
    assert "作者" not in result.attributes


def test_docx_tracked_changes_tabs_breaks_and_content_controls(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    body = document.element.body
    body.insert(0, parse_xml(
        f"<w:p {w}><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>"
        "<w:r><w:t>第一条</w:t><w:tab/><w:t>保留</w:t></w:r>"
        "<w:ins w:id='1' w:author='甲'><w:r><w:t>新增</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='甲'><w:r><w:delText>删除</w:delText></w:r></w:del>"
        "<w:r><w:br/><w:t>换行后</w:t></w:r></w:p>"
    ))
    body.insert(1, parse_xml(
        f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    ))
    path = tmp_path / "tracked.docx"
    document.save(path)
    assert read_file(path).text == "第一条\t保留新增\n换行后\n内容控件中的段落"


def test_docx_without_text(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    assert "no readable text" in read_error(path).reason


# --- .html ---------------------------------------------------------------------------------

ARTICLE_PARAGRAPHS = [
    "发布时间：2023-03-01 来源：国务院办公厅",
    "一、总体要求",
    "深化科技体制改革，推动创新驱动发展。",
    "（一）指导思想。坚持以人民为中心。",
    "二、主要任务",
    "各地区要加强组织领导，确保政策落实。",
]


def html_page(charset: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>关于深化科技体制改革的意见_中国政府网</title>
<meta name="description" content="深化科技体制改革的意见全文">
<meta name="keywords" content="科技体制改革,创新">
<style>.banner {{ color: red }} 样式文字</style>
<script>var secret = "脚本文字";</script></head>
<body>
<header><div class="logo">页眉标志文字</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">导航栏目文字</a></li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政策</div>
<div class="content"><article>
<h1>关于深化科技体制改革的意见</h1>
{paragraphs}
<table><tr><td>任务</td><td>责任单位</td></tr><tr><td>完善评价体系</td><td>科技部</td></tr></table>
</article></div>
<aside>相关阅读推荐文字</aside>
<footer>版权所有 页脚信息文字</footer>
<script>document.write("尾部脚本文字");</script>
</body></html>"""


FURNITURE = [
    "样式文字", "脚本文字", "页眉标志文字", "导航栏目文字",
    "当前位置", "相关阅读推荐文字", "页脚信息文字", "尾部脚本文字",
]


def assert_article(result: ExtractedText) -> None:
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in result.text.split("\n")
    for cell in ("任务", "责任单位", "完善评价体系", "科技部"):
        assert cell in result.text.split("\n")
    for furniture in FURNITURE:
        assert furniture not in result.text
    assert result.title == "关于深化科技体制改革的意见"  # site suffix dropped
    assert result.attributes["来源"] == "国务院办公厅"
    assert result.attributes["描述"] == "深化科技体制改革的意见全文"
    assert result.attributes["关键词"] == "科技体制改革,创新"


def test_html_article_without_furniture(tmp_path: Path) -> None:
    assert_article(read_file(write(tmp_path, "page.html", html_page())))


def test_html_gbk_with_meta_charset(tmp_path: Path) -> None:
    path = write(tmp_path, "page.htm", html_page("gbk").encode("gbk"))
    assert_article(read_file(path))


def test_html_gbk_mislabelled_as_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", html_page("utf-8").encode("gb18030"))
    assert_article(read_file(path))


GOV_PAGE = """<?xml version="1.0" encoding="gb2312"?>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>国务院关于印发某规划的通知_政策_中国政府网</title>
<meta name="ArticleTitle" content="国务院关于印发某规划的通知">
<meta name="ContentSource" content="中国政府网">
</head><body>
<div class="header-nav">频道导航文字</div>
<div class="main sidebar-left">
 <div class="crumbs">面包屑文字 &gt; 政策</div>
 <div class="pages-date">2023-05-06 10:00 来源：新华社</div>
 <div class="pages_content" id="UCAP-CONTENT">
  <p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
  <p>现将《某规划》印发给你们，请认真贯彻执行。</p>
  <p>国务院</p>
 </div>
</div>
<div id="footer">主办单位文字</div>
</body></html>"""


def test_html_government_page_layout(tmp_path: Path) -> None:
    result = read_file(write(tmp_path, "gov.htm", GOV_PAGE.encode("gb2312")))
    lines = result.text.split("\n")
    assert "现将《某规划》印发给你们，请认真贯彻执行。" in lines
    assert "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" in lines
    for furniture in ("频道导航文字", "面包屑文字", "主办单位文字"):
        assert furniture not in result.text
    assert result.title == "国务院关于印发某规划的通知"  # ArticleTitle beats the <title> suffix
    assert result.attributes["来源"] == "新华社"  # the byline beats the site's ContentSource
    assert result.attributes["日期"] == "2023-05-06"


def test_html_fallback_text_skips_furniture() -> None:
    import lxml.html

    from annotator.importing.html_clean import strip_furniture

    tree = lxml.html.document_fromstring(html_page())
    strip_furniture(tree)
    lines = fallback_text(tree).split("\n")
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in lines
    text = "\n".join(lines)
    for furniture in FURNITURE:
        assert furniture not in text


def test_html_without_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>空页</title><script>var a = 1;</script></head>"
        "<body><nav>导航</nav></body></html>"
    )
    assert "no readable text" in read_error(write(tmp_path, "empty.html", page)).reason


# --- .pdf ----------------------------------------------------------------------------------


def make_pdf(
    path: Path, lines: list[str], *, font: str = "Helvetica", title: str = "", author: str = ""
) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    pdf.setFont(font, 14)
    for number, line in enumerate(lines):
        pdf.drawString(72, 760 - 24 * number, line)
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_latin_text_and_metadata(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "review.pdf",
        ["Regional innovation policy review", "Section 1. Findings"],
        title="Innovation Review",
        author="Policy Lab",
    )
    result = read_file(path)
    assert result.text == "Regional innovation policy review\nSection 1. Findings"
    assert result.title == "Innovation Review"
    assert result.attributes == {"作者": "Policy Lab"}


def test_pdf_chinese_cid_font_and_title_from_first_line(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = ["关于深化科技体制改革的意见", "一、总体要求：推动创新驱动发展。"]
    result = read_file(make_pdf(tmp_path / "意见.pdf", lines, font="STSong-Light"))
    assert result.text == "\n".join(lines)
    assert result.title == "关于深化科技体制改革的意见"  # reportlab's "untitled" is ignored
    assert "作者" not in result.attributes  # nor its "anonymous"


def test_pdf_password_protected(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", ["Confidential draft"])
    writer = PdfWriter(clone_from=plain)
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    assert read_error(path).reason == "password-protected PDF"


def test_pdf_owner_password_only_is_readable(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", ["Open for reading"])
    writer = PdfWriter(clone_from=plain)
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "no_copy.pdf"
    writer.write(path)
    assert read_file(path).text == "Open for reading"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 72, 300, 500, fill=1)  # stands in for a scanned page image
    pdf.showPage()
    pdf.save()
    assert "no text layer" in read_error(path).reason


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.95])
def test_pdf_truncated(tmp_path: Path, keep: float) -> None:
    data = make_pdf(tmp_path / "full.pdf", ["Some text"]).read_bytes()
    path = write(tmp_path, "truncated.pdf", data[: int(len(data) * keep)])
    assert read_error(path).reason == "corrupt or unreadable PDF"


BINARY = "not a text file (binary content)"


# --- bad inputs ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    assert read_error(write(tmp_path, f"empty{suffix}", b"")).reason == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        b"   \n\t\r\n  ",
        "\u3000\u3000\n\u00a0\n".encode(),
        "\ufeff \n".encode(),
        "\u3000\n".encode("gbk"),
    ],
)
def test_whitespace_only_txt(tmp_path: Path, data: bytes) -> None:
    assert read_error(write(tmp_path, "blank.txt", data)).reason == "empty file"


def test_binary_txt(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00\x01"
    assert read_error(write(tmp_path, "data.txt", data)).reason == BINARY


def test_binary_txt_without_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(8)
    data = bytes(rng.randrange(1, 256) for _ in range(4096))
    assert read_error(write(tmp_path, "noise.txt", data)).reason == BINARY


def test_pdf_renamed_to_txt(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "real.pdf", ["x"]).read_bytes()
    assert "binary content" in read_error(write(tmp_path, "renamed.txt", data)).reason


def test_corrupt_docx_random_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.docx", os.urandom(2048))
    assert read_error(path).reason == "corrupt or unreadable .docx file"


def test_corrupt_docx_zip_without_document(tmp_path: Path) -> None:
    path = tmp_path / "notword.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a word document")
    assert read_error(path).reason == "corrupt or unreadable .docx file"


def test_truncated_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "full.docx").read_bytes()
    path = write(tmp_path, "cut.docx", data[: len(data) // 2])
    assert read_error(path).reason == "corrupt or unreadable .docx file"


def test_missing_file(tmp_path: Path) -> None:
    error = read_error(tmp_path / "gone.txt")
    assert error.reason.startswith("cannot read file: ")


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert read_error(tmp_path / "folder.txt").reason.startswith("cannot read file: ")


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 0)() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", SIMPLIFIED)
    path.chmod(0)
    try:
        assert "Permission denied" in read_error(path).reason
    finally:
        path.chmod(0o644)


def test_permission_error_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", SIMPLIFIED)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert read_error(path).reason == "cannot read file: Permission denied"


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0")
    assert "unsupported file type .doc" in read_error(path).reason


def test_unexpected_exception_becomes_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(path: Path, data: bytes) -> ExtractedText:
        raise RuntimeError("library blew up\nwith detail")

    monkeypatch.setitem(readers._READERS, ".txt", explode)
    error = read_error(write(tmp_path, "any.txt", SIMPLIFIED))
    assert error.reason == "unreadable: library blew up with detail"


def test_title_skips_a_column_tag_line(tmp_path: Path) -> None:
    from annotator.importing.readers import read_file

    f = tmp_path / "tag.txt"
    f.write_text("【理论探讨】\n新型研发机构的体制机制创新\n一、引言\n正文。\n", encoding="utf-8")
    assert read_file(f).title == "新型研发机构的体制机制创新"


def test_html_title_drops_site_suffix_and_prefers_h1(tmp_path: Path) -> None:
    from annotator.importing.readers import read_file

    body = "<p>" + "科技治理数字化改革持续推进，平台建设取得进展。" * 5 + "</p>"
    page = tmp_path / "a.html"
    page.write_text(
        f"<html><head><meta charset='utf-8'><title>科技大脑观察——临澜市_理论研究_临澜科技网"
        f"</title></head><body>{body}</body></html>", encoding="utf-8")
    assert read_file(page).title == "科技大脑观察——临澜市"
    page.write_text(
        f"<html><head><meta charset='utf-8'><title>以数字化改革重塑科技治理 | 临澜科技网</title>"
        "</head><body><h1>站点</h1>"
        f"<h1>以数字化改革重塑科技治理</h1>{body}</body></html>", encoding="utf-8")
    assert read_file(page).title == "以数字化改革重塑科技治理"
