"""Adoptions, entries into force and events of fresh-7..9's error classes, on made-up
sentences in English, French, Spanish and Portuguese (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.namespace import SPKG


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _dated(facts: list[object], cls: object) -> set[str]:
    """Slugs of the events of class ``cls`` among ``facts``."""
    return {str(f.subject).rsplit("/", 1)[-1] for f in facts  # type: ignore[attr-defined]
            if f.object == cls}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("body", "event"), [
    # the dot of Portuguese "n.º" ends no clause: the date after the number dates the verb
    ("The Conselho de Ministros approved Decreto Presidencial n.º 12/19 on 3 May 2019; it "
     "entered into force on 1 July 2019.", "decreto-presidencial-n-12-19-adoption-2019-05-03"),
    ("O Conselho de Ministros aprovou o Decreto-Lei n.º 7/2020 em 2 de março de 2020.",
     "decreto-lei-n-7-2020-adoption-2020-03-02"),
    # the year of a law's number or title is not the day of its adoption
    ("The National Assembly passed the Pension Fund Act, 2022 (Act No. 3 of 2022) on "
     "14 June 2022.", "pension-fund-act-2022-adoption-2022-06-14"),
    ("In April 2024 the Asamblea Legislativa passed Ley N.º 318 de 2024, which amends the "
     "Código de Trabajo.", "ley-n-318-adoption-2024-04"),
])
def test_adoption_dated_by_the_day_after_the_number(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert event in _dated(facts, SPKG.Adoption)
    assert len(_dated(facts, SPKG.Adoption)) == 1


@pytest.mark.parametrize(("body", "event"), [
    ("The Social Insurance Regulations 2021 of the Ministry of Labour and Social Welfare "
     "(MoLSW), in force from 1 March 2022, cover domestic workers.",
     "social-insurance-regulations-2021-entry-into-force-2022-03-01"),
    ("Le décret n° 2019-77 du Ministère de la Santé, en vigueur depuis le 1er janvier 2020, "
     "couvre les artisans.", "decret-n-2019-77-entry-into-force-2020-01-01"),
])
def test_in_force_aside_after_the_issuer(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                         event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert event in _dated(facts, SPKG.EntryIntoForce)


def test_the_year_of_the_number_dates_the_adoption_when_nothing_else_does(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    """Without another date, the law's own year still dates its adoption."""
    facts = page_facts(tmp_path, gazetteer,
                       "The National Assembly passed Ley N° 55 de 2021.",
                       "Social protection in Ruritania")
    assert _dated(facts, SPKG.Adoption) == {"ley-n-55-adoption-2021"}
    assert ("ley-n-55", "national-assembly") in slug_pairs(facts, SPKG.adoptedBy)


