"""A full disk, a read-only project, a lock: one clear message naming the file and the cause,
the project's own error types from the Python API, and nothing half-written.

The disk is made "full" portably with SQLite's ``PRAGMA max_page_count`` on the project's
connections, or with ``OSError(ENOSPC)`` where Python writes. A read-only project is opened
the way a read-only folder or mount opens it (the reason forced, since chmod restricts
nothing for root, as in CI); ``test_faults_mounts.py`` does it with real mounts where it
may.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

import annotator.db.opening as opening
import annotator.db.read_only as read_only_db
import annotator.project as project_module
from annotator.cli import run
from annotator.errors import (
    ExportError,
    ProjectStorageError,
    ReadOnlyProjectError,
)
from annotator.project import Project

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = sorted(SAMPLES.glob("0[1-5]*.txt"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_study(path: Path) -> Path:
    with Project.create(path, coder="甲") as project:
        doc = project.add_document("区域合作意见", (SAMPLES / TEXTS[0].name).read_text("utf-8"))
        code = project.add_code("机制协同")
        project.apply_code(doc.id, code.id, 0, 12)
    return path


def limit_pages(engine, spare_pages: int) -> None:  # noqa: ANN001
    """From now on the file may grow by ``spare_pages`` pages only: SQLite then answers
    SQLITE_FULL, "database or disk is full", as on a full disk."""
    limit: list[int] = []

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection, _record) -> None:  # noqa: ANN001
        if not limit:
            (count,) = dbapi_connection.execute("PRAGMA page_count").fetchone()
            limit.append(count + spare_pages)
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit[0]}")

    engine.dispose()


@pytest.fixture
def full_disk(monkeypatch):  # noqa: ANN201
    """Every project opened from now on has ``spare`` pages left (set on the fixture)."""

    class Full:
        spare: int | None = None  # None: no limit (while the test makes its project)

    real = project_module.make_engine

    def make_engine(path: Path):  # noqa: ANN202
        engine = real(path)
        if Full.spare is not None:
            limit_pages(engine, Full.spare)
        return engine

    monkeypatch.setattr(project_module, "make_engine", make_engine)  # Project.create
    monkeypatch.setattr(opening, "make_engine", make_engine)  # Project.open
    return Full


# -- a full disk ------------------------------------------------------------------------------
def test_api_raises_a_storage_error_naming_the_file_and_keeps_the_project(tmp_path: Path,
                                                                          full_disk) -> None:
    study = make_study(tmp_path / "study.annot")
    full_disk.spare = 0
    with Project.open(study) as project:
        doc = project.documents()[0]
        before = project.stats()
        with pytest.raises(ProjectStorageError) as caught:
            # a large document needs pages the "disk" does not have
            project.add_document("大文件", (SAMPLES / TEXTS[1].name).read_text("utf-8") * 20)
        assert caught.value.cause == "disk-full"
        assert caught.value.path == study
        assert str(study) in str(caught.value) and "disk is full" in str(caught.value)
        assert not isinstance(caught.value, sqlite3.Error)
        assert project.stats() == before  # nothing of the failed step was kept
        assert project.document_text(doc.id)  # and the project still reads


def test_cli_import_prints_the_report_for_what_got_in(tmp_path: Path, full_disk,
                                                      capsys) -> None:
    study = make_study(tmp_path / "study.annot")
    full_disk.spare = 10  # room for two of these four articles
    code = run(["import", str(study), *map(str, TEXTS[1:])])
    out, err = capsys.readouterr()
    assert code == 1
    lines = out.splitlines()
    imported = [line for line in lines if line.startswith("imported")]
    failed = [line for line in lines if line.startswith("failed")]
    assert len(imported) == 2 and len(failed) == 2
    assert "disk is full" in failed[0] and str(study.name) in failed[0]
    assert all("not imported (stopped: disk full)" in line for line in failed[1:])
    assert "Traceback" not in err and "OperationalError" not in out + err
    full_disk.spare = None
    with Project.open(study) as project:  # every file the report calls imported is there
        assert project.stats().documents == 1 + len(imported)
        titles = {d.source_name for d in project.documents()}
    assert all(Path(line.split()[1]).name in titles for line in imported)


def test_cli_coding_on_a_full_disk_is_one_line(tmp_path: Path, full_disk, capsys) -> None:
    study = make_study(tmp_path / "study.annot")
    full_disk.spare = 0
    with Project.open(study) as project:  # code until the "disk" has no room left
        doc, code_id = project.documents()[0].id, project.codes()[0].id
        with pytest.raises(ProjectStorageError):
            for start in range(1, 2000):
                project.apply_code(doc, code_id, start, start + 30, memo="满" * 40)
    code = run(["apply", str(study), "1", "机制协同", "0", "40", "--memo", "满" * 40])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "disk is full" in err and str(study) in err


def test_codebook_yaml_export_on_a_full_disk(tmp_path: Path, monkeypatch) -> None:
    study = make_study(tmp_path / "study.annot")
    target = tmp_path / "codebook.yaml"

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with Project.open(study) as project:
        monkeypatch.setattr(os, "fsync", no_space)
        with pytest.raises(ExportError, match="no space left"):
            project.export_codebook(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.annot"]


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("kind", ["workbook", "codebook"])
def test_xlsx_exports_on_a_full_disk_leave_nothing_and_print_nothing(
        tmp_path: Path, monkeypatch, capsys, kind: str) -> None:
    import zipfile

    study = make_study(tmp_path / "study.annot")
    target = tmp_path / "out.xlsx"
    class FullDisk(io.FileIO):
        """A file on a disk with 2 KiB free: later writes fail, closing too (the flush)."""

        room = 2048

        def write(self, data) -> int:  # noqa: ANN001
            if len(data) > FullDisk.room:
                raise OSError(errno.ENOSPC, "No space left on device")
            FullDisk.room -= len(data)
            return super().write(data)

    real_open = io.open

    def open_on_full_disk(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if str(file).endswith(".tmp") and "w" in mode:  # the export's temporary file
            return io.BufferedRandom(FullDisk(file, "w+"))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.io, "open", open_on_full_disk)
    argv = ["export", str(study), str(target)] if kind == "workbook" else [
        "codebook", "export", str(study), str(target)]
    assert run(argv) == 1
    import gc

    gc.collect()  # finalisers of what the failed write left open run now, not at exit
    err = capsys.readouterr().err
    assert "no space left on the device" in err and str(target) in err
    assert "Errno 28" not in err and "Exception ignored" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.annot"]


def test_blind_copy_checks_the_target_disk_first(tmp_path: Path, monkeypatch, capsys) -> None:
    import shutil

    import annotator.db.faults as faults

    study = make_study(tmp_path / "study.annot")
    before = digest(study)
    real = shutil.disk_usage
    monkeypatch.setattr(faults.shutil, "disk_usage",
                        lambda p: real(p)._replace(free=4096))
    target = tmp_path / "乙.annot"
    assert run(["copy-for-coder", str(study), str(target), "--coder", "乙"]) == 1
    err = capsys.readouterr().err
    assert str(target) in err and "disk is full" in err and "needs about" in err
    assert "not an annotator project" not in err
    assert digest(study) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.annot"]


def test_a_failing_copy_names_the_target_not_the_source(tmp_path: Path, monkeypatch) -> None:
    """The copy's disk fills during SQLite's backup: the healthy source is not called "not an
    annotator project"."""
    import annotator.db.project_files as project_files
    import annotator.merge.copy as copy_module

    study = make_study(tmp_path / "study.annot")
    monkeypatch.setattr(copy_module, "check_free_space", lambda *_a, **_k: None)
    real_connect = sqlite3.connect

    def connect(target, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(".tmp"):  # the copy: one page, then "full"
            conn.execute("PRAGMA max_page_count = 1")
        return conn

    monkeypatch.setattr(project_files.sqlite3, "connect", connect)
    target = tmp_path / "乙.annot"
    with Project.open(study) as project, pytest.raises(ProjectStorageError) as caught:
        copy_module.copy_for_coder(project, target, "乙")
    assert caught.value.path == target and caught.value.cause == "disk-full"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.annot"]


def test_a_locked_project_says_so(tmp_path: Path) -> None:
    study = make_study(tmp_path / "study.annot")
    holder = sqlite3.connect(study, isolation_level=None)
    with Project.open(study) as project:
        @event.listens_for(project._engine, "connect")
        def _short_wait(dbapi_connection, _record) -> None:  # noqa: ANN001
            dbapi_connection.execute("PRAGMA busy_timeout = 50")

        project._engine.dispose()
        holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(ProjectStorageError) as caught:
                project.add_code("资源协同")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert caught.value.cause == "locked" and str(study) in str(caught.value)
        assert project.add_code("资源协同").name == "资源协同"  # and works once it is free


# -- read-only projects --------------------------------------------------------------------------
def test_a_project_that_cannot_be_written_opens_read_only(tmp_path: Path, monkeypatch,
                                                         capsys) -> None:
    """What a read-only file, folder or mount gets: info, listing and export work; a change is
    refused in one line; the file is not touched."""
    study = make_study(tmp_path / "study.annot")
    before = digest(study)
    monkeypatch.setattr(project_module, "read_only_reason", lambda _p: "the disk is read-only")
    assert run(["info", str(study)]) == 0
    assert "passages:  1" in capsys.readouterr().out
    assert run(["export", str(study), str(tmp_path / "out.xlsx")]) == 0
    assert run(["export", str(study), str(tmp_path / "out.qdpx")]) == 0
    capsys.readouterr()
    assert run(["apply", str(study), "1", "机制协同", "20", "40"]) == 1
    err = capsys.readouterr().err
    assert err == (f"annotator: error: {study}: the project is open read-only (the disk is "
                   "read-only); this change was not saved\n")
    assert run(["import", str(study), str(TEXTS[1])]) == 1
    assert "open read-only" in capsys.readouterr().err
    with Project.open(study) as project:
        assert project.read_only == "the disk is read-only"
        assert project.coder.name  # reading the coder writes nothing
        with pytest.raises(ReadOnlyProjectError):
            project.add_code("资源协同")
    assert digest(study) == before


def test_a_read_only_folder_without_side_files_is_read_immutable(tmp_path: Path,
                                                                 monkeypatch) -> None:
    """No -wal or -shm beside the file and none can be made: SQLite reads it as immutable,
    and nothing is created beside it."""
    study = make_study(tmp_path / "study.annot")
    assert not Path(f"{study}-wal").exists() and not Path(f"{study}-shm").exists()
    monkeypatch.setattr(project_module, "read_only_reason", lambda _p: "its folder is read-only")
    monkeypatch.setattr(read_only_db, "folder_writable", lambda _f: False)
    with Project.open(study) as project:
        assert [d.title for d in project.documents()] == ["区域合作意见"]
        assert len(project.passages()) == 1
        with pytest.raises(ReadOnlyProjectError, match="its folder is read-only"):
            project.set_memo(project.passages()[0].id, "备注")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["study.annot"]


def test_a_journal_that_cannot_be_read_is_refused_not_ignored(tmp_path: Path,
                                                              monkeypatch) -> None:
    study = make_study(tmp_path / "study.annot")
    Path(f"{study}-wal").write_bytes(b"\0" * 64)  # changes not yet folded into the file
    monkeypatch.setattr(project_module, "read_only_reason", lambda _p: "its folder is read-only")
    monkeypatch.setattr(read_only_db, "folder_writable", lambda _f: False)
    with pytest.raises(ProjectStorageError, match="study.annot-wal holds changes"):
        Project.open(study)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="permissions restrict nothing for root")
