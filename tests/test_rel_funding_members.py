"""Funding and membership forms (rules "funding", "members-include"): "funded by A and by
B", "X, implemented by A, B and C and funded by D", "…; its members include A and B"."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import ORG, SPKG


def related(tmp_path: Path, gazetteer: Gazetteer, body: str,
            predicate: object) -> set[tuple[str, str]]:
    facts = page_facts(tmp_path, gazetteer, body)
    return slug_pairs(facts, predicate)


def test_funded_by_one_and_by_another(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = related(tmp_path, gazetteer, "The work was done under the Decent Pensions "
                    "Project, which is funded by the Government of Belgium and by the "
                    "European Union.", SPKG.fundedBy)
    assert {("decent-pensions-project", "government-of-belgium"),
            ("decent-pensions-project", "european-union")} <= found, found


def test_funded_after_its_implementers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The strategy was drafted with support from the Decent Pensions Project, "
            "implemented by UNICEF, the ILO and UNDP and funded by the European Union.")
    found = related(tmp_path, gazetteer, body, SPKG.fundedBy)
    assert ("decent-pensions-project", "european-union") in found, found
    body = ("The Decent Pensions Project works with UNICEF and the ILO and the study was "
            "funded by the European Union.")
    found = related(tmp_path, gazetteer, body, SPKG.fundedBy)
    assert ("decent-pensions-project", "european-union") not in found, found


def test_its_members_include(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national pension committee of the Ministry of Labour oversees the reform; its "
            "members include the Federation of Kenya Employers and the Central Organization "
            "of Trade Unions.")
    found = related(tmp_path, gazetteer, body, ORG.memberOf)
    assert {("federation-of-kenya-employers", "national-pension-committee"),
            ("central-organization-of-trade-unions", "national-pension-committee")} <= found, \
        found
    body = ("The Ministry of Labour oversees the reform; its members include the Federation "
            "of Kenya Employers.")
    assert not related(tmp_path, gazetteer, body, ORG.memberOf)
