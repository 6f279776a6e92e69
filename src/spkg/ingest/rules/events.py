"""Meetings, workshops and trainings: who organised, chaired and took part, and when."""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib import RDF, XSD, URIRef

from spkg.ingest.dates import bare_month, range_start
from spkg.ingest.events import event_facts, gathering_facts
from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import DateValue, Span
from spkg.ingest.rules.context import (
    AT_PLACE,
    SUPPORTED_CLASSES,
    Context,
    Placed,
    clause_end,
    is_place,
    same_clause,
)
from spkg.ingest.rules.gatherings import is_person
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG


@rule("meeting", family="events", gives=('meeting',))
def meeting(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bchaired\b", sentence):
        meeting = re.search(r"\bmeeting of\b", ctx.text[cue.end() : sentence.end])
        chair = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
        if meeting is None or chair is None or is_person(chair):
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
            if chair is not None and not is_person(chair):
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


@rule("training", family="events", gives=("trainings",))
def training(ctx: Context, sentence: Span) -> None:
    """"A training session for 40 officers of X was held in Y on D", "A two-day training on
    Z for 20 X specialists took place in Y in D", "une formation … a eu lieu"."""
    # "Training for X staff was held in A in April 2025": the noun may open the sentence
    pattern = (r"\b(?:[Tt]raining|[Ff]ormation|[Cc]apacitaci[óo]n|[Ff]ormação|[Cc]apacitação)\b"
               r"[^.]*?"
               r"\b(?:organi[sz]ed|held|"
               r"conducted|took\s+place|delivered|organis[ée]e|tenue|dispens[ée]e|eu\s+lieu|"
               r"organizad[ao]|realizad[ao]|celebrad[ao]|impartid[ao]|tuvo\s+lugar|"
               # planned: "will be held", "se tiendra", "aura lieu", "tendrá lugar"
               r"will\s+(?:be\s+held|take\s+place)|se\s+tiendra|aura\s+lieu|tendrá\s+lugar|"
               r"se\s+(?:celebrará|realizará)|terá\s+lugar|será\s+realizad[ao]|"
               # "is scheduled in A for November 2024", "est prévue", "está prevista"
               r"(?:is|are)\s+(?:scheduled|planned)|(?:est|sont)\s+prévues?|"
               r"(?:está|están)\s+previst[ao]s?|(?:está|estão)\s+prevista?s?)\b[^.]*?"
               r"\b(?:on|in|from|for|le|du|en|el|del|à|pour|para)\b|"
               r"\b(?:organi[sz]ed|held|conducted)\s+(?:a|an)\s+(?:[\w-]+\s+)?training\b")
    for cue in ctx.cues(pattern, sentence):
        date = ctx.date_after(cue.start(), sentence)
        if date is None:
            continue
        date = _with_range(ctx, date)  # "du 4 au 6 juin": from the 4th
        concerned = _trainees(ctx, sentence)
        if concerned is None and ctx.focus is not None and (
                ctx.focus.entity.cls in _TRAINED_ON):
            concerned = ctx.focus  # "It also held a training on 3 May": the scheme's
        if concerned is None:
            continue
        event = ctx.event(SPKG.Training, concerned, date, sentence, _role(concerned))
        _more_places(ctx, event, concerned, sentence)
        organiser = ctx.before(sentence, cue.start() + 1, ORGANISATION_CLASSES)
        if organiser is not None and re.match(
                r"\s+(?:organi[sz]ed|held|conducted)\b",
                ctx.text[organiser.end : sentence.end]):
            ctx.add(event, SPKG.organisedBy, organiser.entity.iri, sentence,
                     organiser.mention.span)
        for each in _organised_after(ctx, sentence, date.span.end):
            ctx.add(event, SPKG.organisedBy, each.entity.iri, sentence, each.mention.span)


# "…, organised by the ILO", "organisée par le BIT", "impartida por la OIT"
_ORGANISED_BY = re.compile(r",?\s*(?:(?:and|et|y)\s+)?(?:organi[sz]ed|conducted|delivered|"
                           r"facilitated|organis[ée]e?s?|anim[ée]e?s?|dispens[ée]e?s?|"
                           r"organizad[oa]s?|impartid[oa]s?|facilitad[oa]s?)\s+(?:jointly\s+)?"
                           r"(?:by|par|por)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+)?")


def _organised_after(ctx: Context, sentence: Span, after: int) -> list[Placed]:
    """The organisations a training's clause names after its date as its organisers."""
    cue = _ORGANISED_BY.search(ctx.text, after, sentence.end)
    if cue is None or not same_clause(ctx.text, after, cue.start()) or (
            cue.start() - after > 60):
        return []
    listed = ctx.listed_after(cue.end(), sentence)
    return listed if listed and listed[0].start == cue.end() else []


def _fuller(ctx: Context, short: Placed) -> Placed:
    """"the Pension Fund" after "the Pension Fund of Ruritania": the body named in full
    before, whose name the short one begins (two words at least, so "the Fund" is none)."""
    words = short.mention.text.casefold()
    if len(words.split()) < 2:
        return short
    for placed in reversed(ctx.in_span(Span(0, short.start), ORGANISATION_CLASSES)):
        if placed.mention.text.casefold().startswith(words + " "):
            return Placed(short.mention, placed.entity)  # said here, of the body in full
    return short


def _role(trained: Placed) -> URIRef:
    """A body's staff trained: the body takes part in its training (as fresh-4, fresh-7 to
    fresh-9 annotate it, 21 of 31 annotated trainings); a scheme trained on is its topic."""
    return SPKG.participant if trained.entity.cls in ORGANISATION_CLASSES else SPKG.concerns


# What a training can be of, when the sentence names no trainees: a body or a scheme (a
# training "of" a law or a policy is no reading of a text).
_TRAINED_ON = ORGANISATION_CLASSES | {SPKG.Programme, SPKG.Scheme, SPKG.Project}


def _trainees(ctx: Context, sentence: Span) -> Placed | None:
    """"a training (session) for 45 officers of the NSIF …", "a training for NSIF staff": the
    organisation named a few words after "training … for/of"."""
    words = re.search(r"\b[Tt]raining(?:\s+(?:sessions?|courses?|workshops?|programmes?))?"
                      # "a training on pension modelling for 20 X specialists"
                      r"(?:\s+on\s+[^.;,()]{3,60}?)?\s+(?:for|of)\s+|"
                      r"\b(?:formation|capacitaci[óo]n|formação|capacitação)\s+"
                      # "une formation destinée aux agents de la X", "dirigida a"
                      r"(?:(?:destinée?s?|dirigid[ao]s?|destinad[ao]s?)\s+)?"
                      r"(?:de|des|pour|para|a|aux?|à|às|a\s+l[oa]s|a\s+os)\s+",
                      ctx.text[sentence.start : sentence.end])
    if words is None:
        return None
    start = sentence.start + words.end()
    found = ctx.in_span(Span(start, sentence.end), ORGANISATION_CLASSES)
    if not found or not re.fullmatch(r"(?:the\s+)?(?:[\d,]+\s+)?(?:[\w-]+\s+){0,3}?"
                                     r"(?:(?:of|from|at|de|du|des|del)\s+)?"
                                     r"(?:the\s+|la\s+|l['’]|el\s+|los\s+)?",
                                     ctx.text[start : found[0].start]):
        return None
    return found[0]


# How many were trained: "28", "six", "more than 40", "some 60"
_HOW_MANY = (r"(?:(?:some|over|about|around|nearly|more\s+than|plus\s+de|más\s+de|unos|"
             r"environ)\s+)?(?:[\d,]+|two|three|four|five|six|seven|eight|nine|ten|twelve|"
             r"fifteen|twenty|thirty|forty|fifty|dozens\s+of|hundreds\s+of)\s+")
# Who is trained of a body: its staff, by their trade
_STAFF = (r"(?:staff|officers|officials|employees|personnel|agents|cadres|actuaries|"
          r"specialists|managers|inspect(?:ors|eurs|ores)|funcion[aá]ri[oa]s|emplead[oa]s|"
          r"técnic[oa]s|quadros|trabajador[ea]s|trabalhador[ea]s|gestionnaires|gestores)")
# "trained", "will train", "a formé", "capacitó a", "formó a", "formou", "capacitaram"
_TRAINED = re.compile(r"\btrained\s+|\b(?:will|to)\s+(?:also\s+)?train\s+|"
                      r"\b(?:a|ont)\s+formé\s+|\b(?:form|capacit|trein)(?:ou|aram)\s+|"
                      # "capacitaron (en Temuco, región de X,) a dirigentes …"
                      r"\b(?:capacit|form)(?:ó|aron)\s+(?:en\s+[^;.]{1,60}?,?\s+)?a\s+")
# "Staff of the X (in A and B) were trained in February 2022", "… agents de la X ont été formés"
_STAFF_TRAINED = re.compile(
    r"\b(?:[Ss]taff|[Oo]fficers|[Oo]fficials|[Ee]mployees|[Pp]ersonnel|[Ii]nspectors|[Aa]gents|"
    r"[Ww]orkers|[Aa]ctuaries|[Ss]pecialists|[Mm]anagers|[Cc]adres|[Ff]uncionari[oa]s|"
    r"[Tt]rabajador[ea]s|[Ee]mplead[oa]s|[Tt][ée]cnic[oa]s|"
    # a member body's people: "Members of the X were trained", "des membres de la X"
    r"[Mm]embers|[Mm]embres|[Mm]iembros|[Mm]embros|[Pp]ersonal)\s+(?:of|from|at|de|du|des|del)\s+"
    r"(?:the\s+|la\s+|l['’]|el\s+|los\s+)?")
# "received a training", "recibirán una formación", "ont reçu une formation", "receberam
# uma capacitação": the staff are trained, said by the noun
_RECEIVED_TRAINING = (r"(?:received|receive|will\s+receive|(?:a|ont)\s+reçu|recevront|recevra|"
                      r"recibi(?:ó|eron|rán|rá)|receb(?:eu|eram|erão|erá))\s+(?:a\s+|an\s+|une\s+|"
                      r"una\s+|uma\s+)?(?:[\w-]+\s+){0,2}?(?:training|formation|formación|"
                      r"capacitación|formação|capacitação|curso|cours)\b")
_WERE_TRAINED = re.compile(r"[^.;]{0,80}?\b(?:(?:were|was|have\s+been|had\s+been|ont\s+été|"
                           # planned: "will be trained", "seront formés", "serán capacitados"
                           r"fueron|han\s+sido|will\s+be|seront|serán|serão)\s+(?:also\s+)?(?:trained|formé[e]?s|"
                           r"capacitad[oa]s)\b|"
                           # reflexive: "el personal de X se formó", "se capacitaron"
                           r"\bse\s+(?:form|capacit)(?:ó|aron)\b|"
                           rf"{_RECEIVED_TRAINING})")


# "twelve actuaries of the ", "labour inspectors of the ": a body said again by its kind
_STAFF_OF_THE = re.compile(rf"(?:{_HOW_MANY})?(?:[a-z-]+\s+){{0,2}}?{_STAFF}\s+of\s+the\s+")
_BODY_KIND = re.compile(r"(?P<kind>ministry|fund|institute|board|agency|corporation|"
                        r"authority|commission|council)\b(?!\s+(?:of|for)\b)")


def _body_said_again(ctx: Context, position: int, sentence: Span) -> Placed | None:
    """"the ministry" (lowercase) at ``position``: the last body of that kind the text named
    before, said again here."""
    kind = _BODY_KIND.match(ctx.text, position, sentence.end)
    if kind is None:
        return None
    for body in reversed(ctx.in_span(Span(0, position), ORGANISATION_CLASSES)):
        if re.search(rf"\b{kind.group('kind')}\b", str(body.entity.label).casefold()):
            said = Span(kind.start(), kind.end())
            return Placed(replace(body.mention, span=said, text=kind.group(0)), body.entity)
    return None


def _trainers(ctx: Context, sentence: Span, cue: int) -> list[Placed]:
    """Who trained: the organisations right before the verb, or the subject of a verb
    the training is coordinated with ("the ILO conducted the review and trained …")."""
    # "the ILO later trained", "l'OIT a ensuite formé": an adverb of time before the verb
    adverb = re.search(r"\s(?:later|then|subsequently|further|ensuite|luego|después|"
                       r"posteriormente|depois)\s+$", ctx.text[sentence.start : cue])
    listed = ctx.listed_before(sentence, sentence.start + adverb.start() if adverb else cue)
    if listed:
        return _new_clause_subjects(ctx, listed)
    for subject in reversed(ctx.in_span(Span(sentence.start, cue), ORGANISATION_CLASSES)):
        if re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:also\s+)?[a-z]+ed\b[^;,.]*\band\s+"
                        r"(?:also\s+)?", ctx.text[subject.end : cue]):
            return [subject]
    return []


