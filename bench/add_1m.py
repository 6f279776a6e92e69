"""`spkg add` at a million triples: bench/build_1m's replicated build, made whole first.

    python -m bench.add_1m --source BUILD-100k --document DOC.txt [--copies 10]

bench/build_1m.py replicates a 100k build into a 1M store for the query benchmarks, with
neither the dumps nor ``ingested.nq``, so `spkg add` cannot run there. This makes the
same replication into a whole build: the source's ``spkg.nq`` and ``ingested.nq`` are
replicated alike (every document graph and document IRI renamed per copy), put back in
canonical order and published as a build is (every dump, the store, the manifest), which
takes minutes and is cached. Then one document is added, as a whole process, and the
stages' times are printed. There is no full-build peer at this scale: a full build of 1M
document triples takes over an hour here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.build_1m import cache_root, replicate


def _canonical_graphs(path: Path) -> dict[str, list[bytes]]:
    """Each graph's N-Triples lines, sorted and distinct (the copies interleave graphs)."""
    graphs: dict[str, set[bytes]] = {}
    for line in path.read_bytes().splitlines():
        head, name, _dot = line.rsplit(b" ", 2)
        graphs.setdefault(name[1:-1].decode("utf-8"), set()).add(head + b" .")
    return {name: sorted(lines) for name, lines in graphs.items()}


def make_whole_build(source: Path, copies: int) -> Path:
    from spkg.store.build_dir import INGESTED_FILE, MANIFEST_FILE, Manifest
    from spkg.store.lines import canonical
    from spkg.store.publish import background_inputs, publish

    key = hashlib.sha256((source / MANIFEST_FILE).read_bytes()).hexdigest()[:12]
    folder = cache_root() / f"whole-x{copies}-{key}"
    if (folder / MANIFEST_FILE).is_file():
        return folder
    started = time.perf_counter()
    cache_root().mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="replicating-", dir=cache_root()) as tmp:
        work = Path(tmp)
        replicate(source, work / "all.nq", copies)
        (work / "ingested").mkdir()
        (work / "ingested" / "spkg.nq").symlink_to((source / INGESTED_FILE).resolve())
        replicate(work / "ingested", work / "ingested.nq", copies)
        data = canonical(_canonical_graphs(work / "all.nq"))
        ingested = canonical(_canonical_graphs(work / "ingested.nq"))
    original = Manifest.read(source / MANIFEST_FILE)
    documents: dict[str, Path | dict[str, str]] = {
        f"{iri}-c{n}" if n else iri: entry
        for n in range(copies) for iri, entry in original.documents.items()}
    publish(data, folder, documents=documents, inputs=background_inputs(), started=started,
            ingested=ingested)
    return folder


def main(argv: list[str] | None = None) -> int:
    import shutil
    import subprocess

    from bench.store_bench import ENV, SPKG

    parser = argparse.ArgumentParser(prog="python -m bench.add_1m",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--document", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    folder = make_whole_build(args.source, args.copies)
    counts = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["counts"]
    print(f"{folder}: {counts} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    import resource

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    with tempfile.TemporaryDirectory(prefix="spkg-add-1m-", dir=folder.parent) as tmp:
        copy = Path(tmp) / "build"
        shutil.copytree(folder, copy)
        began, used = time.perf_counter(), cpu()
        done = subprocess.run([SPKG, "add", str(args.document), "--graph", str(copy)],
                              capture_output=True, text=True, env=ENV, timeout=args.timeout)
        seconds, cpu_seconds = time.perf_counter() - began, cpu() - used
    print(done.stderr[-2000:], file=sys.stderr)
    print(done.stdout)
    print(f"1M add: {seconds:.1f} s wall, {cpu_seconds:.1f} s CPU (user + system; "
          f"exit {done.returncode})")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
