"""A stored query against a rewrite of it: the same rows, in order, and the time of each.

    python -m bench.query_rewrite provenance new.rq --store bench/out/build-100k \\
        "$(python -m bench.build_1m)" -p resource=id:programme/synthetic-0000000-programme

For each store (a build folder or a pyoxigraph store folder, opened read-only) both texts
are bound the same way as the benchmarks bind them (VALUES) and run by pyoxigraph alone,
interleaved, ``--repeat`` times; the CPU time (``time.process_time``, steadier than wall
time on a shared machine) and wall time are the best of the runs. Exit 1 if any store
answers differently: a rewrite for speed must not change a row or its place.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

Rows = list[tuple[str | None, ...]]


def _open(folder: Path) -> Any:
    import pyoxigraph as ox

    store = folder / "store" if (folder / "manifest.json").is_file() else folder
    return ox.Store.read_only(str(store))


def _run(store: Any, text: str, repeat: int) -> tuple[Rows, float, float]:
    """The rows (every cell read, as a client would) and the best CPU and wall seconds."""
    rows: Rows = []
    cpu = wall = float("inf")
    for _ in range(repeat):
        started, used = time.perf_counter(), time.process_time()
        rows = [tuple(None if cell is None else str(cell) for cell in solution)
                for solution in store.query(text, use_default_graph_as_union=True)]
        cpu = min(cpu, time.process_time() - used)
        wall = min(wall, time.perf_counter() - started)
    return rows, cpu, wall


def compare(name: str, candidate: str, stores: list[Path], params: dict[str, str],
            repeat: int) -> bool:
    from spkg.queries import bind_parameters, catalogue
    from spkg.rdfcore.values import insert_values
    from spkg.store.oxigraph import OxigraphStore

    stored = catalogue()[name]
    same = True
    for folder in stores:
        store = _open(folder)
        bindings = bind_parameters(stored, params, OxigraphStore(store=store, terms="oxigraph",
                                                                 read_only=True))
        old, old_cpu, old_wall = _run(store, insert_values(stored.text, bindings), repeat)
        new, new_cpu, new_wall = _run(store, insert_values(candidate, bindings), repeat)
        verdict = ("same rows" if old == new else
                   "same rows, another order" if sorted(map(repr, old)) == sorted(map(repr, new))
                   else "DIFFERENT rows")
        same &= old == new
        print(f"{folder}: {len(old)} / {len(new)} rows, {verdict}; stored "
              f"{old_cpu * 1000:.1f} ms CPU ({old_wall * 1000:.1f} wall), rewrite "
              f"{new_cpu * 1000:.1f} ms CPU ({new_wall * 1000:.1f} wall)")
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.query_rewrite",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("name", help="the stored query (queries/NAME.rq)")
    parser.add_argument("candidate", type=Path, help="the rewritten query text")
    parser.add_argument("--store", type=Path, nargs="+", required=True,
                        help="build folders or pyoxigraph store folders")
    parser.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    params = dict(pair.partition("=")[::2] for pair in args.param)
    candidate = args.candidate.read_text(encoding="utf-8")
    return 0 if compare(args.name, candidate, args.store, params, args.repeat) else 1


if __name__ == "__main__":
    sys.exit(main())
