"""Suggestions learned from the coder's own coding: honest quality, proposals to review,
rejections that teach, and clear refusals when there is too little to learn from."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from annotator import Project
from annotator.autocoding.review import (
    accept_proposals,
    list_proposals,
    reject_proposals,
    undo_accept,
)
from annotator.cli import run
from annotator.errors import InvalidOperation
from annotator.suggest import suggest

DATA = Path(__file__).parent / "data" / "suggest"
CHAPTER = re.compile(r"^第[一二三四五六七八九十]+章\s*(.*)$")
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零]+条")
THEMES = {"总则": "总则", "法律责任": "法律责任", "附则": "附则"}
TRAIN = ("laodong-fa", "hehuo-qiye-fa", "shangye-yinhang-fa", "zhaobiao-toubiao-fa")
HELD_OUT = ("xiaofeizhe-quanyi-fa", "nongcun-tudi-chengbao-fa")


def articles(text: str) -> list[tuple[str, int, int]]:
    """(theme, start, end) of every article in a chapter whose title names a theme."""
    out, theme, current, offset, last = [], None, None, 0, 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        chapter = CHAPTER.match(line)
        if (chapter or ARTICLE.match(line)) and current is not None:
            out.append((*current, last))
            current = None
        if chapter:
            theme = THEMES.get(chapter.group(1).replace(" ", "").replace("\u3000", ""))
        elif ARTICLE.match(line) and theme is not None:
            current = (theme, start)
        if line.strip():
            last = end
    if current is not None:
        out.append((*current, last))
    return out


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four statutes coded by chapter theme, two not coded at all."""
    path = tmp_path_factory.mktemp("suggest") / "statutes.annot"
    with Project.create(path) as p:
        codes = {name: p.add_code(name).id for name in THEMES.values()}
        p.add_code("附则条款", keywords=["施行", "解释"])  # keyword-coded, never coded by hand
        for name in TRAIN + HELD_OUT:
            text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
            title, body = text.split("\n", 1)
            doc = p.add_document(title, body)
            if name in TRAIN:
                stored = p.document_text(doc.id)
                for theme, a, b in articles(stored):
                    p.apply_code(doc.id, codes[theme], a, b)
    return path


def _copy(coded: Path, tmp_path: Path) -> Project:
    target = tmp_path / coded.name
    target.write_bytes(coded.read_bytes())
    return Project.open(target)


def test_learns_chapter_themes_and_proposes_them_for_uncoded_statutes(
    coded: Path, tmp_path: Path
) -> None:
    with _copy(coded, tmp_path) as project:
        passages_before = len(project.passages())
        report = suggest(project, unit="paragraph")
        by_path = {q.path: q for q in report.codes}
        liability = by_path["法律责任"]
        assert liability.trained and liability.documents == 4
        assert liability.precision >= 0.8 and liability.recall >= 0.5  # measured, not assumed
        # A code nobody coded by hand is listed with what it lacks, and proposes nothing.
        assert not by_path["附则条款"].trained and "needs 10" in by_path["附则条款"].reason
        assert by_path["附则条款"].proposed == 0

        held = {d.id for d in project.documents() if d.title.endswith(("消费者权益保护法",
                                                                        "农村土地承包法"))}
        proposals = [p for p in list_proposals(project) if p.origin == "suggested"]
        assert proposals and {p.document_id for p in proposals} <= held  # coded docs: none
        assert all(0.7 <= p.confidence <= 1.0 for p in proposals)
        assert len(project.passages()) == passages_before  # nothing coded behind one's back

        # The suggested 法律责任 units really are articles of the held-out 法律责任 chapters.
        truth = set()
        for doc_id in held:
            text = project.document_text(doc_id)
            truth |= {(doc_id, a, b) for t, a, b in articles(text) if t == "法律责任"}
        code = project.find_code("法律责任")
        mine = [p for p in proposals if p.code_id == code.id]
        inside = [p for p in mine if any(d == p.document_id and a <= p.start and p.end <= b
                                         for d, a, b in truth)]
        assert len(mine) >= 10 and len(inside) / len(mine) >= 0.8


def test_accepting_is_undoable_and_marks_the_passage_as_learned(
    coded: Path, tmp_path: Path
) -> None:
    with _copy(coded, tmp_path) as project:
        suggest(project)
        proposal = next(p for p in list_proposals(project, by_confidence=True)
                        if p.origin == "suggested")
        batch = accept_proposals(project, [proposal.id])
        [passage] = [p for p in project.passages(document_id=proposal.document_id)
                     if p.id in batch.passage_ids]
        assert passage.origin == "suggested"
        undo_accept(project, batch)
        assert all(p.id not in batch.passage_ids for p in project.passages())
        assert proposal.id in {p.id for p in list_proposals(project)}


