"""Who implements, manages, administers or runs an intervention or project."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from rdflib import URIRef

from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    SUBJECT_CLASSES,
    TOGETHER_WITH,
    Context,
    Placed,
)
from spkg.ingest.rules.coverage import amending_instead, previous_intervention
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

# "paid every month by", "run directly by": an adverbial between the participle and "by"
_PARTICIPLE_ADVERB = (r"(?:(?:jointly|directly|monthly|quarterly|annually|mainly|mostly|"
                      r"currently|now|also|still)\s+|(?:every|each|once\s+a)\s+"
                      r"(?:month|year|week|quarter)\s+)?")


@rule("implementation", family="implementation")
def implementation(ctx: Context, sentence: Span) -> None:
    """"The X Project is implemented by A and B", "X, administered by the Y, …"."""
    pattern = (r"\b(?:jointly\s+)?(?:implemented|administered|managed|operated|run|delivered|"
               r"paid)\s+" + _PARTICIPLE_ADVERB + r"by\b|"
               # "mis en œuvre par", "gérée par", "implementado por", "administrada por"
               r"\b(?:mise?s?\s+en\s+(?:œuvre|oeuvre)|géré|administré|exécuté|opéré)e?s?\s+"
               r"(?:conjointement\s+)?par\b|"
               # and in Portuguese, "executado pelo", "gerida pela"
               # ("aplicada por": Spanish for a law put into effect by a body)
               r"\b(?:implementad|ejecutad|executad|administrad|gestionad|gerid|operad|"
               r"aplicad)[oa]s?\s+"
               r"(?:conjuntamente\s+)?(?:por|pel[oa]s?)\b")
    for cue in ctx.cues(pattern, sentence):
        # bodies are implemented by no one, but "administered by" can follow an office's name
        subjects = SUBJECT_CLASSES if re.search(r"implement|\bmis|ejecut|execut",
                                                cue.group(0)) else (
            INTERVENTION_CLASSES | {SPKG.Project})
        project = ctx.subject_before(sentence, cue.start(), subjects)
        if project is not None and _agent_of_first_passive(ctx, sentence, project, cue.start()):
            project = ctx.subject_before(sentence, _first_verb(ctx, sentence, cue.start()),
                                         subjects)
        nearest = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
        if project is not None and nearest is not None and nearest.start > project.end and (
                re.fullmatch(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:which\s+is\s+|is\s+|was\s+)?",
                             ctx.text[nearest.end : cue.start()])):
            continue  # "… created the Health System (SUS), run by the Ministry": the SUS is
        project = _passive_subject(ctx, sentence, project, subjects, cue.start())
        if project is not None and project.entity.cls in INTERVENTION_CLASSES:
            project = amending_instead(ctx, sentence, project)  # "The Act" after "X amends Y"
        if project is None or re.search(r"\b(?:one|ones|those|such\s+as)\s*$",
                                         ctx.text[max(project.end, sentence.start) : cue.start()]):
            continue  # "… such as the one managed by A": not the thing named before
        if _OTHER_NOUN.fullmatch(ctx.text, max(project.end, sentence.start), cue.start()):
            continue  # "merges the X and Y into one system managed by A": the system is
        agents = ctx.listed_after(cue.end(), sentence)
        together = re.match(rf"\)?\s*(?:\([^)]*\)\s*)?,?\s*{TOGETHER_WITH}",
                            ctx.text[agents[-1].end : sentence.end]) if agents else None
        if together:  # "implemented by A and B together with C": C implements it too
            more = ctx.listed_after(agents[-1].end + together.end(), sentence)
            agents += more if more and more[0].start == agents[-1].end + together.end() else []
        if agents and _RESPECTIVELY.match(ctx.text, agents[-1].end, sentence.end):
            _respectively(ctx, sentence, cue.start(), agents)
            continue
        for agent in agents:
            ctx.add(project.entity.iri, SPKG.implementedBy, agent.entity.iri, sentence,
                     project.mention.span, agent.mention.span)


# "The new branches are administered by", "Les nouvelles règles sont appliquées par", "El
# nuevo sistema es gestionado por": a part of a law or scheme named before, no name of its own
# (not "The benefits are paid by": annotated as no statement on the law that grants them)
_PART_SUBJECT = re.compile(
    r"\s*(?:The|These|Its|Les|Ces|Ses|La|Le|L['’]|Los|Las|Estos|Estas|El|Os|As|O|A)\s*"
    r"(?:new\s+|revised\s+|nouve(?:aux|lles?|au|l)\s+|nuev[oa]s?\s+|nov[oa]s?\s+)?"
    r"(?P<noun>branch(?:es)?|rules|provisions|system|regimes?|règles|dispositions|régimes?|"
    r"reglas|disposiciones|reg[ií]men(?:es)?|sistema|système|ramas|regras|disposições|"
    # "The scheme is run by", "The allowance is paid by": unless the previous sentence
    # spoke of such a thing in lower case (an unnamed one: "the voluntary scheme under …")
    r"(?P<kind>scheme|allowance|benefit|grant|programme|régime|prestation|allocation|"
    r"programa|prestación|subsidio|prestação|benefício|subsídio))"
    r"(?:\s+(?:nouve(?:aux|lles?|au|l)|nuev[oa]s?|nov[oa]s?))?\s+"
    r"(?:is|are|will\s+be|has\s+been|have\s+been|est|sont|sera|seront|es|son|será|serán|"
    r"é|são|serão)\s+(?:also\s+|now\s+|jointly\s+)?")
# A scheme's own noun in its name: "the new system" is the Sistema Previsional Común
_SCHEME_NOUNS = (frozenset({"system", "sistema", "système"}),
                 frozenset({"regime", "regimes", "régime", "régimes", "régimen", "regímenes"}))


def _passive_subject(ctx: Context, sentence: Span, found: Placed | None,
                     classes: Iterable[URIRef], cue: int) -> Placed | None:
    """What the passive at ``cue`` is about: the name ``found`` (see _named_subject), or
    with no name before it, what a subject such as "The new branches" is part of."""
    if found is not None:
        return _named_subject(ctx, sentence, found, classes, cue)
    part = _PART_SUBJECT.fullmatch(ctx.text, sentence.start, cue)
    if part is None or (part["kind"] and _said_unnamed(ctx, part["kind"])):
        return None
    return _part_of(ctx, sentence, part["noun"])


def _said_unnamed(ctx: Context, kind: str) -> bool:
    """Whether the previous sentence uses ``kind`` in lower case outside the names it holds
    ("… the voluntary scheme under the Act. The scheme is run by A": not the Act)."""
    if ctx.previous is None:
        return False
    text = ctx.text[ctx.previous.start : ctx.previous.end]
    for named in reversed(ctx.in_span(ctx.previous)):
        start, end = named.start - ctx.previous.start, named.end - ctx.previous.start
        text = text[:start] + " " * (end - start) + text[end:]
    return re.search(rf"\b{kind}", text) is not None


def _part_of(ctx: Context, sentence: Span, noun: str) -> Placed | None:
    """What "the new system" is: the last programme or scheme named with that noun, else
    the intervention the previous sentence was about (the law that made the branches)."""
    same = next((kind for kind in _SCHEME_NOUNS if noun.casefold() in kind), frozenset())
    for cls in (SPKG.Programme, SPKG.Scheme):
        recent = ctx.recent.get(cls)
        if recent is not None and same & set(recent.entity.label.casefold().split()):
            return recent
    return previous_intervention(ctx, sentence)


# "X, a cash transfer programme of the Y Project, is run by": the apposition describes X
# ("X, un programme du projet Y, est mis en œuvre par", "X, un programa del Proyecto Y, es")
_DESCRIBED_BY = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:an?|one|the|une?|una|um|uma)\s+"
                           r"[^,;:()]{1,80}?\s+(?:of|under|within|funded\s+by|financed\s+by|"
                           r"du|des|de\s+la|de\s+l['’]|del|de|do|da|dos|das)\s*"
                           r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|o\s+|a\s+)?")
_DESCRIPTION_CLOSED = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:which\s+|that\s+)?(?:is|are|was|"
                                 r"were|has\s+been|will\s+be|est|sont|es|son|fue|é|são|foi)?\s*"
                                 r"(?:also\s+|jointly\s+)?")


# "X, a cash transfer programme implemented by A": the indefinite name restates X
_RESTATED = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:an?|une?|una|um|uma)\s+")


def _described_head(ctx: Context, sentence: Span, found: Placed, cue: int,
                    classes: Iterable[URIRef]) -> Placed:
    """The head an apposition around ``found`` describes ("X, a programme of the Y Project,
    is implemented by A": X, not Y), else ``found``."""
    earlier = ctx.in_span(Span(sentence.start, found.start), classes)
    if earlier and _RESTATED.fullmatch(ctx.text, earlier[-1].end, found.start):
        return earlier[-1]
    if not _DESCRIPTION_CLOSED.fullmatch(ctx.text, found.end, cue):
        return found
    earlier = ctx.in_span(Span(sentence.start, found.start), classes)
    if earlier and _DESCRIBED_BY.fullmatch(ctx.text, earlier[-1].end, found.start):
        return earlier[-1]
    return found


# "X, established under Act A (No. 5 of 2001), is run by": A is inside a participle clause
_ESTABLISHED_BY = re.compile(r",\s*(?:established|created|set\s+up|introduced|instituted|"
                            r"governed|regulated|cr[ée]{2}e?s?|institu[ée]e?s?|cread[oa]s?|"
                            r"criad[oa]s?)\s+(?:under|by|in|through|par|en|por|pel[oa]|"
                            r"pela|ao\s+abrigo\s+d[aoe])\s+(?:the\s+|la\s+|le\s+|l['’]|"
                            r"el\s+|a\s+|o\s+)?$")
_CLAUSE_CLOSED = re.compile(r"[^,;:]{0,20}?(?:\s*\([^)]*\))?\s*,\s*(?:which\s+)?(?:is|are|was|"
                            r"were|has\s+been|est|sont|es|son|fue|é|são|foi)\s+"
                            r"(?:also\s+|jointly\s+)?")


def _established_head(ctx: Context, sentence: Span, found: Placed,
                      cue: int) -> Placed | None:
    """The name a participle clause holding ``found`` describes ("The Fund, created by Law
    A, is managed by B": the Fund), else None."""
    clause = _ESTABLISHED_BY.search(ctx.text, sentence.start, found.start)
    if clause is None or not _CLAUSE_CLOSED.fullmatch(ctx.text, found.end, cue):
        return None
    heads = ctx.in_span(Span(sentence.start, clause.start()),
                        SUBJECT_CLASSES | ORGANISATION_CLASSES)
    if heads and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?", ctx.text[heads[-1].end : clause.start()]):
        return heads[-1]
    return None


def _named_subject(ctx: Context, sentence: Span, found: Placed,
                   classes: Iterable[URIRef], cue: int) -> Placed | None:
    """What the passive at ``cue`` is about: ``found`` as titled, or the name a participle
    clause holding it describes; None when that name is of none of ``classes`` ("The Fund,
    set up under Act A, is administered by B": neither the act nor, here, the fund)."""
    titled = _titled(ctx, sentence, found, classes, cue)
    head = _established_head(ctx, sentence, titled, cue) if titled is not None else None
    if head is None:
        return titled
    return head if head.entity.cls in classes else None


# An opening quotation mark not closed before the name: the name is inside a title
_IN_TITLE = re.compile(r"[«“][^»”]*$")


def _titled(ctx: Context, sentence: Span, found: Placed,
            classes: Iterable[URIRef], cue: int) -> Placed | None:
    """``found`` (or the head an apposition around it describes), or when it is inside a
    quoted title ("le projet « Appui à la Politique X »"), the titled thing named around it
    (None when the title was not read as one)."""
    if not _IN_TITLE.search(ctx.text, sentence.start, found.start):
        return _described_head(ctx, sentence, found, cue, classes)
    around = [p for p in ctx.overlapping(found.mention.span, classes) if p.start < found.start]
    return min(around, key=lambda p: p.start) if around else None
# "A and B are managed by C and D respectively": A by C, B by D
_RESPECTIVELY = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:respectively|respectivement|"
                           r"respectivamente)\b")
