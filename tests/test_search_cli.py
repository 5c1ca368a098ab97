"""``annotator search``, ``autocode``, ``proposals`` and ``index`` from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from annotator.__main__ import main
from annotator.cli import run
from annotator.project import Project

DOC1 = "𠮷创新是第一动力。发放创新券支持企业创新。\n科技创新券可以通用通兑，推动区域创新合作。"
DOC2 = "我们要鼓励创新，支持首创新药。企业创新能力持续提升，创新券使用率提高。"


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("第一篇", DOC1)
        project.add_document("第二篇", DOC2)
        parent = project.add_code("区域协同创新")
        project.add_code("资源协同", parent_id=parent.id, keywords=["创新券", "通用通兑"])
        project.add_code("创新驱动", keywords=["创新"])
    return path


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run([str(a) for a in argv], out)
    return code, out.getvalue()


def test_search_prints_hits_with_context(project_file: Path) -> None:
    code, text = cli("search", project_file, "创新")
    assert code == 0
    lines = text.splitlines()
    assert lines[0].startswith("   1 «第一篇» 1–3") and "…𠮷【创新】是第一动力" in lines[0]
    # By default every occurrence: also inside 创新券, 科技创新券, 首创新药, 创新能力.
    assert lines[-1] == "9 matches in 2 documents"
    assert "【创新】券" in text
    code, text = cli("search", project_file, "创新", "--limit", "2")
    assert text.splitlines()[-1] == "9 matches in 2 documents (showing 2; --limit 0 shows all)"
    code, text = cli("search", project_file, "(?:支持|推动)\\w{2}", "--mode", "regex")
    assert "【支持企业】" in text and text.splitlines()[-1] == "3 matches in 2 documents"


def test_search_reaches_the_cli_from_the_entry_point(project_file: Path, capsys) -> None:
    assert main(["search", str(project_file), "创新券"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "3 matches in 2 documents"


@pytest.mark.parametrize("flags", [("--whole-word",), ("--mode", "word")])
def test_whole_words_only_is_an_option(project_file: Path, flags: tuple[str, ...]) -> None:
    code, text = cli("search", project_file, "创新", *flags)
    assert code == 0
    assert text.splitlines()[-1] == "4 matches in 2 documents"
    assert "【创新】券" not in text  # 创新券 is a word of its own


def test_the_old_word_mode_flags_keep_working(project_file: Path) -> None:
    _, anywhere = cli("search", project_file, "创新", "--mode", "word", "--anywhere")
    _, default = cli("search", project_file, "创新")
    assert anywhere == default
    code, _ = cli("search", project_file, "创新", "--whole-word", "--anywhere")
    assert code == 1


def test_search_codes_every_match_not_only_those_shown(project_file: Path) -> None:
    code, text = cli("search", project_file, "创新", "--limit", "2", "--code", "创新驱动")
    assert code == 0
    listed = [line for line in text.splitlines() if "【" in line]
    assert len(listed) == 2
    assert "coded 创新驱动: 9 passages from all 9 matches" in text
    with Project.open(project_file) as project:
        passages = project.passages(code_id=project.find_code("创新驱动").id)
        assert sorted((p.start, p.end) for p in passages if p.document_id == 1) == [
            (1, 3), (11, 13), (18, 20), (24, 26), (38, 40)]
        assert {p.text for p in passages} == {"创新"}
    _, again = cli("search", project_file, "创新", "--code", "创新驱动", "--unit", "sentence")
    # DOC1's three sentences and DOC2's two each hold a match.
    assert "5 passages from all 9 matches (5 sentences" in again


def test_search_finds_traditional_forms(tmp_path: Path) -> None:
    path = tmp_path / "hk.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("香港", "InnoHK督導委員會甄選出28間研發實驗室。")
        project.add_document("内地", "建设国家重点实验室。发挥实验室作用。")
    _, text = cli("search", path, "实验室")
    assert text.splitlines()[-1] == "3 matches in 2 documents"
    assert "【實驗室】" in text and "【实验室】" in text
    # Whole words: 研發|實驗室 and 发挥|实验室, not the term 国家重点实验室.
    _, text = cli("search", path, "實驗室", "--whole-word")
    assert text.splitlines()[-1] == "2 matches in 2 documents"
    assert "国家重点【实验室】" not in text
    _, text = cli("search", path, "实验室", "--mode", "regex")  # the characters as written
    assert text.splitlines()[-1] == "2 matches in 1 document"


def test_bad_regex_is_an_error_message(project_file: Path, capsys) -> None:
    code, _ = cli("search", project_file, "(", "--mode", "regex")
    assert code == 1
    assert "regular expression" in capsys.readouterr().err


def test_autocode_review_cycle(project_file: Path) -> None:
    code, text = cli("autocode", project_file)
    assert code == 0
    assert "区域协同创新 / 资源协同: 3 new proposals from 3 keyword matches" in text
    assert "创新驱动: 4 new proposals from 4 keyword matches" in text
    assert "7 new proposals (sentences) for 2 codes" in text
    code, text = cli("autocode", project_file)
    assert "创新驱动: 0 new proposals from 4 keyword matches (4 already pending)" in text

    code, listing = cli("proposals", project_file)
    rows = listing.splitlines()
    assert rows[-1] == "7 pending, 0 rejected"
    ids = [int(row.split()[0]) for row in rows[:-1]]
    assert len(ids) == 7

    code, text = cli("proposals", project_file, "reject", ids[0])
    assert text.strip() == "rejected 1 proposal"
    code, text = cli("proposals", project_file, "accept", ids[1], ids[2])
    assert text.strip() == "accepted 2 proposals: 2 passages created (origin auto)"
    code, text = cli("proposals", project_file, "accept-code", "区域协同创新")
    assert code == 0
    with Project.open(project_file) as project:
        assert project.stats().passages >= 3
        assert {p.origin for p in project.passages()} == {"auto"}
    code, text = cli("proposals", project_file, "list", "--all")
    assert "(rejected)" in text


def test_autocode_for_one_code_with_accept_all(project_file: Path) -> None:
    code, text = cli("autocode", project_file, "--code", "区域协同创新", "--unit", "paragraph",
                     "--accept-all")
    assert code == 0
    assert "3 new proposals (paragraphs) for 1 code" in text
    assert "accepted: 3 passages created (origin auto)" in text
    with Project.open(project_file) as project:
        assert len(project.passages()) == 3


def test_unknown_code_path(project_file: Path, capsys) -> None:
    code, _ = cli("autocode", project_file, "--code", "没有这个")
    assert code == 1 and "no code" in capsys.readouterr().err


def test_index_command(project_file: Path) -> None:
    code, text = cli("index", project_file)
    assert code == 0 and "in the index: 2 of 2 documents" in text
    code, text = cli("index", project_file, "--rebuild")
    assert "indexed now: 2" in text
