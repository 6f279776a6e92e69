"""Names of extracted entities: their class from head and cue words, canonical forms, IRI kinds."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rdflib import URIRef

from spkg.ingest import lexicon
from spkg.ingest.cues import TOGETHER_WITH
from spkg.ingest.gazetteer import normalise_name
from spkg.ingest.lawnumbers import law_number_form
from spkg.namespace import ORG, SPKG

# Head words (the last word or words of a name) → class. Checked longest first.
HEAD_CLASSES: dict[str, URIRef] = {
    "expert group": SPKG.ExpertGroup,
    "working group": SPKG.ExpertGroup,
    "task force": SPKG.ExpertGroup,
    "taskforce": SPKG.ExpertGroup,
    "secretariat": SPKG.Body,
    "group": SPKG.ExpertGroup,
    "committee": SPKG.Body,
    "forum": SPKG.Forum,
    "council": SPKG.GovernmentBody,
    "commission": SPKG.GovernmentBody,
    "division": SPKG.GovernmentBody,
    "unit": SPKG.GovernmentBody,
    "authority": SPKG.GovernmentBody,
    "agency": SPKG.GovernmentBody,
    "superintendence": SPKG.GovernmentBody,
    "superintendency": SPKG.GovernmentBody,
    "court": SPKG.GovernmentBody,
    "office": SPKG.GovernmentBody,
    "board": SPKG.GovernmentBody,
    "bureau": SPKG.GovernmentBody,
    "directorate": SPKG.GovernmentBody,  # "Directorate of Social Security", "… Directorate"
    "directorate general": SPKG.GovernmentBody,
    "inspectorate": SPKG.GovernmentBody,
    "department": SPKG.Ministry,
    "ministry": SPKG.Ministry,
    "institution": SPKG.SocialSecurityInstitution,
    "institutions": SPKG.SocialSecurityInstitution,
    "institute": SPKG.SocialSecurityInstitution,
    "fund": SPKG.SocialSecurityInstitution,
    "trust fund": SPKG.Donor,
    "federation": ORG.Organization,
    "confederation": ORG.Organization,
    "congress": ORG.Organization,
    "trust": SPKG.SocialSecurityInstitution,
    "centre": ORG.Organization,
    "center": ORG.Organization,
    "university": ORG.Organization,
    "embassy": ORG.Organization,
    "front": ORG.Organization,
    "union": ORG.Organization,
    "association": ORG.Organization,
    "organization": ORG.Organization,
    "organisation": ORG.Organization,
    "chamber": SPKG.EmployersOrganisation,
    "corporation": ORG.Organization,
    "system": ORG.Organization,
    # a system of insurance, pensions or care is a scheme ("Maternity Insurance System",
    # "Unified Health System"); "Social Security System" stays a body
    "insurance system": SPKG.Programme,
    "pension system": SPKG.Programme,
    "pensions system": SPKG.Programme,
    "health system": SPKG.Programme,
    "assistance system": SPKG.Programme,
    "management system": SPKG.Programme,
    "information system": SPKG.Programme,
    "assembly": SPKG.GovernmentBody,
    "parliament": SPKG.GovernmentBody,
    "legislature": SPKG.GovernmentBody,
    "senate": SPKG.GovernmentBody,
    "government": SPKG.Government,
    "house": SPKG.GovernmentBody,
    "administration": ORG.Organization,
    "administrator": ORG.Organization,
    "bank": ORG.Organization,
    "joint programme": SPKG.Project,
    "initiative": SPKG.Programme,
    "regulation": SPKG.Law,
    "regulations": SPKG.Law,
    "agreement": SPKG.Policy,
    "proclamation": SPKG.Law,
    "cabinet": SPKG.GovernmentBody,
    "project": SPKG.Project,
    "programme": SPKG.Programme,
    "program": SPKG.Programme,
    "scheme": SPKG.Scheme,
    "card": SPKG.Scheme,
    "pilot": SPKG.Programme,
    "grant": SPKG.Scheme,
    # "the Maternal and Child Cash Transfer": what it pays names it
    "cash transfer": SPKG.Scheme,
    "allowance": SPKG.Scheme,
    "pension": SPKG.Scheme,
    "benefit": SPKG.Scheme,
    "bonus": SPKG.Scheme,
    "regime": SPKG.Scheme,
    "act": SPKG.Law,
    "law": SPKG.Law,
    "code": SPKG.Law,
    "ordinance": SPKG.Law,
    "decree": SPKG.Law,
    "sub-decree": SPKG.Law,
    "sub decree": SPKG.Law,
    "prakas": SPKG.Law,
    "rules": SPKG.Law,
    "by-law": SPKG.Law,
    "by law": SPKG.Law,
    "bill": SPKG.Law,
    "policy": SPKG.Policy,
    "policies": SPKG.Policy,
    "framework": SPKG.Policy,
    "strategy": SPKG.Strategy,
    "plan": SPKG.Strategy,
    "study": SPKG.Study,
    "survey": SPKG.Study,
    "assessment": SPKG.Study,
}

# "the Mejlis", "the People's Majlis": a legislature's name in its country's language
HEAD_CLASSES.update(dict.fromkeys(lexicon.legislature_words(), SPKG.GovernmentBody))
# Bodies of one kind named together in the plural ("the Joint Councils", "the Centres for
# Family Care", "the Regional Labour Directorates"): one entity, named as written.
PLURAL_BODY_HEADS: dict[str, URIRef] = {
    "committees": SPKG.Body, "councils": SPKG.GovernmentBody,
    "commissions": SPKG.GovernmentBody, "directorates": SPKG.GovernmentBody,
    "centres": ORG.Organization, "centers": ORG.Organization,
    "inspectorates": SPKG.GovernmentBody}
HEAD_CLASSES.update(PLURAL_BODY_HEADS)
# Bodies that run a service or a scheme's business: "… Hospital", "… Company Limited"
HEAD_CLASSES.update({"hospital": ORG.Organization, "company": ORG.Organization,
                     "company limited": ORG.Organization, "limited": ORG.Organization})

ORGANISATION_CLASSES = frozenset({
    ORG.Organization, SPKG.GovernmentBody, SPKG.Government, SPKG.Ministry,
    SPKG.SocialSecurityInstitution, SPKG.WorkersOrganisation, SPKG.EmployersOrganisation,
    SPKG.UNAgency, SPKG.Funder, SPKG.Donor, SPKG.Body, SPKG.Forum, SPKG.ExpertGroup,
})
INTERVENTION_CLASSES = frozenset({
    SPKG.Programme, SPKG.Scheme, SPKG.CountryProgramme, SPKG.Policy, SPKG.Strategy, SPKG.Law,
})
BODY_CLASSES = frozenset({SPKG.Body, SPKG.Forum, SPKG.ExpertGroup, SPKG.GovernmentBody})

# Words that describe an entity in one sentence but are not part of its name.
DESCRIPTIVE_PREFIXES = ("tripartite", "joint", "new", "national level", "amended", "draft")
# Capitalised words that open a sentence or name a category, never an entity on their own.
GENERIC_NAMES = frozenset(normalise_name(n) for n in (
    "Government", "Governments", "Employers", "Workers", "UN Agencies", "Social Security",
    "Social Protection", "Ministry", "Project", "Programme", "Policy", "Forum", "Province",
    "Federal Government", "Social Security Institutions", "Social Protection Policies",
    "Employers and Workers", "Workers and Employers", "Institution", "Division", "Unit",
    "Act", "Law", "Scheme", "Card", "Study", "Group", "Council", "Commission", "Fund",
    "Social Protection Programme", "Social Security Institution", "Expert Group",
    "Head of Government", "Head of State", "Decree", "Agreement", "Regulation", "House",
    "Rules", "Constitution", "Secretariat", "Taskforce", "Prakas", "Sub-Decree",
))

# Nationality adjectives ("German-funded", "the Italian Ministry of …") and the ILO's own
# acronyms documents use undefined ("DWCP"): reference data in data/reference/lexicon/.
DEMONYMS: dict[str, str] = lexicon.demonyms()
ILO_ACRONYMS: dict[str, tuple[str, URIRef]] = {
    acronym: (expansion, cls) for acronym, (expansion, cls, _) in lexicon.ilo_acronyms().items()}

_WORD = re.compile(r"[\w’'-]+")


# French, Spanish and Portuguese names put their head first ("Ministère de la Santé",
# "Assurance invalidité facultative"); keys are normalised (no accents, lowercase).
LEADING_HEADS: dict[str, URIRef] = {
    **dict.fromkeys(("ministere", "ministerio"), SPKG.Ministry),
    **dict.fromkeys(("regime", "regimen", "couverture", "programa", "assurance"),
                    SPKG.Programme)}

_AGENCY_PREFIXES = ("un ", "united nations ", "ilo ", "ilo un ")


@lru_cache(maxsize=1 << 14)  # pure, and asked for each name many times over
def class_from_head(name: str) -> URIRef | None:
    """The class a name's head word implies ("… Expert Group" → ExpertGroup), if any."""
    key = normalise_name(name)
    # "Decree 3481", "Law No. 47-09", "Law No. 261 of 2017": a number names the text
    if re.search(r"\b(?:agreement|resolution|decree|law|ley|decreto|resolucion|decret|loi)"
                 r"(?: no| n)?(?: [a-z]{1,5})? \d+", key):
        return SPKG.Law  # "Agreement No. 1521": a numbered instrument is a legal text
    key = re.sub(r"(?: no)?(?: \d+)+(?: of (?:19|20)\d\d)?$", "", key) or key
    key = re.sub(r"( (19|20)\d\d)+$", "", key) or key  # "… Strategy 2019-2025"
    if key.startswith("ministry of") or key.startswith("department of"):
        return SPKG.Ministry
    if key.startswith("government of") or key.startswith("governments of"):
        return SPKG.Government
    if re.match(r"governments? (?:for|on) ", key):
        return None  # "paid by the Government for Article 12 members": whom for, no name
    # "Employers Federation of Nepal", "Law on Health Insurance", "Commission for the
    # Coordination of … Policies": the head comes before "of/on/for" when it has one there
    # (Dutch "Centrale Bank van …", "Raad voor …" the same way)
    before_of = re.split(r" (?:of|on|for|van|voor) ", key, maxsplit=1)[0]
    for candidate in (before_of, key):
        head = _longest_head(candidate)
        if head == "joint programme" and not key.startswith(_AGENCY_PREFIXES):
            return SPKG.Programme  # a country's joint programme; "UN Joint Programme …" is theirs
        if head in ("programme", "program") and re.match(r"(?:ilo |un )?(?:global|regional) ",
                                                         key):
            return SPKG.Project  # "Regional Outreach Programme …": an ILO vehicle, no country's
        if head is not None:
            return refine_organisation(key, HEAD_CLASSES[head])
    return _class_without_final_head(name, key) or _dutch_compound(key)


