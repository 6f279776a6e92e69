"""Where a body or an intervention is: "Pakistan’s X", "X in Y", a sentence's lead place."""

from __future__ import annotations

import re

from spkg.ingest.entity_facts import is_ilo_unit, named_outside
from spkg.ingest.gazetteer import PLACE_CLASSES, Entry, country_holding
from spkg.ingest.naming import BODY_CLASSES, INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    EVENT_CLASSES,
    PROVINCES,
    Context,
    Placed,
    is_place,
    same_clause,
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
        if country is not None and country.cls == SPKG.Country and \
                placed.entity.cls in INTERVENTION_CLASSES:
            continue  # "Botswana's Old Age Pension": the annotations give a scheme no country
        if country is not None:  # "Pakistan’s Social Security Coordination Forum"
            ctx.add(placed.entity.iri, SPKG.locatedIn, country.iri, sentence,
                     placed.mention.span)
            continue
        near = re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w ]+?)\b(?=[\s.,;]|$)",
                        ctx.text[placed.end : sentence.end])
        here = ctx.gazetteer.lookup(near.group(1), PLACE_CLASSES) if near else None
        if _gathering_place(ctx, sentence, placed):
            continue
        if here is None and placed.entity.cls in BODY_CLASSES:
            seat = _seat(ctx, placed, sentence)  # "a committee in Kaduna", "…, based in Lima"
            if seat is not None:
                ctx.add(placed.entity.iri, SPKG.locatedIn, seat.entity.iri, sentence,
                        placed.mention.span, seat.mention.span)
                continue
        where = here or (place if placed.entity.cls in INTERVENTION_CLASSES else None)
        if where is not None and (where.cls in PROVINCES or where is here):
            ctx.add(placed.entity.iri, SPKG.locatedIn, where.iri, sentence,
                     placed.mention.span)


@rule("organisation-place", family="location")
def organisation_place(ctx: Context, sentence: Span) -> None:
    """An organisation the text places: "Zambia's Ministry of Labour", "the Workers'
    Compensation Fund in Lusaka" (a place named right after "in"). A name that holds its
    place ("… of Colombia") is the entity stage's; bodies are the location rule's."""
    for placed in ctx.in_span(sentence, ORGANISATION_CLASSES - BODY_CLASSES):
        owner = _OWNER.search(ctx.text, sentence.start, placed.start)
        where = ctx.gazetteer.lookup(owner.group(1), PLACE_CLASSES) if owner else None
        if placed.entity.reference is not None:
            if where is not None and where.cls == SPKG.Country:  # "Japan's JICA": a donor's
                ctx.add(placed.entity.iri, SPKG.locatedIn, where.iri, sentence,
                        placed.mention.span)
            continue
        if where is None and not _gathering_place(ctx, sentence, placed):
            following = _seat(ctx, placed, sentence)
            if following is not None:
                ctx.add(placed.entity.iri, SPKG.locatedIn, following.entity.iri, sentence,
                        placed.mention.span, following.mention.span)
                continue
        if where is None:
            where = _country_in_name(ctx, placed)
            if where is not None and is_ilo_unit(placed.entity) and not named_outside(
                    where, placed.entity, ctx.text, ctx.gazetteer):
                continue  # "the ILO Office for Ghana and Togo": a seat the text does not name
        if where is not None:
            ctx.add(placed.entity.iri, SPKG.locatedIn, where.iri, sentence, placed.mention.span)


# a possessive place right before a name: "Zambia's …", "the United Kingdom's …" (its
# capitalised words only, not the sentence's opening "The pilot was funded by Germany")
_OWNER = re.compile(r"((?:[A-Z][\w-]*[ \t]+)*[A-Z][\w-]*)[’']s\s+$")


