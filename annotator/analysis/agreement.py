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

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING

from annotator.analysis.agreement_counts import (
    Counts,
    DocumentChars,
    PairKey,
    PairTotals,
    count_all,
)
from annotator.analysis.agreement_data import (
    CodedDocuments,
    CodeFilter,
    CoderFilter,
    CodingData,
    DocumentFilter,
    load_codings,
    read_texts,
)
from annotator.analysis.agreement_disagreements import find_disagreements
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
    from annotator.analysis.filters import Filters
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
    filters: Filters | None = None,
    by_document: bool = False,
) -> AgreementReport:
    """Agreement of the chosen coders (names; default: every coder with passages) on the
    chosen documents (ids or {attribute: value}; default all) and codes (branches, by id or
    path; default all). ``filters``, the tables' :class:`Filters`, narrows that choice
    further. ``by_document`` adds character-level rows per code and document. Raises
    ``AgreementError`` with fewer than two coders."""
    data = load_codings(project, coders=coders, documents=documents, codes=codes,
                        unit_kind=unit_kind, coded_documents=coded_documents, filters=filters)
    return build_report(data, by_document=by_document)


def disagreements(
    project: Project,
    *,
    coders: CoderFilter = None,
    documents: DocumentFilter = None,
    codes: CodeFilter = None,
    unit_kind: str = "paragraph",
    coded_documents: CodedDocuments = "passages",
    filters: Filters | None = None,
) -> Sequence[Disagreement]:
    """Units where the coders who coded the document differ on a code, by document number,
    unit position and code tree order. Same arguments as :func:`agreement`."""
    data = load_codings(project, coders=coders, documents=documents, codes=codes,
                        unit_kind=unit_kind, coded_documents=coded_documents, filters=filters)
    return find_disagreements(data, lambda ids: read_texts(project, ids))


def analyse(
    project: Project,
    *,
    coders: CoderFilter = None,
    documents: DocumentFilter = None,
    codes: CodeFilter = None,
    unit_kind: str = "paragraph",
    coded_documents: CodedDocuments = "passages",
    filters: Filters | None = None,
    by_document: bool = False,
) -> tuple[AgreementReport, Sequence[Disagreement]]:
    """:func:`agreement` and :func:`disagreements` from one reading of the passages."""
    data = load_codings(project, coders=coders, documents=documents, codes=codes,
                        unit_kind=unit_kind, coded_documents=coded_documents, filters=filters)
    report = build_report(data, by_document=by_document)
    return report, find_disagreements(data, lambda ids: read_texts(project, ids))


# -- the report ---------------------------------------------------------------------------


@dataclass
class _Pair:
    a: int
    b: int
    units: int  # in the compared documents both coded
    characters: int


def build_report(data: CodingData, *, by_document: bool = False) -> AgreementReport:
    names = [c.name for c in data.coders]
    counts = count_all(data, by_document=by_document)
    pairs = [_pair(data, a, b) for a, b in counts.pairs]
    two_coders = len(data.coders) == 2
    sizes = [len(d.units.numbers) for d in data.documents]
    total_units = sum(sizes)
    total_chars = sum(d.info.length for d in data.documents)
    alpha_values = sum(len(d.coder_ids) * n for d, n in zip(data.documents, sizes, strict=True))

    def pair_counts(totals: dict[PairKey, PairTotals], times: int = 1) -> list[PairCounts]:
        return [
            PairCounts(names[p.a], names[p.b], p.units * times, t.n1, t.n2, t.m,
                       p.characters * times, t.chars_a, t.chars_b, t.chars_both)
            for p in pairs
            for t in (totals[p.a, p.b],)
        ]

    rows: list[AgreementRow] = []
    pooled = {key: PairTotals() for key in counts.pairs}
    pooled_alpha = AlphaCounts()
    used = 0
    ones, mixed, in_use = (counts.alpha_ones.tolist(), counts.alpha_disagreement.tolist(),
                           counts.used.tolist())
    for index, code in enumerate(data.codes):
        totals = counts.totals(index)
        alpha = AlphaCounts(alpha_values, total_units, ones[index], mixed[index])
        rows.append(_row(code.id, code.path, pair_counts(totals), alpha, data.unit_kind,
                         total_units, total_chars, two_coders))
        if in_use[index]:
            used += 1
            pooled_alpha += alpha
            for key in counts.pairs:
                pooled[key] += totals[key]
    overall = _row(None, (), pair_counts(pooled, used), pooled_alpha, f"{data.unit_kind}×code",
                   total_units * used, total_chars * used, two_coders,
                   char_unit=f"{CHARACTER}×code")
    return AgreementReport(
        unit_kind=data.unit_kind,
        coders=tuple(names),
        documents=tuple(d.info.id for d in data.documents),
        selected_documents=data.selected_documents,
        coded_rule=data.coded_rule,
        units=total_units,
        characters=total_chars,
        rows=tuple(rows),
        overall=overall,
        used_codes=used,
        by_document=tuple(_document_rows(data, counts, two_coders)),
    )


def _pair(data: CodingData, a: int, b: int) -> _Pair:
    docs = [d for d, both in zip(data.documents, data.coded[:, a] & data.coded[:, b],
                                 strict=True) if both]
    return _Pair(a, b, sum(len(d.units.numbers) for d in docs),
                 sum(d.info.length for d in docs))


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


def _document_rows(data: CodingData, counts: Counts, two_coders: bool) -> list[DocumentCharRow]:
    """Character-level figures of each code in each document where it was used, by code in
    tree order, then document number."""
    return [_document_row(data, item, two_coders) for item in counts.documents]


def _document_row(data: CodingData, item: DocumentChars, two_coders: bool) -> DocumentCharRow:
    code = data.codes[item.code]
    info = data.documents[item.document].info
    length = info.length
    shares = [agreeing(length, a, b, both) / length for a, b, both in item.pairs]
    if two_coders:
        kappa = _kappa(length, *item.pairs[0], CHARACTER)
    else:
        kappa = undefined(length, CHARACTER, Reason.TWO_CODERS_ONLY)
    return DocumentCharRow(code.id, code.path, info.id, info.number, info.title, length,
                           Figure(fmean(shares), length, CHARACTER), kappa)
