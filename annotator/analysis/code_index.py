"""The code tree, once for the whole program: children, rows, subtrees and their totals,
ancestor chains, codes and branches named by path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.errors import InvalidOperation, NotFoundError
from annotator.records import CodeInfo

#: In a branch given as text, several codes are joined with this ("供给型+环境型+需求型").
BRANCH_JOIN = "+"
#: A branch given as this is every top-level code not in the other branch.
BRANCH_REST = "*"


def split_path(path: str) -> tuple[str, ...]:
    """"A / B", "A/B" → ("A", "B"), as :meth:`Project.find_code` reads a path."""
    return tuple(p.strip() for p in path.replace(" / ", "/").split("/") if p.strip())


@dataclass(frozen=True)
class CodeTree:
    """A read-only snapshot of the code tree from one ``Project.codes()`` call, in tree order
    (depth first, siblings by position): the one notion of children, rows, subtrees, subtree
    totals and ancestor chains that the tables, the reports, the CLI and the codebook pane
    share. A code whose parent is not in the snapshot counts as a top-level code."""

    infos: dict[int, CodeInfo] = field(default_factory=dict)  # by id, in tree order
    children: dict[int | None, list[int]] = field(default_factory=dict)
    rows: dict[int, int] = field(default_factory=dict)  # position among its siblings
    totals: dict[int, int] = field(default_factory=dict)  # own + descendants' passages
    _chains: dict[int, tuple[int, ...]] = field(
        default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, codes: Iterable[CodeInfo]) -> CodeTree:
        infos = {c.id: c for c in codes}
        children: dict[int | None, list[int]] = {}
        rows: dict[int, int] = {}
        for info in infos.values():
            siblings = children.setdefault(
                info.parent_id if info.parent_id in infos else None, [])
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
        """The children of ``parent_id`` (None: the top-level codes), in order."""
        return self.children.get(parent_id, [])

    def roots(self) -> list[int]:
        return self.kids(None)

    def has_children(self, code_id: int) -> bool:
        return bool(self.children.get(code_id))

    def subtree(self, code_id: int) -> list[int]:
        """``code_id`` and its descendants, in tree order."""
        out: list[int] = []
        stack = [code_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.kids(current)))
        return out

    def subtrees(self, roots: Iterable[int]) -> list[int]:
        """Every code under any of ``roots`` (themselves included), once, in tree order."""
        wanted: set[int] = set()
        for root in roots:
            wanted.update(self.subtree(root))
        return [code_id for code_id in self.infos if code_id in wanted]

    def chain(self, code_id: int) -> tuple[int, ...]:
        """``code_id`` and its ancestors, nearest first (a cycle is cut, not followed)."""
        found = self._chains.get(code_id)
        if found is None:
            seen: list[int] = []
            current: int | None = code_id
            while current is not None and current in self.infos and current not in seen:
                seen.append(current)
                current = self.infos[current].parent_id
            found = self._chains[code_id] = tuple(seen)
        return found

    def same_shape(self, other: CodeTree) -> bool:
        """Same codes under the same parents in the same order: rows and indexes carry over."""
        return self.children == other.children

    def shortcut_owners(self, exclude: int | None = None) -> dict[str, CodeInfo]:
        """Each code shortcut in use and its code (``exclude``: a code being edited)."""
        return {
            info.shortcut: info
            for info in self.infos.values()
            if info.shortcut and info.id != exclude
        }

    def find(self, path: str | Sequence[str]) -> CodeInfo:
        """The code at ``path``; raises :class:`NotFoundError` naming the path."""
        parts = split_path(path) if isinstance(path, str) else tuple(path)
        for code in self.infos.values():
            if code.path == parts:
                return code
        # A bare name is enough when it is unique in the codebook.
        if len(parts) == 1:
            named = [c for c in self.infos.values() if c.name == parts[0]]
            if len(named) == 1:
                return named[0]
            if len(named) > 1:
                raise InvalidOperation(
                    f"code name {parts[0]!r} is ambiguous: give its path, one of "
                    + ", ".join(repr(c.path_text) for c in named)
                )
        raise NotFoundError(f"no code {'/'.join(parts) or path!r}")

    def branch(self, spec: str, other: Sequence[int] = ()) -> list[int]:
        """The codes a branch spec names: one path, several joined with "+", or "*" for
        every top-level code whose subtree shares no code with ``other``'s subtrees."""
        spec = spec.strip()
        if spec == BRANCH_REST:
            taken = set(self.subtrees(other))
            roots = [r for r in self.roots() if not taken.intersection(self.subtree(r))]
            if not roots:
                raise InvalidOperation(f"{BRANCH_REST!r}: no top-level code is left")
            return roots
        parts = [p for p in spec.split(BRANCH_JOIN) if p.strip()]
        if not parts:
            raise InvalidOperation("empty branch: name a code path")
        out: list[int] = []
        for part in parts:
            code_id = self.find(part).id
            if code_id not in out:
                out.append(code_id)
        return out
