"""The window's bottom pane as tabs: the passages list, and the search results beside it.

Search hits read like passages — a document, a unit, the words around — and a double-click
opens them in the article, so they share the pane under the article (where NVivo and MAXQDA
list query results) rather than a side dock, which narrowed the article to a strip. The
pane's height is the main splitter's, which the window already saves and restores.

With nothing in the passages list and no other tab showing, the pane folds to the passages'
title line (which says why the list is empty), and the article takes the height; it unfolds to
the height it had as soon as there is something to list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QTabBar, QTabWidget, QWidget

# Share of the splitter's height the pane is given when a tab is asked for while the pane is
# lower: about eight result rows on a 1000-pixel window, the article keeping the rest.
COMFORTABLE_SHARE = 0.4
# On a low window the article keeps at least this height (about a dozen lines) as long as
# the pane still gets LEAST_PANE (five or six rows).
ARTICLE_KEEPS = 400
LEAST_PANE = 170
UNLIMITED = 16777215  # QWIDGETSIZE_MAX


class BottomTabs(QTabWidget):
    """Takes the place of ``first`` in ``splitter``; ``first`` becomes its permanent tab and
    further tabs stay hidden until shown. With one tab showing, there is no tab bar."""

    def __init__(self, splitter: QSplitter, first: QWidget) -> None:
        super().__init__()
        self._splitter = splitter
        self._first = first
        self._folded = False
        self._open_height = 0  # the pane's height before it last folded
        splitter.replaceWidget(splitter.indexOf(first), self)  # same size, same place
        self.addTab(first, "")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            self.tabBar().setTabButton(0, side, None)  # the passages always stay
        self.tabCloseRequested.connect(self._close_tab)
        changed = getattr(first, "emptinessChanged", None)
        if changed is not None:  # the passages pane: fold while it lists nothing
            changed.connect(lambda _empty: self._fit())
            self._fit()

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
        self._fit()
        self._make_room()

    def _close_tab(self, index: int) -> None:
        self.setTabVisible(index, False)
        self._update_bar()
        self._fit()

    def folded(self) -> bool:
        return self._folded

    def _fit(self) -> None:
        shown = sum(self.isTabVisible(i) for i in range(self.count()))
        empty = getattr(self._first, "is_empty", lambda: False)()
        fold = empty and shown == 1
        if fold == self._folded:
            return
        self._folded = fold
        self._first.set_list_shown(not fold)
        if fold:
            mine = self._splitter.sizes()[self._splitter.indexOf(self)]
            if mine > 2 * self._first.title_height():  # open, not already squeezed
                self._open_height = mine
            # Both bounds: the splitter would keep the pages' minimum (the hidden search
            # panel's too) over a maximum alone.
            self.setFixedHeight(self._first.title_height())
            sizes = self._splitter.sizes()
            mine_at = self._splitter.indexOf(self)
            if len(sizes) > 1:
                spare = sizes[mine_at] - self._first.title_height()
                sizes[mine_at] -= spare
                sizes[0 if mine_at else 1] += spare
                self._splitter.setSizes(sizes)
        else:
            self.setMinimumHeight(0)
            self.setMaximumHeight(UNLIMITED)
            self._make_room(self._open_height)

    def _update_bar(self) -> None:
        # Qt's tabBarAutoHide counts hidden tabs too: a lone passages tab needs no bar.
        shown = sum(self.isTabVisible(i) for i in range(self.count()))
        self.tabBar().setVisible(shown > 1)

    def _make_room(self, height: int = 0) -> None:
        """Grow to ``height`` or, by default, to a comfortable share of the splitter."""
        sizes = self._splitter.sizes()
        mine = self._splitter.indexOf(self)
        total = sum(sizes)
        want = height or comfortable_height(total)
        if len(sizes) < 2 or sizes[mine] >= want:
            return
        donor = max((i for i in range(len(sizes)) if i != mine), key=lambda i: sizes[i])
        sizes[donor] -= want - sizes[mine]
        sizes[mine] = want
        self._splitter.setSizes(sizes)


def comfortable_height(total: int) -> int:
    """The pane's height in a splitter ``total`` high: COMFORTABLE_SHARE, less on a low window
    so that the article keeps ARTICLE_KEEPS (the pane never under LEAST_PANE)."""
    want = round(total * COMFORTABLE_SHARE)
    if total - want < ARTICLE_KEEPS:
        want = max(LEAST_PANE, total - ARTICLE_KEEPS)
    return want
