"""Unit tests of prose extraction: gazetteer, mention rules, linking, relation rules.

Documents are built in memory from short texts (written to tmp_path and read by the
pipeline's reader, so sections and sentences are the real ones).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from spkg.ingest.gazetteer import Gazetteer, normalise_name
from spkg.ingest.naming import canonical_key, class_from_head
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import extract_prose, organisation_fact_for_name
from spkg.ingest.records import Document, Fact, Span
from spkg.namespace import ORG, SPKG, mint

ID = "https://w3id.org/spkg/id/"


def country_page(tmp_path: Path, body: str, title: str = "Social security in Testland") -> Document:
    path = tmp_path / "page.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return read_document(path)


def facts_of(tmp_path: Path, body: str, gazetteer: Gazetteer) -> list[Fact]:
    return extract_prose(country_page(tmp_path, body), gazetteer)


def triples(facts: list[Fact]) -> set[tuple[URIRef, URIRef, object]]:
    return {(f.subject, f.predicate, f.object) for f in facts}


def typed(facts: list[Fact], cls: URIRef) -> set[URIRef]:
    return {f.subject for f in facts if f.predicate == RDF.type and f.object == cls}


# -- gazetteer ------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "iri"), [
    ("R 202", "instrument/r202"),
    ("Recommendation 202", "instrument/r202"),
    ("C102", "instrument/c102"),
    ("Convention 102", "instrument/c102"),
    ("UNDESA", "organisation/department-of-economic-and-social-affairs"),
    ("UN DESA", "organisation/department-of-economic-and-social-affairs"),
    ("KP", "place/khyber-pakhtunkhwa"),
    ("Pakistan Administered Kashmir", "place/azad-jammu-and-kashmir"),
])
def test_gazetteer_finds_reference_names(gazetteer: Gazetteer, name: str, iri: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and str(entry.iri) == ID + iri


def test_codes_match_only_as_written(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("To") is None  # not Tonga ("TO")
    assert gazetteer.lookup("Kp") is None


def test_fuzzy_lookup_takes_spelling_variants(gazetteer: Gazetteer) -> None:
    entry = gazetteer.fuzzy("Baluchistaan", {SPKG.Province})
    assert entry is not None and str(entry.iri) == ID + "place/balochistan"
    assert gazetteer.fuzzy("Bolivia Province", {SPKG.Province}) is None


def test_normalised_names() -> None:
    assert normalise_name("Mazdoor-ka-Ehsaas") == normalise_name("Mazdoor Ka EHSAAS")
    assert normalise_name("Poverty Alleviation & Social Safety") == (
        "poverty alleviation and social safety")


# -- names and classes ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "cls"), [
    ("Ministry of Foreign Affairs and International Cooperation", SPKG.Ministry),
    ("Employers Federation of Pakistan", SPKG.EmployersOrganisation),
    ("Pakistan Workers Federation", SPKG.WorkersOrganisation),
    ("Sindh Employees Social Security Institution", SPKG.SocialSecurityInstitution),
    ("National Social Protection Council", SPKG.GovernmentBody),
    ("Planning Commission", SPKG.GovernmentBody),
    ("MKE Implementation Unit", SPKG.GovernmentBody),
    ("Social Security Coordination Forum", SPKG.Forum),
    ("Labour Expert Group", SPKG.ExpertGroup),
    ("Baldia Project", SPKG.Project),
    ("KP Employees Social Security Act 2021", SPKG.Law),
    ("Social Security Act of 2018", SPKG.Law),
    ("Law on Social Insurance", SPKG.Law),
    ("National Social Protection Strategy 2019-2025", SPKG.Strategy),
    ("Amnesty Scheme", SPKG.Scheme),
    ("Benazir Mazdoor Card", SPKG.Scheme),
    ("UN Peace and Development Trust Fund", SPKG.Donor),
    ("Pakistani Constitution", None),
])
def test_class_from_head_word(name: str, cls: URIRef | None) -> None:
    assert class_from_head(name) == cls


def test_canonical_keys_make_one_iri_for_variants() -> None:
    assert canonical_key("Mazdoor Ka EHSAAS (compassion for Labour)", SPKG.Programme) == (
        canonical_key("Mazdoor-ka-Ehsaas programme", SPKG.Programme))
    assert canonical_key("Tripartite Social Security Coordination Forum", SPKG.Forum) == (
        canonical_key("Social Security Coordination Forum", SPKG.Forum))
    assert canonical_key("EHSAAS Programme", SPKG.Programme) == "ehsaas"


# -- mentions, acronyms and linking ---------------------------------------------------------

def test_acronym_defined_in_brackets_links_later_uses(tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = facts_of(tmp_path, "The Testland Workers Federation (TWF) met the minister. "
                     "The TWF asked for a pension reform.", gazetteer)
    twf = URIRef(ID + "organisation/testland-workers-federation")
    assert (twf, RDF.type, SPKG.WorkersOrganisation) in triples(facts)
    assert (twf, SKOS.altLabel, Literal("TWF", lang="en")) in triples(facts)
    assert len(typed(facts, SPKG.WorkersOrganisation)) == 1


def test_document_acronym_wins_over_country_code(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """Seed 000's trap: "Pakistan Administered Kashmir(PAK)" then "In PAK, …"."""
    body = ("ILO supports the Governments of KP, Punjab and Pakistan Administered Kashmir(PAK) "
            "in developing policies. In PAK, various seminars were facilitated.")
    facts = facts_of(tmp_path, body, gazetteer)
    kashmir = URIRef(ID + "place/azad-jammu-and-kashmir")
    assert (kashmir, RDF.type, SPKG.Territory) in triples(facts)
    assert URIRef(ID + "place/pakistan") not in {f.subject for f in facts}
    governments = typed(facts, SPKG.Government)
    assert URIRef(ID + "organisation/government-of-khyber-pakhtunkhwa") in governments
    assert URIRef(ID + "organisation/government-of-azad-jammu-and-kashmir") in governments
    assert URIRef(ID + "organisation/government-of-pakistan") not in governments


