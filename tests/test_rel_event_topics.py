"""What a gathering was about, stated other than "a workshop on X" (rules "presented-at"
and "discussed-at"): made-up press-release sentences, and look-alikes giving nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def topics(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    """(event slug without its date, topic slug) of every concerns the page gives, but
    for the events rules make themselves (adoptions, launches)."""
    facts = page_facts(tmp_path, gazetteer, body)
    return {(str(f.subject).rsplit("/", 1)[-1].rsplit("-", 3)[0],
             str(f.object).rsplit("/", 1)[-1])
            for f in facts if f.predicate == SPKG.concerns
            and not any(k in str(f.subject) for k in ("adoption", "launch", "establishment"))}


@pytest.mark.parametrize(("body", "expected"), [
    ("An actuarial valuation of the National Pension Fund, prepared with support from the "
     "ILO, was validated at a national workshop held in Nairobi on 4 May 2023.",
     ("national-workshop", "actuarial-valuation-of-the-national-pension-fund")),
    ("A costing study of the child benefit prepared by the ILO and presented at a "
     "consultation in Mombasa on 3 June 2022 was welcomed by the unions.",
     ("consultation", "costing-study-of-the-child-benefit")),
    ("The Cabinet approved the Pension Amendment Bill in 2023. A tripartite round table on "
     "the draft bill was held in Nairobi on 7 June 2023 with the unions.",
     ("tripartite-round-table", "pension-amendment-bill")),
    ("A round table was held in Kisumu on 5 September 2024; it discussed the findings of a "
     "review of the pension system carried out by the ILO.",
     ("round-table", "review-of-the-pension-system")),
    # the findings of the study named before: five blind batches of six annotate the study
    ("The ILO prepared a review of the pension system. Its findings were presented at a "
     "national workshop held in Nairobi on 4 May 2023.",
     ("national-workshop", "review-of-the-pension-system")),
])
def test_a_gathering_about_a_study_or_law(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                          expected: tuple[str, str]) -> None:
    assert expected in topics(tmp_path, gazetteer, body), body


@pytest.mark.parametrize("body", [
    # "the valuation" may be a study's: only laws and policies are read after "on the"
    "The ILO prepared an actuarial valuation of the fund. A workshop on the valuation took "
    "place in Nairobi on 2 June 2022.",
    # the thing presented is a person's speech, no study or law
    "The minister presented awards at a national workshop held in Nairobi on 4 May 2023.",
])
def test_no_topic_where_none_is_stated(tmp_path: Path, gazetteer: Gazetteer,
                                       body: str) -> None:
    found = topics(tmp_path, gazetteer, body)
    assert not found, (body, found)
