"""Who an intervention covers: population groups after "extends coverage to", coverage
figures ("will support 27.3 million … workers"), and schemes or laws named in lowercase."""

from __future__ import annotations

import re

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import XSD

from spkg.ingest.gazetteer import PLACE_CLASSES, Entry
from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.normalise import find_dates, find_numbers
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    Context,
    Placed,
    anaphor_key,
    anaphor_opening,
    is_place,
    same_clause,
)
from spkg.ingest.rules.registry import EVERY_RULE, rule
from spkg.namespace import SPKG, mint

GROUP_HEADS = re.compile(
    r"\b(workers|employees|persons|people|households|families|children|women|men|youth|"
    r"migrants|beneficiaries|pensioners|elderly|refugees|fishers|fishermen|farmers|traders|"
    r"vendors|miners|seafarers|drivers|artisans|students|retirees|dependants|dependents|"
    r"herders|pastoralists|craftspeople|riders|taxpayers|entrepreneurs|apprentices|citizens|"
    r"residents|nationals)\b",
    re.IGNORECASE)
GROUP_STOP = re.compile(
    r"\s*(?:\(|,|;|\.|\bin the\b|\bin\b|\bwho\b|\bthrough\b|\bby\b|\band\b|\bunder\b|\bagainst\b|"
    r"\bon\s+an?\s+[\w-]+\s+basis\b|"
    r"\baged\b|\bfrom\b|\bwithout\b|\b(?:was|were|is|are|will|has|have)\b|$|"
    # "farm workers with several employers": which of them, not a group's name
    r"\bwith\s+(?:several|multiple|more|two|one|no|an?|their|its)\b)")
_GENERIC_MODIFIERS = frozenset({
    "social", "security", "protection", "existing", "coordinated", "contributory",
    "non-contributory", "insurance", "this", "that", "such", "new", "any", "each", "same"
})


def lower_phrase(phrase: str) -> str:
    """"Construction Workers" → "construction workers"; acronyms keep their capitals."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.casefold() for w in phrase.split())

def distributed(phrase: str) -> list[str]:
    """"workers in the formal and informal economy" is two groups, "workers in the formal
    economy" and "workers in the informal economy"; any other phrase is none (read whole)."""
    match = re.fullmatch(r"(?P<head>.+?\bin\s+the)\s+(?P<a>[\w-]+)\s+and\s+(?P<b>[\w-]+)\s+"
                         r"(?P<noun>economy|sector)", phrase.strip())
    if match is None:
        return []
    return [f"{match['head']} {match[part]} {match['noun']}" for part in ("a", "b")]


@rule("coverage", family="coverage")
def coverage(ctx: Context, sentence: Span) -> None:
    pattern = (r"\bextend(?:s|ed|ing)?\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?coverage"
               r"(?:\s+of\s+[\w ]+?)?\s+to\b|"
               r"\b(?:was|were|has\s+been|have\s+been|is|are|will\s+be)\s+extended\s+to\b|"
               r"\b(?:provid|grant|pay)(?:s|es|ed|ing)?\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
               r"(?:benefits?|coverage|protection|pensions?|allowances?|transfers?)\s+to\b|"
               # "extends insurance against employment injury to G", "extends the regime to G"
               r"\bextend(?:s|ed)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?"
               r"(?:insurance|benefits?|protection|regime|scheme|system|cover|pensions?|"
               r"allowances?|leave|branch(?:es)?|injury|care)\s+to\b")
    for cue in ctx.cues(pattern, sentence):
        intervention = _subject_of(ctx, sentence, ctx.subject_before(sentence, cue.start()),
                                   cue.start())
        through = re.search(r"\b(?:through|under|via)\s+(?:the\s+)?",
                            ctx.text[cue.end() : sentence.end])
        limit = sentence.end
        if intervention is None and through is not None:
            # "… extended coverage … to agricultural workers through the Estidama Programme"
            found = ctx.after(cue.end() + through.end(), sentence, INTERVENTION_CLASSES)
            if found is not None and found.start == cue.end() + through.end():
                intervention = found
                # "… to A under the X Act, and to B under the Y Law": B is the Y Law's
                limit = cue.end() + through.start()
        if intervention is None:
            continue
        cue_branches(ctx, intervention, cue.start(), cue.end(), sentence)
        for group, span in groups_after(ctx, cue.end(), sentence):
            if span.start >= limit:
                continue
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                     intervention.mention.span, span)


# Where a list of branches may start inside a coverage cue: "extends insurance against
# employment injury to", "opens the maternity and old-age branches to"
_CUE_BRANCHES = re.compile(r"\b(?:against|the|its|their)\s+")


def cue_branches(ctx: Context, intervention: Placed, start: int, end: int,
                 sentence: Span) -> bool:
    """The contingencies a coverage cue names between ``start`` and ``end`` ("extends
    insurance against employment injury to G"): the intervention covers them."""
    for opening in _CUE_BRANCHES.finditer(ctx.text, start, end):
        listed = _branch_list_end(ctx, opening.end(), sentence)
        if listed <= opening.end():
            continue
        # "against A", or "the A and B branches / insurance"; "extends old-age benefits to
        # G" is read as no statement of the contingencies (annotated so in fresh-3)
        if opening.group().startswith("against") or re.search(
                r"\b(?:branch(?:es)?|insurance)\s*$", ctx.text[opening.end() : listed]):
            _add_branches(ctx, intervention, opening.end(), sentence)
            return True
    return False


# "X (XX), set up under the Y Act 2019, was extended to G", "X, created by Law No. 5 of
# 1998, pays … to G": the law is how X was made; X is the subject
_MADE_UNDER = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:which\s+was\s+|that\s+was\s+)?"
                         r"(?:established|created|set\s+up|introduced|instituted|founded|"
                         r"governed|regulated|criad[oa]|cread[oa]|instituid[oa]|établie?|"
                         r"créée?|institué)\s+(?:under|by|in|por|pel[oa]|par|en\s+vertu\s+d[eu]|"
                         r"mediante)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|o\s+|a\s+)?")


def _made_by_aside(ctx: Context, sentence: Span, found: Placed | None) -> Placed | None:
    """The intervention an aside on how it was made follows, when ``found`` is the law
    that aside names (None when a body or fund does: it gets no coverage), else ``found``.
    ``found`` may be named in an earlier sentence ("The Fund, set up under the X Act, is
    run by Y. It covers …": "It" is the Fund, whatever the focus says)."""
    if found is None:
        return found
    start = sentence.start if found.start >= sentence.start else max(0, found.start - 300)
    earlier = ctx.in_span(Span(start, found.start), INTERVENTION_CLASSES | ORGANISATION_CLASSES)
    if earlier and _MADE_UNDER.fullmatch(ctx.text, earlier[-1].end, found.start):
        return earlier[-1] if earlier[-1].entity.cls in INTERVENTION_CLASSES else None
    return found


# "It amends the X Act and extends …", "Amending the X Act, it has covered …", "…, which
# amends Law No. 5": a law right after an amending verb is its object, never the one that
# covers (the amending law does)
_AMENDED = re.compile(r"(?i)\b(?:amended(?=\s+the\s)|amends|amending|modifies|modifying|"
                      r"revises|revising|repeals|repealing|replaces|replacing|supersedes|modifie|modifiant|"
                      r"modifica|modificando|modificó|reforma|reformando|altera|alterando|"
                      # "the Law on Amendments to the X Law" read without its head: X is
                      # what it amends, "Ley de Reforma Parcial de la Ley …" likewise
                      r"amendments?\s+to|(?:reforma|modificación|modification|alteração)"
                      r"(?:\s+parcial)?\s+(?:de|da|do|du))\s+"
                      r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?$")
# "amends the X Act, which covers …": a relative clause of the amended law is its own
_ITS_OWN = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*\d{4}\s*)?,?\s*(?:which|that|qui|que|quien)\b")


def _not_amended(ctx: Context, sentence: Span, found: Placed | None,
                 verb: int) -> Placed | None:
    """``found``, unless it is a law some mention names as the object of an amending verb
    before the coverage verb at ``verb``: then the law that amends it (the subject of
    that verb, named before it or pointed at by "It"), or None when none is known."""
    if found is None or (found.start >= sentence.start
                         and _ITS_OWN.match(ctx.text, found.end, verb) is not None):
        return found
    start = sentence.start if found.start >= sentence.start else max(0, found.start - 300)
    for named in ctx.in_span(Span(start, verb), INTERVENTION_CLASSES):
        if named.entity.iri != found.entity.iri:
            continue
        amend = _AMENDED.search(ctx.text, max(start, named.start - 40), named.start)
        if amend is None:
            continue
        if named.start >= sentence.start:
            opening = ctx.text[sentence.start : amend.start()].strip()
            # "Amending the X Act, it …": the subject after the participle is the focus
            subject = (ctx.focus if not opening else ctx.subject_before(sentence, amend.start()))
        else:  # "… adopted Law A, which amends Law B. The law covers …": A
            subject = next((p for p in reversed(ctx.in_span(Span(start, amend.start()),
                                                            INTERVENTION_CLASSES))), None)
        if (subject is None or subject.entity.cls not in INTERVENTION_CLASSES
                or subject.entity.iri == found.entity.iri):
            return None
        return subject
    return found


def amending_instead(ctx: Context, sentence: Span, found: Placed) -> Placed:
    """The law that amends ``found`` when ``found``, named in an earlier sentence, was
    named there as what it amends ("X (Amendment) Act, which amends the Y Act. The Act is
    administered by A": X), else ``found``."""
    if found.start >= sentence.start:
        return found
    return _not_amended(ctx, sentence, found, sentence.start) or found


def _subject_of(ctx: Context, sentence: Span, found: Placed | None,
                verb: int) -> Placed | None:
    """Who covers, given the intervention ``found`` named last before the verb at
    ``verb``: not a law a body was set up under, not a law being amended."""
    subject = _not_amended(ctx, sentence, _main_subject(
        ctx, sentence, _made_by_aside(ctx, sentence, found), verb), verb)
    return None if subject is not None and _generic(subject) else subject


def _generic(intervention: Placed) -> bool:
    """Whether a mention only says what kind of thing it is, in lower case ("a social
    security code covering G"): no name, so nothing the text states coverage of."""
    words = intervention.entity.label.casefold().split()
    return intervention.mention.text[:1].islower() and all(
        w in _GENERIC_MODIFIERS or w in _HEADS for w in words)


# "X amends the Y Law and extends …": Y is the object of X's first verb, X the subject
_FIRST_VERB = re.compile(r"(?:also\s+)?(?:amends|amended|replaces|replaced|repeals|repealed|"
                         r"modifies|modified|revises|revised|supersedes|complements|reforms|"
                         # "La ley modifica la Ley N° 12 y …", "La loi modifie la loi … et …"
                         r"modifica|modificó|reforma|reformó|sustituye|reemplaza|deroga|"
                         r"modifie|remplace|abroge|complète|altera|revoga|substitui)\s+"
                         r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?$")
# "… and, from 1 July 2024, covers", "y, desde el 1 de enero de 2024, cubre": a time
# adverbial between "and" and the second verb
_AND_TIME_ASIDE = (r"(?:,?\s*(?:from|since|as\s+of|with\s+effect\s+from|desde|a\s+partir\s+del?|"
                   r"à\s+compter\s+du|dès|depuis|a\s+partir\s+de)\s+[^,;()]{1,40},\s*)?")
_AND_THEN = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,?\s*(?:of|de|du|del)?\s*\d{4}\s*)?"
                       # the object's title: "amends Decree No. 5 on the organisation of the
                       # Fund (F) and covers …", "modifie le décret n° 5 portant …"
                       r"(?:\s+(?:on|relating\s+to|concerning|portant|relatif\s+à|relative\s+à|"
                       r"sur|sobre|relativ[oa]\s+a)\s+[^,;()]{1,100}?(?:\s*\([^)]*\))?)?"
                       r",?\s+(?:and|et|y|e)\s*"
                       + _AND_TIME_ASIDE + r"(?:also\s+|aussi\s+|también\s+)?$")
_AND_OTHER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*\d{4}\s*)?,?\s+and\s+(?:the\s+)?$")


def _main_subject(ctx: Context, sentence: Span, found: Placed | None,
                  verb: int) -> Placed | None:
    """The subject of the verb at ``verb``: ``found`` (the intervention named last before
    it), unless ``found`` is the object of a first verb joined by "and" to this one (then
    that verb's subject), or another body follows "and" ("… and the Ministry extends")."""
    if found is None or found.start < sentence.start:
        return found
    for other in ctx.in_span(Span(found.end, verb), ORGANISATION_CLASSES):
        if _AND_OTHER.fullmatch(ctx.text, found.end, other.start):
            return None
    if not _AND_THEN.fullmatch(ctx.text, found.end, verb):
        return found
    first = _FIRST_VERB.search(ctx.text, sentence.start, found.start)
    if first is None or first.end() != found.start:
        return found
    return ctx.subject_before(sentence, first.start())


