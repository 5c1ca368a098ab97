"""Word frequencies, keywords and the 词频 sheet, checked against counts made here with plain
jieba and collections.Counter (not through annotator's word code)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import jieba
import openpyxl
import pytest

from annotator.analysis.keywords import keywords
from annotator.analysis.wordfreq import word_frequencies
from annotator.project import Project
from annotator.words.stopwords import project_stopwords
from annotator.words.terms import project_terms

# A term neither jieba nor the shipped list knows: it must come out whole, tagged nz.
NEW_TERM = "创新联合体专项券"
DOC1 = (
    "推广科技创新券通用通兑，支持科技型中小企业购买检测服务。科技创新券由市科技局统一发放。\n"
    "建立跨区域协调机制，定期召开联席会议。企业可以申请创新联合体专项券。\n"
)
DOC2 = (
    "实施揭榜挂帅制度，面向全国征集关键核心技术攻关团队。揭榜挂帅项目实行经费包干制。\n"
    "支持企业牵头组建创新联合体，企业承担研发任务。\n"
)
DOC3 = "推动科技成果转化，完善技术转移服务体系。\n支持企业加大研发投入，服务企业创新。\n"

_JIEBA_WORD = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9]+")


# -- the independent count -----------------------------------------------------------------


@pytest.fixture(scope="module")
def base_jieba(tmp_path_factory) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(tmp_path_factory.mktemp("jieba-cache"))
    tok.initialize()
    return tok


class PlainCount:
    """jieba.cut with the project's terms as user words; stopwords, punctuation, numbers and
    one-character words dropped; Counter."""

    def __init__(self, base: jieba.Tokenizer, project: Project) -> None:
        import jieba.posseg

        self.terms = project_terms(project)
        self.stopwords = project_stopwords(project)
        self.tags = jieba.posseg.dt.word_tag_tab
        self.tok = jieba.Tokenizer()
        self.tok.FREQ, self.tok.total, self.tok.initialized = dict(base.FREQ), base.total, True
        for term in self.terms:
            if _JIEBA_WORD.fullmatch(term):
                self.tok.add_word(term, freq=100_000)

    def keep(self, word: str) -> bool:
        if word in self.terms:
            return True
        return (
            len(word) >= 2
            and word not in self.stopwords
            and any(ch.isalpha() for ch in word)
            and self.tags.get(word) not in ("m", "mq")
        )

    def words(self, text: str) -> list[str]:
        return [w for w in self.tok.cut(text) if self.keep(w)]

    def counter(self, *texts: str) -> Counter[str]:
        return Counter(w for text in texts for w in self.words(text))


@pytest.fixture
def study(project: Project):
    """Three documents; codes 资源协同 (keyword: the new term) › 创新券 and 揭榜挂帅."""
    docs = [project.add_document(f"文{i}", text) for i, text in enumerate((DOC1, DOC2, DOC3), 1)]
    parent = project.add_code("资源协同", keywords=[NEW_TERM])
    child = project.add_code("创新券", parent_id=parent.id, keywords=["科技创新券"])
    other = project.add_code("揭榜挂帅", keywords=["揭榜挂帅"])
    return project, docs, parent, child, other


@pytest.fixture
def plain(base_jieba, study) -> PlainCount:
    return PlainCount(base_jieba, study[0])


def as_counts(rows) -> dict[str, int]:
    return {r.word: r.count for r in rows}


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


# -- tables ----------------------------------------------------------------------------------


def test_corpus_counts_match_plain_jieba(study, plain) -> None:
    project = study[0]
    rows = word_frequencies(project)
    expected = plain.counter(DOC1, DOC2, DOC3)
    assert as_counts(rows) == dict(expected)
    total = sum(expected.values())
    for r in rows:
        assert r.share == pytest.approx(r.count / total)
        assert r.documents == sum(r.word in plain.words(d) for d in (DOC1, DOC2, DOC3))
    # Most frequent first.
    assert [r.count for r in rows] == sorted((r.count for r in rows), reverse=True)
    assert rows[0].word == "企业" and rows[0].count == 5 and rows[0].documents == 3


def test_terms_stay_whole_and_carry_a_part_of_speech(study) -> None:
    rows = {r.word: r for r in word_frequencies(study[0])}
    assert rows["科技创新券"].count == 2
    assert rows["揭榜挂帅"].count == 2
    assert rows[NEW_TERM].count == 1 and rows[NEW_TERM].pos == "nz"
    assert "创新券" not in rows and "揭榜" not in rows and "专项券" not in rows
    assert all(r.pos for r in rows.values())
    assert rows["企业"].pos == "n" and rows["支持"].pos == "v"


def test_stopwords_punctuation_numbers_and_single_characters_are_not_counted(project) -> None:
    project.add_document("数", "2024年，一是要加强科技投入的力度，二是3.5亿元用于研发。")
    words = as_counts(word_frequencies(project))
    assert words == {"加强": 1, "科技": 1, "投入": 1, "力度": 1, "用于": 1, "研发": 1}


def test_one_document(study, plain) -> None:
    project, docs = study[0], study[1]
    rows = word_frequencies(project, document_id=docs[1].id)
    assert as_counts(rows) == dict(plain.counter(DOC2))
    assert all(r.documents == 1 for r in rows)


def test_code_counts_only_its_passages_and_overlaps_once(study, plain) -> None:
    project, (d1, d2, _d3), parent, child, other = study
    first = "推广科技创新券通用通兑，支持科技型中小企业购买检测服务。"
    second = "科技创新券由市科技局统一发放。"
    project.apply_code(d1.id, child.id, *span(DOC1, first))
    # The same stretch again by another coder, and a nested part: counted once.
    project.set_coder("乙")
    project.apply_code(d1.id, child.id, *span(DOC1, first))
    project.apply_code(d1.id, child.id, *span(DOC1, "科技型中小企业"))
    project.apply_code(d1.id, child.id, *span(DOC1, second))
    project.apply_code(d1.id, parent.id, *span(DOC1, "企业可以申请创新联合体专项券。"))
    project.apply_code(d2.id, other.id, *span(DOC2, "揭榜挂帅项目实行经费包干制。"))

    own = word_frequencies(project, code_id=child.id)
    assert as_counts(own) == dict(plain.counter(first + second))
    assert {r.word for r in own} >= {"科技创新券", "通用通兑", "科技型中小企业"}
    assert "联席会议" not in as_counts(own)  # elsewhere in the same document

    rolled = word_frequencies(project, code_id=parent.id)
    assert as_counts(rolled) == dict(plain.counter(first, second, "企业可以申请创新联合体专项券。"))
    alone = word_frequencies(project, code_id=parent.id, include_subcodes=False)
    assert as_counts(alone) == dict(plain.counter("企业可以申请创新联合体专项券。"))

    theirs = word_frequencies(project, code_id=other.id)
    assert as_counts(theirs) == dict(plain.counter("揭榜挂帅项目实行经费包干制。"))
    assert word_frequencies(project, code_id=other.id, document_id=d1.id) == []


def test_a_word_cut_by_the_passage_edge_is_not_counted(study) -> None:
    project, (d1, *_), _parent, child, _other = study
    start, end = span(DOC1, "定期召开联席会议")
    project.apply_code(d1.id, child.id, start, end - 2)  # …召开联席
    assert as_counts(word_frequencies(project, code_id=child.id)) == {"定期": 1, "召开": 1}


def test_top_limits_rows(study) -> None:
    rows = word_frequencies(study[0], top=3)
    assert len(rows) == 3 and rows[0].word == "企业"


# -- keywords --------------------------------------------------------------------------------


def test_tfidf_prefers_a_word_of_one_document_over_a_word_of_every_document(project) -> None:
    # 企业 is in every document and more often in the first than 孵化器, found only there.
    first = project.add_document("甲", "企业孵化器支持企业。孵化器服务企业。企业发展孵化器。企业。")
    project.add_document("乙", "企业创新。")
    project.add_document("丙", "企业转型。")
    counts = as_counts(word_frequencies(project, document_id=first.id))
    assert counts["企业"] > counts["孵化器"]
    ranked = [w for w, _ in keywords(project, document_id=first.id, method="tfidf")]
    assert ranked.index("孵化器") < ranked.index("企业")


def test_textrank_keeps_added_terms(study) -> None:
    project, (d1, *_), parent, child, _other = study
    project.apply_code(d1.id, child.id, 0, len(project.document_text(d1.id)))
    ranked = dict(keywords(project, code_id=parent.id, method="textrank", top=50))
    assert NEW_TERM in ranked and "科技创新券" in ranked
    assert max(ranked.values()) == pytest.approx(1.0)


def test_keywords_need_a_scope_and_a_known_method(study) -> None:
    from annotator.errors import InvalidOperation

    with pytest.raises(InvalidOperation):
        keywords(study[0])
    with pytest.raises(InvalidOperation):
        keywords(study[0], document_id=study[1][0].id, method="lda")


# -- the workbook's 词频 sheet ------------------------------------------------------------


def sheet_rows(path: Path, name: str) -> list[list[object]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(r) for r in wb[name].iter_rows(values_only=True)]
    finally:
        wb.close()


def test_word_sheet_matches_plain_count(study, plain, tmp_path: Path) -> None:
    project = study[0]
    target = tmp_path / "out.xlsx"
    project.export_excel(target)
    header, *rows = sheet_rows(target, "词频")
    assert header == ["排名", "词语", "词性", "词性名称", "频次", "占比", "文档数"]
    expected = plain.counter(DOC1, DOC2, DOC3)
    total = sum(expected.values())
    assert {r[1]: r[4] for r in rows} == dict(expected)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    docs = (DOC1, DOC2, DOC3)
    for _rank, word, pos, _name, count, share, in_docs in rows:
        assert pos
        assert share == pytest.approx(count / total)
        assert in_docs == sum(word in plain.words(d) for d in docs)
    by_word = {r[1]: r for r in rows}
    assert by_word[NEW_TERM][2:4] == ["nz", "其他专名"]


def test_code_word_sheet_lists_each_codes_top_words(study, plain, tmp_path: Path) -> None:
    project, (d1, d2, _d3), parent, child, other = study
    sentence = "推广科技创新券通用通兑，支持科技型中小企业购买检测服务。"
    project.apply_code(d1.id, child.id, *span(DOC1, sentence))
    project.apply_code(d2.id, other.id, *span(DOC2, "揭榜挂帅项目实行经费包干制。"))
    target = tmp_path / "out.xlsx"
    project.export_excel(target)
    header, *rows = sheet_rows(target, "编码词频")
    assert header[:4] == ["编码路径", "层级", "片段数（含下级）", "计数词数"]
    by_path = {r[0]: r for r in rows}
    assert list(by_path) == ["资源协同", "资源协同 / 创新券", "揭榜挂帅"]  # codebook order
    expected = plain.counter(sentence)
    for path in ("资源协同", "资源协同 / 创新券"):
        assert by_path[path][2:4] == [1, sum(expected.values())]
        listed = dict(re.findall(r"([^、(]+)\((\d+)\)", by_path[path][4]))
        assert {w: int(n) for w, n in listed.items()} == dict(expected)
    listed = by_path["揭榜挂帅"][4].split("、")  # equal counts in character order
    assert listed == ["实行(1)", "揭榜挂帅(1)", "经费包干制(1)", "项目(1)"]
