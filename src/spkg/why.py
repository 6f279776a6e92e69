"""`spkg why`: the facts about a resource, each with the document and sentence it was read from."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from spkg.errors import SpkgError
from spkg.namespace import OA, SPKG
from spkg.termtext import PREFIXES as _PREFIXES
from spkg.termtext import short

_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.notation)


class UnknownResource(SpkgError):
    """No resource has the IRI or label asked about."""


@dataclass(frozen=True, order=True)
class Reason:
    """One fact and where it was read: document file, character offsets, the sentence."""

    file_name: str
    start: int
    end: int
    subject: URIRef
    predicate: URIRef
    object: Node
    sentence: str


def _as_iri(term: str) -> URIRef | None:
    text = term.strip()
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text.startswith(("http://", "https://", "urn:")):
        return URIRef(text)
    prefix, _, local = text.partition(":")
    if local and prefix in _PREFIXES and " " not in text:
        return URIRef(_PREFIXES[prefix] + local)
    return None


def resolve(dataset: Dataset, term: str) -> list[URIRef]:
    """The resources ``term`` names: an IRI (full, <…> or id:/spkg:/sdg: prefixed), or a
    label, altLabel or prefLabel compared case-insensitively."""
    iri = _as_iri(term)
    if iri is not None:
        if (iri, None, None) in dataset or (None, None, iri) in dataset:
            return [iri]
        raise UnknownResource(f"no resource {iri}")
    wanted = " ".join(term.split()).casefold()
    found = {
        subject
        for predicate in _LABELS
        for subject, label in dataset.subject_objects(predicate)
        if isinstance(subject, URIRef) and isinstance(label, Literal)
        and " ".join(str(label).split()).casefold() == wanted
    }
    if not found:
        raise UnknownResource(f"no resource labelled {term!r}")
    return sorted(found)


def reasons(dataset: Dataset, resource: URIRef) -> list[Reason]:
    """Every reified fact with ``resource`` as subject or object, in document order."""
    found: set[Reason] = set()
    for position in (RDF.subject, RDF.object):
        for statement, _, _, graph in dataset.quads((None, position, resource, None)):
            name = graph.identifier if isinstance(graph, Graph) else graph
            named: Graph = dataset.graph(name)
            subject = named.value(statement, RDF.subject)
            predicate = named.value(statement, RDF.predicate)
            obj = named.value(statement, RDF.object)
            sentence = named.value(statement, PROV.wasDerivedFrom)
            document = named.value(sentence, OA.hasSource) if sentence else None
            if subject is None or predicate is None or obj is None or document is None:
                continue
            file_name = str(named.value(document, SPKG.fileName) or document)
            start = end = 0
            quote = ""
            for selector in named.objects(sentence, OA.hasSelector):
                if (selector, RDF.type, OA.TextPositionSelector) in named:
                    start = int(str(named.value(selector, OA.start)))
                    end = int(str(named.value(selector, OA.end)))
                exact = named.value(selector, OA.exact)
                if exact is not None:
                    quote = str(exact)
            found.add(Reason(file_name, start, end, subject, predicate, obj,  # type: ignore[arg-type]
                             quote))
    return sorted(found)


def label_of(dataset: Dataset, resource: URIRef) -> str | None:
    for predicate in (RDFS.label, SKOS.prefLabel):
        labels = sorted(dataset.objects(resource, predicate), key=lambda label: (
            getattr(label, "language", None) not in (None, "en"), str(label)))
        if labels:
            return str(labels[0])
    return None


def explain_text(dataset: Dataset, term: str) -> str:
    """The report `spkg why` prints."""
    lines: list[str] = []
    for resource in resolve(dataset, term):
        label = label_of(dataset, resource)
        found = reasons(dataset, resource)
        lines.append(f"{short(resource)}" + (f"  ({label})" if label else "")
                     + f": {len(found)} facts")
        for reason in found:
            sentence = " ".join(reason.sentence.split())
            if len(sentence) > 160:
                sentence = sentence[:157] + "…"
            lines.append(f"  {short(reason.subject)} {short(reason.predicate)} "
                         f"{short(reason.object)}")
            lines.append(f"    {reason.file_name} [{reason.start}:{reason.end}] “{sentence}”")
        from spkg.curation.explain import curated_lines  # who corrected it, when and why

        lines += curated_lines(dataset, resource)
    return "\n".join(lines)
