"""Crash and concurrency drill: processes killed with SIGKILL mid-write, and six writers at once.

    .venv/bin/python benchmarks/bench_faults.py [--kills 40] [--writers 6] [--each 200]

Kills are spread over coding through the API and in the window, imports, `annotator export`,
`annotator merge`, `annotator import-project` and a window's claim on the file. After every
kill: PRAGMA integrity_check, and every step the killed process reported as done is there
("lost" counts those that are not). Then six writers code the same project at once; every
passage each was told it stored must be there. Texts are the shipped samples (real sentences).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.project import Project  # noqa: E402

SAMPLES = ROOT / "samples"


def utf8_texts() -> list[Path]:
    out = []
    for path in sorted(SAMPLES.glob("0*.txt")):
        try:
            path.read_text("utf-8")
        except UnicodeDecodeError:
            continue
        out.append(path)
    return out


def spawn(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "ANNOTATOR_IMPORT_WORKERS": "0"}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def cli(*args: str) -> subprocess.Popen[str]:
    return spawn("import sys\nfrom annotator.cli import run\nsys.exit(run(sys.argv[1:]))", *args)


def integrity(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def kill_after(proc: subprocess.Popen[str], lines: int, seconds: float) -> list[str]:
    """Read up to ``lines`` lines (or wait ``seconds``), then SIGKILL; the lines read."""
    got: list[str] = []
    deadline = time.monotonic() + seconds
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    os.set_blocking(fd, False)
    pending = b""
    while len(got) < lines and time.monotonic() < deadline and proc.poll() is None:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            chunk = b""
        if not chunk:
            time.sleep(0.005)
            continue
        *complete, pending = (pending + chunk).split(b"\n")  # only whole lines count
        got += [line.decode() for line in complete if line]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return got


CODER = """
    import sys
    from annotator.project import Project
    with Project.open(sys.argv[1], coder=sys.argv[2]) as project:
        doc, code = project.documents()[0].id, project.codes()[0].id
        for i in range(int(sys.argv[3])):
            print(project.apply_code(doc, code, i % 900, i % 900 + 7, memo=str(i)).id,
                  flush=True)
