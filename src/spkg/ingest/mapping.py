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
from spkg.namespace import OA, SPKG, span_iri, valid_iri

Triple = tuple[URIRef, URIRef, URIRef | Literal]
QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector

# Namespace attribute lookups build a new URIRef each time; spans need them by the thousand.
_TYPE, _SPECIFIC, _SOURCE, _SELECTOR = RDF.type, OA.SpecificResource, OA.hasSource, OA.hasSelector
_POSITION, _START, _END = OA.TextPositionSelector, OA.start, OA.end
_QUOTE, _EXACT, _PREFIX, _SUFFIX = OA.TextQuoteSelector, OA.exact, OA.prefix, OA.suffix
_NON_NEGATIVE = XSD.nonNegativeInteger
_STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = RDF.Statement, RDF.subject, RDF.predicate, RDF.object
_DERIVED, _SENTENCE, _MENTION = PROV.wasDerivedFrom, SPKG.Sentence, SPKG.mention
_MENTION_SPAN = SPKG.Mention


def ntriple(triple: Triple) -> str:
    return " ".join(term.n3() for term in triple) + " ."


def statement_iri(document: URIRef, triple: Triple, sentence: Span,
                  n3: dict[URIRef, str] | None = None) -> URIRef:
    """``<doc>#statement-<16 hex>`` from the triple in N-Triples and the sentence offsets
    (``n3``: IRIs already written, reused: a document names the same ones many times; not
    literals, which rdflib calls equal across the case of a language tag)."""
    written = {} if n3 is None else n3
    line = " ".join(_n3(term, written) for term in triple) + " ."  # ntriple(triple)
    key = f"{line} {sentence.start},{sentence.end}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return valid_iri(f"{document}#statement-{digest}")


def _n3(term: URIRef | Literal, written: dict[URIRef, str]) -> str:
    if type(term) is not URIRef:
        return term.n3()
    found = written.get(term)
    if found is None:
        found = written[term] = term.n3()
    return found


def metadata_triples(document: Document) -> set[Triple]:
    """What is known of the file itself (not read from its text, so not reified)."""
    iri = document.iri
    return {
        (iri, SPKG.fileName, Literal(document.file_name)),
        (iri, SPKG.characterCount, Literal(len(document.text), datatype=XSD.integer)),
        (iri, SPKG.contentHash, Literal(document.sha256)),
    }


def _literal(lexical: str, value: object, datatype: URIRef | None) -> Literal:
    """The Literal rdflib's constructor gives for these parts, built without its generic
    path (casts, type checks, the datatype's IRI checked again: ~5 µs each, five per span)."""
    literal = str.__new__(Literal, lexical)
    literal._language, literal._datatype, literal._value, literal._ill_typed = (
        None, datatype, value, None)
    return literal


def plain_literal(text: str) -> Literal:
    """``Literal(text)``: no datatype nor language, the string its own value
    (tests/test_ingest_speed_p1.py compares the two)."""
    return _literal(text, text, None)


def offset_literal(value: int) -> Literal:
    """``Literal(value, datatype=XSD.nonNegativeInteger)`` for an int ≥ 0 (compared with
    rdflib's in tests/test_ingest_speed_p1.py)."""
    return _literal(str(value), value, _NON_NEGATIVE)


def span_triples(document: Document, span: Span, kind: URIRef,
                 offsets: dict[int, Literal] | None = None,
                 iri: URIRef | None = None) -> set[Triple]:
    """A sentence or mention span: its type, source and two selectors (``offsets``: the
    offset literals made so far, reused; sentences and mentions share many offsets;
    ``iri``: the span's IRI when the caller has made it)."""
    if iri is None:
        iri = span_iri(document.iri, span.start, span.end)
    # fragments of digits and letters on the document's IRI: as valid as it is
    position = valid_iri(f"{document.iri}#position={span.start},{span.end}")
    quote = valid_iri(f"{document.iri}#quote={span.start},{span.end}")
    text = document.text
    triples: set[Triple] = {
        (iri, _TYPE, _SPECIFIC),
        (iri, _TYPE, kind),
        (iri, _SOURCE, document.iri),
        (iri, _SELECTOR, position),
        (iri, _SELECTOR, quote),
        (position, _TYPE, _POSITION),
        (position, _START, _offset(span.start, offsets)),
        (position, _END, _offset(span.end, offsets)),
        (quote, _TYPE, _QUOTE),
        (quote, _EXACT, plain_literal(text[span.start : span.end])),
    }
    prefix = text[max(0, span.start - QUOTE_CONTEXT) : span.start]
    suffix = text[span.end : span.end + QUOTE_CONTEXT]
    if prefix:
        triples.add((quote, _PREFIX, plain_literal(prefix)))
    if suffix:
        triples.add((quote, _SUFFIX, plain_literal(suffix)))
    return triples


def _offset(value: int, made: dict[int, Literal] | None) -> Literal:
    if made is None:
        return offset_literal(value)
    found = made.get(value)
    if found is None:
        found = made[value] = offset_literal(value)
    return found


def document_triples(document: Document, facts: list[Fact]) -> set[Triple]:
    """Every triple of the document's graph: metadata, facts and their provenance."""
    words_of: dict[tuple[Triple, Span], set[Span]] = defaultdict(set)
    for fact in facts:
        triple = (fact.subject, fact.predicate, fact.object)
        words_of[(triple, fact.sentence)].update(fact.words)
    triples = metadata_triples(document)
    spans: set[tuple[Span, URIRef]] = set()
    n3: dict[URIRef, str] = {}
    iris: dict[Span, URIRef] = {}  # each span's IRI made once (a sentence holds many facts)

    def iri_of(span: Span) -> URIRef:
        found = iris.get(span)
        if found is None:
            found = iris[span] = span_iri(document.iri, span.start, span.end)
        return found

    for (triple, sentence), words in words_of.items():
        statement = statement_iri(document.iri, triple, sentence, n3)
        triples.add(triple)
        triples |= {
            (statement, _TYPE, _STATEMENT),
            (statement, _SUBJECT, triple[0]),
            (statement, _PREDICATE, triple[1]),
            (statement, _OBJECT, triple[2]),
            (statement, _DERIVED, iri_of(sentence)),
        }
        spans.add((sentence, _SENTENCE))
        for word in words:
            triples.add((statement, _MENTION, iri_of(word)))
            spans.add((word, _MENTION_SPAN))
    offsets: dict[int, Literal] = {}
    for span, kind in spans:
        triples |= span_triples(document, span, kind, offsets, iri_of(span))
    return triples