# Dutch bodies named in one compound word whose last part is an institution's head
# ("Zorgraad", "Belastingdienst", "Ziekenfonds", "ZVB-Fonds"): Dutch writes the head
# joined to what it is of.
_DUTCH_COMPOUND = re.compile(r"[a-z]{3,}(?: ?)(raad|fonds|dienst|instituut|stichting|"
                             r"vereniging|ministerie|kamer)")
_DUTCH_HEADS = {"raad": SPKG.GovernmentBody, "fonds": SPKG.SocialSecurityInstitution,
                "dienst": SPKG.GovernmentBody, "instituut": SPKG.SocialSecurityInstitution,
                "stichting": ORG.Organization, "vereniging": ORG.Organization,
                "ministerie": SPKG.Ministry, "kamer": SPKG.GovernmentBody}


_DUTCH_JOIN = re.compile(r" (?:van|voor) ")


def _dutch_compound(key: str) -> URIRef | None:
    """The class of a Dutch body: its compound ("pensioenraad"), or a Dutch head first and
    its complement after "van"/"voor" ("raad voor sociale zekerheid")."""
    found = _DUTCH_COMPOUND.fullmatch(key)
    joined = _DUTCH_JOIN.search(key) if found is None else None
    if joined is not None:
        head = key[: joined.start()]
        if head in _DUTCH_HEADS:
            return _DUTCH_HEADS[head]
        found = _DUTCH_COMPOUND.fullmatch(head)
    return _DUTCH_HEADS[found.group(1)] if found is not None else None


