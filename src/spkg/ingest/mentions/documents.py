"""Laws, studies and programmes, capitalised or not.

- Legal texts of every tradition named with their number or year: "Sub-Decree No. 148",
  "Prakas 109", "Ministerial Order No. 12 of 2020", "Rules 2021" (the capitalised-name rules
  of entities.py know "Act", "Law", "Decree" …; these add the other traditions);
- in lowercase with the words that make them one text: "the social security law", "a
  pension sub-decree", "an amended labour code", "the new prakas on …" (a head alone,
  "the law", points back and gives nothing) → ``id:law/<noun phrase without article>``;
- studies in lowercase: "an actuarial valuation", "a capacity assessment", "a rapid
  assessment of the top-up payments", "a technical note on benefit levels" →
  ``id:study/<noun phrase>``;
- programmes in lowercase that the sentence makes one thing: "an emergency cash transfer
  programme was launched" → ``id:programme/<noun phrase>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rdflib import URIRef

from spkg.ingest import lexicon
from spkg.ingest.gazetteer import PLACE_CLASSES
from spkg.ingest.mentions.base import (
    MODIFIER,
    Context,
    Mention,
    common_name,
    country_name_in,
    recogniser,
)
from spkg.ingest.mentions.romance import list_tail_end
from spkg.ingest.naming import canonical_key, class_from_head
from spkg.ingest.records import Span
from spkg.namespace import SPKG, mint

# "No. 148", "n° 2019-317/PRN/MFP/T" (French), "No. KR-27" and "No. M/12" (a series letter
# first), "n° 0012/PR/2009" (the year after the issuer), "No. (45) of 2010" (Gulf style)
# "n.º 7/2023" (Portuguese)
# "Núm. 118/2024" (Spanish of the Caribbean and Equatorial Guinea)
_NUMBER = (r"(?:(?:No|N[o°º]|n[o°º]|[Nn]\.[º°o]|N[Rr]o|nro|N[úu]m|n[úu]m)\.?[ \t]*)?"
           r"(?:[A-Z]{1,5}[-/])?"
           r"(?:\d+|\(\d+\))(?:[-/.]\d+)*"
           r"(?:[-/][A-Z]{1,12}(?:-[A-Z]{1,12})*)*(?:/(?:19|20)\d\d(?![\w-]))?"
           # "n° 12/AN/21/8ème L": after the issuer, the year and the legislature
           r"(?:(?<=[A-Z])/\d\d/\d{1,2}(?:ème|eme|e)(?:[ \t]L(?![\w-]))?)?"
           r"(?:[ \t]+of[ \t]+(?:19|20)\d\d)?")
_LEGAL_HEADS = ("Sub-Decree", "Sub-decree", "Prakas", "Ministerial Order", "Ministerial Decree",
                "Royal Decree", "Royal Kram", "Kram", "Presidential Decree", "Government Decree",
                "Executive Order", "Statutory Instrument", "Legislative Decree",
                "Supreme Decree", "Resolution", "Circular", "Directive", "Proclamation",
                "Ordinance", "Rules", "Regulations", "Regulation", "Constitution",
                # a government's numbered decision is a legal text: "Cabinet Decision No. 5"
                "Decision",
                # Spanish and French texts keep their own names in English documents
                "Decreto Legislativo", "Decreto Supremo", "Decreto Ejecutivo",
                "Decreto de Urgencia", "Decreto Ley", "Decreto-Ley", "Decreto Reglamentario",
                "Decreto Exento", "Decreto",
                "Ley", "Resolución Ministerial", "Resolución Suprema", "Resolución Directoral",
                "Resolución Administrativa", "Resolución", "Acuerdo Ministerial",
                "Acuerdo Gubernativo", "Acuerdo Ejecutivo", "Décret", "Loi", "Arrêté",
                "Arrêté conjoint", "Arrêté interministériel", "Ordonnance",
                # French and Spanish prose writes them in lowercase: "la loi n° 2019-17"
                "loi", "décret", "arrêté conjoint", "arrêté interministériel", "arrêté",
                "ordonnance", "ley", "decreto", "resolución",
                # Portuguese: "Lei n.º 7/2023", "Decreto-Lei n.º 5/2019", "Portaria n.º 12"
                "Decreto-Lei", "Decreto Presidencial", "Decreto Executivo", "Lei", "Portaria",
                "Resolução", "Despacho", "lei", "decreto-lei", "portaria",
                # a kind of text in two words, either case: "décret exécutif n° 15-20",
                # "Emenda Constitucional nº 12/2019", "Lei Complementar n.º 5"
                "Décret exécutif", "décret exécutif", "Décret présidentiel",
                "décret présidentiel", "Décret-loi", "décret-loi", "Arrêté ministériel",
                "arrêté ministériel", "Emenda Constitucional", "emenda constitucional",
                "Lei Complementar", "Medida Provisória", "Decreto Regulamentar",
                "Ley Orgánica", "Real Decreto", "Decreto Supremo", "Decreto-Lei")
_NUMBERED_LAW = re.compile(
    # "the Provident Fund Rules and Regulations 2022": one text of both kinds
    rf"(?<![\w-])(?:[A-Z][\w’'-]*[ \t]+){{0,6}}(?:(?:Rules|Regulations)[ \t]+and[ \t]+)?"
    rf"(?:{'|'.join(_LEGAL_HEADS)})"
    rf"(?:[ \t]+(?:on|of)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w’'-]*)*)?"
    rf"(?:,?[ \t]+(?:{_NUMBER}|(?:19|20)\d\d))(?![\w-])")
_LAW_HEADS: dict[str, URIRef] = {h: SPKG.Law for h in (
    "law", "act", "code", "decree", "sub-decree", "prakas", "ordinance", "regulation",
    "regulations", "bill", "constitution", "by-law", "bylaw", "rules", "legislation")}
_RULE_HEADS = frozenset({"rules", "regulation", "regulations"})
_STUDY_HEADS: dict[str, URIRef] = {h: SPKG.Study for h in (
    "study", "assessment", "review", "analysis", "evaluation", "technical note", "report",
    "survey", "diagnostic", "actuarial valuation", "actuarial study", "mapping",
    "feasibility study", "costing", "costing study", "policy brief", "situation analysis",
    "estimate", "estimates", "appraisal",
    # a note that prices a benefit is a study ("a costing note on a child grant")
    "costing note",
    # an actuarial projection is a study; a "projection" alone may be any forecast's
    "actuarial projection", "actuarial projections",
    # the ILO's assessment method, one study whatever its spelling (ABND)
    "assessment based national dialogue", "assessment-based national dialogue")}
_PROGRAMME_HEADS: dict[str, URIRef] = {
    "programme": SPKG.Programme, "program": SPKG.Programme, "scheme": SPKG.Scheme,
    "cash transfer": SPKG.Programme, "transfer programme": SPKG.Programme,
    "pilot": SPKG.Programme,
    # a benefit the sentence makes one thing: "a disability allowance introduced in 2019",
    # "the short-time working allowance, paid by …", "a copra price subsidy helps …"
    "allowance": SPKG.Programme, "subsidy": SPKG.Programme, "grant": SPKG.Programme,
    # "introduced a temporary hardship benefit for …": a benefit made one the same way
    "benefit": SPKG.Programme,
    # "establishes the voluntary social insurance regime": a regime is a scheme
    "regime": SPKG.Scheme}
HEADS = {**_LAW_HEADS, **_STUDY_HEADS, **_PROGRAMME_HEADS}
_HEAD = "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True))
# Modifiers without a possessive: "the domestic workers' law" is read by the relation rule
# named-in-lowercase (rules/coverage.py), which names it after the place the sentence gives.
_PLAIN_MODIFIER = MODIFIER.replace("[a-z][a-z’'-]*", "[a-z][a-z-]*")
# determiner, 1-4 lowercase modifiers, a head; for studies and the legal texts of other
# traditions a lowercase complement "on/of …" up to the next punctuation or verb
_LOWER = re.compile(
    rf"(?<![\w-])(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)[ \t]+"
    # "an ILO actuarial review": whose work it is (for a study) is no word of its name
    rf"(?:[A-Z]{{2,6}}(?:[’']s)?[ \t]+(?=[a-z]))?"
    # "the 2019 actuarial valuation of …": the year it was made is no word of a study's name
    rf"(?:(?:19|20)\d\d[ \t]+(?=[a-z]))?"
    rf"((?:{_PLAIN_MODIFIER}[ \t]+){{0,4}}(?:{_HEAD}))(?![\w-])")
_COMPLEMENT = re.compile(
    # "a survey of 1,750 drivers": a count may open the object
    # a possessive ("of the law's first year") and an accented capital ("… Social Único")
    # belong to the object
    r"[ \t]+(?:on|of|for)[ \t]+((?:the|a|an)[ \t]+)?((?:[a-z][a-z-]*(?:[’']s)?|[A-ZÀ-Þ][\w’'-]*|"
    r"\d{1,3}(?:,\d{3})+(?=[ \t]+[a-z])|\d+(?=[ \t]+[a-z]))"
    # accented lowercase words: a French or Spanish name kept in its object ("… de sécurité
    # sociale")
    r"(?:[ \t]+(?:[a-zà-ÿ][a-zà-ÿ-]*(?:[’']s)?|[A-ZÀ-Þ][\w’'-]*|(?:19|20)\d\d\b)){0,9})")
_COMPLEMENT_STOP = frozenset({
    "was", "were", "is", "are", "has", "had", "have", "will", "would", "which", "that",
    "with", "by", "to", "in", "at", "from", "and", "who", "been", "be", "being", "as",
    "conducted", "carried", "prepared", "completed", "undertaken", "developed", "showed",
    "found", "published", "launched", "supported", "informed", "led", "provided", "since",
    "during", "after", "before", "under", "through", "into",
    # the study's object ends where why or when begins: "a review of the formula so that …"
    "so", "because", "while", "whereas", "every", "each", "until", "within",
    # … and where the standard it is measured against begins ("… Act 1972 against C102")
    "against",
    # … where when it is made for begins ("a diagnostic of the fund ahead of its reform")
    "ahead",
    # … and where whom the object concerns begins ("a diagnostic of enrolment barriers among …")
    "among", "amongst",
    # … and where a question it asks begins ("an assessment of how the scheme could …")
    "how", "whether", "why", "what", "where", "when",
    # … and where what was done to the study begins ("a feasibility study on the new scheme
    # funded by …", "… validated in March"): a participle says what happened, not what of
    "funded", "financed", "commissioned", "requested", "validated", "presented", "endorsed",
    "approved", "adopted", "discussed", "shared", "delivered", "drafted", "written",
    "reviewed", "co-funded", "cofunded", "sponsored"})
# "… benefit for workers who lose their jobs": a bare head after "for" is defined by what
# follows it, not part of the study's name ("… scheme for boda-boda riders" is).
_BARE_GROUP = frozenset({"workers", "persons", "people", "households", "families", "employees",
                         "women", "men", "those", "all"})
_NOT_NAMING = frozenset({
    "same", "other", "such", "first", "second", "third", "next", "last", "previous",
    "following", "above", "said", "this", "that", "these", "those", "its", "their", "our",
    "many", "several", "various", "each", "every", "all", "some", "any", "more", "further",
    "relevant", "respective", "existing", "former", "current", "whole", "entire", "own",
    "overall", "was", "were", "is", "are", "be", "been", "to", "and", "or", "by", "of", "in",
    "on", "for", "with", "as", "at", "from", "also", "not", "annual", "final", "full",
    "detailed", "brief", "short", "comprehensive", "good", "great", "key", "main", "major",
    "important", "recent", "ongoing", "latest", "subsequent", "initial", "preliminary",
    "an", "a", "the", "which", "who", "what", "one", "two", "three", "four", "five"})
DESCRIPTIVE = frozenset({"new", "amended", "revised", "draft", "proposed", "updated",
                         # which of a series, not which study: "the NSSF's first actuarial
                         # valuation" is the fund's actuarial valuation
                         "first", "second", "third", "fourth", "fifth", "latest"})
# A programme in lowercase is one thing when the sentence says it happened to it.
_PROGRAMME_CUE = re.compile(
    r"(?:[ \t,]*(?:\([^)]*\)[ \t,]*)?(?:was|were|has been|had been|is being|will be)[ \t]+"
    r"(?:\w+[ \t]+)?(?:launched|introduced|established|adopted|approved|rolled out|"
    r"piloted|implemented|started|created|set up|designed|extended|expanded|scaled up)\b"
    # … or dates its start in a participle: "a disability allowance introduced in 2019"
    r"|[ \t,]+(?:launched|introduced|created|established|set[ \t]+up)[ \t]+in[ \t]+"
    r"(?:[A-Z][a-z]+[ \t]+)?(?:19|20)\d\d\b"
    # … or says what it does now, to whom: "a disability welfare scheme supports persons …"
    r"|[ \t]+(?:also[ \t]+)?(?:supports|helps|covers|reaches|protects|assists)[ \t]+"
    r"(?!(?:the|a|an|its|their|this|that|it)\b)[a-z]"
    # … or names the legal text it runs under: "the … scheme under the Law on …"
    r"|[ \t]+(?:under|established by|created by)[ \t]+the[ \t]+(?:[A-Z][\w’'-]*[ \t]+){0,6}"
    r"(?:Act|Law|Code|Decree|Regulations?|Ordinance)(?![\w-]))")


# … or makes it happen: "the Government launched an emergency cash transfer programme".
_PROGRAMME_CUE_BEFORE = re.compile(
    r"\b(?:(?:launch|introduc|establish|roll(?:ed)? out|pilot|creat|set up|deliver|ran|run|"
    # "the Ministry also pays a monthly child allowance (…) to families"
    r"pay|paid|administer|manag|implement|operat)(?:ed|es|s)?[ \t]+(?:an?|the|its|their)"
    # … or pays through it: "provided through the economic assistance programme"
    r"|(?:under|through|via)[ \t]+the)[ \t]$")
# … or says who runs it: "the economic assistance programme, paid by the State Service"
# … or who pays for it ("an emergency cash transfer financed by A"), also after whom it is
# for ("a supplementary scheme for salaries above the ceiling is also run by A")
_PROGRAMME_RUN_BY = re.compile(
    r"(?:[ \t]+for[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,5}[ \t]+(?:is|are|was|were)"
    r"(?:[ \t]+also)?[ \t]+(?=[a-z]+[ \t]+by\b))?"
    r"[ \t,]*(?:\([^)]*\)[ \t,]*)?(?:run|paid|managed|administered|implemented|operated|"
    r"delivered|funded|financed|co-funded|co-financed)[ \t]+by\b")
# … or says, in a clause, which body runs it: "the pilot programme for domestic workers
# that the Institute ran from 2019", "the transfer programme which NSSA implements"
_PROGRAMME_RUN_THAT = re.compile(
    r"(?:[ \t]+for[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,3})?,?[ \t]+(?:that|which)[ \t]+"
    r"(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w’'-]*){0,5}[ \t]+"
    r"(?:ran|runs|launched|piloted|implemented|implements|manages|managed|operates|operated|"
    r"introduced|set up|created|established|opened|opens)\b")
_ON = re.compile(r"[ \t]+on[ \t]")
_GENERIC_PROGRAMME_WORDS = frozenset({
    "social", "security", "protection", "insurance", "assistance", "national", "public",
    "contributory", "non-contributory", "voluntary", "mandatory", "compulsory"})
# A benefit's words that say how much or how it is paid, not which one: "a monthly
# allowance", "a one-off cash grant", "a small subsidy".
_BENEFIT_HEADS = frozenset({"allowance", "subsidy", "grant", "benefit"})
_HOW_PAID = frozenset({
    "monthly", "weekly", "annual", "yearly", "quarterly", "cash", "one-off", "lump-sum",
    "special", "small", "additional", "extra", "temporary", "emergency", "direct", "flat-rate",
    "government", "state", "top-up", "one-time",
    # what a subsidy pays for is a financing, not a benefit ("the contribution subsidy paid
    # by the Government for Section 40 members")
    "contribution", "contributions", "premium", "premiums"})


# Thai texts are dated in the Buddhist Era, often with the Gregorian year after:
# "the Social Security Act B.E. 2533 (1990)".
_BUDDHIST_ERA_LAW = re.compile(
    r"(?<![\w-])(?:[A-Z][\w’'-]*[ \t]+){0,6}(?:Act|Law|Code|Regulations?|Rules)[ \t]+"
    r"B\.[ \t]?E\.[ \t]*\d{4}(?:[ \t]*\((?:19|20)\d\d\))?")


@recogniser("documents", "buddhist-era-legal-text")
def buddhist_era_legal_texts(context: Context, region: Span) -> Iterator[Mention]:
    """"the Social Security Act B.E. 2533 (1990)": the year names the text, as "… Act 1990"."""
    text = context.text
    for match in _BUDDHIST_ERA_LAW.finditer(text, region.start, region.end):
        start, words = match.start(), match.group(0)
        lead = re.match(r"(?:(?:The|In|Under|By|A|An|Its|On)[ \t]+)+", words)
        if lead:
            start, words = start + lead.end(), words[lead.end():]
        yield Mention(Span(start, match.end()), words, SPKG.Law, source="law")


@recogniser("documents", "numbered-legal-text")
def numbered_legal_texts(context: Context, region: Span) -> Iterator[Mention]:
    """"Sub-Decree No. 148", "Prakas 109 on …", "the Social Security Rules 2021"."""
    text = context.text
    for match in _NUMBERED_LAW.finditer(text, region.start, region.end):
        start, end = match.span()
        words = text[start:end]
        lead = _LEAD.match(words)
        if lead:
            start, words = start + lead.end(), words[lead.end():]
        if words[0].islower() and not _NUMBERED_AFTER_LOWER.match(words) and (
                _YEAR_ONLY.search(words)):
            continue  # "la loi 2019" (a year): lowercase, only a numbered text is one
        # "Lei n.º 7/2023" is labelled "Lei Nº 7/2023" (its IRI: lei-n-7-2023, from
        # spkg.ingest.lawnumbers); "n°2021-12" as "n° 2021-12"
        name = _GLUED_NUMBER.sub(r"\1 ", _DOTTED_NUMBER_SIGN.sub(r"\1º", words))
        yield Mention(Span(start, end), words, SPKG.Law, source="law",
                      name=name if name != words else None)
    for match in _ENGLISH_NUMBERED.finditer(text, region.start, region.end):
        if not _TITLE_GOES_ON.match(text, match.end()) and not _CAPITALISED_BEFORE.search(
                text, max(region.start, match.start() - 40), match.start()):
            yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Law,
                          source="law")


# "Decree No. 45/2021 and Decision No. 214": the capitalised-name rules (entities.py) read
# a decree or law with its number, but run it into the next text of a list; the text alone,
# no capitalised word before it (a name the name rules read) and no title after it.
_ENGLISH_NUMBERED = re.compile(
    rf"(?<![\w’'-])(?:Decree-Law|Decree|Law)[ \t]+(?=(?:N[Oo]\.?[ \t]*[\w(]|\d))({_NUMBER})"
    r"(?![\w-])")
# "Social Security (Amendment) Law 2019": a bracketed word is part of the name before it
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*|\([A-Z][\w’'-]*\))[ \t]+$")
_TITLE_GOES_ON = re.compile(r"[ \t]+(?:on|of|for|establishing|amending|concerning)[ \t]")


_TITLE_GOES_ON = re.compile(r"[ \t]+(?:on|of|for|to|establishing|amending|concerning)[ \t]")
_YEAR_ONLY = re.compile(r"[ \t](?:19|20)\d\d$")
_GLUED_NUMBER = re.compile(r"(?<![\w-])([Nn](?:[º°o]|ro)\.?)(?=\d)")
_DOTTED_NUMBER_SIGN = re.compile(r"(?<![\w-])([Nn])\.[º°o]")


# "the Law amending the Law on Fishing", "the Act amending and supplementing the Pensions
# Act": a text titled by what it amends, the amended text's capitalised name its end (the
# name inside is read again by entities.py, and amendment.py says which amends which)
_AMENDING_TITLE = re.compile(
    r"(?<=[Tt]he[ \t])(?:Law|Act|Decree|Code|Ordinance|Regulation|Regulations|Decree-Law)"
    r"[ \t]+(?:amending|modifying)(?:[ \t]+and[ \t]+supplementing)?[ \t]+the[ \t]+"
    r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:on|of|and|for|the|in)[ \t]+)*[A-Z][\w’'-]*)*")


@recogniser("documents", "amending-title-legal-text")
def amending_title_legal_texts(context: Context, region: Span) -> Iterator[Mention]:
    """"the Law amending the Law on Fishing" → one law of that whole name."""
    for match in _AMENDING_TITLE.finditer(context.text, region.start, region.end):
        yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Law,
                      source="law")


# "the Pensions (Grant for Persons 70 Years or Over) (Amendment) Regulations, 2019": a
# Commonwealth title with bracketed parts; the capitalised-name rules stop at the first
# bracket or number, so the whole title up to its year is read here
_WORD = r"(?:[A-Z][\w’'-]*|\d{1,3})"
_LINK = r"(?:for|or|of|and|the|on|to|in)"
_RUN = rf"{_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)*{_WORD})*"
_BRACKETED_TITLE = re.compile(
    rf"(?<![\w(-]){_RUN}(?:[ \t]+\({_RUN}\))+[ \t]+(?:Regulations|Rules|Act|Order|Law)"
    r",?[ \t]+(?:19|20)\d\d\b")


@recogniser("documents", "bracketed-title-legal-text")
def bracketed_title_legal_texts(context: Context, region: Span) -> Iterator[Mention]:
    """"the Pensions (Grant for Persons 70 Years or Over) (Amendment) Regulations, 2019"."""
    for match in _BRACKETED_TITLE.finditer(context.text, region.start, region.end):
        start, words = match.start(), match.group(0)
        lead = re.match(r"(?:(?:The|In|Under|By|A|An|Its|On)[ \t]+)+", words)
        if lead:
            start, words = start + lead.end(), words[lead.end():]
        yield Mention(Span(start, match.end()), words, SPKG.Law, source="law")


# Laws titled in quotes, as post-Soviet traditions title them: 'the Law of the Republic of
# X "On Pensions"', 'Law "On Employment"' → the Law on Pensions.
_QUOTED_TITLE_LAW = re.compile(
    r"(?<![\w-])(Law|Code)((?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*"
    r"(?:[ \t]+(?:of[ \t]+)?[A-Z][\w’'-]*){0,4})?)[ \t]+[\"“«][ \t]*On[ \t]+"
    r"([^\"”»\n]{3,100}?)[ \t]*[\"”»]")


@recogniser("documents", "quoted-title-legal-text")
def quoted_title_legal_texts(context: Context, region: Span) -> Iterator[Mention]:
    """'the Law of the Republic of X "On Unemployment Insurance"' → Law on Unemployment
    Insurance (the issuing state is the document's country, no word of the title)."""
    text = context.text
    for match in _QUOTED_TITLE_LAW.finditer(text, region.start, region.end):
        yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Law,
                      source="law", name=f"{match.group(1)} on {match.group(3)}")


