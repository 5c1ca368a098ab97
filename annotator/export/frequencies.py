"""Passage counts per code and document, with parent codes rolled up. Pure Python."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from annotator.records import CodeInfo


@dataclass
class FrequencyTable:
    """Counts taken from the passages actually exported.

    ``rolled[code_id][document_id]`` counts the passages coded with the code *or any of its
    descendants* in that document; ``own`` only the code's own passages. Column and grand
    totals count every passage once, so they are not sums of rolled-up rows.
    """

    rolled: dict[int, Counter[int]] = field(default_factory=dict)
    own: Counter[int] = field(default_factory=Counter)
    row_total: Counter[int] = field(default_factory=Counter)
    column_total: Counter[int] = field(default_factory=Counter)
    total: int = 0

    def share(self, code_id: int) -> float:
        """Rolled-up passages of ``code_id`` as a fraction of all passages (0 when none)."""
        return self.row_total[code_id] / self.total if self.total else 0.0


def build_frequencies(
    codes: Sequence[CodeInfo],
    pair_counts: Mapping[tuple[int, int], int],
) -> FrequencyTable:
    """Roll ``pair_counts`` ((code id, document id) -> passages) up the code tree.

    Works from ``parent_id`` links, so it does not depend on the order of ``codes``; a parent
    missing from ``codes`` simply ends the chain, and a cycle is cut rather than followed.
    """
    parent = {c.id: c.parent_id for c in codes}
    table = FrequencyTable(rolled={c.id: Counter() for c in codes})
    ancestors: dict[int, tuple[int, ...]] = {}

    def chain(code_id: int) -> tuple[int, ...]:
        found = ancestors.get(code_id)
        if found is None:
            seen: list[int] = []
            current: int | None = code_id
            while current is not None and current in parent and current not in seen:
                seen.append(current)
                current = parent[current]
            found = ancestors[code_id] = tuple(seen)
        return found

    for (code_id, document_id), n in pair_counts.items():
        if not n:
            continue
        table.total += n
        table.column_total[document_id] += n
        table.own[code_id] += n
        for ancestor in chain(code_id):
            table.rolled[ancestor][document_id] += n
            table.row_total[ancestor] += n
    return table
