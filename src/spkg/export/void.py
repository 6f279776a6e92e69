"""The VoID + DCAT description of an export: what is in each graph, and where each dump is.

The description is written to pass the mandatory DCAT-AP 3 shapes and to carry what a data
portal expects (publisher, contact point, keywords, theme, spatial and temporal coverage,
a licence, format and description on every distribution, the endpoint as a data service).
Every URL comes from one base (``--base-url``); a published description never names a
loopback address.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from spkg import paths
from spkg.namespace import BASE
from spkg.prefixes import PREFIXES
from spkg.version import __version__

DATASET_IRI = BASE + "dataset"
DEFAULT_BASE_URL = BASE  # where the published graph lives: {base}sparql, {base}dist/…
DEFAULT_ENDPOINT = DEFAULT_BASE_URL + "sparql"
DEFAULT_DOWNLOAD_BASE = DEFAULT_BASE_URL + "dist/"
# One licence story: the code is MIT (LICENSE); the data spkg publishes (the graph read from
# documents, the ontology, the dumps) is CC BY 4.0; each reference list keeps its source's
# terms, stated on its subset.
DATA_LICENCE = "http://creativecommons.org/licenses/by/4.0/"
SDG_KOS = "http://metadata.un.org/sdg"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
EU_FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
EU_DATA_THEMES = "http://publications.europa.eu/resource/authority/data-theme/"
PUBLISHER_IRI = BASE + "id/organisation/spkg-developers"
CONTACT_IRI = DATASET_IRI + "/contact"
SERVICE_IRI = DATASET_IRI + "/sparql-service"
KEYWORDS = ("social protection", "social security", "ILO", "SDG", "C102", "R202",
            "linked data")
# The EU file-type authority names formats by these codes (DCAT-AP's dct:format).
FILE_TYPES = {"text/turtle": "RDF_TURTLE", "application/n-triples": "RDF_N_TRIPLES",
              "application/n-quads": "RDF_N_QUADS", "application/trig": "RDF_TRIG",
              "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD"}
SPKG_COUNTRY = PREFIXES["spkg"] + "country"
DATE_PREDICATES = (PREFIXES["spkg"] + "date", PREFIXES["dcterms"] + "date")

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")


# vCard is used here only, for the contact point; the dumps' prefix table does not need it.
_VOCABULARIES = {**PREFIXES, "vcard": "http://www.w3.org/2006/vcard/ns#"}


def _n(prefix: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(_VOCABULARIES[prefix] + local)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n("xsd", "integer"))


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


@dataclass(frozen=True)
class Part:
    """One described subset: a named graph (or a set of them) of the export."""

    slug: str
    title: str
    graphs: tuple[str, ...]


@dataclass(frozen=True)
class Dump:
    file_name: str
    media_type: str
    title: str


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def sdg_kos_licence() -> str | None:
    """The licence and citation the UN attaches to the SDG KOS (from its own void.ttl)."""
    source = paths.reference_dir() / "un-sdg-kos" / "void.ttl"
    if not source.is_file():
        return None
    for triple in ox.parse(path=str(source), format=ox.RdfFormat.TURTLE):
        if triple.predicate == _n("dcterms", "license") and isinstance(triple.object, ox.Literal):
            return str(triple.object.value)
    return None


@dataclass
class Statistics:
    """What VoID says of a set of distinct triples: counts, classes and properties used."""

    triples: int = 0
    distinct_subjects: int = 0
    classes: Counter[str] = field(default_factory=Counter)  # class IRI -> instances
    properties: Counter[str] = field(default_factory=Counter)  # property IRI -> triples
    countries: set[str] = field(default_factory=set)  # what documents say they are about
    dates: set[str] = field(default_factory=set)  # lexical forms of the dates stated

    @classmethod
    def of_lines(cls, lines: Sequence[bytes]) -> Statistics:
        """Statistics of distinct, sorted N-Triples lines (subjects and predicates hold no
        space, so a line splits into subject, predicate and the rest)."""
        stats = cls(triples=len(lines))
        subjects = 0
        previous = None
        for line in lines:
            subject = line.split(b" ", 1)[0]
            if subject != previous:  # sorted: one subject's lines are together
                subjects += 1
                previous = subject
            stats._count(line, 1)
        stats.distinct_subjects = subjects
        return stats

    def _count(self, line: bytes, sign: int) -> None:
        """Count one line in (``sign`` 1) or out (-1); a line leaving cannot be taken out of
        the countries and dates, which are sets (another line may give the same)."""
        _subject, predicate, rest = line.split(b" ", 2)
        iri = predicate[1:-1].decode("utf-8")
        self.properties[iri] += sign
        if predicate == _RDF_TYPE_TEXT and rest.startswith(b"<"):
            self.classes[rest[1:-3].decode("utf-8")] += sign  # "<C> ."
        elif iri == SPKG_COUNTRY and rest.startswith(b"<"):
            self._grow(self.countries, rest[1:-3].decode("utf-8"), sign)
        elif iri in DATE_PREDICATES and rest.startswith(b'"'):
            self._grow(self.dates, rest[1:].split(b'"', 1)[0].decode("utf-8"), sign)

    @staticmethod
    def _grow(values: set[str], value: str, sign: int) -> None:
        if sign < 0:
            raise ValueError(f"cannot take {value!r} out of a set of statistics")
        values.add(value)

    def changed(self, added: Iterable[bytes], removed: Iterable[bytes], *,
                subjects_added: int, subjects_removed: int) -> Statistics:
        """These statistics after distinct lines joined and left the set they count.

        ValueError where a line giving a country or a date leaves: count those anew.
        """
        stats = Statistics(self.triples, self.distinct_subjects + subjects_added
                           - subjects_removed, Counter(self.classes),
                           Counter(self.properties), set(self.countries), set(self.dates))
        for line in added:
            stats.triples += 1
            stats._count(line, 1)
        for line in removed:
            stats.triples -= 1
            stats._count(line, -1)
        stats.classes = +stats.classes  # drop what no line counts any more
        stats.properties = +stats.properties
        return stats


_RDF_TYPE_TEXT = str(RDF_TYPE).encode("utf-8")


def _partitions(node: ox.NamedNode, stats: Statistics) -> Iterable[ox.Triple]:
    yield ox.Triple(node, _n("void", "triples"), _int(stats.triples))
    yield ox.Triple(node, _n("void", "distinctSubjects"), _int(stats.distinct_subjects))
    yield ox.Triple(node, _n("void", "classes"), _int(len(stats.classes)))
    yield ox.Triple(node, _n("void", "properties"), _int(len(stats.properties)))
    for cls, count in stats.classes.items():
        part = ox.NamedNode(f"{node.value}/class/{_hash(cls)}")
        yield ox.Triple(node, _n("void", "classPartition"), part)
        yield ox.Triple(part, _n("void", "class"), ox.NamedNode(cls))
        yield ox.Triple(part, _n("void", "entities"), _int(count))
    for prop, count in stats.properties.items():
        part = ox.NamedNode(f"{node.value}/property/{_hash(prop)}")
        yield ox.Triple(node, _n("void", "propertyPartition"), part)
        yield ox.Triple(part, _n("void", "property"), ox.NamedNode(prop))
        yield ox.Triple(part, _n("void", "triples"), _int(count))


def _typed(node: ox.NamedNode, cls: ox.NamedNode) -> ox.Triple:
    return ox.Triple(node, RDF_TYPE, cls)


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=_n("xsd", "date"))


def _first_and_last_day(value: str) -> tuple[str, str] | None:
    """The days an xsd:date, gYearMonth or gYear lexical form spans; None if it is none."""
    try:
        if len(value) == 4:
            return f"{int(value):04d}-01-01", f"{int(value):04d}-12-31"
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
        return (value, value) if dt.date.fromisoformat(value) else None
    except ValueError:
        return None


def _period(dates: set[str]) -> tuple[str, str] | None:
    """The first and last day the documents' dates cover."""
    spans = [span for span in map(_first_and_last_day, dates) if span]
    if not spans:
        return None
    return min(first for first, _ in spans), max(last for _, last in spans)


