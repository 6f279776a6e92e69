"""Who developed an intervention."""

from __future__ import annotations

from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    Context,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG


@rule("development", family="development")
def development(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\b(?:which|that|who)\s+developed\b|\bdeveloped by\b", sentence):
        if cue.group(0).startswith("developed by"):
            intervention = ctx.subject_before(sentence, cue.start())
            developers = ctx.listed_after(cue.end(), sentence)
        else:
            developer = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
            developers = [developer] if developer is not None else []
            intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        if intervention is None:
            continue
        for developer in developers:
            ctx.add(intervention.entity.iri, SPKG.developedBy, developer.entity.iri,
                     sentence, intervention.mention.span, developer.mention.span)
