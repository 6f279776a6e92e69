"""Events: named ones ("the National Social Protection Conference", "Cyclone Gombe") and
gatherings written in lowercase that the sentence dates ("a validation workshop held on
3 March 2021").

IRIs (docs/extraction.md): a named event is ``id:event/<slug of its name>``; a lowercase
one is ``id:event/<slug of its noun phrase without article>-<ISO date>``, and without a date
in its sentence it is no entity (every report has "a workshop" somewhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from spkg.ingest.dates import range_start
from spkg.ingest.mentions.base import MODIFIER, TOPIC, Context, Mention, recogniser
from spkg.ingest.normalise import find_dates
from spkg.ingest.records import DateValue, Span
from spkg.namespace import SPKG, mint

# Heads of gatherings. "training" and "launch" are left to the relation side's events (a
# body's training, a programme's launch), which name them after what they concern.
GATHERINGS = ("workshop", "workshops", "conference", "seminar", "webinar", "symposium",
              "summit", "consultation", "consultations", "dialogue", "roundtable",
              "round table", "retreat", "ceremony", "exchange visit", "study tour",
              "hackathon", "week", "fair", "forum", "meeting", "meetings",
              # a gathering held to launch something ("presented at a launch event in Y on D")
              "launch event", "launch ceremony", "launching ceremony",
              # "information sessions", "awareness sessions": only with the word saying which
              "session", "sessions")
# Heads that are gatherings only with words that say which ("a social protection week",
# not "a week"; "a job fair", not "a fair share"). A forum is a body (mentions.bodies).
# "A meeting" or "a ceremony" alone is the relation side's (a body's meeting, a launch's
# ceremony); "a technical meeting in Lima on 2 May" is an event of its own. A forum with a
# date is a gathering; without one it is a body.
_QUALIFIED_ONLY = frozenset({"week", "fair", "meeting", "meetings", "ceremony", "session",
                            "sessions"})
_SESSIONS = frozenset({"session", "sessions"})
_NAMED_HEADS = ("Workshop", "Conference", "Seminar", "Webinar", "Symposium", "Summit",
                "Consultation", "Dialogue", "Roundtable", "Round Table", "Retreat",
                "Ceremony", "Festival", "Fair", "Week", "Day", "Session",
                "Hackathon", "Expo", "Exhibition")
_HAZARDS = ("Cyclone", "Typhoon", "Hurricane", "Tropical Storm", "Storm", "Super Typhoon",
            "Tropical Cyclone", "Severe Tropical Cyclone", "Tropical Depression",
            # French and Spanish: "le cyclone Freddy", "l'ouragan Irma", "el huracán Fiona"
            "Ouragan", "Typhon", "Tempête tropicale", "Tempête", "Huracán", "Tifón", "Ciclón",
            "Tormenta tropical", "Tormenta")
_CAP_WORD = r"(?:[A-Z][\w’'-]*|\d{4}|[IVX]+(?:st|nd|rd|th)?|\d+(?:st|nd|rd|th))"
_LINK = r"(?:on|of|for|and|in|to|the|&)"
# "the Third National Social Protection Conference", "Regional Workshop on Social Health
# Protection", "the 2023 Social Protection Week"
_NAMED = re.compile(
    rf"(?<![\w-])(?:{_CAP_WORD}[ \t]+)*(?:High-Level[ \t]+)?(?:{'|'.join(_NAMED_HEADS)})"
    rf"(?:[ \t]+{_LINK}(?:[ \t]+{_LINK})?[ \t]+{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*)?"
    r"(?:[ \t]+(?:19|20)\d\d)?"  # "Geneva Peace Week 2020"
    r"(?![\w-]|[ \t]+[A-Z])")
_HAZARD = re.compile(rf"(?<![\w-])(?i:{'|'.join(sorted(_HAZARDS, key=len, reverse=True))}|"
                     r"supertyphoon)[ \t]+[A-Z][^\W\d_]+(?![\w-])")
# "the COVID-19 pandemic", "the Ebola outbreak"
_OUTBREAK = re.compile(r"(?<![\w-])([A-Z][\w-]*[ \t]+(?:pandemic|epidemic|outbreak))\b")
# "the 2022 floods", "the 2015 earthquake", "the March 2019 floods", "the May-June 2021
# floods", "the 2022 monsoon floods"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_DATED_DISASTER = re.compile(
    rf"(?<![\w-])(?:[Tt]he)[ \t]+(?P<name>(?P<when>(?:{_MONTH}(?:[ \t]*[-–][ \t]*{_MONTH})?"
    r"[ \t]+)?(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?)[ \t]+(?:(?:monsoon|flash|seasonal)[ \t]+)?"
    r"(?P<noun>floods?|"
    r"flooding|earthquakes?|droughts?|cyclones?|typhoons?|hurricanes?|tsunami|landslides?|"
    r"heatwave|wildfires?))\b")
# Disasters written with a common noun: "the earthquake of 9 March 2018", "the Chimbu
# landslide of June 2020", "the floods of August 2022", "le séisme du 6 février 2023", "las
# inundaciones de marzo de 2023". A capitalised word before the noun names it ("Enga
# landslide", never dated in its IRI); without one, the date it is "of" does
# ("earthquake-2019-11-26"). The noun must end the phrase: "the flood response" is none.
_HAZARD_NOUNS = (r"(?:earthquakes?|floods?|flooding|landslides?|mudslides?|droughts?|"
                 r"tsunamis?|volcanic\s+eruption|eruption|heatwave|wildfires?|bushfires?|"
                 r"séisme|tremblement\s+de\s+terre|inondations?|sécheresse|glissement\s+de\s+"
                 r"terrain|terremoto|sismo|inundaciones|inundación|sequía|deslizamiento|"
                 r"aluvión|erupción)")
# "the volcanic eruption and tsunami of 15 January 2022", "le séisme et le tsunami du …": two
# hazards of one date are one event, named by both nouns
_HAZARD_PAIR = (rf"{_HAZARD_NOUNS}(?:[ \t]+(?:and|et|y|e)[ \t]+(?:(?:the|le|la|l['’]|el|la|o|a)"
                rf"[ \t]*)?{_HAZARD_NOUNS})?")
# "d'octobre 2023": the elided article takes no space after it
_HAZARD_DATE = (r"(?:(?:of|in|du|de|del)[ \t]+|d['’][ \t]*)"
                r"(?:(?:\d{1,2}(?:er)?[ \t]+(?:de[ \t]+)?)?"
                r"[A-Za-zéûñ]{3,10}[ \t]+(?:de[ \t]+)?)?(?:19|20)\d\d")
_COMMON_DISASTER = re.compile(
    r"(?<![\w'’-])(?:[Tt]he|[Ll]e|[Ll]a|[Ll]es|[Ll]['’]|[Ee]l|[Ll]as|[Ll]os)[ \t]*"
    rf"(?P<name>(?P<place>(?:[A-Z][\w'’-]+[ \t]+){{1,2}})?{_HAZARD_PAIR})"
    rf"(?P<of>[ \t]+{_HAZARD_DATE})?"
    r"(?![\w-]|[ \t]+(?:response|relief|recovery|risks?|insurance|victims|season|"
    r"management|preparedness|resilience|emergency|cash|programme|plan|protection|"
    r"[A-Z]))")
# Without an article, a disaster needs its date: "severe floods in October 2023 hit …"
_DATED_COMMON_DISASTER = re.compile(
    # the look-ahead on the nouns' first letters rejects most positions at once
    rf"(?<![\w'’-])(?=[EeFfLlMmDdTtVvHhWwBbSsGgIiAa])(?P<name>(?i:{_HAZARD_PAIR}))"
    rf"(?P<of>[ \t]+{_HAZARD_DATE})(?![\w-]|[ \t]+[A-Z])")
# The verbs by which a disaster struck, in four languages.
_STRUCK_VERB = (r"(?:hit|struck|affected|devastated|ravaged|battered|swept[ \t]+(?:through|across)|"
                r"made[ \t]+landfall[ \t]+(?:in|on)|frappé|touché|dévasté|ravagé|afectaron|afectó|"
                r"azotó|azotaron|golpeó|golpearon|devastó|devastaron|sacudió|atingiram|atingiu|"
                r"afetaram|afetou|devastaram|asoló|asolaron|arrasó|arrasaron|assolou|assolaram)(?![\w-])")
# A disaster the sentence dates through the verb by which it struck: "After flash floods hit
# Honiara on 4 December 2023", "the floods that hit A in March 2022", "les inondations qui ont
# frappé A le 3 mars 2023", "las inundaciones que afectaron a A en abril de 2023", "as cheias
# que atingiram A em maio de 2024". Named ``<noun phrase>-<date>`` like "the floods of March
# 2022"; a verb in the present or the future reports no event.
_STRUCK_DISASTER = re.compile(
    r"(?<![\w'’-])(?:(?P<article>[Tt]he|[Ll]es|[Ll]e|[Ll]a|[Ll]['’]|[Ee]l|[Ll]as|[Ll]os|[Oo]s|"
    r"[Aa]s|[Oo])[ \t]*)?"
    r"(?P<name>(?:(?:flash|severe|heavy|major|massive|deadly|devastating|torrential|monsoon|"
    r"widespread)[ \t]+)?(?:floods|flooding|earthquakes?|drought|landslides?|mudslides?|"
    r"tsunami|heatwave|wildfires|bushfires|inondations|séisme|sécheresse|inundaciones|"
    r"terremoto|sismo|sequía|enchentes|cheias|inundações|seca|"
    # Spanish "la dana" (an isolated upper-level low's storm), written as a common noun
    r"dana)"
    r"(?:[ \t]+(?:torrentielles|violentes|meurtrières|torrenciales|repentinas|fortes))?)"
    rf"(?P<verb>[ \t]+(?:(?:that|which|qui|que)[ \t]+(?:ont[ \t]+|a[ \t]+)?)?{_STRUCK_VERB})")
# An article before the noun needs "that/which": "the floods hit A" may point back.
# (a plural needs none after the verb that holds it: "will hold information sessions")
_DETERMINER = (r"(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Aa] series of|[Tt]his|[Tt]hat|"
               r"hold|held|organi[sz]ed)")
_MODIFIER = MODIFIER
_LOWER = re.compile(
    rf"(?<![\w-]){_DETERMINER}[ \t]+((?:{_MODIFIER}[ \t]+){{0,4}}"
    rf"(?:{'|'.join(sorted(GATHERINGS, key=len, reverse=True))}))\b"
    # "the social dialogue committee": the gathering word qualifies an organisation
    r"(?![ \t-]+(?:committee|council|board|forum|platform|mechanism|body|bodies|commission|"
    r"structure|process|series|report|participants?|materials?|proceedings|agenda|"
    r"framework|institutions?|partners?|outcomes?|recommendations?)\b)")
# Words before a head that describe the words' role in the sentence, not the event.
_NOT_MODIFIERS = frozenset({
    "same", "other", "such", "first", "second", "next", "last", "previous", "following",
    "above", "said", "this", "that", "these", "those", "its", "their", "our", "his", "her",
    "many", "several", "various", "each", "every", "all", "some", "any", "more", "further",
    "recent", "upcoming", "annual", "regular", "monthly", "weekly", "final"})
_TIME_WORDS = frozenset({"one", "two", "three", "four", "this", "that", "each", "per",
                         "same", "whole", "working", "calendar"})
_GENERIC_NAMED = frozenset({"Workshop", "Conference", "Seminar", "Session", "Day", "Week",
                            "Fair", "Ceremony", "Dialogue", "Consultation", "Summit", "Forum"})
_ABOUT_A_NAME = re.compile(r"[ \t]+(?:on|about|of)[ \t]+(?:the[ \t]+)?(?:(?:draft|new|revised|"
                           r"amended)[ \t]+)?[A-Z]")
_INSIDE_NAME = re.compile(r"[A-Z][\w’'-]*[ \t]+(?:of|for|on|and)[ \t]+(?:the[ \t]+)?$")
_LEADING = re.compile(r"^(?:(?:The|A|An|In|At|During|On|From|By|After|Before|Since|Its|This|"
                      r"Their|At the|In the)[ \t]+)+")


_POSSESSIVE = re.compile(r"^(?:[A-Z][\w-]*[ \t]+)*[A-Z][\w-]*['’]s[ \t]+")
# "First", "2nd": an ordinal that may be left out when the text names the gathering again.
_ORDINAL = re.compile(r"^(?i:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
                      r"\d+(?:st|nd|rd|th)|[IVX]+(?:st|nd|rd|th)?)[ \t]+")


# "in" right after the head: the place it was held ("Social Protection Dialogue in Thimphu");
# a name's own "in" stands before its head ("Social Protection in Africa Week").
_HEAD_IN_PLACE = re.compile(rf"(?:{'|'.join(_NAMED_HEADS)})([ \t]+in[ \t]+[A-Z].*)$")


def _named(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, words) of each capitalised gathering name between start and end."""
    for match in _NAMED.finditer(text, start, end):
        begin, finish = match.span()
        words = text[begin:finish]
        lead = _LEADING.match(words)
        if lead:
            begin, words = begin + lead.end(), words[lead.end():]
        owner = _POSSESSIVE.match(words)  # "Ghana's First National …": whose, not its name
        if owner and " " in words[owner.end():]:
            begin, words = begin + owner.end(), words[owner.end():]
        words = re.sub(r"[ \t]+(?:on|of|for|and|in|to|the|&)$", "", words)
        at = _HEAD_IN_PLACE.search(words)  # "… Dialogue in Paro": where, not its name
        if at is not None:
            words = words[: at.start(1)]
        finish = begin + len(words)
        if words in _GENERIC_NAMED or " " not in words or _INSIDE_NAME.search(
                text, max(0, begin - 60), begin):
            continue  # "Supreme Council for Labour Relations": the words end another name
        yield begin, finish, words


