"""Coding in the window while it re-derives a project's text data (units and index rows).

    .venv/bin/python benchmarks/bench_rederive.py [--sizes 1/8,1/4] [--codings 8]

A project made by an earlier version (or opened after the unit rules changed) has its units
and index rows rebuilt by the window's background worker right after the first paint. This
benchmark imports the workload's folder (``workload.ensure_folder``: real-sentence articles)
into a new project, drops its stored units and search index (as an older project), opens it
in a new offscreen window and, after a first coding (which builds what codings share), applies
one code at a time — text selected in the article, a click on the code, until the passage is
painted — while the worker runs, then a few more times after
it has finished. Each size runs twice in the same run: with the worker process
(``derived_data.worker_pool``, what the window does) and with the splitting and jieba in the
worker thread (how it was), so both figures are paired with the quiet figure of their own
session. This script's main module is guarded, so it lets the window spawn its worker.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workload  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def older_project(folder: Path, target: Path) -> None:
    """``folder`` imported into ``target``, then stripped of its derived data."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in (["init", str(target), "--coder", "bench"], ["import", str(target), str(folder)]):
        subprocess.run([sys.executable, "-m", "annotator", *args], check=True,
                       capture_output=True, cwd=ROOT, env=env)
    sys.path.insert(0, str(ROOT))
    from annotator.db import derived
    from annotator.db import search_index as index_tables
    from annotator.project import Project

    with Project.open(target) as project:
        project.add_code("编码")
        with project.session_scope() as s:
            derived.drop_table(s)
            index_tables.drop_tables(s)


def child(path: str, mode: str, codings: int) -> int:  # noqa: C901 - one session, in order
    """One offscreen window session; prints one JSON line."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.importing import pipeline
    from annotator.ui import derived_worker
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    pipeline.spawn_is_safe = lambda: True  # this main module is guarded
    if mode == "thread":
        derived_worker.worker_pool = lambda: None  # as before: computed in the worker thread
    app = QApplication.instance() or QApplication([sys.argv[0]])
    out: dict[str, Any] = {"mode": mode, "during": [], "after": []}

    class PaintWatch(QObject):
        def __init__(self, widget: Any) -> None:
            super().__init__()
            self.ready: Any = lambda: True
            self.done = False
            widget.installEventFilter(self)

        def arm(self, ready: Any) -> None:
            self.ready, self.done = ready, False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.done and self.ready():
                self.done = True
            return False

    def wait(cond: Any, timeout: float = 60.0) -> bool:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            app.processEvents()
            if cond():
                return True
        return False

    window = MainWindow(Settings())
    article = window.article
    editor = article.editor()
    watch = PaintWatch(editor.viewport())
    watch.arm(lambda: article.document_id() is not None)
    window.open_project(path)
    window.show()
    wait(lambda: watch.done)
    builder = window.derived_data  # type: ignore[attr-defined]
    if not wait(lambda: builder.running, 30):
        out["warning"] = "the derived-data worker never started"
    hub = window.hub
    project = hub.project
    code = project.codes()[0].id
    tree = window.codebook.tree()
    text = project.document_text(article.document_id())
    spans = [s for s in workload._sentences(text) if s[1] - s[0] > 8][: 2 * codings + 2]

    def apply(start: int, end: int) -> float:
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        wait(lambda: False, 0.05)
        before = hub.undo_stack.count()
        watch.arm(lambda: hub.undo_stack.count() > before)
        source = window.codebook.model().index_for(code)
        proxy = tree.model()
        index = proxy.mapFromSource(source) if hasattr(proxy, "mapFromSource") else source
        rect = tree.visualRect(index)
        t0 = time.perf_counter()
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())
        wait(lambda: watch.done, 30)
        return (time.perf_counter() - t0) * 1000

    started = time.perf_counter()
    out["first"] = apply(*spans[0])  # the session's first coding builds what codings share
    wait(lambda: False, 0.3)
    k = 1
    while builder.running and k <= codings:
        out["during"].append(apply(*spans[k]))
        k += 1
        wait(lambda: False, 0.3)
    out["during_running_to_end"] = builder.running
    wait(lambda: not builder.running, 1800)
    out["rederive_s"] = time.perf_counter() - started
    for start, end in spans[k : k + 5]:
        out["after"].append(apply(start, end))
        wait(lambda: False, 0.2)
    print(json.dumps(out))
    sys.stdout.flush()
    os._exit(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1/8")
    parser.add_argument("--codings", type=int, default=8)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1], int(args.child[2]))
    for label in args.sizes.split(","):
        folder = workload.ensure_folder(workload.parse_size(label))
        with tempfile.TemporaryDirectory(prefix="bench-rederive-") as tmp:
            base = Path(tmp) / "older.annot"
            older_project(folder, base)
            print(f"== size {label}: {folder}")
            for mode in ("process", "thread"):
                path = Path(tmp) / f"{mode}.annot"
                shutil.copyfile(base, path)
                config = Path(tmp) / f"config-{mode}"
                config.mkdir()
                env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
                           XDG_CONFIG_HOME=str(config), HOME=str(config))
                done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child",
                                       str(path), mode, str(args.codings)],
                                      capture_output=True, text=True, env=env, cwd=ROOT,
                                      timeout=3600)
                lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
                if not lines:
                    print(f"  {mode}: failed: {done.stderr.strip()[-500:]}")
                    continue
                r = json.loads(lines[-1])
                during = r["during"] or [float("nan")]
                after = r["after"] or [float("nan")]
                print(f"  re-derivation in a worker {mode:7s}: apply one code while it runs: "
                      f"median {statistics.median(during):6.1f} ms, max {max(during):6.1f} ms "
                      f"({len(r['during'])} codings after a first of {r['first']:.0f} ms); "
                      "after it: median "
                      f"{statistics.median(after):5.1f} ms; re-derivation {r['rederive_s']:.0f} s"
                      + (f"; {r['warning']}" if r.get("warning") else ""), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
