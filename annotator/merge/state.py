"""What the steps of one merge share: both sessions, the copy's base, id maps, the report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.merge.base import CopyBase
from annotator.merge.report import MergeReport
from annotator.merge.seen import Seen

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass
class MergeState:
    ours: Session  # the project being merged into: the one transaction that writes
    theirs: Session  # the other file (a private snapshot; only read)
    report: MergeReport
    base: CopyBase | None
    buried: dict[str, set[str]]  # kind -> guids deleted here (tombstones)
    seen: Seen | None = None  # the other file at our last merge of it
    # their id -> our id; None when the item was deleted here and stays deleted
    code_map: dict[int, int | None] = field(default_factory=dict)
    doc_map: dict[int, int | None] = field(default_factory=dict)
    coder_map: dict[int, int] = field(default_factory=dict)
    # Their passages that are neither here nor deleted here, counted by their code and
    # document: a code or document deleted here is recreated when one of these needs it.
    incoming_codes: Counter[int] = field(default_factory=Counter)
    incoming_docs: Counter[int] = field(default_factory=Counter)
    deleted_there: set[str] = field(default_factory=set)  # "kind:guid", for the next merge

    @property
    def last_seen(self) -> CopyBase | None:
        """Their codes, titles and attributes as our last merge of this file saw them."""
        return self.seen.state if self.seen is not None else None

