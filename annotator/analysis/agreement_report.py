"""The records an agreement analysis hands out, and the words for its "n/a" reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from annotator.analysis.agreement_measures import Figure, Reason

REASONS_ZH = {
    Reason.NO_SHARED_UNITS: "没有由两位编码员都编码过的单位",
    Reason.NOT_APPLIED: "比较范围内没有编码员使用此编码（无变异，无法计算）",
    Reason.EVERYWHERE: "所有编码员在每个单位都使用了此编码（无变异，无法计算）",
    Reason.TWO_CODERS_ONLY: "Cohen's κ 只比较两位编码员，多位编码员请看 α",
}
REASONS_EN = {
    Reason.NO_SHARED_UNITS: "no unit was coded by two of the coders",
    Reason.NOT_APPLIED: "no coder applied this code in the compared units (no variation)",
    Reason.EVERYWHERE: "every coder applied this code to every unit (no variation)",
    Reason.TWO_CODERS_ONLY: "Cohen's kappa compares exactly two coders; see alpha",
}
UNIT_NAMES_ZH = {"paragraph": "段落", "sentence": "句子", "character": "字符"}


@dataclass(frozen=True)
class PairCounts:
    """Raw counts for one pair of coders on one code (or pooled over codes).

    Units: ``units`` compared (in documents both coded), ``n1``/``n2`` where each coder
    applied the code, ``m`` where both did. Characters likewise."""

    coder_a: str
    coder_b: str
    units: int
    n1: int
    n2: int
    m: int
    characters: int
    chars_a: int
    chars_b: int
    chars_both: int


@dataclass(frozen=True)
class AgreementRow:
    """Every measure for one code (``code_id`` None: the overall row).

    ``units``/``characters`` are the compared units and characters (the N of the unit-level
    and character-level figures); the overall row pools codes, so its figures count
    (unit, code) and (character, code) judgements."""

    code_id: int | None
    path: tuple[str, ...]
    units: int
    characters: int
    percent: Figure
    holsti: Figure
    composite: Figure
    kappa: Figure
    alpha: Figure
    char_percent: Figure
    char_kappa: Figure
    pairs: tuple[PairCounts, ...]

    @property
    def label(self) -> str:
        return " / ".join(self.path) if self.path else "合计"

    def figures(self) -> dict[str, Figure]:
        return {
            "percent": self.percent,
            "holsti": self.holsti,
            "composite": self.composite,
            "kappa": self.kappa,
            "alpha": self.alpha,
            "char_percent": self.char_percent,
            "char_kappa": self.char_kappa,
        }

    @property
    def two_coder_counts(self) -> PairCounts | None:
        """M, N1, N2 as papers quote them, when exactly two coders are compared."""
        return self.pairs[0] if len(self.pairs) == 1 else None


@dataclass(frozen=True)
class DocumentCharRow:
    """Character-level agreement of one code in one document (as NVivo's per-source rows)."""

    code_id: int
    path: tuple[str, ...]
    document_id: int
    document_number: int
    title: str
    characters: int
    percent: Figure
    kappa: Figure


@dataclass(frozen=True)
class AgreementReport:
    unit_kind: str  # "paragraph" | "sentence"
    coders: tuple[str, ...]
    documents: tuple[int, ...]  # ids of the compared documents (coded by two coders or more)
    selected_documents: int  # after the document filter, compared or not
    coded_rule: str  # "passages" (a coder coded a document with a passage in it), "all", "list"
    units: int  # units in the compared documents
    characters: int  # characters in the compared documents
    rows: tuple[AgreementRow, ...]  # one per code, tree order
    overall: AgreementRow
    used_codes: int  # codes some coder applied in the compared documents (pooled overall)
    by_document: tuple[DocumentCharRow, ...]  # only when asked for (by_document=True)

    def row(self, code_id: int) -> AgreementRow:
        return next(r for r in self.rows if r.code_id == code_id)


class Disagreement(NamedTuple):
    """A unit where the coders differ on a code: some applied it, others did not.

    ``passage_ids`` are the passages of that code overlapping the unit (to jump to). A
    named tuple, not a dataclass: a large project has 100,000s of these, and a tuple is
    built several times faster."""

    document_id: int
    document_number: int
    title: str
    unit_number: str
    unit_start: int
    unit_end: int
    unit_text: str
    code_id: int
    path: tuple[str, ...]
    coders_with: tuple[str, ...]
    coders_without: tuple[str, ...]
    passage_ids: tuple[int, ...]

    @property
    def code_label(self) -> str:
        return " / ".join(self.path)