def test_chmod_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    study = make_study(folder / "study.annot")
    folder.chmod(0o555)
    try:
        with Project.open(study) as project:
            assert project.read_only == "its folder is read-only"
            assert project.stats().passages == 1
    finally:
        folder.chmod(0o755)


def test_an_older_read_only_project_is_read_from_an_upgraded_copy(tmp_path: Path,
                                                                  monkeypatch) -> None:
    """A project from annotator 0.1 on a read-only disk cannot be upgraded in place: it is
    read from an upgraded copy in the temporary folder, removed on close."""
    from test_migrations import make_v1_project

    from annotator.db.schema import SCHEMA_VERSION

    study = tmp_path / "old.annot"
    make_v1_project(study)
    before = digest(study)
    monkeypatch.setattr(project_module, "read_only_reason", lambda _p: "the disk is read-only")
    with Project.open(study) as project:
        assert project.read_only == "the disk is read-only"
        assert project.stats().schema_version == SCHEMA_VERSION
        assert [d.length for d in project.documents()] == [len("一、建立𠮷联席会议制度。")]
        assert [p.text for p in project.passages()] == ["𠮷联席会议制"]
        copy = project._copy_folder
        assert copy is not None and copy.is_dir()
        with pytest.raises(ReadOnlyProjectError, match=str(study)):
            project.add_code("资源协同")
    assert not copy.exists()
    assert digest(study) == before  # the original is never upgraded in place


