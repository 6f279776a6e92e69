"""Contingencies a sentence lists with a coverage verb (issue 16): made-up sentences in forms
the coverage rules missed, and look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def branches_of(tmp_path: Path, gazetteer: Gazetteer, body: str, subject: str) -> set[str]:
    facts = page_facts(tmp_path, gazetteer, body)
    return {o for s, o in slug_pairs(facts, SPKG.coversContingency) if s.startswith(subject)}


def test_last_branch_running_into_whom_it_is_for(tmp_path: Path,
                                                  gazetteer: Gazetteer) -> None:
    body = ("The Riverside Artisans Scheme was launched in 2021. "
            "The scheme covers sickness, old age and employment injury for weavers, potters "
            "and market traders.")
    assert branches_of(tmp_path, gazetteer, body, "riverside-artisans-scheme") == {
        "sickness", "old-age", "employment-injury"}


def test_groups_after_for_are_no_branch(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Riverside Artisans Scheme was launched in 2021. "
            "The scheme covers potters and weavers for a small monthly fee.")
    assert not branches_of(tmp_path, gazetteer, body, "riverside-artisans-scheme")


def test_body_pays_branches_to_a_list_under_a_law(tmp_path: Path,
                                                  gazetteer: Gazetteer) -> None:
    body = ("The National Harbour Fund pays old-age, disability and survivors' pensions to "
            "construction workers, farmers and self-employed persons under the Maritime Pensions "
            "Act.")
    facts = page_facts(tmp_path, gazetteer, body)
    branches = {o for s, o in slug_pairs(facts, SPKG.coversContingency)
                if s.startswith("maritime-pensions-act")}
    assert branches == {"old-age", "invalidity", "survivors"}, branches
    groups = {o for s, o in slug_pairs(facts, SPKG.extendsCoverageTo)
              if s.startswith("maritime-pensions-act")}
    assert {"construction-workers", "farmers"} <= groups, groups


def test_body_pays_branches_through_a_programme(tmp_path: Path,
                                                gazetteer: Gazetteer) -> None:
    body = ("The National Harbour Fund pays old-age and survivors' pensions through the "
            "Coastal Pensions Programme.")
    assert branches_of(tmp_path, gazetteer, body, "coastal-pensions-programme") == {
        "old-age", "survivors"}


def test_pensions_that_name_no_branch_are_not_paid_through(tmp_path: Path,
                                                           gazetteer: Gazetteer) -> None:
    body = ("The National Harbour Fund pays monthly pensions through the Coastal Pensions "
            "Programme.")
    assert not branches_of(tmp_path, gazetteer, body, "coastal-pensions-programme")


def test_lowercase_head_word_before_the_scheme_paid_through(tmp_path: Path,
                                                            gazetteer: Gazetteer) -> None:
    body = ("The Caja Nacional de Previsión (CNP) pays old-age and invalidity pensions "
            "through the programa de Seguro Rural y Pesquero.")
    found = {o for s, o in slug_pairs(page_facts(tmp_path, gazetteer, body),
                                      SPKG.coversContingency)
             # with or without its lowercase head word, as the annotation guide allows
             if s.removeprefix("programa-de-").startswith("seguro-rural-y-pesquero")}
    assert found == {"old-age", "invalidity"}, found


def test_decree_adds_branch_benefits(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Decree No. 41 of 2022, approved by the Council of Ministers on 3 May 2022, "
            "extends the scheme to street vendors and adds maternity and sickness benefits.")
    assert branches_of(tmp_path, gazetteer, body, "decree-no-41") == {"maternity", "sickness"}


def test_law_introduces_branch_benefits(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Social Insurance Law No. 7 of 2021 introduces unemployment and maternity "
            "benefits for private sector workers.")
    assert branches_of(tmp_path, gazetteer, body, "social-insurance-law") == {
        "unemployment", "maternity"}


def test_added_benefits_that_name_no_branch(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Decree No. 41 of 2022, approved by the Council of Ministers on 3 May 2022, "
            "adds cash and in-kind benefits.")
    assert not branches_of(tmp_path, gazetteer, body, "decree-no-41")


def test_groups_covered_for_branches_by_a_law(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Pension Reform Law No. 9 of 2017 set up the Pension Authority. "
            "Dock workers are covered for old age, invalidity and survivors by Law No. 4 of "
            "2021 on Maritime Insurance, which is administered by the Authority.")
    facts = page_facts(tmp_path, gazetteer, body)
    new_law = {o for s, o in slug_pairs(facts, SPKG.coversContingency)
               if s.startswith("law-no-4")}
    assert new_law == {"old-age", "invalidity", "survivors"}, new_law
    old_law = {o for s, o in slug_pairs(facts, SPKG.coversContingency)
               if s.startswith("pension-reform-law") or s.startswith("law-no-9")}
    assert not old_law, old_law


def test_branch_benefits_paid_by_a_body_under_a_law(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    body = ("Health care is run by the Health Fund, and unemployment benefits are paid by the "
            "National Jobs Agency (NJA) under the Law on Jobseekers' Insurance.")
    assert branches_of(tmp_path, gazetteer, body, "law-on-jobseekers") == {"unemployment"}


def test_benefits_paid_by_a_law_itself_are_no_body(tmp_path: Path,
                                                   gazetteer: Gazetteer) -> None:
    body = ("Monthly benefits are paid by the National Jobs Agency (NJA) under the Law on "
            "Jobseekers' Insurance.")
    assert not branches_of(tmp_path, gazetteer, body, "law-on-jobseekers")


def test_two_word_branch_in_a_benefit_list(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Riverside Artisans Scheme was launched in 2021. "
            "The Riverside Artisans Scheme provides sickness and employment injury benefits.")
    assert branches_of(tmp_path, gazetteer, body, "riverside-artisans-scheme") == {
        "sickness", "employment-injury"}


def test_words_for_a_branch(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Riverside Artisans Scheme was launched in 2021. "
            "The scheme covers old age, invalidity and death.")
    assert branches_of(tmp_path, gazetteer, body, "riverside-artisans-scheme") == {
        "old-age", "invalidity", "survivors"}


def test_portuguese_branch_names(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Riverside Artisans Scheme was launched in 2021. "
            "The scheme covers doença, maternidade and velhice.")
    assert branches_of(tmp_path, gazetteer, body, "riverside-artisans-scheme") == {
        "sickness", "maternity", "old-age"}


def test_benefits_for_listed_branches(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Labour Welfare Code was adopted in 2020. "
            "The Labour Welfare Code provides benefits for loss of work, sickness and "
            "maternity.")
    assert branches_of(tmp_path, gazetteer, body, "labour-welfare-code") == {
        "unemployment", "sickness", "maternity"}


def test_benefits_for_groups_are_no_branch(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Labour Welfare Code was adopted in 2020. "
            "The Labour Welfare Code provides benefits for domestic workers.")
    assert not branches_of(tmp_path, gazetteer, body, "labour-welfare-code")


def test_registered_so_that_they_are_insured_for(tmp_path: Path,
                                                 gazetteer: Gazetteer) -> None:
    body = ("The Law on Harvest Work has allowed farms to register fruit pickers online, so "
            "that they are insured for pension, disability and employment injury.")
    assert branches_of(tmp_path, gazetteer, body, "law-on-harvest-work") == {
        "old-age", "invalidity", "employment-injury"}


def test_insured_by_a_body_named_between(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Law on Harvest Work lets fruit pickers join the National Pension Fund, where "
            "they are insured for pension and disability.")
    assert not branches_of(tmp_path, gazetteer, body, "law-on-harvest-work")
