"""Suggestions learned from the researcher's own coding (:func:`suggest`), offline."""

from annotator.suggest.learn import UNITS, CodeQuality, NextUnit, SuggestReport, suggest

__all__ = ["UNITS", "CodeQuality", "NextUnit", "SuggestReport", "suggest"]
