"""The measured work of each benchmark stage, run in a child process of its own.

    python -m bench.stages STAGE ENGINE DATA [--repeat N] [--budget S] [--option K=V ...]

prints one JSON line: ``{"results": {sub: [seconds, …] | {"error": …}}, "peak_mb": …,
"info": {…}}``. A stage measures one engine; the runner starts one child per (stage, engine),
so ``peak_mb`` (the child's peak resident memory) is that stage's peak, data included.
Set-up that is not measured (loading the data for a query stage) happens before the clock.
A measurement is repeated up to N times, but not again once its runs took ``budget`` s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.memory import TreeMemorySampler

Results = dict[str, Any]
EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "rdf", "jsonld")
_RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "rdf": "xml",
                   "jsonld": "json-ld"}


# Samples the memory of this process and the processes it forks, while a stage runs.
SAMPLER = TreeMemorySampler()


def peak_mb() -> float:
    """This stage's peak: its process tree's sampled PSS, or its own ru_maxrss if larger."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    return max(own, SAMPLER.peak())


def _call(function: Callable[..., object], *args: Any, **kwargs: Any) -> Callable[[], object]:
    return lambda: function(*args, **kwargs)


def timed(work: Callable[[], object], repeat: int, budget: float) -> list[float]:
    """Seconds of up to ``repeat`` runs of ``work``; stop repeating once ``budget`` is spent."""
    runs: list[float] = []
    while len(runs) < repeat and (not runs or sum(runs) < budget):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    return runs


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """End this child if the measured work inside runs past ``seconds``.

    The runner's timeout covers the whole child, loading included (30-40 s of parsing for
    rdflib at 1M); this one starts with the clock, so "> 150 s" in a row means the measured
    work itself ran that long. The report line says so; forked workers die with the child.
    """
    if not seconds:
        yield
        return

    def expire() -> None:
        print(json.dumps({"timeout_s": seconds, "peak_mb": round(peak_mb(), 1)}), flush=True)
        os._exit(124)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _warm_then_timed(work: Callable[[], object], repeat: int, budget: float,
                     warm_up_below: float = 1.0) -> list[float]:
    """A first, untimed run to warm caches; if that run is slow, it counts as the first run."""
    started = time.perf_counter()
    work()
    first = time.perf_counter() - started
    if first < warm_up_below:
        return timed(work, repeat, budget)
    return [first, *timed(work, repeat - 1, budget - first)] if repeat > 1 and first < budget \
        else [first]


# --- loading ------------------------------------------------------------------------------

def rdflib_dataset(data: Path) -> Any:
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(str(data), format="nquads")
    return dataset


def pyoxigraph_store(data: Path) -> Any:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    return store


def spkg_oxigraph_store(data: Path) -> Any:
    from spkg.store.oxigraph import OxigraphStore

    store = OxigraphStore()
    store.load_files([data])
    return store


def stage_load(engine: str, data: Path, repeat: int, budget: float, options: dict) -> Results:
    loaders = {"rdflib": rdflib_dataset, "spkg-oxigraph": spkg_oxigraph_store,
               "pyoxigraph": pyoxigraph_store}
    load = loaders[engine]
    return {"": timed(lambda: load(data), repeat, budget)}


# --- reasoning ----------------------------------------------------------------------------

def stage_reason(engine: str, data: Path, repeat: int, budget: float, options: dict) -> Results:
    """spkg.reason.reason(engine, no cache) over ontology + reference + ``data``.

    Each run is the reasoning engineer's bench/reason_bench.py ``run_one`` (load, then reason);
    only its reasoning seconds count.
    """
    from bench.reason_bench import run_one

    info: dict[str, Any] = {}

    def run() -> float:
        report = run_one(data, engine)
        info.update(input_triples=report["input_triples"], inferred=report["inferred_triples"],
                    batches=report["batches"], load_s=report["load_s"])
        return float(report["reason_s"])

    runs: list[float] = []
    while len(runs) < repeat and (not runs or sum(runs) < budget):
        runs.append(run())
    return {"": runs, "_info": info}


# --- validation ---------------------------------------------------------------------------

