"""Drive Debian's headless Chromium through the pages: home → class → programme, and a stored
query run from the query page. Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from chromium import INSTALLED, MISSING, headless_chromium, unavailable
from seed_quads import seed_quads
from server.live import LiveServer, fixture_quads

from spkg.server.app import ServerConfig

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
STORED_QUERY = "partner-counts"  # no required parameter: runs as stored
WAIT = 60

if not INSTALLED:
    unavailable(f"browser tests need {MISSING}", module=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _quads(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """The real built graph where the ingested documents exist, else the fixture."""
    from spkg.dataset import document_graph_files

    # seed_quads: load_quads(None), once per run
    return seed_quads(tmp_path_factory) if document_graph_files() else fixture_quads()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(_quads(tmp_path_factory), ServerConfig(timeout=20.0)) as live:
        yield live


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    with headless_chromium(WAIT) as driver:
        yield driver


def _shot(driver: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / f"browser-{name}.png"))


def test_home_to_a_programme(server: LiveServer, browser: WebDriver) -> None:
    browser.get(server.url + "/")
    _shot(browser, "home")
    assert "social protection knowledge graph" in browser.find_element(By.TAG_NAME, "h1").text
    # the class counts are still there, collapsed under the questions
    browser.find_element(By.CSS_SELECTOR, "#classes-box summary").click()
    browser.find_element(By.CSS_SELECTOR, '#classes a[href="/ontology/Programme"]').click()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/ontology/Programme"))
    _shot(browser, "class-programme")
    first = browser.find_element(By.CSS_SELECTOR, "#instances a")
    name = first.text
    first.click()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/id/programme/"))
    _shot(browser, "programme")
    assert browser.find_element(By.ID, "label").text == name
    rows = browser.find_elements(By.CSS_SELECTOR, "#statements tbody tr")
    assert rows, "a programme page lists statements"
    assert "^^" not in browser.find_element(By.ID, "statements").text
    marks = browser.find_elements(By.CSS_SELECTOR, "#sources mark")
    assert marks, "the source sentences mark the extracted words"
    raw = browser.find_element(By.ID, "all-statements")
    assert not raw.find_element(By.TAG_NAME, "table").is_displayed()  # collapsed


def test_country_dashboard(server: LiveServer, browser: WebDriver) -> None:
    browser.get(server.url + "/")
    browser.find_element(By.CSS_SELECTOR, '#questions a.country[href="/id/place/pakistan"]').click()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/id/place/pakistan"))
    _shot(browser, "country")
    facts = browser.find_element(By.ID, "facts").text
    assert "Under C102" in facts and "of 9 branches" in facts
    has = browser.find_element(By.ID, "has")
    assert has.find_element(By.LINK_TEXT, "Mazdoor Ka Ehsaas").is_displayed()
    assert "adopted by Government of Pakistan" in has.text
    branches = browser.find_elements(By.CSS_SELECTOR, "#c102 table.branches tbody tr")
    assert len(branches) == 9
    assert all(row.find_element(By.CSS_SELECTOR, "td.status").text for row in branches)
    events = browser.find_elements(By.CSS_SELECTOR, "#events ol.timeline > li")
    assert len(events) >= 5 and "March 2021" in browser.find_element(By.ID, "events").text
    # a figure's source is a click away: the result's year, on the result's page
    source = browser.find_element(By.CSS_SELECTOR, "#results a.source")
    source.click()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/id/outcome/"))
    anchor = browser.current_url.rsplit("#", 1)[-1]
    assert browser.find_element(By.ID, anchor).tag_name == "blockquote"
    browser.back()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/id/place/pakistan"))
    browser.find_element(By.ID, "has").find_element(By.LINK_TEXT, "Mazdoor Ka Ehsaas").click()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/id/programme/mazdoor-ka-ehsaas"))
    timeline = browser.find_element(By.ID, "timeline").text
    assert "Adoption" in timeline and "Launch" in timeline and "Notification" in timeline


def test_coverage_matrix(server: LiveServer, browser: WebDriver) -> None:
    browser.get(server.url + "/coverage")
    _shot(browser, "coverage")
    header = browser.find_elements(By.CSS_SELECTOR, "table.matrix thead th")
    assert len(header) == 10  # the country column and nine branches
    row = browser.find_element(By.XPATH, "//table[@class='matrix']//tr[th/a[text()='Pakistan']]")
    cells = row.find_elements(By.TAG_NAME, "td")
    assert len(cells) == 9
    assert {c.find_element(By.CLASS_NAME, "state").text for c in cells} <= {
        "Covered", "Results only", "Gap"}
    csv_link = browser.find_element(By.LINK_TEXT, "Download as CSV").get_attribute("href")
    assert csv_link is not None
    answer = httpx.get(csv_link, timeout=30)
    assert answer.status_code == 200 and "Pakistan" in answer.text


CHART_DATA = """
const figure = document.getElementById(arguments[0]);
const chart = Chart.getChart(figure.querySelector('canvas'));
const rows = Array.from(figure.querySelectorAll('table.chart-data tbody tr'));
return {
  drawn: chart.data.labels.map((label, i) => [label, chart.data.datasets.map(d => d.data[i])]),
  table: rows.map(r => [r.querySelector('th').textContent.trim(),
                        Array.from(r.querySelectorAll('td')).map(td => Number(td.textContent))]),
  role: figure.querySelector('canvas').getAttribute('role'),
  name: document.getElementById(
    figure.querySelector('canvas').getAttribute('aria-labelledby')).textContent,
  tableShown: figure.querySelector('table.chart-data').offsetHeight > 0,
};
"""


def _drawn(figure: str) -> Callable[[WebDriver], bool]:
    def check(driver: WebDriver) -> bool:
        return driver.find_element(By.ID, figure).get_attribute("data-drawn") == "true"
    return check


@pytest.mark.parametrize(("path", "figures"), [
    ("/id/place/pakistan", ("chart-c102", "chart-years")), ("/coverage", ("chart-coverage",))])
def test_charts_are_drawn_from_their_tables(server: LiveServer, browser: WebDriver, path: str,
                                            figures: tuple[str, ...]) -> None:
    from spkg.pages.render import chartjs_installed

    if not chartjs_installed():
        why = "Chart.js is not vendored here (npm ci; python -m spkg.server.vendor)"
        unavailable(why)
    browser.get(server.url + path)
    for figure in figures:
        WebDriverWait(browser, WAIT).until(_drawn(figure))
        seen = browser.execute_script(CHART_DATA, figure)
        assert seen["drawn"] == seen["table"] and seen["drawn"], figure
        assert seen["role"] == "img" and seen["name"].strip()
        assert seen["tableShown"], "the table stays on the page beside the chart"
    _shot(browser, "chart-" + figures[0])


def test_search_suggests_and_works_by_keyboard(server: LiveServer, browser: WebDriver) -> None:
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/")
    # keyboard: the first Tab reaches the skip link, which leads to the page's content
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip" and focused.is_displayed()
    box = browser.find_element(By.ID, "search-text")
    label = browser.find_element(By.CSS_SELECTOR, 'label[for="search-text"]')
    assert label.text, "the search box has a label"
    box.send_keys("MKE")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(
        By.CSS_SELECTOR, "#search-suggestions option"))
    options = browser.find_elements(By.CSS_SELECTOR, "#search-suggestions option")
    assert any("Mazdoor Ka Ehsaas" in (o.get_attribute("label") or "") for o in options)
    box.send_keys(Keys.ENTER)  # the plain GET form
    WebDriverWait(browser, WAIT).until(ec.url_contains("/search?q=MKE"))
    _shot(browser, "search")
    first = browser.find_element(By.CSS_SELECTOR, "#hits tbody tr a")
    assert first.text == "Mazdoor Ka Ehsaas"


@pytest.fixture(params=["yasgui", "textarea"])
def editor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the query page with YASGUI (when vendored) and with the plain fallback."""
    from spkg.pages import render
    from spkg.server import app

    if request.param == "yasgui" and not render.yasgui_installed():
        why = "YASGUI is not vendored here (run scripts/vendor-yasgui)"
        unavailable(why)
    if request.param == "textarea":
        monkeypatch.setattr(app, "yasgui_installed", lambda: False)
    return str(request.param)


