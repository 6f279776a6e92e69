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
from typing import Any, NoReturn

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


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (importlib.metadata is slow to load)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from spkg.version import __version__

        sys.stdout.write(f"spkg {__version__}\n")  # stdout, as argparse's own action
        parser.exit(0)


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line (the usage is a --help away), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with ``only``, just that command's (what `spkg COMMAND …` needs:
    registering all sixteen costs a sixth of a fast `spkg query`)."""
    parser = _Parser(
        prog="spkg",
        description="Build, check, reason over, query and publish the social protection "
        "knowledge graph.",
    )
    parser.add_argument("--version", action=_VersionAction)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"spkg.commands.{name}").register(subparsers)
    for command in subparsers.choices.values():
        add_common_options(command)
    return parser


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """The same -q/--quiet and -v/--verbose on every command (a command may define its own
    -q with a more precise help; it keeps it)."""
    known = parser._option_string_actions
    if "-q" not in known and "--quiet" not in known:
        parser.add_argument("-q", "--quiet", action="store_true",
                            help="no progress lines (errors and refusals are still shown)")
    if "-v" not in known and "--verbose" not in known:
        parser.add_argument("-v", "--verbose", action="count", default=0,
                            help="more detail on standard error: a progress line per item, "
                            "log messages (-vv: debugging detail)")


def _configure_output(args: argparse.Namespace) -> None:
    """-q silences every progress meter, -v turns on spkg's log messages."""
    from spkg import progress

    quiet = bool(getattr(args, "quiet", False))
    verbose = int(getattr(args, "verbose", 0) or 0)
    progress.configure(quiet=quiet, verbose=verbose > 0)
    if verbose and not quiet:
        import logging  # only here: its import is a few per cent of a fast `spkg query`

        logging.basicConfig(format="%(name)s: %(message)s", stream=sys.stderr)
        logging.getLogger("spkg").setLevel(logging.DEBUG if verbose > 1 else logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(given[0] if given and given[0] in COMMANDS else None)
    args = parser.parse_args(given)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    _configure_output(args)
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
    finally:  # main() may be called again in this process (tests): -q was for this run
        from spkg import progress

        progress.configure(quiet=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