_PASSIVE_BE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:are|were|is|was|will\s+be|sont|son|são)\s+"
                         r"(?:also\s+|jointly\s+)?$")


def _respectively(ctx: Context, sentence: Span, cue: int, agents: list[Placed]) -> None:
    """Pair each listed subject with its agent; nothing when the two lists differ in length
    (one subject was not read as a name: which agent is whose is then unknown)."""
    done = ctx.in_span(Span(sentence.start, cue), SUBJECT_CLASSES)
    if not done or not _PASSIVE_BE.fullmatch(ctx.text, done[-1].end, cue):
        return
    listed = [done[-1]]
    for placed in reversed(done[:-1]):
        if not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?:and|et|y|e)\s+)?(?:the\s+)?",
                            ctx.text[placed.end : listed[0].start]):
            break
        listed.insert(0, placed)
    if len(listed) != len(agents):
        return
    for project, agent in zip(listed, agents, strict=True):
        ctx.add(project.entity.iri, SPKG.implementedBy, agent.entity.iri, sentence,
                project.mention.span, agent.mention.span)


# "… into one system managed by", "… with a new fund administered by": the participle is
# about the noun right before it, not the scheme named earlier
_OTHER_NOUN = re.compile(r"\s*(?:\([^)]*\)\s*)?\s+(?:into|to|in|with|for|under|as)\s+"
                         r"(?:an?|one|the|a\s+single|a\s+new|its)\s+[\w\s-]{1,40}?\s+$")
