"""The relations stage: entities of a document in, relation Facts out.

Each sentence of the prose regions goes through every enabled rule (spkg.ingest.rules,
one module per family, registered by name), in the order their declared needs give. A
pronoun subject ("It was formally launched …") is the focus of the previous sentence of
the same section: the first intervention or body it named; "The policy …" is the last
policy. Nothing is inferred beyond what a sentence says.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import Entity
from spkg.ingest.records import Document, Fact, Span
from spkg.ingest.rules.context import Context, document_country
from spkg.ingest.rules.registry import ordered

__all__ = ["document_country", "read_relations", "run_rules", "sentences_in"]


def sentences_in(document: Document, region: Span) -> list[Span]:
    """The sentences inside ``region`` (sentences are sorted: two bisections)."""
    sentences = document.sentences
    low = bisect.bisect_left(sentences, Span(region.start, region.start))
    high = bisect.bisect_right(sentences, Span(region.end, region.end), lo=low)
    return [s for s in sentences[low:high] if s.end <= region.end]


def read_relations(document: Document, entities: list[Entity], gazetteer: Gazetteer,
                   regions: list[Span], *, disabled: Iterable[str] = ()) -> list[Fact]:
    """The relation Facts the sentences of ``regions`` state (rules in ``disabled`` off)."""
    return run_rules(document, entities, gazetteer, regions, disabled=disabled).facts


def run_rules(document: Document, entities: list[Entity], gazetteer: Gazetteer,
              regions: list[Span], *, disabled: Iterable[str] = ()) -> Context:
    """The rules' context after reading ``regions``: its Facts and the rule each came from."""
    # (name, function) pairs read once: ~50 rules run on every sentence
    rules = [(each.name, each.function) for each in ordered(disabled)]
    ctx = Context(document, entities, gazetteer)
    for region in regions:
        ctx.forget()
        for sentence in sentences_in(document, region):
            for name, function in rules:
                ctx.rule = name
                function(ctx, sentence)
            ctx.remember(sentence)
    return ctx
