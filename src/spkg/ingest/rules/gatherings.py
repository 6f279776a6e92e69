"""Events the entity stage names ("the National Social Protection Conference", "a validation
workshop held on 3 March 2021"): when, where, who organised them, who took part, who
supported them and what they were about. The event is an entity already; these rules only
relate it, each from the words around its mention in one sentence."""

from __future__ import annotations

import re

from rdflib import Literal

from spkg.ingest.dates import range_start
from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import DateValue, Span
from spkg.ingest.rules.context import (
    AT_PLACE,
    EVENT_CLASSES,
    SUPPORTED_CLASSES,
    TOGETHER_WITH,
    WHOM_FR_ES,
    Context,
    Placed,
    first_stop,
    is_place,
    same_clause,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

_ORGANISED = (r"(?:co-?)?(?:organi[sz]ed|hosted|convened|facilitated|held|conducted|"
              r"co-?hosted|co-?organi[sz]ed|"
              # French and Spanish participles ("organisé par", "organizada por")
              r"organis[ée]e?s?|convoqu[ée]e?s?|accueilli[e]?s?|anim[ée]e?s?|"
              r"organizad[oa]s?|convocad[oa]s?|celebrad[oa]s?|realizad[oa]s?|"
              r"organiz[óo]|organizaron|convoc[óo]|convocaron)")
# "by" in the ILO's three languages, with the article after it
_BY = (r"(?:(?:by|par|por)\s+(?:the\s+|l[ea]\s+|les\s+|l['’]|el\s+|los\s+|las\s+|o\s+|a\s+)?|"
       r"pel[oa]s?\s+)")  # Portuguese "pelo"/"pela": "by" and the article in one
# The auxiliary of a passive: "was", "était", "a été", "fue", "ha sido"
_PASSIVE = (r"(?:was|were|is|are|will\s+be|has\s+been|était|étaient|a\s+été|ont\s+été|"
            r"foi|foram|serão|tem\s+sido|"
            r"est|sera|fut|fue|fueron|ha\s+sido|han\s+sido|será|estuvo)\s+")
# "The workshop …", "L'atelier …", "El taller …" opening a sentence: the gathering named
# in a sentence before.
_BACK_REFERENCE = re.compile(
    r"\s*(?:(?:The|This|That)\s+(?:[a-z-]+\s+){0,2}(?:workshop|conference|seminar|meeting|"
    r"consultation|dialogue|event|ceremony|session|forum|webinar|roundtable|round\s+table|"
    r"summit|training|launch)|"
    r"(?:L['’]|Le\s+|La\s+|Les\s+|Ce\s+|Cet\s+|Cette\s+|El\s+|Los\s+|Las\s+|Este\s+|"
    r"Esta\s+|Dicho\s+|Dicha\s+)(?:atelier|séminaire|conférence|réunion|rencontre|"
    r"table\s+ronde|forum|consultation|dialogue|session|journée|cérémonie|lancement|"
    r"formation|événement|taller|seminario|conferencia|reunión|encuentro|mesa|foro|consulta|"
    r"diálogo|sesión|jornada|ceremonia|lanzamiento|capacitación|evento)s?|"
    # Portuguese "O seminário …", "A oficina …" ("A"/"O" only before a Portuguese noun)
    r"(?:O\s+|A\s+|Este\s+|Esta\s+|Esse\s+|Essa\s+)(?:oficina|seminário|conferência|"
    r"reunião|encontro|fórum|consulta|diálogo|sessão|jornada|cerimónia|cerimônia|lançamento|"
    r"formação|capacitação|evento)s?)\b")
# "chaired by the Minister of Labour": a person, whom the guide leaves out, though the
# name after the title links to the ministry. Spanish "Secretaría" and Portuguese
# "Secretaria" are bodies, so only the masculine "Secretario" is a title here.
_PERSON_TITLE = re.compile(
    r"(?:(?:Deputy|Vice|Prime|Assistant|Permanent|Principal|Executive|Chief)[\s-]+)*"
    r"(?:Minister|Ministre|Ministra|Ministro|Secretary|Secrétaire|Secretario|Director|"
    r"Directeur|Directrice|Directora?|President|Présidente?|Presidente?|"
    r"Chair(?:person|man|woman)?|Head|Governor|Mayor|Ambassador|Commissioner|Speaker)\b",
    re.IGNORECASE)


def is_person(chair: Placed) -> bool:
    """Whether the mention is a person named by office ("the Deputy Minister of X")."""
    return _PERSON_TITLE.match(chair.mention.text) is not None


# A word between a verb and the event it governs: no preposition ("organised transport for").
_MODIFIER = (r"(?!(?:for|of|to|on|with|in|at|by|from|about|during|after|before)\b)"
             r"[A-Za-z][\w-]*")
# Where a list of participants stops: the purpose, a relative clause, the date.
_LIST_STOP = re.compile(r"[;.]|\bto\s+(?!the\b)[a-z]+|\b(?:which|who|where|while|whereas)\b|"
                        r"\bin\s+order\b|\bon\s+(?:\d|[A-Z][a-z]+\s+\d)|\bfrom\s+\d|"
                        r",\s+(?:and\s+)?(?:was|were|is|are|has|have|had)\b|"
                        # ", and the ILO later trained …": a new clause's subject
                        r",\s+(?:and|et|y|e)\s+(?:the\s+|l['’]|la\s+|le\s+|el\s+|o\s+|a\s+)?"
                        r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:(?:later|then|also|subsequently)\s+)?"
                        r"[a-z]+ed\b")


_TOGETHER = TOGETHER_WITH


# "<event> was held in X on 3 May with A and B": who it was held with took part in it
# (not organised, and not "held in collaboration with", which names an organiser).
_HELD_WITH = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:[^.;]{0,120}?\b(?:was\s+held|were\s+held|held|took\s+place|met|"
    r"convened)\b[^.;]{0,100}?"
    # or no verb: "at a round table in X on 8 May 2022, chaired by Y, with A and B"
    # ("a conference on the draft law in X on D with A and B": its topic first)
    r"|(?:on\s+(?:the\s+)?(?:draft\s+)?[a-z][a-z\s-]{0,40}?\s+(?=(?:in|at)\s+[A-Z]))?"
    r"(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*)?"
    r"(?:,?\s*on\s+\d{1,2}(?:[-–]\d{1,2})?\s+[A-Z][a-z]+\s+\d{4}\s*)?"
    r"(?:,\s*(?:co-?)?chaired\s+by\s+[^,;.]{3,120},\s*)?,?\s*)"
    r"(?<!collaboration\s)(?<!partnership\s)(?<!cooperation\s)(?<!coordination\s)"
    r"(?<!together\s)(?<!jointly\s)(?<!organised\s)(?<!organized\s)\bwith\s+(?:the\s+)?")
# "<event> in X on D, (chaired by Y and) organised with A": A organised it with the writer's
# subject (fresh-6, fresh-10 annotate it so), it did not merely attend
_ORGANISED_WITH = re.compile(r"[^.;]{0,160}?\borgani[sz]ed\s+(?:jointly\s+)?with\s+"
                             r"(?:the\s+)?")
_NOT_PARTICIPANTS = (r"(?:active\s+|technical\s+|financial\s+|generous\s+)*(?:support|assistance|"
                     r"funding|financing|help|participation|aim|view|objective|purpose|goal)\b")


# "… on extending cover to workers was held in Dodoma": a place after "held in" is the
# event's, whatever the words before say.
_HELD_IN = re.compile(r"\b(?:held|took\s+place|organi[sz]ed|hosted|convened|gathered|met|"
                      r"tenue?s?|eu\s+lieu|organis[ée]e?s?|celebrad[oa]s?|realizad[oa]s?|"
                      r"celebr[óo]|realiz[óo]|llev[óo]\s+a\s+cabo)\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:in|at|à|en)\s+(?:the\s+|la\s+ville\s+de\s+|la\s+ciudad\s+de\s+)?(?:city\s+of\s+)?$")
# Between a place and the event it hosted: "in Kigali during the X", "in Freetown on 19-20
# May 2022 for the X".
_PLACE_BEFORE = re.compile(r"\s*(?:,?\s*on\s+[\w\s–-]{4,30}?\d{4}\s*)?,?\s*"
                           r"(?:during|for|at)\s+(?:the\s+|a\s+|an\s+)?")