@rule("promotes-protection-for", family="coverage")
def promotes_protection_for(ctx: Context, sentence: Span) -> None:
    """"The X programme to promote social protection for informal economy workers",
    "X … englobes eleven actions to extend social security to domestic workers": the
    intervention named right before the purpose, or the subject that states it as its aim."""
    pattern = (r"\bto\s+(?:promote|extend|provide|expand|improve)\s+social\s+"
               r"(?:protection|security)(?:\s+coverage)?\s+(?:for|to)\s+(?:all\s+)?")
    for cue in ctx.cues(pattern, sentence):
        intervention = ctx.subject_before(sentence, cue.start())
        if intervention is None:
            continue
        gap = ctx.text[intervention.end : cue.start()]
        if ctx.in_span(Span(intervention.end, cue.start())) or not (
                re.fullmatch(r"[\s’'\")]*(?:\([^)]*\)[\s’'\"]*)?"
                             r"(?:programme|scheme|policy|strategy|law|initiative)?\s*", gap)
                or re.search(r"\b(?:aims?|seeks?|englobes?|includes?|comprises?|contains?|"
                             r"sets?\s+out|designed|intended)\b", gap)):
            continue  # another entity, or a purpose that is not the intervention's
        for group, span in groups_after(ctx, cue.end(), sentence):
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                     intervention.mention.span, span)


@rule("avail-with-anaphor", family="coverage")
def avail_with_anaphor(ctx: Context, sentence: Span) -> None:
    """"With this card, workers in the formal and informal economy, will avail social
    security benefits": the card is the intervention named last in the section."""
    opening = re.match(r"\s*With\s+(?:this|the|that)\s+(\w+)\s*,\s*",
                       ctx.text[sentence.start : sentence.end])
    if opening is None:
        return
    intervention = ctx.referent(opening.group(1), INTERVENTION_CLASSES)
    if intervention is None:
        return
    start = sentence.start + opening.end()
    verb = re.search(r",?\s*(?:will|can|shall|may|could|would)?\s*(?:be\s+able\s+to\s+)?"
                     r"(?:avail|receive|access|get|enjoy|obtain)\b[^.;]*?\b(?:benefits?|"
                     r"coverage|protection|pensions?|allowances?)\b",
                     ctx.text[start : sentence.end])
    if verb is None:
        return
    end = start + verb.start()
    words = Span(start, end)
    phrases = distributed(ctx.text[start:end])
    groups = ([group_named(ctx, p, sentence, words) for p in phrases] if phrases else
              [found[0] if (found := read_group(ctx, start, end, sentence)) else None])
    for group in groups:
        if group is not None:
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                     intervention.mention.span, words)


def group_named(ctx: Context, phrase: str, sentence: Span, words: Span) -> URIRef | None:
    """A group whose name is not written out as such ("workers in the formal economy" of
    "workers in the formal and informal economy"): the reference concept, or a new one."""
    if not GROUP_HEADS.search(phrase):
        return None
    known = ctx.gazetteer.lookup(phrase, {SPKG.PopulationGroup})
    if known is None:
        return minted_group(ctx, phrase, sentence, words)
    ctx.add(known.iri, RDF.type, SPKG.PopulationGroup, sentence, words)
    return known.iri


@rule("opened-to", family="coverage")
def opened_to(ctx: Context, sentence: Span) -> None:
    """"The SSF opened its Contribution-Based Scheme to self-employed workers …"."""
    for cue in ctx.cues(r"\bopen(?:s|ed)\s+(?:up\s+)?(?:its\s+|the\s+|their\s+)?", sentence):
        intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        opened = intervention
        if _opened_branches(ctx, sentence, cue, intervention):
            continue
        if intervention is None or intervention.start != cue.end():
            # "The X Act, 2018 opened the NSSF to self-employed persons": the fund is opened
            # by the law, whose coverage it is
            opened = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
            intervention = ctx.before(sentence, cue.start(), INTERVENTION_CLASSES)
            if opened is None or opened.start != cue.end() or intervention is None or not (
                    re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,\s*\d{4}\s*)?(?:has\s+|have\s+)?",
                                 ctx.text[intervention.end : cue.start()])):
                continue
        if opened is None:
            continue
        to = re.match(r"\s*(?:\([^)]*\)\s*)?to\s+", ctx.text[opened.end : sentence.end])
        if to is None:
            continue
        for group, span in groups_after(ctx, opened.end + to.end(), sentence):
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                     intervention.mention.span, span)


def _opened_branches(ctx: Context, sentence: Span, cue: re.Match[str],
                     intervention: Placed | None) -> bool:
    """"It opens the maternity, employment injury and old-age branches to G": the subject
    covers the groups, and the branches (not for "opens old-age benefits to G", which
    fresh-3 reads as no statement of the contingencies). Whether the cue was read so."""
    listed = _branch_list_end(ctx, cue.end(), sentence)
    to_after = re.match(r"\s*(?:branch(?:es)?|insurance|benefits?)?\s*to\s+",
                        ctx.text[listed : sentence.end]) if listed > cue.end() else None
    if to_after is None or (intervention is not None and intervention.start < listed):
        return False
    subject = _main_subject(ctx, sentence, ctx.subject_before(sentence, cue.start()),
                            cue.start())
    if subject is None:
        return True
    if re.search(r"\b(?:branch(?:es)?|insurance)\s*$",
                 ctx.text[cue.end() : listed + to_after.start()]):
        _add_branches(ctx, subject, cue.end(), sentence)
    for group, span in groups_after(ctx, listed + to_after.end(), sentence):
        ctx.add(subject.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                subject.mention.span, span)
    return True


@rule("covers", family="coverage")
def covers(ctx: Context, sentence: Span) -> None:
    """"It covers tailors, market traders and fishers", "… Programme covers all children"
    (a number after the verb is a coverage figure, read by coverage_figures)."""
    for cue in ctx.cues(r"\b(?:covers|covering|will\s+cover|now\s+covers|"
                         # "Amending the X Act, it has covered G since …"
                         r"(?:has|have)\s+(?:also\s+|now\s+)?covered|"
                         r"(?<!\bto\s)(?<!\bnot\s)(?<!\bmay\s)(?<!\bcan\s)(?<!could\s)(?<!would\s)"
                         r"(?<!might\s)(?<!\bdo\s)(?<!should\s)cover(?!\s+(?:to|for|of|under|in)\b))"
                         r"\s+(?:all\s+)?", sentence):
        # "The Fund (F), established under the X Act, covers …": the Fund, not the Act
        verb = _before_aside(ctx, sentence, cue.start())
        intervention = _subject_of(ctx, sentence, ctx.subject_before(sentence, verb), verb)
        if intervention is None or re.match(r"\s*(?:about|some|over|more|almost|nearly)?\s*\d",
                                            ctx.text[cue.end() : sentence.end]):
            continue
        start = _after_branches(ctx, cue.end(), sentence)
        for group, span in groups_after(ctx, start, sentence) if start is not None else ():
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                     intervention.mention.span, span)


def _after_branches(ctx: Context, position: int, sentence: Span) -> int | None:
    """Where the people covered are named after a verb at ``position``: right there, or
    after the contingencies it names first ("covers medical care for G"), else None (the
    contingencies alone, read by covers_branches)."""
    listed = _branch_list_end(ctx, position, sentence)
    if listed == position:
        return position
    after = re.match(r"\s+for\s+(?:all\s+)?", ctx.text[listed : sentence.end])
    return listed + after.end() if after else None


_RISK_CUES = re.compile(r"\b(?:against|for|contra|por|para)\s+")


@rule("covers-against", family="coverage")
def covers_against(ctx: Context, sentence: Span) -> None:
    """"The X Act covers employees … against old age, invalidity and sickness": each
    contingency (a C102 branch, by any of its names) listed after "against"."""
    # "The X Regulations … cover employees": a plural subject's verb, not "to cover costs"
    for cue in ctx.cues(r"\b(?:covers|covered|insures|insured|protects|protected|"
                         r"(?<!\bto\s)cover(?!\s+(?:to|for|of|under|in)\b)|cubre|cubren|cobre|cobrem)\b",
                        sentence):
        # "covers A for sickness and old age", "cubre a A por vejez": "for" opens a list of
        # risks only when a C102 branch follows it (_add_branches stops at the first non-one)
        # the first cue a branch follows: "trabajadores independientes for old age"
        against = next((m for m in _RISK_CUES.finditer(ctx.text, cue.end(), sentence.end)
                        if _branch_list_end(ctx, m.end(), sentence) > m.end()), None)
        if against is None or not same_clause(ctx.text, cue.end(), against.start()):
            continue
        verb = _before_aside(ctx, sentence, cue.start())
        intervention = _subject_of(ctx, sentence, ctx.subject_before(sentence, verb), verb)
        if intervention is None:
            continue
        if ctx.text[cue.start():cue.end()].startswith("insured") and ctx.in_span(
                Span(intervention.end, cue.start()), ORGANISATION_CLASSES):
            continue  # "join the Fund, where they are insured for …": the Fund insures them
        _add_branches(ctx, intervention, against.end(), sentence)


@rule("covers-branches", family="coverage")
def covers_branches(ctx: Context, sentence: Span) -> None:
    """"The fund covers old age and unemployment": a list of C102 branches right
    after the verb (no "against") is what the intervention covers."""
    for cue in ctx.cues(r"\b(?:covers|insures|will\s+cover|now\s+covers)\s+", sentence):
        verb = _before_aside(ctx, sentence, cue.start())
        intervention = _subject_of(ctx, sentence, ctx.subject_before(sentence, verb), verb)
        if intervention is not None:
            _add_branches(ctx, intervention, cue.end(), sentence)


def _add_branches(ctx: Context, intervention: Placed, position: int, sentence: Span) -> None:
    """Each contingency of the list starting at ``position``, up to the first item that
    names none (where the list ends)."""
    while (item := _CONTINGENCY_ITEM.match(ctx.text, position, sentence.end)) is not None:
        branch = _branch(ctx, item.group(1))
        if branch is None:
            break  # the list ended
        ctx.add(intervention.entity.iri, SPKG.coversContingency, branch.iri, sentence,
                intervention.mention.span, Span(item.start(1), item.end(1)))
        if item.group(2) in {".", ";", ""}:
            break
        position = item.end()


def _branch_list_end(ctx: Context, position: int, sentence: Span) -> int:
    """Where the list of contingencies starting at ``position`` ends (its last branch)."""
    end = position
    while (item := _CONTINGENCY_ITEM.match(ctx.text, position, sentence.end)) is not None:
        if _branch(ctx, item.group(1)) is None:
            break
        end = item.end(1)
        if item.group(2) in {".", ";", ""}:
            break
        position = item.end()
    return end


# What texts call a C102 contingency besides the names of c102-branches.ttl: the events the
# Convention's Parts describe (death of the breadwinner, loss of work, accidents at work) and
# the Portuguese branch names (Convention No. 102, official Portuguese text). Each maps to the
# English prefLabel, looked up in the gazetteer.
_BRANCH_WORDS: dict[str, str] = {
    "death": "Survivors", "loss of a breadwinner": "Survivors",
    "loss of the breadwinner": "Survivors", "décès": "Survivors", "muerte": "Survivors",
    "fallecimiento": "Survivors", "morte": "Survivors", "sobrevivência": "Survivors",
    "sobrevivencia": "Survivors",
    "loss of work": "Unemployment", "loss of employment": "Unemployment",
    "job loss": "Unemployment", "perte d'emploi": "Unemployment",
    "desemprego": "Unemployment",
    "work accidents": "Employment injury", "accidents at work": "Employment injury",
    "occupational accidents": "Employment injury", "work-related injuries": "Employment injury",
    "work-related injury": "Employment injury", "work injuries": "Employment injury",
    "occupational injuries": "Employment injury", "employment injuries": "Employment injury",
    # C102 Part VI covers "a morbid condition" from employment: occupational diseases
    "occupational diseases": "Employment injury", "occupational disease": "Employment injury",
    "occupational hazards": "Employment injury", "maladies professionnelles": "Employment injury",
    "enfermedades profesionales": "Employment injury",
    "doenças profissionais": "Employment injury",
    "accidents du travail": "Employment injury", "accidentes de trabajo": "Employment injury",
    "riesgos profesionales": "Employment injury", "riesgos del trabajo": "Employment injury",
    "acidentes de trabalho": "Employment injury",
    "pension": "Old age", "velhice": "Old age", "retraite": "Old age", "jubilación": "Old age",
    "aposentadoria": "Old age", "doença": "Sickness", "maternidade": "Maternity",
    "cuidados de saúde": "Medical care", "cuidados médicos": "Medical care",
}


