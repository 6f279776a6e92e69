"""pysbd's English segmenter with a faster abbreviation pass that gives the same text.

pysbd's ``search_for_abbreviations_in_string`` (half of its time on ILO prose) tries each
of its ~190 abbreviations on every text: a regular expression is built and run for each
one that occurs anywhere, even inside a word ("no" in "economy"), and for each occurrence
at a word start one more substitution over the whole text, though most are the same
substitution again (" a" for "and", "agreed", "a" …). This subclass, installed through
pysbd's own per-language hook (``Language.AbbreviationReplacer``), skips exactly the work
that cannot change the text:

- an abbreviation of letters only that starts no word is skipped: pysbd's search for it,
  ``(?:^|\\s){abbr}`` ignoring case, finds nothing (text holding one of the four characters
  for which ignoring case is more than ``str.lower`` takes pysbd's own path);
- a substitution already made in this call is not made again. Each one only turns "." into
  "∯" where its context fits, and its context never needs a "." that another turned into
  "∯" to fit, so a second run changes nothing.

tests/test_ingest_linear_sentences.py checks that both give the same sentences on every
annotated document and on generated and random prose.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pysbd.abbreviation_replacer import (
    replace_pre_number_abbr,
    replace_prepositive_abbr,
)
from pysbd.lang.english import English

_LETTERS = re.compile(r"[a-z]+")
# The only characters beyond ASCII that match an ASCII letter when case is ignored ("İ",
# "ı", "ſ", the Kelvin sign; "İ" is also the only one whose lower case is two characters).
# Without them, a pattern of ASCII letters ignoring case matches where str.lower() is equal.
CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


@cache
def _table() -> tuple[list[tuple[str, bool]], frozenset[int]]:
    """pysbd's abbreviations in its order, stripped, each with whether it is letters only;
    and the lengths of those made of letters."""
    stripped = [a.strip() for a in English.Abbreviation.ABBREVIATIONS]
    letters = [(a, bool(_LETTERS.fullmatch(a))) for a in stripped]
    return letters, frozenset(len(a) for a, plain in letters if plain)


def _word_starts(lowered: str, lengths: frozenset[int]) -> set[str]:
    """Every prefix (of a length in ``lengths``) of a word: of the text at its start or
    after a blank (str.split() and the pattern's ``\\s`` agree on what is blank); one of
    letters only never reaches past its word."""
    return {word[:n] for word in set(lowered.split()) for n in lengths if n <= len(word)}


# pysbd's two patterns per abbreviation (its unescaped ones included), compiled once each:
# built anew for every text they fell out of re's 512-pattern cache.
@cache
def _abbreviation_pattern(stripped: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s|\r|\n){stripped}", flags=re.IGNORECASE)


@cache
def _next_word_start(stripped: str) -> re.Pattern[str]:
    return re.compile(r"(?<={" + str(re.escape(stripped)) + "} ).{1}")

class FastAbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
    """English.AbbreviationReplacer with the same output and less work (module docstring)."""

    def search_for_abbreviations_in_string(self, text: str) -> str:
        if CASE_FOLDS.search(text):  # ignoring case is more than str.lower for these
            return str(super().search_for_abbreviations_in_string(text))
        table, lengths = _table()
        lowered = text.lower()
        at_word_start = _word_starts(lowered, lengths)
        done: set[tuple[str, str]] = set()
        for stripped, plain in table:
            if stripped not in lowered or (plain and stripped not in at_word_start):
                continue
            # from here on as pysbd does it, its unescaped patterns included
            abbrev_match = _abbreviation_pattern(stripped).findall(text)
            if not abbrev_match:
                continue
            char_array = _next_word_start(stripped).findall(text)
            for ind, match in enumerate(abbrev_match):
                text = self._replace_once(text, match, ind, char_array, done)
        return text

    def _replace_once(self, txt: str, am: str, ind: int, char_array: list[Any],
                      done: set[tuple[str, str]]) -> str:
        """pysbd's scan_for_replacements, skipping a substitution made already."""
        char = char_array[ind] if ind < len(char_array) else ""
        abbreviation = self.lang.Abbreviation
        name = am.strip().lower()
        if str(char).isupper() and name not in abbreviation.PREPOSITIVE_ABBREVIATIONS:
            return txt
        if name in abbreviation.PREPOSITIVE_ABBREVIATIONS:
            kind = "prepositive"
        elif name in abbreviation.NUMBER_ABBREVIATIONS:
            kind = "number"
        else:
            kind = "period"
        if (kind, am.strip()) in done:
            return txt
        done.add((kind, am.strip()))
        if kind == "prepositive":
            return str(replace_prepositive_abbr(txt, am))
        if kind == "number":
            return str(replace_pre_number_abbr(txt, am))
        return str(self.replace_period_of_abbr(txt, am))


class FastEnglish(English):  # type: ignore[misc]
    """pysbd's English with the faster abbreviation pass."""

    AbbreviationReplacer = FastAbbreviationReplacer


def segmenter() -> Any:
    """A pysbd Segmenter for English (``char_span``, no cleaning) using FastEnglish."""
    import pysbd

    found = pysbd.Segmenter(language="en", clean=False, char_span=True)
    found.language_module = FastEnglish
    return found