def test_variants_of_one_body_are_one_entity(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A Labour Welfare and Social Protection Expert Group (LEG) was set up. "
            "The Labour Expert Group met twice. The Labour Welfare Expert Group and the LEG "
            "wrote the strategy.")
    facts = facts_of(tmp_path, body, gazetteer)
    groups = typed(facts, SPKG.ExpertGroup)
    assert groups == {URIRef(ID + "organisation/labour-welfare-and-social-protection-expert-group")}
    alt = {str(f.object) for f in facts if f.predicate == SKOS.altLabel}
    assert {"LEG", "Labour Expert Group", "Labour Welfare Expert Group"} <= alt


def test_abbreviated_words_are_the_same_ministry(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Overseas Pakistanis and Human Resource Development chaired it. "
            "The Joint Secretary of the Ministry of Overseas Pakistanis and HRD closed it.")
    ministries = typed(facts_of(tmp_path, body, gazetteer), SPKG.Ministry)
    assert ministries == {URIRef(ID + "organisation/ministry-of-overseas-pakistanis-and-human-"
                                 "resource-development")}


def test_captions_photo_links_and_generic_words_are_not_entities(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Workers Receive Their Cards © ILO\n\n"
            "See more photos on social security in Flickr photo library.\n"
            "The Government, Employers and Workers met with UN Agencies.")
    facts = facts_of(tmp_path, body, gazetteer)
    labels = {str(f.object) for f in facts if f.predicate == RDFS.label}
    assert labels == set()


def test_names_no_reference_list_holds_are_found(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Pension Reform Council and the Ministry of Social Welfare met. "
            "The Testland Social Security Institution presented the Universal Child Grant "
            "Scheme and the Social Insurance Act 2020.")
    facts = facts_of(tmp_path, body, gazetteer)
    assert typed(facts, SPKG.GovernmentBody) == {URIRef(ID + "organisation/national-pension-"
                                                        "reform-council")}
    assert typed(facts, SPKG.Ministry) == {URIRef(ID + "organisation/ministry-of-social-welfare")}
    assert typed(facts, SPKG.SocialSecurityInstitution) == {
        URIRef(ID + "organisation/testland-social-security-institution")}
    assert typed(facts, SPKG.Scheme) == {URIRef(ID + "programme/universal-child-grant-scheme")}
    assert typed(facts, SPKG.Law) == {URIRef(ID + "law/social-insurance-act-2020")}


# -- relations ------------------------------------------------------------------------------

def test_pronoun_subject_carries_events_of_the_previous_sentence(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Government of Testland adopted the Child Benefit Programme in March 2021. "
            "It was formally launched on 1 May 2021 and notified to the Benefit Delivery Unit "
            "in September 2021.")
    facts = triples(facts_of(tmp_path, body, gazetteer))
    programme = mint("programme", "Child Benefit Programme")
    launch = mint("event", "child-benefit-programme launch 2021-05-01")
    notification = mint("event", "child-benefit-programme notification 2021-09")
    assert (programme, SPKG.adoptedBy, mint("organisation", "Government of Testland")) in facts
    assert (launch, RDF.type, SPKG.Launch) in facts
    assert (notification, SPKG.participant, mint("organisation", "Benefit Delivery Unit")) in facts


