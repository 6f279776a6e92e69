"""Kept for importers of the old path; the writer lives in :mod:`spkg.rdfcore.jsonld`."""

from spkg.rdfcore.jsonld import RDF_TYPE, XSD_STRING, to_jsonld, write_jsonld

__all__ = ["RDF_TYPE", "XSD_STRING", "to_jsonld", "write_jsonld"]
