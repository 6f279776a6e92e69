"""Organisations inside others: members of a body, its chair, a unit within a ministry."""

from __future__ import annotations

import re
from itertools import pairwise

from rdflib import URIRef

from spkg.ingest.linking import Entity
from spkg.ingest.naming import BODY_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    Context,
    Placed,
    clause_end,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import ORG, SPKG


@rule("membership", family="membership")
def membership(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bmembers?\s+of\b", sentence):
        if _OBJECT_OF.search(ctx.text, sentence.start, cue.start()):
            continue  # "presented to members of the Committee": the audience, no membership
        body = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        if body is None or not re.fullmatch(r"\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}",
                                            ctx.text[cue.end() : body.start]):
            continue  # "members of a committee chaired by the Ministry": not the ministry
        for member in ctx.in_span(Span(sentence.start, cue.start()), ORGANISATION_CLASSES):
            if member.entity.iri != body.entity.iri:
                ctx.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                         member.mention.span, body.mention.span)

    # "A and B are represented on / sit on the SSF Board"
    for cue in ctx.cues(r"\b(?:represented|seated|sit|sits|sat|serve|serves)\s+(?:on|in)\s+"
                         r"(?:the\s+)?", sentence):
        body = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        if body is None or body.start != cue.end():
            # "A and B sit on the taskforce": the body of that noun named before
            noun = re.match(r"([A-Za-z][\w-]*)\b", ctx.text[cue.end() : sentence.end])
            body = ctx.referent(noun.group(1), BODY_CLASSES | ORGANISATION_CLASSES) if (
                noun and re.search(r"\bthe\s+$", cue.group(0))) else None
            if body is None:
                continue
        for member in ctx.listed_before(sentence, cue.start()) or ctx.listed_before(
                sentence, ctx.verb_start(sentence, cue.start())):
            if member.entity.iri != body.entity.iri:
                ctx.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                         member.mention.span, body.mention.span)
    # "the Commission, a tripartite body comprising A, B and C", "X brings together A and B"
    pattern = (r"\b(?:comprising|composed\s+of|consisting\s+of|made\s+up\s+of|"
               r"brings\s+together|brought\s+together|bringing\s+together)\s+")
    for cue in ctx.cues(pattern, sentence):
        head = ctx.without_apposition(sentence, cue.start())
        body = ctx.before(sentence, head, ORGANISATION_CLASSES)
        if body is None or re.search(r"[;]|\b(?:and|with|by|to|of)\s*$",
                                     ctx.text[body.end : head]):
            continue
        end = clause_end(ctx.text, cue.end(), sentence.end)
        for member in ctx.in_span(Span(cue.end(), end), ORGANISATION_CLASSES):
            if member.entity.iri != body.entity.iri:
                ctx.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                         member.mention.span, body.mention.span)


# "members of" as the object of a preposition or verb: whom something was done to or with
_OBJECT_OF = re.compile(r"\b(?:to|with|for|by|among|from|before|between|trained|met|"
                        r"briefed|involved|invited)\s+"
                        r"(?:the\s+|all\s+|some\s+|several\s+|\d+\s+)?(?:[a-z-]+\s+){0,2}$")


@rule("chairs", family="membership")
def chairs(ctx: Context, sentence: Span) -> None:
    """"A and B co-chaired an inter-ministerial working group …", "The Ministry chairs the
    Council": the body right after the verb is chaired by those right before it."""
    for cue in ctx.cues(r"\b(?:co-?)?chair(?:s|ed)\s+(?!by\b)(?:the\s+|an?\s+)?", sentence):
        body = ctx.after(cue.end(), sentence, BODY_CLASSES)
        if body is None or body.start != cue.end():
            continue
        for chair in ctx.listed_before(sentence, cue.start()):
            if chair.entity.iri != body.entity.iri:
                ctx.add(body.entity.iri, SPKG.chairedBy, chair.entity.iri, sentence,
                        body.mention.span, chair.mention.span)


