"""The coding desk: documents | article | codebook, passages beneath."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSplitter, QWidget

from annotator.errors import AnnotatorError, ProjectStorageError
from annotator.records import Changes
from annotator.ui import window_size
from annotator.ui.actions import (
    ActionId,
    MenuId,
    Slot,
    add_menu,
    adopt,
    create_actions,
    enable_for_project,
    place,
    retranslate_actions,
)
from annotator.ui.article.view import ArticleView
from annotator.ui.codebook.guard import push_guarded
from annotator.ui.codebook.pane import CodebookPane
from annotator.ui.commands import ApplyCode, ImportCodebook
from annotator.ui.documents.pane import DocumentsPane
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.hub import ProjectHub
from annotator.ui.i18n import ensure_translators, install_translators
from annotator.ui.messages import Messages
from annotator.ui.passages.pane import PassagesPane
from annotator.ui.preferences import PreferencesDialog, PreferenceValues
from annotator.ui.recent_codes import RecentCodes
from annotator.ui.settings import Settings
from annotator.ui.storage_notice import OutsideChanges, read_only_reason, storage_message
from annotator.ui.transfer import ImportReportDialog, export_with_progress, import_with_progress

# Feature packages that add menus, docks and actions to the window: each module has
# install(window) and is called once the window is built (derived_worker: missing units and
# index rows built in a worker after a project's first paint; safekeeping: the saved
# indicator, daily backups and restoring one).
EXTENSIONS: tuple[str, ...] = ("team", "words", "exchange", "derived_worker", "safekeeping")

# Actions that change the project: off while it is open read-only (the rest reads or exports).
WRITING_ACTIONS = (
    ActionId.IMPORT_FILES, ActionId.IMPORT_FOLDER, ActionId.IMPORT_CODEBOOK,
    ActionId.CODE_FROM_SELECTION, ActionId.ADD_CODE, ActionId.EDIT_ATTRIBUTES,
    ActionId.DELETE_DOCUMENT, ActionId.NEW_CODER, ActionId.MERGE_COPY,
    ActionId.IMPORT_QDA_CODEBOOK, ActionId.CODE_UNIT, ActionId.AUTOCODE,
    ActionId.REVIEW_PROPOSALS, ActionId.WORD_LISTS, ActionId.RESTORE_BACKUP,
)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ensure_translators(QApplication.instance())  # English plurals if none was chosen
        self.settings = settings or Settings()
        self.hub = ProjectHub(self)
        self.recent = RecentCodes(parent=self)
        # The article is built first so that it clears itself on projectChanged before the
        # document list picks the new project's first document (one load, not two).
        self.article = ArticleView(self.hub, self.recent)
        self.documents = DocumentsPane(self.hub)
        self.codebook = CodebookPane(self.hub)
        self.passages = PassagesPane(self.hub)
        self._code_shortcuts: list[QShortcut] = []
        self._after_paint = AfterPaint(self.article.editor().viewport())

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.addWidget(self.documents)
        self.top_splitter.addWidget(self.article)
        self.top_splitter.addWidget(self.codebook)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setSizes([260, 760, 320])
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(self.passages)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setSizes([620, 200])
        self.setCentralWidget(self.main_splitter)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.setAcceptDrops(True)

        self.actions_ = create_actions(self)
        self._build_menus()
        self._connect()
        self.retranslate_ui()
        for module_name in EXTENSIONS:
            importlib.import_module(f"annotator.ui.{module_name}").install(self)
        self._restore_window_state()
        # Commands, scripts and other windows may write the same file: views follow them.
        self.outside_changes = OutsideChanges(self, self.hub)
        self._project_changed()

    # -- construction ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        # Which entry goes where, and its shortcuts, is the action table's (ui/actions.py).
        undo_stack = self.hub.undo_stack
        self.undo_action = adopt(undo_stack.createUndoAction(self), ActionId.UNDO, self.settings)
        self.redo_action = adopt(undo_stack.createRedoAction(self), ActionId.REDO, self.settings)
        self.recent_menu = QMenu(self)
        self.numbering_menu = QMenu(self)
        self.numbering_menu.aboutToShow.connect(
            lambda: self.documents.fill_numbering_menu(self.numbering_menu))
        menus = {menu_id: add_menu(self, menu_id) for menu_id in (
            MenuId.FILE, MenuId.EDIT, MenuId.CODE, MenuId.DOCUMENT, MenuId.HELP)}
        self.file_menu, self.edit_menu, self.code_menu = (
            menus[MenuId.FILE], menus[MenuId.EDIT], menus[MenuId.CODE])
        self.document_menu, self.help_menu = menus[MenuId.DOCUMENT], menus[MenuId.HELP]
        place(menus, {**self.actions_, ActionId.UNDO: self.undo_action,
                      ActionId.REDO: self.redo_action, Slot.RECENT_PROJECTS: self.recent_menu,
                      Slot.UNIT_NUMBERING: self.numbering_menu})

    def _connect(self) -> None:
        a = self.actions_
        a[ActionId.NEW_PROJECT].triggered.connect(self.new_project)
        a[ActionId.OPEN_PROJECT].triggered.connect(self.choose_project)
        a[ActionId.CLOSE_PROJECT].triggered.connect(self.hub.close)
        a[ActionId.IMPORT_FILES].triggered.connect(self.import_files)
        a[ActionId.IMPORT_FOLDER].triggered.connect(self.import_folder)
        a[ActionId.EXPORT_EXCEL].triggered.connect(self.export_excel)
        a[ActionId.IMPORT_CODEBOOK].triggered.connect(self.import_codebook)
        a[ActionId.EXPORT_CODEBOOK].triggered.connect(self.export_codebook)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.PREFERENCES].triggered.connect(self.edit_preferences)
        a[ActionId.CODE_FROM_SELECTION].triggered.connect(self.code_from_selection)
        a[ActionId.ADD_CODE].triggered.connect(lambda: self.codebook.add_code())
        a[ActionId.EDIT_ATTRIBUTES].triggered.connect(self.documents.edit_attributes)
        a[ActionId.DELETE_DOCUMENT].triggered.connect(self.documents.delete_document)
        a[ActionId.ABOUT].triggered.connect(self.about)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.hub.projectChanged.connect(self._project_changed)
        self.hub.changed.connect(self._changed)
        self.hub.coderChanged.connect(lambda _name: self._update_status())
        self.documents.documentChosen.connect(self._document_chosen)
        self.codebook.currentCodeChanged.connect(self.passages.set_code)
        self.codebook.codeClicked.connect(self.apply_code_to_selection)
        self.codebook.codeApplied.connect(self.recent.touch)
        self.codebook.codeApplied.connect(lambda _code: self.article.selection_used())
        self.passages.jumpRequested.connect(self.jump_to)

    def retranslate_ui(self) -> None:
        retranslate_actions(self.actions_)
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.code_menu.setTitle(self.tr("&Code"))
        self.document_menu.setTitle(self.tr("&Document"))
        self.numbering_menu.setTitle(self.tr("Unit &numbering"))
        self.help_menu.setTitle(self.tr("&Help"))
        self._update_title()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- project -----------------------------------------------------------------------------
    def open_project(self, path: str | Path, *, create: bool = False) -> bool:
        try:
            # The remembered coder from the start, so no login-named coder is created.
            project = self.hub.open(path, create=create, coder=self.settings.coder or None)
        except AnnotatorError as exc:
            Messages.error(self, self.tr("Cannot open project"), str(exc))
            return False
        self.settings.add_recent_project(str(project.path.resolve()))
        if project.read_only:
            Messages.info(self, self.tr("Opened read-only"), self.tr(
                "%1 is open read-only: %2.\n\nYou can read, search and export it; coding "
                "and other changes are switched off.").replace("%1", str(project.path))
                .replace("%2", read_only_reason(project.read_only)))
        return True

    def choose_project(self) -> None:
        path = FileDialogs.open_project(self)
        if path is not None:
            self.open_project(path)

    def new_project(self) -> None:
        path = FileDialogs.new_project(self)
        if path is not None:
            self.open_project(path, create=True)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects:
            self.recent_menu.addAction(path, lambda p=path: self.open_project(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _project_changed(self) -> None:
        has = self.hub.project is not None
        enable_for_project(self.actions_, has)
        if has and self.hub.require().read_only:
            for action_id in WRITING_ACTIONS:
                if action_id in self.actions_:
                    self.actions_[action_id].setEnabled(False)
        self._rebuild_code_shortcuts()
        # Panes react to projectChanged in the order they were built; the article follows
        # the document list's choice once all of them have (the article only if it does not
        # show it yet: reading that document a second time would only delay the first paint).
        chosen = self.documents.current_document_id()
        if chosen is None or chosen != self.article.document_id():
            self._document_chosen(chosen)
        else:
            self.passages.set_document(chosen)
        self._update_title()
        self._update_status()

    def _update_title(self) -> None:
        project = self.hub.project
        name = f"{project.path.name} — " if project else ""
        if project is not None and project.read_only:
            name += self.tr("read-only") + " — "
        self.setWindowTitle(name + "annotator")

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the article has painted (or soon, if it does not paint): slow
        background work such as loading jieba then never delays the first sight of a
        project."""
        self._after_paint.add(work)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches_codebook:
            self._rebuild_code_shortcuts()
        self._update_status()

    def _update_status(self) -> None:
        project = self.hub.project
        if project is None:
            self.status_label.setText(self.tr("No project open"))
            return
        # The panes keep these counts up to date; the status bar asks no query of its own.
        text = " · ".join((
            self.tr("Coder: %1").replace("%1", project.coder.name),
            self.tr("%n document(s)", "", self.documents.model.rowCount()),
            self.tr("%n code(s)", "", len(self.codebook.model().tree)),
            self.tr("%n passage(s)", "", self.documents.model.total_passages()),
        ))
        if project.read_only:
            text = self.tr("Read-only (%1)").replace(
                "%1", read_only_reason(project.read_only)) + " · " + text
        self.status_label.setText(text)

    # -- coding ------------------------------------------------------------------------------
    def _document_chosen(self, document_id: int | None) -> None:
        self.article.show_document(document_id)
        self.passages.set_document(document_id)

    def apply_code_to_selection(self, code_id: int) -> bool:
        """Code the article's live selection (see ArticleView.live_span); False when there is
        none: a click on a code then only chooses the code."""
        span = self.article.live_span()
        doc = self.article.document_id()
        if span is None or doc is None or self.hub.project is None:
            if self.article.has_used_selection():
                self.statusBar().showMessage(self.tr(
                    "Not coded: select text in the article to code it (the selection shown "
                    "was already coded)"), 6000)
            return False
        if self.hub.project.read_only:
            self.statusBar().showMessage(
                self.tr("Not coded: the project is open read-only (%1)").replace(
                    "%1", read_only_reason(self.hub.project.read_only)), 6000)
            return False
        info = self.codebook.model().info(code_id)
        name = info.name if info is not None else self.hub.project.code(code_id).name
        # Guarded: a step the disk refuses (full, locked) is told and kept off the undo stack.
        error = push_guarded(self.hub.undo_stack,
                             ApplyCode(self.hub, doc, code_id, span[0], span[1], name,
                                       self.article))
        if error is not None:
            Messages.error(self, self.tr("Not coded"), storage_message(error)
                           if isinstance(error, ProjectStorageError) else str(error))
            return False
        self.recent.touch(code_id)
        self.article.selection_used()
        return True

    def code_from_selection(self) -> None:
        span = self.article.selected_span()
        doc = self.article.document_id()
        if span is None or doc is None or self.hub.project is None:
            self.statusBar().showMessage(self.tr("Select text in the article first"), 4000)
            return
        text = self.hub.project.document_text(doc)[span[0] : span[1]]
        name = " ".join(text.split())[:60]
        stack = self.hub.undo_stack
        stack.beginMacro(self.tr("New code from selection"))
        try:
            code_id = self.codebook.add_code(None, name)
            if code_id is not None:
                stack.push(ApplyCode(self.hub, doc, code_id, span[0], span[1], name,
                                     self.article))
                self.recent.touch(code_id)
                self.article.selection_used()
        finally:
            stack.endMacro()

    def _rebuild_code_shortcuts(self) -> None:
        for shortcut in self._code_shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._code_shortcuts = []
        if self.hub.project is None:
            return
        for code in self.codebook.model().tree.codes():
            if not code.shortcut:
                continue
            # Only while the article has focus: typing "1" in a filter box must stay typing.
            shortcut = QShortcut(QKeySequence(code.shortcut), self.article)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda cid=code.id: self.apply_code_to_selection(cid))
            self._code_shortcuts.append(shortcut)

    def jump_to(self, document_id: int, start: int, end: int) -> None:
        self.documents.select_document(document_id)
        if self.article.document_id() != document_id:
            self.article.show_document(document_id)
        self.article.reveal(start, end)

    # -- import and export -------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> None:
        if self.hub.project is None or not paths:
            return
        report = import_with_progress(self, self.hub, paths)
        if not report.ok or report.cancelled or report.count("duplicate"):
            ImportReportDialog.show_report(report, self)
        self.statusBar().showMessage(
            self.tr("%1 imported, %2 duplicate(s), %3 failed")
            .replace("%1", str(report.count("imported")))
            .replace("%2", str(report.count("duplicate")))
            .replace("%3", str(report.count("failed"))),
            8000,
        )

    def import_files(self) -> None:
        self.import_paths(FileDialogs.import_files(self))

    def import_folder(self) -> None:
        folder = FileDialogs.import_folder(self)
        if folder is not None:
            self.import_paths([folder])

    def export_excel(self) -> None:
        project = self.hub.project
        if project is None:
            return
        target = FileDialogs.export_excel(self, str(project.path.with_suffix(".xlsx")))
        if target is None:
            return
        try:
            export_with_progress(self, self.hub, target)
        except AnnotatorError as exc:
            Messages.error(self, self.tr("Export failed"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(target)), 8000)

    def import_codebook(self) -> None:
        path = FileDialogs.open_codebook(self)
        if path is None or self.hub.project is None:
            return
        # One undoable step: undo takes out the codes it added and the keywords it united.
        command = ImportCodebook(self.hub, path, self)
        error = push_guarded(self.hub.undo_stack, command)
        if error is not None:
            Messages.error(self, self.tr("Cannot import codebook"), str(error))
            return
        added, updated = command.result
        self.statusBar().showMessage(
            self.tr("%n code(s) added", "", added) + self.tr(", ")
            + self.tr("%n updated", "", updated), 8000)

    def export_codebook(self) -> None:
        project = self.hub.project
        if project is None:
            return
        target = FileDialogs.save_codebook(self, str(project.path.with_suffix(".yaml")))
        if target is None:
            return
        try:
            project.export_codebook(target)
        except AnnotatorError as exc:
            Messages.error(self, self.tr("Cannot export codebook"), str(exc))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.hub.project is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- preferences and window state ---------------------------------------------------------
    def edit_preferences(self) -> None:
        current = PreferenceValues(
            self.settings.language,
            self.hub.project.coder.name if self.hub.project else self.settings.coder,
        )
        values = PreferencesDialog.ask(current, self)
        if values is None:
            return
        if values.language != self.settings.language:
            self.settings.language = values.language
            install_translators(QApplication.instance(), values.language)
        if values.coder and values.coder != current.coder:
            self.settings.coder = values.coder
            if self.hub.project is not None:
                self.hub.set_coder(values.coder)

    def about(self) -> None:
        from annotator import __version__

        Messages.info(
            self,
            "annotator",
            f"annotator {__version__}\n"
            + self.tr("Code Chinese policy articles against a codebook."),
        )

    def _restore_window_state(self) -> None:
        window_size.place(self, self.settings)  # per screen; a first size that fits it
        # Without saved widths the side panes get a share of the width the window shows at.
        self._fresh_panes = self.settings.geometry("top_splitter") is None
        for key, restore in (
            ("state", self.restoreState),
            ("top_splitter", self.top_splitter.restoreState),
            ("main_splitter", self.main_splitter.restoreState),
        ):
            value = self.settings.geometry(key)
            if value is not None:
                restore(value)

    def showEvent(self, event: QShowEvent) -> None:
        if self._fresh_panes:
            self._fresh_panes = False
            self.top_splitter.setSizes(window_size.pane_widths(self.width()))
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_size.remember(self, self.settings)
        self.settings.set_geometry("state", self.saveState())
        self.settings.set_geometry("top_splitter", self.top_splitter.saveState())
        self.settings.set_geometry("main_splitter", self.main_splitter.saveState())
        self.settings.sync()
        self.hub.close()
        super().closeEvent(event)


class AfterPaint(QObject):
    """Work queued until ``widget`` next paints, then run in the following turn of the event
    loop; at the latest after :attr:`LATEST_MS` (a hidden window never paints)."""

    LATEST_MS = 1500

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._queue: list[Callable[[], object]] = []
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._run)
        self._latest = QTimer(self)
        self._latest.setSingleShot(True)
        self._latest.setInterval(self.LATEST_MS)
        self._latest.timeout.connect(self._run)

    def add(self, work: Callable[[], object]) -> None:
        if not self._queue:
            self._widget.installEventFilter(self)
            self._latest.start()
        self._queue.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self._soon.start()
        return False

    def _run(self) -> None:
        self._widget.removeEventFilter(self)
        self._soon.stop()
        self._latest.stop()
        queue, self._queue = self._queue, []
        for work in queue:
            work()
