"""The code editor (name, colour, definition, keywords, shortcut) and the colour chooser."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.records import CodeInfo
from annotator.ui.codebook.delegate import swatch_icon

# Researchers type keywords with whichever separator their input method gives them.
_KEYWORD_SPLIT = re.compile(r"[,，、;；]")


def parse_keywords(text: str) -> tuple[str, ...]:
    """Split on , ， 、 ; ； and drop blanks and repeats, keeping the order."""
    out: list[str] = []
    for part in _KEYWORD_SPLIT.split(text):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return tuple(out)


@dataclass(frozen=True)
class CodeDraft:
    """What the editor hands back; the pane turns it into AddCode or UpdateCode fields."""

    name: str
    colour: str
    definition: str = ""
    keywords: tuple[str, ...] = ()
    shortcut: str | None = None

    @classmethod
    def from_info(cls, info: CodeInfo) -> CodeDraft:
        return cls(info.name, info.colour, info.definition, info.keywords, info.shortcut)

    def fields(self) -> dict[str, Any]:
        """Keyword arguments for ``AddCode`` (the name apart)."""
        return {
            "colour": self.colour,
            "definition": self.definition,
            "keywords": list(self.keywords),
            "shortcut": self.shortcut,
        }

    def changes_from(self, info: CodeInfo) -> dict[str, Any]:
        """Only what differs from ``info``, as ``UpdateCode`` keyword arguments."""
        changes: dict[str, Any] = {}
        if self.name != info.name:
            changes["name"] = self.name
        if self.colour.upper() != info.colour.upper():
            changes["colour"] = self.colour
        if self.definition != info.definition:
            changes["definition"] = self.definition
        if tuple(self.keywords) != tuple(info.keywords):
            changes["keywords"] = list(self.keywords)
        if (self.shortcut or None) != (info.shortcut or None):
            changes["shortcut"] = self.shortcut
        return changes


class ColourChooser:
    @classmethod
    def ask(cls, parent: QWidget | None, colour: str) -> str | None:
        """A colour as "#RRGGBB", or None if the user cancelled."""
        chosen = QColorDialog.getColor(QColor(colour), parent)
        return chosen.name().upper() if chosen.isValid() else None


class CodeEditorDialog(QDialog):
    def __init__(
        self,
        draft: CodeDraft,
        taken_shortcuts: Mapping[str, str],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(460, 380)
        self._taken = dict(taken_shortcuts)  # key → name of the code that uses it
        self._colour = draft.colour
        self.name_edit = QLineEdit(draft.name)
        self.colour_button = QPushButton()
        self.colour_button.clicked.connect(self._choose_colour)
        self.definition_edit = QPlainTextEdit(draft.definition)
        self.keywords_edit = QLineEdit("、".join(draft.keywords))
        self.keywords_edit.setPlaceholderText(self.tr("Separate with , ， 、 or ;"))
        self.shortcut_edit = QLineEdit(draft.shortcut or "")
        self.shortcut_edit.setMaxLength(1)
        self.shortcut_edit.setMaximumWidth(60)
        self.shortcut_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[1-9a-zA-Z]?"), self)
        )
        self.shortcut_edit.setToolTip(self.tr("One key, 1–9 or a–z; empty for none"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B00020;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Definition"), self.definition_edit)
        form.addRow(self.tr("Keywords"), self.keywords_edit)
        form.addRow(self.tr("Shortcut"), self.shortcut_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setIcon(swatch_icon(self._colour))
        self.colour_button.setText(self._colour)

    def _choose_colour(self) -> None:
        chosen = ColourChooser.ask(self, self._colour)
        if chosen:
            self._colour = chosen
            self._show_colour()

    def set_colour(self, colour: str) -> None:
        self._colour = colour.upper()
        self._show_colour()

    def draft(self) -> CodeDraft:
        return CodeDraft(
            name=" ".join(self.name_edit.text().split()),
            colour=self._colour,
            definition=self.definition_edit.toPlainText().strip(),
            keywords=parse_keywords(self.keywords_edit.text()),
            shortcut=self.shortcut_edit.text().strip().lower() or None,
        )

    def problem(self) -> str | None:
        """Why the form cannot be accepted yet, in words; None if it can."""
        draft = self.draft()
        if not draft.name:
            return self.tr("A code needs a name.")
        if draft.shortcut and draft.shortcut in self._taken:
            return (
                self.tr("The shortcut “%1” is already used by the code “%2”.")
                .replace("%1", draft.shortcut)
                .replace("%2", self._taken[draft.shortcut])
            )
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:  # stay open and say why, rather than losing the typing
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        draft: CodeDraft,
        taken_shortcuts: Mapping[str, str],
        title: str,
    ) -> CodeDraft | None:
        dialog = cls(draft, taken_shortcuts, title, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.draft()