# An article before a branch's name and a benefit noun after it ("la vieillesse",
# "survivors' benefits", "prestaciones de vejez") name the branch itself.
_BRANCH_ARTICLE = re.compile(r"(?i)^(?:the|la|le|les|l['’]|el|los|las|a|o|as|os)\s*(?<=\s|['’])")
_BENEFIT_NOUN = re.compile(r"(?i)\s+(?:benefits?|pensions?|insurance|allowances?|grants?|"
                          r"branch(?:es)?)$")


def _branch(ctx: Context, name: str) -> Entry | None:
    """The C102 contingency ``name`` names, by a label of the branch or a word for it."""
    found = _branch_named(ctx, name)
    if found is None:
        bare = _BENEFIT_NOUN.sub("", _BRANCH_ARTICLE.sub("", name.strip()))
        found = _branch_named(ctx, bare) if bare and bare != name.strip() else None
    return found


def _branch_named(ctx: Context, name: str) -> Entry | None:
    found = ctx.gazetteer.lookup(name, {SPKG.Contingency})
    if found is None and (label := _BRANCH_WORDS.get(name.strip().casefold())):
        found = ctx.gazetteer.lookup(label, {SPKG.Contingency})
    return found


@rule("branch-benefits", family="coverage")
def branch_benefits(ctx: Context, sentence: Span) -> None:
    """"The scheme provides old-age, invalidity and survivors' pensions": each C102 branch
    named before the benefit noun is one the intervention covers."""
    for cue in _BRANCH_BENEFITS.finditer(ctx.text, sentence.start, sentence.end):
        names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", cue.group(1))
        branches = [_branch(ctx, name) for name in names]
        if not all(branches):
            continue  # "provides cash and in-kind benefits": not a list of branches
        found = ctx.subject_before(sentence, cue.start())
        to = re.match(r"\s+to\s+", ctx.text[cue.end() : sentence.end])
        if found is None:
            paid = [b for b in branches if b is not None]
            if to is not None:
                _paid_under(ctx, cue, paid, cue.end() + to.end(), sentence)
            else:  # "The Fund pays old-age pensions through the X Programme"
                _paid_through(ctx, cue, paid, sentence)
            continue
        intervention = _subject_of(ctx, sentence, found, cue.start())
        if intervention is None:
            continue  # "The Fund, set up under the X Act, provides …": a body pays
        words = Span(cue.start(1), cue.end(1))
        for branch in branches:
            assert branch is not None
            ctx.add(intervention.entity.iri, SPKG.coversContingency, branch.iri, sentence,
                    intervention.mention.span, words)
        if to is not None:  # "… which pays old-age and survivors' pensions to farmers"
            for group, span in groups_after(ctx, cue.end() + to.end(), sentence):
                ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                        intervention.mention.span, span)


@rule("benefits-for-branches", family="coverage")
def benefits_for_branches(ctx: Context, sentence: Span) -> None:
    """"The Code provides benefits for loss of work, loss of a breadwinner and maternity":
    the contingencies listed after "benefits for" are the intervention's."""
    for cue in _BENEFITS_FOR.finditer(ctx.text, sentence.start, sentence.end):
        intervention = _subject_of(ctx, sentence, ctx.subject_before(sentence, cue.start()),
                                   cue.start())
        if intervention is not None:
            _add_branches(ctx, intervention, cue.end(), sentence)


@rule("insured-for-branches", family="coverage")
def insured_for_branches(ctx: Context, sentence: Span) -> None:
    """"The X Law lets employers register farm hands, so that they are insured for pension,
    disability and employment injury": the branches are those of the intervention the
    clause's subject names before."""
    for cue in _INSURED_FOR.finditer(ctx.text, sentence.start, sentence.end):
        intervention = ctx.subject_before(sentence, cue.start())
        if intervention is not None and not ctx.in_span(Span(intervention.end, cue.start()),
                                                        ORGANISATION_CLASSES):
            _add_branches(ctx, intervention, cue.end(), sentence)


_INSURED_FOR = re.compile(
    r"\b(?:they|who)\s+(?:are|were|will\s+be|become|became)\s+(?:now\s+|also\s+)?"
    r"(?:insured|covered)\s+(?:for|against)\s+(?:the\s+)?")
_BENEFITS_FOR = re.compile(
    r"\b(?:pays|provides|offers|grants)\s+(?:cash\s+|monthly\s+)?(?:benefits|pensions)\s+"
    r"(?:for|in\s+(?:the\s+)?(?:case|event)\s+of)\s+")


def _paid_under(ctx: Context, cue: re.Match[str], branches: list[Entry], position: int,
                sentence: Span) -> None:
    """"The Fund pays old-age pensions to miners under the Mining Act, and to civil servants
    under the Civil Service Law": a body pays, so each law after "under" covers the
    contingencies and the groups listed before it."""
    if ctx.before(sentence, cue.start(), ORGANISATION_CLASSES) is None:
        return  # no body pays: the subject is something else
    for piece in _TO_UNDER.finditer(ctx.text, position, sentence.end):
        law_start = piece.end()
        intervention = ctx.after(law_start, sentence, INTERVENTION_CLASSES)
        if intervention is None or intervention.start != law_start:
            continue
        clause = Span(sentence.start, piece.end(1))
        for branch in branches:
            ctx.add(intervention.entity.iri, SPKG.coversContingency, branch.iri, sentence,
                    intervention.mention.span, Span(cue.start(1), cue.end(1)))
        for group, span in groups_after(ctx, piece.start(1), clause):
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                    intervention.mention.span, span)


def _paid_through(ctx: Context, cue: re.Match[str], branches: list[Entry],
                  sentence: Span) -> None:
    """"The Fund pays old-age and survivors' pensions through the X Programme": a body
    pays, so the scheme or law right after "through"/"under" covers those contingencies."""
    if ctx.before(sentence, cue.start(), ORGANISATION_CLASSES) is None:
        return
    # "through the programa de Vejez, …": a lowercase head word may stand before the name
    # (the name may or may not take it in)
    through = re.match(r"\s+(?:under|through)\s+(?:the\s+)?(?P<head>(?:programa|programme|"
                       r"program|r[ée]gimen?|scheme|seguro|assurance)\s+"
                       r"(?:(?:de|del|du|des|of)\s+)?)?", ctx.text[cue.end() : sentence.end])
    if through is None:
        return
    starts = {cue.end() + through.end(), cue.end() + (through.start("head") if through["head"]
                                                     else through.end())}
    intervention = ctx.after(min(starts), sentence, INTERVENTION_CLASSES)
    if intervention is None or intervention.start not in starts:
        return
    for branch in branches:
        ctx.add(intervention.entity.iri, SPKG.coversContingency, branch.iri, sentence,
                intervention.mention.span, Span(cue.start(1), cue.end(1)))


@rule("branch-benefits-paid-under", family="coverage")
def branch_benefits_paid_under(ctx: Context, sentence: Span) -> None:
    """"Unemployment benefits are paid by the Employment Service under the X Law": a body
    pays them, so the law (or scheme) after "under" covers those contingencies."""
    for cue in _PAID_BY_UNDER.finditer(ctx.text, sentence.start, sentence.end):
        names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", cue.group(1))
        branches = [_branch(ctx, name) for name in names]
        # "… the Health Fund, and unemployment benefits": the list is the branches at its end
        while branches and branches[0] is None:
            branches.pop(0)
        body = ctx.in_span(Span(cue.start("body"), cue.end("body")))
        if not branches or not all(branches) or not body or (
                body[0].entity.cls not in ORGANISATION_CLASSES):
            continue
        intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        if intervention is None or intervention.start != cue.end():
            continue
        for branch in branches:
            assert branch is not None
            ctx.add(intervention.entity.iri, SPKG.coversContingency, branch.iri, sentence,
                    intervention.mention.span, Span(cue.start(1), cue.end(1)))


_PAID_BY_UNDER = re.compile(
    r"\b((?:[\w’'-]+(?:\s*,\s*(?:and\s+)?|\s+and\s+)){0,5}[\w’'-]+)\s+(?:pensions|benefits)\s+"
    r"(?:are|is|were|will\s+be)\s+(?:paid|provided|granted|administered)\s+by\s+"
    r"(?P<body>[^,;]{2,120}?)\s+(?:under|through)\s+(?:the\s+)?")


# "to G under the L" and each ", and to H under the M" after it (G may be a list: "to
# employees, farmers and self-employed persons under the L")
_TO_UNDER = re.compile(r"(?:(?<=\bto\s)|,?\s+and\s+to\s+|,\s*to\s+)([^;]*?)"
                       r"\s+(?:under|through)\s+(?:the\s+)?")
_BRANCH_BENEFITS = re.compile(
    # "adds unemployment and old-age benefits", "allows G to receive sickness benefits"
    r"\b(?:pays|paid|provides|provided|offers|grants|adds|added|introduces|introduced|"
    r"receive|receives)\s+"
    # items of one or two words ("sickness and employment injury benefits")
    r"((?:[\w’'-]+(?:\s[\w’'-]+)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)){0,5}[\w’'-]+"
    r"(?:\s[\w’'-]+)?)\s+(?:pensions|benefits)\b")


# One item of a list: "the loss of a job, " / "sickness and " / "maternity."; the
# last item may run into whom it is for ("… and employment injury for artisans"), which
# ends the list ("" as its separator)
_CONTINGENCY_ITEM = re.compile(r"(?:the\s+)?([^,;.()]+?)\s*(,\s*(?:and\s+|or\s+|et\s+|y\s+|e\s+)?|"
                               r"\s+and\s+|\s+or\s+|\s+(?:et|y|e|ou|o)\s+|[.;]|$|"
                               r"(?=\s+(?:for|to|among|by|under|through)\s))")


def _before_aside(ctx: Context, sentence: Span, position: int) -> int:
    """Where the subject of the verb at ``position`` ends when an aside on how it was made
    stands between them (", established under the X Act,", ", created by Decree No. 5,")."""
    aside = re.search(r",\s*(?:which\s+was\s+|that\s+was\s+)?(?:established|created|set\s+up|"
                      r"introduced|instituted|governed|regulated|founded)\s+(?:under|by|in)\b"
                      r"[^,;]*,\s*$", ctx.text[sentence.start : position])
    return sentence.start + aside.start() if aside else position


@rule("coverage-figures", family="coverage")
def coverage_figures(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\b(?:supports?|covers?|reach(?:es)?|benefits?)\b", sentence):
        intervention = ctx.subject_before(sentence, cue.start())
        if intervention is None:
            continue
        numbers = find_numbers(ctx.text[cue.end() : sentence.end], cue.end())
        years = {d.span for d in find_dates(ctx.text[cue.end() : sentence.end], cue.end())}
        for number in numbers:
            if number.span in years or number.value < 100:
                continue
            if re.search(r"[;]|\b(?:while|whereas|but)\b",
                         ctx.text[cue.end() : number.span.start]) or ctx.in_span(
                    Span(cue.end(), number.span.start),
                    ORGANISATION_CLASSES | INTERVENTION_CLASSES):
                continue  # "X covers A, while the Fund pays pensions to 3.5 million people"
            phrase_end = GROUP_STOP.search(ctx.text, number.span.end, sentence.end)
            if _UNITS_OF.match(ctx.text, number.span.end, sentence.end):
                continue  # "8,500 households of herders and farmers": households counted
            found = read_group(ctx, number.span.end, phrase_end.start() if phrase_end else
                               sentence.end, sentence)
            if found is None:
                continue
            group, group_label, span = found
            figure = mint("coverage", f"{ctx.document_slug()} {group_label}")
            ctx.add(figure, RDF.type, SPKG.CoverageFigure, sentence, number.span)
            ctx.add(figure, RDFS.label, Literal(
                f"{number.value:,} {group_label}", lang="en"), sentence, number.span)
            ctx.add(figure, SPKG.personsCovered, Literal(number.value, datatype=XSD.integer),
                     sentence, number.span)
            ctx.add(figure, SPKG.populationGroup, group, sentence, span)
            ctx.add(intervention.entity.iri, SPKG.hasCoverageFigure, figure, sentence,
                     intervention.mention.span, number.span)


# "X covers about 21 million low-income families", "X reached 200,000 rural households": the
# people counted are X's coverage too (stated, not planned: no "will")
_COUNTED = re.compile(r"(?<!\bwill\s)(?<!\bto\s)(?<!would\s)\b(?:covers|covered|reaches|reached)\s+"
                      r"(?:about|some|over|around|nearly|almost|more\s+than|approximately)?\s*"
                      r"\d[\d.,]*\s*(?:million\s+|thousand\s+)?")


_COUNTED_STOP = re.compile(GROUP_STOP.pattern + r"|\s+with\b|\s+across\b|\s+each\b",
                           re.IGNORECASE)


@rule("covers-counted", family="coverage")
def covers_counted(ctx: Context, sentence: Span) -> None:
    """"The X Programme covers about 2 million poor families": X covers those families."""
    for cue in _COUNTED.finditer(ctx.text, sentence.start, sentence.end):
        intervention = _main_subject(ctx, sentence, ctx.subject_before(sentence, cue.start()),
                                     cue.start())
        if intervention is None or _UNITS_OF.match(ctx.text, cue.end() - 1, sentence.end):
            continue
        stop = _COUNTED_STOP.search(ctx.text, cue.end(), sentence.end)
        end = stop.start() if stop else sentence.end
        if len(ctx.text[cue.end() : end].split()) < 2:
            continue  # "reached 68,000 households": whose households, the text does not say
        found = read_group(ctx, cue.end(), end, sentence)
        if found is not None:
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, found[0], sentence,
                    intervention.mention.span, found[2])


