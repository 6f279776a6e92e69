"""`spkg ingest`: documents → one TriG named graph per document, with provenance."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _size(text: str) -> int:
    from spkg.api import parse_size

    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="read documents into RDF graphs (default: the bundled seeds into data/graphs/)",
        description="Read every *.txt under PATHs (files or folders, recursively) and write "
        "one named graph per document. With no PATH, the bundled seed documents are "
        "re-ingested into data/graphs/, byte for byte reproducibly. A document that cannot "
        "be read is named with its reason and skipped; the exit code is then 1.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="a .trig file (all graphs) or a folder (one .trig per document); "
                        "default: data/graphs/ with no PATH, standard output otherwise")
    parser.add_argument("--strict", action="store_true",
                        help="stop at the first unreadable document instead of skipping it")
    parser.add_argument("--max-bytes", type=_size, default=None, metavar="SIZE",
                        help="refuse documents larger than this (e.g. 20MB; default: "
                        "SPKG_MAX_BYTES or 10MB)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress lines (refused documents are still named)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg import paths
    from spkg.api import read_documents, write_documents
    from spkg.commands.output_check import check_output_file, check_output_folder
    from spkg.words import count

    sources = args.paths or [paths.sources_dir()]
    output = args.output if args.output or args.paths else paths.graphs_dir()
    if output is not None:  # before reading anything
        (check_output_file if output.suffix.lower() == ".trig" else check_output_folder)(output)
    result = read_documents(sources, strict=args.strict, progress=not args.quiet,
                            max_bytes=args.max_bytes, allow_none=True)
    if not result.documents and len(result.refused) == 1:
        raise result.refused[0]  # one document, one line
    for refusal in result.refused:
        print(f"spkg ingest: refused: {refusal}", file=sys.stderr)
    if not result.documents:
        print(f"spkg ingest: none of the {count(len(result.refused), 'document')} could be "
              "read; nothing written", file=sys.stderr)
        return 2
    if output is None:
        write_documents(result, sys.stdout)
    else:
        written = write_documents(result, output)
        if not args.quiet:
            triples = sum(len(t) for t in result.triples.values())
            where = output if output.suffix == ".trig" else \
                f"{count(len(written), 'file')} in {output}"
            print(f"{count(len(result.documents), 'document')}, {count(triples, 'triple')} "
                  f"→ {where}", file=sys.stderr)
    if result.refused:
        print(f"spkg ingest: {len(result.refused)} of "
              f"{count(len(result.refused) + len(result.documents), 'document')} refused",
              file=sys.stderr)
        return 1
    return 0
