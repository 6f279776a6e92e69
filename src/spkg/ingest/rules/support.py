"""Who supports what: "supported by/under", "provided support to", "with support from"."""

from __future__ import annotations

import re

from rdflib import URIRef

from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    ANAPHORS,
    EVENT_CLASSES,
    SUPPORTED_CLASSES,
    TOGETHER_WITH,
    Context,
    Placed,
    anaphor_opening,
    same_clause,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

# Between a subject pointing back and "supported by": its auxiliaries ("Ce programme est",
# "The scheme has also been", "O programa é")
_ANAPHOR_AUXILIARY = re.compile(
    r"\s*(?:(?:is|are|was|were|has\s+been|have\s+been|will\s+be|being|been|also|"
    r"est|sont|a\s+été|ont\s+été|sera|était|également|aussi|es|son|fue|fueron|ha\s+sido|"
    r"está|están|será|también|é|são|foi|foram|tem\s+sido|será|também)\s+)*")


def _opening_end(ctx: Context, sentence: Span, position: int) -> int:
    """Where a subject pointing back ends, or the sentence start if there is none."""
    opening = anaphor_opening(ctx.text, sentence.start, position)
    return opening[0] if opening is not None else sentence.start


# How a helper helps, between it and its verb: "the ILO also technically supported …"
_ADVERBS = (r"(?:(?:also|further|actively|jointly|technically|financially|closely|directly|"
            r"continuously|substantially|strongly)\s+)*")


# Support that goes on, between the helper and "support": "will continue to", "has
# continued to", "continues to" (a support under way, unlike a bare "will support": a plan)
_CONTINUES = (rf"(?:(?:(?:will|has|have|had)\s+)?{_ADVERBS}continue[sd]?\s+to\s+{_ADVERBS})?")


