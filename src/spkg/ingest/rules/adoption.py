"""Adoption of interventions: who adopted, approved, endorsed, issued or signed what, and
when; ratifications of instruments; entry into force."""

from __future__ import annotations

import re

from rdflib import XSD, URIRef

from spkg.ingest.events import event_facts
from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.normalise import find_dates
from spkg.ingest.records import DateValue, Span
from spkg.ingest.rules.context import (
    Context,
    Placed,
    same_clause,
)
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

# The verbs of adoption, in English, French ("a adopté", "adoptée par", "promulguée") and
# Spanish ("aprobó", "aprobada por", "promulgada"); a French/Spanish auxiliary ("a", "ont",
# "ha", "han") belongs to the verb, so that the adopters end right before it.
_ADOPTED = (r"\b(?:adopted|approved|endorsed|enacted|issued|signed|passed|promulgated)\b|"
            r"(?<![\w'’])(?:(?:a|ont|avait|avaient)\s+)?(?:adopt|approuv|promulgu|sign|vot|"
            r"entérin)ée?s?(?![\w])|"
            r"(?<![\w'’])(?:(?:ha|han|había|habían)\s+)?(?:aprobad|adoptad|promulgad|sancionad|"
            r"firmad|expedid)[oa]s?\b|\b(?:aprobó|adoptó|promulgó|sancionó|firmó|expidió)\b|"
            # Portuguese: "aprovou", "foi aprovada pela", "promulgada", "sancionou"
            r"(?<![\w'’])(?:(?:tinha|tinham)\s+)?(?:aprovad|adotad|promulgad|sancionad|"
            r"assinad)[oa]s?\b|\b(?:aprovou|adotou|promulgou|sancionou|assinou)\b")


_RATIFIED = (r"\bratifi(?:ed|es)\b|(?<![\w'’])(?:a|ont|avait|avaient)\s+ratifiée?s?\b|"
             r"\bratific(?:ó|aron)\b|\b(?:ha|han|había|habían)\s+ratificado\b|"
             # Portuguese; "became the 60th country to ratify", "est devenu le 60e pays à
             # ratifier", "se convirtió en el 60º país en ratificar"
             r"\bratific(?:ou|aram)\b|\b(?:tinha|tinham)\s+ratificado\b|"
             r"\bbecame\s+the\s+[\w-]+\s+(?:country|member\s+State|State|nation)\s+to\s+ratify\b|"
             r"\best\s+devenue?\s+le\s+[\w-]+\s+(?:pays|État)\s+(?:membre\s+)?à\s+ratifier\b|"
             r"\bse\s+convirtió\s+en\s+el\s+[\w-]+\s+(?:país|Estado)\s+(?:miembro\s+)?en\s+"
             r"ratificar\b")
# Between the verb and the instrument: an article, "ILO", and a date may stand first
# ("ratified in 2015 the", "a ratifié le 12 mars 2015 la", "ratificó en 2016 el").
_RATIFIED_GAP = re.compile(r"\s*(?P<year>(?:(?:in|on|en|le|el)\s+)?(?:[\w]{1,10}\s+){0,4}?"
                           r"\d{4},?\s+)?(?:the\s+|la\s+|el\s+|le\s+|l['’])?(?:ILO\s+|OIT\s+)?")

# "adopted by", "adoptée à l'unanimité par", "aprobada por unanimidad por", "passed
# unanimously by", "adoptée en seconde lecture par": the adopters come next.
# A date may come first: "adopted on 8 June 2016 by", "adoptée le 8 juin 2016 par",
# "aprobada el 8 de junio de 2016 por", "aprovada em 2021 pela".
_PASSIVE_BY = re.compile(r"\s+(?:(?:on|in|le|en|el|em)\s+(?:[\w]{1,10}\s+){0,4}?\d{4},?\s+)?"
                         r"(?:(?:unanimously|à\s+l['’]unanimité|por\s+unanimidad|"
                         r"(?:in|en)\s+(?:first|second|third|final|première|deuxième|seconde|"
                         r"primera|segunda)\s+(?:reading|lecture|lectura))\s+)?"
                         r"(?:by|par|por|pel[oa]s?)\b")

_NEGATED = re.compile(r"\b(?:not|never|pas|jamais|no|nunca|aún\s+no|n['’]t)\s+(?:yet\s+|encore\s+|"
                      r"been\s+|été\s+|ha\s+|han\s+|sido\s+)*$")


