"""Search across all documents (word, phrase, regular expression) over an FTS5 index of the
segmented text, and coding of search results. GUI-free; see :func:`search`."""

from annotator.search.coding import (
    MATCH,
    PARAGRAPH,
    SENTENCE,
    CodingSpan,
    code_spans,
    remove_passages,
    spans_to_code,
)
from annotator.search.index import IndexStatus, ensure_index, index_status, rebuild_index
from annotator.search.query import MODES, PHRASE, REGEX, WORD
from annotator.search.results import SearchHit, SearchResult, search

__all__ = [
    "MATCH", "MODES", "PARAGRAPH", "PHRASE", "REGEX", "SENTENCE", "WORD",
    "CodingSpan", "IndexStatus", "SearchHit", "SearchResult",
    "code_spans", "ensure_index", "index_status", "rebuild_index", "remove_passages", "search",
    "spans_to_code",
]
