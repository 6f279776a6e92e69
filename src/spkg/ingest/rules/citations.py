"""What a text cites: ILO instruments ("in line with Convention No. 102") and, in a result
record, the SDG goals and targets its prose names ("contributing to SDG target 1.3")."""

from __future__ import annotations

import re

from spkg.ingest.naming import INTERVENTION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    Context,
    Placed,
    is_place,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SDG, SDGO, SPKG


@rule("instruments", family="citations")
def instruments(ctx: Context, sentence: Span) -> None:
    """What cites an ILO instrument: the study, law or intervention right before "against",
    "in line with" … ("a review of the law against Convention No. 102"), else the sentence's
    subject ("The decree follows C102"); in a result record, the result too."""
    previous: tuple[Placed, Placed | None] | None = None  # the last instrument, its citer
    for instrument in ctx.in_span(sentence, {SPKG.Convention, SPKG.Recommendation}):
        citing = _adjacent_citer(ctx, sentence, instrument) or _pointed_citer(
            ctx, sentence, instrument) or _subject(ctx, sentence, instrument)
        if citing is None and previous is not None and _AND_INSTRUMENT.fullmatch(
                ctx.text, previous[0].end, instrument.start):
            citing = previous[1]  # "… against C102 and the R202": both
        previous = (instrument, citing)
        if citing is not None:
            ctx.add(citing.entity.iri, SPKG.citesInstrument, instrument.entity.iri,
                     sentence, citing.mention.span, instrument.mention.span)
        if ctx.document.kind == "result-record":
            for outcome in ctx.outcomes():
                ctx.add(outcome, SPKG.citesInstrument, instrument.entity.iri, sentence,
                        instrument.mention.span)


CITERS = INTERVENTION_CLASSES | {SPKG.Study, SPKG.Project}
# The words between a citer and the instrument it is measured against or follows
_CITES = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:which|that)\s+)?(?:is\s+|are\s+|was\s+|were\s+)?"
    r"(?:fully\s+|closely\s+|largely\s+)?"
    r"(?:against|in\s+(?:the\s+)?light\s+of|in\s+line\s+with|in\s+accordance\s+with|"
    r"(?:consistent|compliant|aligned|in\s+conformity|conform\w*)\s+with|based\s+on|"
    r"follow(?:s|ing|ed)?|conformément\s+à|au\s+regard\s+de|de\s+acuerdo\s+con|"
    r"conforme\s+(?:a|al|con))\s+(?:the\s+|la\s+|le\s+|el\s+|l['’])?"
    r"(?:(?:standards?|principles?|provisions?|requirements?|norms?)\s+(?:of|set\s+by)\s+"
    r"(?:the\s+)?)?(?:ILO\s+)?")
# A law read by a study: "a review of the Pension Act against C102" (the review cites it)
_READ = re.compile(r"\b(?:review|analysis|assessment|comparison|study|examination|"
                   r"evaluation|mapping)\s+of\s+(?:the\s+)?(?:draft\s+|national\s+)?$")


def _adjacent_citer(ctx: Context, sentence: Span, instrument: Placed) -> Placed | None:
    """The study, law or intervention named right before the citing words."""
    before = ctx.before(sentence, instrument.start, CITERS)
    if before is None or not _CITES.fullmatch(ctx.text, before.end, instrument.start):
        return None
    if before.entity.cls == SPKG.Law and _READ.search(
            ctx.text, max(sentence.start, before.start - 40), before.start):
        return None  # the unnamed review cites, not the law it reads
    return before


# Between two instruments of one list: "(No. 102) and the", "(No. 102), and the", "et la"
_AND_INSTRUMENT = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:and|et|y|e)\s+"
                             r"(?:the\s+|la\s+|le\s+|el\s+|l['’]|a\s+|o\s+)?(?:ILO\s+)?")
# "The actuarial study follows …", "checked the draft law against …": a noun that
# points back to the study, law or intervention named before, right before the citing words
_POINTED = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir)\s+(?:draft\s+|new\s+|proposed\s+|"
                      r"feasibility\s+|actuarial\s+|legal\s+|revised\s+)?(?P<noun>[a-z]+)"
                      + _CITES.pattern + r"$")


def _pointed_citer(ctx: Context, sentence: Span, instrument: Placed) -> Placed | None:
    """The thing named before that "the draft law" or "The feasibility study" right before
    the citing words refers to (nothing named between it and the instrument)."""
    pointed = _POINTED.search(ctx.text, sentence.start, instrument.start)
    if pointed is None or ctx.in_span(Span(pointed.start(), instrument.start)):
        return None
    if _READ.search(ctx.text, max(sentence.start, pointed.start() - 40), pointed.start()):
        return None  # "a gap analysis of the law against …": the review cites, not the law
    found = ctx.referent(pointed["noun"], CITERS)
    return found if found is not None and found.start < sentence.start else None


def _subject(ctx: Context, sentence: Span, instrument: Placed) -> Placed | None:
    """The sentence's subject ("It", "The decree", or the first name it opens with), when
    the instrument is in a clause of its own: a thing named mid-sentence is no citer."""
    citing = ctx.subject_before(sentence, instrument.start)
    if citing is None or citing.start < sentence.start:
        return citing
    first = ctx.in_span(Span(sentence.start, instrument.start))
    opening = [p for p in first if not is_place(p)]
    return citing if opening and opening[0] is citing else None


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
