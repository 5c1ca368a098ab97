"""A project written by annotator 0.1 (schema 1, frozen in tests/data/schema_v1.sql) opens in
today's annotator: migrated in place, a backup beside it, nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.db.schema import SCHEMA_VERSION
from annotator.project import Project

V1_SCHEMA = (Path(__file__).parent / "data" / "schema_v1.sql").read_text(encoding="utf-8")


def make_v1_project(path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA)
    con.executescript(
        """
        INSERT INTO meta VALUES ('application', 'annotator'), ('schema_version', '1');
        INSERT INTO coders VALUES (1, 'c-1', '甲', '2024-01-01 00:00:00');
        INSERT INTO documents VALUES (1, 'd-1', 1, '旧文档', '一、建立𠮷联席会议制度。', 'a.txt',
                                      'h1', '2024-01-01 00:00:00');
        INSERT INTO document_attributes VALUES (1, 1, '地区', '京津冀', 0);
        INSERT INTO codes VALUES (1, 'k-1', NULL, '机制协同', '#8FD3A8', '', '["联席会议"]',
                                  '1', 0);
        INSERT INTO passages VALUES (1, 'p-1', 1, 1, 1, 4, 10, '备注', '2024-01-01 00:00:00');
        """
    )
    con.commit()
    con.close()


def test_schema_1_project_is_migrated_with_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.annot"
    make_v1_project(path)
    with Project.open(path, coder="甲") as project:
        assert project.migration_backup is not None
        assert project.migration_backup.name == "old.annot.v1.bak"
        (p,) = project.passages()
        assert (p.text, p.memo, p.coder_name) == ("𠮷联席会议制", "备注", "甲")
        assert project.document(1).attributes == {"地区": "京津冀"}
        # The stored length counts code points, as passages' offsets do (𠮷 is one).
        assert project.document(1).length == len("一、建立𠮷联席会议制度。")
        assert project.codes()[0].keywords == ("联席会议",)
        assert project.stats().schema_version == SCHEMA_VERSION
        project.apply_code(1, 1, 0, 2)  # the migrated file takes new work
    con = sqlite3.connect(path)
    origins = [r[0] for r in con.execute("SELECT origin FROM passages ORDER BY id")]
    assert origins == ["manual", "manual"]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"word_lists", "proposals", "tombstones"} <= tables
    con.close()
    backup = sqlite3.connect(tmp_path / "old.annot.v1.bak")
    assert backup.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
    assert backup.execute("SELECT count(*) FROM passages").fetchone() == (1,)
    backup.close()


def test_documents_list_their_length_without_reading_texts(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.annot") as project:
        doc = project.add_document("通知", "第一条　为了规范𠮷管理，制定本办法。")
        assert project.document(doc.id).length == len("第一条　为了规范𠮷管理，制定本办法。")
        assert [d.length for d in project.documents()] == [18]
