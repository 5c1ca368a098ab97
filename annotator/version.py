"""The version of annotator, importable from any layer without importing the package API."""

__version__ = "0.1.0"
