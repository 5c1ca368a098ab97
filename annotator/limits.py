"""The documented limits on what annotator reads, and the checks that apply them.

Every file is checked against these before the work it would cost is done: a file's size
before it is read, a zip archive's declared sizes before anything is unpacked (and the bytes
actually unpacked are counted as they are read, so an entry that lies about its size is
stopped too), a codebook's depth and number of codes before a code is made. The limits are
far above real policy documents and codebooks (README, "Limits") and far below what a
hostile file needs to exhaust memory or time.

Callers pass ``refuse``, which makes their own error type from a one-line message (a
:class:`~annotator.errors.ReadError` for an article, an exchange format error for a .qdpx),
so each refusal names the file and the limit in the caller's terms.
"""

from __future__ import annotations

import errno
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

MiB = 1024 * 1024

#: A .txt or .html file larger than this is refused before it is read. A long statute is
#: under 1 MB; a whole yearbook saved as one page is a few MB.
MAX_TEXT_FILE_BYTES = 16 * MiB
#: A .docx or .pdf file larger than this is refused before it is read (pictures make them
#: large; their text is limited by MAX_DOCUMENT_CHARS).
MAX_BINARY_FILE_BYTES = 256 * MiB
#: Characters of text one document may have once read (about 1,000 printed pages; a long
#: statute has 50,000). Import needs about 300 MB of memory per million characters (the
#: search index's words), so this also bounds an import's memory.
MAX_DOCUMENT_CHARS = 2_000_000
#: Characters of one attribute's value read from a file (its metadata or a labelled line);
#: a longer value is left out with a warning.
MAX_ATTRIBUTE_CHARS = 1_000
#: Characters of an attribute's name.
MAX_ATTRIBUTE_NAME_CHARS = 100
#: Attributes read from one file; the rest are left out with a warning.
MAX_ATTRIBUTES = 100
#: Levels of a code tree read from a codebook file (a top-level code is level 1).
MAX_CODE_DEPTH = 100
#: Codes in one codebook file.
MAX_CODES = 200_000
#: A codebook file (.yaml) larger than this is refused before it is read.
MAX_CODEBOOK_FILE_BYTES = 64 * MiB

_CHUNK = 1 << 20


class ArchiveLimitsLike(Protocol):
    max_total_bytes: int
    max_entry_bytes: int
    max_entries: int


@dataclass(frozen=True)
class ArchiveLimits:
    """How far a zip archive may expand: in all, per entry, and how many entries."""

    max_total_bytes: int
    max_entry_bytes: int
    max_entries: int


#: Word documents: the text lives in a few XML parts; pictures are not unpacked.
DOCX_LIMITS = ArchiveLimits(max_total_bytes=512 * MiB, max_entry_bytes=256 * MiB,
                            max_entries=10_000)
#: Codebook workbooks (.xlsx): a 200,000-code sheet is about 60 MB unpacked.
XLSX_LIMITS = ArchiveLimits(max_total_bytes=512 * MiB, max_entry_bytes=256 * MiB,
                            max_entries=10_000)

Refuse = Callable[[str], Exception]


def check_file_size(path: Path, limit: int, refuse: Refuse, what: str = "file") -> int:
    """The size of ``path``; raises ``refuse(...)`` naming the limit when it is larger."""
    size = Path(path).stat().st_size
    if size > limit:
        raise refuse(f"{what} is {_size(size)}, more than the limit of {_size(limit)}; refused")
    return size


def unsafe_name(name: str) -> str | None:
    """Why a zip entry name could write or read outside the archive's folder, or None."""
    if "\x00" in name:
        return "contains a NUL character"
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return "is an absolute path"
    if ".." in PurePosixPath(posix).parts:
        return "climbs out of the archive with '..'"
    return None


