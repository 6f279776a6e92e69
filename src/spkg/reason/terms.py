"""Terms typed on the command line: IRIs, prefixed names, 'a', literals."""

from __future__ import annotations

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node
from rdflib.util import from_n3

from spkg.errors import InputError


def parse_term(text: str, namespaces: NamespaceManager, *, position: str = "term") -> Node:
    """``<iri>``, ``http(s)://…``, ``prefix:local``, ``a``, ``"lit"@en``, ``"5"^^xsd:int``, ``42``."""
    text = text.strip()
    if text == "a":
        return RDF.type
    if text.startswith(("http://", "https://", "urn:")):
        return URIRef(text)
    try:
        term = from_n3(text, nsm=namespaces)
    except Exception as error:  # rdflib raises several types for a malformed term
        raise InputError(f"cannot read {position} {text!r}: {error}") from error
    if term is None or (isinstance(term, str) and not isinstance(term, URIRef | Literal)):
        raise InputError(f"cannot read {position} {text!r}")
    if isinstance(term, URIRef) and ":" in text and not text.startswith("<"):
        prefix = text.split(":", 1)[0]
        known = {p for p, _ in namespaces.namespaces()}
        if prefix not in known:
            raise InputError(f"unknown prefix {prefix!r} in {position} {text!r} "
                             f"(known: {', '.join(sorted(known))})")
    return term  # type: ignore[return-value]
