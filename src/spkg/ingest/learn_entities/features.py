"""The features of one candidate: binary, named by strings, the same at training and use."""

from __future__ import annotations

import re

from spkg.ingest.gazetteer import normalise_name
from spkg.ingest.learn_entities.candidates import Candidate
from spkg.ingest.learn_entities.cues import cue_kind
from spkg.ingest.naming import class_from_head, iri_kind

_NUMBERED = re.compile(r"\d")


def _shape(word: str) -> str:
    """X (capitalised), A (acronym), x (lowercase), d (number), c (function word)."""
    if word[:1].isdigit():
        return "d"
    if len(word) > 1 and word.isupper():
        return "A"
    if word[:1].isupper():
        return "X"
    return "c" if cue_kind(word) is None and len(word) <= 3 else "x"


def features(candidate: Candidate) -> list[str]:
    """Feature names of a candidate (each one present, weight 1)."""
    words = candidate.words
    first, last = words[0], words[-1]
    shapes = [_shape(w) for w in words]
    pattern = re.sub(r"(.)\1+", r"\1+", "".join(shapes))  # "XXcX" → "X+cX"
    found = [
        "bias",
        f"len={min(len(words), 6)}",
        f"shape={pattern[:8]}",
        f"first_shape={shapes[0]}",
        f"last_shape={shapes[-1]}",
        f"first={normalise_name(first)}",
        f"last={normalise_name(last)}",
        f"caps={min(sum(s in 'XA' for s in shapes), 4)}",
        f"lower={min(sum(s == 'x' for s in shapes), 4)}",
    ]
    for name, word in (("last_cue", last), ("first_cue", first)):
        kind = cue_kind(word)
        found.append(f"{name}={kind}")
        if kind is not None:
            found.append(f"{name}={kind}|first_shape={shapes[0]}")
    inner = {cue_kind(w) for w in words[1:-1]} - {None}
    found += [f"inner_cue={kind}" for kind in sorted(k for k in inner if k)]
    head = class_from_head(candidate.text)
    found.append(f"head={iri_kind(head) if head is not None else None}")
    if any(_NUMBERED.search(w) for w in words):
        found.append(f"number|first_cue={cue_kind(first)}")
    for offset, word in enumerate(candidate.before[::-1], start=1):
        found.append(f"before{offset}={word}")
    if not candidate.before:
        found.append("clause_start")
    for offset, word in enumerate(candidate.after, start=1):
        found.append(f"after{offset}={word}")
    if not candidate.after:
        found.append("clause_end")
    if candidate.bracket_after:
        bracket = candidate.bracket_after.strip()
        found.append("bracket=acronym" if re.fullmatch(r"[A-Z][A-Za-z&-]*[A-Z]s?", bracket)
                     else "bracket=other")
    return found
