"""The README's Python example runs as printed."""

from __future__ import annotations

import os
import re
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent


def test_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    rows = list(openpyxl.load_workbook(tmp_path / "coded.xlsx")["编码片段"].values)
    assert len(rows) == 2
    assert "职务科技成果" in rows[1] and "赋权改革的核心表述" in rows[1]
