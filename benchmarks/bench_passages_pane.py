"""Time the passages pane opening a code with 10,000 passages, and count its SQL statements.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_passages_pane.py [--documents 400]
        [--passages 10000] [--others N] [--repeat 5] [--keep DIR]

A project of ``--documents`` real-sentence articles (benchmarks/real_corpus.py) of 10,000
characters; ``--passages`` passages bulk-inserted under one code (by two coders), and
``--others`` (default as many) spread over the other codes. The issue's full size is
``--documents 2000 --passages 10000 --others 190000``. Figures, each the median of
``--repeat`` runs:
- first rows: choosing the code in the pane until its table has painted (a grab of the view's
  viewport, so data() ran for every row shown);
- scroll to the end: the view scrolled to its last row until nothing is left to fetch;
- fetch every page: the same through the model alone;
- one coding: a passage added in one document (``Project.apply_code``), then the hub's
  notification handled by the pane and the view painted;
- statements: SQL statements the engine ran for "first rows" and for the pane's update.
Floors: the first page's rows and the text of the 20 rows shown read with sqlite3; a table
view of the same size painting the rows shown from a model held in memory.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHARS = 10_000


def build(path: Path, documents: int, passages: int, others: int, seed: int = 1) -> int:
    """Build the project; returns the id of the code holding ``passages`` passages."""
    from real_corpus import articles

    from annotator.db import exchange
    from annotator.db.documents import content_hash
    from annotator.project import Project

    rng = random.Random(seed)
    project = Project.create(path, codebook="policy-instruments", coder="甲")
    codes = project.codes()
    leaves = [c.id for c in codes if not any(o.parent_id == c.id for o in codes)]
    big = leaves[0]
    now = datetime(2024, 1, 1)
    coder_ids = (project.coder.id, 100)
    with project.session_scope() as s:
        exchange.insert_coders(s, [{"id": 100, "guid": str(uuid.uuid4()), "name": "乙"}])
        doc_rows, lengths = [], []
        for i, (title, text) in enumerate(articles(documents, CHARS, seed), 1):
            lengths.append(len(text))
            doc_rows.append({
                "id": i, "guid": str(uuid.uuid4()), "number": i, "title": title,
                "text": text, "source_name": f"{i}.txt", "content_hash": content_hash(text),
                "imported_at": now, "length": len(text),
            })
        exchange.insert_documents(s, doc_rows)
        rows, seen = [], set()
        while len(rows) < passages + others:
            code = big if len(rows) < passages else rng.choice(leaves[1:])
            doc = rng.randint(1, documents)
            start = rng.randrange(lengths[doc - 1] - 200)
            end = start + rng.randint(10, 160)
            key = (doc, code, rng.choice(coder_ids), start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "id": len(rows) + 1, "guid": str(uuid.uuid4()), "document_id": doc,
                "code_id": code, "coder_id": key[2], "start": start, "end": end,
                "memo": "备注" if len(rows) % 7 == 0 else "",
                "created_at": now + timedelta(seconds=len(rows)),
            })
        exchange.insert_passages(s, rows)
    project.close()
    return big


def floor(path: Path, code_id: int, repeat: int, shown: int = 20) -> float:
    """What any pane must read: the first page of rows and the text of the rows shown, with
    sqlite3 and the best query plan, on a connection already open and warm."""
    db = sqlite3.connect(path)
    times = []
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        rows = db.execute(
            "SELECT p.id, d.number, d.title, c.name, p.start, p.\"end\", p.memo FROM documents d"
            " CROSS JOIN passages p ON p.document_id = d.id JOIN coders c ON c.id = p.coder_id"
            " WHERE p.code_id = ? ORDER BY d.number, p.start + 0, p.\"end\", p.id LIMIT 200",
            (code_id,)).fetchall()
        ids = [r[0] for r in rows[:shown]]
        db.execute(
            "SELECT p.id, substr(d.text, p.start + 1, p.\"end\" - p.start) FROM passages p "
            f"JOIN documents d ON d.id = p.document_id WHERE p.id IN ({','.join('?' * len(ids))})",
            ids).fetchall()
        times.append(time.perf_counter() - t0)
    db.close()
    return statistics.median(times[1:])


def paint_floor(pane: Any, repeat: int) -> float:
    """A table view like the pane's, over the same rows held in memory: what painting them
    costs without any reading."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    model = pane.model
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]

    class Memory(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 5

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return rows[index.row()][index.column()]
            return None

    view = QTableView()
    view.resize(pane.view.size())
    view.show()
    times = []
    for _ in range(repeat):
        view.setModel(None)
        t0 = time.perf_counter()
        view.setModel(Memory())
        view.viewport().grab()
        times.append(time.perf_counter() - t0)
    view.close()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--others", type=int, help="passages of other codes (default as many)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    others = args.passages if args.others is None else args.others

    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from annotator.ui.hub import ProjectHub
    from annotator.ui.passages.pane import PassagesPane

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-pane-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"pane-{args.documents}-{args.passages}-{others}.annot"
    marker = path.with_suffix(".code")
    if not (path.exists() and marker.exists()):
        path.unlink(missing_ok=True)
        t0 = time.perf_counter()
        marker.write_text(str(build(path, args.documents, args.passages, others)))
        print(f"built {path} in {time.perf_counter() - t0:.1f} s")
    code_id = int(marker.read_text())
    work = folder / "work.annot"  # the coding below must not change the kept project
    shutil.copyfile(path, work)

    app = QApplication.instance() or QApplication(sys.argv)
    hub = ProjectHub()
    project = hub.open(work)
    statements = [0]

    @event.listens_for(project._engine, "before_cursor_execute")
    def _count(*_args: object) -> None:
        statements[0] += 1

    pane = PassagesPane(hub)
    pane.resize(1200, 500)
    pane.show()
    app.processEvents()
    first, scroll, fetch, apply, update = [], [], [], [], []
    first_statements, update_statements = [], []
    doc = project.documents()[len(project.documents()) // 2]
    for i in range(args.repeat):
        pane.set_code(None)
        app.processEvents()
        statements[0] = 0
        t0 = time.perf_counter()
        pane.set_code(code_id)
        pane.view.viewport().grab()
        first.append(time.perf_counter() - t0)
        first_statements.append(statements[0])
        t0 = time.perf_counter()
        pages = 0
        while pane.model.canFetchMore(QModelIndex()):  # as a user dragging the bar down
            pane.view.scrollToBottom()
            app.processEvents()
            pages += 1
        pane.view.viewport().grab()
        scroll.append(time.perf_counter() - t0)
        pane.set_code(None)
        pane.set_code(code_id)
        t0 = time.perf_counter()
        while pane.model.canFetchMore(QModelIndex()):
            pane.model.fetchMore(QModelIndex())
        fetch.append(time.perf_counter() - t0)
        pane.view.scrollToTop()
        app.processEvents()
        t0 = time.perf_counter()
        project.apply_code(doc.id, code_id, 5 + i, 20 + i)
        apply.append(time.perf_counter() - t0)
        statements[0] = 0
        t0 = time.perf_counter()
        hub.notify_passages(frozenset({doc.id}))
        pane.view.viewport().grab()
        update.append(time.perf_counter() - t0)
        update_statements.append(statements[0])
    fl = floor(work, code_id, args.repeat)
    pane.set_code(code_id)
    pf = paint_floor(pane, args.repeat)
    rows = getattr(pane.model, "total", pane.model.rowCount)()  # the old model had none

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:8.1f} ms"

    print(f"code with {rows} passages, {args.documents} documents, median of {args.repeat}")
    print(f"first rows shown     {ms(first)} ({max(first_statements)} statements); floors: "
          f"sqlite3 reading the first page + text of 20 rows {fl * 1000:.1f} ms, a table view "
          f"painting the rows from memory {pf * 1000:.1f} ms")
    print(f"scroll to the end    {ms(scroll)} (the view fetching {pages} more pages)")
    print(f"fetch every page     {ms(fetch)} (model only, no view)")
    print(f"one coding: apply    {ms(apply)}; pane update and paint {ms(update)} "
          f"({max(update_statements)} statements)")
    pane.close()
    hub.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
