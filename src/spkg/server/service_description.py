"""The SPARQL 1.1 Service Description of /sparql: what the endpoint speaks and holds.

Served for ``GET /sparql`` without a query when the client asks for RDF. The limits have no
term in the Service Description vocabulary, so they are extension properties in spkg's own
service namespace (documented in docs/standards.md).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from spkg.server import conneg
from spkg.server.state import ServerState
from spkg.server.worker import _serialise_triples as serialise_triples

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SERVICE = "https://w3id.org/spkg/service#"  # spkg's extension properties (limits)

RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG",
                  "N-Quads")
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def graph_counts(store: ox.Store) -> list[tuple[str, int]]:
    """Each named graph of ``store`` with its number of triples."""
    solutions = store.query(GRAPH_COUNTS)
    assert isinstance(solutions, ox.QuerySolutions)
    counts = []
    for row in solutions:
        graph, count = row["g"], row["n"]
        if isinstance(graph, ox.NamedNode) and isinstance(count, ox.Literal):
            counts.append((graph.value, int(count.value)))
    return counts


def _triples(endpoint: str, *, update: bool, graphs: list[tuple[str, int]],
             limits: dict[str, float | int]) -> Iterator[ox.Triple]:
    service = ox.NamedNode(endpoint)

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    yield ox.Triple(service, RDF_TYPE, sd("Service"))
    yield ox.Triple(service, sd("endpoint"), service)
    yield ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query"))
    if update:
        yield ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update"))
    # The default graph is the merge of the named graphs (see datadir.py).
    yield ox.Triple(service, sd("feature"), sd("UnionDefaultGraph"))
    for name in RESULT_FORMATS:
        yield ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + name))
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("default")
    yield ox.Triple(service, sd("defaultDataset"), dataset)
    yield ox.Triple(dataset, RDF_TYPE, sd("Dataset"))
    yield ox.Triple(dataset, sd("defaultGraph"), default)
    yield ox.Triple(default, RDF_TYPE, sd("Graph"))
    for index, (iri, count) in enumerate(graphs):
        named = ox.BlankNode(f"named{index}")
        graph = ox.BlankNode(f"graph{index}")
        yield ox.Triple(dataset, sd("namedGraph"), named)
        yield ox.Triple(named, RDF_TYPE, sd("NamedGraph"))
        yield ox.Triple(named, sd("name"), ox.NamedNode(iri))
        yield ox.Triple(named, sd("graph"), graph)
        yield ox.Triple(graph, RDF_TYPE, sd("Graph"))
        yield ox.Triple(graph, ox.NamedNode(VOID + "triples"),
                        ox.Literal(str(count), datatype=ox.NamedNode(XSD + "integer")))
    for name, value in limits.items():
        datatype = XSD + ("decimal" if isinstance(value, float) else "integer")
        yield ox.Triple(service, ox.NamedNode(SERVICE + name),
                        ox.Literal(str(value), datatype=ox.NamedNode(datatype)))


def describe(endpoint: str, fmt: str, *, update: bool, graphs: list[tuple[str, int]],
             limits: dict[str, float | int]) -> bytes:
    """The description of the endpoint at ``endpoint`` in ``fmt`` (ttl, nt, rdf, jsonld…)."""
    triples = list(_triples(endpoint, update=update, graphs=graphs, limits=limits))
    return serialise_triples(triples, fmt)


# What GET /sparql without a query may answer: the query page for people, RDF for machines.
OFFERED = {"text/html": "html", "application/xhtml+xml": "html",
           **{m: f for m, f in conneg.RDF_TYPES.items() if m != "text/plain"}}


async def answer(state: ServerState, request: Request) -> Response | None:
    """The description in the RDF syntax the client prefers; None when it prefers HTML."""
    fmt = conneg.rdf_or_html(request, OFFERED)
    if not isinstance(fmt, str):
        return fmt
    store = state.view.store
    cached = state.extra.get("service-description-counts")
    if not (isinstance(cached, tuple) and cached[0] is store):
        cached = (store, await run_in_threadpool(graph_counts, store))
        state.extra["service-description-counts"] = cached
    config = state.config
    limits: dict[str, float | int] = {
        "queryTimeoutSeconds": float(config.timeout), "maxResultRows": config.max_rows,
        "maxResultBytes": config.max_answer, "maxQueryBytes": config.max_query,
        "maxRequestBytes": config.max_body}
    endpoint = str(request.url.replace(query="", fragment=""))
    body = describe(endpoint, fmt, update=config.allow_update, graphs=cached[1], limits=limits)
    return Response(body, media_type=conneg.FORMAT_MEDIA_TYPES[fmt], headers={"Vary": "Accept"})
