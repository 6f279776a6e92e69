"""Apply curation acts to a dataset, after ingestion and before reasoning.

What the acts change, and where:

* reject — the triple leaves the document graphs it was read into, so reasoning, validation,
  queries and dumps no longer see it; its statement moves to graph/curation, still naming the
  triple, its sentence (``oa:hasTarget``) and words, plus ``spkg:rejectedBy <act>``. (It is
  no ``rdf:Statement`` there: the shapes require a statement's triple in its document graph.)
* add — the triple goes into graph/curation (never into a document graph); an anchored one
  also gets the span it was read from, checked against the document's text.
* merge / split — the IRI is rewritten in the document graphs (and in earlier additions),
  statements included, so every query sees one resource; graph/curation keeps
  ``<kept> spkg:formerIri <merged>``.

Every act itself (who, when, why, what) is copied into graph/curation. An act whose target
is gone (the document changed) is stale: it is reported, marked ``spkg:staleBecause`` in
graph/curation, and changes nothing. Acts run oldest first, and each either applies whole
or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV, XSD
from rdflib.term import Node

from spkg.curation.model import KINDS, Act, Anchor, Fact, curator_iri
from spkg.dataset import document_graphs
from spkg.namespace import CURATION_GRAPH, OA, SPKG, span_iri

Texts = Callable[[URIRef], str | None]


@dataclass(frozen=True)
class Stale:
    """An act that could not be applied, and why."""

    act: Act
    reason: str

    def text(self) -> str:
        return f"{self.act.where()}: {self.act.kind} {self.act.iri} is stale: {self.reason}"


@dataclass
class CurationReport:
    applied: list[Act] = field(default_factory=list)
    stale: list[Stale] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # applied, with something worth knowing

    def text(self) -> str:
        """Empty when there was nothing to apply (no curation file, or an empty one)."""
        if not self.applied and not self.stale:
            return ""
        lines = [f"curation:         {len(self.applied)} acts applied, {len(self.stale)} stale"]
        lines += [f"  {s.text()}" for s in self.stale]
        lines += [f"  {note}" for note in self.notes]
        return "\n".join(lines)


def apply_curation(dataset: Dataset, acts: Iterable[Act], *,
                   texts: Texts | Mapping[str, Path] | None = None) -> CurationReport:
    """Apply ``acts`` (oldest first) to ``dataset``; graph/curation is rebuilt from them.

    ``texts`` gives a document's text by IRI (or maps document IRIs to their source files),
    to check anchored spans; without it, spans are checked against the sentences and
    mentions the document graph quotes.
    """
    report = CurationReport()
    curation = dataset.graph(CURATION_GRAPH)
    # what an earlier application left (`spkg add` re-applies to a curated build): acts
    # already applied to the graphs that were not re-read are recognised, not called stale
    previous = Graph()
    for triple in curation:
        previous.add(triple)
    curation.remove((None, None, None))
    session = _Session(dataset, curation, _text_getter(texts), report, previous)
    for act in sorted(acts, key=lambda a: (a.when, str(a.iri))):
        session.apply(act)
    return report


def _text_getter(texts: Texts | Mapping[str, Path] | None) -> Texts:
    if texts is None:
        return lambda _document: None
    if callable(texts):
        return texts
    sources = dict(texts)

    def read(document: URIRef) -> str | None:
        from spkg.errors import InputError
        from spkg.ingest.reader import read_text

        path = sources.get(str(document))
        if path is None or path.suffix.lower() in (".trig", ".nq", ".ttl"):
            return None
        try:
            return read_text(Path(path))
        except (InputError, OSError):
            return None
    return read


class _Session:
    def __init__(self, dataset: Dataset, curation: Graph, texts: Texts, report: CurationReport,
                 previous: Graph):
        self.previous = previous
        self.dataset = dataset
        self.curation = curation
        self.texts = texts
        self.report = report
        self.documents = {g: dataset.graph(g) for g in document_graphs(dataset)
                          if g != CURATION_GRAPH}
        self.added: set[Fact] = set()  # triples additions put in graph/curation

    def apply(self, act: Act) -> None:
        self._record(act)
        problem = getattr(self, f"_{act.kind}")(act)
        if problem is None:
            self.report.applied.append(act)
            return
        self.report.stale.append(Stale(act, problem))
        self.curation.add((act.iri, SPKG.staleBecause, Literal(problem)))

    # -- what each act does; each returns why it is stale, or None once applied

    def _reject(self, act: Act) -> str | None:
        if act.documents and act.documents[0] not in self.documents:
            return f"document {act.documents[0]} is no longer in the build"
        graphs = ([self.documents[act.documents[0]]] if act.documents
                  else list(self.documents.values()))
        where_read = {fact: [g for g in graphs if fact in g] for fact in act.facts}
        earlier = {fact: self._still_rejected(act, fact) for fact in act.facts}
        gone = [fact for fact, found in where_read.items() if not found and not earlier[fact]]
        if gone:
            place = act.documents[0] if act.documents else "any document"
            return f"{_fact_text(gone[0])} is no longer read from {place}"
        for statement in {st for found in earlier.values() for st in found}:
            for triple in self.previous.triples((statement, None, None)):
                self.curation.add(triple)
        for fact, found in where_read.items():
            for graph in found:
                graph.remove(fact)
                for statement in _statements(graph, fact):
                    self._move_rejected(graph, statement, act.iri)
        return None

    def _still_rejected(self, act: Act, fact: Fact) -> list[Node]:
        """Statements of ``fact`` an earlier application of ``act`` took out of a document
        graph that is still here and still lacks the fact."""
        found = []
        for statement in self.previous.subjects(SPKG.rejectedBy, act.iri):
            reified = tuple(self.previous.value(statement, p)
                            for p in (RDF.subject, RDF.predicate, RDF.object))
            document = URIRef(str(statement).split("#", 1)[0])
            if reified == fact and document in self.documents and (
                    not act.documents or document == act.documents[0]) and (
                    fact not in self.documents[document]):
                found.append(statement)
        return found

    def _applied_before(self, act: Act) -> bool:
        return (act.iri, RDF.type, KINDS[act.kind]) in self.previous and (
            act.iri, SPKG.staleBecause, None) not in self.previous

    def _add(self, act: Act) -> str | None:
        if act.anchor is not None:
            anchor, problem = self._check_anchor(act.anchor)
            if anchor is None:
                return problem
            if problem:
                self.report.notes.append(f"{act.where()}: {act.iri}: {problem}")
            self._add_span(act.iri, anchor)
        for fact in act.facts:
            if any(fact in g for g in self.documents.values()):
                self.report.notes.append(f"{act.where()}: {act.iri}: {_fact_text(fact)} "
                                         "is now also read from a document")
            self.curation.add(fact)
            self.added.add(fact)
        return None

    def _merge(self, act: Act) -> str | None:
        keep, drop = act.keep, act.drop
        assert keep is not None and drop is not None
        if not any(_occurs(g, drop) for g in self.documents.values()) and (
                keep, SPKG.formerIri, drop) not in self.previous:
            return f"{drop} no longer occurs in any document"
        if not _occurs(self.dataset, keep):
            return f"{keep} no longer occurs in the build"
        for graph in self.documents.values():
            _rewrite(graph, drop, keep, labels_to_alt=True)
        self._rewrite_added(drop, keep)
        self.curation.add((keep, SPKG.formerIri, drop))
        return None

    def _split(self, act: Act) -> str | None:
        old, new = act.drop, act.keep
        assert old is not None and new is not None
        for document in act.documents:
            if document not in self.documents:
                return f"document {document} is no longer in the build"
            if not _occurs(self.documents[document], old) and not (
                    self._applied_before(act) and _occurs(self.documents[document], new)):
                return f"{old} no longer occurs in {document}"
        anchor = None
        if act.anchor is not None:
            anchor, problem = self._check_anchor(act.anchor)
            if anchor is None:
                return problem
            graph = self.documents[anchor.document]
            if not statements_within(graph, old, anchor.start, anchor.end) and not (
                    self._applied_before(act)
                    and statements_within(graph, new, anchor.start, anchor.end)):
                return (f"no fact about {old} is read inside [{anchor.start}:{anchor.end}] "
                        f"of {anchor.document}")
            if problem:
                self.report.notes.append(f"{act.where()}: {act.iri}: {problem}")
        named = any(s == new and p == RDFS.label for s, p, _ in act.facts)
        for document in act.documents:  # the name the act gives wins; the read ones stay alt
            _rewrite(self.documents[document], old, new, labels_to_alt=named)
        if anchor is not None:
            _move_within(self.documents[anchor.document], old, new, anchor, labels_to_alt=named)
            self._add_span(act.iri, anchor)
        for fact in act.facts:
            self.curation.add(fact)
            self.added.add(fact)
        return None

    def _dismiss(self, act: Act) -> str | None:
        return None  # settles a review item; the record is all it leaves

    # -- helpers

    def _record(self, act: Act) -> None:
        """The act itself, as the file says it, in graph/curation."""
        g, iri = self.curation, act.iri
        agent = curator_iri(act.by)
        g.add((iri, RDF.type, KINDS[act.kind]))
        g.add((iri, PROV.wasAttributedTo, agent))
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, FOAF.name, Literal(act.by)))
        g.add((iri, PROV.generatedAtTime, Literal(act.when, datatype=XSD.dateTime)))
        g.add((iri, RDFS.comment, Literal(act.why)))
        for document in act.documents:
            g.add((iri, SPKG.inDocument, document))
        if act.anchor is not None:
            g.add((iri, SPKG.inDocument, act.anchor.document))
        roles = ((SPKG.splitInto, SPKG.splitFrom) if act.kind == "split"
                 else (SPKG.kept, SPKG.merged))
        for predicate, value in zip(roles, (act.keep, act.drop), strict=True):
            if value is not None:
                g.add((iri, predicate, value))
        if act.item is not None:
            g.add((iri, SPKG.reviewItem, Literal(act.item)))
        for number, (s, p, o) in enumerate(sorted(act.facts, key=_fact_key), start=1):
            node = URIRef(f"{iri}#fact-{number}")
            g.add((iri, SPKG.fact, node))
            g.add((node, SPKG.factSubject, s))
            g.add((node, SPKG.factPredicate, p))
            g.add((node, SPKG.factObject, o))

    def _check_anchor(self, anchor: Anchor) -> tuple[Anchor | None, str]:
        """The anchor as it stands in today's text (moved if the words moved), or why not."""
        if anchor.document not in self.documents:
            return None, f"document {anchor.document} is no longer in the build"
        text = self.texts(anchor.document)
        if text is None:
            quoted = quoted_text(self.documents[anchor.document], anchor)
            if quoted == anchor.exact:
                return anchor, ""
            return None, (f"the words “{anchor.exact}” are no longer at "
                          f"[{anchor.start}:{anchor.end}] of {anchor.document}")
        if text[anchor.start:anchor.end] == anchor.exact:
            return anchor, ""
        found = _find_all(text, anchor.exact)
        if len(found) == 1:
            moved = Anchor(anchor.document, found[0], found[0] + len(anchor.exact), anchor.exact)
            return moved, (f"the words “{anchor.exact}” moved from [{anchor.start}:{anchor.end}]"
                           f" to [{moved.start}:{moved.end}]; applied there")
        if not found:
            return None, f"the words “{anchor.exact}” are no longer in {anchor.document}"
        return None, (f"the words “{anchor.exact}” moved from [{anchor.start}:{anchor.end}] and"
                      f" now occur {len(found)} times in {anchor.document}: which is meant?")

    def _add_span(self, act: URIRef, anchor: Anchor) -> None:
        g, doc = self.curation, anchor.document
        span = span_iri(doc, anchor.start, anchor.end)
        position = URIRef(f"{doc}#position={anchor.start},{anchor.end}")
        quote = URIRef(f"{doc}#quote={anchor.start},{anchor.end}")
        count = XSD.nonNegativeInteger
        for triple in (
            (act, OA.hasTarget, span), (span, RDF.type, OA.SpecificResource),
            (span, RDF.type, SPKG.Mention), (span, OA.hasSource, doc),
            (span, OA.hasSelector, position), (span, OA.hasSelector, quote),
            (position, RDF.type, OA.TextPositionSelector),
            (position, OA.start, Literal(anchor.start, datatype=count)),
            (position, OA.end, Literal(anchor.end, datatype=count)),
            (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, Literal(anchor.exact)),
        ):
            g.add(triple)

    def _move_rejected(self, graph: Graph, statement: Node, act: URIRef) -> None:
        """The statement, out of the document graph, into graph/curation as rejected."""
        for _, predicate, value in list(graph.triples((statement, None, None))):
            graph.remove((statement, predicate, value))
            if predicate == RDF.type:
                continue
            if predicate == PROV.wasDerivedFrom:
                predicate = OA.hasTarget
            self.curation.add((statement, predicate, value))
        self.curation.add((statement, SPKG.rejectedBy, act))

    def _rewrite_added(self, old: URIRef, new: URIRef) -> None:
        for fact in [f for f in self.added if old in (f[0], f[2])]:
            self.curation.remove(fact)
            self.added.discard(fact)
            moved = _map(fact, old, new, labels_to_alt=True)
            self.curation.add(moved)
            self.added.add(moved)


