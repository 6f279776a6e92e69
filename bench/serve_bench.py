"""Requests per second and p50/p99 latency of a stored query over HTTP, 8 concurrent clients:
`spkg serve` against `oxigraph serve` on the same data, in the same run.

    .venv/bin/python bench/serve_bench.py [--requests 2000] [--seconds 15] [--clients 8]
                                          [--query partner-counts]

The load comes from a second process (this script with --client) on loopback; each server is
stopped after its run. Output: a table on stdout and bench/out/serve_bench.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

OUT = Path(__file__).resolve().parent / "out"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen, limit: float = 300) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early ({process.args})")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# ---------------------------------------------------------------- the load generator process
def client_main(args: argparse.Namespace) -> None:
    query = Path(args.query_file).read_text(encoding="utf-8")
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [args.requests]
    deadline = time.monotonic() + args.seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=60) as http:
            while time.monotonic() < deadline:
                with lock:
                    if remaining[0] == 0:
                        return
                    remaining[0] -= 1
                started = time.perf_counter()
                response = http.post(args.url, content=query.encode(), headers={
                    "Content-Type": "application/sparql-query",
                    "Accept": "application/sparql-results+json"})
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status_code == 200:
                        latencies.append(elapsed)
                    else:
                        errors += 1

    threads = [threading.Thread(target=worker) for _ in range(args.clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    ordered = sorted(latencies)
    print(json.dumps({
        "requests": len(latencies), "errors": errors, "seconds": round(wall, 3),
        "rps": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": round(statistics.median(ordered) * 1000, 2) if ordered else None,
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2)
        if ordered else None,
    }))


def load(url: str, query_file: Path, args: argparse.Namespace) -> dict:
    # warm up (parsers, caches) with one request, then measure from a separate process
    httpx.post(url, content=query_file.read_bytes(), timeout=120,
               headers={"Content-Type": "application/sparql-query"}).raise_for_status()
    output = subprocess.run(
        [sys.executable, __file__, "--client", "--url", url, "--query-file", str(query_file),
         "--requests", str(args.requests), "--seconds", str(args.seconds),
         "--clients", str(args.clients)],
        check=True, capture_output=True, text=True).stdout
    return dict(json.loads(output))


# ---------------------------------------------------------------- the orchestrator
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--query", default="partner-counts", help="stored query name")
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--query-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client_main(args)
        return

    import pyoxigraph as ox

    from spkg.server.load import load_quads
    from spkg.server.stored import stored_queries

    OUT.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="spkg-serve-bench-"))
    try:
        quads = load_quads(None)
        data = work / "dataset.nq"
        ox.serialize(quads, output=str(data), format=ox.RdfFormat.N_QUADS)
        query_file = work / "query.rq"
        query_file.write_text({q.name: q.text for q in stored_queries()}[args.query])
        results: dict[str, dict] = {}

        port = free_port()
        spkg = subprocess.Popen(
            [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(data)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", spkg)
            results["spkg serve"] = load(f"http://127.0.0.1:{port}/sparql", query_file, args)
        finally:
            stop(spkg)

        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        location = work / "oxigraph"
        subprocess.run([oxigraph, "load", "--location", str(location), "--file", str(data)],
                       check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            [oxigraph, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", server)
            results["oxigraph serve"] = load(f"http://127.0.0.1:{port}/query", query_file, args)
        finally:
            stop(server)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report = {"query": args.query, "quads": len(quads), "clients": args.clients,
              "max_requests": args.requests, "max_seconds": args.seconds, "results": results}
    (OUT / "serve_bench.json").write_text(json.dumps(report, indent=1) + "\n")
    print(f"{args.query} over {len(quads)} quads, {args.clients} concurrent clients")
    print(f"{'server':16} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, r in results.items():
        print(f"{name:16} {r['requests']:>8} {r['errors']:>6} {r['rps']:>8} "
              f"{r['p50_ms']:>8} {r['p99_ms']:>8}")


if __name__ == "__main__":
    main()