def _catalogue_record(root: ox.NamedNode, stats: Statistics,
                      endpoint: ox.NamedNode) -> list[ox.Triple]:
    """Publisher, contact point, keywords, theme, coverage and the endpoint as a service."""
    publisher = ox.NamedNode(PUBLISHER_IRI)
    contact = ox.NamedNode(CONTACT_IRI)
    service = ox.NamedNode(SERVICE_IRI)
    theme = ox.NamedNode(EU_DATA_THEMES + "SOCI")
    out = [
        ox.Triple(root, _n("dcterms", "publisher"), publisher),
        _typed(publisher, _n("foaf", "Agent")),
        ox.Triple(publisher, _n("foaf", "name"), _en("spkg developers")),
        ox.Triple(root, _n("dcat", "contactPoint"), contact),
        _typed(contact, _n("vcard", "Kind")),
        _typed(contact, _n("vcard", "Organization")),
        ox.Triple(contact, _n("vcard", "fn"), ox.Literal("spkg developers")),
        ox.Triple(contact, _n("vcard", "hasURL"), ox.NamedNode(BASE)),
        ox.Triple(root, _n("dcat", "theme"), theme),
        _typed(theme, _n("skos", "Concept")),
        ox.Triple(root, _n("dcat", "landingPage"), ox.NamedNode(BASE)),
        *(ox.Triple(root, _n("dcat", "keyword"), _en(k)) for k in KEYWORDS),
        ox.Triple(root, _n("dcat", "service"), service),
        _typed(service, _n("dcat", "DataService")),
        ox.Triple(service, _n("dcterms", "title"), _en("spkg SPARQL 1.1 endpoint")),
        ox.Triple(service, _n("dcat", "endpointURL"), endpoint),
        ox.Triple(service, _n("dcat", "endpointDescription"), endpoint),
        ox.Triple(service, _n("dcat", "servesDataset"), root),
        ox.Triple(service, _n("dcterms", "license"), ox.NamedNode(DATA_LICENCE)),
    ]
    for country in sorted(stats.countries):
        out += [ox.Triple(root, _n("dcterms", "spatial"), ox.NamedNode(country)),
                _typed(ox.NamedNode(country), _n("dcterms", "Location"))]
    period = _period(stats.dates)
    if period:
        node = ox.NamedNode(f"{DATASET_IRI}/period/{period[0]}--{period[1]}")
        out += [ox.Triple(root, _n("dcterms", "temporal"), node),
                _typed(node, _n("dcterms", "PeriodOfTime")),
                ox.Triple(node, _n("dcat", "startDate"), _date(period[0])),
                ox.Triple(node, _n("dcat", "endDate"), _date(period[1]))]
    return out


