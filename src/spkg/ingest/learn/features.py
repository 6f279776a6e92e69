"""Candidate pairs of entity mentions in one sentence, and the features a linear model
reads of each: both ends' classes and order, the words between them (cut to a prefix, so
that "financed", "financé" and "financiado" share one), the words around them, the
mentions and punctuation between, the document's kind and the section.

The same functions make the training examples (spkg.ingest.relation_training.data) and the pairs the
learned rule scores (spkg.ingest.rules.learned), so the two cannot drift apart.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, SKOS, URIRef

from spkg.ingest.records import Document, Fact, Span

if TYPE_CHECKING:  # the rules import this module: no import back at run time
    from spkg.ingest.rules.context import Placed

# Words are cut to this many characters: a crude stem that holds across English, French
# and Spanish ("support", "supported", "soutien" differ; "financ…" is one).
PREFIX = 6
# Pairs further apart than this many tokens are not candidates: too far for one clause.
MAX_TOKENS = 40
_TOKEN = re.compile(r"\w+|[^\w\s]")
_NOT_RELATIONS = frozenset({RDF.type, RDFS.label, SKOS.altLabel})
# Articles and conjunctions of English, French, Spanish and Portuguese, and list commas: a
# word of these right before the second end hides the cue ("funded by the X", "organisé par
# l'X, Y et Z"), so the cue is read past them, and past the mentions of a list.
_SKIPPED = frozenset({
    "the", "a", "an", "its", "their", "and", "or", ",", "&", "as", "well",  # "as": Portuguese too
    "le", "la", "les", "l", "un", "une", "des", "du", "et", "ou", "'",
    "el", "los", "las", "y", "e", "o", "lo", "una", "del", "al",
    "os", "um", "uma", "do", "da", "dos", "das", "ao",
})


@dataclass(frozen=True, slots=True)
class Pair:
    """Two mentions of different entities in one sentence, ``first`` before ``second``."""

    first: Placed
    second: Placed
    sentence: Span


def short(cls: URIRef | None) -> str:
    """A class IRI's local name ("Programme")."""
    return "" if cls is None else re.split(r"[#/]", str(cls))[-1]


def related_pairs(facts: list[Fact]) -> set[frozenset[URIRef]]:
    """The pairs of IRIs some fact already relates (either way round, any predicate)."""
    return {frozenset((f.subject, f.object)) for f in facts
            if isinstance(f.object, URIRef) and f.predicate not in _NOT_RELATIONS}


def pairs_in(placed: list[Placed], sentence: Span, text: str) -> Iterator[Pair]:
    """Each pair of non-overlapping mentions of two entities, in text order, at most
    MAX_TOKENS tokens apart."""
    for i, first in enumerate(placed):
        for second in placed[i + 1 :]:
            if second.start < first.end or second.entity.iri == first.entity.iri:
                continue
            if len(_TOKEN.findall(text, first.end, second.start)) > MAX_TOKENS:
                break
            yield Pair(first, second, sentence)


def _stem(token: str) -> str:
    return token.casefold()[:PREFIX]


def _bucket(number: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12"),
                        (20, "13-20")):
        if number <= limit:
            return name
    return "21+"


def _between(pair: Pair, placed: list[Placed], text: str) -> tuple[list[str], int]:
    """The stems between the two ends, a mention between them standing as its class."""
    start, end = pair.first.end, pair.second.start
    tokens: list[str] = []
    inside = 0
    position = start
    for other in placed:
        if other.start < start or other.end > end:
            continue
        tokens += [_stem(t) for t in _TOKEN.findall(text, position, other.start)]
        tokens.append("@" + short(other.entity.cls))
        position = other.end
        inside += 1
    tokens += [_stem(t) for t in _TOKEN.findall(text, position, end)]
    return tokens, inside


def section_name(document: Document, sentence: Span) -> str:
    """The name of the section holding ``sentence`` ("" outside every section)."""
    starts = [s.body.start for s in document.sections]
    index = bisect.bisect_right(starts, sentence.start) - 1
    if index >= 0 and document.sections[index].body.end >= sentence.end:
        return document.sections[index].name
    return ""


def features(pair: Pair, placed: list[Placed], text: str, kind: str, section: str) -> list[str]:
    """The binary features of ``pair`` (names; a feature is present or absent)."""
    first, second = short(pair.first.entity.cls), short(pair.second.entity.cls)
    classes = f"{first}>{second}"
    between, inside = _between(pair, placed, text)
    before = [_stem(t) for t in _TOKEN.findall(text, pair.sentence.start, pair.first.start)]
    after = [_stem(t) for t in _TOKEN.findall(text, pair.second.end, pair.sentence.end)]
    words = [w for w in between if w.isalnum() or w.startswith("@")]
    last = words[-1] if words else "-"
    head = words[0] if words else "-"
    found = [
        f"cp={classes}", f"c1={first}", f"c2={second}", f"k={kind}", f"sec={section}",
        f"d={_bucket(len(between))}", f"nm={min(inside, 3)}",
        f"b1={head}", f"bL={last}", f"cp|bL={classes}|{last}", f"cp|b1={classes}|{head}",
        f"cp|nm={classes}|{min(inside, 3)}",
        f"a-1={before[-1] if before else '^'}", f"a-2={before[-2] if len(before) > 1 else '^'}",
        f"b+1={after[0] if after else '$'}", f"b+2={after[1] if len(after) > 1 else '$'}",
        f"cp|a-1={classes}|{before[-1] if before else '^'}",
    ]
    found += [f"bw={w}" for w in dict.fromkeys(words)]
    found += [f"bb={a}_{b}" for a, b in dict.fromkeys(pairwise(words))]
    found += [f"p{mark}" for mark in ",(;:" if mark in between]
    cue, listed = _cue(between)
    found += [f"cue={cue}", f"cp|cue={classes}|{cue}", f"ls={listed}"]
    found += _same_class_between(between, first, second)
    content = _content_word(between)
    # the class of the mention before the first end: who governs the clause ("the Council
    # adopted the Act amending the Code": a body ahead makes the two documents its objects)
    ahead = [short(p.entity.cls) for p in placed if p.end <= pair.first.start]
    found += [f"cp|prev={classes}|{ahead[-1] if ahead else '^'}"]
    found += [f"cw={content}", f"cp|cw={classes}|{content}"]
    return found


def _content_word(between: list[str]) -> str:
    """The word of four letters or more nearest the second end, articles and conjunctions
    aside: past short prepositions, mostly the verb or noun that names the relation
    ("financ" in "financed by the", "implem" in "implementation of")."""
    return next((token for token in reversed(between)
                 if len(token) >= 4 and token.isalpha() and token not in _SKIPPED), "-")


def _cue(between: list[str]) -> tuple[str, int]:
    """The word that governs the second end, read back past articles, conjunctions, commas
    and the other mentions of a list ("by" in "by the A, B and C"), and how many mentions
    of that list come before the second end (0, 1, 2+)."""
    listed = 0
    for token in reversed(between):
        if token.startswith("@"):
            listed += 1
        elif token not in _SKIPPED:
            return token, min(listed, 2)
    return "^", min(listed, 2)


def _same_class_between(between: list[str], first: str, second: str) -> list[str]:
    """Whether a mention of either end's class lies between them: the far end is then
    likely the nearer one's business ("the Ministry and the Fund ... the Programme")."""
    found = []
    if "@" + second in between:
        found.append("same2")
    if "@" + first in between:
        found.append("same1")
    return found
