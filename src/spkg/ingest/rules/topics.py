"""What a gathering was about, where the sentence says so other than "a workshop on X":
"X was presented/validated at a workshop", "The study was presented at …", "a round
table on the draft law" (the law named before), "…; it discussed the findings of X"."""

from __future__ import annotations

import re

from spkg.ingest.naming import INTERVENTION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import Context, Placed, anaphor_key
from spkg.ingest.rules.gatherings import gatherings_in
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

TOPIC_CLASSES = INTERVENTION_CLASSES | {SPKG.Study, SPKG.Project}
# "… was validated at a technical workshop", "presented at the national forum"
_AT_EVENT = re.compile(
    r"\b(?:(?:presented|validated|discussed|reviewed|examined|debated|endorsed|shared|launched)"
    # "presented in Mombasa on 8 May 2022 at a tripartite meeting": its place and date first
    r"\s+(?:[\w'’-]+,?\s+){0,8}?(?:at|during)\s+(?:an?\s+|the\s+)?|"
    # "présentée lors d'un atelier", "validada en un taller", "apresentado durante um"
    r"(?:présenté|validé|examiné|discuté|presentad|validad|discutid|apresentad)(?:e?s?|[oa]s?)"
    r"\s+(?:lors\s+d['’]une?|au\s+cours\s+d['’]une?|en\s+una?|durante\s+(?:una?|um|uma))\s+)$")
# "Elle a été présentée lors d'un atelier", "It was validated at a workshop": the pronoun is
# the study or intervention the sentence before was about
_PRONOUN = re.compile(r"\s*(?:It|Elle|Il|Ella|Ele)\s+(?:(?:was|has\s+been|a\s+été|fue|ha\s+sido|"
                      r"foi)\s+)(?:then\s+|later\s+|also\s+|ensuite\s+|luego\s+)?")
# Between the thing and its verb: an auxiliary, an aside ", prepared with support from A,",
# or "prepared by A and".
_TO_VERB = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,[^,;]{3,120},\s*)?"
    r"(?:(?:prepared|carried\s+out|conducted|produced|written|commissioned|drafted)\s+by\s+"
    r"[^,;]{1,80}?\s+and\s+)?"
    r"(?:(?:was|were|has\s+been|have\s+been|is|are|will\s+be|then|later|also|first)\s+)*")
# "The study was …": the subject named in an earlier sentence. ("Its findings were presented
# at …" is not read: blind annotators disagree whether the study is the event's topic.)
_REFERRING = re.compile(r"\s*(?:The|This)\s+(?:draft\s+)?([\w-]+)\b")
# "…; it discussed the findings of a review …"
_DISCUSSED = re.compile(
    r"\s*[;,]\s*(?:and\s+)?(?:it|participants|they)\s+(?:discussed|validated|reviewed|examined|"
    r"endorsed)\s+(?:the\s+)?(?:(?:main\s+)?(?:findings|results|recommendations|conclusions)"
    r"\s+of\s+)?(?:the\s+|an?\s+)?")
# "a round table on the draft law", "a consultation on the draft amendments"
_ON_ANAPHOR = re.compile(r"\s*(?:on|about|to\s+discuss|to\s+validate)\s+the\s+(?:draft\s+|new\s+|"
                         r"proposed\s+)?([a-z-]+)\b(?!\s+(?:of|on|to|for)\b)")


# "Both were discussed at …", "The two studies were presented at …": the studies the
# previous sentence named
_BOTH = re.compile(r"\s*(?:Both|They|The\s+two\s+(?:studies|reports)|These\s+(?:two\s+)?"
                   r"(?:studies|reports))\s+")


@rule("presented-at", family="topics")
def presented_at(ctx: Context, sentence: Span) -> None:
    """"An actuarial study of X, prepared with support from A, was validated at a technical
    workshop …", "The study was presented at a national validation workshop …", "Both were
    discussed at a consultation …" (the studies of the sentence before)."""
    for event in gatherings_in(ctx, sentence):
        if event.start < sentence.start:
            continue
        verb = _AT_EVENT.search(ctx.text, sentence.start, event.start)
        if verb is None:
            continue
        topic = _subject_of(ctx, sentence, verb.start())
        both = _BOTH.match(ctx.text, sentence.start, verb.start())
        topics = [topic] if topic is not None else (
            _studies_referred(ctx, their=True) if both and _TO_VERB.fullmatch(
                ctx.text, both.end(), verb.start()) else [])
        for each in topics:
            ctx.add(event.entity.iri, SPKG.concerns, each.entity.iri, sentence,
                    event.mention.span, each.mention.span)


