"""`spkg why`: where each fact about a resource was read."""

from __future__ import annotations

import argparse
from pathlib import Path

from spkg.commands.graph_option import add_graph_argument


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "why",
        help="show each fact about a resource with the document and sentence it came from",
        description="Print every fact that has the resource as subject or object, with the "
        "document and sentence it was read from. TERM is an IRI (full, <…>, or id:/spkg:/sdg: "
        "prefixed) or a label (case-insensitive, rdfs:label, skos:prefLabel or altLabel).",
    )
    parser.add_argument("term", metavar="IRI-or-LABEL")
    add_graph_argument(parser)
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="document graphs to read (with the bundled ontology and reference "
                        "data) instead of a build")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import why_text

    print(why_text(args.term, graph=args.graph, files=args.data, progress=not args.quiet))
    return 0