@rule("support", family="support", needs=('meeting',))
def support(ctx: Context, sentence: Span) -> None:
    pattern = (r"\b(?:being\s+|were\s+|was\s+|is\s+)?supported\s+(?:by|under)\b|\(under\b|"
               # "appuyé par", "soutenue par", "apoyado por", "respaldada por", "apoiado pelo"
               r"\b(?:appuy|soutenu|accompagn)ée?s?\s+par\b|"
               r"\b(?:apoyad|respaldad|apoiad)[oa]s?\s+(?:por|pel[oa]s?)\b")
    for cue in ctx.cues(pattern, sentence):
        supporter = ctx.after(cue.end(), sentence, {SPKG.Project} | INTERVENTION_CLASSES
                               ) or ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        if supporter is None or supporter.entity.cls in {SPKG.Donor, SPKG.Funder}:
            continue
        supported = ctx.before(sentence, cue.start(), SUPPORTED_CLASSES)
        if supported is None and _ANAPHOR_AUXILIARY.fullmatch(
                ctx.text, _opening_end(ctx, sentence, cue.start()), cue.start()):
            # "Ce programme est appuyé par …", "The scheme is supported by …"
            supported = ctx.subject_before(sentence, cue.start(), SUPPORTED_CLASSES)
        if re.search(r"\band\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:also\s+)?$",
                     ctx.text[sentence.start : cue.start()]):
            # "It is implemented by A under the B Act and is supported by C": the subject's
            pronoun = anaphor_opening(ctx.text, sentence.start, cue.start())
            named = ctx.in_span(sentence, SUPPORTED_CLASSES)
            if pronoun and not (named and named[0].start < pronoun[0]):
                supported = ctx.subject_before(sentence, pronoun[0], SUPPORTED_CLASSES)
            else:  # the first name, when the sentence opens with it
                supported = named[0] if named and re.fullmatch(
                    r"\s*(?:The\s+)?", ctx.text[sentence.start : named[0].start]) else None
        if supported is None and ctx.last_meeting is not None and re.match(
                r"\s*The\s+(?:meeting|workshop|seminar|consultation|conference)\b",
                ctx.text[sentence.start : cue.start()]):
            ctx.add(ctx.last_meeting, SPKG.supportedBy, supporter.entity.iri, sentence,
                     supporter.mention.span)
            continue
        if supported is not None and supported.entity.iri != supporter.entity.iri:
            # "X, supported by the World Bank and the ILO, …": each one listed
            listed = ctx.listed_after(supporter.start, sentence)
            for each in listed if listed and listed[0] is supporter else [supporter]:
                if each.entity.cls in {SPKG.Donor, SPKG.Funder}:
                    continue
                ctx.add(supported.entity.iri, SPKG.supportedBy, each.entity.iri, sentence,
                        supported.mention.span, each.mention.span)
    pattern = (r"\b(?:provided|provides|providing|gave|gives|offered|offers|extended|extends)\s+"
               r"(?:[\w-]+\s+){0,3}?(?:support|assistance|advice|guidance)\s+to\s+(?:the\s+)?|"
               # "a apporté un appui technique au", "brindó asistencia técnica al", "prestou
               # apoio técnico ao"
               r"(?<![\w'’])(?:(?:a|ont)\s+(?:apporté|fourni|offert)|apporte|apportent|fournit|"
               r"brind[óa]|brindaron|prest[óa]|prestaron|proporcion[óa]|ofreci[óo]|"
               r"(?:ha|han)\s+(?:brindado|prestado|proporcionado)|prestou|prestaram|forneceu|"
               r"forneceram)\s+(?:(?:un|une|son|sa|leur|su|sus|o\s+seu|seu)\s+)?(?:[\w-]+\s+){0,3}?"
               r"(?:appui|soutien|assistance|apoyo|asistencia|asesoría|apoio|assistência)"
               r"(?:\s+(?:technique|financier|técnic[oa]|financier[oa]|financeir[oa]))?\s+"
               r"(?:à\s+la\s+|à\s+l['’]|au\s+|aux\s+|à\s+|a\s+la\s+|al\s+|a\s+los\s+|a\s+las\s+|"
               r"ao\s+|aos\s+|às\s+|a\s+)")
    for cue in ctx.cues(pattern, sentence):
        # "The ILO provided technical support to the Department of … (DIFE) and the …"
        helped = [p for p in ctx.listed_after(cue.end(), sentence, again="(?:to|à|a|al|au|ao)")
                  if p.start >= cue.end()]  # "… to the A and to the B"
        helper = ctx.before(sentence, ctx.without_apposition(sentence, cue.start()),
                             ORGANISATION_CLASSES | {SPKG.Project})
        if not helped:
            first = ctx.after(cue.end(), sentence, SUPPORTED_CLASSES)
            helped = [first] if first is not None else []
        if not helped or helper is None or helped[0].start != cue.end():
            continue
        for each in helped:
            ctx.add(each.entity.iri, SPKG.supportedBy, helper.entity.iri, sentence,
                    each.mention.span, helper.mention.span)
            _fronted_project(ctx, sentence, each)  # "Under the X Project, the ILO provided …"
        _in_doing(ctx, sentence, helped[-1], helper)
    # "supported an actuarial valuation", "supported a national dialogue": a study too
    for cue in ctx.cues(r"\bsupport(?:s|ed)?\s+(?:the\s+|an?\s+(?=[\w-]+\s))?|"
                        # "L'OIT appuie la CNSS", "a soutenu le", "La OIT apoya al Ministerio"
                        r"(?<![\w'’])(?:a\s+)?(?:appuie|appuient|appuyé|soutient|soutiennent|"
                        r"soutenu|accompagne|accompagnent|accompagné)\s+(?:le\s+|la\s+|les\s+|"
                        r"l['’]|une?\s+)|\b(?:(?:ha|han)\s+)?(?:apoya|apoyan|apoyó|apoyaron|"
                        r"apoyado|acompaña|acompañó)\s+(?:al\s+|a\s+la\s+|a\s+los\s+|el\s+|"
                        r"la\s+|los\s+|las\s+|una?\s+)|"
                        # "A OIT apoia o Ministério", "apoiou a Caixa", "apoiou um estudo"
                        r"\b(?:(?:tem|têm)\s+)?(?:apoia|apoiam|apoiou|apoiaram|apoiado)\s+"
                        r"(?:o\s+|a\s+|os\s+|as\s+|uma?\s+)", sentence):
        # "The ILO supports the National Social Protection Council (NSPC)"
        supported = ctx.after(cue.end(), sentence, SUPPORTED_CLASSES)
        noun: re.Match[str] | None = None
        if (supported is None or supported.start != cue.end()) and cue.group(0).endswith(
                ("the ", "the\n")):  # "the ILO supports the working group": the one named before
            noun = re.match(r"[\w-]+\b(?!\s+(?:of|on|for|to)\b)",
                            ctx.text[cue.end() : sentence.end])
            supported = ctx.referent(noun.group(0), SUPPORTED_CLASSES) if noun else None
            if supported is not None and supported.start >= sentence.start:
                supported = None  # named in this sentence: not "the taskforce" of before
        elif supported is not None and supported.start != cue.end():
            supported = None
        if supported is not None and re.match(r"['’]s\b", ctx.text[supported.end : sentence.end]):
            continue  # "supported the NSSF's first valuation": the valuation was supported
        if supported is None:
            continue
        # where the supported one's words end: its mention, or "the taskforce" it stands for
        named_end = supported.end if supported.start >= sentence.start else (
            cue.end() + (noun.end() if noun else 0))
        head = re.sub(r",[^,]*,\s*$", " ", ctx.text[sentence.start : cue.start()])
        supporter = ctx.before(sentence, sentence.start + len(head.rstrip()) + 1,
                                ORGANISATION_CLASSES | {SPKG.Project})
        if supporter is None:  # "The programme supports …"
            opening = re.fullmatch(r"\s*(?:The|This)\s+(\w+)\s*", head)
            found = ctx.referent(opening.group(1)) if opening else None
            if found is not None:
                ctx.add(supported.entity.iri, SPKG.supportedBy, found.entity.iri,
                         sentence, supported.mention.span)
        if supporter is not None and re.fullmatch(
                rf"\)?\s*(?:\([^)]*\)\s*)?{_ADVERBS}{_CONTINUES}",
                head[supporter.end - sentence.start:]):  # "the X Bank (XB) supported …"
            ctx.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri,
                     sentence, supported.mention.span, supporter.mention.span)
            # "The ILO and UNICEF jointly support the Council": every one listed
            listed = ctx.listed_before(sentence, cue.start(), ORGANISATION_CLASSES | {SPKG.Project})
            # the others before it ("A and the B Bank (BB)": B named twice, A once)
            others = [p for p in listed if p.entity.iri != supporter.entity.iri]
            joined = others and re.search(
                r"\band\b", ctx.text[others[-1].end : listed[-1].start])
            for each in others if joined and listed[-1] is supporter else []:
                ctx.add(supported.entity.iri, SPKG.supportedBy, each.entity.iri, sentence,
                        supported.mention.span, each.mention.span)
                # what they helped make, too (an intervention: of a study the helped body
                # prepared, blind annotators named no supporter)
                _in_doing(ctx, sentence, supported, each)
            _in_doing(ctx, sentence, supported, supporter)
            # "Under the X Project, the ILO supported …": the project supported it too
            _fronted_project(ctx, sentence, supported)
            # "The ILO, in partnership with the X (X), supported …": X supported too
            aside = re.search(r",\s*(?:in\s+partnership|together|jointly|in\s+cooperation|"
                              r"in\s+collaboration)\s+with\s+([^,]*),\s*$",
                              ctx.text[sentence.start : cue.start()]) or _FRONTED_PARTNERS.match(
                ctx.text[sentence.start : supporter.start])
            if aside:
                start = sentence.start + aside.start(1)
                for partner in ctx.in_span(Span(start, sentence.start + aside.end(1)),
                                            ORGANISATION_CLASSES):
                    ctx.add(supported.entity.iri, SPKG.supportedBy, partner.entity.iri,
                             sentence, supported.mention.span, partner.mention.span)
        through = re.match(r"\s*(?:\([^)]*\)\s*)?(?:through|à\s+travers|par\s+le\s+biais|"
                           r"a\s+través|por\s+medio)\s*(?:of\s+|de\s+|du\s+|del\s+)?"
                           r"(?:the\s+|le\s+|la\s+|l['’]|el\s+)?(?:projet\s+|proyecto\s+|"
                           r"programme\s+|programa\s+)?[«“\"]?\s*",
                           ctx.text[named_end : sentence.end])
        if through:  # "… supports the SSC through the Estidama Project"
            means = ctx.after(named_end + through.end(), sentence,
                               {SPKG.Project} | INTERVENTION_CLASSES)
            if means is not None and means.start == named_end + through.end():
                ctx.add(supported.entity.iri, SPKG.supportedBy, means.entity.iri,
                         sentence, supported.mention.span, means.mention.span)


