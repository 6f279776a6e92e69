"""Partners, location and citation forms of real ILO texts (issue 16, fresh-9's classes), on
made-up sentences: a partners line of acronyms the prose introduced in full, an ILO office
not located in a country named only inside its name, a possessive country before a known
donor, and a law a review reads is no citer."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.entity_facts import organisation_fact_for_name
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import extract_prose, prose_entities
from spkg.namespace import SPKG


@pytest.mark.parametrize(("prose", "acronym", "slug"), [
    ("The Instituto Nacional de Previdência Social (INPS) registered 4,000 traders.",
     "INPS", "instituto-nacional-de-previdencia-social"),
    ("The Confédération Générale des Travailleurs du Bénin (CGTB-S) took part.",
     "CGTB-S", "confederation-generale-des-travailleurs-du-benin"),
    ("The Ministry of Gender and Social Welfare (MoGSW) chaired the meeting.",
     "MoGSW", "ministry-of-gender-and-social-welfare"),
])
def test_a_partners_acronym_is_the_body_the_prose_named(
        tmp_path: Path, gazetteer: Gazetteer, prose: str, acronym: str, slug: str) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"Social protection in Mozambique\n\n{prose}\n\nPartners: {acronym}\n",
                    encoding="utf-8")
    document = read_document(path)
    line = document.sentences[-1]
    start = document.text.index(acronym, line.start)
    iri, _ = organisation_fact_for_name(acronym, document, line,
                                        type(line)(start, start + len(acronym)), gazetteer,
                                        lambda: prose_entities(document, gazetteer)[1])
    assert str(iri).rsplit("/", 1)[-1] == slug
    # the same body in prose and on the partners line: one IRI
    assert iri in {f.subject for f in extract_prose(document, gazetteer)}


def test_an_acronym_the_prose_never_spells_out_stays_itself(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Social protection in Mozambique\n\nThe INPS registered traders.\n\n"
                    "Partners: INPS\n", encoding="utf-8")
    document = read_document(path)
    line = document.sentences[-1]
    start = document.text.index("INPS", line.start)
    iri, _ = organisation_fact_for_name("INPS", document, line,
                                        type(line)(start, start + 4), gazetteer)
    assert str(iri).rsplit("/", 1)[-1] == "inps"


def _located(tmp_path: Path, gazetteer: Gazetteer, body: str,
             title: str = "Social protection in Kenya") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.locatedIn)


@pytest.mark.parametrize(("body", "absent"), [
    ('"Pensions must follow wages," said the Director of the ILO Office for Peru and '
     "Bolivia. The ILO Office for Peru and Bolivia trained inspectors in Sucre.",
     ("ilo-office-for-peru", "peru")),  # the second mention, cut before "and"
    ("The ILO works with the country through the ILO Decent Work Team for East Asia and "
     "Country Office for Thailand.",
     ("ilo-decent-work-team-for-east-asia-and-country-office-for-thailand", "thailand")),
])
def test_an_ilo_office_is_not_placed_in_a_country_named_only_in_its_name(
        tmp_path: Path, gazetteer: Gazetteer, body: str, absent: tuple[str, str]) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"Social protection in Bolivia\n\n{body}\n", encoding="utf-8")
    facts = extract_prose(read_document(path), gazetteer)
    assert absent not in slug_pairs(facts, SPKG.locatedIn)


def test_an_ilo_office_for_the_texts_country_is_placed_there(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Social protection in Bolivia\n\nBolivia extended its pension to "
                    "domestic workers. The ILO Office for Bolivia advised the ministry.\n",
                    encoding="utf-8")
    facts = extract_prose(read_document(path), gazetteer)
    placed = slug_pairs(facts, SPKG.locatedIn)
    assert ("ilo-office-for-bolivia", "bolivia-plurinational-state-of") in placed


@pytest.mark.parametrize("body", [
    "Ley No. 77 of 2023 created a pension for fishers. The ILO prepared a legal analysis of "
    "the law against the Maternity Protection Convention, 2000 (No. 183).",
    "The Pension Act 2021 was adopted in May. The ILO carried out a review of the draft act "
    "in line with the Social Protection Floors Recommendation, 2012 (No. 202).",
])
def test_a_law_a_review_reads_is_no_citer(tmp_path: Path, gazetteer: Gazetteer,
                                          body: str) -> None:
    cited = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.citesInstrument)
    assert not any(subject.startswith(("ley-", "pension-act")) for subject, _ in cited)


@pytest.mark.parametrize(("body", "pair"), [
    ("The pilot was financed by Germany's Federal Ministry for Economic Cooperation and "
     "Development (BMZ).",
     ("federal-ministry-for-economic-cooperation-and-development", "germany")),
    ("With support from the United Kingdom's Foreign, Commonwealth and Development Office, "
     "the ministry paid a top-up to 3,000 households.",
     ("foreign-commonwealth-and-development-office", "united-kingdom")),
])
def test_a_known_donor_after_a_possessive_country_is_located_there(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    assert pair in _located(tmp_path, gazetteer, body)


def test_a_known_donor_without_a_possessive_is_not_placed_by_the_sentence(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    placed = _located(tmp_path, gazetteer, "In Kenya, the Federal Ministry for Economic "
                      "Cooperation and Development funded a cash transfer pilot.")
    assert not any(s == "federal-ministry-for-economic-cooperation-and-development"
                   for s, _ in placed)


def test_together_with_names_no_partner_of_the_result(tmp_path: Path,
                                                     gazetteer: Gazetteer) -> None:
    path = tmp_path / "record.txt"
    path.write_text("Result achieved\n\nOutcome summary\n\nTestland extended coverage\n\n"
                    "Outcome achieved\n\nThe ILO, together with UNICEF and the World Bank, "
                    "supported a social protection assessment in 2021. The ILO, in partnership "
                    "with the European Union, trained labour inspectors.\n", encoding="utf-8")
    partners = slug_pairs(extract_prose(read_document(path), gazetteer), SPKG.partner)
    assert {o for _, o in partners} == {"european-union"}
