"""Coders and notes of an imported REFI project: who coded, and which memos go where."""

from __future__ import annotations

import uuid
from typing import Any

from annotator.exchange.refi_model import RefiNote, RefiProject
from annotator.exchange.results import WarningKind, Warnings
from annotator.exchange.sources import MissingText, TextLoader

UNKNOWN_CODER = "unknown"


class CoderTable:
    """REFI users as coder rows. Users with the same name become one coder; codings by a
    user the file never lists get a coder of their own, named after the GUID."""

    def __init__(self, model: RefiProject, rows: list[dict[str, Any]], warnings: Warnings) -> None:
        self.rows, self.warnings = rows, warnings
        self.by_guid: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.default_user = model.creating_user
        for user in model.users:
            if user.guid in self.by_guid:
                continue
            name = " ".join(user.name.split()) or f"user {user.guid[:8]}"
            if name in self.by_name:
                self.warnings.add(WarningKind.DUPLICATE, f'user "{name}"',
                                  "listed twice with different GUIDs; merged into one coder")
                self.by_guid[user.guid] = self.by_name[name]
                continue
            self.by_guid[user.guid] = self._add(user.guid, name)

    def _add(self, guid: str, name: str) -> int:
        coder_id = len(self.rows) + 1
        self.rows.append(dict(id=coder_id, guid=guid, name=name))
        self.by_name[name] = coder_id
        return coder_id

    def coder_id(self, user_guid: str | None) -> int:
        """The coder of a coding by ``user_guid``; the project's creator or an "unknown"
        coder when the coding names nobody."""
        if user_guid is None:
            user_guid = self.default_user
        if user_guid is None:
            found = self.by_name.get(UNKNOWN_CODER)
            return found if found is not None else self._add(str(uuid.uuid4()), UNKNOWN_CODER)
        found = self.by_guid.get(user_guid)
        if found is None:
            name = f"user {user_guid[:8]}"
            self.warnings.add(WarningKind.REFERENCE, f"user {user_guid}",
                              f"not listed under <Users>; its codings are by coder {name!r}")
            found = self.by_guid[user_guid] = self.by_name.get(name) or self._add(user_guid, name)
        return found


class NoteTable:
    """Notes by GUID. Only notes on selections and codings become passage memos; the
    others are reported once each."""

    def __init__(self, model: RefiProject, loader: TextLoader, warnings: Warnings) -> None:
        self.loader, self.warnings = loader, warnings
        self.notes: dict[str, RefiNote] = {n.guid: n for n in model.notes}
        self.used: set[str] = set()
        self.reported: set[str] = set()
        self.cache: dict[str, str] = {}
        for guid in model.project_note_refs:
            self.misplaced(guid, "the project")

    def texts(self, refs: list[str]) -> list[str]:
        out = []
        for guid in refs:
            note = self.notes.get(guid)
            if note is None:
                if guid not in self.reported:
                    self.reported.add(guid)
                    self.warnings.add(WarningKind.REFERENCE, f"note {guid}",
                                      "referenced but not in <Notes>; left out")
                continue
            self.used.add(guid)
            out.append(self._text(note))
        return out

    def annotation(self, guid: str) -> tuple[RefiNote, str] | None:
        """A note that annotates a span of its source's text (QualCoder), with its text;
        None for any other note. The note counts as used."""
        note = self.notes.get(guid)
        if note is None or not note.spans:
            return None
        self.used.add(guid)
        return note, self._text(note)

    def _text(self, note: RefiNote) -> str:
        if note.guid not in self.cache:
            text = note.content
            if text is None and note.plain_text_path:
                try:
                    text = self.loader.text(None, note.plain_text_path)
                except MissingText as exc:
                    self.warnings.add(WarningKind.NOTE, f'note "{note.name}"',
                                      f"{exc.reason}; its text is left out")
            self.cache[note.guid] = (text or note.description or "").strip()
        return self.cache[note.guid]

    def misplaced(self, guid: str, owner: str) -> None:
        note = self.notes.get(guid)
        if note is None or guid in self.reported:
            return
        self.reported.add(guid)
        self.warnings.add(WarningKind.NOTE, f'note "{note.name}"',
                          f"attached to {owner}; annotator keeps memos on passages only, "
                          "so it was not imported")

    def report_unused(self) -> None:
        for guid, note in self.notes.items():
            if guid not in self.used and guid not in self.reported:
                self.warnings.add(WarningKind.NOTE, f'note "{note.name}"',
                                  "not attached to a coded passage; not imported")
