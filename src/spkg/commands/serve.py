"""`spkg serve`: a SPARQL 1.1 Protocol endpoint and resource pages on 127.0.0.1."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from spkg.commands.graph_option import add_graph_argument
from spkg.errors import SpkgError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve /sparql (SPARQL 1.1 Protocol) and the resource pages",
        description="Serve the dataset: a SPARQL 1.1 Protocol endpoint at /sparql with a query "
        "page, and an HTML/Turtle/JSON-LD page for every spkg IRI under /id/ and /ontology/. "
        "Safe by default: loopback only, read-only, no SERVICE, a timeout and a row limit.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--allow-update", action="store_true",
                        help="accept SPARQL UPDATE (update= / application/sparql-update)")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="S",
                        help="per-query time limit in seconds (default 10); then 503")
    parser.add_argument("--max-rows", type=int, default=10_000, metavar="N",
                        help="rows (or triples) per result (default 10000); more is cut and "
                        "flagged")
    parser.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES",
                        help="largest request body (default 1000000); more gets 413")
    parser.add_argument("--max-query", type=int, default=65_536, metavar="BYTES",
                        help="largest query or update text (default 65536); more gets 413")
    parser.add_argument("--max-answer", type=int, default=16_000_000, metavar="BYTES",
                        help="largest answer (default 16000000); more is cut at a row and "
                        "flagged")
    parser.add_argument("--stream-after", type=int, default=1_048_576, metavar="BYTES",
                        help="answers larger than this are streamed as they are made "
                        "(chunked; default 1048576)")
    parser.add_argument("--answer-cache", type=float, default=32.0, metavar="MB",
                        help="memory for whole answers kept until the data changes, so a "
                        "repeated query skips the engine (default 32; 0: off)")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="query worker processes (default 2), shared out among the "
                        "acceptors")
    parser.add_argument("--acceptors", type=int, default=None, metavar="N",
                        help="processes accepting connections on the port, each answering "
                        "light queries itself (default: one per core, at most 4; 0: one "
                        "process, as with --allow-update, which always uses one)")
    parser.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                        help="a Host name to serve besides the bound address and loopback "
                        "names (repeatable); any other Host gets 400 (DNS rebinding)")
    parser.add_argument("--token", default=None,
                        help="the token updates need (Authorization: Bearer TOKEN); with "
                        "--allow-update beyond loopback one is generated and printed if "
                        "not given")
    parser.add_argument("--no-network-sandbox", action="store_true",
                        help="serve even where the query workers cannot be cut off the "
                        "network (no seccomp, e.g. not Linux): SERVICE and LOAD could then "
                        "reach any host the server can")
    parser.add_argument("--curation", type=Path, metavar="FILE",
                        help="the curation file the /review page's buttons write (with "
                        "--allow-update; default: curation.ttl beside the build's documents)")
    parser.add_argument("--by", metavar="NAME",
                        help="the curator the pages' acts name (default: git config user.name, "
                        "else $USER)")
    add_graph_argument(parser)
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="document graphs to serve instead of a build")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import logging
    import secrets

    from spkg.api import serve_graph
    from spkg.api.publishing import (
        acceptor_count,
        is_loopback,
        started_by_supervisor,
        supervise_acceptors,
    )

    limits = (args.timeout, args.max_rows, args.max_body, args.workers, args.max_query,
              args.max_answer, args.stream_after)
    if min(limits) <= 0:
        raise SpkgError("--timeout, --max-rows, --max-body, --max-query, --max-answer, "
                        "--stream-after and --workers must be positive")
    if args.acceptors is not None and args.acceptors < 0:
        raise SpkgError("--acceptors must be 0 or more")
    acceptor = started_by_supervisor()  # bound already
    if not acceptor:
        _check_port_free(args.host, args.port)  # before loading anything
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if not is_loopback(args.host) and not acceptor:
        logging.getLogger("spkg.server").warning(
            "binding %s: the endpoint is reachable from other machines", args.host)
    count = acceptor_count(args.acceptors)
    if count > 0 and not args.allow_update and not acceptor:
        supervise_acceptors(args, count, sandbox=not args.no_network_sandbox)
        return 0
    token = args.token
    if token is None and args.allow_update and not is_loopback(args.host):
        token = secrets.token_urlsafe(24)
        print(f"updates need: Authorization: Bearer {token}", file=sys.stderr)
    serve_graph(graph=args.graph, files=args.data, host=args.host, port=args.port,
                allow_update=args.allow_update, timeout=args.timeout, max_rows=args.max_rows,
                max_body=args.max_body, max_query=args.max_query, max_answer=args.max_answer,
                stream_after=args.stream_after,
                answer_cache=max(0, int(args.answer_cache * 1_048_576)), workers=args.workers,
                allow_hosts=args.allow_host, token=token, sandbox=not args.no_network_sandbox,
                curation=args.curation, by=args.by, progress=not args.quiet)
    return 0


def _check_port_free(host: str, port: int) -> None:
    """Bind (as uvicorn will, SO_REUSEADDR) and let go, so that a busy port is one line,
    not uvicorn's report after the data is loaded."""
    import socket

    if not 0 <= port <= 65535:
        raise SpkgError(f"--port must be 0–65535, not {port}")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as error:
        raise SpkgError(f"cannot resolve --host {host!r}: {error.strerror}") from None
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            why = "in use (is another server running there? try --port)" \
                if error.errno == errno.EADDRINUSE else (error.strerror or str(error))
            raise SpkgError(f"cannot listen on {host}:{port}: address {why}") from None
