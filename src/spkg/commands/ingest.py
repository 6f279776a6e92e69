"""`spkg ingest`: documents → one TriG named graph per document, with provenance."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="read documents into RDF graphs (default: the bundled seeds into data/graphs/)",
        description="Read every *.txt under PATHs (files or folders, recursively) and write "
        "one named graph per document. With no PATH, the bundled seed documents are "
        "re-ingested into data/graphs/, byte for byte reproducibly.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="a .trig file (all graphs) or a folder (one .trig per document); "
                        "default: data/graphs/ with no PATH, standard output otherwise")
    parser.add_argument("--strict", action="store_true",
                        help="stop at the first unreadable document instead of skipping it")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg import paths
    from spkg.ingest.pipeline import ingest_paths, write_result
    from spkg.ingest.trig import write_trig

    sources = args.paths or [paths.sources_dir()]
    output = args.output if args.output or args.paths else paths.graphs_dir()
    result = ingest_paths(sources, strict=args.strict, progress=not args.quiet)
    for warning in result.warnings:
        print(f"spkg ingest: warning: {warning}", file=sys.stderr)
    if output is None:
        write_trig(sys.stdout, ((d, result.triples[d]) for d in sorted(result.documents)))
        return 0
    written = write_result(result, output)
    if not args.quiet:
        triples = sum(len(t) for t in result.triples.values())
        print(f"{len(result.documents)} documents, {triples} triples → "
              f"{output if output.suffix == '.trig' else f'{len(written)} files in {output}'}",
              file=sys.stderr)
    return 0
