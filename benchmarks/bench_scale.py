"""What users run, end to end, at 1/8, 1/4, 1/2 and full size, each figure beside its floor.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1/8,1/4,1/2,1]
                                               [--only export,import,window,search]
    # another code tree (its own projects are built and cached for it):
    cd /tmp/before && PYTHONPATH=/tmp/before /work/main/.venv/bin/python \\
        /work/main/benchmarks/bench_scale.py --sizes 1/8

The workload (``workload.py``): 2,000×s real-sentence articles × 10,000 characters, 60 codes,
2 coders, attributes, 200,000×s passages; built once per code tree and size and cached. The
``annotator`` package measured is the one on sys.path (PYTHONPATH or an installed one); every
command-line run is ``sys.executable -m annotator`` with the same PYTHONPATH.

Figures, each timed in the same run as its floor (the machine is shared and noisy):

- export: ``annotator export PROJECT out.xlsx`` (the whole workbook) in a new process, wall
  time and peak RSS, vs a new process writing the same 编码片段 rows (read back from that
  export and pickled beforehand, so the floor pays no SQL) with bare openpyxl write-only;
- import: ``annotator import`` of the folder into a project just made by ``annotator init``,
  vs a new process reading the same files and running ``jieba.lcut`` (precise mode) over them,
  jieba initialised;
- window (a new offscreen process per size, driven as a user does: text selected in the
  article, a click on the code in the codebook, a click on a row of the documents list):
  open to first paint of the article; applying one code incl. commit and repaint (the first
  one of the session, then the median of five), with the SQL statements it runs; switching
  documents; the passages pane of the biggest code (≥10,000 passages at full size) until its
  first rows are painted. Floor of applying: one INSERT + commit through sqlite3 and a
  QTextEdit repaint of the same text with the span highlighted (what QualCoder's mark() does);
  the others are printed beside the issue's targets;
- search through ``annotator.search.search`` (first 100 hits, as a page): a rare word, a
  common word (both in word and default mode), a phrase of several words, a regex; warm
  (median of 7 after one untimed query), vs the raw FTS5 lookup on the index tables for words
  and phrases and Python ``re`` over all texts already in memory for the regex.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workload  # noqa: E402

RARE = "揭榜挂帅"
COMMON = "创新"
PHRASE = "依法追究刑事责任"  # 依法|追究|刑事责任
REGEX = r"(科技|技术)成果(转化|转移)"
REPEAT = 7
GROUPS = ("export", "import", "window", "search")

# Targets from issue 11 ("Figures to reach"); a ratio target is figure / floor.
TARGETS = {
    "export": "≤1.5× floor, RSS <250 MB",
    "import": "≤1.3× floor",
    "open": "<1000 ms",
    "apply": "<30 ms",
    "switch": "<50 ms",
    "passages": "<100 ms",
    "rare": "<5 ms",
    "common": "<30 ms",
    "phrase": "<20 ms",
    "regex": "<1.5× floor",
}

# Runs a command and reports its wall time and peak RSS: a new process for each command, so
# that RUSAGE_CHILDREN holds that command's peak alone.
WRAPPER = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True)
wall = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "wall": wall, "rss_mb": usage.ru_maxrss / 1024,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "out": done.stdout.decode("utf-8", "replace")[-3000:],
                  "err": done.stderr.decode("utf-8", "replace")[-3000:]}))
"""

# The rows are pickled one by one and streamed back, so that the floor's memory stays flat
# as a streaming export's may.
FLOOR_XLSX = r"""
import pickle, sys
from openpyxl import Workbook
wb = Workbook(write_only=True)
ws = wb.create_sheet("编码片段")
with open(sys.argv[1], "rb") as fh:
    while True:
        try:
            ws.append(pickle.load(fh))
        except EOFError:
            break
wb.save(sys.argv[2])
"""

FLOOR_JIEBA = r"""
import logging, pathlib, sys
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
words = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    words += len(jieba.lcut(path.read_text(encoding="utf-8")))
print(words)
"""


