"""`spkg explain S P O`: why a triple holds, down to the sentences it was read from."""

from __future__ import annotations

import argparse
from pathlib import Path

from spkg.commands.graph_option import add_graph_argument


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="say why a triple holds: its source sentence, or the rule that inferred it",
        description="Explain a triple of the built graph. Terms are IRIs (<…> or http…), "
        "prefixed names (spkg:, id:, sdg:, org:, rdf:, rdfs:, owl:, skos:, …), 'a' for "
        "rdf:type, or literals (\"text\"@en, 42). Exit 0 when the triple holds, 1 when not.",
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
    from spkg.dataset import load_asserted, load_from_build
    from spkg.reason import DEFAULT_ENGINE, add_inferred
    from spkg.reason.explain import Justifier, render
    from spkg.reason.terms import parse_term
    from spkg.store.resolve import open_build

    if args.data:
        dataset = load_asserted(args.data)
    else:
        with open_build(args.graph) as build:
            dataset = load_from_build(build, with_inferred=args.engine is None)
    if args.data or args.engine:
        add_inferred(dataset, engine=args.engine or DEFAULT_ENGINE, progress=False)
    justifier = Justifier(dataset)
    nsm = justifier.closure.namespace_manager
    triple = (parse_term(args.subject, nsm, position="subject"),
              parse_term(args.predicate, nsm, position="predicate"),
              parse_term(args.object, nsm, position="object"))
    justification = justifier.explain(triple)
    if justification is None:
        shown = " ".join(term.n3(nsm) for term in triple)
        print(f"does not hold: {shown}")
        return 1
    print("\n".join(render(justification, justifier.closure)))
    return 0