# "X was created by Law A and is paid by B": a second passive shares the first's subject
_SECOND_PASSIVE = re.compile(r"\s(?:and|et|y)\s+(?:is|are|was|were|will\s+be|has\s+been|"
                             r"est|sont|a\s+été|sera|seront|es|son|fue|será)\s+"
                             r"(?:also\s+|now\s+)?$")
_FIRST_VERB = re.compile(r"\s(?:is|are|was|were|has|have|will|est|sont|a|es|son|fue)\s")


def _agent_of_first_passive(ctx: Context, sentence: Span, found: Placed, cue: int) -> bool:
    """Whether ``found`` is the agent of an earlier passive ("created by Law A") or the
    object of a first verb ("It amends Law A on … and will be implemented by B") joined by
    "and" to the one at ``cue``: then it is not what B does."""
    return bool((re.search(r"\b(?:by|par|por)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+)?$",
                           ctx.text[sentence.start : found.start])
                 or _AMENDS.search(ctx.text, sentence.start, found.start))
                and _SECOND_PASSIVE.search(ctx.text, found.end, cue))


# "It amends the Law …", "Elle modifie la loi …", "Modifica la Ley …": found is its object
_AMENDS_VERB = re.compile(r"\s(?:amends|amended|replaces|repeals|modifie|remplace|abroge|"
                          r"modifica|reemplaza|deroga|altera|revoga)\s")
