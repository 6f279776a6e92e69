"""Which law amends which: named so ("the Law on Amendments to the Labour Code", "the
Amendment to the Pensions Act") or said so ("Law No. 287, which amends the Social Security
Code", "the Act amending the Pensions Act", "the Code was amended by Law No. 5")."""

from __future__ import annotations

import itertools
import re

from spkg.ingest.records import Span
from spkg.ingest.rules.context import Context, Placed
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

LAWS = frozenset({SPKG.Law})
# Inside a law's name, right before the law it amends.
_NAMED = re.compile(r"\b(?:(?:[Aa]mendments?|[Aa]mending|[Mm]odifications?|[Rr]eforms?)\s+"
                    r"(?:to|of)|(?:[Aa]mending|[Mm]odifying)(?:\s+and\s+supplementing)?)"
                    r"\s+(?:the\s+)?$")
# A law's own date between its name and the verb: "Law No. 173 of 2 December 2021 amending",
# "Loi n° 12 du 3 mai 2020 modifiant", "Ley 5 de 2019 que modifica"
_OWN_DATE = (r"(?:,?\s+(?:of|du|de|del)\s+(?:\d{1,2}(?:er)?\s+)?(?:[A-Za-zéû]+\s+)?"
             r"(?:de\s+)?\d{4},?)?")
# "replaces the pension provisions of the Labour Act": a law that replaces part of another
# amends it ("remplace les dispositions … de la", "sustituye las disposiciones … de la")
_REPLACES = (r"(?:replaces|replaced|remplace|sustituye|reemplaza|substitui)\s+"
             r"(?:the|les|las|as)\s+(?:[\w-]+\s+){0,3}?(?:provisions|dispositions|"
             r"disposiciones|disposições)\s+(?:[\w-]+\s+){0,3}?(?:of|de|del|du|da|do)\s+"
             r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?")
# Between two laws: "…, which amends the", "amending the", "amends the", and in French and
# Spanish: "modifiant la", "portant modification de la", "que modifica la", "por la que se
# modifica el".
_VERB = re.compile(r"\s*(?:\([^)]*\)\s*)?" + _OWN_DATE +
                   # a French title after the number: "loi n° 23-19 portant Code de …, qui"
                   r"(?:\s+(?:portant|relati(?:f|ve)\s+(?:à|au|aux))\s+[^,;()]{3,100}?(?=,))?"
                   # an aside: "Decree No. 6, in force since 16 April 2019, amends the"
                   r"(?:,[^,;()]{3,80},)?"
                   # a relative clause's second verb: "X, which establishes the Y and
                   # amends", "X, qui institue le Y et modifie", "X, que crea el Y y modifica"
                   r"(?:,\s*(?:which|that|qui|que)\s+(?!(?:amends|modifie|modifica)\b)"
                   r"[a-zé]+\s+[^;:()]{3,120}?\s+(?:and|et|y|e)\s+(?=(?:also\s+)?(?:amends|"
                   r"modifie|modifica)\s)|"
                   r",\s*(?:which|that)\s+|\s+(?:which|that)\s+|\s+)?"
                   r"(?:also\s+)?(?:(?:amends|amended|amending|modifies|modified|modifying|"
                   r"revises|revised|revising)\s+(?:the\s+)?|" + _REPLACES + "|"
                   # an apposition: "Law No. 16, the eighth amendment to the Pension Act"
                   r",\s*(?:the|an?|la|el|una?)\s+(?:[\w-]+\s+)?(?:amendment|modification|"
                   r"amendement|reforma|modificación)\s+(?:to|of|de|du|à|a)\s+"
                   r"(?:the\s+|la\s+|le\s+|l['’]|el\s+)?|"
                   r"(?:modifiant|amendant|(?:,\s*)?qui\s+(?:modifie|amende))(?:\s+et\s+compl[èée]t(?:ant|e))?"
                   r"\s+(?:la\s+|le\s+|l['’])?|"
                   r"portant\s+modification\s+(?:de\s+la\s+|du\s+|de\s+l['’])|"
                   r"(?:,\s*)?(?:que|por\s+(?:la|el)\s+que\s+se)\s+(?:modifica|reforma)\s+"
                   r"(?:la\s+|el\s+)?|"
                   r"(?:modificando|reformando)\s+(?:la\s+|el\s+)?|"
                   # "El Decreto N, vigente desde …, modifica el", "… modifie le", "altera a"
                   r"(?:modifie|modifica|altera)\s+(?:la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?)$")
# "… was amended by", "… a été modifiée par la", "… fue modificada por la"
_PASSIVE = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s+(?:(?:which|that|qui|que)\s+)?"
                      r"(?:(?:was|were|has\s+been|had\s+been|is)\s+"
                      r"(?:\w+ly\s+)?amended\s+by\s+(?:the\s+)?|"
                      r"(?:a\s+été|ont\s+été|est|fut|avait\s+été)\s+modifiée?s?\s+par\s+"
                      r"(?:la\s+|le\s+|l['’])?|"
                      r"(?:fue|fueron|ha\s+sido|había\s+sido)\s+(?:modificad|reformad)[oa]s?\s+"
                      r"por\s+(?:la\s+|el\s+)?)$")


