"""A 1M-triple build for the store benchmarks, made from a real 100k build by replication.

    python -m bench.build_1m [--copies 10] [--source bench/out/build-100k]   # prints the folder

A full `spkg build` of 1M document triples takes over an hour on the shared machine
(validation alone is ~4 s per 1,000 triples), so the 1M build is assembled from the 100k
one: its N-Quads dump (every graph as built: documents, inferred, ontology, reference) is
copied ``--copies`` times. Copy 0 is the build itself; in copy n every IRI under
``{BASE}id/`` that the ontology and reference graphs do not use (the documents' own
programmes, organisations, outcomes, document graphs …) gets ``-cn`` appended, so each copy
is a distinct set of documents (document graphs are always renamed) about distinct things
that cite the same places, SDG targets and instruments; the inferred graph is copied the
same way. The background graphs are kept once. The folder has what readers need:
``store/`` (bulk-loaded by spkg's own ``write_store``), ``spkg.nq`` and ``manifest.json``;
not the other dumps nor ``ingested.nq``, so `spkg add` cannot run on it.

The result is cached in $TMPDIR/spkg-bench-1m/ (keyed by the source build's manifest).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BACKGROUND = ("graph/ontology", "graph/reference", "graph/curation")
_IRI = re.compile(rb"<([^>]*)>")


def cache_root() -> Path:
    return Path(tempfile.gettempdir()) / "spkg-bench-1m"


def _background_iris(lines: list[bytes], base: str) -> set[bytes]:
    """IRIs under {base}id/ that the ontology or reference graphs use: shared by all copies."""
    tails = tuple(f"<{base}{g}> .".encode() for g in BACKGROUND)
    found: set[bytes] = set()
    for line in lines:
        if line.endswith(tails):
            found.update(m for m in _IRI.findall(line) if m.startswith(f"{base}id/".encode()))
    return found


def replicate(source: Path, out: Path, copies: int) -> dict[str, int]:
    """Write ``copies`` renamed copies of ``source``'s spkg.nq (background once) to ``out``."""
    from spkg.namespace import BASE

    lines = (source / "spkg.nq").read_bytes().splitlines()
    shared = _background_iris(lines, BASE)
    prefix = f"{BASE}id/".encode()
    background_tails = tuple(f"<{BASE}{g}> .".encode() for g in BACKGROUND)
    counts = {"documents": 0, "inferred": 0, "background": 0, "quads": 0}
    inferred = f"<{BASE}graph/inferred> .".encode()
    with out.open("wb") as stream:
        for copy in range(copies):
            suffix = f"-c{copy}".encode()

            def rename(match: re.Match[bytes], suffix: bytes = suffix, copy: int = copy) -> bytes:
                iri = match.group(1)
                if copy == 0 or not iri.startswith(prefix) or iri in shared:
                    return match.group(0)
                return b"<" + iri + suffix + b">"

            for line in lines:
                if line.endswith(background_tails):
                    if copy == 0:
                        stream.write(line + b"\n")
                        counts["background"] += 1
                    continue
                head, _, graph = line.rpartition(b" <")
                if copy and graph.startswith(prefix):  # a document graph: always its own
                    graph = graph.replace(b"> .", suffix + b"> .", 1)
                renamed = _IRI.sub(rename, head) + b" <" + graph
                if copy and renamed == line:
                    continue  # about shared things only (an inferred SDG link): once is enough
                stream.write(renamed + b"\n")
                counts["inferred" if line.endswith(inferred) else "documents"] += 1
    counts["quads"] = sum(counts[k] for k in ("documents", "inferred", "background"))
    return counts


def make_build(source: Path, copies: int) -> Path:
    """The replicated build folder (made now if it is not in the cache)."""
    from spkg.store.build_dir import MANIFEST_FILE, NQUADS_DUMP, STORE_DIR, Manifest, write_store
    from spkg.version import __version__

    key = hashlib.sha256((source / MANIFEST_FILE).read_bytes()).hexdigest()[:12]
    folder = cache_root() / f"build-x{copies}-{key}"
    if (folder / MANIFEST_FILE).is_file():
        return folder
    started = time.perf_counter()
    cache_root().mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="making-", dir=cache_root()))
    try:
        counts = replicate(source, work / NQUADS_DUMP, copies)
        write_store(work, work / NQUADS_DUMP)
        original = Manifest.read(source / MANIFEST_FILE)
        documents = {f"{iri}-c{n}" if n else iri: entry
                     for n in range(copies) for iri, entry in original.documents.items()}
        manifest = Manifest(
            spkg_version=__version__, built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            seconds=round(time.perf_counter() - started, 3),
            inputs=[{"path": str(source / NQUADS_DUMP), "sha256": key,
                     "kind": f"replicated x{copies} by bench/build_1m.py"}],
            documents=documents,
            counts={"documents": counts["documents"], "inferred": counts["inferred"],
                    "document_graphs": len(documents), "quads": counts["quads"]},
            files=sorted([NQUADS_DUMP, STORE_DIR]))
        (work / MANIFEST_FILE).write_text(manifest.to_json(), encoding="utf-8")
        os.replace(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build_1m",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=HERE / "out" / "build-100k",
                        help="a real build to replicate (default: bench/out/build-100k, made "
                        "by `python -m bench.store_bench --scale 100k`)")
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    folder = make_build(args.source, args.copies)
    counts = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["counts"]
    print(f"{folder}: {counts} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    print(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
