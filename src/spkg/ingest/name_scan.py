"""Whole-word occurrences of many names in a text, in one pass (Aho-Corasick).

The gazetteer's scan used to be one regular expression of every name,
``(?<![\\w-])(?:longest|…|shortest)(?![\\w-])``, some alternatives case-insensitive. Python's
``re`` tries each alternative at each position, so a 1 MB text took seconds. This finds the
same matches with two pyahocorasick automata (names as written, and names case-folded the way
``re.IGNORECASE`` compares characters), then keeps what the expression would have kept:
left to right, at each start the longest name bounded by non-word characters on both sides,
the next search starting where that match ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import ahocorasick

# re.IGNORECASE compares simple lowercase mappings, and also treats these lowercase letters as
# one (re._casefix); each maps to one representative. str.lower() gives every character's
# simple mapping but U+0130 (İ, lowercased to two characters), handled first.
_EXTRA_CASES = (  # code points, as re._casefix lists them
    (0x69, 0x131), (0x73, 0x17F), (0xB5, 0x3BC), (0x345, 0x3B9, 0x1FBE), (0x390, 0x1FD3),
    (0x3B0, 0x1FE3), (0x3B2, 0x3D0), (0x3B5, 0x3F5), (0x3B8, 0x3D1), (0x3BA, 0x3F0),
    (0x3C0, 0x3D6), (0x3C1, 0x3F1), (0x3C2, 0x3C3), (0x3C6, 0x3D5), (0x432, 0x1C80),
    (0x434, 0x1C81), (0x43E, 0x1C82), (0x441, 0x1C83), (0x442, 0x1C84, 0x1C85),
    (0x44A, 0x1C86), (0x463, 0x1C87), (0x1C88, 0xA64B), (0x1E61, 0x1E9B), (0xFB05, 0xFB06),
)
_FOLD = {other: group[0] for group in _EXTRA_CASES for other in group[1:]}
_SHORT = 2_000  # texts up to this long are remembered (a sentence, a name)
_FOLDED = re.compile("[" + "".join(map(chr, _FOLD)) + "]")


def fold(text: str) -> str:
    """``text`` with characters that ``re.IGNORECASE`` treats as equal made equal; same length."""
    folded = text.replace("\u0130", "i").lower()
    if not folded.isascii() and _FOLDED.search(folded):  # translate() is slow on long texts
        folded = folded.translate(_FOLD)
    if len(folded) != len(text):  # no such character today; keep offsets exact regardless
        folded = "".join(c if len(c) == 1 else c[0] for c in map(_fold_char, text))
    return folded


def straight_apostrophes(text: str) -> str:
    """``text`` with typographic apostrophes (’ ʼ) written ', as the reference lists write
    names ("Côte d'Ivoire", "Ministère de l'Emploi"); same length."""
    if "\u2019" in text or "\u02bc" in text:
        return text.replace("\u2019", "'").replace("\u02bc", "'")
    return text


def _fold_char(char: str) -> str:
    return "i" if char == "\u0130" else char.lower().translate(_FOLD)


def _is_word(char: str) -> bool:
    """What ``[\\w-]`` matches in a str pattern."""
    return char.isalnum() or char in "_-"


class NameScanner:
    """Names → whole-word spans; ``exact`` names match as written, ``folded`` in any case."""

    def __init__(self, exact: Iterable[str], folded: Iterable[str]) -> None:
        self._exact = _automaton(map(straight_apostrophes, exact))
        self._folded = _automaton(fold(straight_apostrophes(name)) for name in folded)
        # the stages scan the same short texts (an entity's names, a sentence) again and
        # again; a long text is scanned once, and not kept
        self._short = lru_cache(maxsize=8192)(self._matches)

    def scan(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, left to right, never overlapping."""
        return iter(self._short(text) if len(text) <= _SHORT else self._matches(text))

    def _matches(self, text: str) -> tuple[tuple[int, int], ...]:
        return tuple(self._scan(text))

    def _scan(self, text: str) -> Iterator[tuple[int, int]]:
        longest: dict[int, int] = {}  # start → end of the longest bounded name there
        text = straight_apostrophes(text)  # same length: the offsets hold for the original
        for automaton, searched in ((self._exact, text), (self._folded, None)):
            if automaton is None:
                continue
            for last, length in automaton.iter(fold(text) if searched is None else searched):
                start, end = last + 1 - length, last + 1
                if end > longest.get(start, -1) and _bounded(text, start, end):
                    longest[start] = end
        cursor = 0
        for start in sorted(longest):
            if start >= cursor:
                cursor = longest[start]
                yield start, cursor


def _automaton(names: Iterable[str]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for name in names:
        if name:
            automaton.add_word(name, len(name))
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not _is_word(text[start - 1])) and (
        end == len(text) or not _is_word(text[end]))
