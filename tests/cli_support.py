"""Shared pieces for the command-line tests: the user's locale set to English or Chinese, and
a stream that says it is a terminal (so progress bars are drawn)."""

from __future__ import annotations

import io

import pytest

LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def set_language(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # LANGUAGE/LC_* outrank LANG, so clear them all before choosing one.
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language(monkeypatch, "en_US.UTF-8")


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language(monkeypatch, "zh_CN.UTF-8")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True
