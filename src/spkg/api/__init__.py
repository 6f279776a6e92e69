"""spkg from Python: build a knowledge graph from ILO texts, open it, and ask it questions.

A small, typed, keyword-only facade over the stages (ingest, reason, validate, query,
export, push, serve), in the style of pyoxigraph's API. Everything here is re-exported
from :mod:`spkg`, and every example below runs as a test (tests/test_api.py). One module a
concern: graph (open and read a build), building (ingest, build, add, remove), reasoning
(reason, why, explain), validation, curating (curate, review), publishing (export, push,
serve), ontology (its checks and documentation) and querying (what `spkg query` runs).

Open a build (``./dist`` when it holds one, else the bundled seeds' build, made once) and
ask one of the stored questions, its parameters bound as RDF terms:

>>> import spkg
>>> with spkg.open() as graph:
...     answer = graph.query(stored="located-in", params={"place": "Pakistan"})
>>> "thing" in answer.variables and len(answer.rows) > 0
True

Or any SPARQL:

>>> with spkg.open() as graph:
...     graph.query("ASK { ?s a <https://w3id.org/spkg/ontology#Programme> }").boolean
True

Build a graph from a folder of one's own documents (plain UTF-8 ``.txt`` files):

>>> import pathlib, shutil, tempfile
>>> docs = pathlib.Path(tempfile.mkdtemp())
>>> _ = shutil.copy(spkg.paths.sources_dir() / "001_0844c7bbfea795f9.txt", docs)
>>> summary = spkg.build_graph(docs, out=docs / "out")
>>> summary.documents, summary.violations
(1, 0)
>>> with spkg.open(docs / "out") as graph:
...     graph.documents()
['https://w3id.org/spkg/id/document/001-0844c7bbfea795f9']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spkg.api.building import (
        add_documents,
        build_graph,
        parse_size,
        read_documents,
        remove_documents,
        write_documents,
    )
    from spkg.api.curating import curate_graph, review_queue, settle_review
    from spkg.api.graph import Graph, load_dataset, open, stored_queries
    from spkg.api.ontology import check_ontology, write_ontology_docs
    from spkg.api.publishing import export_graph, push_graph, serve_graph
    from spkg.api.querying import (
        cells_cut,
        check_query_params,
        find_stored_query,
        open_query_store,
        query_listing,
        render_answer,
        run_query,
    )
    from spkg.api.reasoning import explain_triple, reason_graph, why_text
    from spkg.api.validation import validate_graph

# Names that no submodule of spkg (nor of spkg.api) has: importing spkg.build or spkg.ingest
# sets those attributes of the package to the modules, which would hide functions of the
# same name. The result types stay in their modules (spkg.api.reasoning.Explanation, …).
__all__ = ["Graph", "add_documents", "build_graph", "cells_cut", "check_ontology",
           "check_query_params", "curate_graph", "explain_triple", "export_graph",
           "find_stored_query", "load_dataset", "open", "open_query_store", "parse_size",
           "push_graph", "query_listing", "read_documents", "reason_graph", "remove_documents",
           "render_answer", "review_queue", "run_query", "serve_graph", "settle_review",
           "stored_queries", "validate_graph", "why_text", "write_documents",
           "write_ontology_docs"]

# Which module holds each name. A module is loaded when one of its names is first used, so
# that `import spkg` does not load the eight (`spkg query` loads querying alone).
_MODULES = {"Graph": "graph", "open": "graph", "load_dataset": "graph",
            "stored_queries": "graph", "add_documents": "building", "build_graph": "building",
            "parse_size": "building", "read_documents": "building",
            "remove_documents": "building", "write_documents": "building",
            "curate_graph": "curating", "review_queue": "curating",
            "settle_review": "curating", "check_ontology": "ontology",
            "write_ontology_docs": "ontology", "export_graph": "publishing",
            "push_graph": "publishing", "serve_graph": "publishing",
            "explain_triple": "reasoning", "reason_graph": "reasoning", "why_text": "reasoning",
            "validate_graph": "validation", "cells_cut": "querying",
            "check_query_params": "querying", "find_stored_query": "querying",
            "open_query_store": "querying", "query_listing": "querying",
            "render_answer": "querying", "run_query": "querying"}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'spkg.api' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"spkg.api.{module}"), name)
    globals()[name] = value  # the next use is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
