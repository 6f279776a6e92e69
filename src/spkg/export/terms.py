"""Kept for importers of the old path; the conversions live in :mod:`spkg.rdfcore.terms`."""

from spkg.rdfcore.terms import (
    OxGraphName,
    OxTerm,
    dataset_quads,
    graph_name_to_ox,
    quad_sort_key,
    to_ox,
    to_rdflib,
)

__all__ = ["OxGraphName", "OxTerm", "dataset_quads", "graph_name_to_ox", "quad_sort_key",
           "to_ox", "to_rdflib"]
