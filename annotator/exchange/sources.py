"""Find the text of a REFI source: inline ``PlainTextContent`` or a ``plainTextPath`` with
``internal://`` (in the archive's ``sources/``), ``relative://`` (beside the project, or
under its ``basePath``) or ``absolute://``. A path with no scheme at all (qualitative-coding
writes ``plainTextPath="NAME.txt"`` for ``sources/NAME.txt``) is read as ``internal://``,
with a remark for the report. A source whose plain text is empty but which has a
``richTextPath`` .docx in the archive (NVivo) is read from the .docx.

Files outside the archive are read only when they are regular ``.txt`` files within the
size limit: an imported project names them, and it should not be able to pull any file of
the user's disk into a project.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from annotator.errors import ReadError
from annotator.exchange.qdpx import Limits, QdpxArchive, unsafe_name
from annotator.importing.encoding import NotTextError, decode_bytes


class MissingText(Exception):
    """The text of a source or note cannot be found or read; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TextLoader:
    """Loads source texts for one import. ``archive`` is None for a bare .qde file."""

    def __init__(
        self, archive: QdpxArchive | None, project_file: Path, base_path: str, limits: Limits
    ) -> None:
        self.archive = archive
        self.project_file = Path(project_file)
        self.folder = Path(project_file).resolve().parent
        self.base_path = base_path
        self.limits = limits

    def text(self, content: str | None, path: str | None,
             remarks: list[str] | None = None) -> str:
        """The raw text (decoded, not normalised). Raises ``MissingText``. A path read
        another way than the spec says adds a sentence to ``remarks``."""
        if content is not None and not path:
            return content
        if not path:
            raise MissingText("neither PlainTextContent nor plainTextPath is given")
        scheme, sep, rest = path.partition("://")
        scheme = scheme.lower() if sep else ""
        if not sep:
            data = self._internal(path)  # raises for a path that leaves the archive
            if remarks is not None:
                remarks.append(f"plainTextPath {path!r} has no scheme (internal://); read "
                               "from the archive's sources/ folder")
            return self._decode(data, path)
        if scheme == "internal":
            return self._decode(self._internal(rest), path)
        if scheme == "relative":
            return self._decode(self._relative(rest), path)
        if scheme == "absolute":
            return self._decode(self._file(_absolute(rest), path), path)
        raise MissingText(f"plainTextPath {path!r} uses no known scheme (internal://, "
                          "relative://, absolute://)")

    def rich_text(self, path: str) -> str:
        """The text of a ``richTextPath`` .docx in the archive (or in ``sources/`` beside a
        bare .qde), one line per paragraph, not normalised. Raises ``MissingText``."""
        scheme, sep, rest = path.partition("://")
        if sep and scheme.lower() != "internal":
            raise MissingText(f"richTextPath {path!r}: only .docx files inside the project "
                              "are read")
        name = rest if sep else path
        if not name.lower().endswith(".docx"):
            raise MissingText(f"richTextPath {path!r} is not a .docx file")
        data = self._internal(name, ".docx")
        from annotator.importing.docx_file import docx_lines

        try:
            return docx_lines(Path(name), data)
        except ReadError as exc:
            raise MissingText(f"richTextPath {path!r}: {exc.reason}") from exc

    def _internal(self, name: str, suffix: str = ".txt") -> bytes:
        """An ``internal://`` file: in the archive, or for a bare .qde in the sources folder
        beside it (only files ending in ``suffix`` there)."""
        name = name.lstrip("/")
        for candidate in dict.fromkeys((name, unquote(name))):
            if unsafe_name(candidate):
                raise MissingText(f"internal path {name!r} leaves the sources folder")
            if self.archive is not None:
                entry = self.archive.find_source(candidate)
                if entry is not None:
                    return self.archive.read(entry)
                continue
            for folder in ("sources", "Sources", ""):
                file = self.folder / folder / candidate
                if file.is_file():
                    return self._file(file, name, suffix)
        if self.archive is not None:
            raise MissingText(f"sources/{name} is not in the archive")
        raise MissingText(f"sources/{name} not found beside the .qde file (in {self.folder})")

    def _relative(self, rest: str) -> bytes:
        rel = rest.lstrip("/")
        for candidate in dict.fromkeys((rel, unquote(rel))):
            if self.archive is not None and not unsafe_name(candidate):
                entry = self.archive.find(candidate)
                if entry is not None:
                    return self.archive.read(entry)
            roots = [Path(self.base_path)] if self.base_path else []
            for root in (*roots, self.folder):
                file = root / candidate
                if file.is_file():
                    return self._file(file, rest)
        raise MissingText(f"relative file {rel} not found beside the project or its basePath")

    def _file(self, file: Path, shown: str, suffix: str = ".txt") -> bytes:
        if not file.is_file():
            raise MissingText(f"file {file} not found")
        if file.suffix.lower() != suffix:
            raise MissingText(f"{shown}: only {suffix} files are read from outside the archive")
        size = file.stat().st_size
        if size > self.limits.max_entry_bytes:
            raise MissingText(f"{file} is larger than {self.limits.max_entry_bytes} bytes")
        try:
            return file.read_bytes()
        except OSError as exc:
            raise MissingText(f"cannot read {file}: {exc.strerror or exc}") from exc

    def _decode(self, data: bytes, shown: str) -> str:
        # The spec says UTF-8; BOMs, UTF-16 and GB18030 files from other tools are decoded too.
        try:
            return decode_bytes(data)
        except NotTextError as exc:
            raise MissingText(f"{shown} is not text ({exc})") from exc


def _absolute(rest: str) -> Path:
    text = unquote(rest)
    # absolute:///C:/data/a.txt and absolute://C:/… on Windows; absolute:///home/… elsewhere.
    if len(text) > 2 and text[0] == "/" and text[2] == ":":
        text = text[1:]
    elif not text.startswith("/") and not (len(text) > 1 and text[1] == ":"):
        text = "/" + text
    return Path(text)