@rule("adoption", family="adoption")
def adoption(ctx: Context, sentence: Span) -> None:
    """"X adopted/approved/endorsed/issued/signed Y (on date)", "Y was adopted by X",
    "Y, adopted in 1999, …"."""
    for cue in ctx.cues(_ADOPTED, sentence):
        if _NEGATED.search(ctx.text, max(sentence.start, cue.start() - 30), cue.start()):
            continue  # "has not been adopted", "n'a pas adopté", "no ha aprobado"
        passive = _PASSIVE_BY.match(ctx.text[cue.end() : sentence.end])
        adopters: list[Placed] = []
        if passive:
            intervention = _amending_head(ctx, sentence, ctx.subject_before(sentence,
                                                                            cue.start()))
            adopter = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
            instrument = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
            # "approved by Decree No. 83/2019 of the Council of Ministers": the adopter
            # stands after the instrument it adopted through
            through_instrument = adopter is not None and instrument is not None and (
                instrument.start <= cue.end() + passive.end() + 5) and re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?(?:of|by|du|de|del)\s+(?:the\s+|la\s+|le\s+|el\s+)?",
                ctx.text[instrument.end : adopter.start]) is not None
            if (adopter is not None and not through_instrument
                    and adopter.start > cue.end() + passive.end() + 5):
                adopter = None  # "endorsed by the Secretary of …": not the organisation
            adopters = [adopter] if adopter is not None else []
            if adopters:  # "adopted by the National Assembly and the Senate"
                listed = ctx.listed_after(adopters[0].start, sentence)
                adopters = listed if listed and listed[0] is adopters[0] else adopters
        else:
            adopters = ctx.listed_before(sentence, cue.start()) or _of_country(
                ctx, sentence, cue.start())
            intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
            # "approved on 4 September 2018 the Regulation …": a date may stand before the object
            # "approved the pension reform, Law No. 12/2022, which …": the law in apposition
            if intervention is not None and not re.fullmatch(
                    r"\s*(?:(?:on|in|el|le|en)\s+[\w ]{3,30}?\d{4},?\s+)?"
                    r"(?:the\s+|a\s+|an\s+|la\s+|le\s+|l['’]|el\s+|a\s+|o\s+)?"
                    r"(?:[^\W\d_]+\s+){0,2}(?:[a-zà-ÿ]+,\s+(?:the\s+)?)?"
                    # "approved a reform of the Ley X", "a adopté la réforme du Code"
                    r"(?:(?:(?<=reform\s)|(?<=reforms\s)|(?<=amendments\s)|(?<=amendment\s)|"
                    r"(?<=revision\s)|(?<=réforme\s)|(?<=révision\s)|(?<=reforma\s)|"
                    r"(?<=modificación\s)|(?<=modification\s))"
                    r"(?:of|to|du|de|del|de\s+la|de\s+l['’]|da|do)\s+(?:the\s+|la\s+|le\s+|"
                    r"el\s+|l['’]|a\s+|o\s+)?)?",
                    ctx.text[cue.end() : intervention.start]):
                intervention = None  # the thing adopted comes right after the verb
            if intervention is None:
                intervention = ctx.anaphor_after(cue.end(), sentence, INTERVENTION_CLASSES)
            if intervention is None and adopters:
                # "Décret n° 5 on …, which the Government adopted on 11 August 2022"
                which = re.search(r",?\s*(?:which|that)\s+(?:the\s+)?$",
                                  ctx.text[sentence.start : adopters[0].start])
                named = ctx.before(sentence, sentence.start + which.start(),
                                   INTERVENTION_CLASSES) if which else None
                if named is not None and which is not None and re.fullmatch(
                        r"\s*(?:\([^)]*\)\s*)?(?:on\s+[\w\s-]{0,80}?)?",
                        ctx.text[named.end : sentence.start + which.start()]):
                    intervention = named
            if intervention is None and re.search(
                    # "a été adopté en Conseil des ministres", "fue aprobada en …"
                    r"(?:,|\b(?:was|were|has been|have been|is|are|a\s+été|ont\s+été|fut|"
                    r"fue|fueron|ha\s+sido|foi|foram))\s*$",
                    ctx.text[sentence.start : cue.start()]):
                intervention = ctx.subject_before(sentence, cue.start())  # "Y, adopted in"
                # "adopté en Conseil des ministres", "approved in Cabinet": the body it
                # was adopted in, named right after
                council = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
                adopters = [council] if council is not None and re.fullmatch(
                    r"\s+(?:en|in|em)\s+(?:the\s+)?", ctx.text[cue.end() : council.start]) and (
                    re.search(r"(?i)\b(?:council|conseil|consejo|conselho|cabinet)\b",
                              council.mention.text)) else []
        if intervention is None:
            continue
        if passive and intervention.end <= cue.start() and re.search(
                _ADOPTED, ctx.text[intervention.end : cue.start()]):
            # "X, adopted by A in 2010, and the Y, adopted by B in 2021": another verb of
            # adoption stands between, so this one is of a text no rule read, not X's
            continue
        # "the Board of Directors of the Social Protection Fund (SPF) approved": the board,
        # not the fund named inside its name
        adopters = [a for a in adopters if not any(
            o is not a and o.start <= a.start and a.end <= o.end and (o.start, o.end) != (
                a.start, a.end) for o in adopters)]
        adopted = [intervention]
        if not passive:  # "adopted the Labour Code and the Social Insurance Law"
            listed = ctx.listed_after(intervention.start, sentence, INTERVENTION_CLASSES)
            if listed and listed[0] is intervention:
                adopted = listed
        for each in adopted[1:]:
            _adopted(ctx, each, adopters, cue, sentence, dated_after=each.end)
        _adopted(ctx, intervention, adopters, cue, sentence, dated_after=cue.end())
        if passive and adopters:
            _second_chamber(ctx, intervention, adopters[-1], sentence)


