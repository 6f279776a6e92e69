"""`spkg docs`: the ontology's documentation as one HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="write the ontology documentation (one HTML page)",
        description="Render the ontology as one HTML page: class hierarchy, classes, "
        "properties (domain, range, characteristics, inverses, chains), individuals and "
        "disjointness, with an anchor per term; a copy of the ontology goes beside it.",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("dist/ontology"),
        metavar="DIR",
        help="where to write index.html (default: ./dist/ontology)",
    )
    parser.add_argument(
        "--ontology", type=Path, metavar="FILE", help="default: the packaged ontology/spkg.ttl"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import write_ontology_docs
    from spkg.commands.output_check import check_output_folder
    from spkg.words import count

    check_output_folder(args.output)  # before rendering
    doc = write_ontology_docs(args.output, ontology=args.ontology)
    print(
        f"wrote {args.output / 'index.html'} ({count(len(doc.classes), 'class')}, "
        f"{count(len(doc.properties), 'property')}, {count(len(doc.individuals), 'individual')})"
    )
    return 0
