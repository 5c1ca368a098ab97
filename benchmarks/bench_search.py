"""Search speed over a large corpus: 2,000 articles of 10,000 Chinese characters.

    .venv/bin/python benchmarks/bench_search.py [--docs 2000] [--chars 10000] [--repeat 9]

Articles are generated from jieba's own dictionary (its 30,000 commonest Chinese words, drawn
with their frequencies) plus policy words at chosen rates: 创新 is common (in every article),
揭榜挂帅 rare (about 1 article in 100). Documents go in with one bulk insert; then the index
is built (timed), and each search is timed end to end through ``annotator.search.search``
(index check, segmentation of the query, lookup, counts, the first 100 hits with context):
the first run (phrase and regex then read the texts from the file) and the median of
``--repeat`` runs (texts then in memory). Target: < 200 ms per search once the index is
built. ``--keep FILE`` keeps the built project for another run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.db import exchange  # noqa: E402
from annotator.project import Project  # noqa: E402
from annotator.search import ensure_index, search  # noqa: E402

COMMON = "创新"
RARE = "揭榜挂帅"
SEQUENCE = "科技创新"  # two words in a row: 科技|创新
PHRASE = "协同创新"
PUNCT = "，，，、。。；"


def vocabulary(size: int = 30_000) -> tuple[list[str], list[float]]:
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    words: list[tuple[str, int]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, freq, *_ = line.split()
            if all("\u4e00" <= ch <= "\u9fa5" for ch in word):
                words.append((word, int(freq)))
    words.sort(key=lambda wf: -wf[1])
    words = words[:size]
    return [w for w, _ in words], list(accumulate(f for _, f in words))


def make_article(rng: random.Random, words: list[str], cum: list[float], chars: int,
                 rare: bool) -> str:
    total = cum[-1]
    out: list[str] = []
    size = 0
    while size < chars:
        paragraph: list[str] = []
        for _ in range(rng.randint(2, 6)):
            n = rng.randint(6, 18)
            sentence = [words[bisect_right(cum, rng.random() * total)] for _ in range(n)]
            if rng.random() < 0.15:
                sentence.insert(rng.randrange(n), COMMON)
            if rng.random() < 0.03:
                sentence.insert(rng.randrange(n), "区域协同创新")  # a starter term
            if rng.random() < 0.03:
                sentence.insert(rng.randrange(n), "科技创新合作")  # 科技|创新|合作
            paragraph.append("".join(sentence) + rng.choice(PUNCT))
        text = "".join(paragraph)
        out.append(text)
        size += len(text) + 1
    article = "\n".join(out)[:chars]
    if rare:
        cut = rng.randrange(len(article))
        article = article[:cut] + RARE + article[cut:]
    return article


def build_corpus(project: Project, docs: int, chars: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words, cum = vocabulary()
    rows = []
    total = 0
    for i in range(1, docs + 1):
        text = make_article(rng, words, cum, chars, rare=rng.random() < 0.01)
        total += len(text)
        rows.append({
            "id": i, "guid": f"bench-{i:05d}", "number": i, "title": f"政策文本 {i}",
            "text": text, "source_name": f"{i:05d}.txt",
            "content_hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        })
    with project.session_scope() as s:
        exchange.insert_documents(s, rows)
    return total


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """(first run, median of all runs) in milliseconds, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times[0] * 1000, statistics.median(times) * 1000, result


def hits_with_units(project: Project, query: str) -> object:
    """A page of 100 hits with each one's sentence, paragraph and unit number read."""
    result = search(project, query, limit=100)
    for hit in result.hits:
        hit.sentence, hit.paragraph, hit.unit_number  # noqa: B018
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--keep", type=Path, metavar="FILE",
                        help="keep the project in FILE, or reuse it if it exists")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.annot"
        built = not path.exists()
        if not built:
            project = Project.open(path, coder="bench")
            print(f"reusing {path} ({os.path.getsize(path) / 1e6:.0f} MB)")
        else:
            project = Project.create(path, coder="bench")
            t0 = time.perf_counter()
            chars = build_corpus(project, args.docs, args.chars)
            t1 = time.perf_counter()
            print(f"corpus: {args.docs} articles, {chars:,} characters, generated and "
                  f"inserted in {t1 - t0:.1f} s; file {os.path.getsize(path) / 1e6:.0f} MB")
            t0 = time.perf_counter()
            indexed = ensure_index(project)
            build = time.perf_counter() - t0
            print(f"index build: {indexed} documents in {build:.1f} s "
                  f"({chars / build / 1e6:.2f} M characters/s); "
                  f"file {os.path.getsize(path) / 1e6:.0f} MB")
        with project:
            cases = [
                (f"word, common ({COMMON})", lambda: search(project, COMMON, limit=100)),
                (f"word, rare ({RARE})", lambda: search(project, RARE, limit=100)),
                (f"word sequence ({SEQUENCE})", lambda: search(project, SEQUENCE, limit=100)),
                (f"phrase ({PHRASE})", lambda: search(project, PHRASE, mode="phrase",
                                                      limit=100)),
                (f"phrase, rare ({RARE})", lambda: search(project, RARE, mode="phrase",
                                                         limit=100)),
                (f"regex ({RARE}|区域协同创新)", lambda: search(project, f"{RARE}|区域协同创新",
                                                           mode="regex", limit=100)),
                ("word, common, + units of 100 hits", lambda: hits_with_units(project,
                                                                             COMMON)),
                (f"word, common, all {COMMON} hits", lambda: search(project, COMMON)),
            ]
            t0 = time.perf_counter()
            search(project, "改革", limit=100)
            loads = "jieba loaded by the build" if built else "loads jieba, ≈0.5 s"
            print(f"first word search in this process ({loads}): "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms")
            print(f"\nfirst run and median of {args.repeat}, end to end "
                  "(first 100 hits with context unless 'all'):")
            for label, run in cases:
                first, ms, result = timed(run, args.repeat)
                verdict = ("ok" if ms < 200 else "over 200 ms") if "all" not in label else "info"
                print(f"  {label:<36} first {first:7.1f} ms  median {ms:7.1f} ms  "
                      f"{result.total:>7} matches in "  # type: ignore[attr-defined]
                      f"{result.document_count:>5} documents  [{verdict}]")  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