def _class_without_final_head(name: str, key: str) -> URIRef | None:
    """The class of a name no English head word ends: a head that comes first ("Régime
    d'assurance …", "Ministerio de …"), a dated act, a project on something."""
    first, _, rest = key.partition(" ")
    if rest and first in LEADING_HEADS:
        return LEADING_HEADS[first]
    if re.search(r"\b(act|law|ordinance|code)( of)? (19|20)\d\d$", normalise_name(name)):
        return SPKG.Law
    if re.search(r"\bproject (on|for|to)\b", key):
        return SPKG.Project
    return None


def _longest_head(candidate: str) -> str | None:
    """The longest head word(s) ``candidate`` ends with: its word suffixes, longest first,
    looked up in HEAD_CLASSES (one dict lookup per word, not one test per head)."""
    words = candidate.split(" ")
    for index in range(len(words)):
        suffix = " ".join(words[index:])
        if suffix in HEAD_CLASSES:
            return suffix
    return None


def refine_organisation(key: str, cls: URIRef) -> URIRef:
    if cls != ORG.Organization:
        return cls
    words = set(key.split())
    if words & {"employers", "employer", "business", "chamber", "industry", "industries"}:
        return SPKG.EmployersOrganisation
    if words & {"workers", "worker", "trade", "labour", "labor", "unions"}:
        return SPKG.WorkersOrganisation
    if words & {"security", "pension", "pensions", "insurance"}:
        return SPKG.SocialSecurityInstitution
    return cls