# "Together with UNDP, the ILO supported …", "Conjointement avec le PNUD, l'OIT a appuyé",
# "Junto con el PNUD, la OIT apoyó": the partners of the opening phrase supported it too
_FRONTED_PARTNERS = re.compile(rf"\s*(?i:{TOGETHER_WITH}|junto\s+(?:con|com)\s+"
                               r"(?:el\s+|la\s+|los\s+|las\s+|o\s+|a\s+)?)([^,;]*),\s*")


_DOING = (r"\s*(?:\([^)]*\)\s*)?(?:(?:in|with|to)\s+(?:the\s+)?(?:develop|draft|design|prepar|"
          r"formulat|cost|review|set|establish|implement|updat|revis|validat|roll|launch|"
          r"conduct|carr|undertak)\w*\s+(?:up\s+|out\s+)?(?:of\s+)?(?:the\s+|a\s+|an\s+|its\s+|"
          r"their\s+)?(?:new\s+|draft\s+|first\s+)?|"
          # "dans l'élaboration de la", "en la elaboración del", "na elaboração da"
          r"(?:dans\s+(?:l['’]|la\s+|le\s+)|pour\s+(?:l['’]|la\s+|le\s+)|en\s+(?:la\s+|el\s+)|"
          r"para\s+(?:la\s+|el\s+|a\s+|o\s+)|n[ao]\s+)(?:élaboration|préparation|rédaction|"
          r"conception|formulation|révision|mise\s+en\s+[œo]e?uvre|elaboración|preparación|"
          r"redacción|formulación|revisión|diseño|implementación|elaboração|preparação|redação|"
          r"formulação|revisão|implementação|conceção|concepção)\s+(?:de\s+(?:la\s+|l['’])?|"
          r"du\s+|des\s+|del\s+|d[oa]s?\s+)(?:nouvelle?\s+|nuev[oa]\s+|nov[oa]\s+)?)")


# What "helped X in making Y" gives Y the support of: a policy, scheme or law. A study made
# so is the helped party's (fresh-5), and a bill being drafted is a plan (fresh-8): the
# annotations give neither the helper's support.
_MADE_WITH_HELP = INTERVENTION_CLASSES
_BILL = re.compile(r"(?i)\b(?:bill|projet\s+de\s+loi|proyecto\s+de\s+ley|projeto\s+de\s+lei|"
                   r"anteproyecto|avant-projet)\b")


def _in_doing(ctx: Context, sentence: Span, helped: Placed, helper: Placed,
              kinds: frozenset[URIRef] = _MADE_WITH_HELP) -> None:
    """"… supported the Ministry in developing the Social Protection Policy": the policy
    too."""
    doing = re.match(_DOING, ctx.text[helped.end : sentence.end])
    if doing is None:
        return
    start = helped.end + doing.end()
    made = ctx.after(start, sentence, kinds)
    if made is not None and made.start == start:
        # "in the drafting of the Strategy and the Employment Programme": each one
        listed = ctx.listed_after(start, sentence, kinds)
        for each in listed if listed and listed[0] is made else [made]:
            if _BILL.search(each.mention.text):
                continue
            ctx.add(each.entity.iri, SPKG.supportedBy, helper.entity.iri, sentence,
                    each.mention.span, helper.mention.span)


