"""An intervention's dated milestones besides adoption: launch (and who launched it),
notification, establishment of a body, announcement of what will be rolled out."""

from __future__ import annotations

import re

from rdflib import XSD

from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import DateValue, Span
from spkg.ingest.rules.context import (
    SUBJECT_CLASSES,
    Context,
    Placed,
    is_place,
    same_clause,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

# "launched" in the ILO's three languages: "a lancé", "a été lancée", "lanzó", "puso en marcha"
_LAUNCHED = (r"(?<!will be )(?<!sera )(?<!será )\b(?:launched|a\s+lancé|ont\s+lancé|"
             r"lancée?s?|lanz[óo]|lanzaron|lanzad[oa]s?|pusieron\s+en\s+marcha|"
             r"puso\s+en\s+marcha|"
             # a pilot's start, an inauguration: "began piloting X in Y in January 2024"
             r"(?:began|started|begun)\s+piloting|inaugurated|a\s+inauguré|inaugur[óo]|"
             r"lançou|lançad[oa]s?|inaugurou|"
             # a participle after a programme: "the X Programme, introduced in May 2023,"
             r"(?<=,\s)(?:introduced|introduit|introduite|introducid[oa]|introduzid[oa])"
             r"(?=\s+(?:in|on|en|le|em)\s))(?![\w-])")
# What a programme "introduced" in a participle can be (a law "introduced" is a bill tabled)
_INTRODUCED_KINDS = frozenset({SPKG.Programme, SPKG.Scheme})
# What is launched right after the verb: "launched the X", "a new phase of the X Project"
_LAUNCHED_OBJECT = re.compile(r"\s*(?:(?:a\s+|the\s+)?(?:new|second|third|next|final|pilot)\s+"
                              r"(?:phase|stage)\s+of\s+)?(?:the\s+|its\s+|l['’]|le\s+|la\s+|"
                              r"les\s+|el\s+|los\s+|las\s+|an?\s+(?=new\s))?(?:new\s+)?")


def _launched(ctx: Context, sentence: Span, cue: re.Match[str]) -> Placed | None:
    """The intervention or project named right after the verb."""
    gap = _LAUNCHED_OBJECT.match(ctx.text, cue.end(), sentence.end)
    named = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES | {SPKG.Project})
    if gap is None or named is None or named.start != gap.end():
        return None
    return named


# The date and place a passive launch may name before its launchers.
_LAUNCHED_BY = re.compile(r"(?:\s+(?:on|in|at)\s+[^,;.()]{1,40}?){0,2}\s+(?:jointly\s+)?"
                          r"(?:by|par|por|pel[oa])\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|o\s+|a\s+)?")


# Something unnamed launched, then the named programme it belongs to: "an emergency cash
# top-up under the", "un guichet unique dans le cadre du", "una campaña en el marco del"
_FRAME_BEFORE = re.compile(
    r"\b(?:an?|un|une|una|um|uma)\s+[^,;.]{2,60}?\s+(?:under|within|through|as\s+part\s+of|"
    r"in\s+the\s+framework\s+of|dans\s+le\s+cadre\s+d[eu']|en\s+el\s+marco\s+de(?:l)?|"
    r"bajo|au\s+titre\s+d[eu']|for|pour|para)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|o\s+|"
    r"a\s+)?$")


def _introduced(ctx: Context, sentence: Span, cue: re.Match[str]) -> Placed | None:
    """The programme or scheme named right before ", introduced in D"."""
    named = ctx.before(sentence, cue.start(), _INTRODUCED_KINDS)
    if named is None or not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?,\s*",
                                         ctx.text[named.end : cue.start()]):
        return None
    return named