# "passed by the Assembly on D1 and by the Senate on D2": a second dated passage
_AND_BY = re.compile(r"\s+(?:on|in)\s+[^,;()]{3,30}?(?:19|20)\d\d,?\s+and\s+(?:then\s+)?"
                     r"by\s+(?:the\s+)?")


def _second_chamber(ctx: Context, intervention: Placed, first: Placed, sentence: Span) -> None:
    """The second body and date after "… on D1 and by B on D2": B's own adoption."""
    second = _AND_BY.match(ctx.text, first.end, sentence.end)
    if second is None:
        return
    body = ctx.after(second.end(), sentence, ORGANISATION_CLASSES)
    if body is None or body.start != second.end():
        return
    _adopted(ctx, intervention, [body], second, sentence, dated_after=body.end)


@rule("ratification", family="adoption")
def ratification(ctx: Context, sentence: Span) -> None:
    """"Tunisia ratified Convention No. 102 on 9 March 2017": a dated ratification of the
    instrument (who ratified is the document's country, not stated as an entity)."""
    # "a ratifié", "ratificó", "ha ratificado" ("n'a pas ratifié", "no ha ratificado" are
    # no ratification)
    for cue in ctx.cues(_RATIFIED, sentence):
        if _NEGATED.search(ctx.text, max(sentence.start, cue.start() - 30), cue.start()):
            continue
        instrument = ctx.after(cue.end(), sentence, _INSTRUMENTS)
        between = None if instrument is None else _RATIFIED_GAP.fullmatch(
            ctx.text, cue.end(), instrument.start)
        if instrument is None or between is None:
            _ratified_before(ctx, sentence, cue)
            continue
        # "ratified Convention No. 102 and Convention No. 183 in 2021": each of them
        listed = ctx.listed_after(instrument.start, sentence, _INSTRUMENTS)
        instruments = listed if listed and listed[0] is instrument else [instrument]
        if between.group("year"):  # "a ratifié en 2012 la convention": the date first
            date = ctx.date_after(cue.end(), sentence)
            if date is not None and date.span.end <= instrument.start:
                for each in instruments:
                    ctx.event(SPKG.Ratification, each, date, sentence)
            continue
        date = ctx.date_after(instruments[-1].end, sentence)
        if date is None or not same_clause(ctx.text, instruments[-1].end, date.span.start) or (
                date.span.start - instruments[-1].end >= 12):
            date = _opening_date(ctx, sentence, cue.start())
        if date is not None:
            for each in instruments:
                ctx.event(SPKG.Ratification, each, date, sentence)


def _opening_date(ctx: Context, sentence: Span, before: int) -> DateValue | None:
    """A date that opens the sentence, in the verb's clause: "In 2021, Zambia ratified …",
    "Le 3 mai 2021, le Togo a ratifié …"."""
    date = ctx.date_before(before, sentence)
    if date is None or not same_clause(ctx.text, date.span.end, before) or not re.match(
            r"\s*(?:In|On|En|Le|El|Em|No|Na)\s+(?:the\s+)?$",
            ctx.text[sentence.start : date.span.start]):
        return None
    return date


_INSTRUMENTS = frozenset({SPKG.Convention, SPKG.Recommendation})
# The instrument named before the verb: "C189, which Mexico ratified on 3 July 2020",
# "la convention n° 102, que le Sénégal a ratifiée en 1962", "el Convenio 102, que el Perú
# ratificó en 1961", "Convention No. 102, ratified by Uruguay in 2010". A subject of a few
# words (a country) may stand between the pronoun and the verb; nothing else.
_RATIFIED_BEFORE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?:which|that|que|qui|la\s+cual|el\s+cual)\s+"
    r"(?:[\w'’.-]+\s+){1,5}?(?:(?:has|have|had)\s+(?:also\s+)?)?|"
    r"(?:(?:was|were|has\s+been|had\s+been)\s+)?)$")
_RATIFIED_BEFORE_VERB = (r"\bratified\b|(?<![\w'’])(?:a|ont|avait|avaient)\s+ratifiée?s?\b|"
                         r"\bratific(?:ó|aron)\b|\b(?:ha|han|había|habían)\s+ratificado\b")


def _ratified_before(ctx: Context, sentence: Span, cue: re.Match[str]) -> None:
    """"C189, which Mexico ratified on 3 July 2020": a dated ratification of the instrument
    the relative clause or passive participle follows; its date is the verb's clause's."""
    if not re.fullmatch(_RATIFIED_BEFORE_VERB, cue.group(0)):
        return
    instrument = ctx.before(sentence, cue.start(), _INSTRUMENTS)
    if instrument is None:
        return
    gap = ctx.text[instrument.end : cue.start()]
    if _RATIFIED_BEFORE.fullmatch(gap) is None or ctx.in_span(
            Span(instrument.end, cue.start()), _INSTRUMENTS | INTERVENTION_CLASSES):
        return
    if not re.search(r"(?:which|that|que|qui|cual)\s", gap) and not re.match(
            r"\s+(?:by|par|por)\s", ctx.text[cue.end() : sentence.end]):
        return  # a bare participle after a name ("Convention No. 102 ratified …") needs "by"
    date = ctx.date_after(cue.end(), sentence)
    if date is None or not same_clause(ctx.text, cue.end(), date.span.start) or (
            date.span.start - cue.end() > 40) or re.search(
                r",", ctx.text[cue.end() : date.span.start]):
        return
    ctx.event(SPKG.Ratification, instrument, date, sentence)


