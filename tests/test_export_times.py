"""Times in exports are local time, and the header says which zone (the database keeps UTC)."""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from annotator.export.cells import local_times, zone_label
from annotator.project import Project

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset (POSIX)")


def _zone(name: str) -> Iterator[None]:
    saved = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


@pytest.fixture
def beijing() -> Iterator[None]:
    yield from _zone("Asia/Shanghai")


@pytest.fixture
def berlin() -> Iterator[None]:
    yield from _zone("Europe/Berlin")


@pytest.fixture
def coded(project: Project, article) -> Project:
    code = project.add_code("机制协同")
    project.apply_code(article.id, code.id, 0, 4)
    return project


def test_workbook_times_are_beijing_time_with_the_zone_in_the_header(
    beijing, coded: Project, tmp_path: Path
) -> None:
    (stored,) = [p.created_at for p in coded.passages()]  # naive UTC
    imported = coded.documents()[0]
    target = tmp_path / "out.xlsx"
    coded.export_excel(target)
    wb = openpyxl.load_workbook(target)
    sheet = wb["编码片段"]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "时间 (UTC+08:00)"
    written = sheet.cell(2, len(header)).value
    # Excel keeps whole seconds' worth of precision at best; compare to the second.
    assert abs(written - (stored + timedelta(hours=8))) < timedelta(seconds=1)
    docs = wb["文档"]
    doc_header = [c.value for c in docs[1]]
    assert doc_header[-1] == "导入时间 (UTC+08:00)"
    doc_time = docs.cell(2, len(doc_header)).value
    assert doc_time.hour == (imported.imported_at + timedelta(hours=8)).hour


def test_csv_times_are_local_time_with_the_zone_in_the_header(
    beijing, coded: Project, tmp_path: Path
) -> None:
    from annotator.exchange import export_passages_csv

    (stored,) = [p.created_at for p in coded.passages()]
    target = tmp_path / "p.csv"
    export_passages_csv(coded, target)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    assert header[-1] == "时间 (UTC+08:00)"
    assert row[-1] == (stored + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")


def test_summer_time_zone_converts_each_time_with_its_own_offset(berlin) -> None:
    assert zone_label(2026) == "UTC+01:00/+02:00"
    local = local_times()
    assert local(datetime(2026, 1, 15, 7, 32)) == datetime(2026, 1, 15, 8, 32)
    assert local(datetime(2026, 7, 15, 7, 32)) == datetime(2026, 7, 15, 9, 32)
    # The night the clocks go forward (29 March 2026, 01:00 UTC).
    assert local(datetime(2026, 3, 29, 0, 59)) == datetime(2026, 3, 29, 1, 59)
    assert local(datetime(2026, 3, 29, 1, 0)) == datetime(2026, 3, 29, 3, 0)
