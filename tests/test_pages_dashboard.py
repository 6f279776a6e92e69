"""The country dashboard, the coverage matrix and search, over the graph built from the seeds,
as data and over real HTTP."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
from seed_quads import seed_quads
from server.live import LiveServer

from spkg.pages import coverage, dashboards
from spkg.pages.graphview import GraphView
from spkg.pages.search import search
from spkg.server.app import ServerConfig

pytestmark = pytest.mark.server

PAKISTAN = "https://w3id.org/spkg/id/place/pakistan"
MKE = "https://w3id.org/spkg/id/programme/mazdoor-ka-ehsaas"


@pytest.fixture(scope="module")
def quads(tmp_path_factory: pytest.TempPathFactory) -> list[ox.Quad]:
    from spkg.dataset import document_graph_files

    assert document_graph_files(), "data/graphs holds the seeds' graphs in every checkout"
    return seed_quads(tmp_path_factory)  # load_quads(None), once per run


@pytest.fixture(scope="module")
def view(quads: list[ox.Quad]) -> GraphView:
    store = ox.Store()
    store.extend(quads)
    return GraphView(store)


def test_pakistan_has_mazdoor_ka_ehsaas_through_its_government(view: GraphView) -> None:
    dash = dashboards.country_dashboard(view, PAKISTAN)
    assert dash is not None
    programmes = dict(dash.groups)["Programmes and schemes"]
    mke = next(i for i in programmes if i.iri == MKE)
    assert mke.note == "adopted by Government of Pakistan"
    # the reason links to the sentence it was read from, on the programme's page
    assert mke.source_href is not None and mke.source_href.startswith(
        "/id/programme/mazdoor-ka-ehsaas#s-")
    assert "Laws" in dict(dash.groups)
    # one link further: the body that developed it, with the reason
    bodies = {i.label: i.note for i in dict(dash.groups)["Bodies"]}
    group = bodies["Labour Welfare and Social Protection Expert Group"]
    assert "developed Mazdoor Ka Ehsaas" in group


def test_pakistan_branches_results_and_timeline(view: GraphView) -> None:
    dash = dashboards.country_dashboard(view, PAKISTAN)
    assert dash is not None
    assert len(dash.branches) == 9
    status = {b.label: b.status for b in dash.branches}
    # the seeds tag results with eight branches and no programme declares one it covers
    assert status["Family"] == "gap"
    assert status["Old age"] == "results only"
    assert [y.year for y in dash.results] == sorted((y.year for y in dash.results), reverse=True)
    dates = [e.date for e in dash.events]
    assert dates == sorted(dates) and len(dates) >= 5
    kinds = {e.kind.lower() for e in dash.events}
    assert {"adoption", "launch", "notification", "meeting"} <= kinds
    assert all(e.source_href and "#s-" in e.source_href for e in dash.events if e.sentence)
    assert any("Convention" in i.label and "102" in i.label for i in dash.instruments)
    assert any(p.label == "Pakistan Workers Federation" for p in dash.partners)


def test_not_a_country_has_no_dashboard(view: GraphView) -> None:
    assert dashboards.country_dashboard(view, MKE) is None


def test_matrix_and_csv(view: GraphView) -> None:
    grid = coverage.matrix(view)
    assert len(grid.branches) == 9
    pakistan = next(r for r in grid.rows if r.iri == PAKISTAN)
    assert len(pakistan.cells) == 9
    lines = list(csv.DictReader(io.StringIO(coverage.matrix_csv(grid))))
    assert len(lines) == 9 * len(grid.rows)
    old_age = next(line for line in lines
                   if line["country"] == "Pakistan" and line["branch"] == "Old age")
    assert old_age["status"] == "results only" and int(old_age["results_tagged"]) >= 1
    assert all(iri.startswith("https://w3id.org/spkg/id/outcome/")
               for iri in old_age["result_iris"].split())


@pytest.mark.parametrize(("text", "label"), [
    ("MKE", "Mazdoor Ka Ehsaas"),  # an acronym
    ("mazdoor ka ehsaas", "Mazdoor Ka Ehsaas"),
    ("asistencia médica", "Medical care"),  # Spanish
    ("Islamic Republic of Pakistan", "Pakistan"),  # an alias, matched whole first
])
def test_search_finds_by_any_name(view: GraphView, text: str, label: str) -> None:
    assert search(view, text)[0].label == label


def test_search_text_is_never_query_syntax(view: GraphView) -> None:
    assert search(view, '" } ?s ?p ?o . { "') == []


@pytest.fixture(scope="module")
def client(quads: list[ox.Quad]) -> Iterator[httpx.Client]:
    with LiveServer(quads, ServerConfig(timeout=20.0)) as live, httpx.Client(
            base_url=live.url, timeout=30) as http:
        yield http


def test_country_page_over_http(client: httpx.Client) -> None:
    page = client.get("/id/place/pakistan").text
    has = page[page.index('id="has"'):page.index('id="c102"')]
    assert 'href="/id/programme/mazdoor-ka-ehsaas"' in has
    assert "adopted by Government of Pakistan" in has
    assert page.count('<tr class="status-') == 9
    assert re.search(r'<time datetime="2021-03">March 2021</time>', page)


def test_coverage_over_http(client: httpx.Client) -> None:
    page = client.get("/coverage").text
    assert 'href="/id/place/pakistan"' in page and "Results only" in page
    answer = client.get("/coverage.csv")
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.text.splitlines()[0].startswith("country,country_iri,branch,status")


def test_search_over_http(client: httpx.Client) -> None:
    hits = client.get("/search.json", params={"q": "MKE"}).json()
    assert hits[0]["href"] == "/id/programme/mazdoor-ka-ehsaas" and hits[0]["matched"] == "MKE"
    page = client.get("/search", params={"q": "MKE"}).text
    assert 'href="/id/programme/mazdoor-ka-ehsaas"' in page
    home = client.get("/").text
    assert 'action="/search"' in home and 'href="/coverage"' in home
    assert 'href="/id/place/pakistan"' in home


def test_stored_query_as_a_form(client: httpx.Client) -> None:
    form = client.get("/queries/c102-gaps").text
    # a country picker from the data, labelled, and no answer before a country is chosen
    assert '<label for="p-country">' in form and '<select id="p-country" name="country"' in form
    assert f'<option value="{PAKISTAN}">Pakistan</option>' in form
    assert 'id="answer"' not in form
    page = client.get("/queries/c102-gaps", params={"country": PAKISTAN, "run": "1"}).text
    table = page[page.index('id="answer-table"'):]
    assert table.count("<tr>") == 1 + 9  # the header and the nine branches
    assert 'href="/id/contingency/family"' in table
    answer = client.get("/queries/c102-gaps",
                        params={"country": PAKISTAN, "run": "1", "format": "csv"})
    assert answer.headers["content-type"].startswith("text/csv")
    assert len(answer.text.strip().splitlines()) == 10
    missing = client.get("/queries/c102-gaps", params={"run": "1"}).text
    assert 'role="alert">choose a value for country' in missing
    assert client.get("/queries/no-such-query").status_code == 404


def test_static_site_draws_the_same_pages(quads: list[ox.Quad],
                                          tmp_path_factory: pytest.TempPathFactory) -> None:
    from spkg.site import write_site

    site = tmp_path_factory.mktemp("site") / "site"
    write_site(quads, site, progress=False)
    country = (site / "id" / "place" / "pakistan" / "index.html").read_text(encoding="utf-8")
    assert 'id="facts"' in country and country.count('<tr class="status-') == 9
    assert 'href="../../../id/programme/mazdoor-ka-ehsaas/index.html"' in country
    assert 'href="../../../coverage/index.html"' in country
    matrix = (site / "coverage" / "index.html").read_text(encoding="utf-8")
    assert 'href="../coverage.csv"' in matrix and "Results only" in matrix
    assert (site / "coverage.csv").read_text(encoding="utf-8").startswith("country,")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="id/place/pakistan/index.html"' in home
    # no server behind a static site: the search looks through search.json in the browser
    assert 'action="/search"' not in home and 'data-index="search.json"' in home
    names = json.loads((site / "search.json").read_text(encoding="utf-8"))
    mke = next(e for e in names if e["href"] == "/id/programme/mazdoor-ka-ehsaas")
    assert "MKE" in mke["names"]
    assert (site / "static" / "search.js").is_file()


def test_inferred_facts_link_to_why(client: httpx.Client) -> None:
    page = client.get("/id/programme/mazdoor-ka-ehsaas").text
    link = re.search(r'<a class="why-link" href="(/explain\?[^"]+)"', page)
    assert link is not None, "an inferred type links to its explanation"
    why = client.get(link.group(1).replace("&amp;", "&")).text
    assert 'id="verdict">Inferred by cax-sco' in why
    # down to the asserted triples and the documents they were read from
    assert "id:programme/mazdoor-ka-ehsaas a spkg:Programme" in why
    assert "asserted in id:document/001-0844c7bbfea795f9" in why
    assert client.get("/explain", params={"s": "not an iri"}).status_code == 400


def _chart_table(page: str, figure_id: str) -> dict[str, list[int]]:
    """The numbers of a chart's fallback table, by row label."""
    figure = page[page.index(f'<figure class="chart" id="{figure_id}"'):]
    figure = figure[:figure.index("</figure>")]
    rows = re.findall(r'<tr><th scope="row">(?:<a [^>]*>)?([^<]+)(?:</a>)?</th>(.*?)</tr>', figure)
    return {label: [int(v) for v in re.findall(r'data-value="(\d+)"', cells)]
            for label, cells in rows}


def test_dashboard_charts_stand_on_tables(client: httpx.Client, view: GraphView) -> None:
    dash = dashboards.country_dashboard(view, PAKISTAN)
    assert dash is not None
    page = client.get("/id/place/pakistan").text
    branches = _chart_table(page, "chart-c102")
    assert branches == {b.label: [len(b.interventions), len(b.results)] for b in dash.branches}
    years = _chart_table(page, "chart-years")
    assert years == {y.year: [len(y.results)] for y in dash.results}
    assert sum(v[0] for v in years.values()) == sum(len(y.results) for y in dash.results) > 0
    # the text alternative names what is missing, the caption labels the chart
    assert 'id="chart-c102-caption"' in page and "nothing on Family" in page
    coverage_page = client.get("/coverage").text
    assert len(_chart_table(coverage_page, "chart-coverage")) == 9
    from spkg.pages.render import chartjs_installed

    if chartjs_installed():  # drawn over the tables by the vendored Chart.js
        assert 'src="/static/chartjs/chart.umd.min.js"' in page
        assert client.get("/static/chartjs/chart.umd.min.js").status_code == 200
        assert client.get("/static/charts.js").status_code == 200
