"""Time what users run — ``annotator export project.annotator out.xlsx``, every sheet — against
bare openpyxl write-only writing the same 编码片段 rows.

    python benchmarks/bench_excel.py [--scale 0.125] [--repeat 1] [--keep DIR]

The project is built as at full size (``--scale 1``): 2,000 real-sentence articles
(benchmarks/real_corpus.py) of 10,000 characters, 200,000 passages under the 62 codes of both
shipped codebooks, two coders (so 信度 and 分歧 are written), four attributes per document;
documents and passages are bulk-inserted and the search index is then built as import builds
it. ``--scale`` multiplies documents and passages.

Each figure runs in a fresh process, so that the peak RSS is the process's own:
- export: the CLI command, end to end (open, read, every sheet, zip, rename), twice — the
  first run of a freshly built project may still split and store units import would have
  stored, the second finds them (the user's cache folder is a temporary one here);
- floor: a process that streams the same passage rows from the project file with ``sqlite3``
  (each document's text read once) and writes them, plain values without styles, with
  ``Workbook(write_only=True)``, then saves.
Times are the CPU time (user + system) of the whole process, interpreter start included for
both; wall time is printed beside it (on a shared machine it swings with the others' load).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

FULL_DOCUMENTS = 2000
FULL_PASSAGES = 200_000
CHARS = 10_000
REGIONS = ("北京", "上海", "广东", "浙江", "江苏", "四川", "湖北", "陕西", "安徽", "山东")
BODIES = ("国务院", "科技部", "国家发展改革委", "财政部", "省人民政府", "省科技厅")
KINDS = ("意见", "通知", "办法", "方案", "规划")

FLOOR = r"""
import sqlite3, sys, time
from openpyxl import Workbook
project, target = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
db = sqlite3.connect(project)
keys = [k for (k,) in db.execute(
    "SELECT DISTINCT key FROM document_attributes ORDER BY key")]
attrs = {}
for doc, key, value in db.execute("SELECT document_id, key, value FROM document_attributes"):
    attrs.setdefault(doc, {})[key] = value
codes = {cid: (name, parent) for cid, name, parent in db.execute(
    "SELECT id, name, parent_id FROM codes")}
def path(cid):
    out = []
    while cid is not None:
        name, cid = codes[cid]
        out.append(name)
    return out[::-1]
paths = {cid: path(cid) for cid in codes}
docs = {i: (n, t) for i, n, t in db.execute("SELECT id, number, title FROM documents")}
wb = Workbook(write_only=True)
ws = wb.create_sheet("编码片段")
ws.append(["文档编号", "文档标题", *keys, "单位编号", "一级编码", "编码", "编码路径", "片段文本",
           "起始", "结束", "编码员", "编码来源", "备注", "时间"])
texts = db.cursor()
current, text = None, ""
rows = db.execute(
    "SELECT p.document_id, p.code_id, c.name, p.start, p.\"end\", p.memo, p.created_at, "
    "p.origin FROM passages p JOIN coders c ON c.id = p.coder_id "
    "JOIN documents d ON d.id = p.document_id ORDER BY d.number, p.start, p.\"end\", p.id")
for doc, code, coder, start, end, memo, created, origin in rows:
    if doc != current:
        current = doc
        text = texts.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()[0]
    number, title = docs[doc]
    a = attrs.get(doc, {})
    p = paths[code]
    ws.append([number, title, *(a.get(k) for k in keys), "1", p[0], p[-1], " / ".join(p),
               text[start:end], start, end, coder, origin, memo or None, created])
