"""Events the events recogniser family reads (spkg.ingest.mentions.events), on made-up
sentences, with look-alikes that must give nothing."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def events(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/event/" in str(e.iri)}


def test_a_tropical_cyclone_keeps_its_whole_name(gazetteer: Gazetteer) -> None:
    assert events("Tropical Cyclone Harold struck Vanuatu.", gazetteer) == {
        "event/tropical-cyclone-harold"}


def test_a_gathering_over_days_is_dated_by_its_first(gazetteer: Gazetteer) -> None:
    text = ("Unions met at a tripartite workshop held in Mombasa on 3 and 4 May 2022, then "
            "at a national seminar in Nakuru from 9-10 June 2022.")
    assert events(text, gazetteer) == {"event/tripartite-workshop-2022-05-03",
                                       "event/national-seminar-2022-06-09"}


def test_what_a_gathering_is_on_is_part_of_its_name(gazetteer: Gazetteer) -> None:
    text = ("A national dialogue on care work held in Dakar on 5 April 2022 and a regional "
            "forum on social health protection in Abuja on 6 April 2022 followed.")
    assert events(text, gazetteer) == {
        "event/national-dialogue-on-care-work-2022-04-05",
        "event/regional-forum-on-social-health-protection-2022-04-06"}


def test_a_qualified_meeting_is_an_event_a_bare_one_or_a_ceremony_is_not(
        gazetteer: Gazetteer) -> None:
    text = ("The plan was discussed at a technical meeting in Accra on 2 March 2021. The "
            "Act was launched at a ceremony in Kumasi on 9 March 2021, after a meeting on "
            "8 March 2021, and a review meeting of the Pension Fund on 10 March 2021.")
    assert events(text, gazetteer) == {"event/technical-meeting-2021-03-02"}


def test_a_gatherings_topic_stops_before_its_verb(gazetteer: Gazetteer) -> None:
    text = "A round table on pension reform took place in Osh on 4 May 2019."
    assert events(text, gazetteer) == {"event/round-table-on-pension-reform-2019-05-04"}


def test_a_gathering_on_an_action_is_named_without_it(gazetteer: Gazetteer) -> None:
    text = "A national dialogue on extending maternity cover was held in Gulu on 3 May 2022."
    assert events(text, gazetteer) == {"event/national-dialogue-2022-05-03"}
