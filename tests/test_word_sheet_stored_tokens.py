"""The workbook's word counts come from the words import stored in the search index, and equal
a fresh jieba count with the same term list — corpus and every code, word for word, with the
same documents, forms and tags.

Real text: policy articles from benchmarks/real_corpus.py, a traditional-script speech from
tests/data/search, and a snippet with the words the index stores otherwise than written
(upper-case Latin, words with ASCII punctuation, numbers with a decimal point).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.analysis.corpus_walk import CorpusWalk
from annotator.analysis.word_sheet import WordSheets, word_sheets
from annotator.analysis.word_sheet_counts import count_scopes
from annotator.analysis.wordfreq import WordTally, analyser_for
from annotator.project import Project
from annotator.search.index import ensure_index
from annotator.words.terms import add_terms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from real_corpus import articles  # noqa: E402

DATA = Path(__file__).parent / "data" / "search"
LATIN = (
    "关于推进5G网络和AI技术应用的通知\n"
    "一、各地要加快5G基站建设，推动AI+制造、COVID-19疫情防控和GDP核算改革。\n"
    "二、研发投入强度达到3.5%以上，R&D经费同比增长12.5%，建设IPv6网络。\n"
    "三、支持ChatGPT等大模型在政务服务中的应用，探索Web3.0、B2B电子商务。"
)


def build(path: Path) -> Project:
    project = Project.create(path, coder="甲")
    add_terms(project, ["AI+制造", "数字经济", "5G基站", "科技成果转化"])
    texts = list(articles(6, 2500, seed=3))
    texts.append(("InnoHK", (DATA / "hk-innohk-launch-2021.txt").read_text(encoding="utf-8")))
    texts.append(("5G", LATIN))
    for title, body in texts:
        project.add_document(title, body)
    parent = project.add_code("政策工具")
    child = project.add_code("供给型", parent_id=parent.id)
    other = project.add_code("环境型")
    rng = random.Random(5)
    for doc in project.documents():
        for _ in range(12):
            start = rng.randrange(max(1, doc.length - 120))
            end = min(doc.length, start + rng.randint(5, 120))
            code = rng.choice((parent, child, other))
            project.apply_code(doc.id, code.id, start, end)
    ensure_index(project)
    return project


@pytest.fixture
def project(tmp_path: Path):
    with build(tmp_path / "words.annot") as p:
        yield p


def from_walk(project: Project) -> tuple[WordTally, dict[int, WordTally], int]:
    documents = project.documents()
    builder = WordSheets(project, documents, project.codes())
    for doc in CorpusWalk(project, documents, index_terms=builder.index_terms):
        builder.add(doc.info, doc.text, doc.passages, doc.stored)
    corpus, by_code = builder.result()
    return corpus, by_code, builder.segmented


def fresh(project: Project) -> tuple[WordTally, dict[int, WordTally]]:
    """jieba over every text, now, with the project's current terms."""
    codes = project.codes()
    parent = {c.id: c.parent_id for c in codes}
    spans: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for p in project.iter_all_passages():
        node: int | None = p.code_id
        while node is not None:
            spans.setdefault(p.document_id, {}).setdefault(node, []).append((p.start, p.end))
            node = parent.get(node)
    texts = ((d.id, project.document_text(d.id)) for d in project.documents())
    return count_scopes(analyser_for(project), texts, spans, [c.id for c in codes])


def assert_same(a: WordTally, b: WordTally) -> None:
    assert a.counts == b.counts
    assert a.documents == b.documents
    assert a.document_total == b.document_total
    assert a.forms == b.forms
    assert [r.pos for r in a.rows(200)] == [r.pos for r in b.rows(200)]
    assert a.rows(200) == b.rows(200)


def test_counts_from_stored_words_equal_a_fresh_count(project: Project) -> None:
    corpus, by_code, segmented = from_walk(project)
    assert segmented == 0  # every word came from the index
    want_corpus, want_codes = fresh(project)
    assert_same(corpus, want_corpus)
    assert by_code.keys() == want_codes.keys()
    for code_id, tally in by_code.items():
        assert_same(tally, want_codes[code_id])
    # The words the index keeps lower-cased or without their punctuation are counted as
    # written, and the traditional speech shows its own forms.
    assert {"GDP", "ChatGPT", "IPv6", "AI+制造"} <= set(corpus.counts)
    assert "gdp" not in corpus.counts
    assert corpus.forms  # 創新-like forms of the traditional text


def test_a_changed_term_list_means_segmenting_again(project: Project) -> None:
    add_terms(project, ["防控和GDP核算"])  # the index still has the old term list
    corpus, by_code, segmented = from_walk(project)
    assert segmented == len(project.documents())
    want_corpus, want_codes = fresh(project)
    assert_same(corpus, want_corpus)
    assert "防控和GDP核算" in corpus.counts
    for code_id, tally in by_code.items():
        assert_same(tally, want_codes[code_id])


def test_a_damaged_or_stale_index_row_is_recomputed_not_trusted(project: Project) -> None:
    first, second = project.documents()[:2]
    with project.session_scope() as s:
        s.execute(text(  # a blob that does not decode
            "UPDATE search_documents SET spans = x'00ff' WHERE document_id = :d"),
            {"d": first.id})
        s.execute(text(  # a row for another version of the text
            "UPDATE search_documents SET content_hash = 'old' WHERE document_id = :d"),
            {"d": second.id})
    corpus, by_code, segmented = from_walk(project)
    assert segmented == 2
    want_corpus, want_codes = fresh(project)
    assert_same(corpus, want_corpus)
    for code_id, tally in by_code.items():
        assert_same(tally, want_codes[code_id])


def test_word_sheets_read_the_index(project: Project) -> None:
    sheets = word_sheets(project)
    assert [s.name for s in sheets] == ["词频", "编码词频"]
    want, _ = fresh(project)
    rows = list(sheets[0].rows)
    assert [(r[1], r[4]) for r in rows] == [(w.word, w.count) for w in want.rows(500)]


def test_an_export_reads_each_text_once_and_segments_nothing(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    project.export_excel(tmp_path / "warm.xlsx")  # units split once if any were missing
    reads: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        if "documents.text" in statement or "text FROM documents" in statement:
            reads.append(statement)

    def no_jieba(*args: object, **kwargs: object) -> None:
        raise AssertionError("segmented a stored document")

    import jieba

    monkeypatch.setattr(jieba.Tokenizer, "tokenize", no_jieba)
    monkeypatch.setattr(jieba.Tokenizer, "cut", no_jieba)
    event.listen(Engine, "before_cursor_execute", record)
    try:
        project.export_excel(tmp_path / "coded.xlsx")
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert len(reads) == 1  # one streamed read of every text, in document order
