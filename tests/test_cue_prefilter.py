"""The relation rules' cue prefilter (spkg.ingest.rules.prefilter): the words a pattern
cannot match without, and ``ctx.cues`` giving exactly what the pattern alone gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Span
from spkg.ingest.relations import run_rules
from spkg.ingest.rules import context
from spkg.ingest.rules.prefilter import CueBook, needed_words

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bchaired\b", ("chaired",)),
    (r"\b(?:co-?)?chair(?:s|ed)\s+(?!by\b)", ("chaired", "chairs")),
    (r"\b(?:covers|covering|will\s+cover|now\s+covers)\s+", ("cover",)),  # the shortest
    (r"\b(?:[Ss]tudies|[Aa]ssessments)\s+are", ("Assessments", "Studies", "assessments",
                                                "studies")),
    (r"\bfinanc[ée]e?s?\s+par\b", ("finance", "financé")),
    (r"\b(?:entered|came)\s+into\s+(?:force|effect)\b|\btook\s+effect\b", ("effect", "force")),
    (r"(?<!will be )\blaunched\b", ("launched",)),  # a lookbehind's words are not needed
    (r"\w+\s+by", ("by",)),
    (r"(?i)\bthe (?:Meeting|session)\b", ("the meeting", "the session")),  # lower case
    (r"\b(?:adopted|signed)\b|(?:adopt|sign|vot)ée?s?|\b(?:aprobó|firmó)\b",
     ("adopted", "adopté", "aprobó", "firmó", "signed", "signé", "voté")),  # many words
])
def test_needed_words(pattern: str, words: tuple[str, ...]) -> None:
    assert needed_words(pattern) == words


@pytest.mark.parametrize("pattern", [
    r"\b(?i:chaired)\b",  # case-insensitive in part: not filtered
    r"(?i)\bété\b",  # case-insensitive beyond ASCII: not filtered
    r"(?:the\s+)?[A-Z]\w+",  # no literal in every match
    r"a|\d+",  # one alternative needs nothing
    r"(?:funded)?\s+by|x*",
])
def test_patterns_without_needed_words(pattern: str) -> None:
    assert needed_words(pattern) is None


PATTERNS = [
    r"\b(?:(?:funded|financed|co-?financed|co-?funded)\s+(?:jointly\s+)?by\s+(?:the\s+)?"
    r"|(?:co-?)?financ[ée]e?s?\s+par\s+(?:l['’]|la\s+|le\s+)?)",
    r"\b(?:is\s+|are\s+)?(?:jointly\s+)?(?:implement(?:s|ing|ed)?|manag(?:es|ed|ing|e)|runs)"
    r"\s+(?!by\b)",
    r"\b([A-Z][a-z]+|[A-Z]{2,3})-funded\b",
    r"\btraining\b[^.]*?\b(?:organi[sz]ed|held)\b|\b(?:held|ran)\s+(?:a|an)\s+training\b",
    r"\b(?:support(?:ed|s)?|help(?:ed|s)?)\s+(?:(?:for|in)\s+)?(?:design|review)\s+of\s+",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_holds_a_needed_word(pattern: str, data: st.DataObject) -> None:
    """Texts that hold a match (generated from the pattern itself): each match found holds
    one of the words, so the filter never skips a sentence the pattern matches."""
    text = data.draw(st.from_regex(pattern))
    words = needed_words(pattern)
    assert words is not None
    for match in re.finditer(pattern, text):
        assert any(word in match.group(0) for word in words), (match.group(0), words)


def test_cue_book_finds_words_once_per_text() -> None:
    book = CueBook()
    first = book.cue(r"\bchaired\s+by\b")
    version = book.version
    book.cue(r"\bfunded\s+by\b")
    assert book.version != version  # new words: what was found before is stale
    assert book.cue(r"\bchaired\s+by\b") is first
    assert book.words_in("It was chaired by the ILO and funded by Japan.") == (
        {"chaired", "funded"}, set())
    assert book.words_in("Nothing here.") == (set(), set())
    book.cue(r"(?i)\bthe meeting\b")
    assert book.words_in("THE MEETING was chaired") == ({"chaired"}, {"the meeting"})
    # "ſ" matches "s" ignoring case, though "ſ".lower() is no "s": every folded word counts
    assert book.words_in("the ſeſſion")[1] == {"the meeting"}


def test_folds_apart_lists_what_ignoring_case_matches_but_lower_does_not() -> None:
    """A case-insensitive cue's words are looked for in the lower-cased text: sound when
    every character that re.IGNORECASE matches to an ASCII letter lowers to that letter,
    but for those the filter gives up on (prefilter._FOLDS_APART)."""
    from spkg.ingest.rules import prefilter

    letter = re.compile(r"[a-z]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if letter.fullmatch(char) and not re.fullmatch(r"[a-z]", char.lower()):
            assert prefilter._FOLDS_APART.match(char), hex(code)
    assert all(c.lower() == c for c in "abcdefghijklmnopqrstuvwxyz")


def test_cues_equal_the_patterns_on_annotated_documents(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cue any rule asks for on every sentence of the annotated documents and the
    seeds: the filtered answer is the pattern's own (same spans, same groups)."""
    asked: list[tuple[str, int, int, list[tuple[tuple[int, int], tuple[str | None, ...]]]]] = []
    cues = context.Context.cues

    def spy(self: context.Context, pattern: str, sentence: Span) -> list[re.Match[str]]:
        found: list[re.Match[str]] = cues(self, pattern, sentence)
        asked.append((pattern, sentence.start, sentence.end,
                      [(m.span(), m.groups()) for m in found]))
        return found

    monkeypatch.setattr(context.Context, "cues", spy)
    gazetteer = load_gazetteer()
    paths = sorted((ROOT / "tests" / "extract").glob("*/*.txt"))[::3]
    paths += sorted((ROOT / "data" / "sources").glob("*.txt"))
    empty = 0
    for path in paths:
        document = read_document(path)
        regions, entities = prose_entities(document, gazetteer)
        asked.clear()
        run_rules(document, entities, gazetteer, regions)
        for pattern, start, end, found in asked:
            plain = [(m.span(), m.groups())
                     for m in re.compile(pattern).finditer(document.text, start, end)]
            assert found == plain, (path.name, pattern, document.text[start:end])
            empty += not found
    assert empty > 1000  # most cues find nothing: the documents exercise the filter