# "<event>, organised by A and B (B) with the support of …": the organisers stand between the
# event and its supporters.
_ORGANISED_BY = re.compile(rf"\s*(?:\([^)]*\)\s*)?"
                           # "… on the X Strategy was organised in Y on D by A"
                           rf"(?:(?:on|sur|sobre)\s+[^,;.()]{{2,80}}?\s+(?=(?:{_PASSIVE})))?"
                           rf",?\s*(?:{_PASSIVE})?(?:jointly\s+)?{_ORGANISED}\s+"
                           rf"(?:(?:in|at|on|from|à|en|le|el|du|del)\s+[^,;.()]{{2,50}}?\s+)?"
                           rf"(?:jointly\s+)?(?:by|par|por)\s+[^,;.()]*(?:\([^)]*\)\s*)?"
                           rf"(?:,?\s*(?:and\s+)?(?:the\s+)?[^,;.()]*(?:\([^)]*\)\s*)?)*,?\s*")


def _with_partners_before(ctx: Context, sentence: Span, listed: list[Placed]) -> list[Placed]:
    """"A, Government of X, in collaboration with B (B) hosted …": B was listed before the
    verb; A stands before "in collaboration with"."""
    together = re.search(rf"(?:,\s*)?{_TOGETHER}$", ctx.text[sentence.start : listed[0].start])
    if together is None:
        return listed
    cue = sentence.start + together.start()
    head = ctx.without_apposition(sentence, cue)
    first = ctx.before(sentence, head, ORGANISATION_CLASSES)
    if first is None or first.start < sentence.start:
        return listed
    gap = ctx.text[first.end : head]
    if not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,[^,]*)?\s*", gap):
        return listed
    if first.entity.cls == SPKG.Government:  # "the Ministry of X, Government of Y, …"
        owner = ctx.before(sentence, first.start, ORGANISATION_CLASSES)
        if owner is not None and owner.start >= sentence.start and re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?,\s*(?:the\s+)?", ctx.text[owner.end : first.start]):
            first = owner
    return [first, *listed]


def events_in(ctx: Context, sentence: Span) -> list[Placed]:
    return ctx.in_span(sentence, EVENT_CLASSES)


# A disaster the entity stage names ("Cyclone Gombe", "the 2019 floods") is an event with a
# date and a place, but no one organises, attends or supports it.
_DISASTER = re.compile(r"(?i)\b(?:cyclones?|typhoons?|hurricanes?|storms?|floods?|earthquakes?|"
                       r"droughts?|tsunamis?|landslides?|pandemic|epidemic|outbreak|heatwaves?|"
                       r"wildfires?|disasters?)\b")


def is_disaster(event: Placed) -> bool:
    return _DISASTER.search(event.entity.label) is not None


def gatherings_in(ctx: Context, sentence: Span) -> list[Placed]:
    """The events of a sentence people organise and attend (not disasters)."""
    return [e for e in events_in(ctx, sentence) if not is_disaster(e)]


# "Organisé par A, l'atelier a réuni …", "… and the workshop brought together": the
# gathering named before is the subject right before the verb
_SUBJECT_BEFORE_VERB = re.compile(
    r",\s*(?:the\s+(?:workshop|conference|seminar|meeting|consultation|event|forum)|"
    r"l['’](?:atelier|événement)|(?:le|la)\s+(?:séminaire|conférence|réunion|rencontre|"
    r"table\s+ronde|consultation)|(?:el|la)\s+(?:taller|seminario|conferencia|reunión|"
    r"mesa|foro|consulta|jornada))\s+(?:a\s+|ont\s+|has\s+|also\s+)?$")


# "Organised by A (with the support of B), the workshop …", "Organisé par A, l'atelier …"
_FRONTED = re.compile(r"\s*(?:Co-?)?(?:Organi[sz]ed|Organis[ée]e?s?|Organizad[oa]s?|Convened|"
                      r"Hosted|Convoqu[ée]e?s?|Convocad[oa]s?)\s+(?:jointly\s+|conjointement\s+|"
                      r"conjuntamente\s+)?(?:by|par|por)\s+(?:the\s+|l[ea]\s+|les\s+|l['’]|"
                      r"el\s+|los\s+|las\s+)?")
_SUBJECT_NOUN = re.compile(_SUBJECT_BEFORE_VERB.pattern.replace(
    r"\s+(?:a\s+|ont\s+|has\s+|also\s+)?$", r"\b"))


def _fronted_event(ctx: Context, sentence: Span) -> tuple[Placed, int] | None:
    """The gathering a sentence opening "Organised by A, …" is about (named in it, or "the
    workshop" named before), and where the organisers start."""
    fronted = _FRONTED.match(ctx.text, sentence.start, sentence.end)
    if fronted is None:
        return None
    named = [e for e in gatherings_in(ctx, sentence) if e.start > fronted.end()]
    if named:
        return named[0], fronted.end()
    recent = ctx.recent.get(SPKG.Event)
    if recent is not None and not is_disaster(recent) and _SUBJECT_NOUN.search(
            ctx.text, fronted.end(), sentence.end):
        return recent, fronted.end()
    previous = ctx.previous
    if recent is not None and not is_disaster(recent) and previous is not None and (
            previous.start <= recent.start < previous.end) and _PRONOUN_OPENING.match(
            ctx.text, sentence.start, sentence.end):
        return recent, fronted.end()  # "… an atelier on D. Organisé par A, il a réuni …"
    return None


def _event_before(ctx: Context, sentence: Span, position: int,
                  cue_end: int | None = None) -> Placed | None:
    """The event named last before ``position`` in the sentence, or "The workshop …" at
    the start of a sentence after one that named it."""
    found = ctx.before(sentence, position, EVENT_CLASSES)
    if found is not None:
        return None if is_disaster(found) else found
    recent = ctx.recent.get(SPKG.Event)
    if recent is None or is_disaster(recent):
        return None
    if _BACK_REFERENCE.match(ctx.text[sentence.start : position]) or _SUBJECT_BEFORE_VERB.search(
            ctx.text, sentence.start, position):
        return recent
    # "It was attended by …", "It brought together …" right after the sentence that named
    # the event (or that a rule made it in: "A and B launched X on …")
    previous = ctx.previous
    opening = ctx.text[sentence.start : cue_end or position]
    if previous is not None and _PARTICIPANTS_OPENING.match(opening) and (
            previous.start <= recent.start < previous.end) and not _TIME_BEFORE.search(
            ctx.text, previous.start, recent.start):
        return recent  # "Participants, among them A and B, …": of the gathering just named
    if previous is not None and _PRONOUN_OPENING.match(opening):
        dateline = _DATELINE.match(ctx.text, previous.start, previous.end)
        named = ctx.in_span(Span(dateline.end(), previous.end) if dateline else previous)
        made = recent.mention.source == "rule" and previous.start <= recent.start < previous.end
        if (named and named[0] is recent) or made:
            return recent  # the event was that sentence's subject, or a rule made it there
    return None


# "… met after a validation workshop. Participants …": a gathering that only dates another
# event is not the one whose participants follow
_TIME_BEFORE = re.compile(
    r"\b(?:after|before|following|ahead\s+of|since|until|après|avant|depuis|después\s+de|"
    r"antes\s+de|tras|após)\s+(?:the\s+|an?\s+|l[ea]\s+|l['’]|une?\s+|una?\s+|el\s+|"
    r"la\s+|os?\s+|as?\s+|uma?\s+)?\s*$")
# "Participants …", "Les participants, dont …", "Los participantes, entre ellos …"
_PARTICIPANTS_OPENING = re.compile(r"\s*(?:(?:The|Les|Los|Las|Os|As)\s+)?[Pp]articipant(?:e)?s\b")
# "It was attended by …", "It brought together …", and after a fronted participle
# ("Organisé par A, il a réuni …", "Organised by A, it brought together …")
_PRONOUN_OPENING = re.compile(
    r"\s*(?:[A-ZÀ-Ý][^,.;]{0,120},\s*)?(?:It|it|Il|il|Elle|elle)\s+(?:was|is|will\s+be|"
    r"brought|brings|gathered|convened|a|avait|est|était)\b")


# "BAGHDAD (ILO News) – ": a press release's dateline before its first sentence
_DATELINE = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý .,'’-]+\s*\([^)]*\)\s*[–—-]\s*")


# A name's full stop ("St. Lucy", "Mt. Kenya", "No. 5") ends no clause.
_ABBREVIATION = re.compile(r"\b(?:St|Ste|Mt|No|Nos|Dr|Ft|Pt|Is)\.")


def _one_clause(text: str, start: int, end: int) -> bool:
    return same_clause(_ABBREVIATION.sub(lambda m: m.group(0)[:-1] + " ", text[start:end]), 0,
                       end - start)


def _as_range(ctx: Context, date: DateValue) -> DateValue:
    """"du 7 au 9 novembre 2020", "from 14 to 16 September": the date read is the range's last
    day; the gathering starts on the first and ends on it."""
    if date.end is not None:
        return date
    first = range_start(ctx.text, date.span.start, date.literal)
    if first is None:
        return date
    return DateValue(literal=first, span=date.span, end=date.literal)


