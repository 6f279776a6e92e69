"""The `spkg` command line: parses arguments, calls one library function, maps errors to exit codes.

Each command lives in spkg/commands/<name>.py with ``register(subparsers)``; heavy
libraries are imported inside the command's ``run`` so that ``spkg --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from spkg import __version__
from spkg.errors import SpkgError

# Order here is the order in `spkg --help`.
COMMANDS = (
    "build",
    "add",
    "remove",
    "ingest",
    "why",
    "curate",
    "review",
    "validate",
    "reason",
    "explain",
    "query",
    "export",
    "serve",
    "push",
    "check_ontology",
    "docs",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spkg",
        description="Build, check, reason over, query and publish the social protection "
        "knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"spkg {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"spkg.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except SpkgError as error:
        print(f"spkg {args.command}: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # the reader went away (`spkg query … | head`): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print(f"spkg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
