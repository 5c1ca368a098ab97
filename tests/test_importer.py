"""Importing folders into a project: per-file outcomes, duplicates, and no half-imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.db import documents as doc_repo
from annotator.project import Project

TEXTS = {
    "a.txt": "关于科技成果转化的意见\n一、赋予科研人员职务科技成果所有权。\n",
    "b.txt": "区域创新共同体建设\n（一）推广创新券通用通兑。\n",
    "c.txt": "新型研发机构发展报告\n第一条 支持共建研究院。\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "deep" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    (root / "deep" / "b.txt").write_bytes(TEXTS["b.txt"].encode("gbk"))
    (root / "deep" / "deeper" / "c.txt").write_text(TEXTS["c.txt"], encoding="utf-16")
    (root / ".hidden.txt").write_text("隐藏文件不导入", encoding="utf-8")
    (root / "~$lock.docx").write_bytes(b"lock")
    (root / "image.png").write_bytes(b"\x89PNG")
    return root


def test_folder_is_walked_recursively(project: Project, folder: Path) -> None:
    report = project.import_files([folder])
    assert [Path(o.path).name for o in report.outcomes] == ["a.txt", "b.txt", "c.txt"]
    assert report.ok and report.count("imported") == 3
    titles = {d.title for d in project.documents()}
    assert titles == {"关于科技成果转化的意见", "区域创新共同体建设", "新型研发机构发展报告"}
    numbers = [d.number for d in project.documents()]
    assert numbers == [1, 2, 3]


def test_duplicates_are_skipped(project: Project, folder: Path, tmp_path: Path) -> None:
    project.import_files([folder])
    copy = tmp_path / "copy.txt"
    copy.write_text(TEXTS["a.txt"].replace("\n", "\r\n") + "\n\n", encoding="utf-8-sig")
    report = project.import_files([copy, folder / "a.txt"])
    assert [o.status for o in report.outcomes] == ["duplicate", "duplicate"]
    assert "关于科技成果转化的意见" in report.outcomes[0].reason
    assert project.stats().documents == 3


def test_unsupported_and_missing_files_fail_alone(project: Project, folder: Path) -> None:
    report = project.import_files([folder / "image.png", folder / "nope.txt", folder / "a.txt"])
    assert [o.status for o in report.outcomes] == ["failed", "failed", "imported"]
    assert "unsupported file type" in report.outcomes[0].reason
    assert report.outcomes[1].reason == "no such file or folder"
    assert not report.ok


def test_cancel_stops_between_files(project: Project, folder: Path) -> None:
    seen: list[int] = []
    report = project.import_files(
        [folder], progress=lambda i, n, p: seen.append(i), should_cancel=lambda: len(seen) >= 2
    )
    assert report.cancelled and project.stats().documents == 2


def test_interrupt_inside_a_file_leaves_nothing_half_imported(
    project: Project, folder: Path, monkeypatch
) -> None:
    real_add = doc_repo.add_document
    calls = []

    def add_then_die(session, **kwargs):
        doc = real_add(session, **kwargs)  # the row and its attributes are flushed …
        calls.append(doc.id)
        if len(calls) == 2:
            raise KeyboardInterrupt  # … and then the user presses Ctrl-C
        return doc

    monkeypatch.setattr(doc_repo, "add_document", add_then_die)
    with pytest.raises(KeyboardInterrupt):
        project.import_files([folder])
    monkeypatch.undo()
    docs = project.documents()
    assert [d.title for d in docs] == ["关于科技成果转化的意见"]
    with project.session_scope() as s:
        orphan = s.connection().exec_driver_sql(
            "SELECT count(*) FROM document_attributes WHERE document_id NOT IN "
            "(SELECT id FROM documents)"
        ).scalar()
    assert orphan == 0
    # and the next import picks up where it stopped
    report = project.import_files([folder])
    assert [o.status for o in report.outcomes] == ["duplicate", "imported", "imported"]


def test_short_gbk_file_is_imported_with_a_warning_the_cli_prints(tmp_path: Path, capsys) -> None:
    from annotator.cli import run

    study = tmp_path / "study.annot"
    assert run(["init", str(study)]) == 0
    short = tmp_path / "通知.txt"
    short.write_bytes("关于印发通知".encode("gbk"))
    long = tmp_path / "意见.txt"
    long.write_bytes((TEXTS["a.txt"] * 4).encode("gbk"))
    capsys.readouterr()
    assert run(["import", str(study), str(short), str(long)]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(f"imported   {short}"))
    assert lines[first] == f"imported   {short}  «关于印发通知»"  # the line scripts parse
    assert lines[first + 1].startswith("  warning: encoding guessed as GBK")
    assert sum("warning" in line for line in lines) == 1  # the long file decided clearly
    with Project.open(study) as project:
        assert [d.title for d in project.documents()] == ["关于印发通知", "关于科技成果转化的意见"]


def test_import_report_lists_warnings(project: Project, tmp_path: Path) -> None:
    short = tmp_path / "意見.txt"
    short.write_bytes("意見".encode("big5"))
    report = project.import_files([short])
    assert report.ok
    [outcome] = report.outcomes
    assert outcome.status == "imported" and "Big5" in outcome.warnings[0]


def test_window_import_report_shows_warnings(qtbot, project: Project, tmp_path: Path) -> None:
    from annotator.ui.transfer import ImportReportDialog

    short = tmp_path / "通知.txt"
    short.write_bytes("通知".encode("gbk"))
    dialog = ImportReportDialog(project.import_files([short]))
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert f"✓ {short}" in text
    assert f"! {short}: encoding guessed as GBK" in text
