"""One test per relation rule family (issue 16): made-up sentences that state a relation,
and look-alikes that must give nothing.

Documents are written to tmp_path and read by the real pipeline (sections, sentences,
mentions, linking). Events are injected as entities where a test needs one, so that these
tests measure the relation rules, not the event recogniser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from spkg.ingest.entities import Mention
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import Entity
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Span
from spkg.ingest.relations import read_relations
from spkg.namespace import ORG, SDG, SDGO, SPKG, mint

Triple = tuple[URIRef, URIRef, object]
ILO = mint("organisation", "international labour organization")


def _document(tmp_path: Path, body: str, record: bool) -> Path:
    path = tmp_path / ("record.txt" if record else "page.txt")
    if record:
        path.write_text("Result achieved\n\nOutcome summary\n\nTestland extended coverage\n\n"
                        f"Outcome achieved\n\n{body}\n", encoding="utf-8")
    else:
        path.write_text(f"Social protection in Testland\n\n{body}\n", encoding="utf-8")
    return path


def relations(tmp_path: Path, body: str, gazetteer: Gazetteer, *, events: tuple[str, ...] = (),
              record: bool = False) -> set[Triple]:
    """The relation triples of ``body``; each phrase in ``events`` is an event entity
    (``id:event/<phrase>``) wherever it is written."""
    document = read_document(_document(tmp_path, body, record))
    regions, entities = prose_entities(document, gazetteer)
    entities = [e for e in entities if e.cls != SPKG.Event]
    for phrase in events:
        mentions = [Mention(Span(m.start(), m.end()), phrase, SPKG.Event, source="event")
                    for m in re.finditer(re.escape(phrase), document.text)]
        entities.append(Entity(mint("event", phrase), SPKG.Event, phrase, mentions))
    facts = read_relations(document, entities, gazetteer, regions)
    return {(f.subject, f.predicate, f.object) for f in facts}


def org(name: str) -> URIRef:
    return mint("organisation", name)


def event(phrase: str) -> URIRef:
    return mint("event", phrase)


def of(found: set[Triple], predicate: URIRef) -> set[Triple]:
    return {t for t in found if t[1] == predicate}


# -- development ----------------------------------------------------------------------------

def test_development_passive_lists_and_active(tmp_path: Path, gazetteer: Gazetteer) -> None:
    policy = mint("policy", "national social protection policy")
    found = relations(tmp_path, "The National Social Protection Policy was drafted by the "
                      "Ministry of Labour and the Employers Federation of Testland.", gazetteer)
    assert {(policy, SPKG.developedBy, org("ministry of labour")),
            (policy, SPKG.developedBy, org("employers federation of testland"))} <= found
    found = relations(tmp_path, "The Ministry of Labour drafted the National Social "
                      "Protection Policy.", gazetteer)
    assert (policy, SPKG.developedBy, org("ministry of labour")) in found


def test_drafted_by_one_together_with_another(tmp_path: Path, gazetteer: Gazetteer) -> None:
    policy = mint("policy", "national social protection policy")
    found = relations(tmp_path, "The National Social Protection Policy was drafted by the "
                      "Ministry of Labour (MOL) together with the Pension Fund.", gazetteer)
    assert (policy, SPKG.developedBy, org("pension fund")) in found
    for body in ("The National Social Protection Policy was drafted by the Ministry of Labour "
                 "with the support of the Pension Fund.",
                 "The National Social Protection Policy was drafted by the Ministry of Labour "
                 "together with experts from the Pension Fund."):
        assert (policy, SPKG.developedBy, org("pension fund")) not in relations(
            tmp_path, body, gazetteer), body


def test_development_look_alikes(tmp_path: Path, gazetteer: Gazetteer) -> None:
    for body in ("The Ministry of Labour drafted a report on the National Social Protection "
                 "Policy.",
                 "The National Social Protection Policy was prepared for the Ministry of Labour.",
                 "The Ministry of Labour was drafted into the National Social Protection Policy "
                 "talks."):
        assert not of(relations(tmp_path, body, gazetteer), SPKG.developedBy), body


# -- adoption -------------------------------------------------------------------------------

def test_adoption_by_a_list(tmp_path: Path, gazetteer: Gazetteer) -> None:
    act = mint("law", "pension act")
    found = relations(tmp_path, "The Pension Act was passed by the National Assembly and the "
                      "Federal Senate on 3 May 2021.", gazetteer)
    assert {(act, SPKG.adoptedBy, org("national assembly")),
            (act, SPKG.adoptedBy, org("federal senate"))} <= found
    adoption = mint("event", "pension-act adoption 2021-05-03")
    assert (adoption, SPKG.date, Literal("2021-05-03", datatype=XSD.date)) in found


def test_a_laws_own_date_is_no_adoption_date(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Pension Act of 4 May 2021, adopted by the National "
                      "Assembly, sets contribution rates.", gazetteer)
    assert (mint("law", "pension act"), SPKG.adoptedBy, org("national assembly")) in found
    assert not [t for t in found if "adoption" in str(t[0])]
    found = relations(tmp_path, "On 4 May 2021, the Pension Act was adopted by the National "
                      "Assembly.", gazetteer)
    assert (mint("event", "pension-act adoption 2021-05-04"), SPKG.participant,
            org("national assembly")) in found


def test_adoption_look_alikes(tmp_path: Path, gazetteer: Gazetteer) -> None:
    for body in ("The Pension Act passed its first reading.",
                 "The Senate passed on the cost to employers."):
        assert not of(relations(tmp_path, body, gazetteer), SPKG.adoptedBy), body



@pytest.mark.parametrize("body", [
    "By Resolution No. 12 of 3 May 2023, the Government of Kenya approved the National "
    "Pension Programme for 2024-2030.",
    "The Government of Kenya approved the National Pension Programme for 2024-2030 on "
    "3 May 2023.",
])
def test_a_plans_period_is_no_adoption_date(tmp_path: Path, gazetteer: Gazetteer,
                                            body: str) -> None:
    """"the Plan for 2024-2030" names its period: the adoption is dated by the other date."""
    programme = mint("programme", "national pension programme")
    found = relations(tmp_path, body, gazetteer)
    dated = {o for s, p, o in found if p == SPKG.date}
    assert dated == {Literal("2023-05-03", datatype=XSD.date)}, body
    assert (programme, SPKG.adoptedBy, mint("organisation", "government of kenya")) in found


def test_a_period_alone_dates_no_adoption(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Government of Kenya approved the National Pension "
                      "Programme (2024-2030).", gazetteer)
    assert not of(found, SPKG.date)

# -- gatherings (events the entity stage names) ---------------------------------------------

WORKSHOP = "national validation workshop"


def test_event_organisers_place_and_date(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Ministry of Labour and the ILO organised a national "
                      "validation workshop in Lusaka on 3 March 2021.", gazetteer,
                      events=(WORKSHOP,))
    assert {(event(WORKSHOP), SPKG.organisedBy, org("ministry of labour")),
            (event(WORKSHOP), SPKG.organisedBy, ILO),
            (event(WORKSHOP), SPKG.locatedIn, mint("place", "lusaka")),
            (event(WORKSHOP), SPKG.date, Literal("2021-03-03", datatype=XSD.date))} <= found
    found = relations(tmp_path, "The national validation workshop, held on 4-5 June 2022, was "
                      "organised jointly by the Social Security Board and the ILO.", gazetteer,
                      events=(WORKSHOP,))
    assert {(event(WORKSHOP), SPKG.organisedBy, org("social security board")),
            (event(WORKSHOP), SPKG.organisedBy, ILO),
            (event(WORKSHOP), SPKG.endDate, Literal("2022-06-05", datatype=XSD.date))} <= found


def test_event_participants(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = ("A national validation workshop was held on 3 March 2021. The workshop brought "
            "together representatives of the Ministry of Labour, the Federation of Employers "
            "and the Congress of Trade Unions to discuss the draft.")
    found = of(relations(tmp_path, text, gazetteer, events=(WORKSHOP,)), SPKG.participant)
    assert found == {(event(WORKSHOP), SPKG.participant, org(name)) for name in (
        "ministry of labour", "federation of employers", "congress of trade unions")}
    found = relations(tmp_path, "The Federation of Employers and the Congress of Trade Unions "
                      "took part in the national validation workshop.", gazetteer,
                      events=(WORKSHOP,))
    assert (event(WORKSHOP), SPKG.participant, org("congress of trade unions")) in found


def test_participants_an_event_was_held_with(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = ("A national validation workshop was held in Lusaka on 3 March 2021 with district "
            "officers, the Federation of Employers and the Congress of Trade Unions.")
    found = of(relations(tmp_path, text, gazetteer, events=(WORKSHOP,)), SPKG.participant)
    assert found == {(event(WORKSHOP), SPKG.participant, org(name)) for name in (
        "federation of employers", "congress of trade unions")}
    text = ("The study was discussed at a national validation workshop in Lusaka on 3 March "
            "2021, chaired by the Ministry of Labour, with the Federation of Employers.")
    found = relations(tmp_path, text, gazetteer, events=(WORKSHOP,))
    assert {(event(WORKSHOP), SPKG.participant, org("federation of employers")),
            (event(WORKSHOP), SPKG.chairedBy, org("ministry of labour"))} <= found
    text = ("The study was discussed at a national validation workshop held in Lusaka on 3 "
            "March 2021 with the Federation of Employers.")
    assert (event(WORKSHOP), SPKG.participant, org("federation of employers")) in relations(
        tmp_path, text, gazetteer, events=(WORKSHOP,))
    for text in ("A national validation workshop was held in Lusaka with the support of the "
                 "Federation of Employers.",
                 "A national validation workshop was held in collaboration with the Federation "
                 "of Employers.",
                 "A national validation workshop discussed the plan with the Federation of "
                 "Employers."):
        assert not of(relations(tmp_path, text, gazetteer, events=(WORKSHOP,)),
                      SPKG.participant), text


def test_a_day_range_is_the_events_first_and_last_day(tmp_path: Path,
                                                      gazetteer: Gazetteer) -> None:
    day = lambda iso: Literal(iso, datatype=XSD.date)  # noqa: E731
    for text, first, last in (
            ("A national validation workshop was held from 20 to 24 March 2023.",
             "2023-03-20", "2023-03-24"),
            ("A national validation workshop was held from 28 February to 2 March 2023.",
             "2023-02-28", "2023-03-02")):
        found = relations(tmp_path, text, gazetteer, events=(WORKSHOP,))
        assert {(event(WORKSHOP), SPKG.date, day(first)),
                (event(WORKSHOP), SPKG.endDate, day(last))} <= found, text
    found = relations(tmp_path, "A national validation workshop was held on 24 March 2023, "
                      "from 9 to 5 pm.", gazetteer, events=(WORKSHOP,))
    assert not of(found, SPKG.endDate)


def test_a_training_is_of_its_trainees_never_of_a_law(tmp_path: Path,
                                                       gazetteer: Gazetteer) -> None:
    text = ("The Pension Act was amended in 2022. A training session for 40 officers of the "
            "Social Security Fund was held in Lusaka on 5 May 2023, organised by the ILO.")
    found = relations(tmp_path, text, gazetteer)
    training = mint("event", "social-security-fund training 2023-05-05")
    assert (training, SPKG.participant, org("social security fund")) in found
    assert not [t for t in found if "pension-act-training" in str(t[0])]
    found = relations(tmp_path, "The Pension Act was amended in 2022. A training was held on "
                      "5 May 2023.", gazetteer)
    assert not [t for t in found if "training" in str(t[0])]


def test_event_place_before_it_or_after_held(tmp_path: Path, gazetteer: Gazetteer) -> None:
    lusaka = mint("place", "lusaka")
    for text in ("Some 200 delegates gathered in Lusaka on 3-4 March 2021 for the national "
                 "validation workshop.",
                 "The scheme was celebrated in Lusaka during the national validation workshop.",
                 "The national validation workshop on extending coverage to workers was held in "
                 "Lusaka on 3 March 2021."):
        found = relations(tmp_path, text, gazetteer, events=(WORKSHOP,))
        assert (event(WORKSHOP), SPKG.locatedIn, lusaka) in found, text
    found = relations(tmp_path, "Workers in Lusaka criticised the national validation "
                      "workshop.", gazetteer, events=(WORKSHOP,))
    assert not of(found, SPKG.locatedIn)


def test_event_supporters_after_its_organisers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = ("Delegates met at the national validation workshop, organised by the Ministry of "
            "Labour and the Social Security Board (SSB) with the support of the ILO and UNICEF.")
    found = relations(tmp_path, text, gazetteer, events=(WORKSHOP,))
    assert {(event(WORKSHOP), SPKG.supportedBy, ILO),
            (event(WORKSHOP), SPKG.organisedBy, org("ministry of labour"))} <= found
    assert (event(WORKSHOP), SPKG.supportedBy, org("ministry of labour")) not in found
    text = ("The national validation workshop reviewed the Child Grant Programme, supported by "
            "the ILO.")
    found = relations(tmp_path, text, gazetteer, events=(WORKSHOP,))
    assert (event(WORKSHOP), SPKG.supportedBy, ILO) not in found


def test_no_one_attends_a_disaster(tmp_path: Path, gazetteer: Gazetteer) -> None:
    cyclone = "Cyclone Testa"
    text = ("The Ministry of Labour launched the Child Grant Programme on 8 May 2023, ten years "
            "after Cyclone Testa. The launch ceremony was attended by the Federation of "
            "Employers.")
    found = relations(tmp_path, text, gazetteer, events=(cyclone,))
    assert not [t for t in found if t[0] == event(cyclone)]


def test_event_look_alikes(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The national validation workshop discussed coverage for "
                      "workers in Lusaka. A report of the national validation workshop was "
                      "shared with the Ministry of Labour.", gazetteer, events=(WORKSHOP,))
    assert not found
    found = relations(tmp_path, "The Ministry of Labour organised transport for the national "
                      "validation workshop.", gazetteer, events=(WORKSHOP,))
    assert not of(found, SPKG.organisedBy)


# -- location -------------------------------------------------------------------------------

def test_organisation_places(tmp_path: Path, gazetteer: Gazetteer) -> None:
    fund = org("national social security fund")
    found = relations(tmp_path, "The National Social Security Fund (NSSF) in Kampala "
                      "registered new members.", gazetteer)
    assert (fund, SPKG.locatedIn, mint("place", "kampala")) in found
    found = relations(tmp_path, "Uganda's National Social Security Fund registered members.",
                      gazetteer)
    assert (fund, SPKG.locatedIn, mint("place", "uganda")) in found


def test_bodies_seated_in_a_place(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "A provincial pension committee in Mwanza reviews claims.",
                      gazetteer)
    assert (org("provincial pension committee"), SPKG.locatedIn, mint("place", "mwanza")) in found
    found = relations(tmp_path, "The Regional Coordination Board, based in Arusha, met twice.",
                      gazetteer)
    assert (org("regional coordination board"), SPKG.locatedIn, mint("place", "arusha")) in found
    found = relations(tmp_path, "The Regional Coordination Board paid benefits to workers in "
                      "Arusha.", gazetteer)
    assert not of(found, SPKG.locatedIn)


def test_an_intervention_in_listed_subdivisions(tmp_path: Path, gazetteer: Gazetteer) -> None:
    project = mint("project", "rural pensions project")
    found = relations(tmp_path, "Tanzania's Rural Pensions Project, funded by the European "
                      "Union, operates in Mwanza, Arusha and Dodoma regions.", gazetteer)
    assert {(project, SPKG.locatedIn, mint("place", name)) for name in (
        "mwanza", "arusha", "dodoma")} <= found
    for body in ("The Rural Pensions Project was discussed at a workshop in Mwanza and Arusha.",
                 "The Rural Pensions Project ended, and enrolment began in Mwanza and Arusha.",
                 "A top-up under the Rural Pensions Project reached households in Mwanza and "
                 "Arusha.",
                 "The Rural Pensions Project supports the Social Security Fund in Mwanza and "
                 "Arusha."):
        found = relations(tmp_path, f"In Tanzania, pensions are low. {body}", gazetteer,
                          events=("workshop",))
        assert (project, SPKG.locatedIn, mint("place", "mwanza")) not in found, body


def test_location_look_alikes(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The National Social Security Fund paid benefits to workers in "
                      "Kampala. The National Social Security Fund invested in Uganda.", gazetteer)
    assert not of(found, SPKG.locatedIn)


# -- partners of a result, SDG targets in prose -----------------------------------------------

def test_partners_of_a_result(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO, in partnership with UNICEF and the World Bank, supported the Ministry of "
            "Labour.")
    found = of(relations(tmp_path, body, gazetteer, record=True), SPKG.partner)
    assert {o for _, _, o in found} == {
        mint("organisation", "united nations childrens fund"),
        mint("organisation", "world bank")} or len(found) == 2
    assert not of(relations(tmp_path, body, gazetteer), SPKG.partner)  # no result: nothing
    look_alike = "The ILO worked on partnership with employers in the Ministry of Labour."
    assert not of(relations(tmp_path, look_alike, gazetteer, record=True), SPKG.partner)


def test_sdg_targets_named_in_a_records_prose(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The reform contributes to SDG target 1.3."
    document = read_document(_document(tmp_path, body, record=True))
    regions, entities = prose_entities(document, gazetteer)
    entry = gazetteer.get(SDG["1.3"])
    assert entry is not None
    at = document.text.index("1.3")
    mention = Mention(Span(at, at + 3), "1.3", SDGO.Target, entry, source="sdg")
    entities = [e for e in entities if e.iri != entry.iri]
    entities.append(Entity(entry.iri, SDGO.Target, entry.label, [mention], entry))
    facts = read_relations(document, entities, gazetteer, regions)
    found = {(f.subject, f.predicate, f.object) for f in facts}
    assert (mint("outcome", "record"), SPKG.contributesToTarget, SDG["1.3"]) in found


# -- implementation -------------------------------------------------------------------------

def test_implementation_passives(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Child Grant Programme, administered by the Department of "
                      "Social Welfare, reaches all districts.", gazetteer)
    assert (mint("programme", "child grant programme"), SPKG.implementedBy,
            org("department of social welfare")) in found
    found = relations(tmp_path, "The Child Grant Programme is implemented by the ILO and the "
                      "World Food Programme (WFP) together with the Department of Social "
                      "Welfare.", gazetteer)
    assert {(mint("programme", "child grant programme"), SPKG.implementedBy, o) for o in (
        ILO, org("department of social welfare"))} <= found
    # an office's name before "administered by" is administered by no one
    found = relations(tmp_path, "The Prime Minister, administered by the Department of Social "
                      "Welfare, spoke.", gazetteer)
    assert not of(found, SPKG.implementedBy)


# -- events referred to in the next sentence ---------------------------------------------

def test_event_pronoun_and_apposition(tmp_path: Path, gazetteer: Gazetteer) -> None:
    dialogue = "high-level dialogue"
    text = ("A high-level dialogue on pensions, co-organised by the National Planning "
            "Commission and the ILO, was held on 5 July 2023. It was attended by the Federation "
            "of Employers and the Congress of Trade Unions.")
    found = relations(tmp_path, text, gazetteer, events=(dialogue,))
    assert {(event(dialogue), SPKG.organisedBy, org("national planning commission")),
            (event(dialogue), SPKG.organisedBy, ILO),
            (event(dialogue), SPKG.participant, org("federation of employers")),
            (event(dialogue), SPKG.participant, org("congress of trade unions"))} <= found
    # "It" after a sentence whose subject is not the event refers to something else
    text = ("The Ministry of Labour spoke at a high-level dialogue on 5 July 2023. It was "
            "attended by the Federation of Employers.")
    assert not of(relations(tmp_path, text, gazetteer, events=(dialogue,)), SPKG.participant)


def test_event_organisers_in_collaboration(tmp_path: Path, gazetteer: Gazetteer) -> None:
    workshop = "national tripartite workshop"
    found = relations(tmp_path, "The Ministry of Labour, Government of Testland, in "
                      "collaboration with the International Labour Organization (ILO) hosted a "
                      "national tripartite workshop on 19-20 May 2008.", gazetteer,
                      events=(workshop,))
    assert of(found, SPKG.organisedBy) == {(event(workshop), SPKG.organisedBy, o) for o in (
        org("ministry of labour"), ILO)}
    found = relations(tmp_path, "He spoke at a national tripartite workshop organised by the ILO "
                      "in collaboration with the Ministry of Health on 10 December 2021.",
                      gazetteer, events=(workshop,))
    assert of(found, SPKG.organisedBy) == {(event(workshop), SPKG.organisedBy, o) for o in (
        org("ministry of health"), ILO)}


# -- support --------------------------------------------------------------------------------

SUPPORT = [
    ("The National Social Protection Policy was developed with ILO support.",
     mint("policy", "national social protection policy"), ILO),
    ("The ILO supported the Ministry of Gender in developing the National Social Protection "
     "Strategy.", mint("policy", "national social protection strategy"), ILO),
    ("With the support of the ILO and UNICEF, the Ministry of Finance costed the pension.",
     org("ministry of finance"), mint("organisation", "united nations childrens fund")),
    ("The ILO provided technical assistance to the Social Security Board and the Ministry of "
     "Labour.", org("ministry of labour"), ILO),
    ("The ILO provided advice to the Social Security Board (SSB) and to the Ministry of "
     "Labour (MOL).", org("ministry of labour"), ILO),
    ("The ILO and the Asian Development Bank (ADB) supported the Ministry of Labour in "
     "costing a child benefit.", org("ministry of labour"), ILO),
    ("The ILO assisted the National Social Security Fund in designing the Maternity Benefit "
     "Scheme.", mint("programme", "maternity benefit scheme"), ILO),
    ("The Health Insurance Scheme, supported by the World Bank and the ILO, covers farmers.",
     mint("programme", "health insurance scheme"), ILO),
    ("The Social Security Agency received technical and financial support from the Government "
     "of Japan.", org("social security agency"), org("government of japan")),
]


@pytest.mark.parametrize(("body", "supported", "supporter"), SUPPORT,
                         ids=[s[0][:40] for s in SUPPORT])
def test_support(tmp_path: Path, gazetteer: Gazetteer, body: str, supported: URIRef,
                 supporter: URIRef) -> None:
    assert (supported, SPKG.supportedBy, supporter) in relations(tmp_path, body, gazetteer)


def test_assistance_under_a_project_is_the_projects_too(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    project = mint("project", "rural pensions project")
    found = relations(tmp_path, "Under the Rural Pensions Project, funded by the European Union, "
                      "the ILO provided technical assistance to the Ministry of Labour.", gazetteer)
    assert {(org("ministry of labour"), SPKG.supportedBy, ILO),
            (org("ministry of labour"), SPKG.supportedBy, project)} <= found
    found = relations(tmp_path, "The ILO provided technical assistance to the Ministry of Labour "
                      "under the Rural Pensions Project's successor.", gazetteer)
    assert (org("ministry of labour"), SPKG.supportedBy, project) not in found


def test_support_look_alikes(tmp_path: Path, gazetteer: Gazetteer) -> None:
    for body in ("The Ministry of Finance asked the ILO for support.",
                 "The ILO and UNICEF, with the Ministry of Finance, met in June.",
                 "The Ministry of Labour assisted at the launch of the Maternity Benefit Scheme.",
                 "Support from the ILO and UNICEF was discussed by the Ministry of Finance."):
        assert not of(relations(tmp_path, body, gazetteer), SPKG.supportedBy), body


def test_adoption_nominal_and_listed(tmp_path: Path, gazetteer: Gazetteer) -> None:
    policy = mint("policy", "national social protection policy")
    found = relations(tmp_path, "Following the adoption of the National Social Protection Policy "
                      "by the Cabinet Office in March 2021, a secretariat was set up.", gazetteer)
    assert (policy, SPKG.adoptedBy, org("cabinet office")) in found
    assert (mint("event", "national-social-protection-policy adoption 2021-03"), SPKG.date,
            Literal("2021-03", datatype=XSD.gYearMonth)) in found
    found = relations(tmp_path, "The National Assembly adopted the Labour Code and the Social "
                      "Insurance Law in 2019.", gazetteer)
    assert {(mint("law", "labour code"), SPKG.adoptedBy, org("national assembly")),
            (mint("law", "social insurance law"), SPKG.adoptedBy, org("national assembly"))
            } <= found
    found = relations(tmp_path, "The adoption of the National Social Protection Policy by the "
                      "Cabinet Office is expected in March 2025.", gazetteer)
    assert not found



def test_support_lists_need_and_before_the_last_supporter(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    """Look-alikes: "to A, then to B" is no list; "A (AA) supported" names only A."""
    found = relations(tmp_path, "The ILO provided advice to the Social Security Board, then "
                      "to the Ministry of Labour.", gazetteer)
    assert (org("ministry of labour"), SPKG.supportedBy, ILO) not in found
    found = relations(tmp_path, "The Ministry of Finance met the ILO. The Asian Development "
                      "Bank (ADB) supported the Ministry of Labour.", gazetteer)
    assert (org("ministry of labour"), SPKG.supportedBy, ILO) not in found


def test_an_event_held_with_support(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """The event a sentence is about, "organised by A with the support of B and C"; an
    event the sentence only mentions gets nothing."""
    conference = "Annual Pension Forum"
    found = relations(tmp_path, "The Annual Pension Forum, held on 4 March 2024, was organised "
                      "by the Ministry of Labour with the support of the ILO and UNICEF.",
                      gazetteer, events=(conference,))
    assert {(event(conference), SPKG.supportedBy, ILO),
            (event(conference), SPKG.supportedBy,
             mint("organisation", "united nations childrens fund"))} <= found
    found = relations(tmp_path, "At the Annual Pension Forum, the Ministry of Labour said a "
                      "clinic was built with the support of the ILO.", gazetteer,
                      events=(conference,))
    assert (event(conference), SPKG.supportedBy, ILO) not in found

# -- coverage of population groups ---------------------------------------------------------

def _covered(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    """(intervention slug, group slug) of every extendsCoverageTo the sentence gives."""
    found = of(relations(tmp_path, body, gazetteer), SPKG.extendsCoverageTo)
    return {(str(s).rsplit("/", 1)[-1], str(o).rsplit("/", 1)[-1]) for s, _, o in found}


@pytest.mark.parametrize("body", [
    "The Ministry of Labour runs the Child Grant Programme for poor households.",
    "The Child Grant Programme, which reached about 1.2 million poor households in 2022, "
    "is run by the Ministry of Labour.",
    "The Child Grant Programme would extend cash transfers to poor households.",
    "Poor households can now join the Child Grant Programme.",
])
def test_an_intervention_reaches_a_population_group(tmp_path: Path, gazetteer: Gazetteer,
                                                    body: str) -> None:
    assert ("child-grant-programme", "poor-households") in _covered(tmp_path, gazetteer, body)


@pytest.mark.parametrize("body", [
    "The Child Grant Programme was evaluated by the Ministry of Labour for poor households.",
    "The Child Grant Programme top-up for poor households starts in 2024.",
    "The Child Grant Programme was discussed with poor households.",
    "Testland set up a social security scheme for poor households.",
])
def test_no_coverage_where_the_group_is_not_reached(tmp_path: Path, gazetteer: Gazetteer,
                                                    body: str) -> None:
    assert not _covered(tmp_path, gazetteer, body), body



def test_a_group_list_ends_at_its_last_and(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"A, B and C, and raises …": the clause after the list does not void the list."""
    body = ("The Pension Act was adopted in 2023. The law extends coverage to fishers, "
            "domestic workers and farmers, and raises the pension age.")
    assert {("pension-act", "fishers"), ("pension-act", "domestic-workers"),
            ("pension-act", "farmers")} <= _covered(tmp_path, gazetteer, body)
    body = ("The Pension Act was adopted in 2023. The law extends coverage to the capital "
            "and its suburbs, and raises the pension age for fishers.")
    assert not _covered(tmp_path, gazetteer, body), body