def _new_clause_subjects(ctx: Context, listed: list[Placed]) -> list[Placed]:
    """"… a meeting with A and the B, and the ILO later trained …": the list before the verb
    ends a list of another clause (an "and" or "with" before its first), so only the names
    after ", and" are the subjects."""
    before = ctx.text[max(0, listed[0].start - 40) : listed[0].start]
    if not re.search(r"\b(?:and|with|et|avec|y|con|e|com)\b", before):
        return listed
    for index in range(len(listed) - 1, 0, -1):
        if re.fullmatch(r"\)?\s*(?:\([^)]*\)\s*)?,\s*(?:and|et|y|e)\s+(?:the\s+|l['’]|la\s+|"
                        r"le\s+|el\s+|o\s+|a\s+)?",
                        ctx.text[listed[index - 1].end : listed[index].start]):
            return listed[index:]
    return listed


def _training_date(ctx: Context, after: int, before: int, sentence: Span) -> DateValue | None:
    """The training's date: the first after its trainees in their clause, else one that
    opens the sentence ("In November 2017 the Office trained …")."""
    date = ctx.date_after(after, sentence)
    if date is not None and same_clause(ctx.text, after, date.span.start):
        return _with_range(ctx, date)
    date = ctx.date_before(before, sentence)
    if date is not None and same_clause(ctx.text, date.span.end, before) and re.match(
            # "Entre el 14 y el 18 de octubre", "Entre o 3 e o 5 de maio"
            r"\s*(?:In|On|During|Since|From|Between|En|Le|El|Du|Del|Desde|Durante|Entre)\s+"
            r"(?:the\s+|el\s+|le\s+|o\s+)?(?:\d{1,2}(?:st|nd|rd|th|er)?\s+(?:to|and|au|al|y|et|e)"
            r"\s+(?:el\s+|le\s+|o\s+)?)?$",
            ctx.text[sentence.start : date.span.start]):
        return _with_range(ctx, date)
    return None