def test_a_coders_copy_in_a_read_only_folder_merges(tmp_path: Path, monkeypatch,
                                                    capsys) -> None:
    """The second coder's file on a read-only stick: read as immutable, merged, untouched."""
    study = make_study(tmp_path / "study.annot")
    other = tmp_path / "乙.annot"
    assert run(["copy-for-coder", str(study), str(other), "--coder", "乙"]) == 0
    assert run(["apply", str(other), "1", "机制协同", "30", "50", "--coder", "乙"]) == 0
    before = digest(other)
    monkeypatch.setattr(read_only_db, "folder_writable", lambda _f: False)
    capsys.readouterr()
    assert run(["merge", str(study), str(other)]) == 0
    assert "1 passage," in capsys.readouterr().out
    assert digest(other) == before
    assert not Path(f"{other}-shm").exists()


def test_merge_checks_the_temporary_disk_first(tmp_path: Path, monkeypatch, capsys) -> None:
    import shutil

    import annotator.db.faults as faults

    study = make_study(tmp_path / "study.annot")
    other = tmp_path / "乙.annot"
    assert run(["copy-for-coder", str(study), str(other), "--coder", "乙"]) == 0
    real = shutil.disk_usage
    monkeypatch.setattr(faults.shutil, "disk_usage", lambda p: real(p)._replace(free=4096))
    capsys.readouterr()
    assert run(["merge", str(study), str(other)]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "needs about" in err and err.count("\n") == 1
