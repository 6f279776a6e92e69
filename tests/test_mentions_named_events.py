"""Named gatherings are dated: two countries' (or two years') gatherings of one name are two
events, so a folder holding both builds (spkg.ingest.mentions.events, docs/extraction.md).

The two press releases below are made up for this test.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from spkg.cli import main
from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span

MALAWI = """Malawi holds its first National Pensions Forum Conference

Press release | Lilongwe, Malawi | 14 March 2023
LILONGWE (ILO News) - The First National Pensions Forum Conference took place in Lilongwe on \
8-9 March 2023, organised by the Ministry of Labour with the support of the ILO.

The National Pensions Forum Conference called for a review of survivors' benefits.
"""

GHANA = """Ghana's First National Pensions Forum Conference opens in Accra

Press release | Accra, Ghana | 2 October 2024
ACCRA (ILO News) - Employers and unions met in Accra on 30 September 2024 for the First \
National Pensions Forum Conference, organised by the Ministry of Employment and Labour \
Relations with the support of the ILO.
"""


def events(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/event/" in str(e.iri)}


def test_a_named_gathering_its_text_dates_is_named_with_its_first_day(
        gazetteer: Gazetteer) -> None:
    # the headline and the last paragraph name it without a date, or without "First"
    assert events(MALAWI, gazetteer) == {
        "event/first-national-pensions-forum-conference-2023-03-08"}
    assert events(GHANA, gazetteer) == {
        "event/first-national-pensions-forum-conference-2024-09-30"}


def test_an_undated_named_gathering_and_a_disaster_keep_their_name(
        gazetteer: Gazetteer) -> None:
    text = ("The Regional Social Security Summit discussed the recovery from Cyclone Mora, "
            "which struck on 30 May 2017.")
    assert events(text, gazetteer) == {"event/regional-social-security-summit",
                                       "event/cyclone-mora"}


def test_the_year_in_a_name_does_not_date_it(gazetteer: Gazetteer) -> None:
    text = "The 2021 Social Security Week was opened by the Minister on 4 October 2021."
    assert events(text, gazetteer) == {"event/2021-social-security-week-2021-10-04"}
    assert events("The 2021 Social Security Week was a success.", gazetteer) == {
        "event/2021-social-security-week"}


def test_two_ordinals_are_two_gatherings(gazetteer: Gazetteer) -> None:
    text = ("The First National Pensions Conference met on 2 May 2019 and the Second "
            "National Pensions Conference on 5 May 2021. The National Pensions Conference "
            "is now a tradition.")
    found = events(text, gazetteer)
    assert {"event/first-national-pensions-conference-2019-05-02",
            "event/second-national-pensions-conference-2021-05-05"} <= found


def test_a_folder_with_both_builds_and_exports_both(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "malawi-press-release.txt").write_text(MALAWI, encoding="utf-8")
    (folder / "ghana-press-release.txt").write_text(GHANA, encoding="utf-8")
    out = tmp_path / "dist"
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["build", "-q", "-o", str(out), str(folder)])
    assert code == 0, stdout.getvalue() + stderr.getvalue()
    assert "held back" not in stdout.getvalue()
    dump = (out / "spkg.nq").read_text(encoding="utf-8")
    assert "/id/document/malawi-press-release>" in dump
    assert "/id/document/ghana-press-release>" in dump
