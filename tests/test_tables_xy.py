"""The X×Y table and code co-occurrence, against brute force over passages and unit spans."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from test_tables_support import Study, brute_xy, build_study, overlaps

from annotator.analysis.code_index import CodeTree
from annotator.analysis.cooccurrence import cooccurrence
from annotator.analysis.crosstab import xy_table
from annotator.analysis.filters import Filters
from annotator.analysis.unit_index import UnitCache, compute_units
from annotator.chinese import units as unit_lib
from annotator.errors import InvalidOperation, NotFoundError
from annotator.project import Project


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def units_of(study: Study, kind: str = "paragraph"):
    def split(doc):
        return compute_units(doc.number, study.project.document_text(doc.id), kind)

    return split


def roots(study: Study, *paths: str) -> list[int]:
    return [study.code(p).id for p in paths]


def assert_same(table, study: Study, x_roots, y_roots, units, passages=None) -> None:
    cells, rows, cols, total = brute_xy(study, x_roots, y_roots, units, passages)
    assert table.total == total
    for x in table.rows:
        assert table.row_total(x.id) == rows.get(x.id, 0), x.name
        for y in table.columns:
            assert table.units(x.id, y.id) == cells.get((x.id, y.id), []), (x.name, y.name)
            assert table.count(x.id, y.id) == len(cells.get((x.id, y.id), []))
    for y in table.columns:
        assert table.column_total(y.id) == cols.get(y.id, 0), y.name


def test_hand_made_cells_list_unit_numbers(project: Project) -> None:
    x = project.add_code("供给型")
    talent = project.add_code("人才培养", parent_id=x.id)
    money = project.add_code("资金投入", parent_id=x.id)
    y = project.add_code("区域协同")
    text = "标题\n一、人才\n（一）培养人才。\n（二）投入资金。\n二、协同\n建立机制。\n"
    doc = project.add_document("示例", text)
    paragraphs = compute_units(doc.number, text, "paragraph")
    # The adapter hands out what units.py numbers.
    assert [u.number for u in paragraphs] == [
        u.number for u in unit_lib.document_units(doc.number, text, "paragraph")
    ]
    third, fourth, sixth = paragraphs[2], paragraphs[3], paragraphs[5]
    project.apply_code(doc.id, talent.id, third.start, third.start + 2)
    project.apply_code(doc.id, money.id, fourth.start + 1, fourth.end)
    # One Y passage running from paragraph 3 across the line break into paragraph 4, one
    # on paragraph 6, which carries no X code.
    project.apply_code(doc.id, y.id, third.end - 1, fourth.start + 1)
    project.apply_code(doc.id, y.id, sixth.start, sixth.end)

    table = xy_table(project, [x.id], [y.id])
    assert [c.name for c in table.rows] == ["供给型", "人才培养", "资金投入"]
    assert table.units(talent.id, y.id) == [third.number]
    assert table.units(money.id, y.id) == [fourth.number]
    assert table.units(x.id, y.id) == [third.number, fourth.number]  # rolled up
    assert table.total == 2 and table.row_total(x.id) == 2 and table.column_total(y.id) == 2
    assert table.share(talent.id, y.id) == pytest.approx(0.5)
    assert table.share(talent.id, y.id, of="row") == 1.0
    assert all(sixth.number not in table.units(r.id, y.id) for r in table.rows)


def test_xy_matches_brute_force_by_paragraph_and_sentence(study: Study) -> None:
    x = roots(study, "供给型", "环境型", "需求型")
    y = roots(study, "改革领域")
    table = xy_table(study.project, x, y)
    assert [c.id for c in table.rows] == [c.id for c in study.codes if c.id in
                                          set().union(*(study.subtree(r) for r in x))]
    assert table.total > 0
    assert_same(table, study, x, y, units_of(study))
    sentences = xy_table(study.project, x, y, unit="sentence")
    assert sentences.unit_kind == "sentence"
    assert_same(sentences, study, x, y, units_of(study, "sentence"))
    assert sentences.total > table.total  # more, smaller units


def test_xy_filters_by_coder_and_attribute(study: Study) -> None:
    project = study.project
    jia = study.coders["甲"]
    region = {d.id for d in project.documents() if d.attributes.get("地区") == "京津冀"}
    x, y = roots(study, "供给型", "环境型"), roots(study, "改革领域/区域协同")
    filters = Filters(attributes={"地区": {"京津冀"}}, coder_ids={jia})
    table = xy_table(project, x, y, filters=filters)
    kept = [p for p in study.passages if p.coder_id == jia and p.document_id in region]
    assert_same(table, study, x, y, units_of(study), kept)
    everyone = xy_table(project, x, y)
    assert table.total < everyone.total


def test_branch_specs(study: Study) -> None:
    tree = CodeTree.build(study.project.codes())
    x = tree.branch("供给型+环境型+需求型")
    assert x == roots(study, "供给型", "环境型", "需求型")
    assert tree.branch("*", x) == roots(study, "改革领域", "其他")
    assert tree.branch("加计扣除") == roots(study, "环境型/税收优惠/加计扣除")  # a unique name
    with pytest.raises(NotFoundError):
        tree.branch("供给型+没有")
    with pytest.raises(InvalidOperation):
        tree.branch("")


def test_tables_read_the_units_stored_with_the_documents(study: Study) -> None:
    cache = UnitCache()
    x, y = roots(study, "供给型"), roots(study, "改革领域")
    first = xy_table(study.project, x, y, cache=cache)
    # The documents' units were stored when they were added: a table splits none of them.
    assert cache.computed == 0
    again = xy_table(study.project, x, y, cache=cache)
    assert cache.computed == 0
    assert again.counts.tolist() == first.counts.tolist()


def brute_cooccurrence(study: Study, mode: str, rollup: bool) -> Counter:
    def chain(code_id: int) -> set[int]:
        return {c.id for c in study.codes if code_id in study.subtree(c.id)} if rollup else {
            code_id}

    counts: Counter = Counter()
    docs = study.project.documents()
    if mode == "unit":
        split = units_of(study)
        for doc in docs:
            for unit in split(doc):
                here = set()
                for p in study.passages:
                    if p.document_id == doc.id and overlaps(p.start, p.end, unit.start, unit.end):
                        here |= chain(p.code_id)
                for a in here:
                    for b in here:
                        counts[a, b] += 1
        return counts
    for p in study.passages:
        for c in chain(p.code_id):
            counts[c, c] += 1
    for p, q in combinations(study.passages, 2):
        if p.document_id == q.document_id and overlaps(p.start, p.end, q.start, q.end):
            pairs = {frozenset((a, b)) for a in chain(p.code_id) for b in chain(q.code_id)
                     if a != b}
            for pair in pairs:
                a, b = tuple(pair)
                counts[a, b] += 1
                counts[b, a] += 1
    return counts


@pytest.mark.parametrize("mode", ["unit", "overlap"])
@pytest.mark.parametrize("rollup", [False, True])
def test_cooccurrence_matches_brute_force(study: Study, mode: str, rollup: bool) -> None:
    table = cooccurrence(study.project, mode=mode, rollup=rollup)
    expected = brute_cooccurrence(study, mode, rollup)
    matrix = table.matrix()
    assert matrix == [list(row) for row in zip(*matrix, strict=True)]  # symmetric
    for i, a in enumerate(table.codes):
        for j, b in enumerate(table.codes):
            assert matrix[i][j] == expected.get((a.id, b.id), 0), (a.name, b.name)
    pairs = table.pairs()
    assert all(a.id != b.id and n > 0 for a, b, n in pairs)
    assert [n for _, _, n in pairs] == sorted((n for _, _, n in pairs), reverse=True)


def test_cooccurrence_filters_to_a_coder(study: Study) -> None:
    yi = study.coders["乙"]
    table = cooccurrence(study.project, mode="overlap", filters=Filters(coder_ids={yi}))
    own = Counter(p.code_id for p in study.passages if p.coder_id == yi)
    assert {c.id: table.count(c.id, c.id) for c in table.codes} == {
        c.id: own.get(c.id, 0) for c in study.codes
    }


def test_empty_project_gives_empty_tables(project: Project) -> None:
    a, b = project.add_code("甲"), project.add_code("乙")
    table = xy_table(project, [a.id], [b.id])
    assert table.total == 0 and table.count(a.id, b.id) == 0 and table.units(a.id, b.id) == []
    assert cooccurrence(project).matrix() == [[0, 0], [0, 0]]
    assert cooccurrence(project, mode="overlap").pairs() == []
