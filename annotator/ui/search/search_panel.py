"""The search tab: find text or patterns across all documents and code the results.

By default every occurrence of the query's characters is found, inside longer words too and
in simplified and traditional script alike; "Whole words only" restricts it to segmented
words (创新 is then not found inside 创新券); a regular expression matches the text as
written. See :func:`annotator.search.search`. Coding the results — the matches, their
sentences or their paragraphs — codes every match the search found, listed or not, as one
step on the undo stack (:class:`CodeSpans`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.search import (
    MATCH,
    PARAGRAPH,
    PHRASE,
    REGEX,
    SENTENCE,
    WORD,
    SearchResult,
    search,
    spans_to_code,
)
from annotator.ui.bulk_commands import CodeSpans
from annotator.ui.busy import wait_cursor
from annotator.ui.codebook.code_chooser import CodeChooser, CodeCombo
from annotator.ui.codebook.guard import push_guarded
from annotator.ui.hub import ProjectHub
from annotator.ui.messages import Messages
from annotator.ui.search.search_model import (
    CONTEXT,
    ContextDelegate,
    SearchResultsModel,
)

DISPLAY_LIMIT = 2000  # rows listed; coding always takes every match


class SearchPanel(QWidget):
    jumpRequested = Signal(int, int, int)  # document id, start, end (code points)
    message = Signal(str)  # a short outcome for the status bar

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.result: SearchResult | None = None
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.mode = QComboBox()
        for mode in (PHRASE, REGEX):
            self.mode.addItem("", mode)
        self.mode.currentIndexChanged.connect(lambda _i: self._update_enabled())
        self.whole_words = QCheckBox()
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.run_search)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(CONTEXT, ContextDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 260)  # room for most titles: the pane spans the window
        header.resizeSection(1, 80)
        self.view.doubleClicked.connect(self._activated)
        self.code_label = QLabel()
        self.code_combo = CodeCombo()
        self.code_buttons = {unit: QPushButton() for unit in (MATCH, SENTENCE, PARAGRAPH)}
        for unit, button in self.code_buttons.items():
            button.clicked.connect(lambda _=False, u=unit: self.code_results(u))

        # One row of controls above the results and one below: the pane is wide and low.
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.mode)
        top.addWidget(self.whole_words)
        top.addWidget(self.search_button)
        coding = QHBoxLayout()
        coding.addWidget(self.code_label)
        self.code_combo.setMinimumWidth(260)
        coding.addWidget(self.code_combo)
        for button in self.code_buttons.values():
            coding.addWidget(button)
        coding.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(coding)

        hub.projectChanged.connect(self._project_changed)
        hub.codebookChanged.connect(self._fill_codes)
        hub.documentsChanged.connect(self._documents_changed)
        self.retranslate_ui()
        self._project_changed()

    def retranslate_ui(self) -> None:
        self.query.setPlaceholderText(self.tr("Search all documents"))
        names = {PHRASE: self.tr("Text"), REGEX: self.tr("Regular expression")}
        for i in range(self.mode.count()):
            self.mode.setItemText(i, names[self.mode.itemData(i)])
        self.mode.setToolTip(self.tr(
            "Text: every occurrence of the characters, inside longer words too, simplified "
            "and traditional alike (实验室 finds 實驗室). Regular expression: a Python pattern "
            "over the text as written."))
        self.whole_words.setText(self.tr("Whole words only"))
        self.whole_words.setToolTip(self.tr(
            "Only whole words as segmented: 创新 then does not match 创新券 or 科技创新."))
        self.search_button.setText(self.tr("Search"))
        self.code_label.setText(self.tr("Code:"))
        self.code_buttons[MATCH].setText(self.tr("Code all results"))
        self.code_buttons[SENTENCE].setText(self.tr("Code results' sentences"))
        self.code_buttons[PARAGRAPH].setText(self.tr("Code results' paragraphs"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------------
    def set_code(self, code_id: int | None) -> None:
        """Follow the codebook's chosen code."""
        if code_id is not None:
            self.code_combo.set_code(code_id)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> SearchResult | None:
        """Search with what the query box and options say; lists the results."""
        mode = self.mode.currentData()
        if mode == PHRASE and self.whole_words.isChecked():
            mode = WORD
        return self._search(self.query.text(), mode)

    def _search(self, text: str, mode: str) -> SearchResult | None:
        project = self.hub.project
        if project is None or not text.strip():
            return None
        try:
            with wait_cursor():
                self.result = search(project, text, mode=mode, limit=DISPLAY_LIMIT)
        except AnnotatorError as exc:
            self.result = None
            self.model.set_hits([])
            self.status.setText(str(exc))
            self._update_enabled()
            return None
        self.model.set_hits(self.result.hits)
        self._show_status()
        self._update_enabled()
        return self.result

    def code_results(self, unit: str = MATCH) -> int | None:
        """Code every result of the last search (or its sentence or paragraph) with the
        chosen code, as one undoable step: the matches listed and those past the list, exactly
        as the search found them. Returns the passages made (None: nothing done)."""
        project, result = self.hub.project, self.result
        if project is None or result is None or not result.hits:
            return None
        code_id = self.code_combo.code_id()
        if code_id is None:
            code_id = CodeChooser.ask(self, project.codes(), None,
                                      self.tr("Code the search results as:"))
            if code_id is None:
                return None
        try:
            with wait_cursor():
                hits = result.all_hits()  # only a page may be listed: code every match
        except AnnotatorError as exc:
            Messages.error(self, self.tr("Cannot code the results"), str(exc))
            return None
        with wait_cursor():
            spans = spans_to_code(hits, unit)
            name = project.code(code_id).path_text
            command = CodeSpans(
                self.hub, code_id, spans,
                self.tr("Code %1 search results as “%2”").replace("%1", str(len(spans)))
                .replace("%2", name),
            )
            error = push_guarded(self.hub.undo_stack, command)
        if error is not None:
            Messages.error(self, self.tr("Cannot code the results"), str(error))
            return None
        made = len(command.passage_ids or [])
        self.message.emit(
            self.tr("%1; %n already coded so", "", len(spans) - made).replace(
                "%1", self.tr("%n passage(s) coded “%1”", "", made).replace("%1", name))
        )
        return made

    # -- internals ---------------------------------------------------------------------------
    def _show_status(self) -> None:
        result = self.result
        if result is None:
            self.status.setText(self.tr("Type a word, a phrase or a pattern and press Enter."))
            return
        text = self.tr("%1 in %n document(s)", "", result.document_count).replace(
            "%1", self.tr("%n match(es)", "", result.total))
        if result.truncated:
            text += " " + self.tr("(the first %1 listed; coding takes all)").replace(
                "%1", str(len(result.hits)))
        if result.unindexed:
            text += " " + self.tr("%n document(s) not indexed yet.", "", result.unindexed)
        if result.index_stale:
            text += " " + self.tr("The word list changed since the index was built.")
        self.status.setText(text)

    def _update_enabled(self) -> None:
        self.whole_words.setEnabled(self.mode.currentData() == PHRASE)
        has = self.result is not None and bool(self.result.hits)
        for button in self.code_buttons.values():
            button.setEnabled(has)

    def _fill_codes(self) -> None:
        project = self.hub.project
        self.code_combo.set_codes(project.codes() if project is not None else [])

    def _project_changed(self) -> None:
        self.result = None
        self.model.set_hits([])
        self._fill_codes()
        self._show_status()
        self._update_enabled()
        self.setEnabled(self.hub.project is not None)

    def _documents_changed(self) -> None:
        # Documents came or went: the listed results may name a deleted one.
        last = self.result
        if last is not None:
            self._search(last.query, last.mode)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hit(index.row())
            self.jumpRequested.emit(hit.document_id, hit.start, hit.end)
