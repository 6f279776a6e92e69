"""`spkg curate`: write a correction (reject, add, merge, split) into the curation file."""

from __future__ import annotations

import argparse
from pathlib import Path

from spkg.api.curating import CURATE_ACTIONS as ACTIONS
from spkg.commands.graph_option import add_graph_argument


def add_common(parser: argparse.ArgumentParser) -> None:
    """Who, why, which file and which graph: shared with `spkg review`."""
    parser.add_argument("--why", metavar="TEXT", help="the reason (required)")
    parser.add_argument("--by", metavar="NAME",
                        help="who corrects (default: git config user.name, else $USER)")
    parser.add_argument("--file", type=Path, default=Path("curation.ttl"), metavar="FILE",
                        help="the curation file to write (default: ./curation.ttl; "
                        "`spkg build` reads curation.ttl beside the documents, or --curation)")
    add_graph_argument(parser)
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="document graphs to check against (with the bundled ontology and "
                        "reference data) instead of a build")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "curate",
        help="correct the graph: reject a fact, add one, merge or split entities",
        description="Write one curation act into the curation file (docs/curation.md). "
        "The next `spkg build` applies it. IRIs may be full, <…> or prefixed (id:, spkg:, "
        "rdfs:, skos:, org:, …); literals are written \"text\"@en or \"5\"^^xsd:integer.",
    )
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("terms", nargs="*", metavar="TERM",
                        help="reject/add: SUBJECT PREDICATE OBJECT; merge: KEEP DROP; "
                        "split: IRI NEW-IRI; add with --label/--type: an optional IRI")
    parser.add_argument("--document", action="append", default=[], metavar="DOC",
                        help="reject: only as read from this document; split: a document "
                        "whose facts move (repeat); an IRI or a file name")
    parser.add_argument("--span", nargs=3, metavar=("DOC", "START", "END"),
                        help="add: the span of DOC's text (code points) the fact is read "
                        "from; split: the part of DOC whose sentences' facts move")
    parser.add_argument("--quote", metavar="WORDS",
                        help="add/split: the words the span must hold (checked)")
    parser.add_argument("--label", metavar="NAME",
                        help="add/split: the English name of a new entity")
    parser.add_argument("--type", metavar="CLASS", help="add/split: the new entity's class")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import curate_graph

    act = curate_graph(args.action, args.terms, why=args.why, by=args.by, file=args.file,
                       graph=args.graph, files=args.data, documents=args.document,
                       span=args.span, quote=args.quote, label=args.label, type=args.type,
                       progress=True)
    print(f"{args.file}: {act.kind} {act.iri} by {act.by}")
    return 0