def _named_iris(context: Context) -> dict[str, URIRef]:
    """The IRI of each gathering name the document dates: ``<name>-<ISO date>`` from the
    first sentence that names and dates it (two countries' "National Social Protection
    Conference", or one country's in two years, are two events). A name given again
    without its ordinal ("the National … Conference" after "the First National …") takes
    the dated one's IRI when one name alone fits. Found once per document."""
    cached = context.memo.get("named-event")
    if isinstance(cached, dict):
        return cached
    text = context.text
    dated: dict[str, URIRef] = {}
    for start, end, words in _named(text, 0, len(text)):
        key = words.casefold()
        if key in dated:
            continue
        sentence = Span(context.sentence_start(start, 0), context.sentence_end(end, len(text)))
        date = _date_near(text, sentence, end, inside=Span(start, end))
        if date is not None:
            dated[key] = mint("event", f"{words} {date}")
    unordered: dict[str, set[URIRef]] = {}
    for key, iri in dated.items():
        unordered.setdefault(_ORDINAL.sub("", key, count=1), set()).add(iri)
    iris = dict(dated)
    for key, found in unordered.items():
        if len(found) == 1 and key not in iris:
            iris[key] = next(iter(found))
    context.memo["named-event"] = iris
    return iris


@recogniser("events", "named-event")
def named_events(context: Context, region: Span) -> Iterator[Mention]:
    """Named gatherings (dated by their sentence: ``<name>-<ISO date>``) and disasters
    (never dated: "Cyclone Gombe" is one event whatever the text says of it)."""
    text = context.text
    for start, end, words in _named(text, region.start, region.end):
        iri = _named_iris(context).get(words.casefold())
        yield Mention(Span(start, end), words, SPKG.Event, source="event", iri=iri)
    for match in _HAZARD.finditer(text, region.start, region.end):
        # "Cyclone Freddy, which struck A in March 2023": dated by its relative clause (the
        # IRI stays undated: one storm whatever the text says of it)
        relative = _STRUCK_RELATIVE.match(text, match.end(), region.end)
        date = _struck_date(text, relative.end(), region.end) if relative else None
        yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Event,
                      source="event", date=date)
    for match in _OUTBREAK.finditer(text, region.start, region.end):
        yield Mention(Span(match.start(1), match.end(1)), match.group(1), SPKG.Event,
                      source="event")
    for match in _DATED_DISASTER.finditer(text, region.start, region.end):
        yield _dated_disaster(match)
    yield from _common_disasters(context, region)


