"""Which law amends which (family "amendment"): made-up sentences, and look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def amended(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    facts = page_facts(tmp_path, gazetteer, body)
    return slug_pairs(facts, SPKG.amends)


@pytest.mark.parametrize(("body", "expected"), [
    ("The Parliament passed the Law on Amendments to the Law on Pensions on 3 May 2021.",
     ("law-on-amendments-to-the-law-on-pensions", "law-on-pensions")),
    ("On 2 June 2022 the National Assembly passed Law No. 45 on Social Insurance, which "
     "amends the Labour Code.", ("law-no-45-on-social-insurance", "labour-code")),
    ("The Pensions Act was amended by the Finance Act in 2019.",
     ("finance-act", "pensions-act")),
])
def test_one_law_amends_another(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                expected: tuple[str, str]) -> None:
    assert expected in amended(tmp_path, gazetteer, body), body


@pytest.mark.parametrize("body", [
    "The Pensions Act and the Labour Code were reviewed by the ILO.",
    "The Pensions Act sets the rules under which the Labour Code applies.",
    "A legal review of the Pensions Act was published with the Labour Code.",
])
def test_no_amendment_where_none_is_said(tmp_path: Path, gazetteer: Gazetteer,
                                         body: str) -> None:
    found = amended(tmp_path, gazetteer, body)
    assert not found, (body, found)
