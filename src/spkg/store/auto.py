"""The automatic store choice: rdflib in memory for small graphs, pyoxigraph above a size.

rdflib is the reference and what reasoning and validation work on; pyoxigraph loads,
queries and serialises one to two orders of magnitude faster (bench/RESULTS.md) and holds
a large graph in far less memory. The size where the difference starts to matter to a
person waiting for an answer is a few hundred thousand triples.
"""

from __future__ import annotations

from typing import Any

from rdflib import Dataset

# Above this many quads ``auto`` picks pyoxigraph (rdflib queries at 100k quads already take
# seconds where pyoxigraph takes milliseconds; see bench/RESULTS.md).
AUTO_OXIGRAPH_ABOVE = 200_000


def choose_store(quads: int) -> str:
    """"oxigraph" above AUTO_OXIGRAPH_ABOVE quads, else "rdflib"."""
    return "oxigraph" if quads > AUTO_OXIGRAPH_ABOVE else "rdflib"


def open_auto(dataset: Dataset | None = None, **options: Any) -> Any:
    """``open_store("auto", dataset=…)``: the store :func:`choose_store` picks, with the data in."""
    from spkg.store.memory import RdflibStore

    if dataset is None:
        return RdflibStore(**options)
    quads = sum(len(graph) for graph in dataset.graphs())
    if choose_store(quads) == "rdflib":
        return RdflibStore(dataset)
    from spkg.store.oxigraph import OxigraphStore

    store = OxigraphStore(**options)
    store.load(dataset)
    return store
