"""Word segmentation: project terms stay whole, offsets are code points, jieba is loaded once."""

from __future__ import annotations

import threading
from pathlib import Path

import platformdirs
import pytest

from annotator.chinese import segment
from annotator.chinese.segment import (
    Segmenter,
    default_segmenter,
    posseg,
    segmenter_for,
    starter_terms,
    warm_up,
)
from annotator.chinese.term_match import TermMatcher
from annotator.project import Project
from annotator.words.terms import add_terms, project_segmenter, project_terms, remove_terms

SENTENCE = (
    "深化全面创新改革试验，发放科技创新券，推进京津冀协同，探索职务科技成果赋权，开展“三权”改革。"
)
SPEC_TERMS = ("全面创新改革试验", "科技创新券", "京津冀", "职务科技成果", "“三权”改革")


def test_starter_terms_keep_policy_terms_whole_where_plain_jieba_splits_them() -> None:
    plain = Segmenter(()).words(SENTENCE)
    words = default_segmenter().words(SENTENCE)
    for term in SPEC_TERMS:
        assert term in words, term
    # jieba on its own cuts all of them but 京津冀, which its dictionary already has.
    for term in ("全面创新改革试验", "科技创新券", "职务科技成果", "“三权”改革"):
        assert term not in plain, term
    assert plain[1:5] == ["全面", "创新", "改革", "试验"]
    assert ["“", "三权", "”", "改革"] == plain[-5:-1]
    assert "".join(words) == SENTENCE


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("加快建设区域科技创新共同体", "区域科技创新共同体"),
        ("培育一批技术经纪人", "技术经纪人"),
        ("本省实验室建设", "省实验室"),
        ("全面推行揭榜挂帅", "揭榜挂帅"),
        ("推进科技体制改革", "科技体制改革"),
        ("G60科创走廊", "G60科创走廊"),
        ("修订科技成果转化（三权）实施细则", "科技成果转化（三权）"),
    ],
)
def test_more_starter_terms_in_context(text: str, term: str) -> None:
    assert term in default_segmenter().words(text)
    assert term not in Segmenter(()).words(text)


def test_tokens_tile_the_text_with_code_point_offsets() -> None:
    text = "𠮷𠮷两字在外，“三权”改革 与\u3000科技创新券。\n\n第二段：京津冀"
    tokens = default_segmenter().tokenize(text)
    assert "".join(t.word for t in tokens) == text
    pos = 0
    for t in tokens:
        assert (t.start, t.end) == (pos, pos + len(t.word))
        assert text[t.start:t.end] == t.word
        pos = t.end
    term = next(t for t in tokens if t.word == "科技创新券")
    assert term.start == text.index("科技创新券")  # 𠮷 counts once, as Python does
    assert "\n\n" not in default_segmenter().words(text)  # words() leaves whitespace out
    assert default_segmenter().words("") == []


def test_where_terms_overlap_the_longer_one_is_cut_out() -> None:
    matcher = TermMatcher(["ab", "abc", "b c", "x"], protected=["b c"])
    # "ab" at 4 and "b c" at 5 overlap: the longer "b c" wins although it starts later.
    # Terms that cross nothing shorter are left to jieba (abc, x), protected ones never are.
    assert list(matcher.find("zabcab c x")) == [(5, 8)]
    assert list(matcher.pieces("zabcab c x")) == [(False, 0, 5), (True, 5, 8), (False, 8, 10)]
    assert matcher.occurrences("zabcab c x") == [(1, 4), (4, 6), (5, 8), (9, 10)]
    assert not TermMatcher([""])


# 北京市促进科技成果转化条例 (2019), 第二十七条.
BEIJING_27 = (
    "研发机构、高等院校可以通过建设产学研合作平台、实施科技成果转化项目等方式，吸引企业科技人才兼职。"
)


def test_a_listed_term_beats_a_shorter_code_keyword_inside_it() -> None:
    seg = Segmenter([*starter_terms(), "合作平台"])  # 合作平台: a code keyword
    words = seg.words(BEIJING_27)
    assert "产学研合作" in words and words[words.index("产学研合作") + 1] == "平台"
    assert "合作平台" not in words and "科技成果转化" in words
    assert "".join(words) == BEIJING_27.replace(" ", "")
    # posseg follows the same rule.
    assert [w for w, *_ in seg.posseg(BEIJING_27)][:9] == words[:9]
    # Where nothing longer crosses it, the keyword is a word as before.
    assert "合作平台" in seg.words("建设国际创新合作平台和基地")


def test_the_shipped_codebook_keyword_no_longer_splits_the_term(project: Project) -> None:
    from annotator.autocoding import autocode, list_proposals

    project.import_codebook("regional-innovation")
    assert "合作平台" in project_terms(project)
    words = project_segmenter(project).words(BEIJING_27)
    assert "产学研合作" in words and "合作平台" not in words
    project.add_document("北京市促进科技成果转化条例（节选）", BEIJING_27)
    autocode(project)
    proposed = {p.keyword for p in list_proposals(project)}
    assert "合作平台" not in proposed  # no 国际科技合作 for domestic cooperation
    assert "研发机构" in proposed  # the codebook's keywords still propose


def test_a_term_with_space_is_one_token() -> None:
    seg = Segmenter(["长三角 G60", "创新券"])
    assert seg.words("建设长三角 G60走廊，发放创新券") == [
        "建设", "长三角 G60", "走廊", "，", "发放", "创新券"
    ]


