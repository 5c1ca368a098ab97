"""Units are kept in the project now (table ``derived_units``, :mod:`annotator.db.derived`,
read through :data:`annotator.analysis.unit_index.DEFAULT_CACHE`), not in a file in the
user's cache directory. This module remains only so that older imports keep working."""

from annotator.chinese.units import rules_digest

__all__ = ["rules_digest"]