@rule("assisted", family="support")
def assisted(ctx: Context, sentence: Span) -> None:
    """"The ILO assisted the Social Security Fund in designing the X Scheme", "… helped the
    Ministry to …", "… advised the Ministry on …": who was helped (and what they made,
    named right after)."""
    for cue in ctx.cues(r"\b(?:assisted|assists|assisting|helped|helps|helping|accompanied|"
                        r"accompanies|accompanying|advised|advises|advising)\s+"
                        r"(?:the\s+)?|"
                        # "accompagne aussi l'ONA", "a appuyé la CNSS", "apoyó al IPS",
                        # "acompanhou o INPS"
                        r"(?<![\w'’])(?:accompagnen?t?|appuien?t?|soutien(?:nen)?t|aiden?t|"
                        r"conseillen?t?|(?:a|ont)\s+(?:accompagné|appuyé|soutenu|aidé|conseillé)|"
                        r"apoyan?|apoyó|apoyaron|acompañan?|acompañó|asesoran?|asesoró|"
                        r"(?:ha|han)\s+(?:apoyado|acompañado|asesorado)|apoiam?|apoiou|"
                        r"acompanham?|acompanhou|assessorou)\s+"
                        r"(?:aussi\s+|également\s+|también\s+|também\s+)?"
                        r"(?:l['’]|le\s+|la\s+|les\s+|al\s+|a\s+la\s+|a\s+los\s+|el\s+|"
                        r"ao\s+|à\s+|o\s+|a\s+|os\s+)?", sentence):
        helped = ctx.after(cue.end(), sentence, SUPPORTED_CLASSES)
        head = ctx.without_apposition(sentence, cue.start())
        helper = ctx.before(sentence, head, ORGANISATION_CLASSES | {SPKG.Project})
        if helped is None or helper is None or helped.start != cue.end() or not re.fullmatch(
                rf"\s*(?:[»”\"]\s*,?)?\s*(?:\([^)]*\)\s*)?{_ADVERBS}"
                r"(?:(?:is|are|was|were|has\s+been|have\s+been)\b\s*)?",
                ctx.text[helper.end : head]):
            continue
        if helped.entity.iri == helper.entity.iri:
            continue
        ctx.add(helped.entity.iri, SPKG.supportedBy, helper.entity.iri, sentence,
                helped.mention.span, helper.mention.span)
        _in_doing(ctx, sentence, helped, helper)
        _helped_to_make(ctx, sentence, helped)
        _fronted_project(ctx, sentence, helped)  # "Through the X project, the ILO helps Y"


# "helped the NPFA design a …", "assisted the Ministry to draft the …": the helped party's
# own verb of making, bare or with "to"
_TO_MAKE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:to\s+)?(?:design|develop|draft|prepare|formulate|"
                      r"set\s+up|establish|build)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
                      r"(?:new\s+|draft\s+)?")


def _helped_to_make(ctx: Context, sentence: Span, helped: Placed) -> None:
    """"The ILO helped the CNSS design a scheme for taxi drivers": the scheme is the
    CNSS's making (developedBy), named right after the verb; a study is no one's (the
    annotations give studies no maker)."""
    if helped.entity.cls not in ORGANISATION_CLASSES:
        return
    verb = _TO_MAKE.match(ctx.text, helped.end, sentence.end)
    if verb is None:
        return
    made = ctx.after(verb.end(), sentence, INTERVENTION_CLASSES)
    if made is not None and made.start == verb.end() and not _BILL.search(made.mention.text):
        ctx.add(made.entity.iri, SPKG.developedBy, helped.entity.iri, sentence,
                made.mention.span, helped.mention.span)


def _fronted_project(ctx: Context, sentence: Span, supported: Placed) -> None:
    """"Under the X Project, the ILO supported Y": the project supported Y too."""
    under = re.match(r"\s*(?:Under|Through)\s+(?:the\s+)?(?:[\w-]+-(?:funded|financed)\s+)?",
                     ctx.text[sentence.start : sentence.end])
    if under is None:
        return
    project = ctx.after(sentence.start, sentence, {SPKG.Project})
    if project is None or project.start != sentence.start + under.end():
        return
    if re.match(r"\s*(?:project\s*|programme\s*)?(?:\([^)]*\)\s*)?,",
                ctx.text[project.end : sentence.end]):  # "… Inclusion project, …"
        ctx.add(supported.entity.iri, SPKG.supportedBy, project.entity.iri, sentence,
                 supported.mention.span, project.mention.span)


# "technical and financial", "continued technical" …: kinds of support before the noun
_KINDS = (r"(?:(?:technical|financial|policy|advisory|continued|continuous|close|strong|"
          r"expert|legal|actuarial)\s+(?:and\s+)?)*")


