"""Derived text data built in the window's background: a project made by an earlier version
gets its units after its first paint with progress in the status bar; closing mid-build
stops the worker and leaves a sound file; a new term re-indexes just the documents holding
it."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from window_support import open_window

from annotator.analysis import unit_index
from annotator.db import derived
from annotator.importing.derived_data import derived_work
from annotator.project import Project
from annotator.records import Changes
from annotator.search.index import index_status
from annotator.ui import derived_worker
from annotator.ui.derived_worker import DerivedDataBuilder
from annotator.ui.main_window import MainWindow
from annotator.words.terms import add_terms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from real_corpus import articles  # noqa: E402

ARTICLES = 6
TERM_TEXT = "关于加强知识产权保护的通知\n各单位要落实知识产权保护责任，健全举报奖励制度。\n"
TERM = "保护责任"


def imported(tmp_path: Path, extra: list[str] = ()) -> Path:  # type: ignore[assignment]
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = [text for _title, text in articles(ARTICLES, 1500, seed=11)] + list(extra)
    for i, body in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(body, encoding="utf-8")
    path = tmp_path / "p.annot"
    with Project.create(path, coder="甲") as project:
        assert project.import_files([folder]).count("imported") == len(texts)
    return path


def as_older_project(path: Path, documents: int = ARTICLES) -> None:
    """Drop the stored units, as in a project made before they were stored."""
    with Project.open(path) as project:
        with project.session_scope() as s:
            derived.drop_table(s)
        assert derived_work(project).units == documents


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    # Shown at once and checked soon after a change, so the tests need not wait for timers;
    # one document per batch, so progress moves and a stop lands between documents.
    monkeypatch.setattr(DerivedDataBuilder, "SHOW_AFTER_MS", 0)
    monkeypatch.setattr(DerivedDataBuilder, "DEBOUNCE_MS", 20)
    monkeypatch.setattr(unit_index, "BATCH", 1)


class Gate:
    """Holds the worker after each batch until opened (or told to stop), so a test can look
    at the status bar while the build is under way."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = threading.Event()
        self.batches = 0
        real = derived_worker.ensure_derived

        def held(project: Project, *, progress: Callable[[int, int, str], None],
                 should_cancel: Callable[[], bool], executor: object = None) -> tuple[int, int]:
            def report(done: int, total: int, what: str) -> None:
                progress(done, total, what)
                self.batches += 1
                while not (self.opened.is_set() or should_cancel()):
                    self.opened.wait(0.01)

            return real(project, progress=report, should_cancel=should_cancel,
                        executor=executor)

        monkeypatch.setattr(derived_worker, "ensure_derived", held)


def builder_of(win: MainWindow) -> DerivedDataBuilder:
    return win.derived_data  # type: ignore[attr-defined]


def held_after_first_document(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> tuple[Path, MainWindow, DerivedDataBuilder, Gate]:
    """An older project opened in the window, its background build held after the first
    document (until the gate opens)."""
    path = imported(tmp_path)
    as_older_project(path)
    gate = Gate(monkeypatch)
    win = open_window(qtbot, tmp_path, path)
    builder = builder_of(win)
    qtbot.waitUntil(lambda: builder.label.text().endswith(f"1/{ARTICLES}"), timeout=10_000)
    return path, win, builder, gate


def test_an_older_project_gets_its_units_in_the_background_with_progress(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    _, win, builder, gate = held_after_first_document(qtbot, tmp_path, monkeypatch)
    # Held after the first document: the status bar says how far the build is.
    assert builder.label.isVisible() and builder.progress_bar.isVisible()
    assert builder.progress_bar.value() == 1
    assert win.documents.model.rowCount() == ARTICLES  # the window works meanwhile
    with qtbot.waitSignal(builder.finished, timeout=30_000) as finished:
        gate.opened.set()
    assert finished.args == [ARTICLES, 0]
    assert not builder.progress_bar.isVisible() and not builder.label.isVisible()
    assert not builder.running
    assert not derived_work(win.hub.project).needed


def test_closing_the_window_mid_build_stops_the_worker_and_keeps_a_sound_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    path, win, builder, gate = held_after_first_document(qtbot, tmp_path, monkeypatch)
    (job,) = builder.findChildren(QThread)
    with qtbot.assertNotEmitted(builder.finished):
        win.close()
    assert job.isFinished() and not builder.running
    assert win.hub.project is None
    assert gate.batches == 1  # stopped after the batch under way, not at the end
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Project.open(path) as project:  # what was built stays; the rest on next open
        assert derived_work(project).units == ARTICLES - 1


def add_as_term(win: MainWindow) -> None:
    add_terms(win.hub.project, [TERM])
    win.hub.notify(Changes(word_lists=True))  # as the word lists dialog tells the window


def add_as_keyword(win: MainWindow) -> None:
    win.hub.run(lambda project: project.add_code("落实责任", keywords=[TERM]))


@pytest.mark.parametrize("change", [add_as_term, add_as_keyword])
def test_a_new_term_re_indexes_the_one_document_holding_it_in_the_background(
    qtbot, tmp_path: Path, change: Callable[[MainWindow], None]  # noqa: ANN001
) -> None:
    path = imported(tmp_path, [TERM_TEXT])
    win = open_window(qtbot, tmp_path, path)
    builder = builder_of(win)
    with qtbot.waitSignal(builder.finished, timeout=10_000) as first:
        pass  # the check after the first paint: an up-to-date project needs nothing
    assert first.args == [0, 0]
    project = win.hub.project
    holding = [d for d in project.documents() if TERM in project.document_text(d.id)]
    assert len(holding) == 1
    with qtbot.waitSignal(builder.finished, timeout=30_000) as finished:
        change(win)
    assert finished.args == [0, 1]
    assert not index_status(project).stale_terms
    assert not derived_work(project).needed


def test_a_term_added_during_a_build_is_taken_in_and_checked_again_after(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    path = imported(tmp_path, [TERM_TEXT])
    as_older_project(path, ARTICLES + 1)
    gate = Gate(monkeypatch)
    win = open_window(qtbot, tmp_path, path)
    builder = builder_of(win)
    qtbot.waitUntil(lambda: builder.label.text().endswith(f"1/{ARTICLES + 1}"),
                    timeout=10_000)
    add_as_term(win)
    with qtbot.waitSignal(builder.finished, timeout=30_000) as first:
        gate.opened.set()
    # The index is planned after the units, so this pass already re-indexes the document.
    assert first.args == [ARTICLES + 1, 1]
    with qtbot.waitSignal(builder.finished, timeout=30_000) as second:
        pass  # the change came during the pass: checked again, nothing left
    assert second.args == [0, 0]
    assert not derived_work(win.hub.project).needed
