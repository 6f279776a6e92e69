"""`spkg add`: ingest new or changed documents into an existing build."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "add",
        help="ingest new or changed documents into an existing build",
        description="Ingest documents into the build in DIR: a new document's graph is added, "
        "a changed one's replaced (an unchanged one is skipped), reasoning and dumps brought "
        "up to date. New documents are reasoned over and validated with what they touch, "
        "not the whole graph (where that cannot be done, say for a changed document, the "
        "stages of a full build run, and the summary says why). The result equals a full "
        "build of the same documents; the build is replaced whole, so a run that is "
        "interrupted leaves the previous build as it was.",
    )
    parser.add_argument("sources", nargs="+", type=Path, metavar="PATH",
                        help="documents or folders of *.txt")
    parser.add_argument("--rebuild", action="store_true",
                        help="run every stage over the whole graph (the same result, slower)")
    add_update_options(parser,
                       invalid_help="add the documents even when their graphs break a shape")
    parser.set_defaults(run=run)


def add_update_options(parser: argparse.ArgumentParser, *, invalid_help: str) -> None:
    """The options `spkg add` and `spkg remove` share: which build, engine, curation."""
    parser.add_argument("--graph", "-o", type=Path, default=Path("dist"), metavar="DIR",
                        help="the build to change (default: ./dist)")
    parser.add_argument("--engine", choices=("owlrl", "reasonable"), default=None,
                        help="OWL 2 RL engine (default: spkg.reason's default)")
    parser.add_argument("--allow-invalid", action="store_true", help=invalid_help)
    parser.add_argument("--curation", type=Path, metavar="FILE-or-DIR",
                        help="people's corrections to apply (default: curation.ttl beside "
                        "the build's documents)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")


def run(args: argparse.Namespace) -> int:
    from spkg.api import add_documents

    summary = add_documents(args.graph, args.sources, engine=args.engine,
                            allow_invalid=args.allow_invalid, progress=not args.quiet,
                            curation=args.curation, rebuild=args.rebuild)
    print(summary.text())
    return 0
