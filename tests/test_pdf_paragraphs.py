"""PDF import: printed lines joined back into the document's paragraphs, page furniture dropped.

The PDFs are typeset here with reportlab from a real statute (tests/data/import), the way a
word processor prints it: a fixed text width, lines broken wherever a character no longer
fits (never before a closing punctuation mark), headings centred, a running title at the top
of every page and a page number at the bottom.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.importing import read_file

DATA = Path(__file__).parent / "data" / "import"
STATUTE = DATA / "beijing-kechuang-zhongxin-tiaoli-2024.txt"
FONT = "STSong-Light"
_NO_LINE_START = set("，。、；：？！”’）》」』…")


def statute_paragraphs() -> list[str]:
    return STATUTE.read_text(encoding="utf-8").strip().split("\n")


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _wrap(text: str, width: float, size: float, indent: float, font: str) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for char in text:
        room = width - (indent if not lines else 0)
        if line and stringWidth(line + char, font, size) > room and char not in _NO_LINE_START:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


def typeset(
    path: Path,
    paragraphs: list[str],
    *,
    indent_chars: int = 2,
    header: str = "",
    footer: str = "- {page} -",
    font: str = FONT,
    size: float = 12,
    width_chars: int = 34,
) -> int:
    """Write ``paragraphs`` as a printed PDF; returns the number of pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    page_width, page_height = A4
    left, top, bottom, leading = 72.0, page_height - 90, 80.0, size * 1.6
    width = width_chars * size
    state = {"page": 1, "y": top}
    total = "{total}"

    def furniture() -> None:
        pdf.setFont(font, 9)
        if header:
            pdf.drawCentredString(page_width / 2, page_height - 50, header)
        pdf.drawCentredString(page_width / 2, 40, footer.format(page=state["page"], total=total))
        pdf.setFont(font, size)

    def next_line() -> None:
        state["y"] -= leading
        if state["y"] < bottom:
            pdf.showPage()
            state["page"] += 1
            state["y"] = top
            furniture()

    furniture()
    for index, paragraph in enumerate(paragraphs):
        if index == 0 or paragraph.startswith("第") and paragraph.split(" ")[0].endswith("章"):
            pdf.drawCentredString(page_width / 2, state["y"], paragraph)
            next_line()
            continue
        for number, line in enumerate(_wrap(paragraph, width, size, indent_chars * size, font)):
            pdf.drawString(left + (indent_chars * size if number == 0 else 0), state["y"], line)
            next_line()
    pdf.save()
    return state["page"]


@pytest.fixture(scope="module", autouse=True)
def cid_font() -> None:
    _font()


def test_indented_statute_comes_back_paragraph_for_paragraph(tmp_path: Path) -> None:
    source = statute_paragraphs()
    path = tmp_path / "条例.pdf"
    pages = typeset(path, source, header=source[0])
    assert pages >= 3  # the running title and page numbers repeat on several pages
    text = read_file(path).text
    assert text.split("\n") == source


def test_running_header_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    source = statute_paragraphs()
    path = tmp_path / "条例.pdf"
    pages = typeset(path, source, header="北京市人民代表大会常务委员会公报", footer="第 {page} 页")
    text = read_file(path).text
    assert "公报" not in text
    for page in range(1, pages + 1):
        assert f"第 {page} 页" not in text
    assert text.split("\n") == source


@pytest.mark.parametrize("footer", ["{page}/{total}", "{page}", "— {page} —"])
def test_page_number_styles(tmp_path: Path, footer: str) -> None:
    source = statute_paragraphs()
    path = tmp_path / "条例.pdf"
    typeset(path, source, footer=footer.replace("{total}", "9"))
    assert read_file(path).text.split("\n") == source