def test_rejected_suggestions_are_not_proposed_again_and_teach(
    coded: Path, tmp_path: Path
) -> None:
    with _copy(coded, tmp_path) as project:
        suggest(project)
        code = project.find_code("总则")
        first = [p for p in list_proposals(project) if p.code_id == code.id]
        assert first
        rejected = first[: max(1, len(first) // 2)]
        reject_proposals(project, [p.id for p in rejected])
        report = suggest(project)
        again = {(p.document_id, p.start, p.end) for p in list_proposals(project)
                 if p.code_id == code.id}
        assert not again & {(p.document_id, p.start, p.end) for p in rejected}
        assert next(q for q in report.codes if q.path == "总则").proposed == 0  # none new


def test_keyword_coding_gets_a_precision_report_and_is_ranked_by_the_model(
    coded: Path, tmp_path: Path
) -> None:
    from annotator.autocoding.propose import autocode

    with _copy(coded, tmp_path) as project:
        rules = project.find_code("附则")
        project.update_code(rules.id, keywords=["施行", "解释"])
        autocode(project, unit="paragraph", code_ids=[rules.id])
        report = suggest(project)
        quality = next(q for q in report.codes if q.path == "附则")
        assert quality.keyword_f1 is not None and 0.0 < quality.keyword_precision <= 1.0
        keyword = [p for p in list_proposals(project, by_confidence=True)
                   if p.origin == "keyword"]
        assert keyword and report.ranked_keyword_proposals > 0
        scored = [p.confidence for p in keyword if p.confidence is not None]
        assert scored == sorted(scored, reverse=True)


def test_active_learning_lists_the_least_certain_uncoded_units(
    coded: Path, tmp_path: Path
) -> None:
    with _copy(coded, tmp_path) as project:
        report = suggest(project, next_units=5, store=False)
        assert len(report.next_units) == 5
        assert not list_proposals(project)  # a dry run stores nothing
        closeness = [abs(u.probability - 0.5) for u in report.next_units]
        assert closeness == sorted(closeness)
        coded_docs = {p.document_id for p in project.passages()}
        assert all(u.document_id not in coded_docs for u in report.next_units)


def test_too_little_to_learn_from_says_what_is_needed(tmp_path: Path) -> None:
    with Project.create(tmp_path / "empty.annot") as project:
        with pytest.raises(InvalidOperation, match="no codes"):
            suggest(project)
        project.add_code("总则")
        with pytest.raises(InvalidOperation, match="no documents"):
            suggest(project)
        text = (DATA / "laodong-fa.txt").read_text(encoding="utf-8")
        doc = project.add_document("劳动法", text)
        project.apply_code(doc.id, project.find_code("总则").id, 10, 40)
        with pytest.raises(InvalidOperation, match="at least 2 documents"):
            suggest(project)


def test_cli_prints_quality_per_code_and_stores_proposals(coded: Path, tmp_path: Path) -> None:
    target = tmp_path / coded.name
    target.write_bytes(coded.read_bytes())
    out = io.StringIO()
    assert run(["suggest", str(target), "--next", "3"], out) == 0
    text = out.getvalue()
    assert "法律责任" in text and "proposals added to the review queue" in text
    assert "needs 10 coded units in 2 documents (has 0 in 0)" in text  # 附则条款
    assert "next 3 units to code" in text
    with Project.open(target) as project:
        assert any(p.origin == "suggested" for p in list_proposals(project))


def test_progress_counts_the_codes_learned(coded: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with _copy(coded, tmp_path) as project:
        report = suggest(project, store=False,
                         progress=lambda done, total: calls.append((done, total)))
    n = len(report.codes)
    assert n > 1 and calls == [(i, n) for i in range(n + 1)]


def test_cli_draws_a_bar_over_the_codes_on_a_terminal(
    coded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    target = tmp_path / coded.name
    target.write_bytes(coded.read_bytes())
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert run(["suggest", str(target), "--dry-run", "--quiet"], io.StringIO()) == 0
    assert terminal.getvalue() == ""
    assert run(["suggest", str(target), "--dry-run"], io.StringIO()) == 0
    assert terminal.getvalue().startswith("\rlearning:") and terminal.getvalue().endswith("\r")


def test_a_big_table_learns_from_every_coded_unit_and_a_sample_of_the_rest() -> None:
    import numpy as np

    from annotator.suggest.learn import _sample

    rows = np.arange(0, 100_000, 2)  # 50,000 units of the documents worked through
    y = np.zeros(100_000, dtype=bool)
    y[rows[::50]] = True  # 1,000 coded
    rejected = np.array([4, 8, 12])  # rejected proposals: counter-examples always kept
    kept = _sample(rows, y, rejected, limit=5_000)
    assert len(kept) == 5_000 and np.all(np.diff(kept) > 0)
    assert set(rows[y[rows]].tolist()) <= set(kept.tolist())  # every coded unit
    assert {4, 8, 12} <= set(kept.tolist())
    assert np.array_equal(kept, _sample(rows, y, rejected, limit=5_000))  # the same draw
    small = rows[:4_000]
    assert np.array_equal(_sample(small, y, rejected, limit=5_000), small)
