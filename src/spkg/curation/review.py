"""The review queue: what the extractor saw but did not settle, each with its sentence.

* duplicate — two entities that look like one: one's acronym is the other's initials, or
  their labels are near-identical (rapidfuzz);
* candidate — a capitalised name in a sentence that no mention covers and no entity is
  labelled with (the extractor could not type it, so it left it out);
* warning — a SHACL warning of the graph (only when validation is asked for: it is slow).

Items are numbered in a stable order (duplicates, candidates, warnings; each sorted by key),
and an item someone settled in the curation file leaves the queue.
Facts carry no confidence in spkg's model, so there is no low-confidence list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from spkg.curation.model import Act
from spkg.dataset import document_graphs
from spkg.namespace import CURATION_GRAPH, OA, SPKG

if TYPE_CHECKING:
    from spkg.curation.acts import Checker

SIMILAR = 92  # rapidfuzz token_sort_ratio from which two labels look like one name
_NOT_ENTITIES = {RDF.Statement, OA.SpecificResource, OA.TextPositionSelector,
                 OA.TextQuoteSelector, SPKG.Sentence, SPKG.Mention, SPKG.ResultRecord,
                 SPKG.CountryPage, SPKG.PressRelease, SPKG.SourceDocument}
_CONNECTORS = {"of", "and", "for", "the", "on", "in", "to", "&", "de", "la", "del", "y", "et",
               "des", "du", "le", "los", "las"}
# two or more capitalised words (connectors allowed inside), or one acronym of 3+ capitals
_NAME = re.compile(r"\b(?:[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|the|on|de|la|del|y|et|&)\s+)*"
                   r"[A-Z][\w’'-]*)+|[A-Z]{3,}[a-z]?)\b")
_FUNCTION_WORDS = {"The", "A", "An", "This", "These", "That", "In", "On", "For", "With", "By",
                   "Its", "It", "As", "At", "From", "To", "Of", "And", "Under", "During"}


@dataclass(frozen=True)
class Item:
    kind: str  # duplicate | candidate | warning
    key: str  # stable: what settles it in the curation file
    summary: str
    sentence: str
    where: str  # file [start:end]
    subjects: tuple[URIRef, ...] = ()  # duplicate: (keep, drop); candidate: (document,)
    span: tuple[int, int] | None = None
    words: str = ""


def queue(dataset: Dataset, *, settled: Iterable[str] = (),
          warnings: Iterable[Item] = ()) -> list[Item]:
    """The open items, numbered from 1 in list order."""
    done = set(settled)
    items = sorted(duplicates(dataset), key=lambda i: i.key)
    items += sorted(candidates(dataset), key=lambda i: i.key)
    items += sorted(warnings, key=lambda i: i.key)
    return [item for item in items if item.key not in done]


def settled_keys(acts: Iterable[Act]) -> set[str]:
    """Review keys the acts settle: dismissals, merges of a pair, additions at a span."""
    keys: set[str] = set()
    for act in acts:
        if act.item:
            keys.add(act.item)
        if act.kind == "merge" and act.keep and act.drop:
            keys.add(duplicate_key(act.keep, act.drop))
        if act.anchor is not None:
            keys.add(f"candidate {act.anchor.document}#char={act.anchor.start},{act.anchor.end}")
    return keys


def recorded_keys(dataset: Dataset) -> set[str]:
    """Review keys settled in a build's graph/curation."""
    graph = dataset.graph(CURATION_GRAPH)
    keys = {str(item) for item in graph.objects(None, SPKG.reviewItem)}
    for act in graph.subjects(RDF.type, SPKG.Merge):
        keep, drop = graph.value(act, SPKG.kept), graph.value(act, SPKG.merged)
        if isinstance(keep, URIRef) and isinstance(drop, URIRef):
            keys.add(duplicate_key(keep, drop))
    for _act, span in graph.subject_objects(OA.hasTarget):
        document = graph.value(span, OA.hasSource)
        if document is not None and "#char=" in str(span):
            keys.add(f"candidate {span}")
    return keys


def duplicate_key(a: URIRef, b: URIRef) -> str:
    first, second = sorted((str(a), str(b)))
    return f"duplicate {first} {second}"


