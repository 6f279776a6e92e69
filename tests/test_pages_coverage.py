"""The C102 states on a small graph made for the purpose: covered (directly, through a province,
through the adopting body), results only, gap; and a thing of another country left out."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from spkg.pages import coverage, dashboards
from spkg.pages.graphview import GraphView

ID = "https://w3id.org/spkg/id/"
TRIG = """
@prefix spkg: <https://w3id.org/spkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://w3id.org/spkg/id/> .
<https://w3id.org/spkg/graph/ontology> {
  spkg:adoptedBy rdfs:label "adopted by"@en .
}
<https://w3id.org/spkg/graph/reference> {
  id:place\\/aland a spkg:Country ; rdfs:label "Aland"@en .
  id:place\\/bland a spkg:Country ; rdfs:label "Bland"@en .
  id:place\\/north a spkg:Province ; rdfs:label "North"@en ; spkg:partOf id:place\\/aland .
  id:contingency\\/old-age a spkg:Contingency ; rdfs:label "Old age"@en .
  id:contingency\\/maternity a spkg:Contingency ; rdfs:label "Maternity"@en .
  id:contingency\\/family a spkg:Contingency ; rdfs:label "Family"@en .
  id:contingency\\/sickness a spkg:Contingency ; rdfs:label "Sickness"@en .
}
id:document\\/d1 {
  id:document\\/d1 spkg:country id:place\\/aland .
  id:organisation\\/gov a spkg:Government ; rdfs:label "Government of Aland"@en ;
      spkg:locatedIn id:place\\/aland .
  id:programme\\/pension a spkg:Programme ; rdfs:label "Pension"@en ;
      spkg:locatedIn id:place\\/north ; spkg:coversContingency id:contingency\\/old-age .
  id:programme\\/mothers a spkg:Programme ; rdfs:label "Mothers"@en ;
      spkg:adoptedBy id:organisation\\/gov ; spkg:coversContingency id:contingency\\/maternity .
  id:outcome\\/r1 a spkg:Outcome ; rdfs:label "A result"@en ; spkg:reportedIn id:document\\/d1 ;
      spkg:keyword id:contingency\\/family .
  id:programme\\/elsewhere a spkg:Programme ; rdfs:label "Elsewhere"@en ;
      spkg:locatedIn id:place\\/bland ; spkg:coversContingency id:contingency\\/sickness .
}
"""


@pytest.fixture(scope="module")
def view() -> GraphView:
    store = ox.Store()
    store.load(TRIG.encode(), ox.RdfFormat.TRIG)
    return GraphView(store)


def test_states_of_one_country(view: GraphView) -> None:
    dash = dashboards.country_dashboard(view, ID + "place/aland")
    assert dash is not None
    rows = {b.label: b for b in dash.branches}
    assert rows["Old age"].status == "covered"  # located in a province of the country
    assert [i.label for i in rows["Old age"].interventions] == ["Pension"]
    assert rows["Maternity"].status == "covered"  # adopted by the country's government
    assert rows["Family"].status == "results only"
    assert rows["Sickness"].status == "gap"  # covered in Bland, not here
    programmes = {i.label: i.note for i in dict(dash.groups)["Programmes and schemes"]}
    assert programmes == {"Pension": "in North", "Mothers": "adopted by Government of Aland"}


def test_matrix_rows_and_csv(view: GraphView) -> None:
    grid = coverage.matrix(view)
    assert [r.label for r in grid.rows] == ["Aland", "Bland"]
    assert [label for label, _ in grid.branches] == ["Family", "Maternity", "Old age",
                                                       "Sickness"]
    bland = {c.label: c.status for c in grid.rows[1].cells}
    assert bland == {"Family": "gap", "Maternity": "gap", "Old age": "gap",
                     "Sickness": "covered"}
    lines = coverage.matrix_csv(grid).splitlines()
    assert len(lines) == 1 + 2 * 4
    assert f"Aland,{ID}place/aland,Maternity,covered,1,{ID}programme/mothers,0," in lines


def test_charts_count_what_the_tables_list(view: GraphView) -> None:
    """The coverage chart counts countries per branch and state; the dashboard's charts count
    a country's programmes and results per branch, and its results per year."""
    chart = coverage.matrix(view).chart
    assert chart.series == ["Covered", "Results only", "Gap"] and chart.stacked
    counts = {r.label: r.values for r in chart.rows}
    assert counts == {"Family": [0, 1, 1], "Maternity": [1, 0, 1], "Old age": [1, 0, 1],
                      "Sickness": [1, 0, 1]}
    assert "how many countries (of 2)" in chart.summary
    dash = dashboards.country_dashboard(view, ID + "place/aland")
    assert dash is not None
    branches, years = dash.charts
    assert {r.label: r.values for r in branches.rows} == {
        "Family": [0, 1], "Maternity": [1, 0], "Old age": [1, 0], "Sickness": [0, 0]}
    assert branches.summary == ("Programmes and laws of Aland cover 2 of the 4 C102 branches; "
                                "ILO results for Aland are tagged with 1; nothing on Sickness.")
    assert [(r.label, r.values) for r in years.rows] == [("year not stated", [1])]
    assert years.summary == "1 ILO result for Aland (year not stated: 1)."
