"""New acts from what a curator typed, checked against the graph they correct.

Every check failure is a CurationError: one line, exit 2. Checks here are what the curator
can see now; the build checks again (spkg.curation.apply) against the graph of its day.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import subprocess
from collections.abc import Callable, Iterable

from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from spkg.curation.fileformat import PREFIXES
from spkg.curation.model import Act, Anchor, CurationError, Fact
from spkg.dataset import document_graphs
from spkg.namespace import CURATION_GRAPH, ONTOLOGY_GRAPH, ORG, REFERENCE_GRAPH, SPKG, mint

Texts = Callable[[URIRef], str | None]

# the IRI kind (docs/contract.md) of a new entity, by the most general class it falls under
_KIND_OF_CLASS = {ORG.Organization: "organisation", SPKG.Programme: "programme",
                  SPKG.Scheme: "programme", SPKG.Policy: "policy", SPKG.Strategy: "policy",
                  SPKG.Law: "law", SPKG.Place: "place", SPKG.Event: "event",
                  SPKG.Project: "project", SPKG.Study: "study"}


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def default_curator() -> str:
    """git's user.name, else the login name."""
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              timeout=5, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    return name or os.environ.get("USER") or getpass.getuser()


def namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in PREFIXES:
        manager.bind(prefix, namespace)
    return manager


def term(text: str, position: str) -> Node:
    from spkg.errors import InputError
    from spkg.reason.terms import parse_term

    try:
        return parse_term(text, namespaces(), position=position)
    except InputError as error:
        raise CurationError(error.message) from None


def iri(text: str, position: str) -> URIRef:
    value = term(text, position)
    if not isinstance(value, URIRef):
        raise CurationError(f"the {position} must be an IRI, not {text!r}")
    return value


class Checker:
    """What a curator's command may name, in one dataset (a build's graphs)."""

    def __init__(self, dataset: Dataset, texts: Texts, pending: Iterable[Act] = ()):
        self.dataset = dataset
        self.texts = texts
        self.documents = [g for g in document_graphs(dataset) if g != CURATION_GRAPH]
        # entities the curation file adds that the graph (built before them) lacks
        self.pending = {node for act in pending if act.kind in ("add", "split")
                        for fact in act.facts for node in (fact[0], fact[2])
                        if isinstance(node, URIRef)}

    def known(self, node: URIRef) -> bool:
        return node in self.pending or any(
            True for _ in self.dataset.triples((node, None, None))) or any(
            True for _ in self.dataset.triples((None, None, node)))

    def entity(self, text: str, position: str) -> URIRef:
        found = iri(text, position)
        if not self.known(found):
            raise CurationError(f"unknown IRI {found} ({position}): no graph of the build "
                                "names it")
        return found

    def document(self, text: str) -> URIRef:
        """A document by IRI, id:document/… or its file name."""
        by_name = {str(name): doc for doc in self.documents
                   for name in self.dataset.graph(doc).objects(doc, SPKG.fileName)}
        if text in by_name:
            return by_name[text]
        found = iri(text, "document")
        if found not in self.documents:
            raise CurationError(f"unknown document {text!r}: not a document of the build")
        return found

    def read_in(self, fact: Fact) -> list[URIRef]:
        return [doc for doc in self.documents if fact in self.dataset.graph(doc)]

    def anchor(self, document: str, start: str, end: str, *, quote: str | None) -> Anchor:
        doc = self.document(document)
        try:
            first, last = int(start), int(end)
        except ValueError:
            raise CurationError(f"bad span {start}..{end}: offsets are whole numbers") from None
        text = self.texts(doc)
        size = len(text) if text is not None else self._size(doc)
        if not 0 <= first < last <= size:
            raise CurationError(f"bad span {first}..{last}: {doc} has {size} characters")
        if text is not None:
            words = text[first:last]
        else:  # a build from graphs: the words as the document's sentences quote them
            from spkg.curation.apply import quoted_text

            found = quoted_text(self.dataset.graph(doc), Anchor(doc, first, last, ""))
            if found is None:
                raise CurationError(f"cannot check the span {first}..{last}: the text of {doc}"
                                    " is not at hand and no sentence of it covers the span")
            words = found
        if quote is not None and quote != words:
            raise CurationError(f"bad span {first}..{last}: the text there is {words!r}, "
                                f"not {quote!r}")
        return Anchor(doc, first, last, words)

    def ontology_class(self, cls: URIRef) -> URIRef:
        if (cls, RDF.type, OWL.Class) not in self.dataset.graph(ONTOLOGY_GRAPH):
            raise CurationError(f"unknown class {cls}: not a class of the ontology")
        return cls

    def _size(self, doc: URIRef) -> int:
        count = self.dataset.graph(doc).value(doc, SPKG.characterCount)
        return int(str(count)) if count is not None else 0

    def kind_of(self, cls: URIRef) -> str:
        ontology = self.dataset.graph(ONTOLOGY_GRAPH)
        self.ontology_class(cls)
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current in _KIND_OF_CLASS:
                return _KIND_OF_CLASS[current]
            seen.add(current)
            todo += [s for s in ontology.objects(current, RDFS.subClassOf)
                     if isinstance(s, URIRef) and s not in seen]
        raise CurationError(f"give --iri: spkg mints no IRI for a {cls}")


