"""Shared loading for the reasoning tests: the real ontology and reference data plus fixtures."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph

from spkg.dataset import load_asserted
from spkg.namespace import INFERRED_GRAPH, REFERENCE_GRAPH, SPKG, mint
from spkg.rdfio import parse_into

FIXTURES = Path(__file__).resolve().parent
DOCUMENTS = FIXTURES / "documents.trig"
CLASH = FIXTURES / "clash.trig"
PLACES = FIXTURES / "places.ttl"


def fixture_dataset(*files: Path) -> Dataset:
    """Ontology + reference data + the given document graphs (the places stand-in only when
    data/reference/places.ttl does not yet say Khyber Pakhtunkhwa is part of Pakistan)."""
    dataset = load_asserted(list(files))
    kp, pakistan = mint("place", "Khyber Pakhtunkhwa"), mint("place", "Pakistan")
    if (kp, SPKG.partOf, pakistan) not in dataset.graph(REFERENCE_GRAPH):
        parse_into(dataset, PLACES, graph=REFERENCE_GRAPH)
    return dataset


def asserted_union(dataset: Dataset) -> set:
    return {(s, p, o) for s, p, o, g in dataset.quads((None, None, None, None))
            if g != INFERRED_GRAPH}


@cache
def seed_graph_files() -> tuple[Path, ...]:
    """data/graphs/*.trig when ingestion has committed them, else the fixture documents."""
    from spkg.dataset import document_graph_files

    return tuple(document_graph_files()) or (DOCUMENTS,)


def graph_set(graph: Graph) -> set:
    return set(graph)
