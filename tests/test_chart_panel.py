"""Charts drawn off the GUI thread: the chart asked for last is shown without waiting for
stale ones, and neither a closed panel nor quitting waits for drawings not started."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path

import shiboken6

from annotator.ui.analysis import chart_panel
from annotator.ui.analysis.chart_panel import ChartPanel

ROOT = Path(__file__).parent.parent


class Drawings:
    """``make`` functions that record which ran; the first blocks the drawing thread until
    released, so the others wait in its queue."""

    def __init__(self) -> None:
        self.started, self.gate = threading.Event(), threading.Event()
        self.ran: list[str] = []

    def make(self, name: str, *, block: bool = False) -> Callable[[], None]:
        def build() -> None:
            if block:
                self.started.set()
                self.gate.wait(10)
            self.ran.append(name)
        return build

    def block(self, panel: ChartPanel) -> None:
        panel.draw(self.make("running", block=True))
        assert self.started.wait(10)


def idle() -> None:
    chart_panel._DRAWING.submit(lambda: None).result(timeout=10)


def test_the_chart_asked_for_last_does_not_wait_for_stale_ones(qtbot) -> None:
    first, panel = ChartPanel(), ChartPanel()
    qtbot.addWidget(first)
    qtbot.addWidget(panel)
    drawings = Drawings()
    drawings.block(first)
    for name in ("filter 1", "filter 2", "filter 3"):  # the user changes the filter thrice
        panel.draw(drawings.make(name))
    drawings.gate.set()
    with qtbot.waitSignal(panel.drawn, timeout=10_000):
        pass
    assert not panel.drawing
    assert drawings.ran == ["running", "filter 3"]


def test_a_closed_panel_drops_its_drawing(qtbot) -> None:
    first, panel = ChartPanel(), ChartPanel()
    qtbot.addWidget(first)
    drawings = Drawings()
    drawings.block(first)
    panel.draw(drawings.make("queued"))
    shiboken6.delete(panel)  # the dialog holding it was closed and deleted
    drawings.gate.set()
    idle()
    assert drawings.ran == ["running"]


def test_quitting_does_not_wait_for_drawings_not_started() -> None:
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, "tests")
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from test_chart_panel import Drawings
        from annotator.ui.analysis.chart_panel import ChartPanel

        app = QApplication([])
        panels = [ChartPanel() for _ in range(3)]
        drawings = Drawings()
        drawings.block(panels[0])
        panels[1].draw(drawings.make("queued 1"))
        panels[2].draw(drawings.make("queued 2"))
        QTimer.singleShot(0, app.quit)
        app.exec()
        drawings.gate.set()
        import atexit
        atexit.register(lambda: print(drawings.ran))  # after the drawing thread is joined
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['running']"


def test_a_panel_deleted_while_its_chart_is_drawn_is_left_alone(qtbot) -> None:
    doomed, other = ChartPanel(), ChartPanel()
    qtbot.addWidget(other)
    drawings = Drawings()
    drawings.block(doomed)  # drawing now, on the worker thread
    shiboken6.delete(doomed)  # the dialog was closed meanwhile
    other.draw(drawings.make("next"))
    drawings.gate.set()  # the doomed drawing finishes and is delivered to nobody
    with qtbot.waitSignal(other.drawn, timeout=10_000):
        pass
    assert drawings.ran == ["running", "next"]
    assert not other.drawing and other.error == ""
