"""Word lists shipped with annotator (annotator/chinese/data/*.txt)."""

from __future__ import annotations

from importlib import resources


def read_list(name: str) -> list[str]:
    """A shipped word list: one entry per line; blank lines and "#" comment lines skipped."""
    text = resources.files("annotator.chinese").joinpath("data", name).read_text("utf-8")
    entries = (line.strip() for line in text.splitlines())
    return [e for e in entries if e and not e.startswith("#")]
