"""What agreement is computed on: the chosen coders, documents and codes, and each coder's
passages turned into unit presence and character spans.

Which documents a coder coded: by default a document counts as coded by a coder when that
coder has at least one passage in it (of any code, so a coder who coded other branches of the
codebook there is not "missing"). A coder who read a document and found nothing to code is
then missing for it; pass ``coded_documents="all"`` (every chosen coder coded every chosen
document) or an explicit ``{coder name: document ids}`` to say otherwise. Only documents coded
by at least two of the chosen coders are compared.

Which documents, coders and codes are chosen is the tables' :class:`Filters`
(:mod:`annotator.analysis.filters`): agreement's own arguments (document ids or attribute
values, coder names, code branches) are turned into one, and a ``filters`` given as well
narrows the choice further.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

import numpy as np

from annotator.analysis import table_data
from annotator.analysis.agreement_units import UNIT_KINDS
from annotator.analysis.filters import Filters, Scope, resolve
from annotator.analysis.unit_index import DEFAULT_CACHE, DocumentUnits, incidence
from annotator.errors import AnnotatorError, NotFoundError
from annotator.records import CodeInfo, CoderInfo, DocumentInfo

if TYPE_CHECKING:
    from annotator.project import Project

CodedDocuments = Literal["passages", "all"] | Mapping[str, Iterable[int]]
DocumentFilter = Iterable[int] | Mapping[str, str] | None
CodeRef = int | str | tuple[str, ...]  # an id, "A/B" or ("A", "B")
CodeFilter = CodeRef | Sequence[CodeRef] | None
CoderFilter = Sequence[str | int] | None


class AgreementError(AnnotatorError):
    """Agreement cannot be computed as asked (fewer than two coders, unknown unit kind…)."""


@dataclass
class ComparedDocument:
    info: DocumentInfo
    units: DocumentUnits
    coder_ids: tuple[int, ...]  # the chosen coders who coded it (at least two)


@dataclass
class CodingData:
    """Everything the measures need, as plain data and numpy arrays (no database).

    The compared documents' units are numbered 0 … U−1 across the documents in document
    order (as :func:`unit_index.incidence` numbers them); codes are indexed by their place
    in ``codes`` and coders by their place in ``coders``."""

    unit_kind: str
    coders: tuple[CoderInfo, ...]
    codes: tuple[CodeInfo, ...]  # the rows, in tree order
    documents: list[ComparedDocument]  # by document number
    selected_documents: int  # documents after the filter, compared or not
    coded_rule: str  # "passages", "all" or "list": how coded documents were decided
    coded: np.ndarray  # bool (documents × coders): which chosen coder coded which document
    unit_document: np.ndarray  # int64 per unit: index into ``documents``
    # The passages that count (chosen code, compared document, a coder who coded it), one
    # row each: passage id, document index, code index, coder index, start, end.
    passages: np.ndarray
    # Which passage touches which unit: (row into ``passages``, unit), one pair each.
    touch_passage: np.ndarray
    touch_unit: np.ndarray

    @property
    def units(self) -> int:
        return len(self.unit_document)


#: Columns of :attr:`CodingData.passages`.
PID, DOC, CODE, CODER, START, END = range(6)
_SHIFT = 1 << 32  # ids below 2**32 packed in pairs


def document_filters(
    documents: DocumentFilter, every: Sequence[DocumentInfo]
) -> Filters:
    """Filters for documents by id (each must be one of ``every``), or by attributes
    ({key: value}, all must match); None: no restriction."""
    if documents is None:
        return Filters()
    if isinstance(documents, Mapping):
        return Filters(attributes=dict(documents))
    ids = frozenset(documents)
    unknown = ids - {d.id for d in every}
    if unknown:
        raise NotFoundError(f"no document with id {min(unknown)}")
    return Filters(document_ids=ids)


def code_filters(project: Project, codes: CodeFilter) -> Filters:
    """Filters for the given branches (each an id or a path; resolving the filters adds
    the sub-codes); None: no restriction."""
    if codes is None:
        return Filters()
    every = project.codes()
    refs: list[CodeRef]
    if isinstance(codes, int | str) or _is_path_tuple(codes):
        refs = [cast(CodeRef, codes)]  # one branch
    else:
        refs = list(cast(Sequence[CodeRef], codes))
    roots: set[int] = set()
    for ref in refs:
        if isinstance(ref, int):
            info = next((c for c in every if c.id == ref), None)
        else:
            info = project.find_code(ref)
        if info is None:
            raise NotFoundError(f"no code {ref!r}")
        roots.add(info.id)
    return Filters(code_ids=frozenset(roots))


def _documents_in(scope: Scope, every: Sequence[DocumentInfo]) -> list[DocumentInfo]:
    if scope.document_ids is None:
        return list(every)
    return [d for d in every if d.id in scope.document_ids]


def agreement_scope(
    project: Project,
    *,
    coders: CoderFilter = None,
    documents: DocumentFilter = None,
    codes: CodeFilter = None,
    filters: Filters | None = None,
) -> tuple[Scope, list[CoderInfo] | None, list[DocumentInfo]]:
    """Agreement's arguments, and ``filters`` if given, as one resolved :class:`Scope`;
    with the chosen coders in the order asked (None: not chosen) and the documents in it."""
    every = project.documents()
    own = document_filters(documents, every)
    code_ids = code_filters(project, codes).code_ids
    ordered = _resolve_coders(project, coders)
    own = Filters(
        attributes=own.attributes, document_ids=own.document_ids, code_ids=code_ids,
        coder_ids=None if ordered is None else frozenset(c.id for c in ordered),
    )
    scope = resolve(project, own)
    if filters is not None:
        scope = scope.within(resolve(project, filters))
    chosen: list[CoderInfo] | None = None
    if scope.coder_ids is not None:
        order = ordered if ordered is not None else project.coders()
        chosen = [c for c in order if c.id in scope.coder_ids]
    return scope, chosen, _documents_in(scope, every)


def _is_path_tuple(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(v, str) for v in value)


def load_codings(
    project: Project,
    *,
    coders: CoderFilter = None,
    documents: DocumentFilter = None,
    codes: CodeFilter = None,
    unit_kind: str = "paragraph",
    coded_documents: CodedDocuments = "passages",
    filters: Filters | None = None,
) -> CodingData:
    """Read the chosen passages once, as arrays, and map them onto the units. ``filters``
    (the tables' filters) narrows the choice of the other arguments."""
    if unit_kind not in UNIT_KINDS:
        raise AgreementError(f"unknown unit {unit_kind!r}; use one of {', '.join(UNIT_KINDS)}")
    scope, chosen, docs = agreement_scope(
        project, coders=coders, documents=documents, codes=codes, filters=filters
    )
    code_rows = scope.codes()
    if chosen is not None and len(chosen) < 2:
        raise AgreementError("agreement needs at least two coders")

    with project.session_scope() as s:
        rows = table_data.coding_array(s, None if chosen is None else [c.id for c in chosen])
    doc_ids = np.array([d.id for d in docs], dtype=np.int64)
    rows = rows[index_of(rows[:, 1], doc_ids) >= 0]
    touched = _touched(rows)  # who coded which document, with any code

    if chosen is None:
        # Every coder with passages here, and every coder the list of coded documents
        # names: one who read their documents and coded nothing is still compared.
        named = set(coded_documents) if isinstance(coded_documents, Mapping) else set()
        chosen = [c for c in project.coders() if touched.get(c.id) or c.name in named]
        if len(chosen) < 2:
            names = ", ".join(c.name for c in chosen) or "none"
            raise AgreementError(
                "agreement needs at least two coders with passages in the chosen documents "
                f"(found: {names})"
            )

    coded = _coded_documents(chosen, touched, set(doc_ids.tolist()), coded_documents)
    coders_of = {d.id: tuple(c.id for c in chosen if d.id in coded[c.id]) for d in docs}
    wanted = [d for d in docs if len(coders_of[d.id]) >= 2]  # document-number order
    with project.session_scope() as s:
        # The tables' cache: the same units and numbers, and none split twice.
        units = DEFAULT_CACHE.units(s, [d.id for d in wanted], unit_kind)
    compared = [ComparedDocument(d, units[d.id], coders_of[d.id]) for d in wanted]

    coder_position = {c.id: k for k, c in enumerate(chosen)}
    matrix = np.zeros((len(compared), len(chosen)), dtype=bool)
    for i, doc in enumerate(compared):
        matrix[i, [coder_position[c] for c in doc.coder_ids]] = True
    passages = _counted_passages(rows, compared, code_rows, chosen, matrix)

    sizes = np.array([len(d.units.numbers) for d in compared], dtype=np.int64)
    wanted_ids = np.array([d.info.id for d in compared], dtype=np.int64)
    spans = np.column_stack((
        wanted_ids[passages[:, DOC]] if len(passages) else passages[:, DOC],
        passages[:, CODE], passages[:, START], passages[:, END],
    ))
    touch = incidence(spans, {d.info.id: d.units for d in compared})
    rule = coded_documents if isinstance(coded_documents, str) else "list"
    return CodingData(
        unit_kind, tuple(chosen), tuple(code_rows), compared, len(docs), rule, matrix,
        np.repeat(np.arange(len(compared), dtype=np.int64), sizes), passages,
        touch.passage, touch.unit,
    )


def index_of(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Position of each value in ``keys`` (distinct), or −1 where it is not there."""
    if not len(keys):
        return np.full(len(values), -1, dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    pos = np.minimum(np.searchsorted(keys[order], values), len(keys) - 1)
    return np.where(keys[order][pos] == values, order[pos], -1)


def _touched(rows: np.ndarray) -> dict[int, set[int]]:
    """Coder id -> ids of the documents they have a passage in."""
    pairs = np.unique(rows[:, 3] * _SHIFT + rows[:, 1])
    touched: dict[int, set[int]] = defaultdict(set)
    for coder_id, doc_id in zip((pairs // _SHIFT).tolist(), (pairs % _SHIFT).tolist(),
                                strict=True):
        touched[coder_id].add(doc_id)
    return touched


def _counted_passages(
    rows: np.ndarray,
    compared: Sequence[ComparedDocument],
    code_rows: Sequence[CodeInfo],
    chosen: Sequence[CoderInfo],
    coded: np.ndarray,
) -> np.ndarray:
    """The rows of chosen codes in compared documents by coders who coded them, as
    (id, document index, code index, coder index, start, end), by document, start, end."""
    doc = index_of(rows[:, 1], np.array([d.info.id for d in compared], dtype=np.int64))
    code = index_of(rows[:, 2], np.array([c.id for c in code_rows], dtype=np.int64))
    coder = index_of(rows[:, 3], np.array([c.id for c in chosen], dtype=np.int64))
    keep = (doc >= 0) & (code >= 0) & (coder >= 0)
    keep[keep] = coded[doc[keep], coder[keep]]
    out = np.column_stack((rows[keep, 0], doc[keep], code[keep], coder[keep], rows[keep, 4],
                           rows[keep, 5]))
    return out[np.lexsort((out[:, END], out[:, START], out[:, DOC]))]


def read_texts(project: Project, document_ids: Collection[int]) -> dict[int, str]:
    """Texts by document id."""
    with project.session_scope() as s:
        return dict(table_data.document_texts(s, document_ids))


def _resolve_coders(project: Project, coders: CoderFilter) -> list[CoderInfo] | None:
    if coders is None:
        return None
    every = project.coders()
    chosen: list[CoderInfo] = []
    for ref in coders:
        info = next((c for c in every if (c.id if isinstance(ref, int) else c.name) == ref), None)
        if info is None:
            raise NotFoundError(f"no coder {ref!r}")
        if info not in chosen:
            chosen.append(info)
    return chosen


def _coded_documents(
    chosen: Sequence[CoderInfo],
    touched: Mapping[int, Collection[int]],
    doc_ids: set[int],
    rule: CodedDocuments,
) -> dict[int, set[int]]:
    if rule == "passages":
        return {c.id: set(touched.get(c.id, ())) for c in chosen}
    if rule == "all":
        return {c.id: set(doc_ids) for c in chosen}
    if isinstance(rule, Mapping):
        return {c.id: set(rule.get(c.name, ())) & doc_ids for c in chosen}
    raise AgreementError(f"coded_documents must be 'passages', 'all' or a mapping, not {rule!r}")
