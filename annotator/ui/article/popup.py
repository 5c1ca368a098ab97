"""The small panel that opens on a click on coded text: one row per passage there, with its
code, coder, memo (editable) and a Remove button. Edits go through the undo stack."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFoundError
from annotator.records import Changes, CodeInfo, PassageInfo
from annotator.ui.commands import RemovePassage, SetMemo
from annotator.ui.hub import ProjectHub

POPUP_WIDTH = 400
MAX_HEIGHT = 460
EXCERPT_CHARS = 60


def _local_time(stamp: datetime | None) -> str:
    if stamp is None:
        return ""
    # The core stores naive UTC; readers want their own clock.
    return stamp.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class PassageRow(QFrame):
    """One passage in the popup."""

    def __init__(self, popup: PassagePopup, info: PassageInfo) -> None:
        super().__init__()
        self.popup, self.info = popup, info
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.swatch = QLabel()
        self.swatch.setFixedSize(14, 14)
        self.code_label = QLabel()
        self.code_label.setWordWrap(True)
        self.code_label.setStyleSheet("font-weight: bold")
        self.meta_label = QLabel()
        self.excerpt = QLabel()
        self.excerpt.setWordWrap(True)
        self.memo_edit = QPlainTextEdit()
        self.memo_edit.setTabChangesFocus(True)
        self.memo_edit.setFixedHeight(self.memo_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.save_button = QPushButton()
        self.remove_button = QPushButton()
        self.memo_edit.textChanged.connect(self._update_save)
        self.save_button.clicked.connect(lambda: self.popup.save_memo(self.info.id))
        self.remove_button.clicked.connect(lambda: self.popup.remove(self.info.id))

        head = QHBoxLayout()
        head.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.code_label, 1)
        head.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.excerpt)
        layout.addWidget(self.memo_edit)
        layout.addLayout(foot)

    def show_info(self, info: PassageInfo, code: CodeInfo | None) -> None:
        self.info = info
        colour = code.colour if code else "#CCCCCC"
        self.swatch.setStyleSheet(f"background: {colour}; border: 1px solid palette(dark)")
        self.code_label.setText(code.path_text if code else self.tr("(deleted code)"))
        when = _local_time(info.created_at)
        self.meta_label.setText(
            self.tr("Coder: %1 · %2").replace("%1", info.coder_name).replace("%2", when)
        )
        text = " ".join(info.text.split())
        if len(text) > EXCERPT_CHARS:
            text = text[:EXCERPT_CHARS] + "…"
        self.excerpt.setText(f"“{text}”")
        # Keep what the user is typing; otherwise show the stored memo.
        if not self.memo_edit.document().isModified():
            self.memo_edit.setPlainText(info.memo)
            self.memo_edit.document().setModified(False)
        self.memo_edit.setPlaceholderText(self.tr("Memo"))
        self.save_button.setText(self.tr("Save memo"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove this coding"))
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(self.memo_edit.toPlainText().strip() != self.info.memo)


class PassagePopup(QFrame):
    """Opened by the article view; lists passages by id and follows the hub's changes."""

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.hub = hub
        self.setFrameShape(QFrame.Shape.Box)
        self.setFixedWidth(POPUP_WIDTH)
        self._rows: dict[int, PassageRow] = {}
        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        self._body_layout.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self._body)
        self._scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._scroll)
        hub.changed.connect(self._changed)
        hub.projectChanged.connect(self.close)

    # -- public API --------------------------------------------------------------------------
    def show_passages(self, passage_ids: Sequence[int], global_pos: QPoint | None = None) -> None:
        for row in self._rows.values():
            self._drop(row)
        self._rows = {}
        project = self.hub.project
        if project is None:
            return
        for pid in passage_ids:
            try:
                info = project.passage(pid)
            except NotFoundError:
                continue
            row = PassageRow(self, info)
            self._rows[pid] = row
            self._body_layout.insertWidget(self._body_layout.count() - 1, row)
        if not self._rows:
            self.close()
            return
        self.refresh()
        self._fit(global_pos)
        self.show()

    def passage_ids(self) -> list[int]:
        return list(self._rows)

    def row(self, passage_id: int) -> PassageRow:
        return self._rows[passage_id]

    def memo_edit(self, passage_id: int) -> QPlainTextEdit:
        return self._rows[passage_id].memo_edit

    def save_memo(self, passage_id: int) -> None:
        row = self._rows[passage_id]
        row.memo_edit.document().setModified(False)
        self.hub.undo_stack.push(SetMemo(self.hub, row.info, row.memo_edit.toPlainText()))

    def remove(self, passage_id: int) -> None:
        self.hub.undo_stack.push(RemovePassage(self.hub, passage_id))

    def refresh(self) -> None:
        """Re-read the listed passages; rows of passages that are gone disappear."""
        project = self.hub.project
        if project is None or not self._rows:
            return
        codes = {c.id: c for c in project.codes(counts=False)}
        for pid, row in list(self._rows.items()):
            try:
                info = project.passage(pid)
            except NotFoundError:
                del self._rows[pid]
                self._drop(row)
                continue
            row.show_info(info, codes.get(info.code_id))
        if not self._rows:
            self.close()
        else:
            self._fit(None)

    # -- internals ---------------------------------------------------------------------------
    def _drop(self, row: PassageRow) -> None:
        self._body_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _changed(self, changes: Changes, _initiator: object) -> None:
        """Re-read the rows only if a listed passage, its code or its document changed."""
        if not self._rows:
            return
        reread = changes.passages_reread
        docs = {row.info.document_id for row in self._rows.values()}
        if (changes.touches_codebook or reread is None or docs & reread
                or changes.passage_ids & self._rows.keys()):
            self.refresh()

    def _fit(self, global_pos: QPoint | None) -> None:
        self._body.adjustSize()
        height = min(MAX_HEIGHT, self._body.sizeHint().height() + 14)
        self.resize(POPUP_WIDTH, height)
        if global_pos is None:
            return
        pos = QPoint(global_pos)
        screen = QGuiApplication.screenAt(global_pos) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            pos.setX(max(area.left(), min(pos.x(), area.right() - POPUP_WIDTH)))
            if pos.y() + height > area.bottom():
                pos.setY(max(area.top(), pos.y() - height - 24))  # above the click instead
        self.move(pos)