# "During the COVID-19 pandemic, X paid … from April 2020": an event in a phrase that opens
# the sentence; a date after its comma is the main clause's
_FRONTED_PHRASE = re.compile(
    r"\s*(?:During|After|Following|Amid|Since|Before|Pendant|Après|Lors\s+d[eu']|Durante|"
    r"Tras|Después\s+de|Antes\s+de|Desde|Após)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|los\s+|"
    r"las\s+|les\s+|a\s+|o\s+)?[^,;.]{0,40}$")


def _date_of(ctx: Context, event: Placed, sentence: Span) -> DateValue | None:
    """The date of the event's clause: the first after its mention in the same clause, else
    the last before it in the same clause."""
    fronted = _FRONTED_PHRASE.match(ctx.text, sentence.start, event.start)
    after = [d for d in ctx.dates(sentence) if d.span.start >= event.end
             and _one_clause(ctx.text, event.end, d.span.start) and not (
                 fronted and "," in ctx.text[event.end : d.span.start])]
    if after:
        return _as_range(ctx, after[0])
    before = [d for d in ctx.dates(sentence) if d.span.end <= event.start
              and same_clause(ctx.text, d.span.end, event.start) and not re.search(
                  r"\b(?:after|before|since|following|ago)\b", ctx.text[d.span.end : event.start])]
    return _as_range(ctx, before[-1]) if before else None


def _organisations_from(ctx: Context, position: int, sentence: Span) -> list[Placed]:
    """Every organisation from ``position`` to where the list ends ("representatives of A,
    B and C, and development partners" names A, B and C)."""
    stop = first_stop(_LIST_STOP, ctx.text, position, sentence.end)  # not at "No. 5"
    end = sentence.end if stop is None else stop
    return ctx.in_span(Span(position, end), ORGANISATION_CLASSES)


@rule("event-focus", family="gatherings", gives=("meeting",))
def event_focus(ctx: Context, sentence: Span) -> None:
    """The event a later "The workshop was attended by …" refers to: the last one named."""
    named = events_in(ctx, sentence)
    if named:
        ctx.last_meeting = named[-1].entity.iri
        ctx.named_events.add(named[-1].entity.iri)


def _stated_date(event: Placed) -> Literal | None:
    """The date the entity stage read for the event ("a workshop held on 3 March 2021")."""
    dates = [m.date for m in event.entity.mentions if getattr(m, "date", None) is not None]
    return dates[0] if dates else None


# The words that make a date the gathering's: "held on", "from", "tenu le", "celebrado el"
_DATE_CUE = re.compile(r"\b(?:held|organi[sz]ed|took\s+place|convened|hosted|on|from|in|since|"
                       r"launched|attended|tenue?s?|celebrad[oa]s?|realizad[oa]s?|le|el|les|"
                       r"los|du|del|en|au|al)\s+(?:on\s+|in\s+|from\s+)?$|[(,]\s*$")


# A disaster named as a preposition's object ("during the X pandemic"), and an auxiliary
# that opens another verb after it
_GOVERNED = re.compile(r"\b(?:during|amid|after|following|throughout|since|pendant|après|"
                       r"durante|tras)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+)?[^,;]{0,20}$")
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has|have|had|a\s+été|fue|fueron)\b")


def _main_clause_between(ctx: Context, event: Placed, date: DateValue, sentence: Span) -> bool:
    """"During the X pandemic the Fund introduced a benefit in April 2020": the disaster opens
    the sentence as a preposition's object and the main clause's subject (a body or an
    intervention, not the place it struck) stands between it and the date."""
    if not re.search(_GOVERNED.pattern, ctx.text[max(sentence.start, event.start - 30):
                                                 event.start], re.IGNORECASE):
        return False
    return any(not is_place(placed) for placed in ctx.in_span(Span(event.end, date.span.start)))


@rule("event-date", family="gatherings")
def event_date(ctx: Context, sentence: Span) -> None:
    """"… a validation workshop held on 3 March 2021": the date of the event's clause (the
    one the entity stage read, when it read one)."""
    for event in events_in(ctx, sentence):
        stated = _stated_date(event)
        if stated is not None and is_disaster(event) and str(stated)[:4] in event.mention.text:
            # "where the 2019 drought still weighs …": its name dates it; a date later in
            # the sentence is another clause's
            ctx.add(event.entity.iri, SPKG.date, stated, sentence, event.mention.span)
            continue
        date = _date_of(ctx, event, sentence)
        if date is not None and is_disaster(event) and date.span.start > event.end and (
                _GOVERNED.search(ctx.text, max(sentence.start, event.start - 30),
                                 event.start)) and _AUXILIARY.search(
                ctx.text, event.end, date.span.start):
            # "the fund it opened during the flu epidemic was wound up in May 2020": the
            # disaster is a preposition's object; the date is the main verb's
            date = None
        if date is not None and is_disaster(event) and _main_clause_between(
                ctx, event, date, sentence):
            date = None
        if stated is not None:
            if date is None and event.mention is event.entity.mentions[0]:
                ctx.add(event.entity.iri, SPKG.date, stated, sentence, event.mention.span)
            if date is None or stated not in (date.literal, date.end):
                continue  # two readings of the date disagree: say neither
        elif date is None or not (_DATE_CUE.search(
                ctx.text, max(sentence.start, date.span.start - 40), date.span.start) or (
                    # "the Chimbu landslide of June 2020"
                    is_disaster(event) and re.fullmatch(r"\s+(?:of|du|de|del|d['’])\s+",
                                                       ctx.text[event.end : date.span.start]))):
            continue
        ctx.add(event.entity.iri, SPKG.date, date.literal, sentence, event.mention.span,
                date.span)
        if date.end is not None:
            ctx.add(event.entity.iri, SPKG.endDate, date.end, sentence, date.span)


@rule("event-organiser", family="gatherings")
def event_organiser(ctx: Context, sentence: Span) -> None:
    """"A and B organised a workshop …", "the conference, organised jointly by A and B",
    "… was hosted by A"."""
    for event in gatherings_in(ctx, sentence):
        # active: the organisers right before the verb, the event right after it
        # ("will hold information sessions": a gathering planned is held by its subjects too)
        active = re.search(rf"\b(?:jointly\s+|together\s+)?(?:{_ORGANISED}|{_HELD_FINITE}|"
                           rf"(?:will\s+)?hold|holds)\s+"
                           rf"(?:{_IN_TOWN})?(?:(?:a|an|the|its|"
                           rf"their|two|three|several|une?|l[ea]|les|des|el|una|los|las|"
                           rf"um|uma|o|os|as)\s+|"
                           rf"l['’])?(?:{_MODIFIER}\s+){{0,3}}$",
                           ctx.text[sentence.start : event.start])
        if active and event.start - (sentence.start + active.end()) < 1:
            verb = sentence.start + active.start()
            organisers = ctx.listed_before(sentence, verb)
            if not organisers:
                head = ctx.without_apposition(sentence, verb)
                found = ctx.before(sentence, head, ORGANISATION_CLASSES)
                if found is not None and re.fullmatch(
                        r"\s*(?:\([^)]*\)\s*)?(?:,[^,]*,\s*)?(?:also\s+|jointly\s+)?",
                        ctx.text[found.end : verb]):
                    organisers = [found]
            if organisers:  # "The Ministry, in collaboration with the ILO, hosted …"
                organisers = _with_partners_before(ctx, sentence, organisers)
            for organiser in organisers:
                ctx.add(event.entity.iri, SPKG.organisedBy, organiser.entity.iri, sentence,
                        event.mention.span, organiser.mention.span)
            # "The ILO, jointly with the Ministry, organised …"
            aside = re.search(rf"\b{TOGETHER_WITH}([^,]*),\s*$", ctx.text[sentence.start : verb])
            if aside and organisers:
                start = sentence.start + aside.start(1)
                for partner in ctx.in_span(Span(start, sentence.start + aside.end(1)),
                                           ORGANISATION_CLASSES):
                    ctx.add(event.entity.iri, SPKG.organisedBy, partner.entity.iri, sentence,
                            event.mention.span, partner.mention.span)
        # passive: "<event> (, …,) (was) organised (jointly) by A and B"
        passive = _PASSIVE_BY.match(ctx.text[event.end : sentence.end])
        chaired = re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:[^,.;]{0,80}?[\s,]\s*)?(?:was\s+|"
                           r"were\s+)?(?:co-?)?chaired\s+by\s+(?:the\s+)?",
                           ctx.text[event.end : sentence.end])
        if chaired and not ctx.in_span(Span(event.end, event.end + chaired.end()), EVENT_CLASSES):
            chairs = ctx.listed_after(event.end + chaired.end(), sentence)
            for chair in chairs if chairs and chairs[0].start == event.end + chaired.end() else []:
                if is_person(chair):
                    continue
                ctx.add(event.entity.iri, SPKG.chairedBy, chair.entity.iri, sentence,
                        event.mention.span, chair.mention.span)
        if passive and not ctx.in_span(Span(event.end, event.end + passive.start() + len(
                passive.group(0).rstrip())), EVENT_CLASSES):
            organisers = ctx.listed_after(event.end + passive.end(), sentence)
            if organisers:  # "organised by the ILO in collaboration with the Ministry"
                together = re.match(rf"\s*(?:\([^)]*\)\s*)?,?\s*{_TOGETHER}",
                                    ctx.text[organisers[-1].end : sentence.end])
                if together:
                    organisers += ctx.listed_after(organisers[-1].end + together.end(), sentence)
            for organiser in organisers:
                ctx.add(event.entity.iri, SPKG.organisedBy, organiser.entity.iri, sentence,
                        event.mention.span, organiser.mention.span)
        for organiser in _relative_organisers(ctx, event, sentence):
            ctx.add(event.entity.iri, SPKG.organisedBy, organiser.entity.iri, sentence,
                    event.mention.span, organiser.mention.span)
    if not events_in(ctx, sentence):
        _organised_back(ctx, sentence)
    fronted = _fronted_event(ctx, sentence)
    if fronted is not None:
        event, start = fronted
        for organiser in ctx.listed_after(start, sentence):
            ctx.add(event.entity.iri, SPKG.organisedBy, organiser.entity.iri, sentence,
                    event.mention.span, organiser.mention.span)


