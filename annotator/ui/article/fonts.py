"""The reading font: a CJK face that is actually installed, at a comfortable size."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.chinese.fonts import READING_FAMILIES, choose

# Screen serif (Song) first, as the articles are printed; then each platform's own faces
# (annotator.chinese.fonts lists them for Windows, macOS and Linux).
PREFERRED_FAMILIES = READING_FAMILIES
READING_POINT_SIZE = 14.0


def cjk_families(available: list[str] | None = None) -> list[str]:
    """The preferred families that are installed, best first."""
    return choose(PREFERRED_FAMILIES, QFontDatabase.families() if available is None else available)


def reading_font(point_size: float = READING_POINT_SIZE) -> QFont:
    """All installed preferred families in order, so a glyph the first lacks (𠮷, an
    Extension B character) falls back to the next CJK face rather than to a box."""
    font = QFont()
    families = cjk_families()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
