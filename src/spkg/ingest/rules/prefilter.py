"""Which literal words a cue pattern cannot match without: a prefilter for ``ctx.cues``.

Most of the ~50 cue patterns the rules run on each sentence find nothing there ("ratified",
"chaired by", "entered into force" …), and running them was most of the relation stage's
cost. From a pattern's syntax tree (``re._parser``, the parser ``re.compile`` itself uses,
so the two cannot read a pattern differently) this module computes a set of literal
strings of which every match contains at least one. ``CueBook`` finds every pattern's words
in a sentence in one Aho-Corasick pass, and ``Context.cues`` runs a pattern only when one of
its words is there. The answer is always the pattern's own: the filter only skips runs that
could find nothing. A pattern whose words cannot be told (case-insensitive, or no literal in
every match) is always run.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from dataclasses import dataclass
from typing import Any

import ahocorasick

# Past this many strings a set of alternatives is more work to test than the pattern.
_MOST = 24
# Alternatives' words a pattern may need, one of them (the automaton takes many at no cost).
_MOST_WORDS = 64
_EMPTY: frozenset[str] = frozenset({""})
# Zero-width items: a match of them is the empty string.
_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})


@dataclass(frozen=True)
class Cue:
    """A compiled cue pattern and the words one of which its every match contains."""

    pattern: re.Pattern[str]
    words: frozenset[str] | None  # None: no word is known to be needed; always run
    folded: bool = False  # a case-insensitive pattern: its words are lower case, to be
    # looked for in the lower-cased text


# Characters that re.IGNORECASE matches to an ASCII letter although str.lower() does not
# make them that letter (tests/test_cue_prefilter.py checks every code point): a text
# holding one is not filtered for case-insensitive cues.
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


class _WordScan:
    """A set of words and one Aho-Corasick automaton of them, rebuilt when words come."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._automaton: Any = None

    def add(self, words: frozenset[str]) -> bool:
        if words <= self.words:
            return False
        self.words |= words
        self._automaton = None
        return True

    def found(self, text: str) -> set[str]:
        if not self.words:
            return set()
        automaton = self._automaton
        if automaton is None:
            automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self._automaton = automaton
        return {word for _end, word in automaton.iter(text)}


class CueBook:
    """Cue patterns compiled once each, and one Aho-Corasick automaton of every word they
    need, so that a sentence is scanned once for all of them (not once per pattern)."""

    def __init__(self) -> None:
        self._cues: dict[str, Cue] = {}
        self._exact = _WordScan()
        self._folded = _WordScan()  # case-insensitive cues' words, in lower case
        self.version = 0  # changes with the words: words found before may be too few

    def cue(self, pattern: str) -> Cue:
        found = self._cues.get(pattern)
        if found is None:
            found = self._cues[pattern] = compile_cue(pattern)
            if found.words is not None and (self._folded if found.folded
                                            else self._exact).add(found.words):
                self.version += 1
        return found

    def words_in(self, text: str) -> tuple[set[str], set[str]]:
        """Which of the cues' words occur in ``text`` (anywhere, overlapping or not): those
        of case-sensitive cues as written, those of case-insensitive ones in any case."""
        if not self._folded.words:
            return self._exact.found(text), set()
        if _FOLDS_APART.search(text):
            return self._exact.found(text), set(self._folded.words)
        return self._exact.found(text), self._folded.found(text.lower())


def compile_cue(pattern: str) -> Cue:
    """``pattern`` compiled, with the words it needs (None when they cannot be told)."""
    compiled = re.compile(pattern)
    try:
        words = needed_words(pattern)
    except Exception:  # an unreadable tree only costs the filter, never a match
        words = None
    folded = bool(compiled.flags & re.IGNORECASE)
    return Cue(compiled, None if words is None else frozenset(words), folded)


def needed_words(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (shortest, sorted), or
    None when no such set is known (or it holds the empty string, which says nothing).
    For a case-insensitive pattern, the words in lower case, if all are ASCII."""
    tree = sre_parse.parse(pattern)
    found = _needed(list(tree))
    if found is None or "" in found:
        return None
    if tree.state.flags & re.IGNORECASE:
        if not all(word.isascii() for word in found):
            return None
        found = frozenset(word.lower() for word in found)
    return tuple(sorted(_minimal(found)))


def _minimal(strings: frozenset[str]) -> frozenset[str]:
    """Without the strings that contain another one: that one is found whenever they are."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MOST:
        return None
    return frozenset(a + b for a in left for b in right)


def _exact(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every string the sequence ``items`` can match, if they are few and all literal."""
    strings = _EMPTY
    for item in items:
        one = _exact_item(*item)
        if one is None:
            return None
        joined = _product(strings, one)
        if joined is None:
            return None
        strings = joined
    return strings


def _exact_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.LITERAL:
        return frozenset({chr(av)})
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre.IN:
        chars = [chr(v) for o, v in av if o is sre.LITERAL]
        if len(chars) != len(av) or len(chars) > _MOST:
            return None  # a range, a category or a negation: not a few literals
        return frozenset(chars)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        if add_flags & re.IGNORECASE:
            return None
        return _exact(list(body))
    if op is sre.BRANCH:
        return _exact_branch(av[1])
    if op in _REPEATS:
        return _exact_repeat(*av)
    return None


def _exact_branch(alternatives: list[Any]) -> frozenset[str] | None:
    union: set[str] = set()
    for alternative in alternatives:
        one = _exact(list(alternative))
        if one is None:
            return None
        union |= one
    return frozenset(union) if len(union) <= _MOST else None


def _exact_repeat(low: int, high: int, body: Any) -> frozenset[str] | None:
    inner = _exact(list(body))
    if inner is None:
        return None
    if (low, high) == (1, 1):
        return inner
    if (low, high) == (0, 1):
        return inner | _EMPTY
    return None


def _needed(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of the sequence ``items`` contains, or None.

    Candidates: each run of consecutive items whose matches are a few literal strings (the
    run's cross product), and each item that needs words of its own; the best candidate is
    the one whose shortest string is longest (rarest), then the one with fewest strings."""
    candidates: list[frozenset[str]] = []
    run = _EMPTY
    for op, av in items:
        one = _exact_item(op, av)
        if one is not None:
            joined = _product(run, one)
            if joined is not None:
                run = joined
                continue
            candidates.append(run)  # too many combinations: close the run, start anew
            run = one
            continue
        candidates.append(run)
        run = _EMPTY
        inner = _needed_item(op, av)
        if inner is not None:
            candidates.append(inner)
    candidates.append(run)
    usable = [_minimal(c) for c in candidates if "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _needed_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        return None if add_flags & re.IGNORECASE else _needed(list(body))
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            one = _needed(list(alternative))
            if one is None:
                return None
            union |= one
        words = _minimal(frozenset(union))
        return words if len(words) <= _MOST_WORDS else None
    if op in _REPEATS:
        low, _high, body = av
        return _needed(list(body)) if low >= 1 else None
    return None
