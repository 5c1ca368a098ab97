"""The window's bottom pane as tabs: the passages list, and the search results beside it.

Search hits read like passages — a document, a unit, the words around — and a double-click
opens them in the article, so they share the pane under the article (where NVivo and MAXQDA
list query results) rather than a side dock, which narrowed the article to a strip. The
pane's height is the main splitter's, which the window already saves and restores.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QTabBar, QTabWidget, QWidget

# Share of the splitter's height the pane is given when a tab is asked for while the pane is
# lower: about eight result rows on a 1000-pixel window, the article keeping the rest.
COMFORTABLE_SHARE = 0.4


class BottomTabs(QTabWidget):
    """Takes the place of ``first`` in ``splitter``; ``first`` becomes its permanent tab and
    further tabs stay hidden until shown. With one tab showing, there is no tab bar."""

    def __init__(self, splitter: QSplitter, first: QWidget) -> None:
        super().__init__()
        self._splitter = splitter
        splitter.replaceWidget(splitter.indexOf(first), self)  # same size, same place
        self.addTab(first, "")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            self.tabBar().setTabButton(0, side, None)  # the passages always stay
        self.tabCloseRequested.connect(self._close_tab)

    def add_hidden_tab(self, page: QWidget) -> None:
        self.setTabVisible(self.addTab(page, ""), False)
        self._update_bar()

    def set_title(self, page: QWidget, title: str) -> None:
        self.setTabText(self.indexOf(page), title)

    def show_tab(self, page: QWidget) -> None:
        """Show and select ``page``'s tab; a pane lower than is comfortable grows to
        COMFORTABLE_SHARE of the splitter, a taller one (the user's choice) is kept."""
        index = self.indexOf(page)
        self.setTabVisible(index, True)
        self.setCurrentIndex(index)
        self._update_bar()
        self._make_room()

    def _close_tab(self, index: int) -> None:
        self.setTabVisible(index, False)
        self._update_bar()

    def _update_bar(self) -> None:
        # Qt's tabBarAutoHide counts hidden tabs too: a lone passages tab needs no bar.
        shown = sum(self.isTabVisible(i) for i in range(self.count()))
        self.tabBar().setVisible(shown > 1)

    def _make_room(self) -> None:
        sizes = self._splitter.sizes()
        mine = self._splitter.indexOf(self)
        want = round(sum(sizes) * COMFORTABLE_SHARE)
        if len(sizes) < 2 or sizes[mine] >= want:
            return
        donor = max((i for i in range(len(sizes)) if i != mine), key=lambda i: sizes[i])
        sizes[donor] -= want - sizes[mine]
        sizes[mine] = want
        self._splitter.setSizes(sizes)
