"""Reading .qdpx archives (zip: ``project.qde`` + ``sources/``) without trusting them.

Every entry name is checked before anything is read: absolute paths, drive letters and
``..`` (zip-slip) refuse the whole archive, which no honest exporter writes. Sizes are
checked twice: the sizes the archive declares must fit the limits, and the bytes actually
read are counted, so an entry that lies about its size cannot expand past them either.
Nothing is extracted to disk.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from annotator.exchange.results import ExchangeFormatError, UnsafeArchiveError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much an imported file may expand to. Generous for real projects (a 2,000-article
    project with 200,000 passages is about 150 MB), far below what a bomb needs.

    Code trees: real codebooks are a few levels deep with at most a few thousand codes;
    ``max_code_depth`` levels (a code at the top is level 1; ATLAS.ti's ``A::B`` names count
    a level per part) and ``max_codes`` codes in one file are accepted, anything beyond is
    refused before any code is made."""

    max_total_bytes: int = 2 * 1024**3
    max_entry_bytes: int = 1024**3
    max_entries: int = 200_000
    max_code_depth: int = 100
    max_codes: int = 200_000


DEFAULT_LIMITS = Limits()


def unsafe_name(name: str) -> str | None:
    """Why an entry name could write or read outside the archive's folder, or None."""
    if "\x00" in name:
        return "contains a NUL character"
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return "is an absolute path"
    if ".." in PurePosixPath(posix).parts:
        return "climbs out of the archive with '..'"
    return None


class _Budget:
    def __init__(self, limits: Limits, what: str) -> None:
        self.limit = self.left = limits.max_total_bytes
        self.what = what

    def spend(self, n: int, entry: str) -> None:
        self.left -= n
        if self.left < 0:
            raise UnsafeArchiveError(
                f"{self.what}: expands past the limit of {self.limit} bytes "
                f"(at {entry}); refused"
            )


class _CountingReader(io.RawIOBase):
    """A zip entry read through, refusing bytes beyond its declared size or the budget."""

    def __init__(self, raw: BinaryIO, info: zipfile.ZipInfo, budget: _Budget) -> None:
        self._raw, self._info, self._budget = raw, info, budget
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        self._count += n
        if self._count > self._info.file_size:
            raise UnsafeArchiveError(
                f"{self._budget.what}: {self._info.filename} holds more than the "
                f"{self._info.file_size} bytes it declares; refused"
            )
        self._budget.spend(n, self._info.filename)
        buffer[:n] = data
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


class QdpxArchive:
    """An open .qdpx file. Use as a context manager."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.limits = limits
        what = str(self.path)
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise ExchangeFormatError(f"{what}: not a .qdpx (zip) file: {exc}") from exc
        try:
            self._check(what)
        except BaseException:
            self._zip.close()
            raise
        self._budget = _Budget(limits, what)
        self._by_lower = {i.filename.replace("\\", "/").lower(): i for i in self._zip.infolist()}

    def _check(self, what: str) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            raise UnsafeArchiveError(f"{what}: {len(infos)} entries is too many; refused")
        total = 0
        for info in infos:
            problem = unsafe_name(info.filename)
            if problem:
                raise UnsafeArchiveError(f"{what}: entry {info.filename!r} {problem}; refused")
            if info.file_size > self.limits.max_entry_bytes:
                raise UnsafeArchiveError(
                    f"{what}: entry {info.filename!r} declares {info.file_size} bytes, "
                    f"more than the limit of {self.limits.max_entry_bytes}; refused"
                )
            total += info.file_size
        if total > self.limits.max_total_bytes:
            raise UnsafeArchiveError(
                f"{what}: expands to {total} bytes, more than the limit of "
                f"{self.limits.max_total_bytes}; refused"
            )

    def __enter__(self) -> QdpxArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def project_entry(self) -> str:
        """The project XML: ``project.qde``, else the one ``<name>.qde`` (ATLAS.ti)."""
        names = [i.filename for i in self._zip.infolist() if not i.is_dir()]
        exact = [n for n in names if n.replace("\\", "/").lower() == "project.qde"]
        if exact:
            return exact[0]
        qde = [n for n in names if n.lower().endswith(".qde")]
        top = [n for n in qde if "/" not in n.replace("\\", "/")]
        if len(top or qde) == 1:
            return (top or qde)[0]
        if not qde:
            raise ExchangeFormatError(f"{self.path}: no project.qde in the archive")
        raise ExchangeFormatError(
            f"{self.path}: several .qde files and none named project.qde: {', '.join(qde)}"
        )

    def find(self, name: str) -> str | None:
        """The entry called ``name`` (any case, ``\\`` or ``/``), if there is one."""
        info = self._by_lower.get(name.replace("\\", "/").lstrip("/").lower())
        return info.filename if info is not None else None

    def find_source(self, name: str) -> str | None:
        """An ``internal://`` file: in ``sources/`` (spec), ``Sources/`` (NVivo) or the root."""
        for candidate in (f"sources/{name}", name):
            found = self.find(candidate)
            if found is not None:
                return found
        return None

    def open(self, entry: str) -> BinaryIO:
        """A stream of ``entry`` that counts what it reads against the limits."""
        info = self._zip.getinfo(entry)
        try:
            raw = self._zip.open(info)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
            raise ExchangeFormatError(f"{self.path}: cannot read {entry}: {exc}") from exc
        return io.BufferedReader(_CountingReader(raw, info, self._budget), _CHUNK)

    def read(self, entry: str) -> bytes:
        try:
            with self.open(entry) as stream:
                return stream.read()
        except zipfile.BadZipFile as exc:
            raise ExchangeFormatError(f"{self.path}: {entry} is damaged: {exc}") from exc
