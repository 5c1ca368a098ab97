"""The command line's counted words and the core's errors in the user's language; progress
bars for merge and autocode on a terminal (suggest's: test_suggest)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import cli_support
import pytest
from cli_support import Terminal

from annotator.cli import run
from annotator.cli_i18n import CATALOGUE, _catalogue, counted, error_text, plural
from annotator.errors import STORAGE_CAUSES, ProjectError, ProjectStorageError, SchemaTooNewError
from annotator.project import Project

# The shared locale fixtures, found by pytest under these names.
english = cli_support.english
chinese = cli_support.chinese

DOC = "发放创新券支持企业创新。科技创新券可以通用通兑，推动区域创新合作。"


def test_counted_words_are_singular_for_one() -> None:
    template = "{total} match(es) in {documents} document(s){shown}"
    assert counted(template, total=1, documents=1, shown="") == "1 match in 1 document"
    assert counted(template, total=0, documents=2, shown="!") == "0 matches in 2 documents!"
    assert counted("{n:,} proposal(s)", n=1200) == "1,200 proposals"
    assert plural("sentence(s)", 1) == "sentence" and plural("match(es)", 3) == "matches"
    # The Chinese form has no markers and is only formatted.
    assert counted("在 {documents} 篇文档中命中 {total} 处", total=1, documents=1) == \
        "在 1 篇文档中命中 1 处"


def test_english_messages_say_one_passage(english, tmp_path: Path) -> None:
    study = tmp_path / "s.annot"
    with Project.create(study, coder="甲") as p:
        doc = p.add_document("第一篇", DOC)
        code = p.add_code("资源协同", keywords=["通用通兑"])
        p.apply_code(doc.id, code.id, 0, 5)
    out = io.StringIO()
    assert run(["export", str(study), str(tmp_path / "out.csv")], out) == 0
    assert out.getvalue().endswith(": 1 passage\n")
    out = io.StringIO()
    assert run(["search", str(study), "通用通兑"], out) == 0
    assert out.getvalue().splitlines()[-1] == "1 match in 1 document"
    out = io.StringIO()
    assert run(["autocode", str(study), "--anywhere"], out) == 0
    assert "1 new proposal (sentences) for 1 code" in out.getvalue()


def test_chinese_counts_keep_their_one_form(chinese, tmp_path: Path) -> None:
    study = tmp_path / "s.annot"
    with Project.create(study, coder="甲") as p:
        p.add_document("第一篇", DOC)
    out = io.StringIO()
    assert run(["search", str(study), "通用通兑"], out) == 0
    assert out.getvalue().splitlines()[-1] == "在 1 篇文档中命中 1 处"


def test_chinese_errors_for_a_missing_and_a_newer_project(chinese, tmp_path: Path,
                                                          capsys) -> None:
    study = tmp_path / "s.annot"
    assert run(["init", str(study)]) == 0
    missing = tmp_path / "乙.annot"
    capsys.readouterr()
    assert run(["merge", str(study), str(missing)]) == 1
    err = capsys.readouterr().err
    assert err == f"annotator：错误：{missing}：没有这个项目文件\n"
    newer = tmp_path / "新版.annot"
    newer.write_bytes(study.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    assert run(["info", str(newer)]) == 1
    err = capsys.readouterr().err
    assert str(newer) in err and "架构版本 99" in err and "请升级 annotator" in err
    assert "is newer" not in err and "update" not in err  # no English left in the line


def test_init_over_an_existing_file_says_so_in_chinese(chinese, tmp_path: Path,
                                                       capsys) -> None:
    study = tmp_path / "s.annot"
    assert run(["init", str(study)]) == 0
    before = study.read_bytes()
    assert run(["init", str(study)]) == 1
    assert capsys.readouterr().err.endswith(f"{study}：文件已存在\n")
    assert study.read_bytes() == before
    nowhere = tmp_path / "没有" / "s.annot"
    assert run(["init", str(nowhere)]) == 1
    assert f"文件夹 {nowhere.parent} 不存在" in capsys.readouterr().err


def test_errors_stay_english_outside_a_chinese_locale(english, tmp_path: Path) -> None:
    exc = SchemaTooNewError(tmp_path / "x.annot", 99, 5)
    assert error_text(exc) == str(exc) and "is newer than this annotator" in str(exc)
    plain = ProjectError.of("{path}: no such project file", path=tmp_path)
    assert str(plain) == f"{tmp_path}: no such project file"


def test_storage_causes_and_core_templates_are_translated(chinese, tmp_path: Path) -> None:
    catalogue = _catalogue(CATALOGUE)
    for text in STORAGE_CAUSES.values():
        assert catalogue.get(text), text
    full = error_text(ProjectStorageError(tmp_path / "x.annot", "disk-full"))
    assert full == f"{tmp_path / 'x.annot'}：磁盘已满；这一步的内容都没有保存（请腾出空间后重试）"
    ro = error_text(ProjectStorageError(tmp_path / "x.annot", "read-only", "the disk is read-only"))
    assert "只读" in ro and "read-only" not in ro


def _merge_pair(tmp_path: Path) -> tuple[Path, Path]:
    study = tmp_path / "甲.annot"
    with Project.create(study, coder="甲") as p:
        p.add_document("第一篇", DOC)
        p.add_code("资源协同", keywords=["创新券"])
    assert run(["copy-for-coder", str(study), str(tmp_path / "乙.annot"), "--coder", "乙"],
               io.StringIO()) == 0
    other = tmp_path / "乙.annot"
    assert run(["apply", str(other), "1", "资源协同", "0", "5", "--coder", "乙"],
               io.StringIO()) == 0
    return study, other


def test_merge_autocode_and_suggest_draw_bars_on_a_terminal(
    english, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study, other = _merge_pair(tmp_path)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    out = io.StringIO()
    assert run(["merge", str(study), str(other), "--quiet"], out) == 0
    assert terminal.getvalue() == ""
    assert "added: 1 coder, 0 documents, 0 codes, 1 passage," in out.getvalue()
    assert run(["merge", str(study), str(other)], io.StringIO()) == 0
    assert terminal.getvalue().startswith("\rmerging:") and "/7 " in terminal.getvalue()
    terminal.seek(0)
    terminal.truncate()
    assert run(["autocode", str(study), "--anywhere"], io.StringIO()) == 0
    assert "\rauto-coding:" in terminal.getvalue() and "1/1 " in terminal.getvalue()
