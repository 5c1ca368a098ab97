"""Search across all documents — every occurrence of the query's characters (the default),
whole words over an FTS5 index of the segmented text, or a regular expression — with
simplified and traditional forms matching each other, and coding of search results.
GUI-free; see :func:`search`."""

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
from annotator.search.query import DEFAULT_MODE, MODES, PHRASE, REGEX, WORD, effective_mode
from annotator.search.results import SearchHit, SearchResult, search

__all__ = [
    "DEFAULT_MODE", "MATCH", "MODES", "PARAGRAPH", "PHRASE", "REGEX", "SENTENCE", "WORD",
    "CodingSpan", "IndexStatus", "SearchHit", "SearchResult",
    "code_spans", "effective_mode", "ensure_index", "index_status", "rebuild_index",
    "remove_passages", "search", "spans_to_code",
]
