"""Units kept between sessions in the user's cache: the same units, fewer splits, no harm when
the store is damaged or cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.analysis.crosstab import xy_table
from annotator.analysis.unit_index import UnitCache, compute_units
from annotator.analysis.unit_store import UnitStore, rules_digest
from annotator.project import Project

TEXT = (
    "关于推进区域科技创新的意见\n"
    "一、总体要求\n"
    "（一）坚持创新驱动。推动“科技—产业—金融”良性循环；完善《科技进步法》配套制度。\n"
    "（二）强化企业主体地位。\n"
    "二、重点任务\n"
    "建设统一平台！推广创新券？\n"
)


def make_project(path: Path, texts: list[str]) -> Project:
    project = Project.create(path, coder="甲")
    tools = project.add_code("工具")
    areas = project.add_code("领域")
    for i, text in enumerate(texts):
        doc = project.add_document(f"文件{i + 1}", text)
        if "坚持" in text:
            project.apply_code(doc.id, tools.id, text.index("坚持"), text.index("强化"))
            project.apply_code(doc.id, areas.id, text.index("推动"), text.index("完善"))
    return project


def units_of(cache: UnitCache, project: Project, kind: str):
    ids = [d.id for d in project.documents()]
    with project.session_scope() as s:
        return cache.units(s, ids, kind)


@pytest.mark.parametrize("kind", ["paragraph", "sentence"])
def test_a_new_session_reads_units_instead_of_splitting(tmp_path: Path, kind: str) -> None:
    store = UnitStore(tmp_path / "cache" / "units.sqlite3")
    project = make_project(tmp_path / "a.annot", [TEXT, TEXT.replace("创新券", "服务券")])
    first = UnitCache(store=store)
    computed = units_of(first, project, kind)
    assert first.computed == 2 and store.path.exists()

    later = UnitCache(store=store)  # as after restarting the program
    again = units_of(later, project, kind)
    assert later.computed == 0
    for doc in project.documents():
        expected = compute_units(doc.number, project.document_text(doc.id), kind)
        got = again[doc.id]
        assert list(got.numbers) == [u.number for u in expected]
        assert got.starts.tolist() == [u.start for u in expected]
        assert got.ends.tolist() == [u.end for u in expected]
        assert got.numbers == computed[doc.id].numbers
    project.close()


def test_same_text_under_another_number_gets_its_own_numbers(tmp_path: Path) -> None:
    store = UnitStore(tmp_path / "units.sqlite3")
    one = make_project(tmp_path / "one.annot", [TEXT])
    two = make_project(tmp_path / "two.annot", ["其他文件\n", TEXT])
    assert units_of(UnitCache(store=store), one, "paragraph")[1].numbers[0] == "1-0-1"
    cache = UnitCache(store=store)
    numbers = units_of(cache, two, "paragraph")[2].numbers
    assert numbers[0] == "2-0-1" and cache.computed == 2
    one.close()
    two.close()


def test_tables_come_out_the_same_from_the_store(tmp_path: Path) -> None:
    store = UnitStore(tmp_path / "units.sqlite3")
    project = make_project(tmp_path / "a.annot", [TEXT, TEXT.replace("创新券", "服务券")])
    x, y = [project.find_code("工具").id], [project.find_code("领域").id]
    fresh = xy_table(project, x, y, unit="sentence", cache=UnitCache(store=store))
    stored = xy_table(project, x, y, unit="sentence", cache=UnitCache(store=store))
    assert stored.counts.tolist() == fresh.counts.tolist()
    assert stored.units(x[0], y[0]) == fresh.units(x[0], y[0]) == ["1-1-1.2", "2-1-1.2"]
    project.close()


def test_a_damaged_store_is_replaced_and_units_still_come(tmp_path: Path) -> None:
    path = tmp_path / "units.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    project = make_project(tmp_path / "a.annot", [TEXT])
    cache = UnitCache(store=UnitStore(path))
    units = units_of(cache, project, "paragraph")
    assert units[1].numbers[0] == "1-0-1" and cache.computed == 1
    # The broken file went; the next session writes a good one and reads from it after.
    units_of(UnitCache(store=UnitStore(path)), project, "paragraph")
    later = UnitCache(store=UnitStore(path))
    assert units_of(later, project, "paragraph")[1].numbers == units[1].numbers
    assert later.computed == 0
    project.close()


def test_a_store_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    project = make_project(tmp_path / "a.annot", [TEXT])
    cache = UnitCache(store=UnitStore(blocker / "units.sqlite3"))
    assert units_of(cache, project, "sentence")[1].numbers[0] == "1-0-1.1"
    project.close()


def test_the_default_store_is_in_the_user_cache_and_follows_the_rules() -> None:
    import platformdirs

    path = UnitStore().path
    assert path.parent == Path(platformdirs.user_cache_dir("annotator"))
    assert rules_digest() in path.name  # other splitting rules, another file


def test_import_keeps_the_units_of_new_documents(tmp_path: Path, monkeypatch) -> None:
    from annotator.analysis import unit_index

    store = UnitStore(tmp_path / "units.sqlite3")
    monkeypatch.setattr(unit_index, "DEFAULT_CACHE", UnitCache(store=store))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT.replace("创新券", "服务券"), encoding="gb18030")
    project = Project.create(tmp_path / "a.annot", coder="甲")
    assert project.import_files([folder]).count("imported") == 2
    for kind in ("paragraph", "sentence"):
        later = UnitCache(store=store)
        assert len(units_of(later, project, kind)) == 2
        assert later.computed == 0  # split at import, read back now
    project.close()


def test_a_damaged_row_is_computed_again(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "units.sqlite3"
    project = make_project(tmp_path / "a.annot", [TEXT])
    good = units_of(UnitCache(store=UnitStore(path)), project, "paragraph")[1]
    with sqlite3.connect(path) as db:  # one unit fewer in the starts than in the numbers
        db.execute("UPDATE units SET starts = substr(starts, 9)")
    db.close()
    cache = UnitCache(store=UnitStore(path))
    again = units_of(cache, project, "paragraph")[1]
    assert cache.computed == 1
    assert again.starts.tolist() == good.starts.tolist()
    project.close()


def test_no_cache_folder_at_all_is_no_error(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the user's cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    project = make_project(tmp_path / "a.annot", [TEXT])
    cache = UnitCache(store=UnitStore())
    assert units_of(cache, project, "paragraph")[1].numbers[0] == "1-0-1"
    assert units_of(UnitCache(store=UnitStore()), project, "paragraph")[1].numbers[0] == "1-0-1"
    project.close()


def test_a_store_busy_in_another_process_is_kept(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "units.sqlite3"
    project = make_project(tmp_path / "a.annot", [TEXT])
    units_of(UnitCache(store=UnitStore(path)), project, "paragraph")
    other = sqlite3.connect(path)  # another program writing to the store just now
    other.execute("BEGIN IMMEDIATE")
    cache = UnitCache(store=UnitStore(path))
    assert units_of(cache, project, "sentence")[1].numbers[0] == "1-0-1.1"  # computed
    other.rollback()
    other.close()
    # The store was not thrown away for being busy: the paragraphs are still read from it.
    later = UnitCache(store=UnitStore(path))
    assert units_of(later, project, "paragraph")[1].numbers[0] == "1-0-1"
    assert later.computed == 0
    project.close()


def test_a_store_for_new_rules_removes_the_stores_of_old_rules(tmp_path: Path) -> None:
    old = tmp_path / "units-0123456789abcdef.sqlite3"
    old.write_bytes(b"units split by earlier rules")
    keep = tmp_path / "jieba.cache"
    keep.write_bytes(b"not ours to remove")
    project = make_project(tmp_path / "a.annot", [TEXT])
    units_of(UnitCache(store=UnitStore(tmp_path / f"units-{rules_digest()}.sqlite3")), project,
             "paragraph")
    assert not old.exists() and keep.exists()
    assert (tmp_path / f"units-{rules_digest()}.sqlite3").exists()
    project.close()