@cache  # a handful of classes, asked for each mention: the table is built once per class
def iri_kind(cls: URIRef) -> str:
    """The mint() kind for a class (docs/contract.md)."""
    if cls in ORGANISATION_CLASSES:
        return "organisation"
    if cls in {SPKG.Programme, SPKG.Scheme, SPKG.CountryProgramme}:
        return "programme"
    if cls in {SPKG.Policy, SPKG.Strategy}:
        return "policy"
    kinds = {
        SPKG.Law: "law", SPKG.Project: "project", SPKG.Study: "study", SPKG.Event: "event",
        SPKG.PopulationGroup: "population-group", SPKG.Country: "place",
        SPKG.Province: "place", SPKG.Territory: "place", SPKG.Place: "place",
        SPKG.CoverageFigure: "coverage",
    }
    return kinds.get(cls, "entity")


@lru_cache(maxsize=1 << 14)  # pure, and asked for each mention's name (linking, labels)
def strip_descriptors(name: str) -> str:
    """Drop words that describe rather than name ("Tripartite Social Security …" → "Social …"),
    unless a plural head alone would be left ("the Joint Councils" names them;
    "Councils" would name nothing)."""
    stripped = _strip_prefixes(name, ("the ", "a ", "an ",
                                      *(p + " " for p in DESCRIPTIVE_PREFIXES)))
    if stripped.casefold() in PLURAL_BODY_HEADS:
        return _strip_prefixes(name, ("the ", "a ", "an "))
    return stripped


def _strip_prefixes(name: str, prefixes: tuple[str, ...]) -> str:
    stripped = name.strip().strip("‘’'\"“”").strip()
    changed = True
    while changed:
        changed = False
        lowered = stripped.casefold()
        for prefix in prefixes:
            if lowered.startswith(prefix) and len(stripped) > len(prefix) + 2:
                stripped = stripped[len(prefix):].lstrip()
                changed = True
                break
    return stripped


