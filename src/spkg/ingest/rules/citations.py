"""ILO instruments an intervention or a result cites."""

from __future__ import annotations

from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    Context,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG, mint


@rule("instruments", family="citations")
def instruments(ctx: Context, sentence: Span) -> None:
    for instrument in ctx.in_span(sentence, {SPKG.Convention, SPKG.Recommendation}):
        citing = ctx.subject_before(sentence, instrument.start)
        if citing is not None:
            ctx.add(citing.entity.iri, SPKG.citesInstrument, instrument.entity.iri,
                     sentence, citing.mention.span, instrument.mention.span)
        elif ctx.document.kind == "result-record":
            ctx.add(mint("outcome", ctx.document_slug()), SPKG.citesInstrument,
                     instrument.entity.iri, sentence, instrument.mention.span)
