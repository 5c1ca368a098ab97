"""Long exports say how far they are: .qdpx and CSV report (done, total) as they write."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import exchange
from annotator.exchange import progress as progress_module
from annotator.project import Project


@pytest.fixture
def coded(project: Project) -> Project:
    code = project.add_code("工具")
    for i in range(4):
        doc = project.add_document(f"文件{i}", f"第{i}份文件：推进科技创新，完善政策体系。\n")
        for start in range(0, 10, 2):
            project.apply_code(doc.id, code.id, start, start + 3)
    return project


def calls(run) -> list[tuple[int, int]]:  # noqa: ANN001
    seen: list[tuple[int, int]] = []
    run(lambda done, total: seen.append((done, total)))
    return seen


@pytest.mark.parametrize("kind", ["qdpx", "csv"])
def test_exports_report_progress_to_the_end(coded: Project, tmp_path: Path, monkeypatch,
                                            kind: str) -> None:
    monkeypatch.setattr(progress_module, "EVERY", 3)
    target = tmp_path / f"out.{kind}"
    if kind == "qdpx":
        seen = calls(lambda p: exchange.export_qdpx(coded, target, progress=p))
        total = 4 + 20  # documents, then passages
    else:
        seen = calls(lambda p: exchange.export_passages_csv(coded, target, progress=p))
        total = 20
    assert target.exists()
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(seen) > 3  # moves forward, in steps
    assert all(t == total for _, t in seen)