@rule("with-named-support", family="support")
def with_named_support(ctx: Context, sentence: Span) -> None:
    """"The policy was developed with ILO support", "with the ILO's technical assistance":
    the supporter written before the noun."""
    for cue in ctx.cues(r"\b(?:[Ww]ith|[Tt]hrough)\s+(?:the\s+)?", sentence):
        supporter = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES | {SPKG.Project})
        if supporter is None or supporter.start != cue.end():
            continue
        noun = re.match(rf"(?:[’']s)?\s+{_KINDS}(?:support|assistance)\b",
                        ctx.text[supporter.end : sentence.end])
        if noun is None:
            continue
        supported = ctx.subject_before(sentence, cue.start(), INTERVENTION_CLASSES | {SPKG.Study})
        if supported is None and not ctx.text[sentence.start : cue.start()].strip():
            fronted = re.match(r"\s*,\s*(?:the\s+)?", ctx.text[supporter.end + noun.end() :
                                                              sentence.end])
            after = ctx.after(supporter.end + noun.end(), sentence, SUPPORTED_CLASSES)
            if fronted and after is not None and (
                    after.start == supporter.end + noun.end() + fronted.end()):
                supported = after  # "With ILO support, the Fund designed …"
        if supported is None:  # "The Ministry, with ILO support, drafted a pension bill"
            for made in _made_in_aside(ctx, sentence, cue.start(), supporter.end + noun.end()):
                ctx.add(made.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                        made.mention.span, supporter.mention.span)
        if supported is None:  # "A round table … was held in X on D with ILO support"
            gathering = ctx.before(sentence, cue.start(), EVENT_CLASSES)
            if gathering is not None and _GATHERED.search(ctx.text, gathering.end, cue.start()) \
                    and same_clause(ctx.text, gathering.end, cue.start()):
                supported = gathering
        if supported is not None and supported.entity.iri != supporter.entity.iri:
            ctx.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                    supported.mention.span, supporter.mention.span)


# A verb by which the fronted subject itself helps someone: "With funding from A, the ILO
# supported a study …" says nothing of the ILO's being supported.
_HELPS = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:also\s+|has\s+|have\s+)?(?:supported|supports|"
                    r"assisted|assists|helped|helps|funded|funds|financed|finances|provided|"
                    r"provides|trained|trains|advised|advises)\b")
# A gathering's verb: what "with the support of" follows is then the gathering's.
_GATHERED = re.compile(r"\b(?:was|were|is|are|will\s+be|been)\s+(?:jointly\s+|also\s+)?"
                       r"(?:organi[sz]ed|held|hosted|convened|co-organi[sz]ed)\b|\btook\s+place\b")


