"""Co-occurrence and X×Y counts multiplied in blocks of units equal the whole product."""

from __future__ import annotations

import numpy as np

from annotator.analysis import presence


def test_counts_in_blocks_equal_the_whole_product(monkeypatch) -> None:
    rng = np.random.default_rng(11)
    units = rng.random((1000, 7)) < 0.3
    other = rng.random((1000, 4)) < 0.5
    expected_same = units.T.astype(np.int64) @ units.astype(np.int64)
    expected_pair = units.T.astype(np.int64) @ other.astype(np.int64)
    monkeypatch.setattr(presence, "_ROWS", 64)  # 16 blocks, the last one short
    assert (presence.together(units, units) == expected_same).all()
    assert (presence.together(units, other) == expected_pair).all()
    assert presence.together(units[:0], other[:0]).shape == (7, 4)
