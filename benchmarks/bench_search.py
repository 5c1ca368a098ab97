"""Search speed over a large corpus: 2,000 articles of 10,000 Chinese characters.

    .venv/bin/python benchmarks/bench_search.py [--docs 2000] [--chars 10000] [--repeat 9]

Articles are real policy sentences from ``benchmarks/real_corpus.py`` when it is there;
otherwise (with a printed note) they are generated from jieba's own dictionary (its 30,000
commonest Chinese words, drawn with their frequencies) plus policy words at chosen rates:
创新 is common (in every article), 揭榜挂帅 rare (about 1 article in 100). ``--traditional``
(default 0.05) is the share of articles converted to traditional script (OpenCC s2t), so
that folding is measured too.

Documents go in with one bulk insert; then the word index is built (timed), and each search is
timed end to end through ``annotator.search.search`` (index check, folding and, for whole
words, segmenting the query, lookup, counts, the first 100 hits with context): the first run
(texts not yet in memory: read from the file and folded) and the median of ``--repeat`` runs
(texts in memory). Each is paired with its floor: ``str.count`` over the folded texts already
in memory for the default search, the FTS5 term lookup for whole words. The command line is
timed as a user runs it (a new process: Python, imports, reading the texts), beside the
floor of starting ``annotator --help``. ``--keep FILE`` keeps the built project for another
run.

First come the four figures of issue 11, warm (texts in memory), each beside its floor and
target: a rare word < 5 ms (floor: the FTS5 term lookup), a common word < 30 ms (floor:
``str.count`` over the folded texts in memory), a phrase < 20 ms (floor: the same count), a
regular expression < 1.5 × ``re`` over the texts in memory. ``--figures-only`` stops there.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.chinese.variants import fold  # noqa: E402
from annotator.db import exchange  # noqa: E402
from annotator.db import search_index as index_tables  # noqa: E402
from annotator.project import Project  # noqa: E402
from annotator.search import ensure_index, search, texts  # noqa: E402

COMMON = "创新"
RARE = "揭榜挂帅"
SEQUENCE = "科技创新"  # two words in a row: 科技|创新
PHRASE = "协同创新"
INSIDE = "成果转化"  # mostly inside 科技成果转化
TRADITIONAL = "創新"
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


def _generated(docs: int, chars: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    words, cum = vocabulary()
    return [(f"政策文本 {i}", make_article(rng, words, cum, chars, rare=rng.random() < 0.01))
            for i in range(1, docs + 1)]


def articles(docs: int, chars: int, seed: int = 7) -> tuple[list[tuple[str, str]], str]:
    """(title, text) of each article, and where they come from."""
    try:
        from real_corpus import articles as real_articles  # type: ignore[import-not-found]
    except ImportError:
        print("note: benchmarks/real_corpus.py is not there yet: generated articles "
              "(jieba's dictionary words) instead of real policy sentences")
        return _generated(docs, chars, seed), "generated"
    return list(real_articles(docs, chars, seed=1)), "real policy sentences"


def build_corpus(project: Project, docs: int, chars: int, traditional: float,
                 seed: int = 7) -> tuple[int, str]:
    import opencc

    rng = random.Random(seed + 1)
    to_traditional = opencc.OpenCC("s2t")
    found, source = articles(docs, chars, seed)
    rows = []
    total = 0
    converted = 0
    for i, (title, text) in enumerate(found, 1):
        if rng.random() < traditional:
            title, text = to_traditional.convert(title), to_traditional.convert(text)
            converted += 1
        total += len(text)
        rows.append({
            "id": i, "guid": f"bench-{i:05d}", "number": i, "title": title,
            "text": text, "source_name": f"{i:05d}.txt",
            "content_hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        })
    with project.session_scope() as s:
        exchange.insert_documents(s, rows)
    return total, f"{source}, {converted} in traditional script"


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


def count_floor(project: Project, query: str) -> tuple[float, int]:
    """str.count of the folded query over the folded texts in memory (ms, occurrences)."""
    with project.session_scope() as s:
        folded = [f for _t, f in texts.folded_texts_for(s).values()]
    needle = fold(query)
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(f.count(needle) for f in folded)
    _CPU[0] = (time.process_time() - c0) * 1000
    return (time.perf_counter() - t0) * 1000, n


def fts_floor(project: Project, form: str) -> tuple[float, int]:
    """The FTS5 term-list lookup alone (ms, occurrences)."""
    with project.session_scope() as s:
        t0, c0 = time.perf_counter(), time.process_time()
        _docs, n = index_tables.term_counts(s, form)
        _CPU[0] = (time.process_time() - c0) * 1000
        return (time.perf_counter() - t0) * 1000, n


def regex_floor(project: Project, pattern: str) -> tuple[float, int]:
    """``re.finditer`` over the stored texts already in memory (ms, matches)."""
    with project.session_scope() as s:
        stored = list(texts.texts_for(s).values())
    regex = re.compile(pattern)
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(1 for text in stored for _ in regex.finditer(text))
    _CPU[0] = (time.process_time() - c0) * 1000
    return (time.perf_counter() - t0) * 1000, n


REGEX = f"{RARE}|区域协同创新"
_CPU = [0.0]  # the CPU time of the last floor measured (ms)


def figures(project: Project, repeat: int) -> None:
    """The four figures of issue 11, warm, with floors and targets."""
    for query in (COMMON, RARE, PHRASE):  # warm: texts read and kept, as in the window
        search(project, query, limit=100)
    search(project, REGEX, mode="regex", limit=100)
    search(project, COMMON, whole_word=True, limit=100)  # the segmenter built
    cases = [
        (f"rare word ({RARE})", lambda: search(project, RARE, limit=100),
         lambda: fts_floor(project, RARE), "FTS5 term lookup", 5.0, None),
        (f"common word ({COMMON})", lambda: search(project, COMMON, limit=100),
         lambda: count_floor(project, COMMON), "str.count in memory", 30.0, None),
        (f"phrase ({PHRASE})", lambda: search(project, PHRASE, limit=100),
         lambda: count_floor(project, PHRASE), "str.count in memory", 20.0, None),
        (f"regex ({REGEX})", lambda: search(project, REGEX, mode="regex", limit=100),
         lambda: regex_floor(project, REGEX), "re over texts in memory", None, 1.5),
        (f"whole word, rare ({RARE})",
         lambda: search(project, RARE, whole_word=True, limit=100),
         lambda: fts_floor(project, RARE), "FTS5 term lookup", 5.0, None),
        (f"whole word, common ({COMMON})",
         lambda: search(project, COMMON, whole_word=True, limit=100),
         lambda: fts_floor(project, COMMON), "FTS5 term lookup", 30.0, None),
    ]
    print(f"\nissue 11 figures, warm, median of {repeat} (first 100 hits with context); "
          "wall time, and in brackets this process's CPU time (less skewed when the machine "
          "is shared):")
    for label, run, floor, floor_name, target_ms, target_ratio in cases:
        c0 = time.process_time()
        _first, ms, result = timed(run, repeat)
        cpu = (time.process_time() - c0) * 1000 / repeat
        floor_runs = []
        for _ in range(repeat):
            floor_runs.append((floor()[0], _CPU[0]))
        floor_ms = statistics.median(w for w, _ in floor_runs)
        floor_cpu = statistics.median(c for _, c in floor_runs)
        if target_ms is not None:
            verdict = f"target < {target_ms:.0f} ms: {'ok' if ms < target_ms else 'MISSED'}"
        else:
            ratio = ms / floor_ms
            verdict = (f"{ratio:.2f}x floor, target < {target_ratio}x: "
                       f"{'ok' if ratio < target_ratio else 'MISSED'}")
        print(f"  {label:<36} {ms:7.2f} ms ({cpu:6.2f})  floor {floor_ms:7.2f} ms "
              f"({floor_cpu:6.2f}; {floor_name})  {result.total:>6} matches  "  # type: ignore[attr-defined]
              f"[{verdict}]")


def cli_ms(*argv: str) -> tuple[float, str]:
    """Wall time of one `annotator` command in a new process, and its last line."""
    exe = Path(sys.executable).with_name("annotator")
    t0 = time.perf_counter()
    done = subprocess.run([str(exe), *argv], capture_output=True, text=True, check=True)
    return (time.perf_counter() - t0) * 1000, done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--traditional", type=float, default=0.05,
                        help="share of articles in traditional script (default 0.05)")
    parser.add_argument("--keep", type=Path, metavar="FILE",
                        help="keep the project in FILE, or reuse it if it exists")
    parser.add_argument("--figures-only", action="store_true",
                        help="print the four issue-11 figures and stop")
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
            chars, source = build_corpus(project, args.docs, args.chars, args.traditional)
            t1 = time.perf_counter()
            print(f"corpus: {args.docs} articles ({source}), {chars:,} characters, made and "
                  f"inserted in {t1 - t0:.1f} s; file {os.path.getsize(path) / 1e6:.0f} MB")
            t0 = time.perf_counter()
            indexed = ensure_index(project)
            build = time.perf_counter() - t0
            print(f"index build: {indexed} documents in {build:.1f} s "
                  f"({chars / build / 1e6:.2f} M characters/s); "
                  f"file {os.path.getsize(path) / 1e6:.0f} MB")
        with project:
            texts.forget()  # as in a new process: no text in memory yet
            first, _, cold = timed(lambda: search(project, COMMON, limit=100), 1)
            print(f"\ndefault search, first in this process: "
                  f"{first:.0f} ms, {cold.total} matches")  # type: ignore[attr-defined]
            figures(project, args.repeat)
            if args.figures_only:
                return 0
            cases = [
                (f"default, common ({COMMON})", lambda: search(project, COMMON, limit=100),
                 lambda: count_floor(project, COMMON)),
                (f"default, traditional ({TRADITIONAL})",
                 lambda: search(project, TRADITIONAL, limit=100),
                 lambda: count_floor(project, TRADITIONAL)),
                (f"default, rare ({RARE})", lambda: search(project, RARE, limit=100),
                 lambda: count_floor(project, RARE)),
                (f"default, inside words ({INSIDE})", lambda: search(project, INSIDE, limit=100),
                 lambda: count_floor(project, INSIDE)),
                (f"default, phrase ({PHRASE})", lambda: search(project, PHRASE, limit=100),
                 lambda: count_floor(project, PHRASE)),
                ("default, common, + units of 100 hits",
                 lambda: hits_with_units(project, COMMON), None),
                ("default, common, 2,000 hits (the window)",
                 lambda: search(project, COMMON, limit=2000), None),
                (f"whole word, common ({COMMON})",
                 lambda: search(project, COMMON, whole_word=True, limit=100),
                 lambda: fts_floor(project, COMMON)),
                (f"whole word, rare ({RARE})",
                 lambda: search(project, RARE, whole_word=True, limit=100),
                 lambda: fts_floor(project, RARE)),
                (f"whole words in a row ({SEQUENCE})",
                 lambda: search(project, SEQUENCE, whole_word=True, limit=100), None),
                (f"regex ({REGEX})",
                 lambda: search(project, REGEX, mode="regex", limit=100),
                 lambda: regex_floor(project, REGEX)),
                (f"default, common, all {COMMON} hits", lambda: search(project, COMMON), None),
            ]
            print(f"\nfirst run and median of {args.repeat}, end to end "
                  "(first 100 hits with context unless 'all'), and the floor:")
            for label, run, floor in cases:
                first, ms, result = timed(run, args.repeat)
                floor_text = ""
                if floor is not None:
                    floor_ms, floor_n = floor()
                    floor_text = f"  floor {floor_ms:6.1f} ms ({floor_n})"
                info = "all" in label or "units" in label or "window" in label
                verdict = "info" if info else ("ok" if ms < 50 else "over 50 ms")
                print(f"  {label:<38} first {first:7.1f} ms  median {ms:7.1f} ms  "
                      f"{result.total:>7} matches in "  # type: ignore[attr-defined]
                      f"{result.document_count:>5} documents{floor_text}  "  # type: ignore[attr-defined]
                      f"[{verdict}]")
        print("\ncommand line, a new process each time (Python, imports, the texts read):")
        start_ms, _ = cli_ms("--help")
        print(f"  annotator --help (the floor)          {start_ms:7.0f} ms")
        for query, flags in ((COMMON, ()), (RARE, ()), (COMMON, ("--whole-word",))):
            ms, last = cli_ms("search", str(path), query, "--limit", "20", *flags)
            label = " ".join(("search", query, *flags))
            print(f"  annotator {label:<28}{ms:7.0f} ms  {last}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
