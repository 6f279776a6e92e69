"""Who funds a project: "funded by", "X-funded", "with funding from"."""

from __future__ import annotations

import re

from rdflib import RDF

from spkg.ingest.naming import ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    ANAPHORS,
    AUXILIARIES,
    SUPPORTED_CLASSES,
    Context,
    Placed,
    anaphor_opening,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

# a project, or a UN joint programme ("The joint programme is funded by the Joint SDG
# Fund"), which is one; not a national programme a donor's money went into
_FUNDED = frozenset({SPKG.Project, SPKG.Programme})
_JOINT = re.compile(r"(?i)\b(?:joint|conjoint|conjunto|conjunta)\b")


# a programme that is the passive's own subject: "The X Programme is financed by", "X is run
# by A with the support of B and financed by C", "X est mis en œuvre par A et financé par"
_PASSIVE_SUBJECT = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:is|was|are|were|has\s+been|est|a\s+été|es|fue|é|foi)\s+"
    r"(?:(?:implemented|run|managed|administered|executed|coordinated|delivered|operated|"
    r"mise?\s+en\s+(?:œ|oe)uvre|géré|exécuté|ejecutado|gestionado|administrado|implementado|"
    r"executado|gerido)\s+(?:by|par|por|pel[oa])\s+[^;:.]{2,160}?\s+(?:and|et|y|e)\s+"
    r"(?:is\s+|was\s+|est\s+|es\s+|é\s+)?)?(?:jointly\s+|mainly\s+|largely\s+|also\s+)?")


_APPOSITION = re.compile(r"\s*(?:\([^)]*\)\s*)?,[^,;]{3,120},")


def _apposed_subject(ctx: Context, sentence: Span, cue: int) -> Placed | None:
    """The programme opening the sentence, when an apposition after it (which may name a
    project: "The X Programme, a cash transfer of the Y Project, is run by A and financed
    by B") is all that stands between it and its passive."""
    named = ctx.in_span(Span(sentence.start, cue), _FUNDED)
    if not named or named[0].entity.cls != SPKG.Programme or not re.fullmatch(
            r"\s*(?:The\s+|El\s+|La\s+|Le\s+|O\s+|A\s+)?", ctx.text[sentence.start:named[0].start]):
        return None
    apposition = _APPOSITION.match(ctx.text, named[0].end, cue)
    if apposition is None or not _PASSIVE_SUBJECT.fullmatch(ctx.text, apposition.end(), cue):
        return None
    return named[0]


# between "The project" and its participle: an apposition's comma, or a relative clause
# ("The project, funded by …", "Le projet, qui est financé par …", "El proyecto, que fue")
_ANAPHOR_APPOSED = re.compile(r"\s*,\s*(?:(?:which|that|qui|que)\s+)?" +
                              AUXILIARIES.pattern.removeprefix(r"\s*"), re.IGNORECASE)


def _apposed_anaphor(ctx: Context, sentence: Span, cue: int) -> Placed | None:
    """"The project, funded by A, will …": the project the opening noun points back to
    (the last one named), when only a comma and auxiliaries stand before the participle;
    "It"/"This" without a noun and other nouns ("The study, funded by") are not read."""
    opening = anaphor_opening(ctx.text, sentence.start, cue)
    if opening is None or opening[1] not in {"project", "programme"}:
        return None
    if not _ANAPHOR_APPOSED.fullmatch(ctx.text, opening[0], cue):
        return None
    referent = ctx.referent(opening[1], _FUNDED)
    if referent is None or referent.start >= sentence.start:
        return None  # nothing named before: "The project" is this sentence's own words
    return referent if referent.entity.cls in ANAPHORS[opening[1]] else None


def _a_project(ctx: Context, named: Placed) -> bool:
    return named.entity.cls == SPKG.Project or bool(
        _JOINT.search(named.entity.label) or _JOINT.search(
            ctx.text, max(0, named.start - 20), named.start))