_AMENDS = re.compile(_AMENDS_VERB.pattern + r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?$")


def _first_verb(ctx: Context, sentence: Span, cue: int) -> int:
    """Where the sentence's first verb starts (its subject ends), else ``cue``."""
    starts = [m.start() for m in (_FIRST_VERB.search(ctx.text, sentence.start, cue),
                                  _AMENDS_VERB.search(ctx.text, sentence.start, cue)) if m]
    return min(starts, default=cue)


@rule("implementer", family="implementation")
def implementer(ctx: Context, sentence: Span) -> None:
    # "A continues to implement the X": A implements it ("will continue to run" too)
    pattern = (r"\b(?:is\s+|are\s+|will\s+)?(?:continues\s+to\s+|continue\s+to\s+|"
               r"continued\s+to\s+)?(?:jointly\s+|also\s+)?(?:implement(?:s|ing|ed)?|"
               r"manag(?:es|ed|ing|e)|administer(?:s|ed|ing)?|runs|ran|operates|operated|delivers|"
               r"delivered|pays)\s+(?!by\b)|"
               # "La Caisse gère le régime", "a mis en œuvre le", "El Instituto administra el",
               # "O Instituto gere o programa"
               r"(?<![\w'’])(?:(?:a|ont)\s+(?:mis\s+en\s+[œo]e?uvre|géré|administré)|gère|gèrent|"
               r"administre|administrent|met\s+en\s+[œo]e?uvre|mettent\s+en\s+[œo]e?uvre|"
               r"(?:ha|han)\s+(?:implementado|ejecutado|administrado)|administra|administran|"
               r"gestiona|gestionan|implementa|implementan|ejecuta|ejecutan|implementó|ejecutó|"
               r"gere|gerem|executa|executam|implementou|executou|administrou)\s+"
               r"(?:conjointement\s+|conjuntamente\s+)?(?=(?:le|la|les|el|los|las|o|a|os|as)\s|l['’])")
    for cue in ctx.cues(pattern, sentence):
        target = _managed(ctx, sentence, cue.end())
        if target is None:
            target = ctx.anaphor_after(cue.end(), sentence, SUBJECT_CLASSES)  # "the scheme"
        elif target.start != cue.end() and not re.fullmatch(
                r"\s*(?:the|an?|its|le|la|les|l['’]|el|los|las|o|os|as)\s*"
                r"(?:new\s+|revised\s+|national\s+|nouveau\s+|nuevo\s+|novo\s+)?",
                ctx.text[cue.end() : target.start]) and not (
                    target.entity.cls == SPKG.Law
                    and _UNNAMED_UNDER.fullmatch(ctx.text, cue.end(), target.start)):
            target = None
        agents = _agents_before(ctx, sentence, cue.start())
        if not agents or target is None:
            continue
        if target.entity.cls == SPKG.Project:  # "A and B jointly implement the … Programme"
            for each in agents:
                ctx.add(target.entity.iri, SPKG.implementedBy, each.entity.iri, sentence,
                         target.mention.span, each.mention.span)
            continue
        targets = [target, *_more_targets(ctx, sentence, target)]
        for each in agents:
            for done in targets:
                ctx.add(each.entity.iri, SPKG.implements, done.entity.iri, sentence,
                        each.mention.span, done.mention.span)


# "administers the contributory scheme set up under the X Act": a scheme named only by
# its law, which stands for it
_UNNAMED_UNDER = re.compile(r"\s*(?:the|its)\s+(?:[a-z][\w-]*\s+){0,3}(?:scheme|regime|"
                            r"system|insurance)\s+(?:set\s+up|established|created|instituted|"
                            r"governed)\s+(?:under|by)\s+(?:the\s+)?")
# A provident or pension fund a body manages is a scheme it runs, whatever its class
_FUND = re.compile(r"(?i)\b(?:funds?|fonds|fondos?|fundos?)\b")


def _managed(ctx: Context, sentence: Span, position: int) -> Placed | None:
    """What the verb ending at ``position`` runs: the next intervention, project or body,
    or a fund named before it ("manages the Provident Fund (PF) and the X Scheme")."""
    target = ctx.after(position, sentence, SUBJECT_CLASSES)
    fund = ctx.after(position, sentence, ORGANISATION_CLASSES)
    if fund is not None and (target is None or fund.start < target.start) and _FUND.search(
            fund.entity.label):
        return fund
    return target


def _agents_before(ctx: Context, sentence: Span, verb: int) -> list[Placed]:
    """Who does what the verb at ``verb`` says: the organisations listed right before it
    (or the last one named), through "(MIDES), which" and ", with B and C," asides."""
    # "A, with B and C, delivered …": the ones named in the aside act with A
    # "A (AA), a body under the Ministry (MM), administers …": the apposition describes A
    described = _DESCRIPTION.search(ctx.text, sentence.start, verb)
    verb = described.start() if described else verb
    aside = _WITH_ASIDE.search(ctx.text, sentence.start, verb)
    end = aside.start() if aside else verb
    agents = ctx.listed_before(sentence, end)
    agent = agents[-1] if agents else ctx.before(sentence, end, ORGANISATION_CLASSES)
    # "the Ministry (MIDES), which runs the X": a relative clause of the agent's
    if agent is None or not re.fullmatch(
            r"\)?\s*(?:\([^)]*\))?\s*(?:,\s*(?:which|that|who)\s+)?", ctx.text[agent.end : end]):
        return []
    agents = agents or [agent]
    head = _head_of(ctx, sentence, agent)
    if len(agents) == 1 and head is not None:  # "the Department of the Ministry, which runs"
        agents = [head]
    elif len(agents) == 1 and _UNREAD_HEAD.search(ctx.text, sentence.start, agent.start):
        return []  # "the Social Welfare Unit of the Ministry, which runs": the unit does
    if aside:
        agents += [p for p in ctx.in_span(Span(aside.start(), aside.end()), ORGANISATION_CLASSES)
                   if p.entity.iri != agent.entity.iri]
    return agents


# "the Department of Social Protection of the Ministry of X": the first body is the head
_OF_HEAD = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:of|under|within|du|de|de\s+la|del|da|do)\s+"
                      r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|o\s+|a\s+)?")


