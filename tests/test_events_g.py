"""Events and laws (issue 16, F1): classes of false hits and misses that recur across the
annotated batches, each tested on made-up sentences, with look-alikes that must keep working."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def chairs(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.chairedBy)


# -- a person named by office chairs nothing the guide annotates ----------------------------

def test_chaired_by_a_minister_is_a_person(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The report was validated at a tripartite workshop in Lusaka on 25-26 April 2024, "
            "chaired by the Minister of Labour and organised with the ILO.")
    assert chairs(tmp_path, gazetteer, body) == set()


def test_chaired_by_a_deputy_minister_is_a_person(tmp_path: Path, gazetteer: Gazetteer
                                                   ) -> None:
    body = ("The ILO held a national consultation in Kitwe on 3 May 2023, chaired by the "
            "Deputy Minister of Labour and Social Security.")
    assert chairs(tmp_path, gazetteer, body) == set()


def test_chaired_by_the_ministry_still_chairs(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The report was validated at a tripartite workshop in Ndola on 2 May 2024, "
            "chaired by the Ministry of Labour and Social Security.")
    found = chairs(tmp_path, gazetteer, body)
    assert any(o == "ministry-of-labour-and-social-security" for _, o in found), found