@rule("funding", family="funding")
def funding(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\b(?:(?:[Ff]unded|[Ff]inanced|[Ss]ponsored)\s+by|[Ff]inanc[ée]e?s?\s+par|"
                        r"[Ff]inanciad[oa]s?\s+(?:por|pel[oa]s?))\b", sentence):
        # "funded by the Government of Japan and by Danida", "financiado pelo A e pela B"
        funders = ctx.listed_after(cue.end(), sentence, again="(?:by|par|por|pel[oa]s?)")
        study = _pointed_study(ctx, sentence, cue.start())
        if study is not None:  # "The valuation, funded by Sida, …": the study, not a channel
            for funder in funders:
                add_funder(ctx, study, funder, sentence)
            continue
        following = _study_after(ctx, sentence, cue.start(), funders)
        if following is not None:  # "… and, funded by A, a feasibility study on X"
            for funder in funders:
                add_funder(ctx, following, funder, sentence)
            continue
        pointed = _latter_or_former(ctx, sentence, cue.start())
        if pointed is not None:  # "a note and a valuation, the latter funded by A"
            for funder in funders:
                add_funder(ctx, pointed, funder, sentence)
            continue
        described = _described_programme(ctx, sentence, cue.start())
        if described is not None:  # "X, a cash transfer implemented by A and financed by B"
            for funder in funders:
                add_funder(ctx, described, funder, sentence)
            continue
        channel = _channel(ctx, sentence, funders)
        if channel is not None:  # "… funded by the EU through the X Programme": X's funders
            for funder in funders:
                add_funder(ctx, channel, funder, sentence)
            continue
        project = ctx.before(sentence, cue.start(), _FUNDED) or ctx.pointed_subject(
            sentence, cue.start(), _FUNDED) or _apposed_anaphor(ctx, sentence, cue.start())
        subject = _apposed_subject(ctx, sentence, cue.start())
        if subject is not None:  # "The X Programme, a transfer of the Y Project, is …"
            project = subject
        if project is not None and not _a_project(ctx, project) and not (
                project.entity.cls == SPKG.Programme and (subject is not None or
                                                          _PASSIVE_SUBJECT.fullmatch(
                                                              ctx.text, project.end,
                                                              cue.start()))):
            project = None
        if project is None and funders and not ctx.text[sentence.start : cue.start()].strip():
            # "Funded by the EU, the X Project supports …": the project the sentence opens with
            fronted = re.match(r"\s*(?:\([^)]*\)\s*)?,\s*(?:the\s+)?(?:ILO\s+)?",
                               ctx.text[funders[-1].end : sentence.end])
            after = ctx.after(funders[-1].end, sentence, {SPKG.Project})
            if fronted and after is not None and after.start == funders[-1].end + fronted.end():
                for funder in funders:
                    add_funder(ctx, after, funder, sentence)
            continue
        if project is None or (project.start >= sentence.start
                               and not _names_it(ctx, project, cue.start())):
            continue
        for funder in funders:
            add_funder(ctx, project, funder, sentence)
    for cue in ctx.cues(r"\b([A-Z][a-z]+|[A-Z]{2,3})-funded\b", sentence):
        adjective = next(iter(ctx.in_span(Span(cue.start(), cue.end()))), None)
        funded = ctx.after(cue.end(), sentence, {SPKG.Project})
        if adjective is not None and funded is not None:
            add_funder(ctx, funded, adjective, sentence)
    for cue in ctx.cues(r"\b(?:with\s+)?(?:funding|financing|support)\s+from\s+(?:the\s+)?|"
                        # "avec le financement de l'UE", "con financiamiento del BID",
                        # "com o financiamento da UE"
                        r"\b(?:financement|financiamiento|financiación|financiamento)\s+"
                        r"(?:de\s+(?:l['’]|la\s+|los\s+|las\s+)?|du\s+|des\s+|del\s+|d[oa]s?\s+)",
                        sentence):
        # "With funding from the European Union, the ILO Project … supported …"
        source = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        projects = ctx.in_span(sentence, {SPKG.Project})
        if source is None or source.start != cue.end():
            continue
        # "With funding from A, the X Project prepared a study": the project the main clause
        # names; "Under the X Project, and thanks to funding from A, the ILO did a study": the
        # study (the project was named before the money)
        if len(projects) == 1 and projects[0].start > cue.start():
            add_funder(ctx, projects[0], source, sentence)
            continue
        if _fronted(ctx, sentence, cue) and _fronted_studies(ctx, sentence, cue.end()):
            continue
        if len(projects) == 1:
            add_funder(ctx, projects[0], source, sentence)
    for cue in ctx.cues(r"\bsupported under (?:the )?", sentence):
        fund = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        project = ctx.before(sentence, cue.start(), {SPKG.Project})
        if fund is None or project is None or fund.entity.cls not in {SPKG.Donor, SPKG.Funder}:
            continue
        add_funder(ctx, project, fund, sentence)
        by = re.match(r"\s+by\s+(the\s+)?", ctx.text[fund.end : sentence.end])
        donor = ctx.after(fund.end, sentence, ORGANISATION_CLASSES)
        if by and donor is not None:
            add_funder(ctx, project, donor, sentence)


# "X, a cash transfer programme run by A and": the named programme's apposition that says
# what it is and who runs it, then its funder (English, French, Spanish, Portuguese)
_DESCRIBED = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,\s*(?:an?|une?|una|uma)\s+[a-zà-ÿ][\w\s'’-]{0,60}?\s+"
    r"(?:implemented|run|managed|administered|executed|operated|mise?\s+en\s+(?:œ|oe)uvre|"
    r"géré|exécuté|ejecutado|gestionado|administrado|implementado|executado|gerido)\s+"
    r"(?:by|par|por|pel[oa])\s+[^;:.,]{2,160}?\s+(?:and|et|y|e)\s+")


# "… and, funded by A (A), a study": the participle set off by commas before the object
_AND_COMMA = re.compile(r"\b(?:and|et|y|e),\s*$")
_THEN_STUDY = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:an?|the|une?|una|uma|la|le|el|l['’])\s*")


def _study_after(ctx: Context, sentence: Span, cue: int, funders: list[Placed]
                 ) -> Placed | None:
    """The study right after a participle clause that "and," opens."""
    if not funders or not _AND_COMMA.search(ctx.text, sentence.start, cue):
        return None
    then = _THEN_STUDY.match(ctx.text, funders[-1].end, sentence.end)
    study = ctx.after(funders[-1].end, sentence, {SPKG.Study})
    if then is None or study is None or study.start != then.end():
        return None
    return study


_LATTER = re.compile(r",\s*the\s+(?P<which>latter|former)\s+(?:(?:being|was|is|were)\s+)?"
                     r"(?:(?:jointly|also)\s+)?$")


def _latter_or_former(ctx: Context, sentence: Span, cue: int) -> Placed | None:
    """", the latter funded by A" after two studies or interventions named in the clause:
    the second (the former: the first)."""
    latter = _LATTER.search(ctx.text, sentence.start, cue)
    if latter is None:
        return None
    named = ctx.in_span(Span(sentence.start, latter.start()), {SPKG.Study} | _FUNDED)
    distinct = list({p.entity.iri: p for p in named}.values())
    if len(distinct) < 2:
        return None
    return distinct[-1] if latter["which"] == "latter" else distinct[-2]


def _described_programme(ctx: Context, sentence: Span, cue: int) -> Placed | None:
    """The programme named right before such an apposition, funded by what follows it."""
    for named in ctx.in_span(Span(sentence.start, cue), {SPKG.Programme}):
        if _DESCRIBED.fullmatch(ctx.text, named.end, cue):
            return named
    return None


# between a subject pointing back at a study and "funded by": its auxiliaries ("The
# assessment was", "Cette étude a été", "El estudio fue") or an apposition's comma ("The
# valuation, funded by …")
_STUDY_GAP = re.compile(r"\s*,?\s*" + AUXILIARIES.pattern.removeprefix(r"\s*"), re.IGNORECASE)


def _pointed_study(ctx: Context, sentence: Span, position: int) -> Placed | None:
    """The study a sentence's subject names again ("The review", "This study", "Cette
    étude", "El estudio", "O estudo") when only auxiliaries or a comma stand between it and
    ``position``: the last study of the section named with that noun, else None."""
    opening = anaphor_opening(ctx.text, sentence.start, position)
    if opening is None or opening[1] is None or ANAPHORS.get(opening[1]) != frozenset({SPKG.Study}):
        return None
    if not _STUDY_GAP.fullmatch(ctx.text, opening[0], position):
        return None
    return ctx.referent(opening[1], {SPKG.Study})


# the sentence opens with the funding phrase: "With funding from", "With financial support
# from", "Avec le financement de", "Con (el) financiamiento de", "Com o financiamento de",
# "Thanks to funding from", "Grâce à un financement de", "Gracias al financiamiento de";
# after another opening phrase joined by "and" ("Under the X Programme, and thanks to …",
# "Avec l'appui du BIT et grâce à …") or after the subject, as an aside ("The ILO, with
# funding from A, prepared …")
_FRONTED = re.compile(
    r"\s*(?:(?:[A-Z][^,;.]{0,120}?,?\s+(?:and|et|y|e)\s+)|"
    r"(?:(?:[Tt]he|[Ll][ae']|[Ee]l|[Oo])\s*)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*,\s*)?"
    r"(?:(?:[Ww]ith\s+|[Tt]hanks\s+to\s+)?(?:funding|financing|financial\s+support)|"
    r"(?:[Aa]vec|[Cc]on|[Cc]om|[Gg]râce\s+(?:au|à)|[Gg]racias\s+(?:al|a)|[Gg]raças\s+(?:ao|a))"
    r"\s+(?:(?:le|el|la|o|un|una|um|uma)\s+)?"
    r"(?:financement|financiamiento|financiación|financiamento))")


def _fronted(ctx: Context, sentence: Span, cue: re.Match[str]) -> bool:
    opening = _FRONTED.match(ctx.text, sentence.start, cue.end())
    return opening is not None and opening.end() > cue.start()


_CLOSING_COMMA = re.compile(r"\s*(?:\([^)]*\)\s*)?,")


def _fronted_studies(ctx: Context, sentence: Span, position: int) -> bool:
    """"With funding from A (A) and B, the ILO carried out X and Y": the funders of the
    opening phrase fund the studies the main clause names (up to a semicolon). Whether
    it named any."""
    listed = ctx.listed_after(position, sentence)
    # the list may run on into the main clause's subjects ("With support from A, the ILO
    # and B produced X"): the funders end at the name after the list's "and" ("from A, B
    # and C, the ILO …"), else they are the first name alone, if a comma closes them
    joined = next((i + 1 for i in range(1, len(listed)) if re.search(
        r"\b(?:and|et|y|e)\b", ctx.text[listed[i - 1].end : listed[i].start])), len(listed))
    for count in dict.fromkeys((joined, 1)):
        funders = listed[:count]
        comma = _CLOSING_COMMA.match(ctx.text, funders[-1].end, sentence.end)
        if comma is None:
            continue
        end = ctx.text.find(";", comma.end(), sentence.end)
        studies = ctx.in_span(Span(comma.end(), end if end >= 0 else sentence.end),
                              {SPKG.Study})
        if studies:
            break
    else:
        return False
    for study in studies:
        for funder in funders:
            add_funder(ctx, study, funder, sentence)
    return bool(studies)


# "through the", "under the", "à travers le", "a través del", "dans le cadre du"
_THROUGH = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:through|under|via|à\s+travers|au\s+titre|"
                      r"dans\s+le\s+cadre|a\s+través|en\s+el\s+marco|por\s+medio)\s*"
                      r"(?:of\s+|de\s+|du\s+|del\s+)?(?:the\s+|l['’]|la\s+|le\s+|el\s+|its\s+)?"
                      r"(?:ILO\s+|UN\s+|joint\s+)?(?:project\s+|programme\s+|projet\s+|proyecto\s+|"
                      r"programa\s+)?[\"“«]?\s*")


def _channel(ctx: Context, sentence: Span, funders: list[Placed]) -> Placed | None:
    """The project or programme named right after the funders ("funded by the EU through
    the X Programme", "financé par l'UE à travers le projet X"): what the money went to."""
    if not funders:
        return None
    through = _THROUGH.match(ctx.text, funders[-1].end, sentence.end)
    if through is None or not re.search(r"[a-zé]", through.group(0)):
        return None
    channel = ctx.after(through.end(), sentence, {SPKG.Project, SPKG.Programme})
    return channel if channel is not None and channel.start == through.end() else None


# "X, implemented by UNICEF, the ILO and UNDP and (is) …": the project's own participle
# clause, naming its implementers, before "funded by".
_IMPLEMENTED_AND = re.compile(r"[\"”»]?\s*(?:\([^)]*\)\s*)?,\s*(?:which\s+is\s+)?(?:jointly\s+)?"
                              r"(?:implemented|managed|executed|run|led|coordinated)\s+by\s+"
                              r"[^;:.]{2,150}?\s+and\s+(?:is\s+|was\s+)?(?:jointly\s+)?")


def _names_it(ctx: Context, named: Placed, cue: int) -> bool:
    """Whether the words before a "funded by" are about ``named``: nothing else named in
    between, or only inside an apposition ("The X Project, which supports the Ministry,
    is funded by …")."""
    gap = ctx.text[named.end : cue]
    if not ctx.in_span(Span(named.end, cue), SUPPORTED_CLASSES):
        return not re.search(r"[;]|\b(?:and|whose|while|but)\b", gap)
    apposition = _APPOSITION.match(gap)
    if _IMPLEMENTED_AND.fullmatch(gap) or _PASSIVE_SUBJECT.fullmatch(gap) or (
            apposition is not None and _PASSIVE_SUBJECT.fullmatch(gap, apposition.end())):
        return True  # "X, implemented by A, B and C and funded by D", "X is run by A and …"
    return re.fullmatch(r"\s*(?:\([^)]*\)\s*)?,[^,;]*,\s*(?:which\s+|that\s+)?(?:is\s+|was\s+|"
                        r"are\s+|were\s+|being\s+|has\s+been\s+)?(?:jointly\s+|also\s+)?",
                        gap) is not None


def add_funder(ctx: Context, project: Placed, funder: Placed, sentence: Span) -> None:
    ctx.add(project.entity.iri, SPKG.fundedBy, funder.entity.iri, sentence,
             project.mention.span, funder.mention.span)
    if funder.entity.cls not in {SPKG.Funder, SPKG.Donor}:
        ctx.add(funder.entity.iri, RDF.type, SPKG.Funder, sentence, funder.mention.span)


_NAMED_PROJECT = re.compile(r"(?:ILO\s+|UN\s+|joint\s+|new\s+)?(?:project|programme)\s+[\"“«]?|"
                            r"(?:projet|proyecto|projeto|programme|programa)\s+(?:conjoint\s+|"
                            r"conjunto\s+)?(?:de\s+l['’]OIT\s+|du\s+BIT\s+|de\s+la\s+OIT\s+|"
                            r"da\s+OIT\s+)?[\"“«]?\s*")


@rule("funds", family="funding")
def funds(ctx: Context, sentence: Span) -> None:
    """"The Government of Japan funds the Employment Injury Project", "A and B financed the
    X Project": the funders right before the verb, the project right after it."""
    for cue in ctx.cues(# "L'UE finance le projet X", "a financé le", "financió el", "financiou o"
                        # (first: "finance le" is no English "finance")
                        r"(?<![\w'’])(?:(?:co)?financent|(?:a|ont)\s+(?:co)?financé|(?:co)?financian|"
                        r"(?:co)?financió|(?:co)?financiaron|(?:ha|han)\s+(?:co)?financiado|"
                        r"(?:co)?financiou|(?:co)?financiaram|(?:co)?financ(?:e|ia))\s+"
                        r"(?:le\s+|la\s+|les\s+|l['’]|el\s+|los\s+|las\s+|o\s+|a\s+|os\s+|as\s+)|"
                        r"\b(?:funds?|funded|finances?|financed|sponsors?|sponsored|"
                        r"co-?funds?|co-?funded|co-?finances?|co-?financed)\s+(?:the\s+)?(?!by\b)",
                        sentence):
        # "finances the ILO project X", "funds the joint programme “X”"
        named = _NAMED_PROJECT.match(ctx.text, cue.end(), sentence.end)
        start = named.end() if named else cue.end()
        # a programme or scheme is funded too ("A and B co-financed the Child Grant Programme")
        project = ctx.after(start, sentence, {SPKG.Project, SPKG.Programme, SPKG.Scheme})
        if project is None or project.start != start:
            continue
        if re.search(r"\b(?:was|were|is|are|been|be)\s*$", ctx.text[sentence.start : cue.start()]):
            continue  # a passive is the funding rule's
        head = ctx.without_apposition(sentence, cue.start())
        for funder in ctx.listed_before(sentence, head):
            add_funder(ctx, project, funder, sentence)


# "…, both funded by the EU": the comma (and a "both"/"all"/"each") before the participle
# ("…, toutes deux financées par", "…, ambos financiados por", "…, ambos financiados pelo")
_STUDY_FUNDED = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:(?:both|all|each|tou(?:te)?s\s+(?:deux|"
                           r"trois|les\s+deux)|l['’]une\s+et\s+l['’]autre|amb[oa]s|tod[oa]s)\s+)?"
                           r"(?:(?:which|that)\s+(?:was|were)\s+|(?:qui|que|que\s+foi|que\s+fue)\s+"
                           r"(?:a\s+été|ont\s+été|fue|fueron|foi|foram)?\s*)?"
                           # "…, completed in 2024 and funded by", "…, réalisée en 2023 et"
                           r"(?:[a-zé]+(?:ed|ée?s?|ad[oa]s?|id[oa]s?)\s+(?:in|en|em)\s+"
                           r"(?:[A-Za-zéû]+\s+)?(?:19|20)\d\d\s+(?:and|et|y|e)\s+)?"
                           r"(?:also\s+|jointly\s+|également\s+|también\s+|também\s+)?$")
# a study's complement in lower case, then the participle with no comma: "a feasibility
# study on the new scheme funded by", "une étude sur le nouveau régime financée par"
_STUDY_COMPLEMENT = re.compile(r"(?:\s+(?:on|of|for|sur|de|du|des|sobre|del|do|da)\s+"
                               r"[a-zà-ÿ][a-zà-ÿ' -]{0,50}?)?\s+")
# between two studies of one list: "A and a B", "A, the B and C", "A et une B", "A y un B"
_STUDY_AND = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:(?:and|et|y|e)\s+)?|\s+(?:and|et|y|e)\s+)"
                        r"(?:an?\s+|the\s+|une?\s+|l['’]|la\s+|le\s+|el\s+|una?\s+|um\s+|"
                        r"uma\s+|o\s+|a\s+)?")


