"""Term suggestion (`annotator terms suggest`) on a project-sized corpus.

    .venv/bin/python benchmarks/bench_terms.py [--docs 2000] [--chars 10000] [--top 50]
    .venv/bin/python benchmarks/bench_terms.py --folder DIR      # your own .txt/.md files

By default the corpus is 2,000 articles of 10,000 characters assembled from real policy
sentences (benchmarks/real_corpus.py). Prints the time of each counting step (wall clock and
this process's CPU: on a shared machine other processes only slow the wall clock), the peak
memory numpy and Python allocated (tracemalloc), and the suggestions, best first.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from annotator.chinese.segment import default_segmenter, starter_terms  # noqa: E402
from annotator.words.stopwords import default_stopwords  # noqa: E402
from annotator.words.term_discovery import discover_terms  # noqa: E402


def corpus(args: argparse.Namespace) -> list[str]:
    if args.folder is not None:
        files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".md"))
        return [p.read_text("utf-8", errors="replace") for p in files]
    from real_corpus import articles  # type: ignore[import-not-found]

    return [text for _title, text in articles(args.docs, args.chars)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()

    texts = corpus(args)
    print(f"corpus: {len(texts):,} documents, {sum(map(len, texts)):,} characters")
    segmenter = default_segmenter().load()
    start, cpu = time.perf_counter(), time.process_time()
    last = [start]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if done:
            print(f"  n-grams of length {done + 1}: {now - last[0]:6.2f} s")
        last[0] = now

    tracemalloc.start()
    found = discover_terms(texts, segmenter=segmenter, known=starter_terms(),
                           stopwords=default_stopwords(), top=args.top, progress=progress)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"suggest {args.top}: {time.perf_counter() - start:.2f} s wall, "
          f"{time.process_time() - cpu:.2f} s CPU, peak {peak / 2**20:,.0f} MiB allocated")
    for i, c in enumerate(found, 1):
        print(f"{i:3} {c.term}\t{c.count}\t{c.documents}\t{' / '.join(c.split)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
