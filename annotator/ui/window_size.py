"""The main window's size: a first size that fits the screen, and the size the user gave it
remembered per screen (a laptop's panel and an office monitor each get their own)."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from annotator.ui.settings import Settings

#: The first window takes this share of the screen's free area, at most MAX_FIRST: the whole
#: desk fits (and the task bar stays visible) on a 1280×720 panel as on a large monitor.
SHARE = 0.85
MAX_FIRST = QSize(1360, 860)
DIALOG_SHARE = 0.92
LAST_SCREEN = "geometry-last-screen"  # the key of the screen the window was closed on


def first_size(available: QSize) -> QSize:
    """The size of a window opened for the first time on a screen with ``available``
    (device-independent pixels, task bars and docks excluded)."""
    return QSize(min(MAX_FIRST.width(), int(available.width() * SHARE)),
                 min(MAX_FIRST.height(), int(available.height() * SHARE)))


def pane_widths(total: int) -> list[int]:
    """Documents | article | codebook in a window ``total`` wide: each side pane a share
    within bounds, the article the rest (on a narrow window it is the article that stays
    wide enough to read)."""
    documents = max(150, min(260, round(total * 0.18)))
    codebook = max(220, min(340, round(total * 0.23)))
    return [documents, max(200, total - documents - codebook), codebook]


def centred(size: QSize, available: QRect) -> QRect:
    """A rectangle of ``size`` in the middle of ``available``."""
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def screen_key(screen: QScreen | None) -> str:
    """The settings key of a screen's geometry: its name and size (the same panel at another
    resolution or scale is another place)."""
    if screen is None:
        return "geometry"
    size = screen.size()
    name = re.sub(r"[^0-9A-Za-z_.-]+", "_", screen.name()) or "screen"
    return f"geometry-{name}-{size.width()}x{size.height()}"


def place(window: QWidget, settings: Settings) -> None:
    """Give ``window`` the geometry saved for the screen it was last closed on (if that
    screen is connected), else the one saved for its screen, else the first size, centred."""
    screen = window.screen()
    last = settings.geometry(LAST_SCREEN)
    connected = {screen_key(s): s for s in QGuiApplication.screens()}
    if last is not None and bytes(last.data()).decode() in connected:
        screen = connected[bytes(last.data()).decode()]
    saved = settings.geometry(screen_key(screen))
    # restoreGeometry moves a window saved off-screen back and shrinks it to the screen.
    if saved is not None and window.restoreGeometry(saved):
        return
    if screen is None:
        window.resize(MAX_FIRST)
        return
    available = screen.availableGeometry()
    window.setGeometry(centred(first_size(available.size()), available))


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a dialog to ``width`` × ``height``, or less on a screen too small for it
    (at most DIALOG_SHARE of the free area, so its frame and buttons stay on screen)."""
    screen = widget.screen()
    if screen is not None:
        free = screen.availableGeometry().size()
        width = min(width, int(free.width() * DIALOG_SHARE))
        height = min(height, int(free.height() * DIALOG_SHARE))
    widget.resize(width, height)


def remember(window: QWidget, settings: Settings) -> None:
    """Save the window's geometry for the screen it is on."""
    key = screen_key(window.screen())
    settings.set_geometry(key, window.saveGeometry())
    settings.set_geometry(LAST_SCREEN, QByteArray(key.encode()))
