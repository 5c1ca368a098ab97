"""Segmentation speed: 1 MB (UTF-8) of policy text made from the samples.

    .venv/bin/python benchmarks/bench_segment.py

Prints jieba's load time, a project segmenter's build time, and seconds and MB/s for
tokenize (with the starter terms, punctuated ones included), plain jieba on the same text,
posseg, unit numbering, and the latency of snapping one selection.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.importing.readers import SUPPORTED_SUFFIXES, read_file  # noqa: E402

MB = 1_000_000


def corpus(size_bytes: int = MB) -> str:
    texts = [read_file(p).text for p in sorted((ROOT / "samples").iterdir())
             if p.suffix in SUPPORTED_SUFFIXES]
    parts: list[str] = []
    size = 0
    while size < size_bytes:
        for text in texts:
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts)


def timed(
    label: str, func: Callable[[], object], megabytes: float | None = None, repeat: int = 1
) -> float:
    """Best of ``repeat`` runs, wall clock and CPU time of this process (on a shared machine
    other processes only ever slow the wall clock down)."""
    seconds = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        seconds = min(seconds, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    rate = f"   {megabytes / seconds:6.2f} MB/s" if megabytes else ""
    print(f"{label:<40} {seconds:7.3f} s  (cpu {cpu:6.3f} s){rate}")
    return seconds


def main() -> None:
    text = corpus()
    megabytes = len(text.encode("utf-8")) / MB
    print(f"text: {len(text):,} characters, {megabytes:.2f} MB UTF-8")

    from annotator.chinese import segment
    from annotator.chinese.snapping import snap_to_words
    from annotator.chinese.units import document_units

    timed("load jieba (cache in user cache dir)", segment._base_tokenizer)
    seg = segment.segmenter_for(segment.starter_terms())
    timed(f"build segmenter ({len(seg.terms)} terms)", seg.load)
    plain = segment.Segmenter(())
    plain.load()

    timed("tokenize, starter terms (best of 3)", lambda: seg.tokenize(text), megabytes, 3)
    print(f"{'':<40} {len(seg.tokenize(text)):,} tokens")
    timed("tokenize, no terms (best of 3)", lambda: plain.tokenize(text), megabytes, 3)
    timed("posseg tables (first use)", lambda: seg.pos_tokenizer)
    timed("posseg, starter terms", lambda: seg.posseg(text), megabytes)
    timed("paragraph units (best of 3)", lambda: document_units(1, text), megabytes, 3)
    timed("sentence units (best of 3)", lambda: document_units(1, text, "sentence"), megabytes, 3)

    paragraph = max(text.split("\n"), key=len)
    at = text.index(paragraph) + len(paragraph) // 2
    samples = []
    for _ in range(50):
        start = time.perf_counter()
        snap_to_words(seg, text, at, at + 7)
        samples.append(time.perf_counter() - start)
    print(f"{'snap one selection (median of 50)':<40} {statistics.median(samples) * 1000:7.3f} ms"
          f"   (line of {len(paragraph)} characters)")


if __name__ == "__main__":
    main()
