"""The current coder, chosen in the window: a combo of the project's coders plus "New coder…".

Choosing sets the hub's coder (new passages carry it) and remembers it in the settings; the
combo itself follows ``coderChanged``, so a coder set elsewhere (preferences) shows here too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from annotator.ui.hub import ProjectHub
from annotator.ui.team.coders import CoderListModel


class CoderNameDialog:
    """Asks for a coder's name; a class so tests can monkeypatch :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        name = name.strip()
        return name if ok and name else None


class CoderBox(QWidget):
    """"Coder: [combo]" for a toolbar."""

    coderChosen = Signal(str)  # after the hub's coder was set from here

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.model = CoderListModel(self, new_row=True)
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setModel(self.model)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(8)
        self.combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._activated)
        hub.projectChanged.connect(self.refresh)
        hub.coderChanged.connect(lambda _name: self.refresh())
        # A merge brings coders in with a whole-project notification.
        hub.passagesChanged.connect(lambda ids: self.refresh() if ids is None else None)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Coder:"))
        self.combo.setToolTip(self.tr("The coder whose name new passages carry"))
        row = self.model.new_coder_row()  # its label is the model's
        if row >= 0:
            self.model.dataChanged.emit(self.model.index(row), self.model.index(row))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        project = self.hub.project
        self.combo.setEnabled(project is not None)
        if project is None:
            self.model.set_coders([])
            return
        current = project.coder  # creates the coder row on first use: it must be listed
        coders = project.coders()
        if not self.model.same_coders(coders):
            self.model.set_coders(coders)
        self.combo.setCurrentIndex(self.model.row_of(current.id))

    def choose(self, name: str) -> None:
        """Make ``name`` the current coder (created if new)."""
        name = name.strip()
        if not name or self.hub.project is None:
            return
        if name != self.hub.project.coder.name:
            self.hub.set_coder(name)
        self.coderChosen.emit(name)

    def _activated(self, row: int) -> None:
        if row == self.model.new_coder_row():
            name = CoderNameDialog.ask(self.window(), self.tr("New coder"),
                                       self.tr("Name of the new coder:"))
            if name is None:
                self.refresh()  # back to the current coder
                return
            self.choose(name)
        else:
            coder = self.model.coder_at(row)
            if coder is not None:
                self.choose(coder.name)
        self.refresh()
