"""Where a body or an intervention is: "Pakistan’s X", "X in Y", a sentence's lead place."""

from __future__ import annotations

import re

from spkg.ingest.gazetteer import PLACE_CLASSES
from spkg.ingest.naming import BODY_CLASSES, INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    PROVINCES,
    Context,
    Placed,
    is_place,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG


@rule("location", family="location")
def location(ctx: Context, sentence: Span) -> None:
    lead = re.match(r"\s*(?:In\s+)?([A-Z][\w ]+?)(?:\s+Province)?(?:,|\s+(?:announced|shared|"
                    r"is|has|will|adopted|launched))", ctx.text[sentence.start : sentence.end])
    place = None
    if lead:
        place = ctx.gazetteer.lookup(lead.group(1), PLACE_CLASSES)
    for placed in ctx.in_span(sentence, INTERVENTION_CLASSES | BODY_CLASSES):
        if placed.entity.reference is not None:
            continue
        owner = re.search(r"([A-Z][\w ]*?)[’']s\s+$", ctx.text[sentence.start : placed.start])
        country = ctx.gazetteer.lookup(owner.group(1), PLACE_CLASSES) if owner else None
        if country is not None:  # "Pakistan’s Social Security Coordination Forum"
            ctx.add(placed.entity.iri, SPKG.locatedIn, country.iri, sentence,
                     placed.mention.span)
            continue
        near = re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w ]+?)\b(?=[\s.,;]|$)",
                        ctx.text[placed.end : sentence.end])
        here = ctx.gazetteer.lookup(near.group(1), PLACE_CLASSES) if near else None
        if here is None and placed.entity.cls in BODY_CLASSES:
            seat = _seat(ctx, placed, sentence)  # "a committee in Kaduna", "…, based in Lima"
            if seat is not None:
                ctx.add(placed.entity.iri, SPKG.locatedIn, seat.entity.iri, sentence,
                        placed.mention.span, seat.mention.span)
                continue
        where = here or (place if placed.entity.cls in INTERVENTION_CLASSES else None)
        if where is not None and (where.cls in PROVINCES | {SPKG.Country} or where is here):
            ctx.add(placed.entity.iri, SPKG.locatedIn, where.iri, sentence,
                     placed.mention.span)


@rule("organisation-place", family="location")
def organisation_place(ctx: Context, sentence: Span) -> None:
    """An organisation the text places: "Zambia's Ministry of Labour", "the Workers'
    Compensation Fund in Lusaka" (a place named right after "in"). A name that holds its
    place ("… of Colombia") is the entity stage's; bodies are the location rule's."""
    for placed in ctx.in_span(sentence, ORGANISATION_CLASSES - BODY_CLASSES):
        if placed.entity.reference is not None:
            continue
        owner = re.search(r"([A-Z][\w ]*?)[’']s\s+$", ctx.text[sentence.start : placed.start])
        where = ctx.gazetteer.lookup(owner.group(1), PLACE_CLASSES) if owner else None
        if where is None:
            following = _seat(ctx, placed, sentence)
            if following is not None:
                ctx.add(placed.entity.iri, SPKG.locatedIn, following.entity.iri, sentence,
                        placed.mention.span, following.mention.span)
                continue
        if where is not None:
            ctx.add(placed.entity.iri, SPKG.locatedIn, where.iri, sentence, placed.mention.span)


def _seat(ctx: Context, placed: Placed, sentence: Span) -> Placed | None:
    """The place named right after an organisation: "X (ACR) in Y", "X, based in Y", "X,
    located in Y" (the next mention, and nothing but those words between)."""
    after = ctx.in_span(Span(placed.end, sentence.end))
    following = next((p for p in after if p.entity.iri != placed.entity.iri), None)
    if following is None or not is_place(following):
        return None
    gap = ctx.text[placed.end : following.start]
    if re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?:based|located|headquartered|"
                    r"seated)\s+)?in\s+(?:the\s+)?(?:city\s+of\s+)?", gap):
        return following
    return None
