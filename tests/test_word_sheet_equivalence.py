"""The word sheets (词频, 编码词频) counted in bulk give exactly what counting each code's
passages one document at a time gave: the original algorithm is kept here as the reference."""

from __future__ import annotations

import random
import sys
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest

from annotator.analysis.keywords import tfidf
from annotator.analysis.word_sheet import (
    CODE_KEYWORDS,
    CODE_TOP,
    CORPUS_TOP,
    LIST_SEPARATOR,
    SHEET_CODE_WORDS,
    SHEET_WORDS,
    word_sheets,
)
from annotator.analysis.wordfreq import (
    EXCLUDED_TAGS,
    Span,
    WordTagger,
    WordTally,
    analyser_for,
    corpus_tally,
    merge_spans,
    pos_name,
    words_within,
)
from annotator.db import exchange
from annotator.project import Project
from annotator.records import CodeInfo
from annotator.words.stopwords import add_stopwords
from annotator.words.terms import add_terms

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_tables  # noqa: E402

# -- the reference: word_sheets as it was before counting in bulk ------------------------


def _lineage(codes: Sequence[CodeInfo]) -> dict[int, tuple[int, ...]]:
    parent = {c.id: c.parent_id for c in codes}
    lineage = {}
    for code in codes:
        chain, node = [], code.id
        while node is not None and node not in chain:
            chain.append(node)
            node = parent.get(node)
        lineage[code.id] = tuple(chain)
    return lineage


def reference_sheets(project: Project) -> tuple[list[tuple[str, list[tuple]]], WordTally]:
    """(sheet name, rows) of both sheets and the corpus tally, counted the original way."""
    documents = project.documents()
    codes = project.codes()
    analyser = analyser_for(project)
    lineage = _lineage(codes)
    spans: dict[int, dict[int, list[Span]]] = {}
    passages: Counter[int] = Counter()
    for p in project.iter_all_passages():
        per_code = spans.setdefault(p.document_id, {})
        for code_id in lineage.get(p.code_id, (p.code_id,)):
            per_code.setdefault(code_id, []).append((p.start, p.end))
            passages[code_id] += 1
    corpus = WordTally()
    by_code = {c.id: WordTally() for c in codes}
    for doc in documents:
        (tokens,) = analyser.runs(project.document_text(doc.id))
        corpus.add_document(analyser.tally(tokens))
        for code_id, code_spans in spans.get(doc.id, {}).items():
            tally = by_code.get(code_id)
            if tally is not None:
                tally.add_document(
                    analyser.tally(
                        t for s, e in merge_spans(code_spans) for t in words_within(tokens, s, e)
                    )
                )
    word_rows = [
        (rank, w.word, w.pos, pos_name(w.pos), w.count, w.share, w.documents)
        for rank, w in enumerate(corpus.rows(CORPUS_TOP), 1)
    ]
    code_rows = []
    for code in codes:
        tally = by_code[code.id]
        top = LIST_SEPARATOR.join(f"{w.word}({w.count})" for w in tally.rows(CODE_TOP))
        keywords = LIST_SEPARATOR.join(w for w, _ in tfidf(tally, corpus, CODE_KEYWORDS))
        code_rows.append(
            (code.path_text, code.depth + 1, passages[code.id], tally.total, top, keywords)
        )
    return [(SHEET_WORDS, word_rows), (SHEET_CODE_WORDS, code_rows)], corpus


def assert_same_sheets(project: Project) -> None:
    sheets = word_sheets(project)  # first, so that it tags words the reference has not
    remembered = corpus_tally(project, analyser_for(project))
    expected, corpus = reference_sheets(project)
    assert [(s.name, s.rows) for s in sheets] == expected
    # The remembered corpus counts serve the word-frequency dialog and keywords.
    assert remembered.counts == corpus.counts
    assert remembered.documents == corpus.documents
    assert remembered.document_total == corpus.document_total
    assert dict(remembered.tags.items()) == corpus.tags
    assert [w.pos for w in remembered.rows()] == [w.pos for w in corpus.rows()]


# -- projects -----------------------------------------------------------------------------


def add_random_passages(project: Project, rng: random.Random, count: int) -> None:
    """``count`` passages of two coders on codes at every level (one code left unused), in
    all documents but the last; the first document gets one passage only."""
    documents = project.documents()
    lengths = {d.id: len(project.document_text(d.id)) for d in documents}
    codes = project.codes()[:-1]
    first, *others = [d.id for d in documents[:-1]]
    coder_ids = (project.coder.id, 100)
    with project.session_scope() as s:
        exchange.insert_coders(s, [{"id": 100, "guid": str(uuid.uuid4()), "name": "乙"}])
    rows: list[dict[str, object]] = []

    def passage(doc: int, code: int, coder: int, start: int, end: int) -> None:
        rows.append({
            "id": len(rows) + 1, "guid": str(uuid.uuid4()), "document_id": doc,
            "code_id": code, "coder_id": coder, "start": start, "end": end, "memo": "",
            "created_at": datetime(2024, 1, 1),
        })

    passage(first, codes[0].id, coder_ids[0], 3, 17)
    for _ in range(count):
        doc = rng.choice(others)
        start = rng.randrange(lengths[doc])
        end = min(lengths[doc], start + rng.randint(1, 120))
        code = rng.choice(codes).id
        passage(doc, code, rng.choice(coder_ids), start, end)
        if rng.random() < 0.2:  # the other coder, a little off: overlapping passages
            passage(doc, code, rng.choice(coder_ids), max(0, start - 3), max(start + 1, end - 5))
    with project.session_scope() as s:
        exchange.insert_passages(s, rows)


@pytest.fixture(scope="module")
def samples_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    path = tmp_path_factory.mktemp("samples") / "samples.annot"
    project = Project.create(path, codebook="policy-instruments", coder="甲")
    project.import_files(sorted(p for p in (ROOT / "samples").iterdir() if p.name != "README.md"))
    # A term jieba joins, one it cannot (matched in the raw text), a new stopword.
    add_terms(project, ["赋权改革试点", "“三权”改革", "揭榜挂帅制"])
    add_stopwords(project, ["科技成果"])
    add_random_passages(project, random.Random(7), 700)
    yield project
    project.close()


def test_sample_articles_give_the_same_sheets(samples_project: Project) -> None:
    codes = samples_project.codes()
    assert any(c.parent_id for c in codes) and len(samples_project.documents()) == 8
    assert_same_sheets(samples_project)


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_projects_give_the_same_sheets(tmp_path: Path, seed: int) -> None:
    project = bench_tables.build(tmp_path / f"g{seed}.annot", 12, 800, seed=seed)
    try:
        assert_same_sheets(project)
    finally:
        project.close()


def test_counted_words_are_decided_as_when_tagging_each(samples_project: Project) -> None:
    """Deciding exclusion by the first character's possible states agrees with running
    jieba's HMM, word by word, on every word of the samples (fresh taggers, nothing cached)."""
    analyser = analyser_for(samples_project)
    tokenize, terms = analyser.tagger.tokenize, analyser.tagger.terms
    words = {
        t.word
        for d in samples_project.documents()
        for t in tokenize(samples_project.document_text(d.id))
    }
    words |= {"一二三", "十五", "三十六", "第一", "百分之", "万亿元"}  # numerals jieba lacks
    tagging, deciding = WordTagger(tokenize, terms), WordTagger(tokenize, terms)
    assert {w: deciding.tag_among(w, EXCLUDED_TAGS) for w in words} == {
        w: tagging.tag(w) in EXCLUDED_TAGS for w in words
    }