"""


# Codes in the desktop window (offscreen): each step an undoable ApplyCode on the undo stack.
WINDOW_CODER = """
    import sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from annotator.ui.commands import ApplyCode
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings
    app = QApplication([])
    win = MainWindow(Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    win.open_project(sys.argv[1])
    project = win.hub.require()
    doc, code = project.documents()[0].id, project.codes()[0].id
    for i in range(100000):
        command = ApplyCode(win.hub, doc, code, i % 900, i % 900 + 9, "c")
        win.hub.undo_stack.push(command)
        if command.passage is not None:
            print(command.passage.id, flush=True)
        app.processEvents()
"""

# Imports file by file (the import's own transaction per file) and says which are stored.
IMPORTER = """
    import sys
    from pathlib import Path
    from annotator.project import Project
    with Project.open(sys.argv[1]) as project:
        for path in sorted(Path(sys.argv[2]).iterdir()):
            for outcome in project.import_files([path]).outcomes:
                if outcome.status in ("imported", "duplicate"):
                    print(path.name, flush=True)
"""


def study(folder: Path, name: str = "study.annot") -> Path:
    path = folder / name
    with Project.create(path, coder="甲") as project:
        doc = project.add_document("样例", utf8_texts()[0].read_text("utf-8"))
        code = project.add_code("赋权改革")
        project.apply_code(doc.id, code.id, 0, 10)
    return path


def drill(folder: Path, kills: int) -> dict[str, list[int]]:
    """kind -> [kills, lost, integrity failures]."""
    rng = random.Random(13)
    kinds = ["coding", "window coding", "import", "export", "merge", "import-project",
             "window claim"]
    results = {k: [0, 0, 0] for k in kinds}
    path = study(folder)
    articles = folder / "articles"
    articles.mkdir()
    for i in range(120):
        source = utf8_texts()[i % len(utf8_texts())]
        (articles / f"{source.stem}-{i:03}.txt").write_text(
            source.read_text("utf-8") + f"\n（第{i}份）\n", "utf-8")
    with Project.open(path) as project:
        other = project.path.with_name("乙.annot")
    subprocess.run([sys.executable, "-m", "annotator", "copy-for-coder", str(path), str(other),
                    "--coder", "乙"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                   capture_output=True, check=True)
    spawn(CODER, str(other), "乙", "300").communicate()
    qdpx = folder / "p.qdpx"
    subprocess.run([sys.executable, "-m", "annotator", "export", str(path), str(qdpx)],
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, check=True)
    for n in range(kills):
        kind = kinds[n % len(kinds)]
        lost = 0
        target = path
        if kind == "coding":
            done = kill_after(spawn(CODER, str(path), f"k{n}", "100000"), rng.randint(3, 80), 20)
            with Project.open(path) as project:
                stored = {p.id for p in project.passages()}
            lost = len({int(x) for x in done} - stored)
        elif kind == "window coding":
            done = kill_after(spawn(WINDOW_CODER, str(path), str(folder / "w.ini")),
                              rng.randint(3, 60), 40)
            with Project.open(path) as project:
                stored = {p.id for p in project.passages()}
            lost = len({int(x) for x in done} - stored)
        elif kind == "import":
            done = kill_after(spawn(IMPORTER, str(path), str(articles)), rng.randint(1, 30), 30)
            with Project.open(path) as project:
                have = {d.source_name for d in project.documents()}
            lost = len(set(done) - have)
        elif kind == "export":
            out = folder / "out.xlsx"
            kill_after(cli("export", str(path), str(out)), 1, rng.uniform(0.3, 3.0))
            if out.exists():  # complete or absent, never half a workbook
                import zipfile

                lost = 0 if zipfile.is_zipfile(out) else 1
        elif kind == "merge":
            with Project.open(path) as project:
                before = project.stats().passages
            kill_after(cli("merge", str(path), str(other)), 1, rng.uniform(0.3, 3.0))
            with Project.open(path) as project:
                after = project.stats().passages
            lost = 0 if after >= before else before - after
        elif kind == "import-project":
            target = folder / f"new{n}.annot"
            kill_after(cli("import-project", str(qdpx), str(target)), 1, rng.uniform(0.2, 2.0))
            if target.exists():
                with Project.open(target) as project:
                    lost = 0 if project.stats().documents == 1 else 1
            else:
                target = path
        else:  # a window's claim, killed: the next window must open the project writable
            holder = spawn("""
                import sys, time
                from annotator.project import Project
                p = Project.open(sys.argv[1], window=True)
                print("open", flush=True)
                time.sleep(60)
            """, str(path))
            kill_after(holder, 1, 20)
            with Project.open(path, window=True) as project:
                lost = 0 if project.read_only is None else 1
        results[kind][0] += 1
        results[kind][1] += lost
        results[kind][2] += 0 if integrity(target) and integrity(path) else 1
    return results


def writers(folder: Path, count: int, each: int) -> tuple[int, int, float]:
    """(passages reported, lost, seconds) for ``count`` writers at once."""
    path = study(folder, "shared.annot")
    start = time.perf_counter()
    procs = [spawn(CODER, str(path), f"w{n}", str(each)) for n in range(count)]
    reported: set[int] = set()
    for proc in procs:
        out, _ = proc.communicate()
        reported |= {int(x) for x in out.split()}
    seconds = time.perf_counter() - start
    with Project.open(path) as project:
        stored = {p.id for p in project.passages()}
    assert integrity(path)
    return len(reported), len(reported - stored), seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--writers", type=int, default=6)
    parser.add_argument("--each", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="annotator-faults-") as tmp:
        results = drill(Path(tmp), args.kills)
        print(f"{'killed during':16} {'kills':>5} {'lost':>5} {'integrity failures':>19}")
        for kind, (kills, lost, bad) in results.items():
            print(f"{kind:16} {kills:5} {lost:5} {bad:19}")
        total = [sum(v[i] for v in results.values()) for i in range(3)]
        print(f"{'total':16} {total[0]:5} {total[1]:5} {total[2]:19}")
        reported, lost, seconds = writers(Path(tmp), args.writers, args.each)
        print(f"{args.writers} writers at once: {reported} passages reported, {lost} lost, "
              f"{seconds:.1f} s ({reported / seconds:.0f} codings/s together)")


if __name__ == "__main__":
    main()