# A figure that counts units of the groups named after it, not one group.
_UNITS_OF = re.compile(r"\s+(?:households|families|members|dependants)\s+of\b")


def groups_after(ctx: Context, position: int, sentence: Span) -> list[tuple[URIRef, Span]]:
    """Population groups listed after "to": "to ‘Construction Workers’ (…), and to …"."""
    found: list[tuple[URIRef, Span]] = []
    rest = ctx.text[position : sentence.end]
    pieces = re.split(r",?\s+and\s+to\s+|,\s*to\s+", rest)
    offset = position
    for piece in pieces:
        start = offset + (len(piece) - len(piece.lstrip()))
        # "domestic workers for sickness and old age": the risks end the group
        piece_end = _before_risks(ctx, start, offset + len(piece), sentence)
        stop = GROUP_STOP.search(ctx.text, start, piece_end)
        end = stop.start() if stop else piece_end
        # "workers of micro, small and medium-sized enterprises": the commas join the
        # modifiers of one noun, not groups
        shared = _SHARED_NOUN.match(ctx.text, end, piece_end)
        if shared is not None:
            end = shared.end()
        listed = [] if shared is not None else listed_groups(ctx, start, piece_end, sentence)
        group = read_group(ctx, start, end, sentence) if not listed else None
        if group is not None:
            found.append((group[0], group[2]))
        found += listed
        offset += len(piece)
        separator = re.match(r",?\s+and\s+to\s+|,\s*to\s+", ctx.text[offset : sentence.end])
        offset += separator.end() if separator else 0
    return found


_SHARED_NOUN = re.compile(r"(?:,\s*[a-z][\w-]*){1,3},?\s+(?:and|or)\s+[a-z][\w-]*\s+"
                          r"(?:enterprises|firms|companies|businesses|farms|employers)\b")
_RISKS_CUE = re.compile(r"\s+(?:for|against|por|contra)\s+")


def _before_risks(ctx: Context, start: int, end: int, sentence: Span) -> int:
    """Where a list of C102 branches after "for"/"against" starts between ``start`` and
    ``end`` (its cue), else ``end``."""
    for cue in _RISKS_CUE.finditer(ctx.text, start, end):
        if _branch_list_end(ctx, cue.end(), sentence) > cue.end():
            return cue.start()
    return end


def listed_groups(ctx: Context, start: int, end: int, sentence: Span) -> list[tuple[URIRef, Span]]:
    """"tailors, market traders and fishers in the informal economy": each item a group,
    or none at all (a list with anything else in it is not read as groups); "and their
    families" ends the list."""
    # "A and, from July 2024, B": the date aside is no item (blanked, offsets kept)
    masked = _TIME_ASIDE.sub(lambda m: " " * len(m.group()), ctx.text[start:end])
    # "persons aged 65 and over, children …": the age's "and" joins no items
    masked = _AGE_AND_OVER.sub(lambda m: m.group(1) + "_" * (len(m.group()) - len(m.group(1))),
                               masked)
    closing = _LIST_END.search(masked)
    text = masked[: closing.start()] if closing else masked  # "A, B and C against old age"
    item_pattern = re.compile(r"[^,]+?(?=\s*,\s*(?:and\s+)?|\s+and\s+|$)")
    items = [(m.start(), m.end()) for m in item_pattern.finditer(text)]
    pieces: list[tuple[int, int]] = []
    closed = False  # "A, B and C, and introduces …": the list ended at its last "and"
    previous_end = 0
    for item_start, item_end in items:
        item = text[item_start:item_end]
        if closed and "," in text[previous_end:item_start]:
            break
        closed = closed or re.match(r"\s*(?:,\s*)?and\s", item) is not None
        previous_end = item_end
        stripped = re.sub(r"^\s*(?:,\s*)?(?:and\s+)?(?:including\s+|such\s+as\s+|notably\s+|"
                          r"in\s+particular\s+)?", "", item)
        lead = len(item) - len(stripped)
        if re.match(r"(?:their|its|his|her)\b|(?:offers|provides|gives|grants|extends|"
                    r"allows|pays|covers|opens|ensures|guarantees|makes|enrols|registers)\s",
                    stripped):  # "… and offers membership to …": a new verb, not a group
            break
        pieces.append((start + item_start + lead, start + item_end))
    if len(pieces) < 2 or not all(GROUP_HEADS.search(ctx.text[a:b])
                                  or _whole_group(ctx, a, b) for a, b in pieces):
        return []
    found: list[tuple[URIRef, Span]] = []
    for piece_start, piece_end in pieces:
        stop = GROUP_STOP.search(ctx.text, piece_start, piece_end)
        group = read_group(ctx, piece_start, stop.start() if stop else piece_end, sentence)
        if group is None:
            return found
        found.append((group[0], group[2]))
    return found


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_TIME_ASIDE = re.compile(r",\s*(?:from|since|as\s+of|starting(?:\s+(?:from|in))?|in|by|until)\s+"
                         r"(?:\d{1,2}\s+)?(?:(?:" + _MONTHS + r")\s+)?\d{4}\s*,")
_AGE_AND_OVER = re.compile(r"(\d{2}\s+)(?:and|or)\s+(?:over|above|older|more)\b")
# What ends a list of groups: the risks, the channel or the time that follow it.
_LIST_END = re.compile(r"\s*(?:[;(]|\.(?:\s|$)|\b(?:against|through|via|since|from|"
                       r"who|which|on\s+an?\s+[\w-]+\s+basis|"
                       # "… aged 70 and over under the X Scheme", not "children under five"
                       r"under(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"eleven|twelve|fifteen|eighteen)\b))\b)")


def _whole_group(ctx: Context, start: int, end: int) -> Placed | None:
    """The population-group mention the words from ``start`` to ``end`` are, but for an
    article ("the self-employed"), if they are one."""
    for placed in ctx.in_span(Span(start, end), {SPKG.PopulationGroup}):
        if (re.fullmatch(r"[\s‘’'\"“”]*(?:the\s+|all\s+)?", ctx.text[start : placed.start])
                and re.fullmatch(r"[\s‘’'\"“”]*", ctx.text[placed.end : end])):
            return placed
    return None


def _group_from(ctx: Context, start: int, end: int) -> Placed | None:
    """The population-group mention that starts where the words from ``start`` do (but
    for an article) and runs at least to ``end``."""
    for placed in ctx.overlapping(Span(start, max(end, start + 1)), {SPKG.PopulationGroup}):
        if placed.end > end and re.fullmatch(r"[\s‘’'\"“”]*(?:the\s+|all\s+)?",
                                              ctx.text[start : placed.start]):
            return placed
    return None


def _group_of_place(ctx: Context, start: int, end: int) -> Placed | None:
    """The group mention the words are but for the place after it ("fishers of Eastport",
    "farmers in Lowland Province"): where they live is not part of the group's name."""
    for placed in ctx.in_span(Span(start, end), {SPKG.PopulationGroup}):
        if not re.fullmatch(r"[\s‘’'\"“”]*(?:the\s+|all\s+)?", ctx.text[start : placed.start]):
            continue
        of = re.match(r"\s+(?:of|in|from)\s+(?:the\s+)?", ctx.text[placed.end : end])
        if of is None:
            continue
        place = ctx.after(placed.end + of.end(), Span(start, end), PLACE_CLASSES)
        if place is not None and place.start == placed.end + of.end() and re.fullmatch(
                r"[\s‘’'\"“”]*", ctx.text[place.end : end]):
            return placed
    return None


def read_group(ctx: Context, start: int, end: int,
               sentence: Span) -> tuple[URIRef, str, Span] | None:
    whole = _group_from(ctx, start, end) or (
        _whole_group(ctx, start, end) if not GROUP_HEADS.search(ctx.text[start:end])
        else _group_of_place(ctx, start, end))
    if whole is not None:
        # "the self-employed", "children under six in rural households": the group the
        # entity stage read there, whole, not the words up to the first "in" or "under"
        return whole.entity.iri, whole.entity.label.casefold(), whole.mention.span
    phrase = ctx.text[start:end].strip().strip("‘’'\"“”").strip()
    # "migrant workers returning (from Thailand)": a participle cut from its complement
    # by GROUP_STOP is no part of the name
    phrase = re.sub(r"(?<=[a-z])\s+[a-z]{3,}ing$", "", phrase) if GROUP_HEADS.search(
        re.sub(r"\s+[a-z]{3,}ing$", "", phrase)) else phrase
    lead = len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip(" ‘'\"“"))
    if not phrase or not GROUP_HEADS.search(phrase) or len(phrase.split()) > 12:
        return None
    if re.match(r"(?:more\s+than|over|about|some|nearly|almost|up\s+to|at\s+least)?\s*\d",
                phrase):
        return None  # "more than 4 million people": a figure, read by coverage_figures
    span = Span(start + lead, start + lead + len(phrase))
    known = ctx.gazetteer.lookup(phrase, {SPKG.PopulationGroup})
    sector = re.match(r"\s+in\s+the\s+([\w -]+?\s+(?:sector|economy))\b",
                      ctx.text[end : sentence.end])
    if known is None and sector is not None and not re.search(
            r"(?:,|\band|\bor)\s*$", ctx.text[max(0, start - 6) : start]):
        # "workers in the Agriculture sector"; but "A, B and farmers in the informal
        # economy": the whole list's economy, not the last item's
        phrase = f"{phrase} in the {sector.group(1)}"
        span = Span(span.start, end + sector.end())
        known = ctx.gazetteer.lookup(phrase, {SPKG.PopulationGroup})
    elif phrase.casefold() == "workers":
        return None
    if known is not None:
        ctx.add(known.iri, RDF.type, SPKG.PopulationGroup, sentence, span)
        return known.iri, known.label.casefold(), span
    return minted_group(ctx, phrase, sentence, span), lower_phrase(phrase), span


def minted_group(ctx: Context, phrase: str, sentence: Span, words: Span) -> URIRef:
    label = lower_phrase(phrase)
    iri = mint("population-group", label)
    ctx.add(iri, RDF.type, SPKG.PopulationGroup, sentence, words)
    ctx.add(iri, RDFS.label, Literal(label, lang="en"), sentence, words)
    return iri


