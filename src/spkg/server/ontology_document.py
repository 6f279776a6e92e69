"""/ontology and its versionIRI as documents: RDF for machines, the HTML page for browsers.

The ontology IRI (https://w3id.org/spkg/ontology) and its owl:versionIRI
(…/ontology/<version>) both name the whole ontology; served locally, each negotiates
between the ontology page and the ontology graph in Turtle, N-Triples, RDF/XML or JSON-LD.
"""

from __future__ import annotations

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from spkg.namespace import BASE
from spkg.pages.graphview import GraphView
from spkg.server import conneg
from spkg.server.worker import _serialise_triples as serialise_triples

ONTOLOGY = BASE + "ontology"
ONTOLOGY_GRAPH = BASE + "graph/ontology"
VERSION_IRI = "http://www.w3.org/2002/07/owl#versionIRI"
OFFERED = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "ttl",
           "application/n-triples": "nt", "application/rdf+xml": "rdf",
           "application/ld+json": "jsonld"}


def is_version(view: GraphView, name: str) -> bool:
    """Whether ``/ontology/<name>`` is the ontology's owl:versionIRI."""
    try:
        version = ox.NamedNode(f"{ONTOLOGY}/{name}")
    except ValueError:  # not even an IRI
        return False
    found = view.store.quads_for_pattern(ox.NamedNode(ONTOLOGY), ox.NamedNode(VERSION_IRI),
                                         version, None)
    return next(iter(found), None) is not None


def _document(view: GraphView, fmt: str) -> bytes:
    quads = view.store.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))
    triples = sorted((q.triple for q in quads), key=str)
    return serialise_triples(triples, fmt)


async def negotiated(view: GraphView, request: Request) -> Response | None:
    """The ontology in the RDF syntax the client prefers; None when it prefers HTML."""
    fmt = conneg.rdf_or_html(request, OFFERED)
    if not isinstance(fmt, str):
        return fmt
    body = await run_in_threadpool(_document, view, fmt)
    return Response(body, media_type=conneg.FORMAT_MEDIA_TYPES[fmt], headers={"Vary": "Accept"})
