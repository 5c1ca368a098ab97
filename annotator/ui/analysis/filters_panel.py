"""The filters every table applies: which codebook branches, whose passages (coders) and
which documents (by an attribute's values). Turns the check boxes into the core's
:class:`Filters`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QListView, QVBoxLayout, QWidget

from annotator.analysis.filters import Filters
from annotator.analysis.tables import attribute_value_counts
from annotator.ui.analysis.branch_combo import BranchCombo
from annotator.ui.analysis.checkable import CheckableListModel
from annotator.ui.hub import ProjectHub
from annotator.ui.team.coders import CoderListModel

Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class ValueListModel(CheckableListModel):
    """An attribute's values with their document counts, each with a check box."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._values: list[tuple[str, int]] = []

    def set_values(self, values: Sequence[tuple[str, int]]) -> None:
        """(value, documents) pairs; all checked."""
        self._values = list(values)
        self._reset_rows(self.values(), self.values())

    def values(self) -> list[str]:
        return [v for v, _ in self._values]

    def checked_values(self) -> list[str]:
        return [str(v) for v in self.checked_keys()]

    def set_checked_values(self, values: Iterable[str]) -> None:
        self.set_checked_keys(values)

    def row_data(self, row: int, role: int) -> Any:
        value, count = self._values[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value} ({count})"
        if role == VALUE_ROLE:
            return value
        return None


class FiltersPanel(QGroupBox):
    changed = Signal()

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._counts: dict[str, dict[str, int]] = {}
        self.coders_label = QLabel()
        self.coders = CoderListModel(self, checkable=True)
        self.coders_view = QListView()
        self.coders_view.setModel(self.coders)
        self.documents_label = QLabel()
        self.attribute = QComboBox()
        self.values = ValueListModel(self)
        self.values_view = QListView()
        self.values_view.setModel(self.values)
        self.codes_label = QLabel()
        self.codes = BranchCombo()
        layout = QVBoxLayout(self)
        layout.addWidget(self.codes_label)
        layout.addWidget(self.codes)
        layout.addWidget(self.coders_label)
        layout.addWidget(self.coders_view, 1)
        layout.addWidget(self.documents_label)
        layout.addWidget(self.attribute)
        layout.addWidget(self.values_view, 2)
        self.coders.checkedChanged.connect(self.changed)
        self.values.checkedChanged.connect(self.changed)
        self.codes.branches.checkedChanged.connect(self.changed)
        self.attribute.currentIndexChanged.connect(self._attribute_chosen)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Filters"))
        self.coders_label.setText(self.tr("Passages of the coders"))
        self.documents_label.setText(self.tr("Documents with the attribute"))
        self.codes_label.setText(self.tr("Code branches"))
        self.codes.placeholder = self.tr("(all codes)")
        self.codes.update()
        if self.attribute.count():
            self.attribute.setItemText(0, self.tr("(all documents)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Re-read coders and attribute values; choices still possible are kept."""
        project = self.hub.project
        key = self.attribute.currentData()
        if project is None:
            self.coders.set_coders([])
            self.codes.branches.set_codes([])
            self._counts = {}
        else:
            # Names only: counting each coder's passages takes a second on a large project.
            self.coders.set_coders(project.coders())
            self._counts = {k: dict(c) for k, c in attribute_value_counts(project).items()}
            self.codes.branches.set_codes(project.codes())
        self.attribute.blockSignals(True)
        self.attribute.clear()
        self.attribute.addItem(self.tr("(all documents)"), None)
        for name in self._counts:
            self.attribute.addItem(name, name)
        self.attribute.setCurrentIndex(max(0, self.attribute.findData(key)))
        self.attribute.blockSignals(False)
        self._attribute_chosen()

    def _attribute_chosen(self) -> None:
        key = self.attribute.currentData()
        counts = self._counts.get(key, {}) if key else {}
        self.values.set_values(sorted(counts.items(), key=lambda kv: kv[0]))
        self.values_view.setEnabled(bool(key))
        self.changed.emit()

    # -- for the tables and for tests ----------------------------------------------------
    def set_coders(self, ids: Iterable[int]) -> None:
        self.coders.set_checked_ids(ids)

    def set_documents(self, key: str | None, values: Iterable[str] | None = None) -> None:
        """Only documents whose ``key`` is one of ``values`` (None: all of its values)."""
        self.attribute.setCurrentIndex(max(0, self.attribute.findData(key)))
        if key and values is not None:
            self.values.set_checked_values(values)

    def filters(self) -> Filters:
        checked = self.coders.checked_ids()
        every = [c.id for c in self.coders.coders()]
        coder_ids = None if len(checked) == len(every) else frozenset(checked)
        attributes: dict[str, frozenset[str]] = {}
        key = self.attribute.currentData()
        if key and len(self.values.checked_values()) < len(self.values.values()):
            attributes[key] = frozenset(self.values.checked_values())
        code_ids = self.codes.branches.checked_ids()
        return Filters(attributes=attributes, coder_ids=coder_ids,
                       code_ids=frozenset(code_ids) if code_ids else None)
