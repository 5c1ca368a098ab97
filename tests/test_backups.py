"""Rolling daily backups beside the project, listed and restored."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from annotator import Project
from annotator.db.backups import backup_folder, daily_backup, list_backups, restore_backup
from annotator.errors import ProjectError

TEXT = (
    "第十条 国家鼓励企业、高等学校和科研机构开展产学研合作，共建研发平台，"
    "联合实施科技成果转化项目。\n"
)


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    p = Project.create(tmp_path / "课题.annot")
    doc = p.add_document("促进科技成果转化法", TEXT)
    p.apply_code(doc.id, p.add_code("产学研合作").id, 11, 16)
    yield p
    p.close()


def test_one_backup_a_day_and_old_days_dropped(project: Project) -> None:
    day1 = datetime(2026, 11, 20, 9, 0)
    first = daily_backup(project.path, now=day1)
    assert first is not None and first.parent == backup_folder(project.path)
    assert daily_backup(project.path, now=day1 + timedelta(hours=5)) is None  # same day
    second = daily_backup(project.path, now=day1 + timedelta(days=1))
    assert second is not None
    assert [b.path for b in list_backups(project.path)] == [second, first]

    daily_backup(project.path, keep_days=7, now=day1 + timedelta(days=9))
    kept = list_backups(project.path)
    assert len(kept) == 1 and kept[0].taken.date() == (day1 + timedelta(days=9)).date()


def test_restore_puts_the_day_back_and_keeps_the_current_state(project: Project) -> None:
    backup = daily_backup(project.path, now=datetime(2026, 11, 20, 9, 0))
    assert backup is not None
    doc = project.documents()[0]
    project.apply_code(doc.id, project.add_code("科研机构").id, 20, 24)  # after the backup
    assert len(project.passages()) == 2
    path = project.path
    project.close()

    safety = restore_backup(path, backup)
    with Project.open(path) as restored:
        assert len(restored.passages()) == 1
        assert [c.name for c in restored.codes()] == ["产学研合作"]
    listed = {b.path: b for b in list_backups(path, with_counts=True)}
    assert listed[safety].passages == 2 and listed[backup].passages == 1

    restore_backup(path, safety)  # the restore itself can be undone
    with Project.open(path) as again:
        assert len(again.passages()) == 2


def test_restore_refuses_a_file_that_is_not_a_project(project: Project, tmp_path: Path) -> None:
    junk = tmp_path / "notes.annot"
    junk.write_text("第十条 不是项目文件", encoding="utf-8")
    path = project.path
    project.close()
    with pytest.raises(ProjectError, match="notes.annot"):
        restore_backup(path, junk)
    with Project.open(path) as untouched:
        assert len(untouched.passages()) == 1