# French legal texts written in lowercase with their "portant" title: "le décret portant
# extension de l'assurance invalidité de l'Office … aux travailleurs …", "la loi
# portant création de la Caisse …". The title runs over lowercase words and ends before a
# capitalised name ("de l'Office …" is the body the text is about), a dependant of the
# title's noun ("aux travailleurs", "en faveur de"), a date or a comma; a title of one word
# ("portant création de la Caisse …") is no name of its own.
# Words no title holds: prepositions that open a dependant, verbs and their auxiliaries.
_PORTANT_STOP = (r"(?:aux|au|à|pour|en|dans|sur|par|avec|qui|que|dont|et|ou|le|la|les|a|ont|"
                 r"est|sont|sera|seront|fut|était|avait|ne|se|entre|entrera|adopt\w*|vot\w*|"
                 r"sign\w*|promulgu\w*|publi\w*|approuv\w*)\b|n['’]|s['’]")
_PORTANT = re.compile(
    r"(?<![\w'’-])(?:[Ll]e|[Ll]a|[Ll]['’]|[Uu]n|[Uu]ne|[Dd]u|[Dd]e[ \t]+la)[ \t]*"
    r"(?P<name>(?:décret(?:-loi)?|loi|arrêté|ordonnance)[ \t]+portant"
    rf"(?:[ \t]+(?!{_PORTANT_STOP})"
    r"(?:(?:(?:de|du|des|d['’])[ \t]*(?:la[ \t]+|l['’])?|l['’]))?"
    r"(?!(?:de|du|des|la|le|les)\b)[a-zà-ÿ][a-zà-ÿ'’-]*){2,8}?)"
    rf"(?=[ \t]+(?:{_PORTANT_STOP})|[ \t]+(?:de|du|des)[ \t]+"
    r"(?:la[ \t]+|l['’])?[A-Z]|[ \t]+d['’]|[ \t]*(?:de[ \t]+)?l['’][A-Z]|[ \t]*[,.;:()]|"
    r"[ \t]+(?:le|du)[ \t]+\d)")


