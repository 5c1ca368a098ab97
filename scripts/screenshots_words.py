"""Screenshots of the search panel and the word-frequency dialog (offscreen), zh_CN."""
# ruff: noqa: E402 - Qt must see QT_QPA_PLATFORM before it loads
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from screenshots import build_project

from annotator.ui.i18n import install_translators
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.words.wordfreq_dialog import DOCUMENT

language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
app = QApplication.instance() or QApplication(sys.argv[:1])
install_translators(app, language)
out = ROOT / "docs" / "screenshots"
with tempfile.TemporaryDirectory() as tmp:
    settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1500, 950)
    window.show()
    window.open_project(build_project(Path(tmp)))
    tools = window.chinese_tools
    code = window.hub.require().find_code("区域协同创新/资源协同")
    window.codebook.select_code(code.id)
    tools.show_search()
    panel = tools.search_panel
    panel.query.setText("创新")
    panel.run_search()
    panel.view.selectRow(2)
    panel.view.doubleClicked.emit(panel.model.index(2, 2))
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out / f"search-{language}.png"))
    print(out / f"search-{language}.png")
    dialog = tools.word_frequencies()
    first = window.hub.require().documents()[0]
    dialog.set_scope(DOCUMENT, first.id)
    dialog.count()
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(out / f"words-{language}.png"))
    print(out / f"words-{language}.png")
    dialog.close()
    window.close()
