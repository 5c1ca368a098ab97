"""Code × document and code × attribute tables, filters and shares, against brute force."""

from __future__ import annotations

import pytest
from test_tables_support import Study, build_study

from annotator.analysis.filters import Filters, filters_from_names, parse_where
from annotator.analysis.tables import (
    MISSING,
    NO_YEAR,
    code_by_attribute,
    code_by_document,
    shares_by_parent,
    year_of,
)
from annotator.errors import InvalidOperation, NotFoundError
from annotator.project import Project


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def brute_counts(study: Study, column_of, passages=None) -> dict[tuple[int, object], int]:
    """Passages per (code, column), each code counting its whole subtree."""
    passages = study.passages if passages is None else passages
    out: dict[tuple[int, object], int] = {}
    for code in study.codes:
        below = study.subtree(code.id)
        for p in passages:
            if p.code_id in below:
                key = (code.id, column_of(p))
                out[key] = out.get(key, 0) + 1
    return out


def test_hand_counted_rollup_and_shares(project: Project) -> None:
    parent = project.add_code("供给型")
    a = project.add_code("人才培养", parent_id=parent.id)
    b = project.add_code("资金投入", parent_id=parent.id)
    other = project.add_code("环境型")
    d1 = project.add_document("一", "人才资金规划环境。" * 3)
    d2 = project.add_document("二", "另一篇文档的文字。" * 3)
    project.apply_code(d1.id, a.id, 0, 2)
    project.apply_code(d1.id, b.id, 2, 4)
    project.apply_code(d1.id, parent.id, 0, 4)  # coded on the parent itself
    project.apply_code(d1.id, other.id, 4, 8)
    project.apply_code(d2.id, a.id, 0, 3)

    table = code_by_document(project)
    assert [c.label for c in table.columns] == ["1 一", "2 二"]
    assert [c.name for c in table.codes] == ["供给型", "人才培养", "资金投入", "环境型"]
    assert table.count(parent.id, d1.id) == 3  # own 1 + 人才培养 1 + 资金投入 1
    assert table.count(parent.id, d2.id) == 1
    assert table.row_total(parent.id) == 4 and table.own(parent.id) == 1
    assert table.column_total(d1.id) == 4 and table.total == 5  # each passage once
    assert table.share(a.id, d1.id, of="column") == pytest.approx(1 / 4)
    assert table.share(a.id, d1.id, of="row") == pytest.approx(1 / 2)
    assert table.share(a.id, d1.id, of="total") == pytest.approx(1 / 5)
    assert table.share(parent.id, None, of="total") == pytest.approx(4 / 5)

    groups = shares_by_parent(table)
    assert groups[0].parent is None and groups[0].count == 5
    assert [(i.code.name, i.count) for i in groups[0].items] == [("供给型", 4), ("环境型", 1)]
    supply = groups[1]
    assert supply.parent.id == parent.id and supply.count == 4
    # Each sub-code's share of its parent's passages (the parent's own passage counts in
    # the denominator, so the shares add up to 3/4).
    assert [(i.code.name, i.share) for i in supply.items] == [("人才培养", 0.5), ("资金投入", 0.25)]


def test_code_by_document_matches_brute_force(study: Study) -> None:
    table = code_by_document(study.project)
    expected = brute_counts(study, lambda p: p.document_id)
    for code in study.codes:
        for column in table.columns:
            assert table.count(code.id, column.key) == expected.get((code.id, column.key), 0)
    assert table.total == len(study.passages)
    for column in table.columns:
        n = sum(1 for p in study.passages if p.document_id == column.key)
        assert table.column_total(column.key) == n
        if n:  # the top-level codes share out each document's passages
            assert sum(table.share(c.id, column.key) for c in table.top_codes()) == pytest.approx(1)
    for code in study.codes:
        if table.row_total(code.id):
            row = sum(table.share(code.id, c.key, of="row") for c in table.columns)
            assert row == pytest.approx(1)
    assert sum(table.share(c.id, None, of="total") for c in table.top_codes()) == pytest.approx(1)


