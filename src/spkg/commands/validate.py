"""`spkg validate`: check the graph against the shapes; exit 0 conforms, 1 does not, 2 error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spkg.commands.graph_option import add_graph_argument

FORMATS = ("text", "turtle", "json-ld")
FAIL_ON = ("violation", "warning", "info")
INFERENCE = ("none", "rdfs")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check the graph against the SHACL shapes",
        description="Validate the built graph (or ontology + reference + FILES) against the "
        "shapes of shapes/. Exit 0 if nothing reaches --fail-on, 1 if something does, 2 on error.",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILES",
                        help="data files to validate (with the bundled ontology and reference "
                        "data) instead of a build (TriG, Turtle, …)")
    add_graph_argument(parser)
    parser.add_argument("--format", default="text", metavar="|".join(FORMATS),
                        help="report for people (text, default) or the SHACL report graph")
    parser.add_argument("--fail-on", default="violation", metavar="|".join(FAIL_ON),
                        help="lowest severity that makes the exit code 1 (default: violation)")
    parser.add_argument("--inference", default="none", metavar="|".join(INFERENCE),
                        help="pySHACL's own pre-inference over data + ontology (default: none)")
    parser.add_argument("--shapes", type=Path, metavar="DIR",
                        help="folder of *.ttl shapes files (default: the bundled shapes/)")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="processes that share the shapes (default: one per CPU from "
                        "50,000 data triples, else 1); the results do not depend on it")
    parser.set_defaults(run=run)


def _check_choice(option: str, value: str, known: tuple[str, ...]) -> None:
    from spkg.errors import InputError

    if value not in known:
        raise InputError(f"unknown {option} {value!r} (known: {', '.join(known)})")


def run(args: argparse.Namespace) -> int:
    import logging

    from spkg.api import validate_graph

    _check_choice("--format", args.format, FORMATS)
    _check_choice("--fail-on", args.fail_on, FAIL_ON)
    _check_choice("--inference", args.inference, INFERENCE)
    if args.workers is not None and args.workers < 1:
        from spkg.errors import InputError

        raise InputError(f"--workers must be at least 1, not {args.workers}")
    # rdflib logs a traceback for every ill-typed literal it parses; the report names them.
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)

    # the verdict line judges as the exit code does
    result = validate_graph(graph=args.graph, files=args.files, shapes=args.shapes,
                            inference=args.inference, workers=args.workers,
                            fail_on=args.fail_on, progress=not args.quiet)
    if args.format == "text":
        print(result.text())
    else:
        sys.stdout.write(result.serialize(args.format))
        print(result.summary(), file=sys.stderr)
    return 1 if result.fails(args.fail_on) else 0
