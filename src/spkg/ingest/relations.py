"""The relations stage: entities of a document in, relation Facts out.

Each sentence of the prose regions goes through every enabled rule (spkg.ingest.rules,
one module per family, registered by name; a rule that can act only on a cue the sentence
lacks is skipped), in the order their declared needs give. A
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
from spkg.ingest.rules.context import CUES, Context, document_country
from spkg.ingest.rules.prefilter import Cue
from spkg.ingest.rules.registry import RuleFunction, cue_of, ordered

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
              regions: list[Span], *, disabled: Iterable[str] = (),
              gated: bool = True) -> Context:
    """The rules' context after reading ``regions``: its Facts and the rule each came from.
    A rule that only loops over one cue's matches is not called on a sentence lacking that
    cue's words (registry.cue_of; ``gated=False`` calls every rule, for comparison)."""
    # (name, function, cue) read once: ~80 rules, most looking for a cue a sentence lacks
    rules: list[tuple[str, RuleFunction, Cue | None]] = []
    for each in ordered(disabled):
        pattern = cue_of(each.function) if gated else None
        cue = CUES.cue(pattern) if pattern is not None else None
        rules.append((each.name, each.function, cue if cue and cue.words else None))
    ctx = Context(document, entities, gazetteer)
    for region in regions:
        ctx.forget()
        for sentence in sentences_in(document, region):
            for name, function, cue in rules:
                if cue is not None and not ctx.may_match(cue, sentence):
                    continue
                ctx.rule = name
                function(ctx, sentence)
            ctx.remember(sentence)
    return ctx
