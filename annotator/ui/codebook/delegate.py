"""Colour swatches for codes: a cached rounded-square icon and the tree's name delegate."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

_SIZES = (12, 16, 20, 24, 32, 48)  # enough for QIcon to pick a crisp one at any DPI
_icons: dict[str, QIcon] = {}


def swatch_pixmap(colour: str, size: int) -> QPixmap:
    """A rounded square of ``colour`` with a slightly darker rim, so pale codes stay visible
    on a white background."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    fill = QColor(colour)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fill.darker(150), max(1.0, size / 16)))
    painter.setBrush(fill)
    inset = max(1.0, size / 16)
    rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    painter.drawRoundedRect(rect, size * 0.22, size * 0.22)
    painter.end()
    return pixmap


def swatch_icon(colour: str) -> QIcon:
    """The swatch for ``colour`` as an icon, built once per colour."""
    icon = _icons.get(colour)
    if icon is None:
        icon = QIcon()
        for size in _SIZES:
            icon.addPixmap(swatch_pixmap(colour, size))
        _icons[colour] = icon
    return icon


class CodeNameDelegate(QStyledItemDelegate):
    """Sizes the swatch by the font (not a fixed 16 px) so it lines up with Chinese text at
    any font size, and gives renames a plain line edit."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        side = max(10, option.fontMetrics.height() - 2)
        option.decorationSize = QSize(side, side)
