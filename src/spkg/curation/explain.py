"""What curators did to a resource, for `spkg why`: added and rejected facts, merges, with
who, when and why (read from graph/curation)."""

from __future__ import annotations

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import FOAF, PROV, RDFS
from rdflib.term import Node

from spkg.namespace import CURATION_GRAPH, OA, SPKG


def curated_lines(dataset: Dataset, resource: URIRef) -> list[str]:
    from spkg.termtext import short

    graph = dataset.graph(CURATION_GRAPH)
    lines: list[str] = []
    for fact in sorted({n for p in (SPKG.factSubject, SPKG.factObject)
                        for n in graph.subjects(p, resource)}, key=str):
        act = graph.value(None, SPKG.fact, fact)
        kind = graph.value(act, RDF.type) if act is not None else None
        if act is None or kind not in (SPKG.Addition, SPKG.Split):
            continue
        triple = [graph.value(fact, p) for p in
                  (SPKG.factSubject, SPKG.factPredicate, SPKG.factObject)]
        state = " [stale: not applied]" if graph.value(act, SPKG.staleBecause) else ""
        lines.append("  " + " ".join(short(t) for t in triple if t is not None) + state)
        lines.append(f"    added {_by(graph, act)}")
    for statement in sorted({s for p in (RDF.subject, RDF.object)
                             for s in graph.subjects(p, resource)
                             if graph.value(s, SPKG.rejectedBy) is not None}, key=str):
        triple = [graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        lines.append("  " + " ".join(short(t) for t in triple if t is not None) + " [rejected]")
        sentence = graph.value(statement, OA.hasTarget)
        if sentence is not None:
            lines.append(f"    read from “{_quote(dataset, sentence)}”")
        lines.append(f"    rejected {_by(graph, graph.value(statement, SPKG.rejectedBy))}")
    for former in sorted(graph.objects(resource, SPKG.formerIri), key=str):
        act = next((a for a in graph.subjects(SPKG.merged, former)
                    if graph.value(a, SPKG.kept) == resource), None)
        lines.append(f"  formerly also {short(former)}")
        lines.append(f"    merged {_by(graph, act)}")
    return lines


def _by(graph: Graph, act: Node | None) -> str:
    if act is None:
        return ""
    agent = graph.value(act, PROV.wasAttributedTo)
    name = graph.value(agent, FOAF.name) if agent is not None else None
    when = graph.value(act, PROV.generatedAtTime)
    why = graph.value(act, RDFS.comment)
    return f"by {name or agent} on {str(when)[:10]}: “{why}”"


def _quote(dataset: Dataset, span: Node) -> str:
    for _, _, selector, _ in dataset.quads((span, OA.hasSelector, None, None)):
        for _, _, exact, _ in dataset.quads((selector, OA.exact, None, None)):
            text = " ".join(str(exact).split())
            return text if len(text) <= 160 else text[:157] + "…"
    return str(span)
