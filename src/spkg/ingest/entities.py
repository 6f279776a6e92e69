"""Entity mentions in prose: rules over capitalised spans, cue words, quotes and acronyms.

A mention is a span of words with what the words say about it: its class (from a head
word, a cue word around it or the gazetteer), a reference entry when the gazetteer knows
the name, and the acronym defined right after it ("… Expert Group (LEG)"). Mentions are
merged into entities by spkg.ingest.linking.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from rdflib import URIRef
from sortedcontainers import SortedList

from spkg.ingest import learn_entities, lexicon
from spkg.ingest.gazetteer import (
    PLACE_CLASSES,
    SCANNED_CLASSES,
    Entry,
    Gazetteer,
    load_gazetteer,
    normalise_name,
)
from spkg.ingest.mentions import Context, Mention, find_mentions
from spkg.ingest.mentions.base import country_of_adjective
from spkg.ingest.mentions.romance import HEADS as ROMANCE_HEADS
from spkg.ingest.naming import (
    DEMONYMS,
    GENERIC_NAMES,
    HEAD_CLASSES,
    ILO_ACRONYMS,
    ORGANISATION_CLASSES,
    before_partner_cue,
    canonical_key,
    class_from_head,
    initials,
)
from spkg.ingest.records import Span
from spkg.ingest.world import load_world_places
from spkg.namespace import ORG, SPKG, mint

# A capitalised token, an acronym, or a hyphenated capitalised compound ("Mazdoor-ka-Ehsaas").
# A legal text named by its number ("Decree 3481", "Law No. 47-09") is one token.
_NUMBERED = (r"(?:Decree-[Ll]aw|Decree|Law|Act|Regulation|Ordinance|Resolution|Bill|Code|By-law|"
             r"Proclamation|Agreement)[ \t]+(?:No\.?[ \t]*)?(?:\d+|\(\d+\))(?:[-/]\d+)*"
             r"(?:-[A-Z]{1,5})?(?![\w-])")
_CAP = (rf"(?:{_NUMBERED}|[A-Z][\w’'.&/-]*[\w&+](?:[’'](?=[ \t][A-Z]))?|[A-Z])")  # "Workers' Ed…"
# "de", "del", "en", "y", "para", "por": the connectors of Spanish names kept untranslated
# ("Familias en Acción", "Empleo Digno para Trabajadores Rurales"); French ones are read
# by the romance family, whose heads come first
# "van", "voor": Dutch names keep theirs too ("Centrale Bank van …", "Raad voor …")
_CONNECTOR = (r"(?:of the|for the|to the|on the|of|and|&|for|on|through|to|in|between|"
              r"van(?:[ \t]+(?:de|het|der))?|voor(?:[ \t]+(?:de|het))?|"
              r"del|de(?:[ \t]+(?:la|las|los))?|en|y|para(?:[ \t]+(?:la|las|los|el))?|por)")
_YEARS = r"(?:of[ \t]+)?(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?\b"  # "Act of 2018", "2019-2025"
# Inside a legal text's name: "(Amendment)", "(Governance)"; its number "No. 238/ADM"; its
# year after a comma ("… Act, 2018").
_BRACKETED = r"\([A-Z][a-z]+(?:(?:[ \t]+(?:and|of|&))?[ \t]+[A-Z][a-z]+){0,3}\)"
# "No. (78)": Gulf texts bracket the number
_LEGAL_NUMBER = r"No\.?[ \t]*(?:\d+|\(\d+\))(?:[-/.](?:\d+|[A-Z]{2,5}))*(?![\w-])"
_LEGAL_END = r"(?:(?<=Act)|(?<=Law)|(?<=Code)|(?<=Regulations)|(?<=Decree)|(?<=Ordinance))"
_CHUNK = re.compile(rf"{_CAP}(?:[ \t]+{_LEGAL_NUMBER}|[ \t]+(?:{_CONNECTOR}[ \t]+)?{_CAP}|"
                    rf"[ \t]+{_YEARS}|[ \t]+{_BRACKETED}(?=[ \t]+[A-Z])|"
                    rf"{_LEGAL_END},[ \t]+(?:19|20)\d\d\b)*")
# A numbered legal text ends its name: "Decree No. 83/2019 of the Council of Ministers" is
# the decree, then who issued it.
# Where a law named inside another name begins: "… to the Law on …", "… of the … Act".
_INNER_LAW = re.compile(r"\b(?:to|of|amending)[ \t]+the[ \t]+(?=[A-Z])"
                        # "un estudio actuarial del Instituto …", "… de la Caisse …"
                        r"|(?<=[ \t])(?:del|de[ \t]+la|de[ \t]+los|de[ \t]+las|du|des|de)"
                        r"[ \t]+(?=[A-Z])")
# Where a policy a project's title names begins: "… de la Politique …", "… the National …
# Policy", "… a la Estrategia …".
_INNER_POLICY = re.compile(r"(?:\bof|\bto|\bfor|\bde|\bdu|\ba|\bà|\bda|\bdo)[ \t]+"
                           r"(?:(?:the|la|le|l[’']|el|a|o)[ \t]*)?([A-ZÉ][\w’'-]*)")
# Common words that say what a benefit is for (the branches of C102 and the usual
# transfers): capitalised at a sentence's start, they open a benefit's phrase, not a brand.
_BENEFIT_WORDS = frozenset({
    "child", "children", "family", "disability", "invalidity", "maternity", "paternity",
    "sickness", "unemployment", "old-age", "survivors", "survivor", "funeral", "housing",
    "employment", "health", "food", "cash", "education", "school", "orphan", "widow",
    "widows", "social", "care"})
# Adjectives any scheme may have: one capitalised before lowercase words and a head ("the
# National health insurance scheme", "an Emergency cash transfer programme") is the
# sentence-case name's first word, never a brand of its own.
_GENERIC_ADJECTIVES = frozenset({
    "national", "emergency", "universal", "basic", "general", "public", "federal", "state",
    "provincial", "regional", "rural", "urban", "mandatory", "compulsory", "voluntary",
    "contributory", "non-contributory", "special", "new", "temporary", "targeted",
    "conditional", "unconditional", "monthly", "annual", "community", "municipal"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•]\s+|\n\s*)$")


def _opens_a_sentence(text: str, position: int) -> bool:
    return bool(_SENTENCE_START.search(text, max(0, position - 4), position))


# Capitalised words right after a name, accented capitals too ("… Social Único").
_MORE_CAPITALS = re.compile(r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]*)+")
# What a study's name may name inside it: "an actuarial valuation of the X Scheme".
_NESTED_KINDS = {SPKG.Law: "law", SPKG.Scheme: "programme", SPKG.Programme: "programme"}
_AND_NUMBERED = re.compile(rf"[ \t]+and[ \t]+(?={_NUMBERED})")
_NUMBERED_THEN = re.compile(rf"({_NUMBERED})[ \t]+(?:of|by)[ \t]+(?:the[ \t]+)?(?=[A-Z])")
# "Ministry of Labour, Veterans and Family Affairs": commas inside a name's complement.
_ITEM = r"[A-Z][\w’'-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'-]*){0,3}"
# "… Social Security and the Youth": the last portfolio may take "the"
_INNER_LIST = re.compile(rf"(?:,[ \t]+{_ITEM})+,?[ \t]+and[ \t]+(?:the[ \t]+)?{_ITEM}")
# A ministry's portfolio that ends in a head word: "… Community Development and Local Government".
_PORTFOLIO_GOVERNMENT = re.compile(r"(?:Local|Regional|Provincial|Municipal|Urban|Rural)"
                                   r"[ \t]+Government")
_ITEM_WITH = r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:of|with)[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'-]*){0,3}"
_INNER_LIST_WITH = re.compile(
    rf"(?:,[ \t]+{_ITEM_WITH})+,?[ \t]+and[ \t]+(?:the[ \t]+)?{_ITEM_WITH}")
# Capitalised words that start sentences or clauses rather than names.
# A name that runs on past a list's last item: "… with the X Chamber of Commerce"
_RUNS_ON = re.compile(r"[ \t]+(?:(?:of|for|and)[ \t]+(?:the[ \t]+)?)?[A-Z]")
# A place-name modifier glued to a country's name makes another place's name
_PLACE_MODIFIER_BEFORE = re.compile(
    r"(?<![\w’'-])(?:Petite|Petit|Little|Grand|Grande|Nouvelle|Nueva|Nova|"
    r"Upper|Lower)[ \t]+\Z")
_LEADING_WORDS = frozenset({
    "the", "a", "an", "in", "on", "at", "during", "since", "until", "by", "with", "for", "from",
    "under", "this", "these", "that", "those", "it", "its", "their", "our", "his", "her", "and",
    "or", "but", "also", "while", "both", "each", "all", "some", "many", "other", "another",
    "however", "following", "there", "neither", "either", "every", "no", "any", "such",
    "which", "whose", "whichever"
})
# "(NSSF)", "(MoLVT)", "(EsSalud)": capitals, or a mixed-case acronym with two or more
_ACRONYM_AFTER = re.compile(
    # "(UNTC-CS)": a hyphenated acronym, where nothing but the bracket follows it
    r"\s*\(\s*([A-Z][A-Za-z&]*[A-Z](?:s|[a-z]{1,5}|-[A-Z]{1,4}(?=\s*\)))?)\s*"
    r"(?:[-–—,;:]\s*([^)]*))?\)")
# … with its kind between: "the PRODERT project (Promotion of Decent Work in …)"
_ACRONYM_BEFORE = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z&]{0,8}[A-Z]s?)[ \t]*(?:(project|programme|program|initiative)"
    r"[ \t]*)?\([ \t]*([A-Z][\w’'&,. -]{3,150}?)[ \t]*\)")
_ACRONYM_MISSING_OPEN = re.compile(r"\s+([A-Z]{2,6})\)")
_ACRONYM_TOKEN = re.compile(r"(?<![\w-])[A-Z][A-Z&]{1,9}s?(?![\w-])")
_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(,]))[‘'“\"]([A-Z][^‘’'“”\"\n]{1,150}?)[’'”\"](?![A-Za-z])")
# French and Spanish quotes, spaced inside: « Protection sociale de l'économie informelle »
_GUILLEMETS = re.compile(r"«[ \t\u00a0\u202f]*([A-Z][^«»\n]{1,150}?)[ \t\u00a0\u202f]*»")
# The kind a French, Spanish or Portuguese text names before a quoted name ("le projet «
# … »", "el programa “…”"), as the English "the project ‘…’".
_ROMANCE_KIND_BEFORE = re.compile(
    r"\b(projet|proyecto|projeto|programme|programa|stratégie|estrategia|politique|política|"
    r"initiative|iniciativa)[\s,]*(?:intitulé|intitulée|dénommé|appelé|titulado|denominado|"
    r"llamado|chamado)?\s*$")
_ROMANCE_KINDS = {"projet": "project", "proyecto": "project", "projeto": "project",
                  "programme": "programme", "programa": "programme", "stratégie": "strategy",
                  "estrategia": "strategy", "politique": "policy", "política": "policy",
                  "initiative": "initiative", "iniciativa": "initiative"}
# French and Spanish determiners: alone, never a name ("Ce régime", "El programa" refer back).
_ROMANCE_DETERMINERS = frozenset({
    "le", "la", "les", "l'", "l’", "ce", "cet", "cette", "ces", "un", "une", "des", "du",
    "son", "sa", "ses", "leur", "leurs", "el", "los", "las", "este", "esta", "estos", "estas",
    "ese", "esa", "una", "dicho", "dicha", "su", "sus", "nuestro", "nuestra"})
# Articles that open French and Spanish sentences before an English name ("La Social
# Protection Strategy fue aprobada"): no word of the name, unless a place's ("El Salvador").
_ROMANCE_ARTICLES = frozenset({"El", "La", "Le", "Les", "Los", "Las", "O", "Os"})
_TRAILING_HEAD = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(programme|program|scheme|project|policy|act|forum|unit|card)\b"
)
# "the Renta Dignidad universal old-age pension", "the Ejo Heza long-term savings scheme":
# a name, then lowercase words that describe it, then what it is.
_DESCRIBED_HEAD = re.compile(
    r"(?:[ \t]+(?!(?:the|a|an|its|their|of|and|or|to|in|on|for|with|by|from|at|as|is|was|were|"
    r"are|has|have|had|"
    r"that|which|who|will|would|can|could|shall|should|may|might|must|receives?|received|"
    r"gets?|got|pays?|paid|needs?|wants?|gains?|gained)\b)[a-z][a-z-]*){0,3}"
    r"[ \t]+(programme|program|scheme|pension|cash transfers?"
    r"|allowance|grant)\b")
# "the Zelkor trade union federation", "the Bizmark employers' federation": a one-word name,
# then the lowercase kind of social partner it is (trade union, employers' federation)
_DESCRIBED_PARTNER = re.compile(
    r"[ \t]+((?:trade[ \t]+union|(?:employers|workers)[’']?[ \t]+(?:federation|confederation|"
    r"association|organi[sz]ation|union))(?:[ \t]+(?:federation|confederation|centre))?)\b")
# "Avanza, the country's largest child grant programme, …": what it is, in
# apposition (no preposition or verb before the head, nothing after it but punctuation)
_APPOSITIVE_HEAD = re.compile(
    # "Zorgpas (ZP), the universal old-age pension": its acronym may come first
    r"(?:[ \t]*\([A-Z][\w-]{1,12}\))?"
    r",[ \t]+(?:the|a|an|its|their)[ \t]+(?:(?!(?:of|and|or|to|in|on|for|with|by|from|at|as|is|"
    r"was|were|are|has|have|had|that|which|who)\b)[\w’'-]+[ \t]+){0,5}?(programme|program|scheme|"
    r"pension|benefit|"
    r"cash transfers?|allowance|grant|administrator|agency|authority|institute|fund|regulator|"
    r"insurer|federation|confederation|union|association|institution)"
    r"(?=[ \t]*[,.;)]|[ \t]+(?:run|managed|administered|implemented|operated|launched|created|"
    r"established|financed|funded|set[ \t]+up|that|which|of|for|in)\b)")
_BODY_WORDS = frozenset({"administrator", "agency", "authority", "institute", "fund", "regulator",
                         "insurer", "federation", "confederation", "union", "association",
                         "institution"})
# "the ILO project Social Protection Floor in Mozambique": the kind named just before
_KIND_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts)[ \t]+(?:ILO[ \t]+|UN[ \t]+|joint[ \t]+)?"
                          r"(project|programme)[ \t]+$")
_PEOPLE_OF = re.compile(
    r"(?:Staff|Members?|Representatives?|Officials?|Delegates?|Delegations?|Directors?|Heads?|"
    r"Experts?|Employees|Officers?|Inspectors?|Managers?|Leaders?|Chair(?:person|man|woman)?s?|"
    r"President|Secretary|Secretary-General|Director-General|Spokesperson)[ \t]+of[ \t]")
_IN_THE_PLACE = re.compile(r"[ \t]+in[ \t]+the[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*")
_FUNDED = re.compile(r"\b([A-Z][a-z]+|[A-Z]{2,3})-funded\b")
_GOVERNMENTS = re.compile(r"\bGovernments of ")
_PERIOD = re.compile(r"\s*\(((?:19|20)\d\d[-–]\d\d(?:\d\d)?)\)")  # "DWCP (2016-22)"
_PRIME_MINISTER = re.compile(r"(?<!Deputy )(?<!Vice )\bPrime Minister\b(?![’']s\s+Office)")
_OFFICE_HOLDER = re.compile(r"\b(?:Minister|President|General|Secretary)$")
# "adopted by the Jatiya Sangsad": whoever adopts, approves or endorses is an organisation
_ADOPTER_CUE = re.compile(r"\b(?:adopted|approved|endorsed|enacted|passed|ratified)\s+by\s+"
                          r"(?:the\s+)?$")


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b")
_DATE_TAIL = re.compile(rf"(?:^|\s+(?:in|on|of|from|since|until|by|to)\s+){_MONTHS}")
# Where a name starts inside a capitalised span: after a possessor ("Pakistan’s …") or
# after a title held in an organisation ("Joint Secretary of the Ministry of …").
_INNER_START = re.compile(
    r"(?:[’']s\s+)|\bof\s+(?:the\s+)?(?=(?:Ministry|Government|Department) of\b)")


# A state's formal name opens a body's name; the people-of-a-body reading skips it.
_STATE_TITLE = re.compile(r"(?:(?:United|Federal|Islamic|Democratic|Socialist|Federated|"
                          r"Plurinational)[ \t]+)*(?:Republic|Kingdom|Sultanate|Principality|"
                          r"Commonwealth|Emirate)[ \t]+of\b")
# Office holders who adopt or approve texts but are no body ("approved by the President").
_TITLES = frozenset({"president", "minister", "king", "queen", "emir", "sultan", "governor",
                     "director", "secretary", "chairman", "chairperson", "chair", "speaker",
                     "prince", "monarch", "cabinet", "government", "parliament", "senate",
                     "congress", "council", "board", "assembly", "ministry", "court",
                     "people", "voters", "members", "employers", "workers", "unions"})
_YEAR_WORD = re.compile(r"(?:19|20)\d\d,?")
_DATE_CUE = re.compile(r"\b(?:[Ii]n|[Bb]y|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Dd]uring)"
                       r"[ \t]+$")


@cache
def _people_words() -> frozenset[str]:
    """Plural nouns for categories of people (data/reference/lexicon/population-heads.csv),
    and "employers": a possessive of one is a word of a name ("Women's", "Workers'")."""
    rows = lexicon.read_rows(lexicon.lexicon_dir() / "population-heads.csv",
                             ("head", "alone", "in_list"))
    return frozenset({row["head"] for row in rows} | {"employers"})


# A participle and its preposition open a clause, not a name: "Building on the Social
# Protection Framework", "Drawing on the National Pension Act", "Based on the …".
_PARTICIPLE_OPENER = re.compile(r"(?:[A-Z][a-z]+ing|Based)[ \t]+(?:on|upon)[ \t]+(?=\S)")


def _trim_chunk(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading function words ("In KP" → "KP"), possessors ("Pakistan’s Forum"),
    titles before an organisation ("Joint Secretary of the Ministry of …") and trailing
    connectors."""
    chunk = text[start:end]
    dated = _DATE_TAIL.search(chunk)
    if dated:  # "… Implementation Unit in September 2021"
        chunk = chunk[: dated.start()]
        if not chunk:
            return None
    for inner in _INNER_START.finditer(chunk):
        if chunk[: inner.start()].strip().casefold() in DEMONYMS:
            break  # "Italian Ministry of …" keeps its nationality
        if chunk[: inner.start()].rsplit(" ", 1)[-1].casefold() in _people_words():
            break  # "Self-Employed Women's Association": whose it is, a word of its name
        if _OFFICE_HOLDER.search(chunk[: inner.start()]):
            break  # "the Prime Minister's Office" is one name
        if _names_a_body(chunk[: inner.start()]):
            break  # "Department of … of the Ministry of …": two bodies (_units_apart)
        if inner.end() > 0:
            start, chunk = start + inner.end(), chunk[inner.end():]
            break
    if opener := _PARTICIPLE_OPENER.match(chunk):  # "Building on the … Framework"
        start, chunk = start + opener.end(), chunk[opener.end():]
    while True:
        first, _, rest = chunk.partition(" ")
        if rest and (first.casefold() in _LEADING_WORDS or (
                _YEAR_WORD.fullmatch(first) and _DATE_CUE.search(text, max(0, start - 8), start))):
            # "In 2023 Congress passed …": the year dates the clause, it names nothing
            start += len(first) + 1
            chunk = rest.lstrip()
            continue
        break
    if chunk.casefold() in _LEADING_WORDS or chunk.casefold() in _ROMANCE_DETERMINERS:
        return None  # "Le programme couvre …": a determiner before a kind word is no name
    if not any(c.isalpha() for c in chunk):
        return None  # "Since 2018 the … scheme": a year names nothing
    for suffix in (" and", " of", " for", " the", " &", " to", " in", " on"):
        if chunk.endswith(suffix):
            chunk = chunk[: -len(suffix)]
    return (start, start + len(chunk)) if chunk else None


