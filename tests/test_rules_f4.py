"""Location, funding and support forms of real ILO texts (issue 16, the classes of fresh-10's
misses and false hits), on made-up sentences in English, French and Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.namespace import SPKG


@pytest.mark.parametrize(("title", "body", "event", "places"), [
    ("Social protection in Fiji",
     "Tropical Cyclone Winston damaged houses and farms on Labasa, Nadi and Sigatoka in "
     "February 2016.",
     "tropical-cyclone-winston", {"labasa", "nadi", "sigatoka"}),
    ("Social protection in Brazil",
     "After the floods that hit Minas Gerais in January 2022, the Government paid a grant.",
     "floods-2022-01", {"minas-gerais"}),
    ("La protection sociale au Malawi",
     "Le cyclone Freddy a détruit des maisons et des routes à Nsanje et Blantyre en mars 2023.",
     "cyclone-freddy", {"nsanje", "blantyre"}),
    ("Protección social en Guatemala",
     "El huracán Eta destruyó viviendas en Izabal y Alta Verapaz en noviembre de 2020.",
     "huracan-eta", {"izabal", "alta-verapaz"}),
])
def test_a_disaster_is_where_it_damaged_things_or_that_it_hit(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, event: str,
        places: set[str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.locatedIn)
    assert {o for s, o in found if s == event} == places, found


def test_a_disaster_recalled_without_a_date_is_placed_nowhere(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "Years after Cyclone Winston damaged houses on Labasa, the fund still pays grants."
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Fiji"),
                       SPKG.locatedIn)
    assert not any(s == "cyclone-winston" for s, _ in found), found


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("Social protection in Kenya",
     "Under the Social Protection Floors Project, and thanks to funding from the European "
     "Union, the ILO carried out an actuarial valuation of the pension scheme in 2021.",
     ("actuarial-valuation-of-the-pension-scheme", "european-union")),
    ("Social protection in Kenya",
     "The ILO, with funding from the European Union, prepared an actuarial valuation of the "
     "pension fund.",
     ("actuarial-valuation-of-the-pension-fund", "european-union")),
    ("Social protection in Kenya",
     "The ILO supported the reform through an actuarial valuation of the pension fund, "
     "completed in 2023 and funded by the African Development Bank.",
     ("actuarial-valuation-of-the-pension-fund", "african-development-bank")),
    ("La protection sociale au Sénégal",
     "Avec l'appui du BIT et grâce à un financement de l'Union européenne, une étude "
     "actuarielle de la Caisse de sécurité sociale a été réalisée en 2022.",
     ("etude-actuarielle-de-la-caisse-de-securite-sociale", "european-union")),
    ("Protección social en Paraguay",
     "Con el apoyo de la OIT y gracias al financiamiento del Banco Interamericano de "
     "Desarrollo, se realizó un estudio actuarial del Instituto de Previsión Social.",
     ("estudio-actuarial-del-instituto-de-prevision-social", "inter-american-development-bank")),
])
def test_a_funding_phrase_after_an_opening_phrase_or_the_subject_funds_the_study(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str,
        pair: tuple[str, str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.fundedBy)
    assert pair in found, found
    # the project named before the money is the frame, not what was funded
    assert not any(s.startswith("social-protection-floors") for s, _ in found), found


def test_a_project_subject_after_the_funding_phrase_is_what_was_funded(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("With funding from the European Union, the ILO Better Pensions Project prepared "
            "an actuarial valuation of the pension fund.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.fundedBy)
    assert not any(s.startswith("actuarial") for s, _ in found), found


@pytest.mark.parametrize(("title", "body", "programme"), [
    ("Social protection in Kenya",
     "The National Safety Net Programme is run by the Ministry of Labour with the support of "
     "the World Food Programme and UNICEF and financed by the World Bank.",
     "national-safety-net-programme"),
    ("Social protection in Kenya",
     "The Hunger Safety Net Programme is implemented by the National Drought Management "
     "Authority and financed by the World Bank.", "hunger-safety-net-programme"),
    ("La protection sociale au Sénégal",
     "Le Programme national de bourses de sécurité familiale est mis en œuvre par la "
     "Délégation générale à la protection sociale et financé par la Banque mondiale.",
     "programme-national-de-bourses-de-securite-familiale"),
    ("Protección social en Paraguay",
     "El Programa Tekoporã es ejecutado por el Ministerio de Desarrollo Social y financiado "
     "por el Banco Mundial.", "programa-tekopora"),
])
def test_a_programme_that_is_the_passives_subject_is_funded(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, programme: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.fundedBy)
    assert (programme, "world-bank-group") in found, found


def test_a_subdivision_named_with_another_type_word_than_isos_is_that_subdivision(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    # ISO 3166-2 names it "Lower River Division"; the text says "Region"
    page = tmp_path / "page.txt"
    page.write_text("Social protection in the Gambia\n\nThe pilot reached households of the "
                    "Lower River Region in 2023.\n", encoding="utf-8")
    _, entities = prose_entities(read_document(page), gazetteer)
    assert any(e.iri.endswith("/place/lower-river-division") for e in entities), [
        e.iri for e in entities]


@pytest.mark.parametrize(("title", "body", "amended"), [
    ("Social protection in Serbia",
     "On 3 May 2022 the National Assembly adopted the Law amending the Law on Health "
     "Insurance (Official Gazette No. 25/2022), drafted by the Ministry of Health.",
     "law-on-health-insurance"),
])
def test_the_act_an_amending_act_names_is_not_what_was_drafted(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, amended: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.developedBy)
    assert not any(s.startswith(amended) for s, _ in found), found


def test_an_act_named_alone_is_still_drafted_by_whom_the_text_says(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Law on Health Insurance, drafted by the Ministry of Health, was adopted in "
            "2019.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Serbia"),
                       SPKG.developedBy)
    assert ("law-on-health-insurance", "ministry-of-health") in found, found


@pytest.mark.parametrize("body", [
    "When Cyclone Yasa struck Labasa in December 2020, Social Pension Scheme transfers to "
    "affected households were topped up with support from UNICEF.",
    "The Government paid a temporary top-up to Social Pension Scheme recipients on the outer "
    "islands with funding from the Asian Development Bank.",
])
def test_a_programme_named_as_a_modifier_of_its_payments_is_not_what_was_supported(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Fiji")
    found = slug_pairs(facts, SPKG.supportedBy) | slug_pairs(facts, SPKG.fundedBy)
    assert not any(s == "social-pension-scheme" for s, _ in found), found


def test_a_programme_that_is_the_subject_is_still_supported(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Social Pension Scheme was extended to Labasa with support from UNICEF."
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Fiji"),
                       SPKG.supportedBy)
    assert ("social-pension-scheme", "united-nations-childrens-fund") in found, found


def test_a_partner_after_a_name_ending_in_its_head_is_a_name_of_its_own(
        gazetteer: Gazetteer) -> None:
    from spkg.ingest.fields import _partner_names

    line = ("Ministry of Labour, Youth and Sports, Kenya Revenue Authority, Business Link, "
            "COTU")
    names = [name for name, _, _ in _partner_names(line, 0, gazetteer)]
    assert names == ["Ministry of Labour, Youth and Sports", "Kenya Revenue Authority",
                     "Business Link", "COTU"], names


def test_a_programme_with_an_apposition_naming_a_project_is_what_was_funded(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Inua Jamii Programme, a cash transfer programme of the Kenya Social and "
            "Economic Inclusion Project, is implemented by the National Drought Management "
            "Authority and the Department of Social Protection and financed by the World Bank.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.fundedBy)
    assert ("inua-jamii", "world-bank-group") in found, found
    assert not any(s.startswith("kenya-social") for s, _ in found), found


@pytest.mark.parametrize(("title", "body", "study"), [
    ("La protection sociale au Sénégal",
     "Avec l'appui du BIT et grâce à un financement de l'Union européenne, une étude "
     "actuarielle de la Caisse de sécurité sociale a été réalisée en 2022.",
     "etude-actuarielle-de-la-caisse-de-securite-sociale"),
    ("La protection sociale au Sénégal",
     "Avec l'appui du BIT, une étude actuarielle de la Caisse de sécurité sociale a été "
     "réalisée en 2022.", "etude-actuarielle-de-la-caisse-de-securite-sociale"),
    ("Protección social en Paraguay",
     "Con el apoyo de la OIT y gracias al financiamiento del Banco Interamericano de "
     "Desarrollo, un estudio actuarial del Instituto de Previsión Social fue realizado en "
     "2021.", "estudio-actuarial-del-instituto-de-prevision-social"),
])
def test_a_fronted_support_phrase_supports_the_indefinite_study_after_it(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, study: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.supportedBy)
    assert (study, "international-labour-organization") in found, found


@pytest.mark.parametrize(("body", "pair"), [
    ("The Senate approved the Decree No. 12/2021 in May 2021, which amends Decree No. 3/1990 "
     "on the fund. The new decree, drafted by the Ministry of Labour, reorganises the fund.",
     ("decree-no-12-2021", "ministry-of-labour")),
    ("The Congress approved the Law No. 21.419 in January 2022. The new law, prepared by the "
     "Ministry of Labour and Social Security, creates a universal pension.",
     ("law-no-21419", "ministry-of-labour-and-social-security")),
])
def test_the_new_act_with_its_maker_in_an_aside_is_the_one_adopted(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Chile"),
                       SPKG.developedBy)
    assert pair in found, found
    assert not any(s.startswith("decree-no-3") for s, _ in found), found