wb.save(target)
print(f"{time.perf_counter() - t0:.3f}")
"""


def build(path: Path, documents: int, passages: int, seed: int = 1) -> None:
    """A project as a user's at this size, the search index built as import builds it."""
    from real_corpus import articles

    from annotator.analysis.unit_index import ensure_units
    from annotator.db import exchange
    from annotator.db.documents import content_hash
    from annotator.project import Project
    from annotator.search.index import ensure_index

    rng = random.Random(seed)
    project = Project.create(path, codebook="policy-instruments", coder="甲")
    project.import_codebook("regional-innovation")
    codes = project.codes()
    leaves = [c.id for c in codes if not any(o.parent_id == c.id for o in codes)]
    now = datetime(2024, 1, 1)
    coder_ids = (project.coder.id, 100)
    with project.session_scope() as s:
        exchange.insert_coders(s, [{"id": 100, "guid": str(uuid.uuid4()), "name": "乙"}])
        doc_rows, attr_rows, lengths = [], [], []
        for i, (title, text) in enumerate(articles(documents, CHARS, seed), 1):
            lengths.append(len(text))
            doc_rows.append({
                "id": i, "guid": str(uuid.uuid4()), "number": i, "title": title,
                "text": text, "source_name": f"{i}.txt", "content_hash": content_hash(text),
                "imported_at": now, "length": len(text),
            })
            attrs = {
                "地区": rng.choice(REGIONS), "发文机关": rng.choice(BODIES),
                "文种": rng.choice(KINDS), "日期": f"{rng.randint(2012, 2024)}-"
                f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            }
            attr_rows += [{"document_id": i, "key": k, "value": v, "position": n}
                          for n, (k, v) in enumerate(attrs.items())]
        exchange.insert_documents(s, doc_rows, attr_rows)
        rows, seen = [], set()
        while len(rows) < passages:
            doc = rng.randint(1, documents)
            start = rng.randrange(lengths[doc - 1] - 200)
            end = start + rng.randint(10, 160)
            key = (doc, rng.choice(leaves), rng.choice(coder_ids), start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "id": len(rows) + 1, "guid": str(uuid.uuid4()), "document_id": doc,
                "code_id": key[1], "coder_id": key[2], "start": start, "end": end,
                "memo": "", "created_at": now + timedelta(seconds=len(rows)),
            })
        exchange.insert_passages(s, rows)
    ensure_index(project)  # what import stores with each document: its words …
    ensure_units(project)  # … and its units
    project.close()


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS MB) of one fresh process. CPU time (user +
    system) is what the ratio uses: on a shared machine wall time swings with the others'
    load from one run to the next."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "failed")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--build"]:
        build(Path(argv[1]), int(argv[2]), int(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.125)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    args = parser.parse_args(argv)

    documents = max(2, round(FULL_DOCUMENTS * args.scale))
    passages = max(10, round(FULL_PASSAGES * args.scale))
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        project = folder / f"bench-{documents}.annotator"
        env = dict(os.environ, XDG_CACHE_HOME=str(folder / "cache"),
                   PYTHONPATH=str(ROOT))
        if not project.exists():
            # Built in a process of its own: a child's peak RSS starts from its parent's
            # size at fork, so a big parent would hide the figures below.
            t0 = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--build", str(project), str(documents),
                            str(passages)], env=env, check=True)
            print(f"built {documents} documents × {CHARS} chars, {passages} passages "
                  f"in {time.perf_counter() - t0:.1f} s")
        out = folder / "export.xlsx"
        floor_out = folder / "floor.xlsx"
        cli = ["-m", "annotator", "export", str(project), str(out)]
        floor = ["-c", FLOOR, str(project), str(floor_out)]
        results: dict[str, list[tuple[float, float, float]]] = {
            "export, first": [], "export": [], "floor": []}
        for i in range(max(1, args.repeat)):
            if i == 0:
                results["export, first"].append(timed(cli, env))
            results["export"].append(timed(cli, env))
            results["floor"].append(timed(floor, env))
        best = {k: min(v) for k, v in results.items() if v}
        floor_cpu, _, floor_rss = best["floor"]
        print(f"scale {args.scale}: {documents} documents, {passages} passages")
        for name, (cpu, wall, rss) in best.items():
            print(f"  {name:<14} CPU {cpu:7.2f} s  {cpu / floor_cpu:5.2f}× floor  "
                  f"(wall {wall:6.1f} s)  peak RSS {rss:5.0f} MB  (floor {floor_rss:.0f} MB)")
        size, floor_size = out.stat().st_size / 1e6, floor_out.stat().st_size / 1e6
        print(f"  workbook {size:.1f} MB, floor {floor_size:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