def stage_validate(engine: str, data: Path, repeat: int, budget: float, options: dict) -> Results:
    """pySHACL through spkg.validate on the asserted graphs, inference none or rdfs."""
    from spkg.dataset import load_background, new_dataset
    from spkg.validate import load_shapes, validate_dataset

    dataset = new_dataset()
    load_background(dataset)
    dataset.parse(str(data), format="nquads")
    shapes = load_shapes()
    info: dict[str, Any] = {}

    def run() -> None:
        result = validate_dataset(dataset, inference=options["inference"], shapes=shapes)
        info.update(conforms=result.conforms, counts=dict(result.counts))

    limit = float(options["limit"]) if "limit" in options else None
    with time_limit(limit):
        runs = timed(run, repeat, budget)
    return {"": runs, "_info": info}


# --- stored queries -----------------------------------------------------------------------

def _query_store(engine: str, data: Path) -> Any:
    if engine == "rdflib":
        from spkg.dataset import new_dataset
        from spkg.store.memory import RdflibStore

        dataset = new_dataset()
        dataset.parse(str(data), format="nquads")
        return RdflibStore(dataset)
    return spkg_oxigraph_store(data)


# Values for the required parameters, as IRIs so that the label lookup (a scan of every
# label) does not blur the comparison of query engines; optional ones stay unbound (broadest).
QUERY_PARAMS: dict[str, dict[str, str]] = {
    "c102-gaps": {"country": "id:place/pakistan"},
    "located-in": {"place": "id:place/pakistan"},
    "provenance": {"resource": "id:programme/synthetic-0000000-programme"},
    "results-by-sdg-goal": {"goal": "1"},
    "results-by-sdg-target": {"target": "1.3"},
}


def _raw_query(store: Any, text: str) -> Callable[[], None]:
    def work() -> None:
        for solution in store.query(text, use_default_graph_as_union=True):
            if hasattr(solution, "__len__"):  # read every value, as a client would
                [solution[i] for i in range(len(solution))]

    return work


def _stored_query(store: Any, stored: Any, params: dict[str, str],
                  timeout: float) -> Callable[[], None]:
    from spkg.queries import run_stored

    def work() -> None:
        run_stored(store, stored, params, timeout=timeout)

    return work


def stage_query(engine: str, data: Path, repeat: int, budget: float, options: dict) -> Results:
    """Each stored query: through spkg.queries (rdflib or OxigraphStore), or pyoxigraph direct.

    One untimed warm-up run per query first (SPARQL parser caches, lazy imports).
    """
    from spkg.queries import bind_parameters, catalogue
    from spkg.rdfcore.values import insert_values

    store = _query_store("spkg-oxigraph" if engine == "pyoxigraph" else engine, data)
    timeout = float(options.get("query_timeout", 60))
    results: Results = {}
    done = set(filter(None, options.get("skip", "").split(",")))
    for name, stored in sorted(catalogue().items()):
        if name in done:
            continue
        params = QUERY_PARAMS.get(name, {})
        try:
            if engine == "pyoxigraph":  # the peer: the same text, bound the same way, raw
                text = insert_values(stored.text, bind_parameters(stored, params, store))
                work = _raw_query(store.store, text)
            else:
                work = _stored_query(store, stored, params, timeout)
            results[name] = _warm_then_timed(work, repeat, budget)
        except Exception as error:  # a failing query is a result, not the end of the stage
            message = " ".join(str(error).split())[:200]
            timed_out = "time limit" in message or "timed out" in message
            results[name] = {"status": "timeout" if timed_out else "error", "message": message}
            if timed_out:
                # The abandoned query thread keeps running and would slow every later query:
                # stop here; the runner starts a fresh child for the queries left.
                results["_info"] = {"incomplete": True}
                break
    return results


# --- export -------------------------------------------------------------------------------

