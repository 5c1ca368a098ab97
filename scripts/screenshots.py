"""Render the coding desk on a coded sample project to docs/screenshots/ (offscreen).

    .venv/bin/python scripts/screenshots.py [--language zh_CN|en]
    .venv/bin/python scripts/screenshots.py --screens   # every screen size and language

``--screens`` renders, for 1280×720, 1600×1000 and 1920×1080 at 150 % (1280×720 device-
independent pixels) in Chinese and English, the window filling the screen (the desk, the
search tab open) and the tables dialog (X×Y heat map, code × document chart, co-occurrence),
each in a child process whose offscreen screen has that size and scale:
``docs/screenshots/screens/<page>-<screen>-<language>.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from annotator.project import Project  # noqa: E402
from annotator.ui.i18n import install_translators  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# (code path, phrase to code) in the first sample article; overlaps are intended.
CODINGS = [
    ("创新要素配置/职务成果权属改革", "职务科技成果"),
    ("创新要素配置/技术转移与经纪", "技术经纪人"),
    ("创新链产业链融合/成果转化与产业化", "科技成果转化"),
    ("法治保障/规划与改革方案", "实施方案"),
    ("试点推广/改革试验试点", "试点"),
]


def build_project(folder: Path) -> Path:
    path = folder / "samples.annot"
    with Project.create(path, codebook="regional-innovation", coder="研究员甲") as project:
        project.import_files([ROOT / "samples"])
        doc = project.documents()[0]
        text = project.document_text(doc.id)
        for code_path, phrase in CODINGS:
            code = project.find_code(code_path)
            assert code is not None, code_path
            start = -1
            for _ in range(3):  # the first few occurrences
                start = text.find(phrase, start + 1)
                if start < 0:
                    break
                project.apply_code(doc.id, code.id, start, start + len(phrase))
        # a longer passage enclosing some of the above, to show nesting
        para = text.index("职务科技成果")
        line_start = text.rfind("\n", 0, para) + 1
        line_end = text.find("\n", para)
        project.apply_code(doc.id, project.find_code("创新要素配置").id, line_start, line_end)
    return path


# (name, screen width, height, scale): what each set of screenshots is taken on.
SCREENS = (("1280x720", 1280, 720, 1.0), ("1600x1000", 1600, 1000, 1.0),
           ("150pct", 1920, 1080, 1.5))
LANGUAGES = ("zh_CN", "en")


def all_screens() -> None:
    """One child process per screen and language (a process has one set of screens)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, width, height, scale in SCREENS:
            config = Path(tmp) / f"{name}.json"
            config.write_text(json.dumps({"screens": [
                {"name": name, "x": 0, "y": 0, "width": width, "height": height,
                 "logicalDpi": 96}]}), encoding="utf-8")
            env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
                   "QT_SCALE_FACTOR": str(scale)}
            for language in LANGUAGES:
                subprocess.run([sys.executable, __file__, "--screen", name,
                                "--language", language], check=True, env=env)


def _wait_for_chart(app: QApplication, panel) -> None:  # noqa: ANN001 - a ChartPanel
    if panel.drawing:  # drawn off the GUI thread
        loop = QEventLoop()
        panel.drawn.connect(loop.quit)
        loop.exec()
    app.processEvents()


def _save(widget: QWidget, target: Path) -> None:
    widget.grab().save(str(target))
    print(target)


def one_screen(name: str, language: str) -> None:
    """The window filling this process's screen, then the tables dialog as it opens."""
    from annotator.ui.analysis.screenshots import CODERS, build_two_coder_project

    os.environ["LOGNAME"] = CODERS[0]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, language)
    out = ROOT / "docs" / "screenshots" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        settings.coder = CODERS[0]
        window = MainWindow(settings)
        window.setGeometry(window.screen().availableGeometry())
        window.show()
        window.open_project(build_two_coder_project(Path(tmp) / "team.annot"))
        project = window.hub.require()
        code = project.find_code("创新要素配置/职务成果权属改革")
        window.codebook.select_code(code.id)
        for _ in range(3):
            app.processEvents()
        _save(window, out / f"desk-{name}-{language}.png")
        tools = window.chinese_tools
        tools.show_search()
        tools.search_panel.query.setText("创新")
        tools.search_panel.run_search()
        for _ in range(3):
            app.processEvents()
        _save(window, out / f"search-{name}-{language}.png")

        tables = window.team_tools.show_tables()
        x = [c.id for c in project.codes() if c.name in ("供给型", "环境型", "需求型")]
        y = [c.id for c in project.codes() if c.parent_id is None and c.id not in x]
        tables.xy.set_branches(x, y)
        for page, stem in ((tables.xy, "xy"), (tables.by_document, "code-document"),
                           (tables.cooccurrence, "cooccurrence")):
            tables.show_page(page)
            app.processEvents()
            chart = getattr(page, "chart", None)
            if chart is not None:
                _wait_for_chart(app, chart)
            _save(tables, out / f"{stem}-{name}-{language}.png")
        tables.close()
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--screens", action="store_true",
                        help="every screen size and language, in docs/screenshots/screens/")
    parser.add_argument("--screen", help=argparse.SUPPRESS)  # a child of --screens
    args = parser.parse_args()
    if args.screens:
        all_screens()
        return
    if args.screen:
        one_screen(args.screen, args.language)
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, args.language)
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        settings.coder = "研究员甲"  # the project's coder, not the login name
        window = MainWindow(settings)
        window.resize(1500, 950)
        window.show()
        window.open_project(build_project(Path(tmp)))
        code = window.hub.require().find_code("创新要素配置/职务成果权属改革")
        window.codebook.select_code(code.id)
        app.processEvents()
        name = f"main-window-{args.language}.png"
        window.grab().save(str(out / name))
        print(out / name)
        window.close()


if __name__ == "__main__":
    main()
