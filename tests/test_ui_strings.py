"""Every string the window and its dialogs show is in the chosen language.

The window is opened in English on a project whose own words (titles, text, codes, coders,
attributes) are English, and in Chinese on one whose words are Chinese; then every visible
text is read: widget texts, placeholders and tooltips, menus and actions, tab titles, combo
items, table headings and cells. In English nothing may hold Chinese characters; in Chinese no
English word may show but the names of formats, tools and keys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from matplotlib.text import Text
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from annotator.project import Project
from annotator.ui.analysis.chart_panel import ChartPanel
from annotator.ui.commands import DeleteCode
from annotator.ui.i18n import install_translators
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.words.wordfreq_model import POS_WORDS

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
# English a Chinese researcher reads as is: formats, tools, keys, measures.
ALLOWED = {
    "annotator", "annot", "Excel", "REFI-QDA", "REFI", "QDA", "qdpx", "qde", "qdc", "CSV",
    "csv", "PNG", "SVG", "PDF", "YAML", "yaml", "xlsx", "xlsm", "txt", "docx", "html", "htm",
    "pdf", "TF-IDF", "TextRank", "NVivo", "MAXQDA", "ATLAS", "ti", "QualCoder", "Taguette",
    "Ctrl", "Shift", "Alt", "Del", "Kappa", "Cohen", "Krippendorff", "Fleiss", "alpha", "F1",
    "jieba", "Unicode", "UTF", "GBK", "GB", "ID", "Enter", "Esc",
    "English",  # the language's own name in the language list
    "Python", "pandas", "SPSS", "Holsti", "CR", "nR",  # tools and measures by their names
    *POS_WORDS,  # jieba's part-of-speech tags (nz, vn…), shown beside their names
}
# Chinese an English window shows on purpose: a language's own name, and examples of the
# Chinese text the tools work on (matching 创新 in 创新券, the 、 users type, 章-条-款).
EXAMPLES = ("简体中文", "科技创新", "创新券", "创新", "實驗室", "实验室", "、", "章-条-款")

# Chinese: the 2016 State Council opinions on regional innovation (public policy text).
ZH_TEXT = (
    "关于加强区域科技创新合作的意见\n"
    "一、建立跨区域协同机制\n"
    "三地建立联席会议制度，常态化推进信息互通、监管互认。\n"
    "二、推动资源共享\n"
    "推广科技创新券通用通兑，促进大型科研仪器开放共享。\n"
)
# English: the UN's 2030 Agenda for Sustainable Development (A/RES/70/1, public).
EN_TEXT = (
    "Transforming our world: the 2030 Agenda for Sustainable Development\n"
    "Preamble\n"
    "This Agenda is a plan of action for people, planet and prosperity.\n"
    "It also seeks to strengthen universal peace in larger freedom.\n"
    "All countries and all stakeholders, acting in collaborative partnership, will implement "
    "this plan.\n"
)


def build(path: Path, language: str) -> Path:
    zh = language == "zh_CN"
    with Project.create(path, coder="研究员甲" if zh else "Alice") as project:
        doc = project.add_document("区域合作意见" if zh else "2030 Agenda", ZH_TEXT if zh
                                   else EN_TEXT, attributes={"地区": "京津冀"} if zh
                                   else {"region": "global"})
        root = project.add_code("区域协同创新" if zh else "Partnership")
        leaf = project.add_code("机制协同" if zh else "Collaboration", parent_id=root.id,
                                shortcut="1", keywords=["联席会议"] if zh else ["partnership"])
        other = project.add_code("资源协同" if zh else "Resources", parent_id=root.id)
        text = project.document_text(doc.id)
        for code, phrase in ((leaf, "联席会议制度" if zh else "collaborative partnership"),
                             (other, "科技创新券" if zh else "plan of action")):
            start = text.index(phrase)
            project.apply_code(doc.id, code.id, start, start + len(phrase))
    return path


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model of Qt's own: its columnCount is private
        return 1


def model_texts(model: QAbstractItemModel, most: int = 60) -> Iterator[str]:
    columns = min(_columns(model, QModelIndex()), 40)
    for section in range(columns):
        yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        yield str(model.headerData(section, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole) or "")

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), most)):
            for column in range(min(_columns(model, parent), 40)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        yield value
            if depth < 4:
                yield from walk(model.index(row, 0, parent), depth + 1)

    yield from walk(QModelIndex(), 0)
    for row in range(min(model.rowCount(QModelIndex()), most)):
        yield str(model.headerData(row, Qt.Orientation.Vertical) or "")


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus filled when opened (recent projects, numbering)
    yield where, menu.title()
    for action in menu.actions():
        yield where, action.text()
        yield where, action.toolTip() if action.toolTip() != action.text().replace("&", "") \
            else ""
        yield where, action.statusTip()
        if action.menu() is not None and action.menu() is not menu:
            yield from menu_texts(action.menu(), f"{where} ▸ {action.text()}")


def widget_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every string ``top`` and its children show."""
    yield top.objectName() or type(top).__name__, top.windowTitle()
    for w in [top, *top.findChildren(QWidget)]:
        where = f"{type(top).__name__}/{type(w).__name__}"
        if isinstance(w, QMenu):
            continue  # their actions are read through the menu bar and the panes
        yield where, w.toolTip()
        yield where, w.statusTip()
        yield where, w.accessibleName()
        if isinstance(w, QLabel):
            yield where, w.text()
        if isinstance(w, QAbstractButton):
            yield where, w.text()
            menu = getattr(w, "menu", lambda: None)()  # push and tool buttons
            if menu is not None:
                yield from menu_texts(menu, where)
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield where, w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where, w.itemText(i)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where, w.tabText(i)
                yield where, w.tabToolTip(i)
        if isinstance(w, ChartPanel) and w.figure is not None:  # the words drawn in it
            for text in w.figure.findobj(Text):
                yield f"{where} chart", text.get_text()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            for text in model_texts(w.model()):
                yield where, text
        for action in w.actions():
            yield where, action.text()
            yield where, action.toolTip() if action.toolTip() != action.text().replace(
                "&", "") else ""


