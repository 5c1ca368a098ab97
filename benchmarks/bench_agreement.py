"""Time agreement on a 2,000-document, 200,000-passage, two-coder project."""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, "/work/main")
from annotator.analysis.agreement_sheet import agreement_sheets
from annotator.db import documents as doc_repo
from annotator.db.models import Passage
from annotator.project import Project

HANZI = "国务院关于进一步加强和改进新时代农村工作的意见推动高质量发展深化改革扩大开放坚持以人民为中心科技创新人才培养"
def text(rng):
    paras = []
    for _ in range(rng.randint(10, 40)):
        paras.append("".join(rng.choices(HANZI, k=rng.randint(40, 200))) + "。")
    return "\n".join(paras)

def build(path, docs=2000, passages=200_000, codes=40):
    rng = random.Random(1)
    project = Project.create(path, coder="甲")
    for t in range(8):
        parent = project.add_code(f"政策工具{t+1}")
        for c in range(4):
            project.add_code(f"子工具{t+1}-{c+1}", parent_id=parent.id)
    code_ids = [c.id for c in project.codes()]
    project.set_coder("甲"); project.set_coder("乙")
    coders = {c.name: c.id for c in project.coders()}
    with project.session_scope() as s:
        lengths = []
        for i in range(docs):
            d = doc_repo.add_document(s, title=f"文档{i}", text=text(rng), source_name="", attributes={"年份": str(2015 + i % 10)})
            lengths.append((d.id, len(d.text)))
        rows = []
        per = passages // 2
        for _ in range(per):
            doc_id, n = rng.choice(lengths)
            start = rng.randrange(n - 1); end = min(n, start + rng.randint(5, 300)); code = rng.choice(code_ids)
            rows.append(dict(document_id=doc_id, code_id=code, coder_id=coders["甲"], start=start, end=end))
            if rng.random() < 0.7:
                s2 = min(n - 1, max(0, start + rng.randint(-10, 10))); e2 = min(n, max(s2 + 1, end + rng.randint(-10, 10)))
                c2 = code if rng.random() < 0.85 else rng.choice(code_ids)
            else:
                doc_id, n = rng.choice(lengths); s2 = rng.randrange(n - 1); e2 = min(n, s2 + rng.randint(5, 300)); c2 = rng.choice(code_ids)
            rows.append(dict(document_id=doc_id, code_id=c2, coder_id=coders["乙"], start=s2, end=e2))
        seen = set(); uniq = []
        for r in rows:
            k = (r["document_id"], r["code_id"], r["coder_id"], r["start"], r["end"])
            if k not in seen: seen.add(k); uniq.append(r)
        s.execute(Passage.__table__.insert(), uniq)
    return project

path = Path(tempfile.mkdtemp()) / "big.annot"
t = time.perf_counter(); project = build(path); print(f"build {time.perf_counter()-t:.1f} s", project.stats())
def best(f, n=3):
    times, walls = [], []
    for _ in range(n):
        w = time.perf_counter(); t = time.process_time(); out = f()
        times.append(time.process_time() - t); walls.append(time.perf_counter() - w)
    return min(times), min(walls), out
from annotator.analysis.agreement import agreement, disagreements

for unit in ("paragraph", "sentence"):
    c, w, report = best(lambda: agreement(project, unit_kind=unit))
    print(f"{unit}: agreement() cpu {c:.2f} s wall {w:.2f} s; units {report.units}, rows {len(report.rows)}, overall κ {report.overall.kappa.text()} α {report.overall.alpha.text()} R {report.overall.holsti.text()}")
    c, w, found = best(lambda: disagreements(project, unit_kind=unit))
    print(f"{unit}: disagreements() cpu {c:.2f} s wall {w:.2f} s; {len(found)}")
c, w, _ = best(lambda: agreement(project, codes="政策工具1")); print(f"one branch (5 codes): cpu {c:.2f} wall {w:.2f}")
c, w, _ = best(lambda: agreement(project, documents={"年份": "2020"})); print(f"200 documents by attribute: cpu {c:.2f} wall {w:.2f}")
c, w, _ = best(lambda: agreement_sheets(project), 1); print(f"sheets cpu {c:.2f} s wall {w:.2f}")
import cProfile
import gc
import pstats

gc.disable()
cProfile.run("load_codings(project)", "/tmp/agbench/prof")
gc.enable()
pstats.Stats("/tmp/agbench/prof").sort_stats("tottime").print_stats(14)