# A capitalised name the entity stage did not read, of which the agent is the complement
_UNREAD_HEAD = re.compile(r"[A-Z][\w'’-]*\s+(?:of|under|within|du|de|de\s+la|del|da|do)\s+"
                          r"(?:the\s+|la\s+|le\s+|l['’]|el\s+|o\s+|a\s+)?$")


def _head_of(ctx: Context, sentence: Span, agent: Placed) -> Placed | None:
    """The body ``agent`` is part of the name of ("A of the B", "A under the B"): A, the
    head of the phrase, is who a verb or relative clause after B is about."""
    head = ctx.before(sentence, agent.start, ORGANISATION_CLASSES)
    if head is None or head.end > agent.start or not _OF_HEAD.fullmatch(
            ctx.text, head.end, agent.start):
        return None
    return head


# ", a body under the Ministry (MM),", ", known in Malagasy as FMPS," between an agent and
# its verb
_DESCRIPTION = re.compile(r",\s*(?:(?:an?|un|une|una?)\s+|(?:also\s+)?known\s+|"
                          r"(?:formerly|also)\s+called\s+|"
                          # "A (AA), under the Ministry (MM), implements …": where A sits
                          r"(?:placed\s+|placée?s?\s+)?(?:under|within|attached\s+to|part\s+of|sous\s+la\s+"
                          r"tutelle\s+d[eu]|rattachée?\s+à|bajo|adscrit[oa]\s+al?)\s+)"
                          r"[^,;()]{2,100}(?:\([^)]*\)\s*)?,\s*$")
# ", with the WFP and UNICEF," between an agent and its verb
_WITH_ASIDE = re.compile(r",\s*(?:together\s+|jointly\s+)?with\s+[^,;]{2,120},\s*$")
# Between two interventions an agent runs: "the A for persons aged 65 and over, the B and
# the C" (a short complement of the first, then a comma or "and").
_NEXT_TARGET = re.compile(r"(?:\s+\([^)]*\))?(?:\s+(?:for|of|to|in|pour|para)\s+[^,;.()]{1,60}?)?"
                          # "the A, a monthly transfer for persons aged 65 and over, and the B":
                          # an apposition of the first, then "and"
                          r"(?:\s*,\s*(?:an?|un|une|una?|um|uma)\s+[^,;.()]{1,80}?(?=,\s*(?:and|et|y|e)\s))?"
                          r"\s*(?:,\s*(?:(?:and|et|y|e)\s+)?|\s+(?:and|et|y|e)\s+)"
                          r"(?:the\s+|le\s+|la\s+|les\s+|l['’]|el\s+|los\s+|las\s+|o\s+|a\s+|"
                          r"os\s+|as\s+)?")


def _more_targets(ctx: Context, sentence: Span, first: Placed) -> list[Placed]:
    """The interventions listed after the first one an agent runs (nothing else between)."""
    if first.start < sentence.start:
        return []
    more: list[Placed] = []
    last = first
    for placed in ctx.in_span(Span(first.end, sentence.end), INTERVENTION_CLASSES):
        if placed.start < last.end or placed.entity.iri == last.entity.iri:
            continue
        if not _NEXT_TARGET.fullmatch(ctx.text, last.end, placed.start):
            break
        more.append(placed)
        last = placed
    return more


@rule("responsible-for", family="implementation")
def responsible_for(ctx: Context, sentence: Span) -> None:
    """"The Social Security Fund is responsible for implementing the X Scheme", "…, the
    agency in charge of administering the Y": the body implements it."""
    pattern = (r"\b(?:responsible|in\s+charge|mandated|tasked)\s+(?:for|of|with|to)\s+"
               r"(?:the\s+)?(?:implement(?:ing|ation\s+of)|administ(?:ering|ration\s+of)|"
               r"manag(?:ing|ement\s+of)|deliver(?:ing|y\s+of)|running|operat(?:ing|ion\s+of)|"
               r"implement)\s+(?:the\s+)?")
    for cue in ctx.cues(pattern, sentence):
        target = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES | {SPKG.Project})
        if target is None or target.start != cue.end():
            continue
        agent = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
        if agent is None or not re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:the|a|an)\s+[\w\s-]{0,40}?|\s+(?:is|are|was|were|"
                r"has\s+been|will\s+be|becomes|became))\s*(?:also\s+|now\s+|solely\s+)?",
                ctx.text[agent.end : cue.start()]):
            continue
        if target.entity.cls == SPKG.Project:
            ctx.add(target.entity.iri, SPKG.implementedBy, agent.entity.iri, sentence,
                    target.mention.span, agent.mention.span)
        else:
            ctx.add(agent.entity.iri, SPKG.implements, target.entity.iri, sentence,
                    agent.mention.span, target.mention.span)