def _dated_disaster(match: re.Match[str]) -> Mention:
    """"the 2022 floods" is ``floods-2022``, dated 2022, as the guide names an unnamed
    disaster (<noun>-<date>); with a month, "the July-August 2017 floods" is ``floods-2017-07``,
    dated by its first month, as "the floods of July 2017" is."""
    words = " ".join(match.group("name").split())
    dates = find_dates(match.group("when"), match.start("when"))
    date = dates[-1].literal if dates else None
    month = re.match(_MONTH, match.group("when"))
    if date is not None:
        if month is not None:
            first = find_dates(f"{month.group(0)} {str(date)[:4]}", 0)
            date = first[0].literal if first else date
        noun = " ".join(match.group("name")[match.end("when") - match.start("name"):].split())
        return Mention(Span(match.start("name"), match.end("name")), words, SPKG.Event,
                       source="event", date=date, iri=mint("event", f"{noun} {date}"))
    return Mention(Span(match.start("name"), match.end("name")), words, SPKG.Event,
                   source="event", date=date)


def _common_disasters(context: Context, region: Span) -> Iterator[Mention]:
    """"the earthquake of 9 March 2018" (``earthquake-2018-03-09``), "the Chimbu landslide
    of June 2020" (``chimbu-landslide``, dated 2020-06 by the rules); "the earthquake" alone
    points back or at none in particular, and a capitalised word that opens the sentence
    ("The Floods …") is no place's name."""
    text = context.text
    for match in _COMMON_DISASTER.finditer(text, region.start, region.end):
        name = _PAIR_ARTICLE.sub(r"\1", " ".join(match.group("name").split()))
        place = match.group("place")
        if place is not None and place.split()[0] in ("The", "Le", "La", "El", "Las", "Los"):
            continue
        of = match.group("of")
        dates = find_dates(of, match.start("of")) if of else []
        if place is None and not dates:
            continue
        start, end = match.start("name"), match.end("name")
        if place is not None:
            yield Mention(Span(start, end), name, SPKG.Event, source="event")
            continue
        date = dates[-1].literal
        yield Mention(Span(start, end), name, SPKG.Event, source="event",
                      date=date, iri=mint("event", f"{name} {date}"))
    yield from _struck_disasters(context, region)
    yield from _caused_disasters(context, region)
    for match in _DATED_COMMON_DISASTER.finditer(text, region.start, region.end):
        dates = find_dates(match.group("of"), match.start("of"))
        if not dates or re.search(r"(?i:\b(?:the|le|la|les|el|las|los)[ \t]+|l['’])$",
                                  text[max(0, match.start() - 5) : match.start()]):
            continue  # with an article: the loop above
        name = _PAIR_ARTICLE.sub(r"\1", " ".join(match.group("name").casefold().split()))
        date = dates[-1].literal
        yield Mention(Span(match.start("name"), match.end("name")), name, SPKG.Event,
                      source="event", date=date, iri=mint("event", f"{name} {date}"))


