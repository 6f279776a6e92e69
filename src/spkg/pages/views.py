"""What a resource page shows, gathered from the graph: statements, incoming links, sources.

Pure data (dataclasses); the templates decide how it looks, and autoescape every string.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from spkg.pages.formatting import format_literal
from spkg.pages.graphview import (
    DCTERMS,
    OA,
    PROV,
    RDF,
    RDF_TYPE,
    SKOS,
    SPKG,
    GraphView,
    local_path,
    n,
)
from spkg.pages.timeline import TimelineEvent, sentence_anchor, timeline
from spkg.prefixes import PREFIXES, compact

MAX_INCOMING = 500
MAX_INSTANCES = 2000
# Provenance plumbing is shown as sources, not as ordinary incoming links.
_PROVENANCE_PREDICATES = {RDF + "subject", RDF + "object", OA + "hasSource"}


@dataclass
class TermView:
    text: str
    href: str | None = None  # a local path ('/id/…') or None
    iri: str | None = None  # the full IRI, for IRIs
    language: str = ""
    datatype: str = ""
    is_literal: bool = False
    raw: str = ""  # the lexical form of a literal, for the "all statements" table


@dataclass
class ValueView:
    term: TermView
    inferred: bool
    sources: list[str] = field(default_factory=list)  # anchors of the supporting sentences


@dataclass
class PropertyView:
    predicate: TermView
    values: list[ValueView]


@dataclass
class Segment:
    text: str
    marked: bool


@dataclass
class SentenceView:
    anchor: str
    document: TermView
    start: int
    end: int
    segments: list[Segment]
    supports: list[str]  # "predicate → object" of the statements it is the source of
    source: str = ""  # the document by kind, date and country: 'Result record · 2021 · Pakistan'


@dataclass
class ResourceView:
    iri: str
    label: str
    types: list[ValueView]
    properties: list[PropertyView]
    incoming: list[tuple[TermView, TermView, bool]]  # subject, predicate, inferred
    sentences: list[SentenceView]
    instances: list[TermView]
    incoming_truncated: bool = False
    summary: list[PropertyView] = field(default_factory=list)  # readable: no labels, no codes
    names: list[TermView] = field(default_factory=list)  # other names, any language
    codes: list[str] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)


SDG = "http://metadata.un.org/sdg/"
SCHEMA_IDENTIFIER = "http://schema.org/identifier"
# Names and codes: shown once, above the statements, not as rows of the readable table.
NAME_PREDICATES = {PREFIXES["rdfs"] + "label", SKOS + "prefLabel", SKOS + "altLabel",
                   "http://schema.org/name", DCTERMS + "title"}
CODE_PREDICATES = {SKOS + "notation", SCHEMA_IDENTIFIER,
                   "http://www.wikidata.org/prop/direct/P297"}
# Plumbing a reader does not need outside the "all statements" table.
HIDDEN_PREDICATES = NAME_PREDICATES | CODE_PREDICATES | {
    "http://rdfs.org/ns/void#inDataset", SKOS + "inScheme", SKOS + "topConceptOf",
    SPKG + "contentHash", SPKG + "characterCount", SPKG + "fileName"}


def term_view(view: GraphView, term: object) -> TermView:
    if isinstance(term, ox.NamedNode):
        return TermView(_titled(view, term), local_path(term.value), term.value)
    if isinstance(term, ox.BlankNode):
        return TermView(f"_:{term.value}")
    assert isinstance(term, ox.Literal)
    datatype = "" if term.language else compact(term.datatype.value)
    if datatype == "xsd:string":
        datatype = ""
    return TermView(format_literal(term.value, term.datatype.value), language=term.language or "",
                    datatype=datatype, is_literal=True, raw=term.value)


def _titled(view: GraphView, term: ox.NamedNode) -> str:
    """A label; SDG goals, targets and indicators lead with their code ('8.2 Achieve …')."""
    label = view.label(term)
    if term.value.startswith(SDG):
        code = view.first_object(term, SCHEMA_IDENTIFIER)
        for quad in view.store.quads_for_pattern(term, n(SCHEMA_IDENTIFIER), None, None):
            if isinstance(quad.object, ox.Literal) and quad.object.datatype.value.endswith(
                    "Compact"):
                code = quad.object
        if isinstance(code, ox.Literal) and not label.startswith(code.value):
            return f"{code.value} {label}"
    return label


def _int_value(view: GraphView, node: object, predicate: str) -> int | None:
    value = view.first_object(node, predicate) if isinstance(node, ox.NamedNode) else None
    try:
        return int(value.value) if isinstance(value, ox.Literal) else None
    except ValueError:
        return None


def _span(view: GraphView, span: ox.NamedNode) -> tuple[int, int, str] | None:
    """(start, end, exact text) of a Web Annotation span, from its two selectors."""
    start = end = None
    exact = ""
    for selector in view.objects(span, OA + "hasSelector"):
        if _int_value(view, selector, OA + "start") is not None:
            start = _int_value(view, selector, OA + "start")
            end = _int_value(view, selector, OA + "end")
        text = view.first_object(selector, OA + "exact") if isinstance(
            selector, ox.NamedNode) else None
        if isinstance(text, ox.Literal):
            exact = text.value
    if start is None or end is None:
        return None
    return start, end, exact


def highlight(sentence: str, start: int, marks: list[tuple[int, int]]) -> list[Segment]:
    """Split a sentence into plain and marked pieces; offsets are document code points."""
    spans = sorted((max(0, a - start), min(len(sentence), b - start)) for a, b in marks)
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    segments: list[Segment] = []
    cursor = 0
    for a, b in merged:
        if a > cursor:
            segments.append(Segment(sentence[cursor:a], False))
        segments.append(Segment(sentence[a:b], True))
        cursor = b
    if cursor < len(sentence):
        segments.append(Segment(sentence[cursor:], False))
    return segments


def _sources(view: GraphView, subject: ox.NamedNode) -> tuple[
        list[SentenceView], dict[tuple[str, str], list[str]]]:
    """The sentences the facts about ``subject`` were read from, with the words marked."""
    marks: dict[str, list[tuple[int, int]]] = defaultdict(list)
    supports: dict[str, list[str]] = defaultdict(list)
    spans: dict[str, tuple[int, int, str, object]] = {}
    anchors: dict[tuple[str, str], list[str]] = defaultdict(list)
    for quad in view.store.quads_for_pattern(None, n(RDF + "subject"), subject, None):
        statement = quad.subject
        if not isinstance(statement, ox.NamedNode | ox.BlankNode):
            continue
        predicate = view.first_object(statement, RDF + "predicate")
        obj = view.first_object(statement, RDF + "object")
        sentence = view.first_object(statement, PROV + "wasDerivedFrom")
        if not isinstance(sentence, ox.NamedNode) or predicate is None or obj is None:
            continue
        if sentence.value not in spans:
            found = _span(view, sentence)
            if found is None:
                continue
            spans[sentence.value] = (*found, view.first_object(sentence, OA + "hasSource"))
        for mention in view.objects(statement, SPKG + "mention"):
            if isinstance(mention, ox.NamedNode) and (found := _span(view, mention)):
                marks[sentence.value].append((found[0], found[1]))
        supports[sentence.value].append(f"{view.label(predicate)} → {term_view(view, obj).text}")
        anchors[(str(predicate), str(obj))].append(sentence_anchor(sentence.value))
    sentences = []
    by_position = sorted(spans.items(), key=lambda s: (*s[1][:2], s[0]))
    for iri, (start, end, exact, document) in by_position:
        sentences.append(SentenceView(
            anchor=sentence_anchor(iri),
            document=term_view(view, document) if document else TermView(iri),
            start=start,
            end=end,
            segments=highlight(exact, start, marks[iri]),
            supports=sorted(set(supports[iri])),
            source=document_summary(view, document) if isinstance(
                document, ox.NamedNode) else "",
        ))
    return sentences, anchors


def resource_view(view: GraphView, iri: str) -> ResourceView | None:
    subject = n(iri)
    outgoing = view.quads_about(subject)
    incoming = view.quads_to(subject)
    if not outgoing and not incoming:
        return None
    sentences, anchors = _sources(view, subject)
    by_predicate: dict[str, list[ValueView]] = defaultdict(list)
    types: list[ValueView] = []
    seen: set[tuple[str, str]] = set()
    # asserted before inferred, so a triple that is both is shown once, as asserted
    for quad in sorted(outgoing, key=lambda q: (str(q.predicate), str(q.object),
                                                view.is_inferred(q))):
        inferred = view.is_inferred(quad)
        key = (str(quad.predicate), str(quad.object))
        if key in seen:
            continue
        seen.add(key)
        value = ValueView(term_view(view, quad.object), inferred,
                          anchors.get((str(quad.predicate), str(quad.object)), []))
        if quad.predicate == RDF_TYPE:
            types.append(value)
        else:
            by_predicate[quad.predicate.value].append(value)
    types.sort(key=lambda t: (t.inferred, t.term.text.lower()))  # what the sources say first
    ordered = sorted(by_predicate.items(), key=lambda kv: (view.label(n(kv[0])), kv[0]))
    properties = [PropertyView(term_view(view, n(p)), values) for p, values in ordered]
    summary = _summary(properties)
    _with_figures(view, summary)
    if SPKG + "country" not in by_predicate and (countries := _countries(view, subject)):
        summary.insert(0, PropertyView(TermView("country (of its report)"),
                                       [ValueView(c, False) for c in countries]))
    links = []
    for quad in incoming:
        if quad.predicate.value in _PROVENANCE_PREDICATES:
            continue
        links.append((term_view(view, quad.subject), term_view(view, quad.predicate),
                      view.is_inferred(quad)))
    unique: dict[tuple[str, str | None], tuple[TermView, TermView, bool]] = {}
    for s, p, inf in sorted(links, key=lambda link: link[2]):  # asserted first
        unique.setdefault((s.iri or s.text, p.iri), (s, p, inf))
    links = sorted(unique.values(),
                   key=lambda link: (link[1].text, link[0].text, link[0].iri or ""))
    return ResourceView(
        iri=iri,
        label=view.label(subject),
        types=types,
        properties=properties,
        summary=summary,
        names=_names(properties, view.label(subject)),
        codes=sorted({v.term.text for p in properties if p.predicate.iri in CODE_PREDICATES
                      for v in p.values}),
        events=timeline(view, [iri]),
        incoming=links[:MAX_INCOMING],
        incoming_truncated=len(links) > MAX_INCOMING,
        sentences=sentences,
        instances=instances(view, iri),
    )


def _summary(properties: list[PropertyView]) -> list[PropertyView]:
    """The statements a reader wants: no names or codes, each value once, English or untagged
    literals when there are any."""
    shown = []
    for prop in properties:
        if prop.predicate.iri in HIDDEN_PREDICATES:
            continue
        values = prop.values
        if any(v.term.is_literal for v in values):
            plain = [v for v in values if not v.term.language or v.term.language.startswith("en")]
            values = plain or values
        unique: dict[str, ValueView] = {}
        for value in values:
            kept = unique.setdefault(value.term.text, value)
            if kept is not value:
                kept.sources = sorted(set(kept.sources + value.sources))
        shown.append(PropertyView(prop.predicate, list(unique.values())))
    return shown


def _with_figures(view: GraphView, properties: list[PropertyView]) -> None:
    """Coverage figures read 'Total: 51,100,000 persons', not only the figure's name."""
    for prop in properties:
        for value in prop.values:
            if value.term.iri is None:
                continue
            persons = view.first_object(n(value.term.iri), SPKG + "personsCovered")
            if isinstance(persons, ox.Literal):
                number = format_literal(persons.value, persons.datatype.value)
                digits = "".join(c for c in value.term.text if c.isdigit())
                if persons.value not in digits:  # '27,300,000 workers' says it already
                    value.term.text = f"{value.term.text}: {number} persons"