@rule("launch", family="lifecycle")
def launch(ctx: Context, sentence: Span) -> None:
    """"A and B launched X on D", "X was launched by A in D", "In 2022 the Ministry launched
    the X" (a launcher the entity stage did not name), "A launched a new phase of the X
    Project in Y on D", "le Gouvernement a lancé X le D", "el Ministerio lanzó X"."""
    for cue in ctx.cues(_LAUNCHED, sentence):
        launcher = None
        intervention = ctx.subject_before(sentence, cue.start())
        if cue.group(0).startswith("introd"):
            intervention = _introduced(ctx, sentence, cue)
            when = ctx.date_after(cue.end(), sentence)
            if intervention is None or when is None or when.literal.datatype == XSD.gYear:
                continue  # "The X Allowance, introduced in 2004, …": its history, no event
        if intervention is None:  # "The Government of Jordan launched the … Strategy"
            launcher = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
            if launcher is not None:
                intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES) or (
                    _launched(ctx, sentence, cue))
                if intervention is not None and intervention.start > cue.end() and (
                        _FRAME_BEFORE.search(ctx.text, cue.end(), intervention.start)):
                    # "launched an emergency top-up under the SCTP": the top-up (unnamed)
                    # was launched, not the programme it runs under
                    intervention = None
            else:  # "In 2022 the DfCDR launched the X": who, the entity stage did not read
                intervention = _launched(ctx, sentence, cue)
        date = ctx.date_after(cue.end(), sentence)
        if date is None or not same_clause(ctx.text, cue.end(), date.span.start):
            # "In November 2017, the Government of Nepal launched …"
            date = ctx.date_before(cue.start(), sentence) if (
                launcher or (intervention is not None and intervention.start > cue.end())) else None
        if intervention is None:
            continue
        # "… launched X at a ceremony held in Lusaka on 14 March": the ceremony the entity
        # stage named is the launch (one happening, one event); its date and place are the
        # gathering rules'
        named = [e for e in ctx.in_span(Span(cue.end(), sentence.end), {SPKG.Event})
                 if same_clause(ctx.text, cue.end(), e.start) and re.search(
                     r"\b(?:at|during|in|through)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$",
                     ctx.text[cue.end() : e.start])]
        if named:
            event = named[0].entity.iri
            ctx.add(event, SPKG.concerns, intervention.entity.iri, sentence,
                    named[0].mention.span, intervention.mention.span)
        elif date is None:
            continue
        else:
            event = ctx.event(SPKG.Launch, intervention, date, sentence)
            # "The launch ceremony was attended by …" in the next sentence is this launch
            ctx.recent_event(event, SPKG.Launch, Span(cue.start(), cue.end()))
            # "la CRPS a lancé à Kayes la campagne …": the place between verb and object
            where = re.match(r"\s+(?:in|at|à|en)\s+", ctx.text[cue.end() : intervention.start])
            following = ctx.in_span(Span(cue.end(), intervention.start)) if where else []
            town = following[0] if following else None
            if town is not None and where is not None and town.start == cue.end() + where.end() \
                    and is_place(town) and town.entity.cls != SPKG.Country:
                ctx.add(event, SPKG.locatedIn, town.entity.iri, sentence, town.mention.span)
        launchers = [launcher] if launcher is not None else []
        if launcher is not None:  # "A and B jointly launched …"
            listed = ctx.listed_before(sentence, cue.start())
            launchers = listed if listed and listed[-1] is launcher else launchers
        # "X, launched by the Ministry …", "X was launched on 3 May 2023 in Y by the Ministry"
        by = _LAUNCHED_BY.match(ctx.text[cue.end() : sentence.end])
        if launcher is None and by:  # "X, launched by the Ministry in March 2021, …"
            launchers = ctx.listed_after(cue.end() + by.end(), sentence)
            if launchers and launchers[0].start != cue.end() + by.end():
                launchers = []
        for each in launchers:
            ctx.add(event, SPKG.organisedBy, each.entity.iri, sentence, each.mention.span)
        if launcher is not None:
            # "… launched X on 1 June 2023 in partnership with the Ministry of Manpower"
            partner = re.search(
                r"\b(?:in\s+partnership|jointly|together)\s+with\s+(?:the\s+)?",
                ctx.text[cue.end() : sentence.end])
            partners = ctx.listed_after(cue.end() + partner.end(), sentence) if partner else []
            for placed in partners:
                ctx.add(event, SPKG.organisedBy, placed.entity.iri, sentence,
                        placed.mention.span)


