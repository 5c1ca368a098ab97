"""The right pane: the codebook tree with its filter, details and editing dialogs."""

from annotator.ui.codebook.model import CODE_ID_ROLE, CODE_MIME, CodebookModel
from annotator.ui.codebook.pane import CodebookPane

__all__ = ["CODE_ID_ROLE", "CODE_MIME", "CodebookModel", "CodebookPane"]