# "…, and its implementation is entrusted to the Fund", "sa mise en œuvre est confiée à la
# Caisse", "su aplicación está a cargo del Instituto", "a sua execução foi atribuída ao"
_ENTRUSTED = (r"\b(?:[Ii]ts|[Ss]a|[Ss]u|[Aa]\s+sua)\s+(?:implementation|administration|mise\s+en\s+"
              r"(?:œuvre|oeuvre)|gestion|aplicación|ejecución|implementación|gestión|"
              r"implementação|execução|gestão)\s+(?:is|will\s+be|has\s+been|was|est|sera|"
              r"a\s+été|está|estará|es|será|fue|é|foi)\s+(?:(?:entrusted|assigned)\s+to\s+"
              r"(?:the\s+)?|confiée?\s+(?:à\s+la\s+|à\s+l['’]|au\s+)|a\s+cargo\s+"
              r"(?:de\s+la\s+|del\s+)|(?:confiada|atribuída)\s+(?:a\s+la\s+|al\s+|à\s+|ao\s+))")
_OWN_OPENING = re.compile(r"\s*(?:The|La|Le|L['’]|El|O|A)?\s*")
_PRONOUN_OPENING = re.compile(r"\s*(?:It|Il|Elle|Ella|Ele)\s")
# "Its implementation is entrusted to …" opening a sentence: "Its" is what came before
_POSSESSIVE_OPENING = re.compile(r"\s*(?:Its|Sa|Son|Su|A\s+sua)\s")


@rule("entrusted-to", family="implementation")
def entrusted_to(ctx: Context, sentence: Span) -> None:
    """"The Act amends the Code, and its implementation is entrusted to the Fund": the law
    or programme the sentence is about (its opening name, or what an opening "It" points
    at) is implemented by the body named right after the cue."""
    for cue in ctx.cues(_ENTRUSTED, sentence):
        agent = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        subject = _sentence_subject(ctx, sentence)
        if agent is None or agent.start != cue.end() or subject is None:
            continue
        ctx.add(subject.entity.iri, SPKG.implementedBy, agent.entity.iri, sentence,
                subject.mention.span, agent.mention.span)


def _previous_coverer(ctx: Context) -> Placed | None:
    """The intervention the previous sentence said covers someone or something ("G are
    covered under the decision for old age. Its implementation …"), else None."""
    if ctx.previous is None:
        return None
    for fact in ctx.facts.of(ctx.previous):
        if fact.predicate in (SPKG.extendsCoverageTo, SPKG.coversContingency) and fact.words:
            named = [p for p in ctx.overlapping(fact.words[0], INTERVENTION_CLASSES)
                     if p.entity.iri == fact.subject]
            if named:
                return named[0]
    return None


def _sentence_subject(ctx: Context, sentence: Span) -> Placed | None:
    """The law, programme or project a sentence opens with, or the one its opening pronoun
    points at, else None."""
    wanted = INTERVENTION_CLASSES | {SPKG.Project}
    if _PRONOUN_OPENING.match(ctx.text, sentence.start, sentence.end):
        focus = ctx.focus
        return focus if focus is not None and focus.entity.cls in wanted else None
    if _POSSESSIVE_OPENING.match(ctx.text, sentence.start, sentence.end):
        return _previous_coverer(ctx)  # a law named only as amended implements nothing
    named = ctx.in_span(sentence, wanted)
    if named and _OWN_OPENING.fullmatch(ctx.text, sentence.start, named[0].start):
        return named[0]
    return None


# "the X that the Fund ran from 2019", "the X which the Ministry administers": the agent of
# a relative clause about the intervention named right before it; French and Spanish put the
# verb first ("le X que gère la Caisse", "el X que administra el Instituto").
_RELATIVE_AGENT = re.compile(r"\s*(?:\([^)]*\)\s*)?"
                             # "the pilot scheme for farm workers that the CNRP ran"
                             r"(?:\s*(?:for|of|in)\s+[^,;.()]{1,50}?\s+(?=that\s|which\s))?"
                             r",?\s*(?:(?:that|which)\s+(?:the\s+)?|"
                             # "le X que la Caisse gère", "el X que el Instituto administra"
                             r"(?:que\s+|qu['’])(?:la\s+|le\s+|l['’]|el\s+|o\s+|a\s+)?)$")
_RELATIVE_VERB = re.compile(
    r"\s*(?:(?:has|have|had|will|also|now|jointly)\s+)*(?:implement(?:s|ed)?|manag(?:es|ed|e)|"
    r"administer(?:s|ed)?|runs|ran|run|operates|operated|operate|delivers|delivered|deliver|"
    r"pays|paid|pay)\b")
