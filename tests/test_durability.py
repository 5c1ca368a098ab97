"""The project file alone holds the work: a copy taken right after any action has it, and a
project in a cloud-synced or network folder keeps no WAL side files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator import Project
from annotator.db import location
from annotator.db.durability import journal_mode
from annotator.db.location import place_of

TEXT = (
    "第一条 为了促进科技成果转化为现实生产力，规范科技成果转化活动，加速科学技术进步，"
    "推动经济建设和社会发展，制定本法。\n"
    "第二条 本法所称科技成果，是指通过科学研究与技术开发所产生的具有实用价值的成果。\n"
)


def _copy_alone(path: Path, folder: Path) -> Project:
    """What a user gets who copies only the .annot file (no -wal) mid-session."""
    folder.mkdir()
    target = folder / path.name
    shutil.copyfile(path, target)
    return Project.open(target)


def test_copy_of_the_project_file_right_after_each_action_holds_it(tmp_path: Path) -> None:
    with Project.create(tmp_path / "live.annot") as project:
        doc = project.add_document("促进科技成果转化法", TEXT)
        code = project.add_code("成果转化")
        project.apply_code(doc.id, code.id, 6, 20)
        project.set_attributes(doc.id, {"发文机关": "全国人大常委会"})
        project.set_memo(project.passages(code_id=code.id)[0].id, "立法目的")
        assert Path(f"{project.path}-wal").exists()  # the window's state: WAL still open

        with _copy_alone(project.path, tmp_path / "copy") as copy:
            [passage] = copy.passages(code_id=code.id)
            assert (passage.start, passage.end, passage.memo) == (6, 20, "立法目的")
            assert copy.document(doc.id).attributes == {"发文机关": "全国人大常委会"}

        project.apply_code(doc.id, code.id, 40, 50)
        with _copy_alone(project.path, tmp_path / "copy2") as copy:
            assert len(copy.passages(code_id=code.id)) == 2


@pytest.mark.parametrize(
    "folder, client",
    [
        ("Users/li/OneDrive/课题", "OneDrive"),
        ("Users/li/OneDrive - 清华大学/课题", "OneDrive"),
        ("home/li/百度网盘/政策文本", "百度网盘"),
        ("Users/li/Dropbox (Personal)/coding", "Dropbox"),
        ("Users/li/Library/CloudStorage/GoogleDrive-li/My Drive", "cloud storage"),
        ("home/li/坚果云/项目", "坚果云"),
    ],
)
def test_cloud_synced_folders_are_recognised(tmp_path: Path, folder: str, client: str) -> None:
    place = place_of(tmp_path / folder / "p.annot")
    assert (place.kind, place.detail) == ("cloud", client)


def test_network_mounts_are_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    mounts = [("/", "ext4"), ("/mnt/share", "cifs"), ("/mnt/share/local", "ext4"), ("/nfs", "nfs4")]
    monkeypatch.setattr(location.sys, "platform", "linux")
    monkeypatch.setattr(location, "_linux_mounts", lambda: mounts)
    location._place_of_folder.cache_clear()  # answers are kept per folder
    assert place_of(Path("/mnt/share/组/p.annot")).kind == "network"
    assert place_of(Path("/nfs/p.annot")).detail == "nfs4"
    assert place_of(Path("/mnt/share/local/p.annot")).kind == "local"
    assert place_of(Path("/home/li/p.annot")).kind == "local"


def test_local_folder_is_local(tmp_path: Path) -> None:
    assert place_of(tmp_path / "p.annot").kind == "local"


def test_project_in_a_synced_folder_keeps_no_wal_files(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive" / "课题"
    folder.mkdir(parents=True)
    with Project.create(folder / "synced.annot") as project:
        assert project.place.kind == "cloud"
        doc = project.add_document("促进科技成果转化法", TEXT)
        project.apply_code(doc.id, project.add_code("成果转化").id, 0, 10)
        assert journal_mode(project._engine) == "delete"
        assert not Path(f"{project.path}-wal").exists()
    with Project.open(folder / "synced.annot") as again:
        assert len(again.passages()) == 1
