"""Import speed: ``annotator import`` of real-sentence .txt articles vs its floor.

    .venv/bin/python benchmarks/bench_import.py [COUNT] [CHARS]

Writes COUNT articles of CHARS characters (benchmarks/real_corpus.py) as .txt files, then
times, each in a fresh process, (1) the floor: read every file and run jieba.lcut (precise
mode) over its text, jieba initialised first; (2) ``python -m annotator init`` +
``import`` of the folder (what users run). Prints both and their ratio (target ≤ 1.3×).
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


def run(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a child process (CPU is the steadier figure on a shared
    machine)."""
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
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
        project = Path(tmp) / "bench.annotator"
        run([py, "-m", "annotator", "init", str(project)])
        imported = run([py, "-m", "annotator", "import", str(project), str(folder)])
    print(f"{count} articles × {chars:,} chars ({total:,} characters)")
    for label, (wall, cpu) in (
        ("floor: fresh process, jieba initialised, read + lcut", floor),
        ("annotator import (fresh process, whole CLI run)     ", imported),
    ):
        print(f"{label}: wall {wall:7.2f} s  cpu {cpu:7.2f} s")
    print(f"ratio: wall {imported[0] / floor[0]:.2f}×  cpu {imported[1] / floor[1]:.2f}×"
          " (target ≤ 1.3×)")


if __name__ == "__main__":
    main()
