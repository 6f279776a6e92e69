"""One rdfs:label per language for a thing several documents name differently.

Two documents may read one entity under two names ("Pakistan Workers Federation",
"Pakistan Workers' Federation"); both graphs then give it an rdfs:label in English, and the
union breaks SKOS/SHACL's one-label-per-language rule (spkgsh:Labelled-unique). This module
picks one name as the label and rewrites the others into skos:altLabel, in the graph that
said them, with their provenance statements following the triple.

The choice is a function of the names each graph gives the entity, whatever their kind:

1. a name the ontology or reference data gives it (rdfs:label or skos:prefLabel) wins;
2. else the name most graphs use (as rdfs:label or skos:altLabel);
3. ties: the longer name (a full name over an acronym), then the smaller string.

Only a (entity, language) whose graphs together give two rdfs:labels is rewritten. Because
rewriting changes kinds but never which names a graph gives, the result is the same whatever
order documents arrive in, and whether they are reconciled all at once or one at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from spkg.namespace import INFERRED_GRAPH, OA, ONTOLOGY_GRAPH, REFERENCE_GRAPH

AUTHORITY = (ONTOLOGY_GRAPH, REFERENCE_GRAPH)  # their names win and are never rewritten
_KINDS = (RDFS.label, SKOS.altLabel)

Group = tuple[Node, str]  # (entity, language)
Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Change:
    """One name moved from one kind to the other in one graph."""

    graph: Node
    entity: Node
    name: Literal
    old: URIRef
    new: URIRef


def _graph_name(graph: Any) -> Node:
    """A quad's graph: rdflib gives a Graph or its name, depending on the store."""
    name: Node = getattr(graph, "identifier", graph)
    return name


def _conflicts(dataset: Dataset, iris: set[Node] | None) -> set[Group]:
    """The (entity, language) pairs given two or more rdfs:labels across the graphs."""
    names: dict[Group, set[Literal]] = defaultdict(set)
    subjects: Iterable[Node | None] = sorted(iris, key=str) if iris is not None else [None]
    for subject in subjects:
        for s, _p, o, g in dataset.quads((subject, RDFS.label, None, None)):
            if isinstance(o, Literal) and o.language and _graph_name(g) != INFERRED_GRAPH:
                names[(s, o.language)].add(o)
    return {group for group, labels in names.items() if len(labels) > 1}


def _names(dataset: Dataset, group: Group) -> dict[Node, dict[Literal, set[URIRef]]]:
    """For each graph, the names it gives the entity in that language, with their kinds."""
    entity, language = group
    found: dict[Node, dict[Literal, set[URIRef]]] = defaultdict(lambda: defaultdict(set))
    for predicate in (*_KINDS, SKOS.prefLabel):
        for _s, _p, o, g in dataset.quads((entity, predicate, None, None)):
            graph = _graph_name(g)
            if graph == INFERRED_GRAPH or not isinstance(o, Literal) or o.language != language:
                continue
            if predicate == SKOS.prefLabel and graph not in AUTHORITY:
                continue  # a document's prefLabel is neither kind this module rewrites
            found[graph][o].add(predicate)
    return found


def choose(names: dict[Node, dict[Literal, set[URIRef]]]) -> Literal:
    """The label: an authority's name, else the most used, longer, then smaller one."""
    votes: dict[Literal, int] = defaultdict(int)
    for per_graph in names.values():
        for name in per_graph:
            votes[name] += 1
    authority = {name for graph in AUTHORITY for name in names.get(graph, {})}
    candidates = authority or set(votes)
    return min(candidates, key=lambda name: (-votes[name], -len(name), str(name)))


def reconcile_labels(dataset: Dataset, iris: Iterable[Node] | None = None) -> list[Change]:
    """Leave one rdfs:label per language on each entity of ``iris`` (default: all).

    Rewrites the other labels into skos:altLabel in the document graphs that gave them (and
    an altLabel that is the chosen name into the label), moving their rdf:Statements along.
    The ontology, reference and inferred graphs are never changed. Returns what changed.
    """
    wanted = set(iris) if iris is not None else None
    changes: list[Change] = []
    for group in sorted(_conflicts(dataset, wanted), key=lambda g: (str(g[0]), g[1])):
        names = _names(dataset, group)
        label = choose(names)
        for graph in sorted(names, key=str):
            if graph in AUTHORITY:
                continue
            for name, kinds in sorted(names[graph].items(), key=lambda item: str(item[0])):
                new = RDFS.label if name == label else SKOS.altLabel
                for old in sorted(kinds - {new}):
                    _move(dataset, graph, group[0], name, old, new)
                    changes.append(Change(graph, group[0], name, old, new))
    return changes


def _move(dataset: Dataset, graph_name: Node, entity: Node, name: Literal, old: URIRef,
          new: URIRef) -> None:
    """(entity old name) becomes (entity new name) in one graph, with its statements."""
    graph = dataset.graph(graph_name)  # type: ignore[arg-type]
    graph.remove((entity, old, name))
    graph.add((entity, new, name))
    for statement in list(graph.subjects(RDF.subject, entity)):
        if (statement, RDF.predicate, old) in graph and (statement, RDF.object, name) in graph:
            graph.set((statement, RDF.predicate, new))
            renamed = statement_iri_of(graph, statement, (entity, new, name))
            if renamed is not None and renamed != statement:
                _rename(graph, statement, renamed)


def statement_iri_of(graph: Graph, statement: Node, triple: Triple) -> URIRef | None:
    """The IRI docs/contract.md gives the statement of ``triple`` read from ``statement``'s
    sentence, or None where ``statement`` does not follow that rule (hand-written data)."""
    from spkg.ingest.mapping import statement_iri
    from spkg.ingest.records import Span

    document, hashed, _digest = str(statement).partition("#statement-")
    sentence = graph.value(statement, PROV.wasDerivedFrom)
    offsets = _offsets(graph, sentence) if hashed and sentence is not None else None
    if offsets is None:
        return None
    return statement_iri(URIRef(document), triple, Span(*offsets))  # type: ignore[arg-type]


def _offsets(graph: Graph, sentence: Node) -> tuple[int, int] | None:
    for selector in graph.objects(sentence, OA.hasSelector):
        start, end = graph.value(selector, OA.start), graph.value(selector, OA.end)
        if start is not None and end is not None:
            return int(start), int(end)  # type: ignore[call-overload]
    return None


def _rename(graph: Graph, old: Node, new: URIRef) -> None:
    for p, o in list(graph.predicate_objects(old)):
        graph.remove((old, p, o))
        graph.add((new, p, o))
    for s, p in list(graph.subject_predicates(old)):
        graph.remove((s, p, old))
        graph.add((s, p, new))
