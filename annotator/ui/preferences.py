"""Preferences: interface language and the coder name new passages carry."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


@dataclass
class PreferenceValues:
    language: str
    coder: str


class PreferencesDialog(QDialog):
    def __init__(self, values: PreferenceValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        for code, label in (
            ("system", self.tr("Follow the system")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        self.coder = QLineEdit(values.coder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Coder name"), self.coder)
        form.addRow(buttons)

    def values(self) -> PreferenceValues:
        return PreferenceValues(str(self.language.currentData()), self.coder.text().strip())

    @classmethod
    def ask(
        cls, values: PreferenceValues, parent: QWidget | None = None
    ) -> PreferenceValues | None:
        dialog = cls(values, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