@rule("chaired-body", family="membership")
def chaired_body(ctx: Context, sentence: Span) -> None:
    """"The Council is chaired by the Ministry of Finance", "… Working Group …,
    co-chaired by UNICEF and the World Bank" (meetings are the meeting rules' job)."""
    # "a technical committee led/headed by the Ministry", "présidé par", "presidido por"
    pattern = (r"\b(?:co-?)?chaired\s+by\s+(?:the\s+)?|\b(?:led|headed|presided\s+over)\s+by\s+"
               r"(?:the\s+)?|\bprésidée?s?\s+par\s+(?:le\s+|la\s+|l['’])?|"
               r"\bpresidid[oa]s?\s+por\s+(?:el\s+|la\s+)?")
    for cue in ctx.cues(pattern, sentence):
        if re.search(r"\b(?:meeting|workshop|seminar|consultation|conference|session|"
                     r"dialogue|review|event)\b", ctx.text[sentence.start : cue.start()]):
            continue
        body = ctx.subject_before(sentence, cue.start(), BODY_CLASSES | ORGANISATION_CLASSES)
        if body is None or (re.match(r"led|headed|presided", cue.group(0))
                            and body.entity.cls not in BODY_CLASSES):
            continue  # "led by" makes a chair of a body's head only
        named_earlier = body.end <= sentence.start  # "The Council is chaired by …"
        adjacent = re.fullmatch(
            r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:which\s+|that\s+)?(?:is\s+|was\s+|are\s+|"
            r"were\s+)?(?:also\s+|jointly\s+)?", ctx.text[body.end : cue.start()])
        if not (adjacent or named_earlier):
            continue
        chairs = ctx.listed_after(cue.end(), sentence)
        if not chairs or chairs[0].start != cue.end():
            continue  # "chaired by the Secretary of MoSWD": a person, not the ministry
        for chair in chairs:
            if chair.entity.iri != body.entity.iri:
                ctx.add(body.entity.iri, SPKG.chairedBy, chair.entity.iri, sentence,
                         body.mention.span, chair.mention.span)


@rule("sub-organisation", family="membership")
def sub_organisation(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bwithin\b", sentence):
        part = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
        wholes = ctx.in_span(Span(cue.end(), clause_end(ctx.text, cue.end(), sentence.end,
                                                          commas=False)), ORGANISATION_CLASSES)
        ministries = [w for w in wholes if w.entity.cls == SPKG.Ministry] or wholes[:1]
        if part is not None and part.end <= cue.start() and ministries and (
                part.entity.iri != ministries[0].entity.iri):
            if re.search(r"[,;]", ctx.text[part.end : cue.start()]):
                continue
            ctx.add(part.entity.iri, ORG.subOrganizationOf, ministries[0].entity.iri,
                     sentence, part.mention.span, ministries[0].mention.span)


@rule("members-include", family="membership")
def members_include(ctx: Context, sentence: Span) -> None:
    """"The Council, whose members include A and B, …", "The Labour Advisory Board includes
    A and B": members of a body (a board, council, forum or group, not a policy that
    "includes" measures)."""
    pattern = (r"\b(?:(?:whose|[Ii]ts)\s+members\s+(?:include|included|are|were)|"
               r"(?:includes|included|comprises|comprised|gathers|unites)(?:\s+representatives\s+(?:of|from))?)\s+"
               r"(?:the\s+)?")
    for cue in ctx.cues(pattern, sentence):
        members = ctx.listed_after(cue.end(), sentence)
        if not members or members[0].start != cue.end():
            continue
        if cue.group(0)[:3].casefold() == "its":
            # "A sub-committee of the Ministry oversees the reform; its members include …":
            # the body the sentence is about (its first), else the one named just before
            named = ctx.in_span(Span(sentence.start, cue.start()), BODY_CLASSES)
            body = named[0] if named else (ctx.focus if ctx.focus is not None and (
                ctx.focus.entity.cls in BODY_CLASSES) else None)
            if body is None:
                continue
        else:
            head = ctx.without_apposition(sentence, cue.start()) if not cue.group(
                0).startswith("whose") else cue.start()
            found = ctx.before(sentence, head, BODY_CLASSES)
            if found is None or not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:also\s+|now\s+)?",
                                                 ctx.text[found.end : head]):
                continue
            body = found
        for member in members:
            if member.entity.iri != body.entity.iri:
                ctx.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                        member.mention.span, body.mention.span)