# -- funding --------------------------------------------------------------------------------

def test_funding_active_and_look_alike(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Government of Japan funds the Employment Injury Project.",
                      gazetteer)
    assert (mint("project", "employment injury project"), SPKG.fundedBy,
            org("government of japan")) in found
    found = relations(tmp_path, "The Employment Injury Project funds the Government of Japan's "
                      "training. The Ministry of Labour funded a study.", gazetteer)
    assert not of(found, SPKG.fundedBy)


def test_place_of_a_dated_event(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Government of Testland launched the Child Grant Programme "
                      "on 5 September 2023 in Kampala.", gazetteer)
    launch = mint("event", "child-grant-programme launch 2023-09-05")
    assert (launch, SPKG.locatedIn, mint("place", "kampala")) in found
    found = relations(tmp_path, "The Pension Act was adopted on 2 May 2021 and extends coverage "
                      "to workers in Kampala.", gazetteer)
    assert not of(found, SPKG.locatedIn)


# -- lifecycle: who launched ------------------------------------------------------------------

def test_launchers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Child Grant Programme, launched by the Ministry of Gender "
                      "in March 2021, covers children.", gazetteer)
    assert (mint("event", "child-grant-programme launch 2021-03"), SPKG.organisedBy,
            org("ministry of gender")) in found
    found = relations(tmp_path, "On 3 May 2022, the Ministry of Labour and the Social Security "
                      "Fund jointly launched the Maternity Benefit Scheme.", gazetteer)
    launch = mint("event", "maternity-benefit-scheme launch 2022-05-03")
    assert {(launch, SPKG.organisedBy, org("ministry of labour")),
            (launch, SPKG.organisedBy, org("social security fund"))} <= found
    found = relations(tmp_path, "The Child Grant Programme was launched in March 2021; it was "
                      "praised by the Ministry of Gender.", gazetteer)
    assert not of(found, SPKG.organisedBy)


