"""The realistic workload the end-to-end benchmarks run on, built from real sentences.

    from workload import ensure_workload
    w = ensure_workload(0.125)          # 1/8 size: 250 articles, 25,000 passages
    w.folder, w.project, w.meta         # the .txt files, the project file, what was built

At scale ``s``: 2,000×s articles × 10,000 characters from ``real_corpus.articles`` (real policy
sentences, never random characters) written as .txt files into a folder; a project made with
``Project.create`` and filled by ``Project.import_files`` (what ``annotator import`` runs), a
60-code codebook (12 categories × 4 sub-codes), two coders, attributes on every document
(发文机关, 年份, 地区, 文种) and 200,000×s passages on sentence boundaries of the real text,
spread over the codes with a skew (weights 1/(rank+9): the biggest code holds 5.3 %, 10,700
passages at full size) and inserted in bulk (applying 200,000 codes one by one takes hours).
The second coder re-codes a third of the first coder's spans, half of them with another code,
so that agreement and disagreement sheets have something to say.

Everything is cached under ``~/.cache/annotator-bench`` (``ANNOTATOR_BENCH_CACHE``): the text
folder once per size, the project once per code tree *and* schema version (a tree's project
is built by that tree's own code; ``/tmp/before`` and ``/work/main`` never share one), so a
second run does not rebuild. Benchmarks that write must copy the project first
(:func:`copy_project`). The annotator package is the one on ``sys.path`` (PYTHONPATH or the
working folder): point it at a tree to measure that tree.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # real_corpus, beside this file

from real_corpus import articles  # noqa: E402

FULL_DOCUMENTS = 2000
CHARS = 10_000
FULL_PASSAGES = 200_000
CODERS = ("编码员甲", "编码员乙")
SIZES = {"1/8": 0.125, "1/4": 0.25, "1/2": 0.5, "1": 1.0}

# 12 categories × 4 sub-codes = 60 codes: a policy-instrument and innovation-policy tree.
CODEBOOK: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("供给型", ("人才培养", "资金投入", "技术支持", "公共服务")),
    ("环境型", ("目标规划", "金融支持", "税收优惠", "法规管制")),
    ("需求型", ("政府采购", "服务外包", "贸易管制", "示范工程")),
    ("法治保障", ("科技创新立法", "法定机构改革", "规划与改革方案", "执法监督")),
    ("组织领导", ("领导小组", "部门协调", "考核评价", "责任落实")),
    ("区域协同", ("机制协同", "产业协同", "平台共建", "要素流动")),
    ("科技成果转化", ("技术转移机构", "收益分配", "中试熟化", "知识产权运营")),
    ("产学研合作", ("联合攻关", "共建实验室", "人才互聘", "协同育人")),
    ("创新主体", ("企业主体", "高等院校", "科研院所", "新型研发机构")),
    ("创新平台", ("重点实验室", "技术创新中心", "孵化器", "产业园区")),
    ("开放合作", ("国际合作", "引进外资", "对外援助", "港澳台合作")),
    ("监督管理", ("信息公开", "统计调查", "法律责任", "安全管理")),
)
ISSUERS = ("国务院办公厅", "科学技术部", "财政部", "国家发展和改革委员会", "教育部",
           "工业和信息化部", "省人民政府", "省科学技术厅", "市人民政府", "市科学技术局",
           "省人民代表大会常务委员会", "市人民代表大会常务委员会")
REGIONS = ("全国", "北京", "上海", "广东", "浙江", "江苏", "山东", "河南", "四川", "湖北",
           "重庆", "天津", "陕西", "福建", "安徽")
GENRES = ("通知", "意见", "办法", "条例", "规定", "决定", "方案")
SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


@dataclass
class Workload:
    scale: float
    folder: Path  # the .txt files
    project: Path  # the built project (do not write to it: copy_project)
    meta: dict[str, Any]


def size_label(scale: float) -> str:
    return next((k for k, v in SIZES.items() if v == scale), f"{scale:g}")


def parse_size(text: str) -> float:
    if text in SIZES:
        return SIZES[text]
    if "/" in text:
        a, b = text.split("/")
        return int(a) / int(b)
    return float(text)


def cache_root() -> Path:
    return Path(os.environ.get("ANNOTATOR_BENCH_CACHE",
                               Path.home() / ".cache" / "annotator-bench"))


def tree_root() -> Path:
    """The code tree the ``annotator`` package on sys.path comes from."""
    import annotator

    return Path(annotator.__file__).resolve().parents[1]


def schema_version() -> int:
    from annotator.db.schema import SCHEMA_VERSION

    return int(SCHEMA_VERSION)


def tree_tag() -> str:
    root = tree_root()
    digest = hashlib.sha1(str(root).encode()).hexdigest()[:8]
    return f"{root.name or 'root'}-{digest}-schema{schema_version()}"


def _slug(scale: float) -> str:
    return size_label(scale).replace("/", "of")


def ensure_folder(scale: float) -> Path:
    """The folder of .txt articles for this size (written once; the same for every tree)."""
    count = round(FULL_DOCUMENTS * scale)
    folder = cache_root() / f"corpus-{count}x{CHARS}"
    if (folder / "done").exists():
        return folder
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for i, (_title, text) in enumerate(articles(count, CHARS, seed=1), 1):
        (tmp / f"{i:05d}.txt").write_text(text + "\n", encoding="utf-8")  # line 1 = title
    (tmp / "done").write_text(str(count))
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return folder


def ensure_workload(scale: float, *, log=print) -> Workload:  # noqa: ANN001
    folder = ensure_folder(scale)
    where = cache_root() / f"{tree_tag()}-{_slug(scale)}"
    meta_file = where / "meta.json"
    if meta_file.exists():
        return Workload(scale, folder, where / "bench.annot", json.loads(meta_file.read_text()))
    _remove_dead_builds(where)
    tmp = where.with_name(where.name + f".tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    migrated = _migrated_build(scale, tmp, log=log)
    if migrated is not None:
        shutil.rmtree(where, ignore_errors=True)
        tmp.rename(where)
        return Workload(scale, folder, where / "bench.annot", migrated)
    tmp.mkdir(parents=True)
    log(f"building the {size_label(scale)} workload with {tree_root()} "
        f"(schema {schema_version()}) in {where} …")
    meta = build_project(tmp / "bench.annot", folder, scale, log=log)
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    shutil.rmtree(where, ignore_errors=True)
    tmp.rename(where)
    return Workload(scale, folder, where / "bench.annot", meta)


def _migrated_build(scale: float, tmp: Path, *, log=print) -> dict[str, Any] | None:  # noqa: ANN001
    """This tree's build of an older schema, copied to ``tmp`` and opened once (which
    migrates it as it migrates a user's project): a schema bump need not cost a rebuild of
    hours. None when there is none."""
    root = tree_root()
    digest = hashlib.sha1(str(root).encode()).hexdigest()[:8]
    prefix = f"{root.name or 'root'}-{digest}-schema"
    older = []
    for meta_file in cache_root().glob(f"{prefix}*-{_slug(scale)}/meta.json"):
        version = meta_file.parent.name[len(prefix):].partition("-")[0]
        if version.isdigit() and int(version) < schema_version():
            older.append((int(version), meta_file.parent))
    if not older:
        return None
    from annotator.project import Project

    _version, source = max(older)
    log(f"migrating the {size_label(scale)} workload of {source.name} to schema "
        f"{schema_version()} in {tmp} …")
    shutil.copytree(source, tmp)
    project = Project.open(tmp / "bench.annot")
    backup = project.migration_backup
    project.close()
    if backup is not None and backup.exists():  # not part of the workload
        backup.unlink()
    meta = json.loads((tmp / "meta.json").read_text())
    meta["schema"] = schema_version()
    meta["migrated_from"] = source.name
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    return meta


def _remove_dead_builds(where: Path) -> None:
    """Folders left by builds that died half-way (their process is gone)."""
    for stale in where.parent.glob(where.name + ".tmp*"):
        pid = stale.name.rpartition(".tmp")[2]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(stale, ignore_errors=True)


def copy_project(src: Path, folder: Path) -> Path:
    """A copy to write to (the WAL is checkpointed into the file when it was closed)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / src.name
    shutil.copyfile(src, target)
    for extra in ("-wal", "-shm"):
        side = Path(f"{src}{extra}")
        if side.exists():
            shutil.copyfile(side, Path(f"{target}{extra}"))
    return target


