"""Units kept in the project: split once at import, read back by every later session, never
trusted when damaged or made by other rules; an older project gets them on first open; a
term-list change re-segments only the documents it touches."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.analysis import unit_index
from annotator.analysis.crosstab import xy_table
from annotator.analysis.unit_index import UnitCache, compute_units, ensure_units, units_of
from annotator.chinese.units import document_units
from annotator.db import derived
from annotator.project import Project
from annotator.search import index as search_index
from annotator.words.terms import add_terms

TEXT = (
    "关于推进区域科技创新的意见\n"
    "一、总体要求\n"
    "（一）坚持创新驱动。推动“科技—产业—金融”良性循环；完善《科技进步法》配套制度。\n"
    "（二）强化企业主体地位。\n"
    "二、重点任务\n"
    "建设统一平台！推广创新券？\n"
)
STATUTE = (
    "某某省科技创新条例\n第一章　总则\n第一条　为了促进科技创新，制定本条例。\n"
    "第二条　本条例适用于本省。\n第二章　附则\n第三条　本条例自公布之日起施行。\n"
)


def imported_project(tmp_path: Path, texts: list[str]) -> Project:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, body in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(body, encoding="utf-8")
    project = Project.create(tmp_path / "p.annot", coder="甲")
    assert project.import_files([folder]).count("imported") == len(texts)
    return project


def read_units(cache: UnitCache, project: Project, kind: str):
    ids = [d.id for d in project.documents()]
    with project.session_scope() as s:
        return cache.units(s, ids, kind)


def assert_fresh(project: Project, got, kind: str) -> None:
    for doc in project.documents():
        expected = compute_units(doc.number, project.document_text(doc.id), kind)
        assert list(got[doc.id].numbers) == [u.number for u in expected]
        assert got[doc.id].starts.tolist() == [u.start for u in expected]
        assert got[doc.id].ends.tolist() == [u.end for u in expected]


@pytest.mark.parametrize("kind", ["paragraph", "sentence", "clause"])
def test_import_stores_units_that_a_new_session_reads_without_splitting(
    tmp_path: Path, kind: str
) -> None:
    project = imported_project(tmp_path, [TEXT, TEXT.replace("创新券", "服务券"), STATUTE])
    later = UnitCache()  # as after restarting the program
    got = read_units(later, project, kind)
    assert later.computed == 0
    if kind == "clause":
        assert all(len(u.numbers) == 0 for u in got.values())  # no 款 in these articles
    else:
        assert_fresh(project, got, kind)
    project.close()


def test_a_damaged_row_means_splitting_that_document_again(tmp_path: Path) -> None:
    project = imported_project(tmp_path, [TEXT, STATUTE])
    first = project.documents()[0]
    with project.session_scope() as s:
        s.execute(text(
            "UPDATE derived_units SET starts = x'0102' WHERE content_hash = :h"),
            {"h": first.content_hash})
    cache = UnitCache()
    got = read_units(cache, project, "paragraph")
    assert cache.computed == 1  # only the damaged document
    assert_fresh(project, got, "paragraph")
    again = UnitCache()
    assert_fresh(project, read_units(again, project, "paragraph"), "paragraph")
    assert again.computed == 0  # the row was written anew
    project.close()


def test_units_of_other_rules_are_not_read(tmp_path: Path, monkeypatch) -> None:
    project = imported_project(tmp_path, [TEXT])
    monkeypatch.setattr(unit_index, "rules_digest", lambda: "other-rules")
    cache = UnitCache()
    assert_fresh(project, read_units(cache, project, "sentence"), "sentence")
    assert cache.computed == 1
    project.close()


def test_an_older_project_gets_its_units_on_first_open(tmp_path: Path) -> None:
    project = imported_project(tmp_path, [TEXT, STATUTE, TEXT + "附加一段。\n"])
    with project.session_scope() as s:
        derived.drop_table(s)  # as a project made before units were stored
    seen: list[tuple[int, int]] = []
    assert ensure_units(project, progress=lambda done, total: seen.append((done, total))) == 3
    assert seen[-1] == (3, 3)
    assert ensure_units(project) == 0  # nothing left to do
    cache = UnitCache()
    assert_fresh(project, read_units(cache, project, "sentence"), "sentence")
    assert cache.computed == 0
    project.close()


def test_a_chosen_numbering_is_stored_apart_and_the_window_reads_the_same_units(
    tmp_path: Path,
) -> None:
    project = imported_project(tmp_path, [STATUTE])
    doc = project.documents()[0]
    detected = [u.number for u in units_of(project, doc.id)]
    assert detected == [u.number for u in document_units(doc.number, STATUTE)]
    plain = [u.number for u in document_units(doc.number, STATUTE, numbering="paragraphs")]
    assert plain != detected
    with project.session_scope() as s:
        s.execute(text("UPDATE documents SET numbering = 'paragraphs'"))
    assert [u.number for u in units_of(project, doc.id)] == plain
    heads = [u for u in units_of(project, doc.id) if u.heading]
    assert heads == [u for u in document_units(doc.number, STATUTE, numbering="paragraphs")
                     if u.heading]
    project.close()


def test_tables_agree_with_fresh_units(tmp_path: Path) -> None:
    project = imported_project(tmp_path, [TEXT])
    doc = project.documents()[0]
    tools, areas = project.add_code("工具"), project.add_code("领域")
    project.apply_code(doc.id, tools.id, TEXT.index("坚持"), TEXT.index("强化"))
    project.apply_code(doc.id, areas.id, TEXT.index("推动"), TEXT.index("完善"))
    stored = xy_table(project, [tools.id], [areas.id], unit="sentence", cache=UnitCache())
    fresh = xy_table(project, [tools.id], [areas.id], unit="sentence",
                     cache=UnitCache(stored=False))
    assert stored == fresh
    project.close()


def test_a_term_list_change_re_segments_exactly_the_touched_documents(
    tmp_path: Path, monkeypatch
) -> None:
    texts = [TEXT, STATUTE, "关于加强知识产权保护的通知\n各单位要落实知识产权保护责任。\n"]
    project = imported_project(tmp_path, texts)
    assert search_index.ensure_index(project) == 0
    segmented: list[int] = []
    real = search_index.segment_document

    def counting(segmenter, document_id, digest, text):
        segmented.append(document_id)
        return real(segmenter, document_id, digest, text)

    monkeypatch.setattr(search_index, "segment_document", counting)
    add_terms(project, ["保护责任"])  # only the third text holds it
    assert search_index.ensure_index(project) == 1
    third = next(d for d in project.documents() if "知识产权" in d.title)
    assert segmented == [third.id]
    assert not search_index.index_status(project).stale_terms
    project.close()


def test_a_large_import_segmented_in_workers_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch
) -> None:
    from annotator.db import search_index as index_tables
    from annotator.importing import importer, pipeline

    texts = [TEXT, *(TEXT.replace("创新券", f"创新券{i}号") for i in range(1, 5)), STATUTE, TEXT]
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, body in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(body, encoding="utf-8")

    def run(name: str, workers: int):
        monkeypatch.setattr(importer, "workers_for", lambda files: workers)
        project = Project.create(tmp_path / name, coder="甲")
        report = project.import_files([folder])
        with project.session_scope() as s:
            rows = {d.number: index_tables.indexed_hashes(s)[d.id]
                    for d in project.documents()}
            words = s.execute(text(
                "SELECT d.number, i.spans, i.words FROM search_documents i "
                "JOIN documents d ON d.id = i.document_id ORDER BY d.number")).all()
        units = {d.number: list(v.numbers) for d, v in zip(
            project.documents(), read_units(UnitCache(), project, "sentence").values(),
            strict=True)}
        project.close()
        return [(o.status, Path(o.path).name) for o in report.outcomes], rows, words, units

    monkeypatch.setattr(pipeline, "MIN_FILES_FOR_WORKERS", 2)
    alone = run("one.annot", 0)
    pooled = run("pool.annot", 1)
    assert pooled == alone
    assert [status for status, _ in alone[0]].count("duplicate") == 1  # TEXT twice


def test_a_project_without_derived_data_gets_all_of_it_built(tmp_path: Path) -> None:
    from annotator.db import search_index as index_tables
    from annotator.importing.derived_data import derived_work, ensure_derived

    project = imported_project(tmp_path, [TEXT, STATUTE])
    assert not derived_work(project).needed
    with project.session_scope() as s:  # as a project made before either existed
        derived.drop_table(s)
        index_tables.drop_tables(s)
    work = derived_work(project)
    assert (work.units, work.index) == (2, 2)
    seen: list[str] = []
    assert ensure_derived(project, progress=lambda d, t, what: seen.append(what)) == (2, 2)
    assert "units" in seen and "index" in seen
    assert not derived_work(project).needed
    project.close()


def test_cancelling_an_import_with_workers_keeps_whole_documents(
    tmp_path: Path, monkeypatch
) -> None:
    from annotator.importing import importer

    monkeypatch.setattr(importer, "workers_for", lambda files: 1)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(8):
        (folder / f"{i:02d}.txt").write_text(TEXT.replace("创新券", f"创新券{i}号"),
                                              encoding="utf-8")
    project = Project.create(tmp_path / "p.annot", coder="甲")
    seen: list[int] = []
    report = project.import_files(
        [folder], progress=lambda i, n, path: seen.append(i),
        should_cancel=lambda: len(seen) >= 3)
    assert report.cancelled and report.count("imported") == 3
    assert search_index.index_status(project).missing == 0  # each one indexed with it
    assert ensure_units(project) == 0  # and split
    project.close()


def test_a_document_added_from_a_string_has_its_units_stored(tmp_path: Path) -> None:
    from annotator.importing.derived_data import derived_work

    with Project.create(tmp_path / "s.annot") as project:
        project.add_document("办法", "第一条　为了规范管理，制定本办法。\n"
                                     "第二条　本办法自公布之日起施行。")
        assert not derived_work(project).units


def test_derived_data_made_in_a_worker_process_is_what_one_process_makes(
    tmp_path: Path, monkeypatch
) -> None:
    from annotator.db import search_index as index_tables
    from annotator.importing import pipeline
    from annotator.importing.derived_data import ensure_derived, worker_pool

    project = imported_project(tmp_path, [TEXT, STATUTE])

    def rows() -> list[tuple]:
        with project.session_scope() as s:
            return s.execute(text(
                "SELECT d.number, i.spans, i.words FROM search_documents i "
                "JOIN documents d ON d.id = i.document_id ORDER BY d.number")).all()

    made_here = rows()
    with project.session_scope() as s:  # as a project made before either existed
        derived.drop_table(s)
        index_tables.drop_tables(s)
    monkeypatch.setattr(pipeline, "spawn_is_safe", lambda: True)  # pytest's main is guarded
    pool = worker_pool()
    assert pool is not None
    try:
        assert ensure_derived(project, executor=pool) == (2, 2)
    finally:
        pool.shutdown()
    assert rows() == made_here
    cache = UnitCache()
    assert_fresh(project, read_units(cache, project, "sentence"), "sentence")
    assert cache.computed == 0  # stored by the worker's rows
    project.close()
