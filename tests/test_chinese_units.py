"""Units of analysis numbered "政策编号-章节-条款", on seed-shaped text and on the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.analysis.unit_index import units_of
from annotator.chinese.numbering import parse_heading
from annotator.chinese.units import (
    Unit,
    document_units,
    sentence_spans,
    unit_at,
    unit_for_span,
    units_for_span,
)
from annotator.importing.readers import read_file
from annotator.project import Project

SAMPLES = Path(__file__).parent.parent / "samples"

# Shaped like the seed articles saved from the web: breadcrumb, byline, sections "一、", numbers
# alone on their own line with the sub-title on the next, full-width indentation.
SEED = (
    "当前位置:首页 >> 行政体制\n"
    "地方科技体制改革的实践与展望\n"
    "2023-05-18 09:30  来源：示例日报  作者：示例\n"
    "\u3000\u3000党的十八大以来，各地围绕科技体制改革开展了大量探索。本文梳理其成效与挑战。\n"
    "\n"
    "  一、 新时代地方科技体制改革成效显著\n"
    "  1\n"
    "  从政策引领到立法保障，科技创新法治体系更加健全\n"
    "\u3000\u3000近年来，多地出台科技创新条例，把改革经验上升为法规。\n"
    "\u3000\u3000他指出：“要坚持创新。要深化改革。”各地积极落实；成效明显！\n"
    "  2\n"
    "\n"
    "  从分散管理到统筹协调，科技领导体制不断完善\n"
    "\u3000\u3000多地成立科技创新委员会，统筹全局。\n"
    "  二、 地方科技体制改革面临的挑战\n"
    "\u3000\u3000一是协同不足；二是评价偏重数量。\n"
    "  三、 深化改革的建议\n"
    "\u3000\u3000（一）加强顶层设计。制定《关于深化科技体制改革的实施意见。》并抓好落实。\n"
    "\u3000\u3000（二）强化区域协同。\n"
    "（责任编辑：示例）\n"
)
SEED_NUMBERS = [
    ("3-0-1", "当前位置:首页 >> 行政体制"),
    ("3-0-2", "地方科技体制改革的实践与展望"),
    ("3-0-3", "2023-05-18 09:30  来源：示例日报  作者：示例"),
    ("3-0-4", "党的十八大以来"),
    ("3-1-0", "一、 新时代地方科技体制改革成效显著"),
    ("3-1-1-0", "1\n  从政策引领到立法保障，科技创新法治体系更加健全"),
    ("3-1-1-1", "近年来"),
    ("3-1-1-2", "他指出"),
    ("3-1-2-0", "2\n\n  从分散管理到统筹协调，科技领导体制不断完善"),
    ("3-1-2-1", "多地成立"),
    ("3-2-0", "二、 地方科技体制改革面临的挑战"),
    ("3-2-1", "一是协同不足"),
    ("3-3-0", "三、 深化改革的建议"),
    ("3-3-1", "（一）加强顶层设计"),
    ("3-3-2", "（二）强化区域协同。"),
    ("3-3-0-1", "（责任编辑：示例）"),
]


def numbered(units: list[Unit], text: str) -> list[tuple[str, str]]:
    return [(u.number, text[u.start:u.end]) for u in units]


def check(units: list[Unit], text: str, expected: list[tuple[str, str]]) -> None:
    got = numbered(units, text)
    assert [n for n, _ in got] == [n for n, _ in expected]
    for (number, body), (_, start) in zip(got, expected, strict=True):
        assert body.startswith(start), (number, body)
        if body.endswith(("健全", "完善", "挑战", "建议", "行政体制")):
            assert body == start  # a heading is exactly its line(s)


def test_seed_shaped_text_paragraphs() -> None:
    units = document_units(3, SEED)
    check(units, SEED, SEED_NUMBERS)
    assert [u.number for u in units if u.heading] == [
        "3-1-0", "3-1-1-0", "3-1-2-0", "3-2-0", "3-3-0"
    ]
    lead = units[3]
    assert SEED[lead.start - 2:lead.start] == "\u3000\u3000"  # indentation is not in the unit


def test_seed_shaped_text_sentences() -> None:
    by_number = {u.number: SEED[u.start:u.end] for u in document_units(3, SEED, "sentence")}
    assert by_number["3-0-4.1"] == "党的十八大以来，各地围绕科技体制改革开展了大量探索。"
    assert by_number["3-0-4.2"] == "本文梳理其成效与挑战。"
    assert by_number["3-1-1-2.1"] == "他指出：“要坚持创新。要深化改革。”"  # 。” ends it
    assert by_number["3-1-1-2.2"] == "各地积极落实；"
    assert by_number["3-1-1-2.3"] == "成效明显！"
    assert by_number["3-2-1.1"] == "一是协同不足；"
    # Never inside 《》: the full stop in the title does not end the sentence.
    assert by_number["3-3-1.2"] == "制定《关于深化科技体制改革的实施意见。》并抓好落实。"
    assert by_number["3-1-1-0.1"] == "1\n  从政策引领到立法保障，科技创新法治体系更加健全"
    assert "3-1-1-0.2" not in by_number  # a heading is one sentence


def test_chapters_and_articles() -> None:
    text = (
        "青禾市科技创新条例\n第一章　总则\n第一条　为了促进科技创新，制定本条例。\n"
        "第二条　本条例适用于本市行政区域。\n第二章　科技人才\n第三条　市人民政府设立人才基金。\n"
    )
    assert [u.number for u in document_units(9, text)] == [
        "9-0-1", "9-1-0", "9-1-1", "9-1-2", "9-2-0", "9-2-3"
    ]  # chapter and article numbers as written: 第三条 is 9-2-3, not the first of chapter 2


def test_section_numbers_are_read_and_a_repeated_marker_stays_unique() -> None:
    text = "标题\n一、甲\n正文。\n三、乙\n正文。\n三、丙\n正文。\n"
    # 三、 after 一、 is section 3 as written; the repeated 三、 follows it as 4, never twice 3.
    assert [u.number for u in document_units(2, text)] == [
        "2-0-1", "2-1-0", "2-1-1", "2-3-0", "2-3-1", "2-4-0", "2-4-1"
    ]


def test_journal_style_levels_follow_the_document() -> None:
    text = "题目\n1 引言\n正文。\n2 做法\n2.1 背景\n正文。\n(1) 甲。乙。\n3 结语\n正文。\n"
    assert [u.number for u in document_units(5, text)] == [
        "5-0-1", "5-1-0", "5-1-1", "5-2-0", "5-2-1-0", "5-2-1-0-1", "5-2-1-1", "5-3-0", "5-3-1"
    ]  # in 2.1 the clause (1) is 5-2-1-1 as written; the plain paragraph beside it 5-2-1-0-1


def test_numbered_lines_in_the_front_matter_are_paragraphs() -> None:
    text = "通知\n（一）前言里的编号。\n一、正文\n（一）第一点。\n"
    assert [u.number for u in document_units(4, text)] == ["4-0-1", "4-0-2", "4-1-0", "4-1-1"]


def test_text_without_headings_is_section_zero() -> None:
    assert [u.number for u in document_units(7, "甲。\n\n乙。\n丙")] == ["7-0-1", "7-0-2", "7-0-3"]
    assert document_units(7, "") == []
    with pytest.raises(ValueError):
        document_units(7, "甲", kind="chapter")


@pytest.mark.parametrize(
    ("line", "style", "is_title"),
    [
        ("一、改革的主要做法", "cn", True),
        ("（一）明确赋权范围和程序。市科技局会同……", "cn_paren", False),
        ("(1) 榜单来自产业一线。多地……", "ar_paren", False),
        ("1．建设统一的数据底座。整合……", "ar", False),
        ("\u3000\u3000二", "bare_cn", True),
        ("  1", "bare_ar", True),
        ("第一条\u3000明确资金性质。风险……", "article", False),
        ("第一，签订区域合作协议，明确……。", "ordinal", False),
        ("第二章　科技人才", "chapter", True),
        ("1 引言", "ar_space", True),
    ],
)
def test_heading_markers(line: str, style: str, is_title: bool) -> None:
    heading = parse_heading(line)
    assert heading is not None and (heading.style, heading.is_title) == (style, is_title)


@pytest.mark.parametrize(
    "line",
    ["一是加强中试平台建设", "2020年，科技部等九部门印发", "1.5亿元用于补贴", "3 家企业获得支持。",
     "二、三线城市的企业较多。", "（责任编辑：郑小满）", "2023"],
)
def test_not_headings(line: str) -> None:
    assert parse_heading(line) is None


# -- the samples, numbered by hand -----------------------------------------------------------
SAMPLE_EXPECTATIONS = {
    "01-chengguo-zhuanhua-fuquan.txt": [
        ("1-0-1", "以赋权改革"), ("1-0-2", "来源:"), ("1-0-3", "作者:"), ("1-0-4", "发布时间:"),
        ("1-0-5", "科技成果转化是"), ("1-1-0", "一、改革的主要做法"), ("1-1-1", "（一）明确"),
        ("1-1-2", "（二）实行"), ("1-1-3", "（三）健全"), ("1-2-0", "二、初步成效"),
        ("1-2-1", "试点开展以来"), ("1-3-0", "三、仍需破解的问题"), ("1-3-1", "（一）“赋权"),
        ("1-3-2", "（二）配套"), ("1-3-3", "（三）专业"), ("1-4-0", "四、几点建议"),
        ("1-4-1", "一是加强"),
    ],
    "04-zhishi-chanquan-zhiya.txt": [
        ("4-0-1", "《青禾市"), ("4-0-2", "发布机构"), ("4-0-3", "近日"),
        ("4-1-0", "一、出台背景"), ("4-1-1", "科技型中小企业"), ("4-2-0", "二、主要内容"),
        ("4-2-1", "第一条"), ("4-2-2", "第二条"), ("4-2-3", "第三条"), ("4-2-4", "第四条"),
        ("4-2-5", "第五条"), ("4-2-6", "第六条"), ("4-3-0", "三、政策亮点"), ("4-3-1", "一是由"),
        ("4-4-0", "四、下一步工作"), ("4-4-1", "市知识产权局"),
    ],
    "08-chuangxinquan-tongyong-tongdui.txt": [
        ("8-0-1", "当前位置"), ("8-0-2", "区域创新券"), ("8-0-3", "发稿时间"),
        ("8-0-4", "创新券是"),
        ("8-1-0", "一\n\n\u3000\u3000从“各发各券”到“通用通兑”"), ("8-1-1", "创新券最初"),
        ("8-2-0", "二\n\n\u3000\u3000“通用通兑”面临的制度障碍"), ("8-2-1", "（一）财政"),
        ("8-2-2", "（二）标准"), ("8-2-3", "（三）信息"), ("8-2-4", "（四）监管"),
        ("8-3-0", "三\n\n\u3000\u3000推进制度协同的建议"), ("8-3-1", "第一，"), ("8-3-2", "第二，"),
        ("8-3-3", "第三，"), ("8-3-4", "第四，"), ("8-4-0", "四\n\n\u3000\u3000结语"),
        ("8-4-1", "创新券“通用通兑”看似"), ("8-4-2", "（作者单位"), ("8-4-3", "【责任编辑"),
        ("8-4-4", "转载请注明来源"),
    ],
}


@pytest.mark.parametrize("name", sorted(SAMPLE_EXPECTATIONS))
def test_sample_numbering_by_hand(name: str) -> None:
    text = read_file(SAMPLES / name).text
    number = int(name[:2])
    check(document_units(number, text), text, SAMPLE_EXPECTATIONS[name])


def test_other_samples_key_units() -> None:
    def units_of_sample(name: str) -> dict[str, str]:
        text = read_file(SAMPLES / name).text
        return {u.number: text[u.start:u.end] for u in document_units(int(name[:2]), text)}

    journal = units_of_sample("05-jiebang-guashuai.txt")
    assert journal["5-0-4"].startswith("关键词：")
    assert journal["5-1-0"] == "1. 引言"
    assert journal["5-2-0"] == "2. 地方的主要做法"
    assert journal["5-4-4"].startswith("(4) 推动“揭榜挂帅”")
    assert journal["5-5-0"] == "5. 结语" and len(journal) == 23

    crlf_bom = units_of_sample("02-changsanjiao-kechuang-gongtongti.txt")
    assert crlf_bom["2-1-4"].startswith("4. 创新走廊") and crlf_bom["2-3-0-1"].startswith("总之")

    gbk = units_of_sample("03-xinxing-yanfa-jigou.txt")
    assert gbk["3-0-1"] == "【理论探讨】" and gbk["3-2-4"].startswith("（四）人才激励受限")
    assert gbk["3-3-0-1"].startswith("总的看")

    html = units_of_sample("06-shuzihua-keji-zhili.html")
    assert html["6-1-4"].startswith("4．强化数据驱动决策")
    assert html["6-4-2"] == "（责任编辑：郑小满）"

    docx = units_of_sample("07-waiji-rencai.docx")
    assert docx["7-1-0"] == "一、地方的探索" and docx["7-1-0-1"] == "服务事项"  # table cells
    assert docx["7-3-4"].startswith("（四）加强国际人才社区建设")


@pytest.mark.parametrize("path", sorted(p for p in SAMPLES.iterdir() if p.suffix != ".md"
                                        and not p.name.startswith(".")))
def test_sample_units_cover_the_text_once(path: Path) -> None:
    text = read_file(path).text
    paragraphs = document_units(1, text)
    numbers = [u.number for u in paragraphs]
    assert len(set(numbers)) == len(numbers)
    for a, b in zip(paragraphs, paragraphs[1:], strict=False):
        assert a.end <= b.start
    covered = set()
    for u in paragraphs:
        covered.update(range(u.start, u.end))
    assert all(i in covered or text[i].isspace() for i in range(len(text)))
    sentences = document_units(1, text, "sentence")
    assert len({u.number for u in sentences}) == len(sentences)
    for s in sentences:
        parent = unit_at(paragraphs, s.start)
        assert parent is not None and s.end <= parent.end
        assert s.number.rsplit(".", 1)[0] == parent.number


def test_unit_for_span() -> None:
    units = document_units(3, SEED)
    lead = units[3]
    inside = unit_for_span(units, lead.start + 2, lead.start + 5)
    assert inside == lead
    first, second = units[6], units[7]  # 3-1-1-1 and 3-1-1-2
    crossing = units_for_span(units, first.end - 3, second.start + 3)
    assert [u.number for u in crossing] == ["3-1-1-1", "3-1-1-2"]
    assert unit_for_span(units, first.end - 3, second.start + 3) == first
    assert unit_for_span(units, first.end, second.start) is None  # only the line break
    assert unit_for_span(units, 0, 0) == units[0]


def test_units_of_a_project_document_are_cached(project: Project, article, monkeypatch) -> None:
    from annotator.analysis import unit_index

    calls = []
    real = unit_index.unit_sets

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(unit_index, "unit_sets", counting)
    unit_index.DEFAULT_CACHE.clear()
    text = project.document_text(article.id)
    units = units_of(project, article.id)
    assert numbered(units, text) == [
        ("1-0-1", "关于深化区域科技创新合作的若干意见"),
        ("1-0-2", "来源:示例 作者:测试"),
        ("1-1-0", "一、建立跨区域协同机制"),
        ("1-1-1", "（一）三地建立联席会议制度，常态化推进“信息互通、监管互认”。"),
        ("1-2-0", "二、推动资源共享"),
        ("1-2-1", "1. 推广科技创新券通用通兑，𠮷𠮷两字在外。"),
    ]
    assert units_of(project, article.id) == units
    assert len(calls) <= 1  # split once (or not at all: stored when the text was added)
    sentences = units_of(project, article.id, "sentence")
    assert [u.number for u in sentences][-1] == "1-2-1.1"
    assert len(calls) <= 1  # every kind was split and kept at once
    unit_index.DEFAULT_CACHE.clear()  # as after restarting: read from the project
    assert units_of(project, article.id, "sentence") == sentences and len(calls) <= 1


def test_sentence_spans_ignore_brackets_and_trim() -> None:
    text = "  他说：“好。”然后（注：见下。）走了！？  \n下一句《书。名》完"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "他说：“好。”", "然后（注：见下。）走了！？", "下一句《书。名》完"
    ]
