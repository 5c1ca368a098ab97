"""Team work on one study: blind copies for further coders, and merging them back.

``copy_for_coder`` makes a copy with the same documents and codebook and no passages;
``merge_project`` brings a copy's passages, memos, codes and attribute edits back, never
dropping anything and reporting what needs a decision.
"""

from annotator.merge.coders import CoderSummary, coder_summaries
from annotator.merge.copy import BlindCopy, copy_for_coder
from annotator.merge.merge import merge_project
from annotator.merge.report import ConflictKind, MergeConflict, MergeReport

__all__ = [
    "BlindCopy",
    "CoderSummary",
    "ConflictKind",
    "MergeConflict",
    "MergeReport",
    "coder_summaries",
    "copy_for_coder",
    "merge_project",
]
