"""Intercoder agreement per code and overall, at unit and at character level.

Definitions (what the 信度 sheet's note says, in full):

* Items. Unit level: the units of analysis (paragraphs or sentences, ``agreement_units``) of
  the documents at least two of the chosen coders coded (``agreement_data`` says when a coder
  coded a document; a coder is *missing* for the units of documents they did not code). A
  code is present in a unit for a coder when one of their passages of it overlaps the unit by
  at least one character. Character level: every character of those documents, coded or not
  by each coder with the code (as NVivo's coding comparison).
* Percent agreement: share of items on which two coders agree (both present or both absent);
  with more coders, the mean over coder pairs, each pair on the documents both coded.
* Holsti's R = 2M / (N1 + N2): N1, N2 the units each coder coded with the code, M the units
  both did; mean over pairs where the code was applied at all. CR = nR / (1 + (n − 1)R) with
  n coders and R that mean.
* Cohen's κ (two coders only) = (Po − Pe) / (1 − Pe), Pe from each coder's share of present
  items. Krippendorff's α (nominal, any number of coders, missing data allowed).
* Overall row: every (unit, code) — or (character, code) — pair is one judgement, pooled over
  the codes some chosen coder applied in the compared documents (codes nobody used would only
  add agreed absences). Holsti's overall R = 2ΣM / (ΣN1 + ΣN2), as studies report it.

Undefined figures (no variation, no shared units, κ with three coders) are ``Figure.value is
None`` with a reason, never NaN.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from statistics import fmean
from typing import TYPE_CHECKING

from annotator.analysis.agreement_chars import covered, shared
from annotator.analysis.agreement_data import (
    CodedDocuments,
    CodeFilter,
    CoderFilter,
    CodingData,
    DocumentFilter,
    load_codings,
)
from annotator.analysis.agreement_measures import (
    AlphaCounts,
    Figure,
    Reason,
    agreeing,
    cohen_kappa,
    composite_reliability,
    holsti,
    kappa_reason,
    undefined,
)
from annotator.analysis.agreement_report import (
    AgreementReport,
    AgreementRow,
    Disagreement,
    DocumentCharRow,
    PairCounts,
)

if TYPE_CHECKING:
    from annotator.project import Project

CHARACTER = "character"
CODING_DECISION = "coding decision"
CODER = "coder"


def agreement(
    project: Project,
    *,
    coders: CoderFilter = None,
    documents: DocumentFilter = None,
    codes: CodeFilter = None,
    unit_kind: str = "paragraph",
    coded_documents: CodedDocuments = "passages",
) -> AgreementReport:
    """Agreement of the chosen coders (names; default: every coder with passages) on the
    chosen documents (ids or {attribute: value}; default all) and codes (branches, by id or
    path; default all). Raises ``AgreementError`` with fewer than two coders."""
    return build_report(
        load_codings(project, coders=coders, documents=documents, codes=codes,
                     unit_kind=unit_kind, coded_documents=coded_documents)
    )


def disagreements(
    project: Project,
    *,
    coders: CoderFilter = None,
    documents: DocumentFilter = None,
    codes: CodeFilter = None,
    unit_kind: str = "paragraph",
    coded_documents: CodedDocuments = "passages",
) -> list[Disagreement]:
    """Units where the coders who coded the document differ on a code, by document number,
    unit position and code tree order. Same arguments as :func:`agreement`."""
    return find_disagreements(
        load_codings(project, coders=coders, documents=documents, codes=codes,
                     unit_kind=unit_kind, coded_documents=coded_documents)
    )


def analyse(
    project: Project,
    *,
    coders: CoderFilter = None,
    documents: DocumentFilter = None,
    codes: CodeFilter = None,
    unit_kind: str = "paragraph",
    coded_documents: CodedDocuments = "passages",
) -> tuple[AgreementReport, list[Disagreement]]:
    """:func:`agreement` and :func:`disagreements` from one reading of the passages."""
    data = load_codings(project, coders=coders, documents=documents, codes=codes,
                        unit_kind=unit_kind, coded_documents=coded_documents)
    return build_report(data), find_disagreements(data)


# -- the report ---------------------------------------------------------------------------


@dataclass
class _Pair:
    a: int
    b: int
    documents: list[int]  # compared documents both coded
    units: int
    characters: int


def build_report(data: CodingData) -> AgreementReport:
    names = {c.id: c.name for c in data.coders}
    pairs = [_pair(data, a.id, b.id) for a, b in combinations(data.coders, 2)]
    two_coders = len(data.coders) == 2
    total_units = sum(len(d.units) for d in data.documents)
    total_chars = sum(d.info.length for d in data.documents)
    base_alpha = AlphaCounts(
        values=sum(len(d.coder_ids) * len(d.units) for d in data.documents), items=total_units
    )

    rows: list[AgreementRow] = []
    by_document: list[DocumentCharRow] = []
    pooled: dict[tuple[int, int], list[int]] = {(p.a, p.b): [0] * 6 for p in pairs}
    pooled_alpha = AlphaCounts()
    used = 0
    used_ids = {code_id for code_id, _ in data.spans}
    for code in data.codes:
        counts = [_code_counts(data, code.id, p, names) for p in pairs]
        alpha = _code_alpha(data, code.id, base_alpha)
        rows.append(
            _row(code.id, code.path, counts, alpha, data.unit_kind, total_units, total_chars,
                 two_coders)
        )
        by_document.extend(_document_rows(data, code.id, code.path, two_coders))
        if code.id in used_ids:
            used += 1
            pooled_alpha += alpha
            for p, c in zip(pairs, counts, strict=True):
                sums = pooled[p.a, p.b]
                for i, value in enumerate((c.n1, c.n2, c.m, c.chars_a, c.chars_b, c.chars_both)):
                    sums[i] += value
    overall_pairs = []
    for p in pairs:
        n1, n2, m, ca, cb, cab = pooled[p.a, p.b]
        overall_pairs.append(PairCounts(names[p.a], names[p.b], p.units * used, n1, n2, m,
                                        p.characters * used, ca, cb, cab))
    overall = _row(None, (), overall_pairs, pooled_alpha, f"{data.unit_kind}×code",
                   total_units * used, total_chars * used, two_coders,
                   char_unit=f"{CHARACTER}×code")
    return AgreementReport(
        unit_kind=data.unit_kind,
        coders=tuple(c.name for c in data.coders),
        documents=tuple(d.info.id for d in data.documents),
        selected_documents=data.selected_documents,
        coded_rule=data.coded_rule,
        units=total_units,
        characters=total_chars,
        rows=tuple(rows),
        overall=overall,
        used_codes=used,
        by_document=tuple(by_document),
    )


def _pair(data: CodingData, a: int, b: int) -> _Pair:
    docs = [d for d in data.documents if a in d.coder_ids and b in d.coder_ids]
    return _Pair(a, b, [d.info.id for d in docs], sum(len(d.units) for d in docs),
                 sum(d.info.length for d in docs))


def _code_counts(data: CodingData, code_id: int, pair: _Pair, names: dict[int, str]) -> PairCounts:
    units_a = data.units.get((code_id, pair.a), {})
    units_b = data.units.get((code_id, pair.b), {})
    spans_a = data.spans.get((code_id, pair.a), {})
    spans_b = data.spans.get((code_id, pair.b), {})
    n1 = n2 = m = ca = cb = cab = 0
    for doc_id in pair.documents:
        ua, ub = units_a.get(doc_id), units_b.get(doc_id)
        if ua:
            n1 += len(ua)
        if ub:
            n2 += len(ub)
        if ua and ub:
            m += len(ua & ub)
        sa, sb = spans_a.get(doc_id), spans_b.get(doc_id)
        if sa:
            ca += covered(sa)
        if sb:
            cb += covered(sb)
        if sa and sb:
            cab += shared(sa, sb)
    return PairCounts(names[pair.a], names[pair.b], pair.units, n1, n2, m,
                      pair.characters, ca, cb, cab)


def _code_alpha(data: CodingData, code_id: int, base: AlphaCounts) -> AlphaCounts:
    counts = AlphaCounts(values=base.values, items=base.items)
    for doc in data.documents:
        present: Counter[int] = Counter()
        for coder_id in doc.coder_ids:
            present.update(data.units.get((code_id, coder_id), {}).get(doc.info.id, ()))
        coders = len(doc.coder_ids)
        for n in present.values():
            counts.add_present(coders, n)
    return counts


def _row(
    code_id: int | None,
    path: tuple[str, ...],
    pairs: list[PairCounts],
    alpha: AlphaCounts,
    unit: str,
    units: int,
    characters: int,
    two_coders: bool,
    *,
    char_unit: str = CHARACTER,
) -> AgreementRow:
    compared = [p for p in pairs if p.units > 0]
    percent = _mean_figure(
        [agreeing(p.units, p.n1, p.n2, p.m) / p.units for p in compared], units, unit
    )
    decisions = sum(p.n1 + p.n2 for p in compared)
    rs = [r for p in compared if (r := holsti(p.m, p.n1, p.n2)) is not None]
    if not compared:
        r_fig = cr_fig = undefined(0, CODING_DECISION, Reason.NO_SHARED_UNITS)
    elif not rs:
        r_fig = undefined(0, CODING_DECISION, Reason.NOT_APPLIED)
        cr_fig = undefined(0, CODER, Reason.NOT_APPLIED)
    else:
        mean_r = fmean(rs)
        coders = len({name for p in compared for name in (p.coder_a, p.coder_b)})
        r_fig = Figure(mean_r, decisions, CODING_DECISION)
        cr_fig = Figure(composite_reliability(mean_r, coders), coders, CODER)

    with_chars = [p for p in pairs if p.characters > 0]
    char_percent = _mean_figure(
        [agreeing(p.characters, p.chars_a, p.chars_b, p.chars_both) / p.characters
         for p in with_chars],
        characters, char_unit,
    )
    if two_coders:
        p = pairs[0]
        kappa = _kappa(p.units, p.n1, p.n2, p.m, unit)
        char_kappa = _kappa(p.characters, p.chars_a, p.chars_b, p.chars_both, char_unit)
    else:
        kappa = undefined(units, unit, Reason.TWO_CODERS_ONLY)
        char_kappa = undefined(characters, char_unit, Reason.TWO_CODERS_ONLY)
    value = alpha.alpha()
    alpha_fig = (Figure(value, alpha.items, unit) if value is not None
                 else undefined(alpha.items, unit, alpha.reason()))
    return AgreementRow(code_id, path, units, characters, percent, r_fig, cr_fig, kappa,
                        alpha_fig, char_percent, char_kappa, tuple(pairs))


def _mean_figure(values: list[float], n: int, unit: str) -> Figure:
    if not values:
        return undefined(n, unit, Reason.NO_SHARED_UNITS)
    return Figure(fmean(values), n, unit)


def _kappa(total: int, a: int, b: int, both: int, unit: str) -> Figure:
    value = cohen_kappa(total, a, b, both)
    if value is None:
        return undefined(total, unit, kappa_reason(total, a, b))
    return Figure(value, total, unit)


def _document_rows(
    data: CodingData, code_id: int, path: tuple[str, ...], two_coders: bool
) -> list[DocumentCharRow]:
    """Character-level figures per document, for the documents where the code was used."""
    rows = []
    for doc in data.documents:
        spans = {c: data.spans.get((code_id, c), {}).get(doc.info.id, []) for c in doc.coder_ids}
        if not any(spans.values()):
            continue
        length = doc.info.length
        cover = {c: covered(s) for c, s in spans.items()}
        shares, kappa = [], None
        for a, b in combinations(doc.coder_ids, 2):
            both = shared(spans[a], spans[b])
            shares.append(agreeing(length, cover[a], cover[b], both) / length)
            if two_coders:
                kappa = _kappa(length, cover[a], cover[b], both, CHARACTER)
        rows.append(
            DocumentCharRow(
                code_id, path, doc.info.id, doc.info.number, doc.info.title, length,
                Figure(fmean(shares), length, CHARACTER),
                kappa or undefined(length, CHARACTER, Reason.TWO_CODERS_ONLY),
            )
        )
    return rows


# -- disagreements ------------------------------------------------------------------------


def find_disagreements(data: CodingData) -> list[Disagreement]:
    names = {c.id: c.name for c in data.coders}
    found: list[tuple[int, int, int, Disagreement]] = []
    for order, code in enumerate(data.codes):
        for doc in data.documents:
            doc_id = doc.info.id
            present = {
                c: data.units.get((code.id, c), {}).get(doc_id, set()) for c in doc.coder_ids
            }
            for index in set().union(*present.values()):
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