def _countries(view: GraphView, subject: ox.NamedNode) -> list[TermView]:
    """The countries of the documents a result was reported in (results name none of their own)."""
    found = {c.value for doc in view.objects(subject, SPKG + "reportedIn")
             if isinstance(doc, ox.NamedNode)
             for c in view.objects(doc, SPKG + "country") if isinstance(c, ox.NamedNode)}
    return [term_view(view, n(c)) for c in sorted(found)]


def _names(properties: list[PropertyView], label: str) -> list[TermView]:
    """Other names and translations, each text once, the page's own label left out."""
    seen = {label}
    names = []
    for prop in properties:
        if prop.predicate.iri not in NAME_PREDICATES:
            continue
        for value in prop.values:
            if value.term.is_literal and value.term.text not in seen:
                seen.add(value.term.text)
                names.append(value.term)
    return names


def document_summary(view: GraphView, document: ox.NamedNode) -> str:
    """A source document named by kind, date and country: 'result record · 2021 · Pakistan'."""
    kinds = [q.object for q in view.store.quads_for_pattern(document, RDF_TYPE, None, None)
             if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(SPKG)
             and q.object.value != SPKG + "SourceDocument"]
    parts = [view.label(sorted(kinds, key=str)[0]) if kinds else "document"]
    date = view.first_object(document, DCTERMS + "date")
    if isinstance(date, ox.Literal):
        parts.append(format_literal(date.value, date.datatype.value))
    parts += sorted({view.label(c) for c in view.objects(document, SPKG + "country")})
    return " · ".join(parts)


