"""The panel under the tree: the current code's path, definition, keywords and shortcut."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from annotator.records import CodeInfo


class CodeDetails(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self._info: CodeInfo | None = None
        self.show_code(None)

    def show_code(self, info: CodeInfo | None) -> None:
        self._info = info
        if info is None:
            hint = escape(self.tr("Choose a code to see its definition."))
            self.setHtml(f"<p style='color:gray'>{hint}</p>")
            return
        parts = [f"<p><b>{escape(info.path_text)}</b></p>"]
        if info.definition:
            parts.append(f"<p>{escape(info.definition).replace(chr(10), '<br>')}</p>")
        if info.keywords:
            label = escape(self.tr("Keywords:"))
            parts.append(f"<p>{label} {escape('、'.join(info.keywords))}</p>")
        if info.shortcut:
            label = escape(self.tr("Shortcut key:"))
            parts.append(f"<p>{label} {escape(info.shortcut)}</p>")
        self.setHtml("".join(parts))

    def retranslate_ui(self) -> None:
        self.show_code(self._info)
