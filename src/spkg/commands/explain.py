"""`spkg explain S P O`: why a triple holds, down to the sentences it was read from."""

from __future__ import annotations

import argparse
from pathlib import Path

from spkg.commands.graph_option import add_graph_argument


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
    from spkg.api import explain_triple

    explanation = explain_triple(args.subject, args.predicate, args.object, graph=args.graph,
                                 files=args.data, engine=args.engine, progress=not args.quiet)
    print(explanation.text())
    return 0 if explanation.holds else 1
