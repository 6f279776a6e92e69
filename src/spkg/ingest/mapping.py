"""Facts → the triples of a document's named graph, each reified with where it was read.

docs/contract.md is the model: one ``rdf:Statement`` per (triple, sentence), derived from
the sentence span and pointing at the word spans; spans are ``oa:SpecificResource`` with a
position and a quote selector. Every IRI is derived from the document IRI, the triple and
the offsets, so the same input always gives the same graph, without blank nodes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV, XSD

from spkg.ingest.records import Document, Fact, Span
from spkg.namespace import OA, SPKG, span_iri

Triple = tuple[URIRef, URIRef, URIRef | Literal]
QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector

# Namespace attribute lookups build a new URIRef each time; spans need them by the thousand.
_TYPE, _SPECIFIC, _SOURCE, _SELECTOR = RDF.type, OA.SpecificResource, OA.hasSource, OA.hasSelector
_POSITION, _START, _END = OA.TextPositionSelector, OA.start, OA.end
_QUOTE, _EXACT, _PREFIX, _SUFFIX = OA.TextQuoteSelector, OA.exact, OA.prefix, OA.suffix
_NON_NEGATIVE = XSD.nonNegativeInteger


def ntriple(triple: Triple) -> str:
    return " ".join(term.n3() for term in triple) + " ."


def statement_iri(document: URIRef, triple: Triple, sentence: Span) -> URIRef:
    """``<doc>#statement-<16 hex>`` from the triple in N-Triples and the sentence offsets."""
    key = f"{ntriple(triple)} {sentence.start},{sentence.end}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{document}#statement-{digest}")


def metadata_triples(document: Document) -> set[Triple]:
    """What is known of the file itself (not read from its text, so not reified)."""
    iri = document.iri
    return {
        (iri, SPKG.fileName, Literal(document.file_name)),
        (iri, SPKG.characterCount, Literal(len(document.text), datatype=XSD.integer)),
        (iri, SPKG.contentHash, Literal(document.sha256)),
    }


def span_triples(document: Document, span: Span, kind: URIRef) -> set[Triple]:
    """A sentence or mention span: its type, source and two selectors."""
    iri = span_iri(document.iri, span.start, span.end)
    position = URIRef(f"{document.iri}#position={span.start},{span.end}")
    quote = URIRef(f"{document.iri}#quote={span.start},{span.end}")
    text = document.text
    triples: set[Triple] = {
        (iri, _TYPE, _SPECIFIC),
        (iri, _TYPE, kind),
        (iri, _SOURCE, document.iri),
        (iri, _SELECTOR, position),
        (iri, _SELECTOR, quote),
        (position, _TYPE, _POSITION),
        (position, _START, Literal(span.start, datatype=_NON_NEGATIVE)),
        (position, _END, Literal(span.end, datatype=_NON_NEGATIVE)),
        (quote, _TYPE, _QUOTE),
        (quote, _EXACT, Literal(span.text(text))),
    }
    prefix = text[max(0, span.start - QUOTE_CONTEXT) : span.start]
    suffix = text[span.end : span.end + QUOTE_CONTEXT]
    if prefix:
        triples.add((quote, _PREFIX, Literal(prefix)))
    if suffix:
        triples.add((quote, _SUFFIX, Literal(suffix)))
    return triples


def document_triples(document: Document, facts: list[Fact]) -> set[Triple]:
    """Every triple of the document's graph: metadata, facts and their provenance."""
    words_of: dict[tuple[Triple, Span], set[Span]] = defaultdict(set)
    for fact in facts:
        triple = (fact.subject, fact.predicate, fact.object)
        words_of[(triple, fact.sentence)].update(fact.words)
    triples = metadata_triples(document)
    spans: set[tuple[Span, URIRef]] = set()
    for (triple, sentence), words in words_of.items():
        statement = statement_iri(document.iri, triple, sentence)
        triples.add(triple)
        triples |= {
            (statement, RDF.type, RDF.Statement),
            (statement, RDF.subject, triple[0]),
            (statement, RDF.predicate, triple[1]),
            (statement, RDF.object, triple[2]),
            (statement, PROV.wasDerivedFrom, span_iri(document.iri, sentence.start, sentence.end)),
        }
        spans.add((sentence, SPKG.Sentence))
        for word in words:
            triples.add((statement, SPKG.mention, span_iri(document.iri, word.start, word.end)))
            spans.add((word, SPKG.Mention))
    for span, kind in spans:
        triples |= span_triples(document, span, kind)
    return triples
