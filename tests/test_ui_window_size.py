"""The window fits the screen it opens on (1280×720, 150 % and 200 % scaling) and keeps the
size the user gave it per screen.

Real windows run in a child process on Qt's offscreen platform with a screen of a chosen size
(its ``configfile`` option), since a process has one set of screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from annotator.ui.window_size import MAX_FIRST, centred, first_size

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings
    app = QApplication([])
    ini, project = sys.argv[1], sys.argv[3]
    resize, move = json.loads(sys.argv[2]), json.loads(sys.argv[4])
    window = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)))
    window.show()
    app.processEvents()
    if resize:
        window.resize(*resize)
        app.processEvents()
    if move:
        window.move(*move)
        app.processEvents()
    def rect(r):
        return [r.x(), r.y(), r.width(), r.height()]
    def lines():
        editor = window.article.editor()
        return editor.viewport().height() // editor.fontMetrics().lineSpacing()
    extra = {}
    if project:
        window.open_project(project)
        app.processEvents()
        extra["empty_pane"] = window.main_splitter.sizes()[1]
        extra["lines_empty_pane"] = lines()
        code = window.hub.require().codes()[0]
        window.codebook.select_code(code.id)
        app.processEvents()
        extra["pane_with_passages"] = window.main_splitter.sizes()[1]
        tools = window.chinese_tools
        tools.show_search()
        tools.search_panel.query.setText("创新")
        tools.search_panel.run_search()
        app.processEvents()
        extra["lines_with_search"] = lines()
        view = tools.search_panel.view
        extra["results_shown"] = view.rowAt(view.viewport().height() - 1)
    codebook = window.codebook
    corner = codebook.mapTo(window, codebook.rect().bottomRight())
    print(json.dumps({
        "screen": window.screen().name(),
        "available": rect(window.screen().availableGeometry()),
        "frame": rect(window.frameGeometry()),
        "size": [window.width(), window.height()],
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "codebook_corner": [window.x() + corner.x(), window.y() + corner.y()],
        "codebook_width": codebook.width(),
        **extra,
    }))
    window.close()
""")


def run_window(tmp_path: Path, screen: tuple[int, int], *, scale: float = 1.0,
               name: str = "panel", resize: tuple[int, int] | None = None,
               project: Path | None = None, move: tuple[int, int] | None = None,
               second: tuple[int, int] | None = None) -> dict:
    """Open the window on a screen of ``screen`` size (and a ``second`` one to its right)."""
    config = tmp_path / f"{name}-{screen[0]}x{screen[1]}-{second}.json"
    screens = [{"name": name, "x": 0, "y": 0, "width": screen[0], "height": screen[1],
                "logicalDpi": 96}]
    if second is not None:
        screens.append({"name": "second", "x": screen[0], "y": 0, "width": second[0],
                        "height": second[1], "logicalDpi": 96})
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": str(scale), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "settings.ini"), json.dumps(resize),
         str(project or ""), json.dumps(move)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(outer: list[int], inner: list[int]) -> bool:
    return QRect(*outer).contains(QRect(*inner))


def test_the_first_size_is_a_share_of_the_screen_and_capped() -> None:
    assert first_size(QSize(1280, 680)) == QSize(1088, 578)  # 1280×720 less a task bar
    assert first_size(QSize(2560, 1400)) == MAX_FIRST
    # 1920×1080 at 150 %: 1280×720 device-independent pixels.
    assert first_size(QSize(1280, 720)).width() <= 1280
    assert centred(QSize(100, 50), QRect(0, 0, 300, 150)) == QRect(100, 50, 100, 50)


@pytest.mark.parametrize(("screen", "scale"), [((1280, 720), 1.0), ((1920, 1080), 1.5),
                                               ((1920, 1080), 2.0)])
def test_a_fresh_window_fits_the_screen(tmp_path: Path, screen: tuple[int, int],
                                        scale: float) -> None:
    shown = run_window(tmp_path, screen, scale=scale)
    assert inside(shown["available"], shown["frame"])
    # The whole desk can be made to fit (no pane's minimum pushes the codebook off-screen).
    assert shown["minimum"][0] <= shown["available"][2]
    assert shown["minimum"][1] <= shown["available"][3]
    assert QRect(*shown["available"]).contains(*shown["codebook_corner"])
    assert shown["codebook_width"] >= 200


def test_the_size_is_remembered_per_screen(tmp_path: Path) -> None:
    run_window(tmp_path, (2560, 1440), name="monitor", resize=(1500, 1000))
    again = run_window(tmp_path, (2560, 1440), name="monitor")
    assert again["size"] == [1500, 1000]
    laptop = run_window(tmp_path, (1280, 720), name="laptop")
    assert inside(laptop["available"], laptop["frame"])
    assert laptop["frame"][2] < 1280


# Two paragraphs of the 2016 State Council opinions on regional innovation, repeated: an
# article longer than the screen.
PARAGRAPH = ("推广科技创新券通用通兑，企业可以在区域范围内使用创新券购买科技服务。"
             "建立跨区域协同创新机制，推进创新资源开放共享。\n")


def test_at_1280x720_the_article_keeps_its_lines(tmp_path: Path) -> None:
    from annotator.project import Project

    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        doc = project.add_document("区域创新券的实践", PARAGRAPH * 40)
        code = project.add_code("资源协同")
        project.apply_code(doc.id, code.id, 0, 6)
    shown = run_window(tmp_path, (1280, 720), resize=(1280, 690), project=path)
    # Nothing listed (no code chosen): the pane is its title line, the article the rest.
    assert shown["empty_pane"] <= 40
    assert shown["pane_with_passages"] >= 120  # a code chosen: its passages show
    assert shown["lines_with_search"] >= 10  # was about 7 with the search tab open
    assert shown["results_shown"] >= 2


def test_the_window_comes_back_on_the_screen_it_was_closed_on(tmp_path: Path) -> None:
    laptop, monitor = (1280, 720), (2560, 1440)
    run_window(tmp_path, laptop, name="laptop", second=monitor, resize=(1400, 900),
               move=(1280 + 200, 100))  # dragged onto the monitor and made larger there
    again = run_window(tmp_path, laptop, name="laptop", second=monitor)
    assert again["screen"] == "second" and again["size"] == [1400, 900]
