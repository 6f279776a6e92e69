"""The issue's acceptance criteria for prose extraction, checked with SPARQL over the
dataset that the whole ingestion pipeline builds from the five seeds."""

from __future__ import annotations

import pytest
from rdflib import Dataset

from spkg import paths

PREFIXES = """
PREFIX spkg: <https://w3id.org/spkg/ontology#>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
PREFIX id:   <https://w3id.org/spkg/id/>
PREFIX prog: <https://w3id.org/spkg/id/programme/>
PREFIX orgn: <https://w3id.org/spkg/id/organisation/>
PREFIX place: <https://w3id.org/spkg/id/place/>
PREFIX group: <https://w3id.org/spkg/id/population-group/>
PREFIX project: <https://w3id.org/spkg/id/project/>
PREFIX law:  <https://w3id.org/spkg/id/law/>
PREFIX inst: <https://w3id.org/spkg/id/instrument/>
PREFIX doc:  <https://w3id.org/spkg/id/document/>
PREFIX outcome: <https://w3id.org/spkg/id/outcome/>
"""

MKE = "prog:mazdoor-ka-ehsaas"
LEG = "orgn:labour-welfare-and-social-protection-expert-group"
SSCF = "orgn:social-security-coordination-forum"
SDG_PROJECT = "project:achieving-sdgs-and-ending-poverty-through-universal-social-protection"
ITALIAN_PROJECT = ("project:ilo-project-on-promotion-of-decent-work-opportunities-for-the-"
                   "economic-empowerment-of-vulnerable-segments-of-society")
MINISTRY_HRD = "orgn:ministry-of-overseas-pakistanis-and-human-resource-development"

