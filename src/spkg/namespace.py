"""IRIs: the one base IRI, the ontology namespace, graph names and minted instance IRIs.

Every IRI spkg writes is made here, so the base can change in one place.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from spkg.iri_base import BASE as BASE  # re-exported: every module names the base from here
from spkg.iri_base import SDG as _SDG_BASE

ONTOLOGY_IRI = URIRef(BASE + "ontology")

SDG = Namespace(_SDG_BASE)
SDGO = Namespace("http://metadata.un.org/sdg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")

# Named graphs of the dataset. A document's graph is named by the document's own IRI.
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
REFERENCE_GRAPH = URIRef(BASE + "graph/reference")
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")
CURATION_GRAPH = URIRef(BASE + "graph/curation")  # people's corrections


class SPKG(DefinedNamespace):
    """Terms of ontology/spkg.ttl; a misspelt term raises instead of minting a new IRI.

    tests/test_ontology.py checks that this list and the ontology agree.
    """

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # documents
    SourceDocument: URIRef
    ResultRecord: URIRef
    CountryPage: URIRef
    PressRelease: URIRef
    WebPage: URIRef
    fileName: URIRef
    characterCount: URIRef
    contentHash: URIRef
    Sentence: URIRef
    Mention: URIRef
    mention: URIRef
    country: URIRef
    # results
    Outcome: URIRef
    OutcomeIndicator: URIRef
    CountryProgrammeOutcome: URIRef
    statement: URIRef
    iloContribution: URIRef
    genderDimension: URIRef
    hasIndicator: URIRef
    countryProgrammeOutcome: URIRef
    year: URIRef
    biennium: URIRef
    visibility: URIRef
    step: URIRef
    partner: URIRef
    partnerCategory: URIRef
    appliesPrinciple: URIRef
    keyword: URIRef
    contributesToTarget: URIRef
    contributesToGoal: URIRef
    reportedIn: URIRef
    # interventions
    Intervention: URIRef
    Programme: URIRef
    Scheme: URIRef
    Policy: URIRef
    Strategy: URIRef
    Law: URIRef
    CountryProgramme: URIRef
    extendsCoverageTo: URIRef
    coversContingency: URIRef
    adoptedBy: URIRef
    implements: URIRef
    implementedBy: URIRef
    developedBy: URIRef
    develops: URIRef
    establishedToDevelop: URIRef
    citesInstrument: URIRef
    amends: URIRef
    outcomeOf: URIRef
    # organisations
    GovernmentBody: URIRef
    Government: URIRef
    Ministry: URIRef
    SocialSecurityInstitution: URIRef
    WorkersOrganisation: URIRef
    EmployersOrganisation: URIRef
    UNAgency: URIRef
    Funder: URIRef
    Donor: URIRef
    Body: URIRef
    Forum: URIRef
    ExpertGroup: URIRef
    chairedBy: URIRef
    chairs: URIRef
    # instruments
    Instrument: URIRef
    Convention: URIRef
    Recommendation: URIRef
    instrumentNumber: URIRef
    adoptionYear: URIRef
    # places
    Place: URIRef
    Country: URIRef
    Province: URIRef
    Territory: URIRef
    partOf: URIRef
    hasPart: URIRef
    locatedIn: URIRef
    # events
    Event: URIRef
    Adoption: URIRef
    Launch: URIRef
    Notification: URIRef
    Meeting: URIRef
    Training: URIRef
    Establishment: URIRef
    Announcement: URIRef
    Ratification: URIRef
    EntryIntoForce: URIRef
    date: URIRef
    endDate: URIRef
    concerns: URIRef
    participant: URIRef
    participatesIn: URIRef
    organisedBy: URIRef
    # studies and projects
    Study: URIRef
    Project: URIRef
    subject: URIRef
    status: URIRef
    fundedBy: URIRef
    funds: URIRef
    supportedBy: URIRef
    supports: URIRef
    # coverage and concepts
    CoverageFigure: URIRef
    personsCovered: URIRef
    hasCoverageFigure: URIRef
    populationGroup: URIRef
    PopulationGroup: URIRef
    PolicyArea: URIRef
    Contingency: URIRef
    R202Principle: URIRef
    StudyStatus: URIRef
    underway: URIRef
    completed: URIRef
    studyStatuses: URIRef
    # curation (docs/curation.md)
    CurationAct: URIRef
    Rejection: URIRef
    Addition: URIRef
    Merge: URIRef
    Split: URIRef
    Dismissal: URIRef
    fact: URIRef
    factSubject: URIRef
    factPredicate: URIRef
    factObject: URIRef
    inDocument: URIRef
    kept: URIRef
    merged: URIRef
    splitFrom: URIRef
    splitInto: URIRef
    reviewItem: URIRef
    rejectedBy: URIRef
    formerIri: URIRef
    staleBecause: URIRef


# Each term stored on the class once: ``SPKG.X`` otherwise runs the metaclass's __getattr__
# (a membership check over the annotations, then a new URIRef) on every read, ~400,000
# reads per MB of ingested text. Misspelt terms still raise (they are not stored).
for _term in SPKG.__annotations__:
    type.__setattr__(SPKG, _term, SPKG[_term])


_NON_SLUG = re.compile(r"[^a-z0-9]+")


# Latin letters that Unicode does not decompose into ASCII ones: NFKD would drop them
# ("mise en œuvre" → "mise-en-uvre"); spelt out the way French, German and Nordic writers
# spell them without the ligature or stroke. A table of a dozen letters, not a
# transliteration library (Unidecode is GPL, and spkg slugs only Latin-script names).
_SPELT_OUT = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss",
                            "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                            "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i"})


def slugify(name: str) -> str:
    """A stable, lowercase, ASCII slug: "Mazdoor Ka EHSAAS" → "mazdoor-ka-ehsaas"."""
    spelt = name.translate(_SPELT_OUT)
    ascii_name = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode("ascii")
    ascii_name = ascii_name.replace("'", "").replace("’", "")
    slug = _NON_SLUG.sub("-", ascii_name.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make a slug from {name!r}")
    return slug


def valid_iri(value: str) -> URIRef:
    """``URIRef(value)`` for a value made only of parts already valid in an IRI (a URIRef, a
    slug, digits): rdflib's check of each character, which only warns, is skipped (an
    ingest makes IRIs by the hundred thousand)."""
    return str.__new__(URIRef, value)


def mint(kind: str, name: str) -> URIRef:
    """The IRI of an instance: ``{BASE}id/{kind}/{slug(name)}``."""
    return URIRef(f"{BASE}id/{kind}/{slugify(name)}")


def document_slug(stem: str) -> str:
    """The slug of a document's IRI, from its file name without the suffix; never fails.

    Names in other scripts are transliterated first (anyascii: "文档" → "wendang",
    "وثيقة" → "wthyqh"), so they read as something and stay stable across runs; a name
    with no letter or digit even then ("!!!") gets "doc-" and a short hash of the name.
    ASCII names slug as slugify() always did, so existing document IRIs do not change.
    """
    from anyascii import anyascii

    name = unicodedata.normalize("NFC", stem)
    try:
        return slugify(anyascii(name))
    except ValueError:
        return "doc-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def document_iri(stem: str) -> URIRef:
    """The IRI of a source document, which is also the name of its graph."""
    return URIRef(f"{BASE}id/document/{document_slug(stem)}")


def span_iri(document: URIRef, start: int, end: int) -> URIRef:
    """A span of a document's text, as an RFC 5147 fragment (offsets in code points)."""
    return valid_iri(f"{document}#char={start},{end}")  # valid as the document's IRI is
