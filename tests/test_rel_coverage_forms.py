"""Coverage stated by a sentence whose subject is named before it ("It allows …", "The
regime extends …"), behind an aside ("The bill, developed by A, would extend …"), or
after a clause of its own ("The scheme replaces X and provides …"): made-up sentences in
the style of ILO pages, and look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def covered(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    """(intervention slug, group slug) of every extendsCoverageTo the page gives."""
    facts = page_facts(tmp_path, gazetteer, body)
    return slug_pairs(facts, SPKG.extendsCoverageTo)


@pytest.mark.parametrize(("body", "expected"), [
    # the subject is an opening phrase's object: "It" is what the Government approved
    ("By Decree No. 45 of 2 May 2022, the Government of Kenya approved the Rural Pension "
     "Programme. It extends pension coverage to tea pickers and to fishers.",
     {("rural-pension-programme", "fishers")}),
    # "the decree" is the text named a decree, not the law named after it
    ("The Cabinet approved Executive Decree No. 9, which regulates the Health Insurance Law. "
     "The decree extends coverage to domestic workers.",
     {("executive-decree-no-9", "domestic-workers")}),
    # "The regime" is a scheme named "… Regime …"
    ("The Board created the Special Regime for Fishers. The regime extends maternity, "
     "sickness and accident cover to domestic workers in Mombasa.",
     {("special-regime-for-fishers", "domestic-workers")}),
    # an aside naming others between the subject and its verb
    ("The Health Insurance Bill, developed by a technical committee led by the Ministry of "
     "Health, would extend health insurance to domestic workers and to rural households.",
     {("health-insurance-bill", "domestic-workers"), ("health-insurance-bill",
                                                      "rural-households")}),
    # a list opened by "including"
    ("The Pension Act was passed in 2022. It allows workers in the informal economy, "
     "including market vendors and fishers, to join the fund.",
     {("pension-act", "market-vendors"), ("pension-act", "fishers")}),
    # a clause of the subject's own before the reaching verb
    ("The law establishes the Artisans Pension Scheme. The scheme replaces the lump-sum "
     "gratuity and provides old-age and survivors' pensions to domestic workers.",
     {("artisans-pension-scheme", "domestic-workers")}),
    # passive "is paid to", and "supports"
    ("The Elder Grant is paid to all residents aged 70 or older.",
     {("elder-grant", "residents-aged-70-or-older")}),
    ("The Mother Grant supports pregnant women and children under two.",
     {("mother-grant", "pregnant-women")}),
])
def test_coverage_of_a_subject_named_elsewhere(tmp_path: Path, gazetteer: Gazetteer,
                                               body: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= covered(tmp_path, gazetteer, body), body


@pytest.mark.parametrize("body", [
    # "It" is the Ministry: no intervention was named before
    "The Ministry of Labour met the unions in May. It provides training to domestic workers.",
    # the aside's own subject is no intervention
    "The Health Insurance Bill was debated. The Ministry of Health, led by the minister, "
    "would extend training to domestic workers.",
    # the law amended is not what extends coverage
    "The Parliament adopted the Law on Amendments to the Labour Code. The Labour Code was "
    "studied by the Ministry of Labour for domestic workers.",
])
def test_no_coverage_where_another_subject_acts(tmp_path: Path, gazetteer: Gazetteer,
                                                body: str) -> None:
    found = covered(tmp_path, gazetteer, body)
    assert not found, (body, found)


def test_the_law_in_an_aside_is_not_the_subject(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"The Fund (F), established under the X Act, covers A and offers B to C": the Fund
    covers them (an institution, not an intervention), not the Act; "offers …" ends the
    list of groups."""
    body = ("The National Provident Fund (NPF), established under the National Provident "
            "Fund Act 2011, covers employees in the formal sector and offers voluntary "
            "membership to informal workers.")
    found = covered(tmp_path, gazetteer, body)
    assert not any(s.startswith("national-provident-fund-act") for s, _ in found), found
    assert not any(g.startswith("offers") for _, g in found), found
    body = ("The National Pension Act covers employees in the formal sector and offers "
            "voluntary membership to informal workers.")
    found = covered(tmp_path, gazetteer, body)
    assert ("national-pension-act", "employees-in-the-formal-sector") in found, found
    assert not any(g.startswith("offers") for _, g in found), found


def test_a_law_opens_a_fund_to_a_group(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"The X Act, 2018 opened the NSSF to self-employed persons on a voluntary basis": the
    Act's coverage, the group without "on a voluntary basis"; a body opening an office to
    visitors is no coverage."""
    body = ("The Pension Laws (Amendment) Act, 2018 opened the National Social Security Fund "
            "to self-employed persons on a voluntary basis.")
    found = covered(tmp_path, gazetteer, body)
    assert ("pension-laws-amendment-act-2018", "self-employed-persons") in found, found
    body = "The Ministry of Labour opened the National Social Security Fund to visitors."
    assert not covered(tmp_path, gazetteer, body)


def test_households_of_groups(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"It will cover 12,000 households of fishers and farmers": both groups are covered;
    "households of the capital" names no group."""
    body = ("The Ministry launched the Rural Cash Transfer Pilot in 2023. It will cover 12,000 "
            "households of fishers and farmers.")
    found = covered(tmp_path, gazetteer, body)
    assert {("rural-cash-transfer-pilot", "fishers"),
            ("rural-cash-transfer-pilot", "farmers")} <= found, found
    body = ("The Ministry launched the Rural Cash Transfer Pilot in 2023. It will cover 12,000 "
            "households of the capital.")
    assert not {g for s, g in covered(tmp_path, gazetteer, body)
                if g in {"fishers", "farmers"}}
