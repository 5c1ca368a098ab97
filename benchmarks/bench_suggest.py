"""Learned suggestions vs keyword auto-coding, on real statutes coded by a rule no keyword
list can express: every article carries the theme of its chapter (总则, 法律责任, 附则,
监督检查, 保障措施, 许可登记).

    .venv/bin/python benchmarks/bench_suggest.py [--statutes 200] [--unit paragraph]
    .venv/bin/python benchmarks/bench_suggest.py --timing PROJECT.annot   # time on a big project

Half the statutes (even positions) are coded as a researcher would — whole articles, by
chapter — and are what the model learns from; the other half is held out. Printed: per code,
precision/recall/F1 on the held-out half of the learned suggestions (``annotator suggest``)
and of keyword auto-coding with a plausible keyword list, on the same paragraph units; the
cross-validated figures ``suggest`` itself reports; and the time to learn and propose.
``--timing`` copies a project (e.g. the 2,000 × 10,000 workload of ``bench_scale.py``) and
times ``suggest`` on it end to end, in a fresh process, as users run it.
"""

from __future__ import annotations

import argparse
import lzma
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator import Project  # noqa: E402
from annotator.analysis.unit_index import units_of  # noqa: E402
from annotator.autocoding.propose import autocode  # noqa: E402
from annotator.autocoding.review import list_proposals  # noqa: E402
from annotator.suggest import suggest  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "statutes_by_chapter.txt.xz"
CHAPTER = re.compile(r"^第[一二三四五六七八九十百]+章\s*(.*)$")
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇千]+条")
SECTION = re.compile(r"^第[一二三四五六七八九十百]+节")

# Theme of a chapter title, first rule that matches; the keywords a researcher might list.
THEMES = [
    ("总则", ("总则",), "立法目的、适用、基本原则、制定本"),
    ("附则", ("附则",), "施行、解释、参照、废止"),
    ("法律责任", ("法律责任", "罚则"), "罚款、处分、刑事责任、责令改正、没收"),
    ("监督检查", ("监督", "检查"), "监督检查、监督、检查、抽查"),
    ("保障措施", ("保障", "扶持", "促进", "激励"), "保障、经费、扶持、鼓励、支持"),
    ("许可登记", ("许可", "审批", "登记", "备案"), "许可、审批、登记、备案"),
]


def statutes(limit: int) -> list[tuple[str, str]]:
    raw = lzma.decompress(DATA.read_bytes()).decode("utf-8")
    out = []
    for block in raw.split("### ")[1:]:
        title, _, body = block.partition("\n")
        out.append((title.strip(), body.strip()))
    return out[:limit]


def theme_of(chapter_title: str) -> str | None:
    for name, markers, _keywords in THEMES:
        if any(m in chapter_title for m in markers):
            return name
    return None


def articles_by_theme(text: str) -> list[tuple[str, int, int]]:
    """(theme, start, end) of each article, by its chapter's title."""
    out = []
    theme = None
    offset = 0
    current: tuple[str, int] | None = None
    last_end = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        chapter = CHAPTER.match(line)
        is_article = ARTICLE.match(line) is not None
        if chapter or is_article or SECTION.match(line):
            if current is not None:
                out.append((current[0], current[1], last_end))
                current = None
        if chapter:
            theme = theme_of(chapter.group(1))
        elif is_article and theme is not None:
            current = (theme, start)
        if line.strip():
            last_end = end
    if current is not None:
        out.append((current[0], current[1], last_end))
    return out


def prf(truth: set, guess: set) -> tuple[float, float, float]:
    tp = len(truth & guess)
    p = tp / len(guess) if guess else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def covered(units, start: int, end: int) -> list:  # noqa: ANN001
    length = max(1, end - start)
    return [u for u in units if u.start < end and start < u.end and
            (min(u.end, end) - max(u.start, start)) * 2 >= min(u.end - u.start, length)]


