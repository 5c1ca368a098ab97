"""What a merge will do (dry run, to confirm) or did: counts and the conflicts to look at."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.merge import ConflictKind, MergeConflict, MergeReport

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("MergeDialog", text)


def conflict_kind_text(kind: ConflictKind) -> str:
    return {
        ConflictKind.CODE_NAME: tr("Code renamed on both sides"),
        ConflictKind.CODE_PLACE: tr("Code moved on both sides"),
        ConflictKind.CODE_DETAILS: tr("Code details differ"),
        ConflictKind.NAME_CLASH: tr("Code name already taken"),
        ConflictKind.PARENT_MISSING: tr("Parent code missing"),
        ConflictKind.CODE_DELETED_HERE: tr("Code deleted here, used there"),
        ConflictKind.DOCUMENT_DELETED_HERE: tr("Document deleted here, coded there"),
        ConflictKind.DELETED_THERE: tr("Deleted in the other file"),
        ConflictKind.MEMO: tr("Different memos"),
        ConflictKind.ATTRIBUTE: tr("Attribute changed on both sides"),
        ConflictKind.TITLE: tr("Title changed on both sides"),
    }.get(kind, str(kind))


def summary_lines(report: MergeReport) -> list[str]:
    r = report
    lines = [
        tr("Added: %1 passage(s), %2 code(s), %3 coder(s), %4 document(s), "
           "%5 attribute value(s), %6 word(s)")
        .replace("%1", str(r.passages_added)).replace("%2", str(r.codes_added))
        .replace("%3", str(r.coders_added)).replace("%4", str(r.documents_added))
        .replace("%5", str(r.attributes_added)).replace("%6", str(r.words_added)),
        tr("Changed: %1 code(s), %2 title(s), %3 attribute value(s), %4 memo(s)")
        .replace("%1", str(r.codes_updated)).replace("%2", str(r.titles_updated))
        .replace("%3", str(r.attributes_updated)).replace("%4", str(r.memos_updated)),
        tr("Already here: %1 passage(s)").replace("%1", str(r.passages_matched)),
    ]
    if r.kept_deleted:
        lines.append(tr("Deleted here and left deleted: %1").replace(
            "%1", ", ".join(f"{_kind_name(kind)} × {n}"
                            for kind, n in sorted(r.kept_deleted.items()))))
    if r.conflicts:
        lines.append(tr("%1 conflict(s) to look at; nothing was dropped:")
                     .replace("%1", str(len(r.conflicts))))
    else:
        lines.append(tr("No conflicts."))
    if r.conflicts_unchanged:
        lines.append(tr("Not listed again: %1 earlier conflict(s), unchanged in the other file "
                        "since the last merge (ours kept)")
                     .replace("%1", str(r.conflicts_unchanged)))
    return lines


def _kind_name(kind: str) -> str:
    return {"passage": tr("passages"), "code": tr("codes"), "document": tr("documents")}.get(
        kind, kind)


class MergeConflictModel(QAbstractTableModel):
    COLUMNS = 3

    def __init__(self, conflicts: list[MergeConflict], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(conflicts)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Conflict"), self.tr("About"), self.tr("What was kept"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self._rows[index.row()]
        return (conflict_kind_text(c.kind), c.item, c.detail)[index.column()]


class MergeDialog(QDialog):
    """``confirm``: the dry run's report with Merge / Cancel; otherwise the result with OK."""

    def __init__(self, report: MergeReport, *, confirm: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.resize(760, 420)
        self.setWindowTitle(self.tr("Merge a coder's copy") if confirm
                            else self.tr("Merge finished"))
        head = (self.tr("Merging %1 would bring in:") if confirm
                else self.tr("Merged %1:")).replace("%1", report.source)
        self.summary = QLabel("\n".join([head, *summary_lines(report)]))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts = QTableView()
        self.conflicts.setModel(MergeConflictModel(report.conflicts, self))
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.verticalHeader().hide()
        self.conflicts.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.conflicts.setColumnWidth(0, 200)
        self.conflicts.setColumnWidth(1, 240)
        self.conflicts.setVisible(bool(report.conflicts))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts, 1)
        if confirm:
            self.warning = QLabel(self.tr(
                "A merge cannot be undone: the undo history is cleared afterwards. "
                "The other file is not changed."))
            self.warning.setWordWrap(True)
            self.warning.setStyleSheet("font-weight: bold")
            layout.addWidget(self.warning)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            merge = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
            merge.setDefault(True)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, preview: MergeReport, parent: QWidget | None = None) -> bool:
        """Show the dry run's report; True when the researcher confirms the merge."""
        return cls(preview, confirm=True, parent=parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def show_report(cls, report: MergeReport, parent: QWidget | None = None) -> MergeDialog:
        """Show what the merge did; not modal, so nothing waits on it."""
        dialog = cls(report, confirm=False, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