# The agent's verb after it, in French, Spanish and Portuguese ("que la Caisse gère", "que
# l'Institut a mis en œuvre", "que el Instituto administra", "que o Instituto executa")
_ROMANCE_RELATIVE_VERB = re.compile(
    r"\s*(?:(?:a|ont|avait|ha|han|había|tem|têm|vai)\s+)?(?:également\s+|también\s+|também\s+)?"
    r"(?:gère|gèrent|gérait|géré|administre|administré|administrait|met\s+en\s+[œo]e?uvre|"
    r"mis\s+en\s+[œo]e?uvre|mettait\s+en\s+[œo]e?uvre|administra|administrado|administraba|"
    r"gestiona|gestionado|gestionaba|implementa|implementado|implementaba|ejecuta|ejecutado|"
    r"ejecutaba|opera|operado|operaba|gere|gerido|executa|executado|implementar|gerir|"
    r"administrar|executar)\b")
_QUE_VERB = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*que\s+(?:gère|gérait|administre|administrait|met\s+en\s+[œo]e?uvre|"
    r"mettait\s+en\s+[œo]e?uvre|administra|administraba|gestiona|gestionaba|implementa|"
    r"implementaba|ejecuta|ejecutaba|opera|operaba)\s+(?:la\s+|le\s+|l['’]|el\s+|los\s+|las\s+)?$")


@rule("relative-implementer", family="implementation")
def relative_implementer(ctx: Context, sentence: Span) -> None:
    if not re.search(r"\b(?:that|which|que)\b", ctx.text[sentence.start : sentence.end]):
        return
    placed = ctx.in_span(sentence, INTERVENTION_CLASSES | ORGANISATION_CLASSES)
    for done, agent in pairwise(placed):
        if done.entity.cls not in INTERVENTION_CLASSES or (
                agent.entity.cls not in ORGANISATION_CLASSES) or agent.start < done.end:
            continue
        gap = ctx.text[done.end : agent.start]
        if _RELATIVE_AGENT.fullmatch(gap):
            verb = (_ROMANCE_RELATIVE_VERB if re.search(r"\bqu", gap) else _RELATIVE_VERB).match(
                ctx.text, _acronym_end(ctx, agent), sentence.end)
        else:
            verb = _QUE_VERB.fullmatch(gap)
        if verb is not None:
            ctx.add(agent.entity.iri, SPKG.implements, done.entity.iri, sentence,
                    agent.mention.span, done.mention.span)


def _acronym_end(ctx: Context, placed: Placed) -> int:
    """Where a name ends, with the acronym in brackets after it."""
    after = re.match(r"\s*\([^)]*\)", ctx.text[placed.end : placed.end + 40])
    return placed.end + after.end() if after else placed.end


# "The Ministry (MIA) pays a monthly benefit to older persons under the X Scheme", "the Fund
# registered 4,000 workers under the X", "la Caisse verse des prestations au titre du X": a
# body paying or enrolling people under an intervention runs it; under a law, it runs the
# law's scheme, which annotators read as the law ("the SIO pays pensions under Decree No. 24").
_PAYS_UNDER = re.compile(
    r"\b(?:pays|paid|registers|registered|(?:will|to|began\s+to)\s+(?:register|enrol|pay)|"
    r"enrol(?:l?s|led)|affiliates|affiliated|paie|verse|"
    r"versé|a\s+versé|a\s+inscrit|immatricule|paga|pagó|inscribe|inscribió|afilia|afilió|"
    r"registra|registró|inscreve|inscreveu|registou)\s+"
    r"(?:[^.;()]|\([^)]*\)){0,120}?\s(?:under|through|au\s+titre|dans\s+le\s+cadre|bajo|"
    r"a\s+través|en\s+el\s+marco|no\s+âmbito|através|in(?=\s+its\s)|"
    # "paid a top-up to recipients of the Old Age Pension": the pension's payer
    r"to\s+(?:all\s+)?(?:the\s+)?(?:recipients|beneficiaries|pensioners|members)\s+of)"
    r"(?:\s+(?:the|its|their|de\s+la|de\s+l['’]|du|des|del|de|do|da|el|la|le|o|a))?\s+")
_RUN_UNDER = INTERVENTION_CLASSES
# the paying verbs of _PAYS_UNDER: a body paying under a law runs it, one enrolling under it
# does not (annotated so in every batch)
_PAYING = re.compile(r"(?:pays|paid|(?:will|to|began\s+to)\s+pay|paie|verse|versé|a\s+versé|"
                     r"paga|pagó|to\s+(?:all\s+)?(?:the\s+)?(?:recipients|beneficiaries))\b")


@rule("pays-under", family="implementation")
def pays_under(ctx: Context, sentence: Span) -> None:
    for cue in _PAYS_UNDER.finditer(ctx.text, sentence.start, sentence.end):
        target = ctx.after(cue.end(), sentence, _RUN_UNDER | ORGANISATION_CLASSES)
        if target is None or target.start != cue.end() or target.entity.cls not in _RUN_UNDER:
            continue
        if ctx.in_span(Span(cue.start(), target.start), INTERVENTION_CLASSES | {SPKG.Project}):
            continue  # "pays the X benefit under the Y": which one it runs is unclear
        if target.entity.cls == SPKG.Law and not _PAYING.match(cue.group()):
            continue  # "registered vendors under the Act": the Act is the basis, not run
        targets = [target, *_and_to_under(ctx, sentence, target)]
        for agent in _agents_before(ctx, sentence, cue.start()):
            for each in targets:
                ctx.add(agent.entity.iri, SPKG.implements, each.entity.iri, sentence,
                        agent.mention.span, each.mention.span)


