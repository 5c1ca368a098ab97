"""Units where the coders differ on a code, for reconciling them one by one."""

from __future__ import annotations

from annotator.analysis.agreement_data import CodingData
from annotator.analysis.agreement_report import Disagreement

_NO_UNITS: frozenset[int] = frozenset()


def find_disagreements(data: CodingData) -> list[Disagreement]:
    """For every compared document and code: the units some, but not all, of the coders who
    coded the document marked with it. Sorted by document number, unit position, then code
    in tree order."""
    names = {c.id: c.name for c in data.coders}
    found: list[tuple[int, int, int, Disagreement]] = []
    for order, code in enumerate(data.codes):
        units = {c.id: data.units.get((code.id, c.id), {}) for c in data.coders}
        touched = {doc_id for by_doc in units.values() for doc_id in by_doc}
        if not touched:
            continue
        for doc in data.documents:
            doc_id = doc.info.id
            if doc_id not in touched:
                continue
            present = {c: units[c].get(doc_id, _NO_UNITS) for c in doc.coder_ids}
            for index in sorted(set().union(*present.values())):
                with_ = [c for c in doc.coder_ids if index in present[c]]
                if len(with_) == len(doc.coder_ids):
                    continue
                unit = doc.units.units[index]
                passage_ids = tuple(
                    pid
                    for c in with_
                    for start, end, pid in data.passages.get((code.id, c, doc_id), ())
                    if start < unit.end and unit.start < end
                )
                item = Disagreement(
                    document_id=doc_id,
                    document_number=doc.info.number,
                    title=doc.info.title,
                    unit_number=unit.number,
                    unit_start=unit.start,
                    unit_end=unit.end,
                    unit_text=doc.text[unit.start : unit.end],
                    code_id=code.id,
                    path=code.path,
                    coders_with=tuple(names[c] for c in with_),
                    coders_without=tuple(names[c] for c in doc.coder_ids if c not in with_),
                    passage_ids=passage_ids,
                )
                found.append((doc.info.number, unit.start, order, item))
    found.sort(key=lambda t: t[:3])
    return [t[3] for t in found]
