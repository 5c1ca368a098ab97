"""Screenshots of the search panel and the word-frequency dialog (offscreen), zh_CN."""
# ruff: noqa: E402 - Qt must see QT_QPA_PLATFORM before it loads
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_support import main_window
from screenshots import build_project

from annotator.ui.words.wordfreq_dialog import DOCUMENT

with main_window(1500, 950) as shots:
    window = shots.window
    window.open_project(build_project(shots.folder))
    tools = window.chinese_tools
    code = window.hub.require().find_code("区域协同创新/资源协同")
    window.codebook.select_code(code.id)
    tools.show_search()
    panel = tools.search_panel
    panel.query.setText("创新")
    panel.run_search()
    panel.view.selectRow(2)
    panel.view.doubleClicked.emit(panel.model.index(2, 2))
    shots.save(window, "search")
    dialog = tools.word_frequencies()
    first = window.hub.require().documents()[0]
    dialog.set_scope(DOCUMENT, first.id)
    dialog.count()
    shots.save(dialog, "words")
    dialog.close()
