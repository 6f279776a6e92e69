"""Why a triple holds (the OWL 2 RL rule and its premises, down to the asserted triples and
their sentences), from spkg.reason.explain over a page store: the server's /explain page and
the static site's explanations.

The justifier copies the dataset into rdflib once; above MAX_QUADS that copy would cost too
much memory, and the page says to use `spkg explain` instead.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from spkg.pages.graphview import GraphView, local_path

MAX_QUADS = 100_000  # the seeds: 21k quads, 3.8 s to build on a loaded machine


def justifier_for(store: ox.Store) -> Any:
    """A justifier over the store's quads; None above MAX_QUADS (too much memory)."""
    from rdflib import Dataset, URIRef

    from spkg.rdfcore.terms import to_rdflib
    from spkg.reason.explain import Justifier

    if len(store) > MAX_QUADS:
        return None
    dataset = Dataset()
    for quad in store:
        graph = quad.graph_name
        context = dataset.graph(URIRef(graph.value)) if isinstance(
            graph, ox.NamedNode) else dataset.default_graph
        context.add((to_rdflib(quad.subject), to_rdflib(quad.predicate),
                     to_rdflib(quad.object)))
    return Justifier(dataset)


def explain(justifier: Any, s: str, p: str, o: str) -> tuple[str, list[str]]:
    """(verdict, lines of the proof tree) for one triple; the server and the static site."""
    from rdflib import URIRef

    from spkg.reason.explain import RULE_TEXT, render

    if justifier is None:
        return (f"The graph is larger than {MAX_QUADS:,} quads: run `spkg explain` on the build "
                "instead.", [])
    triple = (URIRef(s), URIRef(p), URIRef(o))
    found = justifier.explain(triple)
    if found is None:
        return "This triple does not hold in the graph.", []
    if found.status == "inferred":
        verdict = f"Inferred by {found.rule}: {RULE_TEXT.get(found.rule or '', '')}."
    elif found.status == "asserted":
        verdict = "Asserted: read from the documents or the reference data."
    else:
        verdict = found.note
    return verdict, render(found, justifier.closure)


def page_context(view: GraphView, verdict: str, lines: list[str],
                 s: str, p: str, o: str) -> dict[str, Any]:
    return {"verdict": verdict, "lines": lines,
            "triple": [(view.label(ox.NamedNode(t)), t, local_path(t)) for t in (s, p, o)]}
