"""The Chinese text tools in the window: their actions, menus, the search tab and dialogs.

Menus: Edit → Snap selection to words; Code → Code whole unit…, Auto-code…, Review
proposals…; Words → Search, Word frequencies and keywords…, Word lists…. jieba is warmed up in
a worker whenever a project opens or its terms may have changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from annotator.errors import AnnotatorError
from annotator.records import Changes
from annotator.ui.actions import (
    ActionId,
    Feature,
    MenuId,
    add_menu,
    create_actions,
    enable_for_project,
    place,
    retranslate_actions,
)
from annotator.ui.busy import wait_cursor
from annotator.ui.codebook.code_chooser import CodeChooser
from annotator.ui.messages import Messages
from annotator.ui.search.bottom_tabs import BottomTabs
from annotator.ui.search.search_panel import SearchPanel
from annotator.ui.words.warmup import warm_up_in_background
from annotator.words.terms import project_terms

# The dialogs (and auto-coding) are imported when first opened: word lists and word
# frequencies pull in the export and analysis modules, which would delay the window's start.
if TYPE_CHECKING:
    from annotator.ui.autocoding.proposals_dialog import ProposalsDialog
    from annotator.ui.autocoding.suggest_dialog import SuggestDialog
    from annotator.ui.main_window import MainWindow
    from annotator.ui.words.wordfreq_dialog import WordFrequencyDialog
    from annotator.ui.words.wordlists_dialog import WordListsDialog

MESSAGE_MS = 8000


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("ChineseTools", text, disambiguation, n)


class ChineseTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.hub
        self._warmed: frozenset[str] | None = None
        self.proposals_dialog: ProposalsDialog | None = None
        self.suggest_dialog: SuggestDialog | None = None
        self.word_lists_dialog: WordListsDialog | None = None
        self.word_frequency_dialog: WordFrequencyDialog | None = None

        self.search_panel = SearchPanel(self.hub)
        # Search results sit beside the passages under the article, never beside the article.
        self.bottom_tabs = BottomTabs(window.main_splitter, window.passages)
        self.bottom_tabs.add_hidden_tab(self.search_panel)

        self.actions = self._make_actions()
        self._build_menus()
        self._connect()
        window.article.set_snap_to_words(window.settings.snap_to_words)
        window.installEventFilter(self)  # LanguageChange reaches widgets, not this object
        self.retranslate_ui()
        self._project_changed()

    # -- construction ------------------------------------------------------------------------
    def _make_actions(self) -> dict[ActionId, QAction]:
        actions = create_actions(self.window, Feature.WORDS)
        actions[ActionId.SNAP_TO_WORDS].setChecked(self.window.settings.snap_to_words)
        return actions

    def _build_menus(self) -> None:
        w = self.window
        self.words_menu = add_menu(w, MenuId.WORDS)
        place({MenuId.EDIT: w.edit_menu, MenuId.CODE: w.code_menu, MenuId.WORDS: self.words_menu},
              self.actions)

    def _connect(self) -> None:
        a, w = self.actions, self.window
        a[ActionId.SNAP_TO_WORDS].toggled.connect(self.set_snap_to_words)
        a[ActionId.CODE_UNIT].triggered.connect(lambda: self.code_unit_at_cursor())
        a[ActionId.AUTOCODE].triggered.connect(lambda: self.run_autocode())
        a[ActionId.CODE_SUGGEST].triggered.connect(lambda: self.suggest_from_coding())
        a[ActionId.REVIEW_PROPOSALS].triggered.connect(lambda: self.review_proposals())
        a[ActionId.SEARCH].triggered.connect(self.show_search)
        a[ActionId.WORD_FREQUENCIES].triggered.connect(lambda: self.word_frequencies())
        a[ActionId.WORD_LISTS].triggered.connect(lambda: self.word_lists())
        self.hub.projectChanged.connect(self._project_changed)
        self.hub.codebookChanged.connect(self._warm_up)  # code keywords are terms
        self.hub.wordListsChanged.connect(self._warm_up)
        w.codebook.currentCodeChanged.connect(self.search_panel.set_code)
        self.search_panel.jumpRequested.connect(w.jump_to)
        self.search_panel.message.connect(self._say)

    def retranslate_ui(self) -> None:
        retranslate_actions(self.actions)
        self.words_menu.setTitle(tr("&Words"))
        self.bottom_tabs.set_title(self.window.passages, tr("Passages"))
        self.bottom_tabs.set_title(self.search_panel, tr("Search"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    # -- actions -----------------------------------------------------------------------------
    def set_snap_to_words(self, on: bool) -> None:
        self.window.settings.snap_to_words = on
        self.window.article.set_snap_to_words(on)
        if self.actions[ActionId.SNAP_TO_WORDS].isChecked() != on:
            self.actions[ActionId.SNAP_TO_WORDS].setChecked(on)

    def code_unit_at_cursor(self) -> bool:
        """Code the paragraph unit under the article's cursor with a chosen code."""
        project, article = self.hub.project, self.window.article
        unit = article.cursor_unit()
        if project is None or unit is None:
            self._say(tr("Put the cursor in a paragraph of the article first"))
            return False
        code_id = CodeChooser.ask(
            self.window, project.codes(), self.window.codebook.current_code_id(),
            tr("Code unit %1 as:").replace("%1", unit.number))
        return code_id is not None and article.code_unit(code_id, unit)

    def show_search(self) -> None:
        self.bottom_tabs.show_tab(self.search_panel)
        self.search_panel.focus_query()

    def run_autocode(self) -> int | None:
        """Ask for the options, propose passages, then open the review. Returns the number
        of new proposals (None: cancelled)."""
        project = self.hub.project
        if project is None:
            return None
        from annotator.autocoding import autocode
        from annotator.ui.autocoding.autocode_dialog import AutocodeDialog

        options = AutocodeDialog.ask(self.window, project.codes(),
                                     self.window.codebook.current_code_id())
        if options is None:
            return None
        code_ids = None if options.code_id is None else project.subtree_ids(options.code_id)
        try:
            with wait_cursor():
                report = autocode(project, unit=options.unit, code_ids=code_ids,
                                  whole_word=options.whole_word)
        except AnnotatorError as exc:
            Messages.error(self.window, tr("Auto-coding failed"), str(exc))
            return None
        self.hub.notify(Changes(proposals=True))
        if not report.codes:
            self._say(tr("No code has keywords: add keywords to codes to auto-code"))
        else:
            self._say(tr("%1 from %n code(s)", "", len(report.codes))
                      .replace("%1", tr("%n new proposal(s)", "", report.proposed)))
        self.review_proposals(options.code_id)
        return report.proposed

    def suggest_from_coding(self) -> SuggestDialog:
        """The dialog that learns codes from the coding done (it runs when asked)."""
        if self.suggest_dialog is None:
            from annotator.ui.autocoding.suggest_dialog import SuggestDialog

            self.suggest_dialog = SuggestDialog(self.hub, self.window)
            self.suggest_dialog.jumpRequested.connect(self.window.jump_to)
            self.suggest_dialog.reviewRequested.connect(lambda: self.review_proposals())
        self.suggest_dialog.set_code(self.window.codebook.current_code_id())
        _show(self.suggest_dialog)
        return self.suggest_dialog

    def review_proposals(self, code_id: int | None = None) -> ProposalsDialog:
        if self.proposals_dialog is None:
            from annotator.ui.autocoding.proposals_dialog import ProposalsDialog

            self.proposals_dialog = ProposalsDialog(self.hub, self.window)
            self.proposals_dialog.jumpRequested.connect(self.window.jump_to)
        self.proposals_dialog.set_code(code_id)
        _show(self.proposals_dialog)
        return self.proposals_dialog

    def word_lists(self) -> WordListsDialog:
        if self.word_lists_dialog is None:
            from annotator.ui.words.wordlists_dialog import WordListsDialog

            self.word_lists_dialog = WordListsDialog(self.hub, self.window)
        _show(self.word_lists_dialog)
        return self.word_lists_dialog

    def word_frequencies(self) -> WordFrequencyDialog:
        first = self.word_frequency_dialog is None
        if self.word_frequency_dialog is None:
            from annotator.ui.words.wordfreq_dialog import WordFrequencyDialog

            self.word_frequency_dialog = WordFrequencyDialog(self.hub, self.window)
        _show(self.word_frequency_dialog)
        if first:
            self.word_frequency_dialog.count_if_small()
        return self.word_frequency_dialog

    # -- internals ---------------------------------------------------------------------------
    def _project_changed(self) -> None:
        enable_for_project(self.actions, self.hub.project is not None)
        self._warmed = None
        self._warm_up(after_paint=True)

    def _warm_up(self, *, after_paint: bool = False) -> None:
        project = self.hub.project
        if project is None:
            return
        terms = project_terms(project)
        if terms != self._warmed:  # segmenters are per term set: build the new one early
            self._warmed = terms
            if after_paint:  # a project just opened: loading jieba would delay its first paint
                self.window.after_first_paint(lambda: warm_up_in_background(terms))
            else:
                warm_up_in_background(terms)

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)


def _show(dialog: QWidget) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
