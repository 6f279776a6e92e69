"""Contingencies and groups an intervention covers (issue 16): made-up pages stating them in
forms the rules missed, and look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def covered(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object
            ) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), predicate)


def test_branches_right_after_covers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Workers Welfare Scheme was launched in 2019. "
            "The scheme covers sickness, maternity and employment injury.")
    found = {o for s, o in covered(tmp_path, gazetteer, body, SPKG.coversContingency)
             if s.startswith("workers-welfare-scheme")}
    assert found == {"sickness", "maternity", "employment-injury"}, found


def test_groups_after_covers_are_not_branches(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Workers Welfare Scheme was launched in 2019. "
            "The scheme covers dock workers and fishers in the coastal provinces.")
    assert not covered(tmp_path, gazetteer, body, SPKG.coversContingency)


def test_branch_pensions_paid_to_groups(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Harbour Pension Scheme, which pays old-age, invalidity and survivors' "
            "pensions to dock workers, was set up in 2015.")
    facts = page_facts(tmp_path, gazetteer, body)
    branches = {o for s, o in slug_pairs(facts, SPKG.coversContingency)
                if s.startswith("harbour-pension-scheme")}
    assert branches == {"old-age", "invalidity", "survivors"}, branches
    groups = {o for s, o in slug_pairs(facts, SPKG.extendsCoverageTo)
              if s.startswith("harbour-pension-scheme")}
    assert groups == {"dock-workers"}, groups


def test_a_body_pays_under_each_law(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Pensions Board pays old-age and invalidity pensions to miners "
            "under the Mining Pensions Act, and to civil servants under the Teaching Service Law.")
    facts = page_facts(tmp_path, gazetteer, body)
    branches = slug_pairs(facts, SPKG.coversContingency)
    for law in ("mining-pensions-act", "teaching-service-law"):
        assert {o for s, o in branches if s == law} == {"old-age", "invalidity"}, branches
    groups = slug_pairs(facts, SPKG.extendsCoverageTo)
    assert ("mining-pensions-act", "miners") in groups, groups
    assert ("teaching-service-law", "civil-servants") in groups, groups
    assert ("mining-pensions-act", "civil-servants") not in groups, groups
    # no body pays: nothing is read off a law after "under"
    body = ("Old-age and invalidity pensions are paid to miners under the Mining Pensions "
            "Act.")
    assert not covered(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


def test_groups_covered_for_branches(tmp_path: Path, gazetteer: Gazetteer) -> None:
    before = "In 2021 parliament amended the Rural Insurance Code. "
    facts = page_facts(tmp_path, gazetteer, before + (
        "Seasonal workers are now covered for sickness, maternity and old age."))
    assert {o for s, o in slug_pairs(facts, SPKG.coversContingency)
            if s == "rural-insurance-code"} == {"sickness", "maternity", "old-age"}, facts
    assert ("rural-insurance-code", "seasonal-workers") in slug_pairs(
        facts, SPKG.extendsCoverageTo)
    # "for the first time" names no branch
    assert not covered(tmp_path, gazetteer, before + (
        "Seasonal workers are now covered for the first time."), SPKG.coversContingency)


@pytest.mark.parametrize(("body", "pair"), [
    ("Le Programme National de Bourses Familiales verse des allocations mensuelles aux "
     "ménages pauvres.", ("programme-national-de-bourses-familiales", "menages-pauvres")),
    ("El Programa Nacional de Becas Familiares otorga transferencias mensuales a los "
     "hogares pobres.", ("programa-nacional-de-becas-familiares", "hogares-pobres")),
])
def test_french_and_spanish_benefits_paid_to_groups(tmp_path: Path, gazetteer: Gazetteer,
                                                    body: str, pair: tuple[str, str]) -> None:
    assert pair in covered(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


def test_benefits_paid_by_someone_else_give_nothing(tmp_path: Path, gazetteer: Gazetteer
                                                    ) -> None:
    body = ("Le Programme National de Bourses Familiales a été évalué. Ses auteurs "
            "recommandent des allocations plus élevées aux ménages pauvres.")
    assert not covered(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


def test_a_branch_kept_compulsory_for_groups(tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, "The Labour Protection Act keeps the employment "
                       "injury branch compulsory for platform workers.")
    assert ("labour-protection-act", "employment-injury") in slug_pairs(
        facts, SPKG.coversContingency)
    assert ("labour-protection-act", "platform-workers") in slug_pairs(
        facts, SPKG.extendsCoverageTo)
    # "social insurance" is no branch
    facts = page_facts(tmp_path, gazetteer, "The Labour Protection Act made social "
                       "insurance compulsory for platform workers.")
    assert not slug_pairs(facts, SPKG.coversContingency)


def test_the_scheme_under_a_law_is_the_payer(tmp_path: Path, gazetteer: Gazetteer) -> None:
    groups = covered(tmp_path, gazetteer, "Since 2016 the Jobseekers Insurance Scheme under "
                     "the Law on Employment has paid monthly benefits to insured persons.",
                     SPKG.extendsCoverageTo)
    assert ("jobseekers-insurance-scheme", "insured-persons") in groups, groups
    assert ("law-on-employment", "insured-persons") not in groups, groups


def test_a_floor_set_out_for_groups(tmp_path: Path, gazetteer: Gazetteer) -> None:
    groups = covered(tmp_path, gazetteer, "In 2023 the Cabinet endorsed the National Social "
                     "Protection Strategy 2023-2028, which sets out a social protection floor "
                     "for children, persons with disabilities and older persons.",
                     SPKG.extendsCoverageTo)
    assert {o for s, o in groups if s.startswith("national-social-protection-strategy")} == {
        "children", "persons-with-disabilities", "older-persons"}, groups


def test_a_longer_payment_period_is_no_coverage(tmp_path: Path, gazetteer: Gazetteer) -> None:
    opening = "In 2023 the Cabinet adopted Decision No. 77, which "
    assert not covered(tmp_path, gazetteer, opening + "raises the minimum benefit and extends "
                       "the payment period to 12 months for older jobseekers.",
                       SPKG.extendsCoverageTo)
    assert ("decision-no-77", "older-jobseekers") in covered(
        tmp_path, gazetteer, opening + "extends unemployment benefits to older jobseekers.",
        SPKG.extendsCoverageTo)
