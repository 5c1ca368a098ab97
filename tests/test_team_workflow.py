"""Blind double coding end to end on the sample articles: 甲 codes, 乙 codes a blind copy,
the copy is merged back, and the agreement figures match an independent computation."""

from __future__ import annotations

from pathlib import Path

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.analysis.agreement import agreement
from annotator.chinese.units import document_units
from annotator.merge import copy_for_coder, merge_project
from annotator.project import Project

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CODES = ("区域协同创新/机制协同", "区域协同创新/资源协同", "创新要素配置/职务成果权属改革")


def paragraphs_with(project: Project, keywords: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """(document id, start, end) of every paragraph unit that mentions a keyword."""
    found = []
    for doc in project.documents():
        text = project.document_text(doc.id)
        for unit in document_units(doc.number, text, "paragraph"):
            if any(k in text[unit.start : unit.end] for k in keywords):
                found.append((doc.id, unit.start, unit.end))
    return found


def code_paragraphs(project: Project, skip_every: int, shift: int) -> None:
    for path in CODES:
        code = project.find_code(path)
        assert code is not None
        spans = paragraphs_with(project, code.keywords)
        for i, (doc_id, start, end) in enumerate(spans):
            if skip_every and (i + shift) % skip_every == 0:
                continue
            project.apply_code(doc_id, code.id, start, end)


@pytest.fixture
def merged(tmp_path: Path) -> Project:
    first = Project.create(tmp_path / "study.annot", codebook="regional-innovation", coder="甲")
    first.import_files([SAMPLES])
    code_paragraphs(first, skip_every=0, shift=0)
    copy_for_coder(first, tmp_path / "乙.annot", "乙")
    with Project.open(tmp_path / "乙.annot", coder="乙") as second:
        assert second.stats().passages == 0  # blind: none of 甲's work
        code_paragraphs(second, skip_every=3, shift=1)  # 乙 leaves out every third paragraph
    merge_project(first, tmp_path / "乙.annot")
    yield first
    first.close()


def test_merge_then_agreement_matches_independent_figures(merged: Project) -> None:
    coders = {c.name: c.id for c in merged.coders()}
    report = agreement(merged, coders=["甲", "乙"], unit_kind="paragraph")
    docs = {d.id: d for d in merged.documents()}
    coded_by = {
        name: {p.document_id for p in merged.passages() if p.coder_id == cid}
        for name, cid in coders.items() if name in ("甲", "乙")
    }
    compared = sorted(coded_by["甲"] & coded_by["乙"], key=lambda d: docs[d].number)
    units = [
        (doc_id, u.start, u.end)
        for doc_id in compared
        for u in document_units(docs[doc_id].number, merged.document_text(doc_id), "paragraph")
    ]
    for path in CODES:
        code = merged.find_code(path)
        assert code is not None
        vectors = {}
        for name in ("甲", "乙"):
            spans = [
                (p.document_id, p.start, p.end)
                for p in merged.passages(code_id=code.id)
                if p.coder_id == coders[name]
            ]
            vectors[name] = [
                int(any(d == ud and s < ue and e > us for d, s, e in spans))
                for ud, us, ue in units
            ]
        a, b = vectors["甲"], vectors["乙"]
        both = sum(x and y for x, y in zip(a, b, strict=True))
        row = report.row(code.id)
        assert row.units == len(units)
        assert row.percent.value == pytest.approx(
            sum(x == y for x, y in zip(a, b, strict=True)) / len(units)
        )
        assert row.holsti.value == pytest.approx(2 * both / (sum(a) + sum(b)))
        assert row.kappa.value == pytest.approx(cohen_kappa_score(a, b))
        assert 0 < row.kappa.value < 1  # 乙 left paragraphs out: agreement is real but partial
