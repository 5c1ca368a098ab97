"""The result every reader returns, and the finishing steps they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import ReadError
from annotator.importing.header import parse_header
from annotator.importing.normalise import normalise_text
from annotator.importing.title import clean_title, pick_title

# Values editors and generators write when nobody filled the field in (Word's account name,
# reportlab's "anonymous"/"untitled"); they say nothing about the article.
_PLACEHOLDERS = frozenset(
    {
        "administrator", "admin", "user", "owner", "anonymous", "unknown", "untitled",
        "python-docx", "microsoft office user", "windows 用户", "微软用户", "微软中国", "无标题",
    }
)


@dataclass
class ExtractedText:
    text: str  # already normalised; passage offsets refer to this exact string
    title: str  # never empty: falls back to the file stem
    attributes: dict[str, str] = field(default_factory=dict)  # 来源, 作者, 日期 …


def finish(
    path: Path,
    raw_text: str,
    *,
    title: str | None = None,
    attributes: dict[str, str] | None = None,
    empty_reason: str = "no readable text",
) -> ExtractedText:
    """Normalise ``raw_text``, add byline labels found in it, and settle the title.

    Labels written in the text (来源：…) beat file metadata: metadata is often the typist's
    account name or the web site rather than the publisher.
    """
    text = normalise_text(raw_text)
    if not text.strip():
        raise ReadError(path, empty_reason)
    merged = {key: value.strip() for key, value in (attributes or {}).items() if _meaningful(value)}
    merged.update(parse_header(text))
    chosen = clean_title(title) if _meaningful(title) else ""
    return ExtractedText(text=text, title=chosen or pick_title(text, path.stem), attributes=merged)


def _meaningful(value: str | None) -> bool:
    return bool(value and value.strip()) and value.strip().lower() not in _PLACEHOLDERS
