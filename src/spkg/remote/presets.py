"""Where each kind of store keeps its SPARQL query, update and Graph Store endpoints."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from spkg.errors import StoreError
from spkg.remote.http import redact

StoreKind = Literal["oxigraph", "virtuoso", "fuseki", "generic"]
STORE_KINDS: tuple[str, ...] = ("oxigraph", "virtuoso", "fuseki", "generic")


@dataclass(frozen=True)
class Endpoints:
    """The URLs spkg talks to, and how the store wants to be spoken to.

    ``gsp_graph_parameter`` names the Graph Store Protocol's graph parameter (Virtuoso's
    graph CRUD endpoint calls it ``graph-uri``); ``gsp_quads`` says the Graph Store takes
    N-Quads posted to the store as a whole (Oxigraph), so small graphs can share a request.
    ``union_parameter`` is sent with every query on stores that can make the default graph
    the union of the named graphs per request.
    Virtuoso needs no union parameter: its default graph is already the union of all graphs (its own
    system graphs included; listing spkg's graphs as default-graph-uri would hide those, but
    Virtuoso 7.2 then loses the answers of GRAPH ?g patterns joined with property paths).
    """

    query: str
    update: str | None
    gsp: str | None
    gsp_graph_parameter: str = "graph"
    union_parameter: str | None = None
    gsp_quads: bool = False  # POST N-Quads to the Graph Store itself: many graphs per request
    auth: str = "basic"


_HOST_PORT = re.compile(r"^[\w.-]+:\d+(?:/.*)?$|^localhost(?:/.*)?$", re.ASCII)


def check_url(url: str, what: str = "URL") -> str:
    """``url`` if it is an absolute http(s) URL with a host; else StoreError, one line that
    says what was wrong (and the likely fix for a missing scheme)."""
    shown = redact(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as error:
        raise StoreError(f"{what} {shown!r} is not a valid URL ({error})") from None
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        raise StoreError(f"{what} {shown!r} has no host (say e.g. http://127.0.0.1:7878)")
    if parts.scheme.lower() not in ("http", "https"):
        hint = "say e.g. http://127.0.0.1:7878"
        if _HOST_PORT.match(url):
            hint = f"no scheme: did you mean http://{shown}?"
        raise StoreError(f"{what} {shown!r} is not an http(s) URL ({hint})")
    return url


def resolve_endpoints(
    url: str,
    store: str = "generic",
    *,
    query_url: str | None = None,
    update_url: str | None = None,
    gsp_url: str | None = None,
    auth: str | None = None,
) -> Endpoints:
    """The preset for ``store`` at base ``url``, with any URL given explicitly taking over."""
    check_url(url, "store URL")
    for name, given in (("--query-url", query_url), ("--update-url", update_url),
                        ("--gsp-url", gsp_url)):
        if given is not None:
            check_url(given, name)
    base = url.rstrip("/")
    if store == "oxigraph":
        preset = Endpoints(f"{base}/query", f"{base}/update", f"{base}/store",
                           union_parameter="union-default-graph", gsp_quads=True)
    elif store == "virtuoso":
        preset = Endpoints(f"{base}/sparql", f"{base}/sparql-auth",
                           f"{base}/sparql-graph-crud-auth", gsp_graph_parameter="graph-uri",
                           auth="digest")
    elif store == "fuseki":
        # ``url`` is the dataset, e.g. http://localhost:3030/ds
        preset = Endpoints(f"{base}/query", f"{base}/update", f"{base}/data")
    elif store == "generic":
        preset = Endpoints(url, url, None)
    else:
        raise StoreError(f"unknown store kind {store!r} (known: {', '.join(STORE_KINDS)})")
    if auth is not None and auth not in ("basic", "digest"):
        raise StoreError(f"unknown auth scheme {auth!r} (known: basic, digest)")
    return Endpoints(
        query=query_url or preset.query,
        update=update_url or preset.update,
        gsp=gsp_url or preset.gsp,
        gsp_graph_parameter=preset.gsp_graph_parameter,
        gsp_quads=preset.gsp_quads and gsp_url is None,
        union_parameter=preset.union_parameter,
        auth=auth or preset.auth,
    )
