"""Benchmark both reasoning engines on synthetic graphs of 10k, 100k and 1M document triples.

Every (size, engine) runs in its own subprocess, which loads ontology + reference data +
the synthetic N-Quads into an rdflib Dataset, then calls spkg.reason.reason(use_cache=False).
The child reports its load and reasoning seconds and its peak resident memory
(getrusage(RUSAGE_SELF).ru_maxrss, after loading and at the end); a run that passes the
timeout is killed and recorded as "timeout". Results: bench/out/reason.json and
bench/out/reason.md.

    .venv/bin/python bench/reason_bench.py                      # 10k, 100k, 1M
    .venv/bin/python bench/reason_bench.py --sizes 10000 100000 # skip 1M
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ENGINES = ("owlrl", "reasonable")
MEMORY_CAP_BYTES = 12 * 1024**3  # protect a shared machine from a runaway child


def graph_file(size: int, seed: int) -> Path:
    sys.path.insert(0, str(HERE))
    from generate_graph import write_nquads

    path = OUT / "graphs" / f"graph-{size}-seed{seed}.nq"  # large: not for git
    generator = HERE / "generate_graph.py"  # a changed generator makes the cache stale
    if not path.is_file() or path.stat().st_mtime < generator.stat().st_mtime:
        write_nquads(path, size, seed)
    return path


def run_one(path: Path, engine: str) -> dict:
    """In the child: load, reason, report."""
    from spkg.dataset import load_asserted
    from spkg.reason import reason

    started = time.perf_counter()
    dataset = load_asserted([path])
    load_seconds = time.perf_counter() - started
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    result = reason(dataset, engine=engine, use_cache=False, progress=False)
    return {
        "load_s": round(load_seconds, 2),
        "reason_s": round(time.perf_counter() - started, 2),
        "peak_mb_after_load": round(rss_after_load),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "input_triples": result.input_triples,
        "inferred_triples": len(result.graph),
        "batches": result.batches,
        "clashes": len(result.clashes),
    }


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))


def measure(path: Path, engine: str, timeout: float) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(path), engine]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              env=env, preexec_fn=_limit_memory, check=False)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "timeout_s": timeout}
    wall = round(time.perf_counter() - started, 2)
    if done.returncode != 0:
        return {"status": "error", "wall_s": wall, "stderr": done.stderr[-2000:]}
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return {"status": "ok", "wall_s": wall, **report}


def markdown(results: list[dict]) -> str:
    lines = [
        "| document triples | engine | load s | reason s | peak MB | inferred | batches "
        "| owlrl/reasonable |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    by_size: dict[int, dict[str, dict]] = {}
    for row in results:
        by_size.setdefault(row["size"], {})[row["engine"]] = row
    for _, rows in sorted(by_size.items()):
        for engine in ENGINES:
            row = rows.get(engine)
            if row is None:
                continue
            if row["status"] != "ok":
                lines.append(f"| {row['quads']:,} | {engine} | – | {row['status']} "
                             f"({row.get('timeout_s', '')} s) | – | – | – | – |")
                continue
            ratio = "–"
            fast, slow = rows.get("reasonable"), rows.get("owlrl")
            if engine == "reasonable" and fast and slow:
                ratio = (f"{slow['reason_s'] / fast['reason_s']:.1f}×" if slow["status"] == "ok"
                         else f"> {slow['timeout_s'] / fast['reason_s']:.1f}×")
            lines.append(
                f"| {row['quads']:,} | {engine} | {row['load_s']:.1f} | {row['reason_s']:.1f} | "
                f"{row['peak_mb']:,} | {row['inferred_triples']:,} | {row['batches']} | {ratio} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--table", action="store_true",
                        help="only rewrite reason.md from the runs in reason.json")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(Path(args.child[0]), args.child[1])))
        return 0
    if args.table:
        runs = json.loads((OUT / "reason.json").read_text(encoding="utf-8"))["runs"]
        (OUT / "reason.md").write_text(markdown(runs), encoding="utf-8")
        print(markdown(runs))
        return 0
    results = []
    for size in args.sizes:
        path = graph_file(size, args.seed)
        quads = sum(1 for _ in path.open(encoding="utf-8"))
        for engine in args.engines:
            print(f"{size} {engine} …", file=sys.stderr, flush=True)
            row = {"size": size, "quads": quads, "engine": engine,
                   **measure(path, engine, args.timeout)}
            print(json.dumps(row), file=sys.stderr, flush=True)
            results.append(row)
    OUT.mkdir(parents=True, exist_ok=True)
    meta = {"python": platform.python_version(), "machine": platform.machine(),
            "cpus": os.cpu_count(), "timeout_s": args.timeout, "seed": args.seed}
    (OUT / "reason.json").write_text(json.dumps({"meta": meta, "runs": results}, indent=2) + "\n",
                                     encoding="utf-8")
    (OUT / "reason.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