# Finite French, Spanish and Portuguese verbs of holding an event, which the participles
# above lack: "A y B realizaron un taller", "A a organisé un atelier", "A organizou um
# seminário"
_HELD_FINITE = (r"(?:realiz[óo]|realizaron|celebr[óo]|celebraron|llevaron\s+a\s+cabo|"
                r"llev[óo]\s+a\s+cabo|(?:a|ont)\s+(?:organisé|tenu|animé)|organizou|organizaram|"
                r"realizou|realizaram|promoveu|promoveram)")
# A town between the verb and the event: "realizaron en Antofagasta un taller", "held in
# Nakuru a workshop"
_IN_TOWN = r"(?:in|en|à|au)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*,?\s+"


# "<event> (on X) that A and B held in Y", "… que A organizó", "… qu'A a organisé": the
# relative pronoun, then who held it
_THAT = re.compile(r"[^.;,]{0,80}?\b(?:that|which|que|qu['’])\s+(?:the\s+|l[ea]\s+|les\s+|"
                   r"l['’]|el\s+|los\s+|las\s+)?")


def _relative_organisers(ctx: Context, event: Placed, sentence: Span) -> list[Placed]:
    """"a national forum on X that the Ministry (M) held in Y on D": the Ministry."""
    that = _THAT.match(ctx.text, event.end, sentence.end)
    if that is None or ctx.in_span(Span(event.end, that.end()), EVENT_CLASSES):
        return []
    organisers = ctx.listed_after(that.end(), sentence)
    if not organisers or organisers[0].start != that.end() or not re.match(
            rf"\s*(?:\([^)]*\)\s*)?(?:(?:jointly|also|had|has|have)\s+)?"
            rf"(?:{_ORGANISED}|{_HELD_FINITE}|organized|organis[ée]d?)\b",
            ctx.text[organisers[-1].end : sentence.end]):
        return []
    return organisers


# a character of a place-and-date phrase, where no auxiliary or "attended" starts
_NO_VERB = r"(?:(?!\b(?:was|were|is|are|attended|a\s+été|fue|foi)\b)[^,;.()])"
# "… (was) organised (jointly) by ", "… était organisé par ", "… fue organizado por "
_PASSIVE_BY = re.compile(
    # "(No. 183)" between: the full stop of "No." ends no sentence
    rf"\s*(?:\([^)]*\)\s*)?(?:,(?:No\.|[^;.]){{0,80}}?,\s*|,\s*|(?:No\.|[^.;]){{0,80}}?[\s,])?"
    rf"(?:{_PASSIVE})?"
    rf"(?:(?:jointly|conjointement|conjuntamente)\s+)?{_ORGANISED}\s+"
    # "organised in Kara on 27-28 June 2023 by A"
    # the place and date, not a second verb ("held in X on D was attended by A": A came)
    rf"(?:(?:in|at|on|from|à|en|le|el|du|del)\s+{_NO_VERB}{{2,50}}?\s+)?"
    rf"(?:(?:jointly|conjointement|conjuntamente)\s+)?{_BY}")


# "The workshop …", "L'atelier …", or "It …" right after the sentence that named it
_POINTING = re.compile(rf"{_BACK_REFERENCE.pattern}|\s*It\b(?=\s+(?:was|were|is)\b)")


def _pointed_back(ctx: Context, sentence: Span) -> tuple[Placed, int] | None:
    """The gathering "The workshop was organised by …" (a sentence naming no event) points
    back at, and where its passive starts."""
    if events_in(ctx, sentence):
        return None
    head = _POINTING.match(ctx.text, sentence.start, sentence.end)
    passive = _PASSIVE_BY.match(ctx.text, head.end(), sentence.end) if head else None
    if head is None or passive is None or ctx.in_span(Span(head.end(), passive.start()),
                                                      EVENT_CLASSES):
        return None
    event = _event_before(ctx, sentence, head.end(), passive.end())
    return None if event is None else (event, head.end())


def _organised_back(ctx: Context, sentence: Span) -> None:
    """"The workshop was organised by A and B.", "L'atelier était organisé par A": the
    gathering a sentence before named, when this one names none."""
    back = _pointed_back(ctx, sentence)
    if back is None:
        return
    event, head = back
    passive = _PASSIVE_BY.match(ctx.text, head, sentence.end)
    if passive is None:
        return
    organisers = ctx.listed_after(passive.end(), sentence)
    if not organisers or organisers[0].start != passive.end():
        return
    for organiser in organisers:
        ctx.add(event.entity.iri, SPKG.organisedBy, organiser.entity.iri, sentence,
                event.mention.span, organiser.mention.span)


# "En el taller participaron A y B", "À l'atelier ont participé A et B": the verb before
# its subjects, the gathering named before
_INVERTED_PARTICIPANTS = re.compile(
    r"\s*(?:En|Au|À|A|At|In)\s+(?:el\s+|la\s+|l['’]|le\s+|the\s+|this\s+)?(?:taller|seminario|"
    r"conferencia|reunión|encuentro|foro|consulta|jornada|mesa|atelier|séminaire|conférence|"
    r"réunion|rencontre|workshop|seminar|conference|meeting|consultation)s?\s*,?\s+"
    r"(?:participaron|particip[óo]|tomaron\s+parte|ont\s+participé|ont\s+pris\s+part|"
    r"participaram|tomaram\s+parte|participants\s+included|were)\s+|"
    # the verb opening the sentence: "Participaron A, B y C", "Participaram A e B"
    r"\s*(?:Participaron|Participaram|Tomaron\s+parte|Tomaram\s+parte)\s+(?:(?:en|no|na)\s+"
    r"(?:el\s+|la\s+|o\s+|a\s+)?(?:taller|seminario|seminário|reunión|reunião|encuentro|"
    r"encontro|foro|fórum|consulta|jornada|oficina|evento)s?\s+)?")


