"""What an exchange import made of a file, or what an export's receivers are known to
change: counts, then every warning grouped by kind.

The core writes one English line per warning; the headings that group them are translated
here, most consequential first (texts that are missing before colours that changed), and so
are the lines of the export's warnings about other tools (:func:`warning_line`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.exchange import (
    CodebookImportReport,
    ExchangeWarning,
    ExportSummary,
    ProjectImportReport,
    WarningKind,
)

# The export's warnings about QualCoder (annotator.exchange.refi_export.peer_warnings).
_CODE = re.compile(r'code "(.*)"\Z', re.S)
_CODE_NAME = re.compile(r'code name "(.*)"\Z', re.S)
_COARSE_PARENT = re.compile(r"has sub-codes and (\d+) passage\(s\) of its own; QualCoder 3\.8 "
                            r"imports it as a category")
_SAME_NAME = re.compile(r"used by (\d+) codes at different places in the tree; QualCoder "
                        r"makes only the first")


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("ExchangeReport", text, disambiguation, n)


def kind_headings() -> dict[WarningKind, str]:
    """Heading per kind of warning, in the order they are listed."""
    return {
        WarningKind.MISSING_SOURCE: tr("Source texts not found (those documents are missing)"),
        WarningKind.SELECTION: tr("Codings left out (outside their text, empty or without "
                                  "a code)"),
        WarningKind.REFERENCE: tr("References to unknown codes, users or notes"),
        WarningKind.UNSUPPORTED: tr("Not supported here (pictures, audio, video, PDF regions, "
                                    "sets…)"),
        WarningKind.NOTE: tr("Notes with no place in annotator"),
        WarningKind.CODEBOOK: tr("Codebook values left out"),
        WarningKind.DUPLICATE: tr("Duplicates merged"),
        WarningKind.COLOUR: tr("Colours changed"),
        WarningKind.POSITIONS: tr("Positions converted"),
        WarningKind.SCHEMA_QUIRK: tr("Markup outside the REFI-QDA schema, accepted as it is"),
        WarningKind.SOURCE_PATH: tr("Source texts found another way than the standard says"),
        WarningKind.PEER: tr("What the receiving tool is known to change (the file itself is "
                             "complete)"),
    }


def warning_line(w: ExchangeWarning) -> str:
    """One warning as the user reads it: the export's known warnings about other tools in
    the window's language, any other as the core wrote it."""
    if w.kind == WarningKind.PEER:
        code, name = _CODE.match(w.item), _CODE_NAME.match(w.item)
        parent, same = _COARSE_PARENT.match(w.message), _SAME_NAME.match(w.message)
        if code and parent:
            return tr("Code “%1” has sub-codes and %n passage(s) of its own: QualCoder 3.8 "
                      "imports it as a category holding the sub-codes, plus a plain code of "
                      "the same name that gets these passages.", "",
                      int(parent.group(1))).replace("%1", code.group(1))
        if name and same:
            return tr("The code name “%1” is used by %2 codes at different places in the "
                      "tree: QualCoder makes only the first and imports the passages of the "
                      "others without a code (rename them to keep them apart).").replace(
                "%1", name.group(1)).replace("%2", same.group(1))
    return str(w)


def warnings_text(warnings: Sequence[ExchangeWarning]) -> str:
    """The warnings as plain text, one block per kind under a heading with its count."""
    headings = kind_headings()
    order = {kind: i for i, kind in enumerate(headings)}
    groups: dict[str, list[str]] = {}
    for w in sorted(warnings, key=lambda w: order.get(w.kind, len(order))):
        groups.setdefault(headings.get(w.kind, tr("Other")), []).append(
            f"  • {warning_line(w)}")
    return "\n\n".join(f"{heading} ({len(lines)})\n" + "\n".join(lines)
                        for heading, lines in groups.items())


def project_summary(report: ProjectImportReport) -> str:
    origin = report.origin or tr("an unnamed QDA tool")
    return (
        tr("Created the new project %1 from %2 (made with %3).")
        .replace("%1", report.target.name).replace("%2", report.source.name)
        .replace("%3", origin)
        + "\n"
        + tr(", ").join((
            tr("%n document(s)", "", report.documents),
            tr("%n code(s)", "", report.codes),
            tr("%n coder(s)", "", report.coders),
            tr("%n passage(s)", "", report.passages)
            + " " + tr("(%n with memos)", "", report.memos),
            tr("%n attribute value(s).", "", report.attribute_values)))
    )


def codebook_summary(report: CodebookImportReport) -> str:
    return (
        tr("Codebook %1 merged into the open project.").replace("%1", report.source.name)
        + "\n"
        + tr(", ").join((tr("%n code(s) added", "", report.added),
                     tr("%n updated", "", report.updated),
                     tr("%n unchanged.", "", report.unchanged)))
    )


def export_summary(summary: ExportSummary, target: Path) -> str:
    return (
        tr("Exported the project to %1.").replace("%1", target.name) + "\n"
        + tr(", ").join((
            tr("%n document(s)", "", summary.documents),
            tr("%n code(s)", "", summary.codes),
            tr("%n coder(s)", "", summary.coders),
            tr("%n passage(s)", "", summary.passages),
            tr("%n memo(s).", "", summary.memos)))
    )


class ExchangeReportDialog(QDialog):
    """Summary above, warnings below in a read-only text box (selectable, copyable)."""

    def __init__(self, summary: str, warnings: Sequence[ExchangeWarning],
                 parent: QWidget | None = None, *, export: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export report") if export else self.tr("Import report"))
        self.resize(720, 420)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        if warnings and export:
            heading = self.tr("%n warning(s): what another tool is known to change or drop "
                              "when it imports this file. The file holds everything.", "",
                              len(warnings))
        elif warnings:
            heading = self.tr("%1 warning(s): what was changed or left out on the way in. "
                              "The original file was not changed.").replace(
                "%1", str(len(warnings)))
        else:
            heading = self.tr("No warnings: everything in the file was taken over.")
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.details = QPlainTextEdit(warnings_text(warnings))
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setVisible(bool(warnings))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        if not warnings:
            self.setMinimumWidth(480)
            self.adjustSize()  # two lines and a button: no empty box below

    @classmethod
    def for_project(cls, report: ProjectImportReport,
                    parent: QWidget | None = None) -> ExchangeReportDialog:
        return cls(project_summary(report), report.warnings.items, parent)

    @classmethod
    def for_export(cls, summary: ExportSummary, target: Path,
                   parent: QWidget | None = None) -> ExchangeReportDialog:
        return cls(export_summary(summary, target), summary.warnings, parent, export=True)

    @classmethod
    def for_codebook(cls, report: CodebookImportReport,
                     parent: QWidget | None = None) -> ExchangeReportDialog:
        return cls(codebook_summary(report), report.warnings.items, parent)