def _distribution(root: ox.NamedNode, dump: Dump, download_base: str) -> list[ox.Triple]:
    url = ox.NamedNode(download_base + dump.file_name)
    dist = ox.NamedNode(f"{DATASET_IRI}/distribution/{dump.file_name}")
    media = ox.NamedNode(IANA_MEDIA_TYPES + dump.media_type)
    out = [
        ox.Triple(root, _n("void", "dataDump"), url),
        ox.Triple(root, _n("dcat", "distribution"), dist),
        _typed(dist, _n("dcat", "Distribution")),
        ox.Triple(dist, _n("dcterms", "title"), _en(dump.title)),
        ox.Triple(dist, _n("dcterms", "description"), _en(
            f"{dump.title}, as {dump.media_type}: a complete download of that part.")),
        ox.Triple(dist, _n("dcat", "accessURL"), url),
        ox.Triple(dist, _n("dcat", "downloadURL"), url),
        ox.Triple(dist, _n("dcat", "mediaType"), media),
        _typed(media, _n("dcterms", "MediaType")),
        ox.Triple(dist, _n("dcterms", "license"), ox.NamedNode(DATA_LICENCE)),
    ]
    file_type = FILE_TYPES.get(dump.media_type)
    if file_type:
        node = ox.NamedNode(EU_FILE_TYPES + file_type)
        out += [ox.Triple(dist, _n("dcterms", "format"), node),
                _typed(node, _n("dcterms", "MediaTypeOrExtent"))]
    return out


