"""Small questions the codebook pane asks: merge target, delete confirmation, a notice.

Each has an ``ask()`` classmethod so tests can monkeypatch it instead of running a modal loop.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError, CodeNameConflict, InvalidOperation, NotFoundError
from annotator.records import CodeInfo
from annotator.ui.codebook.delegate import swatch_icon
from annotator.ui.codebook.editor_dialog import CodeDraft, CodeEditorDialog, ColourChooser


def tr(text: str) -> str:
    return QCoreApplication.translate("CodebookDialogs", text)


__all__ = [
    "CodeDraft",
    "CodeEditorDialog",
    "ColourChooser",
    "DeleteConfirmation",
    "MergeTargetDialog",
    "Notice",
    "describe_error",
]


class MergeTargetDialog(QDialog):
    """Choose the code that ``source`` is folded into, from ``candidates`` (the caller has
    already left out the source's own subtree)."""

    def __init__(
        self,
        source: CodeInfo,
        passage_count: int,
        candidates: Sequence[CodeInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge code"))
        self.resize(420, 460)
        intro = QLabel(
            self.tr("Merge “%1” and its %2 passage(s) into:")
            .replace("%1", source.path_text)
            .replace("%2", str(passage_count))
        )
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter codes"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.list = QListWidget()
        side = self.fontMetrics().height() - 2  # the swatch size the tree uses
        self.list.setIconSize(QSize(side, side))
        for info in candidates:
            item = QListWidgetItem(swatch_icon(info.colour), info.path_text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self._update_ok())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.target_id() is not None
        )

    def target_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(Qt.ItemDataRole.UserRole)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        source: CodeInfo,
        passage_count: int,
        candidates: Sequence[CodeInfo],
    ) -> int | None:
        dialog = cls(source, passage_count, candidates, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.target_id()


class DeleteConfirmation:
    @classmethod
    def ask(
        cls, parent: QWidget, code: CodeInfo, passage_count: int, subcode_count: int
    ) -> bool:
        """True if the user agrees to delete ``code`` with its sub-codes and passages."""
        if passage_count or subcode_count:
            text = (
                tr(
                    "Delete the code “%1” with %2 sub-code(s) and the %3 coded passage(s) "
                    "that go with them? Undo can bring them back."
                )
                .replace("%1", code.path_text)
                .replace("%2", str(subcode_count))
                .replace("%3", str(passage_count))
            )
        else:
            text = tr("Delete the code “%1”?").replace("%1", code.path_text)
        answer = QMessageBox.question(parent, tr("Delete code"), text)
        return answer == QMessageBox.StandardButton.Yes


class Notice:
    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> None:
        """Tell the user why something did not happen."""
        QMessageBox.warning(parent, title, text)


def describe_error(error: AnnotatorError) -> str:
    """The core's typed error in words for a researcher."""
    if isinstance(error, CodeNameConflict):
        return tr("Another code with this name already exists at that place.")
    if isinstance(error, NotFoundError):
        return tr("That code or document no longer exists.")
    if isinstance(error, InvalidOperation):
        return tr("That change is not possible: %1").replace("%1", str(error))
    return str(error)