# "entered into force on", "took effect on", "has been in force since", and in French
# ("est entrée en vigueur le", "entrera en vigueur le", "a pris effet le", "est en vigueur
# depuis") and Spanish ("entró en vigor el", "entrará en vigor el", "está en vigor desde").
_IN_FORCE = (r"\b(?:entered|enters|came|comes|will\s+enter|will\s+come)\s+into\s+"
             r"(?:force|effect)\b|\b(?:took|takes|will\s+take)\s+effect\b|"
             r"\b(?:has|have|had)\s+been\s+in\s+(?:force|effect)\s+(?:since|from)\b|"
             r"\b(?:(?:est|sont|était|étaient|sera|seront)\s+)?entr(?:ée?s?|e|ent|era|eront|ait|"
             r"aient)\s+en\s+vigueur\b|\b(?:est|sont)\s+en\s+vigueur\s+depuis\b|"
             r"\b(?:a|ont|prend|prendra)\s+(?:pris\s+)?effet\b|"
             r"\bentr(?:ó|aron|a|an|ará|arán|aba)\s+en\s+vigor\b|"
             r"\b(?:está|están|estaba)\s+en\s+vigor\s+desde\b|\bsurti(?:ó|rá)\s+efecto\b|"
             # Portuguese: "entrou em vigor em", "está em vigor desde"
             r"\bentr(?:ou|aram|a|am|ará|arão|ava)\s+em\s+vigor\b|"
             r"\b(?:está|estão|estava)\s+em\s+vigor\s+desde\b")
# "In force since 1 March 2018, it allows …", "En vigueur depuis le 1er mars 2018, l'arrêté
# …", "Vigente desde el 1 de marzo de 2018, el decreto …": a fronted phrase dates the subject.
_FRONTED_IN_FORCE = re.compile(
    r"\s*(?:(?:In|Into)\s+(?:force|effect)|En\s+vigueur|En\s+vigor|Em\s+vigor|Vigente)\s+"
    r"(?:since|from|as\s+of|depuis|dès|desde|a\s+partir\s+d[eu])\s+")
# "El decreto …", "Según el INSSB, el régimen …", "La loi …": the noun of a subject that
# points back, in French or Spanish, as the English word ANAPHORS knows it.
_ROMANCE_SUBJECT = re.compile(
    r"(?:[^,.;]{0,40},\s*)?(?:[Ee]l|[Ll]a|[Ll]e|[Ll]['’]|[Cc]e|[Cc]ette|[Cc]et|[Ee]ste|[Ee]sta|"
    r"[Ll]es|[Ll]os|[Ll]as|[Cc]es|[Tt]he|[Tt]his|[Tt]hese)\s*"
    r"(?:nouve(?:au|lle)\s+|nuev[oa]\s+|new\s+)?([\w-]+)")
_ROMANCE_NOUNS = {
    "décret": "decree", "decreto": "decree", "loi": "law", "ley": "law", "code": "code",
    "código": "code", "règlement": "regulation", "reglamento": "regulation",
    "régime": "regime", "régimen": "regime", "programme": "programme", "programa": "programme",
    "politique": "policy", "política": "policy", "stratégie": "strategy",
    "estrategia": "strategy", "plan": "plan", "arrêté": "decree", "ordonnance": "ordinance",
    "acuerdo": "agreement", "accord": "agreement", "amendement": "amendment",
    "reforma": "amendment", "réforme": "amendment",
}


_AMENDMENTS = frozenset({"amendment", "modification", "amendement", "modificacione",
                         "modificación", "reforma", "réforme"})


# "The law replaces …", "La ley sustituye a …": a subject, then a verb, then the object
_OBJECT_THEN_AND = re.compile(r"\s*(?:The|This|La|Le|El|Esta|Este|A|O|L['’])\s*[\w-]+\s+"
                              r"(?:also\s+)?[a-zà-ü]+(?:s|e|a|ó|ou|ait)\s+(?:a\s+|à\s+)?"
                              r"(?:the\s+|la\s+|le\s+|el\s+|l['’])?")
# The object's own words, then "and" before the second verb
_AND_VERB = re.compile(r"[^,;]{0,80}?\s+(?:and|et|y|e)\s+(?:then\s+|also\s+)?"
                       r"(?:(?:has|have|had|is|was|will|a|est|ha|fue)\s+)?")


