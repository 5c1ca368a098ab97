"""Whose passages the article shows: all coders, the current one, or any chosen few.

The choice lives here and is pushed to the article with ``set_visible_coders``; it resets to
"all" when another project opens, and switching to a coder shows that coder (their new
passages must appear as they code).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from annotator.merge import coder_summaries
from annotator.ui.article.view import ArticleView
from annotator.ui.hub import ProjectHub


class CoderVisibility(QObject):
    changed = Signal()

    def __init__(self, hub: ProjectHub, article: ArticleView, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.hub, self.article = hub, article
        self._visible: set[int] | None = None  # None: every coder
        hub.projectChanged.connect(lambda: self.set_visible(None))
        hub.coderChanged.connect(lambda _name: self._show_current())

    def visible(self) -> set[int] | None:
        return None if self._visible is None else set(self._visible)

    def set_visible(self, coder_ids: set[int] | None) -> None:
        if coder_ids is not None and self.hub.project is not None:
            every = {c.id for c in self.hub.project.coders()}
            coder_ids = set(coder_ids) & every
            if coder_ids == every:
                coder_ids = None
        self._visible = None if coder_ids is None else set(coder_ids)
        self.article.set_visible_coders(self._visible)
        self.changed.emit()

    def only_current(self) -> None:
        if self.hub.project is not None:
            self.set_visible({self.hub.project.coder.id})

    def toggle(self, coder_id: int, shown: bool) -> None:
        project = self.hub.project
        if project is None:
            return
        ids = self._visible if self._visible is not None else {c.id for c in project.coders()}
        ids = (ids | {coder_id}) if shown else (ids - {coder_id})
        self.set_visible(ids)

    def _show_current(self) -> None:
        if self._visible is not None and self.hub.project is not None:
            self.set_visible(self._visible | {self.hub.project.coder.id})

    def summary(self) -> tuple[int, int]:
        """(coders shown, coders in the project)."""
        project = self.hub.project
        every = len(project.coders()) if project is not None else 0
        return (every if self._visible is None else len(self._visible)), every


class ShowCodersMenu(QMenu):
    """"All coders", "Only the current coder", then one checkable entry per coder with the
    number of their passages; rebuilt each time it opens."""

    def __init__(self, visibility: CoderVisibility, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visibility = visibility
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        self.clear()
        project = self.visibility.hub.project
        if project is None:
            self.addAction(self.tr("(no project open)")).setEnabled(False)
            return
        visible = self.visibility.visible()
        show_all = self.addAction(self.tr("All coders"))
        show_all.setCheckable(True)
        show_all.setChecked(visible is None)
        show_all.triggered.connect(lambda: self.visibility.set_visible(None))
        only = self.addAction(self.tr("Only the current coder"))
        only.triggered.connect(self.visibility.only_current)
        self.addSeparator()
        group = QActionGroup(self)
        group.setExclusive(False)
        for row in coder_summaries(project):
            coder = row.coder
            action = QAction(
                self.tr("%1 (%n passage(s))", "", row.passages).replace("%1", coder.name),
                self)
            action.setCheckable(True)
            action.setChecked(visible is None or coder.id in visible)
            action.setData(coder.id)
            action.toggled.connect(
                lambda on, cid=coder.id: self.visibility.toggle(cid, on))
            group.addAction(action)
            self.addAction(action)

    def coder_action(self, coder_id: int) -> QAction | None:
        """The entry of one coder (after :meth:`rebuild`), for tests and shortcuts."""
        return next((a for a in self.actions() if a.data() == coder_id), None)
