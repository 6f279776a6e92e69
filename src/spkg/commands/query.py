"""`spkg query`: run a stored or ad-hoc query on the built graph, given files or an endpoint."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from spkg.commands.graph_option import add_graph_argument

# A table on a terminal shows this many rows: thousands of lines scrolling past help no
# one, and writing them costs more than the query on a slow terminal.
PAGE_ROWS = 50


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a stored SPARQL query (see --list) or an ad-hoc one",
        description="Run a stored query from queries/*.rq with parameters bound as RDF terms, "
        "or an ad-hoc query, on the built graph (default), on given files, or on a remote "
        "SPARQL endpoint.",
    )
    parser.add_argument("name", nargs="?", help="stored query name (see --list)")
    parser.add_argument("--list", action="store_true", help="list the stored queries")
    parser.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter value (repeatable)")
    parser.add_argument("--file", type=Path, help="run the query in this .rq file")
    parser.add_argument("--sparql", help="run this query text")
    parser.add_argument("--format", "-f", choices=("table", "csv", "tsv", "json", "md"),
                        default="table", help="output format (default: table)")
    parser.add_argument("--wide", action="store_true",
                        help="table cells whole, however wide (default: on a terminal, the "
                        "widest columns are cut with … to fit its width, or $COLUMNS)")
    parser.add_argument("--limit", type=int, help="show at most this many rows")
    parser.add_argument("--all", action="store_true",
                        help="show every row in a table on a terminal (default: the first "
                        f"{PAGE_ROWS}, and how many more; files, pipes and -f csv/json/md/tsv "
                        "always get every row)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="give up after this many seconds (default: 60)")
    add_graph_argument(parser)
    parser.add_argument("--data", type=Path, nargs="+", metavar="FILE",
                        help="query these RDF files instead of a build")
    parser.add_argument("--no-inferred", action="store_true",
                        help="leave the inferred graph out (asserted graphs only)")
    parser.add_argument("--store", default=None,
                        help="local: oxigraph (the build's on-disk store, default), rdflib "
                        "(the build loaded in memory, for parity) or auto; with --data the "
                        "default is rdflib; with --endpoint: oxigraph, virtuoso, fuseki or "
                        "generic (default)")
    parser.add_argument("--endpoint", metavar="URL", help="query a remote SPARQL endpoint")
    parser.add_argument("--user", default=None, help="endpoint user (default: $SPKG_USER)")
    parser.add_argument("--password", default=None,
                        help="endpoint password (default: $SPKG_PASSWORD)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        from spkg.api import query_listing

        sys.stdout.write(query_listing())
        return 0
    params = _check_arguments(args)

    from spkg import api

    stored = api.find_stored_query(args.name) if args.name else None  # fail fast
    if stored is not None:
        api.check_query_params(stored, params)  # before loading data
    text, source = _adhoc_text(args)
    store = open_query_store(args)
    result = api.run_query(store, stored=stored, text=text, params=params, source=source,
                           timeout=args.timeout, limit=args.limit)
    result, hidden = _first_page(args, result)
    width = _table_width(args)
    sys.stdout.write(api.render_answer(result, args.format, width=width))
    if width is not None and args.format == "table":
        cut = api.cells_cut(result, width)
        if cut:
            print(f"spkg query: {cut} cell{'s' if cut != 1 else ''} cut to fit {width} "
                  "columns (--wide shows them whole; -f csv for every value)", file=sys.stderr)
    if result.truncated:
        from spkg.words import count

        print(f"spkg query: showing the first {count(args.limit, 'row')} (--limit)",
              file=sys.stderr)
    if hidden:
        print(f"spkg query: showing the first {PAGE_ROWS} of {PAGE_ROWS + hidden:,} rows; "
              "--all shows every row, -f csv > FILE writes them all", file=sys.stderr)
    return 0


def _first_page(args: argparse.Namespace, result: Any) -> tuple[Any, int]:
    """A table bound for a terminal cut to its first page, and how many rows are left out
    (none with --all or --limit, into a file or a pipe, or in another format)."""
    import dataclasses

    rows = getattr(result, "rows", None) or []
    if (args.all or args.limit is not None or args.format != "table"
            or not sys.stdout.isatty() or len(rows) <= PAGE_ROWS):
        return result, 0
    return dataclasses.replace(result, rows=rows[:PAGE_ROWS]), len(rows) - PAGE_ROWS


def _table_width(args: argparse.Namespace) -> int | None:
    """The terminal's width for a table (or $COLUMNS); None with --wide or into a pipe."""
    import shutil

    if args.wide or args.format != "table":
        return None
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        return None  # a file or a pipe gets every character
    return shutil.get_terminal_size().columns


def _check_arguments(args: argparse.Namespace) -> dict[str, str]:
    """Every mistake in the options, before any data is opened; the parameters."""
    from spkg.errors import QueryError

    chosen = [bool(args.name), args.file is not None, args.sparql is not None]
    if sum(chosen) != 1:
        raise QueryError("give one of: a stored query NAME, --file FILE or --sparql TEXT "
                         "(or --list)")
    if args.limit is not None and args.limit < 0:
        raise QueryError("--limit must be zero or more")
    if args.all and args.limit is not None:
        raise QueryError("give --all or --limit, not both")
    if args.timeout <= 0:
        raise QueryError(f"--timeout must be more than 0 seconds, not {args.timeout:g}")
    params = parse_params(args.param)
    if params and not args.name:
        raise QueryError("--param works with stored queries only")
    return params


def parse_params(pairs: list[str]) -> dict[str, str]:
    from spkg.errors import QueryError

    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param expects NAME=VALUE, got {pair!r}")
        params[name.strip()] = value
    return params


def _adhoc_text(args: argparse.Namespace) -> tuple[str, str | None]:
    from spkg.errors import InputError

    if args.file is not None:
        try:
            return args.file.read_text(encoding="utf-8"), str(args.file)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", path=args.file) from None
        except UnicodeDecodeError:
            raise InputError("cannot read: not UTF-8 text", path=args.file) from None
    return args.sparql or "", None


def open_query_store(args: argparse.Namespace) -> Any:
    """The store the query runs on, chosen by --endpoint, --store and --data."""
    from spkg.api import open_query_store as open_store

    return open_store(graph=args.graph, files=args.data, endpoint=args.endpoint,
                      kind=args.store, user=args.user or os.environ.get("SPKG_USER"),
                      password=args.password or os.environ.get("SPKG_PASSWORD"),
                      timeout=args.timeout, inferred=not args.no_inferred,
                      progress=not args.quiet)
