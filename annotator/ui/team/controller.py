"""What the team tools add to the window: the coder toolbar, a Team menu (coders, blind
copies, merging) and an Analysis menu (agreement, tables and charts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QToolBar, QToolButton

from annotator.ui.actions import (
    ActionId,
    Feature,
    MenuId,
    Slot,
    add_menu,
    create_actions,
    enable_for_project,
    place,
    retranslate_actions,
)
from annotator.ui.team.coder_bar import CoderBox, CoderNameDialog
from annotator.ui.team.visibility import CoderVisibility, ShowCodersMenu

if TYPE_CHECKING:
    from annotator.ui.analysis.agreement_dialog import AgreementDialog
    from annotator.ui.analysis.tables_dialog import TablesDialog
    from annotator.ui.main_window import MainWindow


class TeamTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        hub = window.hub
        self.actions = create_actions(window, Feature.TEAM)
        self.agreement_dialog: AgreementDialog | None = None
        self.tables_dialog: TablesDialog | None = None

        self.coder_box = CoderBox(hub)
        self.visibility = CoderVisibility(hub, window.article, self)
        self.show_menu = ShowCodersMenu(self.visibility, window)
        self.show_button = QToolButton()
        self.show_button.setMenu(self.show_menu)
        self.show_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("team_toolbar")  # for saveState()
        self.toolbar.addWidget(self.coder_box)
        self.toolbar.addWidget(self.show_button)
        window.addToolBar(self.toolbar)

        a = self.actions
        self.team_menu = add_menu(window, MenuId.TEAM)
        self.analysis_menu = add_menu(window, MenuId.ANALYSIS)
        place({MenuId.TEAM: self.team_menu, MenuId.ANALYSIS: self.analysis_menu},
              {**a, Slot.SHOW_CODERS: self.show_menu})

        a[ActionId.NEW_CODER].triggered.connect(self.new_coder)
        a[ActionId.MERGE_COPY].triggered.connect(self.merge_copy)
        a[ActionId.BLIND_COPY].triggered.connect(self.make_blind_copy)
        a[ActionId.AGREEMENT].triggered.connect(self.show_agreement)
        a[ActionId.TABLES].triggered.connect(self.show_tables)
        self.coder_box.coderChosen.connect(self._remember_coder)
        self.visibility.changed.connect(self._update_show_button)
        hub.projectChanged.connect(self._project_changed)
        hub.coderChanged.connect(lambda _name: self._update_show_button())
        window.installEventFilter(self)
        self.retranslate_ui()
        self._project_changed()

    def retranslate_ui(self) -> None:
        retranslate_actions(self.actions)
        self.toolbar.setWindowTitle(self.tr("Coders"))
        self.team_menu.setTitle(self.tr("&Team"))
        self.analysis_menu.setTitle(self.tr("&Analysis"))
        self.show_menu.setTitle(self.tr("&Show coders"))
        self._update_show_button()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)

    # -- coders ------------------------------------------------------------------------
    def new_coder(self) -> None:
        name = CoderNameDialog.ask(self.window, self.tr("New coder"),
                                   self.tr("Name of the new coder:"))
        if name is not None:
            self.coder_box.choose(name)
            self.coder_box.refresh()

    # The merge flow (annotator.merge) is imported when first used, not at the window's start.
    def merge_copy(self) -> None:
        from annotator.ui.team.merge_flow import merge_copy

        merge_copy(self.window, self.window.hub)

    def make_blind_copy(self) -> None:
        from annotator.ui.team.merge_flow import make_blind_copy

        make_blind_copy(self.window, self.window.hub)

    def _remember_coder(self, name: str) -> None:
        self.window.settings.coder = name

    def _update_show_button(self) -> None:
        shown, every = self.visibility.summary()
        if self.visibility.visible() is None:
            text = self.tr("Showing all coders")
        else:
            text = self.tr("Showing %1 of %n coder(s)", "", every).replace("%1", str(shown))
        self.show_button.setText(text)
        self.show_button.setToolTip(self.tr("Whose passages the article highlights"))

    def _project_changed(self) -> None:
        has = self.window.hub.project is not None
        enable_for_project(self.actions, has)
        self.show_button.setEnabled(has)
        self._update_show_button()

    # -- analysis ----------------------------------------------------------------------
    def show_agreement(self) -> AgreementDialog:
        if self.agreement_dialog is None:
            # Imported on first use: the analysis modules (numpy, openpyxl for export) would
            # otherwise cost the window's start.
            from annotator.ui.analysis.agreement_dialog import AgreementDialog

            self.agreement_dialog = AgreementDialog(self.window.hub, self.window)
            self.agreement_dialog.jumpRequested.connect(self.window.jump_to)
        self.agreement_dialog.show()
        self.agreement_dialog.raise_()
        self.agreement_dialog.activateWindow()
        return self.agreement_dialog

    def show_tables(self) -> TablesDialog:
        if self.tables_dialog is None:
            from annotator.ui.analysis.tables_dialog import TablesDialog

            self.tables_dialog = TablesDialog(self.window.hub, self.window)
        self.tables_dialog.show()
        self.tables_dialog.raise_()
        self.tables_dialog.activateWindow()
        return self.tables_dialog
