"""The splitting rules have a deliberate version: stored units are split again when, and only
when, the units a text gets change — never for an edit of the rules' source that leaves them
as they were (which would re-split every document of every project)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from annotator.analysis import unit_index
from annotator.chinese import units
from annotator.chinese.structure import NUMBERINGS
from annotator.chinese.units import ALL_KINDS, RULES_VERSION, unit_sets
from annotator.project import Project

REAL = Path(__file__).parent / "data" / "real"

#: The digest of :func:`units_digest` under each rules version. When the test below fails
#: because the units changed on purpose: bump RULES_VERSION in annotator/chinese/units.py and
#: add the digest the failure prints under the new version (keep the old lines).
UNITS_BY_VERSION = {
    "1": "e285f53d016f0ad87f93cb7dd905470b925f34cd7a53385c4d271a077b625e08",
}


def units_digest() -> str:
    """Every unit (number, span, heading flag) of every kind and numbering of the real texts
    in tests/data/real (statutes, notices, an article)."""
    digest = hashlib.sha256()
    texts = sorted(REAL.glob("*.txt"))
    assert len(texts) >= 6
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for numbering in NUMBERINGS:
            sets = unit_sets(7, text, numbering)
            for kind in ALL_KINDS:
                digest.update(f"{path.name} {numbering} {kind}\n".encode())
                for number, start, end, heading in sets[kind]:
                    digest.update(f"{number} {start} {end} {int(heading)}\n".encode())
    return digest.hexdigest()


def test_the_units_of_real_texts_change_only_with_the_rules_version() -> None:
    got = units_digest()
    assert RULES_VERSION in UNITS_BY_VERSION, (
        f"record the units of rules version {RULES_VERSION}: {RULES_VERSION!r}: {got!r}")
    assert got == UNITS_BY_VERSION[RULES_VERSION], (
        "the units of tests/data/real changed: bump RULES_VERSION in annotator/chinese/units.py "
        f"(stored units are then split again) and record {got!r} under the new version")


def test_a_new_rules_version_and_nothing_else_splits_stored_units_again(
    tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(REAL.glob("notice_*.txt")):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with Project.create(tmp_path / "p.annot", coder="甲") as project:
        assert project.import_files([folder]).count("imported") == 2
        ids = [d.id for d in project.documents()]

        def split_on_read() -> int:
            cache = unit_index.UnitCache()
            with project.session_scope() as s:
                assert set(cache.units(s, ids, "sentence")) == set(ids)
            return cache.computed

        assert split_on_read() == 0  # stored at import, under this version
        monkeypatch.setattr(units, "RULES_VERSION", f"{RULES_VERSION}-next")
        assert split_on_read() == 2  # another version: split again (and stored)
        assert split_on_read() == 0