def test_support_for_making(tmp_path: Path, gazetteer: Gazetteer) -> None:
    strategy = mint("policy", "national social protection strategy")
    found = relations(tmp_path, "The ILO provided technical and financial support for the "
                      "development of the National Social Protection Strategy through the Social "
                      "Protection Floors Project.", gazetteer)
    assert {(strategy, SPKG.supportedBy, ILO),
            (strategy, SPKG.supportedBy, mint("project", "social protection floors project"))
            } <= found
    found = relations(tmp_path, "The ILO also supported the drafting of the Social Security Bill.",
                      gazetteer)
    assert (mint("law", "social security bill"), SPKG.supportedBy, ILO) in found
    found = relations(tmp_path, "The Ministry of Labour asked the ILO for support in the design "
                      "of the Social Security Bill.", gazetteer)
    assert not of(found, SPKG.supportedBy)


def test_participants_in_the_next_sentence(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = ("A national validation workshop was held on 3 March 2021. Participants included "
            "representatives of the Ministry of Labour and the Federation of Employers.")
    found = of(relations(tmp_path, text, gazetteer, events=(WORKSHOP,)), SPKG.participant)
    assert found == {(event(WORKSHOP), SPKG.participant, org(name)) for name in (
        "ministry of labour", "federation of employers")}
    text = ("The Ministry of Labour met on 3 March 2021 after a national validation workshop. "
            "Participants included the Federation of Employers.")
    assert not of(relations(tmp_path, text, gazetteer, events=(WORKSHOP,)), SPKG.participant)


def test_a_list_ends_after_its_last_acronym(tmp_path: Path, gazetteer: Gazetteer) -> None:
    project = mint("project", "pension reform project")
    found = of(relations(tmp_path, "Under the Pension Reform Project, funded by the Government "
                         "of Japan and the European Union (EU), the ILO trained actuaries.",
                         gazetteer), SPKG.fundedBy)
    assert (project, SPKG.fundedBy, mint("organisation", "european union")) in found
    assert (project, SPKG.fundedBy, ILO) not in found


def test_funding_needs_the_project_as_subject(tmp_path: Path, gazetteer: Gazetteer) -> None:
    project = mint("project", "inclusive pensions project")
    found = relations(tmp_path, "The Inclusive Pensions Project, which supports the Ministry of "
                      "Labour, is funded by the European Union.", gazetteer)
    assert (project, SPKG.fundedBy, mint("organisation", "european union")) in found
    found = relations(tmp_path, "The Inclusive Pensions Project supported the Ministry of Labour "
                      "and its scheme is funded by the Government of Japan.", gazetteer)
    assert not of(found, SPKG.fundedBy)


def test_a_financed_intervention_is_funded(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Child Grant Programme is financed by the World Bank and "
                      "UNICEF.", gazetteer)
    assert (mint("programme", "child grant programme"), SPKG.fundedBy,
            mint("organisation", "united nations childrens fund")) in found
    assert not of(found, SPKG.supportedBy)


def test_partners_are_the_ilos(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour, in collaboration with the Social Security Fund, launched the "
            "scheme.")
    assert not of(relations(tmp_path, body, gazetteer, record=True), SPKG.partner)


# -- membership -----------------------------------------------------------------------------

def test_members_include(tmp_path: Path, gazetteer: Gazetteer) -> None:
    council = org("national social protection council")
    found = relations(tmp_path, "The National Social Protection Council, whose members include "
                      "the Ministry of Finance and the Ministry of Labour, meets twice a year.",
                      gazetteer)
    assert {(org("ministry of finance"), ORG.memberOf, council),
            (org("ministry of labour"), ORG.memberOf, council)} <= found
    found = relations(tmp_path, "The National Social Protection Strategy includes the Ministry of "
                      "Finance. The Ministry of Labour includes the Pension Board in its plans.",
                      gazetteer)
    assert not of(found, ORG.memberOf)


def test_a_launch_at_a_named_ceremony_is_that_event(tmp_path: Path, gazetteer: Gazetteer) -> None:
    ceremony = "ceremony"
    found = relations(tmp_path, "The Ministry of Labour launched the Child Grant Programme at a "
                      "ceremony held in Kampala on 14 March 2023.", gazetteer, events=(ceremony,))
    assert {(event(ceremony), SPKG.concerns, mint("programme", "child grant programme")),
            (event(ceremony), SPKG.organisedBy, org("ministry of labour")),
            (event(ceremony), SPKG.locatedIn, mint("place", "kampala"))} <= found
    assert not [t for t in found if "launch" in str(t[0])]  # no second event


def test_responsibility_joint_support_and_codevelopment(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "The Social Security Fund is responsible for implementing the "
                      "Maternity Benefit Scheme.", gazetteer)
    assert (org("social security fund"), SPKG.implements,
            mint("programme", "maternity benefit scheme")) in found
    found = relations(tmp_path, "The Ministry of Labour is responsible for the Social Security "
                      "Fund.", gazetteer)
    assert not of(found, SPKG.implements)
    found = relations(tmp_path, "The ILO and UNICEF jointly support the National Social "
                      "Protection Council.", gazetteer)
    council = org("national social protection council")
    assert {(council, SPKG.supportedBy, ILO),
            (council, SPKG.supportedBy, mint("organisation", "united nations childrens fund"))
            } <= found
    found = relations(tmp_path, "The Ministry of Labour, in cooperation with the Employers "
                      "Federation, drafted the Social Security Bill.", gazetteer)
    assert of(found, SPKG.developedBy) == {
        (mint("law", "social security bill"), SPKG.developedBy, o)
        for o in (org("ministry of labour"), org("employers federation"))}


def test_a_funder_before_a_supporting_project_is_no_co_supporter(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = relations(tmp_path, "With funding from the Government of Japan, the Pension Reform "
                      "Project supports the Social Security Fund.", gazetteer)
    assert (org("social security fund"), SPKG.supportedBy, org("government of japan")) not in found


@pytest.mark.parametrize("body", [
    "The Pension Fund under the Ministry of Finance pays pensions.",
    "Benefits are paid by the Pension Fund, a legal entity under the Ministry of Finance.",
    "The scheme is run by the Pension Fund (PF) of the Ministry of Finance.",
])
def test_an_organisation_under_a_ministry(tmp_path: Path, gazetteer: Gazetteer,
                                          body: str) -> None:
    assert (org("pension fund"), ORG.subOrganizationOf, org("ministry of finance")) in relations(
        tmp_path, body, gazetteer), body


@pytest.mark.parametrize("body", [
    "The ILO met the Pension Fund under a new agreement with the Ministry of Finance.",
    "The Pension Fund, under pressure from the Ministry of Finance, raised pensions.",
    "The Pension Fund and the Ministry of Finance met.",
])
def test_no_sub_organisation_without_under(tmp_path: Path, gazetteer: Gazetteer,
                                           body: str) -> None:
    assert not of(relations(tmp_path, body, gazetteer), ORG.subOrganizationOf), body
