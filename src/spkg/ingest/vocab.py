"""Lookups in the reference data that the record fields need: SDG goals and targets,
keyword concepts in any language, R202 principles and places (countries by ISO code).

Every lookup by name goes through the gazetteer (spkg.ingest.gazetteer): one index of the
reference graph's names, one normaliser (normalise_name) for the prose and the fields alike.
This module only knows which resources are goals, targets, concepts and principles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from spkg.ingest.gazetteer import Gazetteer, Label, entries_from_graph, labels_from_graph
from spkg.namespace import SDG, SDGO, SPKG, mint

KEYWORD_CLASSES = (SPKG.PopulationGroup, SPKG.PolicyArea, SPKG.Contingency)
# "Goal 8", "SDG 8 – …", "Objectif 1 :", "ODS 5", "Goal No. 1"; or a bare "8." before a title
_GOAL_NUMBER = re.compile(
    r"^\s*(?:(?:SDGs?|Goal|Objective|Objectif|Objetivo|ODD|ODS)\s*(?:No\.?|n[°º]|#)?\s*"
    r"(?P<named>\d{1,2})|(?P<bare>\d{1,2}))(?!\d|\.\d)\s*[:.\-–—)]?\s*(?P<rest>.*)$",
    re.IGNORECASE)
PLACE_CLASSES = (SPKG.Country, SPKG.Province, SPKG.Territory, SPKG.Place)
# Of two concepts that share a name, the first in this order wins, as the fields always read
_LABEL_ORDER = {RDFS.label: 0, SKOS.prefLabel: 1, SKOS.altLabel: 2}


@dataclass(frozen=True)
class Place:
    iri: URIRef
    label: str
    cls: URIRef
    known: bool  # in the reference data (else the document graph must type and label it)


class Vocabulary:
    """The record fields' lookups, by name in the gazetteer and by class in the graph."""

    def __init__(self, graph: Graph, gazetteer: Gazetteer | None = None) -> None:
        self.graph = graph
        self._gazetteer = gazetteer
        self._goals = set(graph.subjects(RDF.type, SDGO.Goal))
        self._targets = {str(t) for t in graph.subjects(RDF.type, SDGO.Target)}
        self._principles = set(graph.subjects(RDF.type, SPKG.R202Principle))
        # a concept's rank: the first keyword class it belongs to
        self._keyword_rank: dict[URIRef, int] = {}
        for rank, cls in reversed(list(enumerate(KEYWORD_CLASSES))):
            for concept in graph.subjects(RDF.type, cls):
                if isinstance(concept, URIRef):
                    self._keyword_rank[concept] = rank

    def _labels(self, name: str, predicates: Iterable[URIRef]) -> list[Label]:
        wanted = set(predicates)
        return [label for label in self._gazetteer_or_own().labels(name)
                if label.predicate in wanted]

    def goal(self, title: str) -> URIRef | None:
        """The SDG goal a bullet names: by its title in English, French or Spanish ("End
        poverty in all its forms everywhere"), by its short name ("No poverty"), or by its
        number ("Goal 8", "SDG 8: Decent work …", "ODS 5", "1. End poverty …" where the
        title agrees with the number)."""
        goals = [label.iri for label in self._labels(title, [SKOS.prefLabel, SKOS.altLabel])
                 if label.iri in self._goals]
        if goals:
            return goals[-1]
        numbered = _GOAL_NUMBER.match(title)
        if numbered is None:
            return None
        iri = SDG[str(int(numbered["named"] or numbered["bare"]))]
        if iri not in self._goals:
            return None
        if numbered["named"]:
            return iri
        rest = numbered["rest"].strip()
        return iri if rest and self.goal(rest) == iri else None

    def target(self, notation: str) -> URIRef | None:
        """The SDG target "1.3" as its UN IRI, if the SDG KOS has it."""
        iri = SDG[notation.strip().lower()]
        return iri if str(iri) in self._targets else None

    def keyword(self, label: str) -> tuple[URIRef, str | None] | None:
        """The reference concept labelled ``label`` in any language, and that label's language."""
        found = [(self._keyword_rank[name.iri], str(name.iri), _LABEL_ORDER[name.predicate],
                  name.text, name) for name in self._labels(label, _LABEL_ORDER)
                 if name.iri in self._keyword_rank]
        if not found:
            return None
        best = min(found, key=lambda each: each[:4])[4]
        return best.iri, best.language

    def principle(self, letter: str) -> URIRef:
        """The R202 paragraph 3 principle "(e)" (minted per docs/contract.md if not in the data)."""
        known = [label.iri for label in self._labels(f"({letter})", [SKOS.notation])
                 if label.iri in self._principles]
        return known[-1] if known else mint("principle", f"r202-3{letter}")

    def _gazetteer_or_own(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(entries_from_graph(self.graph),
                                        labels_from_graph(self.graph))
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
