"""The build's on-disk store: `spkg query` processes against pyoxigraph alone, add against build.

    python -m bench.store_bench --scale 100k            # rows → bench/out/store-bench.json
    python -m bench.store_bench --build "$(python -m bench.build_1m)"   # 1M, queries only

Rows, each a whole process timed from outside (wall seconds, median of --repeat):
- ``cli:query:NAME``, engine ``spkg``: ``spkg query NAME --graph BUILD`` (stored query,
  parameters bound, CSV out), peer ``pyoxigraph``: a script that opens the same store
  read-only and runs the same bound query text, reading every value.
- ``build``: ``spkg build`` of the synthetic graph (already ingested graphs, so no ingest);
  ``add``: ``spkg add`` of one generated document to that build (ingest of one document,
  reasoning, validation of its graph, every dump, store and manifest rewritten).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.data import OUT, parse_scale, prepare, scale_name
from bench.stages import QUERY_PARAMS

SPKG = str(Path(sys.executable).parent / "spkg")
# Both sides run with bytecode cached, as an installed spkg does: with
# PYTHONDONTWRITEBYTECODE (set on the shared machine) every `spkg` process compiled its
# own modules again, ~0.1 s that no user pays.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "spkg-bench-pycache")
PEER = """import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
answer = store.query(text, use_default_graph_as_union=True)
if not isinstance(answer, ox.QueryBoolean):
    for row in answer:
        if hasattr(row, "__len__"):
            [row[i] for i in range(len(row))]
