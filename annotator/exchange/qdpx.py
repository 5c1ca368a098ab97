"""Reading .qdpx archives (zip: ``project.qde`` + ``sources/``) without trusting them.

Every entry name is checked before anything is read: absolute paths, drive letters and
``..`` (zip-slip) refuse the whole archive, which no honest exporter writes. Sizes are
checked twice: the sizes the archive declares must fit the limits, and the bytes actually
read are counted, so an entry that lies about its size cannot expand past them either.
Nothing is extracted to disk.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from annotator.exchange.results import ExchangeFormatError, UnsafeArchiveError
from annotator.limits import (
    MAX_CODE_DEPTH,
    MAX_CODES,
    Budget,
    CountingReader,
    check_archive,
    open_entry,
    unsafe_name,
)

__all__ = ["DEFAULT_LIMITS", "Limits", "QdpxArchive", "unsafe_name"]


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
    max_code_depth: int = MAX_CODE_DEPTH
    max_codes: int = MAX_CODES


DEFAULT_LIMITS = Limits()


def _Budget(limits: Limits, what: str) -> Budget:  # noqa: N802 - the name tests know
    return Budget(limits.max_total_bytes, what, UnsafeArchiveError)


_CountingReader = CountingReader


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
        check_archive(self._zip, self.limits, what, UnsafeArchiveError)

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
            return open_entry(self._zip, info, self._budget)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
            raise ExchangeFormatError(f"{self.path}: cannot read {entry}: {exc}") from exc

    def read(self, entry: str) -> bytes:
        try:
            with self.open(entry) as stream:
                return stream.read()
        except zipfile.BadZipFile as exc:
            raise ExchangeFormatError(f"{self.path}: {entry} is damaged: {exc}") from exc
