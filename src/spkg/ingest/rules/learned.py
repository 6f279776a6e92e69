"""Relations a linear model learned from every annotated batch (spkg.ingest.learn), for
pairs of mentions in one sentence that no rule related.

It runs after every other rule (it needs EVERY_RULE and LAST), skips a pair that any fact already
relates, whatever the predicate, so it never repeats or contradicts a rule, and proposes a
predicate only above the threshold chosen leave-one-batch-out and only between classes the
annotated data relates with it. Switch it off by name: ``learned-relations``.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from rdflib import RDF, URIRef

from spkg.ingest.cues import TOGETHER_WITH
from spkg.ingest.learn.features import features, pairs_in, related_pairs, section_name
from spkg.ingest.learn.model import LinearModel, shipped_model
from spkg.ingest.records import Span
from spkg.ingest.rules.context import Context
from spkg.ingest.rules.registry import EVERY_RULE, LAST, rule
from spkg.namespace import SPKG

_override: list[LinearModel] = []
# Predicates that give one role of a thing: when a rule has already read who holds such a
# role in the sentence ("organised by the Ministry with the ILO"), the others named there
# were left out on purpose, and the model, which sees only the words between two mentions,
# does not second-guess that.
ROLE_GROUPS = (
    frozenset({SPKG.participant, SPKG.organisedBy, SPKG.chairedBy}),
    frozenset({SPKG.fundedBy, SPKG.supportedBy, SPKG.implementedBy, SPKG.developedBy}),
)
# A body named right after "in collaboration with" shares the doing ("a workshop held in
# collaboration with the Federation"): a partner of the event, which the annotation guides
# never make a participant; the words between the two mentions do not show the model that.
_PARTNER_CUE_BEFORE = re.compile(rf"(?i)\b{TOGETHER_WITH}$")
# A negation between the two mentions ("the Council has not adopted the Decree", "n'a pas
# adopté", "no ha aprobado"): the rules read it, the model's bag of words cannot.
_NEGATION = re.compile(r"(?i)\b(?:not|never|pas|jamais|nunca|não|nao)\b|n['’]t\b"
                       r"|\bno\s+(?:ha|han|fue|fueron|se)\b")
# Per context: how many of its facts were read, and the pairs of IRIs they relate (kept
# up to date as facts come, so a long document is not re-read for every sentence).
_related: weakref.WeakKeyDictionary[Context, tuple[int, set[frozenset[URIRef]]]] = (
    weakref.WeakKeyDictionary())


@contextmanager
def using(model: LinearModel) -> Iterator[None]:
    """Score with ``model`` instead of the shipped one (leave-one-batch-out evaluation)."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def active_model() -> LinearModel:
    return _override[-1] if _override else shipped_model()


def _pairs_related(ctx: Context) -> set[frozenset[URIRef]]:
    seen, pairs = _related.get(ctx, (0, set()))
    pairs |= related_pairs(ctx.facts[seen:])
    _related[ctx] = (len(ctx.facts), pairs)
    return pairs


@rule("learned-relations", family="learned", needs=(EVERY_RULE, LAST))
def learned_relations(ctx: Context, sentence: Span) -> None:
    """Pairs of mentions no rule related, given the predicate the model scores highest."""
    model = active_model()
    if not model.thresholds:
        return
    placed = ctx.in_span(sentence)
    if len(placed) < 2:
        return
    related = _pairs_related(ctx)
    section = section_name(ctx.document, sentence)
    for pair in pairs_in(placed, sentence, ctx.text):
        first, second = pair.first.entity, pair.second.entity
        classes = f"{first.cls}>{second.cls}"
        if classes not in model.proposable or frozenset((first.iri, second.iri)) in related:
            continue  # most pairs: nothing the model may propose, or a rule's already
        found = model.best(features(pair, placed, ctx.text, ctx.document.kind, section),
                           classes)
        if found is None or _NEGATION.search(ctx.text, pair.first.mention.span.start,
                                             pair.second.mention.span.end):
            continue
        label = found[0]
        predicate, forward = URIRef(label[:-1]), label.endswith(">")
        subject, obj = (pair.first, pair.second) if forward else (pair.second, pair.first)
        if _role_read(ctx, sentence, subject.entity.iri, predicate) or _adopter_read(
                ctx, sentence, predicate, obj.entity.iri):
            continue
        if predicate == SPKG.participant and _PARTNER_CUE_BEFORE.search(
                ctx.text, max(sentence.start, obj.mention.span.start - 80),
                obj.mention.span.start):
            continue
        ctx.add(subject.entity.iri, predicate, obj.entity.iri, sentence,
                subject.mention.span, obj.mention.span)
        if predicate == SPKG.fundedBy and obj.entity.cls not in {SPKG.Funder, SPKG.Donor}:
            # as the funding rules do: whoever funds something is a funder
            ctx.add(obj.entity.iri, RDF.type, SPKG.Funder, sentence, obj.mention.span)
        related.add(frozenset((first.iri, second.iri)))


def _role_read(ctx: Context, sentence: Span, subject: URIRef, predicate: URIRef) -> bool:
    """Whether a rule already read, in this sentence, who holds a role of ``predicate``'s
    group for ``subject``."""
    group = next((g for g in ROLE_GROUPS if predicate in g), None)
    return group is not None and any(
        fact.subject == subject and fact.predicate in group for fact in ctx.facts.of(sentence))


def _adopter_read(ctx: Context, sentence: Span, predicate: URIRef, adopter: URIRef) -> bool:
    """Whether a rule already read what ``adopter`` adopted in this sentence ("the Act 2020
    amending the Act 1998, passed by the Assembly": the amended act was not passed there)."""
    return predicate == SPKG.adoptedBy and any(
        fact.predicate == predicate and fact.object == adopter
        for fact in ctx.facts.of(sentence))
