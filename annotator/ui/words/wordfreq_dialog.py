"""Word frequencies (with parts of speech, stopwords left out) and keywords of the corpus, a
document or a code's passages, with a bar chart that can be saved as PNG.

Counting is the core's (:func:`annotator.analysis.wordfreq.word_frequencies`, keywords from
:mod:`annotator.analysis.keywords`, the chart from :mod:`annotator.analysis.word_charts`); this
dialog only chooses the scope and shows the results.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.analysis.keywords import keywords
from annotator.analysis.word_charts import bar_chart_png
from annotator.analysis.wordfreq import word_frequencies
from annotator.errors import AnnotatorError
from annotator.ui.analysis.chart_view import ChartLabel
from annotator.ui.busy import wait_cursor
from annotator.ui.codebook.code_chooser import CodeCombo
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.hub import ProjectHub
from annotator.ui.messages import Messages
from annotator.ui.window_size import fit_to_screen
from annotator.ui.words.wordfreq_model import (
    SORT_ROLE,
    WORD,
    KeywordsModel,
    WordFrequencyModel,
)

CORPUS, DOCUMENT, CODE = range(3)
CHART_WORDS = 30  # bars in the chart
AUTO_COUNT_CHARACTERS = 2_000_000  # larger corpora are counted only when asked


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class WordFrequencyDialog(QDialog):
    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        fit_to_screen(self, 1180, 760)
        self._tmp = tempfile.TemporaryDirectory(prefix="annotator-chart-")
        self.chart_path: Path | None = None
        self._title = ""
        # -- scope row
        self.corpus_radio, self.document_radio, self.code_radio = (QRadioButton() for _ in "abc")
        self.scope = QButtonGroup(self)
        for n, radio in enumerate((self.corpus_radio, self.document_radio, self.code_radio)):
            self.scope.addButton(radio, n)
        self.corpus_radio.setChecked(True)
        self.document_combo = QComboBox()
        self.document_combo.activated.connect(lambda _i: self.document_radio.setChecked(True))
        self.code_combo = CodeCombo()
        self.code_combo.activated.connect(lambda _i: self.code_radio.setChecked(True))
        self.subcodes = QCheckBox()
        self.subcodes.setChecked(True)
        self.min_length_label = QLabel()
        self.min_length = QSpinBox()
        self.min_length.setRange(1, 8)
        self.min_length.setValue(2)
        self.count_button = QPushButton()
        self.count_button.setDefault(True)
        self.count_button.clicked.connect(self.count)
        scope = QGridLayout()
        scope.addWidget(self.corpus_radio, 0, 0)
        scope.addWidget(self.document_radio, 0, 1)
        scope.addWidget(self.document_combo, 0, 2)
        scope.addWidget(self.code_radio, 1, 1)
        scope.addWidget(self.code_combo, 1, 2)
        scope.addWidget(self.subcodes, 1, 3)
        scope.addWidget(self.min_length_label, 0, 4)
        scope.addWidget(self.min_length, 0, 5)
        scope.addWidget(self.count_button, 1, 5)
        scope.setColumnStretch(2, 1)
        # -- words table
        self.model = WordFrequencyModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(WORD)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = _table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for column, width in enumerate((48, 0, 110, 64, 64, 76)):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(WORD, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        # -- keywords
        self.keywords_box = QGroupBox()
        self.method = QComboBox()
        self.method.addItem("TF-IDF", "tfidf")
        self.method.addItem("TextRank", "textrank")
        self.method.currentIndexChanged.connect(lambda _i: self.find_keywords())
        self.keywords_model = KeywordsModel(self)
        self.keywords_table = _table(self.keywords_model)
        self.keywords_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.keywords_note = QLabel()
        self.keywords_note.setWordWrap(True)
        box = QVBoxLayout(self.keywords_box)
        box.addWidget(self.method)
        box.addWidget(self.keywords_note)
        box.addWidget(self.keywords_table, 1)
        # -- chart
        self.chart = ChartLabel()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_chart)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)

        words = QWidget()
        left = QVBoxLayout(words)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.filter_edit)
        left.addWidget(self.table, 1)
        left.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(words)
        splitter.addWidget(self.keywords_box)
        splitter.addWidget(self.chart)
        splitter.setSizes([520, 230, 430])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(scope)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        hub.projectChanged.connect(self._fill_choices)
        hub.documentsChanged.connect(self._fill_choices)
        hub.codebookChanged.connect(self._fill_choices)
        self.retranslate_ui()
        self._fill_choices()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Word frequencies and keywords"))
        self.corpus_radio.setText(self.tr("All documents"))
        self.document_radio.setText(self.tr("Document"))
        self.code_radio.setText(self.tr("Passages of the code"))
        self.subcodes.setText(self.tr("Include sub-codes"))
        self.min_length_label.setText(self.tr("Shortest word"))
        self.min_length.setSuffix(self.tr(" characters"))
        self.count_button.setText(self.tr("Count"))
        self.filter_edit.setPlaceholderText(self.tr("Filter words"))
        self.keywords_box.setTitle(self.tr("Keywords"))
        self.save_button.setText(self.tr("Save chart as PNG…"))
        self.close_button.setText(self.tr("Close"))
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------------
    def set_scope(self, scope: int, item_id: int | None = None) -> None:
        """CORPUS, DOCUMENT (a document id) or CODE (a code id)."""
        self.scope.button(scope).setChecked(True)
        if scope == DOCUMENT and item_id is not None:
            self.document_combo.setCurrentIndex(max(0, self.document_combo.findData(item_id)))
        elif scope == CODE:
            self.code_combo.set_code(item_id)

    def scope_ids(self) -> tuple[int | None, int | None]:
        """(document id, code id) of the chosen scope; both None for the corpus."""
        scope = self.scope.checkedId()
        if scope == DOCUMENT:
            return self.document_combo.currentData(), None
        if scope == CODE:
            return None, self.code_combo.code_id()
        return None, None

    def count(self) -> None:
        """Count the words of the chosen scope, find its keywords and draw the chart."""
        project = self.hub.project
        if project is None:
            return
        document_id, code_id = self.scope_ids()
        try:
            with wait_cursor():
                rows = word_frequencies(
                    project, document_id=document_id, code_id=code_id,
                    include_subcodes=self.subcodes.isChecked(),
                    min_length=self.min_length.value())
                self.model.set_rows(rows)
                self._title = self._scope_name()
                self.chart_path = bar_chart_png(
                    rows[:CHART_WORDS], Path(self._tmp.name) / "chart.png",
                    self.tr("Most frequent words: %1").replace("%1", self._title))
        except AnnotatorError as exc:
            Messages.error(self, self.tr("Cannot count words"), str(exc))
            return
        self.chart.show_png(self.chart_path)
        self._update_summary()
        self.find_keywords()

    def find_keywords(self) -> None:
        project = self.hub.project
        document_id, code_id = self.scope_ids()
        if project is None or (document_id is None and code_id is None):
            self.keywords_model.set_keywords([])
            self.keywords_note.setText(self.tr("Choose a document or a code for its keywords."))
            return
        with wait_cursor():
            found = keywords(project, document_id=document_id, code_id=code_id,
                             method=self.method.currentData(),
                             include_subcodes=self.subcodes.isChecked())
        self.keywords_model.set_keywords(found)
        self.keywords_note.setText(self._title)

    def save_chart(self) -> Path | None:
        project = self.hub.project
        rows = self.model.rows()
        if project is None or self.chart_path is None:
            return None
        suggested = str(project.path.with_name("word-frequencies.png"))
        target = FileDialogs.save_chart(self, suggested, "png")
        if target is None:
            return None
        try:
            bar_chart_png(rows[:CHART_WORDS], target,
                          self.tr("Most frequent words: %1").replace("%1", self._title))
        except AnnotatorError as exc:
            Messages.error(self, self.tr("Cannot save the chart"), str(exc))
            return None
        return target

    def count_if_small(self) -> None:
        """Count at once unless the corpus is large (the user then presses Count)."""
        project = self.hub.project
        if project is None:
            return
        if sum(d.length for d in project.documents()) <= AUTO_COUNT_CHARACTERS:
            self.count()

    # -- internals ---------------------------------------------------------------------------
    def _scope_name(self) -> str:
        scope = self.scope.checkedId()
        if scope == DOCUMENT:
            return self.document_combo.currentText()
        if scope == CODE:
            return self.code_combo.currentText()
        return self.tr("All documents")

    def _update_summary(self) -> None:
        rows = self.model.rows()
        if not rows and not self._title:
            self.summary.setText(self.tr("Choose a scope and press Count."))
            return
        self.summary.setText(
            self._title + self.tr(": ")
            + self.tr("%n word(s) counted", "", sum(r.count for r in rows)) + self.tr(", ")
            + self.tr("%n different", "", len(rows)))

    def _fill_choices(self) -> None:
        project = self.hub.project
        keep = self.document_combo.currentData()
        self.document_combo.clear()
        if project is not None:
            for doc in project.documents():
                self.document_combo.addItem(f"{doc.number} {doc.title}", doc.id)
        index = self.document_combo.findData(keep)
        self.document_combo.setCurrentIndex(index if index >= 0 else 0)
        self.code_combo.set_codes(project.codes() if project is not None else [])