@rule("funded-studies", family="funding")
def funded_studies(ctx: Context, sentence: Span) -> None:
    """"The ILO prepared a technical note on A and a costing of B, both funded by the EU":
    the studies named right before a comma and "funded by" are funded by whom it names."""
    for cue in ctx.cues(r"\b(?:funded|financed|co-?funded|co-?financed)\s+(?:jointly\s+)?by\s+"
                        r"(?:the\s+)?|"
                        # "financée par l'UE", "financiado por la UE", "financiado pelo Banco"
                        r"\b(?:co-?)?financ[ée]e?s?\s+(?:conjointement\s+)?par\s+(?:l['’]|la\s+|"
                        r"le\s+|les\s+)?|\b(?:co)?financiad[oa]s?\s+(?:conjuntamente\s+)?"
                        r"(?:por\s+(?:el\s+|la\s+|los\s+|las\s+|o\s+|a\s+)?|pel[oa]s?\s+)|"
                        # "…, both with funding from the SDC", "toutes deux avec le financement
                        # de l'UE", "ambos con financiamiento del BID", "com financiamento da"
                        r"\bwith\s+(?:the\s+)?(?:funding|financing|financial\s+support)\s+"
                        r"(?:from|of)\s+(?:the\s+)?|\bavec\s+(?:le\s+)?financement\s+"
                        r"(?:de\s+(?:l['’]|la\s+)?|du\s+|des\s+)|\bcon\s+(?:el\s+)?"
                        r"(?:financiamiento|financiación)\s+(?:de\s+(?:la\s+|los\s+)?|del\s+)|"
                        r"\bcom\s+(?:o\s+)?financiamento\s+(?:de\s+|d[oa]s?\s+)",
                        sentence):
        studies = ctx.in_span(Span(sentence.start, cue.start()), {SPKG.Study})
        if not studies and ctx.previous is not None and _BOTH_WERE.fullmatch(
                ctx.text, sentence.start, cue.start()):
            _previous_studies(ctx, sentence, cue.end())
            continue
        if not studies or not (_STUDY_FUNDED.fullmatch(ctx.text, studies[-1].end, cue.start())
                               # "a feasibility study on the new scheme funded by Enabel"
                               or _STUDY_COMPLEMENT.fullmatch(ctx.text, studies[-1].end,
                                                              cue.start())):
            continue
        funders = ctx.listed_after(cue.end(), sentence)
        if not funders or funders[0].start != cue.end():
            continue
        funded = [studies[-1]]
        if re.search(r"\b(?:both|all|each|tou(?:te)?s|l['’]une|amb[oa]s|tod[oa]s)\s",
                     ctx.text[studies[-1].end : cue.start()]):
            for study in reversed(studies[:-1]):  # "A and B, both funded": the whole list
                if study.end > funded[0].start or not _STUDY_AND.fullmatch(
                        ctx.text, _after_standards(ctx, study.end, funded[0].start),
                        funded[0].start):
                    break
                funded.insert(0, study)
        for study in funded:
            for funder in funders:
                ctx.add(study.entity.iri, SPKG.fundedBy, funder.entity.iri, sentence,
                        study.mention.span, funder.mention.span)


