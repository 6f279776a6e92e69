"""A query worker process: holds its own copy of the dataset in a pyoxigraph store.

Workers exist so that a timeout really stops work: pyoxigraph cannot cancel a query from
Python, so the server kills the worker and starts a fresh one. This module is imported in a
freshly spawned interpreter and keeps its imports light.
"""

from __future__ import annotations

import signal
import sys
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

EncodedTerm = tuple[str, ...]

_RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
}


def encode(term: Any) -> EncodedTerm | None:
    """A pyoxigraph term as a small picklable tuple (None for an unbound variable)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language or "", term.datatype.value)
    return ("literal", str(term), "", "http://www.w3.org/2001/XMLSchema#string")


# The default graph as the RDF merge of the named graphs: a set, so a triple that is in two
# graphs matches once (pyoxigraph's union view would match it once per graph).
MERGE_INTO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def open_store(nquads_path: str, updates: list[str], *, merged_default: bool) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=nquads_path, format=ox.RdfFormat.N_QUADS)
    if merged_default:
        store.update(MERGE_INTO_DEFAULT)
    for update in updates:
        store.update(update)
    return store


def _graph_args(request: dict[str, Any], merged_default: bool) -> dict[str, Any]:
    default = [ox.NamedNode(g) for g in request.get("default_graphs") or []]
    named = [ox.NamedNode(g) for g in request.get("named_graphs") or []]
    if default or named:
        return {"default_graph": default or None, "named_graphs": named or None}
    return {} if merged_default else {"use_default_graph_as_union": True}


def _serialise_triples(triples: list[ox.Triple], fmt: str) -> bytes:
    if fmt == "jsonld":
        from spkg.export.jsonld import to_jsonld

        return to_jsonld([ox.Quad(t.subject, t.predicate, t.object) for t in triples],
                         context="/context.jsonld")
    from spkg.export.syntax import to_bytes

    if fmt in ("trig", "nq"):
        return to_bytes([ox.Quad(t.subject, t.predicate, t.object) for t in triples],
                        _RDF_FORMATS[fmt])
    return to_bytes(triples, _RDF_FORMATS[fmt])


def run_query(store: ox.Store, request: dict[str, Any], *, merged_default: bool = True
              ) -> dict[str, Any]:
    result = store.query(request["query"], **_graph_args(request, merged_default))
    max_rows: int = request["max_rows"]
    if isinstance(result, ox.QueryBoolean):
        return {"kind": "ASK", "boolean": bool(result)}
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[tuple[EncodedTerm | None, ...]] = []
        truncated = False
        for solution in result:
            if len(rows) == max_rows:
                truncated = True
                break
            rows.append(tuple(encode(solution[v]) for v in variables))
        return {"kind": "SELECT", "variables": variables, "rows": rows, "truncated": truncated}
    triples: list[ox.Triple] = []
    truncated = False
    for triple in result:
        if len(triples) == max_rows:
            truncated = True
            break
        triples.append(triple)
    body = _serialise_triples(triples, request["format"])
    return {"kind": "GRAPH", "data": body, "count": len(triples), "truncated": truncated}


def serve(conn: Connection, nquads_path: str, *, merged_default: bool) -> None:
    """The worker's loop: the update journal first, then one request in, one answer out.

    ``merged_default``: read-only servers materialise the merge once; with updates allowed
    the default graph is pyoxigraph's live union view, which sees every update at once.
    """
    store = open_store(nquads_path, conn.recv(), merged_default=merged_default)
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            if request["op"] == "update":
                store.update(request["update"])
                answer: tuple[str, Any] = ("ok", None)
            else:
                answer = ("ok", run_query(store, request, merged_default=merged_default))
        except SyntaxError as error:
            answer = ("bad-request", str(error))
        except Exception as error:  # a query the engine refuses: the client's problem
            answer = ("bad-request", f"{type(error).__name__}: {error}")
        conn.send(answer)


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    serve(Connection(int(argv[1])), argv[2], merged_default=argv[3] == "merge")


if __name__ == "__main__":
    main(sys.argv)
