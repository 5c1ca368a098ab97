"""Time exporting a large project to .qdpx and importing it back into a new project.

    python benchmarks/bench_exchange.py [--documents 2000] [--passages 200000] [--keep DIR]

The project is built directly with the bulk inserts of ``annotator.db.exchange`` in one
transaction (documents of 3,000–8,000 characters of Chinese, a 40-code tree, three coders,
one passage in ten with a memo). Then ``export_qdpx`` and ``import_project`` are timed, and
the round trip is checked by counting rows and comparing a sample of passages.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.db import exchange as bulk  # noqa: E402
from annotator.db.documents import content_hash  # noqa: E402
from annotator.exchange import export_qdpx, import_project  # noqa: E402
from annotator.project import Project  # noqa: E402

HANZI = (
    "国务院关于进一步加强和改进新时代农村工作的意见推动高质量发展深化改革扩大开放坚持以人民为中心"
    "的发展思想完善社会保障体系促进就业创业支持中小企业数字经济绿色低碳转型科技创新人才培养教育"
)
PUNCT = "，。；、"


def text_of(rng: random.Random, n: int) -> str:
    chars = rng.choices(HANZI, k=n)
    for i in range(20, n, 37):
        chars[i] = rng.choice(PUNCT)
    for i in range(400, n, 400):
        chars[i] = "\n"
    return "".join(chars)


def build(path: Path, documents: int, passages: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    base = datetime(2024, 3, 1, 9, 0, 0)
    coders = [dict(id=i, guid=str(uuid.uuid4()), name=n)
              for i, n in enumerate(("甲", "乙", "丙"), 1)]
    codes, next_id = [], 1
    for t in range(8):
        parent = next_id
        codes.append(dict(id=parent, guid=str(uuid.uuid4()), parent_id=None,
                          name=f"政策工具{t + 1}", colour="#9CC3F0", definition="上级编码",
                          keywords=["工具"], shortcut=str(t + 1), position=t))
        next_id += 1
        for c in range(4):
            codes.append(dict(id=next_id, guid=str(uuid.uuid4()), parent_id=parent,
                              name=f"子编码{t + 1}-{c + 1}", colour="#F4A6A6", definition="下级",
                              keywords=[], shortcut=None, position=c))
            next_id += 1
    leaves = [c["id"] for c in codes if c["parent_id"] is not None]
    docs, attrs, rows = [], [], []
    per_doc = passages // documents
    for d in range(1, documents + 1):
        text = f"第{d}号文件\n" + text_of(rng, rng.randint(3000, 8000))
        docs.append(dict(id=d, guid=str(uuid.uuid4()), number=d, title=f"政策文件{d}", text=text,
                         source_name=f"policy_{d:05d}.docx", content_hash=content_hash(text),
                         imported_at=base + timedelta(minutes=d)))
        attrs += [dict(document_id=d, key="年份", value=str(2015 + d % 10), position=0),
                  dict(document_id=d, key="省份", value=rng.choice("京沪粤浙川"), position=1)]
        for _ in range(per_doc):
            start = rng.randrange(0, len(text) - 200)
            rows.append(dict(id=len(rows) + 1, guid=str(uuid.uuid4()), document_id=d,
                             code_id=rng.choice(leaves), coder_id=rng.randint(1, 3), start=start,
                             end=start + rng.randint(5, 180),
                             memo="需要复核" if rng.random() < 0.1 else "",
                             created_at=base + timedelta(seconds=len(rows))))
    with Project.create(path) as project, project.session_scope() as s:
        bulk.insert_coders(s, coders)
        bulk.insert_codes(s, codes)
        bulk.insert_documents(s, docs, attrs)
        bulk.insert_passages(s, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--passages", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    folder.mkdir(parents=True, exist_ok=True)
    source, archive, back = folder / "big.annot", folder / "big.qdpx", folder / "back.annot"
    for leftover in (source, archive, back):
        leftover.unlink(missing_ok=True)

    t0 = time.perf_counter()
    build(source, args.documents, args.passages)
    t_build = time.perf_counter() - t0
    with Project.open(source) as project:
        t0 = time.perf_counter()
        summary = export_qdpx(project, archive)
        t_export = time.perf_counter() - t0
        original = project.stats()
        sample = {p.guid: (p.start, p.end, p.text) for p in project.passages(document_id=1)}
    t0 = time.perf_counter()
    report = import_project(archive, back)
    t_import = time.perf_counter() - t0
    with Project.open(back) as project:
        stats = project.stats()
        again = {p.guid: (p.start, p.end, p.text) for p in project.passages(document_id=1)}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = (stats.documents, stats.passages, stats.codes) == (
        original.documents, original.passages, original.codes) and again == sample
    print(f"project:  {summary.documents} documents, {summary.passages} passages, "
          f"{summary.codes} codes, {summary.memos} memos (built in {t_build:.1f} s, "
          f"{source.stat().st_size / 1e6:.0f} MB)")
    print(f"export:   {t_export:6.1f} s  -> {archive.name} {archive.stat().st_size / 1e6:.1f} MB")
    print(f"import:   {t_import:6.1f} s  -> {back.name} {back.stat().st_size / 1e6:.0f} MB, "
          f"{len(report.warnings)} warnings")
    print(f"peak RSS: {peak_mb:.0f} MB   round trip {'OK' if ok else 'DIFFERS'}")
    if not args.keep:
        for file in (source, archive, back):
            file.unlink(missing_ok=True)
        folder.rmdir()


if __name__ == "__main__":
    main()
