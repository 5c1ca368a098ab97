"""The "Suggested terms" page of the word-lists dialog: terms found in the project's documents
that segmentation splits, for the user to review and accept.

Finding them (:func:`annotator.words.term_discovery.discover_terms`) takes seconds on a large
project, so it runs in a worker thread and reports progress by a signal. The worker never
touches the open project: the texts, terms, stopwords and segmenter are read here, on the GUI
thread, before it starts (every transaction takes the write lock, see ui/exchange/background).
Accepting adds the selected terms through the dialog's undoable word-list edit; accepted terms
leave the list and come back if the edit is undone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.project import Project
from annotator.words.stopwords import project_stopwords
from annotator.words.term_discovery import (
    Cancelled,
    TermCandidate,
    discover_terms,
    project_texts,
)
from annotator.words.terms import project_segmenter, project_terms

log = logging.getLogger(__name__)

#: How many suggestions the page lists.
TOP = 100
_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("TermSuggestions", text)


class SuggestionsModel(QAbstractTableModel):
    """Suggested terms, best first: term, occurrences, documents, how segmentation cuts it."""

    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TermCandidate] = []

    def set_rows(self, rows: Sequence[TermCandidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TermCandidate]:
        return list(self._rows)

    def term(self, row: int) -> str:
        return self._rows[row].term

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (c.term, c.count, c.documents, " / ".join(c.split))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Cohesion %1, boundary entropy left %2, right %3").replace(
                "%1", f"{c.cohesion:.1f}").replace("%2", f"{c.left_entropy:.1f}").replace(
                "%3", f"{c.right_entropy:.1f}")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (tr("Term"), tr("Occurrences"), tr("Documents"), tr("Segmented now"))[section]


class SuggestionFinder(QObject):
    """Runs term discovery in a thread; ``progressed(done, total)`` while it counts, then
    ``finished(list[TermCandidate])`` or ``failed(message)``. A run that is cancelled (or
    replaced by a newer one) reports nothing."""

    progressed = Signal(int, int)
    finished = Signal(list)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, project: Project, top: int = TOP) -> None:
        """Read what discovery needs from ``project`` (here, on the GUI thread), then count
        in a worker."""
        self.cancel()
        job = _job(project, top)
        stop = self._stop = threading.Event()

        def emit(signal: Any, *args: object) -> None:
            if not stop.is_set():
                try:
                    signal.emit(*args)
                except RuntimeError:  # the page was deleted meanwhile: nobody to tell
                    stop.set()

        def work() -> None:
            try:
                rows = job(lambda done, total: emit(self.progressed, done, total), stop.is_set)
            except Cancelled:
                return
            except Exception as exc:  # reported in the window, never lost in a thread
                log.exception("term suggestion failed")
                emit(self.failed, str(exc))
                return
            emit(self.finished, rows)

        self._thread = threading.Thread(target=work, name="term-suggestions", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self._stop = None

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


def _job(project: Project, top: int) -> Callable[..., list[TermCandidate]]:
    texts = project_texts(project)
    segmenter = project_segmenter(project)
    known, stopwords = project_terms(project), project_stopwords(project)

    def run(progress: Callable[[int, int], object], cancelled: Callable[[], bool]
            ) -> list[TermCandidate]:
        return discover_terms(texts, segmenter=segmenter, known=known, stopwords=stopwords,
                              top=top, progress=progress, cancelled=cancelled)

    return run


class SuggestionsPage(QWidget):
    """Find, list and accept suggested terms. ``accept`` is called with the chosen terms (the
    dialog adds them as one undoable edit); ``project`` gives the open project or None."""

    def __init__(self, project: Callable[[], Project | None],
                 accept: Callable[[list[str]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project, self._accept = project, accept
        self._found: list[TermCandidate] = []
        self._found_in: Project | None = None  # the project the list (or the run) is of
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.find)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.model = SuggestionsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.accept_selected())
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_selected)
        self.finder = SuggestionFinder(self)
        self.finder.progressed.connect(self._progressed)
        self.finder.finished.connect(self._finished)
        self.finder.failed.connect(self._failed)
        top = QHBoxLayout()
        top.addWidget(self.find_button)
        top.addWidget(self.stop_button)
        top.addWidget(self.progress, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._set_running(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.intro.setText(tr(
            "Multi-character terms that recur in the project's documents but that "
            "segmentation cuts into pieces, found by how firmly their characters hold together "
            "and how freely they combine with what stands before and after them. Best first; "
            "accepted terms are added to the project's terms."))
        self.find_button.setText(tr("Find suggestions"))
        self.stop_button.setText(tr("Stop"))
        self.accept_button.setText(tr("Add selected as terms"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, SuggestionsModel.COLUMNS)

    # -- actions ---------------------------------------------------------------------------
    def find(self) -> None:
        project = self._project()
        if project is None:
            return
        self.progress.setRange(0, 0)
        self.status.setText(tr("Counting the documents' character sequences…"))
        self._set_running(True)
        self._found_in = project
        self.finder.start(project)

    def stop(self) -> None:
        self.finder.cancel()
        self._set_running(False)
        self.status.setText(tr("Stopped."))

    def accept_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        words = [self.model.term(r) for r in rows]
        if words:
            self._accept(words)

    def refresh(self) -> None:
        """Drop what became a term (accepted here or elsewhere); an undone edit brings it
        back. Another project, or none, clears the list."""
        project = self._project()
        if project is None or project is not self._found_in:
            self.finder.cancel()
            self._found, self._found_in = [], None
            self._set_running(False)
            self.status.clear()
        known = project_terms(project) if project is not None else frozenset()
        self.model.set_rows([c for c in self._found if c.term not in known])

    # -- worker signals --------------------------------------------------------------------
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, rows: list[TermCandidate]) -> None:
        self._found = rows
        self._set_running(False)
        self.refresh()
        self.status.setText(tr("%1 suggestions.").replace("%1", str(self.model.rowCount()))
                            if rows else tr("No recurring split terms found."))

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.status.setText(tr("Could not find suggestions: %1").replace("%1", message))

    def _set_running(self, running: bool) -> None:
        self.find_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.progress.setVisible(running)
