"""Auto-coding by dictionary: code keywords propose sentences or paragraphs, stored as
machine-made proposals until a researcher accepts or rejects them. GUI-free."""

from annotator.autocoding.propose import (
    PARAGRAPH,
    SENTENCE,
    AutocodeReport,
    CodeSummary,
    autocode,
)
from annotator.autocoding.review import (
    AcceptedBatch,
    accept_code,
    accept_proposals,
    count_proposals,
    list_proposals,
    reject_proposals,
    undo_accept,
    unreject_proposals,
)
from annotator.db.proposals import ProposalInfo

__all__ = [
    "PARAGRAPH", "SENTENCE",
    "AcceptedBatch", "AutocodeReport", "CodeSummary", "ProposalInfo",
    "accept_code", "accept_proposals", "autocode", "count_proposals", "list_proposals",
    "reject_proposals", "undo_accept", "unreject_proposals",
]
