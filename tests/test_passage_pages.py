"""Passages read a page at a time (annotator.db.passage_pages), against the full listing."""

from __future__ import annotations

from annotator.db import passage_pages
from annotator.db.models import Document
from annotator.db.passage_pages import PassageFilter, PassageRow
from annotator.project import Project

TEXT = (
    "第一条 为了促进科技成果转化为现实生产力，规范科技成果转化活动，制定本条例。\n"
    "第二条 县级以上人民政府应当加强对科技成果转化工作的领导，建立健全协调机制。\n"
)


def make(project: Project) -> tuple[int, int]:
    parent = project.add_code("成果转化")
    child = project.add_code("技术转移", parent_id=parent.id)
    other = project.add_code("其他")
    docs = [project.add_document(f"条例{n}", TEXT * (n + 1)) for n in range(3)]
    with project.session_scope() as s:  # numbers not in id order: the last one comes first
        s.get(Document, docs[2].id).number = 0
    for n, doc in enumerate(docs):
        for start in range(0, 60, 4):
            code = (parent, child, other)[(start // 4 + n) % 3]
            project.apply_code(doc.id, code.id, start, start + 3 + n, memo=f"m{start}")
            project.apply_code(doc.id, code.id, start, start + 9)  # same start, longer
    return parent.id, child.id


def all_pages(project: Project, where: PassageFilter, limit: int) -> list[PassageRow]:
    rows: list[PassageRow] = []
    with project.session_scope() as s:
        while True:
            page = passage_pages.page_rows(
                s, where, after=rows[-1].key if rows else None, limit=limit
            )
            if not page:
                return rows
            assert len(page) <= limit
            rows += page


def test_pages_follow_the_full_listing(project: Project) -> None:
    parent, child = make(project)
    for where, listing in (
        (PassageFilter(code_ids=(parent, child)),
         project.passages(code_id=parent, include_subcodes=True)),
        (PassageFilter(code_ids=(parent,)), project.passages(code_id=parent)),
        (PassageFilter(document_id=project.documents()[1].id),
         project.passages(document_id=project.documents()[1].id)),
    ):
        rows = all_pages(project, where, limit=7)
        assert rows and rows == sorted(rows, key=lambda r: r.key)
        assert [r.id for r in rows] == [p.id for p in listing]
        assert [(r.start, r.end, r.memo, r.coder_name) for r in rows] == [
            (p.start, p.end, p.memo, p.coder_name) for p in listing
        ]
        with project.session_scope() as s:
            assert passage_pages.count_rows(s, where) == len(listing)
            texts = passage_pages.texts_of(s, [r.id for r in rows[:5]])
        assert texts == {p.id: p.text for p in listing[:5]}


def test_rows_of_some_documents(project: Project) -> None:
    parent, child = make(project)
    where = PassageFilter(code_ids=(parent, child))
    doc = project.documents()[2]
    with project.session_scope() as s:
        rows = passage_pages.rows_of_documents(s, where, [doc.id])
        assert passage_pages.texts_of(s, []) == {}
    listing = project.passages(code_id=parent, include_subcodes=True, document_id=doc.id)
    assert [r.id for r in rows] == [p.id for p in listing]
    assert {r.document_number for r in rows} == {doc.number}
    assert rows[0].document_title == doc.title