def _names_a_body(words: str) -> bool:
    """Whether ``words`` (before "of the Ministry …") name a body of their own: "Department
    of Social Protection", "Directorate of Pensions"; not a title ("Joint Secretary")."""
    words = words.strip()
    return (" " in words and normalise_name(words) not in GENERIC_NAMES
            and class_from_head(words) in ORGANISATION_CLASSES)


def _units_apart(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """"the Division of Social Assistance of the Ministry of Rural Affairs": the unit
    and the body it is part of are two names (the relation rules say whose part it is)."""
    chunk = text[start:end]
    for inner in _INNER_START.finditer(chunk):
        if inner.group(0).startswith(("’", "'")) or not _names_a_body(chunk[: inner.start()]):
            continue
        yield start, start + len(chunk[: inner.start()].rstrip())
        yield start + inner.end(), end
        return
    yield start, end


def _split_coordination(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """"Punjab and Pakistan Administered Kashmir" → two names;
    "… Welfare and Social Protection Expert Group" stays one."""
    chunk = text[start:end]
    partner = _TRAILING_PARTNER.search(chunk)
    if partner is not None and class_from_head(chunk[:partner.start()]) is not None and (
            _is_a_bodys_acronym(text, partner.group(1))):
        # "the ILO Office for the Northern Isles and UNICEF": a named body, then a partner
        yield from _split_coordination(text, start, start + partner.start())
        yield start + partner.start(1), end
        return
    located = chunk.rfind(" in ")  # "… Employment and Social Protection Project in Aden"
    if class_from_head(chunk) is not None or _TRAILING_HEAD.match(text, end) or (
            located > 0 and class_from_head(chunk[:located]) is not None):
        yield start, end  # "… Social Protection and Public Finance Management programme"
        return
    if _acronym_spans_the_and(text, chunk, end):
        yield start, end  # "… Federation of Chambers of Commerce and Industry (UMFCCI)"
        return
    position = start
    for match in re.finditer(r"\s+(?:and the|and|&)\s+", chunk):
        yield position, start + match.start()
        position = start + match.end()
    yield position, end


_TRAILING_PARTNER = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?([A-Z]{3,8})\Z")


def _is_a_bodys_acronym(text: str, acronym: str) -> bool:
    """A body's acronym: the text defines it in brackets, or the reference lists know it
    ("… and ICT" may be a portfolio of a ministry's name; "… and UNICEF" is a partner)."""
    return (f"({acronym})" in text
            or load_gazetteer().lookup(acronym, ORGANISATION_CLASSES) is not None)


def _acronym_spans_the_and(text: str, chunk: str, end: int) -> bool:
    """Whether the acronym right after ``chunk`` spells its capitalised words on both sides of
    its last "and" ("… of Commerce and Industry (UMFCCI)"): one name, not a list."""
    after = _ACRONYM_AFTER.match(text, end)
    joined = list(re.finditer(r"\s+(?:and|&)\s+", chunk))
    if after is None or not joined:
        return False
    letters = after.group(1).rstrip("s").upper()
    capitals = [w[0] for w in chunk.split() if w[:1].isupper()]
    last = [w for w in chunk[joined[-1].end():].split() if w[:1].isupper()]
    if len(letters) < 3 or not capitals or letters[-1] != capitals[-1] or len(letters) <= len(
            last):
        return False
    position = 0
    for letter in letters:  # the letters in order among the words' initials
        position = "".join(capitals).find(letter, position) + 1
        if position == 0:
            return False
    return True


def capitalised_spans(text: str, region: Span) -> Iterator[tuple[int, int]]:
    for match in _CHUNK.finditer(text, region.start, region.end):
        # "… Rural en Colaboración con …": the partner after the cue is no word of the name
        trimmed = _trim_chunk(text, match.start(),
                              before_partner_cue(text, match.start(), match.end()))
        if trimmed is None:
            continue
        units = [unit for whole in _issuer_apart(text, *trimmed)
                 for part in _acronym_to_apart(text, *whole)
                 for unit in _units_apart(text, *part)]
        for chunk in units:
            for part in _split_coordination(text, *chunk):
                again = _trim_chunk(text, *part)
                if again is not None:
                    yield again


# An acronym alone, then "to the": "handed it to NSSF to the Board of Trustees"
_ACRONYM_TO = re.compile(r"[A-Z][A-Za-z]*[A-Z](?:-[A-Z]+)?[ \t]+to[ \t]+(?:the[ \t]+)?(?=[A-Z])")


def _acronym_to_apart(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """"the valuation of NSSF to the Fund's Board of Directors": an acronym is a whole name,
    so "to" after it leads to another one, no connector of a name. So is a body's name with
    its head word ("handed the review of the Pension Fund to the Social Security Board"),
    unlike "Right to Food" or "Access to Justice Unit", whose words before "to" name no body."""
    joined = _ACRONYM_TO.match(text, start, end)
    if joined is not None:
        yield start, start + len(text[start:joined.end()].split()[0])
        yield joined.end(), end
        return
    for to in _TO_NEXT_NAME.finditer(text, start, end):
        if class_from_head(text[start:to.start()]) in ORGANISATION_CLASSES:
            yield start, to.start()
            yield to.end(), end
            return
    yield start, end


_TO_NEXT_NAME = re.compile(r"[ \t]+to[ \t]+(?:the[ \t]+)?(?=[A-Z])")


def _issuer_apart(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """"Decree No. 83/2019 of the Council of Ministers" → the decree, and the council;
    "Decree No. 3 and Decree No. 4" → each decree."""
    position = start
    for joined in _AND_NUMBERED.finditer(text, start, end):
        yield position, joined.start()
        position = joined.end()
    numbered = _NUMBERED_THEN.search(text, position, end)
    if numbered is None or re.match(r"(?:19|20)\d\d\b", text[numbered.end():end]):
        yield position, end
        return
    yield position, numbered.end(1)
    yield numbered.end(), end


# The ILO's acronym in English, French and Spanish inside (or right before) the name of
# one of its units, and the head words of such units in the three languages.
_ILO_WORD = re.compile(r"(?<![\w-])(ILO|OIT|BIT)(?![\w-])")
_ILO_WORD_BEFORE = re.compile(r"(?<![\w-])(ILO|OIT|BIT)(?:[’']s)?[ \t]+$")
_ILO_UNIT_HEAD = re.compile(r"\b(?:Office|Team|Bureau|bureau|Oficina|Escrit[óo]rio|[ÉE]quipe|"
                            r"Equipo)\b")


class MentionFinder:
    """Finds the mentions of one document's text within given regions."""

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.acronyms: dict[str, Mention] = {}
        self.own_acronyms: set[str] = set()  # defined here for a body the gazetteer lacks

    def find(self, regions: list[Span], *, skip: frozenset[str] = frozenset()) -> list[Mention]:
        """Mentions in ``regions``; ``skip`` switches off recogniser families by name
        (spkg.ingest.mentions: places, events, bodies, documents, sdg)."""
        found: list[Mention] = []
        cut = _cut_word(self.text)
        if cut is not None:  # no recogniser reads a broken word
            regions = [Span(r.start, min(r.end, cut)) for r in regions if r.start < cut]
        for region in regions:
            found += self._quoted(region)
            found += self._special(region)
            found += self._named(region)
            found += self._scanned(region)
            found += self._acronym_first(region)
        context = Context(self.text, self.gazetteer)
        for mention in find_mentions(context, regions, skip=skip):
            if mention.reference is None:
                self._attach_acronym(mention)  # "a tripartite governance board (TGB)"
            found.append(mention)
        chosen = _without_overlaps(_places_over_bodies(found))
        chosen += self._nested_laws(chosen)
        chosen += _inside_studies(found, chosen)
        chosen += self._bodies_of_bodies(chosen)
        chosen += self._ilo_of_units(chosen)
        chosen += self._document_country(context, regions, chosen)
        self._collect_acronyms(chosen)
        chosen = [self._own_acronym(m) for m in chosen]
        chosen += self._acronym_uses(regions, chosen)
        if "learned" not in skip and learn_entities.enabled():  # names no rule read
            chosen += learn_entities.learned_mentions(self.text, regions, chosen)
        chosen = _without_bracketed_numbers(self.text, chosen)
        if cut is not None:
            # "… the Ministry of Economy and Fin": the name went on into the broken word;
            # its first words name another body ("Ministry of Economy"), so none is read
            chosen = [m for m in chosen if not _UNFINISHED.fullmatch(self.text, m.span.end, cut)]
        return sorted(chosen, key=lambda m: m.span)

    # -- kinds of mention -------------------------------------------------------------

    def _mention(self, start: int, end: int, cls: URIRef | None, source: str) -> Mention | None:
        words = self.text[start:end]
        if normalise_name(words) in GENERIC_NAMES and not self._named_by_acronym(words, end):
            return None
        if normalise_name(words) in HEAD_CLASSES and not _ACRONYM_AFTER.match(self.text, end):
            return None  # "Peru’s Congress": a head word alone names no one in particular
        reference = None
        if len(words) < 2:
            return None
        reference = self.gazetteer.lookup(words, SCANNED_CLASSES)  # "World Food Programme"
        if reference is None and cls is None:
            reference = self.gazetteer.fuzzy(words, PLACE_CLASSES)
        if reference is not None:
            cls = reference.cls
        name = place = None
        country_wide = False
        if cls == SPKG.Government:  # "Government of KP" is the Government of Khyber Pakhtunkhwa
            article = "the " if re.match(r"Governments? of the ", words) else ""
            governed = re.sub(r"^Governments? of (the )?", "", words)
            place = self.gazetteer.lookup(governed, PLACE_CLASSES)
            through = re.search(r" (?:through|with|to|in|for|on) ", governed)
            if place is None and through is not None:  # "Government of Norway through Norad"
                place = self.gazetteer.lookup(governed[: through.start()], PLACE_CLASSES)
                if place is not None:
                    end -= len(governed) - through.start()
                    words = self.text[start:end]
            name = f"Government of {article}{place.label}" if place is not None else None
        if cls is None:
            acronym = ILO_ACRONYMS.get(words)
            if acronym is None:
                return None
            cls = acronym[1]
            period = _PERIOD.match(self.text, end)
            name = f"{acronym[0]} {period.group(1)}" if period else acronym[0]
            country_wide = True
        mention = Mention(Span(start, end), words, cls, reference, source=source, name=name,
                          place=place, country_wide=country_wide)
        self._attach_acronym(mention)
        return mention

    def _named_by_acronym(self, words: str, end: int) -> bool:
        """"the Social Security Institution (KSK)": words that are generic alone are one
        body's name when an acronym of capitals is defined right after them (a name of two
        words or more; "the Government (GoX)" stays generic)."""
        if " " not in words or normalise_name(words).startswith(("government", "employers",
                                                                   "workers", "head of")):
            return False
        after = _ACRONYM_AFTER.match(self.text, end)
        return (after is not None and not after.group(2) and after.group(1).isupper()
                and self.gazetteer.lookup(after.group(1)) is None)

    def _attach_acronym(self, mention: Mention) -> None:
        self._acronym_after(mention)
        if (mention.reference is None and mention.acronym_span is not None
                and mention.cls in ORGANISATION_CLASSES):
            # "Agence française de développement (AFD)", "Agence luxembourgeoise pour la
            # Coopération au Développement (LuxDev)": the reference data's body named in
            # another language, its known acronym after
            acronym = self.text[mention.acronym_span.start:mention.acronym_span.end]
            known = self.gazetteer.lookup(acronym, ORGANISATION_CLASSES)
            if known is not None and not _spells_another(acronym, mention.text, known):
                mention.reference, mention.cls = known, known.cls
            elif known is not None:
                self.own_acronyms.add(acronym)
        elif mention.reference is None and mention.acronym_span is not None:
            # "le Programme alimentaire mondial (PAM)": the reference body under a name in
            # another language that a head word took for a programme; its acronym agrees
            named = self.gazetteer.lookup(mention.text, ORGANISATION_CLASSES)
            known = self.gazetteer.lookup(self.text[mention.acronym_span.start:
                                                    mention.acronym_span.end],
                                          ORGANISATION_CLASSES)
            if named is not None and known is not None and named.iri == known.iri:
                mention.reference, mention.cls = known, known.cls

    def _acronym_after(self, mention: Mention) -> None:
        after = _ACRONYM_AFTER.match(self.text, mention.span.end)
        if after and _could_abbreviate(after.group(1), mention.text):
            mention.acronym = after.group(1)
            mention.acronym_span = Span(after.start(1), after.end(1))
            return
        missing = _ACRONYM_MISSING_OPEN.match(self.text, mention.span.end)
        if missing and _could_abbreviate(missing.group(1), mention.text):
            mention.acronym = missing.group(1)
            mention.acronym_span = Span(missing.start(1), missing.end(1))
            return
        if (after and not after.group(2) and mention.cls is not None and mention.reference is None
                and after.group(1).isupper() and self.gazetteer.lookup(after.group(1)) is None):
            # "National Social Security Fund (CNSS)", "Central Union of Workers (CUT)": an
            # acronym of the name in another language, right after a name whose head types it
            mention.acronym = after.group(1)
            mention.acronym_span = Span(after.start(1), after.end(1))
            return
        if (after and not after.group(2) and mention.reference is None
                and mention.cls in ORGANISATION_CLASSES and not mention.acronym
                and self.gazetteer.lookup(after.group(1), ORGANISATION_CLASSES) is not None):
            mention.acronym_span = Span(after.start(1), after.end(1))  # "… (LuxDev)"

    def _named(self, region: Span) -> Iterator[Mention]:
        for start, end in capitalised_spans(self.text, region):
            words = self.text[start:end]
            end = self._inner_list_end(words, end, region)
            words = self.text[start:end]
            located = re.search(r" in (?=[A-Z])", words)
            if located and class_from_head(words[: located.start()]) is not None and (
                    class_from_head(words) is None
                    or self._town(words[located.end():])):
                # "… Cash Transfer Pilot in Tacloban City", "… Office for … Countries in Suva"
                end = start + located.start()
                words = self.text[start:end]
            inner = re.search(r"\bof\s+(?:the\s+)?(?=[A-Z])", words)
            if inner and (class_from_head(words) is None or _PEOPLE_OF.match(words)) and (
                    class_from_head(words[inner.end():]) is not None) and not (
                        _STATE_TITLE.match(words)):  # "Federal Republic of Somalia …"
                # "Representatives of the Viet Nam … Confederation", "Staff of the National
                # Social Insurance House": people of a body are not the body
                start += inner.end()
                words = self.text[start:end]
            article, _, rest = words.partition(" ")
            if article in _ROMANCE_ARTICLES and rest[:1].isupper() and not self._place_first(
                    words):
                start += len(article) + 1  # "La Social Protection Strategy fue aprobada"
                words = rest
            if _ACRONYM_TOKEN.fullmatch(words) and not _TRAILING_HEAD.match(self.text, end):
                continue  # acronyms are resolved once the document's definitions are known
            cls = class_from_head(words)
            funded = _FUNDED.match(words)
            if funded:  # "German-funded Baldia Project": the project starts after the cue
                start += funded.end() + 1
                words = self.text[start:end]
            country = None
            first, _, rest = words.partition(" ")
            if rest and class_from_head(rest) is not None:
                country = self._demonym_country(first)  # "Italian Ministry of …": Italy's
            complement = re.match(r"[^ ]+(?: [^ ]+)? of (?:the )?([A-Z]\w+) ", words)
            if country is None and complement and class_from_head(words) is not None:
                country = self._demonym_country(complement.group(1))  # "… of Egyptian Industries"
            if words.startswith("ILO ") and cls == SPKG.Project:
                second = words.split(" ")[1].casefold()
                if second not in HEAD_CLASSES:  # "ILO Baldia Project" → "Baldia Project"
                    start += 4
            if cls is None:
                trailing = None if words.endswith(("’s", "'s")) else (  # "the ILO's project",
                    _TRAILING_HEAD.match(self.text, end)  # "Nepal's … scheme": whose, no name
                    or _DESCRIBED_HEAD.match(self.text, end, region.end)
                    or self._described_partner(words, end, region)
                    or _APPOSITIVE_HEAD.match(self.text, end, region.end))
                if trailing:
                    # "the Tekoporã cash transfers": every described head is a programme's;
                    # "Colpensiones, the public pension administrator": a body's
                    fallback = (ORG.Organization if trailing.group(1) in _BODY_WORDS
                                else SPKG.Programme)
                    cls = class_from_head(trailing.group(1)) or fallback
                    if trailing.re is not _APPOSITIVE_HEAD and (
                            words.casefold() in _GENERIC_ADJECTIVES or (
                                words.casefold() in _BENEFIT_WORDS
                                and _opens_a_sentence(self.text, start))):
                        # "Child allowance and … are managed by …": a benefit's common word,
                        # capitalised only as the sentence's first; the name is the phrase
                        end = trailing.end()
                        words = self.text[start:end]
            if cls is None:
                cue = _KIND_BEFORE.search(self.text, max(region.start, start - 30), start)
                if cue:  # "the ILO project Income Security for Seasonal Workers in …"
                    cls = class_from_head(cue.group(1))
                    place = _IN_THE_PLACE.match(self.text, end, region.end)
                    if place:  # "… in the Andean Region"
                        end = place.end()
                        words = self.text[start:end]
            guessed = False
            if cls is None and " " in words:
                defined = _ACRONYM_AFTER.match(self.text, end)
                if defined and _could_abbreviate(defined.group(1), words) and not (
                        self.gazetteer.lookup(words, SCANNED_CLASSES)):
                    # "Viet Nam Social Security (VSS)": a name given an acronym is an
                    # organisation unless its words say otherwise
                    cls, guessed = _refine(words), True
            if cls is None and (" " in words or self._one_word_body(words)) and (
                    _ADOPTER_CUE.search(self.text, max(0, start - 40), start)):
                cls, guessed = _refine(words), True  # "passed by the Folketing", "… the Sejm"
            mention = self._mention(start, end, cls, "name")
            if mention is not None:
                mention.country = country
                mention.guessed = guessed
                yield mention

    def _described_partner(self, words: str, end: int, region: Span) -> re.Match[str] | None:
        """"the Zelkor trade union federation": one capitalised word that is no
        nationality, place or common adjective, named by the kind of social partner after it."""
        if " " in words or not self._one_word_body(words) or (
                words.casefold() in _GENERIC_ADJECTIVES):
            return None
        return _DESCRIBED_PARTNER.match(self.text, end, region.end)

    def _one_word_body(self, words: str) -> bool:
        """Whether one capitalised word after "passed by the" may name the body that passed
        it (a legislature's own name: "Mazhilis", "Sejm", "Storting"): not a title, not a
        place, not an acronym."""
        return (len(words) >= 4 and words[:1].isupper() and words[1:].islower()
                and words.casefold() not in _TITLES and words.casefold() not in DEMONYMS
                and self.gazetteer.lookup(words, PLACE_CLASSES) is None
                and not load_world_places().named(words))

    def _town(self, words: str) -> bool:
        """Whether ``words`` name a town or a province, not a country: where a body is, no
        word of its name ("the Office for the Pacific in Suva")."""
        entry = self.gazetteer.lookup(words, PLACE_CLASSES)
        if entry is not None:
            return entry.cls != SPKG.Country
        return bool(load_world_places().named(words))

    def _bodies_of_bodies(self, mentions: list[Mention]) -> list[Mention]:
        """"the Board of Directors of the Social Protection Fund (SPF)": the acronym names
        the body the board is of, an entity too, and the one the acronym stands for later."""
        inner: list[Mention] = []
        for outer in mentions:
            acronym = outer.acronym
            if (acronym is None or outer.acronym_span is None or outer.reference is not None
                    or outer.cls not in ORGANISATION_CLASSES
                    or _STATE_TITLE.match(outer.text)  # "Republic of the Union of …": no board
                    or initials(outer.text) == acronym.rstrip("s").upper()):
                continue
            for of in re.finditer(r"\bof\s+(?:the\s+)?(?=[A-Z])", outer.text):
                tail = outer.text[of.end():]
                cls = class_from_head(tail)
                if initials(tail) == acronym.rstrip("s").upper() and cls in ORGANISATION_CLASSES:
                    start = outer.span.start + of.end()
                    inner.append(Mention(Span(start, outer.span.end), tail, cls,
                                         acronym=acronym, acronym_span=outer.acronym_span,
                                         source="nested"))
                    outer.acronym = outer.acronym_span = None
                    break
        return inner

    def _ilo_of_units(self, mentions: list[Mention]) -> list[Mention]:
        """"The ILO Office for Pacific Island Countries", "the ILO's Decent Work Team for
        …", "le Bureau de pays de l'OIT pour …": a unit named as the ILO's names the ILO
        too, the body it is part of (the annotation guide), even where the text names the
        ILO nowhere else."""
        ilo = self.gazetteer.lookup("ILO")
        if ilo is None or any(m.reference is not None and m.reference.iri == ilo.iri
                              for m in mentions):
            return []
        for unit in mentions:
            if (unit.cls not in ORGANISATION_CLASSES or unit.reference is not None
                    or not _ILO_UNIT_HEAD.search(unit.text)):
                continue
            start = unit.span.start
            word = (_ILO_WORD.search(self.text, start, unit.span.end)
                    or _ILO_WORD_BEFORE.search(self.text, max(0, start - 12), start))
            if word is not None:
                span = Span(word.start(1), word.end(1))
                # "implied": the relation rules do not read it as the ILO acting in the
                # sentence (the unit acts: "with support from the ILO Decent Work Team")
                return [Mention(span, word.group(1), ilo.cls, ilo, source="implied")]
        return []

    def _place_first(self, words: str) -> bool:
        """Whether the first two or three words are a place's name ("El Salvador …", "La Paz
        …", "Los Santos …")."""
        split = words.split(" ")
        names = [" ".join(split[:count]) for count in (2, 3) if len(split) >= count]
        return any(self.gazetteer.lookup(name, PLACE_CLASSES) is not None
                   or load_world_places().named(name) for name in names)

    def _inner_list_end(self, words: str, end: int, region: Span) -> int:
        """Where a name whose complement is a list ends: "Ministry of Labour, Employment and
        Social Welfare", "Country Office for Ghana, Liberia and Sierra Leone". The items are
        plain capitalised words: none an acronym, another organisation or a head of its own
        ("the Ministry of Health, UNICEF and WFP" is three names)."""
        if (class_from_head(words) not in ORGANISATION_CLASSES
                or not re.search(r" (?:of|for) ", words)):
            return end
        # "… Social Dialogue and Relations with Institutions" first, then without "with"
        for pattern in (_INNER_LIST_WITH, _INNER_LIST):
            listed = pattern.match(self.text, end, region.end)
            if listed is None or (pattern is _INNER_LIST_WITH
                                  and self._with_another_name(listed)):
                continue
            items = [item.strip().removeprefix("the ")
                     for item in re.split(r",|\band\b", listed.group(0))]
            if not any(re.search(r"\b[A-Z]{2,}\b", item)
                       or (class_from_head(item.split(" with ")[0]) is not None
                           # "… Labour and Local Government": a portfolio, not a body
                           and not _PORTFOLIO_GOVERNMENT.fullmatch(item))
                       or self.gazetteer.lookup(item, ORGANISATION_CLASSES) is not None
                       for item in filter(None, items)):
                return listed.end()
        return end

    def _with_another_name(self, listed: re.Match[str]) -> bool:
        """"the Ministry of Finance, Banking and Postal Services with the Zedland Chamber of
        Commerce": what follows "with" is a partner, not a portfolio, when it is a place or
        its capitalised words run on past the list's last item."""
        tail = listed.group(0).rsplit(" with ", 1)
        if len(tail) < 2:
            return False
        partner = tail[1].strip().removeprefix("the ")
        return (_RUNS_ON.match(self.text, listed.end()) is not None
                or self.gazetteer.lookup(partner, PLACE_CLASSES) is not None
                or self.gazetteer.lookup(partner, ORGANISATION_CLASSES) is not None)

    def _document_country(self, context: Context, regions: list[Span],
                          mentions: list[Mention]) -> list[Mention]:
        """The document's country is one of its entities even where the text names it only
        inside other names ("the Confederation of Trade Unions of Moldova") or by its
        adjective ("the Lao Social Security Organisation"): every body and scheme of the
        text is in it. Its first such words are the mention."""
        country = context.clear_country
        if country is None or any(m.reference is not None and m.reference.iri == country.iri
                                  for m in mentions):
            return []
        words = context.country_words(regions)
        if words is None:
            return []
        start, end = words
        return [Mention(Span(start, end), self.text[start:end], country.cls, country,
                        source="country")]

    def _nested_laws(self, mentions: list[Mention]) -> list[Mention]:
        """A law named inside another name is an entity too: "the Law on Amendments to the
        Law on Pensions" amends the Law on Pensions; "a legal review of the Pensions Act
        1990" reviews that act (and a study's name may name a scheme the same way)."""
        nested: list[Mention] = []
        for outer in mentions:
            if outer.cls == SPKG.Project and outer.source == "quoted":
                nested += self._policy_in_project(outer)
                continue
            if outer.cls not in (SPKG.Law, SPKG.Study):
                continue
            inner = _INNER_LAW.search(self.text, outer.span.start + 1, outer.span.end)
            if inner is None:
                continue
            chunk = _CHUNK.match(self.text, inner.end(), outer.span.end)
            if chunk is None:
                continue
            # "an assessment of the Padrón General Único": capitals with an accent end the
            # chunk, not the name inside, whether the outer name has read them or not
            more = _MORE_CAPITALS.match(self.text, chunk.end())
            end = chunk.end() if more is None else (
                more.end() if chunk.end() == outer.span.end else min(more.end(),
                                                                      outer.span.end))
            if end < outer.span.end:
                continue
            trimmed = _trim_chunk(self.text, chunk.start(), end)  # "the NPFA's …"
            if trimmed is None:
                continue
            words = self.text[trimmed[0]:trimmed[1]]
            cls = class_from_head(words) or ROMANCE_HEADS.get(words.split(" ")[0])
            kinds = _NESTED_KINDS if outer.cls == SPKG.Study else {SPKG.Law: "law"}
            if outer.cls == SPKG.Study and cls in ORGANISATION_CLASSES and " " in words:
                # "an actuarial valuation of the National Pension Fund" values the fund
                nested.append(self._nested_body(Span(*trimmed), words, cls))
            elif cls in kinds and " " in words:
                # its own IRI: linking would take it for the outer name without some words
                nested.append(Mention(Span(*trimmed), words, cls, source="nested",
                                      iri=mint(kinds[cls], canonical_key(words, cls))))
        return nested

    def _policy_in_project(self, outer: Mention) -> list[Mention]:
        """A project's title naming, in French, Spanish or Portuguese, the policy or strategy
        it serves ("Soutien à l'application de la Politique nationale de …"): the policy,
        from its head to the title's end, is an entity too."""
        for inner in _INNER_POLICY.finditer(self.text, outer.span.start + 1, outer.span.end):
            words = self.text[inner.start(1):outer.span.end]
            cls = ROMANCE_HEADS.get(inner.group(1))
            if cls in (SPKG.Policy, SPKG.Strategy) and " " in words:
                return [Mention(Span(inner.start(1), outer.span.end), words, cls,
                                source="nested", iri=mint("policy", canonical_key(words, cls)))]
        return []

    def _nested_body(self, span: Span, words: str, cls: URIRef) -> Mention:
        reference = self.gazetteer.lookup(words, SCANNED_CLASSES)
        if reference is not None:
            return Mention(span, words, reference.cls, reference, source="nested")
        return Mention(span, words, cls, source="nested",
                       iri=mint("organisation", canonical_key(words, cls)))

    def _acronym_first(self, region: Span) -> Iterator[Mention]:
        """"the NSSF (National Social Security Fund)": the acronym before its expansion."""
        for match in _ACRONYM_BEFORE.finditer(self.text, region.start, region.end):
            acronym, kind, expansion = match.group(1), match.group(2), match.group(3)
            if not _could_abbreviate(acronym, expansion) or " " not in expansion:
                continue
            cls = class_from_head(expansion) or (class_from_head(kind) if kind else None)
            guessed = cls is None
            mention = self._mention(match.start(3), match.end(3), cls or _refine(expansion),
                                    "name")
            if mention is None:
                continue
            mention.guessed = guessed and mention.reference is None
            mention.acronym = acronym
            mention.acronym_span = Span(match.start(1), match.end(1))
            yield mention

    def _demonym_country(self, word: str) -> str | None:
        """The country a nationality adjective names ("Colombian" → Colombia)."""
        entry = country_of_adjective(word, self.gazetteer)
        return entry.label if entry is not None else None

    def _quoted(self, region: Span) -> Iterator[Mention]:
        quotes = [*_QUOTED.finditer(self.text, region.start, region.end),
                  *_GUILLEMETS.finditer(self.text, region.start, region.end)]
        for match in quotes:
            start, end = match.start(1), match.end(1)
            inner = _ACRONYM_AFTER.search(self.text, start, end)
            name_end = inner.start() if inner and inner.end() == end else end
            words = self.text[start:name_end]
            cls = self._class_around_quote(words, match.start(), match.end())
            if cls is None:
                continue
            mention = self._mention(start, name_end, cls, "quoted")
            if mention is None:
                continue
            if inner and inner.end() == end and _could_abbreviate(inner.group(1), words):
                mention.acronym = inner.group(1)
                mention.acronym_span = Span(inner.start(1), inner.end(1))
            yield mention

    def _class_around_quote(self, words: str, start: int, end: int) -> URIRef | None:
        bare = re.sub(r"\s*\([^)]*\)\s*$", "", words)
        own = class_from_head(bare)
        if own is not None:
            return own
        following = _TRAILING_HEAD.match(self.text, end)
        if following:
            return class_from_head(following.group(1))
        before = self.text[max(0, start - 40) : start].casefold()
        for head in ("project", "programme", "program", "scheme", "policy", "strategy", "forum"):
            if re.search(rf"\b{head}\b[\s,]*(titled|called|named|of|entitled)?\s*$", before):
                return class_from_head(head)
        romance = _ROMANCE_KIND_BEFORE.search(before)
        if romance is not None:
            return class_from_head(_ROMANCE_KINDS[romance.group(1)])
        entry = self.gazetteer.lookup(bare)
        return entry.cls if entry is not None else None

    def _special(self, region: Span) -> Iterator[Mention]:
        text = self.text
        for match in _GOVERNMENTS.finditer(text, region.start, region.end):
            # "Governments of KP, Punjab and Pakistan Administered Kashmir(PAK)": one each.
            stop = re.compile(r"[.;:]|\bin\b|\bto\b").search(text, match.end(), region.end)
            listed = Span(match.end(), stop.start() if stop else region.end)
            for start, end in capitalised_spans(text, listed):
                if text[start - 1] == "(":
                    continue  # "Kashmir(PAK)": the acronym of the name before it
                entry = self.gazetteer.lookup(text[start:end], PLACE_CLASSES)
                if entry is not None:
                    mention = Mention(Span(start, end), text[start:end], SPKG.Government,
                                      source="government", name=f"Government of {entry.label}",
                                      place=entry)
                    definition = _ACRONYM_AFTER.match(text, end)
                    if definition and _could_abbreviate(definition.group(1), mention.text):
                        # the acronym names the place, not its government
                        mention.acronym_span = Span(definition.start(1), definition.end(1))
                        place = Mention(Span(start, end), text[start:end], entry.cls, entry,
                                        source="gazetteer")
                        self.acronyms.setdefault(definition.group(1), place)
                    yield mention
        for match in _FUNDED.finditer(text, region.start, region.end):
            donor = self.gazetteer.lookup(match.group(1), ORGANISATION_CLASSES)
            if donor is not None and match.group(1).isupper():  # "EU-funded"
                yield Mention(Span(match.start(1), match.end(1)), match.group(1), donor.cls,
                              donor, source="demonym", extra_classes={SPKG.Donor})
                continue
            country = DEMONYMS.get(match.group(1).casefold())
            if country is not None:
                yield Mention(Span(match.start(1), match.end(1)), match.group(1), SPKG.Government,
                              source="demonym", name=f"Government of {country}",
                              extra_classes={SPKG.Donor},
                              place=self.gazetteer.lookup(country, PLACE_CLASSES))
        for match in _PRIME_MINISTER.finditer(text, region.start, region.end):
            yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.GovernmentBody,
                          source="office")

    def _scanned(self, region: Span) -> Iterator[Mention]:
        for start, end, entry in self.gazetteer.scan(self.text[region.start : region.end]):
            if entry.cls == SPKG.Country and _PLACE_MODIFIER_BEFORE.search(
                    self.text, max(0, region.start + start - 12), region.start + start):
                continue  # "Petite Martinique", "Little Jamaica": another place's name
            mention = Mention(Span(region.start + start, region.start + end),
                              self.text[region.start + start : region.start + end], entry.cls,
                              entry, source="gazetteer")
            self._attach_acronym(mention)
            yield mention

    # -- acronyms ----------------------------------------------------------------------

    def _collect_acronyms(self, mentions: list[Mention]) -> None:
        for mention in mentions:
            if mention.acronym and mention.acronym not in self.acronyms:
                self.acronyms[mention.acronym] = mention
        for mention in mentions:  # a name written in capitals ("EHSAAS") is used like one
            if _ACRONYM_TOKEN.fullmatch(mention.text) and mention.text not in self.acronyms:
                self.acronyms[mention.text] = mention

    def _own_acronym(self, mention: Mention) -> Mention:
        """An acronym the gazetteer knows for another body, once this document defined it
        for its own ("the Public Authority for Manpower (PAM)"), is that body."""
        defined = self.acronyms.get(mention.text)
        if (mention.source != "gazetteer" or mention.text not in self.own_acronyms
                or defined is None):
            return mention
        return Mention(mention.span, mention.text, defined.cls, defined.reference,
                       source="acronym", name=defined.label, iri=defined.iri)

    def _token_pattern(self) -> re.Pattern[str]:
        """Capitals, or a mixed-case acronym this document defined ("the Board of Rural
        Trade (BoRT) … BoRT members"): the capitals pattern alone would lose those."""
        mixed = sorted((a for a in self.acronyms if not _ACRONYM_TOKEN.fullmatch(a)),
                       key=len, reverse=True)
        if not mixed:
            return _ACRONYM_TOKEN
        alternatives = "|".join(re.escape(a) for a in mixed)
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])|{_ACRONYM_TOKEN.pattern}")

    def _acronym_uses(self, regions: list[Span], taken: list[Mention]) -> list[Mention]:
        """Acronyms standing alone: defined in this document first, then in the gazetteer."""
        covered = _Coverage([m.span for m in taken]
                            + [m.acronym_span for m in taken if m.acronym_span])
        uses: list[Mention] = []
        tokens = self._token_pattern()
        for region in regions:
            for match in tokens.finditer(self.text, region.start, region.end):
                span = Span(match.start(), match.end())
                if covered.covers(span):
                    continue
                token = match.group(0)
                defined = self.acronyms.get(token) or self.acronyms.get(token.rstrip("s"))
                if defined is not None:
                    uses.append(Mention(span, token, defined.cls, defined.reference,
                                        source="acronym", name=defined.label,
                                        iri=defined.iri))
                    continue
                entry = self.gazetteer.lookup(token)
                if entry is not None and entry.cls != SPKG.Country:
                    uses.append(Mention(span, token, entry.cls, entry, source="gazetteer"))
                elif token in ILO_ACRONYMS:
                    expansion, cls = ILO_ACRONYMS[token]
                    period = _PERIOD.match(self.text, span.end)
                    name = f"{expansion} {period.group(1)}" if period else expansion
                    uses.append(Mention(span, token, cls, source="name", name=name,
                                        country_wide=True))
        return uses


class _Coverage:
    """Spans (which may nest) and whether one of them holds a given span, by bisection."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [s.start for s in ordered]
        self._reach: list[int] = []  # the furthest end among spans starting at or before i
        furthest = -1
        for span in ordered:
            furthest = max(furthest, span.end)
            self._reach.append(furthest)

    def covers(self, span: Span) -> bool:
        index = bisect.bisect_right(self._starts, span.start) - 1
        return index >= 0 and self._reach[index] >= span.end


# A document cut inside its last word: "… jointly with the Ministry of Economy and Fin".
_LAST_WORD = re.compile(r"(?<![\w’'-])[^\W\d_]+\s*\Z")
_PROSE_WORDS = 8  # a last line this long is prose, not a heading or a list of keywords


# What may stand between a name's words and the broken word that went on with it.
# Only words that join a name's parts: "… in Mombasa in Sept" cut a date, not the town.
_UNFINISHED = re.compile(r"(?:[ \t]+(?:and|of|the|&|et|de|du|des|d[’']|la|le|l[’']|les|y|e|"
                         r"del|da|do|das|dos|el|los|las))*[ \t]*")


def _cut_word(text: str) -> int | None:
    """Where the document's last word starts if the document was cut inside it: its last
    line is prose with no closing mark, and the word occurs nowhere else (a whole word of
    the document usually recurs; "Fin" of "Finance" does not); the end of what comes
    before it, spaces dropped."""
    line_start = text.rstrip().rfind("\n") + 1
    last = _LAST_WORD.search(text, max(line_start, len(text) - 200))
    if last is None or len(text[line_start:last.start()].split()) < _PROSE_WORDS - 1:
        return None
    word = last.group(0).strip()
    if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text[:last.start()], re.IGNORECASE):
        return None
    return len(text[:last.start()].rstrip())


def _refine(words: str) -> URIRef:
    from spkg.ingest.naming import refine_organisation

    return refine_organisation(normalise_name(words), ORG.Organization)


def _spells_another(acronym: str, name: str, known: Entry) -> bool:
    """"the Public Authority for Manpower (PAM)": a name whose capitalised words spell the
    acronym defines it for its own body, when the reference body shares the acronym only
    in another language (PAM is also the World Food Programme's French one)."""
    capitals = "".join(w[0] for w in re.findall(r"[\w’'-]+", name) if w[0].isupper())
    return (capitals == acronym and len(acronym) >= 2
            and not any(normalise_name(n) == normalise_name(acronym) for n in known.names))


def _could_abbreviate(acronym: str, name: str) -> bool:
    """Whether the acronym's letters appear, in order, among the name's word initials or letters."""
    letters = acronym.rstrip("s").upper()
    source = initials(name)
    position = 0
    for letter in letters:
        position = source.find(letter, position)
        if position < 0:
            return _letters_in_order(letters, name.upper())
        position += 1
    return True


def _letters_in_order(letters: str, name: str) -> bool:
    if not name or letters[0] != name.lstrip("‘'\"")[0]:
        return False
    position = 0
    for letter in letters:
        position = name.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


# Recognisers that read a whole construction ("the Zambian Government", "Sub-Decree No.
# 148", a named event) win over a capitalised span that overlaps them.
_SOURCE_RANK = {"quoted": 0, "government": 1, "demonym": 1, "office": 1, "law": 1,
                "sdg": 1, "gathering": 1, "translated": 1, "study": 1}


def _inside_studies(found: list[Mention], chosen: list[Mention]) -> list[Mention]:
    """A programme or law a study's object names in lowercase or untranslated is an entity
    too: "a diagnostic of the pilot programme … that the Institute ran" studies that
    programme, "a review of the Code du travail" that code."""
    studies = [m.span for m in chosen if m.cls == SPKG.Study]
    taken = {(m.span.start, m.span.end) for m in chosen}
    inner: list[Mention] = []
    for mention in found:
        span = mention.span
        # a lowercase law inside ("… of the social insurance legislation") is what any
        # country has; a programme made one by its sentence, or a law's own name, is not
        if (((mention.cls in (SPKG.Programme, SPKG.Scheme) and mention.source == "document")
             or (mention.cls == SPKG.Law and mention.source == "romance-name"))
                and (span.start, span.end) not in taken
                and any(s.start < span.start and span.end <= s.end for s in studies)
                and not any(m.span.start < span.end and span.start < m.span.end
                            and m.cls != SPKG.Study for m in chosen)):
            taken.add((span.start, span.end))
            inner.append(mention)
    return inner


def _without_bracketed_numbers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Without a numbered law in brackets right after a law's name: "the Pension Act (Law
    No. 8/2009)", "the … Act, 1977 (Act No. 13 of 1977)" give one law its number, not a
    second law."""
    laws = sorted((m for m in mentions if m.cls == SPKG.Law), key=lambda m: m.span.start)
    dropped: set[int] = set()
    for before, mention in pairwise(laws):
        start, end = mention.span.start, mention.span.end
        if (text[before.span.end:start].strip() == "(" and text[end:end + 1] == ")"
                and any(c.isdigit() for c in text[start:end])):
            dropped.add(id(mention))
    return [m for m in mentions if id(m) not in dropped]


# "North Bank", "Lower Bank": a bank named by its side of a river is land, not a lender.
_SIDE_OF_A_RIVER = re.compile(r"(?:North|South|East|West|Upper|Lower)(?:ern)?[ \t]+Bank")


def _places_over_bodies(mentions: list[Mention]) -> list[Mention]:
    """A subdivision's full name whose type word also heads bodies ("Upper Valley
    Division"): where a place rule read the very same words, the place wins; a bank named
    by its side of a river is never a body."""
    places = {m.span for m in mentions if m.is_place}
    ends = {span.end: span for span in places}
    starts: dict[int, list[Span]] = {}  # indexed once: a scan per body was quadratic
    for span in places:
        starts.setdefault(span.start, []).append(span)
    return [m for m in mentions
            if m.reference is not None or m.cls not in ORGANISATION_CLASSES
            # a place's government named by the place alone ("the Governments of A and B")
            or m.source in ("government", "demonym")
            or not (m.span in places or _SIDE_OF_A_RIVER.fullmatch(m.text)
                    or _place_of_place(m, starts, ends))]


_OF_THE = re.compile(r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?")


def _place_of_place(mention: Mention, starts: dict[int, list[Span]],
                    ends: dict[int, Span]) -> bool:
    """"Upper Valley Division of Zedland": a subdivision's name, then its country's."""
    start, end = mention.span.start, mention.span.end
    outer = ends.get(end)
    if outer is None or outer.start <= start:
        return False
    return any(_OF_THE.fullmatch(mention.text[first.end - start:outer.start - start])
               is not None for first in starts.get(start, ()) if first.end < end)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Quoted names and special rules win; then the longest span; then a rule over the list."""
    ordered = sorted(mentions, key=lambda m: (
        _SOURCE_RANK.get(m.source, 2), -(m.span.end - m.span.start), m.guessed,
        m.acronym is None, m.source != "name"))
    kept: list[Mention] = []
    # the kept spans, disjoint, sorted by start; their ends then sort the same way, so the
    # two stay aligned index for index. SortedList inserts in O(log n) (list.insert: O(n),
    # quadratic over the names of a long document)
    starts, ends = SortedList(), SortedList()
    for mention in ordered:
        start, end = mention.span.start, mention.span.end
        index = starts.bisect_right(start)
        # disjoint kept spans: only the neighbours on either side can overlap (no O(n²) scan)
        if index > 0 and ends[index - 1] > start:
            continue
        if index < len(starts) and starts[index] < end:
            continue
        starts.add(start)
        ends.add(end)
        kept.append(mention)
    return kept