# "which amends the Ley Orgánica de la Caja (Ley 51 de 2005)": the amended text named by
# words no recogniser read as a law, its number in brackets after them
_VERB_THEN_NAME = re.compile(_VERB.pattern[:-1] + r"[A-ZÀ-Ý][^();.]{2,80}?\(\s*$")
_CLOSED = re.compile(r"(?:,?\s+(?:of|de|del|du)\s+(?:19|20)\d\d)?\s*\)")


@rule("amends-in-name", family="amendment")
def amends_in_name(ctx: Context, sentence: Span) -> None:
    """"The Law on Amendments to the Law on Pensions": the law whose name holds another
    law's name after "Amendments to" amends that law."""
    laws = ctx.in_span(sentence, LAWS)
    for inner in laws:
        outer = _enclosing(laws, inner)
        if outer is None or outer.entity.iri == inner.entity.iri:
            continue
        if _NAMED.search(ctx.text, outer.start, inner.start):
            ctx.add(outer.entity.iri, SPKG.amends, inner.entity.iri, sentence,
                    outer.mention.span, inner.mention.span)


def _enclosing(laws: list[Placed], inner: Placed) -> Placed | None:
    for outer in laws:
        if outer.start < inner.start and inner.end <= outer.end:
            return outer
    return None


@rule("amends", family="amendment")
def amends(ctx: Context, sentence: Span) -> None:
    """"Law No. 287, which amends the Social Security Code", "an act amending the Pensions
    Act", "The Code was amended by Law No. 5 in 2019"."""
    named = ctx.in_span(sentence, LAWS)
    laws = [p for p in named if _enclosing(named, p) is None]  # not "… to the Act" inside
    for first, second in itertools.pairwise(laws):
        if first.entity.iri == second.entity.iri:
            continue
        if _VERB.fullmatch(ctx.text, first.end, second.start):
            ctx.add(first.entity.iri, SPKG.amends, second.entity.iri, sentence,
                    first.mention.span, second.mention.span)
        elif _PASSIVE.fullmatch(ctx.text, first.end, second.start):
            ctx.add(second.entity.iri, SPKG.amends, first.entity.iri, sentence,
                    second.mention.span, first.mention.span)
    for first, second in itertools.combinations(laws, 2):
        # a law read inside the unread name may stand between the two
        if first.entity.iri != second.entity.iri and _CLOSED.match(
                ctx.text, second.end) and _VERB_THEN_NAME.fullmatch(ctx.text, first.end,
                                                                    second.start):
            ctx.add(first.entity.iri, SPKG.amends, second.entity.iri, sentence,
                    first.mention.span, second.mention.span)


# A subject that points back to a law, then the verb: "…; it amends the", "It also amends
# the", "The Bill amends the", "Elle modifie la", "La ley modifica el", "A lei altera a".
_BACK_VERB = re.compile(
    r"(?P<subject>\b(?:[Ii]t|[Tt]his\s+(?:[Bb]ill|[Ll]aw|[Aa]ct|[Dd]ecree)|[Tt]he\s+(?:new\s+)?"
    r"(?:[Bb]ill|[Ll]aw|[Aa]ct|[Dd]ecree|[Cc]ode|[Oo]rdinance|[Dd]ecision)|[Ee]lle|[Ii]l|"
    # "La norma", "Le texte", "El texto": a legal text's generic nouns
    r"[Ll]a\s+(?:loi|ley|lei|norma|décision|decisión)|[Ll]e\s+(?:décret|code|texte)|"
    r"[Ee]l\s+(?:decreto|código|texto)|[Oo]\s+(?:decreto|texto)|[Aa]\s+norma|[Ee]lla)\s+)"
    r"(?:also\s+|aussi\s+|también\s+|também\s+)?(?:(?:amends|amended|revises|revised|modifie|"
    r"a\s+modifié|modifica|modificó|reforma|reformó|altera|alterou)\s+"
    r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?|" + _REPLACES + ")$")
# The second verb of a subject that points back: "Il complète la loi X et modifie le
# décret Y", "It establishes the Fund and amends the Z Act"
_AND_VERB = re.compile(
    r"\s(?:and|et|y|e)\s+(?:also\s+|aussi\s+|también\s+)?(?:amends|revises|modifie|"
    r"modifica|reforma|altera)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?$")
_POINTING_OPENING = re.compile(r"\s*(?:It|Il|Elle|Ella|Ele|Ela)\s")


