"""The units a model learns from and proposes for, with their features and labels.

One walk over the corpus (:class:`annotator.analysis.corpus_walk.CorpusWalk`): each
document's units of the chosen kind (as the project stores them), its words as the search
index stores them (segmented with the project's terms), its headings and its passages.

Features of a unit, as strings hashed into one sparse row:

* ``w:`` its words and ``b:`` adjacent word pairs (a word inside a longer listed term is not
  the term: the index's segmentation decides, as in search and auto-coding);
* ``h:`` the words of every heading the unit stands under and ``H:`` each heading whole
  (第三章 法律责任 → ``H:法律责任``): what a chapter is about, which no keyword list says;
* ``pos:`` its place in the document (tenths), ``par:`` its place in its section, ``hd`` for
  a heading, ``lvl:`` the depth of its section.

Labels: a unit carries a code when one of the chosen coders' passages of that code covers
at least half of the unit or half of the passage lies in it. A document is *worked through*
when those coders have coded anything in it: its units without a code are that code's
counter-examples; units of other documents are unlabelled (what the model proposes for).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from annotator.analysis.corpus_walk import CorpusWalk
from annotator.analysis.unit_index import DEFAULT_CACHE, DocumentUnits
from annotator.chinese.tokens import BREAK
from annotator.chinese.variants import fold
from annotator.db import corpus_reads
from annotator.search.index import (
    ensure_index,
    folded_segmenter,
    index_segmenter,
    index_words,
)

if TYPE_CHECKING:
    from annotator.chinese.segment import Segmenter
    from annotator.project import Project

#: Hashed feature space: large enough that policy vocabularies rarely collide.
N_FEATURES = 2**20


@dataclass
class UnitTable:
    """Every unit of the corpus as parallel lists, and its sparse feature matrix."""

    kind: str
    document_ids: list[int] = field(default_factory=list)
    document_numbers: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # the first 80 characters, for reports
    worked: list[bool] = field(default_factory=list)  # its document is worked through
    labels: dict[int, set[int]] = field(default_factory=dict)  # code id → row indexes
    features: object = None  # scipy.sparse.csr_matrix, one row per unit
    titles: dict[int, str] = field(default_factory=dict)  # document id → title

    def __len__(self) -> int:
        return len(self.starts)

    def row_of(self) -> dict[tuple[int, int, int], int]:
        """(document id, start, end) → row."""
        return {(d, s, e): i for i, (d, s, e) in
                enumerate(zip(self.document_ids, self.starts, self.ends, strict=True))}


def collect_units(
    project: Project, kind: str, coder_ids: Collection[int] | None = None
) -> UnitTable:
    """The table of every unit of ``kind`` ("paragraph" or "sentence"), labelled by the
    passages of ``coder_ids`` (None: every coder)."""
    from scipy import sparse
    from sklearn.feature_extraction import FeatureHasher

    ensure_index(project)  # the stored words every unit's features are read from
    documents = project.documents()
    table = UnitTable(kind)
    table.titles = {d.id: d.title for d in documents}
    with project.session_scope() as s:
        index_terms = corpus_reads.index_terms_if_current(s)
        ids = [d.id for d in documents]
        units = DEFAULT_CACHE.units(s, ids, kind)
        paragraphs = units if kind == "paragraph" else DEFAULT_CACHE.units(s, ids, "paragraph")
        segmenter = index_segmenter(s) if index_terms is None else folded_segmenter(index_terms)
    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    blocks, structure_blocks = [], []
    wanted = None if coder_ids is None else set(coder_ids)
    for doc in CorpusWalk(project, documents, index_terms=index_terms):
        info = doc.info
        mine = units.get(info.id)
        if mine is None:
            mine = DocumentUnits.split(info.number, doc.text, kind, info.numbering or "auto")
        paras = paragraphs.get(info.id) or mine
        stored = doc.stored
        if stored is None:  # not in the index as it is now: segment, as the index would
            stored = _segment(segmenter, doc.text)
        forms, word_starts, _ends = stored
        passages = [p for p in doc.passages if wanted is None or p.coder_id in wanted]
        worked = bool(passages)
        headings = _headings(doc.text, paras, forms, word_starts)
        base = len(table)
        rows, structure = _unit_features(doc.text, mine, forms, word_starts, headings)
        table.document_ids += [info.id] * len(mine.numbers)
        table.document_numbers += [info.number] * len(mine.numbers)
        table.numbers += list(mine.numbers)
        starts, ends = mine.starts.tolist(), mine.ends.tolist()
        table.starts += starts
        table.ends += ends
        table.texts += [doc.text[a:min(b, a + 80)] for a, b in zip(starts, ends, strict=True)]
        table.worked += [worked] * len(starts)
        for p in passages:
            for i in _covered(mine, p.start, p.end):
                table.labels.setdefault(p.code_id, set()).add(base + i)
        blocks.append(hasher.transform(rows).astype(np.float32))
        structure_blocks.append(hasher.transform(structure).astype(np.float32))
    if blocks:
        # Words and structure each weigh as much: a long article's many words must not
        # drown the one heading it stands under.
        matrix = sparse.hstack([_unit_rows(sparse.vstack(blocks, format="csr")),
                                _unit_rows(sparse.vstack(structure_blocks, format="csr"))],
                               format="csr")
        # Only the hashed columns some unit uses: the solvers' cost grows with the columns.
        used, inverse = np.unique(matrix.indices, return_inverse=True)
        table.features = sparse.csr_matrix(
            (matrix.data, inverse.astype(np.int32), matrix.indptr),
            shape=(matrix.shape[0], len(used)))
    else:
        table.features = sparse.csr_matrix((0, 1), dtype=np.float32)
    return table


def _unit_rows(matrix: object) -> object:
    """Counts → presence, each row scaled to unit length."""
    from scipy import sparse

    m = sparse.csr_matrix(matrix)
    m.data[:] = 1.0
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags((1.0 / norms).astype(np.float32)).dot(m).tocsr()


def _segment(segmenter: Segmenter, text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    forms, spans = index_words(segmenter, fold(text))
    starts = np.array([a for a, _ in spans], dtype=np.int64)
    ends = np.array([b for _, b in spans], dtype=np.int64)
    return forms, starts, ends


def _words_between(forms: Sequence[str], word_starts: np.ndarray, a: int, b: int) -> list[str]:
    lo, hi = np.searchsorted(word_starts, [a, b]).tolist()
    return [w for w in forms[lo:hi] if w != BREAK]


def _headings(text: str, paras: DocumentUnits, forms: Sequence[str],
              word_starts: np.ndarray) -> dict[str, tuple[list[str], str]]:
    """Heading paragraph number → (its words, its title without the number marker)."""
    from annotator.chinese.numbering import parse_heading

    out = {}
    flags = paras.headings if paras.headings is not None else ()
    for number, a, b, is_heading in zip(paras.numbers, paras.starts.tolist(),
                                        paras.ends.tolist(), flags, strict=False):
        if is_heading:
            words = _words_between(forms, word_starts, a, b)
            line = text[a:b].split("\n", 1)[0]
            parsed = parse_heading(line)
            title = (parsed.rest if parsed is not None and parsed.rest else line).strip()
            out[number] = (words, title[:40])
    return out


def _sections(number: str) -> list[str]:
    """The heading numbers a unit stands under: 3-2-1-4 → 3-2-0, 3-2-1-0; 3-2-5.2 → 3-2-0."""
    parts = number.split(".", 1)[0].split("-")
    return ["-".join([*parts[: i + 1], "0"]) for i in range(1, len(parts) - 1)] + (
        [number.split(".", 1)[0]] if parts[-1] == "0" else [])


def _unit_features(text: str, units: DocumentUnits, forms: Sequence[str],
                   word_starts: np.ndarray, headings: dict[str, tuple[list[str], str]],
                   ) -> tuple[list[list[str]], list[list[str]]]:
    """Each unit's word features and its structure features."""
    n = len(text) or 1
    rows: list[list[str]] = []
    structure: list[list[str]] = []
    flags = units.headings.tolist() if units.headings is not None else [False] * len(units.numbers)
    for number, a, b, is_heading in zip(units.numbers, units.starts.tolist(),
                                        units.ends.tolist(), flags, strict=True):
        words = _words_between(forms, word_starts, a, b)
        feats = ["w:" + w for w in words]
        feats += ["b:" + x + "_" + y for x, y in zip(words, words[1:], strict=False)]
        sections = _sections(number)
        place: list[str] = []
        for key in sections:
            found = headings.get(key)
            if found is not None:
                place += ["h:" + w for w in found[0]]
                place.append("H:" + found[1])
        paragraph = number.split(".", 1)[0].rsplit("-", 1)[-1]
        place += [f"pos:{min(9, a * 10 // n)}", f"lvl:{len(sections)}",
                  f"par:{paragraph if paragraph.isdigit() and int(paragraph) < 6 else 'n'}"]
        if is_heading:
            place.append("hd")
        rows.append(feats)
        structure.append(place)
    return rows, structure


def _covered(units: DocumentUnits, start: int, end: int) -> list[int]:
    """Units a passage [start, end) labels: it covers half the unit, or half of it lies in
    the unit."""
    out = []
    length = max(1, end - start)
    for i in units.overlapping(start, end):
        a, b = int(units.starts[i]), int(units.ends[i])
        shared = min(b, end) - max(a, start)
        if shared * 2 >= (b - a) or shared * 2 >= length:
            out.append(i)
    return out