def _subject_of(ctx: Context, sentence: Span, verb: int) -> Placed | None:
    """The study or intervention whose verb starts at ``verb``: named in the sentence with
    only an auxiliary or an aside between, else one an opening "The study" refers to."""
    for candidate in reversed(ctx.in_span(Span(sentence.start, verb), TOPIC_CLASSES)[-2:]):
        if _TO_VERB.fullmatch(ctx.text, candidate.end, verb):
            return candidate
    if ctx.in_span(Span(sentence.start, verb), TOPIC_CLASSES):
        return None
    if _PRONOUN.fullmatch(ctx.text, sentence.start, verb):
        # what is presented or validated is a study: the last one the sentence before named,
        # or the one it opened with ("The review was funded by A. It was discussed at …")
        named = ctx.in_span(ctx.previous, {SPKG.Study}) if ctx.previous is not None else []
        return named[-1] if named else _study_opening(ctx)
    opening = _REFERRING.match(ctx.text, sentence.start, verb)
    if opening is None or not _TO_VERB.fullmatch(ctx.text, opening.end(), verb):
        return None
    return ctx.referent(_noun(opening.group(1)), TOPIC_CLASSES)


def _noun(word: str) -> str:
    """The noun a referring word stands for: "analysis" stays itself, "studies" is "study"."""
    return anaphor_key(word) or word.casefold().removesuffix("s")


def _study_opening(ctx: Context) -> Placed | None:
    """The study an opening "The review …" of the sentence before refers to, when that
    sentence names no study or intervention itself."""
    before = ctx.previous
    if before is None or ctx.in_span(before, TOPIC_CLASSES):
        return None
    opening = _REFERRING.match(ctx.text, before.start, before.end)
    return ctx.referent(_noun(opening.group(1)), {SPKG.Study}) if opening else None


@rule("discussed-at", family="topics")
def discussed_at(ctx: Context, sentence: Span) -> None:
    """"A round table … was held in X on D; it discussed the findings of a review of Y"
    and "a round table on the draft law" (the law named before)."""
    for event in gatherings_in(ctx, sentence):
        if event.start < sentence.start:
            continue
        on = _ON_ANAPHOR.match(ctx.text, event.end, sentence.end)
        if on is not None and not ctx.in_span(Span(event.end, on.end()), TOPIC_CLASSES):
            # a law or policy only: whether a workshop "on the valuation" concerns the
            # study, blind annotators disagree
            topic = ctx.referent(_noun(on.group(1)), INTERVENTION_CLASSES)
            if topic is not None:
                ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                        event.mention.span, Span(event.end + 1, on.end()))
        for said in _DISCUSSED.finditer(ctx.text, event.end, sentence.end):
            topic = ctx.after(said.end(), sentence, TOPIC_CLASSES)
            if topic is not None and topic.start == said.end():
                ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                        event.mention.span, topic.mention.span)
            break


# "validated the draft X at a workshop", "presented the findings of its review of X to the
# Ministry at a seminar": an active verb, its object, then the gathering.
_ACTIVE = re.compile(
    r"\b(?:presented|validated|discussed|reviewed|examined|debated|endorsed|shared|launched|"
    r"présenté|validé|examiné|presentó|validó|presentaron|validaron)\s+"
    r"(?:the\s+|its\s+|their\s+|an?\s+|le\s+|la\s+|les\s+|l['’]|el\s+|los\s+)?"
    r"(?:(?:main\s+)?(?:findings|results|conclusions|recommendations|draft)\s+(?:of\s+)?"
    r"(?:the\s+|its\s+|their\s+|an?\s+)?)?")
# Between the object and the gathering: "to the Ministry (MLSS)", then "at a", "during the"
_TO_AT = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:to\s+[^,;.]{2,120}?\s+)?"
                    # "an assessment of X against the Convention, 1952 (No. 102) at a"
                    r"(?:(?:against|in\s+line\s+with)\s+[^;]{3,160}?\s+)?"
                    r"(?:at|during|lors\s+d['’]un\w*|durante|en)\s+(?:an?\s+|the\s+|la\s+|le\s+|el\s+|une?\s+)?$")
