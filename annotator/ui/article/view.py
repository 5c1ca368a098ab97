"""The centre pane: one article, its passages highlighted, selection to code.

Positions the outside world sees are code points; Qt's UTF-16 positions stay inside and are
converted only through the document's :class:`OffsetMap`.

The margin numbers the document's paragraph units (computed once per document, see
:func:`annotator.analysis.unit_index.units_of`), and a unit can be coded whole. With snapping
on, the
span read for coding (:meth:`ArticleView.selected_span`) is widened to whole words; the user's
selection itself is never moved.

A click on a code or a code's key codes only a *live* selection (:meth:`ArticleView.live_span`):
text selected in the article since the last coding and the last change of document, and still
selected. A selection that was coded, or one made by a jump from another pane, stays on screen
but is not coded again by a click meant only to choose a code.

The view follows the hub's :class:`~annotator.records.Changes`: a coding, removal or memo
edit in the shown document updates the layer from the passages listed (no query), and the
highlights are set again only when a changed passage lies in the visible range.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDrag, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.analysis.unit_index import units_of
from annotator.chinese.segment import Segmenter
from annotator.chinese.snapping import snap_to_words
from annotator.chinese.units import Unit, unit_at, units_for_span
from annotator.errors import NotFoundError
from annotator.records import Changes, CodeInfo, PassageInfo
from annotator.ui.article.editor import ArticleEdit
from annotator.ui.article.highlighter import Highlighter, highlight_runs
from annotator.ui.article.layer import Layer
from annotator.ui.article.margin import CodingMargin
from annotator.ui.article.menu import MenuHandlers, PassageEntry, build_context_menu
from annotator.ui.article.popup import PassagePopup
from annotator.ui.commands import ApplyCode, RemovePassage
from annotator.ui.hub import ProjectHub
from annotator.ui.offsets import OffsetMap
from annotator.ui.recent_codes import SPAN_MIME, RecentCodes, encode_span
from annotator.words.terms import project_segmenter


class ArticleView(QWidget):
    selectionChanged = Signal()  # the selected span changed
    passagesClicked = Signal(list)  # passage ids under a plain click, innermost first

    def __init__(self, hub: ProjectHub, recent: RecentCodes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.recent = hub, recent
        self._document_id: int | None = None
        self._text = ""
        self._offsets = OffsetMap("")
        self._units: list[Unit] = []  # paragraph units of the shown document
        self._snap = False  # widen selections to whole words (the window turns it on)
        self._all = Layer()  # every coder's passages
        self._layer = Layer()  # those of the visible coders
        self._visible_coders: set[int] | None = None
        self._codes: list[CodeInfo] = []
        self._colours: dict[int, str] = {}
        self._highlighter = Highlighter()
        self._window: tuple[int, int] | None = None  # UTF-16 range the highlights cover
        self._stale_passages = self._stale_codes = False
        self._refreshed_this_turn = False
        self._segmenter: Segmenter | None = None  # the project's, while its terms stay
        self._codes_current = False  # self._codes is the project's codebook as it is
        self._live = False  # the selection was made in the article and not coded yet
        self._quiet = False  # the view moves the selection itself: not the reader's choice

        self.title_label = QLabel()
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setStyleSheet("font-weight: bold; padding: 4px 8px")
        self._editor = ArticleEdit()
        self._margin = CodingMargin(self._editor)
        self._popup = PassagePopup(hub, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self._editor, 1)

        # A coding shows at once: the first notification refreshes immediately. A bulk macro
        # sends one per command; the rest of that event-loop turn folds into one more refresh.
        self._refresh_timer = _zero_timer(self, self._refresh_stale)
        self._turn_timer = _zero_timer(self, self._new_turn)

        self._editor.selectionChanged.connect(self.selectionChanged)
        self._editor.selectionChanged.connect(self._selection_made)
        self._editor.cursorSet.connect(self._selection_made)
        self._editor.clicked.connect(self._clicked)
        self._editor.dragRequested.connect(self._start_drag)
        self._editor.viewChanged.connect(self._sync_selections)
        self._editor.customContextMenuRequested.connect(self._context_menu)
        self._margin.stripeClicked.connect(self._stripe_clicked)
        self._margin.unitClicked.connect(lambda unit: self.select_span(unit.start, unit.end))
        hub.changed.connect(self._changed)
        hub.projectChanged.connect(self._project_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._editor.setPlaceholderText(self.tr("Choose a document to read and code it."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------------
    def editor(self) -> QPlainTextEdit:
        return self._editor

    def popup(self) -> PassagePopup:
        return self._popup

    def margin(self) -> CodingMargin:
        return self._margin

    def document_id(self) -> int | None:
        return self._document_id

    def layer(self) -> Layer:
        """The highlighted passages (visible coders only), for tests and other panes."""
        return self._layer

    def show_document(self, document_id: int | None) -> None:
        """Show a document (None: none). The one already shown is only refreshed, so that
        choosing it again keeps the reader's place."""
        project = self.hub.project
        if document_id is not None and document_id == self._document_id and project is not None:
            self.refresh()
            return
        self._refresh_timer.stop()
        self._popup.close()
        text, title = "", ""
        if project is not None and document_id is not None:
            try:
                text = project.document_text(document_id)
                title = project.document(document_id).title
            except NotFoundError:
                document_id = None
        else:
            document_id = None
        self._document_id = document_id
        self._text = text
        self._offsets = OffsetMap(text)
        self._load_units()
        self.title_label.setText(title)
        self._window = None
        self._editor.setExtraSelections([])
        self._editor.set_overlaps([])
        self._editor.setPlainText(text)
        self._live = False
        # Another document: its passages are read; the codes only if the codebook changed.
        self._stale_passages = True
        self._refresh_stale()

    def refresh(self) -> None:
        """Re-read codes and passages now; scroll position and selection stay."""
        self._stale_passages = self._stale_codes = True
        self._refresh_stale()

    def selected_span(self) -> tuple[int, int] | None:
        """The span to code: the selection in code points, widened to whole words when
        snapping is on (None without a selection)."""
        cursor = self._editor.textCursor()
        if self._document_id is None or not cursor.hasSelection():
            return None
        # A selection cutting a surrogate pair is widened to the whole character.
        start, end = self._offsets.span_to_code_points(
            cursor.selectionStart(), cursor.selectionEnd()
        )
        project = self.hub.project
        if self._snap and project is not None and end > start:
            # Read here, not while the user drags: the selection on screen stays theirs.
            if self._segmenter is None:  # the terms are read once, not at every coding
                self._segmenter = project_segmenter(project)
            start, end = snap_to_words(self._segmenter, self._text, start, end)
        return (start, end) if end > start else None

    def live_span(self) -> tuple[int, int] | None:
        """The span to code when a code is clicked or its key pressed: the selection if it
        is live (see the module notes), else None."""
        if not self._live or not self._editor.textCursor().hasSelection():
            return None
        return self.selected_span()

    def has_used_selection(self) -> bool:
        """Text is selected on screen but is not live (already coded, or from a jump)."""
        return self._editor.textCursor().hasSelection() and not self._live

    def selection_used(self) -> None:
        """The selection was coded: it stays on screen but is no longer live."""
        self._live = False

    def _selection_made(self) -> None:
        if not self._quiet:
            self._live = self._editor.textCursor().hasSelection()

    def set_snap_to_words(self, on: bool) -> None:
        self._snap = bool(on)

    def snaps_to_words(self) -> bool:
        return self._snap

    # -- units of analysis -----------------------------------------------------------------
    def units(self) -> list[Unit]:
        """The shown document's paragraph units, numbered as in the margin."""
        return list(self._units)

    def unit_numbers_shown(self) -> list[str]:
        """The unit numbers the margin paints now (the visible part of the document)."""
        return self._margin.unit_numbers_shown()

    def unit_at(self, offset: int) -> Unit | None:
        """The unit on the line holding code point ``offset``: inside it, on its
        indentation, or just past its end."""
        found = unit_at(self._units, offset)
        if found is not None or not self._units:
            return found
        block = self._editor.document().findBlock(self._offsets.to_utf16(offset))
        if not block.isValid():
            return None
        line = self._offsets.span_to_code_points(
            block.position(), block.position() + max(block.length() - 1, 0)
        )
        over = units_for_span(self._units, line[0], max(line[1], line[0] + 1))
        return over[0] if over else None

    def unit_under(self, point: QPoint) -> Unit | None:
        """The unit at a viewport point (anywhere on its lines)."""
        pos = self._editor.char_at(point)
        if pos is None:
            pos = self._editor.cursorForPosition(point).position()
        return self.unit_at(self._offsets.to_code_point(pos))

    def cursor_unit(self) -> Unit | None:
        """The unit under the text cursor (the selection's start when there is one)."""
        if self._document_id is None:
            return None
        cursor = self._editor.textCursor()
        return self.unit_at(self._offsets.to_code_point(cursor.selectionStart()))

    def code_unit(self, code_id: int, unit: Unit) -> bool:
        """Code a whole unit as one undoable step."""
        return self.apply_code(code_id, (unit.start, unit.end))

    def select_span(self, start: int, end: int) -> None:
        first, last = self._offsets.span_to_utf16(start, end)
        cursor = QTextCursor(self._editor.document())
        # Anchor at the end, cursor at the start: scrolling shows the passage's beginning.
        cursor.setPosition(last)
        cursor.setPosition(first, QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()

    def reveal(self, start: int, end: int) -> None:
        """Select a passage and scroll it to the middle of the view (a jump from elsewhere:
        the selection shows where it is, it is not live for coding)."""
        self._quiet = True
        try:
            self.select_span(start, end)
        finally:
            self._quiet = False
        self._live = False
        self._editor.centerCursor()

    def set_visible_coders(self, coder_ids: set[int] | None) -> None:
        self._visible_coders = None if coder_ids is None else set(coder_ids)
        self._show_layer()

    def build_context_menu(self, point: QPoint | None = None) -> QMenu:
        """The right-click menu for a viewport point (None: for the selection only)."""
        span = self.selected_span()
        under: list[PassageEntry] = []
        unit = self.cursor_unit()
        if point is not None:
            pos = self._editor.char_at(point)
            if pos is not None:
                for p in self._layer.passages_at(self._offsets.to_code_point(pos)):
                    under.append(PassageEntry(p.id, p.code_id, p.coder_name))
            unit = self.unit_under(point)
        handlers = MenuHandlers(
            apply_code=lambda code_id: self.apply_code(code_id, span),
            remove_passage=self.remove_passage,
            copy=self._editor.copy,
            code_unit=(lambda code_id: self.code_unit(code_id, unit)) if unit else None,
        )
        return build_context_menu(
            self._editor, self._codes, self.recent.ids(), under,
            has_selection=span is not None and self._document_id is not None, handlers=handlers,
            unit_number=unit.number if unit else None,
        )

    def apply_code(self, code_id: int, span: tuple[int, int] | None = None) -> bool:
        """Code the span (default: the selection) through the undo stack."""
        span = span or self.selected_span()
        if span is None or self._document_id is None or self.hub.project is None:
            return False
        name = next((c.name for c in self._codes if c.id == code_id), "")
        self.hub.undo_stack.push(
            ApplyCode(self.hub, self._document_id, code_id, span[0], span[1], name, self)
        )
        self.recent.touch(code_id)
        self.selection_used()
        return True

    def remove_passage(self, passage_id: int) -> None:
        self.hub.undo_stack.push(RemovePassage(self.hub, passage_id, self))

    def span_mime_data(self) -> QMimeData | None:
        """What dragging the selection carries: the span for the codebook, text for others."""
        span = self.selected_span()
        if span is None or self._document_id is None:
            return None
        mime = QMimeData()
        mime.setData(SPAN_MIME, encode_span(self._document_id, *span))
        mime.setText(self._editor.textCursor().selectedText().replace("\u2029", "\n"))
        return mime

    # -- refresh -----------------------------------------------------------------------------
    def _project_changed(self) -> None:
        self._segmenter = None
        self._codes_current = False
        self.show_document(None)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.word_lists or changes.touches_codebook:
            self._segmenter = None  # project terms and code keywords make the segmenter
        if changes.touches_codebook:
            self._codes_current = False
        shown = self._document_id
        if shown is None:
            return
        if changes.documents_reread or shown in changes.documents_edited:
            self._documents_changed()
            if self._document_id is None:
                return
        reread = changes.passages_reread
        if changes.touches_codebook:
            self._stale_codes = True
        if reread is None or shown in reread:
            self._stale_passages = True
        if self._stale_codes or self._stale_passages:
            self._refresh_soon()
            return
        mine = [p for p in changes.listed if p.document_id == shown]
        if mine:
            self._update_layer(changes, mine)

    def _update_layer(self, changes: Changes, mine: list[PassageInfo]) -> None:
        """Put the listed passages of the shown document into the layer; repaint the
        highlights only if one of them is on screen (the margin repaints anyway)."""
        removed = {p.id for p in changes.removed}
        fresh = [p for p in mine if p.id not in removed]  # added or edited, as they are now
        gone = removed | {p.id for p in fresh}
        self._all = Layer([p for p in self._all.passages if p.id not in gone] + fresh)
        lo, hi = self._offsets.span_to_code_points(*self._editor.visible_range())
        on_screen = any(p.start < hi and p.end > lo for p in mine)
        self._show_layer(highlights=on_screen)

    def _refresh_soon(self) -> None:
        if self._refreshed_this_turn:
            self._refresh_timer.start()
            return
        self._refreshed_this_turn = True
        self._turn_timer.start()
        self._refresh_stale()

    def _new_turn(self) -> None:
        self._refreshed_this_turn = False

    def _load_units(self) -> None:
        """The shown document's units, and in the margin also the 款 and 项 of its articles
        (each numbered on its first line; clicking one selects it)."""
        project, document_id = self.hub.project, self._document_id
        if project is None or document_id is None:
            self._units, shown = [], []
        else:
            self._units = units_of(project, document_id)
            # One number a line: a 款 starting where its article starts is numbered by the
            # article, a 项 starting where its 款 starts by the 款 (sub-units come outermost
            # first).
            by_start = {u.start: u for u in self._units}
            for sub in units_of(project, document_id, "clause"):
                by_start.setdefault(sub.start, sub)
            shown = [by_start[start] for start in sorted(by_start)]
        self._margin.set_units(shown, self._offsets)

    def _documents_changed(self) -> None:
        """Follow a new title or numbering; let go of a document that was deleted."""
        project = self.hub.project
        if project is None or self._document_id is None:
            return
        try:
            self.title_label.setText(project.document(self._document_id).title)
        except NotFoundError:
            self.show_document(None)
            return
        self._load_units()

    def _refresh_stale(self) -> None:
        project = self.hub.project
        if project is None or self._document_id is None:
            self._all, self._codes, self._colours = Layer(), [], {}
            self._codes_current = False
        else:
            if self._stale_codes or not self._codes_current:
                self._codes = project.codes(counts=False)  # names and colours suffice
                self._colours = {c.id: c.colour for c in self._codes}
                self._codes_current = True
            if self._stale_passages:
                # One query per refresh; the layer is rebuilt from it in one pass.
                self._all = Layer(project.passages(document_id=self._document_id))
        self._stale_passages = self._stale_codes = False
        self._show_layer()

    def _show_layer(self, *, highlights: bool = True) -> None:
        self._layer = self._all.filtered(self._visible_coders)
        labels = {c.id: c.path_text for c in self._codes}
        self._margin.set_layer(self._layer, self._colours, labels, self._offsets)
        if highlights:
            self._sync_selections(force=True)

    def _sync_selections(self, force: bool = False) -> None:
        """Highlight the visible blocks only (see highlighter); runs on every scroll."""
        window = self._editor.visible_range()
        if window == self._window and not force:
            return
        self._window = window
        segments = self._layer.segments(*self._offsets.span_to_code_points(*window))
        fills, bars = highlight_runs(segments, self._colours, self._offsets)
        self._editor.set_overlaps(bars)
        self._editor.setExtraSelections(
            self._highlighter.selections(fills, self._editor.document())
        )

    # -- mouse -------------------------------------------------------------------------------
    def _clicked(self, position: int, point: QPoint) -> None:
        if position < 0:
            return
        passages = self._layer.passages_at(self._offsets.to_code_point(position))
        if not passages:
            return
        ids = [p.id for p in passages]
        self.passagesClicked.emit(ids)
        below = QPoint(point.x(), int(self._editor.line_bottom(position)) + 4)
        self._popup.show_passages(ids, self._editor.viewport().mapToGlobal(below))

    def _stripe_clicked(self, passage_id: int) -> None:
        passage = self._layer.find(passage_id)
        if passage is not None:
            self.select_span(passage.start, passage.end)

    def _context_menu(self, point: QPoint) -> None:
        menu = self.build_context_menu(point)
        menu.exec(self._editor.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _start_drag(self) -> None:
        mime = self.span_mime_data()
        if mime is None:
            return
        drag = QDrag(self._editor)
        drag.setMimeData(mime)
        self._exec_drag(drag)

    def _exec_drag(self, drag: QDrag) -> None:
        # Separate so tests can replace the modal drag loop.
        drag.exec(Qt.DropAction.CopyAction)


def _zero_timer(parent: QWidget, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer that fires when the event loop next turns."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer
