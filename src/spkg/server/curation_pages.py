"""The review queue on a page (/review), and, with --allow-update, forms that write the
curation file: accept or reject an item of the queue, reject a fact read from a document.

The server never rebuilds: an act written here takes effect on the next `spkg build` or
`spkg add`. Writes pass the same checks as SPARQL updates (spkg.server.guard): same origin,
and the token (header, or the form's ``token`` field) when the server has one.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from spkg.errors import SpkgError
from spkg.pages.graphview import sparql_prefixes
from spkg.server import guard

if TYPE_CHECKING:  # the app imports this module
    from spkg.curation.acts import Checker
    from spkg.curation.review import Item
    from spkg.server.state import ServerState


@dataclass
class CurationSite:
    """Where the server's curation file is, who writes in it, and the graphs acts are checked
    against (an rdflib copy of the build, loaded on first use)."""

    file: Path | None  # None: no buttons, and writes are refused
    by: str
    load: Callable[[], tuple[Dataset, dict[str, Path]]]
    _loaded: tuple[Dataset, dict[str, Path]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def dataset(self) -> tuple[Dataset, dict[str, Path]]:
        with self._lock:
            if self._loaded is None:
                self._loaded = self.load()
            return self._loaded

    def checker(self) -> Checker:
        from spkg.curation.acts import Checker
        from spkg.curation.apply import _text_getter
        from spkg.curation.fileformat import read_acts

        dataset, sources = self.dataset()
        pending = read_acts(self.file) if self.file is not None and self.file.exists() else []
        return Checker(dataset, _text_getter(sources), pending)

    def items(self) -> list[Item]:
        from spkg.curation.fileformat import read_acts
        from spkg.curation.review import queue, recorded_keys, settled_keys

        dataset, _ = self.dataset()
        settled = recorded_keys(dataset)
        if self.file is not None and self.file.exists():
            settled |= settled_keys(read_acts(self.file))
        return queue(dataset, settled=settled)


GRAPH_SUFFIXES = (".trig", ".nq", ".ttl", ".nt", ".jsonld")


def default_file(documents: dict[str, dict[str, str]]) -> Path | None:
    """curation.ttl beside the build's documents, when they all lie in one folder (where
    `spkg build` and `spkg add` read it). None for a build made from graph files (as the
    bundled seeds' build), whose curation is not read from beside them."""
    files = [Path(entry["path"]) for entry in documents.values() if "path" in entry]
    if not files or any(f.suffix.lower() in GRAPH_SUFFIXES for f in files):
        return None
    folders = {f.parent for f in files}
    return next(iter(folders)) / "curation.ttl" if len(folders) == 1 else None


def _site(request: Request) -> tuple[ServerState, CurationSite | None]:
    state = request.app.state.spkg
    site = state.extra.get("curation")
    return state, site if isinstance(site, CurationSite) else None


def writable(state: ServerState, site: CurationSite | None) -> bool:
    return state.config.allow_update and site is not None and site.file is not None


def _page(state: ServerState, status: int = 200, **context: object) -> HTMLResponse:
    body = state.renderer.render("review.html", page_path="/review", **context)
    return HTMLResponse(body, status_code=status)


async def review(request: Request) -> Response:
    state, site = _site(request)
    if request.method == "POST":
        return await _write(request, state, site, _settle_item)
    if site is None:
        return _page(state, items=[], message="This server was started without a build to "
                     "review (spkg serve --graph DIR).", writable=False, site=None)
    items = await run_in_threadpool(site.items)
    return _page(state, items=items, writable=writable(state, site), site=site,
                 token=state.config.update_token is not None, message="")


async def reject_fact(request: Request) -> Response:
    state, site = _site(request)
    return await _write(request, state, site, _reject_fact)


Settle = Callable[[CurationSite, dict[str, str]], object]


async def _write(request: Request, state: ServerState, site: CurationSite | None,
                 settle: Settle) -> Response:
    refused = _refusal(request, state, site)
    if refused is not None:
        return refused
    body = await request.body()
    if len(body) > state.config.max_body:
        return PlainTextResponse(f"request body over {state.config.max_body} bytes\n",
                                 status_code=413)
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
    token = state.config.update_token
    if token is not None and not (guard.token_matches(request.headers, token) or
                                  hmac.compare_digest(form.get("token", "").encode(),
                                                      token.encode())):
        return PlainTextResponse("curation needs the server's token (the form's token "
                                 "field, or Authorization: Bearer <token>)\n", status_code=401)
    if not form.get("why", "").strip():
        return PlainTextResponse("a reason (why) is required\n", status_code=400)
    assert site is not None and site.file is not None
    try:
        written = await run_in_threadpool(settle, site, form)
    except SpkgError as error:
        return PlainTextResponse(f"{error}\n", status_code=400)
    return _page(state, items=[], writable=False, site=site, message=(
        f"Written to {site.file}: {written}. It takes effect on the next "
        "`spkg build` or `spkg add`; this server shows the build it was started on."))


def _refusal(request: Request, state: ServerState, site: CurationSite | None) -> Response | None:
    if not state.config.allow_update:
        return PlainTextResponse("this server is read-only (start it with --allow-update to "
                                 "curate from the pages)\n", status_code=405,
                                 headers={"Allow": "GET, HEAD"})
    foreign = guard.foreign_origin(request.headers, request.url.scheme)
    if foreign is not None:
        return PlainTextResponse(f"curation is accepted from this server's own pages only, "
                                 f"not from {foreign[:200]}\n", status_code=403)
    if site is None or site.file is None:
        return PlainTextResponse("no curation file: start the server with --curation FILE\n",
                                 status_code=403)
    return None


def _settle_item(site: CurationSite, form: dict[str, str]) -> str:
    from spkg.curation.fileformat import append_acts
    from spkg.curation.model import CurationError
    from spkg.curation.review import settle

    assert site.file is not None
    key = form.get("key", "")
    item = next((i for i in site.items() if i.key == key), None)
    if item is None:
        raise CurationError(f"no open review item {key[:200]!r} (settled already?)")
    act = settle(site.checker(), item, accept=form.get("action") != "reject", by=site.by,
                 why=form["why"].strip(), cls=form.get("type") or None)
    append_acts(site.file, [act])
    return f"{act.kind} {act.iri} ({item.key})"


def _reject_fact(site: CurationSite, form: dict[str, str]) -> str:
    from spkg.curation import acts
    from spkg.curation.fileformat import append_acts
    from spkg.curation.model import CurationError

    assert site.file is not None
    try:
        subject, predicate = URIRef(form["s"]), URIRef(form["p"])
        value = acts.term(form["o"], "object")
    except KeyError as missing:
        raise CurationError(f"form field {missing} missing") from None
    if not isinstance(value, URIRef | Literal):
        raise CurationError(f"the object must be an IRI or a literal, not {form['o'][:200]!r}")
    fact = (subject, predicate, value)
    act = acts.reject(site.checker(), fact, form.get("document") or None, by=site.by,
                      why=form["why"].strip())
    append_acts(site.file, [act])
    return f"{act.kind} {act.iri}"


@dataclass
class CuratedFact:
    """One act about a resource, for its page: what, who, when, why."""

    kind: str  # added | rejected | merged
    subject: str
    predicate: str
    object: str
    by: str
    when: str
    why: str


_CURATED = "\n" + sparql_prefixes("spkg", "prov", "rdfs", "rdf", "foaf") + """
SELECT ?kind ?s ?p ?o ?agent ?who ?when ?why WHERE { GRAPH <%(graph)s> {
  { ?act spkg:fact ?f . ?f spkg:factSubject ?s ; spkg:factPredicate ?p ; spkg:factObject ?o .
    VALUES ?type { spkg:Addition spkg:Split } ?act a ?type .
    FILTER (?s = %(r)s || ?o = %(r)s) FILTER NOT EXISTS { ?act spkg:staleBecause ?stale }
    BIND ("added" AS ?kind) }
  UNION
  { ?statement spkg:rejectedBy ?act ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    FILTER (?s = %(r)s || ?o = %(r)s) BIND ("rejected" AS ?kind) }
  UNION
  { %(r)s spkg:formerIri ?o . ?act spkg:kept %(r)s ; spkg:merged ?o .
    BIND (%(r)s AS ?s) BIND (spkg:formerIri AS ?p) BIND ("merged" AS ?kind) }
  ?act prov:wasAttributedTo ?agent .
  OPTIONAL { ?agent foaf:name ?who } OPTIONAL { ?act prov:generatedAtTime ?when }
  OPTIONAL { ?act rdfs:comment ?why }
} } ORDER BY ?when ?kind ?s ?p ?o
"""


def curated_facts(store: ox.Store, iri: str) -> list[CuratedFact]:
    """What curators added to, rejected about, or merged into ``iri`` (graph/curation)."""
    from spkg.namespace import CURATION_GRAPH

    if not iri.startswith(("http://", "https://")) or any(c in iri for c in '<>"{}|^`\\ '):
        return []  # not an IRI that may stand in a query
    query = _CURATED % {"graph": CURATION_GRAPH, "r": f"<{iri}>"}
    found = []
    for row in store.query(query):  # type: ignore[union-attr]
        found.append(CuratedFact(
            _text(row, "kind"), _text(row, "s"), _text(row, "p"), _text(row, "o"),
            _text(row, "who") or _text(row, "agent"), _text(row, "when")[:10],
            _text(row, "why")))
    return found


def _text(row: ox.QuerySolution, name: str) -> str:
    value = row[name]
    return "" if value is None else str(value.value)


def object_text(term: object) -> str:
    """A value of a page (spkg.pages.views.TermView) as `spkg curate` reads an object."""
    from rdflib import Literal as RdfLiteral

    iri = getattr(term, "iri", None)
    if iri:
        return f"<{iri}>"
    literal = RdfLiteral(getattr(term, "raw", ""), lang=getattr(term, "language", "") or None)
    datatype = getattr(term, "datatype", "")
    return literal.n3() + (f"^^{datatype}" if datatype and not literal.language else "")


def resource_context(state: ServerState, iri: str) -> dict[str, object]:
    """What a resource page shows of curation: its curated facts, and whether the
    "reject this fact" forms are offered."""
    site = state.extra.get("curation")
    site = site if isinstance(site, CurationSite) else None
    return {"curated": curated_facts(state.view.store, iri),
            "writable": writable(state, site), "token": state.config.update_token is not None,
            "object_text": object_text}


ROUTES = [
    Route("/review", review, methods=["GET", "HEAD", "POST"], name="review"),
    Route("/review/reject-fact", reject_fact, methods=["POST"], name="reject_fact"),
]