# (what the issue asks for, a graph pattern that must match in the document's graph)
ACCEPTANCE: list[tuple[str, str, str]] = [
    ("MKE adopted March 2021 by the Government of Pakistan", "001", f"""
        ?e a spkg:Adoption ; spkg:date "2021-03"^^xsd:gYearMonth ; spkg:concerns {MKE} .
        {MKE} a spkg:Programme ; spkg:adoptedBy orgn:government-of-pakistan ."""),
    ("MKE launched 1 May 2021", "001", f"""
        ?e a spkg:Launch ; spkg:date "2021-05-01"^^xsd:date ; spkg:concerns {MKE} ."""),
    ("MKE notified September 2021 to the MKE Implementation Unit", "001", f"""
        ?e a spkg:Notification ; spkg:date "2021-09"^^xsd:gYearMonth ; spkg:concerns {MKE} ;
           spkg:participant orgn:mke-implementation-unit .
        orgn:mke-implementation-unit a spkg:GovernmentBody ."""),
    ("MKE's other names are its alternative labels", "001", f"""
        {MKE} skos:altLabel "MKE"@en ."""),
    ("LEG established to develop MKE", "001", f"""
        {LEG} a spkg:ExpertGroup ; spkg:establishedToDevelop {MKE} ; skos:altLabel "LEG"@en ."""),
    ("coverage figure 27.3 million informal economy workers", "001", f"""
        {MKE} spkg:hasCoverageFigure ?c .
        ?c a spkg:CoverageFigure ; spkg:personsCovered 27300000 ;
           spkg:populationGroup group:informal-economy-workers ."""),
    ("coverage figure 23.8 million", "001", f"""
        {MKE} spkg:hasCoverageFigure ?c . ?c spkg:personsCovered 23800000 ."""),
    ("EHSAAS Delivery Unit within the Ministry", "001", """
        orgn:ehsaas-delivery-unit a spkg:GovernmentBody ;
            org:subOrganizationOf orgn:poverty-alleviation-and-social-safety-division ."""),
    ("LEG notified April 2019 by the Prime Minister", "003", f"""
        ?e a spkg:Notification ; spkg:date "2019-04"^^xsd:gYearMonth ; spkg:concerns {LEG} ;
           spkg:organisedBy orgn:prime-minister-of-pakistan ."""),
    ("PWF and EFP members of the LEG", "003", f"""
        orgn:pakistan-workers-federation a spkg:WorkersOrganisation ; org:memberOf {LEG} .
        orgn:employers-federation-of-pakistan a spkg:EmployersOrganisation ; org:memberOf {LEG} .
        """),
    ("PASSD (established under EHSAAS) and EHSAAS", "003", """
        orgn:poverty-alleviation-and-social-safety-division a spkg:GovernmentBody ;
            skos:altLabel "PASSD"@en .
        prog:ehsaas a spkg:Programme ."""),
    ("R 202 / Recommendation 202 and Convention 102 cited", "003", """
        outcome:003-fe60b1eef80f63e0 spkg:citesInstrument inst:r202, inst:c102 ."""),
    ("KP Act adopted 9 September 2021 by the Government of KP", "000", """
        law:kp-employees-social-security-act-2021 a spkg:Law ;
            spkg:adoptedBy orgn:government-of-khyber-pakhtunkhwa ;
            spkg:locatedIn place:khyber-pakhtunkhwa .
        ?e a spkg:Adoption ; spkg:date "2021-09-09"^^xsd:date ;
           spkg:concerns law:kp-employees-social-security-act-2021 ."""),
    ("KP Act extends coverage to construction workers", "000", """
        law:kp-employees-social-security-act-2021 spkg:extendsCoverageTo ?g .
        ?g a spkg:PopulationGroup ; rdfs:label "construction workers"@en ."""),
    ("Baldia Project funded by Germany; the construction study under it", "000", """
        project:baldia-project a spkg:Project ; spkg:fundedBy orgn:government-of-germany .
        orgn:government-of-germany a spkg:Funder ; spkg:locatedIn place:germany .
        ?s a spkg:Study ; spkg:supportedBy project:baldia-project ;
           spkg:subject group:construction-workers ."""),
    ("C102 and R202 cited", "000", """
        outcome:000-d088c9348fb0c60c spkg:citesInstrument inst:c102, inst:r202 ."""),
    ("PAK is Pakistan Administered Kashmir in seed 000", "000", """
        ?gov a spkg:Government ; spkg:locatedIn place:azad-jammu-and-kashmir .
        place:azad-jammu-and-kashmir a spkg:Territory ."""),
    ("SSCF meeting 22 April 2021 chaired by the Ministry of OP&HRD", "004", f"""
        ?m a spkg:Meeting ; spkg:date "2021-04-22"^^xsd:date ; spkg:concerns {SSCF} ;
           spkg:chairedBy {MINISTRY_HRD} ;
           spkg:participant orgn:pakistan-workers-federation,
               orgn:employers-federation-of-pakistan,
               orgn:employees-old-age-benefits-institution,
               orgn:employees-social-security-institution .
        {MINISTRY_HRD} skos:altLabel "Ministry of Overseas Pakistanis and HRD"@en ."""),
    ("SSCF established October 2020, supported by the SDG project", "004", f"""
        ?e a spkg:Establishment ; spkg:date "2020-10"^^xsd:gYearMonth ; spkg:concerns {SSCF} .
        {SSCF} a spkg:Forum ; spkg:supportedBy {SDG_PROJECT} ."""),
    ("SDG project funded by the UN trust fund and China, implemented by UN DESA and ILO", "004",
     f"""
        {SDG_PROJECT} a spkg:Project ;
            spkg:fundedBy orgn:un-peace-and-development-trust-fund, orgn:government-of-china ;
            spkg:implementedBy orgn:department-of-economic-and-social-affairs,
                               orgn:international-labour-organization ."""),
    ("Italian-funded ILO project supports the brick kiln study", "004", f"""
        {ITALIAN_PROJECT} a spkg:Project ; spkg:fundedBy ?ministry .
        ?ministry a spkg:Ministry ; spkg:locatedIn place:italy .
        ?study a spkg:Study ; spkg:supportedBy {ITALIAN_PROJECT} ;
               spkg:subject group:brick-kiln-workers ; spkg:status spkg:underway ."""),
    ("underway studies: domestic workers, mining and construction", "004", """
        ?a a spkg:Study ; spkg:status spkg:underway ; spkg:subject group:domestic-workers .
        ?b a spkg:Study ; spkg:status spkg:underway ;
           rdfs:label "study on Mining and Construction"@en .
        """),
    ("Benazir Mazdoor Card: a scheme in Sindh, to be distributed 1 May 2021", "004", """
        prog:benazir-mazdoor-card a spkg:Scheme ; spkg:locatedIn place:sindh .
        ?e a spkg:Announcement ; spkg:date "2021-05-01"^^xsd:date ;
           spkg:concerns prog:benazir-mazdoor-card ."""),
    ("Amnesty and self-assessment schemes in Punjab", "004", """
        prog:amnesty-scheme a spkg:Scheme ; spkg:locatedIn place:punjab .
        ?s a spkg:Scheme ; rdfs:label "self-assessment scheme (Punjab)"@en ;
           spkg:locatedIn place:punjab ."""),
    ("domestic workers' law in KP; Baluchistan is Balochistan", "004", """
        ?law a spkg:Law ; spkg:locatedIn place:khyber-pakhtunkhwa .
        place:balochistan a spkg:Province ."""),
    ("EHSAAS and the LWSPEG that developed MKE", "002", f"""
        prog:ehsaas a spkg:Programme .
        {MKE} spkg:developedBy {LEG} .
        {LEG} skos:altLabel "LWSPEG"@en ."""),
    ("MKE is a programme to promote social protection for informal economy workers", "001",
     f"""{MKE} spkg:extendsCoverageTo group:informal-economy-workers ."""),
    ("With this card: the Benazir Mazdoor Card covers formal and informal economy workers",
     "004", """
        prog:benazir-mazdoor-card spkg:extendsCoverageTo group:informal-economy-workers ,
            group:workers-in-the-formal-economy ."""),
    ("the studies underway are supported by the ILO, the brick kiln study included", "004", """
        ?s a spkg:Study ; rdfs:label "study on Domestic Workers"@en ;
           spkg:supportedBy orgn:international-labour-organization .
        <https://w3id.org/spkg/id/study/study-for-extending-coverage-of-social-security-to-brick-\
kiln-workers-pakistan> spkg:supportedBy orgn:international-labour-organization ."""),
    ("Planning Commission, Government of Pakistan: one partner, the government's body", "001",
     """outcome:001-0844c7bbfea795f9 spkg:partner orgn:planning-commission .
        orgn:planning-commission org:subOrganizationOf orgn:government-of-pakistan .
        FILTER NOT EXISTS { ?o spkg:partner orgn:government-of-pakistan }"""),
    ("Planning Commission, Government of Pakistan (seed 000)", "000",
     """outcome:000-d088c9348fb0c60c spkg:partner orgn:planning-commission ,
            orgn:pakistan-workers-federation .
        orgn:planning-commission org:subOrganizationOf orgn:government-of-pakistan .
        FILTER NOT EXISTS { ?o spkg:partner orgn:government-of-pakistan }"""),
    ("the MKE result is the outcome of the MKE; its total reaches it through the outcome", "001",
     f"""outcome:001-0844c7bbfea795f9 spkg:outcomeOf {MKE} ;
            spkg:hasCoverageFigure ?total .
        ?total rdfs:label "Number of persons potentially covered by the strategy: Total"@en .
        FILTER NOT EXISTS {{ {MKE} spkg:hasCoverageFigure ?total }}"""),
    ("a summary naming no intervention gives no outcomeOf (000: a government; 003: a body)",
     "000", "?o a spkg:Outcome . FILTER NOT EXISTS { ?o spkg:outcomeOf ?i }"),
    ("a summary naming a body gives no outcomeOf", "003",
     "?o a spkg:Outcome . FILTER NOT EXISTS { ?o spkg:outcomeOf ?i }"),
    ("DWCP (2016-22) is a country programme", "002", """
        prog:pakistan-decent-work-country-programme-2016-22 a spkg:CountryProgramme ;
            skos:altLabel "DWCP"@en ."""),
]

