"""The codes applied most recently, offered first in the article's right-click menu."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

SPAN_MIME = "application/x-annotator-span"  # drag payload: b"document_id start end" (code points)


class RecentCodes(QObject):
    changed = Signal()

    def __init__(self, limit: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self._ids: list[int] = []

    def ids(self) -> list[int]:
        return list(self._ids)

    def touch(self, code_id: int) -> None:
        if code_id in self._ids:
            self._ids.remove(code_id)
        self._ids.insert(0, code_id)
        del self._ids[self.limit :]
        self.changed.emit()

    def forget_missing(self, existing: set[int]) -> None:
        kept = [i for i in self._ids if i in existing]
        if kept != self._ids:
            self._ids = kept
            self.changed.emit()


def encode_span(document_id: int, start: int, end: int) -> bytes:
    return f"{document_id} {start} {end}".encode()


def decode_span(data: bytes) -> tuple[int, int, int] | None:
    try:
        doc, start, end = (int(x) for x in bytes(data).decode().split())
    except ValueError:
        return None
    return doc, start, end
