"""Chinese-aware reading and coding in the window: unit numbers and snapping live in the
article view; this package adds search, auto-coding review, word lists and word frequencies.

``install(window)`` is called by the main window for each module named in its EXTENSIONS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.ui.chinese_tools.tools import ChineseTools

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

__all__ = ["ChineseTools", "install"]


def install(window: MainWindow) -> ChineseTools:
    """Add the Chinese text tools to ``window`` (kept as ``window.chinese_tools``)."""
    tools = ChineseTools(window)
    window.chinese_tools = tools  # type: ignore[attr-defined]
    return tools
