"""Word frequencies count simplified and traditional forms as one word (创新 and 創新), and
show each word as the counted text writes it most often.

Real texts from tests/data/search: the Hong Kong InnoHK launch speech and 2019 budget speech
(traditional script) and the Shanghai S&T progress regulation (simplified). The reference is
the same corpus with the traditional texts folded to simplified characters beforehand: counting
must give the same numbers, word for word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.analysis.keywords import keywords
from annotator.analysis.word_sheet import word_sheets
from annotator.analysis.wordfreq import word_frequencies
from annotator.chinese.variants import fold
from annotator.project import Project

DATA = Path(__file__).parent / "data" / "search"
TRADITIONAL = ("hk-innohk-launch-2021.txt", "hk-budget-2019-innovation.txt")
SIMPLIFIED = "sh-kexue-jishu-jinbu-tiaoli-2024.txt"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def make(path: Path, texts: list[tuple[str, str]]) -> Project:
    project = Project.create(path, coder="甲")
    for title, text in texts:
        project.add_document(title, text)
    return project


@pytest.fixture
def mixed(tmp_path: Path):
    texts = [(name, read(name)) for name in (*TRADITIONAL, SIMPLIFIED)]
    with make(tmp_path / "mixed.annot", texts) as project:
        yield project


@pytest.fixture
def folded(tmp_path: Path):
    texts = [(name, fold(read(name))) for name in (*TRADITIONAL, SIMPLIFIED)]
    with make(tmp_path / "folded.annot", texts) as project:
        yield project


def by_folded_word(rows) -> dict[str, tuple[int, int]]:
    return {fold(r.word): (r.count, r.documents) for r in rows}


def test_both_scripts_count_as_one_word(mixed: Project, folded: Project) -> None:
    rows = word_frequencies(mixed)
    assert by_folded_word(rows) == by_folded_word(word_frequencies(folded))
    # One row per word: no word appears once per script.
    assert len({fold(r.word) for r in rows}) == len(rows)
    for simplified, traditional in (("研发", "研發"), ("创新", "創新")):
        row = next(r for r in rows if fold(r.word) == simplified)
        assert set(row.forms) == {simplified, traditional}
        # Shown as written most often: in the traditional speeches, or in the regulation.
        docs = {d.title: d.id for d in folded.documents()}
        in_traditional = sum(
            next((r.count for r in word_frequencies(folded, document_id=docs[name])
                  if r.word == simplified), 0)
            for name in TRADITIONAL)
        assert 0 < in_traditional < row.count
        expected = traditional if in_traditional > row.count - in_traditional else simplified
        assert row.word == expected == row.forms[0]


def test_a_traditional_document_is_shown_in_its_own_script(mixed: Project) -> None:
    doc = next(d for d in mixed.documents() if d.title == TRADITIONAL[0])
    rows = word_frequencies(mixed, document_id=doc.id)
    words = {r.word for r in rows}
    assert {"實驗室", "研發"} <= words
    assert not words & {"实验室", "研发"}
    assert all(r.forms == () for r in rows)  # one script only in this document


def test_codes_and_keywords_fold_too(mixed: Project, folded: Project) -> None:
    # The same passages in both projects: each line that speaks of 研发 / 研發.
    for project in (mixed, folded):
        code = project.add_code("研发")
        for doc in project.documents():
            text = project.document_text(doc.id)
            start = 0
            for line in text.split("\n"):
                if "研发" in fold(line):
                    project.apply_code(doc.id, code.id, start, start + len(line))
                start += len(line) + 1
    code_id = mixed.find_code("研发").id
    rows = word_frequencies(mixed, code_id=code_id)
    assert by_folded_word(rows) == by_folded_word(
        word_frequencies(folded, code_id=folded.find_code("研发").id))
    research = next(r for r in rows if fold(r.word) == "研发")
    assert set(research.forms) == {"研发", "研發"}
    for method in ("tfidf", "textrank"):
        top = [w for w, _ in keywords(mixed, code_id=code_id, method=method, top=10)]
        assert len({fold(w) for w in top}) == len(top), method


def test_word_sheets_agree_with_the_tables(mixed: Project) -> None:
    code = mixed.add_code("创科")
    doc = next(d for d in mixed.documents() if d.title == TRADITIONAL[1])
    mixed.apply_code(doc.id, code.id, 0, len(mixed.document_text(doc.id)))
    corpus_sheet, code_sheet = word_sheets(mixed)
    sheet = {row[1]: row[4] for row in corpus_sheet.rows}
    table = {r.word: r.count for r in word_frequencies(mixed, top=500)}
    assert sheet == table
    (row,) = [r for r in code_sheet.rows if r[0] == "创科"]
    # The budget speech's own words, as it writes them.
    assert "創科(" in row[4] and "创科(" not in row[4]
