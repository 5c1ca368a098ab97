"""Coded passages as CSV for R and pandas: the columns of the workbook's 编码片段 sheet.

UTF-8 with a byte-order mark, so that Excel shows the Chinese too; one row per passage,
streamed from the database. Cells are cleaned like the workbook's (``clean_text``), and
text that a spreadsheet would run as a formula gets a leading apostrophe, as Excel itself
stores typed-in text; R and pandas users see that apostrophe only in such rare cells.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.exchange.files import written_atomically
from annotator.exchange.progress import Progress, Reporter
from annotator.export.cells import clean_text, local_times, looks_like_formula, timed_header
from annotator.export.excel import PASSAGE_HEAD, PASSAGE_TAIL, PATH_SEPARATOR, attribute_keys

if TYPE_CHECKING:
    from annotator.project import Project


def _text(value: str | None) -> str:
    text = clean_text(value or "")
    return "'" + text if looks_like_formula(text) else text


def _timer() -> Callable[[datetime | None], str]:
    """Local time as the workbook shows it; the header names the zone."""
    local = local_times()

    def time_text(value: datetime | None) -> str:
        return local(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""

    return time_text


def export_passages_csv(
    project: Project, target: str | Path, *, progress: Progress | None = None
) -> int:
    """Write every passage to ``target``; returns the number of rows (header excluded).
    ``progress(done, total)`` is called as passages are written."""
    target = Path(target)
    documents = {d.id: d for d in project.documents()}
    keys = attribute_keys(documents.values())
    codes = {c.id: c for c in project.codes()}
    report = Reporter(progress, sum(d.passage_count for d in documents.values()))
    rows = 0
    _time = _timer()
    with written_atomically(target, "the CSV file") as temp:
        with temp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([*PASSAGE_HEAD, *keys, *PASSAGE_TAIL[:-1],
                             timed_header(PASSAGE_TAIL[-1])])
            for p in report.each(project.iter_all_passages()):
                doc, code = documents.get(p.document_id), codes.get(p.code_id)
                path = code.path if code else ()
                writer.writerow([
                    doc.number if doc else "",
                    _text(doc.title if doc else ""),
                    *(_text(doc.attributes.get(k, "")) if doc else "" for k in keys),
                    _text(path[0] if path else ""),
                    _text(code.name if code else ""),
                    _text(PATH_SEPARATOR.join(path)),
                    _text(p.text),
                    p.start,
                    p.end,
                    _text(p.coder_name),
                    _text(p.memo),
                    _time(p.created_at),
                ])
                rows += 1
    report.finish()
    return rows
