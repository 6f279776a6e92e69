"""Meetings, workshops and trainings: who organised, chaired and took part, and when."""

from __future__ import annotations

import re

from spkg.ingest.naming import ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    SUPPORTED_CLASSES,
    Context,
    Placed,
    same_clause,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG


@rule("meeting", family="events", gives=('meeting',))
def meeting(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bchaired\b", sentence):
        meeting = re.search(r"\bmeeting of\b", ctx.text[cue.end() : sentence.end])
        chair = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
        if meeting is None or chair is None:
            continue
        body = ctx.after(cue.end() + meeting.end(), sentence, ORGANISATION_CLASSES)
        date = ctx.date_after(cue.end(), sentence)
        if body is None or date is None:
            continue
        event = ctx.event(SPKG.Meeting, body, date, sentence)
        ctx.add(event, SPKG.chairedBy, chair.entity.iri, sentence, chair.mention.span)
        ctx.last_meeting = event


@rule("hosted-meeting", family="events", gives=('meeting',))
def hosted_meeting(ctx: Context, sentence: Span) -> None:
    """"VSS hosted a consultation workshop on the draft Law … on 10 May 2022, chaired by …"."""
    pattern = (r"\b(?:hosted|held|organi[sz]ed|convened)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
               r"(?:meeting|workshop|seminar|consultation|conference|dialogue|session)\s+"
               r"(?:on|of)\s+(?:the\s+)?(?:draft\s+)?")
    for cue in ctx.cues(pattern, sentence):
        if ctx.overlapping(Span(cue.start(), cue.end()), {SPKG.Event}):
            continue  # an event the entity stage named: the gathering rules relate it
        hosts = ctx.listed_before(sentence, cue.start()) or [
            h for h in [ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)] if h]
        topic = ctx.after(cue.end(), sentence, SUPPORTED_CLASSES)
        date = ctx.date_after(cue.end(), sentence)
        if topic is None or date is None:
            continue
        event = ctx.event(SPKG.Meeting, topic, date, sentence)
        ctx.last_meeting = event
        for host in hosts:
            ctx.add(event, SPKG.organisedBy, host.entity.iri, sentence, host.mention.span)
        chaired = re.search(r"\bchaired\s+by\s+(?:the\s+)?",
                            ctx.text[cue.end() : sentence.end])
        if chaired:
            chair = ctx.after(cue.end() + chaired.end(), sentence, ORGANISATION_CLASSES)
            if chair is not None:
                ctx.add(event, SPKG.chairedBy, chair.entity.iri, sentence,
                         chair.mention.span)


@rule("meeting-organised-by", family="events", gives=('meeting',))
def meeting_organised_by(ctx: Context, sentence: Span) -> None:
    """"A validation workshop on the … Law was organised by the ILO and … on 4 October"."""
    pattern = (r"\b(?:meeting|workshop|seminar|consultation|conference|dialogue|session)\s+"
               r"(?:on|of)\s+(?:the\s+)?(?:draft\s+)?")
    for cue in ctx.cues(pattern, sentence):
        if ctx.overlapping(Span(cue.start(), cue.end()), {SPKG.Event}):
            continue  # an event the entity stage named: the gathering rules relate it
        topic = ctx.after(cue.end(), sentence, SUPPORTED_CLASSES)
        if topic is None or topic.start != cue.end():
            continue
        by = re.match(r"\s*(?:\([^)]*\)\s*)?(?:was|were)\s+(?:organi[sz]ed|held|convened|"
                      r"hosted)\s+(?:jointly\s+)?by\s+(?:the\s+)?",
                      ctx.text[topic.end : sentence.end])
        if by is None:
            continue
        hosts = ctx.listed_after(topic.end + by.end(), sentence)
        date = ctx.date_after(topic.end, sentence)
        if not hosts or date is None:
            continue
        event = ctx.event(SPKG.Meeting, topic, date, sentence)
        ctx.last_meeting = event
        for host in hosts:
            ctx.add(event, SPKG.organisedBy, host.entity.iri, sentence, host.mention.span)