def _country_in_name(ctx: Context, placed: Placed) -> Entry | None:
    """The one country an organisation's name holds, spelt as in English ("Unión Industrial
    Argentina", "Sindicato … de El Salvador"); "Moçambique" or two countries say nothing."""
    label = placed.entity.label
    countries = {entry.iri: entry for start, end, entry in ctx.gazetteer.scan(label)
                 if entry.cls == SPKG.Country
                 and label[start:end].casefold() in {
                     n.casefold() for n in (*entry.names, entry.label)}}
    if len(countries) != 1:
        return None
    found = next(iter(countries.values()))
    if country_holding(found, ctx.named_countries) is not None:
        # "… du Congo" in a text about the DR Congo: not the Republic of the Congo. The
        # entity stage places such names too (entity_facts); until it reads them the same
        # way, this rule says nothing rather than a second country.
        return None
    return found


# a gathering or training the sentence reports before a body, in four languages: "a
# meeting with the X in Y", "trained staff of the X in A and B", "un atelier avec la X à Y"
_GATHERING = re.compile(r"(?i)\b(?:meetings?|workshops?|seminars?|trainings?|trained|"
                        r"forums?|consultations?|conferences?|round\s+tables?|sessions?|"
                        # a dialogue and who hosted it: "a dialogue, hosted by the X in Y"
                        r"dialogues?|diálogos?|hosted|convened|accueilli|acogido|"
                        r"visits?|visited|réunions?|ateliers?|formations?|formé|séminaires?|"
                        r"reuniones?|reunião|talleres?|capacitó|capacitación|formação|"
                        r"oficinas?|seminarios?|"
                        # a handover: "handed the valuation to the Board … in Monrovia"
                        r"handed|presented|delivered|submitted|remis|présenté|entregó|"
                        r"presentó|entregou|apresentou)\b")


def _gathering_place(ctx: Context, sentence: Span, placed: Placed) -> bool:
    """Whether the place named after a body ("… X in Y") is rather where the sentence's
    gathering was: a gathering word in the clause before the body, or a list of places
    after "in" (a body has one seat: "staff of the X in Baku and Ganja")."""
    after = ctx.in_span(Span(placed.end, sentence.end))
    following = next((p for p in after if p.entity.iri != placed.entity.iri), None)
    if following is not None and is_place(following) and re.match(
            r"\s*(?:,\s*|\s+(?:and|et|y|e)\s+)[A-Z]", ctx.text[following.end : sentence.end]):
        second = next((p for p in after if p.start > following.end), None)
        if second is not None and is_place(second):
            return True
    start = max(sentence.start, ctx.text.rfind(";", sentence.start, placed.start) + 1)
    return _GATHERING.search(ctx.text, start, placed.start) is not None


# "X is based in Y", "X has been located in Y since 2010", "X est basé à Y", "X tiene su
# sede en Y": a seat stated with a copula (only with a verb of seat: "X is in Y" is not)
_IS_BASED = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:is|are|was|has\s+been|remains)\s+(?:also\s+)?(?:based|located|"
    r"headquartered|seated)\s+in\s+(?:the\s+)?(?:city\s+of\s+)?|"
    r"\s*(?:\([^)]*\)\s*)?(?:est|sont)\s+(?:basée?s?|située?s?|établie?s?)\s+(?:à|au|en)\s+|"
    r"\s*(?:\([^)]*\)\s*)?(?:tiene\s+su\s+sede|tem\s+(?:a\s+)?sua\s+sede|a\s+son\s+siège)\s+"
    r"(?:en|em|na|no|à|au)\s+|"
    r"\s*(?:\([^)]*\)\s*)?(?:est[áa]|fica)\s+(?:ubicad[oa]|sediad[oa]|localizad[oa])\s+(?:en|em)\s+")


_AGENT = re.compile(r"\b(?:by|par|por|pelo|pela)\s+(?:the\s+|la\s+|le\s+|el\s+|l['’])?$")