def run(limit: int, unit: str, min_confidence: float, min_precision: float) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-suggest-"))
    project = Project.create(folder / "statutes.annot")
    t0 = time.perf_counter()
    codes = {name: project.add_code(name, keywords=keywords.split("、")).id
             for name, _m, keywords in THEMES}
    gold: dict[int, list[tuple[str, int, int]]] = {}
    train: list[int] = []
    for i, (title, text) in enumerate(statutes(limit)):
        doc = project.add_document(title, text)
        stored = project.document_text(doc.id)
        gold[doc.id] = articles_by_theme(stored)
        if i % 2 == 0:
            train.append(doc.id)
    t_import = time.perf_counter() - t0
    for doc_id in train:
        for theme, a, b in gold[doc_id]:
            project.apply_code(doc_id, codes[theme], a, b)
    held = [d for d in gold if d not in set(train)]
    chars = sum(len(project.document_text(d)) for d in gold)
    print(f"{len(gold)} statutes ({chars:,} characters), {len(train)} coded for training "
          f"({len(project.passages()):,} article passages), {len(held)} held out; "
          f"import {t_import:.1f} s")

    truth: dict[str, set] = {name: set() for name in codes}
    for doc_id in held:
        units = units_of(project, doc_id, unit)
        for theme, a, b in gold[doc_id]:
            for u in covered(units, a, b):
                truth[theme].add((doc_id, u.start, u.end))

    # Each method on its own copy: neither sees the other's proposals in the queue.
    project.close()
    shutil.copyfile(folder / "statutes.annot", folder / "keywords.annot")
    project = Project.open(folder / "statutes.annot")
    t1 = time.perf_counter()
    report = suggest(project, unit=unit, min_confidence=min_confidence,
                     min_precision=min_precision)
    t_suggest = time.perf_counter() - t1
    with Project.open(folder / "keywords.annot") as by_keywords:
        autocode(by_keywords, unit=unit)
        keyword_proposals = list_proposals(by_keywords)
    held_set = set(held)
    names = {v: k for k, v in codes.items()}

    def by_code(proposals: list) -> dict[str, set]:
        out: dict[str, set] = {name: set() for name in codes}
        for p in proposals:
            if p.document_id in held_set:
                out[names[p.code_id]].add((p.document_id, p.start, p.end))
        return out

    learned, keyword = by_code(list_proposals(project)), by_code(keyword_proposals)
    print(f"\nsuggest (unit {unit}, min confidence {min_confidence}, min precision "
          f"{min_precision}): {t_suggest:.1f} s for {report.units:,} units "
          f"({report.training_units:,} to learn from), {report.proposed:,} proposals\n")
    print(f"{'code':<10}{'held-out units':>15} | {'learned P/R/F1':>18} | "
          f"{'keywords P/R/F1':>18} | {'CV P/R/F1 (reported)':>22}")
    by_code = {c.path: c for c in report.codes}
    f1s = []
    for name in codes:
        lp, lr, lf = prf(truth[name], learned[name])
        kp, kr, kf = prf(truth[name], keyword[name])
        q = by_code[name]
        cv = (f"{q.precision:.2f}/{q.recall:.2f}/{q.f1:.2f}" if q.trained else q.reason[:22])
        f1s.append((lf, kf))
        print(f"{name:<10}{len(truth[name]):>15} | {lp:.2f}/{lr:.2f}/{lf:.2f}     | "
              f"{kp:.2f}/{kr:.2f}/{kf:.2f}     | {cv:>22}")
    mean_l = sum(f for f, _ in f1s) / len(f1s)
    mean_k = sum(k for _, k in f1s) / len(f1s)
    print(f"{'mean F1':<25} | {mean_l:>18.2f} | {mean_k:>18.2f} |")
    project.close()
    shutil.rmtree(folder, ignore_errors=True)


def timing(source: Path, unit: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-suggest-"))
    target = folder / source.name
    shutil.copyfile(source, target)
    with Project.open(target) as p:
        stats = p.stats()
    cmd = [sys.executable, "-m", "annotator", "suggest", str(target), "--unit", unit]
    t0 = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%e s wall, %U+%S s CPU, %M KB peak", *cmd],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    print(done.stdout[-3000:])
    print(done.stderr[-600:])
    print(f"`annotator suggest` on {stats.documents:,} documents, {stats.passages:,} passages:"
          f" {wall:.1f} s end to end")
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statutes", type=int, default=200)
    parser.add_argument("--unit", default="paragraph", choices=("paragraph", "sentence"))
    parser.add_argument("--min-confidence", type=float, default=0.7)
    parser.add_argument("--min-precision", type=float, default=0.6)
    parser.add_argument("--timing", type=Path, help="time `annotator suggest` on a copy")
    args = parser.parse_args()
    if args.timing:
        timing(args.timing, args.unit)
    else:
        run(args.statutes, args.unit, args.min_confidence, args.min_precision)


if __name__ == "__main__":
    main()