# ---------------------------------------------------------------- duplicates


def _documents(dataset: Dataset) -> list[Graph]:
    return [dataset.graph(g) for g in document_graphs(dataset) if g != CURATION_GRAPH]


def entities(dataset: Dataset) -> dict[URIRef, set[Node]]:
    """Things the documents type (not their provenance), with their types."""
    found: dict[URIRef, set[Node]] = {}
    for graph in _documents(dataset):
        for thing, cls in graph.subject_objects(RDF.type):
            if isinstance(thing, URIRef) and cls not in _NOT_ENTITIES and "#" not in thing:
                found.setdefault(thing, set()).add(cls)
    return found


def _names(dataset: Dataset, thing: URIRef) -> list[str]:
    return sorted({str(label) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
                   for label in dataset.objects(thing, p) if isinstance(label, Literal)})


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _CONNECTORS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def duplicates(dataset: Dataset) -> Iterator[Item]:
    from rapidfuzz import fuzz, process

    things = entities(dataset)
    iris = sorted(things)
    names = {iri: _names(dataset, iri) for iri in iris}
    labels = [(iri, name) for iri in iris for name in names[iri]]
    acronyms: dict[str, set[URIRef]] = {}
    for iri, name in labels:
        if re.fullmatch(r"[A-Z]{2,}", name):
            acronyms.setdefault(name, set()).add(iri)
    pairs: dict[tuple[URIRef, URIRef], str] = {}
    for iri, name in labels:
        code = initials(name)
        for other in acronyms.get(code, ()) if len(code) >= 3 and " " in name else ():
            if other != iri and things[other] & things[iri]:
                pairs.setdefault(_pair(iri, other), f"acronym {code} = “{name}”")
    texts = [name.casefold() for _, name in labels]
    for i, text in enumerate(texts):
        if len(text) <= 3:
            continue
        for _match, score, j in process.extract(text, texts, scorer=fuzz.token_sort_ratio,
                                                score_cutoff=SIMILAR, limit=None):
            a, b = labels[i][0], labels[j][0]
            if i < j and a != b and things[a] & things[b] and _numbers(text) == _numbers(
                    texts[j]):  # "indicator 8.1.1" and "indicator 8.3.1" are two things
                pairs.setdefault(_pair(a, b), f"labels {int(score)}% alike: "
                                 f"“{labels[i][1]}” / “{labels[j][1]}”")
    for (keep, drop), why in pairs.items():
        where, sentence = _first_sentence(dataset, drop)
        if not sentence:
            where, sentence = _first_sentence(dataset, keep)
        yield Item("duplicate", duplicate_key(keep, drop),
                   f"{_short(keep)} ~ {_short(drop)} ({why})", sentence, where, (keep, drop))


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _pair(a: URIRef, b: URIRef) -> tuple[URIRef, URIRef]:
    return (a, b) if str(a) < str(b) else (b, a)


def _first_sentence(dataset: Dataset, thing: URIRef) -> tuple[str, str]:
    for graph in _documents(dataset):
        for statement in sorted(graph.subjects(RDF.subject, thing), key=str):
            span = graph.value(statement, PROV.wasDerivedFrom)
            if span is not None:
                quote, start, end = _span_quote(graph, span)
                return f"{_file_name(graph)} [{start}:{end}]", quote
    return "", ""


def _span_quote(graph: Graph, span: Node) -> tuple[str, int, int]:
    text, start, end = "", 0, 0
    for selector in graph.objects(span, OA.hasSelector):
        exact = graph.value(selector, OA.exact)
        if exact is not None:
            text = str(exact)
        if graph.value(selector, OA.start) is not None:
            start = int(str(graph.value(selector, OA.start)))
            end = int(str(graph.value(selector, OA.end)))
    return text, start, end


def _file_name(graph: Graph) -> str:
    name = graph.value(graph.identifier, SPKG.fileName)
    return str(name) if name is not None else str(graph.identifier)


def _short(iri: URIRef) -> str:
    from spkg.termtext import short

    return short(iri)


# ---------------------------------------------------------------- candidates