def _seat(ctx: Context, placed: Placed, sentence: Span) -> Placed | None:
    """The place named right after an organisation: "X (ACR) in Y", "X, based in Y", "X,
    located in Y" (the next mention, and nothing but those words between)."""
    after = ctx.in_span(Span(placed.end, sentence.end))
    following = next((p for p in after if p.entity.iri != placed.entity.iri), None)
    if following is None or not is_place(following):
        return None
    gap = ctx.text[placed.end : following.start]
    if following.entity.cls in PROVINCES and _AGENT.search(
            ctx.text, max(sentence.start, placed.start - 12), placed.start):
        return None  # "run by the A Fund in B Province": where it runs, not its seat
    if re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?:based|located|headquartered|"
                    r"seated)\s+)?in\s+(?:the\s+)?(?:city\s+of\s+)?", gap) or _IS_BASED.fullmatch(
                        gap):
        return following
    return None


# "in Kano, Edo and Ogun states", "in the districts of Toliara and Morondava": a list of
# subdivisions or towns, or one place with its kind of subdivision.
_AREA_KINDS = (r"(?:states?|regions?|provinces?|districts?|departments?|counties|county|"
               r"municipalities|municipality|islands?|prefectures?|governorates?)")
_AREAS_CUE = re.compile(
    rf"\b(?P<prep>in|of)\s+(?:the\s+)?(?:(?:{_AREA_KINDS})\s+of\s+(?:the\s+)?)?")
_AREAS_AFTER = re.compile(rf"\s+{_AREA_KINDS}\b")


@rule("operates-in", family="location")
def operates_in(ctx: Context, sentence: Span) -> None:
    """"The X Project is implemented … in Abia, Benue and Oyo states", "launched … in the
    districts of A and B": the intervention or project the clause is about is located in
    each subdivision listed (two or more, or one with its kind: "in Kara region")."""
    places = ctx.in_span(sentence, PLACE_CLASSES)
    if not places:
        return
    starts = {p.start for p in places}
    for cue in _AREAS_CUE.finditer(ctx.text, sentence.start, sentence.end):
        if cue.end() not in starts:
            continue  # no place right after this "in"
        areas = ctx.listed_after(cue.end(), sentence, PLACE_CLASSES)
        if not areas or areas[0].start != cue.end() or any(
                a.entity.cls == SPKG.Country for a in areas):
            continue
        after_kind = _AREAS_AFTER.match(ctx.text, areas[-1].end, sentence.end) is not None
        if cue["prep"] == "of" and not after_kind:
            continue  # "households of the Mono and Zou departments" only
        kind = (cue["prep"] == "in" and cue.group(0).rstrip().endswith("of")) or after_kind
        if len({a.entity.iri for a in areas}) < 2 and not kind:
            continue
        subject = ctx.subject_before(sentence, cue.start(), INTERVENTION_CLASSES | {SPKG.Project})
        if subject is None or not _about(ctx, subject, max(subject.end, sentence.start),
                                         cue.start()):
            continue
        planned = _PLANNED.search(ctx.text, sentence.start, cue.start())
        if (planned is not None and not _SERVING.match(ctx.text, planned.end())) or (
                _BY_YEAR.match(ctx.text, areas[-1].end, sentence.end)):
            continue  # "commits the Government to open X in A and B by 2026": a plan
        for area in areas:
            ctx.add(subject.entity.iri, SPKG.locatedIn, area.entity.iri, sentence,
                    subject.mention.span, area.mention.span)


# A plan, not where an intervention is: "will open", "commits the Ministry to open", "by
# 2026" right after the places (en/fr/es/pt auxiliaries and verbs of intent)
_PLANNED = re.compile(r"\b(?:will|would|shall|plans?\s+to|planned\s+to|aims?\s+to|intends?\s+to|"
                      r"commits?\b[^.;]{0,40}?\bto|is\s+to\s+be|are\s+to\s+be|sera|seront|"
                      r"prévoit|prévu|será|serán|prevé|prevista?|irá|vai|vão)\b")
