"""Kept for importers of the old path; the writer lives in :mod:`spkg.rdfcore.syntax`."""

from spkg.rdfcore.syntax import SYNTAX_PREFIXES, sorted_prefix_lines, to_bytes

__all__ = ["SYNTAX_PREFIXES", "sorted_prefix_lines", "to_bytes"]
