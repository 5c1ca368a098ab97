"""Suggestions learned from the researcher's own coding, on this machine.

Per code with enough coded units, a logistic regression (scikit-learn, CPU) over the units'
features (:mod:`annotator.suggest.units`) learns from the units of the documents the coders
have worked through — coded with the code, or not — and from the proposals of that code the
researcher rejected. Its quality is measured first, by cross-validation split by document (a
document never trains and tests at once): precision, recall and F1 at the confidence the
proposals will need. Only codes whose measured precision reaches ``min_precision`` propose;
their proposals (units of documents not yet worked through, with the model's probability as
confidence) go to the review queue as "suggested", never straight into passages.

Nothing is kept between runs: each run learns again from the project as it is, so a changed
codebook or new coding is never judged by an old model, and no model leaves the machine.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from annotator.db import proposals as repo
from annotator.errors import InvalidOperation
from annotator.suggest.units import UnitTable, collect_units

if TYPE_CHECKING:
    from annotator.project import Project

UNITS = ("paragraph", "sentence")
MIN_UNITS = 10  # coded units a code needs before a model is trained for it
MIN_DOCUMENTS = 2  # ... in at least this many documents (the split is by document)
FOLDS = 5
#: Above this many training rows a model is fitted by stochastic gradient descent (a few
#: passes, linear in the table's size) instead of liblinear, and cross-validated in fewer
#: folds: on a coding a linear model cannot separate, liblinear runs to its iteration limit
#: on every fit (60 codes x 6 fits: 250 synthetic documents, 20,000 paragraphs, took more
#: than half an hour). On the statutes of bench_suggest, SGD's F1 equals liblinear's.
LARGE = 10_000
LARGE_FOLDS = 3
#: A code's model learns from at most this many units: all its coded units (and rejected
#: proposals), and as many uncoded ones as fill the rest, drawn at random. With balanced
#: class weights the model's odds do not depend on how many uncoded units it saw, and a
#: project of 2,000 documents learns in a fraction of the time.
MAX_TRAINING_UNITS = 20_000


@dataclass
class CodeQuality:
    code_id: int
    path: str
    coded_units: int  # units the code carries in worked-through documents
    documents: int  # worked-through documents with the code
    trained: bool = False
    reason: str = ""  # why no model, when none
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    proposes: bool = False  # precision high enough to propose
    proposed: int = 0  # new proposals stored
    keyword_precision: float | None = None  # keyword auto-coding on the same units
    keyword_recall: float | None = None
    keyword_f1: float | None = None


@dataclass(frozen=True)
class NextUnit:
    """A unit whose coding would teach the model most: its surest guess is least sure."""

    document_id: int
    document_number: int
    document_title: str
    number: str
    start: int
    end: int
    text: str
    code_id: int
    probability: float


@dataclass
class SuggestReport:
    unit: str
    min_confidence: float
    min_precision: float
    worked_documents: int
    units: int
    training_units: int
    codes: list[CodeQuality] = field(default_factory=list)
    next_units: list[NextUnit] = field(default_factory=list)
    ranked_keyword_proposals: int = 0

    @property
    def proposed(self) -> int:
        return sum(c.proposed for c in self.codes)


def suggest(
    project: Project,
    *,
    unit: str = "paragraph",
    code_ids: Collection[int] | None = None,
    coder_ids: Collection[int] | None = None,
    min_confidence: float = 0.7,
    min_precision: float = 0.6,
    next_units: int = 0,
    store: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> SuggestReport:
    """Learn from the coding, report its quality per code and (``store``) add proposals for
    the units of the documents not yet worked through. ``next_units``: also rank that many
    uncoded units by how much coding them would teach (most uncertain first).
    ``progress(done, total)`` is called as the codes are learned."""
    if unit not in UNITS:
        raise InvalidOperation(f"unknown unit {unit!r} (use {', '.join(UNITS)})")
    if not 0.0 < min_confidence < 1.0:
        raise InvalidOperation("the minimum confidence must lie between 0 and 1")
    codes = [c for c in project.codes(counts=False)
             if code_ids is None or c.id in set(code_ids)]
    if not codes:
        raise InvalidOperation("the project has no codes to learn")
    table = collect_units(project, unit, coder_ids)
    worked = np.array(table.worked, dtype=bool)
    groups = np.array(table.document_ids, dtype=np.int64)
    worked_docs = len(set(groups[worked].tolist()))
    report = SuggestReport(unit, min_confidence, min_precision, worked_docs, len(table),
                           int(worked.sum()))
    if len(table) == 0:
        raise InvalidOperation("the project has no documents to learn from")
    if worked_docs < MIN_DOCUMENTS:
        raise InvalidOperation(
            f"nothing to learn from yet: code at least {MIN_DOCUMENTS} documents "
            f"(with at least {MIN_UNITS} coded {unit}s per code) first")
    with project.session_scope() as s:
        known = repo.statuses(s, [c.id for c in codes])
        coded = repo.coded_spans(s, [c.id for c in codes])
    row_of = table.row_of()
    rejected: dict[int, list[int]] = {}
    for (doc_id, code_id, start, end), status in known.items():
        row = row_of.get((doc_id, start, end))
        if status == repo.REJECTED and row is not None:
            rejected.setdefault(code_id, []).append(row)
    keyword_units = _keyword_units(project, table, codes)

    candidates = np.flatnonzero(~worked)
    uncertainty = np.zeros(len(candidates))
    best_code = np.full(len(candidates), -1, dtype=np.int64)
    best_p = np.zeros(len(candidates))
    new: list[repo.NewProposal] = []
    models = {}
    for done, code in enumerate(codes):
        if progress is not None:
            progress(done, len(codes))
        positives = table.labels.get(code.id, set())
        y = np.zeros(len(table), dtype=bool)
        if positives:
            y[list(positives)] = True
        coded_docs = len(set(groups[y & worked].tolist()))
        quality = CodeQuality(code.id, code.path_text, int((y & worked).sum()), coded_docs)
        report.codes.append(quality)
        kw = keyword_units.get(code.id)
        if kw is not None:
            guess = np.zeros(len(table), dtype=bool)
            guess[list(kw)] = True
            quality.keyword_precision, quality.keyword_recall, quality.keyword_f1 = _prf(
                y[worked], guess[worked])
        if quality.coded_units < MIN_UNITS or coded_docs < MIN_DOCUMENTS:
            quality.reason = (f"needs {MIN_UNITS} coded {unit}s in {MIN_DOCUMENTS} documents "
                              f"(has {quality.coded_units} in {coded_docs})")
            continue
        if quality.coded_units == int(worked.sum()):
            quality.reason = "every unit carries it: nothing to tell apart"
            continue
        train = worked.copy()
        extra = np.array(rejected.get(code.id, []), dtype=np.int64)
        if len(extra):
            train[extra] = True
            y[extra] = False
        quality.precision, quality.recall, quality.f1 = _cross_validate(
            table, y, worked, groups, extra, min_confidence)
        quality.trained = True
        quality.proposes = (quality.precision or 0.0) >= min_precision
        if not quality.proposes:
            quality.reason = f"precision {quality.precision:.2f} below {min_precision:.2f}"
        fit_rows = _sample(np.flatnonzero(train), y, extra)
        model = _fit(table.features[fit_rows], y[fit_rows])
        models[code.id] = model
        if len(candidates) == 0:
            continue
        p = model.predict_proba(table.features[candidates])[:, 1]
        closeness = 1.0 - np.abs(2.0 * p - 1.0)
        better = closeness > uncertainty
        uncertainty[better] = closeness[better]
        best_code[better] = code.id
        best_p[better] = p[better]
        if not quality.proposes:
            continue
        spans = coded.get
        for i in np.flatnonzero(p >= min_confidence).tolist():
            row = int(candidates[i])
            doc_id, a, b = table.document_ids[row], table.starts[row], table.ends[row]
            if (doc_id, code.id, a, b) in known:
                continue
            if any(x < b and a < z for x, z in spans((doc_id, code.id), ())):
                continue
            new.append(repo.NewProposal(doc_id, code.id, a, b, "", unit,
                                        origin=repo.SUGGESTED, confidence=float(p[i])))
            quality.proposed += 1
    if progress is not None:
        progress(len(codes), len(codes))

    if next_units and len(candidates):
        order = np.argsort(-uncertainty, kind="stable")[:next_units]
        for i in order.tolist():
            if best_code[i] < 0:
                break
            row = int(candidates[i])
            doc_id = table.document_ids[row]
            report.next_units.append(NextUnit(
                doc_id, table.document_numbers[row], table.titles.get(doc_id, ""),
                table.numbers[row], table.starts[row], table.ends[row], table.texts[row],
                int(best_code[i]), float(best_p[i])))
    if store:
        scores = _score_keyword_proposals(project, table, models, row_of)
        report.ranked_keyword_proposals = len(scores)
        with project.session_scope() as s:
            repo.add_proposals(s, new)  # spans already proposed or coded were left out
            repo.set_confidences(s, scores)
    else:
        for quality in report.codes:
            quality.proposed = 0
    return report


def _fit(x: object, y: np.ndarray) -> object:
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression, SGDClassifier

    rows, columns = x.shape  # type: ignore[attr-defined]
    if rows > LARGE:
        # The same penalty as C=4 below (alpha = 1 / (C n)), log loss: probabilities.
        model = SGDClassifier(loss="log_loss", alpha=1.0 / (4.0 * rows),
                              class_weight="balanced", max_iter=8, tol=1e-4, random_state=0)
    else:
        # More features than units in most projects: liblinear's dual problem is the fast one.
        model = LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear",
                                   dual=columns > rows, max_iter=500)
    with warnings.catch_warnings():
        # A model stopped at its limit is still measured by the cross-validation; the
        # warning would only fill the user's terminal.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x, y)
    return model


def _cross_validate(table: UnitTable, y: np.ndarray, worked: np.ndarray, groups: np.ndarray,
                    extra: np.ndarray, threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 over held-out documents: each fold trains on the other
    documents (and the rejected proposals) and predicts the fold's units."""
    from sklearn.model_selection import GroupKFold

    rows = np.flatnonzero(worked)
    n_docs = len(set(groups[rows].tolist()))
    folds = GroupKFold(n_splits=min(FOLDS if len(rows) <= LARGE else LARGE_FOLDS, n_docs))
    predicted = np.zeros(len(rows), dtype=bool)
    for train_idx, test_idx in folds.split(rows, y[rows], groups[rows]):
        train_rows = rows[train_idx]
        if len(extra):
            train_rows = np.union1d(train_rows, extra)
        train_rows = _sample(train_rows, y, extra)
        if not y[train_rows].any() or y[train_rows].all():
            continue  # a fold without both kinds predicts nothing
        model = _fit(table.features[train_rows], y[train_rows])
        p = model.predict_proba(table.features[rows[test_idx]])[:, 1]
        predicted[test_idx] = p >= threshold
    return _prf(y[rows], predicted)