def _with_range(ctx: Context, date: DateValue) -> DateValue:
    """"from 3 to 5 October 2023": the training starts on the 3rd and ends on the 5th."""
    if date.end is not None:
        return date
    first = range_start(ctx.text, date.span.start, date.literal)
    return date if first is None else DateValue(literal=first, span=date.span, end=date.literal)


def _more_places(ctx: Context, event: URIRef, concerned: Placed, sentence: Span) -> None:
    """"… in Orhei and Soroca": every town or province listed after the first place the
    event's clause names after "in" (ctx.event gives the first)."""
    first = ctx.event_place(concerned, sentence)
    if first is not None:
        _places_after(ctx, event, first, sentence)


def _places_after(ctx: Context, event: URIRef, first: Placed, sentence: Span) -> None:
    """"in Orhei and Soroca": the towns listed after the first (which is added already)."""
    last, listed = first, []
    for placed in ctx.in_span(Span(first.end, sentence.end)):
        gap = ctx.text[last.end : placed.start]
        if not is_place(placed) or placed.entity.cls == SPKG.Country or not re.fullmatch(
                r"\s*,?\s*(?:and|et|y)\s+|\s*,\s*", gap):
            break
        listed.append((placed, re.search(r"\b(?:and|et|y)\b", gap) is not None))
        last = placed
    while listed and not listed[-1][1]:
        listed.pop()  # "in Kulob, Khatlon region,": the town's province, not a second place
    for placed, _ in listed:
        ctx.add(event, SPKG.locatedIn, placed.entity.iri, sentence, placed.mention.span)


# People, not a body, after "trained": "45 social workers", "dirigentes mapuches", "labour
# inspectors" (a number, or lowercase words up to the next preposition).
_PEOPLE = re.compile(rf"(?:{_HOW_MANY})?(?:[^\W\d_A-Z][\w-]*\s+){{0,3}}[^\W\d_A-Z][\w-]*"
                     r"(?=\s+(?:in|on|at|from|en|sobre|sur|à|de|du|para|pour|about)\b|[,.;])")