def describe(
    whole: Statistics,
    parts: Sequence[tuple[Part, Statistics]],
    dumps: Sequence[Dump],
    *,
    base_url: str = DEFAULT_BASE_URL,
    endpoint: str | None = None,
    download_base: str | None = None,
) -> list[ox.Triple]:
    """VoID + DCAT triples: the whole dataset, a void:subset per part, a distribution per dump.

    ``endpoint`` and ``download_base`` default to ``{base_url}sparql`` and ``{base_url}dist/``.
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    endpoint_node = ox.NamedNode(endpoint or base + "sparql")
    downloads = download_base or base + "dist/"
    root = ox.NamedNode(DATASET_IRI)
    licence = ox.NamedNode(DATA_LICENCE)
    out: list[ox.Triple] = [
        _typed(root, _n("void", "Dataset")),
        _typed(root, _n("dcat", "Dataset")),
        ox.Triple(root, _n("dcterms", "title"), _en("spkg: the social protection knowledge graph")),
        ox.Triple(root, _n("dcterms", "description"), _en(
            "ILO results, national programmes, institutions, ILO instruments and SDG targets read "
            "from ILO documents, with the sentence each fact came from, an OWL ontology and the "
            "triples OWL 2 RL reasoning infers.")),
        ox.Triple(root, _n("dcterms", "license"), licence),
        _typed(licence, _n("dcterms", "LicenseDocument")),
        ox.Triple(root, _n("dcat", "version"), ox.Literal(__version__)),
        ox.Triple(root, _n("owl", "versionInfo"), ox.Literal(__version__)),
        ox.Triple(root, _n("void", "uriSpace"), ox.Literal(BASE + "id/")),
        ox.Triple(root, _n("void", "sparqlEndpoint"), endpoint_node),
        ox.Triple(root, _n("void", "vocabulary"), ox.NamedNode(PREFIXES["spkg"])),
    ]
    out += _catalogue_record(root, whole, endpoint_node)
    out += _partitions(root, whole)
    for part, stats in parts:
        node = ox.NamedNode(f"{DATASET_IRI}/{part.slug}")
        out += [
            ox.Triple(root, _n("void", "subset"), node),
            _typed(node, _n("void", "Dataset")),
            ox.Triple(node, _n("dcterms", "title"), _en(part.title)),
            *(ox.Triple(node, _n("sd", "name"), ox.NamedNode(g)) for g in part.graphs),
        ]
        out += _partitions(node, stats)
        if part.slug == "reference":
            out += _sdg_citation(node)
        else:
            out.append(ox.Triple(node, _n("dcterms", "license"), licence))
    for dump in dumps:
        out += _distribution(root, dump, downloads)
    return sorted(set(out), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _sdg_citation(node: ox.NamedNode) -> list[ox.Triple]:
    licence = sdg_kos_licence()
    triples = [ox.Triple(node, _n("dcterms", "source"), ox.NamedNode(SDG_KOS))]
    if licence:
        triples.append(ox.Triple(node, _n("dcterms", "rights"), ox.Literal(licence)))
        citation = licence.split("citation:", 1)[-1].strip()
        triples.append(ox.Triple(node, _n("dcterms", "bibliographicCitation"),
                                 ox.Literal(citation)))
    return triples


@dataclass
class Described:
    """What an earlier description states: statistics of the whole and of each part (by
    slug), and each part's graphs; spkg add updates these instead of counting anew."""

    whole: Statistics
    parts: dict[str, Statistics]
    graphs: dict[str, list[str]]


def read_description(data: bytes) -> Described:
    """The statistics of a description written by :func:`describe` (its Turtle bytes).

    Of the dates only the period's first and last days are stated: they stand for the rest
    (the period is all that is published of them).
    """
    by_subject: dict[str, list[tuple[str, ox.NamedNode | ox.Literal | ox.BlankNode]]] = {}
    for triple in ox.parse(data, format=ox.RdfFormat.TURTLE):
        by_subject.setdefault(str(triple.subject.value), []).append(
            (triple.predicate.value, triple.object))

    def values(node: str, prefix: str, local: str) -> list[str]:
        wanted = _VOCABULARIES[prefix] + local
        return [str(o.value) for p, o in by_subject.get(node, []) if p == wanted]

    def number(node: str, local: str) -> int:
        found = values(node, "void", local)
        return int(found[0]) if found else 0

    def statistics(node: str) -> Statistics:
        stats = Statistics(number(node, "triples"), number(node, "distinctSubjects"))
        for part in values(node, "void", "classPartition"):
            stats.classes[values(part, "void", "class")[0]] = number(part, "entities")
        for part in values(node, "void", "propertyPartition"):
            stats.properties[values(part, "void", "property")[0]] = number(part, "triples")
        return stats

    whole = statistics(DATASET_IRI)
    whole.countries = set(values(DATASET_IRI, "dcterms", "spatial"))
    for period in values(DATASET_IRI, "dcterms", "temporal"):
        whole.dates.update(values(period, "dcat", "startDate") + values(period, "dcat", "endDate"))
    parts = {node.rsplit("/", 1)[1]: statistics(node)
             for node in values(DATASET_IRI, "void", "subset")}
    graphs = {node.rsplit("/", 1)[1]: values(node, "sd", "name")
              for node in values(DATASET_IRI, "void", "subset")}
    return Described(whole, parts, graphs)
