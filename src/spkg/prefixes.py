"""The prefixes every export and page uses, the published JSON-LD @context built from them,
and the smaller set bound on rdflib graphs for reports (a core module: stages import it, it
imports only spkg.namespace)."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from spkg.namespace import BASE, OA, ORG, SDG, SDGO, SPKG

PREFIXES: dict[str, str] = {
    "spkg": str(SPKG._NS),
    "id": BASE + "id/",
    "sdg": str(SDG),
    "sdgo": str(SDGO),
    "org": str(ORG),
    "oa": str(OA),
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


@lru_cache(maxsize=1 << 16)  # a dump repeats each predicate, class and entity IRI many times
def compact(iri: str) -> str:
    """``spkg:Programme`` for a known namespace whose local part is simple, else the full IRI."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        local = iri[len(PREFIXES[best]):]
        if local and all(c.isalnum() or c in "-_." for c in local) and not local.endswith("."):
            return f"{best}:{local}"
    return iri


def jsonld_context() -> dict[str, object]:
    """The @context published as dist/context.jsonld (prefix definitions only: no coercion,
    so every value says its own type and the JSON-LD stays a faithful copy of the quads)."""
    return {"@context": {prefix: PREFIXES[prefix] for prefix in sorted(PREFIXES)}}


def bind_prefixes(graph: Graph) -> None:
    """Bind spkg's own prefixes on an rdflib graph (reports then read ``spkg:Programme``)."""
    for prefix in ("spkg", "sdg", "sdgo", "org", "oa", "id"):
        graph.bind(prefix, PREFIXES[prefix], override=True)
