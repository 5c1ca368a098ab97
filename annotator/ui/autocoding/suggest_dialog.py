"""Code → Suggest from my coding: learn from the coding done so far, show how good each code's
model is, add its proposals to the review queue, and list the units to code next.

Learning runs in a :class:`SuggestJob` thread (seconds to minutes on a big project); the
dialog stays usable and shows a busy bar. Closing the dialog or the project waits for the job
(it cannot be stopped half-way: :func:`annotator.suggest.suggest` stores its proposals in one
transaction at its end). The proposals are never passages: the review dialog accepts them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.project import Project
from annotator.records import Changes
from annotator.suggest import SuggestReport, suggest
from annotator.ui.autocoding.suggest_models import (
    CODE,
    NEXT_TEXT,
    REASON,
    NextUnitsModel,
    QualityModel,
)
from annotator.ui.busy import wait_cursor
from annotator.ui.codebook.code_chooser import CodeCombo
from annotator.ui.hub import ProjectHub

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SuggestOptions:
    unit: str = "paragraph"  # "paragraph" | "sentence"
    code_id: int | None = None  # this code with its sub-codes; None: every code
    min_confidence: float = 0.7
    min_precision: float = 0.6
    next_units: int = 20


class SuggestJob(QThread):
    """One :func:`suggest` run; ``done`` carries the report, or None and the error."""

    done = Signal(object, object)  # SuggestReport | None, Exception | None
    progressed = Signal(int, int)  # codes learned, codes in all

    def __init__(self, project: Project, options: SuggestOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.options = options

    def run(self) -> None:
        o = self.options
        try:
            code_ids = None if o.code_id is None else self.project.subtree_ids(o.code_id)
            report = suggest(self.project, unit=o.unit, code_ids=code_ids,
                             min_confidence=o.min_confidence, min_precision=o.min_precision,
                             next_units=o.next_units,
                             progress=lambda done, total: self.progressed.emit(done, total))
        except Exception as exc:  # shown in the dialog; the project keeps what it had
            if not isinstance(exc, AnnotatorError):
                log.exception("learning suggestions failed")
            self.done.emit(None, exc)
            return
        self.done.emit(report, None)


class SuggestDialog(QDialog):
    jumpRequested = Signal(int, int, int)  # document id, start, end (code points)
    reviewRequested = Signal()
    runFinished = Signal(object)  # the report shown, or None after an error

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.job: SuggestJob | None = None
        self.report: SuggestReport | None = None
        self.resize(1080, 680)
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        self.paragraph = QRadioButton()
        self.sentence = QRadioButton()
        self.paragraph.setChecked(True)
        units = QButtonGroup(self)
        units.addButton(self.paragraph)
        units.addButton(self.sentence)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.paragraph)
        unit_row.addWidget(self.sentence)
        unit_row.addStretch(1)
        self.all_codes = QRadioButton()
        self.one_code = QRadioButton()
        scope = QButtonGroup(self)
        scope.addButton(self.all_codes)
        scope.addButton(self.one_code)
        self.all_codes.setChecked(True)
        self.code_combo = CodeCombo()
        self.code_combo.activated.connect(lambda _i: self.one_code.setChecked(True))
        code_row = QHBoxLayout()
        code_row.addWidget(self.all_codes)
        code_row.addWidget(self.one_code)
        code_row.addWidget(self.code_combo, 1)
        self.min_confidence = _spin(0.5, 0.99, 0.7)
        self.min_precision = _spin(0.0, 1.0, 0.6)
        self.next_count = QSpinBox()
        self.next_count.setRange(0, 500)
        self.next_count.setValue(20)
        self.next_count.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.form_labels = [QLabel() for _ in range(5)]
        self.form = QFormLayout()
        for label, field in zip(self.form_labels, (unit_row, code_row, self.min_confidence,
                                                   self.min_precision, self.next_count),
                                strict=True):
            self.form.addRow(label, field)

        self.run_button = QPushButton()
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: a busy bar
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.busy)
        run_row.addWidget(self.status, 1)

        self.quality_model = QualityModel(self)
        self.quality_view = _table(self.quality_model)
        header = self.quality_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CODE, 180)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.next_model = NextUnitsModel(self)
        self.next_view = _table(self.next_model)
        header = self.next_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NEXT_TEXT, QHeaderView.ResizeMode.Stretch)
        self.next_view.doubleClicked.connect(self._next_activated)
        self.quality_box = QGroupBox()
        QVBoxLayout(self.quality_box).addWidget(self.quality_view)
        self.next_box = QGroupBox()
        self.next_hint = QLabel()
        self.next_hint.setWordWrap(True)
        next_layout = QVBoxLayout(self.next_box)
        next_layout.addWidget(self.next_hint)
        next_layout.addWidget(self.next_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.quality_box)
        splitter.addWidget(self.next_box)
        splitter.setSizes([260, 260])

        self.review_button = QPushButton()
        self.review_button.clicked.connect(self.reviewRequested)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(run_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        hub.aboutToClose.connect(self.wait_for_job)
        hub.codebookChanged.connect(self._codebook_changed)
        hub.projectChanged.connect(self._project_changed)
        self.retranslate_ui()
        self._codebook_changed()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Suggest codes from my coding"))
        self.intro.setText(self.tr(
            "Learns, on this machine, from the documents already coded: per code with at "
            "least 10 coded units, a model of which units carry it. Its precision and recall "
            "are measured on your own coding (split by document), and only codes precise "
            "enough propose, for the documents not yet coded. Nothing is coded until you "
            "accept a proposal."))
        self.paragraph.setText(self.tr("Paragraph"))
        self.sentence.setText(self.tr("Sentence"))
        self.all_codes.setText(self.tr("All codes"))
        self.one_code.setText(self.tr("This code and its sub-codes:"))
        labels = (self.tr("Unit"), self.tr("Codes"), self.tr("Minimum confidence"),
                  self.tr("Minimum precision"), self.tr("Units to code next"))
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.min_confidence.setToolTip(self.tr(
            "A unit is proposed when the model is at least this sure"))
        self.min_precision.setToolTip(self.tr(
            "A code proposes only if its measured precision reaches this"))
        self.run_button.setText(self.tr("Learn and propose"))
        self.quality_box.setTitle(self.tr("Quality per code"))
        self.next_box.setTitle(self.tr("Next units to code"))
        self.next_hint.setText(self.tr(
            "The uncoded units the models are least sure of: coding these teaches the most. "
            "Double-click to open one in the article."))
        self.review_button.setText(self.tr("Review proposals…"))
        self.close_button.setText(self.tr("Close"))
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def set_code(self, code_id: int | None) -> None:
        """Offer this code in the code choice (all codes stay chosen)."""
        if code_id is not None:
            self.code_combo.set_code(code_id)

    def options(self) -> SuggestOptions:
        return SuggestOptions(
            unit="sentence" if self.sentence.isChecked() else "paragraph",
            code_id=self.code_combo.code_id() if self.one_code.isChecked() else None,
            min_confidence=self.min_confidence.value(),
            min_precision=self.min_precision.value(),
            next_units=self.next_count.value(),
        )

    def run(self) -> bool:
        """Start learning in the worker; False if one runs already or no project is open."""
        project = self.hub.project
        if project is None or self.job is not None:
            return False
        self.job = SuggestJob(project, self.options(), self)
        self.job.done.connect(self._job_done)
        self.job.progressed.connect(self._progressed)
        self._set_busy(True)
        self.status.setText(self.tr("Learning from your coding…"))
        self.job.start()
        return True

    def wait_for_job(self) -> None:
        """Block until the running job ends (its result arrives queued, afterwards)."""
        if self.job is not None and not self.job.wait(50):
            with wait_cursor():
                self.job.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait_for_job()
        super().closeEvent(event)

    # -- internals ---------------------------------------------------------------------------
    def _job_done(self, report: SuggestReport | None, error: Exception | None) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        job.wait()  # run() has returned; the thread ends at once
        job.deleteLater()
        self._set_busy(False)
        if job.project is not self.hub.project:
            self.status.clear()  # the project closed meanwhile
            self.runFinished.emit(None)
            return
        if report is None:
            self.status.setText(self.tr("Nothing learned: %1").replace("%1", str(error)))
            self.runFinished.emit(None)
            return
        self.report = report
        self.quality_model.set_report(report)
        paths = {q.code_id: q.path for q in report.codes}
        self.next_model.set_units(report.next_units, paths)
        self._show_summary()
        if report.proposed or report.ranked_keyword_proposals:
            self.hub.notify(Changes(proposals=True), self)
        self.runFinished.emit(report)

    def _progressed(self, done: int, total: int) -> None:
        if self.job is None:
            return
        self.busy.setRange(0, max(total, 1))
        self.busy.setValue(done)
        self.status.setText(self.tr("Learning from your coding… (%1 of %2 codes)")
                            .replace("%1", str(done)).replace("%2", str(total)))

    def _show_summary(self) -> None:
        report = self.report
        if report is None or self.job is not None:
            return
        unit = self.tr("paragraphs") if report.unit == "paragraph" else self.tr("sentences")
        learned = (self.tr("Learned from %1 %2 of %3 coded documents.")
                   .replace("%1", f"{report.training_units:,}").replace("%2", unit)
                   .replace("%3", f"{report.worked_documents:,}"))
        added = self.tr("%n proposal(s) added to the review queue.", "", report.proposed)
        ranked = ""
        if report.ranked_keyword_proposals:
            ranked = self.tr("%n keyword proposal(s) ranked by the model.", "",
                             report.ranked_keyword_proposals)
        self.status.setText(" ".join(t for t in (learned, added, ranked) if t))

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.setRange(0, 0)  # busy until the first code is counted
        self.busy.setVisible(busy)
        for widget in (self.run_button, self.paragraph, self.sentence, self.all_codes,
                       self.one_code, self.code_combo, self.min_confidence,
                       self.min_precision, self.next_count):
            widget.setEnabled(not busy)

    def _codebook_changed(self) -> None:
        project = self.hub.project
        current = self.code_combo.code_id()
        self.code_combo.set_codes(project.codes() if project is not None else [])
        self.code_combo.set_code(current)

    def _project_changed(self) -> None:
        self.report = None
        self.quality_model.set_report(None)
        self.next_model.set_units([], {})
        self.status.clear()
        self._codebook_changed()

    def _next_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            u = self.next_model.unit(index.row())
            self.jumpRequested.emit(u.document_id, u.start, u.end)


def _spin(low: float, high: float, value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(0.05)
    spin.setDecimals(2)
    spin.setValue(value)
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return spin


def _table(model: QualityModel | NextUnitsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    return view