# "X (XA) of the Ministry of …", "X under the Ministry …", "X, a legal entity under the
# Ministry …": an organisation placed right under a ministry is part of it.
# Also "X, which reports to the Ministry", "X, attached to the Ministry", "X, under the
# supervision of the Ministry", "X, placé sous la tutelle du Ministère", "X, adscrito al
# Ministerio".
_UNDER = re.compile(r"\)?\s*(?:\([^)]*\)\s*)?(?:,\s*(?:an?\s+(?:[\w-]+\s+){0,3}?)?)?"
                    r"(?:(?:which|that)\s+(?:reports|answers)\s+to|reporting\s+to|"
                    # "The Fund reports to the Ministry", "X, part of the Ministry", "X,
                    # which is linked to the Ministry"
                    r"(?:reports|answers)\s+to|part\s+of|"
                    r"(?:which|that)\s+(?:is|was)\s+(?:linked|tied)\s+to|"
                    r"(?:which|that)\s+(?:is|was)\s+(?:placed\s+)?under|"
                    # "X (XX), which operates under the Ministry …"
                    r"(?:which|that)\s+(?:operates|works|functions|falls|sits)\s+under|"
                    r"(?:is\s+|was\s+)?(?:attached|accountable)\s+to|"
                    r"(?:placed\s+)?under(?:\s+the\s+(?:supervision|authority|oversight|"
                    r"responsibility|aegis)\s+of)?|of|"
                    r"(?:placée?s?\s+)?sous\s+la\s+tutelle\s+(?:du|de\s+la|de\s+l['’])|"
                    r"rattachée?s?\s+(?:au|à\s+la|à\s+l['’])|"
                    r"adscrit[oa]s?\s+(?:al|a\s+la)|dependiente\s+(?:del|de\s+la)|"
                    r"bajo\s+la\s+tutela\s+(?:del|de\s+la))\s*(?:the\s+)?")


@rule("under-a-ministry", family="membership")
def under_a_ministry(ctx: Context, sentence: Span) -> None:
    placed = ctx.in_span(sentence, ORGANISATION_CLASSES)
    for part, whole in pairwise(placed):
        if whole.entity.cls != SPKG.Ministry or part.entity.iri == whole.entity.iri:
            continue
        if re.match(r"(?:,\s+[A-Z]\w*,|\s+(?:from|for|of|and)\s+(?:the\s+)?[A-Z])",
                    ctx.text[whole.end : sentence.end]):
            continue  # "Ministry of A from the B, C and D": the name may run on past it
        if part.end <= whole.start and (_UNDER.fullmatch(ctx.text, part.end, whole.start) or (
                _IN_MINISTRY.fullmatch(ctx.text, part.end, whole.start)
                and _UNIT_HEAD.search(part.entity.label))):
            ctx.add(part.entity.iri, ORG.subOrganizationOf, whole.entity.iri, sentence,
                    part.mention.span, whole.mention.span)
    for whole, part in pairwise(placed):
        # "the Ministry of Labour, whose Directorate of Social Security drafted …"
        if whole.entity.cls == SPKG.Ministry and part.entity.iri != whole.entity.iri and (
                _WHOSE.fullmatch(ctx.text, whole.end, part.start)):
            ctx.add(part.entity.iri, ORG.subOrganizationOf, whole.entity.iri, sentence,
                    part.mention.span, whole.mention.span)


# "the Social Protection Secretariat in the Ministry of …": a unit inside a ministry
_IN_MINISTRY = re.compile(r"\s*(?:\([^)]*\)\s*)?\s+(?:in|at)\s+the\s+")
_UNIT_HEAD = re.compile(r"\b(?:Secretariat|Department|Directorate|Division|Unit|Section|"
                        r"Bureau|Directorate-General|Service)\b")
_WHOSE = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*whose\s+(?:own\s+)?")


_ACRONYM = re.compile(r"(?P<acronym>[A-Z][A-Za-z&]{1,11})\b")


@rule("under-a-ministry-acronym", family="membership")
def under_a_ministry_acronym(ctx: Context, sentence: Span) -> None:
    """"The Department of X under the MoICE monitors …": a ministry's acronym the entity
    stage did not place again (written in mixed case), read by the acronyms it gave."""
    placed = ctx.in_span(sentence, ORGANISATION_CLASSES)
    if not placed:
        return
    starts = {p.start for p in placed}
    acronyms: dict[str, Entity] | None = None  # read only when a sentence needs them: the
    # document's entities are many, sentences with "under <acronym>" few
    for part in placed:
        under = _UNDER.match(ctx.text, part.end, sentence.end)
        if under is None or not under.group().strip() or under.end() in starts:
            continue
        named = _ACRONYM.match(ctx.text, under.end(), sentence.end)
        if named is None:
            continue
        if acronyms is None:
            acronyms = {a: e for e in ctx.entities if e.cls == SPKG.Ministry for a in e.acronyms}
        whole = acronyms.get(named["acronym"])
        if whole is not None and whole.iri != part.entity.iri:
            ctx.add(part.entity.iri, ORG.subOrganizationOf, whole.iri, sentence,
                    part.mention.span, Span(named.start(), named.end()))


