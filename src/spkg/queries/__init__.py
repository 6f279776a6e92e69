"""Stored SPARQL queries: the catalogue of queries/*.rq, parameter types, running, output.

>>> from spkg.queries import catalogue
>>> "results-by-sdg-target" in catalogue()
True
"""

from spkg.queries.catalogue import ParamSpec, StoredQuery, catalogue, find_query
from spkg.queries.runner import bind_parameters, run_stored, run_text

__all__ = [
    "ParamSpec",
    "StoredQuery",
    "bind_parameters",
    "catalogue",
    "find_query",
    "run_stored",
    "run_text",
]