def _sample(rows: np.ndarray, y: np.ndarray, keep: np.ndarray,
            limit: int | None = None) -> np.ndarray:
    """``rows`` (sorted) cut to ``limit``: every positive and every row of ``keep`` (the
    rejected proposals), then uncoded rows drawn at random (the same draw on every run)."""
    limit = MAX_TRAINING_UNITS if limit is None else limit
    if len(rows) <= limit:
        return rows
    must = y[rows] | np.isin(rows, keep)
    fixed, pool = rows[must], rows[~must]
    room = max(0, limit - len(fixed))
    if room >= len(pool):
        return rows
    drawn = np.random.default_rng(0).choice(pool, size=room, replace=False)
    return np.sort(np.concatenate([fixed, drawn]))


def _prf(truth: np.ndarray, guess: np.ndarray) -> tuple[float, float, float]:
    tp = int((truth & guess).sum())
    fp = int((~truth & guess).sum())
    fn = int((truth & ~guess).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _keyword_units(project: Project, table: UnitTable,
                   codes: Sequence[object]) -> dict[int, set[int]]:
    """Rows keyword auto-coding would propose, per code with keywords (its own matching:
    whole words of the index, both scripts)."""
    from annotator.autocoding.propose import keyword_matches

    wanted = [c for c in codes if getattr(c, "keywords", None)]
    if not wanted:
        return {}
    by_doc: dict[int, tuple[np.ndarray, np.ndarray, int]] = {}
    starts = np.array(table.starts, dtype=np.int64)
    ends = np.array(table.ends, dtype=np.int64)
    doc_ids = np.array(table.document_ids, dtype=np.int64)
    if len(doc_ids):
        bounds = np.flatnonzero(np.diff(doc_ids)) + 1
        for lo, hi in zip(np.r_[0, bounds], np.r_[bounds, len(doc_ids)], strict=True):
            by_doc[int(doc_ids[lo])] = (starts[lo:hi], ends[lo:hi], int(lo))
    out: dict[int, set[int]] = {}
    for code, doc_id, start, _end in keyword_matches(project, wanted):
        found = by_doc.get(doc_id)
        if found is None:
            continue
        s, e, base = found
        i = int(np.searchsorted(s, start, side="right")) - 1
        if 0 <= i < len(s) and e[i] > start:
            out.setdefault(code, set()).add(base + i)
    for code in wanted:
        out.setdefault(code.id, set())  # type: ignore[attr-defined]
    return out


def _score_keyword_proposals(project: Project, table: UnitTable, models: dict[int, object],
                             row_of: dict[tuple[int, int, int], int]) -> list[tuple[int, float]]:
    """Pending keyword proposals of codes with a model, scored by it (the review queue then
    shows the likeliest first)."""
    if not models:
        return []
    with project.session_scope() as s:
        pending = repo.list_proposals(s, code_ids=list(models))
    rows_by_code: dict[int, list[tuple[int, int]]] = {}
    for p in pending:
        row = row_of.get((p.document_id, p.start, p.end))
        if p.origin == repo.KEYWORD and row is not None:
            rows_by_code.setdefault(p.code_id, []).append((p.id, row))
    scores = []
    for code_id, pairs in rows_by_code.items():
        rows = [row for _pid, row in pairs]
        probs = models[code_id].predict_proba(table.features[rows])[:, 1]  # type: ignore[attr-defined]
        scores += [(pid, float(prob)) for (pid, _row), prob in zip(pairs, probs, strict=True)]
    return scores
