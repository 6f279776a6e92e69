"""Location, funding and support forms of real ILO texts (issue 16, the classes of fresh-10's
misses and false hits), on made-up sentences in English, French and Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


@pytest.mark.parametrize(("title", "body", "event", "places"), [
    ("Social protection in Fiji",
     "Tropical Cyclone Winston damaged houses and farms on Labasa, Nadi and Sigatoka in "
     "February 2016.",
     "tropical-cyclone-winston", {"labasa", "nadi", "sigatoka"}),
    ("Social protection in Brazil",
     "After the floods that hit Minas Gerais in January 2022, the Government paid a grant.",
     "floods-2022-01", {"minas-gerais"}),
    ("La protection sociale au Malawi",
     "Le cyclone Freddy a détruit des maisons et des routes à Nsanje et Blantyre en mars 2023.",
     "cyclone-freddy", {"nsanje", "blantyre"}),
    ("Protección social en Guatemala",
     "El huracán Eta destruyó viviendas en Izabal y Alta Verapaz en noviembre de 2020.",
     "huracan-eta", {"izabal", "alta-verapaz"}),
])
def test_a_disaster_is_where_it_damaged_things_or_that_it_hit(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, event: str,
        places: set[str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.locatedIn)
    assert {o for s, o in found if s == event} == places, found


def test_a_disaster_recalled_without_a_date_is_placed_nowhere(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "Years after Cyclone Winston damaged houses on Labasa, the fund still pays grants."
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Fiji"),
                       SPKG.locatedIn)
    assert not any(s == "cyclone-winston" for s, _ in found), found