@rule("support-from", family="support")
def support_from(ctx: Context, sentence: Span) -> None:
    """"The scheme was developed …, with support from the ILO and the Government of
    Luxembourg", "… under the auspices of the Ministry …" (a project's funders are the
    funding rule's job)."""
    pattern = (rf"\b(?:[Ww]ith|receiv(?:ed|es|ing)|[Tt]hanks\s+to)\s+(?:the\s+)?{_KINDS}"
               r"(?:support|assistance|funding|financing|backing)\s+(?:from|of)\s+(?:the\s+)?|"
               r"\bunder\s+the\s+auspices\s+of\s+(?:the\s+)?|"
               # "sous l'égide du ministère", "bajo los auspicios de la OIT", "sob a égide da"
               r"\b[Ss]ous\s+l['’]égide\s+(?:de\s+(?:l['’]|la\s+)?|du\s+|des\s+)|"
               r"\b[Bb]ajo\s+(?:los\s+auspicios|la\s+égida)\s+(?:de\s+(?:la\s+|los\s+)?|del\s+)|"
               r"\b[Ss]ob\s+(?:a\s+égide|os\s+auspícios)\s+(?:de\s+|d[oa]s?\s+)|"
               # "avec l'appui de l'OIT", "grâce au soutien du BIT", "avec le financement de
               # l'UE", "con el apoyo de la OIT", "con financiamiento del BID", "com o apoio da
               # OIT", "graças ao financiamento do Banco"
               r"\b(?:[Aa]vec|[Gg]râce\s+à)\s+(?:l['’]|le\s+|la\s+|un\s+)(?:appui|soutien|aide|"
               r"assistance|financement|concours)\s+(?:technique\s+|financier\s+)?"
               r"(?:et\s+financier\s+)?(?:de\s+(?:l['’]|la\s+)?|du\s+|des\s+)|"
               r"\b[Gg]râce\s+au\s+(?:soutien|concours|financement|appui)\s+(?:technique\s+|"
               r"financier\s+)?(?:de\s+(?:l['’]|la\s+)?|du\s+|des\s+)|"
               r"\b(?:[Cc]on|[Gg]racias\s+a)\s+(?:el\s+|la\s+|al\s+)?(?:apoyo|asistencia|ayuda|"
               r"financiamiento|financiación|respaldo)\s+(?:técnic[oa]\s+|financier[oa]\s+)?"
               r"(?:y\s+financier[oa]\s+)?(?:de\s+(?:la\s+|los\s+|las\s+)?|del\s+)|"
               r"\b(?:[Cc]om|[Gg]raças\s+a)\s+(?:o\s+|a\s+|ao\s+)?(?:apoio|assistência|ajuda|"
               r"financiamento)\s+(?:técnic[oa]\s+|financeir[oa]\s+)?(?:e\s+financeir[oa]\s+)?"
               r"(?:de\s+|d[oa]s?\s+)")
    with_project = bool(ctx.in_span(sentence, {SPKG.Project}))
    for cue in ctx.cues(pattern, sentence):
        if with_project and re.search(r"funding|financing|auspices|financement|financiamiento|"
                                      r"financiación|financiamento|égide|égida|auspicios|auspícios",
                                      cue.group(0)):
            continue  # "With funding from the EU, the X Project …": the funding rule's
        # "with technical support from the EU Regional Programme on …": a project supports too
        supporters = ctx.listed_after(cue.end(), sentence, ORGANISATION_CLASSES | {SPKG.Project})
        if not supporters or supporters[0].start != cue.end():
            continue
        supported = ctx.subject_before(sentence, cue.start(),
                                        INTERVENTION_CLASSES | {SPKG.Study})
        if supported is not None and _ATTRIBUTIVE.match(ctx.text, supported.end):
            # "X transfers to households were topped up with support from B", "a top-up to
            # X recipients with funding from B": the unnamed payment was, not X
            continue
        if supported is not None and _GATHERED.search(
                ctx.text, max(supported.end, sentence.start), cue.start()):
            # "A workshop on the X was organised … with the support of B", "It was held
            # … with the support of B": a gathering's support, not the X's
            supported = None
        if supported is None:  # "The X Conference … was organised by A with the support of B"
            supported = ctx.before(sentence, cue.start(), {SPKG.Event})
            if supported is not None and not re.fullmatch(
                    r"\s*(?:[A-Z][\w ,]*(?:\([^)]*\))?\s*[–—-]\s*)?(?:The\s+)?",
                    ctx.text[sentence.start : supported.start]):  # after a dateline too
                supported = None  # only the event the sentence is about
        if cue.group(0).startswith(("receiv", "Receiv")):
            # "The Agency received technical support from …": the receiver, right before
            receiver = ctx.before(sentence, cue.start(), SUPPORTED_CLASSES)
            if receiver is not None and re.fullmatch(
                    r"\s*(?:\([^)]*\)\s*)?(?:has\s+|have\s+|also\s+)?",
                    ctx.text[receiver.end : cue.start()]):
                supported = receiver
        # "With support from A, the X …"; "Avec l'appui de A et grâce à un financement de B,
        # une étude …" (a second opening phrase, the funding rule's, before the comma)
        fronted = re.match(r"\s*(?:\([^)]*\)\s*)?(?:\s+(?:and|et|y|e)\s+(?:thanks\s+to|"
                           r"with|grâce\s+à|grâce\s+au|avec|gracias\s+al?|con|graças\s+ao?|"
                           r"com)\s[^,;]{3,120}?(?:\([^)]*\)\s*)?)?,\s*(?:the\s+|le\s+|la\s+|"
                           r"l['’]|el\s+|o\s+|a\s+|an?\s+|une?\s+|una?\s+|um\s+|uma\s+)?",
                           ctx.text[supporters[-1].end : sentence.end])
        opening = not ctx.text[sentence.start : cue.start()].strip()
        funding = re.search(r"fund|financ", cue.group(0)) is not None
        if supported is None and fronted and opening:
            # "With technical assistance from the ILO, SSIB designed …"
            supported = ctx.after(supporters[-1].end + fronted.end(), sentence,
                                  SUPPORTED_CLASSES)
            if supported is not None and supported.start != supporters[-1].end + fronted.end():
                supported = None
            if supported is not None and _HELPS.match(ctx.text, supported.end, sentence.end):
                supported = None  # "With funding from A, the ILO supported X": X's, not B's
            if supported is not None and funding and supported.entity.cls in ORGANISATION_CLASSES:
                # "With financing from A, the ILO carried out a study and a review": what
                # the doer made was funded, not the doer
                for made in _made_after(ctx, sentence, supported.end):
                    for supporter in supporters:
                        ctx.add(made.entity.iri, SPKG.fundedBy, supporter.entity.iri,
                                sentence, made.mention.span, supporter.mention.span)
                supported = None
        if supported is None:
            # "A forum that the Ministry held in X on D with support from B": the gathering
            gathering = ctx.before(sentence, cue.start(), EVENT_CLASSES)
            if gathering is not None and _HELD.search(ctx.text, gathering.end, cue.start()) \
                    and ";" not in ctx.text[gathering.end : cue.start()]:
                supported = gathering
        if supported is None and _MADE_BEFORE.search(ctx.text, sentence.start, cue.start()):
            # "The ILO prepared, with support from B (B), a valuation and a review"
            closing = re.match(r"\s*(?:\([^)]*\)\s*)?,\s*(?:an?\s+|the\s+|two\s+|its\s+)?",
                               ctx.text[supporters[-1].end : sentence.end])
            things = _made_from(ctx, sentence, supporters[-1].end + closing.end()) if closing \
                else []
            for thing in things:
                for supporter in supporters:
                    kind = SPKG.fundedBy if funding and thing.entity.cls == SPKG.Study else (
                        SPKG.supportedBy)
                    ctx.add(thing.entity.iri, kind, supporter.entity.iri, sentence,
                            thing.mention.span, supporter.mention.span)
        if supported is None and not funding:
            # "A policy is being prepared by the Ministry with support from A and B": the
            # thing made is no entity, so the maker is the one supported
            agents = ctx.listed_before(sentence, cue.start())
            if agents and _MADE_BY.search(ctx.text, sentence.start, agents[0].start) and not (
                    ctx.in_span(Span(sentence.start, agents[0].start))):
                for agent in agents:
                    for supporter in supporters:
                        if supporter.entity.iri != agent.entity.iri:
                            ctx.add(agent.entity.iri, SPKG.supportedBy, supporter.entity.iri,
                                    sentence, agent.mention.span, supporter.mention.span)
        if supported is None and not funding:  # "A, with support from B, drafted a C"
            for made in _made_in_aside(ctx, sentence, cue.start(), supporters[-1].end):
                for supporter in supporters:
                    ctx.add(made.entity.iri, SPKG.supportedBy, supporter.entity.iri,
                            sentence, made.mention.span, supporter.mention.span)
        if supported is None or supported.entity.cls == SPKG.Project:
            continue
        # "… with technical assistance from the ILO under the X Project": the project too
        under = re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:under|through)\s+(?:the\s+)?",
                         ctx.text[supporters[-1].end : sentence.end])
        if under:
            project = ctx.after(supporters[-1].end, sentence, {SPKG.Project})
            if project is not None and project.start == supporters[-1].end + under.end():
                supporters = [*supporters, project]
        # "a study prepared with funding from A": funded (fundedBy has no domain); "a
        # programme launched with financing from A" reads as support (annotated so)
        predicate = SPKG.fundedBy if funding and supported.entity.cls == SPKG.Study else (
            SPKG.supportedBy)
        for supporter in supporters:
            ctx.add(supported.entity.iri, predicate, supporter.entity.iri, sentence,
                     supported.mention.span, supporter.mention.span)