# What the training was on: "on the registration of …", "sobre el acceso a la PBS", "sur le X"
# ("on grievance handling for the X": the training is on handling, done for X, not on X)
_ON_TOPIC = re.compile(r"\s+(?:on|about|sobre|sur|acerca\s+de)\s+"
                       r"(?:(?!(?:for|of|under|in|pour|para|de|du|des|del)\s)[^\W\d_]+\s+){0,5}?"
                       r"(?:(?:the|el|la|los|las|le|les|l['’]|del|de|du|des|a|al)\s+)?$")


def _people_trained(ctx: Context, sentence: Span, cue: re.Match[str],
                    trainers: list[Placed]) -> None:
    """"En agosto de 2023, el IPS y la OIT capacitaron en Temuco a dirigentes mapuches sobre
    el acceso a la PGU": a training of people (``training-<date>``), organised by the
    trainers, where the clause says, and about the intervention it names."""
    date = _training_date(ctx, cue.end(), cue.start(), sentence)
    if date is None:
        return
    event, facts = gathering_facts(SPKG.Training, "training", date, sentence,
                                   (Span(cue.start(), cue.end()),))
    ctx.facts += facts
    ctx.origins += [ctx.rule] * len(facts)
    for trainer in trainers:
        ctx.add(event, SPKG.organisedBy, trainer.entity.iri, sentence, trainer.mention.span)
    end = clause_end(ctx.text, cue.end(), sentence.end, commas=False)
    for placed in ctx.in_span(Span(cue.start(), end)):
        if is_place(placed) and placed.entity.cls != SPKG.Country and re.search(
                AT_PLACE, ctx.text[max(cue.start(), placed.start - 20) : placed.start]):
            ctx.add(event, SPKG.locatedIn, placed.entity.iri, sentence, placed.mention.span)
            _places_after(ctx, event, placed, sentence)
            break
    for topic in ctx.in_span(Span(cue.end(), end), INTERVENTION_CLASSES):
        if _ON_TOPIC.search(ctx.text, max(cue.end(), topic.start - 60), topic.start):
            ctx.add(event, SPKG.concerns, topic.entity.iri, sentence, topic.mention.span)
            break


# "officers of A and of B", "staff of A and B": a second body whose staff were trained
_AND_OF = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*|\s+)(?:and|et|y|e)\s+(?:of\s+|de\s+|du\s+|"
                     r"del\s+|do\s+|da\s+)?(?:the\s+|la\s+|l['’]|el\s+)?")


def _more_trainees(ctx: Context, event: URIRef, trainees: Placed, sentence: Span) -> None:
    """The bodies listed after the first body trained ("… of the NPSIF and of the NHIF")
    take part too."""
    last = trainees
    while True:
        joined = _AND_OF.match(ctx.text, last.end, sentence.end)
        following = ctx.after(last.end, sentence, ORGANISATION_CLASSES) if joined else None
        if joined is None or following is None or following.start != joined.end():
            return
        ctx.add(event, _role(following), following.entity.iri, sentence,
                following.mention.span)
        last = following


@rule("trained", family="events", gives=("trainings",))
def trained(ctx: Context, sentence: Span) -> None:
    """"The ILO also trained 25 NHIS officers on 8-10 June 2020", "In October 2016 the Office
    trained 30 X staff in A and B", "Staff of X in A were trained in February 2022", "l'OIT a
    formé 40 agents de la X", "la OIT capacitó a 35 funcionarios de X": a training of X."""
    for cue in _TRAINED.finditer(ctx.text, sentence.start, sentence.end):
        trainers = _trainers(ctx, sentence, cue.start())
        trainees = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        staff_of = _STAFF_OF_THE.match(ctx.text, cue.end(), sentence.end)
        if staff_of is not None and (trainees is None or trainees.start > staff_of.end()):
            # "trained twelve actuaries of the ministry": the ministry named before
            trainees = _body_said_again(ctx, staff_of.end(), sentence) or trainees
        if trainers and (trainees is None or not same_clause(
                ctx.text, cue.end(), trainees.start)) and _PEOPLE.match(ctx.text, cue.end()):
            _people_trained(ctx, sentence, cue, trainers)
            continue
        if trainees is None or not re.fullmatch(
                rf"(?:{_HOW_MANY})?(?:(?:the|la|le|les|el|los|las)\s+|l['’])?"
                # "social security officers of", "técnicos do"
                rf"(?:(?:[a-zà-ü-]+\s+){{0,2}}?{_STAFF}\s+(?:of|from|at|de|du|des|del|do|da|"
                rf"dos|das)\s+(?:the\s+|la\s+|l['’]|el\s+)?)?",
                ctx.text[cue.end() : trainees.start]):
            continue
        date = _training_date(ctx, trainees.end, cue.start(), sentence)
        if date is None:
            continue
        body = _fuller(ctx, trainees)
        event = ctx.event(SPKG.Training, body, date, sentence, _role(body))
        _more_places(ctx, event, trainees, sentence)
        _more_trainees(ctx, event, trainees, sentence)
        for trainer in trainers:
            ctx.add(event, SPKG.organisedBy, trainer.entity.iri, sentence,
                    trainer.mention.span)
    _staff_of_body_trained(ctx, sentence)
    _body_staff_trained(ctx, sentence)
    _people_were_trained(ctx, sentence)
    _took_part_in_training(ctx, sentence)


