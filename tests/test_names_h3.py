"""Organisations of the H3 class (issue 16), on made-up sentences: the ILO named only inside
the name of one of its units, a generic name made a body's by its acronym, Dutch names
("… van …", one-word compounds), a one-word social partner described after its name, and
bodies of one kind named together in the plural."""

import tempfile
from pathlib import Path

from rdflib import RDF, URIRef
from rdflib.namespace import ORG

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import extract_prose
from spkg.ingest.records import Span

ILO = "https://w3id.org/spkg/id/organisation/international-labour-organization"


def _classes(text: str) -> dict[str, str]:
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    return {m.text: str(m.cls).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for m in found}


def _facts(text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    path = Path(tempfile.mkdtemp()) / "zedland-country-page.txt"
    path.write_text(text, encoding="utf-8")
    facts = extract_prose(read_document(path), load_gazetteer())
    typed = {str(f.subject) for f in facts if f.predicate == RDF.type}
    triples = {(str(f.subject), str(f.predicate), str(f.object)) for f in facts
               if f.predicate != RDF.type and isinstance(f.object, URIRef)}
    return typed, triples


# -- the ILO inside its unit's name ------------------------------------------------------

def test_an_ilo_office_alone_makes_the_ilo_an_entity() -> None:
    typed, triples = _facts(
        "Zedland country page\n\nIn 2024 the ILO Office for the Northern Isles completed a "
        "costing of a child benefit for Zedland. Zedland has no pension scheme. Zedland "
        "plans one.\n")
    assert ILO in typed
    unit = "https://w3id.org/spkg/id/organisation/ilo-office-for-the-northern-isles"
    assert (unit, str(ORG.subOrganizationOf), ILO) in triples


def test_the_ilo_inside_its_units_name_is_no_actor_of_the_sentence() -> None:
    typed, triples = _facts(
        "Zedland country page\n\nA validation workshop on the National Social Protection "
        "Policy was held in Zedland on 3 May 2024, with support from the ILO Decent Work Team "
        "and Office for the Northern Isles. Zedland adopted the policy. Zedland thanked "
        "all.\n")
    assert ILO in typed
    assert not any(p.endswith("supportedBy") and o == ILO for _, p, o in triples)


def test_a_french_ilo_office_makes_the_ilo_an_entity() -> None:
    typed, _ = _facts(
        "Zedland country page\n\nLe Bureau de pays de l'OIT pour la Zedlandie a appuyé une "
        "étude actuarielle du régime de pensions en 2023.\n")
    assert ILO in typed


def test_an_office_of_another_body_names_no_ilo() -> None:
    typed, _ = _facts(
        "Zedland country page\n\nThe UNICEF Office for the Northern Isles supported a cash "
        "transfer pilot in Zedland. The Social Insurance Office of Zedland pays pensions.\n")
    assert ILO not in typed


# -- generic words made a name by their acronym ------------------------------------------

def test_a_generic_name_with_its_acronym_is_a_body() -> None:
    classes = _classes("The Social Security Institution (KSK) registered 4,000 farmers.")
    assert classes.get("Social Security Institution") == "SocialSecurityInstitution"


def test_a_generic_name_without_an_acronym_names_no_body() -> None:
    classes = _classes("Each Social Security Institution keeps its own register.")
    assert "Social Security Institution" not in classes
    classes = _classes("The Government (GoZ) adopted the plan.")
    assert "Government" not in classes


# -- Dutch names ---------------------------------------------------------------------------

def test_a_dutch_name_keeps_its_van_and_voor() -> None:
    classes = _classes("Funds are supervised by the Nationale Bank van Zeeland (NBZ) and the "
                       "Raad voor Sociale Zekerheid.")
    assert classes.get("Nationale Bank van Zeeland") == "Organization"
    assert "Nationale Bank" not in classes
    assert "Raad voor Sociale Zekerheid" in classes


def test_a_dutch_one_word_compound_with_an_institution_head_is_a_body() -> None:
    classes = _classes("At the request of the Zorgraad, the ILO reviewed the ZVB-Fonds and "
                       "the Belastingdienst.")
    assert classes.get("Zorgraad") == "GovernmentBody"
    assert classes.get("ZVB-Fonds") == "SocialSecurityInstitution"
    assert classes.get("Belastingdienst") == "GovernmentBody"


def test_english_words_ending_like_a_dutch_head_are_no_body() -> None:
    classes = _classes("The Riverbank meeting and the Vagabond festival took place in May.")
    assert "Riverbank" not in classes and "Vagabond" not in classes


# -- a one-word social partner described after its name -----------------------------------

def test_a_one_word_name_before_a_social_partner_kind_is_that_partner() -> None:
    classes = _classes("The meeting was held with the Zelkor trade union federation and the "
                       "Bizmark employers' federation.")
    assert classes.get("Zelkor") == "WorkersOrganisation"
    assert classes.get("Bizmark") == "EmployersOrganisation"


def test_a_nationality_or_generic_word_before_a_union_is_no_name() -> None:
    classes = _classes("The meeting was held with the Kenyan trade union federation and the "
                       "National employers' federation.")
    assert "Kenyan" not in classes and "National" not in classes


# -- bodies of one kind named together in the plural --------------------------------------

def test_plural_bodies_are_one_entity_named_as_written() -> None:
    typed, _ = _facts(
        "Zedland country page\n\nThe benefit is administered by the Centres for Family Care, "
        "and disputes go to the Joint Councils. Zedland pays it monthly. Zedland reviews "
        "it.\n")
    assert "https://w3id.org/spkg/id/organisation/centres-for-family-care" in typed
    assert "https://w3id.org/spkg/id/organisation/joint-councils" in typed
    assert "https://w3id.org/spkg/id/organisation/councils" not in typed


def test_a_joint_programme_is_still_named_without_joint() -> None:
    typed, _ = _facts(
        "Zedland country page\n\nThe Joint Programme ended in 2023. Zedland thanked its "
        "partners. Zedland will go on.\n")
    assert "https://w3id.org/spkg/id/programme/joint-programme" not in typed


# -- hospitals and companies --------------------------------------------------------------

def test_a_hospital_or_a_company_limited_is_an_organisation() -> None:
    classes = _classes("Patients not treated at Queen Amina Hospital are sent abroad by the "
                       "Zedcare Company Limited.")
    assert classes.get("Queen Amina Hospital") == "Organization"
    assert classes.get("Zedcare Company Limited") == "Organization"


def test_hospital_care_or_a_lone_company_names_no_body() -> None:
    classes = _classes("Hospital care is free. The Company pays its staff.")
    assert "Hospital" not in classes and "Company" not in classes
