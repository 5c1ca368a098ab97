"""Units numbered by the document's own numbering, on real statutes, notices and articles
(tests/data/real/README.md says where each text comes from)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from annotator.analysis.unit_index import units_of
from annotator.chinese.numbering import chinese_number, parse_heading
from annotator.chinese.structure import detect_numbering
from annotator.chinese.units import Unit, document_units, subunits
from annotator.cli import run as cli_main
from annotator.project import Project

REAL = Path(__file__).parent / "data" / "real"
ARTICLE = re.compile(r"第([一二三四五六七八九十百零〇]+)条")


def read(name: str) -> str:
    return (REAL / name).read_text(encoding="utf-8")


def by_number(units: list[Unit], text: str) -> dict[str, str]:
    return {u.number: text[u.start:u.end] for u in units}


def assert_tiles(units: list[Unit], text: str) -> None:
    """Unique numbers; units in order, apart, and covering every non-blank character."""
    numbers = [u.number for u in units]
    assert len(set(numbers)) == len(numbers)
    assert all(a.end <= b.start for a, b in zip(units, units[1:], strict=False))
    covered = {i for u in units for i in range(u.start, u.end)}
    assert all(i in covered or text[i].isspace() for i in range(len(text)))


# -- statutes --------------------------------------------------------------------------------
def test_statute_articles_carry_their_own_numbers_under_chapter_and_section() -> None:
    text = read("statute_major_decisions.txt")
    assert detect_numbering(text) == "statute"
    units = document_units(3, text)
    assert_tiles(units, text)
    articles = [u for u in units if ARTICLE.match(text, u.start)]
    assert len(articles) == 44  # 第一条 … 第四十四条, each one unit
    for unit in articles:
        written = chinese_number(ARTICLE.match(text, unit.start).group(1))
        assert unit.number.split("-")[-1] == str(written), unit.number
    units_by = by_number(units, text)
    assert units_by["3-1-0"] == "第一章 总则"
    assert units_by["3-2-0"] == "第二章 决策草案的形成"
    assert units_by["3-2-1-0"] == "第一节 决策启动"  # 节 is a level between chapter and article
    assert units_by["3-2-1-10"].startswith("第十条 对各方面提出的决策事项建议")
    assert units_by["3-2-2-14"].startswith("第十四条")  # 第二节 公众参与
    assert units_by["3-1-9"].startswith("第九条")  # never 3-1-1-10, which counted 款
    assert units_by["3-0-1"] == "重大行政决策程序暂行条例"


def test_statute_paragraphs_and_items_are_addressable_sub_units() -> None:
    text = read("statute_major_decisions.txt")
    units = document_units(3, text)
    parts = by_number(subunits(3, text), text)
    # 第三条第一款 with its five items, then 第二款 and 第三款
    assert parts["3-1-3-1"].startswith("第三条 本条例所称重大行政决策事项")
    assert parts["3-1-3-1-2"] == "(二)制定经济和社会发展等方面的重要规划；"
    assert parts["3-1-3-1-5"].startswith("(五)决定对经济社会发展有重大影响")
    assert parts["3-1-3-2"].startswith("法律、行政法规对本条第一款规定事项")
    assert parts["3-1-3-3"].startswith("决策机关可以根据本条第一款的规定")
    assert "3-1-3-4" not in parts
    # 第八条第二款
    assert parts["3-1-8-2"] == ("上级行政机关应当加强对下级行政机关重大行政决策的监督。"
                                "审计机关按照规定对重大行政决策进行监督。")
    # an article of one paragraph and no items has no sub-units
    assert not any(n.startswith("3-1-9-") for n in parts)
    # Coding the whole unit of an article codes all its 款 and 项.
    article = next(u for u in units if u.number == "3-1-3")
    inside = [u for u in subunits(3, text) if u.number.startswith("3-1-3-")]
    assert inside and all(article.start <= u.start and u.end <= article.end for u in inside)
    assert article.end == inside[-1].end
    # The 款 of an article follow one another; each 项 lies inside its 款.
    kuan = [u for u in inside if u.number.count("-") == 3]
    assert all(a.end <= b.start for a, b in zip(kuan, kuan[1:], strict=False))


def test_statute_without_chapters_and_with_annexes() -> None:
    text = read("statute_ocean_dumping.txt")
    assert detect_numbering(text) == "statute"
    units = document_units(5, text)
    assert_tiles(units, text)
    found = by_number(units, text)
    assert found["5-1"].startswith("第一条 为实施《中华人民共和国海洋环境保护法》")
    assert found["5-22"].startswith("第二十二条")
    # 第二条 has two paragraphs: one unit, two sub-units
    assert "“倾倒”不包括" in found["5-2"]
    assert by_number(subunits(5, text), text)["5-2-2"].startswith("“倾倒”不包括")
    # 附件1, 附件2 start parts of their own, numbered by their own 一、 二、 …
    assert found["5-附1-0"] == "附件1"
    assert found["5-附1-0-1"] == "禁止倾倒的物质"
    assert found["5-附1-2"] == "二、强放射性废弃物及其他强放射性物质。"
    assert found["5-附2-0"] == "附件2"
    # 一、含有下列大量物质的废弃物： introduces its items (一)…(九), which are not headings
    assert found["5-附2-1"] == "一、含有下列大量物质的废弃物："
    assert found["5-附2-1-1"] == "(一)砷及其化合物；"
    assert found["5-附2-1-9"] == "(九)未列入附件一的杀虫剂及其副产品。"
    assert found["5-附2-1-0-1"] == "但无害的或能在海水中迅速转化为无害物质的除外。"
    assert found["5-附2-2"] == "二、含弱放射性物质的废弃物。"


def test_covering_notice_then_regulation() -> None:
    text = read("notice_wuhan_exam.txt")
    assert detect_numbering(text) == "statute"
    found = by_number(document_units(8, text), text)
    # the notice's title, over two lines (with a blank line between), is one unit
    assert found["8-0-1"].startswith("湖北省武汉市人民政府")
    assert found["8-0-1"].endswith("关于批转武汉市高级中等学校招生统一考试管理规定的通知")
    assert found["8-0-2"] == "武政〔2005〕32 号"
    assert found["8-1-0"] == "第一章 总 则"
    assert found["8-2-5"].startswith("第五条")


# -- notices and articles --------------------------------------------------------------------
def test_notice_two_line_title_and_lists_that_are_not_headings() -> None:
    text = read("notice_ankang_guide.txt")
    assert detect_numbering(text) == "outline"
    units = document_units(2, text)
    assert_tiles(units, text)
    found = by_number(units, text)
    assert found["2-0-1"] == ("安康市行政审批服务局  安康市民政局\n"
                              "关于印发《社会组织登记办事指南(试行)》的通知")
    assert found["2-0-5"] == "2022年10月27日"
    assert found["2-1-0"] == "一、市级民办非企业登记办事指南"
    assert found["2-1-1-0"] == "(一)主要法规"
    # five names of regulations in a row are items, not five headings
    assert found["2-1-1-1"] == "1.民办非企业单位登记管理暂行条例"
    assert found["2-1-1-3"] == "3.民办非企业单位名称管理暂行规定"
    assert found["2-1-2-0"] == "(二)申请民办非企业单位应当具备的条件"
    assert found["2-1-2-5"] == "5.有必要的场所。"
    assert [u.number for u in units if u.heading] == ["2-1-0", "2-1-1-0", "2-1-2-0"]


def test_headings_without_a_space_after_the_number() -> None:
    text = read("article_pdf_headings.txt")
    found = by_number(document_units(4, text), text)
    assert found["4-1-0"] == "一、问题剖析:企业创新瓶颈与高校成果转化难题的根源"
    assert found["4-1-1-0"] == "1.1企业创新瓶颈的典型表现"
    assert found["4-1-1-1"] == "企业创新瓶颈主要体现在以下几个方面:"
    assert found["4-1-2-0"] == "1.2高校成果转化难题的典型表现"
    assert found["4-1-2-5"].startswith("- 产权界定模糊")


def test_a_lead_in_ending_in_a_colon_at_the_top_leads_the_body_not_a_list() -> None:
    # "…通知如下：" or "…方可申请:" before the numbered body: the body's numbers stay its own
    text = read("guide_conditions_items.txt")
    units = document_units(6, text)
    assert_tiles(units, text)
    found = by_number(units, text)
    assert found["6-0-4"].startswith("成立省一级社会团体") and found["6-0-4"].endswith("方可申请:")
    assert found["6-1"] == "(1)有明确的业务主管单位。"
    assert found["6-0-5"].startswith("全省性社会团体业务主管单位的范围")
    assert found["6-5"] == "(5)有独立承担民事责任的能力。"
    assert not any(u.heading for u in units)


@pytest.mark.parametrize(("line", "title", "value", "depth"), [
    ("3.1美国高校的技术转移", True, 1, 2),
    ("1国内外研究现状", True, 1, 1),
    ("（一）为什么要推进赋权改革？", True, 1, 1),
    ("10.法人社会团体还应具备：", False, 10, 1),
    ("第十六条 国家鼓励研究开发机构采取下列方式转化科技成果：", False, 16, 1),
    ("第一百二十三条 本法自公布之日起施行。", False, 123, 1),
])
def test_markers_read_their_numbers(line: str, title: bool, value: int, depth: int) -> None:
    heading = parse_heading(line)
    assert heading is not None
    assert (heading.is_title, heading.value, heading.depth) == (title, value, depth)
    assert heading.intro == line.endswith("：")


@pytest.mark.parametrize("line", ["3.5亿元用于补贴", "2023年工作要点", "3家企业获得支持", "5G网络"])
def test_amounts_are_not_headings(line: str) -> None:
    assert parse_heading(line) is None


def test_text_that_fits_no_rule_still_gets_paragraph_units() -> None:
    text = "各地要加强组织领导。\n\n有关情况及时报送。"
    assert detect_numbering(text) == "paragraphs"
    assert [u.number for u in document_units(7, text)] == ["7-0-1", "7-0-2"]


# -- per document, in a project ----------------------------------------------------------------
def test_numbering_is_chosen_per_document_and_passages_keep_their_offsets(tmp_path: Path) -> None:
    text = read("statute_ocean_dumping.txt")
    with Project.create(tmp_path / "p.annot") as project:
        doc = project.add_document("海洋倾废管理条例", text)
        code = project.add_code("倾倒许可")
        start = text.index("第十条")
        passage = project.apply_code(doc.id, code.id, start, start + 20)
        assert project.numbering(doc.id) == ("auto", "statute")
        statute = [u.number for u in units_of(project, doc.id)]
        assert f"{doc.number}-10" in statute
        assert project.set_numbering(doc.id, "paragraphs") == "auto"
        assert project.numbering(doc.id) == ("paragraphs", "paragraphs")
        plain = units_of(project, doc.id)
        # every paragraph counted; the annexes stay parts of their own
        assert all(re.fullmatch(rf"{doc.number}(-附\d+)?-0(-\d+)?", u.number) for u in plain)
        assert sum(1 for u in plain if "附" not in u.number) > 30
        assert project.passage(passage.id).start == start  # nothing coded moves
    with Project.open(tmp_path / "p.annot") as project:  # the choice is kept in the file
        assert project.document(doc.id).numbering == "paragraphs"
        project.set_numbering(doc.id, "auto")
        assert [u.number for u in units_of(project, doc.id)] == statute
        with pytest.raises(Exception, match="unknown numbering"):
            project.set_numbering(doc.id, "chapters")


def test_cli_units_prints_articles_with_their_sub_units(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        project.add_document("重大行政决策程序暂行条例", read("statute_major_decisions.txt"))
    assert cli_main(["units", str(path), "1"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert "numbering statute (detected)" in captured.err
    row = next(i for i, line in enumerate(lines) if line.startswith("1-1-3 "))
    assert lines[row + 1].startswith("  1-1-3-1 ")
    assert lines[row + 3].split()[0] == "1-1-3-1-2"
    assert any(line.startswith("1-2-1-10 ") for line in lines)
    assert cli_main(["units", str(path), "1", "--set-numbering", "paragraphs"]) == 0
    captured = capsys.readouterr()
    assert "numbering paragraphs (chosen)" in captured.err
    assert all(line.startswith("1-0-") for line in captured.out.splitlines())


def test_workbook_unit_numbers_cite_the_paragraph_of_an_article(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    text = read("statute_major_decisions.txt")
    with Project.create(tmp_path / "p.annot") as project:
        doc = project.add_document("重大行政决策程序暂行条例", text)
        code = project.add_code("监督")
        start = text.index("上级行政机关应当加强")  # 第八条第二款
        project.apply_code(doc.id, code.id, start, start + 10)
        whole = text.index("第八条")  # the whole of 第八条, both 款
        project.apply_code(doc.id, code.id, whole, start + 10)
        project.export_excel(tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx", read_only=True)["编码片段"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("单元编号")
    assert sorted(r[column] for r in rows[1:]) == ["1-1-8", "1-1-8-2"]


V2_SCHEMA = (Path(__file__).parent / "data" / "schema_v2.sql").read_text(encoding="utf-8")


def test_schema_2_project_is_renumbered_by_migration(tmp_path: Path) -> None:
    text = read("statute_ocean_dumping.txt")
    path = tmp_path / "old.annot"
    con = sqlite3.connect(path)
    con.executescript(V2_SCHEMA)
    start = text.index("第十条")
    con.execute("INSERT INTO meta VALUES ('application', 'annotator'), ('schema_version', '2')")
    con.execute("INSERT INTO coders VALUES (1, 'c-1', '甲', '2024-01-01 00:00:00')")
    con.execute("INSERT INTO documents VALUES (1, 'd-1', 1, '海洋倾废管理条例', ?, 'a.txt', "
                "'h1', '2024-01-01 00:00:00')", (text,))
    con.execute("INSERT INTO codes VALUES (1, 'k-1', NULL, '许可', '#8FD3A8', '', '[]', NULL, 0)")
    con.execute("INSERT INTO passages VALUES (1, 'p-1', 1, 1, 1, ?, ?, '', "
                "'2024-01-01 00:00:00', 'manual')", (start, start + 3))
    con.commit()
    con.close()
    with Project.open(path) as project:
        assert project.migration_backup is not None
        assert project.migration_backup.name == "old.annot.v2.bak"
        (passage,) = project.passages()
        assert (passage.start, passage.text) == (start, "第十条")
        assert project.numbering(1) == ("auto", "statute")
        unit = next(u for u in units_of(project, 1) if u.start <= start < u.end)
        assert unit.number == "1-10"  # was 1-0-… when articles were counted paragraphs


def test_section_zero_and_one_character_markers() -> None:
    # journal articles number their introduction 0 (0 引言); some write ⑴ ⑵ as one character
    text = ("山西产业科技创新成果转化机制与提升路径研究\n"
            "摘要:加快科技创新成果转化是山西的重要任务。\n"
            "0引言\n自新经济增长理论提出技术进步是推动经济增长最具决定性因素的观点以来,科学技术就一直受到重视。\n"
            "1科技成果转化的内涵\n科技成果转化是一个复杂的过程。\n"
            "⑴ 科技成果转化主要有哪些方式\n市场转化、政府推动和产学研合作。\n"
            "⑵ 我国科技成果转化主要模式\n（一）市场转化模式\n企业直接购买技术。\n")
    found = by_number(document_units(3, text), text)
    assert found["3-0-0"] == "0引言"
    assert found["3-0-3"].startswith("自新经济增长理论")  # after the front matter's 3-0-1, 3-0-2
    assert found["3-1-0"] == "1科技成果转化的内涵"
    assert found["3-1-1-0"] == "⑴ 科技成果转化主要有哪些方式"
    assert found["3-1-2-0"] == "⑵ 我国科技成果转化主要模式"
    assert found["3-1-2-1-0"] == "（一）市场转化模式"


def test_search_hits_and_tables_follow_the_chosen_numbering(tmp_path: Path) -> None:
    from annotator.analysis.unit_index import DEFAULT_CACHE
    from annotator.search import search

    text = read("statute_major_decisions.txt")
    with Project.create(tmp_path / "p.annot") as project:
        doc = project.add_document("重大行政决策程序暂行条例", text)
        (hit,) = search(project, "听证会应当按照下列程序公开举行").hits
        assert hit.unit_number == "1-2-2-17"
        project.set_numbering(doc.id, "paragraphs")
        (hit,) = search(project, "听证会应当按照下列程序公开举行").hits
        margin = {u.start: u.number for u in units_of(project, doc.id)}
        assert hit.unit_number == margin[hit.paragraph[0]] and hit.unit_number.startswith("1-0-")
        with project.session_scope() as s:
            cached = DEFAULT_CACHE.units(s, [doc.id], "paragraph")[doc.id]
        assert list(cached.numbers) == [u.number for u in units_of(project, doc.id)]


def test_affiliations_under_an_article_title_are_no_headings() -> None:
    # 曹玲静 等, 政策信息学 (2022), as its PDF text layer gives the head
    text = ("政策信息学的发展与展望\n曹玲静 张志强 杨明\n1 中国科学院成都文献情报中心 成都 610299\n"
            "2 中国科学院大学经济与管理学院图书情报与档案管理系 北京 100190\n"
            "3 中国科学院发展规划局 北京 100864\n"
            "摘要 政策信息学是政策科学与信息科学交叉形成的新兴领域。\n"
            "1 引言\n政策制定日益依赖数据与证据。\n")
    found = by_number(document_units(12, text), text)
    assert found["12-1-0"] == "1 引言"
    assert found["12-0-3"].startswith("1 中国科学院成都文献情报中心")


def test_part_headings_stand_above_the_first_level_wherever_they_appear() -> None:
    text = ("导弹及相关物项和技术出口管制清单\n一、前言\n本清单分为两部分。\n"
            "第一部分\n一、完整的运载系统\n能把至少500千克有效载荷运载到至少300公里射程的完整火箭系统。\n"
            "第二部分\n一、推进部件和设备\n重量小于1000千克的轻型涡轮喷气发动机。\n")
    found = by_number(document_units(1, text), text)
    parts = [n for n, body in found.items() if body.startswith("第")]
    assert len(parts) == 2 and all(n.count("-") == 2 for n in parts)  # top level, D-n-0
    first, second = sorted(parts, key=lambda n: text.index(found[n]))
    assert found[first[:-1] + "1-0"] == "一、完整的运载系统"
    assert found[second[:-1] + "1-0"] == "一、推进部件和设备"
