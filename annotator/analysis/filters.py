"""Filters that every table applies: which documents, which coders' passages, which codes.

A :class:`Filters` holds what the researcher chose (attribute values, ids); :func:`resolve`
turns it into a :class:`Scope` of plain id sets once, in one transaction, so each table
only has to pass those sets to its query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.analysis import table_data
from annotator.analysis.code_index import CodeTree
from annotator.db import codes as code_repo
from annotator.errors import InvalidOperation, NotFoundError
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

#: Separates several accepted values in ``KEY=V1,V2``.
VALUE_SEPARATORS = (",", "，")


@dataclass(frozen=True)
class Filters:
    """What to count; every field left empty means "no restriction".

    - ``attributes``: key → accepted values. A document passes when, for every key, its
      value is one of that key's values (AND across keys, OR within a key).
    - ``document_ids``: only these documents (combined with ``attributes`` by AND).
    - ``coder_ids``: only passages by these coders.
    - ``code_ids``: only these branches: each code together with all its descendants.
    """

    attributes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    document_ids: frozenset[int] | None = None
    coder_ids: frozenset[int] | None = None
    code_ids: frozenset[int] | None = None

    def __post_init__(self) -> None:
        cleaned = {
            key.strip(): frozenset(v.strip() for v in ([values] if isinstance(values, str)
                                                        else values))
            for key, values in self.attributes.items()
        }
        object.__setattr__(self, "attributes", cleaned)
        for name in ("document_ids", "coder_ids", "code_ids"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, frozenset):
                object.__setattr__(self, name, frozenset(value))

    def describe(self) -> list[str]:
        """One line per restriction, in Chinese, for a report's notes."""
        lines = [f"{key} = {'、'.join(sorted(values))}" for key, values in self.attributes.items()]
        if self.document_ids is not None:
            lines.append(f"文档 id: {', '.join(map(str, sorted(self.document_ids)))}")
        return lines


@dataclass(frozen=True)
class Scope:
    """Resolved filters. ``None`` in a set means "all"."""

    tree: CodeTree  # the whole codebook
    document_ids: frozenset[int] | None
    coder_ids: frozenset[int] | None
    code_ids: frozenset[int] | None  # every code counted (branches expanded)

    def codes(self) -> list[CodeInfo]:
        """The codes in scope, in tree order."""
        if self.code_ids is None:
            return self.tree.codes()
        return [c for c in self.tree.codes() if c.id in self.code_ids]

    def within(self, other: Scope) -> Scope:
        """What both scopes let through (each set the intersection; "all" is no limit)."""
        return Scope(
            self.tree,
            _meet(self.document_ids, other.document_ids),
            _meet(self.coder_ids, other.coder_ids),
            _meet(self.code_ids, other.code_ids),
        )


def _meet(a: frozenset[int] | None, b: frozenset[int] | None) -> frozenset[int] | None:
    if a is None:
        return b
    return a if b is None else a & b


def resolve(project: Project, filters: Filters | None = None) -> Scope:
    """Turn ``filters`` into id sets against the project as it is now."""
    filters = filters or Filters()
    with project.session_scope() as s:
        tree = CodeTree.build(code_repo.list_codes(s))
        document_ids = filters.document_ids
        if filters.attributes:
            matching = _documents_matching(table_data.attribute_rows(s), filters.attributes)
            document_ids = matching if document_ids is None else document_ids & matching
    code_ids = None
    if filters.code_ids is not None:
        missing = [c for c in filters.code_ids if c not in tree.infos]
        if missing:
            raise NotFoundError(f"no code with id {missing[0]}")
        code_ids = frozenset(tree.subtrees(filters.code_ids))
    return Scope(tree, document_ids, filters.coder_ids, code_ids)


def _documents_matching(
    rows: Iterable[tuple[int, str, str]], wanted: Mapping[str, frozenset[str]]
) -> frozenset[int]:
    passing: dict[str, set[int]] = {key: set() for key in wanted}
    for doc_id, key, value in rows:
        accepted = wanted.get(key)
        if accepted is not None and value.strip() in accepted:
            passing[key].add(doc_id)
    sets = iter(passing.values())
    result = set(next(sets))
    for other in sets:
        result &= other
    return frozenset(result)


def parse_where(items: Iterable[str]) -> dict[str, frozenset[str]]:
    """``["地区=京津冀,长三角", "类型=意见"]`` → {"地区": {…}, "类型": {…}}; the same key
    given twice accepts the values of both."""
    out: dict[str, set[str]] = {}
    for item in items:
        key, sep, values = item.partition("=")
        if not sep or not key.strip():
            raise InvalidOperation(f"{item!r}: expected KEY=VALUE (values joined by ',')")
        for separator in VALUE_SEPARATORS[1:]:
            values = values.replace(separator, VALUE_SEPARATORS[0])
        parts = {v.strip() for v in values.split(VALUE_SEPARATORS[0]) if v.strip()}
        if not parts:
            raise InvalidOperation(f"{item!r}: no value after '='")
        out.setdefault(key.strip(), set()).update(parts)
    return {k: frozenset(v) for k, v in out.items()}


def filters_from_names(
    project: Project,
    *,
    where: Iterable[str] = (),
    coders: Iterable[str] = (),
    codes: Iterable[str] = (),
    documents: Iterable[int] = (),
) -> Filters:
    """Filters from what a person types: ``KEY=VALUE`` items, coder names, code paths and
    document numbers. Unknown names raise :class:`NotFoundError` naming them."""
    coders, codes, documents = list(coders), list(codes), list(documents)
    coder_ids = None
    if coders:
        known = {c.name: c.id for c in project.coders()}
        unknown = [name for name in coders if name not in known]
        if unknown:
            raise NotFoundError(
                f"no coder {unknown[0]!r}; coders: {', '.join(sorted(known)) or '(none)'}"
            )
        coder_ids = frozenset(known[name] for name in coders)
    code_ids = None
    if codes:
        tree = CodeTree.build(project.codes())
        code_ids = frozenset(c for spec in codes for c in tree.branch(spec))
    document_ids = None
    if documents:
        by_number = {d.number: d.id for d in project.documents()}
        unknown_numbers = [n for n in documents if n not in by_number]
        if unknown_numbers:
            raise NotFoundError(f"no document number {unknown_numbers[0]}")
        document_ids = frozenset(by_number[n] for n in documents)
    return Filters(
        attributes=parse_where(where),
        document_ids=document_ids,
        coder_ids=coder_ids,
        code_ids=code_ids,
    )