def test_posseg_gives_offsets_and_tags_new_terms_nz() -> None:
    text = "推进“三权”改革，发放科技创新券。"
    tagged = posseg(text)
    assert [(w, f) for w, f, _, _ in tagged if w in ("“三权”改革", "科技创新券")] == [
        ("“三权”改革", "nz"), ("科技创新券", "nz")
    ]
    assert next(f for w, f, _, _ in tagged if w == "推进") == "v"
    for word, _flag, start, end in tagged:
        assert text[start:end] == word
    assert "".join(w for w, *_ in tagged) == text


def test_segmenters_are_shared_per_term_set_and_jieba_loads_once() -> None:
    a = segmenter_for(["栎桉枫桦", "戊己"])
    b = segmenter_for(("戊己", " 栎桉枫桦 "))
    assert a is b
    assert segmenter_for(["栎桉枫桦"]) is not a
    assert default_segmenter() is segmenter_for(starter_terms())
    assert a.load().jieba_tokenizer.FREQ is not segment._base_tokenizer().FREQ
    # Extra terms never leak into jieba's own dictionary (the base of every segmenter).
    assert "栎桉枫桦" not in segment._base_tokenizer().FREQ


def test_jieba_cache_lives_in_the_user_cache_dir() -> None:
    warm_up()
    cache = Path(platformdirs.user_cache_dir("annotator"))
    tokenizer = segment._base_tokenizer()
    assert Path(tokenizer.tmp_dir) == cache
    assert (cache / "jieba.cache").is_file()


def test_warm_up_off_the_main_thread() -> None:
    result: list[Segmenter] = []
    worker = threading.Thread(target=lambda: result.append(warm_up(["白名单制度"], posseg=True)))
    worker.start()
    worker.join(timeout=60)
    assert result and result[0].words("建立白名单制度") == ["建立", "白名单制度"]


# Real sentences (科学技术进步法 2021 第二十条, 北京国际科技创新中心建设条例 2024 第一条,
# 浙江省促进科技成果转化条例 2021 第四条, 上海市科学技术进步条例 2024 第二十九条).
CURRENT = [
    ("国家构建和强化以国家实验室、国家科学技术研究开发机构、高水平研究型大学、科技领军企业为"
     "重要组成部分的国家战略科技力量，在关键领域和重点方向上发挥战略支撑引领作用。",
     ["国家战略科技力量", "国家实验室", "高水平研究型大学", "科技领军企业"]),
    ("为实现高水平科技自立自强、建设科技强国提供战略支撑，根据有关法律、行政法规，结合本市实际，"
     "制定本条例。", ["高水平科技自立自强", "科技强国"]),
    ("统筹科技、教育、财政、投资、税收、人才、产业、金融、知识产权、政府采购、军民融合等政策，"
     "为科技成果转化创造良好环境。", ["军民融合", "政府采购", "科技成果转化"]),
    ("探索专家推荐制、首席科学家负责制、定向委托制等项目遴选方式，提升自然科学基金的资助效能。",
     ["首席科学家"]),
]


@pytest.mark.parametrize(("sentence", "terms"), CURRENT)
def test_current_policy_terms_are_kept_whole(sentence: str, terms: list[str]) -> None:
    words = default_segmenter().words(sentence)
    plain = Segmenter(()).words(sentence)
    for term in terms:
        assert term in words, term
    assert any(term not in plain for term in terms)  # jieba alone cuts some of them


def test_starter_list_is_a_real_list() -> None:
    terms = starter_terms()
    assert 450 <= len(terms) <= 700
    assert {"全面创新改革试验", "科技创新券", "京津冀", "职务科技成果", "科技体制改革",
            "区域科技创新共同体", "技术经纪人", "省实验室", "创新券", "揭榜挂帅",
            "新型研发机构", "科创走廊", "“三权”改革", "科技成果转化（三权）",
            "国家战略科技力量", "科技自立自强", "军民融合", "首席科学家", "新质生产力"} <= terms
    assert not any(t.startswith("#") for t in terms)


def test_project_segmenter_follows_terms_and_code_keywords(project: Project) -> None:
    text = "探索飞地孵化器和反向飞地模式"
    assert "反向飞地" not in project_segmenter(project).words(text)
    code = project.add_code("飞地", keywords=["飞地孵化器"])
    assert "飞地孵化器" in project_segmenter(project).words(text)
    assert add_terms(project, ["反向飞地", "  "]) == ["反向飞地"]
    seg = project_segmenter(project)
    assert "反向飞地" in seg.words(text)
    assert project_segmenter(project) is seg  # unchanged terms: the same segmenter
    remove_terms(project, ["反向飞地"])
    assert "反向飞地" not in project_segmenter(project).words(text)
    project.update_code(code.id, keywords=[])
    assert "飞地孵化器" not in project_terms(project)


def test_switching_off_a_starter_term(project: Project) -> None:
    assert remove_terms(project, ["揭榜挂帅"]) == ["揭榜挂帅"]
    assert "揭榜挂帅" not in project_terms(project)
    assert project_segmenter(project).words("实行揭榜挂帅") == ["实行", "揭榜", "挂帅"]
    assert add_terms(project, ["揭榜挂帅"]) == ["揭榜挂帅"]
    assert "揭榜挂帅" in project_segmenter(project).words("实行揭榜挂帅")
