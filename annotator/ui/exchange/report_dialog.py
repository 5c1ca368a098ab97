"""What an exchange import made of a file: counts, then every warning grouped by kind.

The core writes one English line per warning; the headings that group them are translated
here, most consequential first (texts that are missing before colours that changed).
"""

from __future__ import annotations

from collections.abc import Sequence

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
    ProjectImportReport,
    WarningKind,
)


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
    }


def warnings_text(warnings: Sequence[ExchangeWarning]) -> str:
    """The warnings as plain text, one block per kind under a heading with its count."""
    headings = kind_headings()
    order = {kind: i for i, kind in enumerate(headings)}
    groups: dict[str, list[str]] = {}
    for w in sorted(warnings, key=lambda w: order.get(w.kind, len(order))):
        groups.setdefault(headings.get(w.kind, tr("Other")), []).append(f"  • {w}")
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


class ExchangeReportDialog(QDialog):
    """Summary above, warnings below in a read-only text box (selectable, copyable)."""

    def __init__(self, summary: str, warnings: Sequence[ExchangeWarning],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        self.resize(720, 420)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        if warnings:
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
    def for_codebook(cls, report: CodebookImportReport,
                     parent: QWidget | None = None) -> ExchangeReportDialog:
        return cls(codebook_summary(report), report.warnings.items, parent)
