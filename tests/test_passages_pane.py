"""The passages pane over a code with many passages: paged rows, texts only for rows shown,
updates in place after coding (pytest-qt, offscreen)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from sqlalchemy import event
from sqlalchemy.engine import Engine

from annotator.db import exchange
from annotator.project import Project
from annotator.ui.hub import ProjectHub
from annotator.ui.passages.model import PAGE, TEXT_BLOCK
from annotator.ui.passages.pane import PassagesPane

PARAGRAPHS = (
    "第一条 为了促进科技成果转化为现实生产力，规范科技成果转化活动，加速科学技术进步，"
    "推动经济建设和社会发展，制定本条例。\n",
    "第二条 县级以上人民政府应当加强对科技成果转化工作的领导，将科技成果转化纳入国民经济"
    "和社会发展规划，建立健全科技成果转化协调机制。\n",
    "第三条 鼓励高等学校、科研机构与企业联合建立研究开发平台、技术转移机构或者技术创新联盟，"
    "共同开展研究开发、成果应用与推广、标准研究与制定等活动。\n",
)
DOCUMENTS = 6
PASSAGES = 450  # more than two pages of the big code


def text_of(n: int) -> str:
    return "".join(PARAGRAPHS[(n + i) % 3] for i in range(12 + n))  # distinct texts


@pytest.fixture
def hub(qtbot, tmp_path: Path) -> Iterator[ProjectHub]:
    path = tmp_path / "many.annot"
    with Project.create(path, coder="甲") as project:
        for n in range(DOCUMENTS):
            project.add_document(f"科技成果转化条例{n + 1}", text_of(n))
        big = project.add_code("成果转化")
        child = project.add_code("技术转移", parent_id=big.id)
        project.add_code("其他")
        docs = project.documents()
        rows = []
        for i in range(PASSAGES):
            doc = docs[i % DOCUMENTS]
            start = (i // DOCUMENTS) * 7
            rows.append({
                "id": i + 1, "guid": str(uuid.uuid4()), "document_id": doc.id,
                "code_id": child.id if i % 10 == 0 else big.id, "coder_id": project.coder.id,
                "start": start, "end": start + 5 + i % 20, "memo": "待核" if i % 9 == 0 else "",
                "created_at": datetime(2024, 1, 1),
            })
        with project.session_scope() as s:
            exchange.insert_passages(s, rows)
    hub = ProjectHub()
    hub.open(path)
    yield hub
    hub.close()


@pytest.fixture
def pane(qtbot, hub: ProjectHub) -> PassagesPane:
    widget = PassagesPane(hub)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def code(hub: ProjectHub, path: str) -> int:
    info = hub.require().find_code(path)
    assert info is not None
    return info.id


@contextmanager
def statements() -> Iterator[list[tuple[str, object]]]:
    """The SQL statements run inside the block, with their parameters."""
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def shown(pane: PassagesPane) -> list[int]:
    model = pane.model
    return [model.passage_at(r).id for r in range(model.rowCount())]


def fetch_all(pane: PassagesPane, qtbot=None) -> None:
    """Scroll to the end until nothing is left to fetch (the view asks for each page, as
    for a user); without qtbot, the model is asked directly."""
    while pane.model.canFetchMore(QModelIndex()):
        if qtbot is None:
            pane.model.fetchMore(QModelIndex())
        else:
            pane.view.scrollToBottom()
            qtbot.wait(0)


def expected(hub: ProjectHub, code_id: int, *, subcodes: bool = True) -> list[int]:
    return [p.id for p in hub.require().passages(code_id=code_id, include_subcodes=subcodes)]


def test_paged_model_passes_the_model_tester(pane: PassagesPane, hub, qtmodeltester) -> None:
    pane.set_code(code(hub, "成果转化"))
    qtmodeltester.check(pane.model)
    fetch_all(pane)
    assert pane.model.rowCount() == PASSAGES
    qtmodeltester.check(pane.model)


def test_opening_a_big_code_reads_one_page_and_texts_of_rows_shown(
    pane: PassagesPane, hub: ProjectHub
) -> None:
    big = code(hub, "成果转化")
    with statements() as seen:
        pane.set_code(big)
        pane.view.viewport().grab()  # paint: data() runs for every visible row
    assert pane.model.rowCount() == PAGE
    assert pane.title.text().startswith(f"{PASSAGES} ")  # the count of all, by COUNT
    texts = [params for sql, params in seen if "substr" in sql]
    assert len(texts) == 1  # one statement for the visible rows' texts
    assert len(texts[0]) - 2 <= TEXT_BLOCK  # (start and length offsets bound once each)
    assert len(seen) <= 8
    # what is shown is what the project holds, in order, with the passage's own text
    first = hub.require().passages(code_id=big, include_subcodes=True)[0]
    assert shown(pane)[0] == first.id
    assert pane.model.index(0, 2).data() == first.text
    assert pane.model.index(0, 0).data() == "1 科技成果转化条例1"


def test_scrolling_to_the_end_fetches_the_rest(pane: PassagesPane, hub, qtbot) -> None:
    big = code(hub, "成果转化")
    pane.set_code(big)
    fetch_all(pane, qtbot)
    assert shown(pane) == expected(hub, big)
    last = hub.require().passages(code_id=big, include_subcodes=True)[-1]
    assert pane.model.index(pane.model.rowCount() - 1, 2).data() == last.text.replace("\n", " ⏎ ")


def test_sub_codes_toggle_and_document_mode(pane: PassagesPane, hub, qtbot) -> None:
    big = code(hub, "成果转化")
    pane.set_code(big)
    pane.subcodes.setChecked(False)
    fetch_all(pane, qtbot)
    assert shown(pane) == expected(hub, big, subcodes=False)
    assert pane.title.text().startswith(f"{PASSAGES - PASSAGES // 10} ")
    doc = hub.require().documents()[2]
    pane.set_document(doc.id)
    pane.by_document.click()
    assert shown(pane) == [p.id for p in hub.require().passages(document_id=doc.id)]
    assert pane.title.text().startswith(f"{PASSAGES // DOCUMENTS} ")


def test_no_code_chosen_shows_nothing(pane: PassagesPane, hub) -> None:
    pane.set_code(None)
    assert pane.model.rowCount() == 0
    assert pane.title.text() == "Choose a code to see its passages"
    assert not pane.model.canFetchMore(QModelIndex())


def test_memo_and_double_click(pane: PassagesPane, hub, qtbot) -> None:
    pane.set_code(code(hub, "成果转化"))
    row = next(r for r in range(pane.model.rowCount()) if pane.model.index(r, 4).data())
    assert pane.model.index(row, 4).data() == "待核"
    p = hub.require().passage(pane.model.passage_at(row).id)
    with qtbot.waitSignal(pane.jumpRequested) as jump:
        pane.view.doubleClicked.emit(pane.model.index(row, 2))
    assert jump.args == [p.document_id, p.start, p.end]


def test_coding_updates_rows_in_place(pane: PassagesPane, hub, qtbot) -> None:
    project = hub.require()
    big = code(hub, "成果转化")
    pane.set_code(big)
    docs = project.documents()
    # a passage in the first document: inside the rows fetched, inserted where it sorts
    new = project.apply_code(docs[0].id, big, 3, 9)
    with qtbot.assertNotEmitted(pane.model.modelReset), \
            qtbot.waitSignal(pane.model.rowsInserted), statements() as seen:
        hub.notify_passages(frozenset({docs[0].id}))
    # a count and the rows of that document (the new row's text when painted)
    assert len([s for s, _p in seen if s.lstrip().upper().startswith("SELECT")]) == 2
    assert pane.model.rowCount() == PAGE + 1
    assert pane.title.text().startswith(f"{PASSAGES + 1} ")
    ids = shown(pane)
    assert ids == expected(hub, big)[: len(ids)]
    added = ids.index(new.id)
    assert pane.model.index(added, 2).data() == text_of(0)[3:9]
    # the memo of a row shown changes in place
    memo_of = pane.model.passage_at(1).id
    project.set_memo(memo_of, "复核")
    with qtbot.assertNotEmitted(pane.model.rowsInserted):
        hub.notify_passages(frozenset({docs[1].id, docs[0].id}))
    assert pane.model.index(1, 4).data() == "复核"
    # a removal
    with qtbot.waitSignal(pane.model.rowsRemoved):
        project.remove_passage(new.id)
        hub.notify_passages(frozenset({docs[0].id}))
    assert new.id not in shown(pane)
    # in the document the first page ends in: before its last row fetched, inserted now;
    # after it, left for the next page
    boundary_doc = pane.model.passage_at(PAGE - 1).document_id
    early = project.apply_code(boundary_doc, big, 0, 2)
    late = project.apply_code(boundary_doc, big, 900, 902)
    hub.notify_passages(frozenset({boundary_doc}))
    assert early.id in shown(pane) and late.id not in shown(pane)
    assert shown(pane) == expected(hub, big)[: pane.model.rowCount()]
    # a passage beyond what was fetched comes with the rest
    fetched = pane.model.rowCount()
    project.apply_code(docs[-1].id, big, 100, 120)
    hub.notify_passages(frozenset({docs[-1].id}))
    assert pane.model.rowCount() == fetched
    fetch_all(pane, qtbot)
    assert shown(pane) == expected(hub, big)
    # and once everything is fetched, a new last row is appended
    project.apply_code(docs[-1].id, big, 1100, 1110)
    hub.notify_passages(frozenset({docs[-1].id}))
    assert shown(pane) == expected(hub, big)
    assert pane.title.text().startswith(f"{PASSAGES + 4} ")


def test_other_documents_and_codes_do_not_re_read(pane: PassagesPane, hub, qtbot) -> None:
    project = hub.require()
    doc = project.documents()[0]
    pane.set_document(doc.id)
    pane.by_document.click()
    other = project.documents()[1]
    with qtbot.assertNotEmitted(pane.model.modelReset), statements() as seen:
        project.apply_code(other.id, code(hub, "其他"), 0, 4)
        hub.notify_passages(frozenset({other.id}))
    assert not [s for s, _p in seen if "FROM documents CROSS JOIN" in s]
    assert shown(pane) == [p.id for p in project.passages(document_id=doc.id)]


def test_renaming_a_code_or_a_document_keeps_the_rows(pane: PassagesPane, hub, qtbot) -> None:
    big = code(hub, "成果转化")
    pane.set_code(big)
    pane.view.scrollToBottom()
    fetched = pane.model.rowCount()
    doc = pane.model.passage_at(0).document_id
    with qtbot.assertNotEmitted(pane.model.modelReset):
        hub.run(lambda p: p.rename_code(big, "科技成果转化"))
        hub.run(lambda p: p.set_document_title(doc, "新标题"))
    assert pane.model.rowCount() == fetched
    assert {pane.model.index(r, 1).data() for r in range(fetched)} == {
        "科技成果转化", "科技成果转化 / 技术转移"}
    assert pane.model.index(0, 0).data() == "1 新标题"
    assert "科技成果转化" in pane.title.text()
    # a new sub-code changes what "with sub-codes" means: read again from the top
    with qtbot.waitSignal(pane.model.modelReset):
        hub.run(lambda p: p.add_code("新子编码", parent_id=big))
    assert shown(pane) == expected(hub, big)[: pane.model.rowCount()]
