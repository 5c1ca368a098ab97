"""Import speed: ``annotator import`` of real-sentence .txt articles vs its floor.

    .venv/bin/python benchmarks/bench_import.py [COUNT] [CHARS] [OTHER_CHECKOUT]

Writes COUNT articles of CHARS characters (benchmarks/real_corpus.py) as .txt files, then
times, each in a fresh process, (1) the floor: read every file and run jieba.lcut (precise
mode) over its text, jieba initialised first; (2) ``python -m annotator init`` +
``import`` of the folder (what users run), and with OTHER_CHECKOUT the same import run by
that checkout of annotator (an earlier commit, say), in the same run. Prints wall and CPU
seconds (CPU of all the import's processes: the steadier figure on a shared machine) and
ratios to the floor (target ≤ 1.3×).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.real_corpus import articles  # noqa: E402

FLOOR = """
import sys, time
from pathlib import Path
import jieba
jieba.setLogLevel(60)
t0 = time.perf_counter()
jieba.initialize()
files = sorted(Path(sys.argv[1]).glob("*.txt"))
words = 0
for p in files:
    words += len(jieba.lcut(p.read_text(encoding="utf-8")))
print(time.perf_counter() - t0)
"""


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(args: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall and CPU seconds of a child process (CPU is the steadier figure on a shared
    machine)."""
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    if done.returncode != 0:
        raise SystemExit(f"{args} failed:\n{done.stderr[-2000:]}")
    return wall, cpu


def main() -> None:
    count, chars = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else ("250", "10000")))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        total = 0
        for i, (_, text) in enumerate(articles(count, chars)):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            total += len(text)
        py = sys.executable
        floor = run([py, "-c", FLOOR, str(folder)])
        timed = [("annotator import (fresh process, whole CLI run)", ROOT)]
        if len(sys.argv) > 3:
            timed.append((f"the same, by {sys.argv[3]}", Path(sys.argv[3])))
        figures = []
        for label, checkout in timed:
            project = Path(tmp) / f"bench{len(figures)}.annotator"
            run([py, "-m", "annotator", "init", str(project)], checkout)
            figures.append((label, run([py, "-m", "annotator", "import", str(project),
                                        str(folder)], checkout)))
    print(f"{count} articles × {chars:,} chars ({total:,} characters)")
    print(f"floor: fresh process, jieba initialised, read + lcut: wall {floor[0]:7.2f} s"
          f"  cpu {floor[1]:7.2f} s")
    for label, (wall, cpu) in figures:
        print(f"{label}: wall {wall:7.2f} s ({wall / floor[0]:.2f}×)  cpu {cpu:7.2f} s"
              f" ({cpu / floor[1]:.2f}×)")


if __name__ == "__main__":
    main()
