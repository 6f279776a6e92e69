"""One background dataset (ontology + reference data) for many small validations.

Parsing the background (~14k triples of Turtle) or copying it into a new dataset for each
validation was a third to a half of a small validation's time; instead a test adds its
data to one background dataset for the validation and takes exactly that out again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.term import Node

from spkg.dataset import load_background, load_files, new_dataset


def background_dataset() -> Dataset:
    """The ontology and reference graphs, as ``spkg.dataset.load_asserted`` starts them."""
    dataset: Dataset = new_dataset()
    load_background(dataset)
    return dataset


@contextmanager
def with_background(background: Dataset, path: Path) -> Iterator[Dataset]:
    """``background`` with the triples of ``path`` added for the block, then exactly those
    taken out again, and any graph the file brought."""
    data = Dataset(default_union=True)
    load_files(data, [path])
    known = {graph.identifier for graph in background.graphs()}
    added: list[tuple[Graph, tuple[Node, Node, Node]]] = []
    try:
        for graph in data.graphs():
            into = background.graph(graph.identifier)
            for triple in graph:
                if triple not in into:  # already there: not the file's to take out
                    into.add(triple)
                    added.append((into, triple))
        yield background
    finally:
        for into, triple in added:
            into.remove(triple)
        for graph in list(background.graphs()):
            if graph.identifier not in known:
                background.remove_graph(graph)
