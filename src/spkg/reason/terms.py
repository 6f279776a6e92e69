"""Terms typed on the command line: IRIs, prefixed names, 'a', literals."""

from __future__ import annotations

import re

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node
from rdflib.util import from_n3

from spkg.errors import InputError

_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):(?!//)")


def parse_term(text: str, namespaces: NamespaceManager, *, position: str = "term") -> Node:
    """``<iri>``, ``http(s)://…``, ``prefix:local``, ``a``, ``"lit"@en``, ``"5"^^xsd:int``."""
    text = text.strip()
    if text == "a":
        return RDF.type
    if text.startswith(("http://", "https://", "urn:")):
        return URIRef(text)
    prefixed = _PREFIXED.match(text)
    if prefixed:
        known = {p for p, _ in namespaces.namespaces()}
        if prefixed.group(1) not in known:
            raise InputError(f"unknown prefix {prefixed.group(1)!r} in {position} {text!r} "
                             f"(known: {', '.join(sorted(known))})")
    try:
        term = from_n3(text, nsm=namespaces)
    except Exception as error:  # rdflib raises several types for a malformed term
        raise InputError(f"cannot read {position} {text!r}: {error}") from error
    if term is None or (isinstance(term, str) and not isinstance(term, URIRef | Literal)):
        raise InputError(f"cannot read {position} {text!r}")
    return term