@rule("event-participants", family="gatherings")
def event_participants(ctx: Context, sentence: Span) -> None:
    """"The workshop brought together A, B and C", "attended by A and B", "with the
    participation of A", "A and B took part in the conference"."""
    cue = re.compile(r"\b(?:brought|brings|bringing)\s+together\s+|\battended\s+by\s+|"
                     r"\bwith\s+the\s+(?:active\s+)?participation\s+of\s+|"
                     r"\b[Pp]articipants\s+(?:from|of|included|including|came\s+from|were)\s+|"
                     # "Participants, among them A", "Les participants, dont A", "Los
                     # participantes, entre ellos A", "Os participantes, entre eles A"
                     r"\b[Pp]articipant(?:e)?s\s*,\s*(?P<apposition>including|among\s+"
                     r"(?:them|whom)|dont|parmi\s+lesquels|notamment|entre\s+(?:ellos|"
                     r"los\s+cuales|eles|os\s+quais))\s+(?:the\s+|l[ea]\s+|les\s+|l['’]|"
                     r"el\s+|los\s+|las\s+|o\s+|a\s+|os\s+|as\s+)?|"
                     r"\bgathered\s+|\bwith\s+(?:participants|representatives)\s+(?:from|of)\s+|"
                     # "avec la participation de", "con la participación de", "a réuni"
                     r"\bavec\s+la\s+participation\s+(?:active\s+)?(?:de\s+(?:l['’]|la\s+|"
                     r"les\s+)?|du\s+|des\s+)|\bcon\s+la\s+participaci[óo]n\s+(?:activa\s+)?"
                     r"(?:de\s+(?:la\s+|los\s+|las\s+)?|del\s+)|\b(?:a|ont)\s+(?:réuni|"
                     r"rassemblé)\s+|\breuni(?:[óo]|eron)\s+a\s+|"
                     # "réunissant la FKE et …", "reuniu a Federação …", "com a participação da"
                     r"\b(?:réunissant|rassemblant)\s+(?:l['’]|la\s+|le\s+|les\s+)?|"
                     r"\breuni(?:u|ram)\s+(?:o\s+|a\s+|os\s+|as\s+)?|"
                     r"\bcom\s+a\s+participação\s+(?:ativa\s+)?(?:d[oa]s?\s+|de\s+)")
    for match in cue.finditer(ctx.text, sentence.start, sentence.end):
        event = _event_before(ctx, sentence, match.start(), match.end())
        if event is None:
            event = ctx.after(match.end(), sentence, EVENT_CLASSES) if match.group(0).startswith(
                ("with", "avec", "con")) else None
        if event is None:
            continue
        members = _organisations_from(ctx, match.end(), sentence)
        if match.group("apposition"):  # "Participants, including A and B, reviewed …"
            listed = ctx.listed_after(match.end(), sentence)
            members = listed if listed and listed[0].start == match.end() else []
        for member in members:
            if member.entity.iri != event.entity.iri:
                ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                        event.mention.span, member.mention.span)
    inverted = _INVERTED_PARTICIPANTS.match(ctx.text, sentence.start, sentence.end)
    recent = ctx.recent.get(SPKG.Event)
    if inverted is not None and recent is not None and not is_disaster(recent) and not (
            events_in(ctx, sentence)):
        for member in _organisations_from(ctx, inverted.end(), sentence):
            ctx.add(recent.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    recent.mention.span, member.mention.span)
    for event in gatherings_in(ctx, sentence):
        with_ = _ORGANISED_WITH.match(ctx.text, event.end, sentence.end)
        if with_ is not None and not ctx.in_span(Span(event.end, with_.end()), EVENT_CLASSES):
            # another gathering between them would be the one organised
            listed = ctx.listed_after(with_.end(), sentence)
            for member in listed if listed and listed[0].start == with_.end() else []:
                ctx.add(event.entity.iri, SPKG.organisedBy, member.entity.iri, sentence,
                        event.mention.span, member.mention.span)
        held = _HELD_WITH.match(ctx.text, event.end, sentence.end)
        if held is None or re.match(_NOT_PARTICIPANTS, ctx.text[held.end() : sentence.end]):
            continue
        members = _organisations_from(ctx, held.end(), sentence)
        if not members or members[0].start - held.end() > 40:
            continue  # "with" then no one named: "held with a view to …"
        if re.match(rf"\s*(?:\([^)]*\)\s*)?(?:[’']s\s+)?{_NOT_PARTICIPANTS}",
                    ctx.text[members[0].end : sentence.end]):
            continue  # "held … with ILO support": a supporter (event-support's), no participant
        for member in members:
            ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)
    recent = ctx.recent.get(SPKG.Event)
    if recent is not None and not is_disaster(recent) and not events_in(ctx, sentence):
        for took in _TOOK_PART.finditer(ctx.text, sentence.start, sentence.end):
            for member in ctx.listed_before(sentence, took.start()):
                ctx.add(recent.entity.iri, SPKG.participant, member.entity.iri, sentence,
                        recent.mention.span, member.mention.span)
    for event in gatherings_in(ctx, sentence):
        for member in _organised_with(ctx, event.end, sentence):
            ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)
    back = _pointed_back(ctx, sentence)
    if back is not None:  # "The workshop was organised by A with B and C."
        event, head = back
        for member in _with_members(ctx, head, sentence):
            role = SPKG.organisedBy if _co_organiser(member) else SPKG.participant
            ctx.add(event.entity.iri, role, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)
    verbs = re.compile(r"\b(?:took\s+part|participated|take\s+part|participate)\s+in\s+|"
                       r"\b(?:ont|a)\s+(?:pris\s+part|particip[ée])\s+(?:à\s+|aux?\s+)|"
                       r"\b(?:participaron|particip[óo]|tomaron\s+parte)\s+en\s+|"
                       r"\b(?:participaram|participou|tomaram\s+parte)\s+(?:em|n[oa]s?)\s+|"
                       r"\b(?:attended|joined)\s+(?=the\b|a\b)")
    for match in verbs.finditer(ctx.text, sentence.start, sentence.end):
        event = ctx.after(match.end(), sentence, EVENT_CLASSES)
        if event is None or not re.fullmatch(r"(?:the|a|an)?\s*(?:[\w-]+\s+){0,3}",
                                             ctx.text[match.end() : event.start]):
            # "… took part in the launch", "… ont pris part aux travaux": the gathering a
            # sentence before named
            recent = ctx.recent.get(SPKG.Event)
            event = recent if recent is not None and not is_disaster(recent) and (
                _POINTED.match(ctx.text, match.end(), sentence.end)) else None
        if event is None:
            continue
        for member in ctx.listed_before(sentence, match.start()):
            ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)


# "A and B took part, together with …", "A y B participaron.": the verb with no object, so
# the gathering the sentence before named
_TOOK_PART = re.compile(r"\b(?:took\s+part|participated|(?:y\s+)?ont\s+(?:pris\s+part|participé)|"
                        r"participaron|tomaron\s+parte|participaram|tomaram\s+parte)"
                        r"(?=\s*[,.;]|\s+(?:too|as\s+well|together\s+with|alongside|along\s+with|"
                        r"aussi|également|también|também)\b)")


# "the Ministry", "le Ministère": a ministry named before by its kind word alone (not the
# start of a name the recogniser missed, "the Ministry of …")
_BODY_KINDS = {"ministry": SPKG.Ministry, "ministère": SPKG.Ministry,
               "ministerio": SPKG.Ministry, "ministério": SPKG.Ministry}
# "organisé par le CAOSS avec A": one capitalised word the recogniser left unnamed (an
# acronym), right before "with"
_ONE_WORD_BODY = re.compile(r"[A-Z][\w'’-]{1,20}(?:\s*\([^)]*\))?(?=\s*,?\s*(?:with|avec|con)\s)")
# (lowercase too: "organised by the ministry with A", "organizado por el ministerio con A")
_BODY_ANAPHOR = re.compile(r"((?i:ministry|ministère|ministerio|ministério))\b"
                           r"(?!\s+(?:of|for|de|du|des|del|da|do)\b)")


def _organised_with(ctx: Context, after: int, sentence: Span) -> list[Placed]:
    """"<event>, organised by A with B and C", "organisé par A avec B", "organizado por A con
    B" (the passive from ``after``): B and C took part (a UN agency after "with"
    co-organises: not a participant)."""
    return [m for m in _with_members(ctx, after, sentence) if not _co_organiser(m)]


def _co_organiser(member: Placed) -> bool:
    """A UN agency or ILO unit after "organised by A with": it organised, not attended."""
    return member.entity.cls == SPKG.UNAgency or _ILO_UNIT_NAME.match(
        member.mention.text) is not None


def _with_members(ctx: Context, after: int, sentence: Span) -> list[Placed]:
    """Everyone listed after "organised by A with" (the passive from ``after``)."""
    passive = _PASSIVE_BY.match(ctx.text, after, sentence.end)
    if passive is None:
        return []
    organisers = ctx.listed_after(passive.end(), sentence)
    if organisers and organisers[0].start == passive.end():
        after = organisers[-1].end
    else:  # "organised by the Ministry with A and B": a body named before, by its kind
        named = _BODY_ANAPHOR.match(ctx.text, passive.end(), sentence.end)
        word = _ONE_WORD_BODY.match(ctx.text, passive.end(), sentence.end)
        if named is not None and ctx.in_span(Span(0, passive.start()),
                                             {_BODY_KINDS[named.group(1).casefold()]}):
            after = named.end()
        elif word is not None and named is None:
            after = word.end()
        else:
            return []
    # "organised by A, with B and C": the comma changes nothing
    joined = re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:with|avec|con)\s+(?:the\s+|l[ea]\s+|les\s+|"
                      r"l['’]|el\s+|los\s+|las\s+)?", ctx.text[after : sentence.end])
    if joined is None or re.match(_NOT_PARTICIPANTS, ctx.text[after + joined.end() :
                                                                  sentence.end]):
        return []
    start = after + joined.end()
    members = ctx.listed_after(start, sentence)
    if not members or members[0].start != start:
        return []
    return members


