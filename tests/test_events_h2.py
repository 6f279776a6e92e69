"""Events and their relations (issue 16, task H2): trainings of people no body names,
trainings said by the noun ("received a training"), a second training dated by its month,
"organised by the ministry with A and B" in lowercase, and lists that a new clause ends;
made-up sentences, with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs
from rdflib import RDF

from spkg.ingest.dates import bare_month
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.records import Fact
from spkg.namespace import SPKG


def _trainings(facts: list[Fact]) -> set[str]:
    return {str(f.subject).rsplit("/", 1)[-1] for f in facts
            if f.predicate == RDF.type and f.object == SPKG.Training}


def test_people_of_no_named_body_trained_in_a_town(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Officials of the regional labour and welfare offices were trained in Arusha in "
            "March 2023 on case management.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Tanzania")
    assert _trainings(facts) == {"training-2023-03"}
    assert ("training-2023-03", "arusha") in slug_pairs(facts, SPKG.locatedIn)
    assert not slug_pairs(facts, SPKG.participant)


def test_people_trained_in_french_with_an_opening_date(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("En mai 2022, des agents des caisses régionales ont été formés à Thiès sur le "
            "recouvrement des cotisations.")
    facts = page_facts(tmp_path, gazetteer, body, "Protection sociale au Sénégal")
    assert _trainings(facts) == {"training-2022-05"}


def test_a_body_whose_staff_were_trained_is_read_once(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO supported the Ministry of Labour and Social Welfare. Inspectors of the "
            "ministry were trained in Lusaka in August 2021.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    assert _trainings(facts) == {"ministry-of-labour-and-social-welfare-training-2021-08"}


def test_people_trained_without_a_date_give_no_training(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "Officials of the district offices were trained on the new benefit rules."
    assert not _trainings(page_facts(tmp_path, gazetteer, body, "Social protection in Malawi"))


def test_staff_who_received_a_training_organised_by_the_ilo(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Entre el 3 y el 7 de junio de 2024, funcionarios del Instituto Hondureño de "
            "Seguridad Social (IHSS) recibirán una formación en Tegucigalpa sobre la "
            "afiliación, organizada por la OIT.")
    facts = page_facts(tmp_path, gazetteer, body, "Protección social en Honduras")
    event = "instituto-hondureno-de-seguridad-social-training-2024-06-03"
    assert _trainings(facts) == {event}
    assert (event, "instituto-hondureno-de-seguridad-social") in slug_pairs(
        facts, SPKG.participant)
    assert (event, "international-labour-organization") in slug_pairs(facts, SPKG.organisedBy)
    assert (event, "tegucigalpa") in slug_pairs(facts, SPKG.locatedIn)


def test_a_second_training_takes_the_first_ones_trainees_and_year(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A training on contribution collection for officers of the National Pension "
            "Authority (NPA) will be held in Kampala on 4-6 March 2025, and a second in Gulu in "
            "May.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Uganda")
    second = "national-pension-authority-training-2025-05"
    assert second in _trainings(facts)
    assert (second, "national-pension-authority") in slug_pairs(facts, SPKG.participant)
    assert (second, "gulu") in slug_pairs(facts, SPKG.locatedIn)


def test_a_second_course_for_other_trainees_is_named_by_its_date(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("En abril de 2023, funcionarios del Instituto Hondureño de Seguridad Social "
            "recibieron una formación en Tegucigalpa, y en octubre se prevé un segundo curso en "
            "San Pedro Sula para las oficinas regionales.")
    facts = page_facts(tmp_path, gazetteer, body, "Protección social en Honduras")
    assert "training-2023-10" in _trainings(facts)
    assert not any(event == "training-2023-10" for event, _ in slug_pairs(
        facts, SPKG.participant))


def test_a_second_phase_is_no_training(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Officers of the National Pension Authority were trained in Kampala in March 2025, "
            "and a second phase of the reform starts in June.")
    trainings = _trainings(page_facts(tmp_path, gazetteer, body, "Social protection in Uganda"))
    assert trainings == {"national-pension-authority-training-2025-03"}


def test_a_bare_month_is_read_only_where_the_text_writes_one() -> None:
    assert bare_month("a second in Gulu in May.", 0, 24, "2025") is not None
    assert bare_month("en octubre se prevé", 0, 19, "2023") is not None
    assert bare_month("which in may be extended", 0, 24, "2025") is None
    assert bare_month("in June 2024", 0, 12, "2025") is None  # a full date, read elsewhere


def test_organised_by_the_ministry_in_lowercase_with_partners(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministério da Administração Pública, Trabalho e Segurança Social prepared the "
            "draft. It was validated at a tripartite workshop in Lubango on 2-3 May 2023, "
            "organised by the ministry with the União Nacional dos Trabalhadores Angolanos "
            "(UNTA), the Central Geral de Sindicatos Independentes e Livres de Angola (CGSILA) "
            "and the Câmara de Comércio e Indústria de Angola (CCIA).")
    facts = page_facts(tmp_path, gazetteer, body, "Proteção social em Angola")
    organisers = {o for _, o in slug_pairs(facts, SPKG.organisedBy)}
    participants = {o for _, o in slug_pairs(facts, SPKG.participant)}
    assert "ministerio-da-administracao-publica-trabalho-e-seguranca-social" in organisers
    assert {"uniao-nacional-dos-trabalhadores-angolanos",
            "camara-de-comercio-e-industria-de-angola"} <= participants


def test_organised_by_the_ministry_before_any_ministry_is_named_gives_no_organiser(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A tripartite workshop was held in Lubango on 2-3 May 2023, organised by the "
            "ministry with the União Nacional dos Trabalhadores Angolanos (UNTA).")
    facts = page_facts(tmp_path, gazetteer, body, "Proteção social em Angola")
    assert not slug_pairs(facts, SPKG.organisedBy)


def test_a_new_clause_ends_the_list_of_a_meetings_participants(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The review was presented in Lautoka on 8 May 2022 at a tripartite meeting with the "
            "Fiji Commerce and Employers Federation (FCEF), and the ILO later trained ten "
            "officers of the Fiji National Provident Fund in Suva in June 2022.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Fiji")
    meeting = {o for e, o in slug_pairs(facts, SPKG.participant) if "meeting" in e}
    organisers = {o for e, o in slug_pairs(facts, SPKG.organisedBy) if "training" in e}
    assert "international-labour-organization" not in meeting
    assert organisers == {"international-labour-organization"}



def _subjects(facts: list[Fact]) -> set[str]:
    return {str(f.subject).rsplit("/", 1)[-1] for f in facts}


def test_information_sessions_held_by_two_bodies(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In August 2024 the ILO and the National Pension Fund (NPF) will hold information "
            "sessions for domestic workers in Apia.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Samoa")
    assert {("information-sessions-2024-08", "international-labour-organization"),
            ("information-sessions-2024-08", "national-pension-fund")} <= slug_pairs(
        facts, SPKG.organisedBy)


def test_a_bare_or_training_session_is_no_gathering(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Pension Fund held sessions in May 2024. A training session for "
            "officers of the National Pension Fund was held in Apia on 3 June 2024.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Samoa")
    assert not any("session" in subject for subject in _subjects(facts))
    assert _trainings(facts) == {"national-pension-fund-training-2024-06-03"}
