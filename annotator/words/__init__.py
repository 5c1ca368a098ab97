"""The project's words: its term list and stopword changes as the project keeps them, and
the discovery of new terms in its documents. The text rules they feed (segmentation,
shipped lists) live in :mod:`annotator.chinese`, below the store; these modules read and
write the project's word lists through :mod:`annotator.db.word_lists`."""
