"""`spkg export --site`: the resource pages as a static site (dist/site/), relative links only.

Every spkg IRI gets a folder with index.html (so /id/programme/x/ works on any web server,
and …/x/index.html from disk) plus x.ttl, x.jsonld, x.nt and x.rdf beside it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from spkg.atomic import atomic_write_bytes, atomic_write_text
from spkg.export.prefixes import PREFIXES, jsonld_context
from spkg.namespace import BASE
from spkg.progress import Progress

STATIC_FILES = ("style.css",)


def resource_paths(quads: Sequence[ox.Quad]) -> list[str]:
    """Local paths ('/id/…', '/ontology/Term') of every spkg IRI in the data."""
    from spkg.server.app import RESOURCE_PATH, TERM_NAME
    from spkg.server.graphview import local_path

    found: set[str] = set()
    for quad in quads:
        for term in (quad.subject, quad.object):
            if not isinstance(term, ox.NamedNode) or "#" in term.value.removeprefix(
                    PREFIXES["spkg"]):
                continue
            path = local_path(term.value)
            if path is None:
                continue
            rest = path.removeprefix("/id/") if path.startswith("/id/") else None
            if rest is not None and RESOURCE_PATH.fullmatch(rest):
                found.add(path)
            elif path.startswith("/ontology/") and TERM_NAME.fullmatch(path[10:]):
                found.add(path)
    return sorted(found)


def write_site(quads: Sequence[ox.Quad], site_dir: Path, *, progress: bool = True) -> list[Path]:
    """Render the home page, the ontology page and one page per spkg IRI into ``site_dir``."""
    from spkg.server import pages
    from spkg.server.graphview import GraphView, iri_for_path
    from spkg.server.render import STATIC, Renderer
    from spkg.server.resources import resource_alternates, rdf_for
    from spkg.server.stored import stored_queries

    store = ox.Store()
    store.extend(quads)
    view = GraphView(store)
    renderer = Renderer(live=False)
    paths = resource_paths(quads)
    report = Progress("site", len(paths) + 2, enabled=progress)
    written: list[Path] = []

    def page(path: str, template: str, **context: object) -> None:
        target = site_dir / path.strip("/") / "index.html"
        atomic_write_text(target, renderer.render(template, page_path=path, **context))
        written.append(target)

    page("/", "home.html", classes=pages.class_counts(view), documents=pages.documents(view),
         queries=stored_queries())
    report.step("index.html")
    page("/ontology", "ontology.html", terms=pages.ontology_terms(view))
    report.step("ontology")
    for path in paths:
        iri = iri_for_path(path)
        resource = pages.resource_view(view, iri)
        if resource is None:
            continue
        page(path, "resource.html", r=resource, alternates=resource_alternates(path))
        depth = len([p for p in path.split("/") if p]) - 1
        for fmt in ("ttl", "jsonld", "nt", "rdf"):
            target = site_dir / f"{path.strip('/')}.{fmt}"
            atomic_write_bytes(target, rdf_for(view, iri, fmt,
                                               context="../" * depth + "context.jsonld"))
            written.append(target)
        report.step(path)
    ontology_file = site_dir / "ontology.ttl"
    from spkg.server.resources import graph_turtle

    atomic_write_bytes(ontology_file, graph_turtle(view, BASE + "graph/ontology"))
    written.append(ontology_file)
    context_file = site_dir / "context.jsonld"
    atomic_write_text(context_file, json.dumps(jsonld_context(), indent=1) + "\n")
    written.append(context_file)
    for name in STATIC_FILES:
        target = site_dir / "static" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STATIC / name, target)
        written.append(target)
    report.finish(f"{len(written)} files → {site_dir}")
    return written