@rule("notification", family="lifecycle")
def notification(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bnotified\b(?!\s+members)", sentence):
        rest = ctx.text[cue.end() : sentence.end]
        subject = ctx.subject_before(sentence, cue.start(), SUBJECT_CLASSES)
        if subject is None:
            continue
        date = ctx.date_after(cue.end(), sentence)
        if date is None:
            continue
        event = ctx.event(SPKG.Notification, subject, date, sentence)
        to = re.match(r"\s+to\s+(the\s+)?", rest)
        if to:
            recipient = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
            if recipient is not None:
                ctx.add(event, SPKG.participant, recipient.entity.iri, sentence,
                         recipient.mention.span)
        by = re.search(r"\bby\s+(the\s+)?", rest)
        if by:
            notifier = ctx.after(cue.end() + by.start(), sentence, ORGANISATION_CLASSES)
            if notifier is not None and notifier.start <= cue.end() + by.end() + 2:
                ctx.add(event, SPKG.organisedBy, notifier.entity.iri, sentence,
                         notifier.mention.span)


# "established in 2022", "was set up on 3 May", "created in 2010", "the establishment of X",
# "créé en 2010", "creado en 2010", "la création de X en 2020"
_ESTABLISHED = (r"\b(?:establishment\s+of|création\s+(?:du|de\s+la|de\s+l['’]|des)|"
                r"creación\s+(?:del|de\s+la|de\s+los)|(?:established|set\s+up|created|"
                r"founded|instituted)(?:\s+(?:in|on))?|cré[ée]e?s?\s+en|cread[oa]s?\s+en|"
                r"instituid[oa]s?\s+en|establecid[oa]s?\s+en)\b")
# What is established: a body, or a scheme ("the voluntary regime created in 2010")
_ESTABLISHED_CLASSES = ORGANISATION_CLASSES | {SPKG.Programme, SPKG.Scheme}


@rule("establishment", family="lifecycle")
def establishment(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bestablished to develop\b", sentence):
        body = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
        intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        if body is not None and intervention is not None:
            ctx.add(body.entity.iri, SPKG.establishedToDevelop, intervention.entity.iri,
                     sentence, body.mention.span, intervention.mention.span)
    for cue in ctx.cues(_ESTABLISHED, sentence):
        if cue.group(0).startswith(("establishment", "création", "creación")):
            body = ctx.after(cue.end(), sentence, _ESTABLISHED_CLASSES)
            if body is not None and not re.fullmatch(r"\s*(?:the\s+|la\s+|le\s+|l['’]|el\s+)?",
                                                     ctx.text[cue.end() : body.start]):
                body = None
        else:
            # "A taskforce, chaired by the Ministry, was set up in 2022": not the chair
            aux = re.search(r"(?:was|were|has\s+been|had\s+been|a\s+été|fue)\s+(?:also\s+|"
                            r"formally\s+|officially\s+)?$", ctx.text[sentence.start : cue.start()])
            verb = sentence.start + aux.start() if aux else cue.start()
            # "the X (XF), established by …, has paid": a participle right after its body
            head = _without_by_apposition(ctx, sentence, verb) if aux else verb
            body = ctx.subject_before(sentence, head, _ESTABLISHED_CLASSES)
            if body is not None and body.end <= head and not re.fullmatch(
                    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:which|that|qui|que)\s*)?",
                    ctx.text[body.end : head]):
                body = None  # the body is the verb's subject, not a name further back
        date = ctx.date_after(cue.end(), sentence)
        if date is not None and _law_title_day(ctx, cue.end(), date, sentence):
            date = None
        if body is not None and date is not None and same_clause(
                ctx.text, cue.end(), date.span.start):
            event = ctx.event(SPKG.Establishment, body, date, sentence)
            support = re.search(r"\bsupported (under|by)\b",
                                ctx.text[date.span.end : sentence.end])
            if support:
                project = ctx.after(date.span.end + support.end(), sentence,
                                     {SPKG.Project} | ORGANISATION_CLASSES)
                if project is not None:
                    ctx.add(event, SPKG.supportedBy, project.entity.iri, sentence,
                             project.mention.span)


# ", chaired by the Ministry of Labour, Employment and Social Welfare," before the verb
_BY_APPOSITION = re.compile(r",\s*(?:co-?)?(?:chaired|led|headed|coordinated|financed|funded|"
                            r"supported|hosted)\s+by\s+(?:the\s+)?")


def _without_by_apposition(ctx: Context, sentence: Span, verb: int) -> int:
    """Where the subject ends before ", chaired by A, B and C," and the verb at ``verb``:
    the names after "by" may hold commas of their own, so the aside runs from the comma
    before "by" to the comma after the last name."""
    asides = list(_BY_APPOSITION.finditer(ctx.text, sentence.start, verb))
    if asides:
        named = ctx.in_span(Span(asides[-1].end(), verb), ORGANISATION_CLASSES)
        if named and named[0].start == asides[-1].end() and re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?,\s*", ctx.text[named[-1].end : verb]):
            return asides[-1].start()
    return ctx.without_apposition(sentence, verb)


