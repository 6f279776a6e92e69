"""`spkg explain S P O`: why a triple holds, down to the sentences it was read from."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from spkg.commands.graph_option import add_graph_argument

if TYPE_CHECKING:
    from rdflib import Graph, URIRef
    from rdflib.term import Node

    from spkg.reason.explain import Justifier


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="say why a triple holds: its source sentence, or the rule that inferred it",
        description="Explain a triple of the built graph. Terms are IRIs (<…> or http…), "
        "prefixed names (spkg:, id:, sdg:, org:, rdf:, rdfs:, owl:, skos:, …), 'a' for "
        "rdf:type, literals (\"text\"@en, 42), or a resource's label as `spkg why` takes "
        "it (\"Benazir Mazdoor Card\"). Exit 0 when the triple holds, 1 when not, 2 when a "
        "term names nothing in the graph.",
    )
    parser.add_argument("subject", metavar="S")
    parser.add_argument("predicate", metavar="P")
    parser.add_argument("object", metavar="O")
    parser.add_argument("--engine", choices=("owlrl", "reasonable"), default=None,
                        help="reason again with this engine instead of reading the build's "
                        "inferred graph (with --data the default is reasonable)")
    add_graph_argument(parser)
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="TriG/N-Quads document graphs instead of a build")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import load_dataset
    from spkg.reason import DEFAULT_ENGINE, add_inferred
    from spkg.reason.explain import Justifier, render

    dataset = load_dataset(args.graph, files=args.data, inferred=args.engine is None,
                           progress=not args.quiet)
    if args.data or args.engine:
        add_inferred(dataset, engine=args.engine or DEFAULT_ENGINE, progress=False)
    justifier = Justifier(dataset)
    nsm = justifier.closure.namespace_manager
    triple = (_term(args.subject, justifier, "subject"),
              _term(args.predicate, justifier, "predicate"),
              _term(args.object, justifier, "object"))
    justification = justifier.explain(triple)
    if justification is None:
        shown = " ".join(term.n3(nsm) for term in triple)
        print(f"does not hold: {shown}")
        return 1
    print("\n".join(render(justification, justifier.closure)))
    return 0


_LITERAL_START = ('"', "'")


def _is_label(text: str) -> bool:
    """Neither an IRI, a prefixed name, 'a', a literal nor a number: a label, as `why` takes."""
    from spkg.reason.terms import _PREFIXED

    text = text.strip()
    if text == "a" or text.startswith(("<", "http://", "https://", "urn:", *_LITERAL_START)):
        return False
    if _PREFIXED.match(text) or text in ("true", "false"):
        return False
    try:
        float(text)
    except ValueError:
        return True
    return False


def _term(text: str, justifier: Justifier, position: str) -> Node:
    """The term ``text`` names in the graph; a name the graph does not know is an error
    (exit 2), not a triple that "does not hold"."""
    from rdflib import URIRef

    from spkg.reason.terms import parse_term
    from spkg.why import UnknownResource, resolve

    graph = justifier.closure
    if position != "predicate" and _is_label(text):
        found = resolve(justifier.dataset, text)  # UnknownResource when no label matches
        if len(found) > 1:
            names = ", ".join(iri.n3(graph.namespace_manager) for iri in found[:5])
            raise UnknownResource(f"{position} {text!r} names {len(found)} resources "
                                  f"({names}); give one IRI")
        return found[0]
    term = parse_term(text, graph.namespace_manager, position=position)
    if isinstance(term, URIRef) and not _occurs(graph, term):
        from spkg.namespace import SPKG

        kind = "term" if str(term).startswith(str(SPKG._NS)) or position == "predicate" \
            else "resource"
        raise UnknownResource(f"unknown {kind} {text.strip()} ({position}): nothing in the "
                              "graph has this IRI")
    return term


def _occurs(graph: Graph, iri: URIRef) -> bool:
    return ((iri, None, None) in graph or (None, None, iri) in graph
            or (None, iri, None) in graph)
