"""`spkg export --site`: the resource pages as a static site (dist/site/), relative links only.

Every spkg IRI gets a folder with index.html (so /id/programme/x/ works on any web server,
and …/x/index.html from disk) plus x.ttl, x.jsonld, x.nt and x.rdf beside it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from spkg.namespace import BASE
from spkg.prefixes import PREFIXES, jsonld_context
from spkg.progress import Progress

STATIC_FILES = ("style.css", "search.js", "charts.js")


def resource_paths(quads: Sequence[ox.Quad]) -> list[str]:
    """Local paths ('/id/…', '/ontology/Term') of every spkg IRI in the data."""
    from spkg.pages.graphview import RESOURCE_PATH, TERM_NAME, local_path

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
            is_instance = rest is not None and RESOURCE_PATH.fullmatch(rest)
            is_term = path.startswith("/ontology/") and TERM_NAME.fullmatch(path[10:])
            if is_instance or is_term:
                found.add(path)
    return sorted(found)


def write_site(quads: Sequence[ox.Quad], site_dir: Path, *, progress: bool = True,
               shown_as: Path | None = None) -> list[Path]:
    """Render the site into a temporary folder beside ``site_dir``, then swap it in whole.

    ``shown_as``: the folder the progress line names, when ``site_dir`` is itself inside a
    folder that will be swapped in (``spkg export`` writes beside its output).

    One rename for the whole site rather than one fsync'd rename per file (thousands of them):
    readers see the old site or the new one, never a mix.
    """
    site_dir = Path(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.", dir=site_dir.parent))
    try:
        written = _render_site(quads, staging, progress=progress,
                               shown_as=shown_as or site_dir)
        staging.chmod(0o755)
        old = site_dir.with_name(f".{site_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [site_dir / p.relative_to(staging) for p in written]


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _render_site(quads: Sequence[ox.Quad], site_dir: Path, *, progress: bool,
                 shown_as: Path) -> list[Path]:
    from spkg.pages import coverage, dashboards, views
    from spkg.pages.graphview import GraphView, iri_for_path
    from spkg.pages.home import home_context
    from spkg.pages.render import STATIC, Renderer
    from spkg.pages.resources import rdf_for, resource_alternates
    from spkg.pages.stored import stored_queries

    store = ox.Store()
    store.extend(quads)
    view = GraphView(store)
    renderer = Renderer(live=False)
    paths = resource_paths(quads)
    report = Progress("site", len(paths) + 2, enabled=progress)
    written: list[Path] = []

    def page(path: str, template: str, **context: object) -> None:
        target = site_dir / path.strip("/") / "index.html"
        _write(target, renderer.render(template, page_path=path, **context))
        written.append(target)

    page("/", "home.html", **home_context(view, stored_queries()))
    report.step("index.html")
    grid = coverage.matrix(view)
    page("/coverage", "coverage.html", m=grid)
    from spkg.pages.search import name_index

    index_file = site_dir / "search.json"  # the names the home page's search looks through
    _write(index_file, json.dumps(name_index(view), ensure_ascii=False, separators=(",", ":")))
    written.append(index_file)
    coverage_file = site_dir / "coverage.csv"
    _write(coverage_file, coverage.matrix_csv(grid))
    written.append(coverage_file)
    page("/ontology", "ontology.html", terms=views.ontology_terms(view))
    report.step("ontology")
    for path in paths:
        iri = iri_for_path(path)
        resource = views.resource_view(view, iri)
        if resource is None:
            continue
        page(path, "resource.html", r=resource, alternates=resource_alternates(path),
             dash=dashboards.country_dashboard(view, iri))
        depth = len([p for p in path.split("/") if p]) - 1
        for fmt in ("ttl", "jsonld", "nt", "rdf"):
            target = site_dir / f"{path.strip('/')}.{fmt}"
            _write(target, rdf_for(view, iri, fmt, context="../" * depth + "context.jsonld"))
            written.append(target)
        report.step(path)
    from spkg.site.precomputed import explanations, query_pages

    written += query_pages(view, site_dir, page)
    explanations(view, renderer, page)  # after every page that links to one
    ontology_file = site_dir / "ontology.ttl"
    from spkg.pages.resources import graph_turtle

    _write(ontology_file, graph_turtle(view, BASE + "graph/ontology"))
    written.append(ontology_file)
    context_file = site_dir / "context.jsonld"
    _write(context_file, json.dumps(jsonld_context(), indent=1) + "\n")
    written.append(context_file)
    from spkg.pages.render import CHARTJS, chartjs_installed

    extra = [CHARTJS.relative_to(STATIC).as_posix()] if chartjs_installed() else []
    for name in (*STATIC_FILES, *extra):
        target = site_dir / "static" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STATIC / name, target)
        written.append(target)
    report.finish(f"{len(written)} files → {shown_as}")
    return written