# A hazard given as the cause of a declaration or response, dated by the day that follows:
# "declared a state of emergency because of floods on 23 March 2017", "à cause de la
# sécheresse le 3 mai 2021", "debido a las inundaciones el 2 de abril de 2023"
_CAUSED_DISASTER = re.compile(
    r"(?<![\w-])(?:because[ \t]+of|due[ \t]+to|owing[ \t]+to|caused[ \t]+by|"
    r"à[ \t]+cause[ \t]+d(?:es|e|u|['’])|en[ \t]+raison[ \t]+d(?:es|e|u|['’])|debido[ \t]+a|"
    r"a[ \t]+causa[ \t]+de|por[ \t]+causa[ \t]+d[ea])[ \t]*"
    r"(?:(?:the|a|la|le|les|l['’]|el|las|los|a|as|os)[ \t]*)?"
    r"(?:(?:severe|prolonged|heavy|flash|major|widespread)[ \t]+)?"
    rf"(?P<name>(?i:{_HAZARD_NOUNS}))"
    r"(?P<on>[ \t]+(?:on|le|el|em)[ \t]+(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th|er|º)?[ \t]+"
    r"(?:de[ \t]+)?[A-Za-zéûç]{3,10}[ \t]+(?:de[ \t]+)?(?:19|20)\d\d)")


def _caused_disasters(context: Context, region: Span) -> Iterator[Mention]:
    """"… because of drought on 6 June 2022" (``drought-2022-06-06``)."""
    text = context.text
    for match in _CAUSED_DISASTER.finditer(text, region.start, region.end):
        dates = [d for d in find_dates(match.group("on"), match.start("on"))
                 if d.literal.datatype in _PRECISION]
        if not dates:
            continue
        name = " ".join(match.group("name").casefold().split())
        date = dates[0].literal
        yield Mention(Span(match.start("name"), match.end("name")), name, SPKG.Event,
                      source="event", date=date, iri=mint("event", f"{name} {date}"))


# "séisme et le tsunami" is named "séisme et tsunami"
_PAIR_ARTICLE = re.compile(r"( (?:and|et|y|e) )(?:(?:the|le|la|el|o|a) |l['’])", re.IGNORECASE)
_STRUCK_RELATIVE = re.compile(rf",?[ \t]+(?:which|that|qui|que)[ \t]+(?:(?:a|ont)[ \t]+)?"
                              rf"{_STRUCK_VERB}")


def _struck_date(text: str, start: int, limit: int) -> Literal | None:
    """The first date of the struck-verb's clause, within a few words of the verb."""
    clause = re.compile(r"[.;]|,[ \t]+(?:and|while|but|the|la|le|el|et|y)\b|,[ \t]+[a-z]+(?:ed|ó)\b"
                        ).search(text, start, min(limit, start + 90))
    end = clause.start() if clause else min(limit, start + 90)
    dates = [d for d in find_dates(text[start:end], start) if d.literal.datatype in _PRECISION]
    return dates[0].literal if dates else None