# "the ILO Decent Work Team for …", "le Bureau de pays de l'OIT": a unit of the ILO, which
# co-organises like the ILO itself
_ILO_UNIT_NAME = re.compile(r"(?:ILO|OIT|BIT)\b|.*\b(?:of\s+the\s+ILO|de\s+l['’]OIT|du\s+BIT|"
                            r"de\s+la\s+OIT|da\s+OIT)\b")


# The gathering a sentence before named, pointed back at after "took part in": "the
# workshop", "the launch", "l'atelier", "aux travaux" (its proceedings), "el taller".
_POINTED = re.compile(
    r"(?:the|this|that|its|l['’]|le|la|les|ce|cet|cette|ses|el|los|las|este|esta|dicho|dicha|"
    r"sus)?\s*(?:workshop|conference|seminar|meeting|consultation|dialogue|event|ceremony|"
    r"session|forum|webinar|round\s*table|summit|training|launch|proceedings|discussions|"
    r"atelier|séminaire|conférence|réunion|rencontre|table\s+ronde|journée|cérémonie|"
    r"lancement|formation|travaux|débats|taller|seminario|conferencia|reunión|encuentro|mesa|"
    r"foro|consulta|diálogo|sesión|jornada|ceremonia|lanzamiento|capacitación|trabajos|"
    r"debates)s?\b(?!\s+(?:of|on|de|du|des|sur|sobre|del)\b)")


@rule("event-place", family="gatherings")
def event_place(ctx: Context, sentence: Span) -> None:
    """"… a workshop held in Lusaka", "the conference in Siem Reap", "… took place at the
    X Hotel in Y": the first place after "in" in the event's clause."""
    for event in events_in(ctx, sentence):
        following = ctx.in_span(Span(event.end, sentence.end))
        for placed in following:
            if placed.entity.cls in EVENT_CLASSES:
                break  # another event's place
            if not is_place(placed):
                continue
            gap = ctx.text[event.end : placed.start]
            if not same_clause(ctx.text, event.end, placed.start) or len(gap) > 120:
                break
            if is_disaster(event) and "," in gap and ctx.in_span(
                    Span(event.end, placed.start), ORGANISATION_CLASSES):
                break  # "where the drought hit, the Ministry paid … in X": the Ministry's X
            # a quoted title ("a workshop on “Extending cover to workers”") says no whom
            gap = re.sub(r"[“\"«][^”\"»]{0,100}[”\"»]", "", gap)
            if re.search(AT_PLACE, gap) and (
                    _HELD_IN.search(gap) or not re.search(
                        r"\b(?:workers|coverage|people|households|beneficiaries|schemes?|"
                        rf"programmes?|extend\w*|cover\w*|{WHOM_FR_ES})\b", gap)):
                ctx.add(event.entity.iri, SPKG.locatedIn, placed.entity.iri, sentence,
                        event.mention.span, placed.mention.span)
            break
    for event in events_in(ctx, sentence):
        if is_disaster(event):
            _places_where(ctx, event, sentence)
    for event in events_in(ctx, sentence):
        # "… gathered in Freetown on 19 May for the X Conference", "in Kigali during the X"
        before = ctx.in_span(Span(sentence.start, event.start))
        if not before or not is_place(before[-1]) or before[-1].entity.cls == SPKG.Country:
            continue
        if _PLACE_BEFORE.fullmatch(ctx.text, before[-1].end, event.start) and re.search(
                r"\b(?:in|at)\s+(?:the\s+)?$", ctx.text[max(sentence.start, before[-1].start
                                                          - 12) : before[-1].start]):
            ctx.add(event.entity.iri, SPKG.locatedIn, before[-1].entity.iri, sentence,
                    event.mention.span, before[-1].mention.span)


# "In A and B provinces, where the 2019 drought …": the places the relative clause is about
_WHERE = re.compile(r"\s*(?:[a-z]+)?,\s*(?:where|où|donde|onde)\s+(?:the\s+|le\s+|la\s+|"
                    r"les\s+|l['’]|el\s+|los\s+|las\s+|o\s+|a\s+|os\s+|as\s+)?"
                    r"(?:[\w-]+\s+){0,2}$")


def _places_where(ctx: Context, event: Placed, sentence: Span) -> None:
    """"In A and B provinces, where the 2019 drought …": the disaster is located in the
    places listed right before "where" (a town, province or region, not a country)."""
    listed = ctx.in_span(Span(sentence.start, event.start))
    if not listed or _WHERE.fullmatch(ctx.text, listed[-1].end, event.start) is None:
        return
    found = [listed[-1]]
    for placed in reversed(listed[:-1]):
        if not re.fullmatch(r"\s*(?:,|,?\s*(?:and|et|y|e))\s*",
                            ctx.text[placed.end : found[-1].start]):
            break
        found.append(placed)
    for placed in found:
        if is_place(placed) and placed.entity.cls != SPKG.Country:
            ctx.add(event.entity.iri, SPKG.locatedIn, placed.entity.iri, sentence,
                    event.mention.span, placed.mention.span)


# Who supported a gathering, in the ILO's three languages: "with the support of",
# "avec l'appui de", "grâce au soutien de", "con el apoyo de", "supported by", "appuyé par".
_SUPPORT_CUE = re.compile(
    r"\b(?:supported|funded|financed|sponsored)\s+by\s+(?:the\s+)?|"
    r"\bwith\s+(?:the\s+)?(?:technical\s+|financial\s+)?(?:support|funding|"
    r"financing|assistance)\s+(?:from|of)\s+(?:the\s+)?|"
    r"\b(?:avec|grâce\s+à|gr[âa]ce\s+au)\s+(?:l['’]|le\s+|la\s+)?(?:appui|soutien|"
    r"assistance|concours|financement)\s+(?:technique\s+|financier\s+|financière\s+)?"
    r"(?:de\s+(?:l['’]|la\s+|les\s+)?|du\s+|des\s+)|"
    r"\bcon\s+(?:el|la)\s+(?:apoyo|respaldo|asistencia|financiamiento|financiación)\s+"
    r"(?:t[ée]cnic[oa]\s+|financier[oa]\s+)?(?:de\s+(?:la\s+|los\s+|las\s+)?|del\s+)|"
    r"\b(?:appuy[ée]e?s?|soutenue?s?|financ[ée]e?s?|apoyad[oa]s?|financiad[oa]s?)\s+"
    r"(?:par|por)\s+(?:l['’]|le\s+|la\s+|les\s+|el\s+|los\s+|las\s+)?")


@rule("event-support", family="gatherings")
def event_support(ctx: Context, sentence: Span) -> None:
    """"The workshop, supported by the X Project, …", "… with funding from the EU": who
    supported the event (events are not funded in the ontology's sense: projects are)."""
    for match in _SUPPORT_CUE.finditer(ctx.text, sentence.start, sentence.end):
        event = ctx.before(sentence, match.start(), EVENT_CLASSES)
        anchor = event.end if event is not None else sentence.start
        fronted = _fronted_event(ctx, sentence) if event is None else None
        if fronted is not None and (fronted[0].start > match.start() or not events_in(
                ctx, sentence)):  # "Organisé par A, avec l'appui de B, l'atelier …"
            event, anchor = fronted[0], fronted[1]
            if ctx.in_span(Span(anchor, match.start()), SUPPORTED_CLASSES - ORGANISATION_CLASSES):
                continue
            for supporter in ctx.listed_after(match.end(), sentence):
                ctx.add(event.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                        event.mention.span, supporter.mention.span)
            continue
        if event is None:  # "L'atelier était organisé par A, avec l'appui de B."
            head = _POINTING.match(ctx.text, sentence.start, match.start())
            event = _event_before(ctx, sentence, head.end(), match.start()) if head else None
            anchor = head.end() if head else anchor
            if head is None or not _ORGANISED_BY.fullmatch(ctx.text, head.end(), match.start()):
                continue  # only "The workshop, organised by A, with the support of B"
        if event is None or is_disaster(event) or (
                ctx.in_span(Span(anchor, match.start()), SUPPORTED_CLASSES)
                and not _ORGANISED_BY.fullmatch(ctx.text, anchor, match.start())):
            continue  # something else named in between is what was supported
        if not same_clause(ctx.text, anchor, match.start()):
            continue
        supporters = [p for p in ctx.listed_after(match.end(), sentence)] or [
            p for p in [ctx.after(match.end(), sentence, {SPKG.Project})]
            if p is not None and p.start == match.end()]
        for supporter in supporters:
            ctx.add(event.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                    event.mention.span, supporter.mention.span)