@rule("participants", family="events", needs=('meeting',))
def participants(ctx: Context, sentence: Span) -> None:
    if ctx.last_meeting in ctx.named_events:
        return  # an event the entity stage named: event-participants reads its cues
    if ctx.last_meeting is None or not ctx.cues(
            r"(?i)\bthe (meeting|session|workshop|seminar|consultation|conference)\b",
            sentence):
        return
    if ctx.cues(r"\bchaired\b", sentence):
        return
    stop = ctx.cues(r"\b(funded|supported|financed)\b", sentence)
    until = stop[0].start() if stop else sentence.end
    for placed in ctx.in_span(Span(sentence.start, until), ORGANISATION_CLASSES):
        if placed.entity.cls != SPKG.UNAgency or re.search(
                r"\bby\b", ctx.text[sentence.start : placed.start]):
            ctx.add(ctx.last_meeting, SPKG.participant, placed.entity.iri, sentence,
                     placed.mention.span)


@rule("training", family="events")
def training(ctx: Context, sentence: Span) -> None:
    pattern = (r"\btraining\b[^.]*?\b(?:organi[sz]ed|held|conducted)\b[^.]*?\b(?:on|in)\b|"
               r"\b(?:organi[sz]ed|held|conducted)\s+(?:a|an)\s+(?:[\w-]+\s+)?training\b")
    for cue in ctx.cues(pattern, sentence):
        date = ctx.date_after(cue.start(), sentence)
        if date is None:
            continue
        concerned = _trainees(ctx, sentence)
        if concerned is None and ctx.focus is not None and (
                ctx.focus.entity.cls in _TRAINED_ON):
            concerned = ctx.focus  # "It also held a training on 3 May": the scheme's
        if concerned is None:
            continue
        event = ctx.event(SPKG.Training, concerned, date, sentence)
        organiser = ctx.before(sentence, cue.start() + 1, ORGANISATION_CLASSES)
        if organiser is not None and re.match(
                r"\s+(?:organi[sz]ed|held|conducted)\b",
                ctx.text[organiser.end : sentence.end]):
            ctx.add(event, SPKG.organisedBy, organiser.entity.iri, sentence,
                     organiser.mention.span)


# What a training can be of, when the sentence names no trainees: a body or a scheme (a
# training "of" a law or a policy is no reading of a text).
_TRAINED_ON = ORGANISATION_CLASSES | {SPKG.Programme, SPKG.Scheme, SPKG.Project}


def _trainees(ctx: Context, sentence: Span) -> Placed | None:
    """"a training (session) for 60 officers of the SSS …", "a training for SSS staff": the
    organisation named a few words after "training … for/of"."""
    words = re.search(r"\btraining(?:\s+(?:sessions?|courses?|workshops?|programmes?))?\s+"
                      r"(?:for|of)\s+", ctx.text[sentence.start : sentence.end])
    if words is None:
        return None
    start = sentence.start + words.end()
    found = ctx.in_span(Span(start, sentence.end), ORGANISATION_CLASSES)
    if not found or not re.fullmatch(r"(?:the\s+)?(?:[\d,]+\s+)?(?:[\w-]+\s+){0,3}?"
                                     r"(?:(?:of|from|at)\s+)?(?:the\s+)?",
                                     ctx.text[start : found[0].start]):
        return None
    return found[0]


@rule("trained", family="events")
def trained(ctx: Context, sentence: Span) -> None:
    """"The ILO also trained 40 SHA officers on 3-5 July 2023": a training of SHA staff."""
    for cue in ctx.cues(r"\btrained\s+", sentence):
        trainers = ctx.listed_before(sentence, cue.start())
        trainees = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        if not trainers or trainees is None or not re.fullmatch(
                r"(?:[\d,]+\s+|some\s+|over\s+[\d,]+\s+|more\s+than\s+[\d,]+\s+)?(?:the\s+)?",
                ctx.text[cue.end() : trainees.start]):
            continue
        date = ctx.date_after(trainees.end, sentence)
        if date is None or not same_clause(ctx.text, trainees.end, date.span.start):
            continue
        event = ctx.event(SPKG.Training, trainees, date, sentence)
        for trainer in trainers:
            ctx.add(event, SPKG.organisedBy, trainer.entity.iri, sentence,
                     trainer.mention.span)
