"""Who developed an intervention."""

from __future__ import annotations

import re

from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    AUXILIARIES,
    TOGETHER_WITH,
    Context,
    Placed,
    anaphor_opening,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG


@rule("development", family="development")
def development(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\b(?:which|that|who)\s+developed\b|\bdeveloped by\b", sentence):
        if cue.group(0).startswith("developed by"):
            intervention = ctx.subject_before(sentence, cue.start())
            # "developed by a technical committee": an indefinite body too
            article = re.compile(r"\s*(?:an?\s+)?").match(ctx.text, cue.end())
            start = article.end() if article else cue.end()
            developers = ctx.listed_after(start, sentence)
            developers += _along(ctx, sentence, developers)
        else:
            developer = ctx.before(sentence, cue.start(), ORGANISATION_CLASSES)
            developers = [developer] if developer is not None else []
            intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        if intervention is None:
            continue
        for developer in developers:
            ctx.add(intervention.entity.iri, SPKG.developedBy, developer.entity.iri,
                     sentence, intervention.mention.span, developer.mention.span)


_MADE = r"(?:prepared|drafted|designed|formulated|developed|elaborated|written|co-?developed)"
# "préparée par", "élaboré conjointement par", "elaborada por", "redactado por",
# "desenvolvido pelo", "redigida pela"
_MADE_FR_ES = (r"(?:(?:prépar|élabor|rédig|formul|développ)ée?s?|conçue?s?|"
               r"(?:preparad|elaborad|redactad|formulad|diseñad|desarrollad|redigid|"
               r"desenvolvid|concebid|desenhad)[oa]s?)")
# "a élaboré la", "ont préparé le", "elaboró la", "han redactado el"
_MADE_ACTIVE_FR_ES = (r"(?<![\w'’])(?:(?:a|ont)\s+(?:conjointement\s+)?(?:élaboré|préparé|rédigé|"
                      r"conçu|développé)|(?:elaboró|preparó|redactó|diseñó|desarrolló|"
                      r"elaboraron|prepararon|redactaron|elaborou|preparou|redigiu|desenvolveu|"
                      r"elaboraram|prepararam|desenvolveram)|(?:ha|han)\s+(?:elaborado|preparado|"
                      r"redactado|diseñado|desarrollado))\s+(?:la\s+|le\s+|les\s+|l['’]|el\s+|"
                      r"los\s+|las\s+|une?\s+|una?\s+|o\s+|a\s+|um\s+|uma\s+)?")
_BY = (r"(?:jointly\s+|conjointement\s+|conjuntamente\s+)?(?:by|par|por|pel[oa]s?)\s+"
       r"(?:the\s+|an?\s+|l['’]|la\s+|le\s+|les\s+|el\s+|los\s+|las\s+|o\s+|os\s+)?")


@rule("made-by", family="development")
def made_by(ctx: Context, sentence: Span) -> None:
    """"The policy was drafted by A and B", "… Strategy, formulated jointly by A and B, …",
    "The bill, prepared by the Ministry with technical support of the ILO, …" (the support
    is the support rules')."""
    for cue in ctx.cues(rf"\b(?:{_MADE}|{_MADE_FR_ES})\s+{_BY}", sentence):
        if cue.group(0).startswith("developed by"):
            continue  # the development rule's
        intervention = ctx.subject_before(sentence, cue.start()) or _pronoun(ctx, sentence)
        if intervention is None or ctx.in_span(Span(max(intervention.end, sentence.start),
                                                    cue.start()),
                                               ORGANISATION_CLASSES | INTERVENTION_CLASSES):
            continue  # another name stands between the intervention and its verb
        if intervention.start < sentence.start and not _subject_to_verb(ctx, sentence,
                                                                         cue.start()):
            continue  # "The decree draws on three reports prepared by …": the studies were
        if intervention.start < sentence.start and _NEW_ONE.match(ctx.text, sentence.start):
            intervention = _newer(ctx, intervention)  # "The new decree": not the one it amends
            if intervention is None:
                continue
        intervention = _not_the_amended(ctx, intervention)
        if intervention is None:
            continue
        developers = ctx.listed_after(cue.end(), sentence)
        if not developers or developers[0].start != cue.end():
            continue
        developers += _along(ctx, sentence, developers)
        for developer in developers:
            ctx.add(intervention.entity.iri, SPKG.developedBy, developer.entity.iri,
                    sentence, intervention.mention.span, developer.mention.span)


# the object of an amending act's name ("the Law amending the Law on X", "la loi modifiant
# la loi n° 5", "la Ley que modifica la Ley 20", "a Lei que altera a Lei 8"): what was
# drafted is the amending act, not the act it names
_AMENDED = re.compile(r"\b(?:amending|amendments?\s+to|modifiant|(?:que|qui)\s+(?:modifica|"
                      r"reforma|altera|modifie))\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?$")


def _not_the_amended(ctx: Context, intervention: Placed) -> Placed | None:
    """"the Law amending the Law on X, drafted by A": A drafted the amendment, the law whose
    name holds X's (None when no name holds it); any other intervention is itself."""
    if not _AMENDED.search(ctx.text, max(0, intervention.start - 40), intervention.start):
        return intervention
    around = Span(max(0, intervention.start - 200), intervention.end)
    return next((p for p in ctx.in_span(around, INTERVENTION_CLASSES)
                 if p.start < intervention.start and intervention.end <= p.end), None)


_NEW_ONE = re.compile(r"\s*(?:The|This)\s+new\s")
# "… adopted the Decree No. 5, which amends Decree No. 2 …": the act named after it
_AMENDED_AFTER = re.compile(r"\b(?:amends?|amending|amended|replaces?|replacing|repeals?|"
                            r"modifies|modifie|modifica|reforma|altera)\s+(?:the\s+)?$")


def _newer(ctx: Context, referent: Placed) -> Placed | None:
    """What "The new decree" points back to: ``referent`` unless the text names it as the
    act another one amends or replaces; then that other one (the one named before it)."""
    if not _AMENDED_AFTER.search(ctx.text, max(0, referent.start - 30), referent.start):
        return referent
    earlier = [p for p in ctx.in_span(Span(max(0, referent.start - 400), referent.start),
                                      {referent.entity.cls})
               if p.entity.iri != referent.entity.iri]
    return earlier[-1] if earlier else None


# French and Spanish subject pronouns: "Elle a été élaborée par …", "Fue elaborada por …"
_PRONOUN = re.compile(r"\s*(?:Elle|Il|Celle-ci|Celui-ci|Ella|Él|Esta|Este|Ele|Ela)\s+|"
                      r"\s*(?:Fue|Ha\s+sido|Foi)\s+")


def _pronoun(ctx: Context, sentence: Span) -> Placed | None:
    """What a French or Spanish pronoun opening the sentence refers to: its focus."""
    if _PRONOUN.match(ctx.text, sentence.start, sentence.end) is None:
        return None
    focus = ctx.focus
    return focus if focus is not None and focus.entity.cls in INTERVENTION_CLASSES else None


# "The bill, …, was prepared by", "La ley fue elaborada por", "O programa foi elaborado
# pela": after a subject pointing back (context.anaphor_opening), only its verb's auxiliaries
_SUBJECT_TO_VERB = re.compile(
    r"\s*(?:Él|Esta|Este)?\s*"
    # "The bill, after a consultation, was prepared by"; "The new decree, prepared by"
    r"(?:,[^,]*,\s*|,\s*)?"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be|being|been|"
    r"a\s+été|ont\s+été|est|sont|fue|fueron|ha\s+sido|es|foi|foram|é|são|tem\s+sido)\s+)*"
    r"(?:jointly\s+|first\s+|originally\s+|also\s+|conjointement\s+|conjuntamente\s+)?")


def _subject_to_verb(ctx: Context, sentence: Span, cue: int) -> bool:
    """Whether the sentence up to ``cue`` is a subject pointing back and its auxiliaries
    ("Fue elaborada", "Foi elaborado": the auxiliary opens the sentence, capitalised)."""
    opening = anaphor_opening(ctx.text, sentence.start, cue)
    start = opening[0] if opening is not None else sentence.start
    return (_SUBJECT_TO_VERB.fullmatch(ctx.text, start, cue) is not None
            or AUXILIARIES.fullmatch(ctx.text, start, cue) is not None)


def _along(ctx: Context, sentence: Span, makers: list[Placed]) -> list[Placed]:
    """"drafted by A together with B", "drafted the law jointly with B": B made it too
    (support is not "with")."""
    if not makers:
        return []
    along = re.match(rf"\s*(?:\([^)]*\)\s*)?,?\s*(?:{TOGETHER_WITH}|{_BARE_WITH})",
                     ctx.text[makers[-1].end : sentence.end])
    if along is None:
        return []
    start = makers[-1].end + along.end()
    more = ctx.listed_after(start, sentence)
    if more and re.match(r"['’]s\b", ctx.text[more[-1].end : sentence.end]):
        return []  # "with the ILO's support": a helper, not a maker
    return more if more and more[0].start == start else []


# "prepared by the Ministry with the Commission": a second maker right after a bare "with"
# (the name itself must follow: "with support from the ILO" names a helper)
_BARE_WITH = (r"(?:with|avec|con|com)\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]|el\s+|los\s+|"
              r"las\s+|o\s+|a\s+|os\s+|as\s+)?")


def _along_end(ctx: Context, sentence: Span, end: int) -> list[Placed]:
    """"… drafted the regulation together with the Fund": those named after ``end``."""
    along = re.match(rf"\s*,?\s*{TOGETHER_WITH}", ctx.text[end : sentence.end])
    if along is None:
        return []
    more = ctx.listed_after(end + along.end(), sentence)
    return more if more and more[0].start == end + along.end() else []


@rule("made", family="development")
def made(ctx: Context, sentence: Span) -> None:
    """"The Ministry of Labour drafted the Social Security Bill", "A and B jointly
    developed a National Social Protection Strategy": the thing made comes right after
    the verb, the makers right before it."""
    for cue in ctx.cues(rf"\b(?:jointly\s+|also\s+)?{_MADE}\s+(?!by\b)|{_MADE_ACTIVE_FR_ES}",
                        sentence):
        intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        end = intervention.end if intervention is not None else cue.end()
        if intervention is None or not re.fullmatch(
                r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:new\s+|first\s+|draft\s+)?",
                ctx.text[cue.end() : intervention.start]):
            # "The ILO drafted the regulation together with the Fund": the one named before
            intervention = ctx.anaphor_after(cue.end(), sentence, INTERVENTION_CLASSES)
            noun = re.match(r"\s*(?:the|this)\s+(?:new\s+|draft\s+)?[\w-]+",
                            ctx.text[cue.end() : sentence.end])
            if intervention is None or noun is None or intervention.start >= sentence.start:
                continue
            # "X amends Decree Y. The ILO drafted the decree": X, not the act it amends
            intervention = _newer(ctx, intervention)
            if intervention is None:
                continue
            end = cue.end() + noun.end()
        head = ctx.without_apposition(sentence, cue.start())
        apposition = re.search(r",[^,]*,\s*$", ctx.text[sentence.start : cue.start()])
        developers = ctx.listed_before(sentence, sentence.start + apposition.start()
                                       if apposition else head)
        if not developers or re.search(r"\b(?:was|were|is|are|been|be)\s*$",
                                       ctx.text[sentence.start : cue.start()]):
            continue
        if len(developers) > 1 and not re.search(
                r"\b(?:and|et|y)\b", ctx.text[developers[0].end : developers[-1].start]):
            # "With support from the ILO, the Ministry drafted …": no "and", no list
            developers = developers[-1:]
        # "The Ministry, in cooperation with the Employers Federation, drafted …": both
        aside = re.search(rf",\s*{TOGETHER_WITH}([^,]*),\s*(?:jointly\s+|also\s+)?$",
                          ctx.text[sentence.start : cue.start()])
        if aside:
            developers += ctx.in_span(Span(sentence.start + aside.start(1),
                                           sentence.start + aside.end(1)), ORGANISATION_CLASSES)
        developers += _along(ctx, sentence, [Placed(intervention.mention, intervention.entity)]
                             if intervention.start >= sentence.start else []) or _along_end(
            ctx, sentence, end)
        for developer in developers:
            ctx.add(intervention.entity.iri, SPKG.developedBy, developer.entity.iri,
                    sentence, intervention.mention.span, developer.mention.span)
