"""Events and legal acts of forms a new batch showed, on made-up sentences (issue 16):
trainings of a body whose staff are the subject of a passive verb."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG

_KENYA = "The National Social Security Fund (NSSF) runs the pension scheme. "


@pytest.mark.parametrize(("body", "event", "places"), [
    (_KENYA + "In May 2023 NSSF officers were trained on registration in Kisumu.",
     "national-social-security-fund-training-2023-05", {"kisumu"}),
    (_KENYA + "Around 50 NSSF staff were trained in Mombasa and Nakuru in October 2022.",
     "national-social-security-fund-training-2022-10", {"mombasa", "nakuru"}),
    ("El Instituto Nacional de Previsión Social (INPS) gestiona el régimen. En marzo de 2023, "
     "unos 40 técnicos del INPS fueron capacitados en Cuenca.",
     "instituto-nacional-de-prevision-social-training-2023-03", {"cuenca"}),
    ("La Caisse nationale de sécurité sociale (CNSS) gère le régime. En mai 2022, les agents "
     "de la CNSS ont été formés à Thiès.",
     "caisse-nationale-de-securite-sociale-training-2022-05", {"thies"}),
])
def test_staff_of_a_body_trained_in_the_passive(tmp_path: Path, gazetteer: Gazetteer,
                                                body: str, event: str,
                                                places: set[str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert (event, event.split("-training-")[0]) in slug_pairs(facts, SPKG.participant)
    assert {o for s, o in slug_pairs(facts, SPKG.locatedIn) if s == event} == places


def test_staff_trained_who_are_not_the_subject_give_no_training(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       _KENYA + "The ILO said that the report on NSSF staff was trained in 2022.")
    assert not slug_pairs(facts, SPKG.participant)


_VALUATION = ("In 2022 the ILO completed an actuarial valuation of the National Social "
              "Security Fund. ")


@pytest.mark.parametrize(("body", "participants", "place"), [
    (_VALUATION + "The valuation was presented on 4 May 2023 in Kisumu to representatives of "
     "the Central Organization of Trade Unions (COTU) and the Federation of Kenya Employers "
     "(FKE).", {"central-organization-of-trade-unions", "federation-of-kenya-employers"},
     "kisumu"),
    ("A feasibility study on unemployment insurance, prepared by the ILO in 2021, was "
     "presented to members of the Senate in Nakuru on 4 May 2023.", {"senate"}, "nakuru"),
    (_VALUATION + "The ILO presented the valuation to the Board of Trustees of the NSSF in "
     "Kisumu on 4 May 2023.", {"board-of-trustees-of-the-nssf"}, "kisumu"),
])
def test_a_study_presented_on_a_day_is_a_presentation(
        tmp_path: Path, gazetteer: Gazetteer, body: str, participants: set[str],
        place: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    event = "presentation-2023-05-04"
    assert {s for s, _ in slug_pairs(facts, SPKG.concerns)} == {event}
    assert {o for s, o in slug_pairs(facts, SPKG.participant) if s == event} == participants
    assert (event, place) in slug_pairs(facts, SPKG.locatedIn)


@pytest.mark.parametrize("body", [
    _VALUATION + "The valuation was presented in May 2023 to the Senate.",  # no day
    _VALUATION + "The valuation was presented on 4 May 2023 at a tripartite workshop.",
    _VALUATION + "The law was presented on 4 May 2023 to the Senate.",  # no study
])
def test_no_presentation_without_a_day_or_a_study_or_at_a_gathering(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert not any("presentation-" in s for s, _ in slug_pairs(facts, SPKG.concerns))


@pytest.mark.parametrize(("body", "event"), [
    ("During the 2016 drought the scheme paid a top-up.", "drought-2016"),
    ("After the 2021 monsoon floods, the Ministry paid.", "monsoon-floods-2021"),
    ("Homes lost in the 1998 earthquake were rebuilt.", "earthquake-1998"),
])
def test_a_disaster_dated_before_its_noun_is_named_noun_then_year(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert {s for s, _ in slug_pairs(facts, SPKG.date)} == {event}


@pytest.mark.parametrize("body", [
    "Lei nº 12.345, de 3 de maio de 2021, adopted by the Assembleia Nacional, created the "
    "Programa Kwenda.",
    "La loi n° 2019-12, du 4 juin 2019, adoptée par l'Assemblée nationale, couvre les "
    "artisans.",
    "The Programa Kwenda (PK), created by Lei nº 12.345, de 3 de maio de 2021, pays a "
    "transfer.",
    "The National Pension Fund was created by Law No. 7 of 4 June 2012 and pays pensions.",
])
def test_the_day_in_a_laws_title_dates_no_adoption_or_establishment(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Angola")
    assert not {s for s, _ in slug_pairs(facts, SPKG.date)}


def test_a_law_adopted_with_its_own_day_and_no_aside_is_still_dated(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "The Parliament adopted Law No. 173 of 2 December 2021 amending the "
                       "Labour Code.", "Social protection in Angola")
    assert ("law-no-173-adoption-2021-12-02", "2021-12-02") in slug_pairs(facts, SPKG.date)


@pytest.mark.parametrize(("body", "pairs"), [
    ("Workers save in the Pension Fund, set up under the Pension Fund Act 1990. The Pension "
     "Fund (Amendment) Act 2015, enacted by the Parliament of Ruritania on 3 July 2015, "
     "extended membership to seafarers.",
     {("pension-fund-amendment-act-2015", "pension-fund-act-1990")}),
    # the same year: the short name is the amendment act itself, not an older text
    ("The Health Fund (Amendment) Act 2015 changed how the Health Fund Act 2015 is run.",
     set()),
    ("The Health Fund (Amendment) Act 2015 raised the contribution rate.", set()),
])
def test_an_amendment_act_amends_the_act_its_name_repeats(
        tmp_path: Path, gazetteer: Gazetteer, body: str,
        pairs: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert slug_pairs(facts, SPKG.amends) == pairs


@pytest.mark.parametrize(("body", "event"), [
    ("The Ministry of Labour and Social Protection leads the reform. Labour inspectors of the "
     "ministry were trained in Kisumu in November 2023.",
     "ministry-of-labour-and-social-protection-training-2023-11"),
    ("The Ministry of Labour and Social Protection asked for a review, and the ILO later "
     "trained twelve actuaries of the ministry in Nakuru in December 2022.",
     "ministry-of-labour-and-social-protection-training-2022-12"),
])
def test_staff_of_a_body_said_again_by_its_kind(tmp_path: Path, gazetteer: Gazetteer,
                                                body: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert (event, "ministry-of-labour-and-social-protection") in slug_pairs(
        facts, SPKG.participant)


def test_the_trainer_before_an_adverb_of_time_organised_the_training(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, "The Ministry of Labour and Social Protection "
                       "asked for a review, and the ILO later trained twelve actuaries of the "
                       "ministry in Nakuru in December 2022.")
    assert slug_pairs(facts, SPKG.organisedBy) == {
        ("ministry-of-labour-and-social-protection-training-2022-12",
         "international-labour-organization")}


def test_a_kind_no_body_named_before_trains_nobody(tmp_path: Path,
                                                   gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, "Labour inspectors of the ministry were trained "
                       "in Kisumu in November 2023.")
    assert not slug_pairs(facts, SPKG.participant)


@pytest.mark.parametrize(("body", "law", "council", "day"), [
    ("Le décret n° 2022-118/PR/MFP, pris en Conseil des ministres le 3 mai 2022, en précise "
     "les modalités.", "decret-n-2022-118-pr-mfp", "conseil-des-ministres", "2022-05-03"),
    ("The Consejo de Ministros of Chad approved on 4 May 2023 the Decree No. 45/2023.",
     "decree-no-45-2023", "consejo-de-ministros", "2023-05-04"),
])
def test_a_council_adopts_in_council_and_under_its_countrys_name(
        tmp_path: Path, gazetteer: Gazetteer, body: str, law: str, council: str,
        day: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Chad")
    assert (law, council) in slug_pairs(facts, SPKG.adoptedBy)
    assert (f"{law}-adoption-{day}", council) in slug_pairs(facts, SPKG.participant)


def test_taken_without_a_council_after_it_adopts_nothing(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, "Le décret n° 2022-118/PR/MFP, pris en compte "
                       "par le Conseil des ministres, reste en vigueur.",
                       "Social protection in Chad")
    assert not slug_pairs(facts, SPKG.adoptedBy)


@pytest.mark.parametrize(("body", "event", "organiser"), [
    ("The ILO presented both studies at a national workshop in Kisumu on 16-17 March 2021, "
     "organised with the Federation of Kenya Employers.", "national-workshop-2021-03-16",
     "federation-of-kenya-employers"),
    ("The study was validated at a tripartite workshop in Nakuru on 25-26 April 2024, chaired "
     "by the Ministry of Labour and organized with the National Social Security Fund.",
     "tripartite-workshop-2024-04-25", "national-social-security-fund"),
])
def test_a_gathering_organised_with_a_body_is_organised_by_it(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str, organiser: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert (event, organiser) in slug_pairs(facts, SPKG.organisedBy)
    assert (event, organiser) not in slug_pairs(facts, SPKG.participant)
