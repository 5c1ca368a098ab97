"""Shared by the table tests: a seeded two-coder project and brute-force counting.

Everything here counts the slow, obvious way (every passage against every unit), so the
tables are checked against an independent computation rather than against themselves.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from annotator.db import exchange
from annotator.project import Project
from annotator.records import CodeInfo, PassageInfo

DOCUMENTS = [
    (
        "关于深化科技体制改革的实施意见",
        "关于深化科技体制改革的实施意见\n"
        "来源：示例\n"
        "一、加强人才培养\n"
        "（一）实施青年科技人才计划，加大资金投入。建立跨区域联席会议制度。\n"
        "各地要统筹规划，落实研发费用加计扣除。𠮷字在此。\n"
        "\n"
        "二、推进区域协同\n"
        "推动创新券通用通兑；共享科技资源。\n",
        {"地区": "京津冀", "日期": "2021-03-05", "文种": "意见"},
    ),
    (
        "长三角科技创新共同体建设方案",
        "长三角科技创新共同体建设方案\n"
        "一、总体要求\n"
        "坚持规划引领，完善税收优惠政策。\n"
        "二、重点任务\n"
        "（一）建立机制协同平台。（二）促进资源协同。\n"
        "引进高层次人才，设立专项资金。\n",
        {"地区": "长三角", "日期": "2022年6月", "文种": "方案"},
    ),
    (
        "成果转化若干措施",
        "成果转化若干措施\n"
        "第一条 明确赋权范围。\n"
        "第二条 完善收益分配，鼓励政府采购创新产品。\n"
        "第三条 支持中试基地建设。\n",
        {"地区": "京津冀", "日期": "二〇二二年一月"},
    ),
    (
        "人才新政",
        "人才新政\n加强人才引进。\n优化创新环境。\n",
        {"文种": "通知"},
    ),
]

#: (path, children…): X = the instrument types, Y = the reform areas, plus a stray code.
CODEBOOK = {
    "供给型": {"人才培养": {}, "资金投入": {}},
    "环境型": {"目标规划": {}, "税收优惠": {"加计扣除": {}}},
    "需求型": {},
    "改革领域": {"区域协同": {"机制协同": {}, "资源协同": {}}, "成果转化": {}},
    "其他": {},
}


@dataclass
class Study:
    project: Project
    codes: list[CodeInfo]
    passages: list[PassageInfo]
    coders: dict[str, int]

    def code(self, path: str) -> CodeInfo:
        found = self.project.find_code(path)
        assert found is not None, path
        return found

    def subtree(self, code_id: int) -> set[int]:
        out, frontier = {code_id}, [code_id]
        while frontier:
            frontier = [c.id for c in self.codes if c.parent_id in frontier]
            out.update(frontier)
        return out


def _add_codes(project: Project, tree: dict, parent: int | None = None) -> None:
    for name, children in tree.items():
        code = project.add_code(name, parent_id=parent)
        _add_codes(project, children, code.id)


def build_study(project: Project, seed: int = 7, per_document: int = 40) -> Study:
    """Documents, codebook and random passages by two coders (甲, 乙), inserted in one
    transaction. Passages may cross paragraph breaks and use parent codes too."""
    _add_codes(project, CODEBOOK)
    coders = {name: project.set_coder(name).id for name in ("乙", "甲")}
    docs = [project.add_document(t, text, attributes=a) for t, text, a in DOCUMENTS]
    codes = project.codes()
    rng = random.Random(seed)
    rows, seen = [], set()
    for doc in docs:
        length = doc.length
        for _ in range(per_document):
            start = rng.randrange(length - 1)
            end = min(length, start + rng.randint(1, 40))
            key = (doc.id, rng.choice(codes).id, rng.choice(list(coders.values())), start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "id": len(rows) + 1, "guid": str(uuid.uuid4()), "document_id": key[0],
                "code_id": key[1], "coder_id": key[2], "start": start, "end": end, "memo": "",
                "created_at": datetime(2024, 1, 1),
            })
    with project.session_scope() as s:
        exchange.insert_passages(s, rows)
    return Study(project, codes, project.passages(), coders)


# -- brute force -------------------------------------------------------------------------------


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def brute_xy(study: Study, x_roots, y_roots, units_of, passages=None):
    """cells[(x, y)] = unit numbers in reading order, and the distinct-unit totals."""
    passages = study.passages if passages is None else passages
    xs = [c for r in x_roots for c in sorted(study.subtree(r))]
    ys = [c for r in y_roots for c in sorted(study.subtree(r))]
    cells: dict[tuple[int, int], list[str]] = defaultdict(list)
    rows: dict[int, int] = defaultdict(int)
    cols: dict[int, int] = defaultdict(int)
    total = 0
    for doc in sorted(study.project.documents(), key=lambda d: d.number):
        for unit in units_of(doc):
            here = {p.code_id for p in passages
                    if p.document_id == doc.id and overlaps(p.start, p.end, unit.start, unit.end)}
            carried_x = {x for x in xs if study.subtree(x) & here}
            carried_y = {y for y in ys if study.subtree(y) & here}
            if not carried_x or not carried_y:
                continue
            total += 1
            for x in carried_x:
                rows[x] += 1
                for y in carried_y:
                    cells[x, y].append(unit.number)
            for y in carried_y:
                cols[y] += 1
    return cells, rows, cols, total
