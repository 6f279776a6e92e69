"""`spkg serve` on a build's store against `oxigraph serve-read-only` on the same store:
time to the first answer, memory of the server with its workers, requests per second.

    python -m bench.serve_1m --build "$(python -m bench.build_1m)" [--workers 2]
                             [--query lookup partner-counts] [--clients 8] [--seconds 20]
                             [--one-process] [--before SRC]

Both servers open the build's ``store/`` read-only (nothing is loaded). Each is started
alone and timed from the start of its process to its first 200 answer to a SPARQL query
(polled every 50 ms); then both are up together and the load runs on each in turn
(bench/serve_bench.py's client process, --repeat rounds, each server in turn; the median
run is kept, with the servers' CPU per request). ``--before SRC`` adds a `spkg serve` run
from another source tree (e.g. ``git archive`` of an older commit), for before/after pairs
in one run. Memory: the summed
resident set (RSS) and proportional set (PSS, shared pages split) of the server's process
tree, sampled every 0.5 s during the load; the peak is reported. Rows → bench/out/serve-1m.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.memory import _children, tree_pss_mb
from bench.serve_bench import LOOKUP, _tree_cpu, free_port, load, stop

OUT = Path(__file__).resolve().parent / "out"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "spkg-bench-pycache")


def tree_rss_mb(root: int) -> float:
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
        pending.extend(_children(pid))
    return total / 1024


class Peak:
    """The peak RSS and PSS of a process tree, sampled in a thread."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid, self.interval = pid, interval
        self.rss = self.pss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        self.rss = max(self.rss, tree_rss_mb(self.pid))
        self.pss = max(self.pss, tree_pss_mb(self.pid))

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def first_answer(command: list[str], url: str, limit: float = 300.0,
                 env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], float]:
    """Start ``command``; seconds until ``url`` answers LOOKUP with 200."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env or ENV)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {command}")
        try:
            response = httpx.post(url, content=LOOKUP.encode(), timeout=30, headers={
                "Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json"})
            if response.status_code == 200:
                return process, time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    stop(process)
    raise RuntimeError(f"{url} gave no answer within {limit:.0f} s")


def _query_files(names: list[str], work: Path) -> dict[str, Path]:
    from spkg.queries import catalogue

    files = {}
    for name in names:
        files[name] = work / f"{name}.rq"
        files[name].write_text(LOOKUP if name == "lookup" else catalogue()[name].text,
                               encoding="utf-8")
    return files


def _measure(commands: dict[str, tuple[list[str], str]],
             processes: dict[str, subprocess.Popen[bytes]], files: dict[str, Path],
             args: argparse.Namespace, report: dict[str, Any]) -> None:
    """Each (query, clients) run on each server in turn, --repeat rounds; the median kept."""
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {name: {} for name in commands}
    for query, path in files.items():
        for clients in args.clients:
            run = f"{query} x{clients}"
            for _ in range(args.repeat):
                for name, (_command, url) in commands.items():
                    pid = processes[name].pid
                    before = _tree_cpu(pid)
                    with Peak(pid) as peak:
                        measured = load(url, path, args, clients)
                    used = _tree_cpu(pid) - before  # the warm-up request included
                    measured["cpu_ms"] = round(used * 1000 / (measured["requests"] + 1), 3)
                    runs[name].setdefault(run, []).append(measured)
                    entry = report["servers"][name]
                    entry["peak_rss_mb"] = round(max(entry.get("peak_rss_mb", 0), peak.rss))
                    entry["peak_pss_mb"] = round(max(entry.get("peak_pss_mb", 0), peak.pss))
                    print(f"{name} {run}: {measured['rps']} req/s, {measured['cpu_ms']} "
                          f"ms CPU/req, peak RSS {peak.rss:.0f} MB", file=sys.stderr)
    for name, by_run in runs.items():
        for run, measured_runs in by_run.items():
            ordered = sorted(measured_runs, key=lambda m: m["rps"])
            report["servers"][name]["runs"][run] = {
                **ordered[len(ordered) // 2], "all_rps": [m["rps"] for m in measured_runs]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_1m",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--build", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--query", nargs="+", default=["lookup", "partner-counts"])
    parser.add_argument("--clients", type=int, nargs="+", default=[8])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median is kept")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="also measure spkg serve from this source tree (its src/ first "
                        "on PYTHONPATH)")
    parser.add_argument("--answer-cache", type=float, default=0.0, metavar="MB",
                        help="spkg serve --answer-cache (default 0: every request reaches "
                        "the engine, as on oxigraph, which keeps no answers)")
    parser.add_argument("--json", type=Path, default=OUT / "serve-1m.json")
    parser.add_argument("--one-process", action="store_true",
                        help="also measure spkg serve --acceptors 0 (one process, every "
                        "query in a worker)")
    args = parser.parse_args(argv)
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    spkg_port, ox_port, one_port = free_port(), free_port(), free_port()
    spkg = [sys.executable, "-m", "spkg", "serve", "--graph", str(args.build),
            "--workers", str(args.workers), "--answer-cache", str(args.answer_cache), "-q"]
    commands = {
        "spkg serve": ([*spkg, "--port", str(spkg_port)],
                       f"http://127.0.0.1:{spkg_port}/sparql"),
        "oxigraph serve-read-only": ([oxigraph, "serve-read-only", "--location",
                                      str(args.build / "store"), "--bind",
                                      f"127.0.0.1:{ox_port}", "--union-default-graph"],
                                     f"http://127.0.0.1:{ox_port}/query"),
    }
    if args.one_process:  # the design before the acceptors, side by side
        commands["spkg serve, one process"] = (
            [*spkg, "--port", str(one_port), "--acceptors", "0"],
            f"http://127.0.0.1:{one_port}/sparql")
    envs: dict[str, dict[str, str]] = {}
    if args.before is not None:
        before_port = free_port()
        commands["spkg serve, before"] = ([*spkg, "--port", str(before_port)],
                                          f"http://127.0.0.1:{before_port}/sparql")
        envs["spkg serve, before"] = {**ENV, "PYTHONPATH": str(args.before.resolve() / "src")}
    report: dict[str, Any] = {"build": str(args.build), "workers": args.workers,
                              "clients": args.clients, "answer_cache_mb": args.answer_cache,
                              "servers": {}}
    processes: dict[str, subprocess.Popen[bytes]] = {}
    work = Path(tempfile.mkdtemp(prefix="spkg-serve-1m-"))
    try:
        for name, (command, url) in commands.items():  # one at a time: start-up alone
            process, seconds = first_answer(command, url, env=envs.get(name))
            processes[name] = process
            report["servers"][name] = {"first_answer_s": round(seconds, 2),
                                       "idle_rss_mb": round(tree_rss_mb(process.pid)),
                                       "idle_pss_mb": round(tree_pss_mb(process.pid)),
                                       "runs": {}}
            print(f"{name}: first answer after {seconds:.2f} s", file=sys.stderr)
        files = _query_files(args.query, work)
        _measure(commands, processes, files, args, report)
    finally:
        for process in processes.values():
            stop(process)
        shutil.rmtree(work, ignore_errors=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
