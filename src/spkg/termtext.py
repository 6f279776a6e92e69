"""A term as `spkg why` and the curation reports print it: ``a``, ``id:…``/``spkg:…``/``sdg:…``
CURIEs, else Turtle's own IRI and literal text.

Its own module so that `spkg why` (which shows curators' acts) and the curation reports
(which print terms) both import it instead of each other.
"""

from __future__ import annotations

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from spkg.namespace import BASE, SPKG

PREFIXES = {"id": BASE + "id/", "spkg": str(SPKG._NS), "sdg": "http://metadata.un.org/sdg/"}


def short(term: Node) -> str:
    """``a`` for rdf:type, a CURIE for a known namespace, else Turtle text."""
    from spkg.ingest.trig import iri_text, literal_text

    if isinstance(term, Literal):
        return literal_text(term)
    text = str(term)
    if text == str(RDF.type):
        return "a"
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return iri_text(URIRef(text))
