"""Who covers: a law a body or fund was set up under does not (the guide: a body that
covers, insures or pays people gets no coverage triple), and a law being amended does not
(the law amending it does). Made-up sentences, with look-alikes that must still be read."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def _coverage(tmp_path: Path, gazetteer: Gazetteer, text: str) -> set[tuple[str, str]]:
    facts = page_facts(tmp_path, gazetteer, text)
    return (slug_pairs(facts, SPKG.extendsCoverageTo)
            | slug_pairs(facts, SPKG.coversContingency))


def test_a_fund_set_up_under_a_law_pays_benefits_not_the_law(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Western Isles Provident Board (WIPB), set up under the Western Isles Provident "
        "Board Act (Cap. 9.12), provides old-age, sickness and maternity benefits to "
        "employees and the self-employed."))
    assert not {pair for pair in found if pair[0].startswith("western-isles-provident-board")}


def test_a_fund_set_up_under_a_law_that_insures_in_the_next_sentence(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Harbour Workers Fund (HWF), established under the Harbour Workers Act, 2004 "
        "(Act No. 8 of 2004), is administered by the Ministry of Labour. It covers "
        "dockers and seafarers against unemployment and sickness."))
    assert not {pair for pair in found if pair[0].startswith("harbour-workers-act")}


def test_a_scheme_set_up_under_a_law_still_covers(tmp_path: Path,
                                                  gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Rural Pension Scheme, set up under the Rural Pensions Act, 2011, provides "
        "old-age and invalidity pensions to farmers."))
    assert ("rural-pension-scheme", "farmers") in found


def test_the_amended_law_does_not_cover_the_amending_one_does(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Social Welfare (Amendment) Act, 2022 entered into force on 1 May 2022. It "
        "amends the Social Welfare Act, Cap. 12, raises the retirement age and, from "
        "1 July 2022, extends sickness benefit to domestic workers."))
    assert not {pair for pair in found if pair[0].startswith("social-welfare-act")}
    assert ("social-welfare-amendment-act-2022", "domestic-workers") in found


def test_a_participle_amending_a_law_leaves_the_law_uncovering(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Pensions (Amendment) Act, 2020 was passed in March 2020. Amending the "
        "Pensions Act, 2001, it has covered fishers since 1 June 2020 for old age and "
        "invalidity."))
    assert not {pair for pair in found if pair[0].startswith("pensions-act-2001")}


def test_an_amended_law_covering_in_its_own_relative_clause_still_covers(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Labour Bill amends the Employment Injury Act, 1999, which covers miners "
        "against employment injury."))
    assert ("employment-injury-act-1999", "miners") in found


def test_a_law_named_inside_amendments_to_it_does_not_cover(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "In Eastland, the Law on Amendments to the Law on Social Assistance was adopted by "
        "the Eastland Assembly on 3 May 2023 and, since 1 June 2023, has covered all "
        "children under 10 for child allowance."))
    assert not {pair for pair in found if pair[0] == "law-on-social-assistance"}


def test_which_since_a_date_has_covered_a_group(tmp_path: Path,
                                                gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The first pillar is regulated by the Decree-Law No. 12/2020, which since "
        "1 March 2021 has covered self-employed workers for old age and invalidity."))
    assert ("decree-law-no-12-2020", "self-employed-workers") in found
    assert ("decree-law-no-12-2020", "old-age") in found


def test_a_figure_before_groups_protected_under_a_pilot(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "More than two million couriers and taxi drivers are now protected against work "
        "accidents under the occupational injury insurance pilot."))
    assert {("occupational-injury-insurance-pilot", "couriers"),
            ("occupational-injury-insurance-pilot", "taxi-drivers"),
            ("occupational-injury-insurance-pilot", "employment-injury")} <= found


def test_the_amending_law_has_covered_the_groups(tmp_path: Path,
                                                 gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Pensions (Amendment) Act, 2020 was passed in March 2020. Amending the "
        "Pensions Act, 2001, it has covered fishers and seafarers since 1 June 2020 for "
        "old age."))
    assert {("pensions-amendment-act-2020", "fishers"),
            ("pensions-amendment-act-2020", "seafarers")} <= found


def test_the_place_after_a_group_is_not_part_of_its_name(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer,
                      "The Maritime Welfare Act, 2021 extends sickness benefit to seafarers of "
                      "Mombasa.")
    groups = {group for law, group in found if law == "maritime-welfare-act-2021"}
    assert groups == {"seafarers"}


def test_a_name_with_its_head_word_then_asides_reaches_a_group(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Winter Relief grant, introduced during the 2021 drought, is administered by "
        "the Welfare Agency and reaches unemployed persons aged 18 to 59."))
    assert ("winter-relief", "unemployed-persons") in found


def test_a_long_apposition_before_the_verb_that_reaches(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Family Grant Programme, a cash transfer programme implemented by the "
        "Directorate of Social Protection and Solidarity (DSPS) and financed by the World "
        "Bank, reaches poor households in the district of Lowland."))
    assert ("family-grant-programme", "poor-households") in found


def test_a_kind_in_lower_case_covers_nothing(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer,
                      "Eastland adopted a social security code covering domestic workers for "
                      "maternity")
    assert not found


def test_a_named_scheme_covering_groups_still_covers(tmp_path: Path,
                                                     gazetteer: Gazetteer) -> None:
    found = _coverage(tmp_path, gazetteer, (
        "The Ministry launched the Harvest Cash Scheme in 2022, covering farmers and "
        "herders against sickness."))
    assert {("harvest-cash-scheme", "farmers"), ("harvest-cash-scheme", "herders")} <= found