@rule("named-in-lowercase", family="coverage")
def named_in_lowercase(ctx: Context, sentence: Span) -> None:
    """"A voluntary savings scheme in Sarawak", "the domestic workers' law": named by what
    they are, so they are kept only where the sentence places them."""
    pattern = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z][\w’'-]*\s+){1,3}?)(scheme|law)\b")
    lead = re.match(r"\s*(?:In\s+)?([A-Z][\w ]+?)(?:\s+Province)?\s+(?:announced|shared|is)",
                    ctx.text[sentence.start : sentence.end])
    for match in pattern.finditer(ctx.text, sentence.start, sentence.end):
        modifiers = match.group(1).split()
        if set(m.casefold() for m in modifiers) & _GENERIC_MODIFIERS:
            continue
        near = re.match(r"\s+in\s+([A-Z]\w+)", ctx.text[match.end() : sentence.end])
        place_name = near.group(1) if near else (lead.group(1) if lead else None)
        place = ctx.gazetteer.lookup(place_name, PLACE_CLASSES) if place_name else None
        if place is None:
            continue
        name = f"{match.group(1)}{match.group(2)}"
        cls = SPKG.Scheme if match.group(2) == "scheme" else SPKG.Law
        kind = "programme" if cls == SPKG.Scheme else "law"
        iri = mint(kind, f"{name} {place.label}")
        words = Span(match.start(1), match.end())
        label = f"{name} ({place.label})"
        ctx.add(iri, RDF.type, cls, sentence, words)
        ctx.add(iri, RDFS.label, Literal(label, lang="en"), sentence, words)
        ctx.add(iri, SPKG.locatedIn, place.iri, sentence, words)


# Verbs by which an intervention reaches people, written between it and the group it
# reaches ("extends maternity cover to", "has paid a pension to all", "reached about 1.3
# million", "allows", "for"); "by", "with" and "from" introduce someone else.
_REACHES = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:"
    r"for\s+"  # "the X Scheme (XS) for persons aged 65 and over"
    # "the Tawfir Rural social security scheme for …": the name's own head word, then "for"
    r"|\s+(?:[a-z][\w-]*\s+){0,3}(?:scheme|programme|benefit|allowance|pension|insurance|"
    r"grant|regime)\s+for\s+"
    # "X is a universal, tax-financed benefit for …", "X (XX), a monthly transfer for …":
    # what it is, said by a copula or an apposition, then whom it is for
    r"|(?:,\s*|\s+(?:is|was|are|were|remains)\s+)(?:an?|the)\s+(?:[\w-]+,?\s+){0,4}?"
    r"(?:scheme|programme|benefit|allowance|pension|insurance|grant|regime|transfer|subsidy)"
    r"\s+(?:for|to)\s+"
    r"|(?:,\s*(?:which|that)\s+|\s+(?:which|that)\s+|\s+)"
    # "X, which since 1 May 2021 has covered G": when, between the relative and its verb
    r"(?:(?:since|as\s+of)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4},?\s+)?"
    # "… replaces the indemnity and provides …": one clause of its own before the verb
    r"(?P<clause>[a-z]+s\s+(?:[\w'’-]+\s+){1,5}and\s+)?"
    r"(?:(?:will|would|can|could|shall|has|have|had|is|are|was|were|be|been|now|also|to|"
    r"gradually|progressively)\s+)*"
    r"(?:extend|cover|reach|pa(?:y|id)|provid|grant|allow|let|enrol|enroll|target|open|"
    r"offer|protect|insur|benefit|serv|includ|creat|establish|support|deliver|distribut|"
    r"disburs|expand|roll\w*\s+out|guarantee|sets\s+out|set\s+out)\w*\s+"
    r"(?:[\w'’-]+,?\s+){0,6}?(?:to\s+|for\s+)?)"
    r"(?:(?:all|some|about|around|over|nearly|almost|more\s+than|up\s+to)\s+)*"
    r"(?:[\d.,]+\s+(?:million\s+|thousand\s+)?)?(?:the\s+)?"
    # "will cover 8,500 households of herders and farmers": the people they are
    r"(?:(?:households|families|members|dependants)\s+of\s+)?")
# "G in the Republic of X can now join …": where the group lives first
_JOIN = re.compile(r"(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]*"
                   r"(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]*){0,4})?"
                   r"\s*(?:,\s*)?(?:can|could|will|may|are\s+able\s+to)?\s*(?:now\s+)?"
                   r"(?:join|enrol\w*\s+in|register\w*\s+(?:with|in)|affiliate\w*\s+(?:to|with)|"
                   r"contribute\s+to|access)\s+(?:the\s+)?"
                   # "can now join the Fund (NSSF) through a new X": the X, the Fund's scheme
                   r"(?:[A-Z][^,;.()]{2,100}?\s*(?:\([^)]*\)\s*)?(?:through|via|under)\s+"
                   r"(?:an?\s+(?:new\s+)?|the\s+(?:new\s+)?|its\s+(?:new\s+)?)?)?$")
_GROUP_GAP = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:and\s+|or\s+)?(?:to\s+|for\s+)?"
                        r"(?:including\s+|such\s+as\s+|notably\s+|in\s+particular\s+|"
                        r"especially\s+)?(?:all\s+|the\s+)?")
_BETWEEN_STOP = re.compile(r"[;:]|\b(?:by|with|from|through|who|whom|whose|than|because|"
                           r"while|but|after|before)\b")


def _group_lists(ctx: Context, sentence: Span) -> list[list[Placed]]:
    """The population groups of a sentence, in runs ("A, B and C", "A and to B")."""
    runs: list[list[Placed]] = []
    for group in ctx.in_span(sentence, {SPKG.PopulationGroup}):
        if runs and _GROUP_GAP.fullmatch(ctx.text, runs[-1][-1].end, group.start):
            runs[-1].append(group)
        else:
            runs.append([group])
    return runs


@rule("covers-group", family="coverage")
def covers_group(ctx: Context, sentence: Span) -> None:
    """A population group the sentence says an intervention reaches: "the X Scheme for
    persons aged 65 and over", "X, which allows delivery riders to join", "the Bill would
    extend health insurance to A and to B", "X has paid a pension to all older persons",
    "A, B and C can now join the X"."""
    for run in _group_lists(ctx, sentence):
        first, last = run[0], run[-1]
        intervention = _reaching(ctx, sentence, first)
        if intervention is None:  # "Traders, artisans and farmers can now join the X"
            joined = ctx.after(last.end, sentence, INTERVENTION_CLASSES)
            if joined is not None and _JOIN.fullmatch(ctx.text, last.end, joined.start):
                intervention = joined
                # "join the Fund (F) through a new X": the Fund runs X
                for body in ctx.in_span(Span(last.end, joined.start), ORGANISATION_CLASSES):
                    ctx.add(body.entity.iri, SPKG.implements, joined.entity.iri, sentence,
                            body.mention.span, joined.mention.span)
        if intervention is None or not _named_as_itself(ctx, intervention, sentence):
            continue
        if _ASKED.search(ctx.text, max(sentence.start, intervention.start - 80),
                         intervention.start):
            continue  # "to assess how X could be extended to G": a question, not coverage
        for group in run:
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group.entity.iri,
                    sentence, intervention.mention.span, group.mention.span)


# An indirect question the intervention's clause is: "assess how unemployment protection
# under X could be extended to G", "whether the X should cover G", "comment le X pourrait"
_ASKED = re.compile(r"\b(?:how|whether|comment|cómo|si)\s+(?:[\w'’-]+\s+){0,8}$")


# What may stand between an intervention and its verb, naming others: an apposition
# ("The bill, developed by a technical committee led by the Ministry, would extend …"; "X,
# approved by Decree No. 51 of the Council, lets …") or a passive clause joined by "and"
# ("The scheme is administered by the SSO and covers …").
_ASIDE = re.compile(r"(?:\s+(?:grant|programme|program|scheme|benefit|allowance|pension|"
                    # "The X grant, introduced in 2020, …": the name's own head word first
                    r"transfer|regime)(?=\s*[(,]))?"
                    r"(?:\s*(?:\([^)]*\)\s*)?(?:,[^,;:]{3,160},"
                    r"|\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:\w+ed|run|led|overseen)\s+by\s+"
                    r"[^,;:]{3,100}?\s+and)){1,2}")


def _reaching(ctx: Context, sentence: Span, group: Placed) -> Placed | None:
    """The intervention whose verb reaches ``group``: the last named before it, else the
    one before that (the last may be inside an aside: "X, approved by Decree No. 51, lets
    …"), else the sentence's subject ("It allows …", "The bill … would extend …")."""
    named = ctx.in_span(Span(sentence.start, group.start), INTERVENTION_CLASSES)[-2:]
    candidates: list[Placed | None] = [*reversed(named)] or [
        ctx.subject_before(sentence, group.start)]
    if len(named) < 2 and named and not named[0].start > sentence.start + 80:
        candidates.append(ctx.subject_before(Span(sentence.start, named[0].start),
                                             named[0].start))
    for candidate in candidates:
        if candidate is not None and candidate.end <= group.start and _reaches(
                ctx, candidate, group, _subject_end(ctx, sentence, candidate, group.start)):
            governing = _governing(ctx, sentence, candidate)
            if governing is not None:  # "the X Scheme under the Y Act pays …": X pays
                return governing
            return _not_amended(ctx, sentence, _made_by_aside(ctx, sentence, candidate),
                                group.start)
    return None


def _governing(ctx: Context, sentence: Span, law: Placed) -> Placed | None:
    """The intervention ``law`` qualifies ("the X Scheme under the Y Act"), if any."""
    named = ctx.in_span(Span(sentence.start, law.start), INTERVENTION_CLASSES)
    if named and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?under\s+(?:the\s+)?",
                              ctx.text[named[-1].end : law.start]):
        return named[-1]
    return None


def _subject_end(ctx: Context, sentence: Span, subject: Placed, limit: int) -> int:
    """Where the words naming ``subject`` end: its mention, or for one named in an earlier
    sentence, the pronoun or "the scheme" opening this one (after a time adverbial: "From
    1 January 2025 it …"), or "; it" opening a clause that points back to it before
    ``limit``."""
    if subject.start >= sentence.start:
        again = _CLAUSE_IT.search(ctx.text, subject.end, limit)
        if again is not None and not ctx.in_span(Span(subject.end, again.start()),
                                                 INTERVENTION_CLASSES | ORGANISATION_CLASSES):
            return again.end()  # "Law No. 78 … insurance; it covers …"
        return subject.end
    opening = _REFERRING.match(ctx.text, sentence.start, sentence.end)
    if opening is None:
        pointed = anaphor_opening(ctx.text, sentence.start, sentence.end)
        return pointed[0] if pointed is not None else sentence.start
    return opening.end()


_CLAUSE_IT = re.compile(r";\s*(?:it|this\s+(?:law|act|scheme|programme|decree|code))\b")


_REFERRING = re.compile(r"\s*(?:It\b|(?:The|This|These)\s+(?:new\s+|draft\s+)?[\w-]+)")


def _reaches(ctx: Context, intervention: Placed, group: Placed, start: int) -> bool:
    """Whether only a reaching verb (and its object) stands between the intervention,
    whose words end at ``start``, and the group, in one clause with nothing else named in
    it (but an aside, _ASIDE)."""
    if _PAID_BY_TO.fullmatch(ctx.text, start, group.start):
        return not ctx.in_span(Span(start, group.start), INTERVENTION_CLASSES
                               | {SPKG.Study, SPKG.Project, SPKG.Event})
    aside = _ASIDE.match(ctx.text, start, group.start)
    if aside is not None and _REACHES.fullmatch(ctx.text, aside.end(), group.start):
        start = aside.end()
    between = ctx.text[start : group.start]
    reach = _REACHES.fullmatch(between)
    if len(between) > 130 or _BETWEEN_STOP.search(between) or reach is None:
        return False
    if _DURATION.search(between):
        return False  # "extends the payment period to 12 months for G": how long, not whom
    # "The law amends the Labour Code and extends … to G": what the clause of its own
    # names (its object) is not another subject
    named_from = start + reach.end("clause") if reach.group("clause") else start
    return not ctx.in_span(Span(named_from, group.start), ORGANISATION_CLASSES
                           | INTERVENTION_CLASSES | {SPKG.Study, SPKG.Project, SPKG.Event})


# "X, paid by the Ministry of Y to residents aged 65 and over": the payer is named between
_PAID_BY_TO = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:which\s+is\s+)?(?:paid|provided|granted|"
                         r"delivered|disbursed)\s+(?:monthly\s+)?by\s+[^,;:]{3,100}?\s+to\s+"
                         r"(?:all\s+)?(?:the\s+)?")
_DURATION = re.compile(r"\b(?:period|duration|\d+\s+(?:months?|years?|weeks?|days?))\b")
_HEADS = frozenset({"act", "law", "regulation", "regulations", "decree", "code", "bill",
                    "policy", "strategy", "scheme", "programme", "program", "plan", "fund",
                    "system", "insurance", "benefit", "allowance", "pension", "grant"})


def _named_as_itself(ctx: Context, intervention: Placed, sentence: Span) -> bool:
    """Whether the words name the intervention's entity and no other: not a generic phrase
    in lowercase ("a social security scheme"), not part of a longer name ("the Tawfir Rural
    social security scheme"), not an Act linked to its Regulations (heads differ)."""
    words = intervention.entity.label.casefold().split()
    if _generic(intervention):
        return False
    if re.search(r"[a-z]\s+[A-Z][\w-]*\s+$", ctx.text[sentence.start : intervention.start]):
        return False
    written = intervention.mention.text.casefold().split()
    return not (written and written[-1] in _HEADS and words[-1] in _HEADS
                and written[-1].rstrip("s") != words[-1].rstrip("s"))


