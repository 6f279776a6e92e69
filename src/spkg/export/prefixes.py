"""Kept for importers of the old path; the table lives in the core module :mod:`spkg.prefixes`."""

from spkg.prefixes import PREFIXES, compact, jsonld_context

__all__ = ["PREFIXES", "compact", "jsonld_context"]
