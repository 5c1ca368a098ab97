"""The log file: where it goes, that it rotates, that a broken folder never stops the program,
and what the command line says when something unexpected happens."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest

from annotator import logs
from annotator.__main__ import _cli_error_shown


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(folder))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield folder
    logs.close_logging()


def test_the_command_lines_unexpected_error_names_the_log(log_dir: Path, capsys) -> None:
    path = logs.setup_logging()
    assert path == log_dir / "annotator.log"
    logs.install_excepthook(_cli_error_shown)
    try:
        raise RuntimeError("the unit store is inconsistent")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    err = capsys.readouterr().err
    assert err.startswith("annotator: unexpected error: RuntimeError: the unit store is")
    assert str(path) in err
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "inconsistent" in text


def test_the_log_rotates_and_keeps_a_few_files(log_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.setup_logging()
    for n in range(200):
        logs.log.info("import of 第%d号文件 finished in 0.1 s", n)
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == ["annotator.log", "annotator.log.1", "annotator.log.2", "annotator.log.3"]
    assert all(p.stat().st_size <= 2_200 for p in log_dir.iterdir())


def test_a_log_folder_that_cannot_be_made_leaves_logging_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(blocker / "logs"))
    assert logs.setup_logging() is None
    logs.log.warning("still fine")  # no handler error, no last-resort output
    assert logs.log_path() is None
    assert not any(isinstance(h, logging.FileHandler) for h in logs.log.handlers)
