"""A chart from the core (a matplotlib Figure) shown as a picture, with Save as PNG / SVG.

The figure is drawn to PNG bytes by matplotlib's Agg backend and shown in a QLabel: no Qt
canvas backend needed, and what the window shows is what the file holds.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
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
from annotator.ui.messages import Messages
from annotator.ui.team_tools.team_files import TeamFiles

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SCREEN_DPI = 100


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

    def __init__(self, name: str = "chart", *, fit: str = "both",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name  # suggested file name
        self.figure: Figure | None = None
        self.picture = ChartLabel(fit)
        shown: QWidget = self.picture
        if fit == "width":  # tall charts (many bars) scroll
            shown = QScrollArea()
            shown.setWidgetResizable(True)
            # Always there, so that the width the picture is scaled to never flips.
            shown.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            shown.setWidget(self.picture)
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
            self.picture.setText(self.tr("No chart"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_figure(self, figure: Figure | None) -> None:
        self.figure = figure
        self.save_png.setEnabled(figure is not None)
        self.save_svg.setEnabled(figure is not None)
        if figure is None:
            self.picture.set_original(QPixmap())
            self.picture.setText(self.tr("No chart"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(figure_png(figure), "PNG")
        self.picture.set_original(pixmap)

    def save(self, fmt: str, target: Path | None = None) -> list[Path]:
        """Save the chart as ``fmt``, asking where unless ``target`` is given."""
        if self.figure is None:
            return []
        target = target or TeamFiles.save_chart(self.window(), f"{self.name}.{fmt}", fmt)
        if target is None:
            return []
        try:
            paths = save_figure(self.figure, target.with_suffix(""), [fmt])
        except OSError as exc:
            Messages.error(self, self.tr("Cannot save the chart"), str(exc))
            return []
        self.saved.emit(paths)
        return paths