@dataclass
class Row:
    figure: str
    ms: float | None  # wall time
    floor_ms: float | None = None
    floor_label: str = ""
    rss: str = ""
    target: str = ""
    note: str = ""
    cpu: float | None = None  # CPU time of the process(es): less shaken by a loaded machine
    floor_cpu: float | None = None

    @staticmethod
    def _ratio(a: float | None, b: float | None) -> str:
        return f"{a / b:.1f}×" if a is not None and b else ""

    @property
    def ratio(self) -> str:
        return self._ratio(self.ms, self.floor_ms)

    @property
    def cpu_ratio(self) -> str:
        return self._ratio(self.cpu, self.floor_cpu)


# -- helpers ----------------------------------------------------------------------------------
def child_env(**extra: str) -> dict[str, str]:
    """The environment of every child: this tree's annotator first on the path."""
    env = os.environ.copy()
    root = str(workload.tree_root())
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def measured(argv: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Wall time (s) and peak RSS (MB) of one command in a fresh wrapper process."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, *argv], capture_output=True,
                          text=True, env=env or child_env(), cwd=workload.tree_root())
    if done.returncode != 0:
        raise RuntimeError(f"wrapper failed: {done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(argv[:4])}… exited {result['rc']}: "
                           f"{result['err'][-1500:]}")
    return result


def annotator_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "annotator", *args]


