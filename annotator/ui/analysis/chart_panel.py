"""A chart from the core (a matplotlib Figure) shown as a picture, with Save as PNG / SVG.

The figure is drawn to PNG bytes by matplotlib's Agg backend and shown in a QLabel: no Qt
canvas backend needed, and what the window shows is what the file holds. :meth:`ChartPanel.draw`
builds and renders the figure on a worker thread (a heat map of a large X×Y table takes half a
second), so the table beside it is shown at once and the chart follows. A drawing not started
yet is dropped when a newer one is asked for, when its panel goes and when the application
quits: the chart asked for last never waits behind stale ones, nor does quitting.

The figure is drawn at the size of the panel (the width only, for charts that scroll), so that
its labels show at their point size rather than shrunk with the picture; after the panel is
resized it is drawn again at the new size.
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.analysis.report_charts import save_figure
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.messages import Messages

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SCREEN_DPI = 100
LEAST_FITTED = 300  # a panel narrower than this (not laid out yet) gets the natural size

#: One drawing thread for every chart: figures are independent objects (no pyplot state), and
#: one at a time keeps the GUI thread's share of the interpreter.
_DRAWING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chart")

Drawing = tuple["Figure | None", bytes]

#: Drawings queued or running, so that quitting can drop those not started (the executor's
#: thread otherwise runs every queued one before the interpreter may exit).
_PENDING: set[Future[Drawing]] = set()
_quit_hooked: weakref.ref[QCoreApplication] | None = None


def _drop_pending() -> None:
    for future in list(_PENDING):
        future.cancel()


def _hook_quit() -> None:
    global _quit_hooked
    app = QCoreApplication.instance()
    if app is not None and (_quit_hooked is None or _quit_hooked() is not app):
        app.aboutToQuit.connect(_drop_pending)
        _quit_hooked = weakref.ref(app)


class _Job:
    """A panel's drawing in the queue: a plain object (not the panel), so that the panel's
    ``destroyed`` signal can still cancel it."""

    def __init__(self) -> None:
        self.future: Future[Drawing] | None = None

    def replace(self, future: Future[Drawing] | None) -> None:
        if self.future is not None:
            self.future.cancel()  # no effect once it runs: its result is then ignored
        self.future = future

    def cancel(self) -> None:
        self.replace(None)


def _render(make: Callable[[], Figure | None], size: tuple[int, int | None] | None = None
            ) -> Drawing:
    figure = make()
    if figure is not None and size is not None:
        fit_figure(figure, *size)
    return figure, (figure_png(figure) if figure is not None else b"")


def fit_figure(figure: Figure, width: int, height: int | None) -> None:
    """Give ``figure`` the size of ``width`` × ``height`` screen pixels (its own height when
    ``height`` is None): the text keeps its point size, the plot takes the room there is."""
    figure.set_size_inches(width / SCREEN_DPI,
                           height / SCREEN_DPI if height else figure.get_figheight())
    for ax in figure.axes:
        ax.title.set_wrap(True)  # a long title (many branches) on two lines, not cut


class _Relay(QObject):
    """Carries finished drawings from the worker thread to the GUI thread (queued), for
    every panel: one object owned by the application, so it never goes away while the
    worker emits, whatever happens to the panel meanwhile."""

    finished = Signal(object, int, object)  # weakref to the panel, job number, the Future

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.finished.connect(self._deliver)  # a slot of this object: runs on its thread

    @Slot(object, int, object)
    def _deliver(self, panel_ref: weakref.ref[ChartPanel], job: int, future: object) -> None:
        panel = panel_ref()
        if panel is not None and shiboken6.isValid(panel):
            panel._finished(job, future)  # noqa: SLF001 - the panel's own delivery


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay()
    return _relay


def figure_png(figure: Figure, dpi: int = SCREEN_DPI) -> bytes:
    # The core's figures use constrained layout: no "tight" bounding box (a second drawing
    # pass) is needed on screen. Saved files still get it (save_figure).
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


class ChartLabel(QLabel):
    """Shows a pixmap scaled down, keeping its proportions: to fit the label ("both"), or
    to fit its width only ("width": the label grows taller, for a scroll area)."""

    def __init__(self, fit: str = "both", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = QPixmap()
        self.fit = fit
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter
                          | (Qt.AlignmentFlag.AlignTop if fit == "width"
                             else Qt.AlignmentFlag.AlignVCenter))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(120, 80)
        self.setStyleSheet("background: white")

    def set_original(self, pixmap: QPixmap) -> None:
        self._original = pixmap
        self._rescale()

    def original(self) -> QPixmap:
        return self._original

    def sizeHint(self) -> QSize:
        return self._original.size() if not self._original.isNull() else QSize(400, 300)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._original.isNull():
            self.setPixmap(QPixmap())
            return
        size = self._original.size()
        if self.fit == "width":
            if size.width() > self.width():
                size = size.scaled(self.width(), 1 << 20, Qt.AspectRatioMode.KeepAspectRatio)
            self.setMinimumHeight(max(80, size.height()))
        elif size.width() > self.width() or size.height() > self.height():
            size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self.setPixmap(self._original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))


class ChartPanel(QWidget):
    saved = Signal(list)  # the paths written
    drawn = Signal()  # the picture shows the chart last asked for (or why there is none)

    def __init__(self, name: str = "chart", *, fit: str = "both",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name  # suggested file name
        self.figure: Figure | None = None
        self.error = ""  # why the last chart could not be drawn
        self._job = 0  # the drawing asked for last; older ones are dropped when they arrive
        self._drawing = False
        self._queued = _Job()
        self.destroyed.connect(self._queued.cancel)
        self.picture = ChartLabel(fit)
        self._make: Callable[[], Figure | None] | None = None  # the chart shown, to redraw
        self._drawn_at: tuple[int, int | None] | None = None
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(250)  # once the user stops dragging the splitter
        self._resized.timeout.connect(self._redraw)
        shown: QWidget = self.picture
        if fit == "width":  # tall charts (many bars) scroll
            shown = QScrollArea()
            shown.setWidgetResizable(True)
            # Always there, so that the width the picture is scaled to never flips.
            shown.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            shown.setWidget(self.picture)
        self._shown = shown
        self.save_png = QPushButton()
        self.save_svg = QPushButton()
        self.save_png.clicked.connect(lambda: self.save("png"))
        self.save_svg.clicked.connect(lambda: self.save("svg"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_png)
        buttons.addWidget(self.save_svg)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(shown, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.set_figure(None)

    def retranslate_ui(self) -> None:
        self.save_png.setText(self.tr("Save as PNG…"))
        self.save_svg.setText(self.tr("Save as SVG…"))
        if self.figure is None:
            self.picture.setText(self._placeholder())

    def _placeholder(self) -> str:
        if self._drawing:
            return self.tr("Drawing the chart…")
        if self.error:
            return self.tr("Cannot draw the chart: %1").replace("%1", self.error)
        return self.tr("No chart")

    @property
    def drawing(self) -> bool:
        """A chart is being drawn on the worker thread."""
        return self._drawing

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_figure(self, figure: Figure | None) -> None:
        """Show ``figure`` now (drawn on this thread)."""
        self._make = None
        self._job += 1
        self._queued.cancel()
        self._drawing = False
        self._show(figure, figure_png(figure) if figure is not None else b"", "")

    def draw(self, make: Callable[[], Figure | None], *, keep_picture: bool = False) -> None:
        """Build the figure with ``make`` and render it on the worker thread; the picture
        says it is being drawn until then. ``make`` must only read what it was given (it
        runs beside the GUI thread). :attr:`drawn` is emitted when the picture is there."""
        self._job += 1
        self._drawing = True
        self._make = make
        size = self._drawn_at = self.fitted_size()
        if not keep_picture:  # a redraw at another size shows the old picture till then
            self._show(None, b"", "")
        job, relay, panel = self._job, _the_relay(), weakref.ref(self)

        def done(future: Future[Drawing]) -> None:
            if future.cancelled():  # superseded or dropped: nothing to show
                return
            try:
                relay.finished.emit(panel, job, future)
            except RuntimeError:  # the application is gone: nobody to show it to
                pass

        _hook_quit()
        future = _DRAWING.submit(_render, make, size)
        _PENDING.add(future)
        future.add_done_callback(_PENDING.discard)
        future.add_done_callback(done)
        self._queued.replace(future)

    def fitted_size(self) -> tuple[int, int | None] | None:
        """The pixels the chart is drawn to: the picture's width and (unless it scrolls)
        height; None while the panel is too small to be laid out yet."""
        if self.picture.fit == "width":
            area = self._shown.viewport() if isinstance(self._shown, QScrollArea) else None
            width = area.width() if area is not None else self.picture.width()
            return (width, None) if width >= LEAST_FITTED else None
        width, height = self.picture.width(), self.picture.height()
        return (width, height) if width >= LEAST_FITTED and height >= 200 else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._make is not None:
            self._resized.start()

    def _redraw(self) -> None:
        size = self.fitted_size()
        if self._make is None or size is None or size == self._drawn_at:
            return
        old = self._drawn_at
        if old is not None and abs(size[0] - old[0]) < 12 and (
                size[1] is None or old[1] is None or abs(size[1] - old[1]) < 12):
            return  # a few pixels: the picture's scaling suffices
        self.draw(self._make, keep_picture=True)

    def _finished(self, job: int, future: Future[Drawing]) -> None:
        if job != self._job:
            return  # a newer chart was asked for
        self._drawing = False
        try:
            figure, png = future.result()
        except Exception as exc:  # noqa: BLE001 - shown in place of the chart, not raised
            self._show(None, b"", str(exc) or type(exc).__name__)
        else:
            self._show(figure, png, "")

    def _show(self, figure: Figure | None, png: bytes, error: str) -> None:
        self.figure, self.error = figure, error
        self.save_png.setEnabled(figure is not None)
        self.save_svg.setEnabled(figure is not None)
        if figure is None:
            self.picture.set_original(QPixmap())
            self.picture.setText(self._placeholder())
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            self.picture.set_original(pixmap)
        if not self._drawing:
            self.drawn.emit()

    def save(self, fmt: str, target: Path | None = None) -> list[Path]:
        """Save the chart as ``fmt``, asking where unless ``target`` is given."""
        if self.figure is None:
            return []
        target = target or FileDialogs.save_chart(self.window(), f"{self.name}.{fmt}", fmt)
        if target is None:
            return []
        try:
            paths = save_figure(self.figure, target.with_suffix(""), [fmt])
        except OSError as exc:
            Messages.error(self, self.tr("Cannot save the chart"), str(exc))
            return []
        self.saved.emit(paths)
        return paths
