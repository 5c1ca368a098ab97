"""PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void method call and
aborts a long session ("deallocating None"). The dependency pin keeps it out; this test fails
if a broken build comes back."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_calls_keep_none_alive() -> None:
    doc = QTextDocument("区域协同创新" * 10)
    cursor = QTextCursor(doc)
    before = sys.getrefcount(None)
    for _ in range(2000):
        cursor.setPosition(5)
    after = sys.getrefcount(None)
    # Immortal None (3.12+) reports a constant huge count; a leak shows as a drop of ~2000.
    assert before - after < 100


def test_dependency_pin_keeps_the_broken_release_out() -> None:
    from importlib.metadata import requires

    pins = [r for r in requires("annotator") or [] if r.lower().startswith("pyside6")]
    old_python = [r for r in pins if "< '3.12'" in r or '< "3.12"' in r]
    assert old_python and all("!=6.12.0" in r for r in old_python)
