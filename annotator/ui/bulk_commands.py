"""Undoable bulk edits: coding search results, reviewing auto-coding proposals, editing the
project's word lists. Like :mod:`annotator.ui.commands`, each command's redo()/undo() only call
the core and then notify; each is one step on the undo stack, however many passages it makes.

Their notifications go through the one hub, like every other change: coding many spans
names the documents whose passages changed; proposals and word lists have their own flags
in :class:`~annotator.records.Changes` (and the hub's ``proposalsChanged`` and
``wordListsChanged`` signals).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.autocoding import (
    AcceptedBatch,
    accept_code,
    accept_proposals,
    reject_proposals,
    undo_accept,
    unreject_proposals,
)
from annotator.records import Changes, PassageInfo
from annotator.search import CodingSpan, code_spans, remove_passages
from annotator.ui.hub import ProjectHub
from annotator.words import stopwords, terms


def tr(text: str) -> str:
    return QCoreApplication.translate("BulkCommands", text)


class CodeSpans(QUndoCommand):
    """Code many spans with one code in one transaction (search results, their sentences or
    paragraphs). Spans already so coded are left alone, and undo never removes them. Undo
    removes the new passages; redo puts them back with their ids, so later steps that name
    one of them (a memo, a removal) still find it."""

    def __init__(self, hub: ProjectHub, code_id: int, spans: Sequence[CodingSpan],
                 text: str) -> None:
        super().__init__(text)
        self.hub, self.code_id, self.spans = hub, code_id, list(spans)
        self.passage_ids: list[int] | None = None
        self._removed: list[PassageInfo] = []

    def _documents(self) -> frozenset[int]:
        return frozenset(s.document_id for s in self.spans)

    def redo(self) -> None:
        project = self.hub.require()
        if self.passage_ids is None:
            self.passage_ids = code_spans(project, self.code_id, self.spans)
            if not self.passage_ids:
                self.setObsolete(True)  # nothing new: no empty step on the stack
                return
        else:
            for info in self._removed:
                project.restore_passage(info)
        self.hub.notify(Changes(passages_reread=self._documents()))

    def undo(self) -> None:
        project = self.hub.require()
        wanted = set(self.passage_ids or ())
        # As they are now (memos may have been written since), for redo to put back.
        self._removed = [p for p in project.passages(code_id=self.code_id) if p.id in wanted]
        remove_passages(project, [p.id for p in self._removed])
        self.hub.notify(Changes(passages_reread=self._documents()))


class AcceptProposals(QUndoCommand):
    """Accept auto-coding proposals as passages: some by id, or every pending one of a code
    (with its sub-codes). Undo removes the passages and brings the proposals back."""

    def __init__(self, hub: ProjectHub, *, proposal_ids: Iterable[int] | None = None,
                 code_id: int | None = None, text: str = "") -> None:
        super().__init__(text or tr("Accept proposals"))
        if (proposal_ids is None) == (code_id is None):
            raise ValueError("give proposal ids or a code, not both")
        self.hub, self.code_id = hub, code_id
        self.proposal_ids = None if proposal_ids is None else list(proposal_ids)
        self.batch: AcceptedBatch | None = None

    def _notify(self) -> None:
        docs = frozenset(p.document_id for p in self.batch.proposals) if self.batch else None
        self.hub.notify(Changes(passages_reread=docs, proposals=True))

    def redo(self) -> None:
        project = self.hub.require()
        if self.batch is not None:
            # The proposals came back with their ids; accepting them again makes passages
            # marked as auto-coded (new passage ids).
            self.batch = accept_proposals(project, [p.id for p in self.batch.proposals])
        elif self.code_id is not None:
            self.batch = accept_code(project, self.code_id)
        else:
            self.batch = accept_proposals(project, self.proposal_ids or [])
        if not self.batch.proposals:
            self.setObsolete(True)
            return
        self._notify()

    def undo(self) -> None:
        assert self.batch is not None
        undo_accept(self.hub.require(), self.batch)
        self._notify()

    @property
    def accepted(self) -> int:
        """Passages the last redo made."""
        return len(self.batch.passage_ids) if self.batch else 0


class RejectProposals(QUndoCommand):
    """Reject pending proposals (never proposed again); undo makes them pending again."""

    def __init__(self, hub: ProjectHub, proposal_ids: Iterable[int]) -> None:
        super().__init__(tr("Reject proposals"))
        self.hub, self.proposal_ids = hub, list(proposal_ids)

    def redo(self) -> None:
        if not reject_proposals(self.hub.require(), self.proposal_ids):
            self.setObsolete(True)
            return
        self.hub.notify(Changes(proposals=True))

    def undo(self) -> None:
        unreject_proposals(self.hub.require(), self.proposal_ids)
        self.hub.notify(Changes(proposals=True))


TERMS, STOPWORDS = "terms", "stopwords"
_EDITS = {
    (TERMS, True): terms.add_terms,
    (TERMS, False): terms.remove_terms,
    (STOPWORDS, True): stopwords.add_stopwords,
    (STOPWORDS, False): stopwords.remove_stopwords,
}


class EditWordList(QUndoCommand):
    """Add words to or remove words from the project's terms or stopwords (one transaction).
    The core reports which words changed anything; undo does the opposite to exactly those,
    which for a shipped word switched off or back on restores the shipped state."""

    def __init__(self, hub: ProjectHub, word_list: str, words: Iterable[str], *,
                 add: bool) -> None:
        if (word_list, add) not in _EDITS:
            raise ValueError(f"unknown word list {word_list!r}")
        texts = {
            (TERMS, True): tr("Add terms"), (TERMS, False): tr("Remove terms"),
            (STOPWORDS, True): tr("Add stopwords"), (STOPWORDS, False): tr("Remove stopwords"),
        }
        super().__init__(texts[word_list, add])
        self.hub, self.word_list, self.add = hub, word_list, add
        self.words = list(words)
        self.changed: list[str] | None = None

    def _edit(self, add: bool, words: list[str]) -> list[str]:
        changed = _EDITS[self.word_list, add](self.hub.require(), words)
        self.hub.notify(Changes(word_lists=True))
        return changed

    def redo(self) -> None:
        if self.changed is None:
            self.changed = _EDITS[self.word_list, self.add](self.hub.require(), self.words)
            if not self.changed:
                self.setObsolete(True)
                return
            self.hub.notify(Changes(word_lists=True))
        else:
            self._edit(self.add, self.changed)

    def undo(self) -> None:
        assert self.changed is not None
        self._edit(not self.add, self.changed)
