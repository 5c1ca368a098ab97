"""The reading font: a CJK face that is actually installed, at a comfortable size."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

# Serif (Song) first, as the articles are printed; then the common sans faces of each platform.
PREFERRED_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimSun",
)
READING_POINT_SIZE = 14.0


def cjk_families(available: list[str] | None = None) -> list[str]:
    """The preferred families that are installed, best first."""
    have = set(QFontDatabase.families() if available is None else available)
    return [family for family in PREFERRED_FAMILIES if family in have]


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
