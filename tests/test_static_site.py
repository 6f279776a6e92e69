"""The static site (`spkg export --site`) over the seeds' graphs: every link of every page leads
to a file of the site (and to an element, where it names one), the stored queries say they
cannot run and show answers worked out at export, and inferred facts link to their why."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest
from seed_quads import seed_quads

from spkg.pages.graphview import iri_for_path

PAKISTAN = "https://w3id.org/spkg/id/place/pakistan"


class _Links(HTMLParser):
    """The links (href, src, action) and the element ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src", "action"):
                self.links.append(value)


@pytest.fixture(scope="module")
def quads(tmp_path_factory: pytest.TempPathFactory) -> list[ox.Quad]:
    from spkg.dataset import document_graph_files

    assert document_graph_files(), "data/graphs holds the seeds' graphs in every checkout"
    return seed_quads(tmp_path_factory)  # load_quads(None), once per run


@pytest.fixture(scope="module")
def site(quads: list[ox.Quad], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from spkg.site import write_site

    folder = tmp_path_factory.mktemp("static") / "site"
    write_site(quads, folder, progress=False)
    yield folder


def _parse(page: str, cache: dict[str, _Links]) -> _Links:
    if page not in cache:
        parser = _Links()
        with open(page, encoding="utf-8") as text:
            parser.feed(text.read())
        cache[page] = parser
    return cache[page]


class _Listing:
    """The site's files and folders, listed once; a link's target resolved as a string.

    Resolving and stat-ing each of the ~100k links through pathlib took a third of the
    crawl. A path that leaves the site is resolved (symlinks too) and looked up on disk.
    """

    def __init__(self, site: Path) -> None:
        self.root = os.path.realpath(site)
        self.files: set[str] = set()
        self.folders: set[str] = set()
        for folder, _, names in os.walk(self.root):
            self.folders.add(folder)
            self.files.update(os.path.join(folder, name) for name in names)

    def inside(self, path: str) -> bool:
        return path == self.root or path.startswith(self.root + os.sep)

    def resolve(self, folder: str, relative: str) -> str:
        path = os.path.normpath(os.path.join(folder, relative))
        return path if self.inside(path) else os.path.realpath(path)

    def is_dir(self, path: str) -> bool:
        return path in self.folders if self.inside(path) else os.path.isdir(path)

    def is_file(self, path: str) -> bool:
        return path in self.files if self.inside(path) else os.path.isfile(path)


def broken_links(site: Path, subjects: set[str]) -> list[str]:
    """'page: link (why)' for every local link that leads nowhere.

    A link to a hash IRI (a mention's …#char=0,15) lands on its document's page: the fragment
    names the resource, not an element, so only the page must exist.
    """
    listed = _Listing(site)
    root = listed.root
    cache: dict[str, _Links] = {}
    found = []
    for page in sorted(Path(name) for name in listed.files if name.endswith(".html")):
        page_name, page_folder = str(page), str(page.parent)
        for link in _parse(page_name, cache).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # another site's page: not this site's to break
            where = f"{page.relative_to(root)}: {link}"
            if parts.query:
                found.append(f"{where} (a query string: a static site cannot answer it)")
                continue
            target = listed.resolve(page_folder, unquote(parts.path)) if parts.path else page_name
            if listed.is_dir(target):
                target = os.path.join(target, "index.html")
            if not listed.is_file(target):
                found.append(f"{where} (no such file)")
                continue
            if not parts.fragment or os.path.splitext(target)[1] != ".html":
                continue
            local = "/" + str(Path(target).parent.relative_to(root))
            if iri_for_path(local) + "#" + unquote(parts.fragment) in subjects:
                continue
            if unquote(parts.fragment) not in _parse(target, cache).ids:
                found.append(f"{where} (no element with that id)")
    return found


def test_no_link_of_the_static_site_is_broken(site: Path, quads: list[ox.Quad]) -> None:
    subjects = {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)}
    pages = list(site.rglob("*.html"))
    assert len(pages) > 500
    broken = broken_links(site, subjects)
    assert not broken, f"{len(broken)} broken links, first: " + "; ".join(broken[:5])


def test_the_crawler_finds_a_broken_link(site: Path, tmp_path: Path) -> None:
    """The check can fail: a missing page, a missing anchor and a query string are caught."""
    page = tmp_path / "index.html"
    (tmp_path / "there").mkdir()
    (tmp_path / "there" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    page.write_text('<a href="gone/index.html">a</a> <a href="there/index.html#nowhere">b</a> '
                    '<a href="there/index.html#here">ok</a> <a href="x?s=1">c</a> '
                    '<a href="https://example.org/">ok</a>', encoding="utf-8")
    found = broken_links(tmp_path, set())
    assert len(found) == 3
    assert {f.split(" (")[1] for f in found} == {
        "no such file)", "no element with that id)",
        "a query string: a static site cannot answer it)"}


def test_stored_queries_say_they_cannot_run_and_show_answers(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="queries/c102-gaps/index.html"' in home
    page = (site / "queries" / "c102-gaps" / "index.html").read_text(encoding="utf-8")
    assert "it cannot run SPARQL" in page and "<form" not in page.split("<main", 1)[1]
    assert "country = Pakistan" in page
    table = page[page.index('id="answer-table-1"'):]
    table = table[:table.index("</table>")]
    assert table.count("<tr>") == 1 + 9  # the header and the nine branches
    link = re.search(r'href="([^"]+\.csv)" download', page)
    assert link is not None
    rows = list(csv.reader(io.StringIO((site / "queries" / "c102-gaps" / link.group(1)).resolve()
                                       .read_text(encoding="utf-8"))))
    assert len(rows) == 10 and rows[0][0] == "branch"
    assert any(r[0] == "https://w3id.org/spkg/id/contingency/family" for r in rows)
    # a query without required parameters: its answer as stored
    folder = site / "queries" / "partner-counts"
    partners = (folder / "index.html").read_text(encoding="utf-8")
    assert "as stored" in partners and (folder / "answer.csv").is_file()


def test_inferred_facts_link_to_pre_rendered_explanations(site: Path) -> None:
    page = (site / "id" / "programme" / "mazdoor-ka-ehsaas" / "index.html").read_text(
        encoding="utf-8")
    link = re.search(r'<a class="why-link" href="([^"]+)"', page)
    assert link is not None, "an inferred type links to its explanation"
    assert link.group(1).startswith("../../../explain/")
    why = (site / "id" / "programme" / "mazdoor-ka-ehsaas" / link.group(1)).resolve()
    text = why.read_text(encoding="utf-8")
    assert 'id="verdict">Inferred by cax-sco' in text
    assert "asserted in id:document/001-0844c7bbfea795f9" in text
    assert "?s=" not in page  # no link the static site cannot answer