# a programme's name used as a modifier of its payments or people ("X transfers", "X
# recipients", "les bénéficiaires du X" is another form and not read here)
_ATTRIBUTIVE = re.compile(r"\s+(?:cash\s+)?(?:transfers?|recipients?|beneficiar(?:y|ies)|"
                          r"households?|payments?|pensioners?|grantees?|enrollees|"
                          r"top-?ups?)\b")


# A gathering's verb in a relative clause or participle after it: "a forum that the
# Ministry held in X", "a workshop organised by A in B" (active or passive, en/fr/es/pt)
_HELD = re.compile(r"\b(?:held|organi[sz]ed|hosted|convened|co-organi[sz]ed|tenue?s?|"
                   r"organisée?s?|réunie?s?|celebrad[oa]s?|realizad[oa]s?|organizad[oa]s?)\b")
# A verb of making right before the aside: "The ILO prepared, with support from …"
_MADE_BEFORE = re.compile(r"\b(?:carried\s+out|conducted|prepared|produced|undertook|"
                          r"commissioned|completed|drafted|designed|developed|published)"
                          r"\s*,\s*$")


# "A policy is being drafted by": a thing made (no name) by the agent after "by"
_MADE_BY = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|will\s+be)\s+"
                      r"(?:being\s+)?(?:jointly\s+)?(?:prepared|drafted|developed|designed|"
                      r"elaborated|formulated|revised|updated)\s+by\s+(?:the\s+)?$")
# A doer's verb of making, and the article before what it made: "carried out a study"
_MAKES = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:also\s+|has\s+|have\s+|jointly\s+)*"
                    r"(?:carried\s+out|conducted|prepared|produced|undertook|commissioned|"
                    r"completed|drafted|designed|developed|published)\s+"
                    r"(?:an?\s+|the\s+|two\s+|three\s+|its\s+)?")
# Between two things made: "A and an B", "A, a B and the C"
_AND_ANOTHER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)"
                          r"(?:an?\s+|the\s+|its\s+)?")


def _made_in_aside(ctx: Context, sentence: Span, start: int, end: int) -> list[Placed]:
    """What an organisation made "with support" given in an aside between it and its verb:
    "The Ministry, with ILO support, drafted a pension bill" (the bill)."""
    maker = ctx.before(sentence, start, ORGANISATION_CLASSES)
    closing = re.match(r"\s*(?:\([^)]*\)\s*)?,", ctx.text[end : sentence.end])
    if maker is None or closing is None or not re.fullmatch(
            r"\s*(?:\([^)]*\)\s*)?,\s*", ctx.text[maker.end : start]):
        return []
    return _made_after(ctx, sentence, end + closing.end())


def _made_after(ctx: Context, sentence: Span, position: int) -> list[Placed]:
    """The studies and interventions a doer "carried out", "prepared" … right after
    ``position`` (its verb first), each one listed."""
    verb = _MAKES.match(ctx.text, position, sentence.end)
    if verb is None:
        return []
    return _made_from(ctx, sentence, verb.end())


def _made_from(ctx: Context, sentence: Span, start: int) -> list[Placed]:
    """The studies and interventions listed from ``start`` on (the first right there)."""
    made: list[Placed] = []
    for placed in ctx.in_span(Span(start, sentence.end), INTERVENTION_CLASSES | {SPKG.Study}):
        if placed.start < start:
            continue
        if placed.start != start and not (made and _AND_ANOTHER.fullmatch(
                ctx.text, made[-1].end, placed.start)):
            break
        made.append(placed)
        start = placed.end
    return made


_MAKING = (r"(?:development|drafting|design|preparation|formulation|costing|review|revision|"
           r"validation|elaboration|implementation|roll-out|rollout|establishment|update|"
           r"finali[sz]ation|adoption|launch)")


# A helper's verb in French, Spanish and Portuguese, before what was made: "a appuyé",
# "ont soutenu", "a contribué", "a apporté son appui", "apoyó", "ha contribuido",
# "brindó apoyo", "apoiou", "contribuiu"
_ROMANCE_HELPED = (r"(?:(?:a|ont)\s+(?:appuyé|soutenu|accompagné|contribué|participé|"
                   r"apporté\s+(?:son|leur|un)\s+(?:appui|soutien|concours)(?:\s+technique)?)|"
                   r"appuie|appuient|soutient|soutiennent|contribue|contribuent|"
                   r"apoy[óa]|apoyaron|(?:ha|han)\s+(?:apoyado|contribuido)|contribuy[óo]|"
                   r"contribuyeron|brind[óa]\s+(?:su\s+)?apoyo(?:\s+técnico)?|"
                   r"apoi(?:a|ou|aram)|contribui(?:u|ram)?|prestou\s+apoio(?:\s+técnico)?)")
