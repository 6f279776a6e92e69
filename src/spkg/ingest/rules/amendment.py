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
_NAMED = re.compile(r"\b(?:[Aa]mendments?|[Aa]mending|[Mm]odifications?|[Rr]eforms?)\s+"
                    r"(?:to|of)\s+(?:the\s+)?$")
# A law's own date between its name and the verb: "Law No. 173 of 2 December 2021 amending",
# "Loi n° 12 du 3 mai 2020 modifiant", "Ley 5 de 2019 que modifica"
_OWN_DATE = (r"(?:,?\s+(?:of|du|de|del)\s+(?:\d{1,2}(?:er)?\s+)?(?:[A-Za-zéû]+\s+)?"
             r"(?:de\s+)?\d{4},?)?")
# Between two laws: "…, which amends the", "amending the", "amends the", and in French and
# Spanish: "modifiant la", "portant modification de la", "que modifica la", "por la que se
# modifica el".
_VERB = re.compile(r"\s*(?:\([^)]*\)\s*)?" + _OWN_DATE +
                   r"(?:,\s*(?:which|that)\s+|\s+(?:which|that)\s+|\s+)?"
                   r"(?:also\s+)?(?:(?:amends|amended|amending|modifies|modified|modifying|"
                   r"revises|revised|revising)\s+(?:the\s+)?|"
                   r"(?:modifiant|amendant|(?:,\s*)?qui\s+(?:modifie|amende))(?:\s+et\s+compl[èée]t(?:ant|e))?"
                   r"\s+(?:la\s+|le\s+|l['’])?|"
                   r"portant\s+modification\s+(?:de\s+la\s+|du\s+|de\s+l['’])|"
                   r"(?:,\s*)?(?:que|por\s+(?:la|el)\s+que\s+se)\s+(?:modifica|reforma)\s+"
                   r"(?:la\s+|el\s+)?|"
                   r"(?:modificando|reformando)\s+(?:la\s+|el\s+)?)$")
# "… was amended by", "… a été modifiée par la", "… fue modificada por la"
_PASSIVE = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s+(?:(?:was|were|has\s+been|had\s+been|is)\s+"
                      r"(?:\w+ly\s+)?amended\s+by\s+(?:the\s+)?|"
                      r"(?:a\s+été|ont\s+été|est|fut|avait\s+été)\s+modifiée?s?\s+par\s+"
                      r"(?:la\s+|le\s+|l['’])?|"
                      r"(?:fue|fueron|ha\s+sido|había\s+sido)\s+(?:modificad|reformad)[oa]s?\s+"
                      r"por\s+(?:la\s+|el\s+)?)$")


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
