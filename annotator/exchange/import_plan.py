"""Turn a parsed REFI project into rows for a new annotator project (no database here).

Everything that cannot be carried over is reported as a warning naming the item, and the
rest goes on: a missing source file skips that source, a selection outside its text skips
that selection. Positions are converted to code points of the raw text (``positions``) and
then mapped onto the normalised text annotator stores.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from annotator.db.documents import content_hash
from annotator.db.models import utcnow
from annotator.exchange.code_tree import code_table, refi_code_rows
from annotator.exchange.plan_people import CoderTable, NoteTable
from annotator.exchange.positions import Converter, Reading, detect_reading, offset_map
from annotator.exchange.refi_model import RefiCoding, RefiProject, RefiSelection, RefiTextSource
from annotator.exchange.refi_write import NUMBER_VARIABLE, SOURCE_VARIABLE
from annotator.exchange.results import WarningKind, Warnings
from annotator.exchange.sources import MissingText, TextLoader

UNCODED = "未编码选段"  # where selections without a code but with a memo go
_DOC_SUFFIXES = (".txt", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".htm", ".html")
W = WarningKind
_UNSUPPORTED = {
    "set": "not imported: annotator has no sets (groups of documents or codes)",
    "link": "not imported: annotator has no links between items",
    "graph": "not imported: annotator has no network views",
    "PDF region": "not imported: only text selections of a PDF's text are",
}


@dataclass
class ImportPlan:
    coders: list[dict[str, Any]] = field(default_factory=list)
    codes: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    attributes: list[dict[str, Any]] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)


def _docx_reading(lines: str, src: RefiTextSource, origin: str) -> str:
    """A .docx's text with paragraphs ended by "\n", or by "\r\n" when the exporter
    counted two characters per paragraph end (NVivo for Windows, whose plain texts have
    CRLF). Evidence in order: selections whose names quote their text under one reading;
    selections that start and end on word edges under one reading more often than under the
    other; an exporter running on Windows."""
    spans = [(s.start, s.end, s.name) for s in src.selections
             if s.start is not None and s.end is not None]
    crlf = lines.replace("\n", "\r\n")
    reading, confirmed = detect_reading(crlf, spans)
    if confirmed:
        return crlf if reading is Reading.CODE_POINTS else lines
    on_edges_lf, on_edges_crlf = _on_edges(lines, spans), _on_edges(crlf, spans)
    if on_edges_lf != on_edges_crlf:
        return crlf if on_edges_crlf > on_edges_lf else lines
    return crlf if "windows" in origin.lower() else lines


def _on_edges(text: str, spans: list[tuple[int, int, str]]) -> int:
    """How many spans start and end where a word or line does (or at the text's ends)."""
    def edge(i: int) -> bool:
        return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())

    return sum(1 for start, end, _ in spans if 0 <= start < end <= len(text)
               and edge(start) and edge(end))


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Planner:
    def __init__(self, model: RefiProject, loader: TextLoader, warnings: Warnings) -> None:
        self.model, self.loader, self.warnings = model, loader, warnings
        self.now = utcnow()
        self.plan = ImportPlan()
        self.coders = CoderTable(model, self.plan.coders, warnings)
        self.notes = NoteTable(model, loader, warnings)
        self.code_ids: dict[str, int] = {}  # file GUID -> code id
        self.root_names: dict[str, int] = {}
        self.uncoded_id: int | None = None
        self.doc_by_hash: dict[str, int] = {}
        self.passage_keys: dict[tuple[int, int, int, int, int], dict[str, Any]] = {}
        self.guids: set[str] = set()
        self.variables = {v.guid: v.name.strip() for v in model.variables}
        self.unknown_variables: set[str] = set()
        self.numbers: list[int | None] = []  # annotator's own document numbers, if exported

    def run(self) -> ImportPlan:
        self._codes()
        stack = list(self.model.codes)
        while stack:
            code = stack.pop()
            for guid in code.note_refs:
                self.notes.misplaced(guid, f"code {code.name!r}")
            stack.extend(code.children)
        case_values: dict[str, dict[str, str]] = {}
        for case in self.model.cases:
            for ref in case.source_refs:
                merged = case_values.setdefault(ref, {})
                for key, value in case.values.items():
                    merged.setdefault(key, value)
        for source in self.model.sources:
            self._source(source, case_values.get(source.guid or "", {}))
        self._number()
        self.notes.report_unused()
        for kind, name in self.model.unsupported:
            self.warnings.add(W.UNSUPPORTED, f'{kind} "{name}"', _UNSUPPORTED.get(
                kind, "not imported: annotator holds text documents only"))
        return self.plan

    # -- codes ---------------------------------------------------------------------------
    def _codes(self) -> None:
        rows, paths = refi_code_rows(self.model.codes, self.warnings,
                                     what=self.loader.project_file, limits=self.loader.limits)
        self.plan.codes, ids = code_table(rows, self.warnings)
        self.root_names = {c["name"]: c["id"] for c in self.plan.codes if c["parent_id"] is None}
        self.code_ids = {guid: ids[path] for guid, path in paths.items() if guid}

    def _uncoded_code(self) -> int:
        if self.uncoded_id is None:
            existing = self.root_names.get(UNCODED)
            if existing is None:
                existing = len(self.plan.codes) + 1
                self.plan.codes.append(
                    dict(id=existing, guid=str(uuid.uuid4()), parent_id=None, name=UNCODED,
                         colour="#B8C4CE", definition="从其他软件导入的、未编码但带备注的选段",
                         keywords=[], shortcut=None, position=len(self.root_names))
                )
            self.uncoded_id = existing
        return self.uncoded_id

    # -- documents -----------------------------------------------------------------------
    def _source(self, src: RefiTextSource, case_values: dict[str, str]) -> None:
        if not src.name.strip() and (src.plain_text_path or src.rich_text_path):
            # qualitative-coding writes no name: the file's name is the best title there is
            path = src.plain_text_path or src.rich_text_path or ""
            src.name = PurePosixPath(path.partition("://")[2] or path).name
        item = f'source "{src.name}"'
        raw = self._raw_text(src, item)
        if raw is None:
            return
        text, mapping = offset_map(raw)
        if not text.strip():
            self.warnings.add(W.MISSING_SOURCE, item, "has no text; not imported")
            return
        values: dict[str, str] = {}
        for guid, value in {**case_values, **src.values}.items():
            name = self.variables.get(guid)
            if name:
                values[name] = value
            elif guid not in self.unknown_variables:
                self.unknown_variables.add(guid)
                self.warnings.add(W.REFERENCE, item, f"value of unknown variable {guid} left out")
        digest = content_hash(text)
        doc_id = self.doc_by_hash.get(digest)
        if doc_id is not None:
            self.warnings.add(W.DUPLICATE, item, "same text as an earlier source; its codings "
                              "were added to that document")
        else:
            doc_id = self._document(src, text, digest, values)
        if src.description.strip():
            self.warnings.add(W.NOTE, item, "its description was not kept")
        for note in src.note_refs:
            if not self._annotation(src, note):
                self.notes.misplaced(note, f"document {src.name!r}")
        self._selections(src, doc_id, raw, len(text), mapping)

    def _annotation(self, src: RefiTextSource, guid: str) -> bool:
        """A note on a span of the source (QualCoder's text annotation) becomes an uncoded
        selection with that memo, so it is kept like MAXQDA's memo-only selections."""
        found = self.notes.annotation(guid)
        if found is None:
            return False
        note, memo = found
        for start, end in note.spans:
            src.selections.append(RefiSelection(
                guid=None, name=note.name, start=start, end=end, user_guid=note.user_guid,
                created=note.created, description=memo))
        return True

    def _raw_text(self, src: RefiTextSource, item: str) -> str | None:
        """The source's text as the file has it; None (with a warning) when there is none.
        An empty plain text with a ``richTextPath`` .docx (NVivo) is read from the .docx."""
        remarks: list[str] = []
        missing: MissingText | None = None
        try:
            raw = self.loader.text(src.content, src.plain_text_path, remarks)
        except MissingText as exc:
            raw, missing = "", exc
        for remark in remarks:
            self.warnings.add(W.SOURCE_PATH, item, remark)
        if not raw.strip() and src.rich_text_path:
            try:
                raw = _docx_reading(self.loader.rich_text(src.rich_text_path), src,
                                    self.model.origin)
            except MissingText as exc:
                missing = missing or exc
            else:
                if not raw.strip():
                    missing = MissingText(f"has no text (the plain text and "
                                          f"{src.rich_text_path} are both empty)")
                else:
                    why = missing.reason if missing else "its plain text is empty"
                    self.warnings.add(W.SOURCE_PATH, item, f"{why}; its text was read from "
                                      f"{src.rich_text_path} (one line per paragraph)")
                    missing = None
        if missing is not None:
            lost = sum(max(1, len(s.codings)) for s in src.selections) + len(src.codings)
            self.warnings.add(W.MISSING_SOURCE, item, f"{missing.reason}; not imported"
                              + (f", nor its {lost} coding(s)" if lost else ""))
            return None
        return raw

    def _document(self, src: RefiTextSource, text: str, digest: str, values: dict[str, str]) -> int:
        doc_id = len(self.plan.documents) + 1
        self.doc_by_hash[digest] = doc_id
        number = values.get(NUMBER_VARIABLE, "").strip()
        self.numbers.append(int(number) if number.isdigit() and int(number) > 0 else None)
        ours = NUMBER_VARIABLE in values or SOURCE_VARIABLE in values  # written by annotator
        source_name = values.get(SOURCE_VARIABLE, "") if ours else src.name
        title = src.name.strip()
        if not ours:
            stem, dot, suffix = title.rpartition(".")
            if dot and stem.strip() and f".{suffix.lower()}" in _DOC_SUFFIXES:
                title = stem.strip()  # another tool's "访谈1.docx" becomes "访谈1"
        guid = self._guid(src.guid)
        self.plan.documents.append(
            dict(id=doc_id, guid=guid, number=doc_id, title=title or f"文档 {doc_id}",
                 text=text, source_name=source_name, content_hash=digest,
                 imported_at=src.created or self.now)
        )
        position = 0
        for key, value in values.items():
            if key in (NUMBER_VARIABLE, SOURCE_VARIABLE) or not key or not value.strip():
                continue
            self.plan.attributes.append(
                dict(document_id=doc_id, key=key, value=value.strip(), position=position)
            )
            position += 1
        return doc_id

    def _number(self) -> None:
        """Keep the document numbers annotator exported when every document has a distinct
        one; otherwise documents are numbered in source order, as they already are."""
        wanted = [n for n in self.numbers if n is not None]
        if len(wanted) == len(self.plan.documents) and len(set(wanted)) == len(wanted):
            for doc, number in zip(self.plan.documents, wanted, strict=True):
                doc["number"] = number

    def _guid(self, wanted: str | None) -> str:
        guid = wanted if wanted and wanted not in self.guids else str(uuid.uuid4())
        self.guids.add(guid)
        return guid

    # -- selections and codings ------------------------------------------------------------
    def _selections(
        self, src: RefiTextSource, doc_id: int, raw: str, length: int, mapping: list[int] | None
    ) -> None:
        spans = [(s.start, s.end, s.name) for s in src.selections
                 if s.start is not None and s.end is not None]
        reading, confirmed = detect_reading(raw, spans)
        conv = Converter(raw, reading)
        if reading is not Reading.CODE_POINTS:
            self.warnings.add(W.POSITIONS, f'source "{src.name}"',
                              f"positions count {reading} ({confirmed} of {len(spans)} "
                              "selections confirm it); converted to characters")
        for sel in src.selections:
            label = _short(sel.name) or sel.guid or f"{sel.start}–{sel.end}"
            item = f'selection "{label}" in "{src.name}"'
            if sel.start is None or sel.end is None:
                self.warnings.add(W.SELECTION, item, "has no start or end position; skipped")
                continue
            if sel.start < 0 or sel.end <= sel.start:
                self.warnings.add(W.SELECTION, item,
                                  f"empty or reversed span {sel.start}–{sel.end}; skipped")
                continue
            if sel.end > conv.length:
                self.warnings.add(W.SELECTION, item, f"ends at {sel.end}, past the end of its "
                                  f"text ({conv.length}); skipped")
                continue
            start, end = conv.to_raw(sel.start), conv.to_raw(sel.end)
            if mapping is not None:
                start, end = mapping[start], mapping[end]
            if end <= start:
                self.warnings.add(W.SELECTION, item, "covers only spaces or line breaks that "
                                  "annotator drops from text; skipped")
                continue
            self._coded_span(src, sel, item, doc_id, start, end)
        for coding in src.codings:  # a whole source coded at once
            self._passage(doc_id, coding, None, src, f'source "{src.name}"', 0, length, [])

    def _coded_span(
        self, src: RefiTextSource, sel: RefiSelection, item: str, doc_id: int, start: int, end: int
    ) -> None:
        memo = [sel.description, *self.notes.texts(sel.note_refs)]
        if not sel.codings:
            if not any(m.strip() for m in memo):
                self.warnings.add(W.SELECTION, item, "has no code (no Coding); skipped")
                return
            self.warnings.add(W.SELECTION, item,
                              f"has no code but a memo; kept under the code {UNCODED!r}")
            coding = RefiCoding(guid=sel.guid, code_guid=None, user_guid=sel.user_guid,
                                created=sel.created)
            self._passage(doc_id, coding, sel, src, item, start, end, memo, self._uncoded_code())
            return
        for coding in sel.codings:
            self._passage(doc_id, coding, sel, src, item, start, end, memo)

    def _passage(
        self,
        doc_id: int,
        coding: RefiCoding,
        sel: RefiSelection | None,
        src: RefiTextSource,
        item: str,
        start: int,
        end: int,
        memo: list[str],
        code_id: int | None = None,
    ) -> None:
        if code_id is None:
            code_id = self.code_ids.get(coding.code_guid or "")
            if code_id is None:
                self.warnings.add(W.REFERENCE, item,
                                  f"coded with unknown code {coding.code_guid}; skipped")
                return
        user = coding.user_guid or (sel.user_guid if sel else None) or src.user_guid
        coder_id = self.coders.coder_id(user)
        # A memo may be both the selection's Description and a Note (as annotator and
        # MAXQDA write it): each text once.
        parts = dict.fromkeys(m.strip() for m in [*memo, *self.notes.texts(coding.note_refs)])
        text = "\n\n".join(p for p in parts if p)
        key = (doc_id, code_id, coder_id, start, end)
        twin = self.passage_keys.get(key)
        if twin is not None:
            self.warnings.add(W.DUPLICATE, item, "the same code on the same text by the same "
                              "coder twice; kept once")
            if text and text not in twin["memo"]:
                twin["memo"] = "\n\n".join(p for p in (twin["memo"], text) if p)
            return
        one_coding = sel is not None and len(sel.codings) <= 1
        row = dict(
            id=len(self.plan.passages) + 1,
            guid=self._guid(sel.guid if one_coding and sel else coding.guid),
            document_id=doc_id, code_id=code_id, coder_id=coder_id, start=start, end=end,
            memo=text, created_at=coding.created or (sel.created if sel else None) or self.now,
        )
        self.passage_keys[key] = row
        self.plan.passages.append(row)