# French and Spanish coverage: "étendre la couverture de la CNPS aux travailleurs de
# l'économie informelle", "le régime couvre les artisans et les commerçants", "el seguro
# cubre a las trabajadoras domésticas", "ampliar la cobertura a los trabajadores
# independientes", "ouvert aux", "dirigido a".
_ROMANCE_COVERAGE = re.compile(
    r"(?<![\w-])(?:"
    r"(?:étend\w*|élarg\w*|(?:l['’]\s*)?(?:extension|élargissement))\s+(?:de\s+)?"
    # "étend la couverture", "portant extension de l'assurance maladie", "du régime"
    r"(?:la|sa|leur|les|ses|l['’]\s*|du(?=\s+régime))\s*(?:couverture|protection|sécurité|"
    r"assurance|prestations|régime)"
    r"[^.;:]{0,140}?(?<![\w-])(?:aux|à\s+(?:la|l['’]|les))"
    r"|(?:extend\w*|extiende\w*|extendió|ampli\w*|amplí\w*|(?:la\s+)?(?:extensión|ampliación))"
    r"\s+(?:de\s+)?"
    r"(?:la|su|sus|las|los)\s+(?:cobertura|protección|seguridad|seguro|prestaciones)"
    r"[^.;:]{0,90}?(?<![\w-])(?:a|al)(?:\s+(?:las|los|la))?"
    # "verse des pensions de vieillesse aux G", "otorga pensiones de invalidez a las G"
    r"|(?:vers\w*|accord\w*|octroi\w*|pai\w*|pay\w*)\s+(?:des|les|une|un|ses|leurs)\s+"
    r"(?:[^.;:]{0,40}?\s)?(?:prestations|pensions?|allocations?|transferts|indemnités)"
    r"[^.;:]{0,50}?(?<![\w-])aux"
    r"|(?:otorg\w*|pag\w*|entreg\w*|conced\w*)\s+(?:las\s+|los\s+|una\s+|un\s+|sus\s+)?"
    r"(?:[^.;:]{0,40}?\s)?(?:prestaciones|pensi(?:ón|ones)|transferencias|subsidios|"
    r"asignaci(?:ón|ones)|bonos)[^.;:]{0,50}?(?<![\w-])a(?:l|\s+(?:las|los|la))?"
    r"|(?:couvr\w*|couvert[es]*)\s+(?:également\s+|désormais\s+)?(?:les|des|aux)?"
    r"|(?:cubr\w*|cubiert[oa]s?)\s+(?:también\s+|ahora\s+)?(?:a|al)?(?:\s+(?:las|los|la))?"
    r"|(?:ouvert|destiné|dirigid|destinad)\w*\s+(?:aux|a|al)(?:\s+(?:las|los|la))?"
    # "permet aux G de s'affilier", "incorpora a las G al régimen", "en faveur des G"
    r"|(?:permet\w*|bénéficie\w*)\s+aux|(?:intègre\w*|inclut|inclura)\s+(?:les|des)"
    r"|(?:permit\w*|incorpor\w*|incluy\w*|benefici\w*)\s+a(?:\s+(?:las|los|la))?"
    r"|en\s+faveur\s+des|a\s+favor\s+de(?:\s+(?:las|los|la))?"
    r")(?![\w-])")
_ROMANCE_GAP = re.compile(r"\s*(?:,\s*|\s+(?:et|y|e|ou|o)\s+)(?:aux\s+|à\s+|a\s+)?"
                          r"(?:les\s+|des\s+|las\s+|los\s+|la\s+|l['’]\s*)?")


# "Ce régime", "El programa": the intervention of that kind named last, by its English noun.
_ROMANCE_ANAPHOR = re.compile(r"\s*(?:Ce|Cet|Cette|Le|La|L['’]|El|Este|Esta|Dicho|Dicha)\s*"
                              r"(?:nouveau\s+|nouvelle\s+|nuevo\s+|nueva\s+)?([^\W\d_]+)")
_ROMANCE_NOUNS = {
    "régime": "regime", "régimen": "regime", "programme": "programme", "programa": "programme",
    "loi": "law", "ley": "law", "décret": "decree", "decreto": "decree", "code": "code",
    "código": "code", "politique": "policy", "política": "policy", "stratégie": "strategy",
    "estrategia": "strategy", "plan": "plan", "projet": "project", "proyecto": "project",
    "règlement": "regulation", "reglamento": "regulation", "assurance": "scheme",
    "seguro": "scheme", "système": "scheme", "sistema": "scheme",
}


@rule("coverage-romance", family="coverage")
def coverage_romance(ctx: Context, sentence: Span) -> None:
    """"La SNPS prévoit l'extension de la couverture de la CNPS aux travailleurs de
    l'économie informelle", "el seguro cubre a las trabajadoras domésticas": the French or
    Spanish groups right after the cue (a list of them) are the intervention's coverage."""
    for cue in _ROMANCE_COVERAGE.finditer(ctx.text, sentence.start, sentence.end):
        intervention = _main_subject(ctx, sentence, ctx.subject_before(sentence, cue.start()),
                                     cue.start())
        opening = _ROMANCE_ANAPHOR.match(ctx.text, sentence.start, cue.start())
        if intervention is None and opening is not None:  # "Ce régime couvre …"
            noun = _ROMANCE_NOUNS.get(opening.group(1).casefold())
            intervention = ctx.referent(noun, INTERVENTION_CLASSES) if noun else None
        if intervention is None and re.match(r"\s*(?:Il|Elle)\s", ctx.text[sentence.start:]):
            # "Elle prévoit …": what the text was about, if an intervention
            focus = ctx.focus
            intervention = focus if focus and focus.entity.cls in INTERVENTION_CLASSES else None
        if intervention is None:
            continue
        position = cue.end()
        groups = _adjacent_joined(ctx, sentence, ctx.in_span(Span(cue.end(), sentence.end),
                                                             {SPKG.PopulationGroup}))
        for iri, words in groups:
            lead = ctx.text[position : words.start]
            if not (re.fullmatch(r"\s*", lead) if position == cue.end()
                    else _ROMANCE_GAP.fullmatch(lead)):
                break
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, iri,
                    sentence, intervention.mention.span, words)
            position = words.end


def _adjacent_joined(ctx: Context, sentence: Span,
                     groups: list[Placed]) -> list[tuple[URIRef, Span]]:
    """The groups in text order, two read side by side with only a space between joined
    into one ("pêcheurs artisans", "trabajadores rurales" read as two nouns): one group."""
    joined: list[tuple[URIRef, Span]] = []
    index = 0
    while index < len(groups):
        group = groups[index]
        after = groups[index + 1] if index + 1 < len(groups) else None
        if after is not None and re.fullmatch(r" ", ctx.text[group.end : after.start]):
            words = Span(group.start, after.end)
            joined.append((minted_group(ctx, ctx.text[words.start : words.end], sentence,
                                        words), words))
            index += 2
            continue
        joined.append((group.entity.iri, group.mention.span))
        index += 1
    return joined


# A clause whose subject is the groups: "Domestic workers and farm workers are covered for the
# first time", "taxi drivers registered with the Fund are entitled to …", "self-employed
# persons may join on a voluntary basis".
_GROUPS_PASSIVE = re.compile(
    r"(?:\s+(?:(?P<en_reg>registered)|working|employed|engaged|living|with|in)\s+"
    r"[^,;.]{1,40}?)?"
    # "les artisans immatriculés sont …", "los trabajadores inscritos están …"
    r"(?:\s+(?P<reg>immatricul|inscrit|enregistr|affili|registrad|afiliad|cadastrad)"
    r"(?:é|o|a)?e?s(?:\s+(?:auprès\s+d|à|en|ante|con|en|junto\s+a|no|na)[^,;.]{1,80}?)?)?"
    r"\s+(?:"
    r"(?:are|were|will\s+be|shall\s+be|would\s+be|have\s+been|had\s+been|become|became)\s+"
    r"(?:now\s+|also\s+|thus\s+|henceforth\s+|automatically\s+|compulsorily\s+)?"
    r"(?:covered|insured|protected|eligible|entitled|included)"
    # "have also been covered", "have now been insured"
    r"|(?:have|has)\s+(?:also|now|thus)\s+been\s+(?:covered|insured|protected)"
    # French, Spanish, Portuguese: "sont désormais couverts", "quedan cubiertas", "ficam
    # cobertos": stated coverage, not a wish ("devraient être couverts" is not read)
    r"|(?:sont|seront|ont\s+été|deviennent|restent)\s+(?:désormais\s+|également\s+|"
    r"aussi\s+|obligatoirement\s+)?(?:couvert|assuré|protégé)e?s"
    r"|(?:están|estarán|quedan|quedarán|son|serán|han\s+sido)\s+(?:ahora\s+|también\s+|"
    r"obligatoriamente\s+)?(?:cubiert|asegurad|protegid)[oa]s"
    r"|(?:estão|estarão|ficam|ficarão|são|serão|passam\s+a\s+estar)\s+(?:agora\s+|também\s+)?"
    r"(?:cobert|segurad|protegid)[oa]s"
    r"|(?:may|can|will|could|shall)\s+(?:now\s+|also\s+)?"
    r"(?:join|enrol|enroll|register|affiliate|contribute|"
    # "can claim a reduced disability pension", not "will receive vouchers for meals"
    r"(?:claim|receive)\s+(?:[\w'’-]+\s+){0,4}?(?:benefits?|pensions?|allowances?|grants?|"
    r"transfers?|coverage|protection))"
    # "Civil servants receive pensions under the X Act": stated now, with what pays them
    r"|(?:receive|receives|received|draw|draws)\s+(?:[\w'’-]+\s+){0,3}?(?:benefits?|pensions?|"
    r"allowances?|grants?|transfers?)(?=\s+(?:under|through)\s))\b")
_AGAINST = re.compile(r"\s+(?:for|against|pour|contre|para|contra)\s+(?:the\s+)?")
# The body that pays, between the verb and the branches: "sont couverts par la CNSS pour …",
# "están cubiertos por el Instituto (INSS) contra …", "are covered by the Fund for …"
_BY_BODY = re.compile(r"\s+(?:by|par|por|pel[oa])\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+)?")
# The subject's article and a Romance list's "and": "les pêcheurs et les artisans"
_SUBJECT_ARTICLE = re.compile(r"(?:[Tt]he|[Ll]es|[Ll]os|[Ll]as|Os|As)\s+")
_ROMANCE_GROUP_GAP = re.compile(r"\s*(?:,\s*)?(?:et|y|e)\s+(?:les\s+|los\s+|las\s+|os\s+|as\s+)?"
                                r"|\s*,\s*(?:les\s+|los\s+|las\s+|os\s+|as\s+)")
_CLAUSE_OPENING = re.compile(
    # a press release's dateline: "PHNOM PENH (ILO News) – G can register …"
    r"\s*(?:[A-Z][A-Z'’. -]+(?:,\s*[\w' -]+)?\s*(?:\([^)]*\)\s*)?[–—-]\s+)?"
    # "Since 2019 G are covered …", "From 1 July 2024, G …": a time adverbial first
    r"\s*(?:(?:Since|From|As\s+of|In)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s*,?\s*)?"
    # "More than two million G are now protected …": how many, then the groups
    r"(?:(?:More\s+than|Over|About|Some|Nearly|Almost|Around|Up\s+to)\s+(?:[\d.,]+|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|several)\s+(?:million|thousand|hundred)\s+)?"
    # (after a date, in lower case: "Since 2023, under the same decree, G …")
    r"(?:(?:Under|Through|With|By|(?<=, )under|(?<=, )through)\s+(?P<what>[^,;]{2,120}),\s*)?")
# "the same decree", "la même loi", "el mismo decreto": the last of that kind named
_SAME = re.compile(r"\s*(?:the|la|le|el|o|a)\s+(?:same|même|mism[oa]|mesm[oa])\s+"
                   r"(?P<noun>[^\W\d_][\w-]*)\s*$")
_BY_WHAT = re.compile(r"\s+(?:by|under|through|with|in|into|to|on|for)\s+(?:the\s+)?")