# "A (B) took part in an occupational safety training", "A a participé à une formation", "A
# participó en una capacitación": the body's training, said by the verb of taking part
_TOOK_PART = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:also\s+)?(?:took\s+part|participated|(?:a|ont)\s+participé|"
    r"particip(?:ó|aron|ou|aram))\s+(?:in|à|en|em|no|na)\s+(?:a|an|une|un|una|uma)\s+"
    r"(?:[\w-]+\s+){0,6}?(?:training|formation|capacitación|formación|formação|capacitação)"
    r"(?:\s+(?:session|course|workshop))?\b")


def _took_part_in_training(ctx: Context, sentence: Span) -> None:
    """"In March 2024 the X (XU) took part in a safety training in A": a training of X, dated
    in its clause or by the date opening the sentence."""
    if _trained_here(ctx, sentence) or not ctx.cues(
            r"\b(?:took\s+part|participated|participé|particip(?:ó|aron|ou|aram))\b", sentence):
        return
    for body in ctx.in_span(sentence, ORGANISATION_CLASSES):
        verb = _TOOK_PART.match(ctx.text, body.end, sentence.end)
        if verb is None or not re.fullmatch(
                r"(?i:(?:the|la|le|les|el|los|las|o|a)\s+|l['’])?",
                ctx.text[_clause_start(ctx, body.start, sentence) : body.start]):
            continue  # the body must be the clause's subject
        date = _training_date(ctx, verb.end(), body.start, sentence)
        if date is None:
            continue
        trainees = _fuller(ctx, body)
        event = ctx.event(SPKG.Training, trainees, date, sentence, _role(trainees))
        _more_places(ctx, event, body, sentence)


# "…, and a second in Kismayo in June", "y en noviembre se prevé un segundo curso en X": a
# further training, after one the sentence dated
_SECOND = re.compile(r"\b(?:a|an|un|una|une|uma)\s+(?:second|third|further|segund[oa]|"
                     r"tercer[oa]?|seconde?|deuxième|troisième)\b(?P<noun>\s+(?:one|session|"
                     r"course|round|training|curso|formación|capacitación|sesión|formation|"
                     r"session|formação|capacitação|sessão)\b)?"
                     # not "a second phase", "a further review": a place, whom or a verb next
                     r"(?=\s*[,.;]|\s+(?:in|en|em|à|for|para|pour|is|will|se|est|es|was|on|"
                     r"le|el)\b)")
# "a second session for the regional funds", "un segundo curso para las cajas": other trainees
_OTHER_TRAINEES = re.compile(r"\s+(?:(?:in|en|em|à)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+)?"
                             r"(?:for|para|pour|destin\w+|of|de)\b")


@rule("second-training", family="events", needs=("trainings",))
def second_training(ctx: Context, sentence: Span) -> None:
    """"A training for X staff will be held in A on 6-8 May 2024, and a second in B in June":
    a second training, dated by the month in the year of the first, where the clause says;
    its trainees are the first's unless the clause names others ("for …")."""
    first = next((f for f in ctx.facts.of(sentence)
                  if f.predicate == RDF.type and f.object == SPKG.Training), None)
    if first is None:
        return
    for cue in _SECOND.finditer(ctx.text, sentence.start, sentence.end):
        if cue.start() < first.words[0].end:
            continue
        start = max(ctx.text.rfind(",", sentence.start, cue.start()),
                    ctx.text.rfind(";", sentence.start, cue.start()), sentence.start)
        month = bare_month(ctx.text, start, clause_end(ctx.text, cue.end(), sentence.end),
                           _first_year(ctx, first.subject, sentence))
        if month is None:
            continue
        date = DateValue(literal=month[0], span=month[1])
        trainees = [] if _OTHER_TRAINEES.match(ctx.text, cue.end(), sentence.end) else [
            f for f in ctx.facts.of(sentence)
            if f.subject == first.subject and f.predicate == SPKG.participant]
        body = _named_in(ctx, trainees[0].object, sentence) if len(trainees) == 1 else None
        if body is not None:  # named after its body, as the first
            event, facts = event_facts(SPKG.Training, body.entity.iri, body.entity.label, date,
                                       sentence, (Span(cue.start(), cue.end()),),
                                       SPKG.participant)
        else:
            event, facts = gathering_facts(SPKG.Training, "training", date, sentence,
                                           (Span(cue.start(), cue.end()),))
        ctx.facts += facts
        ctx.origins += [ctx.rule] * len(facts)
        _first_place_after(ctx, event, cue.start(), sentence)


def _named_in(ctx: Context, iri: object, sentence: Span) -> Placed | None:
    """The organisation with ``iri`` as ``sentence`` names it."""
    return next((p for p in ctx.in_span(sentence, ORGANISATION_CLASSES)
                 if p.entity.iri == iri), None)


def _first_year(ctx: Context, event: URIRef, sentence: Span) -> str:
    """The year of the training ``event`` read in ``sentence``."""
    return next(str(f.object)[:4] for f in ctx.facts.of(sentence)
                if f.subject == event and f.predicate == SPKG.date)


def _staff_of_body_trained(ctx: Context, sentence: Span) -> None:
    """"Staff of X in A were trained in February 2022", "les agents de la X ont été formés"."""
    for staff in _STAFF_TRAINED.finditer(ctx.text, sentence.start, sentence.end):
        trainees = ctx.after(staff.end(), sentence, ORGANISATION_CLASSES)
        if trainees is None or trainees.start != staff.end():
            trainees = _body_said_again(ctx, staff.end(), sentence)  # "of the ministry"
        if trainees is None:
            continue
        verb = _WERE_TRAINED.match(ctx.text, trainees.end, sentence.end)
        if verb is None or ctx.in_span(Span(trainees.end, verb.end()),
                                       ORGANISATION_CLASSES):
            continue
        # the date after the verb in its clause, else one opening the sentence
        date = _training_date(ctx, verb.end(), staff.start(), sentence)
        if date is None:
            continue
        event = ctx.event(SPKG.Training, trainees, date, sentence, _role(trainees))
        _more_places(ctx, event, trainees, sentence)
        # "… recibirán una formación en Caracas, organizada por la OIT"
        for each in _organised_after(ctx, sentence, verb.end()):
            ctx.add(event, SPKG.organisedBy, each.entity.iri, sentence, each.mention.span)


