"""Exchange with other QDA tools from the window (the CLI's import-project, export and
codebook formats): REFI-QDA projects (.qdpx/.qde), codebooks (.qdc, Excel) and passages as
CSV, all in the File menu.

``install(window)`` is called by the main window for each module named in its EXTENSIONS;
the window keeps the result as ``window.qda_exchange``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.ui.exchange.controller import ExchangeTools

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

__all__ = ["ExchangeTools", "install"]


def install(window: MainWindow) -> ExchangeTools:
    tools = ExchangeTools(window)
    window.qda_exchange = tools  # type: ignore[attr-defined]
    return tools