def _struck_disasters(context: Context, region: Span) -> Iterator[Mention]:
    """"flash floods hit Funafuti on 9 January 2020" (``flash-floods-2020-01-09``): the first
    date after the verb, in its clause, within a few words."""
    text = context.text
    for match in _STRUCK_DISASTER.finditer(text, region.start, region.end):
        relative = re.search(r"\b(?:that|which|qui|que)\b", match.group("verb"))
        if match.group("article") and relative is None:
            continue  # "The floods hit …": the floods named before, or none in particular
        date = _struck_date(text, match.end(), region.end)
        if date is None:
            continue
        name = " ".join(match.group("name").casefold().split())
        yield Mention(Span(match.start("name"), match.end("name")), name, SPKG.Event,
                      source="event", date=date, iri=mint("event", f"{name} {date}"))


_ASSESSMENT_BASED = re.compile(r"(?i)\bassessment[ -]based\b")


@recogniser("events", "assessment-based-dialogue")
def assessment_based_dialogues(context: Context, region: Span) -> Iterator[Mention]:
    """The ILO's assessment-based national dialogue (ABND) is an assessment carried out over
    months, a study, not a gathering of one day."""
    for match in _LOWER.finditer(context.text, region.start, region.end):
        if _ASSESSMENT_BASED.search(match.group(1)):
            yield Mention(Span(match.start(1), match.end(1)), match.group(1), SPKG.Study,
                          source="document", name=" ".join(match.group(1).split()))


def _left_out(phrase: str) -> bool:
    """A head that needs a word saying which and has none ("a meeting", "a week"), an
    assessment-based dialogue (assessment_based_dialogues), or a training session (the
    training, read by the relation rules)."""
    words = phrase.split()
    return (words[-1] in _QUALIFIED_ONLY and (len(words) == 1 or words[0] in _TIME_WORDS)) or (
        _ASSESSMENT_BASED.search(phrase) is not None) or (
        words[-1] in _SESSIONS and "training" in words)


# "a meeting in Port Town on 9 May 2024": a bare meeting the text places in a town and dates
# to its day right after is a gathering of its own ("a meeting of the Board", "a meeting
# in 2023" or "a meeting with X" stay the relation side's)
_PLACED_ON_DAY = re.compile(r"[ \t]+(?:in|at)[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}"
                            r"[ \t]+on[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+[ \t]+\d{4}")


def _placed_and_dated(text: str, match: re.Match[str]) -> bool:
    """Whether a bare "a meeting" is placed and dated to its day right after its head."""
    return match.group(1) == "meeting" and match.group(0)[:2].casefold() in ("a ", "an") and (
        _PLACED_ON_DAY.match(text, match.end()) is not None)


@recogniser("events", "dated-gathering")
def dated_gatherings(context: Context, region: Span) -> Iterator[Mention]:
    """"a national validation workshop held in Lusaka on 3 March 2021": an event when its
    sentence dates it; the first date after the head (else before it) in the sentence."""
    text = context.text
    for match in _LOWER.finditer(text, region.start, region.end):
        phrase = match.group(1)
        modifiers = phrase.split()[:-1]
        if any(word in _NOT_MODIFIERS for word in modifiers):
            phrase = " ".join(w for w in phrase.split() if w not in _NOT_MODIFIERS)
        if not phrase or (" " not in phrase and match.group(0)[:3].casefold() == "the"):
            continue  # "the workshop" points back at one named before
        if _left_out(phrase) and not _placed_and_dated(text, match):
            continue
        sentence = Span(context.sentence_start(match.start(), region.start),
                        context.sentence_end(match.end(), region.end))
        about = _ABOUT_A_NAME.match(text, match.end())
        if about is not None and (about.group(0).split()[0] == "of" or _NAMED_BY_TOPIC.search(
                text, sentence.start, sentence.end)):
            # "VSS hosted a consultation workshop on the draft Law on Social Insurance",
            # "a workshop on the X Law was organised by A": the relation rules name it after
            # what it is about ("<law>-meeting-<date>"); "a meeting of the X" is the body's
            continue
        date = _date_near(text, sentence, match.end())
        if date is None and match.group(0)[:3] == "The" and sentence.start == match.start():
            date = _met_before(context, sentence, region)  # "A and B met in Y on D. The …"
        if date is None:
            continue
        start, end = match.start(1), match.end(1)
        topic = TOPIC.match(text, end, sentence.end)
        if topic is not None and _TOPIC_RUNS_ON.match(text, topic.end()):
            topic = None  # "a seminar on social security for the self-employed": cut short
        if topic is not None:  # "a national dialogue on care work held in …"
            end = topic.end()
            phrase = f"{phrase} {' '.join(text[match.end(1):end].split())}"
        yield Mention(Span(start, end), text[start:end], SPKG.Event,
                      source="gathering", name=phrase, date=date,
                      iri=mint("event", f"{phrase} {date}"))


# French, Spanish and Portuguese gatherings: the head first, then what qualifies it ("un atelier
# national de validation", "una mesa de diálogo tripartita", "uma oficina técnica de validação").
_ROMANCE_HEADS = (
    "ateliers?", "séminaires?", "conférences?", "réunions?", "rencontres?", "tables? rondes?",
    "forums?", "consultations?", "concertations?", "dialogues?", "journées?", "webinaires?",
    "cérémonies?", "sessions?", "sommets?", "colloques?", "semaines?",
    "taller(?:es)?", "seminarios?", "conferencias?", "reuni[óo]n(?:es)?", "encuentros?",
    "mesas? redondas?", "mesas?", "foros?", "consultas?", "di[áa]logos?", "jornadas?",
    "conversatorios?", "webinarios?", "ceremonias?", "cumbres?", "sesi[óo]n(?:es)?",
    "simposios?", "semanas?",
    "semin[áa]rios?", "oficinas?", "ateli[êe]s?", "confer[êe]ncias?", "reuni[ãa]o", "reuni[õo]es",
    "encontros?", "mesas?-redondas?", "f[óo]rum", "f[óo]runs", "sess[ãa]o", "sess[õo]es",
    "cerim[óô]nias?", "cimeiras?", "webin[áa]rios?")
