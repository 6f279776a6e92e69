"""`spkg add` of one document against the full build of the same documents, side by side.

    python -m bench.add_bench --build bench/out/build-100k --document DOC.txt [--repeat 1]

Each run copies the build twice and times two whole processes on the copies, interleaved:
``spkg add DOC`` (incremental where it can be) and ``spkg add --rebuild DOC`` (the stages of a
full build over the same documents, no re-ingestion of the old ones: the full build's
peer). Neither passes --allow-invalid: both validate. After each pair every dump of the
two results is compared byte for byte, and the rows say whether they were equal. The build
must be made by the current spkg from the current ontology (else add takes the full path
too, and its row says so).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.data import scale_name
from bench.store_bench import ENV, SPKG, row

COMPARED = ("spkg.trig", "spkg.nq", "spkg.jsonld", "spkg.ttl", "spkg.nt", "spkg.rdf",
            "asserted.trig", "asserted.ttl", "documents.trig", "ontology.ttl", "reference.ttl",
            "inferred.ttl", "inferred.nt", "void.ttl", "context.jsonld", "ingested.nq")


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and output of a whole process: on a loaded
    machine a process waits for a core several times its CPU time, so both are reported."""
    import resource
    import subprocess

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    started, used = time.perf_counter(), cpu()
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=ENV)
    return time.perf_counter() - started, cpu() - used, done.stdout


def pair(build: Path, document: Path, work: Path
         ) -> tuple[tuple[float, float], tuple[float, float], str, list[str]]:
    """(wall, CPU) seconds of add and of the rebuild, add's summary line, and the dumps
    that differ."""
    copies = {"add": work / "add", "rebuild": work / "rebuild"}
    for copy in copies.values():
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(build, copy)
    add_wall, add_cpu, summary = timed([SPKG, "add", "-q", str(document), "--graph",
                                        str(copies["add"])])
    full_wall, full_cpu, _ = timed([SPKG, "add", "-q", "--rebuild", str(document), "--graph",
                                    str(copies["rebuild"])])
    how = next((line for line in summary.splitlines() if line.startswith("how:")), "")
    differ = [name for name in COMPARED
              if (copies["add"] / name).read_bytes() != (copies["rebuild"] / name).read_bytes()]
    return (add_wall, add_cpu), (full_wall, full_cpu), how, differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.add_bench",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--build", type=Path, required=True)
    parser.add_argument("--document", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, default=Path("bench/out/add-bench.json"))
    args = parser.parse_args(argv)
    manifest = json.loads((args.build / "manifest.json").read_text(encoding="utf-8"))
    triples = int(manifest["counts"]["documents"])
    scale = scale_name(round(triples, 1 - len(str(triples))))  # 100090 → 100k
    adds: list[float] = []
    fulls: list[float] = []
    cpus: dict[str, list[float]] = {"add": [], "build": []}
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="spkg-add-bench-", dir=args.build.parent) as tmp:
        for _ in range(args.repeat):
            (add_s, add_cpu), (full_s, full_cpu), how, differ = pair(
                args.build, args.document, Path(tmp))
            adds.append(add_s)
            fulls.append(full_s)
            cpus["add"].append(round(add_cpu, 2))
            cpus["build"].append(round(full_cpu, 2))
            verdict = "equal" if not differ else "DIFFER: " + ", ".join(differ)
            notes.append(f"{how}; dumps {verdict}")
            print(f"{scale}: add {add_s:.1f} s wall, {add_cpu:.1f} s CPU; full stages "
                  f"{full_s:.1f} s wall, {full_cpu:.1f} s CPU ({notes[-1]})", file=sys.stderr)
    rows = [{**row("add", "spkg", scale, triples, adds, "build"), "note": notes,
             "cpu_s": cpus["add"]},
            {**row("build", "spkg add --rebuild", scale, triples, fulls),
             "cpu_s": cpus["build"]}]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows → {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