@recogniser("documents", "portant-legal-text")
def portant_legal_texts(context: Context, region: Span) -> Iterator[Mention]:
    """"le décret portant extension de l'assurance invalidité" → a law named by its
    title (``decret-portant-extension-de-lassurance-invalidite``)."""
    for match in _PORTANT.finditer(context.text, region.start, region.end):
        words = match.group("name")
        yield Mention(Span(match.start("name"), match.end("name")), words, SPKG.Law,
                      source="law")


# Sentence openers before a legal text's name, English, French and Spanish.
_LEAD = re.compile(r"(?:(?:The|In|Under|By|A|An|Its|On|La|El|Le|Les|Los|Las|Una?|Une|Por|Par|"
                   r"Con|Avec|Según|Selon|O|Os|As|Pela|Pelo|Segundo)[ \t]+)+")
_NUMBERED_AFTER_LOWER = re.compile(
    r"[a-zà-ÿ]+(?:[ \t]+[a-zà-ÿ]+)?[ \t]+(?:N[º°o]\.?|n[º°o])[ \t]*\d")


_CONSTITUTION = re.compile(r"(?<![\w-])(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+(?:(?:new|amended|revised)"
                           r"[ \t]+)?(Constitution)(?![\w-]|[ \t]+of\b|[ \t]+[A-Z])")