@rule("entry-into-force", family="adoption")
def entry_into_force(ctx: Context, sentence: Span) -> None:
    """"The Act entered into force on 5 August 2019", "El decreto entró en vigor el 1 de
    junio de 2017": the day the law starts to apply."""
    for cue in ctx.cues(_IN_FORCE, sentence):
        if _NEGATED.search(ctx.text, max(sentence.start, cue.start() - 30), cue.start()):
            continue  # "n'est pas encore entrée en vigueur", "has not yet entered into force"
        head = cue.start()
        if re.search(r",\s*$", ctx.text[sentence.start : head]):
            # "The Act, approved by A on D and issued by Decree No. 7, enters into force":
            # the subject, not the text named inside the aside
            head = ctx.without_apposition(sentence, head)
        intervention = _amending_head(ctx, sentence, ctx.subject_before(sentence, head))
        if intervention is not None and _OBJECT_THEN_AND.fullmatch(
                ctx.text, sentence.start, intervention.start) and _AND_VERB.fullmatch(
                ctx.text, intervention.end, cue.start()):
            # "The law replaces Ley 5 and entered into force …": the object of the first
            # verb is not the subject of the second
            intervention = None
        if intervention is None:
            intervention = _pointed_back(ctx, sentence, cue.start())
        date = ctx.date_after(cue.end(), sentence)
        if intervention is None or date is None or not same_clause(
                ctx.text, cue.end(), date.span.start):
            continue
        # no place: a text in force applies everywhere ("y se aplicará primero en Loja"
        # is where it is applied first, not where it entered into force)
        _placeless_event(ctx, SPKG.EntryIntoForce, intervention, date, sentence)


@rule("in-force-since", family="adoption")
def in_force_since(ctx: Context, sentence: Span) -> None:
    """"In force since 1 March 2018, it allows …": the text the subject after the fronted
    phrase names or points back to entered into force on that date."""
    fronted = _FRONTED_IN_FORCE.match(ctx.text, sentence.start, sentence.end)
    if fronted is None:
        return
    date = ctx.date_after(fronted.end(), sentence)
    comma = ctx.text.find(",", fronted.end(), sentence.end)
    if date is None or comma < 0 or date.span.end > comma:
        return
    subject = re.match(r",\s*(?:(?P<pronoun>it|il|elle)\b|(?:the|this|l['’]|le|la|el|este|esta|"
                       r"o|a)\s*(?P<noun>[\w-]+))", ctx.text[comma : sentence.end])
    if subject is None:
        return
    if subject.group("pronoun"):
        concerned = ctx.focus if ctx.focus is not None and (
            ctx.focus.entity.cls in INTERVENTION_CLASSES) else None
    else:
        named = ctx.after(comma, sentence, INTERVENTION_CLASSES)
        concerned = named if named is not None and named.start <= comma + subject.end() else None
        if concerned is None:
            noun = subject.group("noun").casefold()
            concerned = ctx.referent(_ROMANCE_NOUNS.get(noun, noun), INTERVENTION_CLASSES)
    if concerned is not None:
        _placeless_event(ctx, SPKG.EntryIntoForce, concerned, date, sentence)


# "Decreto N° 6-2019, in force since 16 April 2019, amends …", "la loi n° 12-04 (du …),
# en vigueur depuis le 1er mars 2013, …": an aside right after the text dates its entry.
_IN_FORCE_ASIDE = re.compile(
    r"(?:\s+(?:du|de|del|of|dated)\s+(?:\d{1,2}(?:er|º|°)?\s+)?[^\W\d]+\s+(?:de\s+)?\d{4})?"
    r"\s*(?:\([^)]*\)\s*)?,\s*(?:(?:which\s+(?:has\s+been|is|was)|qui\s+est|que\s+está)\s+)?"
    r"(?:in\s+(?:force|effect)|en\s+vigueur|en\s+vigor|em\s+vigor|vigente)\s+"
    r"(?:since|from|as\s+of|depuis(?:\s+l[ea])?|dès\s+l[ea]|desde(?:\s+el)?|a\s+partir\s+del?)\s+")


# "of the Ministry …", "du ministère …", "del Ministerio …": the body that issued the text
_OF_ISSUER = re.compile(r"\s+(?:of\s+the|of|du|de\s+la|de\s+l['’]|del|da|do)\s*")


@rule("in-force-aside", family="adoption")
def in_force_aside(ctx: Context, sentence: Span) -> None:
    """"Decreto N° 6-2019, in force since 16 April 2019, amends …": the text entered into
    force on the date of the aside that follows its name."""
    for law in ctx.in_span(sentence, INTERVENTION_CLASSES):
        end = law.end
        of = _OF_ISSUER.match(ctx.text, end, sentence.end)
        issuer = ctx.after(end, sentence, ORGANISATION_CLASSES) if of else None
        if of is not None and issuer is not None and issuer.start == of.end():
            end = issuer.end  # "the X Regulations 2022 of the Ministry of Y (MoY), in force …"
        aside = _IN_FORCE_ASIDE.match(ctx.text, end, sentence.end)
        if aside is None:
            continue
        date = ctx.date_after(aside.end(), sentence)
        if date is None or date.span.start - aside.end() > 4:
            continue
        _placeless_event(ctx, SPKG.EntryIntoForce, law, date, sentence)


