"""The default search picks candidate documents with the word index and still finds every
occurrence ``str.count`` finds: phrases cut anywhere (inside words, across words), in both
scripts, with documents changed behind the index's back. A warm search does not read every
document's hash or title, and the candidates really narrow what is read.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from annotator.chinese.variants import fold
from annotator.db import search_index as tables
from annotator.db.documents import content_hash
from annotator.project import Project
from annotator.search import phrase as phrases
from annotator.search import search, texts

DATA = Path(__file__).parent / "data" / "search"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("candidates") / "candidates.annot"
    with Project.create(path, coder="甲") as project:
        report = project.import_files(sorted(DATA.glob("*.txt")))
        assert report.count("imported") == 9
    return path


@pytest.fixture
def project(corpus: Path, tmp_path: Path):
    copy = tmp_path / "copy.annot"
    copy.write_bytes(corpus.read_bytes())
    texts.forget()
    with Project.open(copy, coder="甲") as opened:
        yield opened
    texts.forget()


def folded_texts(project: Project) -> list[str]:
    return [fold(project.document_text(d.id)) for d in project.documents()]


def phrases_cut_anywhere(project: Project, count: int, seed: int = 3) -> list[str]:
    """Substrings of 2–6 letters or digits taken at random places of the folded texts: most
    start or end inside a word."""
    rng = random.Random(seed)
    found: list[str] = []
    pool = folded_texts(project)
    while len(found) < count:
        text = rng.choice(pool)
        at = rng.randrange(len(text) - 6)
        piece = text[at : at + rng.randint(2, 6)]
        if phrases.eligible(piece):
            found.append(piece)
    return found


def test_phrases_cut_anywhere_are_all_found(project: Project) -> None:
    folded = folded_texts(project)
    pieces = phrases_cut_anywhere(project, 120)
    with project.session_scope() as s:
        live = texts.snapshot(s)
        narrowed = 0
        for piece in pieces:
            picked = phrases.candidates(s, piece, live)
            holding = {d for d, text in zip(live.order, (fold(t) for t in
                       texts.texts_for(s, live.order).values()), strict=True) if piece in text}
            if picked is not None:
                assert holding <= set(picked), piece
                narrowed += len(picked) < len(live.order)
    assert narrowed > 20  # the index narrows most of these searches
    for piece in phrases_cut_anywhere(project, 40, seed=5):
        assert search(project, piece).total == sum(t.count(piece) for t in folded), piece


def test_traditional_query_finds_both_scripts_through_candidates(project: Project) -> None:
    stored = [project.document_text(d.id) for d in project.documents()]
    expected = sum(t.count("知識產權") + t.count("知识产权") for t in stored)
    assert expected > sum(t.count("知识产权") for t in stored) > 0
    assert search(project, "知識產權").total == expected
    # Cut inside the word in both scripts.
    assert search(project, "識產").total == sum(fold(t).count("识产") for t in stored)


def test_a_text_changed_behind_the_index_is_searched_as_it_is(project: Project) -> None:
    first = project.documents()[0]
    before = search(project, "成果转化").total
    new_text = "全新文本：揭榜挂帅制度与成果转化。"
    # Written by another program: the index row is left as it was, with the old hash.
    con = sqlite3.connect(project.path)
    con.execute("UPDATE documents SET text = ?, content_hash = ? WHERE id = ?",
                (new_text, content_hash(new_text), first.id))
    con.commit()
    con.close()
    folded = folded_texts(project)
    assert search(project, "揭榜挂帅").total == 1  # in no index row yet
    assert search(project, "成果转化").total == sum(t.count("成果转化") for t in folded)
    assert search(project, "成果转化").total != before


def test_a_deleted_document_is_not_found(project: Project) -> None:
    doc = next(d for d in project.documents()
               if "成果转化" in fold(project.document_text(d.id)))
    before = search(project, "成果转化")
    project.delete_document(doc.id)
    after = search(project, "成果转化")
    assert after.document_count == before.document_count - 1
    assert all(h.document_id != doc.id for h in after.all_hits())


def test_generation_token_changes_with_documents_and_index(project: Project) -> None:
    with project.session_scope() as s:
        token, terms = tables.generation(s)
    with project.session_scope() as s:
        assert tables.generation(s) == (token, terms)  # reading changes nothing
    project.add_document("新的一篇", "推动科技成果转化。")
    with project.session_scope() as s:
        token2, terms2 = tables.generation(s)
    assert token2 != token and terms2 == terms
    from annotator.words.terms import add_terms

    add_terms(project, ["揭榜挂帅制"])
    with project.session_scope() as s:
        assert tables.generation(s)[1] != terms2


def test_a_warm_search_reads_neither_every_hash_nor_every_title(project: Project) -> None:
    search(project, "成果转化")
    search(project, "成果转化")
    search(project, "成果转化", whole_word=True)  # warm
    statements: list[str] = []

    def trace(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.set_trace_callback(statements.append)

    event.listen(project._engine, "checkout", trace)  # noqa: SLF001
    try:
        result = search(project, "揭榜挂帅", limit=10)
        word = search(project, "成果转化", whole_word=True, limit=5)
    finally:
        event.remove(project._engine, "checkout", trace)  # noqa: SLF001
    assert result.total >= 0 and word.total > 0
    reads = [sql for sql in statements if "FROM documents" in sql]
    assert reads and all("WHERE" in sql for sql in reads), reads  # no scan of all documents
    whole = [sql for sql in statements if "search_documents" in sql and "WHERE" not in sql]
    assert not whole, whole
    own = [sql for sql in statements if not sql.startswith("--")]  # not FTS5's inner reads
    assert len(own) < 30, own


def test_candidates_read_only_the_texts_that_may_match(project: Project) -> None:
    texts.forget()
    with project.session_scope() as s:
        live = texts.snapshot(s)
        picked = phrases.candidates(s, "揭榜挂帅", live)
    assert picked is not None and len(picked) < len(live.order)


def test_an_index_made_without_the_vocabulary_or_the_triggers_still_finds_everything(
    project: Project,
) -> None:
    folded = folded_texts(project)
    expected = sum(t.count("成果转化") for t in folded)
    assert search(project, "成果转化").total == expected
    # As an earlier version leaves a project: no vocabulary, no generation row, no
    # triggers; then a document added by it.
    con = sqlite3.connect(project.path)
    names = [n for (n,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_gen_%'")]
    for name in names:
        con.execute(f"DROP TRIGGER {name}")
    con.execute("DROP TABLE search_generation")
    con.execute("DROP TABLE search_vocab")
    con.commit()
    con.close()
    texts.forget()
    added = project.add_document("补充", "加快科技成果转化，推进成果转化落地。")
    assert search(project, "成果转化").total == expected + 2
    assert search(project, "果转").total == sum(t.count("果转") for t in folded) + 2
    with project.session_scope() as s:
        assert added.id not in texts.snapshot(s).unsure  # indexed as it was added


def test_a_row_indexed_without_its_vocabulary_rebuilds_it(project: Project) -> None:
    project.add_document("补充", "揭榜挂帅制度推进成果转化。")
    # As if an earlier version had indexed the document: its terms are not in the
    # vocabulary and the counts disagree.
    con = sqlite3.connect(project.path)
    con.execute("DELETE FROM search_vocab WHERE term LIKE '%揭榜%'")
    con.execute("UPDATE search_generation SET vocab_inserts = vocab_inserts - 1")
    con.commit()
    con.close()
    assert search(project, "揭榜挂帅").total == 1
    assert search(project, "榜挂").total == 1


@pytest.mark.parametrize("name", ["query", "results", "texts", "phrase", "units", "coding"])
def test_search_modules_hold_no_sql(name: str) -> None:
    """The search SQL is in annotator/db/search_index.py; a Session is only a type here."""
    import ast

    path = Path(__file__).resolve().parents[1] / "annotator" / "search" / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    modules = [alias.name for node in top if isinstance(node, ast.Import)
               for alias in node.names]
    modules += [node.module or "" for node in top if isinstance(node, ast.ImportFrom)]
    assert not [m for m in modules if m.split(".")[0] in ("sqlalchemy", "sqlite3")]
    source = path.read_text(encoding="utf-8")
    assert "SELECT " not in source and "exec_driver_sql" not in source
