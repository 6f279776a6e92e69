"""Implementation, membership and topic forms of real ILO texts (issue 16, fresh-11's
classes), on made-up sentences."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import ORG


def test_a_partner_listed_after_an_ilo_office_is_no_ilo_unit(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A consultation on the draft pension reform was held in Kingsport on 4 May 2022, "
            "with support from the ILO Decent Work Team and Office for the Caribbean, UNICEF "
            "and the World Food Programme (WFP).")
    units = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Jamaica"),
                       ORG.subOrganizationOf)
    assert ("world-food-programme", "international-labour-organization") not in units
