"""Edit the project's word lists: terms kept whole by the segmenter, and stopwords; review
suggested terms found in the project's documents (:mod:`.term_suggestions`).

Every change is one transaction and one undo step (:class:`EditWordList`); the lists refresh
from :class:`TextEvents`. The segmenter follows at once: it is looked up by the project's
current term set (:func:`annotator.words.terms.project_segmenter`), which the "Try" line
shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.chinese.segment import starter_terms
from annotator.errors import AnnotatorError
from annotator.importing.term_files import read_terms_file
from annotator.ui.bulk_commands import STOPWORDS, TERMS, EditWordList
from annotator.ui.codebook.guard import push_guarded
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.hub import ProjectHub
from annotator.ui.messages import Messages
from annotator.ui.window_size import fit_to_screen
from annotator.ui.words.term_suggestions import SuggestionsPage
from annotator.words.stopwords import default_stopwords, stopword_changes
from annotator.words.terms import (
    list_terms,
    project_segmenter,
    project_terms,
    switched_off_terms,
)

# Typed words are separated by line breaks, commas, 、 or semicolons (terms may hold spaces).
_SEPARATORS = re.compile(r"[\n\t,，、;；]+")


def split_words(text: str) -> list[str]:
    return [w.strip() for w in _SEPARATORS.split(text) if w.strip()]


def _list_view() -> tuple[QListView, QStringListModel]:
    model = QStringListModel()
    view = QListView()
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view, model


def _selected(view: QListView) -> list[str]:
    return [str(i.data()) for i in view.selectionModel().selectedRows()]


class WordListsDialog(QDialog):
    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        fit_to_screen(self, 720, 620)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._terms_tab(), "")
        self.tabs.addTab(self._stopwords_tab(), "")
        self.suggestions = SuggestionsPage(lambda: self.hub.project,
                                           lambda words: self._edit(TERMS, words, add=True))
        self.tabs.addTab(self.suggestions, "")
        self.try_label = QLabel()
        self.try_edit = QLineEdit()
        self.try_edit.textChanged.connect(lambda _t: self._show_words())
        self.try_result = QLabel()
        self.try_result.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        trial = QHBoxLayout()
        trial.addWidget(self.try_label)
        trial.addWidget(self.try_edit, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.try_result, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(trial)
        layout.addLayout(bottom)
        hub.wordListsChanged.connect(self.refresh)
        hub.codebookChanged.connect(self.refresh)  # code keywords are terms too
        hub.projectChanged.connect(self.refresh)
        self.retranslate_ui()
        self.refresh()

    def _terms_tab(self) -> QWidget:
        self.terms_intro = QLabel()
        self.terms_intro.setWordWrap(True)
        self.term_edit = QLineEdit()
        self.term_edit.returnPressed.connect(self.add_typed_terms)
        self.add_term_button = QPushButton()
        self.add_term_button.clicked.connect(self.add_typed_terms)
        self.remove_typed_term_button = QPushButton()
        self.remove_typed_term_button.clicked.connect(self.remove_typed_terms)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_terms)
        self.own_label, self.off_label = QLabel(), QLabel()
        self.own_view, self.own_model = _list_view()
        self.off_view, self.off_model = _list_view()
        self.remove_term_button = QPushButton()
        self.remove_term_button.clicked.connect(
            lambda: self._edit(TERMS, _selected(self.own_view), add=False))
        self.switch_on_button = QPushButton()
        self.switch_on_button.clicked.connect(
            lambda: self._edit(TERMS, _selected(self.off_view), add=True))
        row = QHBoxLayout()
        row.addWidget(self.term_edit, 1)
        for button in (self.add_term_button, self.remove_typed_term_button, self.import_button):
            row.addWidget(button)
        grid = QGridLayout()
        grid.addWidget(self.own_label, 0, 0)
        grid.addWidget(self.off_label, 0, 1)
        grid.addWidget(self.own_view, 1, 0)
        grid.addWidget(self.off_view, 1, 1)
        grid.addWidget(self.remove_term_button, 2, 0)
        grid.addWidget(self.switch_on_button, 2, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.terms_intro)
        layout.addLayout(row)
        layout.addLayout(grid, 1)
        return page

    def _stopwords_tab(self) -> QWidget:
        self.stop_intro = QLabel()
        self.stop_intro.setWordWrap(True)
        self.stop_edit = QLineEdit()
        self.stop_edit.returnPressed.connect(self.add_typed_stopwords)
        self.add_stop_button = QPushButton()
        self.add_stop_button.clicked.connect(self.add_typed_stopwords)
        self.count_typed_button = QPushButton()
        self.count_typed_button.clicked.connect(
            lambda: self._edit_typed(self.stop_edit, STOPWORDS, add=False))
        self.added_label, self.removed_label = QLabel(), QLabel()
        self.added_view, self.added_model = _list_view()
        self.removed_view, self.removed_model = _list_view()
        self.drop_added_button = QPushButton()
        self.drop_added_button.clicked.connect(
            lambda: self._edit(STOPWORDS, _selected(self.added_view), add=False))
        self.restore_removed_button = QPushButton()
        self.restore_removed_button.clicked.connect(
            lambda: self._edit(STOPWORDS, _selected(self.removed_view), add=True))
        row = QHBoxLayout()
        row.addWidget(self.stop_edit, 1)
        row.addWidget(self.add_stop_button)
        row.addWidget(self.count_typed_button)
        grid = QGridLayout()
        grid.addWidget(self.added_label, 0, 0)
        grid.addWidget(self.removed_label, 0, 1)
        grid.addWidget(self.added_view, 1, 0)
        grid.addWidget(self.removed_view, 1, 1)
        grid.addWidget(self.drop_added_button, 2, 0)
        grid.addWidget(self.restore_removed_button, 2, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.stop_intro)
        layout.addLayout(row)
        layout.addLayout(grid, 1)
        return page

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Word lists"))
        self.tabs.setTabText(0, self.tr("Terms"))
        self.tabs.setTabText(1, self.tr("Stopwords"))
        self.tabs.setTabText(2, self.tr("Suggested terms"))
        self.suggestions.retranslate_ui()
        self.term_edit.setPlaceholderText(self.tr("Terms, separated by 、 or commas"))
        self.add_term_button.setText(self.tr("Add"))
        self.remove_typed_term_button.setText(self.tr("Remove"))
        self.import_button.setText(self.tr("Import file…"))
        self.own_label.setText(self.tr("The project's terms"))
        self.off_label.setText(self.tr("Shipped terms switched off"))
        self.remove_term_button.setText(self.tr("Remove selected"))
        self.switch_on_button.setText(self.tr("Switch on again"))
        self.stop_edit.setPlaceholderText(self.tr("Words, separated by 、 or commas"))
        self.add_stop_button.setText(self.tr("Make stopwords"))
        self.count_typed_button.setText(self.tr("Count as words"))
        self.added_label.setText(self.tr("Stopwords added to the shipped list"))
        self.removed_label.setText(self.tr("Shipped stopwords counted as words"))
        self.drop_added_button.setText(self.tr("Count selected as words"))
        self.restore_removed_button.setText(self.tr("Make selected stopwords again"))
        self.try_label.setText(self.tr("Try the segmenter:"))
        self.try_edit.setPlaceholderText(self.tr("Type or paste a sentence"))
        self.close_button.setText(self.tr("Close"))
        self._update_intros()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- actions ---------------------------------------------------------------------------
    def add_typed_terms(self) -> None:
        self._edit_typed(self.term_edit, TERMS, add=True)

    def remove_typed_terms(self) -> None:
        self._edit_typed(self.term_edit, TERMS, add=False)

    def add_typed_stopwords(self) -> None:
        self._edit_typed(self.stop_edit, STOPWORDS, add=True)

    def import_terms(self) -> None:
        path = FileDialogs.open_terms(self)
        if path is None:
            return
        try:
            words = read_terms_file(path)
        except AnnotatorError as exc:
            Messages.error(self, self.tr("Cannot import terms"), str(exc))
            return
        self._edit(TERMS, words, add=True)

    def segmented(self, text: str) -> list[str]:
        """How the project's segmenter splits ``text`` now (the "Try" line)."""
        project = self.hub.project
        return project_segmenter(project).words(text) if project is not None else []

    # -- internals -------------------------------------------------------------------------
    def _edit_typed(self, edit: QLineEdit, word_list: str, *, add: bool) -> None:
        words = split_words(edit.text())
        if words:
            self._edit(word_list, words, add=add)
            edit.clear()

    def _edit(self, word_list: str, words: list[str], *, add: bool) -> None:
        if words and self.hub.project is not None:
            error = push_guarded(self.hub.undo_stack,
                                 EditWordList(self.hub, word_list, words, add=add))
            if error is not None:
                Messages.error(self, self.tr("Word lists"), str(error))

    def refresh(self) -> None:
        project = self.hub.project
        fill: list[tuple[QStringListModel, Callable[[], list[str]]]] = []
        if project is not None:
            added, removed = stopword_changes(project)
            fill = [
                (self.own_model, lambda: list_terms(project)),
                (self.off_model, lambda: switched_off_terms(project)),
                (self.added_model, lambda: added),
                (self.removed_model, lambda: removed),
            ]
        for model in (self.own_model, self.off_model, self.added_model, self.removed_model):
            model.setStringList([])
        for model, words in fill:
            model.setStringList(words())
        self.suggestions.refresh()
        self._update_intros()
        self._show_words()

    def _update_intros(self) -> None:
        project = self.hub.project
        keywords = 0
        if project is not None:
            own = set(list_terms(project))
            keywords = len(project_terms(project) - starter_terms() - own)
        self.terms_intro.setText(self.tr(
            "Terms stay whole words in search, selection snapping and word counts. Besides "
            "the project's own terms, %1 shipped science-and-technology policy terms and %2 "
            "further code keywords are kept whole.")
            .replace("%1", str(len(starter_terms()))).replace("%2", str(keywords)))
        self.stop_intro.setText(self.tr(
            "Stopwords are left out of word frequencies and keywords. The shipped list has %1 "
            "words; the project's changes to it are listed here.")
            .replace("%1", str(len(default_stopwords()))))

    def _show_words(self) -> None:
        text = self.try_edit.text()
        self.try_result.setText(" | ".join(self.segmented(text)) if text.strip() else "")