@rule("event-topic", family="gatherings")
def event_topic(ctx: Context, sentence: Span) -> None:
    """"a validation workshop on the draft Social Security Bill": what the event was about,
    named right after "on/of/for" (an intervention, a study or a body)."""
    for event in gatherings_in(ctx, sentence):
        about = re.match(r"\s*(?:on|of|for|about|to\s+validate|to\s+discuss)\s+(?:the\s+)?"
                         # "on the future of the X": the X is what it was about
                         r"(?:(?:future|reform|financing|sustainability|implementation|"
                         r"extension|ratification|adoption|revision|amendment|design|"
                         r"introduction)\s+of\s+(?:the\s+)?)?"
                         r"(?:draft\s+|new\s+|proposed\s+)?|"
                         # "un atelier de validation de la Stratégie …", "… del estudio …"
                         r"\s*(?:sur|sobre|de|du|des|del|pour|para)\s+(?:la\s+|le\s+|les\s+|"
                         r"l['’]|el\s+|los\s+|las\s+)?(?:(?:projet|proyecto|avant-projet|"
                         r"anteproyecto)\s+(?:de\s+|d['’])?)?"
                         # "sur la ratification de la Convention", "sobre la reforma del X"
                         r"(?:(?:ratification|ratificación|ratificação|réforme|reforma|"
                         r"révision|revisión|revisão|extension|extensión|extensão|"
                         r"mise\s+en\s+[œo]e?uvre|implementación|implementação)\s+"
                         r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|del\s+|de\s+|da\s+|do\s+|"
                         r"d['’]))?", ctx.text[event.end : sentence.end])
        if about is None:
            continue
        topic = ctx.after(event.end + about.end(), sentence,
                          INTERVENTION_CLASSES | _INSTRUMENTS | {SPKG.Study, SPKG.Project})
        if topic is not None and topic.start == event.end + about.end():
            ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                    event.mention.span, topic.mention.span)
        elif topic is None or topic.start != event.end + about.end():
            referred = _topic_referred(ctx, event.end, sentence)
            if referred is not None:
                ctx.add(event.entity.iri, SPKG.concerns, referred.entity.iri, sentence,
                        event.mention.span)


# "a round table on the ratification of Convention No. 183": an ILO instrument is a topic
_INSTRUMENTS = frozenset({SPKG.Convention, SPKG.Recommendation, SPKG.Instrument})


# "a validation meeting on the technical note", "un atelier sur le régime proposé": the
# topic named in a sentence before, pointed back at by its kind word with a word that makes
# it a document ("proposed", "draft", "technical"; a bare "on the valuation" is the work).
# The noun ends the phrase: "on the scheme's financing" points at no one thing.
_ON_THE_KIND = re.compile(
    r"\s*(?:on|about|sur|sobre)\s+(?:the|this|that|its|le|la|l['’]|ce|cette|el|este|esta)\s*"
    r"(?:(?P<before>proposed|draft|new|technical|projet\s+de|proyecto\s+de)\s+)?(?P<kind>[a-zé-]+)"
    r"(?:\s+(?P<after>propos[ée]e?|propuest[oa]))?(?=\s*[,.;]|\s+(?:was|were|took|"
    r"held|in|at|on|with|organi[sz]ed|a\s+eu|s['’]est|fue|se\s+celebr)\b)")
# Kind words ANAPHORS lacks that name a study ("the technical note"), and French and Spanish
# kind words, as the English word ANAPHORS knows.
_TOPIC_WORDS = {"note": "study", "régime": "scheme", "régimen": "scheme", "étude": "study",
                "estudio": "study", "stratégie": "strategy", "estrategia": "strategy",
                "politique": "policy", "política": "policy", "programa": "programme"}
# Not laws: "the draft law" is most often the text adopted later under a number, not a law
# named before it.
_TOPIC_CLASSES = (INTERVENTION_CLASSES - {SPKG.Law}) | {SPKG.Study, SPKG.Project}


# "a validation workshop on the feasibility study was held", "a round table on the gap
# analysis", "un atelier sur l'étude": a study named before, by the words of its head. The
# blind batches from fresh-7 on annotate the gathering as concerning that study.
_ON_THE_STUDY = re.compile(
    r"\s*(?:on|about|sur|sobre)\s+(?:the|this|its|l['’]|la|le|el|este|esta|cette)\s*"
    r"(?P<words>(?:[a-zé-]+\s+){0,2}(?:study|valuation|review|analysis|assessment|costing|"
    r"projection|diagnostic|étude|estudio|evaluación|diagnóstico|évaluation))"
    r"(?=\s*[,.;]|\s+(?:was|were|took|held|in|at|on|with|organi[sz]ed|a\s+eu|s['’]est|fue|"
    r"se\s+celebr)\b)")


def _study_named_before(ctx: Context, words: list[str], sentence: Span) -> Placed | None:
    """The last study named before the sentence whose head ("feasibility study" of
    "feasibility study on X") holds every one of ``words``."""
    wanted = [word.casefold() for word in words]
    for placed in reversed(ctx.in_span(Span(0, sentence.start), {SPKG.Study})):
        head = re.split(r"\s(?:of|on|for|de|du|des|del|sur|sobre)\s",
                        placed.mention.text.casefold())[0].split()
        if all(word in head for word in wanted):
            return placed
    return None


def _topic_referred(ctx: Context, after: int, sentence: Span) -> Placed | None:
    """The earlier-named intervention or study "<event> on the <kind word>" points at."""
    study = _ON_THE_STUDY.match(ctx.text, after, sentence.end)
    words = study.group("words").split() if study else []
    # a bare deverbal noun ("on the valuation", "on the review") may name the work itself,
    # as the first fresh batch read it; "the study" and two-word heads name the document
    if len(words) > 1 or words[-1:] in (["study"], ["étude"], ["estudio"]):
        return _study_named_before(ctx, words, sentence)
    kind = _ON_THE_KIND.match(ctx.text, after, sentence.end)
    if kind is None or not (kind.group("before") or kind.group("after")):
        return None  # "a workshop on the scheme": the scheme's work, not one thing
    word = kind.group("kind").casefold()
    # the last one before named with the word ("the technical note": "a technical note on …")
    for placed in reversed(ctx.in_span(Span(0, sentence.start), _TOPIC_CLASSES)):
        head = re.split(r"\s(?:of|on|for|de|du|des|del|sur|sobre)\s",
                        placed.mention.text.casefold())[0]
        if word in head.split():  # its head, not its complement ("review of the law")
            return placed
    if word == "note":  # a study only by its own name
        return None
    return ctx.referent(_TOPIC_WORDS.get(word, word), _TOPIC_CLASSES)



# "… discussed it with the JNC (JNC) at a technical meeting in Lima on …": those it was
# discussed with, then "at" the gathering.
_DISCUSSED_WITH = re.compile(
    r"\b(?:discussed|presented|shared|validated|reviewed|examined)\s+(?:it|them|the\s+"
    r"(?:findings|results|draft|note|study|report|proposal)s?)\s+with\s+(?:the\s+)?")


@rule("discussed-with", family="gatherings")
def discussed_with(ctx: Context, sentence: Span) -> None:
    """"The ILO Office … prepared a note and discussed it with A and B at a technical
    meeting in Lima on D": A and B took part, and so did the sentence's subject when an
    organisation opens the sentence."""
    for cue in _DISCUSSED_WITH.finditer(ctx.text, sentence.start, sentence.end):
        members = ctx.listed_after(cue.end(), sentence)
        if not members or members[0].start != cue.end():
            continue
        at = re.match(r"\s*(?:\([^)]*\)\s*)?at\s+(?:an?\s+|the\s+)?",
                      ctx.text[members[-1].end : sentence.end])
        event = ctx.after(members[-1].end, sentence, EVENT_CLASSES) if at else None
        if event is None or at is None or event.start != members[-1].end + at.end() or (
                is_disaster(event)):
            continue
        first = ctx.in_span(Span(sentence.start, cue.start()), ORGANISATION_CLASSES)
        if first and re.fullmatch(r"\s*(?:The\s+)?", ctx.text[sentence.start : first[0].start]):
            members = [first[0], *members]  # the subject discussed it there too
        for member in members:
            ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)


# "… presented the findings of its review of X to A and B at a tripartite seminar …": those
# it was presented to took part (the presenter is not said to have).
_PRESENTED_TO = re.compile(r"\b(?:presented|submitted|shared)\s+[^.;]{3,140}?\s+to\s+(?:the\s+)?")


