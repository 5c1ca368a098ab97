"""The desktop window (PySide6). Widgets call the core API in ``annotator.project``; no SQL here."""
