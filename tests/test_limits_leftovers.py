"""Leftovers and links: a killed export's temporary file is removed by the next export to the
folder (never one an export under way holds); folder imports do not follow links that leave
the folder unless asked to."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from annotator import Project
from annotator.cli import run as cli_main
from annotator.export import atomic

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "01-chengguo-zhuanhua-fuquan.txt"
OTHER = ROOT / "samples" / "03-xinxing-yanfa-jigou.txt"
fcntl = pytest.importorskip("fcntl")


def aged(path: Path, seconds: float = 3600) -> Path:
    past = time.time() - seconds
    os.utime(path, (past, past))
    return path


@pytest.fixture
def project(tmp_path: Path) -> Project:
    proj = Project.create(tmp_path / "p.annot", codebook="policy-instruments")
    proj.import_files([SAMPLE])
    yield proj
    proj.close()


def test_a_killed_exports_temporary_file_goes_at_the_next_export(
        project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".coded.xlsx.0a1b2c3d.tmp"
    stale.write_bytes(b"PK half a workbook")
    aged(stale)
    other_stale = out / ".passages.csv.deadbeef.tmp"
    other_stale.write_bytes(b"")
    aged(other_stale)
    project.export_excel(out / "coded.xlsx")
    assert not stale.exists() and not other_stale.exists()
    assert sorted(p.name for p in out.iterdir()) == ["coded.xlsx"]


def test_a_temporary_file_an_export_holds_or_just_made_is_kept(tmp_path: Path) -> None:
    held = tmp_path / ".big.xlsx.00000001.tmp"
    held.write_bytes(b"")
    aged(held)
    fresh = tmp_path / ".new.qdpx.00000002.tmp"
    fresh.write_bytes(b"")
    fd = os.open(held, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a concurrent export holds its own
    try:
        assert atomic.remove_stale_temps(tmp_path) == []
    finally:
        os.close(fd)
    assert held.exists() and fresh.exists()
    assert atomic.remove_stale_temps(tmp_path) == [held]


def test_only_export_temporary_files_are_touched(tmp_path: Path) -> None:
    names = [".study.annot.0a1b2c3d.tmp",  # a blind copy being made (annotator.merge)
             ".notes.txt.0a1b2c3d.tmp", "coded.xlsx.0a1b2c3d.tmp", ".x.xlsx.tmp"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
        aged(tmp_path / name)
    assert atomic.remove_stale_temps(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_an_export_under_way_holds_its_temporary_file(tmp_path: Path) -> None:
    with atomic.replace_when_done(tmp_path / "coded.xlsx") as temp:
        temp.write_bytes(b"partial")
        aged(temp)
        assert atomic.remove_stale_temps(tmp_path) == []
        assert temp.exists()
    assert (tmp_path / "coded.xlsx").read_bytes() == b"partial"


# -- links in imported folders -----------------------------------------------------------------


def folder_with_links(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(OTHER, outside / "secret.txt")
    (outside / "sub").mkdir()
    shutil.copy(OTHER, outside / "sub" / "linked-folder-file.txt")
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.txt")
    (folder / "out.txt").symlink_to(outside / "secret.txt")
    (folder / "linked").symlink_to(outside / "sub", target_is_directory=True)
    (folder / "again.txt").symlink_to(folder / "a.txt")  # inside: a duplicate, as before
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder, outside


def test_a_folder_import_does_not_follow_links_out_of_the_folder(tmp_path: Path) -> None:
    folder, outside = folder_with_links(tmp_path)
    with Project.create(tmp_path / "p.annot") as project:
        report = project.import_files([folder])
        titles = [d.source_name for d in project.documents()]
    by_path = {Path(o.path).name: o for o in report.outcomes}
    assert titles == ["a.txt"]
    assert by_path["out.txt"].status == "failed"
    assert "outside the folder; not followed" in by_path["out.txt"].reason
    assert str(outside / "secret.txt") in by_path["out.txt"].reason
    assert by_path["linked"].status == "failed"
    assert by_path["again.txt"].status == "duplicate"
    assert "loop" not in by_path


def test_follow_links_on_the_command_line_imports_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = folder_with_links(tmp_path)
    project = tmp_path / "p.annot"
    assert cli_main(["init", str(project)]) == 0
    assert cli_main(["import", "-q", str(project), str(folder)]) == 1
    assert "not followed" in capsys.readouterr().out
    assert cli_main(["import", "-q", "--follow-links", str(project), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "0 failed" in out
    with Project.open(project) as opened:
        names = sorted(d.source_name for d in opened.documents())
    # out.txt has the same text as the linked folder's file, read first: a duplicate
    assert names == ["a.txt", "linked-folder-file.txt"]
    assert "duplicate" in out and "out.txt" in out
