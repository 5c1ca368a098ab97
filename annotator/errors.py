"""Typed errors raised by the core. Only the UI and the CLI turn them into words for people."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

E = TypeVar("E", bound="AnnotatorError")


class Phrase(str):
    """A field of an error's template that is words rather than a name or a number (a
    cause, a reason): the CLI says it in the user's language too."""


class AnnotatorError(Exception):
    """Base of every error the core raises on purpose.

    The message (``str(exc)``) is English, for logs and the Python API. ``template`` and
    ``fields``, when the raiser gave them, are that message as a ``str.format`` template and
    its values, so that the CLI and the window can say it in the user's language
    (``template.format(**fields) == str(exc)``)."""

    template: str | None = None
    fields: Mapping[str, object] = {}

    @classmethod
    def of(cls: type[E], template: str, /, **fields: object) -> E:
        """``cls(template.format(**fields))`` that keeps the template and the fields. Only
        for classes whose one argument is the message."""
        exc = cls(template.format(**fields))
        exc.template, exc.fields = template, fields
        return exc


class ProjectError(AnnotatorError):
    """A project file cannot be created or opened."""


class SchemaTooNewError(ProjectError):
    """The project was written by a newer annotator than this one."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.template = ("{path}: project schema version {found} is newer than this annotator "
                         "supports ({supported}); update annotator to open it")
        self.fields = {"path": path, "found": found, "supported": supported}
        super().__init__(self.template.format(**self.fields))
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


class ProjectStorageError(ProjectError):
    """The project file (or a file written for it) could not be read or written because of
    where it lives: the disk is full, the file, folder or disk is read-only, permission is
    denied, another program holds a lock, or the disk failed. ``cause`` is one of
    :data:`STORAGE_CAUSES`; ``path`` names the file. Nothing of the failed step was kept."""

    def __init__(self, path: Path | str, cause: str, detail: str = "") -> None:
        self.path, self.cause, self.detail = Path(path), cause, detail
        self.template = "{path}: {cause} ({detail})" if detail else "{path}: {cause}"
        self.fields = {"path": path, "cause": Phrase(STORAGE_CAUSES.get(cause, cause)),
                       "detail": Phrase(detail)}
        super().__init__(self.template.format(**self.fields))


#: What each ``ProjectStorageError.cause`` means, as the CLI prints it.
STORAGE_CAUSES: dict[str, str] = {
    "disk-full": "the disk is full; nothing of this step was saved (free some space and "
                 "try again)",
    "read-only": "the file, its folder or its disk is read-only; nothing can be saved there",
    "locked": "the project is locked by another program that is writing to it; try again "
              "when it has finished",
    "permission": "permission denied",
    "io": "the disk reported an input/output error",
    "damaged": "the file is damaged or not an annotator project",
    "cannot-open": "the file cannot be opened (missing folder, or no permission)",
}


class ReadOnlyProjectError(ProjectStorageError):
    """A change was asked of a project opened read-only; ``reason`` says why it is."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.reason = reason
        super().__init__(path, "read-only", reason)
        self.template = ("{path}: the project is open read-only ({reason}); "
                         "this change was not saved")
        self.fields = {"path": path, "reason": Phrase(reason)}
        self.args = (self.template.format(**self.fields),)

    def __str__(self) -> str:
        return str(self.args[0])
