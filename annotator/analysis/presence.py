"""Which unit carries which code, as a boolean matrix (units × codes), with roll-ups.

The X×Y table and co-occurrence by unit are products of such matrices: the count of
units carrying both a and b is column a · column b.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from annotator.analysis.code_index import CodeTree
from annotator.analysis.table_data import CODE
from annotator.analysis.unit_index import Incidence

_ROWS = 1 << 15  # rows multiplied at a time by together()


def column_lookup(codes: Sequence[int], spans: np.ndarray) -> np.ndarray:
    """An array mapping a code id to its column in ``codes`` (-1 when not there), large
    enough for every code id in ``spans``."""
    top = max([*codes, int(spans[:, CODE].max()) if len(spans) else 0]) + 1
    lookup = np.full(top, -1, dtype=np.int64)
    lookup[np.array(codes, dtype=np.int64)] = np.arange(len(codes))
    return lookup


def presence(incidence: Incidence, spans: np.ndarray, codes: Sequence[int]) -> np.ndarray:
    """units × ``codes``: True where a passage of exactly that code overlaps the unit."""
    matrix = np.zeros((len(incidence.numbers), len(codes)), dtype=bool)
    if not len(incidence.passage) or not codes:
        return matrix
    column = column_lookup(codes, spans)[spans[incidence.passage, CODE]]
    hit = column >= 0
    matrix[incidence.unit[hit], column[hit]] = True
    return matrix


def ancestry(tree: CodeTree, codes: Sequence[int]) -> np.ndarray:
    """codes × codes: [c, a] is 1 when ``codes[a]`` is ``codes[c]`` or one of its ancestors."""
    index = {c: i for i, c in enumerate(codes)}
    matrix = np.zeros((len(codes), len(codes)), dtype=np.float64)
    for i, code in enumerate(codes):
        for ancestor in tree.chain(code):
            j = index.get(ancestor)
            if j is not None:
                matrix[i, j] = 1.0
    return matrix


def rolled_up(matrix: np.ndarray, tree: CodeTree, codes: Sequence[int]) -> np.ndarray:
    """``matrix`` (rows × ``codes``, boolean) with each code also standing for its
    descendants among ``codes``."""
    out = matrix.copy()
    index = {c: i for i, c in enumerate(codes)}
    for i, code in enumerate(codes):
        below = [index[d] for d in tree.subtree(code)[1:] if d in index]
        if below:
            out[:, i] |= matrix[:, below].any(axis=1)
    return out


def together(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a.T · b for boolean matrices over the same rows: how many rows have both, as int64.
    Multiplied as floats, which BLAS does fast, and exactly: float32 holds every whole
    number up to 2**24, more than a block of rows can count."""
    if not a.size or not b.size:
        return np.zeros((a.shape[1], b.shape[1]), dtype=np.int64)
    # In blocks of rows, so that the float copies stay small: two float copies of a whole
    # project's units × codes were the workbook export's largest transient.
    out = np.zeros((a.shape[1], b.shape[1]), dtype=np.int64)
    for first in range(0, a.shape[0], _ROWS):
        left = a[first : first + _ROWS].astype(np.float32)
        right = left if b is a else b[first : first + _ROWS].astype(np.float32)
        out += np.rint(left.T @ right).astype(np.int64)
    return out
