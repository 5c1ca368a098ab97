"""Time the Excel export against plain write-only openpyxl writing the same passage cells.

    python benchmarks/bench_excel.py [--passages 100000] [--documents 500] [--repeat 1]

Baseline: ``Workbook(write_only=True)``, one sheet, a header row and then, per passage, the
same values the export puts in 编码片段 (document number, title, attributes, code names and
path, text, offsets, coder, memo, datetime) as plain Python values, no styles, no sanitising.
Export: ``annotator.export.write_workbook`` (all four sheets, styles, sanitising, counting).
Both get their input already in memory for the timings. Peak memory is then measured in a
second pass with ``tracemalloc`` while passages come from a generator, as they do from the
database, so it shows what the export itself holds on to.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402

from annotator.export import ExportData, write_workbook  # noqa: E402
from annotator.records import CodeInfo, DocumentInfo, PassageInfo  # noqa: E402

HANZI = (
    "国务院关于进一步加强和改进新时代农村工作的意见推动高质量发展深化改革扩大开放坚持以人民为中心"
    "的发展思想完善社会保障体系促进就业创业支持中小企业数字经济绿色低碳转型科技创新人才培养教育"
    "医疗卫生住房保障生态环境保护乡村振兴区域协调城乡融合财政金融税收营商环境法治政府建设监督管理"
)
PUNCT = "，。；、"
AGENCIES = ("国务院", "国家发展改革委", "财政部", "教育部", "生态环境部", "工业和信息化部")
PROVINCES = ("北京", "上海", "广东", "浙江", "四川", "湖北", "河南", "陕西")


def chinese_text(rng: random.Random, low: int = 30, high: int = 200) -> str:
    n = rng.randint(low, high)
    chars = rng.choices(HANZI, k=n)
    for i in range(12, n, rng.randint(10, 25)):
        chars[i] = rng.choice(PUNCT)
    return "".join(chars)


def make_documents(count: int, rng: random.Random) -> list[DocumentInfo]:
    base = datetime(2024, 3, 1, 9, 0, 0)
    docs = []
    for i in range(1, count + 1):
        docs.append(
            DocumentInfo(
                id=1000 + i,
                guid=f"doc-{i:05d}",
                number=i,
                title=f"关于{chinese_text(rng, 8, 24)}的通知",
                source_name=f"policy_{i:05d}.docx",
                content_hash=f"{rng.getrandbits(128):032x}",
                imported_at=base + timedelta(minutes=i),
                length=rng.randint(2000, 20000),
                attributes={
                    "发文机关": rng.choice(AGENCIES),
                    "年份": str(rng.randint(2015, 2024)),
                    "省份": rng.choice(PROVINCES),
                },
            )
        )
    return docs


def make_codes(top: int = 8, children: int = 4) -> list[CodeInfo]:
    """``top`` top-level codes with ``children`` each: 40 codes two levels deep by default."""
    codes = []
    next_id = 1
    for t in range(top):
        parent_name = f"政策工具{t + 1}"
        parent_id = next_id
        codes.append(
            CodeInfo(
                id=parent_id,
                guid=f"c{parent_id}",
                parent_id=None,
                name=parent_name,
                colour="#3366CC",
                definition="一级编码定义",
                keywords=("政策", "工具"),
                shortcut=None,
                position=t,
                path=(parent_name,),
            )
        )
        next_id += 1
        for c in range(children):
            name = f"{parent_name}-子类{c + 1}"
            codes.append(
                CodeInfo(
                    id=next_id,
                    guid=f"c{next_id}",
                    parent_id=parent_id,
                    name=name,
                    colour="#CC6633",
                    definition="二级编码定义",
                    keywords=("关键词",),
                    shortcut=str(c + 1),
                    position=c,
                    path=(parent_name, name),
                )
            )
            next_id += 1
    return codes


def iter_passages(count: int, documents, codes, seed: int = 7):
    """Passages ordered by document then start, texts drawn from a pre-built pool."""
    rng = random.Random(seed)
    pool = [chinese_text(rng) for _ in range(4096)]
    leaves = [c.id for c in codes if c.parent_id is not None] or [c.id for c in codes]
    per_doc, extra = divmod(count, max(1, len(documents)))
    created = datetime(2024, 5, 1, 8, 0, 0)
    pid = 0
    for d_index, doc in enumerate(documents):
        start = 0
        for _ in range(per_doc + (1 if d_index < extra else 0)):
            pid += 1
            text = pool[pid % len(pool)]
            start += 17 + pid % 53
            yield PassageInfo(
                id=pid,
                guid=f"p{pid}",
                document_id=doc.id,
                code_id=leaves[pid % len(leaves)] if pid % 10 else codes[0].id,
                coder_id=1 + pid % 3,
                coder_name=("张三", "李四", "王五")[pid % 3],
                start=start,
                end=start + len(text),
                text=text,
                memo="需复核" if pid % 7 == 0 else "",
                created_at=created + timedelta(seconds=pid),
            )


def baseline_rows(passages, documents, codes):
    """The 编码片段 cells as plain values, header first."""
    keys = list(dict.fromkeys(k for d in documents for k in d.attributes))
    docs = {d.id: (d.number, d.title, *(d.attributes.get(k) for k in keys)) for d in documents}
    code = {c.id: (c.path[0], c.name, " / ".join(c.path)) for c in codes}
    yield (
        "文档编号",
        "文档标题",
        *keys,
        "一级编码",
        "编码",
        "编码路径",
        "片段文本",
        "起始",
        "结束",
        "编码员",
        "备注",
        "时间",
    )
    for p in passages:
        yield (
            *docs[p.document_id],
            *code[p.code_id],
            p.text,
            p.start,
            p.end,
            p.coder_name,
            p.memo or None,
            p.created_at,
        )


def write_baseline(path: Path, rows) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("passages")
    for row in rows:
        ws.append(row)
    wb.save(path)


def timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for one call of ``fn``."""
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def traced_peak(fn) -> float:
    """Peak Python heap (MiB) allocated while ``fn`` runs."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1, help="best of N timings")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args(argv)

    rng = random.Random(42)
    documents = make_documents(args.documents, rng)
    codes = make_codes()
    passages = list(iter_passages(args.passages, documents, codes))
    rows = list(baseline_rows(passages, documents, codes))
    data = ExportData(documents, codes, passages, len(passages))
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)

    with tempfile.TemporaryDirectory() as tmp:
        base_path, export_path = Path(tmp, "baseline.xlsx"), Path(tmp, "export.xlsx")
        inf = (float("inf"), float("inf"))
        base_t = export_t = inf
        for _ in range(max(1, args.repeat)):  # interleaved, best of N (wall and CPU apart)
            t = timed(lambda: write_baseline(base_path, rows))
            base_t = (min(base_t[0], t[0]), min(base_t[1], t[1]))
            calls.clear()
            t = timed(lambda: write_workbook(export_path, data, progress))
            export_t = (min(export_t[0], t[0]), min(export_t[1], t[1]))
        ratio = export_t[0] / base_t[0]
        print(
            f"passages:           {len(passages):,} ({len(documents)} documents, "
            f"{len(codes)} codes, {len(rows[0])} columns)"
        )
        print(
            f"baseline openpyxl:  {base_t[0]:8.2f} s wall {base_t[1]:8.2f} s CPU   "
            f"({base_path.stat().st_size / 2**20:.1f} MiB file)"
        )
        print(
            f"write_workbook:     {export_t[0]:8.2f} s wall {export_t[1]:8.2f} s CPU   "
            f"({export_path.stat().st_size / 2**20:.1f} MiB file, {len(calls)} progress calls)"
        )
        print(
            f"ratio:              {ratio:8.2f}   wall {export_t[1] / base_t[1]:8.2f}   CPU   "
            f"({'OK' if ratio <= 2 else 'OVER'}: limit 2.0 on wall time)"
        )

        if not args.no_memory:
            del passages, rows, data
            gc.collect()

            def streamed_export():
                gen = iter_passages(args.passages, documents, codes)
                write_workbook(export_path, ExportData(documents, codes, gen, args.passages))

            def streamed_baseline():
                gen = iter_passages(args.passages, documents, codes)
                write_baseline(base_path, baseline_rows(gen, documents, codes))

            print(
                f"peak heap baseline: {traced_peak(streamed_baseline):8.1f} MiB (tracemalloc, "
                "passages from a generator)"
            )
            print(f"peak heap export:   {traced_peak(streamed_export):8.1f} MiB")
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rss_mib = rss / 2**20 if sys.platform == "darwin" else rss / 2**10
        print(f"process max RSS:    {rss_mib:8.1f} MiB (includes the in-memory timing inputs)")
    except ImportError:  # Windows
        pass
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