# "Since 1 January 2024 the Law on X has allowed …", "Depuis le 1er juillet 2023, la loi X
# permet …", "Desde el 1 de enero de 2022 la Ley X ha permitido …", "Desde 1 de março de
# 2023 a Lei X permite …": a law that applies since a day or month entered into force then.
_SINCE_OPENING = re.compile(r"\s*(?:Since|Depuis|Desde|As\s+of|Dès)\s+(?:the\s+|le\s+|el\s+)?")
_LAW_GOES_ON = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:has|have|had|ha|han|a|ont|tem|têm)?\s*(?:also\s+|aussi\s+|también\s+)?"
    r"[a-zà-ÿ]{3,}")


@rule("applies-since", family="adoption")
def applies_since(ctx: Context, sentence: Span) -> None:
    """"Since 1 January 2024 the Law on X has allowed employers to …": X's entry into force."""
    opening = _SINCE_OPENING.match(ctx.text, sentence.start, sentence.end)
    if opening is None:
        return
    date = ctx.date_after(opening.end(), sentence)
    if date is None or date.span.start != opening.end() or date.literal.datatype == XSD.gYear:
        return
    law = ctx.after(date.span.end, sentence, {SPKG.Law})
    if law is None or not re.fullmatch(r",?\s*(?:the|la|le|l['’]|el|a|o)?\s*",
                                       ctx.text[date.span.end : law.start]):
        return
    if _LAW_GOES_ON.match(ctx.text, law.end, sentence.end) is None or _TO_COME.search(
            ctx.text, sentence.start, sentence.end):
        return
    _placeless_event(ctx, SPKG.EntryIntoForce, law, date, sentence)


# "the entry into force of the X on D", "l'entrée en vigueur de la loi X le D", "la entrada en
# vigor de la Ley X el D"; one still to come ("expected", "prévue", "prevista") is no event.
_ENTRY_OF = (r"\b(?:entry\s+into\s+force|entrée\s+en\s+vigueur|entrada\s+en\s+vigor|"
             r"entrada\s+em\s+vigor)\s+(?:of|de|du|del|da|do)\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|"
             r"a\s+|o\s+)?")
_TO_COME = re.compile(r"(?i)\b(?:will|would|should|expected|planned|pending|awaiting|before|"
                      r"prévue?s?|prochaine?|attendue?s?|prevista?s?|esperad[oa]s?|pendiente|"
                      r"antes\s+de|avant)\b")


@rule("entry-into-force-of", family="adoption")
def entry_into_force_of(ctx: Context, sentence: Span) -> None:
    """"Since the entry into force of the X on 1 July 2021, …": the day X started to apply."""
    for cue in ctx.cues(_ENTRY_OF, sentence):
        law = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        if law is None or law.start != cue.end():
            continue
        if _TO_COME.search(ctx.text, sentence.start, sentence.end):
            continue
        date = ctx.date_after(law.end, sentence)
        if date is None or not same_clause(ctx.text, law.end, date.span.start) or not re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?,?\s*(?:on|in|le|en|el|em|from|since)\s+(?:the\s+)?",
                ctx.text[law.end : date.span.start]):
            continue
        _placeless_event(ctx, SPKG.EntryIntoForce, law, date, sentence)


def _placeless_event(ctx: Context, cls: URIRef, concerned: Placed, date: DateValue,
                     sentence: Span) -> None:
    """A dated event of ``concerned`` with no place (ctx.event looks for one)."""
    _, facts = event_facts(cls, concerned.entity.iri, concerned.entity.label, date, sentence,
                           (concerned.mention.span,))
    ctx.facts += facts
    ctx.origins += [ctx.rule] * len(facts)


# "Loi n° 19/012 du 8 mai 2019 modifiant et complétant la loi n° 11/004 …", "Law 9 of
# 2016 amending the Act …", "Ley 2.310 que modifica la Ley 87": the second text is the
# first one's complement; what follows the pair ("…, passed by A on D") is said of the first.
_AMENDING = re.compile(
    r"(?:[ \t]+(?:of|du|de|del|da|do)[ \t]+[\w \t]{1,30}?)?,?[ \t]*\b(?:amending|modifying|"
    r"(?:which|that)[ \t]+amends|modifiant|compl[ée]tant|qui[ \t]+modifie|portant[ \t]+"
    r"modification[ \t]+d[eu]|que[ \t]+modifica|que[ \t]+reforma|modificando|reformando|"
    r"que[ \t]+altera|alterando|que[ \t]+modifica)"
    r"(?:[ \t]+(?:et|and|y|e)[ \t]+(?:compl[ée]tant|supplementing|completando|"
    r"complementando))?[ \t]+(?:the[ \t]+|la[ \t]+|le[ \t]+|l['’]|el[ \t]+|a[ \t]+|o[ \t]+)?")