# "oficina" is a Portuguese workshop but a Spanish office: only after a Portuguese determiner
_PORTUGUESE_ONLY_HEADS = frozenset({"oficina", "oficinas"})
_PORTUGUESE_DETERMINERS = frozenset({"uma", "um", "a", "as", "da", "das", "na", "nas", "numa",
                                     "duas", "três", "várias", "esta"})
# Heads that are gatherings only with a word that says which ("une réunion technique", not
# "une réunion"; "una mesa de diálogo", not "una mesa").
_ROMANCE_QUALIFIED = re.compile(r"(?i:r[ée]union|rencontre|encuentro|journ[ée]e|jornada|"
                                r"reuni[ãa]o|encontro|sess[ãa]o|cerim[óô]nia|"
                                r"session|sesi[óo]n|c[ée]r[ée]monie|ceremonia|mesa|semaine|"
                                r"semana)")
_ROMANCE_ADJECTIVE = (
    r"(?:nationa(?:l|le|ux|les)|nacional(?:es)?|tripartite?s?|tripartit[oa]s?|techniques?|"
    r"t[ée]cnic[oa]s?|r[ée]giona(?:l|le|ux|les)|sous-r[ée]giona(?:l|le|ux|les)|"
    r"subregional(?:es)?|internationa(?:l|le|ux|les)|internacional(?:es)?|"
    r"interminist[ée]riel(?:le)?s?|interministerial(?:es)?|interinstitucional(?:es)?|"
    r"interinstitutionnel(?:le)?s?|consultati(?:f|ve)s?|consultiv[oa]s?|participati(?:f|ve)s?|"
    r"participativ[oa]s?|multisectoriel(?:le)?s?|multisectorial(?:es)?|sectoriel(?:le)?s?|"
    r"sectorial(?:es)?|bipartites?|bipartit[oa]s?|d[ée]partementa(?:l|le|ux|les)|"
    r"departamental(?:es)?|provincia(?:l|le|ux|les)|provinciales|loca(?:l|le|ux|les)|"
    r"locales|pr[ée]paratoires?|preparatori[oa]s?|conjointe?s?|conjunt[oa]s?|"
    r"socia(?:l|le|ux|les)|sociales|virtuel(?:le)?s?|virtual(?:es)?|"
    r"h[íi]brid[oa]s?|hybrides?|publi(?:c|que)s?|p[úu]blic[oa]s?|ronde|redonda|"
    r"nacionais|regionais|internacionais|tripartid[oa]s?|interministeriais|"
    r"multissetoria(?:l|is)|setoria(?:l|is)|provinciais|locais|preparat[óo]ri[oa]s?|sociais|"
    r"virtuais|h[íi]bridos?)")
_ROMANCE_OF = (
    r"(?:de|d['’])[ \t]*(?:validation|validaci[óo]n|restitution|lancement|lanzamiento|"
    r"sensibilisation|sensibilizaci[óo]n|concertation|concertaci[óo]n|haut[ \t]+niveau|"
    r"alto[ \t]+nivel|travail|trabajo|r[ée]flexion|reflexi[óo]n|consultation|consulta|"
    r"partage|di[áa]logo|dialogue|information|informaci[óo]n|plaidoyer|incidencia|"
    r"socialisation|socializaci[óo]n|pr[ée]sentation|presentaci[óo]n|cl[ôo]ture|cierre|"
    r"suivi|seguimiento|coordination|coordinaci[óo]n|capitalisation|formation|"
    r"capacitaci[óo]n|renforcement[ \t]+des[ \t]+capacit[ée]s|planification|"
    r"planificaci[óo]n|[ée]change|intercambio|expertos|experts|partenaires|socios|"
    r"[ée]valuation|evaluaci[óo]n|renforcement[ \t]+de[ \t]+capacit[ée]s?|"
    r"fortalecimiento[ \t]+de[ \t]+capacidades|valida[çc][ãa]o|capacita[çc][ãa]o|"
    r"forma[çc][ãa]o|lan[çc]amento|sensibiliza[çc][ãa]o|alto[ \t]+n[íi]vel|trabalho|"
    r"apresenta[çc][ãa]o|encerramento|coordena[çc][ãa]o|planifica[çc][ãa]o|"
    r"planejamento|interc[âa]mbio|peritos|especialistas|parceiros|avalia[çc][ãa]o|"
    r"refor[çc]o[ \t]+de[ \t]+capacidades|divulga[çc][ãa]o|socializa[çc][ãa]o|reflex[ãa]o)")
_ROMANCE = re.compile(
    r"(?<![\w'’-])(?:(?P<det>[Uu]ne?|[Dd]['’]une?|[Ll]['’]|[Ll][ea]|[Ll]es|[Dd]es|[Cc]ette|"
    r"[Cc]et|[Uu]na|[Ee]l|[Ll]os|[Ll]as|[Ee]st[ae]|[Dd]el|[Aa]u|[Aa]l|[Aa]n?|[Tt]he|[Dd]eux|"
    r"[Tt]rois|[Dd]os|[Tt]res|[Pp]lusieurs|[Vv]ari[oa]s|[Uu]ma|[Uu]m|[Nn]uma|[Dd]uas|[Tt]rês|"
    r"[Vv]árias|[Oo]s?|[Aa]s|[Dd][oa]s?|[Nn][oa]s?)[ \t]+|(?P<elided>[LlDd]['’]))"
    rf"(?P<phrase>(?:{'|'.join(_ROMANCE_HEADS)})"
    rf"(?:[ \t]+(?:{_ROMANCE_ADJECTIVE}|{_ROMANCE_OF})(?![\w-])){{0,3}})(?![\w-])")


