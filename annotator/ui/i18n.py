"""Qt translation: Simplified Chinese and English, following the system locale unless the
user chose a language in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
_installed: list[QTranslator] = []


def resolve_language(choice: str) -> str:
    if choice in ("zh_CN", "en"):
        return choice
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QCoreApplication, choice: str) -> str:
    """Install the translators for ``choice`` ("system", "zh_CN" or "en"); returns the
    language in force. Widgets re-read their strings on QEvent.LanguageChange."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = resolve_language(choice)
    if language == "en":
        _install_english(app)
        return language
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"annotator_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def _install_english(app: QCoreApplication) -> None:
    # English is the source text; this catalogue holds only the counted messages' singular
    # and plural ("1 passage", "2 passages").
    counted = QTranslator(app)
    if counted.load(str(I18N_DIR / "annotator_en.qm")):
        app.installTranslator(counted)
        _installed.append(counted)


def ensure_translators(app: QCoreApplication | None) -> None:
    """Where no language was installed (a window made by a script or a test), English with
    its plurals: "1 passage", never "1 passage(s)"."""
    if app is not None and not _installed:
        _install_english(app)
