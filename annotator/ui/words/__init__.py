"""Words in the window: word lists (terms, stopwords, suggested terms), word frequencies and
keywords, and the segmenter's warm-up. Its controller (``tools``) also installs the text
tools kept in their own packages: the search tab (``ui/search``) and auto-coding review
(``ui/autocoding``); unit numbers and snapping live in the article view.

``install(window)`` is called by the main window for each module named in its EXTENSIONS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.ui.words.tools import ChineseTools

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

__all__ = ["ChineseTools", "install"]


def install(window: MainWindow) -> ChineseTools:
    """Add the Chinese text tools to ``window`` (kept as ``window.chinese_tools``)."""
    tools = ChineseTools(window)
    window.chinese_tools = tools  # type: ignore[attr-defined]
    return tools
