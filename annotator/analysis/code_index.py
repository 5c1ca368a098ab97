"""The code tree as the tables need it: subtrees, ancestor chains, branches named by path."""

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
    """Codes in tree order (depth first, siblings by position) with their links."""

    codes: tuple[CodeInfo, ...]
    by_id: dict[int, CodeInfo] = field(init=False, repr=False)
    children: dict[int | None, tuple[int, ...]] = field(init=False, repr=False)
    _chains: dict[int, tuple[int, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_id = {c.id: c for c in self.codes}
        children: dict[int | None, list[int]] = {}
        for c in self.codes:
            parent = c.parent_id if c.parent_id in by_id else None
            children.setdefault(parent, []).append(c.id)
        object.__setattr__(self, "by_id", by_id)
        object.__setattr__(self, "children", {k: tuple(v) for k, v in children.items()})
        object.__setattr__(self, "_chains", {})

    @classmethod
    def of(cls, codes: Iterable[CodeInfo]) -> CodeTree:
        return cls(tuple(codes))

    def roots(self) -> tuple[int, ...]:
        return self.children.get(None, ())

    def has_children(self, code_id: int) -> bool:
        return bool(self.children.get(code_id))

    def subtree(self, code_id: int) -> list[int]:
        """``code_id`` and its descendants, in tree order."""
        out: list[int] = []
        stack = [code_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.children.get(current, ())))
        return out

    def subtrees(self, roots: Iterable[int]) -> list[int]:
        """Every code under any of ``roots`` (themselves included), once, in tree order."""
        wanted: set[int] = set()
        for root in roots:
            wanted.update(self.subtree(root))
        return [c.id for c in self.codes if c.id in wanted]

    def chain(self, code_id: int) -> tuple[int, ...]:
        """``code_id`` and its ancestors, nearest first (a cycle is cut, not followed)."""
        found = self._chains.get(code_id)
        if found is None:
            seen: list[int] = []
            current: int | None = code_id
            while current is not None and current in self.by_id and current not in seen:
                seen.append(current)
                current = self.by_id[current].parent_id
            found = self._chains[code_id] = tuple(seen)
        return found

    def find(self, path: str | Sequence[str]) -> CodeInfo:
        """The code at ``path``; raises :class:`NotFoundError` naming the path."""
        parts = split_path(path) if isinstance(path, str) else tuple(path)
        for code in self.codes:
            if code.path == parts:
                return code
        # A bare name is enough when it is unique in the codebook.
        if len(parts) == 1:
            named = [c for c in self.codes if c.name == parts[0]]
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
