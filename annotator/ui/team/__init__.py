"""Team work in the window: coders, blind copies and merging; it also installs the Analysis
menu, whose dialogs live in ``ui/analysis``.

``install(window)`` adds the coder toolbar (current coder, whose passages to show), a Team
menu (new coder, blind copy for a second coder, merging a coder's copy) and an Analysis menu
(intercoder agreement, tables and charts). The window keeps the result as
``window.team_tools``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.team.controller import TeamTools


def install(window: MainWindow) -> TeamTools:
    # Imported here: the analysis dialogs the controller installs use this package's coder
    # models, so importing them must not import the controller first.
    from annotator.ui.team.controller import TeamTools

    tools = TeamTools(window)
    window.team_tools = tools  # type: ignore[attr-defined]
    return tools


__all__ = ["install"]
