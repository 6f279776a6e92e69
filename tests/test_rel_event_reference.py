"""An event referred to in the next sentence: a launch a rule made ("A and B launched X on
D. The launch ceremony was attended by …"), and an event named after a press release's
dateline ("NAIROBI (ILO News) – The X Forum, held … It brought together A, B and C")."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def participants(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    """(event slug, participant slug) of every participant the page gives."""
    facts = page_facts(tmp_path, gazetteer, body)
    return slug_pairs(facts, SPKG.participant)


def test_a_launch_made_by_a_rule_is_the_next_sentences_ceremony(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour and the ILO launched the Rural Pension Programme in "
            "Nairobi on 8 November 2023. The launch ceremony was attended by the Federation "
            "of Kenya Employers and the Central Organization of Trade Unions.")
    found = participants(tmp_path, gazetteer, body)
    launch = "rural-pension-programme-launch-2023-11-08"
    assert {(launch, "federation-of-kenya-employers"),
            (launch, "central-organization-of-trade-unions")} <= found


def test_a_launch_two_sentences_back_is_not_it(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour launched the Rural Pension Programme on 8 November 2023. "
            "Enrolment opened in January. It brought together the Federation of Kenya "
            "Employers and the Central Organization of Trade Unions.")
    assert not participants(tmp_path, gazetteer, body)


def test_it_after_a_dateline_is_the_event_named_first(tmp_path: Path,
                                                      gazetteer: Gazetteer) -> None:
    body = ("NAIROBI (ILO News) – The Second National Pension Conference, held in Nairobi on "
            "20-21 May 2024, was organised by the Ministry of Labour. It brought together "
            "the Federation of Kenya Employers and the Central Bank of Kenya.")
    found = participants(tmp_path, gazetteer, body)
    assert {event for event, _ in found} and all(
        "pension-conference" in event for event, _ in found), found
    assert {p for _, p in found} >= {"federation-of-kenya-employers", "central-bank-of-kenya"}


def test_discussed_with_them_at_a_meeting(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"The X Office prepared a note and discussed it with A at a technical meeting in T on
    D": A and the Office took part; "discussed it with A" and no gathering gives nothing."""
    body = ("The Federation of Kenya Employers prepared a note on contributions in 2021 and "
            "discussed it with the Central Organization of Trade Unions (COTU) at a technical "
            "meeting in Nairobi on 22 November 2021.")
    found = participants(tmp_path, gazetteer, body)
    assert {("technical-meeting-2021-11-22", "central-organization-of-trade-unions"),
            ("technical-meeting-2021-11-22", "federation-of-kenya-employers")} <= found, found
    body = ("The Federation of Kenya Employers prepared a note on contributions in 2021 and "
            "discussed it with the Central Organization of Trade Unions in Nairobi.")
    assert not participants(tmp_path, gazetteer, body)


def test_held_with_named_support_is_no_participant(tmp_path: Path,
                                                   gazetteer: Gazetteer) -> None:
    """"… was held in T on D with ILO support": the ILO supported it, it did not take part;
    "… was held in T on D with the Federation of Kenya Employers" still did."""
    body = ("A tripartite round table on pensions was held in Nairobi on 5 September 2024 "
            "with ILO support.")
    assert not participants(tmp_path, gazetteer, body)
    body = ("A tripartite round table on pensions was held in Nairobi on 5 September 2024 "
            "with the Federation of Kenya Employers.")
    assert any(p == "federation-of-kenya-employers"
               for _, p in participants(tmp_path, gazetteer, body))