def reject(checker: Checker, fact: Fact, document: str | None, *, by: str, why: str) -> Act:
    where = checker.read_in(fact)
    documents: list[URIRef] = []
    if document is not None:
        doc = checker.document(document)
        if doc not in where:
            raise CurationError(f"{doc} does not read {_text(fact)}")
        documents = [doc]
    elif not where:
        raise CurationError(f"no document reads {_text(fact)}{_rejected_by(checker, fact)}")
    return Act(kind="reject", by=by, when=now(), why=why, facts=[fact], documents=documents)


def add(facts: list[Fact], anchor: Anchor | None, *, by: str, why: str) -> Act:
    return Act(kind="add", by=by, when=now(), why=why, facts=facts, anchor=anchor)


def entity_facts(checker: Checker, label: str, cls: URIRef, given: URIRef | None) -> list[Fact]:
    kind = checker.kind_of(cls)
    entity = given or mint(kind, label)
    if given is None and checker.known(entity):
        raise CurationError(f"{entity} exists already: merge, or give another --iri")
    return [(entity, RDF.type, cls), (entity, RDFS.label, Literal(label, lang="en"))]


def merge(checker: Checker, keep: URIRef, drop: URIRef, *, by: str, why: str) -> Act:
    if keep == drop:
        raise CurationError("merge needs two different IRIs")
    reference = checker.dataset.graph(REFERENCE_GRAPH)
    if any(True for _ in reference.triples((drop, None, None))):
        raise CurationError(f"{drop} is reference data: merge it the other way round")
    if not any(_occurs(checker.dataset.graph(d), drop) for d in checker.documents):
        raise CurationError(f"no document names {drop}")
    return Act(kind="merge", by=by, when=now(), why=why, keep=keep, drop=drop)


def split(checker: Checker, old: URIRef, new: URIRef, documents: list[URIRef],
          facts: list[Fact], *, by: str, why: str, span: Anchor | None = None) -> Act:
    """Whole documents' facts about ``old`` move to ``new``; or, with ``span``, the facts
    read from the sentences inside that span of one document."""
    if old == new:
        raise CurationError("split needs a new IRI")
    if not documents and span is None:
        raise CurationError("split needs --document (the documents whose facts move) or "
                            "--span (the part of one document they were read from)")
    if documents and span is not None:
        raise CurationError("split takes --document or --span, not both")
    for doc in documents:
        if not _occurs(checker.dataset.graph(doc), old):
            raise CurationError(f"{doc} does not name {old}")
    if span is not None:
        from spkg.curation.apply import statements_within

        graph = checker.dataset.graph(span.document)
        if not statements_within(graph, old, span.start, span.end):
            raise CurationError(f"no fact about {old} was read inside "
                                f"[{span.start}:{span.end}] of {span.document}")
    return Act(kind="split", by=by, when=now(), why=why, keep=new, drop=old,
               documents=sorted(documents), facts=facts, anchor=span)


def dismiss(item: str, *, by: str, why: str) -> Act:
    return Act(kind="dismiss", by=by, when=now(), why=why, item=item)


def _rejected_by(checker: Checker, fact: Fact) -> str:
    """`` (rejected by act:…)`` when the build already applied a rejection of ``fact``."""
    curation = checker.dataset.graph(CURATION_GRAPH)
    for statement in curation.subjects(RDF.subject, fact[0]):
        if (statement, RDF.predicate, fact[1]) in curation and (
                statement, RDF.object, fact[2]) in curation:
            act = curation.value(statement, SPKG.rejectedBy)
            if act is not None:
                return f" (already rejected by {act})"
    return ""


def _occurs(graph: Graph, node: URIRef) -> bool:
    return any(True for _ in graph.triples((node, None, None))) or any(
        True for _ in graph.triples((None, None, node)))


def _text(fact: Fact) -> str:
    return " ".join(t.n3() for t in fact)
