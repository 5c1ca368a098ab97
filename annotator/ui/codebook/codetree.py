"""A read-only snapshot of the code tree built from one ``Project.codes()`` call.

Kept free of Qt so the model, the pane and the dialogs share one notion of rows, subtrees and
subtree totals, and so it can be reasoned about without a view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.records import CodeInfo


@dataclass(frozen=True)
class CodeTree:
    infos: dict[int, CodeInfo] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=dict)
    rows: dict[int, int] = field(default_factory=dict)
    totals: dict[int, int] = field(default_factory=dict)  # own + descendants' passages

    @classmethod
    def build(cls, codes: Iterable[CodeInfo]) -> CodeTree:
        infos: dict[int, CodeInfo] = {}
        children: dict[int | None, list[int]] = {}
        rows: dict[int, int] = {}
        for info in codes:  # tree order: parents come before their children
            infos[info.id] = info
            siblings = children.setdefault(info.parent_id, [])
            rows[info.id] = len(siblings)
            siblings.append(info.id)
        totals = {code_id: info.passage_count for code_id, info in infos.items()}
        # Children follow their parent in tree order, so walking backwards sums bottom-up.
        for info in reversed(list(infos.values())):
            if info.parent_id is not None and info.parent_id in totals:
                totals[info.parent_id] += totals[info.id]
        return cls(infos, children, rows, totals)

    def __contains__(self, code_id: object) -> bool:
        return code_id in self.infos

    def __len__(self) -> int:
        return len(self.infos)

    def codes(self) -> list[CodeInfo]:
        """Every code in tree order."""
        return list(self.infos.values())

    def kids(self, parent_id: int | None) -> list[int]:
        return self.children.get(parent_id, [])

    def subtree(self, code_id: int) -> list[int]:
        """``code_id`` and all its descendants."""
        out, stack = [], [code_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.kids(current)))
        return out

    def same_shape(self, other: CodeTree) -> bool:
        """Same codes under the same parents in the same order: rows and indexes carry over."""
        return self.children == other.children

    def shortcut_owners(self, exclude: int | None = None) -> dict[str, CodeInfo]:
        return {
            info.shortcut: info
            for info in self.infos.values()
            if info.shortcut and info.id != exclude
        }