def untranslated(texts: Iterator[tuple[str, str]], language: str,
                 ignore: tuple[str, ...]) -> list[str]:
    bad = set()
    for where, text in texts:
        for part in ignore:
            text = text.replace(part, "")
        if language == "en":
            for example in EXAMPLES:
                text = text.replace(example, "")
            if CJK.search(text):
                bad.add(f"{where}: {text!r}")
        else:
            words = {w for w in WORD.findall(text.replace("&", "")) if w not in ALLOWED}
            if words:
                bad.add(f"{where}: {text!r} ({', '.join(sorted(words))})")
    return sorted(bad)


def open_everything(win: MainWindow, qtbot) -> list[QWidget]:  # noqa: ANN001
    """The window with a code chosen and the search tab open, and every dialog it opens
    without asking a question first."""
    from annotator.ui.preferences import PreferencesDialog, PreferenceValues

    project = win.hub.require()
    leaf = next(c for c in project.codes() if c.parent_id is not None)
    win.codebook.select_code(leaf.id)
    tools = win.chinese_tools
    tools.show_search()
    tools.search_panel.query.setText("联席" if project.coder.name == "研究员甲" else "plan")
    tools.search_panel.run_search()
    team = win.team_tools
    tables = team.show_tables()
    dialogs: list[QWidget] = [tables, team.show_agreement(), tools.word_frequencies(),
                              tools.word_lists(), tools.review_proposals(),
                              PreferencesDialog(PreferenceValues("system", "x"), win)]
    for page in tables.pages:
        tables.show_page(page)
        QApplication.processEvents()
        chart = getattr(page, "chart", None)
        if chart is not None:
            qtbot.waitUntil(lambda c=chart: not c.drawing)
    # Something to undo: the Edit menu then names it ("Undo Delete code").
    win.hub.undo_stack.push(DeleteCode(win.hub, leaf.id))
    return dialogs


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_untranslated_string_is_shown(qtbot, tmp_path: Path, language: str) -> None:
    app = QApplication.instance()
    path = build(tmp_path / ("研究.annot" if language == "zh_CN" else "study.annot"), language)
    try:
        install_translators(app, language)
        settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        settings.coder = "研究员甲" if language == "zh_CN" else "Alice"  # not the login name
        win = MainWindow(settings)
        qtbot.addWidget(win)
        win.show()
        assert win.open_project(path)
        dialogs = open_everything(win, qtbot)
        texts: list[tuple[str, str]] = list(widget_texts(win))
        for menu_action in win.menuBar().actions():
            if menu_action.menu() is not None:
                texts += menu_texts(menu_action.menu(), "menu")
        for dialog in dialogs:
            texts += widget_texts(dialog)
        # The examples are among what was read: charts and the named undo step.
        assert any(where.endswith(" chart") for where, _text in texts)
        undo = win.undo_action.text()
        assert undo == ("Undo Delete code" if language == "en" else "撤消 删除编码"), undo
        # Paths and the file's name are the user's; the status bar's clock is a number.
        found = untranslated(iter(texts), language, (str(tmp_path), str(path.name)))
        assert not found, "\n".join(found)
        for dialog in dialogs:
            dialog.close()
    finally:
        install_translators(app, "en")
