"""Typed preferences over QSettings, declared once. Window geometry is kept apart."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "annotator"
APPLICATION = "annotator"
LANGUAGES = ("system", "zh_CN", "en")
MAX_RECENT = 10


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings(ORGANISATION, APPLICATION)

    # -- user choices ----------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "system", str))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else "system")

    @property
    def coder(self) -> str:
        return str(self._s.value("coding/coder", "", str))

    @coder.setter
    def coder(self, value: str) -> None:
        self._s.setValue("coding/coder", value)

    @property
    def snap_to_words(self) -> bool:
        """Widen a selection that cuts a word in half to whole words before coding it."""
        return bool(self._s.value("coding/snap_to_words", True, bool))

    @snap_to_words.setter
    def snap_to_words(self, value: bool) -> None:
        self._s.setValue("coding/snap_to_words", bool(value))

    @property
    def last_project(self) -> str:
        return str(self._s.value("projects/last", "", str))

    @last_project.setter
    def last_project(self, value: str) -> None:
        self._s.setValue("projects/last", value)

    @property
    def recent_projects(self) -> list[str]:
        value = self._s.value("projects/recent", [], list)
        return [str(v) for v in (value or [])]

    def add_recent_project(self, path: str) -> None:
        recent = [p for p in self.recent_projects if p != path]
        recent.insert(0, path)
        self._s.setValue("projects/recent", recent[:MAX_RECENT])
        self.last_project = path

    def last_folder(self, kind: str) -> str:
        """The folder a file of ``kind`` was last chosen in ("" if none yet)."""
        return str(self._s.value(f"folders/{kind}", "", str))

    def set_last_folder(self, kind: str, folder: str) -> None:
        self._s.setValue(f"folders/{kind}", folder)

    def shortcut_override(self, action_key: str) -> str | None:
        """The shortcuts the user chose for an action (Qt's portable text, "" for none), or
        None when the default applies."""
        key = f"shortcuts/{action_key}"
        return str(self._s.value(key, "", str)) if self._s.contains(key) else None

    def set_shortcut_override(self, action_key: str, keys: str | None) -> None:
        if keys is None:
            self._s.remove(f"shortcuts/{action_key}")
        else:
            self._s.setValue(f"shortcuts/{action_key}", keys)

    # -- window state ------------------------------------------------------------------------
    def geometry(self, key: str) -> QByteArray | None:
        value = self._s.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self._s.sync()