def test_paragraphs_without_indent_end_at_short_lines_and_sentence_ends(tmp_path: Path) -> None:
    source = statute_paragraphs()
    path = tmp_path / "条例.pdf"
    typeset(path, source, indent_chars=0, header=source[0])
    got = read_file(path).text.split("\n")
    # Nothing lost or added: the same characters, only the line breaks can differ.
    assert "".join(got) == "".join(source)
    # Without an indent a full line ending in 。 is ambiguous; at most a few such breaks.
    assert len(source) <= len(got) <= len(source) + 3
    assert all(line.startswith(("第", "北京", "2024")) or line in source for line in got[:3])
    for line in got:
        assert line in source or line.endswith(("。", "；", "：")) or any(
            p.startswith(line) or p.endswith(line) for p in source
        )


def test_headings_and_items_stay_their_own_lines(tmp_path: Path) -> None:
    lines = [
        "国务院办公厅关于推广支持创新相关改革举措的通知",
        "一、推广改革举措的主要内容",
        "（一）科技金融创新方面3项：“以关联企业从产业链核心龙头企业获得的应收账款为质押的融资"
        "服务”、“面向中小企业的一站式投融资信息服务”、“贷款、保险、财政风险补偿捆绑的专利权"
        "质押融资服务”。",
        "（二）创新创业政策环境方面5项：“专利快速审查、确权、维权一站式服务”、“强化创新导向的"
        "国有企业考核与激励”。",
    ]
    path = tmp_path / "通知.pdf"
    typeset(path, lines, indent_chars=0)
    assert read_file(path).text.split("\n") == lines


def test_latin_lines_join_with_spaces(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    paragraph = (
        "Regional innovation policy in China has moved from pilot zones to cross-jurisdiction "
        "coordination, in which neighbouring provinces share laboratories, mutually recognise "
        "innovation vouchers and build joint research institutes."
    )
    lines, line = [], ""
    for word in paragraph.split(" "):  # word wrap to a 408 pt column, as a word processor does
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, "Helvetica", 11) > 408:
            lines.append(line)
            candidate = word
        line = candidate
    lines += [line, "Keywords: innovation policy; regional coordination"]
    path = tmp_path / "abstract.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    for number, printed in enumerate(lines):
        pdf.drawString(72, 700 - 15 * number, printed)
    pdf.save()
    assert len(lines) >= 4
    assert read_file(path).text.split("\n") == [paragraph, lines[-1]]


def test_hyphenated_latin_word_is_rejoined() -> None:
    from annotator.importing.pdf_lines import PdfLine, paragraphs

    printed = ["cross-jurisdiction coordination, in which provinces share labora-",
               "tories and mutually recognise innovation vouchers."]
    lines = [PdfLine(text, 0, 72, 480 if n == 0 else 300, 700 - 15 * n, 11, 595)
             for n, text in enumerate(printed)]
    assert paragraphs([lines]) == (
        "cross-jurisdiction coordination, in which provinces share laboratories and mutually "
        "recognise innovation vouchers."
    )


def test_cross_reference_wrapped_to_a_line_start_is_no_new_article(tmp_path: Path) -> None:
    paragraphs = [  # 中华人民共和国专利法实施细则 (2023), 第四十八条
        "第四十八条 一件专利申请包括两项以上发明、实用新型或者外观设计的，申请人可以在本细则第六十"
        "条第一款规定的期限届满前，向国务院专利行政部门提出分案申请；但是，专利申请已经被驳回、撤回"
        "或者视为撤回的，不能提出分案申请。",
        "国务院专利行政部门认为一件专利申请不符合专利法第三十一条和本细则第三十九条或者第四十条的"
        "规定的，应当通知申请人在指定期限内对其申请进行修改；申请人期满未答复的，该申请视为撤回。",
    ]
    path = tmp_path / "细则.pdf"
    typeset(path, ["中华人民共和国专利法实施细则", *paragraphs])
    lines = read_file(path).text.split("\n")
    assert lines[1:] == paragraphs  # "第三十九条…" starts a printed line, not an article
