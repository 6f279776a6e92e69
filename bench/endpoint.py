"""Requests/s of `spkg serve` and of `oxigraph serve` on the same N-Quads, one after the other.

The servers, the wait, the stop and the load generator (a separate process, N concurrent
clients POSTing one stored query) are the linked-data engineer's bench/serve_bench.py; this
module only points them at the benchmark's data and reads each server's peak memory
(VmHWM of the server and its worker processes) before stopping it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(c) for c in task.read_text().split()]
        except OSError:
            continue
    return found


def tree_peak_mb(pid: int) -> float | None:
    """Sum of the peak resident memory of a process and its descendants (Linux /proc)."""
    total, pending, seen = 0.0, [pid], False
    while pending:
        current = pending.pop()
        pending += _children(current)
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
                    seen = True
        except OSError:
            continue
    return round(total, 1) if seen else None


def _serve(command: list[str], url: str, endpoint: str, query_file: Path, args: Any,
           log: Path) -> dict[str, Any]:
    from bench import serve_bench

    with log.open("a", encoding="utf-8") as err:
        err.write(f"\n=== {' '.join(command)}\n")
        err.flush()
        server = subprocess.Popen(command, stdout=err, stderr=err)
        try:
            serve_bench.wait_until_up(url, server, limit=600)
            result = dict(serve_bench.load(endpoint, query_file, args))
            result["peak_mb"] = tree_peak_mb(server.pid)
            return result
        except Exception as error:  # a failed server is a row, not the end of the run
            return {"error": " ".join(str(error).split())[:200]}
        finally:
            serve_bench.stop(server)


def measure_endpoints(data: Path, *, query: str, seconds: float, requests: int, clients: int,
                      log: Path) -> dict[str, dict[str, Any]]:
    """{"spkg serve": {...}, "oxigraph serve": {...}}: rps, p50_ms, p99_ms, errors, peak_mb."""
    from bench import serve_bench
    from spkg.queries import find_query

    args = SimpleNamespace(requests=requests, seconds=seconds, clients=clients)
    work = Path(tempfile.mkdtemp(prefix="spkg-bench-endpoint-"))
    try:
        query_file = work / "query.rq"
        query_file.write_text(find_query(query).text, encoding="utf-8")
        results: dict[str, dict[str, Any]] = {}

        port = serve_bench.free_port()
        results["spkg serve"] = _serve(
            # The cache off: every request runs in a worker, as in earlier rounds' rows.
            [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(data),
             "--answer-cache", "0"],
            f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/sparql", query_file, args, log)

        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        location = work / "oxigraph"
        subprocess.run([oxigraph, "load", "--location", str(location), "--file", str(data)],
                       check=True, capture_output=True)
        port = serve_bench.free_port()
        results["oxigraph serve"] = _serve(
            [oxigraph, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
             "--union-default-graph"],
            f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/query", query_file, args, log)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)