# what an intervention that exists will go on doing where it is ("It will enrol households
# of the A and B counties"), unlike opening or extending it there
_SERVING = re.compile(r"\s+(?:enrol|register|reach|serve|pay|inscrire|atteindre|inscribir|"
                      r"llegar\s+a|atender|inscrever)\b")
_BY_YEAR = re.compile(r"\s*(?:provinces?|regions?|states?|districts?|departments?)?\s*,?\s*"
                      r"(?:by|d['’]ici|para|hasta|até)\s+(?:(?:end\s+|fin\s+|finales\s+de\s+)?"
                      r"(?:of\s+)?)?(?:19|20)\d\d\b")


def _about(ctx: Context, subject: Placed, end: int, cue: int) -> bool:
    """Whether the words from ``subject`` (its words ending at ``end``: its mention, or "It"
    or "The regime" opening the sentence) to ``cue`` are still its clause: no event (whose
    place it would be), no other organisation right before "in" (its seat), no new clause."""
    if ctx.in_span(Span(end, cue), EVENT_CLASSES) or not same_clause(
            ctx.text, end, cue) or re.search(
            r",\s*(?:and|but|while|whereas)\b|\b(?:which|who|whose)\b",
            ctx.text[end : cue]):
        return False
    if re.search(r"\bunder\s+(?:the\s+)?$", ctx.text[max(0, subject.start - 12) : subject.start]):
        return False  # "a top-up under the X Programme for households in A and B": not X
    if re.search(r"\b[A-Z][\w’'-]*\)?\s*$", ctx.text[end : cue]):
        return False  # "… supports the Social Fund in A and B": a name, known or not
    last = ctx.in_span(Span(end, cue))
    # "X … for poor households in A and B": the people it reaches there
    return not last or "," in ctx.text[last[-1].end : cue] or is_place(last[-1]) or (
        last[-1].entity.cls == SPKG.PopulationGroup)


# A named disaster (the entity stage names it an event) and the verb by which it struck
# places, in English, French and Spanish: "Cyclone X struck A and B", "l'ouragan X a frappé
# A", "el huracán X azotó A y B".
_DISASTER = re.compile(r"(?i)\b(?:cyclone|hurricane|typhoon|storm|earthquake|flood|floods|"
                       r"flooding|landslide|drought|tsunami|eruption|séisme|tremblement|"
                       r"inondations?|ouragan|tempête|sécheresse|huracán|terremoto|sismo|"
                       r"inundaci\w+|sequía|tormenta|tifón|ciclón|ciclone|furacão|enchentes?|inundaç\w+|"
                       r"seca|tempestade)\b")
_STRUCK = re.compile(
    # its date: "of 3 May 2021", "du 9 juin 2017", "del 16 de abril de 2016"
    r"\s*(?:\([^)]*\)\s*)?(?:(?:of|in|on|du|de|del|do|da)\s+[\w ]{0,20}?\b\d{4}\s*)?"
    # a relative clause: "…, which affected A", "…, qui a frappé A", "…, que afectó A"
    r"(?:,?\s*(?:which|that|qui|que)\s+)?(?:also\s+)?(?:struck|hit|devastated|ravaged|battered|"
    r"affected|flooded|swept\s+(?:through|across)|made\s+landfall\s+(?:in|on)|"
    # what it damaged where: "damaged homes and crops on A and B", "détruit des maisons à A"
    r"(?:damaged|destroyed|flattened|a\s+(?:endommagé|détruit)|dañó|destruyó|danificou|"
    r"destruiu)\s+(?:[a-zà-ÿ]+(?:,\s*|\s+)){1,6}?(?:on|in|across|throughout|à|en|sur|em|"
    r"n[oa]s?)\b|"
    r"a\s+(?:frappé|touché|dévasté|ravagé)|azotó|golpeó|afectó|devastó|arrasó|"
    r"atingiu|afetou|devastou|"
    # "the 2021 drought in A", "la sécheresse de 2021 dans le A": where it happened
    r"(?<=\d{4}\s)(?:in|dans|en))\s+"
    r"(?:the\s+|l['’]|le\s+|la\s+|les\s+|el\s+|los\s+|las\s+|o\s+|os\s+|a\s+|as\s+)?"
    r"(?:(?:province|region|district|department|island|state|county|parish|town|city)s?\s+of\s+"
    r"(?:the\s+)?|"
    # "les départements du Sud", "los departamentos de A", "as províncias de A"
    r"(?:départements?|régions?|provinces?|communes?|departamentos?|provincias?|regiones|"
    r"región|municipios?|províncias?|regiões|região)\s+(?:du\s+|des\s+|de\s+la\s+|"
    r"de\s+l['’]|del\s+|de\s+los\s+|de\s+las\s+|d[oa]s?\s+|de\s+)?|"
    # a numbered region and its name: "Region 10 (Upper Demerara-Berbice)", "Región V ("
    r"(?:Region|Región|Région)\s+(?:\d{1,2}|[IVX]{1,5})\s*\()?")


