"""The same faults on real file systems: a small tmpfs that fills up, and a read-only bind
mount. Mounting needs root with CAP_SYS_ADMIN (CI runs as root; a container may still refuse),
so these skip where ``mount`` fails; test_faults_storage.py covers the same paths portably."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import run
from annotator.project import Project

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _utf8(path: Path) -> bool:
    try:
        path.read_text("utf-8")
    except UnicodeDecodeError:  # the GBK and GB18030 samples
        return False
    return True


TEXTS = [p for p in sorted(SAMPLES.glob("0*.txt")) if _utf8(p)]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0, reason="mounting needs root")


def mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")


@contextlib.contextmanager
def mounted(point: Path, *args: str) -> Iterator[Path]:
    point.mkdir(exist_ok=True)
    mount(*args, str(point))
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def make_study(path: Path, documents: int = 2) -> Path:
    with Project.create(path, coder="甲") as project:
        code = project.add_code("机制协同")
        for source in TEXTS[:documents]:
            doc = project.add_document(source.stem, source.read_text("utf-8"))
            project.apply_code(doc.id, code.id, 0, 10)
    return path


def fill(folder: Path, leave: int) -> None:
    """Fill the disk of ``folder`` so that about ``leave`` bytes stay free."""
    free = shutil.disk_usage(folder).free
    with (folder / "filler").open("wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def variants(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles made from the samples (numbered copies)."""
    folder.mkdir()
    texts = TEXTS
    out = []
    for i in range(count):
        source = texts[i % len(texts)]
        target = folder / f"{source.stem}-{i:03}.txt"
        target.write_text(source.read_text("utf-8") + f"\n（第{i}份）\n", "utf-8")
        out.append(target)
    return out


def test_import_onto_a_disk_that_fills_up(tmp_path: Path, capsys) -> None:
    files = variants(tmp_path / "articles", 60)
    with mounted(tmp_path / "small", "-t", "tmpfs", "-o", "size=1m", "tmpfs") as disk:
        study = make_study(disk / "study.annot", documents=1)
        code = run(["import", str(study), str(tmp_path / "articles")])
        out, err = capsys.readouterr()
        assert code == 1
        imported = [line for line in out.splitlines() if line.startswith("imported")]
        failed = [line for line in out.splitlines() if line.startswith("failed")]
        assert imported and failed and len(imported) + len(failed) == len(files)
        assert "disk is full" in failed[0]
        assert "Traceback" not in err and "OperationalError" not in out + err
        # the full disk still reads: info and an export to another disk work
        assert run(["info", str(study)]) == 0
        assert f"documents: {1 + len(imported)}" in capsys.readouterr().out
        assert run(["export", str(study), str(tmp_path / "out.xlsx")]) == 0


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_exports_and_copies_onto_a_full_disk(tmp_path: Path, capsys) -> None:
    study = make_study(tmp_path / "study.annot")
    with mounted(tmp_path / "small", "-t", "tmpfs", "-o", "size=512k", "tmpfs") as disk:
        fill(disk, 0)
        for argv in (["export", str(study), str(disk / "out.xlsx")],
                     ["export", str(study), str(disk / "out.qdpx")],
                     ["export", str(study), str(disk / "out.csv")],
                     ["codebook", "export", str(study), str(disk / "book.yaml")],
                     ["codebook", "export", str(study), str(disk / "book.xlsx")],
                     ["copy-for-coder", str(study), str(disk / "乙.annot"), "--coder", "乙"],
                     ["import-project", str(tmp_path / "missing.qdpx"), str(disk / "new.annot")]):
            if argv[0] == "import-project":
                assert run(["export", str(study), str(tmp_path / "p.qdpx")]) == 0
                argv[1] = str(tmp_path / "p.qdpx")
            capsys.readouterr()
            assert run(argv) == 1, argv
            gc.collect()  # what a failed write left open is finalised now, not at exit
            err = capsys.readouterr().err
            assert err.count("\n") == 1, err  # one line …
            assert argv[-1 if argv[0] != "copy-for-coder" else 2] in err  # … naming the target
            assert "not an annotator project" not in err and "Errno" not in err, err
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_a_project_on_a_read_only_mount(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    make_study(folder / "study.annot")
    with mounted(tmp_path / "ro", "--bind", "-o", "ro", str(folder)) as ro:
        on_ro = ro / "study.annot"
        assert run(["info", str(on_ro)]) == 0
        assert "passages:  2" in capsys.readouterr().out
        assert run(["export", str(on_ro), str(tmp_path / "out.xlsx")]) == 0
        assert run(["apply", str(on_ro), "1", "机制协同", "20", "30"]) == 1
        err = capsys.readouterr().err
        assert "open read-only (the disk is read-only)" in err and str(on_ro) in err
        with Project.open(on_ro) as project:
            assert project.read_only == "the disk is read-only"
            assert len(project.passages()) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["study.annot"]


def test_merge_and_copy_from_a_read_only_mount(tmp_path: Path, capsys) -> None:
    study = make_study(tmp_path / "study.annot")
    folder = tmp_path / "stick"
    folder.mkdir()
    other = folder / "乙.annot"
    assert run(["copy-for-coder", str(study), str(other), "--coder", "乙"]) == 0
    assert run(["apply", str(other), "1", "机制协同", "30", "50", "--coder", "乙"]) == 0
    with mounted(tmp_path / "ro", "--bind", "-o", "ro", str(folder)) as ro:
        capsys.readouterr()
        assert run(["merge", str(study), str(ro / "乙.annot")]) == 0
        assert "1 passage," in capsys.readouterr().out
        assert run(["copy-for-coder", str(ro / "乙.annot"), str(tmp_path / "丙.annot"),
                    "--coder", "丙"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["乙.annot"]


def test_a_new_project_on_a_read_only_mount_says_read_only(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with mounted(tmp_path / "ro", "--bind", "-o", "ro", str(folder)) as ro:
        assert run(["init", str(ro / "new.annot")]) == 1
        err = capsys.readouterr().err
        assert "read-only" in err and str(ro / "new.annot") in err
    assert list(folder.iterdir()) == []
