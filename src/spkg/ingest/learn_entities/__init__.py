"""A learned stage after the rules: which word runs the rules left unread name an entity.

The rules (spkg.ingest.entities and the recogniser families) find most names; on text
nobody tuned them for, they miss names whose shape they do not know. This stage takes the
word runs no rule's mention overlaps (:mod:`.candidates`), describes each by a few
features (:mod:`.features`: head cue word in any of three languages, capitalisation,
words around it) and scores them with a logistic regression trained on every
hand-annotated batch (tests/extract; scripts/train_learned_entities.py). A run becomes a
mention only when one kind's probability passes the shipped threshold, chosen so that
what the stage adds is right at least 95 times in 100 on batches it was not trained on.

It is off unless the environment says ``SPKG_LEARNED_ENTITIES=1``: at its threshold it
added no name in cross-validation nor on the blind batch fresh-10, and it took about a
quarter of ingestion's CPU time (docs/explanation/learned-entities.md). In code,
``MentionFinder.find(..., skip={"learned"})`` keeps it off whatever the environment says.
"""

from __future__ import annotations

import os

from rdflib import URIRef

from spkg.ingest.gazetteer import normalise_name
from spkg.ingest.learn_entities.candidates import Candidate, candidates
from spkg.ingest.learn_entities.cues import KINDS
from spkg.ingest.learn_entities.features import features
from spkg.ingest.learn_entities.model import Model, shipped_model
from spkg.ingest.mentions.base import Mention
from spkg.ingest.naming import (
    GENERIC_NAMES,
    ORGANISATION_CLASSES,
    canonical_key,
    class_from_head,
    refine_organisation,
)
from spkg.ingest.records import Span
from spkg.namespace import ORG, SPKG, mint

FAMILY = "learned"
_DEFAULT = {"programme": SPKG.Programme, "policy": SPKG.Policy, "law": SPKG.Law,
            "project": SPKG.Project, "study": SPKG.Study,
            "population-group": SPKG.PopulationGroup}
_ALLOWED = {"programme": {SPKG.Programme, SPKG.Scheme}, "policy": {SPKG.Policy, SPKG.Strategy}}


def enabled() -> bool:
    """Whether the environment switches the stage on (``SPKG_LEARNED_ENTITIES=1``)."""
    return os.environ.get("SPKG_LEARNED_ENTITIES", "0").lower() in ("1", "on", "yes", "true")


def kind_class(kind: str, words: str) -> URIRef:
    """The class a name of ``kind`` gets: its head's where the head agrees, else the kind's
    default (an organisation refined by its words, as the rules refine one)."""
    head = class_from_head(words)
    if kind == "organisation":
        if head in ORGANISATION_CLASSES:
            return head
        return refine_organisation(normalise_name(words), ORG.Organization)
    if head is not None and head in _ALLOWED.get(kind, ()):
        return head
    return _DEFAULT[kind]


def iri_for(kind: str, words: str) -> URIRef:
    """The IRI the rules would mint for ``words`` read as a ``kind`` (naming conventions)."""
    return mint(kind, canonical_key(words, kind_class(kind, words)))


def scored(text: str, regions: list[Span], taken: list[Span],
           model: Model) -> list[tuple[float, str, Candidate]]:
    """Every candidate with its best kind and that kind's probability."""
    found: list[tuple[float, str, Candidate]] = []
    for region in regions:
        for candidate in candidates(text, region, taken):
            if normalise_name(candidate.text) in GENERIC_NAMES:
                continue
            kind, probability = model.best(features(candidate))
            found.append((probability, kind, candidate))
    return found


def chosen(found: list[tuple[float, str, Candidate]],
           threshold: float) -> list[tuple[float, str, Candidate]]:
    """The candidates above ``threshold``, most probable first, none overlapping another."""
    kept: list[tuple[float, str, Candidate]] = []
    for item in sorted(found, key=lambda f: (-f[0], f[2].span.start, f[2].span.end)):
        probability, _, candidate = item
        if probability < threshold:
            break
        span = candidate.span
        if any(k[2].span.start < span.end and span.start < k[2].span.end for k in kept):
            continue
        kept.append(item)
    return sorted(kept, key=lambda f: f[2].span.start)


def learned_mentions(text: str, regions: list[Span], taken: list[Mention],
                     model: Model | None = None) -> list[Mention]:
    """Mentions of names no rule read, where the model is confident enough."""
    if model is None:
        model = shipped_model()
    spans = [m.span for m in taken] + [m.acronym_span for m in taken if m.acronym_span]
    found = chosen(scored(text, regions, spans, model), model.threshold)
    return [Mention(c.span, c.text, kind_class(kind, c.text), source=FAMILY,
                    iri=iri_for(kind, c.text), family=FAMILY)
            for _, kind, c in found]


__all__ = ["FAMILY", "KINDS", "enabled", "iri_for", "kind_class", "learned_mentions"]