# the standards a review reads right after its name: "a legal review of the draft Code
# against C102 and C183, and an actuarial projection …", "au regard de", "frente a"
_AGAINST = re.compile(r"\s+(?:against|in\s+line\s+with|au\s+regard\s+de|frente\s+a|"
                      r"em\s+relação\s+a)\s+[^;]{3,200}?(?=,\s*(?:and|et|y|e)\s)")


def _after_standards(ctx: Context, start: int, end: int) -> int:
    """Where the list goes on after a study's "against …" complement (``start`` without
    one, or when a study stands in it)."""
    against = _AGAINST.match(ctx.text, start, end)
    if against is None or ctx.in_span(Span(start, against.end()), {SPKG.Study}):
        return start
    return against.end()


# a sentence that opens with the studies of the one before as its subject: "Both were
# funded by", "Both studies were financed by", "All three reports were", "Les deux études
# ont été financées par", "Ambos estudios fueron financiados por", "Ambos foram financiados"
_BOTH_WERE = re.compile(
    r"\s*(?:(?:[Bb]oth|[Aa]ll\s+(?:two|three|four|of\s+them)|[Tt]he\s+(?:two|three|four))"
    r"(?:\s+(?:studies|reports|reviews|assessments|valuations|notes|documents))?\s+"
    r"(?:were|have\s+been|had\s+been)|"
    r"(?:[Ll]es\s+deux|[Tt]ou(?:te)?s\s+(?:deux|trois|les\s+deux))"
    r"(?:\s+(?:études|rapports|évaluations|analyses|documents))?\s+(?:ont\s+été|ont|sont|"
    r"avaient\s+été)|"
    r"(?:[Aa]mb[oa]s|[Ll]os\s+dos|[Ll]as\s+dos|[Oo]s\s+dois|[Aa]s\s+duas)"
    r"(?:\s+(?:estudios|estudos|informes|relatórios|evaluaciones|avaliações))?\s+"
    r"(?:fueron|han\s+sido|foram))\s+(?:also\s+|également\s+|también\s+|também\s+)?")


