"""Events and laws (issue 16, F1): classes of false hits and misses that recur across the
annotated batches, each tested on made-up sentences, with look-alikes that must keep working."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def chairs(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.chairedBy)


# -- a person named by office chairs nothing the guide annotates ----------------------------

def test_chaired_by_a_minister_is_a_person(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The report was validated at a tripartite workshop in Lusaka on 25-26 April 2024, "
            "chaired by the Minister of Labour and organised with the ILO.")
    assert chairs(tmp_path, gazetteer, body) == set()


def test_chaired_by_a_deputy_minister_is_a_person(tmp_path: Path, gazetteer: Gazetteer
                                                   ) -> None:
    body = ("The ILO held a national consultation in Kitwe on 3 May 2023, chaired by the "
            "Deputy Minister of Labour and Social Security.")
    assert chairs(tmp_path, gazetteer, body) == set()


def test_chaired_by_the_ministry_still_chairs(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The report was validated at a tripartite workshop in Ndola on 2 May 2024, "
            "chaired by the Ministry of Labour and Social Security.")
    found = chairs(tmp_path, gazetteer, body)
    assert any(o == "ministry-of-labour-and-social-security" for _, o in found), found


# -- a gathering "on the <study head>" concerns the study named before -----------------------

def concerns(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)


def test_workshop_on_the_feasibility_study(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In 2022 the ILO prepared a feasibility study on a pension scheme for informal "
            "workers. A validation workshop on the feasibility study was held in Lusaka on "
            "2 February 2023.")
    assert ("validation-workshop-2023-02-02",
            "feasibility-study-on-a-pension-scheme-for-informal-workers"
            ) in concerns(tmp_path, gazetteer, body)


def test_round_table_on_the_gap_analysis(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO prepared a legal gap analysis of the Labour Code in 2021. A round table "
            "on the gap analysis was held in Kitwe on 15 November 2021.")
    found = concerns(tmp_path, gazetteer, body)
    assert any(o == "legal-gap-analysis-of-the-labour-code" for _, o in found), found


def test_atelier_sur_l_etude(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le BIT a réalisé une étude de faisabilité sur l'assurance maladie en 2022. Un "
            "atelier de validation sur l'étude a eu lieu à Dakar le 3 mai 2023.")
    found = concerns(tmp_path, gazetteer, body)
    assert any(o == "etude-de-faisabilite-sur-lassurance-maladie" for _, o in found), found


def test_a_bare_valuation_is_left_alone(tmp_path: Path, gazetteer: Gazetteer) -> None:
    # "on the valuation" may name the work itself: the first fresh batch annotated no topic
    body = ("The ILO completed an actuarial valuation of the maternity fund in 2023. A "
            "tripartite workshop on the valuation was held in Ndola on 4 March 2024.")
    found = concerns(tmp_path, gazetteer, body)
    assert not any(o == "actuarial-valuation-of-the-maternity-fund" for _, o in found), found


def test_head_words_must_match(tmp_path: Path, gazetteer: Gazetteer) -> None:
    # "the gap analysis" is not the feasibility study named before
    body = ("In 2022 the ILO prepared a feasibility study on a pension scheme for informal "
            "workers. A round table on the gap analysis was held in Kitwe on 15 November 2022.")
    found = concerns(tmp_path, gazetteer, body)
    assert not any(o.startswith("feasibility-study") for _, o in found), found


# -- "<body>, chaired by A, B and C, was set up in D": the aside's names hold commas ---------

def established(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    facts = page_facts(tmp_path, gazetteer, body)
    return {(s, o) for s, o in slug_pairs(facts, SPKG.concerns) if "establishment" in s}


def test_established_past_a_chair_with_commas(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national social protection taskforce, chaired by the Ministry of Labour, "
            "Employment and Social Welfare, was created by Statutory Instrument No. 12 in "
            "March 2021.")
    assert ("national-social-protection-taskforce-establishment-2021-03",
            "national-social-protection-taskforce") in established(tmp_path, gazetteer, body)


def test_established_past_a_list_of_funders(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national social protection taskforce, funded by the European Union, UNICEF and "
            "the World Bank, was set up in June 2020.")
    found = established(tmp_path, gazetteer, body)
    assert any(o == "national-social-protection-taskforce" for _, o in found), found


def test_the_chair_is_not_what_was_established(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national social protection taskforce, chaired by the Ministry of Labour, "
            "Employment and Social Welfare, was created by Statutory Instrument No. 12 in "
            "March 2021.")
    found = established(tmp_path, gazetteer, body)
    assert not any(o.startswith("ministry") for _, o in found), found


# -- "the 2019 drought": a disaster dated by its own name -----------------------------------

def dates_of(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    facts = page_facts(tmp_path, gazetteer, body)
    return {(str(f.subject).rsplit("/", 1)[-1], str(f.object))
            for f in facts if f.predicate == SPKG.date}


def test_a_disaster_dated_by_its_name(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In Luapula and Northern provinces, where the 2019 drought still weighs on local "
            "incomes, the Ministry began piloting a new cash transfer in Kasama in January "
            "2024.")
    found = dates_of(tmp_path, gazetteer, body)
    assert ("drought-2019", "2019") in found, found
    assert not any(s == "drought-2019" and o != "2019" for s, o in found), found


def test_a_gathering_keeps_its_clause_date(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "A validation workshop on the 2023 budget was held in Lusaka on 2 February 2023."
    found = dates_of(tmp_path, gazetteer, body)
    assert not any(o == "2023" for _, o in found), found


# -- a disaster's place is not the place of another actor's clause after it ------------------

def places_of(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.locatedIn)


def test_a_disaster_is_not_where_the_ministry_acts(tmp_path: Path, gazetteer: Gazetteer
                                                   ) -> None:
    body = ("In Turkana and Marsabit counties, where the 2019 drought still weighs on local "
            "incomes, the Ministry of Finance began piloting a new cash transfer in Lodwar in "
            "January 2024.")
    found = places_of(tmp_path, gazetteer, body)
    assert ("drought-2019", "lodwar") not in found, found


def test_a_disaster_keeps_the_place_it_hit(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The 2022 floods, which hit Garissa, destroyed crops."
    found = places_of(tmp_path, gazetteer, body)
    assert ("floods-2022", "garissa") in found, found


def test_a_disaster_in_the_places_before_where(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In Turkana and Marsabit counties, where the 2019 drought still weighs on local "
            "incomes, the Ministry of Finance began piloting a new cash transfer in Lodwar in "
            "January 2024.")
    found = places_of(tmp_path, gazetteer, body)
    assert {("drought-2019", "turkana"), ("drought-2019", "marsabit")} <= found, found


def test_no_country_before_where(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "In Kenya, where the 2022 floods hit hard, the Ministry paid a top-up."
    found = places_of(tmp_path, gazetteer, body)
    assert ("floods-2022", "kenya") not in found, found
