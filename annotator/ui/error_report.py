"""The dialog an unexpected error opens: what happened, that the work is kept, where the log is.

:func:`annotator.logs.install_excepthook` logs the traceback first and then calls
:meth:`ErrorReporter.report`, from whatever thread raised; a queued signal brings it to the
GUI thread. The box is non-blocking and the event loop carries on: each user action has
already committed or rolled back its own transaction by the time the exception reaches the
hook, so the project holds every finished action and the window stays usable.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorReporter(QObject):
    reported = Signal(str, str, str)  # summary, traceback, log path ("" when none)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = None
        self._box: QMessageBox | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, summary: str, text: str, log: Path | None) -> None:
        """Thread-safe: may be called from a worker's exception hook."""
        self.reported.emit(summary, text, str(log) if log else "")

    def message(self, summary: str, log: str) -> str:
        lines = [
            self.tr("Something went wrong: %1").replace("%1", summary),
            self.tr("Your work is kept: every finished action is already saved in the "
                    "project file. You can go on working, or save a copy and restart."),
        ]
        if log:
            lines.append(self.tr("The details are in the log file:\n%1").replace("%1", log))
        return "\n\n".join(lines)

    @Slot(str, str, str)
    def _show(self, summary: str, text: str, log: str) -> None:
        if self._box is not None and self._box.isVisible():
            return  # one box at a time: a repeating error is in the log, not in a pile of boxes
        self.show_box(self.tr("Unexpected error"), self.message(summary, log), text)

    def report_startup_failure(self, exc: BaseException, text: str, log: Path | None) -> None:
        """The window could not be built: say so and wait for OK, since the program ends."""
        from annotator.logs import summary

        message = self.message(summary(exc), str(log) if log else "")
        self.show_box(self.tr("annotator could not start"), message, text, modal=True)

    def show_box(self, title: str, message: str, details: str, *, modal: bool = False) -> None:
        """Opens the box (``modal``: and waits for it); tests replace this."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if modal:
            box.exec()
            return
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_box)
        self._box = box
        box.open()

    @Slot()
    def _forget_box(self) -> None:
        self._box = None
