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
    from rdflib import Graph

    from spkg import ontology_checks, paths
    from spkg.errors import InputError
    from spkg.prefixes import bind_prefixes
    from spkg.rdfio import parse_into

    if args.list:
        for check in ontology_checks.load_checks():
            needs = " (needs data)" if check.needs_data else ""
            print(f"{check.level.name:5} {check.name}{needs}: {check.summary}")
        print(
            f"ERROR {ontology_checks.UNRESOLVED_IMPORT}: an owl:imports that no local file resolves"
        )
        return 0

    ontology_path: Path = args.ontology or paths.ontology_file()
    ontology = Graph()
    bind_prefixes(ontology)
    parse_into(ontology, ontology_path)
    if len(ontology) == 0:
        raise InputError("the ontology is empty", path=ontology_path)

    data: Graph | None = None
    data_files: list[Path] = []
    if not args.no_data:
        data_files = list(args.data) if args.data else ontology_checks.default_data_files()
        data = ontology_checks.load_data(data_files)

    results = ontology_checks.run_checks(
        ontology, data, import_dirs=[ontology_path.resolve().parent]
    )
    fail_on = ontology_checks.Level[args.fail_on.upper()]
    for result in results:
        if result.level > ontology_checks.Level.INFO or args.show_info:
            print(result.text(ontology))

    counts = {level: 0 for level in ontology_checks.Level}
    for result in results:
        counts[result.level] += 1
    failed = ontology_checks.failures(results, fail_on)
    from spkg.words import count

    files = count(len(data_files), "data file")
    scope = f"{files}, {count(len(data), 'triple')}" if data is not None else "no data"
    print(
        f"{ontology_path.name} ({count(len(ontology), 'triple')}; {scope}): "
        f"{count(counts[ontology_checks.Level.ERROR], 'error')}, "
        f"{count(counts[ontology_checks.Level.WARN], 'warning')}, "
        f"{counts[ontology_checks.Level.INFO]} info — "
        f"{'FAIL' if failed else 'PASS'} (fail on {args.fail_on})"
    )
    return 1 if failed else 0