_ROMANCE_MAKING = (r"(?:élaboration|préparation|rédaction|conception|formulation|révision|"
                   r"validation|mise\s+en\s+[œo]e?uvre|actualisation|elaboración|preparación|"
                   r"redacción|formulación|revisión|diseño|validación|implementación|"
                   r"actualización|elaboração|preparação|redação|formulação|revisão|"
                   r"validação|implementação|conceção|concepção|atualização)")


@rule("support-for-making", family="support")
def support_for_making(ctx: Context, sentence: Span) -> None:
    """"The ILO provided technical support for the development of the X", "… supported the
    drafting of the Y", "… contributed to the design of the Z" (and "… through the W
    Project": the project too)."""
    pattern = (rf"\b(?:support(?:ed|s)?|assist(?:ed|s|ance)?|contribut(?:ed|es|ion)|help(?:ed|s)?)"
               rf"\s+(?:(?:for|in|with|to)\s+)?(?:the\s+)?{_MAKING}\s+of\s+(?:the\s+)?"
               r"(?:new\s+|draft\s+|revised\s+)?|"
               # "a appuyé l'élaboration de la", "a apporté son appui à la révision du",
               # "apoyó la elaboración de la", "apoiou a elaboração da"
               rf"(?<![\w'’]){_ROMANCE_HELPED}\s+(?:à\s+|a\s+|para\s+)?"
               rf"(?:l['’]|la\s+|le\s+|el\s+|a\s+|o\s+)?{_ROMANCE_MAKING}\s+"
               r"(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|del\s+|d[oa]s?\s+)"
               r"(?:nouve(?:au|l|lle)\s+|nuev[oa]\s+|nov[oa]\s+|futur[eoa]?\s+)?")
    for cue in ctx.cues(pattern, sentence):
        made = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES | {SPKG.Study})
        if made is None or made.start != cue.end():
            continue
        head = ctx.without_apposition(sentence, cue.start())
        helper = ctx.before(sentence, head, ORGANISATION_CLASSES | {SPKG.Project})
        if helper is None or not re.fullmatch(
                rf"\s*(?:\([^)]*\)\s*)?(?:,[^,]*,\s*)?(?:has\s+|have\s+)?{_ADVERBS}"
                rf"(?:has\s+|have\s+)?"
                rf"(?:(?:provided|provides|gave|gives|offered|extended|lent)\s+{_KINDS})?",
                ctx.text[helper.end : cue.start()]):
            continue
        listed = ctx.listed_before(sentence, helper.end)  # "The ILO and the Embassy of X"
        helpers = listed if listed and listed[-1] is helper else [helper]
        through = re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:through|under)\s+(?:the\s+)?",
                           ctx.text[made.end : sentence.end])
        if through:
            project = ctx.after(made.end + through.end(), sentence, {SPKG.Project})
            if project is not None and project.start == made.end + through.end():
                helpers.append(project)
        for each in helpers:
            if each.entity.iri != made.entity.iri:
                ctx.add(made.entity.iri, SPKG.supportedBy, each.entity.iri, sentence,
                        made.mention.span, each.mention.span)


# "This work …", "These activities …": a demonstrative with its own noun
_THIS_NOUN = re.compile(r"\s*(?:This|These|That|Those)\s+(?:new\s+|draft\s+)?([\w-]+)")
_COOPERATION = re.compile(r"\b(?:ILO|UN|Partnership|Joint|Flagship|Global)\b")


@rule("financed-intervention", family="support")
def financed_intervention(ctx: Context, sentence: Span) -> None:
    """"The Child Grant Programme is financed by the World Bank": a programme, policy or
    law financed by someone is funded by them (``fundedBy`` has no domain: projects and
    interventions are both funded)."""
    for cue in ctx.cues(r"\b(?:(?:funded|financed|co-?financed|co-?funded)\s+(?:jointly\s+)?by\s+"
                        r"(?:the\s+)?|(?:co-?)?financ[ée]e?s?\s+par\s+(?:l['’]|la\s+|le\s+)?|"
                        r"(?:co)?financiad[oa]s?\s+(?:por\s+(?:el\s+|la\s+|o\s+|a\s+)?|"
                        r"pel[oa]s?\s+))", sentence):
        demonstrative = _THIS_NOUN.match(ctx.text, sentence.start, cue.start())
        if demonstrative and demonstrative.group(1).casefold() not in ANAPHORS:
            continue  # "This work was funded by …": no programme named, not the last one
        supported = ctx.subject_before(sentence, cue.start(), INTERVENTION_CLASSES | {SPKG.Project})
        if supported is None or supported.entity.cls == SPKG.Project or _COOPERATION.search(
                supported.entity.label):
            continue  # a development-cooperation programme is a project in all but name
        if supported.end > sentence.start and (ctx.in_span(
                Span(supported.end, cue.start()), SUPPORTED_CLASSES) or re.search(
                r"[;]|\b(?:and|whose|while|but|which\s+\w+s)\b",
                ctx.text[supported.end : cue.start()])):
            continue
        funders = ctx.listed_after(cue.end(), sentence)
        if not funders or funders[0].start != cue.end():
            continue
        for funder in funders:
            ctx.add(supported.entity.iri, SPKG.fundedBy, funder.entity.iri, sentence,
                    supported.mention.span, funder.mention.span)