_OWNED_CONSTITUTION = re.compile(
    r"(?<![\w-])(?:(?!(?:The|A|An|Its|Their|This|That|New|Interim)\b)"
    r"([A-Z][\w’'-]+)[ \t]+Constitution(?![\w-]|[ \t]+[A-Z])|"
    r"Constitution[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w-]+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w-]+)*))")


@recogniser("documents", "constitution")
def constitution(context: Context, region: Span) -> Iterator[Mention]:
    """"the Constitution" standing alone is the constitution of the document's country;
    "the Pakistani Constitution", "Nepal's Constitution" that of the country named."""
    text = context.text
    for match in _OWNED_CONSTITUTION.finditer(text, region.start, region.end):
        word = re.sub(r"[’']s$", "", match.group(1) or match.group(2))
        country = lexicon.demonyms().get(word.casefold(), word)
        place = context.gazetteer.lookup(country, PLACE_CLASSES)
        if place is not None and place.cls == SPKG.Country:
            yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Law,
                          source="law", name=f"Constitution of {place.label}")
    country_entry = context.country
    if country_entry is None:
        return
    for match in _CONSTITUTION.finditer(text, region.start, region.end):
        yield Mention(Span(match.start(1), match.end(1)), "Constitution", SPKG.Law,
                      source="law", name=f"Constitution of {country_entry.label}")


_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d[ \t]+$")


@recogniser("documents", "lowercase-document")
def lowercase_documents(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _LOWER.finditer(text, region.start, region.end):
        phrase = match.group(1)
        head = next(h for h in sorted(HEADS, key=len, reverse=True) if phrase.endswith(h))
        words = phrase[: len(phrase) - len(head)].split()
        start = match.start(1)
        while words and words[0] in DESCRIPTIVE:
            start = text.index(words[1] if len(words) > 1 else head, start + len(words[0]))
            words = words[1:]
        cls = HEADS[head]
        if any(w in _NOT_NAMING for w in words) or (
                # "the 2019 pension law": which law a year says is the name rules' task
                cls != SPKG.Study and _YEAR_BEFORE.search(text, match.start(), match.start(1))
        ) or (
                # "the NSSF pension scheme": the acronym's, read by the name rules
                cls != SPKG.Study and re.search(r"[A-Z]{2}", text[match.start():match.start(1)])):
            continue
        end = _name_end(text, head, match.end(1), region)
        if (end == match.end(1) and head in _RULE_HEADS) or (not words and (
                (end == match.end(1) and " " not in head) or head == "study")):
            # "the new benefit rules", "a ministerial regulation raising …": what rules say,
            # no legal text named (no annotated batch names one in lowercase);
            # "the law", "a study": a head alone names nothing in particular; "a study on
            # …" is read by the relation side's study rules (rules/studies.py)
            continue
        if (end == match.end(1) and match.group(0)[:3].casefold() == "the"
                and 0 <= _first_in_folded(text, phrase.casefold()) <= match.start() - len(
                    phrase.casefold())):
            continue  # "the feasibility study" after "a feasibility study on …": the same one
        if cls in (SPKG.Programme, SPKG.Scheme) and not _names_a_programme(
                text, match, end, region, head, words):
            continue  # "a social security scheme": what any scheme is, not which one
        if canonical_key(text[start:end], cls) in (head, canonical_key(head, cls)) and (
                cls != SPKG.Study or " " not in head) and not (
                    # "a joint assessment of how the schemes could …": the question names it
                    cls == SPKG.Study and words and _QUESTION.match(text, end)):
            # "a joint programme": its only word describes, it names nothing ("a costing
            # study", "an actuarial valuation" name a kind of study: one, the country's)
            continue
        checked = (_study_end(text, match, start, end, region, bool(words) or " " in head)
                   if cls == SPKG.Study else end)
        if checked is None:
            continue
        end = checked
        yield _lowercase_mention(context, match, Span(start, end), head, cls)


def _names_a_programme(text: str, match: re.Match[str], end: int, region: Span, head: str,
                       words: list[str]) -> bool:
    """Whether a lowercase programme is one thing the sentence names, not what any scheme
    is ("a social security scheme") nor how a benefit is paid ("a monthly allowance")."""
    described = _GENERIC_PROGRAMME_WORDS | (_HOW_PAID if head in _BENEFIT_HEADS else set())
    if not _one_programme(text, match, end, region, words) or (
            # "receive a material benefit under the Law on …": what the law pays, no scheme
            head == "benefit" and (_UNDER_A_LAW.match(text, end, region.end) or _PAYS.search(
                text, max(region.start, match.start() - 20), match.start(1)))) or (
            # "creates a special contribution regime for seasonal workers": a law's rules
            # for a group; "the voluntary regime" is the country's scheme
            head == "regime" and match.group(0)[:3].casefold() != "the"):
        return False
    return not set(words) <= described or _set_up_or_run(text, match, region, words)


# "the scheme pays a maternity benefit of 14 weeks": what a scheme pays, no scheme itself
_PAYS = re.compile(r"\b(?:pay|pays|paid|paying)[ \t]+(?:an?|the|its|their)[ \t]$")
_UNDER_A_LAW = re.compile(r"[ \t]+(?:under|established by|created by)[ \t]+the[ \t]")


# "The decree establishes the voluntary social insurance regime", "the Division administers
# the public assistance programme": generic words with "the", after a verb that sets it up
# or runs it, name the country's own scheme ("a social security scheme" stays any scheme).
_SET_UP_OR_RUN = re.compile(
    r"\b(?:establish|introduc|creat|administer|manag|operat|run)(?:e|ed|es|s)?[ \t]+the[ \t]$")


def _set_up_or_run(text: str, match: re.Match[str], region: Span, words: list[str]) -> bool:
    return len(words) >= 2 and _SET_UP_OR_RUN.search(
        text, max(region.start, match.start() - 30), match.start(1)) is not None


def _lowercase_mention(context: Context, match: re.Match[str], span: Span, head: str,
                       cls: URIRef) -> Mention:
    """The mention of a lowercase law, study or programme, with the IRI its kind gives."""
    text = context.text
    mention = Mention(span, text[span.start:span.end], cls, source="document")
    if head in ("programme", "program") and cls == SPKG.Programme:
        # lowercase words describe a programme, they are no name of its own: "the
        # destitute persons programme" keeps its head, as "… cash transfer programme"
        mention.iri = mint("programme", mention.text)
    if cls == SPKG.Study and context.country is not None and (
            span.end == match.end(1) or _COUNTED_OBJECT.match(text, match.end(1))):
        # every country has its "actuarial valuation": the study's IRI names the country;
        # one whose object the text gives ("of the pension fund", "for a maternity
        # benefit") is that one, as written (eight annotated batches accept that slug,
        # the latest only that one)
        mention.iri = mint("study", f"{mention.text} {common_name(context.country)}")
    return mention


def _no_study_yet(text: str, match: re.Match[str], start: int, end: int, region: Span) -> bool:
    """"the costing of the regime": of one named before; "recommended a review of the
    formula", "the law requires an actuarial valuation": none made yet."""
    return bool(_ANAPHORIC_OBJECT.fullmatch(text, match.end(1), end)
                or _NOT_YET.search(text, max(region.start, start - 80), start))


def _study_end(text: str, match: re.Match[str], start: int, end: int, region: Span,
               kind: bool) -> int | None:
    """Where a lowercase study's name ends, or None if it names no study made.
    "a feasibility study on the planned fund": of an object named before, but a new study of
    a kind, the country's; "the actuarial review of the scheme" points back, "an
    assessment of the law" names no kind, and one only recommended is none yet."""
    if not _no_study_yet(text, match, start, end, region):
        return end
    if kind and match.group(0)[0] in "Aa" and not _NOT_YET.search(
            text, max(region.start, start - 80), start):
        return match.end(1)
    return None


# "a survey of 1,200 drivers": a count says how many were asked, not which study it is.
_COUNTED_OBJECT = re.compile(r"[ \t]+(?:of|on|among)[ \t]+\d")
_QUESTION = re.compile(r"[ \t]+(?:of|on)[ \t]+(?:how|whether|why|what)\b")
# A study of something named before: "the actuarial review of the scheme".
_ANAPHORIC_OBJECT = re.compile(
    r"[ \t]+(?:of|on|for)[ \t]+(?:the|this|that|its|their)[ \t]+(?:new[ \t]+)?(?:scheme|regime|"
    r"programme|program|fund|system|law|policy|reform|project|pilot|plan|strategy)")
# A study someone asks for is not one yet: "recommended … a review of the formula".
_NOT_YET = re.compile(r"\b(?:recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|call(?:s|ed)?[ \t]+for|"
                      r"suggest(?:s|ed)?|requir(?:e|es|ed|ing))\b[^.;:!?]*$")


def _first_in_folded(text: str, phrase: str) -> int:
    """Where ``phrase`` first occurs in the casefolded text: one search per phrase, not a
    casefolded copy of the whole text and a search from its start for each match (which
    made a long document quadratic). It occurs before a position p iff it first does."""
    folded, first = _folded(text)
    if phrase not in first:
        first[phrase] = folded.find(phrase)
    return first[phrase]


@lru_cache(maxsize=2)  # the document being read (a cache of texts would hold them all)
def _folded(text: str) -> tuple[str, dict[str, int]]:
    return text.casefold(), {}


def _name_end(text: str, head: str, end: int, region: Span) -> int:
    """Where a lowercase study's or legal text's name ends: after its complement ("on …").
    A legal text's name says what it is on; "a regulation of the … Institute" says who
    issued it."""
    if HEADS[head] == SPKG.Study or (head in ("prakas", "sub-decree", "decree", "law",
                                              "regulation", "by-law", "bylaw", "ordinance")
                                     and _ON.match(text, end)):
        complement = _complement(text, end, region.end)
        if complement is not None:
            return complement
    return end


def _one_programme(text: str, match: re.Match[str], end: int, region: Span,
                   words: list[str]) -> bool:
    """Whether the sentence makes a lowercase programme one thing: it was launched, or
    someone launched it, runs it beside a named one, or a study studies it."""
    return bool(_PROGRAMME_CUE.match(text, end, region.end)
                or _PROGRAMME_RUN_BY.match(text, end, region.end)
                or _PROGRAMME_RUN_THAT.match(text, end, region.end)
                or _PROGRAMME_CUE_BEFORE.search(
                    text, max(region.start, match.start() - 40), match.start(1))
                or _RUN_BESIDE_A_NAME.search(
                    text, max(region.start, match.start() - 120), match.start())
                # "a rapid assessment of the employment injury scheme": a scheme of two
                # words or more that a study is of ("the pension scheme" is any country's)
                or (len(words) >= 2 and match.group(0)[:4] == "the " and _STUDIED.search(
                    text, max(region.start, match.start() - 40), match.start()) is not None))


# "which also runs the Orphan Care Programme and the destitute persons programme": a
# lowercase programme listed after a named one a body runs is one too.
_RUN_BESIDE_A_NAME = re.compile(
    r"\b(?:runs|ran|manages|managed|administers|administered|implements|implemented|"
    r"operates|operated|pays|paid)[ \t]+the[ \t]+(?:[A-Z][\w’'-]*[ \t]+){1,6}"
    r"(?:Programme|Program|Scheme|Allowance|Grant|Benefit|Pension)(?:[ \t]+\([A-Z]{2,8}\))?"
    r",?[ \t]+and[ \t]+$")
# "… assessment of the": the study's object follows.
_STUDIED = re.compile(
    r"\b(?:assessment|valuation|review|evaluation|study|analysis|costing|diagnostic|"
    r"appraisal|projections?)[ \t]+of[ \t]+$")


# A lowercase singular word after "and" in a study's object coordinates with it ("… and
# social security"); a plural or a participle may open a clause ("… and recommended …").
_COORDINATED_NOUN = re.compile(r"[a-z][a-z-]*(?<![sd])")
def _coordinated(before: str, following: list[str]) -> bool:
    """Whether the words after "and" in a study's object go on with it: capitalised after
    capitalised ("… Accident Prevention and Workers Compensation Scheme"), or a lowercase
    singular word that is no clause's after a lowercase one ("… on employment and social
    security"), not a verb before its object ("… and began a review")."""
    if before[0].isupper():
        return bool(following) and following[0][0].isupper()
    return bool(following and _COORDINATED_NOUN.fullmatch(following[0])
                and following[0] not in _COMPLEMENT_STOP | _NOT_NAMING
                and following[1:2] != ["a"] and following[1:2] != ["an"]
                and following[1:2] != ["the"] and following[1:2] != ["its"])


_AGES = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                   "twelve", "fifteen", "sixteen", "eighteen"})