# "… to A under the X Act, and to B under the Y Law": a second recipient and its basis
_AND_TO_UNDER = re.compile(
    r"[^;]{0,80}?,?\s+(?:and|et|y|e)\s+(?:to|à|aux|a|al)\s+[^,;.()]{1,80}?\s(?:under|au\s+titre\s+"
    r"d[eu]|bajo|en\s+virtud\s+de)(?:\s+(?:the|la|le|l['’]|el|du|del))?\s*")


def _and_to_under(ctx: Context, sentence: Span, first: Placed) -> list[Placed]:
    """The intervention a second "and to B under the Y" names after ``first``."""
    more = _AND_TO_UNDER.match(ctx.text, first.end, sentence.end)
    if more is None:
        return []
    found = ctx.after(more.end(), sentence, _RUN_UNDER)
    return [found] if found is not None and found.start == more.end() else []


# "unemployment benefits are paid by the NES under the Law on Employment …", "les pensions
# sont versées par la Caisse au titre du Code …"
_PAID_BY_UNDER = re.compile(
    r"\b(?:paid|versée?s?|servie?s?|pagad[oa]s?)\s+(?:by|par|por)\s+"
    r"(?:the\s+|la\s+|le\s+|l['’]|el\s+)?")
_UNDER_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:under|au\s+titre|dans\s+le\s+cadre|bajo|"
                          r"en\s+virtud|no\s+âmbito)(?:\s+(?:the|de\s+la|de\s+l['’]|du|des|"
                          r"del|de|do|da|el|la|le|o|a))?\s+")


@rule("paid-by-under", family="implementation")
def paid_by_under(ctx: Context, sentence: Span) -> None:
    """"Benefits are paid by the Fund under the X Act": the Fund implements the Act (when
    what is paid is not a named scheme: "the EPF, paid by the Bank under the Act" is the
    EPF's, and the Act its basis)."""
    for cue in _PAID_BY_UNDER.finditer(ctx.text, sentence.start, sentence.end):
        clause = max(ctx.text.rfind(",", sentence.start, cue.start()),
                     ctx.text.rfind(";", sentence.start, cue.start()), sentence.start)
        if ctx.in_span(Span(clause, cue.start()), SUBJECT_CLASSES | ORGANISATION_CLASSES):
            continue
        named = ctx.before(sentence, clause, SUBJECT_CLASSES | ORGANISATION_CLASSES)
        if named is not None and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?",
                                              ctx.text[named.end : clause]) and not re.match(
                r",\s*(?:and|et|y|e)\s", ctx.text[clause : cue.start()]):
            continue  # "the EPF (EPF), paid by …": an apposition of the thing named
        agent = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        if agent is None or agent.start != cue.end():
            continue
        under = _UNDER_AFTER.match(ctx.text, agent.end, sentence.end)
        target = ctx.after(under.end(), sentence, _RUN_UNDER) if under else None
        if target is None or under is None or target.start != under.end():
            continue
        ctx.add(agent.entity.iri, SPKG.implements, target.entity.iri, sentence,
                agent.mention.span, target.mention.span)


# "the health insurance scheme of the CNAM", "l'assurance invalidité de l'ONSS",
# "el seguro de salud de la Caja": a scheme named as a social security institution's own
_SCHEME_OF = re.compile(r"\s*(?:of\s+(?:the\s+)?|de\s+la\s+|de\s+l['’]\s*|du\s+|del\s+|"
                        r"da\s+|do\s+|d[oa]s\s+)")
_OWNERS = frozenset({SPKG.SocialSecurityInstitution})
_SCHEMES = frozenset({SPKG.Programme, SPKG.Scheme})


@rule("scheme-of-institution", family="implementation")
def scheme_of_institution(ctx: Context, sentence: Span) -> None:
    """A scheme named as an institution's ("the régime d'assurance maladie de la CNAM")
    is run by that institution (a social security institution: a ministry's programme may
    be only its policy)."""
    placed = ctx.in_span(sentence, _SCHEMES | ORGANISATION_CLASSES)
    for first, second in pairwise(placed):
        if second.start < first.end:
            continue
        # "the NSSA's Accident Prevention Scheme": the owner first, with a possessive
        scheme, owner = ((first, second) if _SCHEME_OF.fullmatch(ctx.text, first.end, second.start)
                         else (second, first) if re.fullmatch(r"\)?\s*['’]s?\s+", ctx.text[
                             first.end : second.start]) else (None, None))
        if scheme is None or owner is None or scheme.entity.cls not in _SCHEMES or (
                owner.entity.cls not in _OWNERS):
            continue
        ctx.add(owner.entity.iri, SPKG.implements, scheme.entity.iri, sentence,
                owner.mention.span, scheme.mention.span)