@rule("groups-covered", family="coverage")
def groups_covered(ctx: Context, sentence: Span) -> None:
    """"Seasonal workers and day labourers are now insured …" after a sentence on the law
    that does it, "Under the Act, gig workers … are entitled to …", "X are covered by the Y
    Scheme": the intervention named in the clause, else the one the text was about."""
    opening = _CLAUSE_OPENING.match(ctx.text, sentence.start, sentence.end)
    assert opening is not None  # every part is optional
    for run in _romance_runs(ctx, _group_lists(ctx, sentence)):
        first, last = run[0], run[-1]
        subject = {opening.end(), _romance_subject(ctx, sentence, first.start)}
        if first.start not in subject and not re.search(
                r"(?:,\s*and|;)\s+(?:the\s+)?$",
                ctx.text[max(sentence.start, first.start - 12) : first.start]):
            continue  # the groups are not the clause's subject
        verb = _GROUPS_PASSIVE.match(ctx.text, last.end, sentence.end)
        # "Self-employed workers in Bhutan can register …": a place is no other subject
        # ("inscrits auprès de l'Agence …": the body they registered with is no subject)
        registered = verb is not None and (verb["reg"] or verb["en_reg"]) is not None
        if verb is None or (not registered and any(
                not is_place(p) for p in ctx.in_span(Span(last.end, verb.end())))):
            continue
        # "… are now covered for sickness and old age": the branches, if any, are no name
        past_body = _after_paying_body(ctx, verb.end(), sentence)
        past_body = _after_pointer(ctx, past_body, sentence)
        branches = _AGAINST.match(ctx.text, past_body, sentence.end)
        item = branches and _CONTINGENCY_ITEM.match(ctx.text, branches.end(), sentence.end)
        if not item or _branch(ctx, item.group(1)) is None:
            branches = None
        where = verb.end()
        if branches is not None:
            # "… covered for old age and invalidity by the X Law": the law after the list
            after = _branch_list_end(ctx, branches.end(), sentence)
            where = (after if re.match(r"\s+(?:by|under|through)\s", ctx.text[after:sentence.end])
                     else branches.start() if past_body == verb.end() else verb.end())
        # a body the groups registered with ("inscrits auprès de la Caisse") names no other
        intervention = _covering(ctx, sentence, opening, where,
                                 first.start if registered else None)
        if intervention is None:
            continue
        for group in run:
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group.entity.iri,
                    sentence, intervention.mention.span, group.mention.span)
        if branches is not None:
            _add_branches(ctx, intervention, branches.end(), sentence)


# "À compter du 1er mai 2024,", "à partir du …" (after a colon too), "Desde el 1 de mayo de
# 2024,", "A partir de 1 de maio de 2024,": a date opening a French, Spanish or Portuguese clause
_ROMANCE_DATE_OPENING = re.compile(r"(?i)\s*(?:à\s+compter\s+du|à\s+partir\s+du|depuis\s+le|"
                                   r"dès\s+le|desde\s+el|a\s+partir\s+del?|a\s+contar\s+de)\s+")


def _romance_subject(ctx: Context, sentence: Span, group_start: int) -> int:
    """Where the subject of the clause holding ``group_start`` starts after a Romance date
    opening and the subject's article ("…: à partir du 1er mai 2024, les pêcheurs …"), else
    -1. The clause starts at the sentence or after its last colon or semicolon."""
    clause = max([sentence.start, *(m.end() + sentence.start for m in re.finditer(
        r"[:;]", ctx.text[sentence.start : group_start]))])
    at = clause
    opening = _ROMANCE_DATE_OPENING.match(ctx.text, clause, group_start)
    if opening is not None:
        dates = find_dates(ctx.text[opening.end() : min(group_start, opening.end() + 40)],
                           opening.end())
        if not dates or dates[0].span.start != opening.end():
            return -1
        comma = re.match(r"\s*,?\s*", ctx.text[dates[0].span.end : group_start])
        at = dates[0].span.end + (comma.end() if comma else 0)
    else:
        at += len(ctx.text[clause:group_start]) - len(ctx.text[clause:group_start].lstrip())
    article = _SUBJECT_ARTICLE.match(ctx.text, at, group_start)
    return article.end() if article is not None else at


def _romance_runs(ctx: Context, runs: list[list[Placed]]) -> list[list[Placed]]:
    """Runs of groups joined as French, Spanish and Portuguese join them ("les pêcheurs et
    les artisans", "los pescadores, las vendedoras y los taxistas") made one run."""
    joined: list[list[Placed]] = []
    for run in runs:
        if joined and _ROMANCE_GROUP_GAP.fullmatch(ctx.text, joined[-1][-1].end, run[0].start):
            joined[-1] = joined[-1] + run
        else:
            joined.append(run)
    return joined


def _after_paying_body(ctx: Context, position: int, sentence: Span) -> int:
    """After the body a Romance passive names before the branches ("couverts par la CNSS
    (Caisse …) pour la vieillesse"): the body pays, the law or scheme before it covers;
    ``position`` itself when no body is named there."""
    by = _BY_BODY.match(ctx.text, position, sentence.end)
    if by is None or not re.match(r"\s+(?:par|por|pel)", ctx.text[position : by.end()]):
        return position  # English "covered by the Fund" keeps its own reading
    body = ctx.after(by.end(), sentence, ORGANISATION_CLASSES)
    if body is None or body.start != by.end():
        return position
    aside = re.match(r"\s*\([^)]*\)", ctx.text[body.end : sentence.end])
    return body.end + (aside.end() if aside else 0)


# "are covered under the decision for old age …": a noun pointing back, then the branches
_UNDER_POINTER = re.compile(r"\s+(?:under|by)\s+(?:the|this|that)\s+(?:new\s+|amended\s+)?"
                            r"[a-z][\w-]*(?=\s+(?:for|against)\s)")


def _after_pointer(ctx: Context, position: int, sentence: Span) -> int:
    """After "under the decision" when no name stands there (what it points back to is
    read from the previous sentence), else ``position``."""
    pointer = _UNDER_POINTER.match(ctx.text, position, sentence.end)
    if pointer is None or ctx.in_span(Span(position, pointer.end())):
        return position
    return pointer.end()


def _covering(ctx: Context, sentence: Span, opening: re.Match[str],
              verb_end: int, named_before: int | None = None) -> Placed | None:
    """The intervention of a clause whose subject is the groups it covers: named in the
    opening ("Under the Act,"), after the verb ("covered by the X Scheme"; a body there, as
    in "covered by the NSSF", gives none), else the previous sentence's first intervention
    or subject."""
    if opening.group("what") and re.fullmatch(r"(?:it|this|them|these)\s*", opening["what"]):
        # "Under it, G can claim …": what the text was about, else the previous sentence's
        named = ctx.in_span(ctx.previous, INTERVENTION_CLASSES) if ctx.previous else []
        focus = ctx.focus if ctx.focus is not None and (
            ctx.focus.entity.cls in INTERVENTION_CLASSES) else None
        return focus or (named[0] if named else None)
    if opening.group("what"):
        return _opening_basis(ctx, sentence, opening)
    by = _BY_WHAT.match(ctx.text, verb_end, sentence.end)
    if by is not None:
        following = ctx.in_span(Span(by.end(), sentence.end))
        if following and following[0].start == by.end():
            if following[0].entity.cls in INTERVENTION_CLASSES:
                return following[0]
            # "G can register with the Fund for … since D, under Prakas No. 5": the basis
            return _basis_after(ctx, sentence, following[0].end)
    limit = verb_end if named_before is None else named_before
    colon = ctx.text.rfind(":", sentence.start, limit)
    if ctx.in_span(Span(max(sentence.start, colon), limit),
                   ORGANISATION_CLASSES | INTERVENTION_CLASSES):
        return None  # someone else is named in the clause
    if colon >= 0:  # "Decree No. 5 sets out the details: from D, G are covered …"
        return _before_colon(ctx, Span(sentence.start, colon))
    return previous_intervention(ctx, sentence)


def _before_colon(ctx: Context, clause: Span) -> Placed | None:
    """The intervention a clause before a colon is about: the first it names, unless an
    amending verb names it (then None)."""
    named = ctx.in_span(clause, INTERVENTION_CLASSES)
    if not named or _AMENDED.search(ctx.text, max(clause.start, named[0].start - 40),
                                    named[0].start) is not None:
        return None
    return _enclosing(ctx, named[0])


def previous_intervention(ctx: Context, sentence: Span) -> Placed | None:
    """What the previous sentence was about, for groups covered with no one named: the
    intervention its subject points back to ("It amends Decree No. 2 …", "The amendments
    entered into force …"), else the first it names ("… adopted Law No. 5 amending Law
    No. 2."), else the focus; a law named there as what another amends only when nothing
    else is named ("Parliament amended the X Code." : the code as amended covers)."""
    if ctx.previous is None:
        return None
    named = ctx.in_span(ctx.previous, INTERVENTION_CLASSES)
    opening = anaphor_opening(ctx.text, ctx.previous.start, ctx.previous.end)
    candidates: list[Placed | None] = []
    if opening is not None and not (named and named[0].start < opening[0]):
        candidates.append(ctx.focus if opening[1] is None
                          else ctx.referent(anaphor_key(opening[1]) or opening[1],
                                            INTERVENTION_CLASSES)
                          or _last_named_with(ctx, opening[1], ctx.previous.start))
    amended: Placed | None = None
    for found in [*candidates, *named, ctx.focus]:
        if found is None or found.entity.cls not in INTERVENTION_CLASSES:
            continue
        found = _enclosing(ctx, found)
        if _AMENDED.search(ctx.text, max(0, found.start - 40), found.start) is None:
            return found
        amended = amended or found
    # "It amends X": the amending law is the one "It" points to, never X
    return None if opening is not None and opening[1] is None else amended


_LOOKBACK = 1500  # characters: the paragraph or two a definite noun points back over


def _last_named_with(ctx: Context, noun: str, before: int) -> Placed | None:
    """The last intervention before ``before`` whose name holds ``noun`` ("The decision
    amends …" after "… adopted Resolution No. 88 …"): for nouns no anaphor list knows."""
    word = noun.casefold()
    named = ctx.in_span(Span(max(0, before - _LOOKBACK), before), INTERVENTION_CLASSES)
    for found in reversed(named):
        if word in re.findall(r"[^\W\d_]+", found.mention.text.casefold()):
            return found
    return None


def _enclosing(ctx: Context, found: Placed) -> Placed:
    """The intervention whose name holds ``found``'s ("the Law on X" inside "the Law
    amending the Law on X"): what the text named, of which ``found`` is only a part."""
    around = [p for p in ctx.overlapping(found.mention.span, INTERVENTION_CLASSES)
              if p.start <= found.start and p.end >= found.end
              and p.end - p.start > found.end - found.start]
    return around[0] if around else found


def _opening_basis(ctx: Context, sentence: Span, opening: re.Match[str]) -> Placed | None:
    """What "Under the Act," or "under the same decree," opening the clause names."""
    named = ctx.in_span(Span(opening.start("what"), opening.end("what")), INTERVENTION_CLASSES)
    found = named[0] if named else ctx.anaphor_after(opening.start("what"), sentence,
                                                     INTERVENTION_CLASSES)
    same = _SAME.fullmatch(opening["what"])
    if found is None and same is not None:
        found = ctx.referent(same["noun"], INTERVENTION_CLASSES)
    return found


# within the clause: "…, and employers are liable … under the X Act" is another one's
_UNDER_BASIS = re.compile(r"(?:(?!,\s*(?:and|but|while|whereas)\s)(?!\s(?:and|but)\s+\w+\s+"
                          r"(?:are|is|were|was|have|has)\s)[^;:]){0,100}?(?:,\s*|\s+)"
                          r"(?:under|pursuant\s+to|in\s+accordance\s+with)\s+(?:the\s+)?")


def _basis_after(ctx: Context, sentence: Span, position: int) -> Placed | None:
    """The law or scheme named right after a later "under" of the clause, else None."""
    under = _UNDER_BASIS.match(ctx.text, position, sentence.end)
    if under is None:
        return None
    found = ctx.after(under.end(), sentence, INTERVENTION_CLASSES)
    return found if found is not None and found.start == under.end() else None


# "X makes the affiliation of G to the ISSS compulsory", "X made coverage compulsory for G":
# stated, not proposed ("would make …" is a draft's intent).
_MADE_COMPULSORY = re.compile(
    r"\b(?:makes|made|has\s+made|have\s+made|keeps|kept|has\s+kept|have\s+kept)\s+"
    r"(?:the\s+)?(?:social\s+security\s+|social\s+insurance\s+|health\s+insurance\s+|"
    # "keeps the employment injury branch compulsory for G": a C102 branch, if one
    r"(?P<branch>[\w-]+(?:\s+[\w-]+)?)\s+(?=(?:branch|insurance|benefits?)\s))?"
    r"(?:affiliation|registration|enrolment|enrollment|"
    r"coverage|insurance|membership|contributions?|branch|benefits?)\s+(?:of\s+(?P<of>)|"
    r"(?:compulsory|mandatory)\s+for\s+(?P<for>))")