# "The Ministry (M) administers the X through its Provincial Labour Directorates": the
# body reached through "its" is the subject's own unit
_THROUGH_ITS = re.compile(r"\b(?:through|via|by\s+means\s+of|by)\s+its\s+(?:own\s+)?|"
                          r"\b(?:a\s+través\s+de\s+sus?|par\s+l['’]intermédiaire\s+de\s+"
                          r"(?:ses|son|sa)|por\s+meio\s+de\s+(?:seus|suas|seu|sua))\s+")


@rule("through-its-unit", family="membership")
def through_its_unit(ctx: Context, sentence: Span) -> None:
    """A body the sentence's subject acts "through its …" is part of that subject."""
    placed = ctx.in_span(sentence, ORGANISATION_CLASSES)
    if not placed or not re.fullmatch(r"\s*(?:The|the|El|La|Le|L['’]|O|A)?\s*",
                                      ctx.text[sentence.start : placed[0].start]):
        return  # no organisation is the sentence's subject
    whole = placed[0]
    for cue in _THROUGH_ITS.finditer(ctx.text, whole.end, sentence.end):
        part = next((p for p in placed if p.start == cue.end()), None)
        if part is not None and part.entity.iri != whole.entity.iri:
            ctx.add(part.entity.iri, ORG.subOrganizationOf, whole.entity.iri, sentence,
                    part.mention.span, whole.mention.span)


# "Its Social Welfare Division runs …", "Su Dirección de …", "Sa Direction de …": a unit
# owned by the organisation the sentence before named
_ITS_UNIT = re.compile(r"\s*(?:Its|Sa|Son|Su|Sua|Seu)\s+")
_UNIT_HEAD = re.compile(r"(?i)\b(?:division|department|unit|directorate|secretariat|office|"
                        r"directi?on|d[ée]partement|direcci[óo]n|departamento|dire[cç][ãa]o|"
                        r"unidad|unidade|servicio|service)\b")


@rule("its-unit", family="membership")
def its_unit(ctx: Context, sentence: Span) -> None:
    """"The Ministry of X runs the pension scheme. Its Y Division pays …": the division is part
    of the one organisation the sentence before named (none when it named several)."""
    opening = _ITS_UNIT.match(ctx.text, sentence.start, sentence.end)
    if opening is None or ctx.previous is None:
        return
    part = next(iter(ctx.in_span(sentence, ORGANISATION_CLASSES)), None)
    if part is None or part.start != opening.end() or not _UNIT_HEAD.search(part.entity.label):
        return
    owners = {p.entity.iri for p in ctx.in_span(ctx.previous, ORGANISATION_CLASSES)}
    if len(owners) == 1 and part.entity.iri not in owners:
        ctx.add(part.entity.iri, ORG.subOrganizationOf, owners.pop(), sentence,
                part.mention.span, Span(opening.start(), opening.end()))


# A governing body named after the organisation it governs: "the Board of Directors of the
# Social Protection Fund", "the Consejo Directivo of the Instituto …", "le Conseil d'administration
# de la Caisse …"
_BOARD_OF = re.compile(r"(?i)\b(?:board|council|committee|junta|conseil|consejo|comité|"
                       r"directorate|secretariat|executive)\b")
_OF_TAIL = re.compile(r"(?i)\s(?:of|de|du|des|del)\s+(?:the\s+|la\s+|le\s+|l['’]|los\s+)?")


@rule("board-of", family="membership")
def board_of(ctx: Context, sentence: Span) -> None:
    """A board or council named "… of the X" is part of X, when X is an organisation the
    document names (by its full name)."""
    for placed in ctx.in_span(sentence, ORGANISATION_CLASSES):
        label = placed.entity.label
        head = _BOARD_OF.search(label)
        if head is None or placed.start < sentence.start:
            continue
        tails = {label[of.end():].strip().casefold() for of in _OF_TAIL.finditer(label, head.end())}
        # by the document's name index: a scan of every entity per board was quadratic
        whole = next((e for e in ctx.named(tails) if e.iri != placed.entity.iri
                      and e.cls in ORGANISATION_CLASSES), None) or _by_acronym(
                          ctx, placed, {label[of.end():].strip() for of in
                                        _OF_TAIL.finditer(label, head.end())})
        if whole is not None:
            ctx.add(placed.entity.iri, ORG.subOrganizationOf, whole.iri, sentence,
                    placed.mention.span)