# "(In May 2024,) officials of the provincial labour departments were trained in A", "des
# agents des caisses régionales ont été formés", "funcionarios municipales fueron capacitados":
# people the text names by their trade, of no body it names
_PEOPLE_WERE_TRAINED = re.compile(
    r"(?:(?:In|On|During|Between|From|En|Entre|Durante|Em|Du|Del|Le|El)\s+[^,;.]{3,40}?,?\s+)?"
    rf"(?i:{_HOW_MANY})?(?:[\w-]+\s+){{0,3}}?(?i:{_STAFF})\b(?P<of>[^.;]{{0,100}}?)\s"
    r"(?:were|have\s+been|had\s+been|will\s+be|ont\s+été|seront|fueron|han\s+sido|serán|"
    r"foram|serão)\s+(?:also\s+)?(?:trained|formé[e]?s|capacitad[oa]s|formad[oa]s|"
    r"treinad[oa]s)\b")


def _people_were_trained(ctx: Context, sentence: Span) -> None:
    """"Officials of the provincial social security departments were trained in Guangzhou in
    January 2024": a training of people (``training-<date>``), where the clause says; a body
    named among them is a training of that body (the rules above)."""
    verb = _PEOPLE_WERE_TRAINED.match(ctx.text, sentence.start, sentence.end)
    if verb is None or ctx.in_span(Span(sentence.start, verb.end()), ORGANISATION_CLASSES) or (
            _trained_here(ctx, sentence)):
        return  # a body's staff ("of the ministry"): its training, read above
    date = _training_date(ctx, verb.end(), verb.start("of"), sentence)
    if date is None:
        return
    event, facts = gathering_facts(SPKG.Training, "training", date, sentence,
                                   (Span(verb.start(), verb.end()),))
    ctx.facts += facts
    ctx.origins += [ctx.rule] * len(facts)
    _first_place_after(ctx, event, verb.end(), sentence)


def _trained_here(ctx: Context, sentence: Span) -> bool:
    """Whether a rule read a training in ``sentence`` already."""
    return any(f.predicate == RDF.type and f.object == SPKG.Training
               for f in ctx.facts.of(sentence))


def _first_place_after(ctx: Context, event: URIRef, after: int, sentence: Span) -> None:
    """The town or province the clause names after "in"/"at" past ``after`` (and those listed
    after it)."""
    end = clause_end(ctx.text, after, sentence.end, commas=False)
    for placed in ctx.in_span(Span(after, end)):
        if is_place(placed) and placed.entity.cls != SPKG.Country and re.search(
                AT_PLACE, ctx.text[max(after, placed.start - 20) : placed.start]):
            ctx.add(event, SPKG.locatedIn, placed.entity.iri, sentence, placed.mention.span)
            _places_after(ctx, event, placed, sentence)
            return


