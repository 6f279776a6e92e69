"""The VoID + DCAT description of an export: what is in each graph, and where each dump is."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from spkg import __version__, paths
from spkg.export.prefixes import PREFIXES
from spkg.namespace import BASE

DATASET_IRI = BASE + "dataset"
DEFAULT_ENDPOINT = "http://127.0.0.1:8000/sparql"
DEFAULT_DOWNLOAD_BASE = BASE + "dist/"
PROJECT_LICENCE = "https://spdx.org/licenses/MIT"  # the licence in pyproject.toml
SDG_KOS = "http://metadata.un.org/sdg"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")


def _n(prefix: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES[prefix] + local)


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

    @classmethod
    def of_lines(cls, lines: Sequence[bytes]) -> Statistics:
        """Statistics of distinct, sorted N-Triples lines (subjects and predicates hold no
        space, so a line splits into subject, predicate and the rest)."""
        stats = cls(triples=len(lines))
        subjects = 0
        previous = None
        for line in lines:
            subject, predicate, rest = line.split(b" ", 2)
            if subject != previous:  # sorted: one subject's lines are together
                subjects += 1
                previous = subject
            iri = predicate[1:-1].decode("utf-8")
            stats.properties[iri] += 1
            if predicate == _RDF_TYPE_TEXT and rest.startswith(b"<"):
                stats.classes[rest[1:-3].decode("utf-8")] += 1  # "<C> ."
        stats.distinct_subjects = subjects
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


def describe(
    whole: Statistics,
    parts: Sequence[tuple[Part, Statistics]],
    dumps: Sequence[Dump],
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    download_base: str = DEFAULT_DOWNLOAD_BASE,
) -> list[ox.Triple]:
    """VoID + DCAT triples: the whole dataset, a void:subset per part, a distribution per dump."""
    root = ox.NamedNode(DATASET_IRI)
    out: list[ox.Triple] = [
        ox.Triple(root, RDF_TYPE, _n("void", "Dataset")),
        ox.Triple(root, RDF_TYPE, _n("dcat", "Dataset")),
        ox.Triple(root, _n("dcterms", "title"), _en("spkg: the social protection knowledge graph")),
        ox.Triple(root, _n("dcterms", "description"), _en(
            "ILO results, national programmes, institutions, ILO instruments and SDG targets read "
            "from ILO documents, with the sentence each fact came from, an OWL ontology and the "
            "triples OWL 2 RL reasoning infers.")),
        ox.Triple(root, _n("dcterms", "license"), ox.NamedNode(PROJECT_LICENCE)),
        ox.Triple(root, _n("dcat", "version"), ox.Literal(__version__)),
        ox.Triple(root, _n("owl", "versionInfo"), ox.Literal(__version__)),
        ox.Triple(root, _n("void", "uriSpace"), ox.Literal(BASE + "id/")),
        ox.Triple(root, _n("void", "sparqlEndpoint"), ox.NamedNode(endpoint)),
        ox.Triple(root, _n("void", "vocabulary"), ox.NamedNode(PREFIXES["spkg"])),
    ]
    out += _partitions(root, whole)
    for part, stats in parts:
        node = ox.NamedNode(f"{DATASET_IRI}/{part.slug}")
        out += [
            ox.Triple(root, _n("void", "subset"), node),
            ox.Triple(node, RDF_TYPE, _n("void", "Dataset")),
            ox.Triple(node, _n("dcterms", "title"), _en(part.title)),
            *(ox.Triple(node, _n("sd", "name"), ox.NamedNode(g)) for g in part.graphs),
        ]
        out += _partitions(node, stats)
        if part.slug == "reference":
            out += _sdg_citation(node)
    for dump in dumps:
        url = ox.NamedNode(download_base + dump.file_name)
        dist = ox.NamedNode(f"{DATASET_IRI}/distribution/{dump.file_name}")
        out += [
            ox.Triple(root, _n("void", "dataDump"), url),
            ox.Triple(root, _n("dcat", "distribution"), dist),
            ox.Triple(dist, RDF_TYPE, _n("dcat", "Distribution")),
            ox.Triple(dist, _n("dcterms", "title"), _en(dump.title)),
            ox.Triple(dist, _n("dcat", "downloadURL"), url),
            ox.Triple(dist, _n("dcat", "mediaType"),
                      ox.NamedNode(IANA_MEDIA_TYPES + dump.media_type)),
        ]
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
