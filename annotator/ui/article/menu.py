"""The article's right-click menu, built as data so tests can trigger its actions directly."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from annotator.records import CodeInfo
from annotator.ui.article.highlighter import swatch_icon


def tr(text: str) -> str:
    return QCoreApplication.translate("ArticleView", text)


@dataclass(frozen=True)
class PassageEntry:
    """A passage under the pointer, as the menu shows it."""

    passage_id: int
    code_id: int
    coder_name: str


@dataclass(frozen=True)
class MenuHandlers:
    apply_code: Callable[[int], None]  # code id
    remove_passage: Callable[[int], None]  # passage id
    copy: Callable[[], None]
    code_unit: Callable[[int], None] | None = None  # code id: code the unit under the pointer


def build_context_menu(
    parent: QWidget,
    codes: Sequence[CodeInfo],
    recent_ids: Iterable[int],
    under_pointer: Sequence[PassageEntry],
    *,
    has_selection: bool,
    handlers: MenuHandlers,
    unit_number: str | None = None,
) -> QMenu:
    """Code as (recent codes, All codes ▸), Code whole unit ▸, Remove code ▸, Copy. Coding
    actions carry the code id as data and are disabled without a selection; remove actions
    carry passage ids. With ``unit_number`` (the paragraph unit under the pointer) and a
    ``code_unit`` handler, "Code whole unit N" lists the recent codes and the code tree."""
    menu = QMenu(parent)
    by_id = {c.id: c for c in codes}
    recent = [by_id[i] for i in recent_ids if i in by_id]
    menu.addSection(tr("Code as"))
    for code in recent:
        _code_action(menu, code, code.path_text, has_selection, handlers.apply_code)
    all_codes = menu.addMenu(tr("All codes"))
    all_codes.setEnabled(has_selection and bool(codes))
    kids: dict[int | None, list[CodeInfo]] = {}
    for code in codes:  # codes() is in tree order, so each list keeps sibling order
        kids.setdefault(code.parent_id, []).append(code)
    _add_tree(all_codes, kids, None, has_selection, handlers.apply_code)

    if unit_number is not None and handlers.code_unit is not None:
        unit = menu.addMenu(tr("Code whole unit %1").replace("%1", unit_number))
        unit.setObjectName("code_unit")
        unit.setEnabled(bool(codes))
        for code in recent:
            _code_action(unit, code, code.path_text, True, handlers.code_unit)
        if recent:
            unit.addSeparator()
        _add_tree(unit, kids, None, True, handlers.code_unit)

    menu.addSeparator()
    remove = menu.addMenu(tr("Remove code"))
    remove.setEnabled(bool(under_pointer))
    for entry in under_pointer:
        code = by_id.get(entry.code_id)
        label = code.path_text if code else tr("(deleted code)")
        action = remove.addAction(f"{label} — {entry.coder_name}")
        if code is not None:
            action.setIcon(swatch_icon(code.colour))
        action.setData(entry.passage_id)
        action.triggered.connect(lambda _=False, pid=entry.passage_id: handlers.remove_passage(pid))

    menu.addSeparator()
    copy = menu.addAction(tr("Copy"))
    copy.setEnabled(has_selection)
    copy.triggered.connect(lambda _=False: handlers.copy())
    return menu


def _code_action(
    menu: QMenu, code: CodeInfo, text: str, enabled: bool, apply: Callable[[int], None]
) -> None:
    action = menu.addAction(swatch_icon(code.colour), text)
    action.setData(code.id)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _=False, cid=code.id: apply(cid))


def _add_tree(
    menu: QMenu,
    kids: dict[int | None, list[CodeInfo]],
    parent_id: int | None,
    enabled: bool,
    apply: Callable[[int], None],
) -> None:
    for code in kids.get(parent_id, []):
        if code.id in kids:
            sub = menu.addMenu(swatch_icon(code.colour), code.name)
            # A parent code can be applied itself, first in its own submenu.
            _code_action(sub, code, code.name, enabled, apply)
            sub.addSeparator()
            _add_tree(sub, kids, code.id, enabled, apply)
        else:
            _code_action(menu, code, code.name, enabled, apply)
