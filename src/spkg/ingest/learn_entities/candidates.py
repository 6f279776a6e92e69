"""Candidate name spans for the learned stage: runs of words the rules left unread.

A candidate is a run of one to eight words inside one clause (no punctuation between them
but the dot of "No." and the "°" of "n°") that starts and ends with a content word, and
either holds a capitalised word, an acronym or a number, or has a class cue word at its
head (the end in English, the start in French, Spanish and Portuguese: "a contributory
pension regime", "régimes de retraite"). The classifier decides which of them are names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spkg.ingest.learn_entities.cues import FUNCTION_WORDS, cue_kind
from spkg.ingest.records import Span

MAX_WORDS = 8
# A word: letters/digits with inner hyphens, apostrophes, slashes and dots between digits
# ("21.735", "2021-123", "Mazdoor-ka-Ehsaas"); an elided article ("l'", "d'") is its own word.
_TOKEN = re.compile(r"(?:[dlDL]|[Qq]u)[’'](?=\w)|\d+(?:[.,/-]\d+)*|[^\W_](?:[\w’'-]*[\w])?|[°º]")
# What may lie between two words of one name: spaces, an elision's nothing, "No. 5", "n° 5".
_JOIN = re.compile(r"[ \t\u00a0]*")
_NUMBER_MARKS = frozenset({"no", "nº", "n", "nos", "núm", "art"})


@dataclass(frozen=True)
class Candidate:
    """A run of words: its span, its words, and their positions in the clause's word list."""

    span: Span
    words: tuple[str, ...]
    before: tuple[str, ...]  # up to two words before, nearest last
    after: tuple[str, ...]  # up to two words after, nearest first
    bracket_after: str  # what a bracket right after holds ("" when none)
    text: str


def _clauses(text: str, region: Span) -> Iterator[list[re.Match[str]]]:
    """Runs of word tokens with nothing but spaces (or a number mark's dot) between them."""
    run: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text, region.start, region.end):
        if run:
            gap = text[run[-1].end():token.start()]
            joined = bool(_JOIN.fullmatch(gap)) or (
                gap.strip() == "." and run[-1].group(0).casefold() in _NUMBER_MARKS)
            if not joined:
                yield run
                run = []
        run.append(token)
    if run:
        yield run


def _is_content(word: str) -> bool:
    return word.casefold() not in FUNCTION_WORDS and word not in ("°", "º")


def _named_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def candidates(text: str, region: Span, taken: list[Span]) -> Iterator[Candidate]:
    """Every candidate in ``region`` that overlaps none of the ``taken`` spans."""
    blocked = _Blocked(taken)
    for clause in _clauses(text, region):
        words = [t.group(0) for t in clause]
        # how many of the clause's first k words a taken span overlaps: a run is free when
        # the count does not grow across it (linear in the words, whatever the mentions)
        inside = [0]
        for token in clause:
            inside.append(inside[-1] + blocked.hits(token.start(), token.end()))
        for i in range(len(clause)):
            if not _is_content(words[i]):
                continue
            for j in range(i + 1, min(len(clause), i + MAX_WORDS) + 1):
                if inside[j] != inside[i]:
                    break  # a longer run overlaps the same mention
                last = words[j - 1]
                if not _is_content(last) and not last.isdigit():
                    continue
                chunk = words[i:j]
                if not (any(_named_word(w) for w in chunk) or cue_kind(last)
                        or cue_kind(words[i])):
                    continue
                if not _named_word(words[i]) and not cue_kind(last) and not cue_kind(words[i]):
                    continue  # a lowercase start needs a head that says what it is
                span = Span(clause[i].start(), clause[j - 1].end())
                bracket = re.match(r"[ \t]*\(([^()\n]{1,40})\)", text[span.end:span.end + 45])
                yield Candidate(
                    span, tuple(chunk),
                    tuple(w.casefold() for w in words[max(0, i - 2):i]),
                    tuple(w.casefold() for w in words[j:j + 2]),
                    bracket.group(1) if bracket else "",
                    text[span.start:span.end])


class _Blocked:
    """Taken spans, asked about words left to right: a pointer walks the sorted spans, so a
    document's words cost O(words + spans) in all."""

    def __init__(self, taken: list[Span]) -> None:
        self._spans = sorted(taken)
        self._reach: list[int] = []  # the furthest end among spans up to each index
        furthest = -1
        for span in self._spans:
            furthest = max(furthest, span.end)
            self._reach.append(furthest)

    def hits(self, start: int, end: int) -> int:
        """1 when a taken span overlaps [start, end), else 0."""
        index = bisect.bisect_left(self._spans, Span(end, end)) - 1  # spans starting before end
        return int(index >= 0 and self._reach[index] > start)