def median_ms(run: Callable[[], object], repeat: int = REPEAT) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``repeat`` runs after one untimed (warm) run."""
    run()
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def git_commit(root: Path) -> str:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %cI %s"],
                             capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "annotator"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return (out.stdout.strip()[:90] or "not a git tree") + (" +uncommitted" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "not a git tree"


# -- export -----------------------------------------------------------------------------------
def passage_sheet_rows(xlsx: Path) -> list[tuple[Any, ...]]:
    """The 编码片段 rows (header included) of a workbook, as written."""
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    rows: list[tuple[Any, ...]] = []
    for name in wb.sheetnames:
        if name.startswith("编码片段"):
            rows.extend(wb[name].iter_rows(values_only=True))
    wb.close()
    return rows


def bench_export(w: workload.Workload, tmp: Path) -> list[Row]:
    project = workload.copy_project(w.project, tmp / "export")
    target = tmp / "export" / "project.xlsx"
    got = measured(annotator_cmd("export", str(project), str(target)))
    rows = passage_sheet_rows(target)
    pickled = tmp / "export" / "rows.pickle"
    with pickled.open("wb") as fh:
        for row in rows:
            pickle.dump(row, fh, protocol=pickle.HIGHEST_PROTOCOL)
    floor = measured([sys.executable, "-c", FLOOR_XLSX, str(pickled), str(tmp / "floor.xlsx")])
    size = target.stat().st_size / 1e6
    return [Row("export: whole workbook (CLI)", got["wall"] * 1000, floor["wall"] * 1000,
                "openpyxl write-only, same 编码片段 rows",
                rss=f"{got['rss_mb']:.0f} / {floor['rss_mb']:.0f} MB",
                target=TARGETS["export"], cpu=got["cpu"] * 1000, floor_cpu=floor["cpu"] * 1000,
                note=f"{len(rows) - 1:,} passage rows, {size:.0f} MB file")]


# -- import -----------------------------------------------------------------------------------
def bench_import(w: workload.Workload, tmp: Path) -> list[Row]:
    fresh = tmp / "import" / "fresh.annot"
    fresh.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(annotator_cmd("init", str(fresh), "--coder", "bench"), check=True,
                   capture_output=True, env=child_env(), cwd=workload.tree_root())
    got = measured(annotator_cmd("import", str(fresh), str(w.folder)))
    floor = measured([sys.executable, "-c", FLOOR_JIEBA, str(w.folder)])
    last = got["out"].strip().splitlines()[-1] if got["out"].strip() else ""
    return [Row("import: folder into a new project (CLI)", got["wall"] * 1000,
                floor["wall"] * 1000, "read + jieba.lcut, jieba initialised",
                rss=f"{got['rss_mb']:.0f} / {floor['rss_mb']:.0f} MB",
                target=TARGETS["import"], note=last, cpu=got["cpu"] * 1000,
                floor_cpu=floor["cpu"] * 1000)]


# -- search -----------------------------------------------------------------------------------
def _fts_words(project: Any, phrase: str) -> list[str]:
    """The index forms of a phrase, as the index segmented it (guarded private use)."""
    try:
        from annotator.chinese.variants import fold
        from annotator.search.index import index_segmenter

        with project.session_scope() as s:
            segmenter = index_segmenter(s)
            return [t.word for t in segmenter.tokenize(fold(phrase)) if t.word.strip()]
    except Exception:  # internals moved: plain jieba
        import jieba

        return [t for t in jieba.lcut(phrase) if t.strip()]


def bench_search(w: workload.Workload, tmp: Path) -> list[Row]:
    from annotator.project import Project
    from annotator.search import search

    path = workload.copy_project(w.project, tmp / "search")
    rows: list[Row] = []
    con = sqlite3.connect(path)
    project = Project.open(path, coder=workload.CODERS[0])
    try:
        def fts_term(word: str) -> Callable[[], object]:
            return lambda: con.execute(
                "SELECT doc, cnt FROM search_term_counts WHERE term = ?", (word,)).fetchall()

        words = _fts_words(project, PHRASE)
        match = '"' + " ".join(words) + '"'

        def fts_phrase() -> object:
            return con.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ?",
                               (match,)).fetchall()

        texts = [t for (t,) in con.execute("SELECT text FROM documents ORDER BY number")]
        import re

        pattern = re.compile(REGEX)

        def re_floor() -> object:
            return [[m.span() for m in pattern.finditer(t)] for t in texts]

        cases = [
            (f"search: rare word {RARE} (word mode)", RARE, "word", fts_term(RARE),
             "FTS5 term lookup", "rare"),
            (f"search: rare word {RARE} (default mode)", RARE, None, fts_term(RARE),
             "FTS5 term lookup", "rare"),
            (f"search: common word {COMMON} (word mode)", COMMON, "word", fts_term(COMMON),
             "FTS5 term lookup", "common"),
            (f"search: common word {COMMON} (default mode)", COMMON, None, fts_term(COMMON),
             "FTS5 term lookup", "common"),
            (f"search: phrase {PHRASE} (default mode)", PHRASE, None, fts_phrase,
             f"FTS5 phrase {match}", "phrase"),
            (f"search: regex {REGEX}", REGEX, "regex", re_floor, "re over texts in memory",
             "regex"),
        ]
        for label, query, mode, floor, floor_label, target in cases:
            kwargs: dict[str, Any] = {"limit": 100}
            if mode is not None:
                kwargs["mode"] = mode
            last: list[Any] = []

            def run(query: str = query, kwargs: dict[str, Any] = kwargs,
                    last: list[Any] = last) -> None:
                last[:] = [search(project, query, **kwargs)]

            try:
                ms, cpu = median_ms(run)
                total = getattr(last[0], "total", "?")
                docs = getattr(last[0], "document_count", "?")
                note = f"{total} matches in {docs} documents"
            except Exception as exc:  # a mode renamed or gone: say so, keep going
                ms, cpu, note = None, None, f"failed: {type(exc).__name__}: {exc}"[:80]
            try:
                floor_ms, floor_cpu = median_ms(floor)
            except sqlite3.Error as exc:
                floor_ms = floor_cpu = None
                floor_label = f"floor failed: {exc}"[:60]
            rows.append(Row(label, ms, floor_ms, floor_label, target=TARGETS[target],
                            note=note, cpu=cpu, floor_cpu=floor_cpu))
    finally:
        project.close()
        con.close()
    return rows


# -- window -----------------------------------------------------------------------------------
def bench_window(w: workload.Workload, tmp: Path) -> list[Row]:
    path = workload.copy_project(w.project, tmp / "window")
    config = tmp / "window" / "config"
    config.mkdir(parents=True, exist_ok=True)
    env = child_env(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
                    HOME=str(config))
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--window-child", str(path),
         json.dumps(w.meta, ensure_ascii=False)],
        capture_output=True, text=True, env=env, cwd=workload.tree_root(), timeout=1800)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        return [Row("window", None, note=f"child failed ({done.returncode}): "
                    + (done.stderr.strip().splitlines() or ["?"])[-1][:100])]
    r = json.loads(lines[-1])
    floor = "sqlite3 INSERT+commit + QTextEdit repaint"
    fa, fc = r.get("floor_apply_ms"), r.get("floor_apply_cpu")
    rows = [
        Row("window: open project to first paint", r.get("open_ms"), target=TARGETS["open"],
            cpu=r.get("open_cpu"),
            note=f"{r.get('open_parts', '')}; imports {r.get('import_ms', 0):.0f} ms "
                 "before, not counted"),
        Row("window: apply one code, first of the session", r.get("apply_first_ms"), fa,
            floor, target=TARGETS["apply"], note=r.get("apply_note", ""),
            cpu=r.get("apply_first_cpu"), floor_cpu=fc),
        Row("window: apply one code (median of 5)", r.get("apply_ms"), fa, floor,
            target=TARGETS["apply"], note=f"{r.get('apply_sql', '?')} SQL statements",
            cpu=r.get("apply_cpu"), floor_cpu=fc),
        Row("window: switch documents (median of 5)", r.get("switch_ms"),
            target=TARGETS["switch"], note=f"{r.get('switch_sql', '?')} SQL statements",
            cpu=r.get("switch_cpu")),
        Row(f"window: passages pane, {w.meta['big_code']['passages']:,}-passage code",
            r.get("passages_ms"), target=TARGETS["passages"], cpu=r.get("passages_cpu"),
            note=f"{r.get('passages_rows', '?')} rows in the model, "
                 f"{r.get('passages_sql', '?')} SQL statements"),
    ]
    for key in ("warnings",):
        if r.get(key):
            rows.append(Row("window: notes", None, note="; ".join(r[key])[:200]))
    return rows


def window_child(path: str, meta_json: str) -> int:  # noqa: C901 - one user session, in order
    """Runs in a new offscreen process; prints one JSON line of figures."""
    import gc

    meta = json.loads(meta_json)
    warnings: list[str] = []
    out: dict[str, Any] = {"warnings": warnings}
    t0 = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

    from annotator.ui.main_window import MainWindow

    try:
        from annotator.ui.settings import APPLICATION, ORGANISATION, Settings
    except ImportError:  # moved: defaults
        from annotator.ui.settings import Settings
        APPLICATION = ORGANISATION = "annotator-bench"
    out["import_ms"] = (time.perf_counter() - t0) * 1000
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)

    class PaintWatch(QObject):
        """Notes the moment a widget paints while ``ready()`` holds."""

        def __init__(self, widget: Any) -> None:
            super().__init__()
            self.ready: Callable[[], bool] = lambda: True
            self.done = False
            widget.installEventFilter(self)

        def arm(self, ready: Callable[[], bool]) -> None:
            self.ready, self.done = ready, False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.done and self.ready():
                self.done = True
            return False

    def wait(cond: Callable[[], bool], timeout: float = 60.0) -> bool:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            app.processEvents()
            if cond():
                return True
        return False

    def settle(seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()

    class Statements:
        def __init__(self) -> None:
            self.count = 0
            self.on = False

        def __call__(self, *_args: object) -> None:
            if self.on:
                self.count += 1

    # -- open ----------------------------------------------------------------------------
    t0, c0 = time.perf_counter(), time.process_time()
    window = MainWindow(Settings())
    built = time.perf_counter()
    article = window.article
    editor = article.editor() if hasattr(article, "editor") else \
        window.findChildren(QPlainTextEdit)[0]
    watch = PaintWatch(editor.viewport())
    watch.arm(lambda: article.document_id() is not None)
    window.open_project(path)
    opened = time.perf_counter()
    window.show()
    if not wait(lambda: watch.done):
        warnings.append("no first paint of the article")
    out["open_ms"] = (time.perf_counter() - t0) * 1000
    out["open_cpu"] = (time.process_time() - c0) * 1000
    out["open_parts"] = (f"window {(built - t0) * 1000:.0f} + open_project "
                         f"{(opened - built) * 1000:.0f} + show to paint "
                         f"{(time.perf_counter() - opened) * 1000:.0f} ms")
    settle(1.0)
    gc.freeze()  # as launch() does

    hub = window.hub
    project = hub.project
    stack = hub.undo_stack
    engine = getattr(project, "engine", None) or getattr(project, "_engine", None)
    statements = Statements()
    if engine is not None:
        from sqlalchemy import event

        event.listen(engine, "before_cursor_execute", statements)
    else:
        warnings.append("no engine found: SQL not counted")

    def counted(run: Callable[[], bool]) -> tuple[tuple[float, float], bool, int]:
        """((wall, CPU) ms, done, SQL statements) of one user action."""
        statements.count, statements.on = 0, True
        t, c = time.perf_counter(), time.process_time()
        ok = run()
        ms = ((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000)
        statements.on = False
        return ms, ok, statements.count

    def put(key: str, samples: list[tuple[float, float]]) -> None:
        if samples:
            out[f"{key}_ms"] = statistics.median(w for w, _ in samples)
            out[f"{key}_cpu"] = statistics.median(c for _, c in samples)

    tree = window.codebook.tree()

    def click_code(code_id: int) -> None:
        source = window.codebook.model().index_for(code_id)
        proxy = tree.model()
        index = proxy.mapFromSource(source) if hasattr(proxy, "mapFromSource") else source
        tree.expand(index.parent())
        tree.scrollTo(index)
        rect = tree.visualRect(index)
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())

    def select(start: int, end: int) -> None:
        if hasattr(article, "select_span"):
            article.select_span(start, end)
        else:
            cursor = QTextCursor(editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)

    def clear_selection() -> None:
        cursor = editor.textCursor()
        cursor.clearSelection()
        editor.setTextCursor(cursor)

    def shows(code_id: int, start: int, end: int) -> bool:
        layer = article.layer() if hasattr(article, "layer") else None
        if layer is None or not hasattr(layer, "passages_at"):
            return True
        return any(getattr(p, "code_id", None) == code_id
                   and getattr(p, "start", start) == start and getattr(p, "end", end) == end
                   for p in layer.passages_at(start))

    # -- apply one code ------------------------------------------------------------------
    code = meta["typical_code"]["id"]
    doc = article.document_id()
    text = project.document_text(doc)
    taken = {(p.start, p.end) for p in project.passages(document_id=doc) if p.code_id == code}
    spans = [s for s in workload._sentences(text) if s not in taken and s[1] - s[0] > 8]
    spans = spans[len(spans) // 3:][:6]
    clear_selection()
    click_code(code)  # the code becomes current (no selection: nothing is coded)
    settle(0.5)
    times: list[tuple[float, float]] = []
    for k, (start, end) in enumerate(spans):
        select(start, end)
        settle(0.2)
        before = stack.count()

        def apply(start: int = start, end: int = end, before: int = before) -> bool:
            watch.arm(lambda: stack.count() > before and shows(code, start, end))
            click_code(code)
            return wait(lambda: watch.done, 30)

        ms, ok, n = counted(apply)
        if not ok:
            warnings.append(f"apply {k}: no repaint with the new passage seen")
        if k == 0:
            put("apply_first", [ms])
            out["apply_note"] = f"{n} SQL statements"
        else:
            times.append(ms)
            out["apply_sql"] = n
        settle(0.2)
    put("apply", times)

    # -- switch documents ----------------------------------------------------------------
    view = window.documents.view
    dmodel = view.model()
    times = []
    sqls = []
    for row in range(1, min(7, dmodel.rowCount())):
        index = dmodel.index(row, 1)
        view.scrollTo(index)
        rect = view.visualRect(index)
        settle(0.2)
        previous = article.document_id()

        def switch(rect: Any = rect, previous: Any = previous) -> bool:
            watch.arm(lambda: article.document_id() not in (None, previous))
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, rect.center())
            return wait(lambda: watch.done, 30)

        ms, ok, n = counted(switch)
        if not ok:
            warnings.append(f"switch {row}: the article did not show another document")
        times.append(ms)
        sqls.append(n)
    put("switch", times[1:] or times)
    if sqls:
        out["switch_sql"] = round(statistics.median(sqls))

    # -- passages pane of the biggest code -----------------------------------------------
    pane = window.passages
    pmodel = pane.model if not callable(pane.model) else pane.model()
    pview = pane.view
    pwatch = PaintWatch(pview.viewport())
    changed = [False]

    def mark(*_args: object) -> None:
        changed[0] = True

    for signal in ("modelReset", "rowsInserted", "layoutChanged"):
        getattr(pmodel, signal).connect(mark)
    clear_selection()
    settle(0.3)
    big = meta["big_code"]["id"]

    def open_pane() -> bool:
        changed[0] = False
        pwatch.arm(lambda: changed[0] and pmodel.rowCount() > 0)
        click_code(big)
        return wait(lambda: pwatch.done, 60)

    ms, ok, n = counted(open_pane)
    if not ok:
        warnings.append("passages pane: no rows painted")
    put("passages", [ms])
    out["passages_sql"], out["passages_rows"] = n, pmodel.rowCount()

    # -- the floor of applying: sqlite3 INSERT + commit, QTextEdit repaint ----------------
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    edit = QTextEdit()
    edit.resize(editor.size())
    edit.setPlainText(text)
    edit.show()
    fwatch = PaintWatch(edit.viewport())
    settle(0.5)
    coder = project.coder.id
    times = []
    spans2 = [s for s in workload._sentences(text) if s[1] - s[0] > 8][:6]
    for k, (start, end) in enumerate(spans2):
        def floor(start: int = start, end: int = end, k: int = k) -> bool:
            fwatch.arm(lambda: True)
            con.execute("BEGIN IMMEDIATE")
            con.execute(
                'INSERT INTO passages (guid, document_id, code_id, coder_id, start, "end", '
                "memo, created_at) VALUES (?, ?, ?, ?, ?, ?, '', datetime('now'))",
                (f"floor-{k}-{time.time()}", doc, big, coder, start, end))
            con.execute("COMMIT")
            cursor = QTextCursor(edit.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#F2C94C"))
            cursor.mergeCharFormat(fmt)
            return wait(lambda: fwatch.done, 30)

        t, c = time.perf_counter(), time.process_time()
        floor()
        times.append(((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000))
        settle(0.1)
    con.close()
    put("floor_apply", times[1:])
    print(json.dumps(out, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # skip Qt teardown of a big window: nothing is left to save


# -- main -------------------------------------------------------------------------------------
def print_table(label: str, w: workload.Workload, rows: list[Row]) -> None:
    m = w.meta
    print(f"\n== size {label}: {m['documents']:,} documents, {m.get('characters') or 0:,} "
          f"characters, {m['codes']} codes, {m['passages']:,} passages, 2 coders; biggest "
          f"code {m['big_code']['path']} ({m['big_code']['passages']:,})")
    head = (f"{'figure':<46} {'wall':>10} {'floor':>10} {'ratio':>6} {'cpu':>10} "
            f"{'floor cpu':>10} {'ratio':>6}  {'RSS fig/floor':<15} {'target':<26} "
            "floor is / note")
    print(head)
    print("-" * len(head))

    def ms(v: float | None) -> str:
        if v is None:
            return "—"
        return f"{v:.1f} ms" if v < 100 else f"{v:,.0f} ms"

    for r in rows:
        extra = "; ".join(x for x in (r.floor_label, r.note) if x)
        print(f"{_pad(r.figure, 46)} {ms(r.ms):>10} {ms(r.floor_ms) if r.floor_ms else '':>10} "
              f"{r.ratio:>6} {ms(r.cpu):>10} {ms(r.floor_cpu) if r.floor_cpu else '':>10} "
              f"{r.cpu_ratio:>6}  {r.rss:<15} {_pad(r.target, 26)} {extra}")
    sys.stdout.flush()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _folder_only(scale: float) -> workload.Workload:
    folder = workload.ensure_folder(scale)
    count = round(workload.FULL_DOCUMENTS * scale)
    meta = {"documents": count, "characters": count * workload.CHARS, "codes": 0,
            "passages": 0, "big_code": {"path": "-", "passages": 0}}
    return workload.Workload(scale, folder, Path(), meta)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1/8,1/4,1/2,1")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated groups ({', '.join(GROUPS)})")
    parser.add_argument("--window-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.window_child:
        return window_child(*args.window_child)
    groups = [g for g in args.only.split(",") if g]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    root = workload.tree_root()
    print(f"code tree: {root} ({git_commit(root)}), schema {workload.schema_version()}")
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, load "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}, "
          f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}")
    print("each figure is paired with its floor in the same run (a shared, noisy machine)")
    for label in args.sizes.split(","):
        scale = workload.parse_size(label)
        # The import needs only the folder of articles, not the built project.
        w = workload.ensure_workload(scale) if groups != ["import"] else _folder_only(scale)
        rows: list[Row] = []
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            for group in groups:
                t0 = time.perf_counter()
                try:
                    rows += globals()[f"bench_{group}"](w, Path(tmp))
                except Exception as exc:  # one group failing must not lose the others
                    said = (str(exc).strip().splitlines() or [""])[-1][:120]
                    rows.append(Row(group, None, note=f"failed: {type(exc).__name__}: {said}"))
                print(f"  ({group} done in {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        print_table(label, w, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
