"""Search in the window: the search tab beside the passages list, its results table."""