def _amending_head(ctx: Context, sentence: Span, found: Placed | None) -> Placed | None:
    """The text ``found`` is the complement of ("X amending ``found``"), else ``found``."""
    if found is not None and found.entity.cls == SPKG.Law:
        # "The Law on Amendments to the Law on Fishing was passed": the nearest law before
        # the verb is the one named inside the amending law's name; the subject is the whole
        found = next((p for p in ctx.in_span(sentence, {SPKG.Law})
                      if p.start < found.start and found.end <= p.end), found)
    while found is not None and found.entity.cls == SPKG.Law:
        before = ctx.before(sentence, found.start, INTERVENTION_CLASSES)
        if before is None or _AMENDING.fullmatch(ctx.text, before.end, found.start) is None:
            break
        found = before
    return found


def _pointed_back(ctx: Context, sentence: Span, position: int) -> Placed | None:
    """What a subject such as "el decreto", "la loi", "the decree-law" at the sentence's
    opening (after a short phrase) refers to."""
    opening = _ROMANCE_SUBJECT.match(ctx.text, sentence.start, position)
    if opening is None:
        return None
    noun = opening.group(1).casefold()
    if noun.rstrip("s") in _AMENDMENTS:  # "The amendments entered into force": the amending law
        return _amending_law(ctx, sentence)
    for word in (noun, noun.rsplit("-", 1)[-1]):  # "decree-law": a law
        for form in (word, word[:-1] if word.endswith(("s", "x")) else word):
            english = _ROMANCE_NOUNS.get(form, form)
            found = ctx.referent(english, INTERVENTION_CLASSES)
            if found is not None:
                return found
    return None


def _amending_law(ctx: Context, sentence: Span) -> Placed | None:
    """The last law named before ``sentence`` that a rule found amending another one."""
    amending = {f.subject for f in ctx.facts if f.predicate == SPKG.amends}
    named = [p for p in ctx.in_span(Span(0, sentence.start), {SPKG.Law})
             if p.entity.iri in amending]
    return named[-1] if named else None


# Between a law and the year that belongs to its name: "de"/"of", or an opened bracket
# that restates it ("(Act No. 5 of")
_LAW_YEAR = re.compile(r"\s*(?:,\s*|(?:of|de|del|du|da|do)\s+|\([^()]{0,40}?\s(?:of|de|del)\s+)")
_MET = re.compile(r"\b(?:met|convened|sat|gathered|réuni[es]*|reuni(?:ó|eron|u|ram))\b")
_PUBLISHED = re.compile(r"\b(?:published|gazetted|publiée?s?|publicad[oa]s?|publicad[oa]s?)\b")


def _adopted(ctx: Context, intervention: Placed, adopters: list[Placed], cue: re.Match[str],
             sentence: Span, *, dated_after: int) -> None:
    """An intervention the cue adopts: its adopters, and its dated adoption when the
    clause has a date (the first date after ``dated_after``, else one before the cue)."""
    for adopter in adopters:
        ctx.add(intervention.entity.iri, SPKG.adoptedBy, adopter.entity.iri, sentence,
                intervention.mention.span, adopter.mention.span)
    date = ctx.date_after(dated_after, sentence)
    if date is not None and _PUBLISHED.search(ctx.text, dated_after, date.span.start):
        # "approved X, published in the Official Gazette on D": D is not the adoption's
        date = None
    if date is not None and date.span.start >= intervention.end and re.fullmatch(
            r"\s*(?:for\s+(?:the\s+(?:period|years)\s+)?|\()", ctx.text[intervention.end :
                                                                     date.span.start]):
        # "approved the Plan for 2024-2030 (on …)", "the Plan (2024–2030)": its period
        date = ctx.date_after(date.span.end, sentence)
    law_year = None
    if date is not None and date.literal.datatype == XSD.gYear and _LAW_YEAR.fullmatch(
            ctx.text, intervention.end, date.span.start):
        # "passed Ley N.º 462 de 2025 in …", "the Act, 2024 (Act No. 5 of 2024) on D": the
        # year of the text's number or title, not that of its adoption (unless no other
        # date says when)
        law_year, date = date, ctx.date_after(date.span.end, sentence)
    if date is None or not same_clause(ctx.text, cue.end(), date.span.start):
        date = ctx.date_before(cue.start(), sentence)
        if date is not None and re.fullmatch(r",?\s*(?:and|et|y|e)\s+(?:also\s+|then\s+)?",
                                             ctx.text[date.span.end : cue.start()]) and not (
                _MET.search(ctx.text, sentence.start, date.span.start)):
            # "joined the ILO on D and adopted X": D dates the first verb ("met on D and
            # adopted X" adopted it at that meeting)
            date = None
        if date is not None and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:of|de|du|del)\s+",
                                             ctx.text[intervention.end : date.span.start]):
            # "Decree No. 12 of 1 March 2023, adopted by …", "Lei n.º 5, de 3 de maio de
            # 2021, aprovada …": the text's own date
            date = None
        if date is not None and re.search(r"\b(?:since|depuis|desde)\s+(?:the\s+|le\s+|el\s+)?$",
                                          ctx.text[sentence.start : date.span.start]):
            # "can register since 21 June 2022, under Prakas No. 146 issued by …": the day
            # the text applies from, not that of its adoption
            if re.fullmatch(r",?\s*(?:under|in\s+accordance\s+with|en\s+vertu\s+d[ue']\s*|"
                            r"en\s+virtud\s+de|conforme\s+a)\s+(?:the\s+|la\s+|le\s+|el\s+|l['’])?",
                            ctx.text[date.span.end : intervention.start]):
                _placeless_event(ctx, SPKG.EntryIntoForce, intervention, date, sentence)
            date = None
    if date is None and intervention.entity.cls == SPKG.Law and not re.search(
            r",\s*$", ctx.text[sentence.start : cue.start()]):
        # "The Parliament adopted Law No. 173 of 2 December 2021 amending …", "Law No. 9 of
        # 18 July 2024 … was adopted by …", no other date: the law's own date is that of its
        # adoption (not so in an aside, "Decree No. 12 of 1 March 2023, adopted by …")
        date = _own_day(ctx, intervention, sentence)
    if date is None:
        date = law_year
    if date is not None:
        event = ctx.event(SPKG.Adoption, intervention, date, sentence)
        for adopter in adopters:
            ctx.add(event, SPKG.participant, adopter.entity.iri, sentence,
                    adopter.mention.span)


