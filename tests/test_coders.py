"""Several coders: passages by coder, the coder list, and the blind copy for a second coder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.cli import run
from annotator.errors import ProjectError
from annotator.merge import coder_summaries, copy_for_coder
from annotator.project import Project

SECRET_MEMO = "甲的私人判断：此条属于机制协同"


@pytest.fixture
def coded(project: Project, article) -> Project:
    """甲 codes two spans, 乙 one (same file), one of 甲's with a memo."""
    code = project.add_code("区域协同创新", keywords=["联席会议"])
    sub = project.add_code("机制协同", parent_id=code.id, shortcut="1")
    project.apply_code(article.id, sub.id, 0, 4, memo=SECRET_MEMO)
    project.apply_code(article.id, code.id, 5, 9)
    project.set_coder("乙")
    project.apply_code(article.id, sub.id, 0, 4)
    project.set_coder("甲")
    return project


def test_passages_filtered_by_coder(coded: Project) -> None:
    ids = {c.name: c.id for c in coded.coders()}
    assert len(coded.passages()) == 3
    assert [p.coder_name for p in coded.passages(coder_ids=[ids["乙"]])] == ["乙"]
    jia = coded.passages(coder_ids=[ids["甲"]])
    assert sorted((p.start, p.end) for p in jia) == [(0, 4), (5, 9)]
    assert len(list(coded.iter_all_passages(coder_ids=[ids["甲"], ids["乙"]]))) == 3
    assert list(coded.iter_all_passages(coder_ids=[])) == []


def test_coder_summaries(coded: Project) -> None:
    coded.set_coder("丙")  # chosen but nothing coded yet
    rows = [(r.coder.name, r.passages, r.documents) for r in coder_summaries(coded)]
    assert rows == [("甲", 2, 1), ("乙", 1, 1), ("丙", 0, 0)]


def test_blind_copy_has_documents_and_codebook_but_no_coding(
    coded: Project, tmp_path: Path
) -> None:
    target = tmp_path / "乙的副本.annot"
    copy = copy_for_coder(coded, target, "乙")
    assert (copy.documents, copy.codes, copy.coder) == (1, 2, "乙")
    with Project.open(target) as blind:
        assert [
            (d.guid, d.number, d.content_hash, d.attributes) for d in blind.documents()
        ] == [(d.guid, d.number, d.content_hash, d.attributes) for d in coded.documents()]
        assert [(c.guid, c.path, c.keywords, c.shortcut) for c in blind.codes()] == [
            (c.guid, c.path, c.keywords, c.shortcut) for c in coded.codes()
        ]
        assert blind.passages() == []
        assert [c.name for c in blind.coders()] == ["乙"]
        assert blind.document_text(1) == coded.document_text(1)
    # blind means not even in the file's free pages
    assert SECRET_MEMO.encode() not in target.read_bytes()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith((".", "乙的副本.annot-"))]
    with pytest.raises(ProjectError, match="already exists"):
        copy_for_coder(coded, target, "丙")
    # the original is untouched
    assert len(coded.passages()) == 3


def test_blind_copy_drops_proposals_and_tombstones(coded: Project, tmp_path: Path) -> None:
    gone = coded.passages()[0]
    coded.remove_passage(gone.id)
    con = sqlite3.connect(coded.path)
    con.execute(
        "INSERT INTO proposals (document_id, code_id, start, \"end\", keyword, unit, status,"
        " created_at) VALUES (1, 1, 0, 4, '联席会议', 'sentence', 'pending', '2024-01-01')"
    )
    con.commit()
    con.close()
    copy_for_coder(coded, tmp_path / "b.annot", "乙")
    con = sqlite3.connect(tmp_path / "b.annot")
    counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("passages", "proposals", "tombstones")]
    con.close()
    assert counts == [0, 0, 0]


def test_cli_coders_and_copy(coded: Project, tmp_path: Path, capsys) -> None:
    assert run(["coders", str(coded.path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["甲\t2 片段\t1 文档", "乙\t1 片段\t1 文档"]
    target = tmp_path / "c.annot"
    assert run(["copy-for-coder", str(coded.path), str(target), "--coder", "丙"]) == 0
    assert "for 丙: 1 document, 2 codes, no passages" in capsys.readouterr().out
    assert run(["coders", str(target)]) == 0
    assert capsys.readouterr().out.splitlines() == ["丙\t0 片段\t0 文档"]
    # a coder codes the copy under their name with --coder
    assert run(["apply", str(target), "1", "区域协同创新/机制协同", "0", "4", "--coder", "丙"]) == 0
    capsys.readouterr()
    assert run(["merge", str(coded.path), str(target)]) == 0
    assert "1 passage," in capsys.readouterr().out
    assert [p.coder_name for p in coded.passages()].count("丙") == 1


def test_main_routes_team_commands_to_the_cli(coded: Project, capsys) -> None:
    from annotator.__main__ import main

    assert main(["coders", str(coded.path)]) == 0
    assert "甲" in capsys.readouterr().out