# "a dialogue on the reform of Ley 87-01", "a workshop on the implementation of the Act"
_ON_WORK_OF = re.compile(r"\s+(?:on|about|sur|sobre)\s+(?:the\s+|la\s+|le\s+|el\s+|l['’])?"
                         r"(?:draft\s+)?(?:reform|revision|review|amendment|implementation|"
                         r"draft|findings|results|réforme|révision|mise\s+en\s+œuvre|"
                         r"reforma|revisión|implementación)\s+(?:of|de|du|des|del)\s+"
                         r"(?:the\s+|la\s+|le\s+|el\s+|l['’])?")


# "A presented both at a national workshop", "a présenté les deux lors d'un atelier",
# "presentó ambos en un taller": the studies of the sentence before
_ACTIVE_BOTH = re.compile(
    r"\b(?:presented|validated|discussed|shared|présenté|validé|presentó|validó|presentaron|"
    r"validaron|apresentou|validou)\s+(?:both|them\s+both|the\s+two(?:\s+studies|\s+reports)?|"
    r"les\s+deux|ambos|ambas|os\s+dois|as\s+duas)\s+(?:at|during|lors\s+d['’]une?|en|durante)"
    r"\s+(?:an?\s+|the\s+|une?\s+|una?\s+|um\s+|uma\s+)?$")


def _previous_studies(ctx: Context) -> list[Placed]:
    """The studies the sentence before named, when it named two or more ("both")."""
    named = ctx.in_span(ctx.previous, {SPKG.Study}) if ctx.previous is not None else []
    unique = list({p.entity.iri: p for p in named}.values())
    return unique if len(unique) >= 2 else []


@rule("active-at", family="topics")
def active_at(ctx: Context, sentence: Span) -> None:
    """"Government and workers validated the draft X at a national workshop", "The ILO
    presented the findings of its review of Y to the Ministry at a seminar": the gathering
    concerns X; "a dialogue on the reform of Z": it concerns Z."""
    for event in gatherings_in(ctx, sentence):
        if event.start < sentence.start:
            continue
        work = _ON_WORK_OF.match(ctx.text, event.end, sentence.end)
        if work is not None:
            topic = ctx.after(work.end(), sentence, TOPIC_CLASSES)
            if topic is not None and topic.start == work.end():
                ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                        event.mention.span, topic.mention.span)
        if _ACTIVE_BOTH.search(ctx.text, sentence.start, event.start):
            for topic in _previous_studies(ctx):
                ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                        event.mention.span, topic.mention.span)
        for verb in _ACTIVE.finditer(ctx.text, sentence.start, event.start):
            topic = ctx.after(verb.end(), sentence, TOPIC_CLASSES)
            if topic is None or topic.start != verb.end() or topic.end > event.start:
                continue
            if _TO_AT.fullmatch(ctx.text, topic.end, event.start) and not ctx.in_span(
                    Span(topic.end, event.start), TOPIC_CLASSES):
                ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                        event.mention.span, topic.mention.span)


# "The conference reviewed the implementation of the X", "The workshop discussed the draft Y"
_GATHERING_DID = re.compile(
    r"\s*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:conference|workshop|seminar|meeting|"
    r"dialogue|consultation|round\s+table|roundtable|forum|session|training)\s+(?:also\s+)?"
    r"(?:reviewed|discussed|examined|validated|considered|debated|addressed|endorsed|"
    r"focused\s+on|looked\s+at)\s+(?:the\s+)?"
    r"(?:(?:implementation|findings|results|recommendations|draft|reform|revision|review|"
    r"costing)\s+of\s+(?:the\s+|its\s+)?)?(?:draft\s+|new\s+)?")


@rule("gathering-did", family="topics")
def gathering_did(ctx: Context, sentence: Span) -> None:
    """"The conference reviewed the implementation of the X": the gathering named just
    before (in the previous sentences of the section) concerns X."""
    opening = _GATHERING_DID.match(ctx.text, sentence.start, sentence.end)
    event = ctx.recent.get(SPKG.Event)
    if opening is None or event is None or event.start >= sentence.start:
        return
    topic = ctx.after(opening.end(), sentence, TOPIC_CLASSES)
    if topic is not None and topic.start == opening.end():
        ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                event.mention.span, topic.mention.span)


