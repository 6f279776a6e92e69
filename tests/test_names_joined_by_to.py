"""Where one name ends at "to" before another: a body's name with its head word, or an
acronym, is whole; "to" inside a name that names no body before it stays."""

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.records import Span


def _names(text: str) -> list[str]:
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    return [m.text for m in found]


def test_a_body_then_to_the_next_body_is_two_names() -> None:
    names = _names("The ILO handed the valuation of the Workers Fund to the Pension Board "
                   "in Lusaka.")
    assert "Pension Board" in names
    assert not any("Fund to" in name for name in names)


def test_to_inside_a_name_that_names_no_body_before_it_stays() -> None:
    names = _names("The Right to Food Programme and the Access to Justice Unit met in Accra.")
    assert "Right to Food Programme" in names
    assert "Access to Justice Unit" in names