# "X officers were trained", "60 X staff have been trained", "los técnicos X fueron
# capacitados": the body named before its staff, the staff the verb's subject
_BODY_STAFF_WERE = re.compile(
    # "actuaries and statisticians": a second trade after the first
    rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?{_STAFF}(?:\s+(?:and|et|y|e)\s+[a-zà-ü-]+)?\s+(?:were|was|have\s+been|had\s+been|"
    r"will\s+be|ont\s+été|seront|fueron|han\s+sido|serán|foram|serão)\s+(?:also\s+)?"
    r"(?:trained|formé[e]?s|capacitad[oa]s|formad[oa]s|treinad[oa]s)\b")


def _body_staff_trained(ctx: Context, sentence: Span) -> None:
    """"In May 2023 FUND officers were trained in Townville", "Around 50 FUND staff were
    trained in A and B in June 2022": a training of the body whose staff were trained."""
    if not ctx.cues(r"\b(?:trained|formé[e]?s|capacitad[oa]s|formad[oa]s|treinad[oa]s)\b",
                    sentence):
        return
    # a scheme's staff too ("SCHEME officers were trained"): the scheme runs as a body
    for trainees in ctx.in_span(sentence, ORGANISATION_CLASSES | {SPKG.Scheme}):
        verb = _BODY_STAFF_WERE.match(ctx.text, trainees.end, sentence.end)
        if verb is None or not re.fullmatch(
                rf"(?i:{_HOW_MANY})?(?i:(?:the|la|le|les|el|los|las|os|as)\s+|l['’])?",
                ctx.text[_clause_start(ctx, trainees.start, sentence) : trainees.start]):
            continue  # the body's staff must be the clause's subject
        date = _training_date(ctx, verb.end(), trainees.start, sentence)
        if date is None:
            continue
        body = _fuller(ctx, trainees)
        event = ctx.event(SPKG.Training, body, date, sentence, _role(body))
        _more_places(ctx, event, trainees, sentence)


def _clause_start(ctx: Context, position: int, sentence: Span) -> int:
    """Where the clause holding ``position`` starts: after an opening date ("In May 2023"),
    a comma or a semicolon, else the sentence's start."""
    start = sentence.start
    for stop in re.finditer(r"[,;]\s*|\b(?:and|et|y|e)\s+", ctx.text[sentence.start : position]):
        start = sentence.start + stop.end()
    date = ctx.date_before(position, sentence)
    if date is not None and date.span.end >= start and re.fullmatch(
            r"\s*(?:In|On|During|Since|From|En|Le|El|Em|Du|Del|Desde|Durante)\s+[^,;]*",
            ctx.text[start : date.span.end]):
        start = date.span.end
        start += len(ctx.text[start:position]) - len(ctx.text[start:position].lstrip(" ,"))
    return start


# "A and B presented (on D) the results of the X study", "A handed the X review to B and C
# on D", "A a présenté / a remis …", "A presentó / entregó …", "A apresentou / entregou …":
# a dated presentation or handover of a study, named ``presentation-<date>`` /
# ``handover-<date>`` (the fresh batches' form), organised by the subjects, the recipients
# taking part. A study presented *at* a gathering is that gathering's topic (topics.py).
_HANDED = re.compile(
    r"\b(?P<handover>handed(?:\s+over)?|(?:a|ont)\s+remis|entreg(?:ó|aron|ou|aram))\b|"
    r"\b(?P<presentation>presented|(?:a|ont)\s+présenté|present(?:ó|aron)|apresent(?:ou|aram))\b")
_TO_STUDY = re.compile(
    r"\s*(?:over\s+)?(?:(?:on|in|le|el|en|em)\s+[\w ]{3,30}?\d{4},?\s+)?"
    r"(?:the|its|their|a|an|le|la|les|l['’]|el|los|las|o|os|as|sus?|ses|leurs?)?\s*"
    # "handed the 2023 actuarial valuation of X": the year the study names is not its name's
    r"(?:(?:19|20)\d\d\s+)?"
    r"(?:(?:results|findings|conclusions|résultats|resultados|conclusiones|conclusões)\s+"
    r"(?:of|de|du|des|del|da|do)\s+(?:the\s+|a\s+|an\s+|la\s+|le\s+|l['’]|el\s+|its\s+|o\s+|"
    r"a\s+)?)?")
_AT_GATHERING = re.compile(r"\b(?:at|to)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:workshop|"
                           r"seminar|meeting|forum|conference|dialogue|consultation|session|"
                           r"round\s*table)\b|\b(?:lors\s+d['’]|durante|en\s+(?:un|una|el|la)\s+"
                           r"(?:taller|seminario|reunión|foro|mesa))")


def _handover_day(ctx: Context, cue: re.Match[str], study: Placed,
                  sentence: Span) -> DateValue | None:
    """The day of a presentation or handover (a day's event: no month or year alone)."""
    date = _training_date(ctx, cue.end(), cue.start(), sentence)
    if date is not None and date.span.end <= study.start and (
            date.literal.datatype != XSD.date):
        # "handed the 2023 valuation of X … on D": the study's year, not the day
        date = _training_date(ctx, study.end, cue.start(), sentence)
    return date if date is not None and date.literal.datatype == XSD.date else None


@rule("handover", family="events")
def handover(ctx: Context, sentence: Span) -> None:
    """"The ILO handed the Actuarial Review to the Board on 2 July 2024"."""
    for cue in _HANDED.finditer(ctx.text, sentence.start, sentence.end):
        presenters = ctx.listed_before(sentence, cue.start())
        study = ctx.after(cue.end(), sentence, {SPKG.Study})
        if study is None or not same_clause(ctx.text, cue.end(), study.start) or (
                _TO_STUDY.fullmatch(ctx.text, cue.end(), study.start) is None):
            # "presented the valuation to …": the study of that kind named before
            study = _study_anaphor(ctx, cue.end(), sentence)
        if not presenters or study is None:
            continue
        if _AT_GATHERING.search(ctx.text, study.end, clause_end(ctx.text, study.end,
                                                                 sentence.end)):
            continue  # presented at a workshop: the workshop is the event
        date = _handover_day(ctx, cue, study, sentence)
        if date is None:
            continue  # a presentation is a day's event
        name = "handover" if cue.group("handover") else "presentation"
        event, facts = gathering_facts(SPKG.Event, name, date, sentence,
                                       (Span(cue.start(), cue.end()),))
        ctx.facts += facts
        ctx.origins += [ctx.rule] * len(facts)
        ctx.add(event, SPKG.concerns, study.entity.iri, sentence, study.mention.span)
        for presenter in presenters:
            ctx.add(event, SPKG.organisedBy, presenter.entity.iri, sentence,
                    presenter.mention.span)
        to = re.match(r"\s*(?:\([^)]*\)\s*)?(?:to|à|a|para)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+)?"
                      r"(?:[A-Z][\w-]*['’]s\s+)?",  # "to the Corporation's Board"
                      ctx.text[study.end : sentence.end])
        if to is not None:
            for recipient in ctx.listed_after(study.end + to.end(), sentence):
                ctx.add(event, SPKG.participant, recipient.entity.iri, sentence,
                        recipient.mention.span)
        place = ctx.event_place(study, sentence)  # "… to the Board in Monrovia"
        if place is not None:
            ctx.add(event, SPKG.locatedIn, place.entity.iri, sentence, place.mention.span)


# "The study was presented on D in P to X", "the review, prepared by A, was presented to
# members of X in P on D", "l'étude a été présentée …", "la evaluación fue presentada …"
_WAS_PRESENTED = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been|a\s+été|ont\s+été|fue|fueron|foi|foram)\s+"
    r"(?:(?:also|formally|officially)\s+)?(?:presented|présenté[e]?s?|presentad[oa]s?|"
    r"apresentad[oa]s?)\b")
