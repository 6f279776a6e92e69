"""`spkg build`: the whole pipeline on the bundled documents (or given ones)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build",
        help="ingest → reason → validate → export the knowledge graph",
        description="Build the knowledge graph from the bundled ILO documents (or the given "
        "files/folders): ingest, reason (OWL 2 RL), validate (SHACL), export to DIR. A "
        "document whose graph violates a shape is held back and named, the others are "
        "exported, and the exit code is 1 (docs/validation.md).",
    )
    parser.add_argument("sources", nargs="*", type=Path, metavar="PATH",
                        help="documents or folders of *.txt (default: the bundled seeds)")
    parser.add_argument("-o", "--output", type=Path, default=Path("dist"), metavar="DIR",
                        help="the build folder: dumps, on-disk store, manifest "
                        "(default: ./dist); written beside it and swapped in whole "
                        "(docs/store.md)")
    parser.add_argument("--engine", choices=("owlrl", "reasonable"), default=None,
                        help="OWL 2 RL engine (default: spkg.reason's default)")
    parser.add_argument("--allow-invalid", action="store_true",
                        help="export every document even when SHACL validation finds "
                        "violations (default: hold back the documents that violate a shape)")
    parser.add_argument("--curation", type=Path, metavar="FILE-or-DIR",
                        help="people's corrections (docs/curation.md); default: curation.ttl "
                        "beside the documents, if there is one")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import build_graph

    summary = build_graph(args.sources or None, out=args.output, engine=args.engine,
                          allow_invalid=args.allow_invalid, curation=args.curation,
                          progress=not args.quiet)
    print(summary.text())
    print(f"output:           {args.output}/")
    if summary.held_back:  # the others were exported; say so, and fail like `spkg validate`
        names = ", ".join(h.file_name or str(h.document) for h in summary.held_back)
        from spkg.words import count

        print(f"spkg build: {count(len(summary.held_back), 'document')} held back for SHACL "
              "violations"
              f" ({names}); the others were exported", file=sys.stderr)
        return 1
    return 0
