"""Lookups in the reference data that the record fields need: SDG goals and targets,
keyword concepts in any language, R202 principles and places (countries by ISO code).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from spkg.ingest.gazetteer import Gazetteer, entries_from_graph
from spkg.namespace import SDG, SDGO, SPKG, mint

KEYWORD_CLASSES = (SPKG.PopulationGroup, SPKG.PolicyArea, SPKG.Contingency)
PLACE_CLASSES = (SPKG.Country, SPKG.Province, SPKG.Territory, SPKG.Place)
_NON_WORD = re.compile(r"[^\w]+")


def label_key(text: str) -> str:
    """Casefolded words without accents or punctuation: "Monitoring / evaluation" →
    "monitoring evaluation", "niños" → "ninos"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(_NON_WORD.sub(" ", ascii_text.casefold()).split())


@dataclass(frozen=True)
class Place:
    iri: URIRef
    label: str
    cls: URIRef
    known: bool  # in the reference data (else the document graph must type and label it)


class Vocabulary:
    """Name and code indexes over one reference graph."""

    def __init__(self, graph: Graph, gazetteer: Gazetteer | None = None) -> None:
        self.graph = graph
        self._goals: dict[str, URIRef] = {}
        for goal in graph.subjects(RDF.type, SDGO.Goal):
            for label in graph.objects(goal, SKOS.prefLabel):
                self._goals[label_key(str(label))] = goal  # type: ignore[assignment]
        self._targets = {str(t) for t in graph.subjects(RDF.type, SDGO.Target)}
        self._keywords: dict[str, tuple[URIRef, str | None]] = {}
        for cls in KEYWORD_CLASSES:
            for concept in sorted(graph.subjects(RDF.type, cls), key=str):
                for predicate in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
                    for label in sorted(graph.objects(concept, predicate), key=str):
                        language = label.language if isinstance(label, Literal) else None
                        key = label_key(str(label))
                        self._keywords.setdefault(key, (concept, language))  # type: ignore[arg-type]
        self._principles: dict[str, URIRef] = {}
        for principle in graph.subjects(RDF.type, SPKG.R202Principle):
            for notation in graph.objects(principle, SKOS.notation):
                self._principles[label_key(str(notation))] = principle  # type: ignore[assignment]
        # Places are looked up in the gazetteer: one index of the reference names, one
        # normaliser (spkg.ingest.gazetteer.normalise_name) for documents and fields alike.
        self._gazetteer = gazetteer

    def goal(self, title: str) -> URIRef | None:
        """The SDG goal whose title is ``title`` ("End poverty in all its forms everywhere")."""
        return self._goals.get(label_key(title))

    def target(self, notation: str) -> URIRef | None:
        """The SDG target "1.3" as its UN IRI, if the SDG KOS has it."""
        iri = SDG[notation]
        return iri if str(iri) in self._targets else None

    def keyword(self, label: str) -> tuple[URIRef, str | None] | None:
        """The reference concept labelled ``label`` in any language, and that label's language."""
        return self._keywords.get(label_key(label))

    def principle(self, letter: str) -> URIRef:
        """The R202 paragraph 3 principle "(e)" (minted per docs/contract.md if not in the data)."""
        known = self._principles.get(label_key(f"({letter})"))
        return known or mint("principle", f"r202-3{letter}")

    def _gazetteer_or_own(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(entries_from_graph(self.graph))
        return self._gazetteer

    def country_by_code(self, alpha3: str) -> Place | None:
        """A country from its ISO 3166 alpha-3 code ("PAK" → Pakistan)."""
        entry = self._gazetteer_or_own().lookup(alpha3.upper(), {SPKG.Country})
        if entry is None or alpha3.upper() not in entry.notations:
            return None
        return Place(entry.iri, entry.label, entry.cls, True)

    def country_by_name(self, name: str) -> Place | None:
        """A country from its English name or a well-known alternative ("Viet Nam", "Vietnam").

        data/reference/places.ttl holds every ISO 3166-1 country with its official and
        common names as labels, so no second country list is needed here.
        """
        entry = self._gazetteer_or_own().lookup(name, {SPKG.Country})
        return Place(entry.iri, entry.label, entry.cls, True) if entry is not None else None


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary of the bundled reference data (read once per process, from the same
    parsed graph and gazetteer as the prose extraction)."""
    from spkg.ingest.gazetteer import bundled_reference_graph, load_gazetteer

    return Vocabulary(bundled_reference_graph(), load_gazetteer())
