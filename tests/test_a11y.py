"""An automated accessibility scan: axe-core (npm devDependency, read from node_modules, never
shipped in the package) injected into Debian's headless Chromium on the main pages, live and
in the static site; no serious or critical violation may be found (WCAG 2.1 A and AA rules,
and axe's best practices)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import INSTALLED, MISSING, headless_chromium, unavailable
from seed_quads import seed_quads
from server.live import LiveServer

from spkg.server.app import ServerConfig

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WAIT = 60
PAKISTAN = "https%3A%2F%2Fw3id.org%2Fspkg%2Fid%2Fplace%2Fpakistan"
PAGES = (
    "/",
    "/id/place/pakistan",
    "/coverage",
    "/id/programme/mazdoor-ka-ehsaas",
    "/id/outcome/001-0844c7bbfea795f9",
    f"/queries/c102-gaps?country={PAKISTAN}&run=1",
    "/search?q=MKE",
    "/explain?s=https%3A%2F%2Fw3id.org%2Fspkg%2Fid%2Fprogramme%2Fmazdoor-ka-ehsaas"
    "&p=http%3A%2F%2Fwww.w3.org%2F1999%2F02%2F22-rdf-syntax-ns%23type"
    "&o=https%3A%2F%2Fw3id.org%2Fspkg%2Fontology%23Intervention",
)
STATIC_PAGES = ("index.html", "id/place/pakistan/index.html", "coverage/index.html",
                "queries/c102-gaps/index.html")
SERIOUS = ("serious", "critical")

if not INSTALLED:
    unavailable(f"the accessibility scan needs {MISSING}", module=True)

from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        unavailable(f"{AXE} is missing: run `npm ci` (axe-core is a devDependency in "
                    "package.json)")
    return AXE.read_text(encoding="utf-8")


def _quads(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    quads: list[Any] = seed_quads(tmp_path_factory)  # load_quads(None), once per run
    return quads


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(_quads(tmp_path_factory), ServerConfig(timeout=20.0)) as live:
        yield live


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    with headless_chromium(WAIT) as driver:
        yield driver


def serious_violations(driver: WebDriver, axe: str) -> list[str]:
    """'rule (impact): help — where' for each serious or critical violation on the open page."""
    driver.execute_script(axe)
    found = driver.execute_async_script(RUN_AXE)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['nodes'])}"
            for v in found if v["impact"] in SERIOUS]


def test_the_scan_finds_a_violation(browser: WebDriver, axe_source: str,
                                    tmp_path: Path) -> None:
    """The check can fail: an image without alt text and an unlabelled field are caught."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><head><title>bad</title></head><body>'
                    '<main><h1>Bad</h1><img src="x.png"><input type="text"></main></body></html>',
                    encoding="utf-8")
    browser.get(page.as_uri())
    found = serious_violations(browser, axe_source)
    assert any(v.startswith("image-alt") for v in found)
    assert any(v.startswith("label") for v in found)


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_violation(server: LiveServer, browser: WebDriver, axe_source: str,
                                       path: str) -> None:
    browser.get(server.url + path)
    found = serious_violations(browser, axe_source)
    assert not found, f"{path}: " + "; ".join(found)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from spkg.site import write_site

    folder = tmp_path_factory.mktemp("a11y-site") / "site"
    write_site(_quads(tmp_path_factory), folder, progress=False)
    return folder


@pytest.mark.parametrize("page", STATIC_PAGES)
def test_static_page_has_no_serious_violation(site: Path, browser: WebDriver, axe_source: str,
                                              page: str) -> None:
    browser.get((site / page).as_uri())
    found = serious_violations(browser, axe_source)
    assert not found, f"static {page}: " + "; ".join(found)
