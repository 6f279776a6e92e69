"""`spkg explain S P O`: why a triple holds, down to the sentences it was read from."""

from __future__ import annotations

import argparse
from pathlib import Path


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
                        help="engine that computes the inferred graph (default: reasonable)")
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="TriG/N-Quads document graphs instead of the committed ones")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.dataset import load_asserted
    from spkg.reason import DEFAULT_ENGINE, add_inferred
    from spkg.reason.explain import Justifier, render
    from spkg.reason.terms import parse_term

    dataset = load_asserted(args.data)
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
