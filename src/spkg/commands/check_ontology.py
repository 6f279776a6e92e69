"""`spkg check-ontology`: ROBOT-style quality checks of the ontology and the data it describes."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check-ontology",
        help="quality checks of the ontology (labels, definitions, declarations, OWL 2 RL)",
        description="Run the ontology quality checks (SPARQL queries with ERROR/WARN/INFO "
        "levels) on the ontology and on the data it describes (by default every reference "
        "vocabulary and the committed document graphs). Exit 0 when no check fails at or "
        "above --fail-on, 1 when one does, 2 when an input cannot be read.",
    )
    parser.add_argument(
        "--ontology",
        type=Path,
        metavar="FILE",
        help="the ontology to check (default: the packaged ontology/spkg.ttl)",
    )
    parser.add_argument(
        "--data",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="data files to check the ontology against (Turtle, TriG, …; "
        "default: data/reference/ and data/graphs/)",
    )
    parser.add_argument(
        "--no-data",
        action="store_true",
        help="check the ontology alone (skips the checks that need data)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warn"),
        default="error",
        help="lowest level that makes the command fail (default: error)",
    )
    parser.add_argument(
        "--show-info", action="store_true", help="also print INFO results (by default only counted)"
    )
    parser.add_argument("--list", action="store_true", help="list the checks and exit")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import check_ontology
    from spkg.api.ontology import ontology_checks

    if args.list:
        print("\n".join(ontology_checks()))
        return 0
    report = check_ontology(ontology=args.ontology, data=args.data, with_data=not args.no_data)
    for line in report.lines(show_info=args.show_info):
        print(line)
    print(report.summary(args.fail_on))
    return 1 if report.failed(args.fail_on) else 0