def test_run_a_stored_query(server: LiveServer, browser: WebDriver, editor: str) -> None:
    from spkg.pages.stored import stored_queries

    text = {q.name: q.text for q in stored_queries()}[STORED_QUERY]
    expected = httpx.post(server.url + "/sparql", data={"query": text}, timeout=60).json()
    expected_rows = len(expected["results"]["bindings"])
    assert expected_rows > 0, "the stored query has answers on this data"

    browser.get(server.url + "/sparql")
    browser.find_element(By.CSS_SELECTOR, f'a.stored-query[data-name="{STORED_QUERY}"]').click()
    yasgui = bool(browser.find_elements(By.ID, "yasgui"))
    assert yasgui == (editor == "yasgui")
    if yasgui:
        WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(
            "return window.spkgYasgui.getTab().getQuery()").strip() == text.strip())
        browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
        cells = "#yasgui .yasr table.dataTable tbody tr"
    else:
        assert browser.find_element(By.ID, "query-text").get_attribute("value") == text
        browser.find_element(By.ID, "run-query").click()
        cells = "#results-table tbody tr"
    WebDriverWait(browser, WAIT).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, cells)) > 0)
    _shot(browser, f"query-{editor}")
    rows = browser.find_elements(By.CSS_SELECTOR, cells)
    first_value = next(iter(expected["results"]["bindings"][0].values()))["value"]
    assert any(first_value in row.text or first_value.rsplit("/", 1)[-1] in row.text
               for row in rows), f"{first_value} not in the result table"
    if not yasgui:
        assert len(rows) == expected_rows