# Ligatures NFKD keeps whole, so the lookup key would drop them ("mise en œuvre" →
# "mise en uvre"); spelt out as spkg.namespace.slugify spells them.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


@lru_cache(maxsize=1 << 14)  # pure, and asked for each name many times over
def canonical_key(name: str, cls: URIRef) -> str:
    """The name an IRI is minted from: stable across documents for the same entity.

    Generic trailing heads are dropped for programmes ("EHSAAS programme" = "EHSAAS"),
    "Ministry of … Division" is the division, and plural institutions are singular.
    """
    # an event's name is all its words ("Tripartite Workshop on …"); others drop describers
    base = (_strip_prefixes(name, ("the ", "a ", "an ")) if cls == SPKG.Event
            else strip_descriptors(name))
    base = re.sub(r"\s*\([^)]*\)\s*$", "", base) or base  # "(compassion for Labour)"
    if cls == SPKG.Law:  # "Ley N° 31.562" → ley-n-31562 (spkg.ingest.lawnumbers)
        base = law_number_form(base)
    key = normalise_name(base.translate(_LIGATURES))
    if (cls in {SPKG.Programme, SPKG.Scheme} and key.endswith((" programme", " program"))
            and not _describes_a_benefit(key)):
        key = key.rsplit(" ", 1)[0]
    if key.startswith("ministry of ") and key.endswith((" division", " department")):
        key = key[len("ministry of "):]
    if key.endswith(" institutions") and " of " not in key:
        key = key[: -len("s")]  # the head, not a complement's word ("… of … Institutions")
    return key


# Words that say what a programme gives or is ("cash transfer", "joint"): a name ending in
# one without "programme" names the benefit, not the programme, so the head stays
# ("Drought Cash Transfer Programme"); a name of its own drops it ("KUNDAMA programme").
_BENEFIT_WORDS = frozenset({
    "transfer", "transfers", "benefit", "benefits", "grant", "grants", "support", "pension",
    "pensions", "allowance", "allowances", "insurance", "assistance", "protection", "subsidy",
    "subsidies", "works", "employment", "pilot", "joint", "country", "security", "relief",
    "payment", "payments", "voucher", "vouchers", "aid", "welfare", "care", "health",
    "nutrition", "feeding", "meals", "inclusion", "graduation", "resilience", "response",
    "recovery", "guarantee", "net", "nets", "development", "training", "coverage"})


def _describes_a_benefit(key: str) -> bool:
    """Whether a programme's normalised name ends "<benefit word> programme"."""
    words = key.split()
    return len(words) >= 2 and words[-1] in ("programme", "program") and (
        words[-2] in _BENEFIT_WORDS)


@lru_cache(maxsize=1 << 14)  # pure, and asked for each name many times over
def display_name(name: str, cls: URIRef) -> str:
    """The label shown for a name, trimmed the way canonical_key trims it, case kept."""
    shown = (_strip_prefixes(name, ("the ", "a ", "an ")) if cls == SPKG.Event
             else strip_descriptors(name))
    shown = re.sub(r"\s*\([^)]*\)\s*$", "", shown) or shown
    if cls in {SPKG.Programme, SPKG.Scheme} and not _describes_a_benefit(normalise_name(shown)):
        shown = re.sub(r"\s+(?:programme|program)$", "", shown, flags=re.IGNORECASE) or shown
    if re.match(r"(?i)ministry of .+ (division|department)$", shown):
        shown = shown[len("ministry of "):]
    if shown.casefold().endswith(" institutions") and " of " not in shown.casefold():
        # the key is singular too
        shown = shown[:-1]
    return shown


_LOWER_WORDS = frozenset({"of", "and", "the", "for", "on", "to", "in", "at", "by", "with", "a",
                          "an", "through", "between"})
_LETTERS = re.compile(r"[^\W\d_]+")