# "Its findings were discussed at a workshop …", "Their results were presented at …", "Ses
# conclusions ont été présentées lors d'un atelier", "Sus resultados fueron validados en un
# taller": the findings are a study's, named before; the gathering concerns that study.
_FINDINGS_AT = re.compile(
    r"\s*(?:(?P<its>Its|Ses|Sus|Seus|Suas)|(?P<their>Their|Leurs)|The|Les|Los|Las|Os|As)\s+"
    # "The ABND results", "The valuation's findings": the study named in the opening
    r"(?:(?P<named>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}?)\s+)??"
    r"(?:main\s+|key\s+|principa(?:ux|les)\s+|principales\s+)?"
    r"(?:findings|results|conclusions|recommendations|résultats|recommandations|resultados|"
    r"conclusiones|hallazgos|recomendaciones|conclusões|recomendações)"
    # an aside: "Its recommendations, including a child benefit …, were validated at …"
    r"(?:,[^;]{3,250}?,)?\s+"
    r"(?:(?:(?:were|was|have\s+been|ont\s+été|fueron|han\s+sido|foram)\s+)"
    r"(?:then\s+|later\s+|also\s+)?"
    r"(?:presented|discussed|validated|reviewed|examined|debated|shared|"
    r"présenté|discuté|validé|examiné|presentad|discutid|validad|examinad|apresentad)"
    r"(?:e?s|[oa]s)?\b|"
    # the Spanish reflexive passive: "se presentaron en un taller"
    r"se\s+(?:presentaron|debatieron|discutieron|validaron|examinaron|analizaron)\b)")


# A gathering named after its own subject ("a regional forum on social protection", "un
# atelier sur la protection sociale"): findings presented there are not what it is about.
_OWN_SUBJECT = re.compile(r"(?i)\s(?:on|about|sur|sobre)\s")


@rule("findings-at", family="topics")
def findings_at(ctx: Context, sentence: Span) -> None:
    """"Its findings were discussed at a tripartite workshop …": the gathering the sentence
    names concerns the study named before ("Their findings": each study of the previous
    sentence)."""
    opening = _FINDINGS_AT.match(ctx.text, sentence.start, sentence.end)
    if opening is None:
        return
    inside = ctx.in_span(Span(sentence.start, opening.end()), TOPIC_CLASSES)
    named = _named_study(ctx, opening, inside)
    if inside and named is None:
        return
    event = next((e for e in gatherings_in(ctx, sentence) if e.start >= opening.end()), None)
    if event is None or ctx.in_span(Span(opening.end(), event.start), TOPIC_CLASSES):
        return
    if _OWN_SUBJECT.search(event.entity.label):
        return  # "a forum on adaptive social protection": named for its own subject
    # "Its findings": the last study; "Their/The findings": each study of the sentence before
    topics = [named] if named is not None else _studies_referred(
        ctx, their=opening["its"] is None)
    for topic in topics:
        ctx.add(event.entity.iri, SPKG.concerns, topic.entity.iri, sentence,
                event.mention.span, Span(opening.start(), opening.end()))


def _named_study(ctx: Context, opening: re.Match[str], inside: list[Placed]) -> Placed | None:
    """The one study whose name fills the opening's slot ("The ABND results"), else None."""
    if opening["named"] is None or len(inside) != 1 or inside[0].entity.cls != SPKG.Study:
        return None
    study = inside[0]
    rest = ctx.text[study.end:opening.end("named")]
    if study.start != opening.start("named") or rest not in ("", "'s", "’s"):
        return None
    return study


def _studies_referred(ctx: Context, *, their: bool) -> list[Placed]:
    """The studies "its"/"the" findings are of (the last study named), or with "their" the
    studies of the previous sentence (else the last one)."""
    if their and ctx.previous is not None:
        named = ctx.in_span(ctx.previous, {SPKG.Study})
        unique = list({p.entity.iri: p for p in named}.values())
        if unique:
            return unique
    last = ctx.recent.get(SPKG.Study)
    return [last] if last is not None else []