@pytest.mark.parametrize(("body", "event", "organiser", "members"), [
    # "The workshop was organised by A with B and C": B and C took part
    ("The ILO presented a costing of a child benefit at a national workshop in Gitega on "
     "4 May 2023. The workshop was organised by the Ministry of Public Service with the "
     "Association of Employers of Ruritania (AER) and the Ruritanian Trade Union "
     "Confederation (RTUC).", "national-workshop-2023-05-04", "ministry-of-public-service",
     {"association-of-employers-of-ruritania", "ruritanian-trade-union-confederation"}),
    # "Organisé par A, il a réuni B, C et D": the gathering named a sentence before
    ("Un atelier de validation s'est tenu à Mopti le 12 mars 2022. Organisé par le Ministère "
     "de la Santé, il a réuni la Caisse nationale de prévoyance sociale (CNPS) et la "
     "Confédération syndicale des travailleurs (CST).", "atelier-de-validation-2022-03-12",
     "ministere-de-la-sante",
     {"caisse-nationale-de-prevoyance-sociale", "confederation-syndicale-des-travailleurs"}),
    # "Les participants, dont A et B, ont examiné …": the list in apposition, nothing after
    ("Le Ministère du Travail a organisé un atelier national à Kindia le 5 juin 2023. Les "
     "participants, dont la Caisse nationale de retraite (CNR) et l'Union des travailleurs "
     "libres (UTL), ont examiné l'étude préparée par le BIT.", "atelier-national-2023-06-05",
     "ministere-du-travail",
     {"caisse-nationale-de-retraite", "union-des-travailleurs-libres"}),
    ("El Ministerio de Trabajo organizó un foro nacional en Cobán el 9 de agosto de 2022. Los "
     "participantes, entre ellos la Cámara del Agro (CA) y la Central Sindical Unitaria "
     "(CSU), revisaron el informe de la OIT.", "foro-nacional-2022-08-09",
     "ministerio-de-trabajo", {"camara-del-agro", "central-sindical-unitaria"}),
])
def test_participants_of_a_gathering_named_before(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str, organiser: str,
        members: set[str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    participants = {o for s, o in slug_pairs(facts, SPKG.participant) if s == event}
    assert participants == members  # the ILO, named after the list, is none of them
    assert (event, organiser) in slug_pairs(facts, SPKG.organisedBy)


def test_an_ilo_unit_after_with_takes_no_part(tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "Employers and workers met in Lilongwe on 2 May 2023 for a national "
                       "forum. The forum was organised by the Ministry of Labour with the ILO "
                       "Country Office for Zambia, Malawi and Mozambique and the Employers "
                       "Consultative Association of Malawi (ECAM).",
                       "Social protection in Malawi")
    participants = {o for s, o in slug_pairs(facts, SPKG.participant)}
    assert "employers-consultative-association-of-malawi" in participants
    assert not {p for p in participants if p.startswith("ilo-")}
    # it co-organised the forum
    assert ("national-forum-2023-05-02",
            "ilo-country-office-for-zambia-malawi-and-mozambique") in slug_pairs(
        facts, SPKG.organisedBy)


@pytest.mark.parametrize(("body", "pair"), [
    # "It" after a sentence whose subject is a body: the one law that sentence named
    ("The National Assembly adopted the Social Security Act 2019 on 2 May 2019. It amends "
     "the Pensions Act 1998.", ("social-security-act-2019", "pensions-act-1998")),
    # "…, which was amended by …": the relative pronoun before the passive
    ("Members save in a fund established by the Provident Fund Act 2001, which was amended "
     "by the Provident Fund (Amendment) Act 2016.",
     ("provident-fund-amendment-act-2016", "provident-fund-act-2001")),
    # the amended text named by words no recogniser reads, its number in brackets
    ("El Congreso aprobó la Ley N° 88 de 2022, que modifica el Estatuto Orgánico del Instituto "
     "de Previsión (Ley 12 de 1999).", ("ley-n-88", "ley-12")),
])
def test_amendments_said_around_the_names(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                          pair: tuple[str, str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert pair in slug_pairs(facts, SPKG.amends)


def test_it_amends_after_two_laws_names_neither(tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "The National Assembly adopted the Social Security Act 2019 and the "
                       "Health Act 2019 on 2 May 2019. It amends the Pensions Act 1998.",
                       "Social protection in Ruritania")
    assert not slug_pairs(facts, SPKG.amends)


@pytest.mark.parametrize(("body", "pair"), [
    ("A tripartite round table on the draft law was held in Tripoli on 3-4 May 2022 with the "
     "Ministry of Labour. Parliament adopted Law No. 45 on 9 November 2022.",
     ("tripartite-round-table-2022-05-03", "law-no-45")),
    ("The draft decree was validated at a national workshop held in Bobo-Dioulasso on "
     "2 March 2021. The Council of Ministers adopted Decree No. 2021-118 on 7 April 2021.",
     ("national-workshop-2021-03-02", "decree-no-2021-118")),
    ("Le projet de décret a été examiné lors d'un atelier de validation tenu à Lomé le "
     "5 mai 2020. Le Conseil des ministres a adopté le décret n° 2020-77 le 3 juin 2020.",
     ("atelier-de-validation-2020-05-05", "decret-n-2020-77")),
])
def test_a_gathering_on_the_draft_concerns_the_law_adopted(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert pair in slug_pairs(facts, SPKG.concerns)


def test_a_draft_of_a_kind_named_twice_concerns_neither(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "A tripartite round table on the draft law was held in Tripoli on 3 May "
                       "2022. Parliament adopted Law No. 45 in 2022 and Law No. 46 in 2023.",
                       "Social protection in Ruritania")
    assert not {o for s, o in slug_pairs(facts, SPKG.concerns)
                if s == "tripartite-round-table-2022-05-03"}


@pytest.mark.parametrize(("body", "event", "place", "recipient"), [
    # the year the study names is not the day of the handover
    ("On 4 March 2024 the ILO handed the 2023 actuarial valuation of the Social Security "
     "Fund to the Fund's Board of Trustees in Kampala.", "handover-2024-03-04", "kampala",
     "board-of-trustees"),
    ("The ILO presented the 2022 actuarial review of the pension scheme to the "
     "Ministry of Finance in Blantyre on 9 May 2023.", "presentation-2023-05-09", "blantyre",
     "ministry-of-finance"),
])
def test_a_handover_of_a_study_named_with_its_year(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str, place: str,
        recipient: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert (event, "international-labour-organization") in slug_pairs(facts, SPKG.organisedBy)
    assert (event, place) in slug_pairs(facts, SPKG.locatedIn)
    assert (event, recipient) in slug_pairs(facts, SPKG.participant)


@pytest.mark.parametrize("body", [
    "On 2 May 2023 the Ministry of Social Welfare launched an emergency cash top-up under the "
    "Social Cash Transfer Programme for flood-affected households.",
    "Le 4 juin 2022, le Ministère de l'Action sociale a lancé une campagne d'enregistrement "
    "dans le cadre du Programme national de bourses familiales.",
])
def test_a_programme_something_unnamed_runs_under_is_not_launched(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert not _dated(facts, SPKG.Launch)


def test_a_new_phase_of_a_project_is_still_its_launch(tmp_path: Path,
                                                      gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "The ILO and the Social Fund launched a new phase of the Rural "
                       "Employment Project in Kisumu on 3 May 2024.",
                       "Social protection in Kenya")
    assert _dated(facts, SPKG.Launch) == {"rural-employment-project-launch-2024-05-03"}


@pytest.mark.parametrize("body", [
    "During the COVID-19 pandemic, the Social Welfare Fund paid income support from May 2020 "
    "to workers who lost their jobs.",
    "Durante la pandemia de COVID-19, el Instituto de Seguridad Social pagó subsidios desde "
    "abril de 2020.",
    "After the Ebola outbreak, the Ministry of Health launched cash transfers in June 2015.",
])
def test_an_event_in_an_opening_phrase_is_not_dated_by_the_main_clause(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    dated = {s for s, _ in slug_pairs(facts, SPKG.date)}
    assert not {s for s in dated if "pandemic" in s or "pandemia" in s or "outbreak" in s}


@pytest.mark.parametrize(("body", "event"), [
    ("The Government declared a state of disaster because of drought on 12 March 2019.",
     "drought-2019-03-12"),
    ("Le Gouvernement a déclaré l'état de catastrophe à cause des inondations le 3 mai 2021.",
     "inondations-2021-05-03"),
    ("El Gobierno declaró la emergencia debido a las inundaciones el 2 de abril de 2023.",
     "inundaciones-2023-04-02"),
])
def test_a_hazard_given_as_a_cause_is_dated_by_its_day(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert event in {s for s, _ in slug_pairs(facts, SPKG.date)}


def test_a_workshop_on_drought_is_no_disaster(tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "Payments were delayed due to floods in the north, and a workshop on "
                       "drought on 3 May 2022 discussed the response.",
                       "Social protection in Ruritania")
    assert not {s for s, _ in slug_pairs(facts, SPKG.date) if s.startswith(("drought",
                                                                            "floods"))}


@pytest.mark.parametrize(("body", "event", "bodies"), [
    ("In March 2022 the ILO trained 40 officers of the National Pension Fund and of the "
     "National Health Insurance Fund (NHIF) in Kasama.", "national-pension-fund-training-2022-03",
     {"national-pension-fund", "national-health-insurance-fund"}),
    ("In June 2023 the ILO trained staff of the Social Security Board and the Labour "
     "Department in Mandalay.", "social-security-board-training-2023-06",
     {"social-security-board", "labour-department"}),
])
def test_every_body_whose_staff_were_trained_takes_part(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str, bodies: set[str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert {o for s, o in slug_pairs(facts, SPKG.participant) if s == event} == bodies


def test_a_quoted_name_does_not_end_the_list_of_participants(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "The findings were discussed at a tripartite round table in Bishkek on "
                       "4 May 2023, organised by the Ministry of Labour with the Union of "
                       "Employers \"Ishker\" and the Federation of Trade Unions of Kyrgyzstan "
                       "(FTUK).",
                       "Social protection in Kyrgyzstan")
    assert {o for s, o in slug_pairs(facts, SPKG.participant)
            if s == "tripartite-round-table-2023-05-04"} == {
        "union-of-employers", "federation-of-trade-unions-of-kyrgyzstan"}


def test_a_list_ending_in_a_name_no_recogniser_read_is_still_a_list(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "A tripartite round table on the ratification of the Maternity "
                       "Protection Convention, 2000 (No. 183) was held in Skopje on 6 June 2024 "
                       "by the Economic and Social Council of the Republic of North Macedonia, "
                       "with the Organisation of Employers of Macedonia (OEM), the Federation of "
                       "Trade Unions of Macedonia (FTUM) and the Union Branch \"Solidarnost\".",
                       "Social protection in North Macedonia")
    participants = {o for s, o in slug_pairs(facts, SPKG.participant)}
    assert {"organisation-of-employers-of-macedonia",
            "federation-of-trade-unions-of-macedonia"} <= participants