@recogniser("events", "romance-gathering")
def romance_gatherings(context: Context, region: Span) -> Iterator[Mention]:
    """"un atelier national tenu à Niamey du 18 au 20 mars 2024", "una mesa de diálogo
    tripartita celebrada el 24 de noviembre de 2022": a French or Spanish gathering its
    sentence dates, named ``<noun phrase>-<first day>`` as English ones are."""
    text = context.text
    for match in _ROMANCE.finditer(text, region.start, region.end):
        phrase = " ".join(match.group("phrase").split())
        words = phrase.split()
        qualified = len(words) > 1 and not (_ROMANCE_QUALIFIED.fullmatch(words[0]) and
                                            len(words) == 2 and words[1].casefold() in (
                                                "de", "d'"))
        if not qualified and (_ROMANCE_QUALIFIED.fullmatch(words[0]) or match.group("elided")
                              in ("l'", "L'", "l’", "L’") or (match.group("det") or "")
                              .casefold() in ("le", "la", "les", "el", "los", "las", "the",
                                              "au", "al", "del", "o", "os", "as", "do",
                                              "da", "das", "no", "na", "nos", "nas")):
            continue  # "la réunion", "l'atelier": one named before, or none in particular
        if (words[0].casefold() in _PORTUGUESE_ONLY_HEADS
                and (match.group("det") or "").casefold() not in _PORTUGUESE_DETERMINERS):
            continue  # "una oficina regional": a Spanish office
        if not qualified and (match.group("det") or "").casefold() in ("a", "an", "the"):
            continue  # "a forum", "a taller": English words, the English recogniser's
        if words[0].casefold() in ("dialogue", "dialogues", "consultation", "consultations",
                                   "session", "sessions") and match.group("det") in (
                                       "a", "A", "an", "An", "the", "The"):
            continue  # English words after an English article: the English recogniser's
        sentence = Span(context.sentence_start(match.start(), region.start),
                        context.sentence_end(match.end(), region.end))
        date = _date_near(text, sentence, match.end())
        if date is None:
            continue
        start, end = match.start("phrase"), match.end("phrase")
        yield Mention(Span(start, end), text[start:end], SPKG.Event,
                      source="gathering", name=phrase, date=date,
                      iri=mint("event", f"{phrase} {date}"))


# French and Spanish gatherings named with a capital ("la Conférence nationale sur la
# protection sociale", "el Primer Foro Iberoamericano sobre Formalización Laboral"): a head,
# the words that qualify it and what it is on, up to a verb, place or date.
_ROMANCE_NAMED_HEADS = (
    r"(?:Atelier|Séminaire|Conférence|Forum|Colloque|Sommet|Journées?|Semaine|Rencontre|"
    r"Assises|Table\s+ronde|Taller|Seminario|Conferencia|Foro|Cumbre|Jornadas?|Semana|"
    r"Encuentro|Conversatorio|Di[áa]logo|Mesa\s+(?:[Rr]edonda|[Tt][ée]cnica|de\s+"
    r"[Dd]i[áa]logo)|Semin[áa]rio|Confer[êe]ncia|F[óo]rum|Cimeira|Encontro|Mesa-[Rr]edonda|"
    r"Ateli[êe])")
_ROMANCE_NAMED = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:Premi[eè]re?|Primer[oa]?|Deuxi[èe]me|Segund[oa]|"
    r"Troisi[èe]me|Tercer[oa]?|\d{1,2}(?:er|e|ème|º|ª|a|o))[ \t]+)?"
    rf"{_ROMANCE_NAMED_HEADS}"
    rf"(?P<qualifiers>(?:[ \t]+(?:(?i:{_ROMANCE_ADJECTIVE})|{_ROMANCE_OF}|"
    r"[A-Z][a-zé]+(?:an[oa]|ain[e]?|ien(?:ne)?|ique|ic[oa]|al[e]?))(?![\w-])){0,4})"
    r"(?P<topic>[ \t]+(?:sur|sobre)[ \t]+(?:l['’]|(?:la|le|les|el|los|las)[ \t]+)?"
    r"[^\W\d_][\w'’-]*(?:[ \t]+(?!(?:à|en|a|qui|que|avec|con|par|por|organis\w*|tenu\w*|"
    r"celebr\w*|realiz\w*|se|s['’]est|a\s+eu|em|com|pel[oa]|decorr\w*|teve)\b|"
    r"(?:le|el|du|del|au|al|les|los)[ \t]+\d)"
    r"(?:l['’])?[^\W\d_][\w'’-]*){0,7})?)(?![\w-])")


# Heads that need more than a qualifier: a forum or congress without a date is a body, "Diálogo
# Social" without a topic is the practice.
_ROMANCE_HEAD_WORD = re.compile(r"\b(?:Forum|Foro|Congreso|Dialogue|Di[áa]logo)\b")


@recogniser("events", "romance-named-gathering")
def romance_named_gatherings(context: Context, region: Span) -> Iterator[Mention]:
    """"la Conférence nationale sur la protection sociale tenue à Lomé le 5 mai 2023",
    "el Foro Nacional de Diálogo Social": named ``<name>-<first day>`` when the sentence
    dates it, else ``<name>``; a head alone ("le Forum", "el Congreso") is none."""
    text = context.text
    for match in _ROMANCE_NAMED.finditer(text, region.start, region.end):
        if not match.group("qualifiers") and not match.group("topic"):
            continue
        name = " ".join(match.group("name").split())
        head = _ROMANCE_HEAD_WORD.search(name)
        if head is not None and head.group(0).casefold() in ("dialogue", "diálogo", "dialogo") \
                and not match.group("topic"):
            continue  # "Diálogo Social": social dialogue, the practice
        sentence = Span(context.sentence_start(match.start(), region.start),
                        context.sentence_end(match.end(), region.end))
        date = _date_near(text, sentence, match.end(), inside=Span(match.start(), match.end()))
        if date is None and head is not None and head.group(0).casefold() in (
                "forum", "foro", "congreso"):
            continue  # an undated forum is a body (mentions.bodies), "Congreso …" a parliament
        iri = mint("event", f"{name} {date}" if date is not None else name)
        yield Mention(Span(match.start(), match.end()), match.group("name"), SPKG.Event,
                      source="event", name=name, date=date, iri=iri)


