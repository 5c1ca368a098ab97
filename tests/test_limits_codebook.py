"""Codebook files past the documented limits (depth, codes, size) are refused with the file,
the line and the limit; trees are read and written without recursion."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator import codebook_file, codebook_yaml
from annotator.codebook_file import (
    Codebook,
    CodeSpec,
    dump_codebook,
    iter_codes,
    load_codebook,
)
from annotator.errors import CodebookFormatError
from annotator.limits import MAX_CODE_DEPTH

# Real category names from the shipped policy-instruments codebook, cycled per level.
NAMES = ("供给型", "人才培养", "资金投入", "环境型", "税收优惠", "需求型", "政府采购")


def nested_yaml(levels: int) -> str:
    lines = ["name: 深层编码表", "codes:"]
    indent = ""
    for level in range(levels):
        lines.append(f"{indent}  - name: {NAMES[level % len(NAMES)]}{level}")
        if level < levels - 1:
            lines.append(f"{indent}    children:")
        indent += "    "
    return "\n".join(lines) + "\n"


def nested_specs(levels: int) -> list[CodeSpec]:
    root = node = CodeSpec(NAMES[0])
    for level in range(1, levels):
        child = CodeSpec(f"{NAMES[level % len(NAMES)]}{level}")
        node.children.append(child)
        node = child
    return [root]


def test_a_codebook_300_levels_deep_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(nested_yaml(300), encoding="utf-8")
    with pytest.raises(CodebookFormatError) as caught:
        load_codebook(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line ")
    assert f"deeper than the limit of {MAX_CODE_DEPTH} levels" in message


def test_the_deepest_allowed_codebook_reads_and_writes_back(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(nested_yaml(MAX_CODE_DEPTH), encoding="utf-8")
    book = load_codebook(path)
    paths = [p for p, _ in iter_codes(book)]
    assert len(paths) == MAX_CODE_DEPTH and len(paths[-1]) == MAX_CODE_DEPTH
    dump_codebook(book, tmp_path / "again.yaml")
    assert load_codebook(tmp_path / "again.yaml") == book


def test_a_tree_too_deep_to_read_back_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("name: 原有\n", encoding="utf-8")
    book = Codebook(name="项目编码表", codes=nested_specs(MAX_CODE_DEPTH + 1))
    with pytest.raises(CodebookFormatError, match=f"more than {MAX_CODE_DEPTH} levels deep"):
        dump_codebook(book, target)
    assert target.read_text(encoding="utf-8") == "name: 原有\n"


def test_reading_needs_no_stack_the_depth_check_does_not_already_bound(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With the limit raised and the recursion limit lowered, only iteration can read it.
    monkeypatch.setattr(codebook_file, "MAX_CODE_DEPTH", 5_000)
    monkeypatch.setattr(codebook_yaml, "_MAX_YAML_DEPTH", 10_002)
    path = tmp_path / "deep.yaml"
    path.write_text(nested_yaml(400), encoding="utf-8")  # libyaml stops at 1,000 nestings
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        book = load_codebook(path)
    finally:
        sys.setrecursionlimit(limit)
    assert max(len(p) for p, _ in iter_codes(book)) == 400


def test_more_codes_than_the_limit_are_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codebook_file, "MAX_CODES", 5)
    path = tmp_path / "many.yaml"
    path.write_text("name: 多\ncodes:\n" + "".join(f"  - name: {n}\n" for n in NAMES),
                    encoding="utf-8")
    with pytest.raises(CodebookFormatError, match="more than 5 codes, the limit"):
        load_codebook(path)


def test_an_alias_that_makes_a_cycle_stops_at_the_depth_limit(tmp_path: Path) -> None:
    path = tmp_path / "cycle.yaml"
    path.write_text("name: 循环\ncodes: &kids\n  - name: 供给型\n    children: *kids\n",
                    encoding="utf-8")
    with pytest.raises(CodebookFormatError, match=f"more than {MAX_CODE_DEPTH} levels deep"):
        load_codebook(path)


def test_a_codebook_file_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.write("name: 大\n".encode())
        fh.truncate(64 * 1024 * 1024 + 1)
    with pytest.raises(CodebookFormatError, match="more than the limit of 64 MB"):
        load_codebook(path)


def test_a_second_document_and_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("name: 甲\n---\nname: 乙\n", encoding="utf-8")
    with pytest.raises(CodebookFormatError, match="line 2: the file holds more than one"):
        load_codebook(path)
    path.write_text("name: !!python/object:os.system 甲\n", encoding="utf-8")
    with pytest.raises(CodebookFormatError):
        load_codebook(path)
