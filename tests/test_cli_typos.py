"""A typo never makes a file: unknown commands get the list and the nearest one; every
command's --help has examples; messages in Chinese under a Chinese locale; progress bars
only on a terminal."""

from __future__ import annotations

from pathlib import Path

import cli_support
import pytest
from cli_support import LOCALE_VARS, Terminal

from annotator.__main__ import main
from annotator.cli import COMMANDS, build_parser, run
from annotator.logs import close_logging

# The shared locale fixtures, found by pytest under these names.
english = cli_support.english
chinese = cli_support.chinese


@pytest.fixture
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(folder))
    yield folder
    close_logging()


def test_a_mistyped_command_suggests_the_nearest_and_makes_no_file(
    english, in_empty_folder: Path, log_folder: Path, capsys
) -> None:
    assert main(["infoo"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'infoo'; did you mean 'info'?" in err
    assert "copy-for-coder" in err and "import-project" in err  # the commands are listed
    assert main(["exprot", "a.annot", "x.xlsx"]) == 2
    assert "did you mean 'export'?" in capsys.readouterr().err
    assert list(in_empty_folder.iterdir()) == []
    # The attempt is in the log file.
    assert "unknown command 'exprot'" in (log_folder / "annotator.log").read_text("utf-8")


def test_a_word_near_no_command_still_lists_them(english, in_empty_folder: Path, capsys) -> None:
    assert run(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'frobnicate'" in err and "did you mean" not in err
    assert "commands: init, import, export" in err
    assert list(in_empty_folder.iterdir()) == []


def test_a_missing_project_is_an_error_on_the_command_line(english, tmp_path: Path,
                                                            capsys) -> None:
    missing = tmp_path / "nosuch.annot"
    assert run(["info", str(missing)]) == 1
    assert "annotator: error:" in capsys.readouterr().err
    assert not missing.exists()


def test_every_command_has_examples_in_its_help(english, capsys) -> None:
    parser = build_parser()
    registered = set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001
    assert registered == set(COMMANDS)  # COMMANDS routes words to the CLI: keep it complete
    for command in COMMANDS:
        with pytest.raises(SystemExit) as done:
            run([command, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert "examples:" in out, command
        example = out.split("examples:", 1)[1]
        assert f"annotator {command} " in example, command


def test_the_launcher_usage_lists_the_commands(english, capsys) -> None:
    from annotator.ui.launch import launch

    with pytest.raises(SystemExit):
        launch(["--help"])
    out = capsys.readouterr().out
    assert "--create" in out
    for command in COMMANDS:
        assert command in out


def test_chinese_messages_under_a_chinese_locale(chinese, in_empty_folder: Path,
                                                 tmp_path: Path, capsys) -> None:
    assert main(["infoo"]) == 2
    err = capsys.readouterr().err
    assert "没有命令 'infoo'；您是不是要用 'info'？" in err
    assert run(["info", str(tmp_path / "nosuch.annot")]) == 1
    assert capsys.readouterr().err.startswith("annotator：错误：")
    with pytest.raises(SystemExit):
        run(["export", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：annotator export")
    assert "示例：" in out and "编码结果 Excel 工作簿" in out
    with pytest.raises(SystemExit):
        run(["info"])  # argparse's own words too
    assert "缺少以下参数：project" in capsys.readouterr().err
    study = tmp_path / "s.annot"
    assert run(["init", str(study)]) == 0
    assert capsys.readouterr().out == f"已新建 {study}，含 0 个编码\n"


def test_c_locale_wins_over_a_chinese_lang(monkeypatch: pytest.MonkeyPatch, chinese,
                                           capsys) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    assert run(["infoo"]) == 2
    assert "unknown command 'infoo'" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(
    english, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    study = tmp_path / "s.annot"
    assert run(["init", str(study)]) == 0
    folders = []
    shown = ("长三角科技创新共同体建设方案", "新型研发机构发展中的问题与对策")
    for name, titles in (("quiet", ("关于推进科技成果转化的实施意见",)), ("shown", shown)):
        folder = tmp_path / name
        folder.mkdir()
        for n, title in enumerate(titles):
            (folder / f"{n}.txt").write_text(f"{title}\n一、总体要求\n", encoding="utf-8")
        folders.append(folder)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert run(["import", str(study), str(folders[0]), "--quiet"]) == 0
    assert terminal.getvalue() == ""
    assert run(["import", str(study), str(folders[1])]) == 0
    drawn = terminal.getvalue()
    assert drawn.startswith("\rimporting:") and "/2 " in drawn  # a bar, files of two
    assert drawn.endswith("\r")  # and wiped when done, the report follows on a clean line
    assert "imported " in capsys.readouterr().out  # the report itself stays on stdout


def test_what_goes_to_the_window_and_what_to_the_command_line(tmp_path: Path) -> None:
    from annotator.__main__ import looks_like_command

    (tmp_path / "study").write_bytes(b"")
    assert looks_like_command(["infoo"]) and looks_like_command(["exprot", "a.annot", "x.xlsx"])
    assert not looks_like_command([])  # the window on the last project
    assert not looks_like_command(["new.annot"])  # a project path: the window asks
    assert not looks_like_command(["./typo"]) and not looks_like_command(["--create", "n.annot"])
    assert not looks_like_command([str(tmp_path / "study")])  # an existing file, any name


def test_a_mistyped_project_name_names_the_file_meant(english, tmp_path: Path, capsys) -> None:
    study = tmp_path / "study.annot"
    assert run(["init", str(study)]) == 0
    capsys.readouterr()
    typo = tmp_path / "stduy.annot"
    assert run(["export", str(typo), str(tmp_path / "out.xlsx")]) == 1
    err = capsys.readouterr().err
    assert f"{typo}: no such project file" in err and f"did you mean {study}?" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.annot"]


@pytest.mark.parametrize(("name", "language"), [
    ("Chinese (Simplified)_China", "zh_CN"),  # Windows, Python 3.11
    ("zh_CN", "zh_CN"),
    ("English_United States", "en"),
    (None, "en"),
])
def test_without_locale_variables_the_system_locale_decides(
    monkeypatch: pytest.MonkeyPatch, name: str | None, language: str
) -> None:
    from annotator import cli_i18n

    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(cli_i18n.locale, "getlocale", lambda: (name, "936"))
    assert cli_i18n.system_language() == language


def test_create_needs_a_project(english, capsys) -> None:
    from annotator.ui.launch import launch

    with pytest.raises(SystemExit) as done:
        launch(["--create"])
    assert done.value.code == 2
    assert "--create needs the PROJECT file to create" in capsys.readouterr().err
