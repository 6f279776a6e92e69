"""What counts as a worthwhile inferred triple, and the literal normalisation both engines need.

OWL 2 RL engines materialise a lot of noise: every resource is an owl:Thing, everything is
owl:sameAs itself, the RDF/RDFS/OWL vocabulary is described again, literals get types as if
they were resources. None of it tells a user anything, much of it cannot be written to a
file and read back, and it would drown the inferences that matter. The rules below say
which inferred triples are dropped; the README (reasoning section) lists them for users.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import OWL, RDF, RDFS, XSD, BNode, Literal
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

# Namespaces whose terms are the modelling language itself, not the knowledge graph.
VOCABULARY_NAMESPACES = (str(RDF), str(RDFS), str(OWL), str(XSD))

# Types every resource has in OWL 2 RL: saying so adds nothing.
UNIVERSAL_TYPES = frozenset({OWL.Thing, RDFS.Resource})

# Properties whose reflexive use (c subClassOf c …) scm-cls/scm-op/eq-ref emit for every term.
REFLEXIVE_SCHEMA = frozenset(
    {OWL.sameAs, RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf, OWL.equivalentProperty}
)


_XSD_STRING = XSD.string


def normalise_term(term: Node) -> Node:
    """``"x"^^xsd:string`` is the plain literal ``"x"`` in RDF 1.1; rdflib treats them as two
    terms, so reasonable's output would duplicate every plain literal."""
    if type(term) is Literal and term.datatype == _XSD_STRING and term.language is None:
        return Literal(str(term))
    return term


def normalise_triple(triple: Triple) -> Triple:
    o = triple[2]
    if type(o) is Literal and o.datatype == _XSD_STRING:
        return triple[0], triple[1], normalise_term(o)
    return triple


def is_vocabulary_term(term: Node) -> bool:
    return not isinstance(term, Literal | BNode) and str(term).startswith(VOCABULARY_NAMESPACES)


def trivial_reason(triple: Triple) -> str | None:
    """Why an inferred triple is left out, or None when it is kept."""
    s, p, o = triple
    if isinstance(s, Literal):
        return "literal subject"
    if isinstance(s, BNode) or isinstance(o, BNode):
        return "blank node (OWL syntax of the ontology)"
    if p in REFLEXIVE_SCHEMA and s == o:
        return "reflexive"
    if p == RDF.type and o in UNIVERSAL_TYPES:
        return "universal type"
    if p in (RDFS.domain, RDFS.range) and o in UNIVERSAL_TYPES:
        return "universal type"
    if p == RDFS.subClassOf and (o == OWL.Thing or s == OWL.Nothing):
        return "universal type"
    if is_vocabulary_term(s):
        return "about the RDF/RDFS/OWL/XSD vocabulary"
    if (p == RDF.type and o in (RDFS.Datatype, RDFS.Literal)) or (
        is_vocabulary_term(o) and p in (RDFS.subClassOf, RDFS.subPropertyOf)
    ):
        return "about the RDF/RDFS/OWL/XSD vocabulary"
    return None


def keep_inferred(candidates: Iterable[Triple], asserted: set[Triple] | frozenset[Triple]
                  ) -> Iterator[Triple]:
    """The candidates that are new (not asserted, after literal normalisation) and not trivial."""
    for triple in candidates:
        triple = normalise_triple(triple)
        if triple in asserted or trivial_reason(triple) is not None:
            continue
        yield triple