# "the study", "the valuation", "l'étude", "la evaluación": a study named before
_STUDY_WORD = re.compile(
    r"(?:the|this|that|its|l['’]|la|le|el|esta|este|a|o)\s*(?:[\w-]+\s+){0,2}?"
    r"(study|valuation|review|assessment|analysis|evaluation|diagnostic|report|note|étude|"
    r"évaluation|analyse|estudio|evaluación|valoración|análisis|estudo|avaliação|análise)\b",
    re.IGNORECASE)
# who it was presented to: "to (representatives|members) of A, B and C", "aux membres de A"
_TO_WHOM = re.compile(
    r"\s*(?:to|à|a|aux?|para|ao?s?)\s+(?:(?:the|les|los|las|os|as)\s+)?(?:(?:representatives|"
    r"members|officials|staff|delegates|représentants|membres|representantes|miembros|"
    r"membros)\s+(?:of|de|du|des|del|do|da|dos|das)\s+)?(?:the\s+|la\s+|le\s+|l['’]|el\s+)?")


def _presented_study(ctx: Context, sentence: Span, verb: int) -> Placed | None:
    """The study that is the subject of "was presented": named in the clause before the
    verb, or the last study of its kind named before ("the valuation" after "an actuarial
    valuation of X")."""
    named = ctx.in_span(Span(sentence.start, verb), {SPKG.Study})
    if named and re.fullmatch(r"(?:\s*\([^)]*\))?(?:\s*,[^;,]*(?:,[^;,]*)?,)?\s*",
                              ctx.text[named[-1].end : verb]):
        return named[-1]
    study = _study_anaphor(ctx, sentence.start, sentence)
    if study is None or not re.fullmatch(r"\s*(?:,[^;]*,\s*)?", ctx.text[study.end : verb]):
        return None
    return study


def _study_anaphor(ctx: Context, position: int, sentence: Span) -> Placed | None:
    """"the valuation" at ``position``: the last study named before the sentence whose
    name holds that word, said again here."""
    while position < sentence.end and ctx.text[position].isspace():
        position += 1
    word = _STUDY_WORD.match(ctx.text, position, sentence.end)
    if word is None:
        return None
    head = word.group(1).casefold()
    for study in reversed(ctx.in_span(Span(0, sentence.start), {SPKG.Study})):
        if head in study.mention.text.casefold():
            said = Span(word.start(), word.end())
            return Placed(replace(study.mention, span=said, text=word.group(0)), study.entity)
    return None


# "a valuation of X, presented in P on D", "the review, prepared by A and presented to B
# on D": the participle after the study's name, no auxiliary
_PRESENTED_AFTER = re.compile(r"(?:(?<=,\s)|(?<=\band\s))(?:presented|présentée?s?|"
                              r"presentad[oa]s?|apresentad[oa]s?)\b")
_PARTICIPLE_GAP = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,\s*(?:(?:prepared|produced|carried\s+out|completed|developed|"
    r"drafted|conducted|written|finali[sz]ed|funded|financed)\b[^;,]{0,150}?\s+and\s+)?")


def _participle_study(ctx: Context, sentence: Span, verb: int) -> Placed | None:
    """The study named right before ", presented" (or ", prepared by A and presented")."""
    named = ctx.in_span(Span(sentence.start, verb), {SPKG.Study})
    if named and _PARTICIPLE_GAP.fullmatch(ctx.text, named[-1].end, verb):
        return named[-1]
    return None


@rule("passive-presentation", family="events")
def passive_presentation(ctx: Context, sentence: Span) -> None:
    """"The study was presented on 4 May 2023 in Townville to members of the Board": a dated
    presentation of the study (``presentation-<date>``), those it was presented to taking
    part, where the clause says; at a named gathering, that gathering is the event."""
    if not ctx.cues(r"\b(?:presented|présenté[e]?s?|presentad[oa]s?|apresentad[oa]s?)\b",
                    sentence):
        return
    verbs = [(verb, _presented_study(ctx, sentence, verb.start()))
             for verb in _WAS_PRESENTED.finditer(ctx.text, sentence.start, sentence.end)]
    verbs += [(verb, _participle_study(ctx, sentence, verb.start()))
              for verb in _PRESENTED_AFTER.finditer(ctx.text, sentence.start, sentence.end)]
    for verb, study in verbs:
        end = clause_end(ctx.text, verb.end(), sentence.end)
        if _AT_GATHERING.search(ctx.text, verb.end(), end):
            continue  # presented at a workshop: the workshop is the event
        date = ctx.date_after(verb.end(), sentence)
        if study is None or date is None or date.span.start > end or (
                date.literal.datatype != XSD.date):
            continue  # a presentation is a day's event
        event, facts = gathering_facts(SPKG.Event, "presentation", date, sentence,
                                       (Span(verb.start(), verb.end()),))
        ctx.facts += facts
        ctx.origins += [ctx.rule] * len(facts)
        ctx.add(event, SPKG.concerns, study.entity.iri, sentence, study.mention.span)
        for placed in ctx.in_span(Span(verb.end(), end)):
            if is_place(placed) and placed.entity.cls != SPKG.Country and re.search(
                    AT_PLACE, ctx.text[max(verb.end(), placed.start - 20) : placed.start]):
                ctx.add(event, SPKG.locatedIn, placed.entity.iri, sentence,
                        placed.mention.span)
                break
        for to in _TO_WHOM.finditer(ctx.text, verb.end(), end):
            first = ctx.after(to.end(), sentence, ORGANISATION_CLASSES)
            if first is None or first.start != to.end():
                continue
            for recipient in ctx.listed_after(to.end(), sentence):
                ctx.add(event, SPKG.participant, recipient.entity.iri, sentence,
                        recipient.mention.span)
            break
