"""`spkg remove`: take documents out of an existing build."""

from __future__ import annotations

import argparse

from spkg.commands.add import add_update_options


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "remove",
        help="take documents, and what was inferred from them, out of a build",
        description="Remove documents from the build in DIR: their graphs go, and reasoning "
        "and dumps are brought up to date from what they touched, not the whole graph (where "
        "that cannot be done the stages of a full build run, and the summary says why). The "
        "result equals a full build of the remaining documents; an interrupted run leaves "
        "the previous build as it was. DOCUMENT is a document's graph IRI, its source path "
        "or its file name (see DIR/manifest.json).",
    )
    parser.add_argument("documents", nargs="+", metavar="DOCUMENT")
    add_update_options(
        parser, invalid_help="keep documents whose graphs break a shape (else held back)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import remove_documents

    summary = remove_documents(args.graph, args.documents, engine=args.engine,
                               allow_invalid=args.allow_invalid, progress=not args.quiet,
                               curation=args.curation)
    print(summary.text())
    return 0
