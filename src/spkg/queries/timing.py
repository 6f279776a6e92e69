"""Median latency of each stored query on the seed graph, rdflib vs oxigraph.

``python -m spkg.queries.timing [--runs 5]`` prints a Markdown table. It times
``run_stored`` (parameter binding, label lookups and the query) on an already loaded
store, so load time is reported apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from spkg.queries.catalogue import catalogue
from spkg.queries.golden import answer, seed_dataset
from spkg.store.memory import RdflibStore
from spkg.store.oxigraph import OxigraphStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spkg.queries.timing")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    dataset = seed_dataset()
    built = time.perf_counter() - started
    quads = sum(len(g) for g in dataset.graphs())
    rdflib_store = RdflibStore(dataset)
    started = time.perf_counter()
    oxigraph_store = OxigraphStore()
    oxigraph_store.load(dataset)
    loaded = time.perf_counter() - started
    print(f"seed graph: {quads} quads; load_built {built:.2f} s; oxigraph bulk load {loaded:.2f} s")
    print("\n| query | rows | rdflib median ms | oxigraph median ms | speed-up |")
    print("|---|---:|---:|---:|---:|")
    for name, stored in catalogue().items():
        medians = []
        for store in (rdflib_store, oxigraph_store):
            answer(store, stored)  # warm up: parse caches, label lookups
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                rows = len(answer(store, stored).rows)
                times.append(time.perf_counter() - started)
            medians.append(statistics.median(times) * 1000)
        print(f"| {name} | {rows} | {medians[0]:.0f} | {medians[1]:.1f} | "
              f"{medians[0] / medians[1]:.0f}× |")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