NEVER_ENTITIES = ["Government", "Employers", "Workers", "UN Agencies", "Outcome achieved",
                  "See more photos on social security in Flickr photo library.",
                  "Brick kiln workers get citizenship documents © ILO"]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    from spkg.ingest import ingest_paths

    return ingest_paths([paths.sources_dir()], progress=False).dataset


def _graph_of(number: str) -> str:
    stem = next(p.stem for p in paths.sources_dir().glob(f"{number}_*.txt"))
    return "doc:" + stem.replace("_", "-")


@pytest.mark.parametrize(("title", "number", "pattern"), ACCEPTANCE,
                         ids=[a[0] for a in ACCEPTANCE])
def test_seed_fact_is_in_its_document_graph(dataset: Dataset, title: str, number: str,
                                            pattern: str) -> None:
    query = f"{PREFIXES} ASK {{ GRAPH {_graph_of(number)} {{ {pattern} }} }}"
    assert dataset.query(query).askAnswer, title


@pytest.mark.parametrize("label", NEVER_ENTITIES)
def test_generic_words_and_boilerplate_are_not_entities(dataset: Dataset, label: str) -> None:
    query = f"""{PREFIXES} ASK {{ GRAPH ?g {{ ?x rdfs:label ?l }}
        FILTER(?g != <https://w3id.org/spkg/graph/reference> && str(?l) = "{label}") }}"""
    assert not dataset.query(query).askAnswer


def test_same_programme_from_two_documents_is_one_iri(dataset: Dataset) -> None:
    query = f"""{PREFIXES} SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {MKE} a spkg:Programme }} }}"""
    graphs = {str(row[0]).rsplit("/", 1)[-1][:3] for row in dataset.query(query)}
    assert graphs == {"001", "002"}


def test_every_extracted_entity_is_typed_and_labelled(dataset: Dataset) -> None:
    """Unless the reference data labels it (docs/contract.md)."""
    from spkg.ingest.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    query = f"""{PREFIXES} SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a ?c }}
        FILTER(STRSTARTS(STR(?x), "https://w3id.org/spkg/id/")
               && !STRSTARTS(STR(?x), "https://w3id.org/spkg/id/document/")
               && !STRSTARTS(STR(?x), "https://w3id.org/spkg/id/outcome/"))
        FILTER NOT EXISTS {{ GRAPH ?h {{ ?x rdfs:label|skos:prefLabel ?label }} }} }}"""
    unlabelled = [str(row[0]) for row in dataset.query(query)
                  if gazetteer.get(row[0]) is None]
    assert unlabelled == []


def test_documents_agree_on_every_label(dataset: Dataset) -> None:
    """One IRI read from several documents has one rdfs:label (shapes/labels.ttl)."""
    query = f"""{PREFIXES} SELECT ?x ?a ?b WHERE {{
        GRAPH ?g {{ ?x rdfs:label ?a }} GRAPH ?h {{ ?x rdfs:label ?b }}
        FILTER(lang(?a) = lang(?b) && str(?a) < str(?b)) }}"""
    assert [tuple(map(str, row)) for row in dataset.query(query)] == []