def _of_country(ctx: Context, sentence: Span, verb: int) -> list[Placed]:
    """"The Consejo de Ministros of Ruritania approved …": the body right before its
    country's name, which stands right before the verb."""
    country = ctx.before(sentence, verb, {SPKG.Country})
    if country is None or not re.fullmatch(r"\s*(?:also\s+)?", ctx.text[country.end : verb]):
        return []
    body = ctx.before(sentence, country.start, ORGANISATION_CLASSES)
    if body is None or not re.fullmatch(r"\)?\s*(?:\([^)]*\)\s*)?(?:of|de|du|del|da|do)\s+"
                                        r"(?:the\s+)?", ctx.text[body.end : country.start]):
        return []
    return [body]


# "Le décret n° 5, pris en Conseil des ministres le 3 mai 2022": a decree taken in council
# is adopted by it
_TAKEN_IN = r"\bpris(?:e|es)?\s+en\s+"


@rule("taken-in-council", family="adoption")
def taken_in_council(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(_TAKEN_IN, sentence):
        council = ctx.after(cue.end(), sentence, ORGANISATION_CLASSES)
        law = ctx.before(sentence, cue.start(), {SPKG.Law})
        if council is None or council.start != cue.end() or law is None or not re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?,?\s*", ctx.text[law.end : cue.start()]):
            continue
        _adopted(ctx, law, [council], cue, sentence, dated_after=council.end)


@rule("adoption-of", family="adoption")
def adoption_of(ctx: Context, sentence: Span) -> None:
    """"Following the adoption of the X by the Cabinet in March 2021": the noun states the
    adoption as the verb does."""
    pattern = (r"\b(?:adoption|approval|endorsement|enactment|promulgation|passage|passing|"
               r"signing)\s+of\s+(?:the\s+)?(?:new\s+|revised\s+)?")
    for cue in ctx.cues(pattern, sentence):
        intervention = ctx.after(cue.end(), sentence, INTERVENTION_CLASSES)
        if intervention is None or intervention.start != cue.end():
            continue
        if re.search(r"\b(?:pending|await\w*|expected|planned|prepar\w+\s+for|towards|"
                     r"will|would|should|before)\b", ctx.text[sentence.start : sentence.end]):
            continue  # an adoption still to come is no event
        by = re.match(r"\s*(?:\([^)]*\)\s*)?by\s+(?:the\s+)?",
                      ctx.text[intervention.end : sentence.end])
        adopters = ctx.listed_after(intervention.end + by.end(), sentence) if by else []
        if by and (not adopters or adopters[0].start != intervention.end + by.end()):
            adopters = []
        _adopted(ctx, intervention, adopters, cue, sentence, dated_after=intervention.end)


# A law's own full date in or right after its name: "Law No. 173 of 2 December 2021",
# "Loi n° 2023-12 du 14 juin 2023", "Ley 27.609 del 29 de diciembre de 2020".
_OWN_DAY = re.compile(r"\s*(?:\([^)]*\)\s*)?\b(?:of|du|de|del)\s+(?P<day>\d{1,2}(?:er|º|°)?\s+"
                      r"(?:de\s+)?[A-Za-zéû]+\s+(?:de\s+)?\d{4})\b")



def _own_day(ctx: Context, law: Placed, sentence: Span) -> DateValue | None:
    """The full date that ends a law's name or follows it ("Law No. 173 of 2 December
    2021")."""
    own = _OWN_DAY.search(ctx.text, law.start, law.end)
    if own is None or own.end() != law.end:
        own = _OWN_DAY.match(ctx.text, law.end, sentence.end)
    if own is None:
        return None
    dates = find_dates(own.group("day"), own.start("day"))
    return dates[0] if len(dates) == 1 and dates[0].literal.datatype == XSD.date else None
