"""What agreement is computed on: the chosen coders, documents and codes, and each coder's
passages turned into unit presence and character spans.

Which documents a coder coded: by default a document counts as coded by a coder when that
coder has at least one passage in it (of any code, so a coder who coded other branches of the
codebook there is not "missing"). A coder who read a document and found nothing to code is
then missing for it; pass ``coded_documents="all"`` (every chosen coder coded every chosen
document) or an explicit ``{coder name: document ids}`` to say otherwise. Only documents coded
by at least two of the chosen coders are compared.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.analysis.agreement_chars import Spans, merge_spans
from annotator.analysis.agreement_units import UNIT_KINDS, UnitIndex
from annotator.analysis.unit_index import DEFAULT_CACHE
from annotator.db.models import Document, Passage
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
    text: str
    units: UnitIndex
    coder_ids: tuple[int, ...]  # the chosen coders who coded it (at least two)


@dataclass
class CodingData:
    """Everything the measures need, as plain data (no database)."""

    unit_kind: str
    coders: tuple[CoderInfo, ...]
    codes: tuple[CodeInfo, ...]  # the rows, in tree order
    documents: list[ComparedDocument]  # by document number
    selected_documents: int  # documents after the filter, compared or not
    coded_rule: str  # "passages", "all" or "list": how coded documents were decided
    # (code id, coder id) -> document id -> indexes of the units where the code is present
    units: dict[tuple[int, int], dict[int, set[int]]] = field(default_factory=dict)
    # (code id, coder id) -> document id -> merged coded character spans
    spans: dict[tuple[int, int], dict[int, Spans]] = field(default_factory=dict)
    # (code id, coder id, document id) -> [(start, end, passage id)], for disagreements
    passages: dict[tuple[int, int, int], list[tuple[int, int, int]]] = field(
        default_factory=dict
    )

    def coder_name(self, coder_id: int) -> str:
        return next(c.name for c in self.coders if c.id == coder_id)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while hundreds of thousands of small, acyclic
    objects (sets, tuples, records) are built: its repeated full scans otherwise double the
    time on large projects. Nothing here makes reference cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def select_documents(project: Project, documents: DocumentFilter) -> list[DocumentInfo]:
    """Documents by id, or by attributes ({key: value}, all must match); None: all."""
    every = project.documents()
    if documents is None:
        return every
    if isinstance(documents, Mapping):
        wanted = dict(documents)
        return [d for d in every if all(d.attributes.get(k) == v for k, v in wanted.items())]
    ids = set(documents)
    unknown = ids - {d.id for d in every}
    if unknown:
        raise NotFoundError(f"no document with id {min(unknown)}")
    return [d for d in every if d.id in ids]


def select_codes(project: Project, codes: CodeFilter) -> list[CodeInfo]:
    """Codes of the given branches (each an id or a path, with all its sub-codes), in tree
    order; None: every code."""
    every = project.codes()
    if codes is None:
        return every
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
    wanted: set[int] = set()
    for root in roots:
        wanted.update(project.subtree_ids(root))
    return [c for c in every if c.id in wanted]


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
) -> CodingData:
    """Read the chosen passages once and index them by unit and by character span."""
    if unit_kind not in UNIT_KINDS:
        raise AgreementError(f"unknown unit {unit_kind!r}; use one of {', '.join(UNIT_KINDS)}")
    docs = select_documents(project, documents)
    code_rows = select_codes(project, codes)
    doc_ids = {d.id for d in docs}
    code_ids = {c.id for c in code_rows}
    chosen = _resolve_coders(project, coders)
    if chosen is not None and len(chosen) < 2:
        raise AgreementError("agreement needs at least two coders")
    chosen_ids = None if chosen is None else [c.id for c in chosen]

    # One pass over the passages: who touched which document (any code) and the chosen
    # codes' spans.
    touched: dict[int, set[int]] = defaultdict(set)
    raw: dict[tuple[int, int, int], list[tuple[int, int, int]]] = defaultdict(list)
    with project.session_scope() as s:
        for pid, doc_id, code_id, coder_id, start, end in passage_rows(s, chosen_ids):
            if doc_id not in doc_ids:
                continue
            touched[coder_id].add(doc_id)
            if code_id in code_ids:
                raw[code_id, coder_id, doc_id].append((start, end, pid))

    if chosen is None:
        chosen = [c for c in project.coders() if touched.get(c.id)]
        if len(chosen) < 2:
            names = ", ".join(c.name for c in chosen) or "none"
            raise AgreementError(
                "agreement needs at least two coders with passages in the chosen documents "
                f"(found: {names})"
            )

    coded = _coded_documents(chosen, touched, doc_ids, coded_documents)
    coders_of = {d.id: tuple(c.id for c in chosen if d.id in coded[c.id]) for d in docs}
    wanted = [d for d in docs if len(coders_of[d.id]) >= 2]  # document-number order
    with project.session_scope() as s:
        texts = document_texts(s, [d.id for d in wanted])
        # The tables' cache: the same units and numbers, and none split twice.
        units = DEFAULT_CACHE.units(s, [d.id for d in wanted], unit_kind, texts)
    compared = [
        ComparedDocument(d, texts[d.id], UnitIndex.of(units[d.id], unit_kind), coders_of[d.id])
        for d in wanted
    ]

    rule = coded_documents if isinstance(coded_documents, str) else "list"
    data = CodingData(unit_kind, tuple(chosen), tuple(code_rows), compared, len(docs), rule)
    _index_passages(data, raw)
    return data


def passage_rows(
    session: Session, coder_ids: Collection[int] | None
) -> Iterator[tuple[int, int, int, int, int, int]]:
    """(id, document id, code id, coder id, start, end) of the passages, by document and
    start: plain tuples, no text, so 200,000 passages load in a fraction of a second."""
    query = select(
        Passage.id, Passage.document_id, Passage.code_id, Passage.coder_id, Passage.start,
        Passage.end,
    ).order_by(Passage.document_id, Passage.start, Passage.end)
    if coder_ids is not None:
        query = query.where(Passage.coder_id.in_(list(coder_ids)))
    yield from session.execute(query.execution_options(yield_per=5000))


def document_texts(session: Session, document_ids: Sequence[int]) -> dict[int, str]:
    """Texts by document id, read in batches (SQLite limits bound parameters)."""
    texts: dict[int, str] = {}
    for i in range(0, len(document_ids), 500):
        batch = document_ids[i : i + 500]
        query = select(Document.id, Document.text).where(Document.id.in_(batch))
        texts.update((doc_id, text) for doc_id, text in session.execute(query))
    return texts


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


def _index_passages(
    data: CodingData, raw: Mapping[tuple[int, int, int], list[tuple[int, int, int]]]
) -> None:
    compared = {d.info.id: d for d in data.documents}
    for (code_id, coder_id, doc_id), spans in raw.items():
        doc = compared.get(doc_id)
        if doc is None or coder_id not in doc.coder_ids:
            continue  # not compared, or outside the documents this coder is said to have coded
        present: set[int] = set()
        for start, end, _ in spans:
            present.update(doc.units.overlapping(start, end))
        if present:
            data.units.setdefault((code_id, coder_id), {})[doc_id] = present
        data.spans.setdefault((code_id, coder_id), {})[doc_id] = merge_spans(
            [(start, end) for start, end, _ in spans], ordered=True
        )
        data.passages[code_id, coder_id, doc_id] = spans  # in (start, end) order already