def _last_plural(before: str, rest: list[str], text: str, end: int) -> bool:
    """"… needs of informal workers and returnees, funded by …": a plural after a plural,
    the object's last word before a comma or full stop, is listed with it (a verb after
    "and" has its object after it)."""
    return (len(rest) == 1 and before.endswith("s") and rest[0].endswith("s")
            and rest[0].islower() and rest[0] not in _COMPLEMENT_STOP | _NOT_NAMING
            and text[end:end + 1] in (",", ".", ";"))


_IN_A_SECTOR = re.compile(r"in (?:the )?(?:[a-z-]+ ){0,3}(?:sector|economy|industry)\b")


def _complement(text: str, end: int, limit: int) -> int | None:
    """The end of "on benefit levels for seasonal workers" after a study's head."""
    found = _COMPLEMENT.match(text, end, limit)
    if found is None or (found.group(0).split()[0] == "for" and found.group(2)[0].isupper()):
        return None  # "a diagnostic for the Government of Togo": whom it is for
    words = found.group(2).split()
    kept: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1 : index + 3]
        if word == "and" and kept and (_coordinated(kept[-1], following) or _last_plural(
                kept[-1], words[index + 1:], text, found.end())):
            kept.append(word)
            continue
        if word == "to" and words[0].endswith("ing") and "to" not in kept:
            kept.append(word)  # "on extending the scheme to informal workers": the action's
            continue
        if word == "under" and following[:1] and following[0] in _AGES:
            kept.append(word)  # "for children under five": which children, no clause
            continue
        if word == "in" and "for" not in kept and _IN_A_SECTOR.match(" ".join(words[index:])):
            # "coverage in the fishing sector": which coverage, not where ("… for migrant
            # workers in the private sector" says which workers, no word of the study's)
            kept.append(word)
            continue
        if word in _COMPLEMENT_STOP or (word.endswith("ed") and following[:1] == ["by"]) or (
                word == "for" and following and (
                following[0] in _BARE_GROUP or following[0][0].isupper()
                or (following[0] == "the" and following[1:2] and following[1][0].isupper()))):
            break  # "… for workers who", "… for the Government of Togo": not the study's object
        kept.append(word)
    while kept and kept[-1] in {"the", "a", "an", "of", "on", "for", "its", "their", "de",
                                "du", "des", "del"}:
        kept.pop()
    if not kept:
        return None
    return _object_end(text, found.start(2), kept, limit) if kept[-1] else None


def _object_end(text: str, start: int, kept: list[str], limit: int) -> int:
    """Where a study's object of ``kept`` words ends, read from ``start``."""
    position = start
    for word in kept:
        position = text.index(word, position) + len(word)
    if _ROMANCE_JOINT.intersection(kept):
        # "… of the programa de invalidez, vejez y muerte (IVM)": a kept name's closing list
        position = list_tail_end(text, position, limit)
    return position


_ROMANCE_JOINT = frozenset({"de", "del", "des", "du", "da", "do", "dos", "das"})


# Studies named in capitals: "the Social Protection Diagnostic for Tonga", "the Actuarial
# Valuation of the National Provident Fund", "the Social Protection Expenditure and
# Performance Review". The capitalised-name rules know no such head (a "… of the … Fund"
# would be the fund); a capitalised word or a complement must come with the head, and no
# capitalised word after it ("Review Committee" is a committee).
_STUDY_NAME_HEADS = ("Diagnostic", "Review", "Valuation", "Analysis", "Evaluation",
                     "Assessment", "Study", "Survey", "Mapping", "Report", "Estimate",
                     "Appraisal", "Projection", "Projections", "Costing")
