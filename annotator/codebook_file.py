"""Codebook files: plain YAML a researcher can edit by hand and compare with ``diff``.

The format is described in ``codebooks/README.md``. This module only reads and writes files;
merging a codebook into a project lives in ``annotator.codebook_sync``.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from annotator.codebook_yaml import YamlProblem as _Problem
from annotator.codebook_yaml import build_tree as _build
from annotator.errors import CodebookFormatError
from annotator.limits import MAX_CODE_DEPTH, MAX_CODEBOOK_FILE_BYTES, MAX_CODES, MiB

__all__ = [
    "Codebook",
    "CodeSpec",
    "dump_codebook",
    "dumps_codebook",
    "iter_codes",
    "load_codebook",
    "resolve_codebook",
    "shipped_codebooks",
]


@dataclass
class CodeSpec:
    name: str
    colour: str | None = None
    definition: str = ""
    keywords: list[str] = field(default_factory=list)
    shortcut: str | None = None
    children: list[CodeSpec] = field(default_factory=list)


@dataclass
class Codebook:
    name: str
    title: str = ""
    description: str = ""
    codes: list[CodeSpec] = field(default_factory=list)


_BOOK_KEYS = ("name", "title", "description", "codes")
_CODE_KEYS = ("name", "colour", "color", "definition", "keywords", "shortcut", "children")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
_KEYWORD_SEPARATORS = re.compile(r"[,，、;；]")
_SUFFIXES = (".yaml", ".yml")


# -- reading ------------------------------------------------------------------------------------


def _error(path: Path | str, message: str, line: int | None = None) -> CodebookFormatError:
    where = f"{path}, line {line}" if line else f"{path}"
    err = CodebookFormatError(f"{where}: {message}")
    err.path, err.line, err.problem = Path(path), line, message  # type: ignore[attr-defined]
    return err


def load_codebook(path: Path) -> Codebook:
    """Read and check a codebook file; any problem raises ``CodebookFormatError`` naming it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_CODEBOOK_FILE_BYTES:
            raise _error(path, f"the file is {size / MiB:.1f} MB, more than the limit of "
                               f"{MAX_CODEBOOK_FILE_BYTES // MiB} MB for a codebook; refused")
        raw = path.read_bytes()
    except OSError as exc:
        raise _error(path, f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _error(path, "the file is not UTF-8 text; save it as UTF-8", line) from exc
    try:
        return _parse_text(text)
    except _Problem as exc:
        raise _error(path, exc.message, exc.line) from exc


def _parse_text(text: str) -> Codebook:
    try:
        data = _build(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _Problem(_yaml_message(exc, text), mark.line + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise _Problem(f"not valid YAML: {exc}") from exc
    return _Reader(text.splitlines()).book(data)


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    mark = exc.problem_mark or exc.context_mark
    parts = [p for p in (exc.context, exc.problem) if p]
    message = "not valid YAML: " + ("; ".join(parts) or "syntax error")
    if mark is not None:
        message += f" (column {mark.column + 1})"
        lines = text.splitlines()
        source = lines[mark.line] if mark.line < len(lines) else ""
        if "\t" in source:
            message += "; indent with spaces, not tabs"
        elif "：" in source:
            message += "; keys need an ASCII colon and a space ('name: …'), not '：'"
    return message


def _key_line(data: dict[str, Any], key: str) -> int | None:
    lines = getattr(data, "key_lines", None)
    return lines.get(key) if lines else getattr(data, "line", None)


def _where(path: tuple[str, ...]) -> str:
    return "code '" + " › ".join(path) + "'" if path else "the codebook"


class _Reader:
    """Turns the loaded YAML into a Codebook, checking it on the way."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.shortcuts: dict[str, tuple[tuple[str, ...], int | None]] = {}

    def book(self, data: Any) -> Codebook:
        if data is None:
            raise _Problem("the file is empty; a codebook needs at least 'name:'")
        if not isinstance(data, dict):
            raise _Problem(
                "the top level must be a block of 'key: value' lines starting with 'name:'", 1
            )
        self.check_keys(data, _BOOK_KEYS, "the codebook")
        return Codebook(
            name=self.name(data, "the codebook"),
            title=self.text(data, "title", "the codebook"),
            description=self.text(data, "description", "the codebook"),
            codes=self.code_tree(data),
        )

    def check_keys(self, data: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
        unknown = [k for k in data if k not in allowed]
        if unknown:
            shown = ", ".join(repr(k) for k in unknown)
            known = ", ".join(k for k in allowed if k != "color")
            raise _Problem(
                f"{what}: unknown key(s) {shown}; allowed keys are {known}",
                _key_line(data, unknown[0]),
            )

    def name(self, data: dict[str, Any], what: str) -> str:
        if data.get("name") is None:
            raise _Problem(
                f"{what} has no name ('name:' is missing or empty)", getattr(data, "line", None)
            )
        value = data["name"]
        if not isinstance(value, str):
            raise _Problem(
                f"{what}: name {value!r} must be text; put it in quotes", _key_line(data, "name")
            )
        value = " ".join(value.split())
        if not value:
            raise _Problem(f"{what} has an empty name", _key_line(data, "name"))
        return value

    def text(self, data: dict[str, Any], key: str, what: str) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise _Problem(f"{what}: '{key}' must be text, not {value!r}", _key_line(data, key))
        return value.strip()

    def code_tree(self, data: dict[str, Any]) -> list[CodeSpec]:
        """The codes under 'codes' and their children, read in file order with a stack
        instead of recursion, within the depth and count limits."""
        roots: list[CodeSpec] = []
        # (the code's mapping, its line, its parent's path, the list it joins, the names
        # already used by its siblings)
        stack: list[tuple[dict[str, Any], int | None, tuple[str, ...], list[CodeSpec],
                          dict[str, int | None]]] = []

        def push_items(owner: dict[str, Any], key: str, parent: tuple[str, ...],
                       out: list[CodeSpec]) -> None:
            items = self.code_items(owner, key, parent)
            if items and len(parent) >= MAX_CODE_DEPTH:
                raise _Problem(
                    f"{_where(parent[:2] + ('…',))}: codes nest more than {MAX_CODE_DEPTH} "
                    "levels deep, the limit for a codebook", items[0][1])
            seen: dict[str, int | None] = {}
            stack.extend((item, line, parent, out, seen) for item, line in reversed(items))

        push_items(data, "codes", (), roots)
        count = 0
        while stack:
            item, item_line, parent, out, seen = stack.pop()
            count += 1
            if count > MAX_CODES:
                raise _Problem(f"the codebook has more than {MAX_CODES:,} codes, the limit "
                               "for one codebook", item_line)
            spec = self.code(item, parent)
            if spec.name in seen:
                raise _Problem(
                    f"{_where(parent)}: two codes at the same level are both named "
                    f"'{spec.name}' (first at line {seen[spec.name]}); sibling names must differ",
                    item_line,
                )
            seen[spec.name] = item_line
            out.append(spec)
            push_items(item, "children", (*parent, spec.name), spec.children)
        return roots

    def code_items(self, data: dict[str, Any], key: str, parent: tuple[str, ...]
                   ) -> list[tuple[dict[str, Any], int | None]]:
        """The entries of the list ``data[key]`` with their lines, each checked to be a
        block of 'key: value' lines."""
        value = data.get(key)
        if value is None:
            return []
        line = _key_line(data, key)
        if not isinstance(value, list):
            raise _Problem(
                f"{_where(parent)}: '{key}' must be a list of codes, each starting with '- name:'",
                line,
            )
        item_lines: list[int | None] = list(getattr(value, "item_lines", [line] * len(value)))
        items: list[tuple[dict[str, Any], int | None]] = []
        for item, item_line in zip(value, item_lines, strict=True):
            if not isinstance(item, dict):
                hint = ""
                if isinstance(item, str) and "：" in item:
                    hint = "; write 'name: …' with an ASCII colon and a space"
                raise _Problem(
                    f"{_where(parent)}: each entry of '{key}' must be a block starting with "
                    f"'- name:', not {item!r}{hint}",
                    item_line,
                )
            items.append((item, item_line))
        return items

    def code(self, data: dict[str, Any], parent: tuple[str, ...]) -> CodeSpec:
        """One code's own fields; its children are read by :meth:`code_tree`."""
        raw_name = data.get("name")
        if isinstance(raw_name, str) and raw_name.strip():
            what = _where((*parent, " ".join(raw_name.split())))
        else:
            what = f"a code under {_where(parent)}" if parent else "a top-level code"
        self.check_keys(data, _CODE_KEYS, what)
        path = (*parent, self.name(data, what))
        return CodeSpec(
            name=path[-1],
            colour=self.colour(data, what),
            definition=self.text(data, "definition", what),
            keywords=self.keywords(data, what),
            shortcut=self.shortcut(data, path),
        )

    def colour(self, data: dict[str, Any], where: str) -> str | None:
        keys = [k for k in ("colour", "color") if k in data]
        if len(keys) == 2:
            raise _Problem(
                f"{where}: give either 'colour' or 'color', not both", _key_line(data, "color")
            )
        if not keys:
            return None
        key = keys[0]
        value, line = data[key], _key_line(data, key)
        if value is None:
            source = self.lines[line - 1] if line and line <= len(self.lines) else ""
            if "#" in source.split(":", 1)[-1]:
                raise _Problem(
                    f"{where}: {key} is empty because YAML reads '#' as the start of a comment; "
                    f'put the colour in quotes: {key}: "#RRGGBB"',
                    line,
                )
            return None
        if not isinstance(value, str) or not _COLOUR_RE.match(value.strip()):
            raise _Problem(
                f'{where}: bad {key} {value!r}; expected "#RRGGBB", e.g. "#9CC3F0"', line
            )
        return value.strip().upper()

    def keywords(self, data: dict[str, Any], where: str) -> list[str]:
        value = data.get("keywords")
        line = _key_line(data, "keywords")
        if value is None:
            return []
        if isinstance(value, str):
            items: list[Any] = _KEYWORD_SEPARATORS.split(value)
        elif isinstance(value, list):
            items = value
            item_lines = getattr(value, "item_lines", [line] * len(value))
            for item, item_line in zip(value, item_lines, strict=True):
                if not isinstance(item, str):
                    raise _Problem(
                        f"{where}: keywords must be a list of text; {item!r} is not text "
                        "(put it in quotes)",
                        item_line,
                    )
        else:
            raise _Problem(
                f"{where}: keywords must be a list like [条例, 立法] or text like '条例、立法', "
                f"not {value!r}",
                line,
            )
        keywords: list[str] = []
        for item in items:
            item = item.strip()
            if item and item not in keywords:
                keywords.append(item)
        return keywords

    def shortcut(self, data: dict[str, Any], path: tuple[str, ...]) -> str | None:
        value = data.get("shortcut")
        line = _key_line(data, "shortcut")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise _Problem(
                f'{_where(path)}: shortcut must be a key such as "1", not {value!r}', line
            )
        shortcut = str(value).strip()
        if not shortcut:
            return None
        if shortcut in self.shortcuts:
            other, other_line = self.shortcuts[shortcut]
            at = f" (line {other_line})" if other_line else ""
            raise _Problem(
                f"shortcut '{shortcut}' is given to both {_where(other)}{at} and {_where(path)}",
                line,
            )
        self.shortcuts[shortcut] = (path, line)
        return shortcut


# -- writing ------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, nested lists indented under their key, no line wrapping."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class _Quoted(str):
    """A string always written in double quotes ("#4E79A7", "1")."""


class _FlowList(list):  # type: ignore[type-arg]
    """A list written on one line: [条例, 立法]."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(
    _Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"')
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", list(v), flow_style=True)
)

_FLOW_LIMIT = 100  # characters of keywords on one line before a list is written one per line


def _code_fields(spec: CodeSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"name": " ".join(spec.name.split())}
    if spec.colour:
        out["colour"] = _Quoted(spec.colour.strip().upper())
    if spec.definition:
        out["definition"] = spec.definition
    if spec.keywords:
        flow = sum(len(k) + 2 for k in spec.keywords) <= _FLOW_LIMIT
        out["keywords"] = _FlowList(spec.keywords) if flow else list(spec.keywords)
    if spec.shortcut:
        out["shortcut"] = _Quoted(str(spec.shortcut).strip())
    return out


def _code_dicts(roots: list[CodeSpec]) -> list[dict[str, Any]]:
    """The codes as the mappings YAML writes, built with a stack (no recursion); a tree
    deeper than MAX_CODE_DEPTH is refused, as reading it back would be."""
    top: list[dict[str, Any]] = []
    stack: list[tuple[CodeSpec, list[dict[str, Any]], int]] = [
        (spec, top, 1) for spec in reversed(roots)]
    while stack:
        spec, out, depth = stack.pop()
        if depth > MAX_CODE_DEPTH:
            raise _Problem(f"codes nest more than {MAX_CODE_DEPTH} levels deep, the limit "
                           "for a codebook")
        fields = _code_fields(spec)
        out.append(fields)
        if spec.children:
            children: list[dict[str, Any]] = []
            fields["children"] = children
            stack.extend((child, children, depth + 1) for child in reversed(spec.children))
    return top


def _book_dict(codebook: Codebook) -> dict[str, Any]:
    out: dict[str, Any] = {"name": codebook.name}
    if codebook.title:
        out["title"] = codebook.title
    if codebook.description:
        out["description"] = codebook.description
    if codebook.codes:
        out["codes"] = _code_dicts(codebook.codes)
    return out


def dumps_codebook(codebook: Codebook) -> str:
    """The YAML text ``dump_codebook`` writes; ``CodebookFormatError`` for a code tree
    deeper than the limit."""
    try:
        data = _book_dict(codebook)
    except _Problem as exc:
        raise CodebookFormatError(f"codebook {codebook.name!r}: {exc.message}") from exc
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        indent=2,
        width=1_000_000,
    )


def dump_codebook(codebook: Codebook, path: Path) -> None:
    """Write ``codebook`` to ``path`` atomically (temporary file, then ``os.replace``).

    The file always loads back; it loads back equal when the codebook is already tidy (names
    without extra spaces, keywords trimmed and unique). A codebook that could not be read back
    (duplicate sibling names, a bad colour…) raises ``CodebookFormatError`` and leaves ``path``
    untouched; a folder that cannot be written raises ``OSError``.
    """
    path = Path(path)
    try:
        text = dumps_codebook(codebook)
    except CodebookFormatError as exc:
        raise _error(path, "cannot write this codebook: " + str(exc)) from exc
    try:
        _parse_text(text)
    except _Problem as exc:
        raise _error(path, "cannot write this codebook: " + exc.message) from exc
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# -- finding codebooks --------------------------------------------------------------------------


def _shipped_dir() -> Path | None:
    try:
        packaged = importlib.resources.files("annotator") / "codebooks"
        if isinstance(packaged, Path) and packaged.is_dir():
            return packaged
    except (ModuleNotFoundError, TypeError, OSError):
        pass
    checkout = Path(__file__).resolve().parent.parent / "codebooks"
    return checkout if checkout.is_dir() else None


def shipped_codebooks() -> dict[str, Path]:
    """Name (file name without extension) -> path of every codebook shipped with annotator."""
    folder = _shipped_dir()
    if folder is None:
        return {}
    found: dict[str, Path] = {}
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() in _SUFFIXES and file.is_file() and not file.name.startswith("."):
            found.setdefault(file.stem, file)
    return found


def resolve_codebook(name_or_path: str | Path) -> Path:
    """An existing codebook file, or the file of a shipped codebook ("regional-innovation")."""
    candidate = Path(name_or_path).expanduser()
    if candidate.is_file():
        return candidate
    shipped = shipped_codebooks()
    key = str(name_or_path).strip()
    for suffix in _SUFFIXES:
        key = key.removesuffix(suffix)
    if key in shipped:
        return shipped[key]
    folded = {name.casefold(): path for name, path in shipped.items()}
    if key.casefold() in folded:
        return folded[key.casefold()]
    available = ", ".join(shipped) or "(none found)"
    what = (
        "is a folder, not a codebook file" if candidate.is_dir() else "is neither a codebook file"
    )
    if not candidate.is_dir():
        what += " nor a shipped codebook name"
    raise _error(name_or_path, f"{what}; shipped codebooks: {available}")


def iter_codes(
    codebook: Codebook | Iterable[CodeSpec],
) -> Iterator[tuple[tuple[str, ...], CodeSpec]]:
    """Every code with its path of names, parents before children, in file order."""
    roots = codebook.codes if isinstance(codebook, Codebook) else list(codebook)
    stack: list[tuple[tuple[str, ...], CodeSpec]] = [
        ((spec.name,), spec) for spec in reversed(roots)
    ]
    while stack:
        path, spec = stack.pop()
        yield path, spec
        stack.extend(((*path, child.name), child) for child in reversed(spec.children))
