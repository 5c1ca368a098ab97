"""Time the tables on a large project: 2,000 documents, 200,000 passages, two coders.

    python benchmarks/bench_tables.py [--documents 2000] [--passages 200000] [--repeat 3]

The project gets both shipped codebooks (policy instruments as X, reform areas as Y) and
documents of 25–45 paragraphs under 一、/（一） headings with 地区, 发文机关, 文种 and 日期
attributes; everything is bulk-inserted with annotator.db.exchange in one transaction.
Each table is timed through its public function (filters resolved, queries, aggregation),
best of ``--repeat``. Tables built on units of analysis are timed three times: "first time"
(no units kept anywhere: every document's text read and split), "new session" (units read
back from the user's unit store, as when the program starts again or on the command line)
and "warm" (units in memory, as in the window after the first table). The unit store lives
in the temporary folder here. Target: under one second each.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.analysis.code_index import CodeTree  # noqa: E402
from annotator.analysis.cooccurrence import cooccurrence  # noqa: E402
from annotator.analysis.crosstab import XYTable, xy_table  # noqa: E402
from annotator.analysis.filters import Filters  # noqa: E402
from annotator.analysis.report_sheets import attribute_provider, cooccurrence_provider  # noqa: E402
from annotator.analysis.report_workbook import write_report  # noqa: E402
from annotator.analysis.tables import code_by_attribute, code_by_document  # noqa: E402
from annotator.analysis.unit_index import DEFAULT_CACHE  # noqa: E402
from annotator.db import derived, exchange  # noqa: E402
from annotator.db.documents import content_hash  # noqa: E402
from annotator.project import Project  # noqa: E402

HANZI = (
    "国务院关于进一步加强和改进新时代科技工作的意见推动高质量发展深化改革扩大开放坚持创新驱动"
    "完善科技成果转化机制支持企业研发投入人才培养基础设施金融支持税收优惠政府采购示范工程区域协同"
)
NUMERALS = "一二三四五六七八九十"
REGIONS = ("北京", "上海", "广东", "浙江", "江苏", "四川", "湖北", "陕西", "安徽", "山东")
BODIES = ("国务院", "科技部", "国家发展改革委", "财政部", "省人民政府", "省科技厅")
KINDS = ("意见", "通知", "办法", "方案", "规划")


def sentence(rng: random.Random) -> str:
    return "".join(rng.choices(HANZI, k=rng.randint(12, 40))) + rng.choice("。；")


def document_text(rng: random.Random) -> str:
    lines = ["关于" + "".join(rng.choices(HANZI, k=12)) + "的意见"]
    for s in range(rng.randint(3, 5)):
        lines.append(f"{NUMERALS[s]}、" + "".join(rng.choices(HANZI, k=8)))
        for c in range(rng.randint(2, 4)):
            lines.append(f"（{NUMERALS[c]}）" + "".join(sentence(rng) for _ in range(3)))
            for _ in range(rng.randint(1, 3)):
                lines.append("".join(sentence(rng) for _ in range(rng.randint(2, 5))))
    return "\n".join(lines) + "\n"


def build(path: Path, documents: int, passages: int, seed: int = 1) -> Project:
    rng = random.Random(seed)
    project = Project.create(path, codebook="policy-instruments", coder="甲")
    project.import_codebook("regional-innovation")
    codes = project.codes()
    leaves = [c.id for c in codes if not any(o.parent_id == c.id for o in codes)]
    now = datetime(2024, 1, 1)
    coder_ids = (project.coder.id, 100)  # the first coder is made on first use
    with project.session_scope() as s:
        exchange.insert_coders(s, [{"id": 100, "guid": str(uuid.uuid4()), "name": "乙"}])
        doc_rows, attr_rows, lengths = [], [], []
        for i in range(1, documents + 1):
            text = document_text(rng)
            lengths.append(len(text))
            doc_rows.append({
                "id": i, "guid": str(uuid.uuid4()), "number": i, "title": f"政策文件{i}",
                "text": text, "source_name": f"{i}.txt", "content_hash": content_hash(text),
                "imported_at": now,
            })
            attrs = {
                "地区": rng.choice(REGIONS), "发文机关": rng.choice(BODIES),
                "文种": rng.choice(KINDS),
                "日期": f"{rng.randint(2012, 2024)}-{rng.randint(1, 12)}-{rng.randint(1, 28)}",
            }
            attr_rows += [{"document_id": i, "key": k, "value": v, "position": n}
                          for n, (k, v) in enumerate(attrs.items())]
        exchange.insert_documents(s, doc_rows, attr_rows)
        rows, seen = [], set()
        while len(rows) < passages:
            doc = rng.randint(1, documents)
            start = rng.randrange(lengths[doc - 1] - 20)
            end = min(lengths[doc - 1], start + rng.randint(10, 160))
            key = (doc, rng.choice(leaves), rng.choice(coder_ids), start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "id": len(rows) + 1, "guid": str(uuid.uuid4()), "document_id": doc,
                "code_id": key[1], "coder_id": key[2], "start": start, "end": end,
                "memo": "", "created_at": now,
            })
        exchange.insert_passages(s, rows)
    return project


def with_lists(table: XYTable) -> tuple[XYTable, int]:
    """The table with every cell's unit list read out (as the 交叉表单元 sheet does)."""
    listed = sum(len(table.units(r.id, c.id)) for r in table.rows for c in table.columns)
    return table, listed