_CAPITAL_WORD = r"[A-Z][\w’'-]*"
_STUDY_NAME = re.compile(
    rf"(?<![\w’'-])((?:{_CAPITAL_WORD}[ \t]+(?:(?:and|&)[ \t]+)?){{0,6}})"
    rf"({'|'.join(_STUDY_NAME_HEADS)})"
    rf"((?:[ \t]+(?:of|on|for)[ \t]+(?:the[ \t]+)?{_CAPITAL_WORD}"
    # "… of Social Protection and Labour Policies", not "… Fund and the Health … Review"
    rf"(?:[ \t]+(?:(?:and|&)[ \t]+(?!the\b)|(?:of|for|in|on)[ \t]+(?:the[ \t]+)?)?"
    rf"{_CAPITAL_WORD})*)?"
    rf"(?:,?[ \t]+(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?)?)"
    r"(?![\w’'-]|[ \t]+[A-Z]|[ \t]*\()")
_OPENERS = frozenset({"The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Its",
                      "Their", "This", "That", "Under", "Through", "During", "After",
                      "Before", "Since", "And", "Both", "New", "Draft", "First"})


@recogniser("documents", "capitalised-study")
def capitalised_studies(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _STUDY_NAME.finditer(text, region.start, region.end):
        words = match.group(1).split()
        start = match.start(1)
        while words and words[0] in _OPENERS:
            start = text.index(words[1] if len(words) > 1 else match.group(2),
                               start + len(words[0]))
            words = words[1:]
        if not words and not match.group(3):
            continue  # "the Review": a head alone points back
        if words and words[0].isupper() and len(words) == 1 and not match.group(3):
            continue  # "ILO Report", "UN Review": whose, not which
        yield Mention(Span(start, match.end()), text[start:match.end()], SPKG.Study,
                      source="study")


# Two programmes sharing their head: "the urban and rural pension regimes" are the urban
# pension regime and the rural pension regime. Each conjunct is one word that says which
# (not what every scheme is: "the contributory and non-contributory schemes" name none).
_COORDINATED = re.compile(
    r"(?<![\w-])[Tt]he[ \t]+([a-z][a-z-]+)[ \t]+(?:and|or)[ \t]+([a-z][a-z-]+)[ \t]+"
    r"((?:(?:pension|insurance|benefit|savings|transfer|assistance)[ \t]+)?)"
    r"(schemes|regimes|programmes|programs)(?![\w-])")
_PLURAL_HEADS = {"schemes": ("scheme", SPKG.Scheme), "regimes": ("regime", SPKG.Scheme),
                 "programmes": ("programme", SPKG.Programme),
                 "programs": ("program", SPKG.Programme)}
_NOT_WHICH = _NOT_NAMING | DESCRIPTIVE | _GENERIC_PROGRAMME_WORDS | frozenset({
    "old", "formal", "informal", "private", "other", "both", "existing", "separate",
    "different", "two", "several", "similar", "related", "earlier", "later", "future",
    # what a scheme gives or insures is its kind, every country has one ("the health and
    # pension schemes", "the old-age and disability schemes"): whom it is for says which
    "health", "pension", "pensions", "insurance", "maternity", "sickness", "unemployment",
    "disability", "invalidity", "old-age", "survivors", "family", "employment", "injury",
    "cash", "transfer", "welfare", "savings", "benefit", "benefits", "care", "medical",
    "retirement", "death", "funeral", "child", "housing", "food", "nutrition", "education"})


@recogniser("documents", "coordinated-programmes")
def coordinated_programmes(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _COORDINATED.finditer(text, region.start, region.end):
        first, second = match.group(1), match.group(2)
        if {first, second} & _NOT_WHICH or first.endswith("ly") or second.endswith("ly"):
            continue  # "the new and existing schemes", "the publicly and privately run …"
        head, cls = _PLURAL_HEADS[match.group(4)]
        shared = f"{match.group(3)}{head}"
        yield Mention(Span(match.start(1), match.end(1)), first, cls, source="document",
                      name=f"{first} {shared}")
        yield Mention(Span(match.start(2), match.end()), text[match.start(2):match.end()], cls,
                      source="document", name=f"{second} {shared}")


# French, Spanish and Portuguese programmes written head first in lowercase, which the
# sentence makes one thing: "the FSS implements the programme de gratuité de la maternité,
# launched in September 2023", "el programa de pensiones no contributivas fue lanzado en …".
_ROMANCE_PROGRAMME = re.compile(
    r"(?<![\w'’-])(?:[Tt]he|[Ll]e|[Ll]a|[Ee]l|[Oo]|[Aa]|[Uu]n|[Uu]ne)[ \t]+"
    r"(?P<name>(?:programme|programa|program)"
    # "le programme national de filets sociaux": one adjective after the head
    r"(?:[ \t]+(?:national|nationale|nacional|social|sociale|spécial|especial|intégré|"
    r"integrado|integral|communautaire|comunitario|comunitário))?"
    r"(?:[ \t]+(?:de|d['’]|du|des|del|do|da|dos|das)(?:[ \t]+(?:la|l['’]|los|las))?[ \t]*"
    r"(?!(?:de|la|le|les|el)\b)[a-zà-ÿ][a-zà-ÿ'’-]{2,}(?:[ \t]+(?!(?:de|la|le|les|el|in|en|em|"
    r"for|pour|para|with|avec|con|com|which|that|qui|que|was|fue|foi|est|has|is|a)\b)"
    r"[a-zà-ÿ][a-zà-ÿ'’-]+){0,2}){1,3})"
    r"(?=[ \t]*[,.;:()]|[ \t]+(?:was|were|has|had|is|fue|foi|a|est|in|en|em|for|pour|para|"
    r"with|avec|con|com|which|that|qui|que)\b)")
_ROMANCE_PROGRAMME_BEFORE = re.compile(
    r"\b(?:implement(?:s|ed)?|manag(?:es|ed)|runs|ran|launched|introduced|administers|"
    r"met[ \t]+en[ \t]+œuvre|gère|a[ \t]+lancé|implementa|ejecuta|gestiona|lanzó|"
    r"executa|gere|lançou)[ \t]+$")
_ROMANCE_PROGRAMME_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:was|were|a[ \t]+été|fue|foi)[ \t]+)?(?:launched|introduced|created|"
    r"lancée?|créée?|lanzad[oa]|cread[oa]|lançad[oa]|criad[oa])\b"
    # … or says who pays for or runs it: "le programme …, financé par la Banque mondiale"
    r"|[ \t]*,[ \t]*(?:financée?|exécutée?|gérée?|mise?[ \t]+en[ \t]+œuvre|financiad[oa]|"
    r"ejecutad[oa]|administrad[oa]|gestionad[oa]|executad[oa]|gerid[oa]|implementad[oa])"
    r"[ \t]+(?:par|por|pelo|pela)\b")


@recogniser("documents", "romance-programme")
def romance_programmes(context: Context, region: Span) -> Iterator[Mention]:
    """"the programme de gratuité de la maternité, launched in 2023" → a programme."""
    text = context.text
    for match in _ROMANCE_PROGRAMME.finditer(text, region.start, region.end):
        if _ROMANCE_PROGRAMME_BEFORE.search(text, max(region.start, match.start() - 40),
                                            match.start()) is None and (
                _ROMANCE_PROGRAMME_AFTER.match(text, match.end(), region.end) is None):
            continue
        yield Mention(Span(match.start("name"), match.end("name")), match.group("name"),
                      SPKG.Programme, source="document")


# A delivery system a body launched or began piloting: "the USS began piloting a new case
# management system in Gyumri", "launched an integrated beneficiary registry" → a
# programme named by its words without "new" (the sentence makes it one thing).
_LAUNCHED_SYSTEM = re.compile(
    r"\b(?:(?:began|begun|started)[ \t]+piloting|piloted|launched|introduced|rolled[ \t]+out)"
    r"[ \t]+(?:a|an|the|its|their)[ \t]+(?:new[ \t]+)?(?P<name>(?:(?!(?:social|national|"
    r"pension|health|protection|security|the|of|and)\b)[a-z][a-z-]+[ \t]+){1,3}"
    r"(?:system|registry|register|platform))(?![\w-]|[ \t]+(?:of|for)\b)")


@recogniser("documents", "launched-system")
def launched_systems(context: Context, region: Span) -> Iterator[Mention]:
    """"began piloting a new grievance redress system" → ``programme/grievance-redress-system``."""
    for match in _LAUNCHED_SYSTEM.finditer(context.text, region.start, region.end):
        yield Mention(Span(match.start("name"), match.end("name")), match.group("name"),
                      SPKG.Programme, source="document")


