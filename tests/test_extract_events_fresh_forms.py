"""Event relations in forms a blind batch showed (issue 16): each test a made-up page, and
look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def concerns(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)


def test_a_meeting_on_the_technical_note_concerns_the_note(tmp_path: Path,
                                                           gazetteer: Gazetteer) -> None:
    body = ("The ILO drafted a technical note on maternity cash benefits for the Ministry of "
            "Labour. A validation workshop on the technical note was held in Nairobi on "
            "4 March 2023 with the Central Organization of Trade Unions.")
    found = concerns(tmp_path, gazetteer, body)
    assert any(s.startswith(("validation-workshop", "workshop"))
               and o.startswith("technical-note-on-maternity-cash-benefits")
               for s, o in found), found


def test_a_workshop_on_the_proposed_scheme_concerns_the_scheme(tmp_path: Path,
                                                               gazetteer: Gazetteer) -> None:
    body = ("In 2022 the ILO helped the Ministry of Labour design a Fishers Income Scheme "
            "for coastal fishers. A consultation workshop on the proposed scheme was held in "
            "Mombasa on 12 May 2023 with the Federation of Kenya Employers.")
    found = concerns(tmp_path, gazetteer, body)
    assert any(o == "fishers-income-scheme" for _, o in found), found


def test_a_workshop_on_a_bare_kind_word_concerns_nothing(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    # "on the valuation" names the work, not a document: no topic
    body = ("The ILO supported an actuarial valuation of the National Social Security Fund. "
            "A workshop on the valuation took place in Nairobi on 8 June 2022.")
    found = concerns(tmp_path, gazetteer, body)
    assert not any(o.startswith("actuarial-valuation") for _, o in found), found


def test_a_workshop_on_the_draft_points_at_the_head_not_the_complement(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    # "policy" is in the review's complement, not its head: no topic from it
    body = ("The ILO prepared a gap analysis of the national policy framework. A workshop on "
            "the draft policy was held in Nakuru on 9 May 2023.")
    found = concerns(tmp_path, gazetteer, body)
    assert not any(o.startswith("gap-analysis") for _, o in found), found


def participants(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.participant)


def test_organised_by_one_with_others_makes_them_participants(tmp_path: Path,
                                                              gazetteer: Gazetteer) -> None:
    body = ("The review was discussed at a tripartite workshop in Eldoret on 6 June 2023, "
            "organised by the Ministry of Labour with the Federation of Kenya Employers and "
            "the Central Organization of Trade Unions.")
    found = {o for _, o in participants(tmp_path, gazetteer, body)}
    assert {"federation-of-kenya-employers",
            "central-organization-of-trade-unions"} <= found, found


def test_organised_by_one_with_support_or_a_un_agency_makes_no_participant(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A tripartite workshop in Eldoret on 6 June 2023, organised by the Ministry of "
            "Labour with the ILO, discussed the review. A second workshop in Embu on 9 June "
            "2023, organised by the Ministry of Labour with support from UNICEF, followed.")
    found = {o for _, o in participants(tmp_path, gazetteer, body)}
    assert not found & {"international-labour-organization",
                        "united-nations-childrens-fund"}, found


def organisers(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.organisedBy)


def test_spanish_finite_verb_with_a_town_before_the_event(tmp_path: Path,
                                                          gazetteer: Gazetteer) -> None:
    body = ("El 3 de mayo de 2023, el Ministerio de Trabajo y la OIT realizaron en Cusco un "
            "taller tripartito sobre la protección social de los trabajadores rurales.")
    found = {o for _, o in organisers(tmp_path, gazetteer, body)}
    assert "international-labour-organization" in found, found


def test_a_relative_clause_names_who_held_the_event(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    body = ("The bill builds on a national dialogue on rural pensions that the Ministry of "
            "Labour held in Kisumu on 2-3 March 2023 with support from the ILO.")
    found = {o for _, o in organisers(tmp_path, gazetteer, body)}
    assert found == {"ministry-of-labour"}, found


def test_a_relative_clause_with_another_verb_names_no_organiser(tmp_path: Path,
                                                                gazetteer: Gazetteer) -> None:
    body = ("The bill builds on a national dialogue on rural pensions in Kisumu on 2 March "
            "2023 that the Ministry of Labour welcomed.")
    assert not organisers(tmp_path, gazetteer, body)


def test_took_part_with_no_object_points_at_the_gathering_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour held a national dialogue on rural pensions in Kisumu on "
            "2 March 2023. The Federation of Kenya Employers and the Central Organization of "
            "Trade Unions took part, together with farmers' groups.")
    found = {o for _, o in participants(tmp_path, gazetteer, body)}
    assert {"federation-of-kenya-employers",
            "central-organization-of-trade-unions"} <= found, found


def test_took_part_in_something_else_is_no_participation(tmp_path: Path,
                                                          gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour held a national dialogue on rural pensions in Kisumu on "
            "2 March 2023. The Federation of Kenya Employers took part in drafting the bill.")
    assert not participants(tmp_path, gazetteer, body)


def test_a_forum_on_the_future_of_a_scheme_concerns_the_scheme(tmp_path: Path,
                                                               gazetteer: Gazetteer) -> None:
    body = ("Employers and workers met in Kisumu on 2 March 2023 for a national forum on the "
            "future of the Fishers Income Scheme (FIS).")
    found = {o for _, o in concerns(tmp_path, gazetteer, body)}
    assert "fishers-income-scheme" in found, found
