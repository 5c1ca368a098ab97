"""Render the agreement dialog and the X×Y table on a two-coder sample project to
docs/screenshots/ (offscreen):

    .venv/bin/python -m annotator.ui.analysis.screenshots [--language zh_CN|en]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from annotator.chinese.units import document_units  # noqa: E402
from annotator.project import Project  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
CODERS = ("研究员甲", "研究员乙")


def build_two_coder_project(path: Path, samples: Path = ROOT / "samples", *,
                            seed: int = 7) -> Path:
    """The sample articles with the policy-instrument (X) and reform-area (Y) codebooks,
    coded by two coders the way a keyword-minded researcher would: each sub-code where one
    of its keywords occurs, the second coder missing or adding some."""
    rng = random.Random(seed)
    with Project.create(path, codebook="policy-instruments", coder=CODERS[0]) as project:
        project.import_codebook("regional-innovation")
        project.import_files([samples])
        leaves = [c for c in project.codes() if c.parent_id is not None and c.keywords]
        for doc in project.documents():
            text = project.document_text(doc.id)
            found: list[tuple[int, int, int]] = []
            for unit in document_units(doc.number, text, "paragraph"):
                body = text[unit.start:unit.end]
                for code in leaves:
                    for word in code.keywords:
                        at = body.find(word)
                        if at >= 0:
                            found.append((code.id, unit.start + at, unit.start + at + len(word)))
                            break
            for n, coder in enumerate(CODERS):
                project.set_coder(coder)
                for code_id, start, end in found:
                    if n and rng.random() < 0.18:
                        continue  # the second coder missed it
                    project.apply_code(doc.id, code_id, start, end)
                if n:
                    for _ in range(max(1, len(found) // 8)):
                        code_id = rng.choice(leaves).id  # and saw something else
                        start = rng.randrange(0, max(1, len(text) - 8))
                        project.apply_code(doc.id, code_id, start, start + 6)
    return path


def _grab(widget: QWidget, target: Path) -> None:
    widget.grab().save(str(target))
    print(target)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    # Opening a project in the window records the login name as a coder before the
    # remembered coder is set; name the login after the first coder so that the pictures
    # show only the two.
    os.environ["LOGNAME"] = CODERS[0]
    from annotator.ui.i18n import install_translators
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings
    from annotator.ui.team import install

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, args.language)
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        settings.coder = CODERS[0]
        window = MainWindow(settings)
        tools = getattr(window, "team_tools", None) or install(window)
        window.resize(1500, 950)
        window.show()
        window.open_project(build_two_coder_project(Path(tmp) / "team.annot"))
        project = window.hub.require()

        dialog = tools.show_agreement()
        dialog.resize(1280, 780)
        dialog.set_branch(None)
        dialog.compute()
        app.processEvents()
        _grab(dialog, out / f"agreement-{args.language}.png")
        dialog.close()

        tables = tools.show_tables()
        tables.resize(1400, 900)
        x = [c.id for c in project.codes() if c.name in ("供给型", "环境型", "需求型")]
        y = [c.id for c in project.codes() if c.parent_id is None and c.id not in x]
        tables.xy.set_branches(x, y)
        tables.show_page(tables.xy)
        if tables.xy.chart.drawing:  # the heat map is drawn off the GUI thread
            loop = QEventLoop()
            tables.xy.chart.drawn.connect(loop.quit)
            loop.exec()
        app.processEvents()
        _grab(tables, out / f"xy-table-{args.language}.png")
        tables.close()
        window.close()


if __name__ == "__main__":
    main()