def test_members_funders_and_implementers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Testland Workers Union (TWU) and the Testland Employers Federation (TEF) are "
            "members of the Pension Advisory Council. The study on pensions for domestic "
            "workers is supported by the Pension Reform Project, funded by the Government of "
            "Norway, and is jointly implemented by UNICEF and the ILO.")
    facts = triples(facts_of(tmp_path, body, gazetteer))
    council = mint("organisation", "Pension Advisory Council")
    project = mint("project", "Pension Reform Project")
    assert (mint("organisation", "Testland Workers Union"), ORG.memberOf, council) in facts
    assert (mint("organisation", "Testland Employers Federation"), ORG.memberOf, council) in facts
    assert (project, SPKG.fundedBy, mint("organisation", "Government of Norway")) in facts
    studies = {s for s, p, o in facts if p == SPKG.supportedBy and o == project}
    assert len(studies) == 1
    domestic_workers = mint("population-group", "domestic workers")
    assert (next(iter(studies)), SPKG.subject, domestic_workers) in facts


def test_coverage_figures_need_a_count_and_a_group(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Child Benefit Programme will support 2.5 million informal economy workers "
            "and 40% of the budget in 2022.")
    facts = facts_of(tmp_path, body, gazetteer)
    figures = typed(facts, SPKG.CoverageFigure)
    assert len(figures) == 1
    figure = next(iter(figures))
    assert (figure, SPKG.personsCovered, Literal(2500000)) in triples(facts)
    assert (figure, SPKG.populationGroup,
            URIRef(ID + "population-group/informal-economy-workers")) in triples(facts)


def test_every_fact_points_into_its_sentence(tmp_path: Path, gazetteer: Gazetteer) -> None:
    document = country_page(tmp_path, "The Pakistan Workers Federation (PWF) and the Employers "
                            "Federation of Pakistan (EFP) are members of the Labour Forum.")
    for fact in extract_prose(document, gazetteer):
        assert fact.sentence in document.sentences
        for words in fact.words:
            assert fact.sentence.start <= words.start < words.end <= fact.sentence.end


def test_partners_line_names_link_like_prose(tmp_path: Path, gazetteer: Gazetteer) -> None:
    document = country_page(tmp_path, "Partners: Government of KP; Pakistan Workers Federation")
    line = document.sentences[-1]
    iri, facts = organisation_fact_for_name("Government of KP", document, line,
                                            Span(line.start + 10, line.start + 26), gazetteer)
    assert iri == URIRef(ID + "organisation/government-of-khyber-pakhtunkhwa")
    assert (iri, SPKG.locatedIn, URIRef(ID + "place/khyber-pakhtunkhwa")) in triples(facts)
    assert all(f.sentence == line for f in facts)


def test_labels_agree_across_documents_whatever_the_spelling() -> None:
    from spkg.ingest.naming import canonical_label

    one = canonical_label("Mazdoor Ka EHSAAS", ["Mazdoor Ka EHSAAS", "Mazdoor-ka-Ehsaas"])
    other = canonical_label("Mazdoor Ka Ehsaas", ["Mazdoor Ka Ehsaas"])
    assert one == other == "Mazdoor Ka Ehsaas"
    assert canonical_label("Poverty Alleviation & Social Safety Division", []) == (
        "Poverty Alleviation and Social Safety Division")
    assert canonical_label("Achieving SDGs and Ending Poverty", []) == (
        "Achieving SDGs and Ending Poverty")


def test_a_country_in_an_interventions_name_is_no_location(tmp_path: Path,
                                                            gazetteer: Gazetteer) -> None:
    """A law named after its country is not said to be located there; one named after a
    province is, and so is an organisation named after its country."""
    placed = {(f.subject, f.object) for f in facts_of(
        tmp_path, "The Kenya Pension Reform Act was adopted in 2020. The Punjab Pension Reform "
        "Act was adopted in 2021. The Kenya Revenue Authority collects contributions.",
        gazetteer) if f.predicate == SPKG.locatedIn}
    assert (mint("law", "kenya pension reform act"), mint("place", "kenya")) not in placed
    assert (mint("law", "punjab pension reform act"), mint("place", "punjab")) in placed
    assert (mint("organisation", "kenya revenue authority"), mint("place", "kenya")) in placed