def instances(view: GraphView, class_iri: str) -> list[TermView]:
    """The things typed with a class (asserted or inferred), by label."""
    subjects = {q.subject for q in view.store.quads_for_pattern(None, RDF_TYPE, n(class_iri), None)
                if isinstance(q.subject, ox.NamedNode)}
    found = sorted((term_view(view, s) for s in subjects),
                   key=lambda t: (t.text.lower(), t.iri or ""))
    return found[:MAX_INSTANCES]


@dataclass
class ClassCount:
    term: TermView
    count: int


def class_counts(view: GraphView) -> list[ClassCount]:
    """Every class that has instances, with how many (inferred types included), most first."""
    rows = view.select(
        "SELECT ?class (COUNT(DISTINCT ?thing) AS ?n) WHERE { ?thing a ?class . "
        "FILTER(isIRI(?class) && isIRI(?thing)) } GROUP BY ?class"
    )
    counts = [ClassCount(term_view(view, row["class"]), int(row["n"].value)) for row in rows]
    counts.sort(key=lambda c: (not (c.term.iri or "").startswith(SPKG), -c.count, c.term.text,
                               c.term.iri or ""))
    return counts


def documents(view: GraphView) -> list[TermView]:
    docs = []
    for graph in view.document_graphs():
        term = term_view(view, graph)
        title = view.first_object(graph, DCTERMS + "title")
        if isinstance(title, ox.Literal):
            term.text = title.value
        docs.append(term)
    return docs


def ontology_terms(view: GraphView) -> list[TermView]:
    """Every spkg: term the ontology defines."""
    subjects = {q.subject.value for q in view.store.quads_for_pattern(
        None, RDF_TYPE, None, n("https://w3id.org/spkg/graph/ontology"))
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(SPKG)}
    return sorted((term_view(view, n(s)) for s in subjects),
                  key=lambda t: (t.text.lower(), t.iri or ""))
