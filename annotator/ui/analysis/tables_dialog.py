"""Tables and charts: X×Y, code × document, code × attribute and co-occurrence, all under
the same filters. Not modal; the shown page follows the project as it changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.analysis.filters_panel import FiltersPanel
from annotator.ui.analysis.table_tabs import CodeTableTab, CooccurrenceTab
from annotator.ui.analysis.xy_tab import XYTab
from annotator.ui.busy import Timing
from annotator.ui.hub import ProjectHub
from annotator.ui.window_size import fit_to_screen

Page = XYTab | CodeTableTab | CooccurrenceTab


class TablesDialog(QDialog):
    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        fit_to_screen(self, 1280, 800)
        self.filters = FiltersPanel(hub)
        self.xy = XYTab(hub)
        self.by_document = CodeTableTab(hub, by_attribute=False)
        self.by_attribute = CodeTableTab(hub, by_attribute=True)
        self.cooccurrence = CooccurrenceTab(hub)
        self.pages: list[Page] = [self.xy, self.by_document, self.by_attribute,
                                  self.cooccurrence]
        self.tabs = QTabWidget()
        for page in self.pages:
            self.tabs.addTab(page, "")
            page.optionsChanged.connect(lambda p=page: self._refresh_page(p))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.filters)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1030])
        self.timing = Timing()
        self.stale_note = QLabel()
        self.recompute = QPushButton()
        self.recompute.clicked.connect(self._recompute)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.stale_note, 1)
        bottom.addWidget(self.recompute)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._stale: set[int] = set(range(len(self.pages)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.filters.changed.connect(self._filters_changed)
        self.tabs.currentChanged.connect(lambda _i: self._timer.start())
        hub.projectChanged.connect(self._project_changed)
        hub.codebookChanged.connect(self._codebook_changed)
        hub.documentsChanged.connect(self._codebook_changed)
        hub.passagesChanged.connect(lambda _ids: self._data_changed())
        self.retranslate_ui()
        self._project_changed()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Tables and charts"))
        self.recompute.setText(self.tr("Recompute"))
        for page, text in zip(self.pages, (
            self.tr("X × Y"), self.tr("Code × document"), self.tr("Code × attribute"),
            self.tr("Co-occurrence"),
        ), strict=True):
            self.tabs.setTabText(self.tabs.indexOf(page), text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_page(self, page: Page) -> None:
        self.tabs.setCurrentWidget(page)
        self.refresh()

    def _project_changed(self) -> None:
        self.timing.seconds = 0.0  # a new project: try recomputing by itself again
        self._codebook_changed()

    def _codebook_changed(self) -> None:
        self.filters.blockSignals(True)
        self.filters.refresh()
        self.filters.blockSignals(False)
        for page in self.pages:
            page.set_codes()
        self._filters_changed()

    def _filters_changed(self) -> None:
        """The researcher changed what to count: every page is recomputed when shown."""
        self._stale = set(range(len(self.pages)))
        if self.isVisible():
            self._timer.start()

    def _data_changed(self) -> None:
        """Passages changed: recompute now if that is quick, else when asked."""
        self._stale = set(range(len(self.pages)))
        if not self.isVisible():
            return
        if self.timing.quick:
            self._timer.start()
        else:
            self.stale_note.setText(self.tr("The passages changed since: press Recompute."))

    def _recompute(self) -> None:
        self._stale.add(self.pages.index(self.tabs.currentWidget()))
        self.refresh()

    def _refresh_page(self, page: Page) -> None:
        self._stale.add(self.pages.index(page))
        if page is self.tabs.currentWidget():
            self.refresh()

    def refresh(self) -> None:
        """Recompute the page shown, if something it depends on changed."""
        self._timer.stop()
        index = self.pages.index(self.tabs.currentWidget())
        if index in self._stale:
            self._stale.discard(index)
            self.stale_note.clear()
            with self.timing.busy():
                self.pages[index].refresh(self.filters.filters())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
