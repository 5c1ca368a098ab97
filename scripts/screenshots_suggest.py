"""Screenshots of Code → Suggest from my coding and of the review it feeds (offscreen).

    .venv/bin/python scripts/screenshots_suggest.py [zh_CN|en]

The project is the one of tests/test_suggest.py: four statutes coded by chapter theme, two
not coded; the dialog learns from it as a user's click would (in its worker thread).
"""
# ruff: noqa: E402 - Qt must see QT_QPA_PLATFORM before it loads
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]
from PySide6.QtCore import QEventLoop, QTimer
from screenshot_support import main_window
from test_suggest import DATA, HELD_OUT, THEMES, TRAIN, articles

from annotator.project import Project


def build(folder: Path) -> Path:
    path = folder / "statutes.annot"
    with Project.create(path, coder="甲") as p:
        codes = {name: p.add_code(name).id for name in THEMES.values()}
        p.add_code("附则条款", keywords=["施行", "解释"])
        for name in TRAIN + HELD_OUT:
            title, body = (DATA / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)
            doc = p.add_document(title, body)
            if name in TRAIN:
                for theme, a, b in articles(p.document_text(doc.id)):
                    p.apply_code(doc.id, codes[theme], a, b)
    return path


with main_window(1400, 900) as shots:
    window = shots.window
    window.open_project(build(shots.folder))
    dialog = window.chinese_tools.suggest_from_coding()
    loop = QEventLoop()
    dialog.runFinished.connect(lambda _r: loop.quit())
    QTimer.singleShot(600_000, loop.quit)  # never hang a script
    dialog.run()
    loop.exec()
    dialog.next_view.selectRow(0)
    shots.save(dialog, "suggest")
    dialog.review_button.click()
    review = window.chinese_tools.proposals_dialog
    shots.save(review, "suggest-review")
    dialog.close()
    review.close()