# -- building ---------------------------------------------------------------------------------
def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]


def _weights(n: int) -> list[float]:
    return [1.0 / (rank + 9) for rank in range(n)]


def build_project(path: Path, folder: Path, scale: float, *, log=print) -> dict[str, Any]:  # noqa: ANN001
    from annotator.project import Project

    rng = random.Random(11)
    t0 = time.perf_counter()
    project = Project.create(path, coder=CODERS[0])
    with project:
        code_ids: list[int] = []
        paths: list[str] = []
        shortcut = 1
        for r, (root, children) in enumerate(CODEBOOK):
            parent = project.add_code(root, position=r)
            code_ids.append(parent.id)
            paths.append(root)
            for c, child in enumerate(children):
                key = str(shortcut) if shortcut <= 9 else None
                shortcut += 1
                info = project.add_code(child, parent_id=parent.id, position=c, shortcut=key)
                code_ids.append(info.id)
                paths.append(f"{root}/{child}")
        t1 = time.perf_counter()
        report = project.import_files([folder])
        t2 = time.perf_counter()
        log(f"  imported {report.count('imported')} files in {t2 - t1:.1f} s")
        documents = project.documents()
        for doc in documents:
            project.set_attributes(doc.id, {
                "发文机关": rng.choice(ISSUERS),
                "年份": str(rng.randint(2006, 2024)),
                "地区": rng.choice(REGIONS),
                "文种": rng.choice(GENRES),
            })
        coder_a = project.coder.id
        coder_b = project.set_coder(CODERS[1]).id
        project.set_coder(CODERS[0])
        t3 = time.perf_counter()
        rows, per_code = _passage_rows(project, documents, code_ids, coder_a, coder_b,
                                       round(FULL_PASSAGES * scale), rng)
        _insert_passages(project, rows)
        t4 = time.perf_counter()
        log(f"  {len(rows):,} passages made and inserted in {t4 - t3:.1f} s")
        stats = project.stats()
    ranked = sorted(range(len(code_ids)), key=lambda k: -per_code[code_ids[k]])
    big, typical = ranked[0], ranked[len(ranked) // 2]
    return {
        "tree": str(tree_root()), "schema": schema_version(), "scale": scale,
        "documents": stats.documents, "codes": stats.codes, "passages": stats.passages,
        "coders": list(CODERS),
        "characters": sum(getattr(d, "length", 0) for d in documents),
        "big_code": {"id": code_ids[big], "path": paths[big],
                     "passages": per_code[code_ids[big]]},
        "typical_code": {"id": code_ids[typical], "path": paths[typical],
                         "passages": per_code[code_ids[typical]]},
        "build_seconds": {"codebook": round(t1 - t0, 1), "import": round(t2 - t1, 1),
                          "attributes": round(t3 - t2, 1), "passages": round(t4 - t3, 1)},
        "built_at": datetime.now().isoformat(timespec="seconds"),
    }


def _passage_rows(project, documents, code_ids, coder_a, coder_b, total, rng):  # noqa: ANN001
    weights = _weights(len(code_ids))
    order = list(code_ids)
    rng.shuffle(order)  # which code is big is not the tree's order
    per_doc = total / len(documents)
    start_id = project.stats().passages + 1
    when = datetime(2025, 3, 1, 9, 0)
    seen: set[tuple[int, int, int, int, int]] = set()
    rows: list[dict[str, Any]] = []
    per_code = dict.fromkeys(code_ids, 0)
    remaining = total
    for n, doc in enumerate(documents):
        text = project.document_text(doc.id)
        spans = _sentences(text)
        left = len(documents) - n
        want = remaining if left == 1 else min(remaining, round(per_doc * rng.uniform(0.6, 1.4)))
        made = 0
        own: list[tuple[int, int, int]] = []
        tries = 0
        while made < want and tries < want * 20:
            tries += 1
            if own and rng.random() < 0.25:  # the second coder re-codes the first's span
                code, start, end = rng.choice(own)
                if rng.random() < 0.5:
                    code = rng.choices(order, weights)[0]
                coder = coder_b
            else:
                code = rng.choices(order, weights)[0]
                i = rng.randrange(len(spans))
                run = rng.choices((1, 2, 3), (0.6, 0.3, 0.1))[0]
                start, end = spans[i][0], spans[min(i + run, len(spans)) - 1][1]
                coder = coder_a if rng.random() < 0.6 else coder_b
            key = (doc.id, code, coder, start, end)
            if key in seen:
                continue
            seen.add(key)
            if coder == coder_a:
                own.append((code, start, end))
            rows.append({
                "id": start_id + len(rows),
                "guid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "document_id": doc.id, "code_id": code, "coder_id": coder,
                "start": start, "end": end,
                "memo": "需结合上下文复核" if rng.random() < 0.02 else "",
                "created_at": when + timedelta(seconds=len(rows) * 7),
            })
            per_code[code] += 1
            made += 1
        remaining -= made
    return rows, per_code


def _insert_passages(project, rows: list[dict[str, Any]]) -> None:  # noqa: ANN001
    """The bulk path REFI-QDA import uses, else a plain insert through the models."""
    with project.session_scope() as s:
        try:
            from annotator.db.exchange import insert_passages
        except ImportError:  # moved or renamed by a rewrite: insert through the models
            from sqlalchemy import insert

            from annotator.db.models import Passage

            for i in range(0, len(rows), 5000):
                s.execute(insert(Passage), rows[i : i + 5000])
        else:
            insert_passages(s, rows)


if __name__ == "__main__":
    for label in sys.argv[1:] or ["1/8"]:
        w = ensure_workload(parse_size(label))
        print(json.dumps(w.meta, ensure_ascii=False, indent=1))
