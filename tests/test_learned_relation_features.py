"""The features the learned relation proposer reads of a pair of mentions, on made-up
sentences in English, French, Spanish and Portuguese: the word that governs the second
end, read past articles, conjunctions and the other mentions of a list, and whether a
mention of either end's class lies between them."""

from __future__ import annotations

import re

import pytest
from rdflib import URIRef

from spkg.ingest.learn.features import Pair, features
from spkg.ingest.linking import Entity
from spkg.ingest.mentions.base import Mention
from spkg.ingest.records import Span
from spkg.ingest.rules.context import Placed
from spkg.namespace import SPKG


def _placed(text: str, names: dict[str, URIRef]) -> list[Placed]:
    """Each name of ``names`` where it first occurs in ``text``, as a mention of its own
    entity of the given class, in text order."""
    found = []
    for name, cls in names.items():
        start = text.index(name)
        span = Span(start, start + len(name))
        mention = Mention(span, name, cls)
        slug = re.sub(r"\W+", "-", name.casefold())
        found.append(Placed(mention, Entity(URIRef(f"https://example.org/{slug}"), cls, name,
                                            [mention])))
    return sorted(found, key=lambda p: p.start)


def _features(text: str, names: dict[str, URIRef], first: str, second: str) -> list[str]:
    placed = _placed(text, names)
    by_text = {p.mention.text: p for p in placed}
    pair = Pair(by_text[first], by_text[second], Span(0, len(text)))
    return features(pair, placed, text, "page", "")


ORG, PROGRAMME, EVENT = SPKG.Funder, SPKG.Programme, SPKG.Event


@pytest.mark.parametrize(("text", "names", "cue"), [
    # English: the last word between is an article, the cue is the preposition before it
    ("The Harbour Cash Scheme was funded by the Lakeside Trust.",
     {"Harbour Cash Scheme": PROGRAMME, "Lakeside Trust": ORG}, "by"),
    # the far end of a list: past the other mentions, commas and "and"
    ("A seminar was organised by the Hill Council, the Valley Board and the River Guild.",
     {"seminar": EVENT, "Hill Council": ORG, "Valley Board": ORG, "River Guild": ORG},
     "by"),
    # French: "par l'" and "et"
    ("Le Programme Soleil est financé par l'Agence Nord et la Banque Sud.",
     {"Programme Soleil": PROGRAMME, "Agence Nord": ORG, "Banque Sud": ORG}, "par"),
    # Spanish: "por el", "y"
    ("El Plan Arcoíris fue apoyado por la Fundación Roble y el Banco Pino.",
     {"Plan Arcoíris": PROGRAMME, "Fundación Roble": ORG, "Banco Pino": ORG}, "por"),
    # Portuguese: "pela", "e"
    ("O Programa Farol foi executado pela Agência Mar e pelo Instituto Serra.",
     {"Programa Farol": PROGRAMME, "Agência Mar": ORG, "Instituto Serra": ORG}, "pelo"),
])
def test_the_cue_is_read_past_articles_and_lists(
        text: str, names: dict[str, URIRef], cue: str) -> None:
    first, *_, second = list(names)
    found = _features(text, names, first, second)
    assert f"cue={cue}" in found
    assert any(f.startswith("cp|cue=") and f.endswith(f"|{cue}") for f in found)


def test_how_many_list_mentions_come_before_the_far_end() -> None:
    text = "A seminar was organised by the Hill Council, the Valley Board and the River Guild."
    names = {"seminar": EVENT, "Hill Council": ORG, "Valley Board": ORG, "River Guild": ORG}
    assert "ls=0" in _features(text, names, "seminar", "Hill Council")
    assert "ls=1" in _features(text, names, "seminar", "Valley Board")
    assert "ls=2" in _features(text, names, "seminar", "River Guild")


def test_a_plain_verb_between_is_the_cue() -> None:
    text = "The Lakeside Trust endorsed the Harbour Cash Scheme."
    names = {"Lakeside Trust": ORG, "Harbour Cash Scheme": PROGRAMME}
    found = _features(text, names, "Lakeside Trust", "Harbour Cash Scheme")
    assert "cue=endors" in found
    assert "ls=0" in found


def test_adjacent_mentions_have_no_cue() -> None:
    text = "Lakeside Trust Harbour Cash Scheme."
    names = {"Lakeside Trust": ORG, "Harbour Cash Scheme": PROGRAMME}
    assert "cue=^" in _features(text, names, "Lakeside Trust", "Harbour Cash Scheme")


def test_a_mention_of_an_ends_class_between_them() -> None:
    text = ("The Hill Council and the Valley Board launched the Harbour Cash Scheme "
            "with the River Guild.")
    names = {"Hill Council": ORG, "Valley Board": ORG, "Harbour Cash Scheme": PROGRAMME,
             "River Guild": ORG}
    far = _features(text, names, "Hill Council", "Harbour Cash Scheme")
    assert "same1" in far and "same2" not in far
    near = _features(text, names, "Valley Board", "Harbour Cash Scheme")
    assert "same1" not in near and "same2" not in near
    across = _features(text, names, "Hill Council", "River Guild")
    assert "same2" in across and "same1" in across


@pytest.mark.parametrize(("text", "names", "word"), [
    # the content word nearest the second end, past "by the"
    ("The Harbour Cash Scheme was financed by the Lakeside Trust.",
     {"Harbour Cash Scheme": PROGRAMME, "Lakeside Trust": ORG}, "financ"),
    # Spanish: the noun of "con el apoyo de la", past "de la"
    ("El Plan Arcoíris contó con el apoyo de la Fundación Roble.",
     {"Plan Arcoíris": PROGRAMME, "Fundación Roble": ORG}, "apoyo"),
    # French: "mise en œuvre par l'" gives "œuvre"
    ("Le Programme Soleil, mis en œuvre par l'Agence Nord, a démarré.",
     {"Programme Soleil": PROGRAMME, "Agence Nord": ORG}, "œuvre"),
])
def test_the_content_word_nearest_the_far_end(
        text: str, names: dict[str, URIRef], word: str) -> None:
    first, *_, second = list(names)
    found = _features(text, names, first, second)
    assert f"cw={word}" in found
    assert any(f.startswith("cp|cw=") and f.endswith(f"|{word}") for f in found)


def test_no_content_word_between_two_adjacent_mentions() -> None:
    text = "The Lakeside Trust of the Harbour Cash Scheme."
    names = {"Lakeside Trust": ORG, "Harbour Cash Scheme": PROGRAMME}
    assert "cw=-" in _features(text, names, "Lakeside Trust", "Harbour Cash Scheme")


def test_the_class_of_the_mention_ahead_of_the_pair() -> None:
    text = "The Hill Council launched the Harbour Cash Scheme with the River Guild."
    names = {"Hill Council": ORG, "Harbour Cash Scheme": PROGRAMME, "River Guild": ORG}
    behind = _features(text, names, "Harbour Cash Scheme", "River Guild")
    assert "cp|prev=Programme>Funder|Funder" in behind
    first = _features(text, names, "Hill Council", "Harbour Cash Scheme")
    assert "cp|prev=Funder>Programme|^" in first