def _by_acronym(ctx: Context, board: Placed, tails: set[str]) -> Entity | None:
    """The organisation the document introduced with the acronym a board is named after
    ("the Board of Directors of the NSIF" once "National Social Insurance Fund (NSIF)")."""
    acronyms = {t for t in tails if re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", t)}
    if not acronyms:
        return None
    return next((e for e in ctx.entities if e.iri != board.entity.iri
                 and e.cls in ORGANISATION_CLASSES and acronyms & set(e.acronyms)), None)


# "the Corporation's Board of Directors", "the NSSF's Board": the possessor before a board
_POSSESSOR = re.compile(r"(?:the\s+)?(?P<noun>[A-Z][\w-]*)['’]s?\s+$")


@rule("possessor-board", family="membership")
def possessor_board(ctx: Context, sentence: Span) -> None:
    """A board or council named after a possessive ("the Corporation's Board of Directors")
    is part of the organisation the possessor names: an acronym or a head word of an
    organisation named before ("the Corporation" of the National … Corporation)."""
    for placed in ctx.in_span(sentence, ORGANISATION_CLASSES):
        if _BOARD_OF.match(placed.entity.label) is None:
            continue
        owner = _POSSESSOR.search(ctx.text, max(sentence.start, placed.start - 40), placed.start)
        if owner is None:
            continue
        noun = owner["noun"]
        earlier = ctx.in_span(Span(0, owner.start()), ORGANISATION_CLASSES)
        whole = next((p.entity for p in reversed(earlier) if p.entity.iri != placed.entity.iri
                      and (noun in p.entity.acronyms or noun.casefold() in
                           {w.casefold() for w in p.entity.label.split() if len(w) > 3})), None)
        if whole is not None:
            ctx.add(placed.entity.iri, ORG.subOrganizationOf, whole.iri, sentence,
                    placed.mention.span, Span(owner.start("noun"), owner.end("noun")))


# An office or team of the ILO named as such: "the ILO Country Office for Fiji", "ILO
# Decent Work Team for …", "le Bureau de pays de l'OIT pour Madagascar", "la Oficina de la OIT
# para …", "o Escritório da OIT em …". The name says whose unit it is.
_UNIT = r"(?:Office|Team|Bureau|Oficina|Escrit[óo]rio|Department|D[ée]partement|Departamento)"
_ILO_PREFIXED = re.compile(rf"(?:ILO|OIT|BIT)(?:['’]s)?\s+(?:[\w-]+\s+){{0,5}}?{_UNIT}\b")
_ILO_INSIDE = re.compile(rf"{_UNIT}\b.*\b(?:de\s+l['’]OIT|du\s+BIT|de\s+la\s+OIT|da\s+OIT)\b")
_ILO_BEFORE = re.compile(r"\b(?:ILO|OIT|BIT)(?:['’]s)?\s+$")
_ILO_NAMES = ("International Labour Organization", "ILO")


@rule("ilo-unit", family="membership")
def ilo_unit(ctx: Context, sentence: Span) -> None:
    """An organisation whose name makes it a unit of the ILO ("ILO Office for Pacific Island
    Countries", "Bureau de pays de l'OIT pour Haïti") is org:subOrganizationOf the ILO."""
    ilo: URIRef | None = None
    for placed in ctx.in_span(sentence, ORGANISATION_CLASSES):
        label = placed.entity.label
        words = ctx.text[placed.start : placed.end]
        # a mention running over a list ("ILO Office for X, UNICEF and the Y") names Y, not
        # the ILO's unit: only its label says whose it is
        overrun = "," in words and words != label and words.endswith(label)
        names = (label,) if overrun else (label, words)
        prefixed = any(_ILO_PREFIXED.match(name) or _ILO_INSIDE.match(name) for name in names)
        if not prefixed and not (re.match(rf"(?:[\w-]+\s+){{0,5}}?{_UNIT}\b", label)
                                 and _ILO_BEFORE.search(ctx.text, sentence.start, placed.start)):
            continue
        ilo = ilo or _ilo_iri(ctx)
        if ilo is not None and placed.entity.iri != ilo:
            ctx.add(placed.entity.iri, ORG.subOrganizationOf, ilo, sentence, placed.mention.span)


def _ilo_iri(ctx: Context) -> URIRef | None:
    """The ILO's IRI: the document's entity of that name, else the reference entry's."""
    named = [e.iri for e in ctx.named(_ILO_NAMES) if e.cls in ORGANISATION_CLASSES]
    if named:
        return named[0]
    entry = ctx.gazetteer.lookup(_ILO_NAMES[0])
    return entry.iri if entry is not None else None
