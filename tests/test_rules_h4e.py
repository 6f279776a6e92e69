"""Funding, location and citation forms of real ILO texts (issue 16, the classes of fresh-3,
fresh-7, fresh-8 and fresh-9's misses and false hits), on made-up sentences in English,
French, Spanish and Portuguese."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs
from rdflib import DCTERMS

from spkg.ingest.entity_facts import entity_facts
from spkg.ingest.fields import extract_fields
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.vocab import load_vocabulary
from spkg.namespace import SPKG


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("Social protection in Kenya",
     "In May 2024 the ILO handed an actuarial valuation of the National Hospital Insurance "
     "Fund to its board. The valuation, funded by the European Union, projects the reserves "
     "to 2060.",
     ("actuarial-valuation-of-the-national-hospital-insurance-fund", "european-union")),
    ("Social protection in Ghana",
     "The ILO presented an assessment of the pension system at a workshop in Accra. The "
     "assessment was funded by the Swedish International Development Cooperation Agency.",
     ("assessment-of-the-pension-system", "swedish-international-development-cooperation-"
      "agency")),
    ("La protection sociale au Sénégal",
     "Le ministère a examiné l'étude actuarielle de la Caisse de sécurité sociale réalisée "
     "par le BIT. Cette étude a été financée par l'Union européenne dans le cadre du projet "
     "« Appui à la protection sociale au Sénégal ».",
     ("etude-actuarielle-de-la-caisse-de-securite-sociale", "european-union")),
    ("Protección social en Paraguay",
     "La OIT elaboró un estudio actuarial del Instituto de Previsión Social. El estudio fue "
     "financiado por la Unión Europea.",
     ("estudio-actuarial-del-instituto-de-prevision-social", "european-union")),
])
def test_a_study_named_again_as_the_subject_is_what_was_funded(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str,
        pair: tuple[str, str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.fundedBy)
    assert any(s.startswith(pair[0]) and o == pair[1] for s, o in found), found
    # the money went to the study the subject names, not to the project it came through
    assert not any(s.startswith("appui") for s, _ in found), found


def test_a_study_noun_with_no_study_before_it_funds_nothing(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour held a workshop in Nairobi. The review was funded by the "
            "European Union.")
    assert not slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.fundedBy)


@pytest.mark.parametrize(("title", "body", "event", "places"), [
    ("La protection sociale en Haïti",
     "Après le séisme du 12 mars 2019, qui a frappé les départements de l'Ouest, du Centre "
     "et de l'Artibonite, l'ONA a accordé des prêts d'urgence.",
     "seisme-2019-03-12", {"ouest", "centre-department", "artibonite"}),
    ("Protección social en Ecuador",
     "Tras el terremoto del 16 de abril de 2016, que afectó las provincias de Manabí y "
     "Esmeraldas, el IESS otorgó préstamos de emergencia.",
     "terremoto-2016-04-16", {"manabi", "esmeraldas"}),
    ("Social protection in Malawi",
     "During the March 2023 floods, which affected Blantyre and the town of Zomba, the "
     "Ministry paid an emergency top-up.",
     "floods-2023-03", {"blantyre", "zomba"}),
])
def test_a_dated_disaster_is_where_its_relative_clause_says_it_struck(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, event: str,
        places: set[str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.locatedIn)
    assert {o for s, o in found if s == event} == places, found


def test_an_undated_disaster_recalled_is_located_nowhere(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Ten years after the earthquake, which hit Sindhupalchok and Gorkha, the "
            "Government paid a top-up.")
    found = page_facts(tmp_path, gazetteer, body, "Social protection in Nepal")
    assert not slug_pairs(found, SPKG.locatedIn)


def _places(tmp_path: Path, gazetteer: Gazetteer, text: str) -> set[str]:
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    return {str(e.iri).rsplit("/", 1)[-1] for e in prose_entities(document, gazetteer)[1]
            if "/place/" in str(e.iri)}


@pytest.mark.parametrize(("text", "town"), [
    ("Algérie : un décret étend la sécurité sociale\n\nALGER (OIT Info) – Le décret exécutif "
     "a été adopté le 10 septembre 2023 par le Conseil des ministres.\n", "algiers"),
    ("Haiti extends health insurance\n\nPORT-AU-PRINCE (ILO News) – The Council of "
     "Ministers of Haiti adopted a decree on 9 November 2023.\n", "port-au-prince"),
    ("Bolivia amplía la cobertura\n\nSANTA CRUZ DE LA SIERRA, Bolivia (OIT Noticias) – El "
     "Gobierno aprobó el 3 de mayo de 2024 un decreto supremo.\n", "santa-cruz-de-la-sierra"),
    ("Moçambique alarga a segurança social\n\nBEIRA, 4 de maio de 2022 (OIT Notícias) – O "
     "Conselho de Ministros de Moçambique aprovou um decreto.\n", "beira"),
])
def test_a_dateline_town_named_nowhere_else_is_a_place(
        tmp_path: Path, gazetteer: Gazetteer, text: str, town: str) -> None:
    assert town in _places(tmp_path, gazetteer, text)


def test_a_dateline_town_of_another_country_is_not_read(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = ("Mozambique pension reform\n\nGENEVA (ILO News) – The Government of Mozambique "
            "adopted a decree on 9 November 2023.\n")
    assert _places(tmp_path, gazetteer, text) == {"mozambique"}


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("Social protection in Ghana",
     "The ILO supported the Ministry of Employment with a costing study on the new child "
     "benefit funded by the European Union.",
     ("costing-study", "european-union")),
    ("La protection sociale au Togo",
     "Le BIT a appuyé le ministère avec une étude de faisabilité sur le nouveau régime "
     "financée par l'Union européenne.",
     ("etude-de-faisabilite", "european-union")),
    ("Social protection in Malawi",
     "The Ministry prepared a costing under the joint programme \"Social Protection for "
     "All\", implemented by the ILO and UNICEF and funded by the Joint SDG Fund.",
     ("social-protection-for-all", "joint-sdg-fund")),
    ("Social protection in Benin",
     "The Government launched the Integrated Social Protection Joint Programme in May 2023. "
     "The programme is funded by the Joint SDG Fund.",
     ("integrated-social-protection-joint-programme", "joint-sdg-fund")),
])
def test_a_study_with_its_complement_or_a_joint_programme_is_funded(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str,
        pair: tuple[str, str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.fundedBy)
    assert any(s.startswith(pair[0]) and o == pair[1] for s, o in found), found



@pytest.mark.parametrize(("title", "body", "study"), [
    ("Social protection in Kenya",
     "The ILO supported an actuarial valuation of the National Hospital Insurance Fund in "
     "2021.", "actuarial-valuation-of-the-national-hospital-insurance-fund"),
    ("La protection sociale au Sénégal",
     "L'OIT a appuyé une étude actuarielle de la Caisse de sécurité sociale en 2022.",
     "etude-actuarielle-de-la-caisse-de-securite-sociale"),
    ("Protección social en Paraguay",
     "La OIT apoyó un estudio actuarial del Instituto de Previsión Social en 2022.",
     "estudio-actuarial-del-instituto-de-prevision-social"),
    ("Protecção social em Moçambique",
     "A OIT apoiou um estudo actuarial do Instituto Nacional de Segurança Social em 2022.",
     "estudo-actuarial-do-instituto-nacional-de-seguranca-social"),
])
def test_a_study_the_ilo_supported_with_an_indefinite_article(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, study: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.supportedBy)
    assert any(s.startswith(study) and o == "international-labour-organization"
               for s, o in found), found


def test_a_study_supported_together_with_others_is_supported_by_each(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO, together with UNICEF and the World Food Programme (WFP), supported a "
            "social protection assessment-based national dialogue in 2019.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.supportedBy)
    assert {o for _, o in found} == {"international-labour-organization",
                                     "united-nations-childrens-fund", "world-food-programme"}


@pytest.mark.parametrize(("title", "body", "town"), [
    ("Social protection in Kenya",
     "On 11 June 2024 the ILO handed the actuarial valuation to the Board of Directors of the "
     "National Social Security Fund in Nairobi.", "nairobi"),
    ("Protección social en Paraguay",
     "El 3 de mayo de 2024 la OIT entregó el estudio actuarial a la Junta Directiva del "
     "Instituto de Previsión Social en Asunción.", "asuncion"),
])
def test_the_town_of_a_handover_is_the_handovers_not_the_boards_seat(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, town: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.locatedIn)
    assert not any(s.startswith(("board", "junta")) for s, _ in found), found
    assert any(s.startswith("handover") and o == town for s, o in found), found


@pytest.mark.parametrize(("text", "place"), [
    ("Social protection in Armenia\n\nThe pilot runs in Shirak and Tavush provinces.\n",
     "sirak"),
    ("Social protection in Azerbaijan\n\nThe agency opened an office in Sheki in 2023.\n",
     "sheki"),
])
def test_an_iso_name_with_a_hacek_is_read_as_english_writes_it(
        tmp_path: Path, gazetteer: Gazetteer, text: str, place: str) -> None:
    assert place in _places(tmp_path, gazetteer, text)


@pytest.mark.parametrize(("text", "town", "area"), [
    ("Social protection in Solomon Islands\n\nThe Ministry held a consultation in Tulagi-"
     "Rua, Malaita, in February 2024.\n", None, None),
    ("Social protection in Solomon Islands\n\nThe Ministry held a consultation in Buala, "
     "Isabel, in February 2024.\n", "buala", "isabel"),
    ("La protection sociale au Bénin\n\nUn atelier s'est tenu à Kalalé, Borgou, en mars "
     "2024.\n", "kalale", "borgou"),
    ("Protecção social em Moçambique\n\nO INSS abriu uma delegação em Espungabera, Sofala, "
     "em 2023.\n", "espungabera", "sofala"),
])
def test_a_town_no_table_lists_before_its_subdivision_is_a_place_there(
        tmp_path: Path, gazetteer: Gazetteer, text: str, town: str | None,
        area: str | None) -> None:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    located = {(str(f.subject).rsplit("/", 1)[-1], str(f.object).rsplit("/", 1)[-1])
               for e in prose_entities(document, gazetteer)[1]
               for f in entity_facts(document, e, gazetteer) if f.predicate == SPKG.locatedIn}
    if town is None:  # "Tulagi-Rua": no single capitalised word, not read by this form
        assert not any(s.startswith("tulagi") for s, _ in located)
    else:
        assert (town, area) in located


def test_a_month_before_a_subdivision_is_no_town(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = ("Social protection in Solomon Islands\n\nFloods struck in March, Malaita and "
            "Guadalcanal being the worst hit.\n")
    assert "march" not in _places(tmp_path, gazetteer, text)


def test_a_numbered_region_with_its_name_in_brackets_is_where_a_disaster_struck(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("During the June 2022 floods, which affected Region 9 (Upper Takutu-Upper "
            "Essequibo), the Ministry paid a top-up.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Guyana"),
                       SPKG.locatedIn)
    assert ("floods-2022-06", "upper-takutu-upper-essequibo") in found


@pytest.mark.parametrize(("title", "body", "makers"), [
    ("Social protection in Kenya",
     "The Cabinet endorsed the National Social Protection Strategy 2019-2023 in 2019. The "
     "strategy was prepared by the Ministry of Labour and Social Development with the "
     "Commission on Social Safety and Poverty Reduction.",
     {"ministry-of-labour-and-social-development",
      "commission-on-social-safety-and-poverty-reduction"}),
    ("Protección social en Paraguay",
     "El Gobierno aprobó la Política Nacional de Protección Social en 2023. La política fue "
     "elaborada por el Ministerio de Trabajo con el Consejo Nacional de Seguridad Social.",
     {"ministerio-de-trabajo", "consejo-nacional-de-seguridad-social"}),
    ("Social protection in Kenya",
     "The National Health Policy was drafted by the Ministry of Health with support from the "
     "ILO. The Social Security Bill was prepared by the Ministry of Finance with the ILO's "
     "technical assistance.",
     {"ministry-of-health", "ministry-of-finance"}),
])
def test_prepared_by_a_with_b_makes_b_a_maker_not_a_helper(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, makers: set[str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.developedBy)
    assert {o for _, o in found} == makers, found


@pytest.mark.parametrize(("text", "date"), [
    ("Ghana extends its pension scheme\n\nILO News | 12 June 2024\n\nACCRA, Ghana (ILO News) "
     "– The Parliament passed the act on 14 March 2024.\n", "2024-06-12"),
    ("Peru's new law reaches the self-employed\n\nNews | Lima | 14 January 2025\n\nThe "
     "Congress approved the law on 18 July 2024.\n", "2025-01-14"),
    ("Sénégal : le Conseil des ministres étend l'assurance maladie\n\nDAKAR, le 5 mai 2022 "
     "(BIT Info) – Le Conseil des ministres a adopté le 4 mai 2022 un décret.\n", "2022-05-05"),
    ("Paraguay amplía la cobertura\n\nASUNCIÓN, 3 de mayo de 2024 (OIT Noticias) – El "
     "Gobierno aprobó el 2 de mayo de 2024 un decreto.\n", "2024-05-03"),
])
def test_a_news_item_is_dated_by_its_header_or_dateline(
        tmp_path: Path, text: str, date: str) -> None:
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    dates = [str(f.object) for f in extract_fields(document, load_vocabulary())
             if f.predicate == DCTERMS.date]
    assert dates == [date]


def test_a_country_page_has_no_news_date(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Social protection in Ghana\n\nThe Parliament passed the act on 14 March "
                    "2024.\n", encoding="utf-8")
    document = read_document(path)
    assert not [f for f in extract_fields(document, load_vocabulary())
                if f.predicate == DCTERMS.date]


@pytest.mark.parametrize(("title", "country"), [
    ("Ghana's new pension law reaches informal workers", "ghana"),
    ("ILO and Costa Rica's social partners discuss pension reform", "costa-rica"),
    ("ILO review sets out reform of Antigua and Barbuda's Social Security Scheme",
     "antigua-and-barbuda"),
])
def test_a_news_title_names_its_country_in_the_possessive(
        tmp_path: Path, title: str, country: str) -> None:
    path = tmp_path / "news.txt"
    path.write_text(f"{title}\n\nILO News | 12 June 2024\n\nThe Parliament passed the act on "
                    "14 March 2024.\n", encoding="utf-8")
    document = read_document(path)
    found = {str(f.object).rsplit("/", 1)[-1]
             for f in extract_fields(document, load_vocabulary()) if f.predicate == SPKG.country}
    assert found == {country}


def test_a_town_with_its_subdivision_in_apposition_is_in_both(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Social protection in Ghana\n\nA workshop was held in Kumasi, Ashanti Region, "
                    "on 3 May 2024.\n", encoding="utf-8")
    document = read_document(path)
    located = {str(f.object).rsplit("/", 1)[-1]
               for e in prose_entities(document, gazetteer)[1] if e.iri.endswith("/kumasi")
               for f in entity_facts(document, e, gazetteer) if f.predicate == SPKG.locatedIn}
    assert located == {"ashanti", "ghana"}
