"""Options for auto-coding by dictionary: which unit a keyword proposes, which codes run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.autocoding import PARAGRAPH, SENTENCE
from annotator.records import CodeInfo
from annotator.ui.codebook.code_chooser import CodeCombo


@dataclass(frozen=True)
class AutocodeOptions:
    unit: str  # "sentence" | "paragraph"
    code_id: int | None  # this code with its sub-codes; None: every code with keywords
    whole_word: bool = True  # keywords match whole segmented words only


class AutocodeDialog(QDialog):
    def __init__(self, codes: Sequence[CodeInfo], current: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Auto-code by keywords"))
        intro = QLabel(self.tr(
            "Each code's keywords propose the sentences or paragraphs that contain them, in "
            "every document, written in simplified or traditional characters. Nothing is "
            "coded until you accept a proposal."))
        intro.setWordWrap(True)
        with_keywords = sum(1 for c in codes if c.keywords)
        self.sentence = QRadioButton(self.tr("Sentence"))
        self.paragraph = QRadioButton(self.tr("Paragraph"))
        self.sentence.setChecked(True)
        units = QButtonGroup(self)
        units.addButton(self.sentence)
        units.addButton(self.paragraph)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.sentence)
        unit_row.addWidget(self.paragraph)
        unit_row.addStretch(1)
        self.all_codes = QRadioButton(
            self.tr("All codes with keywords (%1)").replace("%1", str(with_keywords)))
        self.one_code = QRadioButton(self.tr("This code and its sub-codes:"))
        scope = QButtonGroup(self)
        scope.addButton(self.all_codes)
        scope.addButton(self.one_code)
        self.code_combo = CodeCombo()
        self.code_combo.set_codes(codes)
        self.code_combo.set_code(current)
        self.code_combo.activated.connect(lambda _i: self.one_code.setChecked(True))
        (self.one_code if current is not None else self.all_codes).setChecked(True)
        code_row = QHBoxLayout()
        code_row.addWidget(self.one_code)
        code_row.addWidget(self.code_combo, 1)
        self.anywhere = QCheckBox(self.tr("Keywords also match inside longer words"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Propose"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("A keyword proposes its"), unit_row)
        form.addRow(self.tr("Codes"), self.all_codes)
        form.addRow("", code_row)
        form.addRow("", self.anywhere)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def options(self) -> AutocodeOptions:
        return AutocodeOptions(
            unit=PARAGRAPH if self.paragraph.isChecked() else SENTENCE,
            code_id=self.code_combo.code_id() if self.one_code.isChecked() else None,
            whole_word=not self.anywhere.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, codes: Sequence[CodeInfo],
            current: int | None) -> AutocodeOptions | None:
        dialog = cls(codes, current, parent)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
