"""`annotator backups`: list, take and restore a project's backups from the command line."""

from __future__ import annotations

import io
from pathlib import Path

from annotator import Project
from annotator.cli import run
from annotator.db.backups import backup_folder

TEXT = (
    "第二十条 研究开发机构、高等院校的主管部门应当建立有利于促进科技成果转化的"
    "绩效考核评价体系。\n"
)


def _run(*args: object) -> tuple[int, str]:
    out = io.StringIO()
    return run([str(a) for a in args], out), out.getvalue()


def test_take_list_and_restore(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "课题.annot"
    with Project.create(path) as p:
        doc = p.add_document("促进科技成果转化法", TEXT)
        p.apply_code(doc.id, p.add_code("绩效考核").id, 36, 40)

    assert _run("backups", path) == (0, f"no backups yet in {backup_folder(path)}\n")
    code, out = _run("backups", path, "--take")
    assert code == 0
    [backup] = list(backup_folder(path).iterdir())  # one file: no -wal/-shm beside it
    assert backup.name in out

    with Project.open(path) as p:
        p.apply_code(p.documents()[0].id, p.codes()[0].id, 0, 4)
    code, out = _run("backups", path)
    assert code == 0 and "documents: 1, passages: 1 " in out

    code, out = _run("backups", path, "--restore", backup.name)
    assert code == 0 and "before-restore" in out
    with Project.open(path) as p:
        assert len(p.passages()) == 1
    code, out = _run("backups", path)
    assert "documents: 1, passages: 2 " in out  # the state before the restore is kept

    assert _run("backups", path, "--restore", "no-such.annot")[0] != 0
    assert "no-such.annot" in capsys.readouterr().err
