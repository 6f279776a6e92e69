"""Push throughput and query latency on real remote stores (Oxigraph server, Virtuoso).

For a synthetic dataset (bench/generate_graph.py, plus the ontology and reference graphs),
each store is started on loopback in a temporary folder, the dataset pushed with
`spkg.push.push_dataset` (timed: triples/s), pushed again (a merge re-run: nothing new,
timed), and every stored query run with the main benchmark's parameters (median of
--repeat runs),
next to the same queries on rdflib and pyoxigraph in memory.

    .venv/bin/python bench/push_bench.py --triples 100000
    .venv/bin/python bench/push_bench.py --triples 1000000 --stores oxigraph

Writes bench/out/push_bench.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from rdflib import Dataset  # noqa: E402

from spkg.dataset import load_background, new_dataset  # noqa: E402
from spkg.push import push_dataset  # noqa: E402
from spkg.queries.catalogue import catalogue  # noqa: E402
from spkg.queries.runner import run_stored  # noqa: E402
from spkg.store.base import Store  # noqa: E402
from spkg.store.remote import RemoteStore  # noqa: E402


def synthetic_dataset(triples: int, seed: int) -> Dataset:
    """Background graphs plus about ``triples`` of synthetic document graphs."""
    from bench.generate_graph import iter_quads

    dataset = new_dataset()
    load_background(dataset)
    for s, p, o, g in iter_quads(triples, seed):
        dataset.add((s, p, o, g))  # type: ignore[arg-type]
    return dataset


def query_latencies(store: Store, repeat: int) -> dict[str, float | str]:
    """Median seconds per stored query (or the error's first words), with the parameters
    the main benchmark binds on the synthetic data (the README's examples name seed
    entities, which the synthetic graph does not have)."""
    from bench.stages import QUERY_PARAMS

    times: dict[str, float | str] = {}
    for name, stored in catalogue().items():
        params = QUERY_PARAMS.get(name, {})
        samples = []
        try:
            for _ in range(repeat):
                started = time.perf_counter()
                run_stored(store, stored, params, timeout=300)
                samples.append(time.perf_counter() - started)
        except Exception as error:  # a failing query is a finding, not a crash
            times[name] = f"error: {' '.join(str(error).split())[:80]}"
            continue
        times[name] = statistics.median(samples)
    return times


def start_server(kind: str, folder: Path) -> Any:
    from servers import OxigraphServer, VirtuosoServer

    if kind == "oxigraph":
        return OxigraphServer(folder / "data").start()
    return VirtuosoServer(folder).start()


def bench_store(kind: str, dataset: Dataset, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"push-bench-{kind}-") as tmp:
        server = start_server(kind, Path(tmp))
        try:
            store = RemoteStore(server.url, store=kind, user=getattr(server, "user", None),
                                password=getattr(server, "password", None), timeout=600)
            first = push_dataset(dataset, store, batch_size=args.batch_size, progress=False)
            again = push_dataset(dataset, store, batch_size=args.batch_size, progress=False)
            latencies = query_latencies(store, args.repeat)
            store.close()
        finally:
            server.stop()
    return {
        "store": kind,
        "triples": first.triples_sent,
        "graphs": len(first.checks),
        "requests": first.batches,
        "push_seconds": round(first.seconds, 2),
        "triples_per_second": round(first.rate),
        "rerun_seconds": round(again.seconds, 2),
        "counts_match": first.ok and again.ok,
        "queries": latencies,
    }


def bench_local(name: str, make: Callable[[], Store], dataset: Dataset,
                repeat: int) -> dict[str, Any]:
    started = time.perf_counter()
    store = make()
    if name == "pyoxigraph":
        store.load(dataset)
    return {"store": name, "load_seconds": round(time.perf_counter() - started, 2),
            "queries": query_latencies(store, repeat)}


def markdown(results: list[dict[str, Any]]) -> str:
    lines = ["| store | triples | graphs | requests | push s | triples/s | re-run s |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in results:
        if "push_seconds" in row:
            lines.append(f"| {row['store']} | {row['triples']} | {row['graphs']} | "
                         f"{row['requests']} | {row['push_seconds']} | "
                         f"{row['triples_per_second']} | {row['rerun_seconds']} |")
    names = sorted({q for row in results for q in row["queries"]})
    lines += ["", "| query (median ms) | " + " | ".join(r["store"] for r in results) + " |",
              "|---|" + "---:|" * len(results)]
    for name in names:
        cells = []
        for row in results:
            value = row["queries"].get(name, "")
            cells.append(f"{value * 1000:.0f}" if isinstance(value, float) else str(value)[:40])
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stores", default="oxigraph,virtuoso")
    parser.add_argument("--local", default="rdflib,pyoxigraph",
                        help="in-memory stores to compare query latency with ('' for none)")
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "bench/out/push_bench.json")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    dataset = synthetic_dataset(args.triples, args.seed)
    print(f"dataset built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    results = [bench_store(kind, dataset, args) for kind in args.stores.split(",") if kind]
    local_stores: dict[str, Callable[[], Store]] = {}
    if "rdflib" in args.local:
        from spkg.store.memory import RdflibStore

        local_stores["rdflib"] = lambda: RdflibStore(dataset)
    if "pyoxigraph" in args.local:
        from spkg.store.oxigraph import OxigraphStore

        local_stores["pyoxigraph"] = lambda: OxigraphStore()
    results += [bench_local(name, make, dataset, args.repeat)
                for name, make in local_stores.items()]

    from spkg.atomic import atomic_write_text

    args.output.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.output, json.dumps({"triples_requested": args.triples, "seed": args.seed,
                                        "batch_size": args.batch_size, "results": results},
                                       indent=2) + "\n")
    print(markdown(results))
    return 0 if all(row.get("counts_match", True) for row in results) else 1


if __name__ == "__main__":
    sys.exit(main())