"""


def wall(command: list[str], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       env=ENV)
        runs.append(time.perf_counter() - started)
    return runs


def row(stage: str, engine: str, scale: str, triples: int, runs: list[float],
        peer: str | None = None, cpu: list[float] | None = None) -> dict[str, Any]:
    out = {"stage": stage, "engine": engine, "scale": scale, "triples": triples,
           "runs": [round(r, 4) for r in runs], "median_s": round(statistics.median(runs), 4),
           "peer": peer}
    if cpu:  # in process: CPU seconds too, steadier than wall time on a shared machine
        out |= {"cpu_runs": [round(c, 5) for c in cpu],
                "median_cpu_s": round(statistics.median(cpu), 5)}
    return out


def wall_and_cpu(call: Callable[[], object]) -> tuple[float, float]:
    """One timed run (wall and process CPU seconds, every thread) after an untimed warm-up;
    a run of a second or more is its own warm-up."""
    def clock() -> tuple[float, float]:
        started, used = time.perf_counter(), time.process_time()
        call()
        return time.perf_counter() - started, time.process_time() - used

    wall, cpu = clock()
    return clock() if wall < 1.0 else (wall, cpu)


def make_build(graph: Path, out: Path) -> float:
    code = ("from pathlib import Path; from spkg.build import build; "
            f"build(Path({str(out)!r}), graph_files=[Path({str(graph)!r})], "
            "allow_invalid=True, progress=False)")
    return wall([sys.executable, "-c", code], 1)[0]


def query_rows(build: Path, scale: str, triples: int, repeat: int, work: Path,
               only: list[str] | None = None) -> list[dict[str, Any]]:
    from spkg.queries import bind_parameters, catalogue
    from spkg.rdfcore.values import insert_values
    from spkg.store.build_dir import Build
    from spkg.store.oxigraph import OxigraphStore

    rows = []
    with Build(build) as opened:
        store = OxigraphStore(store=opened.store)
        for name, stored in sorted(catalogue().items()):
            if only and name not in only:
                continue
            params = QUERY_PARAMS.get(name, {})
            text = insert_values(stored.text, bind_parameters(stored, params, store))
            query_file = work / f"{name}.rq"
            query_file.write_text(text, encoding="utf-8")
            flags = [item for k, v in params.items() for item in ("-p", f"{k}={v}")]
            ours = wall([SPKG, "query", name, *flags, "--graph", str(build), "-f", "csv"],
                        repeat)
            peer = wall([sys.executable, "-c", PEER, str(build / "store"), str(query_file)],
                        repeat)
            rows.append(row(f"cli:query:{name}", "spkg", scale, triples, ours, "pyoxigraph"))
            rows.append(row(f"cli:query:{name}", "pyoxigraph", scale, triples, peer))
            print(f"{scale} {name}: spkg {statistics.median(ours):.2f} s, "
                  f"pyoxigraph {statistics.median(peer):.2f} s", file=sys.stderr)
    return rows


def inprocess_rows(build: Path, scale: str, triples: int, repeat: int,
                   only: list[str] | None = None) -> list[dict[str, Any]]:
    """Each stored query inside one process: spkg's store (run_stored) against pyoxigraph
    alone on the same read-only store with the same bound text, after a warm-up run."""
    from bench.stages import _raw_query, _stored_query
    from spkg.queries import bind_parameters, catalogue
    from spkg.rdfcore.values import insert_values
    from spkg.store.build_dir import Build
    from spkg.store.oxigraph import OxigraphStore

    rows = []
    with Build(build) as opened:
        # answers as rdflib terms (spkg.api), and as `spkg query` runs (pyoxigraph terms)
        store = OxigraphStore(store=opened.store, read_only=True)
        fast = OxigraphStore(store=opened.store, terms="oxigraph", read_only=True)
        for name, stored in sorted(catalogue().items()):
            if only and name not in only:
                continue
            params = QUERY_PARAMS.get(name, {})
            text = insert_values(stored.text, bind_parameters(stored, params, store))
            # interleaved, so a burst of load from elsewhere hits all three alike
            runs: dict[str, list[float]] = {"spkg-store": [], "spkg-store-rdflib": [],
                                            "pyoxigraph": []}
            cpu: dict[str, list[float]] = {engine: [] for engine in runs}
            work = {"spkg-store": _stored_query(fast, stored, params, 60.0),
                    "spkg-store-rdflib": _stored_query(store, stored, params, 60.0),
                    "pyoxigraph": _raw_query(opened.store, text)}
            for _ in range(repeat):
                for engine, call in work.items():
                    wall_s, cpu_s = wall_and_cpu(call)
                    runs[engine].append(wall_s)
                    cpu[engine].append(cpu_s)
            for engine, timed in runs.items():
                rows.append(row(f"query:{name}", engine, scale, triples, timed,
                                None if engine == "pyoxigraph" else "pyoxigraph", cpu[engine]))
            medians = {e: statistics.median(t) * 1000 for e, t in runs.items()}
            cpus = {e: statistics.median(t) * 1000 for e, t in cpu.items()}
            print(f"{scale} in process {name}: spkg {medians['spkg-store']:.1f} ms "
                  f"(rdflib terms {medians['spkg-store-rdflib']:.1f}), pyoxigraph "
                  f"{medians['pyoxigraph']:.1f} ms; CPU {cpus['spkg-store']:.1f} "
                  f"({cpus['spkg-store-rdflib']:.1f}) vs {cpus['pyoxigraph']:.1f} ms",
                  file=sys.stderr)
    return rows


def add_row(build: Path, document: Path, scale: str, triples: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="spkg-add-", dir=build.parent) as tmp:
        copy = Path(tmp) / "build"
        shutil.copytree(build, copy)
        runs = wall([SPKG, "add", "-q", "--allow-invalid", str(document), "--graph", str(copy)],
                    1)
    return row("add", "spkg", scale, triples, runs, "build")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.store_bench",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--scale", nargs="+", default=["100k"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=OUT / "store-bench.json")
    parser.add_argument("--reuse", action="store_true",
                        help="query an existing bench/out/build-SCALE instead of building")
    parser.add_argument("--build", type=Path,
                        help="query this build only (e.g. bench/build_1m.py's); no build or "
                        "add rows")
    parser.add_argument("--no-inprocess", action="store_true",
                        help="whole processes only")
    parser.add_argument("--no-processes", action="store_true", help="in process only")
    parser.add_argument("--queries", nargs="+", metavar="NAME",
                        help="these stored queries only (default: all)")
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    if args.build is not None:
        manifest = json.loads((args.build / "manifest.json").read_text(encoding="utf-8"))
        triples = int(manifest["counts"]["documents"])
        scale = scale_name(round(triples, 1 - len(str(triples))))  # 100090 → 100k
        if not args.no_inprocess:
            rows += inprocess_rows(args.build, scale, triples, args.repeat, args.queries)
        if not args.no_processes:
            with tempfile.TemporaryDirectory(prefix="spkg-store-bench-") as work:
                rows += query_rows(args.build, scale, triples, args.repeat, Path(work),
                                   args.queries)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
        print(f"{len(rows)} rows → {args.json}")
        return 0
    for text in args.scale:
        triples = parse_scale(text)
        scale = scale_name(triples)
        data = prepare(triples, documents=1)
        build = OUT / f"build-{scale}"
        if args.reuse and (build / "manifest.json").is_file():
            print(f"{scale}: reusing {build} (no build row)", file=sys.stderr)
        else:
            seconds = make_build(data.graph, build)
            rows.append(row("build", "spkg", scale, data.graph_triples, [seconds]))
            print(f"{scale} build: {seconds:.1f} s", file=sys.stderr)
        rows += inprocess_rows(build, scale, data.graph_triples, args.repeat)
        with tempfile.TemporaryDirectory(prefix="spkg-store-bench-") as work:
            rows += query_rows(build, scale, data.graph_triples, args.repeat, Path(work))
        document = sorted(data.documents.glob("*.txt"))[0]
        rows.append(add_row(build, document, scale, data.graph_triples))
        print(f"{scale} add: {rows[-1]['median_s']:.1f} s", file=sys.stderr)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows → {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
