"""Pages readable first: formatted literals, SDG codes, names apart, raw statements collapsed."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from spkg.pages import views
from spkg.pages.formatting import XSD, format_date, format_literal
from spkg.pages.graphview import GraphView
from spkg.pages.render import Renderer
from spkg.pages.resources import resource_alternates

ID = "https://w3id.org/spkg/id/"
OUTCOME = "/id/outcome/r1"
TRIG = """
@prefix spkg: <https://w3id.org/spkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix id: <https://w3id.org/spkg/id/> .
<https://w3id.org/spkg/graph/reference> {
  <http://metadata.un.org/sdg/1.3> skos:prefLabel "Implement social protection systems"@en ;
      <http://schema.org/identifier> "1.3"^^<http://metadata.un.org/sdg/ontology#SDGCodeCompact> .
  id:place\\/pakistan a spkg:Country ; rdfs:label "Pakistan"@en ; skos:prefLabel "Pakistan"@en ;
      skos:altLabel "Islamic Republic of Pakistan"@en ; skos:notation "PAK" .
}
id:document\\/d1 {
  id:document\\/d1 a spkg:ResultRecord ; dct:date "2021"^^xsd:gYear ;
      spkg:country id:place\\/pakistan .
  id:outcome\\/r1 a spkg:Outcome ; rdfs:label "A result"@en ; spkg:year "2021"^^xsd:gYear ;
      spkg:step 2 ; spkg:reportedIn id:document\\/d1 ;
      spkg:contributesToTarget <http://metadata.un.org/sdg/1.3> ;
      spkg:hasCoverageFigure id:coverage\\/c1 .
  id:coverage\\/c1 rdfs:label "Total"@en ; spkg:personsCovered 51100000 .
}
"""


@pytest.mark.parametrize(("value", "datatype", "shown"), [
    ("51100000", "integer", "51,100,000"),
    ("2", "integer", "2"),
    ("2021", "gYear", "2021"),
    ("2021-03", "gYearMonth", "March 2021"),
    ("2021-05-01", "date", "1 May 2021"),
    ("12.50", "decimal", "12.50"),
    ("not a number", "integer", "not a number"),
    ("2021-13", "gYearMonth", "2021-13"),
])
def test_format_literal(value: str, datatype: str, shown: str) -> None:
    assert format_literal(value, XSD + datatype) == shown


def test_format_date_keeps_what_it_cannot_read() -> None:
    assert format_date("about 2020") == "about 2020"


@pytest.fixture(scope="module")
def view() -> GraphView:
    store = ox.Store()
    store.load(TRIG.encode(), ox.RdfFormat.TRIG)
    return GraphView(store)


def _page(view: GraphView, path: str) -> str:
    r = views.resource_view(view, "https://w3id.org/spkg" + path)
    assert r is not None
    return Renderer(live=True).render("resource.html", page_path=path, r=r,
                                      alternates=resource_alternates(path))


def test_outcome_page_reads_as_text(view: GraphView) -> None:
    page = _page(view, OUTCOME)
    readable, _, raw = page.partition('<details id="all-statements">')
    assert "^^" not in readable and "@en" not in readable
    assert ">2021<" in readable and "Total: 51,100,000 persons" in readable
    assert "1.3 Implement social protection systems" in readable
    # the country comes from the document the result was reported in
    assert re.search(r"country \(of its report\).*?Pakistan", readable, re.S)
    # the raw forms are still there, collapsed
    assert "2021</span><span class=\"datatype\">^^xsd:gYear" in raw


def test_country_names_once_and_codes_apart(view: GraphView) -> None:
    page = _page(view, "/id/place/pakistan")
    readable = page.partition('<details id="all-statements">')[0]
    assert readable.count(">Pakistan<") == 1  # the heading; no rows repeating the name
    assert "Also known as:" in readable and "Islamic Republic of Pakistan" in readable
    assert "<code>PAK</code>" in readable


def test_sources_are_named_by_kind_date_and_country(view: GraphView) -> None:
    summary = views.document_summary(view, ox.NamedNode(ID + "document/d1"))
    # no ontology loaded here, so the kind is the compact IRI
    assert summary == "spkg:ResultRecord · 2021 · Pakistan"


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_heat_map_colours_meet_wcag_aa() -> None:
    """Each state's text on its background, by the WCAG 2.1 formula (AA: 4.5:1)."""
    from spkg.pages.render import STATIC

    css = (STATIC / "style.css").read_text(encoding="utf-8")
    rules = re.findall(r"\.status-([a-z-]+) \{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6});",
                       css)
    assert {name for name, _, _ in rules} == {"covered", "results-only", "gap"}
    for name, background, text in rules:
        assert _contrast(background, text) >= 4.5, name
    # links and secondary text on white
    assert _contrast("#0b4f8a", "#ffffff") >= 4.5 and _contrast("#4a4a4a", "#ffffff") >= 4.5