def check_archive(zf: zipfile.ZipFile, limits: ArchiveLimitsLike, what: str,
                  refuse: Refuse) -> None:
    """Refuse an archive whose directory is hostile: too many entries, an entry name that
    climbs out, an entry or the whole declaring more than the limits. Reads nothing."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise refuse(f"{what}: {len(infos)} entries is more than the limit of "
                     f"{limits.max_entries}; refused")
    total = 0
    for info in infos:
        problem = unsafe_name(info.filename)
        if problem:
            raise refuse(f"{what}: entry {info.filename!r} {problem}; refused")
        if info.file_size > limits.max_entry_bytes:
            raise refuse(
                f"{what}: entry {info.filename!r} declares {info.file_size} bytes, "
                f"more than the limit of {limits.max_entry_bytes}; refused"
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise refuse(f"{what}: expands to {total} bytes, more than the limit of "
                     f"{limits.max_total_bytes}; refused")


class Budget:
    """The bytes an archive may still expand to, spent as entries are read."""

    def __init__(self, limit: int, what: str, refuse: Refuse) -> None:
        self.limit = self.left = limit
        self.what, self.refuse = what, refuse

    def spend(self, n: int, entry: str) -> None:
        self.left -= n
        if self.left < 0:
            raise self.refuse(f"{self.what}: expands past the limit of {self.limit} bytes "
                              f"(at {entry}); refused")


class CountingReader(io.RawIOBase):
    """A zip entry read through in bounded pieces, refusing bytes beyond its declared size
    or the budget. (zipfile's own ``read()`` of a whole entry inflates all of it at once
    before cutting it to the declared size: a lying entry costs its real size in memory.)"""

    def __init__(self, raw: BinaryIO, info: zipfile.ZipInfo, budget: Budget) -> None:
        self._raw, self._info, self._budget = raw, info, budget
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(min(len(buffer), _CHUNK))
        except (zlib.error, EOFError) as exc:  # zipfile lets these through as they are
            raise zipfile.BadZipFile(f"{self._info.filename} is damaged ({exc})") from exc
        n = len(data)
        self._count += n
        if self._count > self._info.file_size:
            raise self._budget.refuse(
                f"{self._budget.what}: {self._info.filename} holds more than the "
                f"{self._info.file_size} bytes it declares; refused"
            )
        self._budget.spend(n, self._info.filename)
        buffer[:n] = data
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> BinaryIO:
    """A buffered stream of one entry, counted against ``budget``; a damaged archive
    (offsets past the file, a broken header) raises ``zipfile.BadZipFile``."""
    try:
        raw = zf.open(info)
    except (ValueError, EOFError, zlib.error) as exc:
        raise zipfile.BadZipFile(f"{info.filename} cannot be read ({exc})") from exc
    except OSError as exc:
        if exc.errno != errno.EINVAL:  # a seek before the start: the offsets are damaged
            raise
        raise zipfile.BadZipFile(f"{info.filename} cannot be read ({exc})") from exc
    return io.BufferedReader(CountingReader(raw, info, budget), _CHUNK)


def read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    """One entry's bytes, read in bounded pieces and counted against ``budget``."""
    parts = []
    with open_entry(zf, info, budget) as stream:
        while chunk := stream.read(_CHUNK):
            parts.append(chunk)
    return b"".join(parts)


def checked_copy(source: Path | BinaryIO, limits: ArchiveLimitsLike, what: str,
                 refuse: Refuse, skip: Callable[[str], bool] = lambda _name: False,
                 ) -> io.BytesIO:
    """An in-memory copy of the zip ``source`` (stored, not compressed) for a library that
    unpacks archives itself (python-docx, openpyxl): the directory is checked first, then
    every entry is read through the counting reader, so the library only ever sees bytes
    within the limits. Entries for which ``skip(name)`` is true (pictures) are copied empty.
    Raises ``refuse(...)`` past a limit, ``zipfile.BadZipFile`` for a damaged archive."""
    with zipfile.ZipFile(source) as zf:
        check_archive(zf, limits, what, refuse)
        budget = Budget(limits.max_total_bytes, what, refuse)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for info in _files(zf.infolist()):
                data = b"" if skip(info.filename) else read_entry(zf, info, budget)
                copy.writestr(info.filename, data)
    out.seek(0)
    return out


def _files(infos: Iterable[zipfile.ZipInfo]) -> Iterable[zipfile.ZipInfo]:
    seen: set[str] = set()
    for info in infos:
        if not info.is_dir() and info.filename not in seen:
            seen.add(info.filename)
            yield info


def _size(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{n:,} bytes"
