"""The reads behind the tables: they live in :mod:`annotator.db.table_reads` (SQL belongs
to the db package); this module keeps the names analysis code imports."""

from annotator.db.table_reads import (
    CODE,
    DOC,
    END,
    START,
    DocumentRow,
    attribute_rows,
    coding_array,
    counts_by_document,
    document_keys,
    document_rows,
    document_texts,
    passage_array,
)

__all__ = [
    "CODE",
    "DOC",
    "END",
    "START",
    "DocumentRow",
    "attribute_rows",
    "coding_array",
    "counts_by_document",
    "document_keys",
    "document_rows",
    "document_texts",
    "passage_array",
]