@rule("presented-to", family="gatherings")
def presented_to(ctx: Context, sentence: Span) -> None:
    """"The ILO presented its study to the Ministry at a seminar in Y on D": the Ministry
    took part in the seminar."""
    for cue in _PRESENTED_TO.finditer(ctx.text, sentence.start, sentence.end):
        members = ctx.listed_after(cue.end(), sentence)
        if not members or members[0].start != cue.end():
            continue
        at = re.match(r"\s*(?:\([^)]*\)\s*)?(?:at|during)\s+(?:an?\s+|the\s+)?",
                      ctx.text[members[-1].end : sentence.end])
        event = ctx.after(members[-1].end, sentence, EVENT_CLASSES) if at else None
        if event is None or at is None or event.start != members[-1].end + at.end() or (
                is_disaster(event)):
            continue
        for member in members:
            ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)


# "A and B validated X at a workshop …", "le Gouvernement a validé X lors d'un atelier …"
_VALIDATED_AT = re.compile(
    r"\b(?:validated|endorsed|reviewed|discussed|a\s+validé|ont\s+validé|a\s+examiné|"
    r"ont\s+examiné|valid(?:ó|aron)|discuti(?:ó|eron))\s+[^.;]{3,140}?\s+"
    r"(?:at|during|lors\s+d['’]|lors\s+de|au\s+cours\s+d['’]|durante|en)\s*"
    r"(?:an?\s+|the\s+|une?\s+|la\s+|le\s+|l['’]|el\s+|una?\s+)?")


@rule("validated-at", family="gatherings")
def validated_at(ctx: Context, sentence: Span) -> None:
    """"The Government validated the strategy at a national workshop in Y on D": who
    validated it took part in the workshop."""
    for cue in _VALIDATED_AT.finditer(ctx.text, sentence.start, sentence.end):
        event = ctx.after(cue.end() - 1, sentence, EVENT_CLASSES)
        if event is None or event.start > cue.end() + 1 or is_disaster(event):
            continue
        if ctx.in_span(Span(cue.start(), event.start), EVENT_CLASSES):
            continue
        for member in ctx.listed_before(sentence, ctx.verb_start(sentence, cue.start())):
            ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)


# "A, B and C met in Y on D1-D2 to discuss …. The state consultation was organised by …"
_MET_IN = re.compile(r"\b(?:met|gathered|convened|came\s+together|se\s+sont\s+réunis|"
                     r"se\s+reunieron|se\s+dieron\s+cita)\s+(?:in|at|à|en)\s+")


@rule("met-before", family="gatherings")
def met_before(ctx: Context, sentence: Span) -> None:
    """"Officials of A and B met in Y on D. The consultation was …": the gathering that
    opens this sentence is the meeting of the one before (its place, days and those who
    met there); the entity stage dated it from that sentence."""
    previous = ctx.previous
    if previous is None:
        return
    for event in gatherings_in(ctx, sentence):
        if not re.fullmatch(r"\s*The\s+", ctx.text[sentence.start : event.start]) or (
                _stated_date(event) is None):
            continue
        met = _MET_IN.search(ctx.text, previous.start, previous.end)
        if met is None:
            continue
        date = next((d for d in ctx.dates(previous) if d.span.start >= met.end()), None)
        if date is None or _as_range(ctx, date).literal != _stated_date(event):
            continue  # the date the entity stage read is another's
        date = _as_range(ctx, date)
        if date.end is not None:
            ctx.add(event.entity.iri, SPKG.endDate, date.end, sentence, event.mention.span,
                    date.span)
        following = ctx.in_span(Span(met.end(), previous.end))
        place = following[0] if following else None
        if place is not None and place.start == met.end() and is_place(place):
            ctx.add(event.entity.iri, SPKG.locatedIn, place.entity.iri, sentence,
                    event.mention.span, place.mention.span)
        dateline = _DATELINE.match(ctx.text, previous.start, previous.end)
        start = dateline.end() if dateline else previous.start  # "JAIPUR (ILO News) – "
        for member in ctx.in_span(Span(start, met.start()), ORGANISATION_CLASSES):
            ctx.add(event.entity.iri, SPKG.participant, member.entity.iri, sentence,
                    event.mention.span, member.mention.span)


@rule("organised-by-the-ministry", family="gatherings")
def organised_by_the_ministry(ctx: Context, sentence: Span) -> None:
    """"<event> in Y on D, organised by the Ministry with A and B": the ministry named last
    before, by its kind word alone (the name recogniser reads no name there)."""
    for event in gatherings_in(ctx, sentence):
        passive = _PASSIVE_BY.match(ctx.text, event.end, sentence.end)
        named = _BODY_ANAPHOR.match(ctx.text, passive.end(), sentence.end) if passive else None
        if passive is None or named is None:
            continue
        before = ctx.in_span(Span(0, passive.start()), {_BODY_KINDS[named.group(1).casefold()]})
        if before:
            ctx.add(event.entity.iri, SPKG.organisedBy, before[-1].entity.iri, sentence,
                    event.mention.span, before[-1].mention.span)


# "a round table on the draft law", "The draft decree was validated at a workshop", "une
# réunion sur le projet d'arrêté": the draft is the text the document names (before or
# after) as adopted, the one law of that kind it names.
_DRAFT_KINDS = {
    "law": {"law", "ley", "loi", "lei", "act"}, "bill": {"law", "act", "bill", "ley", "loi"},
    "decree": {"decree", "decree-law", "décret", "decreto", "decreto-lei", "decreto-ley"},
    "arrêté": {"arrêté", "joint", "order"}, "order": {"arrêté", "joint", "order"},
    "code": {"code", "código"}, "regulation": {"regulation", "regulations", "reglamento",
                                               "règlement"},
    "regulations": {"regulation", "regulations", "reglamento", "règlement"},
    "loi": {"loi", "law"}, "décret": {"décret", "decree"}, "ley": {"ley", "law"},
    "decreto": {"decreto", "decree"}, "código": {"código", "code"},
}
_DRAFT = (r"(?:the\s+draft|draft|le\s+projet\s+d['’]|le\s+projet\s+de|el\s+proyecto\s+de|"
          r"o\s+projeto\s+de|the\s+proposed)\s*(?P<kind>[\wéê-]+)")
_ON_DRAFT = re.compile(rf"\s*(?:on|about|sur|sobre|to\s+(?:discuss|validate|review))\s+{_DRAFT}"
                       r"\b(?!\s+(?:of|on|for|de|du|sur|sobre)\b)")
_DRAFT_AT = re.compile(rf"(?i:\s*{_DRAFT})\s+(?:was|were|a\s+été|fue|foi)\s+"
                       r"(?:\w+ly\s+|first\s+)?(?:discussed|validated|reviewed|presented|examined|"
                       r"endorsed|examiné|validé|discutido|validado|discutid[oa]|validad[oa])\s+"
                       r"(?:at|during|lors\s+d['’]une?|en|durante|em|no|na)\s+")


def _only_law_of_kind(ctx: Context, kind: str) -> Placed | None:
    """The one law of ``kind`` the document names, by the first word of its name."""
    heads = _DRAFT_KINDS.get(kind.casefold())
    if heads is None:
        return None
    laws = [p for p in ctx.in_span(Span(0, len(ctx.text)), {SPKG.Law})
            if re.split(r"[\s(]+", p.mention.text.casefold().removeprefix("the ").strip())[0]
            in heads]
    return laws[0] if laws and len({p.entity.iri for p in laws}) == 1 else None


@rule("draft-law-topic", family="gatherings")
def draft_law_topic(ctx: Context, sentence: Span) -> None:
    """"A round table on the draft law was held in X on D", "The draft decree was validated
    at a national workshop …": the gathering concerns the one law of that kind the document
    names."""
    for event in gatherings_in(ctx, sentence):
        on = _ON_DRAFT.match(ctx.text, event.end, sentence.end)
        opening = _DRAFT_AT.match(ctx.text, sentence.start, sentence.end)
        if on is None and not (opening is not None and opening.end() <= event.start and (
                re.fullmatch(r"(?:an?\s+|the\s+|une?\s+|la\s+|el\s+|um\s+|uma\s+)?(?:[\w-]+\s+)"
                             r"{0,4}", ctx.text[opening.end() : event.start]))):
            continue
        kind = (on or opening).group("kind")  # type: ignore[union-attr]
        law = _only_law_of_kind(ctx, kind)
        if law is not None:
            ctx.add(event.entity.iri, SPKG.concerns, law.entity.iri, sentence,
                    event.mention.span, law.mention.span)