@rule("made-compulsory", family="coverage")
def made_compulsory(ctx: Context, sentence: Span) -> None:
    """"Decree No. 5, which makes the affiliation of domestic workers to the Fund
    compulsory", "The Act made coverage compulsory for platform workers": the groups named
    right there are the intervention's coverage."""
    for cue in _MADE_COMPULSORY.finditer(ctx.text, sentence.start, sentence.end):
        intervention = ctx.subject_before(sentence, cue.start())
        if intervention is None:
            continue
        groups = ctx.in_span(Span(cue.end(), sentence.end), {SPKG.PopulationGroup})
        if not groups or not re.fullmatch(r"\s*(?:all\s+|the\s+)?",
                                          ctx.text[cue.end() : groups[0].start]):
            continue
        run = [groups[0]]
        for group in groups[1:]:
            if not _GROUP_GAP.fullmatch(ctx.text, run[-1].end, group.start):
                break
            run.append(group)
        if cue.group("of") is not None and not re.match(
                r"[^.;]{0,120}?\b(?:compulsory|mandatory)\b", ctx.text[run[-1].end : sentence.end]):
            continue  # "makes the registration of farmers easier"
        for group in run:
            ctx.add(intervention.entity.iri, SPKG.extendsCoverageTo, group.entity.iri,
                    sentence, intervention.mention.span, group.mention.span)
        branch = (_branch(ctx, cue.group("branch"))
                  if cue.group("branch") else None)
        if branch is not None:
            ctx.add(intervention.entity.iri, SPKG.coversContingency, branch.iri, sentence,
                    intervention.mention.span, Span(cue.start("branch"), cue.end("branch")))


# How often or from when a benefit is paid, between the verb (or the scheme) and "to":
# "is paid every month by …", "paid … from June 2018 to"
_WHEN = (r"(?:(?:every|each)\s+(?:month|quarter|year|week)\s+|monthly\s+|quarterly\s+|"
         r"annually\s+|(?:from|since)\s+(?:\d{1,2}\s+)?(?:(?:" + _MONTHS + r")\s+)?\d{4}\s+)*")
# "X (XX), introduced in 2004, is paid every month by the Ministry (M) to …"
_PAID_BY = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,[^,;:]{3,80},\s*)?"
                      r"\s*(?:is|was|are|were|"
                      r"has\s+been|have\s+been|will\s+be)\s+(?:also\s+|now\s+)?(?:paid|"
                      r"provided|granted|disbursed|delivered|transferred)\s+" + _WHEN
                      + r"(?P<by>by\s+[^;:]{3,160}?\s+" + _WHEN + r")?to\s+")
# "the Ministry (M) also pays a monthly child allowance (local name) to …": the cue before
# the scheme, its article and up to two modifiers the scheme's name may leave out
_PAYS = re.compile(r"\b(?:pays|paid|disburses|disbursed|provides|provided|grants|granted)\s+"
                   r"(?:an?\s+|the\s+|its\s+)?"
                   r"(?:(?:monthly|quarterly|annual|yearly|weekly|regular)\s+)?")
_PAID_TO = re.compile(r"\s*(?:\([^)]*\)\s*)?" + _WHEN + r"to\s+")


@rule("paid-to-groups", family="coverage")
def paid_to_groups(ctx: Context, sentence: Span) -> None:
    """A scheme paid to people covers them, whoever pays it: "X is paid every month by the
    Ministry to citizens aged 60 and over", "the Ministry also pays a monthly child
    allowance (…) to families with children" (the payer gets no coverage: it is no scheme)."""
    for scheme in ctx.in_span(sentence, INTERVENTION_CLASSES):
        found = _PAID_BY.match(ctx.text, scheme.end, sentence.end)
        if found is None:
            cue = _PAYS.search(ctx.text, max(sentence.start, scheme.start - 40), scheme.start)
            if cue is None or cue.end() != scheme.start:
                continue
            found = _PAID_TO.match(ctx.text, scheme.end, sentence.end)
        if found is None or (found.groupdict().get("by") and ctx.in_span(
                Span(found.start("by"), found.end("by")), INTERVENTION_CLASSES)):
            continue  # "paid by the X Fund under the Y Act to": whose is unclear
        for group, span in groups_after(ctx, found.end(), sentence):
            ctx.add(scheme.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                    scheme.mention.span, span)


# A group named by an age from which people are old: "aged 65 and over", "over 60",
# "âgées de 65 ans et plus", "mayores de 65 años", "com 65 anos ou mais".
_OLD_AGE_GROUP = re.compile(
    r"(?i)\b(?:aged|over|above|older\s+than|age\s+of|âgée?s\s+de|plus\s+de|mayores\s+de|"
    r"más\s+de|de|com|mais\s+de)\s+(\d{2})\s*(?:years|ans|años|anos|\+|and\s+(?:over|above|"
    r"older)|or\s+(?:over|older|more))")
_OLD_FROM = 55  # the lowest pensionable age national laws set
# A cash benefit, not care: a health scheme for people over 65 covers medical care
_CARE = re.compile(r"(?i)\b(?:health|medical|care|hospital|santé|soins|médic\w*|salud|"
                   r"saúde|atención|sanitari\w*)\b")


# Words saying the scheme pays cash, outside its name: "a pension for", "pays a monthly
# benefit to", "verse une allocation", "una transferencia mensual"
_CASH = re.compile(r"(?i)\b(?:pensions?|benefits?|transfers?|allowances?|grants?|paid|pays?|"
                   r"paying|cash|pensión|pensiones|prestations?|allocations?|pensão|pensões|"
                   r"transferencias?|transferências?|subsidios?|bonos?|verse|versée?s?|pag[ao])\b")


def _said_cash(ctx: Context, words: tuple[Span, ...], sentence: Span) -> bool:
    """Whether the sentence says, outside the scheme's own name, that it pays cash: from a
    little before the first of ``words`` (the verb before "to older persons") to the last."""
    start = max(sentence.start, min(w.start for w in words) - 60)
    text = list(ctx.text[start : max(w.end for w in words)])
    for name in words[:-1]:  # the scheme's name is blanked: "Old Age Pension" is no statement
        text[name.start - start : name.end - start] = " " * (name.end - name.start)
    return bool(_CASH.search("".join(text)))


@rule("old-age-group", family="coverage", needs=(EVERY_RULE,))
def old_age_group(ctx: Context, sentence: Span) -> None:
    """An intervention this sentence says reaches people named by an old age ("a pension
    for all residents aged 65 and over") covers the old age contingency. The scheme's name
    alone ("Old Age Pension") says nothing: the group read from the text does."""
    branch = None
    for fact in list(ctx.facts.of(sentence)):  # a copy: this loop adds to it
        if fact.predicate != SPKG.extendsCoverageTo or len(fact.words) < 2:
            continue
        words = fact.words[-1]  # "personas mayores" may stop before "de 65 años"
        age = _OLD_AGE_GROUP.search(ctx.text, words.start, min(words.end + 30, sentence.end))
        if age is None or age.start() > words.end + 1 or int(age.group(1)) < _OLD_FROM:
            continue
        # what the scheme is, from its name to the group ("Orphan Care" later is another's)
        if _CARE.search(ctx.text, min(w.start for w in fact.words), words.end):
            continue
        if not _said_cash(ctx, fact.words, sentence):
            continue  # "runs the Elderly Allowance Scheme for persons aged 70": the name alone
        branch = branch or ctx.gazetteer.lookup("Old age", {SPKG.Contingency})
        if branch is not None and isinstance(fact.subject, URIRef):
            ctx.add(fact.subject, SPKG.coversContingency, branch.iri, sentence, *fact.words)


# "the Fund registered more than 4,000 workers of small enterprises under the X Regime",
# "SOCSO will register riders under the X Scheme", "began to enrol G in its X insurance",
# "la Caisse a immatriculé G au X", "el Instituto afilió a G al X", "inscreveu G no X"
_ENROLLED = re.compile(
    r"\b(?:register(?:s|ed|ing)?|enrol(?:s|ls|led|ling|l)?|affiliat(?:e|es|ed|ing)|"
    r"immatricul(?:e|ent|é|ée|és|ées|ait|aient)|inscri(?:t|vent|vait|ts)|afili(?:a|ó|an|aron)|"
    r"inscrib(?:e|en|ió|ieron)|inscrev(?:e|em|eu|eram))\s+"
    r"(?:a\s+(?:los\s+|las\s+)?|(?:les|des|os|as)\s+)?"
    r"(?P<groups>[^.;:()]{3,120}?)\s+(?:under|in|into|au|à\s+l['’]|à\s+la|dans\s+le|al|"
    r"en\s+el|no|na|ao|à)\s+(?:the\s+|its\s+|their\s+|le\s+|la\s+|el\s+|o\s+|a\s+)?")
_FIGURE = re.compile(r"(?:more\s+than\s+|over\s+|about\s+|some\s+|nearly\s+|almost\s+|"
                     r"up\s+to\s+|at\s+least\s+|plus\s+de\s+|más\s+de\s+|mais\s+de\s+)?"
                     r"[\d.,\s]+(?:million\s+|thousand\s+)?")


@rule("enrolled-under", family="coverage")
def enrolled_under(ctx: Context, sentence: Span) -> None:
    """People registered or enrolled under an intervention are covered by it: the groups
    between the verb and "under the X" (a figure before them is how many, not who)."""
    for cue in _ENROLLED.finditer(ctx.text, sentence.start, sentence.end):
        target = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        if target is None or target.start != cue.end():
            continue
        start, end = cue.span("groups")
        figure = _FIGURE.match(ctx.text, start, end)
        start = figure.end() if figure and figure.end() > start else start
        if ctx.in_span(Span(start, end), ORGANISATION_CLASSES | INTERVENTION_CLASSES):
            continue  # "registers the Fund's members with …": someone else's
        listed = listed_groups(ctx, start, end, sentence)
        if not listed:
            one = read_group(ctx, start, _group_end(ctx, start, end), sentence)
            listed = [(one[0], one[2])] if one else []
        for group, words in listed:
            ctx.add(target.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                    target.mention.span, words)


def _group_end(ctx: Context, start: int, end: int) -> int:
    """Where one group's name from ``start`` ends: GROUP_STOP's first stop, but past an
    "and" inside it when one head noun names the whole ("workers of micro and small
    enterprises")."""
    position = start
    while (stop := GROUP_STOP.search(ctx.text, position, end)) is not None:
        if stop.group(0).strip() == "and" and len(GROUP_HEADS.findall(ctx.text, start, end)) == 1:
            position = stop.end()
            continue
        return stop.start()
    return end


# "X introduced unemployment insurance", "the Act establishes sickness and maternity
# benefits"; "Unemployment insurance was introduced by Law No. 78": the law brings the
# branches it introduces
_INTRODUCES = re.compile(r"\b(?:introduc|establish|creat|institut)(?:es|ed|e|s)?\s+"
                         r"(?:(?:an?|the|new|its)\s+)*")
_INTRODUCED_BY = re.compile(r"\s*(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                            r"(?:first\s+)?(?:introduced|established|created|instituted)\s+"
                            r"(?:in\s+\d{4}\s+)?by\s+(?:the\s+)?")
_BRANCH_HEAD = re.compile(r"\s*(?:insurance|benefits?|branch(?:es)?|pensions?|allowances?)\b")


@rule("branches-introduced", family="coverage")
def branches_introduced(ctx: Context, sentence: Span) -> None:
    """The C102 branches a law or scheme is said to introduce, actively or by a passive
    whose subject is the list of branches."""
    for cue in _INTRODUCES.finditer(ctx.text, sentence.start, sentence.end):
        listed = _branch_list_end(ctx, cue.end(), sentence)
        if listed == cue.end() or (not _BRANCH_HEAD.match(ctx.text, listed, sentence.end) and (
                not re.search(r"\b(?:insurance|benefits?|branch(?:es)?|pensions?|allowances?)$",
                              ctx.text[cue.end() : listed]))):
            continue
        subject = _main_subject(ctx, sentence, ctx.subject_before(sentence, cue.start()),
                                cue.start())
        if subject is not None and same_clause(ctx.text, subject.end, cue.start()):
            _add_branches(ctx, subject, cue.end(), sentence)
    opening = _CLAUSE_OPENING.match(ctx.text, sentence.start, sentence.end)
    start = opening.end() if opening is not None else sentence.start
    by = _INTRODUCED_BY.search(ctx.text, start, min(sentence.end, start + 120))
    if by is None:
        return
    # the passive's subject, read as a list ending where the verb starts
    passive = Span(sentence.start, by.start())
    if _branch_list_end(ctx, start, passive) != by.start():
        return
    law = ctx.after(by.end(), sentence, INTERVENTION_CLASSES)
    if law is not None and law.start == by.end():
        _add_branches(ctx, law, start, passive)
