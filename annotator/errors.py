"""Typed errors raised by the core. Only the UI and the CLI turn them into words for people."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the core raises on purpose."""


class ProjectError(AnnotatorError):
    """A project file cannot be created or opened."""


class SchemaTooNewError(ProjectError):
    """The project was written by a newer annotator than this one."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path}: project schema version {found} is newer than this annotator supports "
            f"({supported}); update annotator to open it"
        )
        self.path, self.found, self.supported = path, found, supported


class ReadError(AnnotatorError):
    """A source file cannot be turned into document text. ``reason`` is one line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = Path(path), reason


class NotFoundError(AnnotatorError):
    """A document, code, coder or passage id does not exist (any more)."""


class CodeNameConflict(AnnotatorError):
    """Another code with the same name already exists under the same parent."""


class InvalidOperation(AnnotatorError):
    """The request makes no sense (a code moved under its own descendant, an empty span…)."""


class ConfirmationRequired(AnnotatorError):
    """Deleting would remove passages; call again with ``confirm=True``."""

    def __init__(self, message: str, passage_count: int) -> None:
        super().__init__(message)
        self.passage_count = passage_count


class CodebookFormatError(AnnotatorError):
    """A codebook file is malformed; the message names the file and the problem."""


class ExportError(AnnotatorError):
    """An export could not be written; the target file is left as it was."""