def _law_title_day(ctx: Context, after: int, date: DateValue, sentence: Span) -> bool:
    """"created by Law No. 5 of 3 May 2001", "créé par la loi n° 5, du 3 mai 2001": the day
    is the law's own (its title's), not the day the body or scheme was set up."""
    law = ctx.before(sentence, date.span.start, {SPKG.Law})
    if law is not None and law.start >= after and date.literal.datatype == XSD.date and (
            re.fullmatch(r"\s*,?\s*(?:of|de|du|del)\s+",
                         ctx.text[law.end : date.span.start]) is not None):
        return True
    # "set up under the Pensions Act, 2005 (Act No. 4 of 2005)": the year the law's name
    # holds, or its bracket restates, is the law's
    return any(law.start >= after and law.start <= date.span.start and (
        date.span.end <= law.end or re.fullmatch(r"\s*,?\s*(?:\([^()]*?)?",
                                                 ctx.text[law.end : date.span.start]))
        for law in ctx.in_span(Span(after, date.span.end), {SPKG.Law}))


@rule("announcement", family="lifecycle")
def announcement(ctx: Context, sentence: Span) -> None:
    pattern = r"\bwill\s+be\s+(?:distributed|launched|rolled\s+out|introduced)\b"
    for cue in ctx.cues(pattern, sentence):
        intervention = ctx.before(sentence, cue.start(), INTERVENTION_CLASSES)
        date = ctx.date_after(cue.end(), sentence)
        if intervention is not None and date is not None:
            ctx.event(SPKG.Announcement, intervention, date, sentence)


# "the launch of the X", "le lancement officiel du X", "el lanzamiento del X", "o lançamento
# do X": the noun states the launch as the verb does.
_LAUNCH_OF = (r"\b(?:launch(?:ing)?(?:\s+(?:ceremony|event))?|(?:re-?)?lancement|lanzamiento|"
              r"lançamento)\s+"
              r"(?:(?:officiel|oficial)\s+)?(?:of\s+(?:the\s+|its\s+)?|du\s+|de\s+la\s+|"
              r"de\s+l['’]|des\s+|del\s+|de\s+los\s+|de\s+las\s+|do\s+|da\s+|dos\s+|das\s+)")
# A launch still to come, or one the sentence only hopes for, is no event.
_NOT_YET = re.compile(r"(?i)\b(?:will|would|should|planned|plans?|expected|ahead\s+of|before|"
                      r"prepar\w+|upcoming|forthcoming|pr[ée]vue?s?|prochain\w*|pr[óo]xim[oa]|"
                      r"previst[oa]|planifi\w+|aura\s+lieu|tendr[áa]\s+lugar|ter[áa]\s+lugar)\b")


@rule("launch-of", family="lifecycle")
def launch_of(ctx: Context, sentence: Span) -> None:
    """"The launch of the X took place in Y on D", "le lancement officiel du X a eu lieu le D
    à Y", "el lanzamiento del X se realizó el D": a dated launch of X."""
    for cue in ctx.cues(_LAUNCH_OF, sentence):
        launched = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES | {SPKG.Project})
        if launched is None or launched.start != cue.end():
            continue
        if _NOT_YET.search(ctx.text, sentence.start, sentence.end):
            continue
        if ctx.overlapping(Span(cue.start(), cue.end()), {SPKG.Event}):
            continue  # "the launch ceremony of X": a gathering the entity stage named
        date = ctx.date_after(launched.end, sentence)
        if date is None or not same_clause(ctx.text, launched.end, date.span.start):
            date = ctx.date_before(cue.start(), sentence)
            if date is None or not same_clause(ctx.text, date.span.end, cue.start()):
                continue
        event = ctx.event(SPKG.Launch, launched, date, sentence)
        ctx.recent_event(event, SPKG.Launch, Span(cue.start(), cue.end()))
        by = _LAUNCHED_BY.match(ctx.text[launched.end : sentence.end])
        launchers = ctx.listed_after(launched.end + by.end(), sentence) if by else []
        if by is not None and launchers and launchers[0].start == launched.end + by.end():
            for each in launchers:
                ctx.add(event, SPKG.organisedBy, each.entity.iri, sentence,
                        each.mention.span)
