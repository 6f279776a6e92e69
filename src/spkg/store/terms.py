"""The two families of RDF terms a query meets: rdflib's and pyoxigraph's.

Parameters are bound, and answers come back, as rdflib terms everywhere but on the fast
path of `spkg query` on a build's store, which speaks pyoxigraph's terms from end to end:
importing rdflib costs more than running most stored queries on the store (0.2–0.9 s of
a 0.4–3.5 s process at 100k triples). A family is a tiny factory; nothing here imports
rdflib until it is asked for an rdflib term.

>>> print(OXIGRAPH.literal("2021", datatype=XSD + "gYear"))
"2021"^^<http://www.w3.org/2001/XMLSchema#gYear>
>>> parts(OXIGRAPH.literal("x", language="es")) == parts(RDFLIB.literal("x", language="es"))
True
>>> RDFLIB.iri("http://example.org/x")
rdflib.term.URIRef('http://example.org/x')
"""

from __future__ import annotations

from typing import Any, Protocol

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"


class Terms(Protocol):
    """Makes IRIs and literals of one family."""

    name: str

    def iri(self, value: str) -> Any: ...

    def literal(self, value: str, *, datatype: str | None = None,
                language: str | None = None) -> Any: ...


class _Rdflib:
    name = "rdflib"

    def iri(self, value: str) -> Any:
        from rdflib import URIRef

        return URIRef(value)

    def literal(self, value: str, *, datatype: str | None = None,
                language: str | None = None) -> Any:
        from rdflib import Literal, URIRef

        return Literal(value, lang=language,
                       datatype=URIRef(datatype) if datatype is not None else None)


class _Oxigraph:
    name = "oxigraph"

    def iri(self, value: str) -> Any:
        return ox.NamedNode(value)

    def literal(self, value: str, *, datatype: str | None = None,
                language: str | None = None) -> Any:
        if language:
            return ox.Literal(value, language=language)
        if datatype is not None:
            return ox.Literal(value, datatype=ox.NamedNode(datatype))
        return ox.Literal(value)


RDFLIB: Terms = _Rdflib()
OXIGRAPH: Terms = _Oxigraph()


def terms_of(store: Any) -> Terms:
    """The family a store takes parameters in and answers in (rdflib unless it says)."""
    return OXIGRAPH if getattr(store, "terms", "rdflib") == "oxigraph" else RDFLIB


def is_oxigraph_term(term: Any) -> bool:
    return isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal)


def parts(term: Any) -> tuple[str, str, str | None, str | None]:
    """(kind, value, language, datatype) of a term of either family; kind is "uri",
    "bnode" or "literal" (SPARQL JSON's names); a simple literal has no datatype."""
    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None, None
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None, None
    if isinstance(term, ox.Literal):
        if term.language:
            return "literal", term.value, term.language, None
        datatype = term.datatype.value
        return "literal", term.value, None, None if datatype == XSD_STRING else datatype
    from rdflib import BNode, Literal, URIRef  # the term is rdflib's: already imported

    if isinstance(term, URIRef):
        return "uri", str(term), None, None
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    if isinstance(term, Literal):
        return ("literal", str(term), term.language or None,
                None if term.language or term.datatype is None else str(term.datatype))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: Any) -> Any:
    """A pyoxigraph term as the rdflib term rdflib itself would have produced (rdflib
    terms and None pass through)."""
    if term is None or not is_oxigraph_term(term):
        return term
    kind, value, language, datatype = parts(term)
    if kind == "uri":
        return RDFLIB.iri(value)
    if kind == "bnode":
        from rdflib import BNode

        return BNode(value)
    return RDFLIB.literal(value, language=language, datatype=datatype)
