"""Importing source files: reading them into text (this layer has no database access)."""

from annotator.importing.extracted import ExtractedText
from annotator.importing.normalise import normalise_text
from annotator.importing.readers import SUPPORTED_SUFFIXES, read_file

__all__ = ["SUPPORTED_SUFFIXES", "ExtractedText", "normalise_text", "read_file"]
