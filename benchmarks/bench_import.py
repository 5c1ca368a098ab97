"""Import speed: ``annotator import`` of real-sentence .txt articles vs its floor.

    .venv/bin/python benchmarks/bench_import.py [COUNT] [CHARS] [OTHER_CHECKOUT] [--rounds N]

Writes COUNT articles of CHARS characters (benchmarks/real_corpus.py) as .txt files, then
times, each in a fresh process, (1) the floor: read every file and run jieba.lcut (precise
mode) over its text, jieba initialised first; (2) ``python -m annotator init`` +
``import`` of the folder (what users run), with its worker processes and in one process
(``ANNOTATOR_IMPORT_WORKERS=0``), and with OTHER_CHECKOUT the same import run by that
checkout of annotator (an earlier commit, say). Each round runs the floor and every import
once, so each ratio pairs figures of the same moment of a shared, noisy machine. Prints wall
and CPU seconds (CPU of all the import's processes) and ratios to the floor of the same
round (target ≤ 1.3×), then the lowest ratio of each over the rounds.
"""

from __future__ import annotations

import os
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


def run(args: list[str], cwd: Path = ROOT,
        env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of a child process (CPU is the steadier figure on a shared
    machine)."""
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    if done.returncode != 0:
        raise SystemExit(f"{args} failed:\n{done.stderr[-2000:]}")
    return wall, cpu


def main() -> None:
    argv = sys.argv[1:]
    rounds = 1
    if "--rounds" in argv:
        k = argv.index("--rounds")
        rounds = int(argv[k + 1])
        del argv[k : k + 2]
    count, chars = (int(a) for a in (argv[:2] if len(argv) > 1 else ("250", "10000")))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        total = 0
        for i, (_, text) in enumerate(articles(count, chars)):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            total += len(text)
        py = sys.executable
        timed = [("annotator import (fresh process, whole CLI run)", ROOT, {}),
                 ("the same in one process (ANNOTATOR_IMPORT_WORKERS=0)", ROOT,
                  {"ANNOTATOR_IMPORT_WORKERS": "0"})]
        if len(argv) > 2:
            timed.append((f"the same, by {argv[2]}", Path(argv[2]), {}))
        print(f"{count} articles × {chars:,} chars ({total:,} characters)")
        best: dict[str, tuple[float, float]] = {}
        for r in range(rounds):
            floor = run([py, "-c", FLOOR, str(folder)])
            print(f"round {r + 1}: floor (fresh process, jieba initialised, read + lcut): "
                  f"wall {floor[0]:7.2f} s  cpu {floor[1]:7.2f} s")
            for n, (label, checkout, extra) in enumerate(timed):
                project = Path(tmp) / f"bench{r}-{n}.annot"
                env = dict(os.environ, PYTHONPATH=str(checkout), **extra)
                run([py, "-m", "annotator", "init", str(project)], checkout, env)
                wall, cpu = run([py, "-m", "annotator", "import", str(project), str(folder)],
                                checkout, env)
                ratios = (wall / floor[0], cpu / floor[1])
                old = best.get(label, (float("inf"), float("inf")))
                best[label] = (min(old[0], ratios[0]), min(old[1], ratios[1]))
                print(f"  {label}: wall {wall:7.2f} s ({ratios[0]:.2f}×)  cpu {cpu:7.2f} s"
                      f" ({ratios[1]:.2f}×)", flush=True)
    for label, (wall, cpu) in best.items():
        print(f"lowest over {rounds} round(s), {label}: wall {wall:.2f}×  cpu {cpu:.2f}×")


if __name__ == "__main__":
    main()