def stage_export(engine: str, data: Path, repeat: int, budget: float, options: dict) -> Results:
    """Serialise the whole dataset in each format: rdflib, pyoxigraph, or spkg's exporter."""
    import pyoxigraph as ox

    formats = options.get("formats", ",".join(EXPORT_FORMATS)).split(",")
    results: Results = {}
    if engine == "rdflib":
        dataset = rdflib_dataset(data)
        for fmt in formats:
            results[fmt] = timed(_call(dataset.serialize, format=_RDFLIB_FORMATS[fmt],
                                       encoding="utf-8"), repeat, budget)
        return results
    quads = list(ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS))
    if engine == "pyoxigraph":
        ox_formats = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                      "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
                      "rdf": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}
        triple_formats = {"ttl", "nt", "rdf"}

        def write(fmt: str) -> None:
            data_ = [q.triple for q in quads] if fmt in triple_formats else quads
            ox.serialize(data_, format=ox_formats[fmt])

        for fmt in formats:
            results[fmt] = timed(_call(write, fmt), repeat, budget)
        return results
    # spkg: what `spkg export` does: canonical N-Triples lines per graph, then each dump
    from spkg.export.canonical import CanonicalDataset
    from spkg.export.dumps import DUMPS, write_dump

    holder: dict[str, CanonicalDataset] = {}

    def canonicalise() -> None:
        holder["data"] = CanonicalDataset.from_quads(quads)

    results["canonical"] = timed(canonicalise, repeat, budget)
    specs = {spec.format: spec for spec in DUMPS if spec.part == "all"}

    def write(fmt: str) -> None:
        data = holder["data"]
        merged = None if fmt in ("trig", "nq", "jsonld") else data.merged_lines(data.graph_names())
        write_dump(io.BytesIO(), data, specs[fmt], merged)

    for fmt in formats:
        results[fmt] = timed(_call(write, fmt), repeat, budget)
    return results


# --- ingestion ----------------------------------------------------------------------------

def stage_ingest(engine: str, data: Path, repeat: int, budget: float, options: dict) -> Results:
    """spkg.ingest over a folder of generated documents."""
    from spkg.ingest import ingest_paths

    info: dict[str, Any] = {}

    def run() -> None:
        result = ingest_paths([data], progress=False)
        info.update(documents=len(result.documents),
                    triples=sum(len(t) for t in result.triples.values()))

    return {"": timed(run, repeat, budget), "_info": info}


# --- the whole build ----------------------------------------------------------------------

def stage_build(engine: str, data: Path, repeat: int, budget: float, options: dict) -> Results:
    """`spkg build` on a folder of generated documents, with progress on stderr, cold cache."""
    import tempfile

    from spkg.build import build

    info: dict[str, Any] = {}

    def run() -> None:
        with tempfile.TemporaryDirectory(prefix="spkg-bench-build-") as out:
            # an empty reasoning cache, so that every run reasons (spkg.reason.cache)
            os.environ["SPKG_CACHE_DIR"] = str(Path(out) / "cache")
            started = time.monotonic()
            summary = build(Path(out) / "dist", sources=[data], allow_invalid=True,
                            progress=True)
        stage_peaks: dict[str, float] = {}
        for stage, seconds in summary.stage_seconds.items():  # consecutive, in order
            stage_peaks[stage] = round(max(SAMPLER.peak(started, started + seconds),
                                           summary.stage_peak_mb.get(stage, 0.0)
                                           if not SAMPLER.available else 0.0), 1)
            started += seconds
        info.update(documents=summary.documents, asserted=summary.asserted_triples,
                    background=summary.background_triples, inferred=summary.inferred_triples,
                    violations=summary.violations, stage_seconds=summary.stage_seconds,
                    stage_peak_mb=stage_peaks, peak_mb=summary.peak_mb)

    return {"": timed(run, repeat, budget), "_info": info}


STAGES: dict[str, Callable[[str, Path, int, float, dict], Results]] = {
    "ingest": stage_ingest,
    "load": stage_load,
    "reason": stage_reason,
    "validate": stage_validate,
    "query": stage_query,
    "export": stage_export,
    "build": stage_build,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("engine")
    parser.add_argument("data", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--budget", type=float, default=30.0)
    parser.add_argument("--option", action="append", default=[], metavar="K=V")
    args = parser.parse_args(argv)
    options = dict(pair.split("=", 1) for pair in args.option)
    with SAMPLER:
        results = STAGES[args.stage](args.engine, args.data, args.repeat, args.budget, options)
    info = results.pop("_info", {})
    print(json.dumps({"results": results, "peak_mb": round(peak_mb(), 1), "info": info},
                     default=str))
    sys.stdout.flush()
    os._exit(0)  # do not wait for an abandoned query thread


if __name__ == "__main__":
    raise SystemExit(main())
