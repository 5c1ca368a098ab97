"""Table model over the passages of a code or a document, read a page at a time.

Rows (without text) come in pages as the view asks for more (``fetchMore``), the first of
``PAGE`` rows; the text of a row is read when the view first asks for it, together with the
texts of its block of ``TEXT_BLOCK`` rows (one statement). ``total()`` is the number of
passages the filter matches, read with COUNT, whatever has been fetched.

The rows fetched are always exactly those that sort up to the last one fetched (or all, once
the end was reached), so a change in some documents replaces only their rows in that range.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.db import passage_pages
from annotator.db.passage_pages import PassageFilter, PassageRow, SortKey
from annotator.project import Project
from annotator.records import CodeInfo

PASSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _DECORATION, int(PASSAGE_ID_ROLE)})
Index = QModelIndex | QPersistentModelIndex

PAGE = 200
MAX_PAGE = 2000
TEXT_BLOCK = 50


def _key(row: PassageRow) -> SortKey:
    return row.key


class PassageTableModel(QAbstractTableModel):
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._filter: PassageFilter | None = None
        self._codes: dict[int, CodeInfo] = {}
        self._rows: list[PassageRow] = []
        self._texts: dict[int, str] = {}
        self._total = 0
        self._complete = True  # every matching row fetched

    # -- what is shown ---------------------------------------------------------------------
    def set_filter(
        self,
        project: Project | None,
        where: PassageFilter | None,
        codes: dict[int, CodeInfo],
    ) -> None:
        """Show the passages ``where`` matches (none if None), from the first page."""
        self.beginResetModel()
        self._project, self._filter, self._codes = project, where, codes
        self._rows, self._texts = [], {}
        self._total, self._complete = 0, True
        if project is not None and where is not None:
            with project.session_scope() as s:
                self._total = passage_pages.count_rows(s, where)
                if self._total:
                    self._append(passage_pages.page_rows(s, where, limit=PAGE))
        self.endResetModel()

    def set_codes(self, codes: dict[int, CodeInfo]) -> None:
        """New code names and colours for the same rows."""
        self._codes = codes
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))

    def total(self) -> int:
        return self._total

    def passage_at(self, row: int) -> PassageRow:
        return self._rows[row]

    def update_documents(self, document_ids: Collection[int]) -> None:
        """The passages of these documents changed: replace their rows in what was fetched
        (rows inserted, removed or changed in place; nothing else is read again)."""
        project, where = self._project, self._filter
        if project is None or where is None:
            return
        if where.document_id is not None and where.document_id not in document_ids:
            return
        with project.session_scope() as s:
            self._total = passage_pages.count_rows(s, where)
            fresh = passage_pages.rows_of_documents(s, where, document_ids)
        # Each document's rows are one run (rows sort by document number first); a
        # document without rows yet gets its run where its first new row sorts.
        runs: dict[int, list[int]] = {}
        touched = set(document_ids)
        for i, row in enumerate(self._rows):
            if row.document_id in touched:
                runs.setdefault(row.document_id, [i, i])[1] = i + 1
        numbers = {r.document_id: r.document_number for r in fresh}
        if any(numbers.get(doc, self._rows[i].document_number) != self._rows[i].document_number
               for doc, (i, _end) in runs.items()):
            self.set_filter(project, where, self._codes)  # a document moved: start again
            return
        boundary = self._boundary()
        if boundary is not None:
            fresh = [r for r in fresh if r.key <= boundary]
        by_document: dict[int, list[PassageRow]] = {}
        for row in fresh:
            by_document.setdefault(row.document_id, []).append(row)
        edits: list[tuple[int, SortKey, int, list[PassageRow]]] = []
        for doc in touched:
            new = by_document.get(doc, [])
            if doc in runs:
                first, end = runs[doc]
                edits.append((first, self._rows[first].key, end, new))
            elif new:
                at = bisect_left(self._rows, new[0].key, key=_key)
                edits.append((at, new[0].key, at, new))
        # From the bottom up, so that the positions of the runs above stay right.
        for first, _key_at, end, new in sorted(edits, reverse=True):
            self._replace(first, end, new)
        if len(self._rows) >= self._total:
            self._complete = True

    def _boundary(self) -> SortKey | None:
        """The key up to which every matching row is fetched (None: all of them)."""
        return None if self._complete or not self._rows else self._rows[-1].key

    def _replace(self, first: int, end: int, target: list[PassageRow]) -> None:
        """Turn rows [first, end) into ``target`` (both in key order) with row inserts,
        removals and changes, so that the view keeps its place and selection."""
        old, pos, i, j = self._rows[first:end], first, 0, 0
        while i < len(old) or j < len(target):
            if i < len(old) and j < len(target) and old[i].key == target[j].key:
                if old[i] != target[j]:
                    self._rows[pos] = target[j]
                    last = self.index(pos, self.COLUMN_COUNT - 1)
                    self.dataChanged.emit(self.index(pos, 0), last)
                pos, i, j = pos + 1, i + 1, j + 1
            elif j >= len(target) or (i < len(old) and old[i].key < target[j].key):
                k = i
                while k < len(old) and (j >= len(target) or old[k].key < target[j].key):
                    k += 1
                self.beginRemoveRows(QModelIndex(), pos, pos + k - i - 1)
                for gone in self._rows[pos : pos + k - i]:
                    self._texts.pop(gone.id, None)
                del self._rows[pos : pos + k - i]
                self.endRemoveRows()
                i = k
            else:
                k = j
                while k < len(target) and (i >= len(old) or target[k].key < old[i].key):
                    k += 1
                self.beginInsertRows(QModelIndex(), pos, pos + k - j - 1)
                self._rows[pos:pos] = target[j:k]
                self.endInsertRows()
                pos, j = pos + k - j, k

    # -- paging ----------------------------------------------------------------------------
    def _append(self, page: list[PassageRow], limit: int = PAGE) -> None:
        self._rows.extend(page)
        self._complete = len(page) < limit or len(self._rows) >= self._total

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._complete or self._project is None or self._filter is None:
            return
        after = self._rows[-1].key if self._rows else None
        # Pages grow with what was fetched (200, 200, 400 … 2,000): someone scrolling to the
        # end of 10,000 rows waits for 9 fetches rather than 50, each repaint included.
        limit = min(max(PAGE, len(self._rows)), MAX_PAGE)
        with self._project.session_scope() as s:
            page = passage_pages.page_rows(s, self._filter, after=after, limit=limit)
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._append(page, limit)
            self.endInsertRows()
        else:
            self._complete = True

    def _text(self, row: int) -> str:
        pid = self._rows[row].id
        if pid not in self._texts and self._project is not None:
            first = row - row % TEXT_BLOCK
            ids = [r.id for r in self._rows[first : first + TEXT_BLOCK] if r.id not in self._texts]
            with self._project.session_scope() as s:
                self._texts.update(passage_pages.texts_of(s, ids))
            for missing in ids:  # gone meanwhile: shown empty until the update arrives
                self._texts.setdefault(missing, "")
        return self._texts.get(pid, "")

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Document"),
                self.tr("Code"),
                self.tr("Passage"),
                self.tr("Coder"),
                self.tr("Memo"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for seven roles per cell on every paint: the ones never answered
        # leave at once (and roles compare as plain ints: PySide's enum lookups are slow).
        if role not in _ROLES:
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        p = self._rows[row]
        col = index.column()
        if role == _DISPLAY or role == _TOOLTIP:
            if col == 0:
                return f"{p.document_number} {p.document_title}"
            if col == 1:
                code = self._codes.get(p.code_id)
                return code.path_text if code else ""
            if col == 2:
                text = self._text(row).replace("\n", " ⏎ ")
                return text if role == _TOOLTIP else text[:300]
            if col == 3:
                return p.coder_name
            return p.memo
        if role == _DECORATION:
            code = self._codes.get(p.code_id)
            return QColor(code.colour) if col == 1 and code is not None else None
        return p.id  # PASSAGE_ID_ROLE