def test_stored_query_form_and_why(server: LiveServer, browser: WebDriver) -> None:
    from selenium.webdriver.support.ui import Select

    browser.get(server.url + "/")
    browser.find_element(By.CSS_SELECTOR, 'a.stored-query-form[href="/queries/c102-gaps"]').click()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/queries/c102-gaps"))
    picker = Select(browser.find_element(By.ID, "p-country"))
    assert browser.find_element(By.CSS_SELECTOR, 'label[for="p-country"]').text
    picker.select_by_visible_text("Pakistan")
    browser.find_element(By.CSS_SELECTOR, "#query-form button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#answer-table tbody tr")) == 9)
    _shot(browser, "stored-query-form")
    assert "Family" in browser.find_element(By.ID, "answer-table").text
    # an inferred type explained
    browser.get(server.url + "/id/programme/mazdoor-ka-ehsaas")
    browser.find_element(By.CSS_SELECTOR, "a.why-link").click()
    WebDriverWait(browser, WAIT).until(ec.url_contains("/explain"))
    assert browser.find_element(By.ID, "verdict").text.startswith("Inferred by")


def test_static_site_search(browser: WebDriver, tmp_path: Path,
                            tmp_path_factory: pytest.TempPathFactory) -> None:
    """The exported site served by a plain file server: the same pages, search in the browser."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from spkg.site import write_site

    site = tmp_path / "site"
    write_site(_quads(tmp_path_factory), site, progress=False)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    files = ThreadingHTTPServer(("127.0.0.1", 0),
                                functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=files.serve_forever, daemon=True)
    thread.start()
    try:
        browser.get(f"http://127.0.0.1:{files.server_address[1]}/index.html")
        WebDriverWait(browser, WAIT).until(
            lambda d: d.find_element(By.ID, "search").is_displayed())
        box = browser.find_element(By.ID, "search-text")
        box.send_keys("MKE")
        browser.find_element(By.CSS_SELECTOR, "#search button[type=submit]").click()
        WebDriverWait(browser, WAIT).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#static-hits a"))
        first = browser.find_element(By.CSS_SELECTOR, "#static-hits a")
        assert first.text == "Mazdoor Ka Ehsaas"
        first.click()
        WebDriverWait(browser, WAIT).until(
            ec.url_contains("/id/programme/mazdoor-ka-ehsaas/index.html"))
        assert browser.find_element(By.ID, "label").text == "Mazdoor Ka Ehsaas"
        _shot(browser, "static-programme")
        # the charts draw in the static site too, from the files copied beside its pages
        from spkg.pages.render import chartjs_installed

        if chartjs_installed():
            browser.get(f"http://127.0.0.1:{files.server_address[1]}"
                        "/id/place/pakistan/index.html")
            WebDriverWait(browser, WAIT).until(_drawn("chart-c102"))
            seen = browser.execute_script(CHART_DATA, "chart-c102")
            assert seen["drawn"] == seen["table"] and len(seen["drawn"]) == 9
    finally:
        files.shutdown()
        files.server_close()
        thread.join(timeout=10)
