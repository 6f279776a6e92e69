"""The pages' SPARQL prologues come from spkg.prefixes' one table (no prefix table of their own)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from spkg.pages import dashboards, home, search, timeline
from spkg.pages.graphview import sparql_prefixes
from spkg.prefixes import PREFIXES


def test_prefix_lines_name_the_shared_namespaces() -> None:
    assert sparql_prefixes("spkg", "rdfs") == (f"PREFIX spkg: <{PREFIXES['spkg']}>\n"
                                               f"PREFIX rdfs: <{PREFIXES['rdfs']}>\n")
    with pytest.raises(KeyError):
        sparql_prefixes("nope")


@pytest.mark.parametrize("prologue", [dashboards.PREFIXES, home._PREFIXES,
                                      search._QUERY.split("SELECT")[0],
                                      timeline._QUERY.split("SELECT")[0]])
def test_each_page_prologue_parses(prologue: str) -> None:
    assert ox.Store().query(prologue + "ASK { ?thing rdfs:label ?name }") is not None
