"""Names of the G2 classes (issue 16), on made-up sentences: a ministry's list of portfolios
whose last one takes "the"."""

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.records import Span


def _names(text: str) -> list[str]:
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    return [m.text for m in found]


def test_a_ministry_list_whose_last_portfolio_takes_the_is_one_name() -> None:
    names = _names("The Ministry of Fisheries, Rural Affairs and the Blue Economy met in Apia.")
    assert "Ministry of Fisheries, Rural Affairs and the Blue Economy" in names


def test_a_body_after_and_the_still_ends_the_ministry() -> None:
    names = _names("The Ministry of Finance, Planning and the National Pension Fund met.")
    assert "Ministry of Finance" in names
    assert "National Pension Fund" in names
    names = _names("The Ministry of Health, UNICEF and the World Bank met in Suva.")
    assert "Ministry of Health" in names and "World Bank" in names