def test_filters_by_coder_attribute_documents_and_branch(study: Study) -> None:
    project = study.project
    docs = {d.number: d for d in project.documents()}
    yi = study.coders["乙"]
    region = {d.id for d in docs.values() if d.attributes.get("地区") == "京津冀"}
    supply = study.code("供给型")
    filters = Filters(attributes={"地区": "京津冀"}, coder_ids={yi}, code_ids={supply.id})
    table = code_by_document(project, filters)

    assert {c.key for c in table.columns} == region == {docs[1].id, docs[3].id}
    assert {c.id for c in table.codes} == study.subtree(supply.id)
    kept = [p for p in study.passages
            if p.coder_id == yi and p.document_id in region
            and p.code_id in study.subtree(supply.id)]
    expected = brute_counts(study, lambda p: p.document_id, kept)
    assert table.total == len(kept)
    for code in table.codes:
        for column in table.columns:
            assert table.count(code.id, column.key) == expected.get((code.id, column.key), 0)

    by_number = code_by_document(project, Filters(document_ids={docs[2].id}))
    assert [c.key for c in by_number.columns] == [docs[2].id]
    assert by_number.total == sum(1 for p in study.passages if p.document_id == docs[2].id)


def test_code_by_attribute_values_and_years(study: Study) -> None:
    project = study.project
    attrs = {d.id: d.attributes for d in project.documents()}

    region = code_by_attribute(project, "地区")
    assert [c.key for c in region.columns] == sorted(["京津冀", "长三角"]) + [MISSING]
    expected = brute_counts(study, lambda p: attrs[p.document_id].get("地区", MISSING))
    for code in study.codes:
        for column in region.columns:
            assert region.count(code.id, column.key) == expected.get((code.id, column.key), 0)
    assert region.total == len(study.passages)

    years = code_by_attribute(project, "日期", as_year=True)
    assert [c.key for c in years.columns] == ["2021", "2022", MISSING]
    expected = brute_counts(
        study, lambda p: {1: "2021", 2: "2022", 3: "2022"}.get(
            next(d.number for d in project.documents() if d.id == p.document_id), MISSING))
    for code in study.codes:
        for column in years.columns:
            assert years.count(code.id, column.key) == expected.get((code.id, column.key), 0)
    for column in years.columns:
        if years.column_total(column.key):
            assert sum(years.share(c.id, column.key) for c in years.top_codes()) == pytest.approx(1)


def test_year_of_date_like_values() -> None:
    assert year_of("2021-03-05") == "2021"
    assert year_of("2021年3月5日") == "2021"
    assert year_of("2019.12") == "2019"
    assert year_of("发布时间：2023-06-12 08:30") == "2023"
    assert year_of("二〇二二年一月") == "2022"
    assert year_of("国发〔2016〕43号") == "2016"
    assert year_of("第12345号") is None
    assert year_of("") is None


def test_values_without_a_year_get_their_own_column(project: Project) -> None:
    code = project.add_code("甲码")
    for i, date in enumerate(("2020-01-01", "近期", "2020年")):
        doc = project.add_document(f"文{i}", f"第{i}篇文本内容。", attributes={"日期": date})
        project.apply_code(doc.id, code.id, 0, 2)
    table = code_by_attribute(project, "日期", as_year=True)
    assert [(c.key, table.count(code.id, c.key)) for c in table.columns] == [
        ("2020", 2), (NO_YEAR, 1)
    ]


def test_filters_from_names(study: Study) -> None:
    project = study.project
    filters = filters_from_names(
        project, where=["地区=京津冀,长三角", "文种=意见"], coders=["甲"], codes=["供给型"],
        documents=[1, 2],
    )
    assert filters.attributes == {
        "地区": frozenset({"京津冀", "长三角"}), "文种": frozenset({"意见"})
    }
    assert filters.coder_ids == {study.coders["甲"]}
    assert filters.code_ids == {study.code("供给型").id}
    assert len(filters.document_ids) == 2
    table = code_by_document(project, filters)
    assert [c.label for c in table.columns] == ["1 关于深化科技体制改革的实施意见"]

    with pytest.raises(NotFoundError, match="丙"):
        filters_from_names(project, coders=["丙"])
    with pytest.raises(NotFoundError):
        filters_from_names(project, codes=["没有这个编码"])
    with pytest.raises(NotFoundError):
        filters_from_names(project, documents=[99])
    with pytest.raises(InvalidOperation):
        parse_where(["地区"])
    assert parse_where(["地区=京津冀", "地区=长三角，粤港澳"]) == {
        "地区": frozenset({"京津冀", "长三角", "粤港澳"})
    }
