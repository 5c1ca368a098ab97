"""Auto-coding by dictionary: every code's keywords propose the sentences (or paragraphs)
that contain them, across the corpus.

Keywords match as whole words of the word index (a keyword inside a longer listed term, such
as 成果转化 inside 科技成果转化, is no match), simplified and traditional forms alike: the
index and the keywords are folded (:mod:`annotator.chinese.variants`), so 知識產權 proposes
sentences that write 知识产权 and the other way round.

Proposals are stored as machine-made, pending review (:mod:`annotator.db.proposals`); nothing
becomes a passage until a researcher accepts it (:mod:`annotator.autocoding.review`). Running
again adds only new proposals: a unit already pending or rejected for that code, or already
coded with that code (a passage of the code overlaps it), is not proposed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.db import proposals as repo
from annotator.errors import InvalidOperation
from annotator.records import CodeInfo
from annotator.search import query as q
from annotator.search import texts
from annotator.search.index import ensure_index, index_segmenter
from annotator.search.units import UnitLocator

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.chinese.segment import Segmenter
    from annotator.project import Project

SENTENCE, PARAGRAPH = "sentence", "paragraph"
UNITS = (SENTENCE, PARAGRAPH)
KEYWORD_SEPARATOR = "、"


@dataclass
class CodeSummary:
    """What one code's keywords gave, counted in units (sentences or paragraphs)."""

    code_id: int
    path: str
    keywords: int
    matches: int = 0  # keyword occurrences found
    proposed: int = 0  # new proposals stored
    pending: int = 0  # already proposed and waiting for review
    rejected: int = 0  # rejected before: not proposed again
    coded: int = 0  # already coded with this code: not proposed


@dataclass
class AutocodeReport:
    unit: str
    codes: list[CodeSummary] = field(default_factory=list)

    @property
    def proposed(self) -> int:
        return sum(c.proposed for c in self.codes)

    @property
    def code_ids(self) -> list[int]:
        return [c.code_id for c in self.codes]


class _Texts:
    """Document texts and their unit locators, read once per run."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._locators: dict[int, UnitLocator] = {}

    def locator(self, document_id: int) -> UnitLocator:
        found = self._locators.get(document_id)
        if found is None:
            number, numbering = repo.document_numbering(self._session, document_id)
            text = texts.text(self._session, document_id)
            found = self._locators[document_id] = UnitLocator(number, text, numbering)
        return found


def unit_span(locator: UnitLocator, start: int, end: int, unit: str) -> tuple[int, int]:
    """The sentence or paragraph holding [start, end); the span itself outside of any."""
    if unit == SENTENCE:
        sentence = locator.sentence(start, end)
        if sentence is not None:
            return sentence
    paragraph = locator.paragraph(start, end)
    return paragraph[0] if paragraph is not None else (start, end)


def _overlaps(span: tuple[int, int], coded: Iterable[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in coded)


def _keyword_matches(
    session: Session, keyword: str, segmenter: Segmenter | None, whole_word: bool
) -> q.Matches:
    return q.find_matches(
        session, keyword, mode=q.WORD, whole_word=whole_word, segmenter=segmenter
    )


def keyword_matches(
    project: Project, codes: Iterable[CodeInfo], *, whole_word: bool = True
) -> list[tuple[int, int, int, int]]:
    """Every match of the codes' keywords as auto-coding finds them: (code id, document
    id, start, end). For measuring auto-coding against the researcher's own coding."""
    codes = [c for c in codes if c.keywords]
    if not codes:
        return []
    if whole_word:
        ensure_index(project)
    out: list[tuple[int, int, int, int]] = []
    with project.session_scope() as s:
        segmenter = index_segmenter(s) if whole_word else None
        for code in codes:
            for keyword in code.keywords:
                if not keyword.strip():
                    continue
                for doc_id, spans in _keyword_matches(s, keyword, segmenter,
                                                      whole_word).documents():
                    out.extend((code.id, doc_id, a, b) for a, b in spans)
    return out


def autocode(
    project: Project,
    *,
    unit: str = SENTENCE,
    code_ids: Iterable[int] | None = None,
    whole_word: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> AutocodeReport:
    """Propose ``unit``s for every code with keywords (or only ``code_ids``), in one
    transaction. Keywords match as whole words (segmented) unless ``whole_word`` is False,
    in either script. ``progress(done, total)`` is called as the codes are worked through
    (after the word index is up to date; ``ensure_index`` reports that part).
    Returns counts per code; the proposals are read with ``review.list_proposals``."""
    if unit not in UNITS:
        raise InvalidOperation.of("unknown unit {unit!r} (use {units})", unit=unit,
                                  units=", ".join(UNITS))
    wanted = None if code_ids is None else set(code_ids)
    codes: list[CodeInfo] = [
        c for c in project.codes() if c.keywords and (wanted is None or c.id in wanted)
    ]
    report = AutocodeReport(unit)
    if not codes:
        return report
    if whole_word:
        ensure_index(project)
    with project.session_scope() as s:
        segmenter = index_segmenter(s) if whole_word else None
        texts = _Texts(s)
        known = repo.statuses(s, [c.id for c in codes])
        coded = repo.coded_spans(s, [c.id for c in codes])
        new: list[repo.NewProposal] = []
        for done, code in enumerate(codes):
            if progress is not None:
                progress(done, len(codes))
            summary = CodeSummary(code.id, code.path_text, len(code.keywords))
            report.codes.append(summary)
            # (document, start, end) → the keywords found in that unit, in order.
            units: dict[tuple[int, int, int], list[str]] = {}
            for keyword in code.keywords:
                if not keyword.strip():
                    continue
                matches = _keyword_matches(s, keyword, segmenter, whole_word)
                summary.matches += matches.total
                for doc_id, spans in matches.documents():
                    locator = texts.locator(doc_id)
                    for start, end in spans:
                        a, b = unit_span(locator, start, end, unit)
                        found = units.setdefault((doc_id, a, b), [])
                        if keyword not in found:
                            found.append(keyword)
            for (doc_id, a, b), keywords in sorted(units.items()):
                status = known.get((doc_id, code.id, a, b))
                if status == repo.PENDING:
                    summary.pending += 1
                elif status is not None:
                    summary.rejected += 1
                elif _overlaps((a, b), coded.get((doc_id, code.id), ())):
                    summary.coded += 1
                else:
                    new.append(repo.NewProposal(
                        doc_id, code.id, a, b, KEYWORD_SEPARATOR.join(keywords), unit
                    ))
                    summary.proposed += 1
        repo.add_proposals(s, new)
    if progress is not None:
        progress(len(codes), len(codes))
    return report