# A programme's brand written in camel case or with a lowercase prefix: "the youSave
# voluntary savings scheme", "the eSahay programme", "the e-Shram portal". The brand is its
# name; the words up to the head describe it. A digital programme's head may be its portal,
# platform, app or card.
_BRAND_HEADS = {**_PROGRAMME_HEADS, **dict.fromkeys(
    ("portal", "platform", "app", "application", "card", "wallet", "e-service",
     "online service"), SPKG.Programme)}
# … or as a web address: "the Jumys.kz e-service", "the Mi.gob portal"
_CAMEL_BRAND = re.compile(
    rf"(?<![\w’'.-])([a-z]{{1,6}}[A-Z][\w-]*|[a-z]{{1,2}}-[A-Z][\w-]*|"
    r"[A-Z][\w-]*\.(?:gov\.|gob\.|gouv\.)?[a-z]{2,4})"
    rf"((?:[ \t]+{_PLAIN_MODIFIER}){{0,4}}[ \t]+"
    rf"(?:{'|'.join(sorted(map(re.escape, _BRAND_HEADS), key=len, reverse=True))}))"
    r"(?![\w-])")


@recogniser("documents", "camel-case-programme")
def camel_case_programmes(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _CAMEL_BRAND.finditer(text, region.start, region.end):
        head = " ".join(match.group(2).split()[-2:])
        cls = _BRAND_HEADS.get(head) or _BRAND_HEADS[head.split()[-1]]
        yield Mention(Span(match.start(), match.end()), match.group(0), cls,
                      source="document", name=match.group(1))


# Studies kept in Spanish, Portuguese or French, after an English or a Romance determiner:
# "an estimación actuarial del Fondo de Retiro", "uma avaliação atuarial do INSS", "un estudio
# de factibilidad", "a valuación actuarial". A kind ("actuarial", "de factibilidad") or what
# it is of makes the head one study; a head alone ("un informe") names none.
_ROMANCE_STUDY_HEAD = (
    r"estudios?|estudos?|études?|valuación|evaluación|avaliação|évaluation|estimación|"
    r"estimativa|estimation|proyecciones|proyección|projeções|projeção|projections?|"
    r"revisión|revisão|revue|diagnóstico|diagnostic|análisis|análise|analyse|informe|"
    r"relatório|rapport|encuesta|inquérito|enquête|levantamento|mapeo|mapeamento|"
    r"cartographie|auditoría|auditoria|audit")
_ROMANCE_KIND = (
    r"actuariales?|actuariels?|actuarielles?|atuariais|atuarial|actuarial|"
    r"de[ \t]+(?:factibilidad|viabilidad|viabilidade|faisabilité|impacto|impact)|"
    r"d[’']impact|d[’']impacto")
_ROMANCE_OF = r"(?:de[ \t]+la|de[ \t]+los|de[ \t]+las|de[ \t]+l[’']|del|da|do|das|dos|du|des|de)"
_ROMANCE_CAPITAL = r"[A-ZÀ-Þ][\w’'-]*"
_ROMANCE_DETERMINER = r"un|una|um|uma|une|el|la|le|o|l[’']"
_ROMANCE_STUDY = re.compile(
    rf"(?<![\w-])(?:([Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)|({_ROMANCE_DETERMINER}|"
    rf"{_ROMANCE_DETERMINER.title()}))[ \t]*(?<=[ \t’'])"
    rf"((?:{_ROMANCE_STUDY_HEAD})(?:[ \t]+(?:{_ROMANCE_KIND}))?)"
    # what it is of, capitalised ("del Seguro Social", "do Cadastro Único")
    rf"((?:[ \t]+{_ROMANCE_OF}[ \t]*{_ROMANCE_CAPITAL}"
    rf"(?:[ \t]+(?:(?:{_ROMANCE_OF}|y|e|et)[ \t]*)?{_ROMANCE_CAPITAL})*)?)"
    r"(?![\w’'-])")
# … or in lowercase, to the first word of prose or punctuation:
# "un diagnóstico del sistema de pensiones no contributivas"
# "une étude de faisabilité sur l'assurance maladie", "… del programa Juntos"
_ROMANCE_LOWER_OF = re.compile(
    rf"[ \t]+(?:{_ROMANCE_OF}|sur|sobre)[ \t]*(?:(?:la|las|los|el|le|les|o|os|a|as)[ \t]+|"
    r"l[’'])?[a-zà-ÿ][\w-]*(?:[ \t]+(?:(?:[dl][’'])?[a-zà-ÿ][\w-]*|[A-ZÀ-Þ][\w-]*)){0,11}")
# "une étude sur l'extension de la sécurité sociale aux travailleurs de l'économie
# informelle": whom an extension reaches is the study's object, as "on extending X to Y" is
_EXTENSION = re.compile(r"(?:[dl][’'])?(?:extension|extensión|extensão|ampliación|ampliação)")
_TO_WHOM = frozenset({"aux", "au", "à", "a", "al", "às", "aos", "ao"})
_ROMANCE_PROSE = frozenset({
    "que", "qui", "fue", "foi", "es", "est", "é", "ha", "han", "a", "ont", "sont", "son",
    "con", "com", "avec", "por", "par", "para", "pour", "en", "em", "no", "na", "y", "e",
    "et", "ou", "o", "sobre", "sur", "realizado", "realizada", "réalisée", "réalisé",
    "elaborado", "elaborada", "financiado", "financiada", "financée", "financé", "apoyado",
    "apoiado", "validado", "validada", "validée", "validé", "presentado", "presentada",
    "présentée", "présenté", "avant", "antes", "después", "depois", "après", "entre", "al",
    "au", "aux", "à", "ao", "aos",
    # English prose after a name kept in Spanish or French
    "in", "on", "at", "by", "with", "for", "to", "the", "and", "was", "were", "is"})


def _extended_to(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` says whom the extension the object opens with reaches
    ("sur l'extension de la sécurité sociale aux travailleurs"): the first such word only."""
    first = next((w for w in words[1:3] if w not in _ROMANCE_ARTICLES), "")
    return (words[index] in _TO_WHOM and bool(_EXTENSION.fullmatch(first))
            and not any(w in _TO_WHOM for w in words[2:index]))


_ROMANCE_ARTICLES = frozenset({"la", "las", "los", "el", "le", "les", "o", "os", "a", "as"})


_ROMANCE_REPORT_HEADS = frozenset({
    "informe", "relatório", "rapport", "revue", "revisión", "revisão", "encuesta", "enquête",
    "inquérito", "levantamento", "mapeo", "mapeamento", "cartographie", "audit", "auditoría",
    "auditoria", "projection", "projections", "estimation"})


@recogniser("documents", "romance-study")
def romance_studies(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _ROMANCE_STUDY.finditer(text, region.start, region.end):
        start, end = match.start(3), match.end()
        kind = " " in match.group(3).strip()
        of = [w for w in match.group(4).split() if w[:1].isupper()]
        if of and all(w.isupper() for w in of):
            end = match.end(3)  # "un estudio de la OIT": who made it, not what it is of
        elif not match.group(4):
            lower = _ROMANCE_LOWER_OF.match(text, end, region.end)
            if lower is not None:
                words = lower.group(0).split()
                kept = 1 + next((i for i, w in enumerate(words[1:]) if w in _ROMANCE_PROSE
                                 and not _extended_to(words, i + 1)), len(words) - 1)
                while kept > 1 and re.fullmatch(rf"{_ROMANCE_OF}|la|las|los|el|le|les|o|os|"
                                                r"a|as|de|l[’']", words[kept - 1]):
                    kept -= 1
                if kept > 1:
                    end = text.index(words[kept - 1], end) + len(words[kept - 1])
        if not kind and (end == match.end(3)
                         or match.group(3).split()[0].casefold() in _ROMANCE_REPORT_HEADS):
            # "un informe", "le rapport de la réunion", "la revue de presse": a document,
            # a study only with its kind ("un informe actuarial")
            continue
        if match.group(1) and not (kind or match.group(4)):
            continue  # "the projection …" in English prose
        name = text[start:end]
        country = context.country
        # the IRI names the country, as a lowercase English study's does, unless the name
        # says what it studies ("… del Sistema Integral de Pensiones", "… sobre la pensión
        # social"), as romance.py's
        iri = (mint("study", f"{name} {country_name_in(context, country, name)}")
               if country is not None and end == match.end(3) else None)
        yield Mention(Span(start, end), name, SPKG.Study, source="document", iri=iri,
                      name=name)


# A name the next words say is a programme: "runs Programa 120 a los 65, a monthly transfer
# for …", "Pensión 65, a non-contributory pension", "Inua Jamii, a cash transfer programme".
# The name: capitalised words and numbers, with the lowercase joints of the four languages.
_APPOSED_NAME = (r"(?:[A-ZÀ-Þ][\w’'-]*|\d{1,4})"
                 r"(?:[ \t]+(?:[A-ZÀ-Þ][\w’'-]*|\d{1,4}|de|del|da|do|dos|das|a|los|las|la|el|"
                 r"para|y|e|et|du|des|of|and|for)){0,6}?")
_APPOSITION = re.compile(
    rf"(?<![\w’'-])(?P<name>{_APPOSED_NAME})(?<=[\w])[ \t]*,[ \t]+an?[ \t]+"
    # the kind's own modifiers, no clause ("a farmer with a pension scheme" is a person)
    r"(?:(?!(?:with|of|for|a|an|the|and|or|to|in|on|by|who|that|which|whose|has|had|"
    r"is|was)\b)[a-z][a-z-]*[ \t]+){0,4}(?:scheme|programme|program|cash[ \t]+transfer|transfer|"
    r"pension|allowance|grant|subsidy|benefit)(?![\w-])")
# Words that open a sentence or a clause, never a programme's name.
_NOT_A_NAME_START = frozenset({
    "in", "on", "at", "by", "for", "from", "since", "with", "under", "after", "before",
    "during", "as", "the", "this", "that", "these", "those", "it", "its", "their", "our",
    "a", "an", "and", "of", "de", "la", "el", "los", "las", "y", "e", "et", "du", "des"})
_PROGRAMME_CLASSES = frozenset({SPKG.Programme, SPKG.Scheme})
# "After the storm struck on 7 May 2021, an emergency cash transfer …": a date before the
# comma closes a clause, it names no programme ("Vision 2030" has no day before its year).
_DATE_NAME = re.compile(r"\d{1,2}(?:er|º|st|nd|rd|th)?[ \t]+(?:de[ \t]+)?[A-Za-zÀ-ÿ]+[ \t]+"
                        r"(?:de[ \t]+)?(?:19|20)\d\d|[A-Z][a-z]+[ \t]+\d{1,2},?[ \t]+(?:19|20)\d\d")


@recogniser("documents", "apposed-programme")
def apposed_programmes(context: Context, region: Span) -> Iterator[Mention]:
    """A name followed by ", a … scheme / programme / transfer / pension" is a programme,
    unless it is a place or body the gazetteer knows or its head says another class."""
    text = context.text
    for match in _APPOSITION.finditer(text, region.start, region.end):
        name = match.group("name")
        words = name.split()
        if (words[0].casefold() in _NOT_A_NAME_START
                or not any(len(w) > 2 and w[0].isupper() and not w.isupper() for w in words)
                or words[-1].casefold() in _NOT_A_NAME_START):
            continue  # "In 2019, a new scheme …", an acronym alone ("the NSSF, a fund")
        if _DATE_NAME.fullmatch(name):
            continue
        cls = class_from_head(name)
        if (cls is not None and cls not in _PROGRAMME_CLASSES) or (
                context.gazetteer.lookup(name) is not None):
            continue  # "the Ministry of Labour, a …", "Kenya, a …": not a programme
        yield Mention(Span(match.start("name"), match.end("name")), name, SPKG.Programme,
                      source="document")


# A publication's title on a line of its own, with the kind of paper it is after a colon or
# before one: "Pension reform in Ruritania: a technical note (2023)", "Nota técnica:
# Seguridad social para los pescadores". The paper is a study; its name is the title part.
_PAPER_KIND = (r"(?:an?[ \t]+)?(?:technical[ \t]+note|policy[ \t]+brief|diagnostic|"
               r"nota[ \t]+t[ée]cnica|note[ \t]+technique|note[ \t]+de[ \t]+synth[èe]se|"
               r"diagn[óo]stico|estudio|estudo|[ée]tude|informe[ \t]+t[ée]cnico|"
               r"documento[ \t]+de[ \t]+trabajo|working[ \t]+paper)")
_LINE_START = r"(?:^|(?<=\n))[ \t]*(?:\d{1,2}\.[ \t]+)?"
_YEAR_AFTER = r"(?=(?:[ \t]*\((?:19|20)\d\d\)|,[ \t]*(?:19|20)\d\d)?[ \t]*(?:\n|$))"
_TITLE = r"[A-ZÀ-Þ][^\n:]{10,200}?"
_TITLE_THEN_KIND = re.compile(
    rf"{_LINE_START}(?P<title>{_TITLE}):[ \t]+(?i:{_PAPER_KIND}){_YEAR_AFTER}")
_KIND_THEN_TITLE = re.compile(
    rf"{_LINE_START}(?i:{_PAPER_KIND}):[ \t]+(?P<title>{_TITLE}){_YEAR_AFTER}")


@recogniser("documents", "titled-paper")
def titled_papers(context: Context, region: Span) -> Iterator[Mention]:
    """A line "<Title>: a technical note (2023)" or "Nota técnica: <Title>" → a study."""
    text = context.text
    for pattern in (_TITLE_THEN_KIND, _KIND_THEN_TITLE):
        for match in pattern.finditer(text, region.start, region.end):
            title = match.group("title").rstrip(" \t.,")
            # the span holds the kind too, so that no rule reads it as a second study
            start, end = match.start(), len(text[:match.end()].rstrip())
            start += len(text[start:end]) - len(text[start:end].lstrip(" \t0123456789."))
            yield Mention(Span(start, end), text[start:end], SPKG.Study, source="document",
                          name=title)


# A publication listed on a line of its own, its kind first and its year after it:
# "Assessment of the social protection system of Ruritania (2023)", "Actuarial review of
# the Pension Fund as at 30 June 2021 (2024)", "Costing a universal child benefit in X
# (2022)", "Diagnóstico do sistema de proteção social (2023)". The line is the study's title.
_TITLE_KIND = (r"(?:(?:rapid|legal|actuarial|financial|fiscal|institutional|feasibility|"
               r"gap|impact|capacity|social[ \t]+protection[ \t]+floor)[ \t]+){0,3}"
               r"(?:assessment|valuation|review|evaluation|analysis|study|diagnostic|mapping|"
               r"appraisal|estudio|estudo|étude|diagnóstico|evaluación|avaliação|"
               r"valuación|análisis|análise)[ \t]+(?:of|on|for|de|do|da|dos|das|du|des|del|"
               r"sur|sobre)|costing[ \t]+(?:of[ \t]+)?(?:a|an|the)")
_KIND_FIRST_TITLE = re.compile(
    rf"{_LINE_START}(?P<title>(?i:{_TITLE_KIND})[ \t]+[^\n]{{5,200}}?)[ \t]*"
    r"\((?:19|20)\d\d\)[ \t]*(?=\n|$)")


@recogniser("documents", "kind-first-title")
def kind_first_titles(context: Context, region: Span) -> Iterator[Mention]:
    """A line "Assessment of the … of X (2023)" → a study named by the line's title."""
    text = context.text
    for match in _KIND_FIRST_TITLE.finditer(text, region.start, region.end):
        if not match.group("title")[0].isupper() or _named_in_prose(text, match):
            continue  # a line that goes on a sentence, not a title; a study named before
        start, end = match.start("title"), match.end()
        end = len(text[:end].rstrip())
        yield Mention(Span(start, end), text[start:end], SPKG.Study, source="study",
                      name=match.group("title"))


_TITLE_OBJECT = re.compile(rf"(?i:{_TITLE_KIND})(?:[ \t]+(?:the|a|an|o|a|la|le|el|l[’']))?[ \t]+"
                           r"((?:[^\W\d_][\w-]*[ \t]+){2}[^\W\d_][\w-]*)")


def _named_in_prose(text: str, match: re.Match[str]) -> bool:
    """Whether the prose before a title line names its study's object already ("a costing
    of a universal child benefit for X" before "Costing a universal child benefit in X
    (2024)"): the line lists that study, no second one."""
    found = _TITLE_OBJECT.match(text, match.start("title"))
    if found is None:
        return False
    studied = re.compile(r"(?:costing|assessment|valuation|review|evaluation|analysis|study|"
                         r"diagnostic|mapping|appraisal)[ \t]+(?:of|on|for)[ \t]+"
                         rf"(?:(?:the|a|an)[ \t]+)?{re.escape(found.group(1).casefold())}")
    return studied.search(_folded(text)[0], 0, match.start("title")) is not None