@rule("amends-back", family="amendment")
def amends_back(ctx: Context, sentence: Span) -> None:
    """"The Assembly passed the X Bill on D; it amends the Y Act", "It also amends the Y
    Act": the law the subject points back to amends the law named after the verb."""
    named = ctx.in_span(sentence, LAWS)
    for amended in (p for p in named if _enclosing(named, p) is None):
        verb = _BACK_VERB.search(ctx.text, max(sentence.start, amended.start - 90),
                                 amended.start)
        if verb is None:
            _second_verb(ctx, sentence, named, amended)
            continue
        before = [p for p in named if p.end <= verb.start() and _enclosing(named, p) is None]
        opening = not ctx.text[sentence.start : verb.start()].strip()
        if opening:  # "It amends …" at the sentence's start: what "it" refers to
            amending = ctx.subject_before(sentence, verb.end("subject"), LAWS)
            if amending is None:
                amending = _only_law_before(ctx)
        elif before and re.search(r"[;,]\s*$", ctx.text[before[-1].end : verb.start()]):
            amending = before[-1]  # "X …; it amends Y": the last law of the clause before
        elif not before and _AND_IT.search(ctx.text, sentence.start, verb.end("subject")):
            amending = _opening_law(ctx, sentence)  # "The Act establishes …, and it amends Y"
        else:
            continue
        if amending is None or amending.entity.iri == amended.entity.iri:
            continue
        ctx.add(amending.entity.iri, SPKG.amends, amended.entity.iri, sentence,
                amending.mention.span, amended.mention.span)


# "…, and it replaces", "…; it amends": "it" is the sentence's subject
_AND_IT = re.compile(r"(?:,\s*and|;)\s+(?:it|elle|il|ella)\s+$")
_OPENING_NOUN = re.compile(r"\s*(?:The|This)\s+(?:new\s+)?(Act|Law|Decree|Code|Bill)\b")


def _opening_law(ctx: Context, sentence: Span) -> Placed | None:
    """The law a sentence opens with: named there, or "The Act" (the last one named)."""
    noun = _OPENING_NOUN.match(ctx.text, sentence.start, sentence.end)
    return ctx.referent(noun.group(1), LAWS) if noun is not None else None


def _second_verb(ctx: Context, sentence: Span, named: list[Placed], amended: Placed) -> None:
    """"Il complète la loi X et modifie le décret Y": a sentence opening with a pronoun for
    a law, whose second verb amends Y (the pronoun's law, one clause only)."""
    verb = _AND_VERB.search(ctx.text, max(sentence.start, amended.start - 40), amended.start)
    opening = _POINTING_OPENING.match(ctx.text, sentence.start, amended.start)
    if verb is None or opening is None or ";" in ctx.text[sentence.start : verb.start()]:
        return
    amending = ctx.subject_before(sentence, opening.end(), LAWS) or _only_law_before(ctx)
    if amending is None or amending.entity.iri == amended.entity.iri:
        return
    if any(p.entity.iri == amending.entity.iri for p in named):
        return  # the pronoun's law named in the sentence itself: another reading
    ctx.add(amending.entity.iri, SPKG.amends, amended.entity.iri, sentence,
            amending.mention.span, amended.mention.span)


def _only_law_before(ctx: Context) -> Placed | None:
    """"Parliament passed the X Act on D. It amends the Y Act": a body cannot amend a law,
    so "it" is the one law the sentence before named (none when it named several)."""
    if ctx.previous is None:
        return None
    laws = [p for p in ctx.in_span(ctx.previous, LAWS) if _enclosing(ctx.in_span(
        ctx.previous, LAWS), p) is None]
    return laws[0] if laws and len({p.entity.iri for p in laws}) == 1 else None


# "the Pension Fund (Amendment) Act 2015": the name before "amendment", the kind after it,
# and the year (the slug of its IRI)
_AMENDMENT_SLUG = re.compile(r"(?P<base>[a-z0-9-]+)-amendment-(?P<kind>act|law|bill|"
                             r"regulations|ordinance|decree)(?:-(?P<year>(?:19|20)\d\d))?")
_YEARED = r"(?:-(?P<year>(?:19|20)\d\d))?"


@rule("amends-by-name", family="amendment")
def amends_by_name(ctx: Context, sentence: Span) -> None:
    """"The Pension Fund (Amendment) Act 2015 … the Pension Fund Act 1990" (anywhere in the
    document): an amendment act amends the earlier text its name repeats without
    "(Amendment)" (of an earlier year, when both say one)."""
    for law in ctx.in_span(sentence, LAWS):
        name = _AMENDMENT_SLUG.fullmatch(str(law.entity.iri).rsplit("/", 1)[-1])
        if name is None:
            continue
        earlier = ctx.in_span(Span(0, law.start), LAWS)
        if any(other.entity.iri == law.entity.iri for other in earlier):
            continue  # read once, at its first mention
        base = re.compile(re.escape(f"{name.group('base')}-{name.group('kind')}") + _YEARED)
        for other in ctx.in_span(Span(0, len(ctx.text)), LAWS):
            amended = base.fullmatch(str(other.entity.iri).rsplit("/", 1)[-1])
            if amended is None or (amended.group("year") and name.group("year") and (
                    amended.group("year") >= name.group("year"))):
                continue
            ctx.add(law.entity.iri, SPKG.amends, other.entity.iri, sentence,
                    law.mention.span, other.mention.span)
            break
