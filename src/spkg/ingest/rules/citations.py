"""What a text cites: ILO instruments ("in line with Convention No. 102") and, in a result
record, the SDG goals and targets its prose names ("contributing to SDG target 1.3")."""

from __future__ import annotations

import re

from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    Context,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SDG, SDGO, SPKG


@rule("instruments", family="citations")
def instruments(ctx: Context, sentence: Span) -> None:
    for instrument in ctx.in_span(sentence, {SPKG.Convention, SPKG.Recommendation}):
        citing = ctx.subject_before(sentence, instrument.start)
        if citing is not None:
            ctx.add(citing.entity.iri, SPKG.citesInstrument, instrument.entity.iri,
                     sentence, citing.mention.span, instrument.mention.span)
        elif ctx.document.kind == "result-record":
            for outcome in ctx.outcomes():
                ctx.add(outcome, SPKG.citesInstrument, instrument.entity.iri, sentence,
                        instrument.mention.span)


# Words that make a result's link to an SDG a contribution ("contributing to SDG target 1.3").
_CONTRIBUTES = re.compile(
    r"\b(?:contribut\w*|towards?|achiev\w*|progress\w*|aligned|in\s+line\s+with|"
    r"in\s+support\s+of|advanc\w*|accelerat\w*|(?:meet|reach)(?:ing)?)\b[^.;]*$")


@rule("sdg-in-prose", family="citations")
def sdg_in_prose(ctx: Context, sentence: Span) -> None:
    """A result record's prose naming an SDG target or goal: the result contributes to it
    (other documents have no result to say it of)."""
    if ctx.document.kind != "result-record":
        return
    for named in ctx.in_span(sentence, {SDGO.Target, SDGO.Goal}):
        if not str(named.entity.iri).startswith(str(SDG)) or not _CONTRIBUTES.search(
                ctx.text[max(sentence.start, named.start - 90) : named.start]):
            continue  # "data on SDG 1.3" says nothing of what the result contributes to
        predicate = (SPKG.contributesToTarget if named.entity.cls == SDGO.Target
                     else SPKG.contributesToGoal)
        for outcome in ctx.outcomes():
            ctx.add(outcome, predicate, named.entity.iri, sentence, named.mention.span)