def canonical_label(name: str, spellings: list[str]) -> str:
    """The rdfs:label of an extracted entity: ``name`` with "&" as "and" and each word cased
    the same way whichever document it is read from.

    Possessive apostrophes go, as they do from the key. A word every spelling writes the
    same way keeps that form ("EHSAAS", "SDGs"); a word written differently ("EHSAAS",
    "Ehsaas") is capitalised ("Ehsaas"); connectors are lowercase. So "Mazdoor Ka EHSAAS" +
    "Mazdoor-ka-Ehsaas" and "Mazdoor Ka Ehsaas" (another document) both give "Mazdoor Ka
    Ehsaas": two graphs never disagree on one IRI's label.
    """
    forms: dict[str, set[str]] = {}
    for spelling in [name, *spellings]:
        for word in _LETTERS.findall(spelling.replace("&", " and ")):
            forms.setdefault(word.casefold(), set()).add(word)
    text = re.sub(r"\s*&\s*", " and ", name)
    text = re.sub(r"(?<=s)[’'](?=\s|$)", "", text)  # "Workers’ Welfare Fund" as the key has it

    def recase(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() > 0 and match.string[match.start() - 1].isdigit():
            return word  # "109th", "1st": an ordinal's letters keep their case
        if match.start() > 0 and word.casefold() in _LOWER_WORDS:
            return word.casefold()
        written = forms.get(word.casefold(), {word})
        if len(written) == 1:
            only = next(iter(written))
            return only[0].upper() + only[1:]
        return word[0].upper() + word[1:].casefold()

    return _LETTERS.sub(recase, text)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def initials(name: str) -> str:
    """Capital initials of a name's significant words ("Nepal Workers Federation" → "NWF")."""
    skip = {"of", "and", "the", "for", "on", "in", "&", "to"}
    return "".join(w[0].upper() for w in words(name) if w.casefold() not in skip)


# "with the support of", "avec l'appui de", "con el apoyo de", "com o apoio da": who helps,
# never a word of the name before it. The rules' own support pattern lives inside a rule
# (rules/support.py), so its head words are repeated here.
_WITH_SUPPORT = (r"(?:with|avec|con|com)\s+(?:the\s+|l['’]|le\s+|la\s+|el\s+|o\s+|a\s+)?"
                 r"(?:technical\s+|financial\s+)?(?:support|assistance|help|appui|soutien|"
                 r"aide|concours|apoyo|asistencia|ayuda|respaldo|apoio|assistência|ajuda)"
                 r"\s+(?:technique\s+|técnic[oa]\s+)?(?:of|from|de|du|des|del|da|do|das|dos)\b")


@cache
def _partner_cue() -> re.Pattern[str]:
    # the relation rules' own "in collaboration with" in four languages (spkg.ingest.cues)
    return re.compile(rf"[ \t,]*(?:{TOGETHER_WITH}|{_WITH_SUPPORT})", re.IGNORECASE)


def partner_cue_at(text: str, position: int) -> bool:
    """Whether a partner cue ("in collaboration with", "en partenariat avec", "con el apoyo
    de", "em parceria com" …) starts at ``position`` (after spaces): a name ends there."""
    if not _CUE_WORD.search(text, position, position + _CUE_REACH):
        return False  # every cue has one of these words: most places have none (speed)
    return _partner_cue().match(text, position) is not None


# the word before the partner in each cue
_CUE_WORD = re.compile(r"\s(?:with|avec|con|com)\s", re.IGNORECASE)
_CUE_REACH = 48  # characters: the longest cue up to that word ("en étroite collaboration …")


def before_partner_cue(text: str, start: int, end: int) -> int:
    """Where a name spanning ``text[start:end]`` ends if a partner cue starts inside it."""
    if not _CUE_WORD.search(text, start, end + _CUE_REACH):  # a cue may end past the name
        return end
    for space in re.finditer(r"[ \t]+", text[start:end]):
        if partner_cue_at(text, start + space.start()):
            return start + space.start()
    return end
