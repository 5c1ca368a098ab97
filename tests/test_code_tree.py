"""The one code tree (annotator/analysis/code_index.py) the codebook pane, the tables, the
reports and the CLI share: rows, subtree totals, chains and branches from one list of codes."""

from __future__ import annotations

from annotator.analysis.code_index import CodeTree
from annotator.records import CodeInfo


def _code(code_id: int, parent: int | None, path: tuple[str, ...], count: int,
          shortcut: str | None = None) -> CodeInfo:
    return CodeInfo(code_id, f"g{code_id}", parent, path[-1], "#FF0000", "", (), shortcut, 0,
                    path, count)


# 供给型 > 人才培养 > 职业教育; 供给型 > 资金投入; 环境型 (tree order, as Project.codes() gives)
CODES = [
    _code(1, None, ("供给型",), 2),
    _code(2, 1, ("供给型", "人才培养"), 3, shortcut="1"),
    _code(3, 2, ("供给型", "人才培养", "职业教育"), 4),
    _code(4, 1, ("供给型", "资金投入"), 5),
    _code(5, None, ("环境型",), 1, shortcut="2"),
]


def test_rows_totals_and_subtrees_follow_the_tree() -> None:
    tree = CodeTree.build(CODES)
    assert tree.roots() == [1, 5]
    assert tree.kids(1) == [2, 4]
    assert [tree.rows[i] for i in (1, 2, 3, 4, 5)] == [0, 0, 0, 1, 1]
    assert tree.totals == {1: 14, 2: 7, 3: 4, 4: 5, 5: 1}  # own + descendants' passages
    assert tree.subtree(1) == [1, 2, 3, 4]
    assert tree.subtrees([4, 2]) == [2, 3, 4]  # tree order, once
    assert tree.chain(3) == (3, 2, 1)
    assert tree.branch("人才培养+环境型") == [2, 5]
    assert tree.branch("*", [1]) == [5]
    assert {k: v.id for k, v in tree.shortcut_owners(exclude=5).items()} == {"1": 2}
    assert len(tree) == 5 and 3 in tree and 9 not in tree
    assert CodeTree().codes() == [] and CodeTree().roots() == []


def test_a_code_whose_parent_is_left_out_counts_as_top_level() -> None:
    part = CodeTree.build([c for c in CODES if c.id != 1])  # a table's codes may be a part
    assert part.roots() == [2, 4, 5]
    assert part.totals[2] == 7
    assert part.same_shape(CodeTree.build([c for c in CODES if c.id != 1]))
    assert not part.same_shape(CodeTree.build(CODES))