def _previous_studies(ctx: Context, sentence: Span, position: int) -> None:
    """The studies of the sentence before, funded by whom this one names after its cue;
    only where that sentence names at least two (what "both" or "all" refers to)."""
    assert ctx.previous is not None
    funders = ctx.listed_after(position, sentence, again="(?:by|par|por|pel[oa]s?)")
    studies = ctx.in_span(ctx.previous, {SPKG.Study})
    if not funders or funders[0].start != position or len(studies) < 2:
        return
    for study in studies:
        for funder in funders:
            ctx.add(study.entity.iri, SPKG.fundedBy, funder.entity.iri, sentence,
                    study.mention.span, funder.mention.span)


# "with a loan from the X Bank", "avec un prêt de la Banque", "con un préstamo del BID",
# "com um empréstimo do Banco": a lender's money for the thing the sentence opens with
_LOAN = re.compile(
    r"\b(?:with\s+(?:a\s+|an\s+)?(?:loans?|grants?|credits?)\s+from\s+(?:the\s+)?|"
    r"avec\s+(?:un\s+)?(?:prêt|crédit|don)\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+)|"
    r"con\s+(?:un\s+)?(?:préstamo|crédito|donación)\s+(?:de\s+(?:la\s+)?|del\s+)|"
    r"com\s+(?:um\s+)?(?:empréstimo|crédito)\s+d[oa]s?\s+)")
_OPENING = re.compile(r"\s*(?:The|El|La|Le|L['’]|O|A)?\s*")


@rule("loan", family="funding")
def loan(ctx: Context, sentence: Span) -> None:
    """"The X programme, run by A with a loan from B, provides …": B funds X, the one
    project or programme the sentence opens with and names before the loan."""
    for cue in ctx.cues(_LOAN.pattern, sentence):
        lender = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        named = ctx.in_span(Span(sentence.start, cue.start()), _FUNDED)
        if lender is None or lender.start != cue.end() or len(named) != 1:
            continue
        if _OPENING.fullmatch(ctx.text, sentence.start, named[0].start) is None:
            continue  # "A report on the X programme, with a grant from B": not its subject
        add_funder(ctx, named[0], lender, sentence)
