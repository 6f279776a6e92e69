"""Places, location, funding and support forms of issue 16 (G4, fresh-11 classes), on
made-up sentences: each test fails without the change it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span
from spkg.namespace import SPKG


def places(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/place/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/place/" in str(e.iri)}


def test_a_subdivision_without_its_romanised_type_word(gazetteer: Gazetteer) -> None:
    # ISO writes "Hebei Sheng", "Almaty oblysy", "Tatarstan, Respublika"
    found = places("China extended the scheme to Hebei and Yunnan in 2021.", gazetteer)
    assert {"hebei-sheng", "yunnan-sheng"} <= found, found
    found = places("The Russian Federation opened an office in Tatarstan.", gazetteer)
    assert "tatarstan-respublika" in found, found


def test_a_bare_name_that_is_also_a_town_stays_the_town(gazetteer: Gazetteer) -> None:
    # "Shanghai Shi" gives "Shanghai", which GeoNames also lists as the city
    assert "shanghai" in places("China held a meeting in Shanghai in 2022.", gazetteer)


@pytest.mark.parametrize("body", [
    "Its findings fed a national dialogue, hosted by the Workers' Compensation Fund in Lusaka "
    "on 3 May 2021.",
    "The results were discussed at talks convened by the Workers' Compensation Fund in "
    "Lusaka on 3 May 2021.",
])
def test_the_place_of_a_hosted_dialogue_is_not_the_hosts_seat(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Zambia"),
                       SPKG.locatedIn)
    assert ("workers-compensation-fund", "lusaka") not in found, found


def test_a_body_named_with_its_seat_is_still_there(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Workers' Compensation Fund in Lusaka pays the new benefit since 2021."
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Zambia"),
                       SPKG.locatedIn)
    assert ("workers-compensation-fund", "lusaka") in found, found


def town_countries(text: str, gazetteer: Gazetteer, slug: str) -> set[str | None]:
    """The countries the mentions of place ``slug`` are placed in (None: not placed)."""
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(m.place.iri).rsplit("/", 1)[-1] if m.place is not None else None
            for e in link_mentions(mentions, gazetteer) if str(e.iri).endswith(f"/{slug}")
            for m in e.mentions}


def test_a_town_of_several_countries_is_not_put_in_a_donors(gazetteer: Gazetteer) -> None:
    # Ghana has no San Fernando; Spain, named as the donor, has one, as have others
    text = ("Social protection in Ghana. Under a project funded by the Government of Spain, "
            "Ghana's inspectors were trained in San Fernando in May 2024.")
    assert town_countries(text, gazetteer, "san-fernando") == {None}


def test_a_town_of_the_documents_own_country_keeps_it(gazetteer: Gazetteer) -> None:
    text = ("Social protection in Trinidad and Tobago. Under a project funded by the "
            "Government of Spain, inspectors were trained in San Fernando in May 2024.")
    assert town_countries(text, gazetteer, "san-fernando") == {"trinidad-and-tobago"}


def test_a_body_after_by_is_not_seated_in_the_province_it_runs_in(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Old-age benefits are paid separately: by the Employees Welfare Board (EWB) in "
            "Sindh and by the Workers Benefit Council (WBC) in Punjab.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Pakistan"),
                       SPKG.locatedIn)
    assert not {s for s, _ in found} & {"employees-welfare-board", "workers-benefit-council"}, (
        found)


def org_countries(body: str, gazetteer: Gazetteer, tmp_path: Path) -> dict[str, set[str]]:
    """Organisation slug → the places entity_facts locates it in."""
    from spkg.ingest.entity_facts import entity_facts
    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import prose_entities

    path = tmp_path / "page.txt"
    path.write_text(f"Social protection in Testland\n\n{body}\n", encoding="utf-8")
    document = read_document(path)
    _, entities = prose_entities(document, gazetteer)
    return {str(e.iri).rsplit("/", 1)[-1]: {str(f.object).rsplit("/", 1)[-1]
                                            for f in entity_facts(document, e, gazetteer)
                                            if f.predicate == SPKG.locatedIn}
            for e in entities if "/organisation/" in str(e.iri)}


def test_an_organisation_is_in_the_country_its_adjective_names(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = org_countries(
        "The Ghanaian Academy of Social Security Studies (GASSS) and the Congress of South "
        "African Pensioners' Unions (COSAPU) signed the plan.", gazetteer, tmp_path)
    assert found.get("ghanaian-academy-of-social-security-studies") == {"ghana"}, found
    assert found.get("congress-of-south-african-pensioners-unions") == {"south-africa"}, found


@pytest.mark.parametrize(("title", "body", "programme"), [
    ("Social protection in Kenya",
     "The Inua Jamii Programme, a cash transfer programme implemented by the Department of "
     "Social Protection (DSP) and financed by the World Bank, reaches poor households.",
     "inua-jamii"),
    ("Protección social en Paraguay",
     "El Programa Tekoporã, un programa de transferencias ejecutado por el Ministerio de "
     "Desarrollo Social y financiado por el Banco Mundial, llega a 150.000 hogares.",
     "programa-tekopora"),
])
def test_a_programme_described_then_funded_in_its_apposition(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, programme: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.fundedBy)
    assert any(s.startswith(programme) and o.startswith("world-bank") for s, o in found), found


@pytest.mark.parametrize("body", [
    # the opening's funder, then the main clause's subjects listed on
    "With financial support from the Joint SDG Fund, the ILO and UNICEF produced a costing "
    "of unemployment benefits in 2020.",
    "With funding from the European Union, the ILO, UNDP and UNICEF produced a costing of "
    "unemployment benefits in 2020.",
])
def test_a_fronted_funder_before_a_list_of_makers_funds_the_study(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Kenya"),
                       SPKG.fundedBy)
    studies = {s for s, _ in found if s.startswith("costing")}
    assert studies and not any(o == "international-labour-organization" for _, o in found), (
        found)


@pytest.mark.parametrize(("body", "funded", "unfunded"), [
    ("The ILO prepared a technical note on pension indexation and an actuarial valuation of "
     "the NSSF, the latter funded by the European Union.",
     "actuarial-valuation-of-the-nssf", "technical-note"),
    ("The ILO prepared an actuarial valuation of the NSSF and a technical note on pension "
     "indexation, the former funded by the European Union.",
     "actuarial-valuation-of-the-nssf", "technical-note"),
])
def test_the_latter_or_the_former_is_the_one_funded(
        tmp_path: Path, gazetteer: Gazetteer, body: str, funded: str, unfunded: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Kenya"),
                       SPKG.fundedBy)
    assert (funded, "european-union") in found, found
    assert not any(s.startswith(unfunded) for s, _ in found), found


def test_a_participle_after_and_comma_funds_the_study_that_follows(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("At the request of the Board, the ILO carried out an actuarial review of the NSSF "
            "and, funded by the African Development Bank (AfDB), a feasibility study on "
            "unemployment insurance in Kenya.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Kenya"),
                       SPKG.fundedBy)
    assert any(s.startswith("feasibility-study") and o == "african-development-bank"
               for s, o in found), found
    assert not any(s.startswith("actuarial-review") for s, _ in found), found