def _fact_key(fact: Fact) -> tuple[str, ...]:
    return tuple(t.n3() for t in fact)


def _fact_text(fact: Fact) -> str:
    return " ".join(t.n3() for t in fact)


def _statements(graph: Graph, fact: Fact) -> list[Node]:
    s, p, o = fact
    return [st for st in graph.subjects(RDF.subject, s)
            if (st, RDF.predicate, p) in graph and (st, RDF.object, o) in graph]


def _occurs(graph: Graph | Dataset, iri: URIRef) -> bool:
    """Whether a fact read or asserted has ``iri`` as subject or object."""
    if isinstance(graph, Dataset):  # every named graph, whether or not it reads as a union
        return any(True for _ in graph.quads((iri, None, None, None))) or any(
            True for _ in graph.quads((None, None, iri, None)))
    return any(True for _ in graph.triples((iri, None, None))) or any(
        True for _ in graph.triples((None, None, iri)))


def _map(fact: Fact, old: URIRef, new: URIRef, *, labels_to_alt: bool) -> Fact:
    s, p, o = fact
    if labels_to_alt and s == old and p == RDFS.label:
        p = SKOS.altLabel  # the kept IRI keeps its own name; the merged one becomes another
    return (new if s == old else s, p, new if o == old else o)


def _rewrite(graph: Graph, old: URIRef, new: URIRef, *, labels_to_alt: bool) -> None:
    """``old`` → ``new`` in every triple of ``graph``, reified statements kept in step."""
    touched = list(graph.triples((old, None, None)))
    touched += [t for t in graph.triples((None, None, old)) if t[0] != old]
    pointers = (RDF.subject, RDF.object)
    for triple in touched:
        if triple[1] not in pointers:
            graph.remove(triple)
            graph.add(_map(triple, old, new, labels_to_alt=labels_to_alt))  # type: ignore[arg-type]
    # a statement reifying a triple about ``old`` now reifies that triple as rewritten
    for statement in {t[0] for t in touched if t[1] in pointers}:
        reified = [graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        if any(term is None for term in reified):
            continue
        mapped = _map(tuple(reified), old, new, labels_to_alt=labels_to_alt)  # type: ignore[arg-type]
        for predicate, value in zip((RDF.subject, RDF.predicate, RDF.object), mapped,
                                    strict=True):
            graph.set((statement, predicate, value))


_CHAR = re.compile(r"#char=(\d+),(\d+)$")


def statements_within(graph: Graph, iri: URIRef, start: int, end: int) -> list[Node]:
    """Statements about ``iri`` read from a sentence inside ``[start, end)``."""
    found = []
    for pointer in (RDF.subject, RDF.object):
        for statement in graph.subjects(pointer, iri):
            span = _CHAR.search(str(graph.value(statement, PROV.wasDerivedFrom) or ""))
            if span and start <= int(span.group(1)) and int(span.group(2)) <= end:
                found.append(statement)
    return sorted(set(found), key=str)


def _move_within(graph: Graph, old: URIRef, new: URIRef, anchor: Anchor, *,
                 labels_to_alt: bool) -> None:
    """The facts about ``old`` read inside the anchor now say ``new``; a triple also read
    from a sentence elsewhere stays as it was, for that sentence."""
    moved = statements_within(graph, old, anchor.start, anchor.end)
    pointers = (RDF.subject, RDF.predicate, RDF.object)
    originals = set()
    for statement in moved:
        triple = tuple(graph.value(statement, p) for p in pointers)
        originals.add(triple)
        mapped = _map(triple, old, new, labels_to_alt=labels_to_alt)  # type: ignore[arg-type]
        graph.add(mapped)
        for predicate, value in zip(pointers, mapped, strict=True):
            graph.set((statement, predicate, value))
    for triple in originals:
        s, p, o = triple
        if not any(graph.value(st, RDF.predicate) == p and graph.value(st, RDF.object) == o
                   for st in graph.subjects(RDF.subject, s)):
            graph.remove(triple)  # type: ignore[arg-type]


def quoted_text(graph: Graph, anchor: Anchor) -> str | None:
    """The anchor's words as a sentence or mention quote of the document graph gives them."""
    for selector in graph.subjects(RDF.type, OA.TextPositionSelector):
        start, end = graph.value(selector, OA.start), graph.value(selector, OA.end)
        if start is None or end is None:
            continue
        first, last = int(str(start)), int(str(end))
        if first <= anchor.start and anchor.end <= last:
            quote = URIRef(str(selector).replace("#position=", "#quote=", 1))
            exact = graph.value(quote, OA.exact)
            if exact is not None:
                offset = anchor.start - first
                return str(exact)[offset:offset + anchor.end - anchor.start]
    return None


def _find_all(text: str, words: str) -> list[int]:
    found, at = [], text.find(words)
    while at != -1 and words:
        found.append(at)
        at = text.find(words, at + 1)
    return found