# "Officials and unions met in Jaipur on 19-20 November 2024 to discuss …": a gathering
# the next sentence names ("The state consultation was organised by …")
_MET = re.compile(r"\b(?:met|gathered|convened|came\s+together|se\s+sont\s+réunis|"
                  r"se\s+reunieron|se\s+dieron\s+cita)\s+(?:in|at|à|en)\s+")


def _met_before(context: Context, sentence: Span, region: Span) -> Literal | None:
    """The date of the sentence before ``sentence`` when it says people met on it."""
    if sentence.start - 2 <= region.start:
        return None
    previous = Span(context.sentence_start(sentence.start - 2, region.start), sentence.start)
    met = _MET.search(context.text, previous.start, previous.end)
    if met is None:
        return None
    return _date_near(context.text, previous, met.end())


# The forms the relation side's meeting rules read (spkg.ingest.rules.events: hosted-meeting,
# meeting-organised-by): "A hosted/held a workshop on the X", "a workshop on the X was
# organised by A". Elsewhere a gathering on a name is named by its own words.
_NAMED_BY_TOPIC = re.compile(
    r"\b(?:hosted|held|organi[sz]ed|convened)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|workshop|seminar|consultation|conference|dialogue|session)\s+(?:on|of)\s+|"
    r"\b(?:was|were)\s+(?:organi[sz]ed|held|convened|hosted)\s+(?:jointly\s+)?by\b")
# A lowercase topic the next words go on with ("… for the self-employed", "… of workers"):
# the topic's words stop too early to name the gathering.
_TOPIC_RUNS_ON = re.compile(r"[ \t]+(?:for|of|to|among)[ \t]+(?:the[ \t]+)?[a-z]")
_PRECISION = {XSD.date: 0, XSD.gYearMonth: 1, XSD.gYear: 2}
# A year that belongs to a name ("the Pension By-law of 2017", "Strategy 2018-2022").
_IN_A_NAME = re.compile(r"(?<![\w-])(?!(?:In|On|By|Since|From|During|Until|Before|After|The|"
                        r"Between|Through|As|At|Le|La|Les|El|Los|Las|Du|Del|Au|Al|En|Depuis|"
                        r"Desde|Hasta|Entre|Dès|Durante)\b)[A-Z][\w-]*[ \t]+(?:of[ \t]+)?$")
_RELATIVE = re.compile(r",[ \t]+(?:which|who|whose|when|where)\b")
_NEXT_CLAUSE = re.compile(r",[ \t]+(?:and|while|whereas|but)[ \t]+(?:the|a|an|[A-Z])|;")


def _rank(date: DateValue) -> int:
    datatype = date.literal.datatype
    return _PRECISION.get(datatype, 3) if datatype is not None else 3


def _date_near(text: str, sentence: Span, after: int,
               inside: Span | None = None) -> Literal | None:
    """The most precise date after ``after`` in the sentence (the first of those), else the
    most precise before it (the last): "a workshop on the By-law of 2021 on 2 May 2023" was
    on 2 May 2023, a gathering is dated to the day more often than a law is."""
    dates = [d for d in find_dates(text[sentence.start : sentence.end], sentence.start)
             if d.literal.datatype in _PRECISION and not _IN_A_NAME.search(
                 text, max(sentence.start, d.span.start - 40), d.span.start)
             # "the 2023 Social Protection Week": the name's own year is no date of it
             and (inside is None or not inside.start <= d.span.start < inside.end)]
    # the gathering's own clause: "…, and the Minister launched X on 5 March" dates X
    clause = _NEXT_CLAUSE.search(text, after, sentence.end)
    limit = clause.start() if clause else sentence.end
    if inside is not None:
        # "the X Summit discussed Cyclone Mora, which struck on 30 May": a relative clause
        # not right after the name is about something else
        relative = _RELATIVE.search(text, after + 1, limit)
        limit = relative.start() if relative else limit
    later = [d for d in dates if after <= d.span.start < limit]
    if later:
        return _first_day(text, min(later, key=lambda d: (_rank(d), d.span.start)))
    earlier = [d for d in dates if d.span.end <= after]
    if earlier:
        return _first_day(text, min(earlier, key=lambda d: (_rank(d), -d.span.start)))
    return None


_DAY_BEFORE = re.compile(r"(?<![\w.])(\d{1,2})(?:st|nd|rd|th)?[ \t]*(?:and|-|–|to|&)[ \t]*$")


def _first_day(text: str, date: DateValue) -> Literal:
    """"on 14 and 15 October 2020", "17-18 May": a gathering over days starts on the first."""
    found = _DAY_BEFORE.search(text, max(0, date.span.start - 12), date.span.start)
    value = str(date.literal)
    if found is None or date.literal.datatype != XSD.date or int(found.group(1)) > int(value[8:]):
        # "du 7 au 9 novembre 2020", "from 30 November to 2 December 2022"
        return range_start(text, date.span.start, date.literal) or date.literal
    return Literal(f"{value[:8]}{int(found.group(1)):02d}", datatype=XSD.date)