def best(fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None):
    """(wall seconds, CPU seconds, result), each time the best of ``repeat`` runs; CPU time
    shows the cost apart from other processes competing for the machine."""
    walls, cpus, result = [], [], None
    for _ in range(max(1, repeat)):
        if before is not None:
            before()
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus), result


def window_tables(path: Path, repeat: int) -> int:
    """Each page of the window's Tables dialog: recomputed and painted (offscreen), then
    until its chart, drawn off the GUI thread, is in place. Returns how many pages took a
    second or more to show their table."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.open_project(path)
    app.processEvents()
    tree = CodeTree.of(window.hub.require().codes())
    x = tree.branch("供给型+环境型+需求型")
    dialog = window.team_tools.show_tables()  # type: ignore[attr-defined]
    dialog.xy.set_branches(list(x), list(tree.branch("*", x)), notify=False)
    app.processEvents()

    def settled(page: object) -> None:
        chart = getattr(page, "chart", None)
        if chart is not None and chart.drawing:
            loop = QEventLoop()
            chart.drawn.connect(loop.quit)
            loop.exec()

    slow = 0
    for page in dialog.pages:
        shown, drawn = [], []
        for _ in range(max(1, repeat)):
            settled(page)
            t0 = time.perf_counter()
            dialog.tabs.setCurrentWidget(page)
            dialog._stale.add(dialog.pages.index(page))  # noqa: SLF001 - force a recompute
            dialog.refresh()
            app.processEvents()
            dialog.grab()
            shown.append(time.perf_counter() - t0)
            settled(page)
            drawn.append(time.perf_counter() - t0)
        label = f"window: {dialog.tabs.tabText(dialog.tabs.indexOf(page))}"
        flag = " OVER" if min(shown) >= 1 else ""
        slow += min(shown) >= 1
        print(f"{label:<34} {min(shown) * 1000:5.0f} ms shown{flag}, "
              f"{min(drawn) * 1000:5.0f} ms with its chart")
    window.close()
    return slow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--passages", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        project = build(Path(tmp) / "bench.annot", args.documents, args.passages)
        size = (Path(tmp) / "bench.annot").stat().st_size / 2**20
        print(f"project: {args.documents:,} documents, {args.passages:,} passages, "
              f"{len(project.codes())} codes, {size:.0f} MiB; built in "
              f"{time.perf_counter() - t0:.1f} s")
        tree = CodeTree.of(project.codes())
        x = tree.branch("供给型+环境型+需求型")
        y = tree.branch("*", x)
        coder = Filters(coder_ids={project.coder.id})
        region = Filters(attributes={"地区": {"北京", "上海", "广东"}})
        def first() -> None:  # units neither in memory nor in the project
            DEFAULT_CACHE.clear()
            with project.session_scope() as s:
                derived.drop_table(s)

        session = DEFAULT_CACHE.clear
        cases: list[tuple[str, Callable[[], object], Callable[[], None] | None]] = [
            ("code × document", lambda: code_by_document(project), None),
            ("code × document, one coder", lambda: code_by_document(project, coder), None),
            ("code × attribute (region)", lambda: code_by_attribute(project, "地区"), None),
            ("code × year of date", lambda: code_by_attribute(project, "日期", as_year=True),
             None),
            ("X×Y paragraphs, first time", lambda: with_lists(xy_table(project, x, y)),
             first),
            ("X×Y paragraphs, new session", lambda: with_lists(xy_table(project, x, y)),
             session),
            ("X×Y paragraphs, warm", lambda: with_lists(xy_table(project, x, y)), None),
            ("X×Y paragraphs, 3 regions",
             lambda: with_lists(xy_table(project, x, y, filters=region)), None),
            ("X×Y sentences, first time",
             lambda: with_lists(xy_table(project, x, y, unit="sentence")), first),
            ("X×Y sentences, new session",
             lambda: with_lists(xy_table(project, x, y, unit="sentence")), session),
            ("X×Y sentences, warm", lambda: with_lists(xy_table(project, x, y, unit="sentence")),
             None),
            ("co-occurrence by paragraph, 1st", lambda: cooccurrence(project), first),
            ("co-occurrence by paragraph, new", lambda: cooccurrence(project), session),
            ("co-occurrence by paragraph, warm", lambda: cooccurrence(project), None),
            ("co-occurrence by overlap", lambda: cooccurrence(project, mode="overlap"), None),
        ]
        slow = 0
        print(f"{'table':<34} {'wall':>8} {'CPU':>8}")
        for label, fn, before in cases:
            seconds, cpu, result = best(fn, args.repeat, before)
            slow += seconds >= 1.0
            extra = ""
            if isinstance(result, tuple):
                extra = f"  {result[0].total:,} units, {result[1]:,} unit numbers in cells"
            flag = " OVER" if seconds >= 1 else ""
            print(f"{label:<34} {seconds * 1000:5.0f} ms {cpu * 1000:5.0f} ms{flag}{extra}")
        # Not tables but what a researcher waits for: the report workbook (tables, three
        # charts drawn twice, sheets) and the sheets the project workbook gains.
        target = Path(tmp) / "report.xlsx"
        t0, c0 = time.perf_counter(), time.process_time()
        write_report(project, target, x, y)
        print(f"{'report workbook (incl. charts)':<34} {(time.perf_counter() - t0):5.1f} s  "
              f"{time.process_time() - c0:5.1f} s   {target.stat().st_size / 2**20:.1f} MiB")
        t0, c0 = time.perf_counter(), time.process_time()
        sheets = [*cooccurrence_provider(project), *attribute_provider(project)]
        for sheet in sheets:
            sheet.rows = list(sheet.rows)
        print(f"{'project workbook table sheets':<34} {(time.perf_counter() - t0):5.1f} s  "
              f"{time.process_time() - c0:5.1f} s   {', '.join(s.name for s in sheets)}")
        project.close()
        slow += window_tables(Path(tmp) / "bench.annot", args.repeat)
    print(f"{'all tables under 1 s' if not slow else f'{slow} tables over 1 s'}")
    return 0 if not slow else 1


if __name__ == "__main__":
    raise SystemExit(main())