def candidates(dataset: Dataset) -> Iterator[Item]:
    known = {" ".join(str(label).split()).casefold()
             for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
             for label in dataset.objects(None, p) if isinstance(label, Literal)}
    seen: set[str] = set()  # sentences overlap (a paragraph and its sentences)
    for graph in _documents(dataset):
        covered = _mention_spans(graph)
        for sentence in graph.subjects(RDF.type, SPKG.Sentence):
            quote, start, _end = _span_quote(graph, sentence)
            for match in _NAME.finditer(quote):
                words, first = match.group(0), start + match.start()
                head = words.split()[0]
                if head in _FUNCTION_WORDS:  # "The ILO": the name is what follows
                    rest = words[len(head):].lstrip()
                    first += len(words) - len(rest)
                    words = rest
                if " " not in words and not re.fullmatch(r"[A-Z]{3,}[a-z]?", words):
                    continue
                last = first + len(words)
                if " ".join(words.split()).casefold() in known or _overlaps(covered, first, last):
                    continue
                key = f"candidate {graph.identifier}#char={first},{last}"
                if key in seen:
                    continue
                seen.add(key)
                yield Item("candidate", key, f"“{words}” is named but not typed", quote,
                           f"{_file_name(graph)} [{first}:{last}]",
                           (graph.identifier,), (first, last), words)  # type: ignore[arg-type]


def _mention_spans(graph: Graph) -> list[tuple[int, int]]:
    spans = []
    for mention in graph.subjects(RDF.type, SPKG.Mention):
        _quote, start, end = _span_quote(graph, mention)
        spans.append((start, end))
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# ---------------------------------------------------------------- warnings


def warnings(dataset: Dataset) -> list[Item]:
    """SHACL warnings (and infos) of the dataset, each with the sentence it was read from."""
    from spkg.validate import validate_dataset

    items = []
    for result in validate_dataset(dataset).results:
        if result.severity == "Violation":
            continue
        source = result.source
        where = (f"{source.file_name} [{source.start}:{source.end}]" if source else "")
        focus = _short(result.focus) if isinstance(result.focus, URIRef) else str(result.focus)
        key = f"warning {result.shape} {result.focus} {result.path} {result.value}"
        items.append(Item("warning", key, f"{result.severity}: {focus}: {result.message}",
                          (source.quote or "") if source else "", where))
    return items


# ---------------------------------------------------------------- settling an item


def settle(checker: Checker, item: Item, *, accept: bool, by: str, why: str,
           cls: str | None = None) -> Act:
    """The act that settles ``item``: accepted, a duplicate is merged and a name added as an
    entity of ``cls`` at its span; rejected, the item is dismissed. (`spkg review`, /review)"""
    from spkg.curation import acts
    from spkg.curation.model import Anchor, CurationError

    if not accept:
        return acts.dismiss(item.key, by=by, why=why or f"not to change: {item.summary}")
    if item.kind == "duplicate":
        keep, drop = _keep_first(checker, *item.subjects)
        return acts.merge(checker, keep, drop, by=by, why=why or f"duplicates: {item.summary}")
    if item.kind == "candidate":
        if not cls:
            raise CurationError("accepting a name needs --type CLASS (e.g. --type spkg:Body)")
        facts = acts.entity_facts(checker, item.words, acts.iri(cls, "class"), None)
        assert item.span is not None
        anchor = Anchor(item.subjects[0], item.span[0], item.span[1], item.words)
        return acts.add(facts, anchor, by=by, why=why or f"a name the extractor missed: "
                        f"“{item.words}”")
    raise CurationError("a shape warning is settled by correcting the data (spkg curate …) "
                        "or dismissed with --reject")


def _keep_first(checker: Checker, a: URIRef, b: URIRef) -> tuple[URIRef, URIRef]:
    """Keep the reference entity, else the one with more facts, else the first IRI."""
    from spkg.namespace import REFERENCE_GRAPH

    def weight(node: URIRef) -> tuple[int, int, str]:
        in_reference = any(True for _ in checker.dataset.graph(REFERENCE_GRAPH).triples(
            (node, None, None)))
        facts = sum(1 for _ in checker.dataset.triples((node, None, None))) + sum(
            1 for _ in checker.dataset.triples((None, None, node)))
        return (-int(in_reference), -facts, str(node))

    first, second = sorted((a, b), key=weight)
    return first, second
