"""The one action table: every action of the window comes from it with its default keys, sits
once in the menu the table names, and a shortcut the user chose replaces the default after a
restart (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from annotator.ui.actions import (
    MENUS,
    ActionId,
    MenuId,
    Slot,
    default_shortcuts,
    place,
    set_shortcuts,
)
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def _settings(ini: Path) -> Settings:
    return Settings(QSettings(str(ini), QSettings.Format.IniFormat))


def _window(qtbot, ini: Path) -> MainWindow:  # noqa: ANN001
    win = MainWindow(_settings(ini))
    qtbot.addWidget(win)
    return win


def _all_actions(win: MainWindow) -> dict[ActionId, QAction]:
    found = {ActionId.UNDO: win.undo_action, ActionId.REDO: win.redo_action}
    for part in (win.actions_, win.team_tools.actions, win.qda_exchange.actions,  # type: ignore[attr-defined]
                 win.chinese_tools.actions, win.safekeeping.actions):  # type: ignore[attr-defined]
        assert not set(part) & set(found), "an action made twice"
        found.update(part)
    return found


def _menu_entries(win: MainWindow) -> list[str]:
    names = []
    for bar_action in win.menuBar().actions():
        names += [a.objectName() for a in bar_action.menu().actions() if not a.isSeparator()]
    return names


def test_every_action_comes_from_the_table_once_with_its_default_keys(
    qtbot, tmp_path: Path  # noqa: ANN001
) -> None:
    win = _window(qtbot, tmp_path / "s.ini")
    actions = _all_actions(win)
    assert set(actions) == set(ActionId)
    for action_id, action in actions.items():
        assert action.shortcuts() == default_shortcuts(action_id), action_id
    assert actions[ActionId.ADD_CODE].shortcut().toString() == "Ctrl+K"
    assert actions[ActionId.REDO].shortcut().toString() == "Ctrl+Shift+Z"
    # Each action and submenu sits once in the menus, where the table puts it.
    entries = _menu_entries(win)
    layout = [key.value for groups in MENUS.values() for group in groups for key in group]
    assert entries == layout
    # A key claimed by two actions silently does nothing: the defaults claim each once.
    keys = [k.toString() for a in actions.values() for k in a.shortcuts()]
    assert len(keys) == len(set(keys))


def test_a_shortcut_the_user_chose_replaces_the_default_after_a_restart(
    qtbot, tmp_path: Path  # noqa: ANN001
) -> None:
    ini = tmp_path / "s.ini"
    settings = _settings(ini)
    set_shortcuts(settings, ActionId.ADD_CODE, [QKeySequence("Ctrl+Alt+K")])
    set_shortcuts(settings, ActionId.SEARCH, [])  # none at all
    set_shortcuts(settings, ActionId.NEW_CODER, [QKeySequence("Ctrl+Alt+C"),
                                                 QKeySequence("F9")])
    settings.sync()

    win = _window(qtbot, ini)  # a new window: the choices were read from the settings
    actions = _all_actions(win)
    assert [k.toString() for k in actions[ActionId.ADD_CODE].shortcuts()] == ["Ctrl+Alt+K"]
    assert actions[ActionId.SEARCH].shortcuts() == []
    assert [k.toString() for k in actions[ActionId.NEW_CODER].shortcuts()] == ["Ctrl+Alt+C", "F9"]
    assert actions[ActionId.IMPORT_FILES].shortcut().toString() == "Ctrl+I"  # untouched

    set_shortcuts(settings, ActionId.ADD_CODE, None)  # back to the default
    settings.sync()
    again = _all_actions(_window(qtbot, ini))
    assert again[ActionId.ADD_CODE].shortcut().toString() == "Ctrl+K"
    assert again[ActionId.SEARCH].shortcuts() == []


def test_entries_added_in_any_order_land_where_the_table_puts_them(qtbot) -> None:  # noqa: ANN001
    def entries(menu: QMenu) -> list[str]:
        return ["----" if a.isSeparator() else a.objectName() for a in menu.actions()]

    keys = [k for group in MENUS[MenuId.FILE] for k in group]
    items = {k: QMenu() if isinstance(k, Slot) else QAction() for k in keys}
    at_once = QMenu()
    place({MenuId.FILE: at_once}, items)
    one_by_one = QMenu()
    for key in reversed(keys):
        place({MenuId.FILE: one_by_one}, {key: items[key]})
    expected = "----".join(" ".join(k.value for k in g) for g in MENUS[MenuId.FILE])
    assert " ".join(entries(at_once)).replace(" ---- ", "----") == expected
    assert entries(one_by_one) == entries(at_once)
