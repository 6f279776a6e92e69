"""Entity names on made-up sentences (issue 16, after fresh-9): possessives of -men
occupations, a law's number in brackets or a law's title after its number, a participle
that opens the sentence before a name."""

from __future__ import annotations

import pytest
from entity_iris import linked_iris as iris

from spkg.ingest.gazetteer import Gazetteer


def kinds(text: str, gazetteer: Gazetteer, kind: str) -> set[str]:
    return {iri for iri in iris(text, gazetteer) if iri.startswith(kind + "/")}


def test_a_possessive_of_an_occupation_in_men_is_a_word_of_the_name(
        gazetteer: Gazetteer) -> None:
    found = iris("The Workmen's Compensation Ordinance, 1962 covers miners. The Ghana "
                 "Seamen's Union signed it.", gazetteer)
    assert "law/workmens-compensation-ordinance-1962" in found
    assert "organisation/ghana-seamens-union" in found
    # a country's possessive still is no word of the name
    assert "law/compensation-ordinance-1962" not in found


@pytest.mark.parametrize("text, law", [
    ("The Old Age Pensions Act, 1998 (Act No. 4 of 1998) pays pensions to older persons.",
     "law/old-age-pensions-act-1998"),
    ("The assembly amended the Social Insurance Law (Law No. 12/2015) last year.",
     "law/social-insurance-law"),
])
def test_a_bracketed_number_after_a_law_is_that_law(text: str, law: str,
                                                    gazetteer: Gazetteer) -> None:
    assert kinds(text, gazetteer, "law") == {law}


def test_a_bracketed_number_alone_is_still_a_law(gazetteer: Gazetteer) -> None:
    found = kinds("The benefit (Decree No. 17 of 2019) is paid monthly.", gazetteer, "law")
    assert found == {"law/decree-no-17-of-2019"}


@pytest.mark.parametrize("text, law", [
    ("El Congreso aprobó la Ley N° 77, Ley General de Pensiones, el 3 de marzo de 2020.",
     "law/ley-n-77"),
    ("O parlamento aprovou a Lei n.º 12/09, Lei da Segurança Social, em 2009.",
     "law/lei-n-12-09"),
])
def test_a_title_after_a_numbered_law_is_not_a_second_law(text: str, law: str,
                                                          gazetteer: Gazetteer) -> None:
    assert kinds(text, gazetteer, "law") == {law}


def test_a_romance_law_title_alone_is_still_a_law(gazetteer: Gazetteer) -> None:
    found = kinds("La Ley General de Pensiones cubre a los trabajadores.", gazetteer, "law")
    assert found == {"law/ley-general-de-pensiones"}


@pytest.mark.parametrize("opener", ["Building on", "Drawing on", "Based on", "Relying upon"])
def test_a_participle_opening_the_sentence_is_no_word_of_the_name(
        opener: str, gazetteer: Gazetteer) -> None:
    found = kinds(f"{opener} the National Employment Policy adopted in 2019, the ministry "
                  "drafted a plan.", gazetteer, "policy")
    assert found == {"policy/national-employment-policy"}


def test_a_legislature_named_in_its_own_language_is_a_body(gazetteer: Gazetteer) -> None:
    found = kinds("On 4 June 2021 the Storting adopted the amendment. The Oliy Majlis and "
                  "the National Legislature of the country met.", gazetteer, "organisation")
    assert {"organisation/storting", "organisation/oliy-majlis",
            "organisation/national-legislature"} <= found


def test_an_english_gloss_in_brackets_is_the_legislature_itself(gazetteer: Gazetteer) -> None:
    text = "In Kazakhstan, the Mazhilis (Parliament) passed the Law on Pensions in 2020."
    found = kinds(text, gazetteer, "organisation")
    assert not any(iri.startswith("organisation/parliament") for iri in found)


def test_a_capitalised_word_after_the_article_is_no_legislature_unless_listed(
        gazetteer: Gazetteer) -> None:
    found = kinds("On 4 June 2021 the Committee adopted the amendment.", gazetteer,
                  "organisation")
    assert "organisation/committee" not in found


def test_a_year_before_a_study_kind_is_no_word_of_its_name(gazetteer: Gazetteer) -> None:
    found = kinds("On 3 May 2021 the ILO presented the 2020 actuarial review of the NHIF in "
                  "Nairobi.", gazetteer, "study")
    assert len(found) == 1 and next(iter(found)).startswith("study/actuarial-review-of-the-nhif")
    # a year before a law or a programme still names none by itself
    assert kinds("The 2019 pension law covers miners.", gazetteer, "law") == set()


def test_an_acronym_then_to_ends_the_name(gazetteer: Gazetteer) -> None:
    found = kinds("The ILO handed the costing of SSNIT to the Trust's Board of Trustees.",
                  gazetteer, "organisation")
    assert "organisation/board-of-trustees" in found
    assert not any("-to-" in iri for iri in found)


def test_rules_and_regulations_are_one_text(gazetteer: Gazetteer) -> None:
    found = kinds("The Pension Fund Rules and Regulations 2019 cover civil servants. The Labour "
                  "Code and Decree No. 5 apply.", gazetteer, "law")
    assert found == {"law/pension-fund-rules-and-regulations-2019", "law/labour-code",
                     "law/decree-no-5"}


def test_an_ilo_office_for_a_list_of_places_ends_with_the_places(
        gazetteer: Gazetteer) -> None:
    found = kinds("The ILO Country Office for Peru and the Plurinational State of Bolivia "
                  "trained staff. The ILO Country Office for Zambia, Malawi and Mozambique too. "
                  "The ILO Office for Ghana and the Government of Ghana signed it.",
                  gazetteer, "organisation")
    assert "organisation/ilo-country-office-for-zambia-malawi-and-mozambique" in found
    assert ("organisation/ilo-country-office-for-peru-and-the-plurinational-state-of-bolivia"
            in found)
    assert "organisation/government-of-ghana" in found
    assert not any("ghana-and" in iri for iri in found)