_DATED_IRI = re.compile(r"-(?:19|20)\d\d(?:-\d\d){0,2}$")


@rule("disaster-place", family="location")
def disaster_place(ctx: Context, sentence: Span) -> None:
    """"After Cyclone X struck A and B province …": the disaster is located in each place
    listed right after its verb (subdivisions and towns; a country is the document's), when
    the sentence dates it: an undated one ("ten years after Typhoon X devastated A") is
    recalled as background, not reported."""
    for placed in ctx.in_span(sentence, EVENT_CLASSES):
        if not _DISASTER.search(placed.mention.text):
            continue
        verb = _STRUCK.match(ctx.text, placed.end, sentence.end)
        if verb is None:
            continue
        areas = _places_listed(ctx, sentence, verb.end())
        if not areas:
            continue
        stop = re.compile(r"[,;]|\.(?:\s|$)").search(ctx.text, areas[-1].end, sentence.end)
        clause_end = stop.start() if stop else sentence.end
        # dated after its name ("Cyclone X of 3 May 2021") or in it ("the June 2021 floods":
        # the entity stage put that date in its IRI)
        if not _DATED_IRI.search(placed.entity.iri) and not any(
                placed.end <= d.span.start and d.span.end <= clause_end
                for d in ctx.dates(sentence)):
            continue  # undated in its clause: recalled, not reported
        for area in areas:
            if area.entity.cls != SPKG.Country:
                ctx.add(placed.entity.iri, SPKG.locatedIn, area.entity.iri, sentence,
                        placed.mention.span, area.mention.span)


# Between two places of a list: "A and B", "A, B and C", "A province and B", "A et B"
_PLACE_GAP = re.compile(rf"\)?(?:\s*\([^)]*\))?(?:\s+{_AREA_KINDS})?\s*"
                        r"(?:,\s*(?:and\s+|et\s+|y\s+|e\s+)?|"
                        r"\s+(?:and|et|y|e)\s+)(?:the\s+|l['’]|le\s+|la\s+|el\s+|"
                        # "du Sud, de la Grand'Anse et des Nippes", "the town of Linden"
                        r"de\s+la\s+|de\s+l['’]|du\s+|des\s+|del\s+|d[oa]s?\s+)?"
                        r"(?:(?:town|city|district|region|province)\s+of\s+)?")


def _places_listed(ctx: Context, sentence: Span, start: int) -> list[Placed]:
    """The places listed from ``start`` on ("St. Elizabeth and Clarendon": a name's
    full stop does not end the list, as it ends a clause)."""
    listed: list[Placed] = []
    for placed in ctx.in_span(Span(start, sentence.end)):
        if not is_place(placed) or placed.start < (listed[-1].end if listed else start):
            continue
        if placed.start != start and not (listed and _PLACE_GAP.fullmatch(
                ctx.text, listed[-1].end, placed.start)):
            break
        listed.append(placed)
    return listed
