"""Agreement on a 2,000-document, ~200,000-passage project with two coders.

    .venv/bin/python benchmarks/bench_agreement.py [--documents 2000] [--passages 200000]

Prints the CPU and wall time of agreement() and disagreements() by paragraph and by sentence,
for one code branch, for documents chosen by an attribute, for the 信度/分歧 sheets, and for
the window's agreement dialog (figures and disagreement list computed and painted, offscreen).
Target: under one second each (the sheets write every disagreement and are not a table).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from annotator.analysis.agreement import agreement, disagreements
from annotator.analysis.agreement_sheet import agreement_sheets
from annotator.db import documents as doc_repo
from annotator.db.models import Passage
from annotator.project import Project

HANZI = "国务院关于进一步加强和改进新时代科技工作的意见推动高质量发展深化改革扩大开放"


def article(rng: random.Random) -> str:
    paragraphs = (
        "".join(rng.choices(HANZI, k=rng.randint(40, 200))) + "。"
        for _ in range(rng.randint(10, 40))
    )
    return "\n".join(paragraphs)


def build(path: Path, documents: int, passages: int) -> Project:
    rng = random.Random(7)
    project = Project.create(path)
    for t in range(8):
        parent = project.add_code(f"政策工具{t + 1}")
        for c in range(4):
            project.add_code(f"子工具{t + 1}-{c + 1}", parent_id=parent.id)
    code_ids = [c.id for c in project.codes()]
    first, second = project.set_coder("甲").id, project.set_coder("乙").id
    with project.session_scope() as s:
        docs = []
        for i in range(documents):
            doc = doc_repo.add_document(
                s, title=f"文档{i}", text=article(rng), source_name="",
                attributes={"年份": str(2015 + i % 10)},
            )
            docs.append((doc.id, len(doc.text)))
        rows: dict[tuple, dict] = {}
        for _ in range(passages // 2):
            doc_id, n = rng.choice(docs)
            start = rng.randrange(n - 1)
            end = min(n, start + rng.randint(5, 300))
            code = rng.choice(code_ids)
            rows[(doc_id, code, first, start, end)] = {}
            if rng.random() < 0.7:  # the second coder mostly agrees, with ragged edges
                s2 = min(n - 1, max(0, start + rng.randint(-10, 10)))
                e2 = min(n, max(s2 + 1, end + rng.randint(-10, 10)))
                c2 = code if rng.random() < 0.85 else rng.choice(code_ids)
            else:
                doc_id, n = rng.choice(docs)
                s2 = rng.randrange(n - 1)
                e2 = min(n, s2 + rng.randint(5, 300))
                c2 = rng.choice(code_ids)
            rows[(doc_id, c2, second, s2, e2)] = {}
        keys = ("document_id", "code_id", "coder_id", "start", "end")
        s.execute(Passage.__table__.insert(), [dict(zip(keys, k, strict=True)) for k in rows])
    return project


def best(run: Callable[[], object], repeats: int = 3) -> tuple[float, float, object]:
    cpu, wall, out = [], [], None
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        out = run()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return min(cpu), min(wall), out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--passages", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        project = build(Path(tmp) / "big.annot", args.documents, args.passages)
        print(f"build {time.perf_counter() - start:.1f} s: {project.stats()}")
        for unit in ("paragraph", "sentence"):
            cpu, wall, report = best(lambda u=unit: agreement(project, unit_kind=u))
            print(f"agreement({unit}): cpu {cpu:.2f} s, wall {wall:.2f} s, "
                  f"overall κ {report.overall.kappa.text()}")  # type: ignore[attr-defined]
            cpu, wall, found = best(lambda u=unit: disagreements(project, unit_kind=u))
            print(f"disagreements({unit}): cpu {cpu:.2f} s, wall {wall:.2f} s, "
                  f"{len(found)} found")  # type: ignore[arg-type]
        cpu, wall, _ = best(lambda: agreement(project, codes="政策工具1"))
        print(f"one branch (5 codes): cpu {cpu:.2f} s, wall {wall:.2f} s")
        cpu, wall, _ = best(lambda: agreement(project, documents={"年份": "2020"}))
        print(f"documents by attribute: cpu {cpu:.2f} s, wall {wall:.2f} s")
        cpu, wall, _ = best(lambda: agreement_sheets(project), 1)
        print(f"信度 and 分歧 sheets: cpu {cpu:.2f} s, wall {wall:.2f} s")
        project.close()
        dialog(Path(tmp) / "big.annot")


def dialog(path: Path) -> None:
    """The agreement dialog of the window on the project: compute and paint."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.open_project(path)
    app.processEvents()
    shown = window.team_tools.show_agreement()  # type: ignore[attr-defined]

    def run() -> None:
        shown.compute()
        app.processEvents()
        shown.grab()

    cpu, wall, _ = best(run)
    print(f"agreement dialog (compute + paint): cpu {cpu:.2f} s, wall {wall:.2f} s, "
          f"{shown.disagreement_model.rowCount()} disagreements listed")
    window.close()


if __name__ == "__main__":
    main()
