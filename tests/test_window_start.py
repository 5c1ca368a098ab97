"""The window starts without loading what only its dialogs need (a fresh process, so that
other tests' imports do not hide an eager import)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each of these costs the window's start tenths of a second and is needed only once the user
# opens an analysis, word-list, auto-coding or exchange dialog.
ON_FIRST_USE = (
    "openpyxl",
    "annotator.exchange",
    "annotator.ui.analysis.tables_dialog",
    "annotator.ui.analysis.agreement_dialog",
    "annotator.ui.words.wordfreq_dialog",
    "annotator.ui.words.wordlists_dialog",
    "annotator.ui.autocoding.proposals_dialog",
    "annotator.ui.exchange.report_dialog",
    "annotator.ui.team.merge_flow",
)

CHILD = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
window = MainWindow(Settings())
window.show()
app.processEvents()
print(json.dumps(sorted(m for m in json.loads(sys.argv[1]) if m in sys.modules)))
"""


def test_window_start_leaves_dialog_modules_unloaded(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH"))
                                         if p)}
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(ON_FIRST_USE)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
