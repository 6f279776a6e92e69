"""Run every benchmark stage at every scale, each (stage, engine) in a child process of its own.

For each scale: prepare the inputs (bench/data.py), then for each selected stage run one child
per engine (bench/stages.py; the endpoint stage runs two servers, bench/endpoint.py), collect
the seconds of each run and the child's peak memory, pair each row with its peer (the fastest
tool doing the same job on the same data) and rewrite the JSON and Markdown after every child,
so an interrupted run keeps what it measured.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.data import OUT, ScaleData, parse_scale, prepare, scale_name

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("cli", "ingest", "load", "reason", "validate", "query", "endpoint", "build", "export")
# The whole build first (the headline figure), the slowest peers' comparisons last, so that
# a run cut short at the largest scale still has what matters most.
RUN_ORDER = ("build", "ingest", "load", "query", "reason", "endpoint", "validate", "export")
MEMORY_CAP_BYTES = 16 * 1024**3  # a runaway child must not take the shared machine down
# Stages not run at a scale where the smaller scale's time, scaled linearly, passes
# EXTRAPOLATION_MARGIN × their timeout: the run would only burn the timeout.
EXTRAPOLATED_STAGES = ("reason", "validate")
EXTRAPOLATION_MARGIN = 1.5
# Stages whose child enforces its timeout itself, on the measured work only (not on loading).
CLOCKED_STAGES = ("validate",)


@dataclass(frozen=True)
class Job:
    stage: str  # bench/stages.py stage
    engine: str
    input: str  # "graph" | "dataset" | "documents"
    label: str = ""  # row stage name when it differs from ``stage`` (validate:none)
    peer: str | None = None  # engine of the peer rows (same stage, same sub-stage)
    options: dict[str, str] = field(default_factory=dict)
    timeout_option: str = "timeout"


def jobs_for(stage: str) -> list[Job]:
    """The children a stage needs: ours first, then the peer's."""
    if stage == "ingest":
        return [Job("ingest", "spkg", "documents")]
    if stage == "load":
        return [Job("load", "rdflib", "dataset", peer="pyoxigraph"),
                Job("load", "spkg-oxigraph", "dataset", peer="pyoxigraph"),
                Job("load", "pyoxigraph", "dataset")]
    if stage == "reason":
        return [Job("reason", "reasonable", "graph", peer="owlrl"),
                Job("reason", "owlrl", "graph", timeout_option="owlrl_timeout")]
    if stage == "validate":
        return [Job("validate", "pyshacl", "dataset", label=f"validate:{inference}",
                    options={"inference": inference}, timeout_option="validate_timeout")
                for inference in ("none", "rdfs")]
    if stage == "query":
        return [Job("query", "rdflib", "dataset", peer="pyoxigraph"),
                Job("query", "spkg-oxigraph", "dataset", peer="pyoxigraph"),
                Job("query", "pyoxigraph", "dataset")]
    if stage == "export":
        return [Job("export", "spkg", "dataset", peer="pyoxigraph"),
                Job("export", "rdflib", "dataset", peer="pyoxigraph"),
                Job("export", "pyoxigraph", "dataset")]
    if stage == "build":
        return [Job("build", "spkg", "documents")]
    raise ValueError(stage)


@dataclass
class Measure:
    """One (stage, engine, scale) measurement before it is paired with its peer."""

    stage: str
    engine: str
    scale: str
    triples: int
    runs: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    status: str = "ok"  # ok | timeout | error | skipped
    note: str = ""
    peer: str | None = None
    rps: float | None = None


@dataclass
class Settings:
    scales: list[int]
    stages: list[str]
    repeat: int = 3
    budget: float = 20.0
    seed: int = 0
    documents: int | None = None  # override the document count of every scale
    timeout: float = 900.0
    owlrl_timeout: float = 60.0  # the target for the OWL 2 RL closure at 1M
    validate_timeout: float = 150.0  # the target for SHACL at 1M is 120 s
    query_timeout: float = 60.0
    endpoint_seconds: float = 10.0
    endpoint_requests: int = 20_000
    endpoint_clients: int = 8
    endpoint_query: str = "partner-counts"
    json_out: Path = OUT / "bench.json"
    results_md: Path | None = None  # a Markdown file whose marked section gets the table
    progress: bool = True


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))


def run_child(job: Job, path: Path, settings: Settings, log: Path) -> tuple[dict, str]:
    """Run one stage child; (its JSON report, status)."""
    command = [sys.executable, "-m", "bench.stages", job.stage, job.engine, str(path),
               "--repeat", str(settings.repeat), "--budget", str(settings.budget),
               "--option", f"query_timeout={settings.query_timeout}"]
    for key, value in job.options.items():
        command += ["--option", f"{key}={value}"]
    timeout = float(getattr(settings, job.timeout_option))
    if job.stage in CLOCKED_STAGES:  # the child stops itself; the runner's limit is a backstop
        command += ["--option", f"limit={timeout}"]
        timeout = max(timeout, settings.timeout)
    env = dict(os.environ, PYTHONUNBUFFERED="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    with log.open("a", encoding="utf-8") as err:
        err.write(f"\n=== {' '.join(command)}\n")
        err.flush()
        # A session of its own, so a timeout stops the processes the stage forked too
        # (validation workers): killing the child alone left them running into later stages.
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True,
                                 env=env, cwd=ROOT, preexec_fn=_limit_memory,
                                 start_new_session=True)
        try:
            stdout, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return {"timeout_s": timeout}, "timeout"
    if child.returncode != 0:
        last = stdout.strip().splitlines()[-1:] if stdout else []
        if last and last[0].startswith('{"timeout_s"'):
            return json.loads(last[0]), "timeout"
        return {"returncode": child.returncode}, "error"
    return json.loads(stdout.strip().splitlines()[-1]), "ok"


class Runner:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.measures: list[Measure] = []
        self.notes: list[str] = []
        self.machine: dict[str, Any] = {}
        self.log = settings.json_out.with_suffix(".log")
        self.started = time.perf_counter()

    def say(self, text: str) -> None:
        if self.settings.progress:
            elapsed = time.perf_counter() - self.started
            print(f"[bench {elapsed:7.1f} s] {text}", file=sys.stderr, flush=True)

    # --- bookkeeping ---------------------------------------------------------------------

    def timed_out_before(self, stage: str, engine: str) -> str | None:
        for m in self.measures:
            if m.stage == stage and m.engine == engine and m.status in ("timeout", "skipped"):
                return m.scale
        return None

    def extrapolated(self, stage: str, engine: str, triples: int, timeout: float) -> str | None:
        """Why not to run a stage that a smaller scale, scaled linearly, says would time out."""
        for m in reversed(self.measures):
            if m.stage == stage and m.engine == engine and m.runs and m.triples:
                predicted = statistics.median(m.runs) * triples / m.triples
                if predicted > EXTRAPOLATION_MARGIN * timeout:
                    return (f"not run: {m.scale} took {statistics.median(m.runs):.0f} s, "
                            f"linearly ≈ {predicted:.0f} s here, past the {timeout:.0f} s timeout")
                return None
        return None

    def add(self, measure: Measure) -> None:
        self.measures.append(measure)
        self.write()

    def write(self) -> None:
        from bench.report import markdown, rows

        out = self.settings.json_out
        out.parent.mkdir(parents=True, exist_ok=True)
        table = rows(self.measures)
        out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
        text = markdown(table, self.measures, self.machine, self.notes)
        out.with_suffix(".md").write_text(text, encoding="utf-8")
        if self.settings.results_md is not None:
            replace_marked(self.settings.results_md, text)

    # --- running -------------------------------------------------------------------------

    def run(self) -> list[dict]:
        from bench.machine import machine_info

        self.machine = machine_info()
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.log.write_text("", encoding="utf-8")
        selected = [s for s in RUN_ORDER if s in self.settings.stages]
        if "cli" in self.settings.stages:
            self.run_cli()
        for triples in self.settings.scales:
            self.say(f"preparing {scale_name(triples)}")
            data = prepare(triples, seed=self.settings.seed, documents=self.settings.documents)
            self.say(f"{data.name}: {data.graph_triples} graph triples, {data.dataset_triples} "
                     f"with background, {data.document_count} documents")
            for stage in selected:
                if stage == "ingest" and "build" in selected:
                    continue  # the build child measured ingestion (same code, same documents)
                if stage == "endpoint":
                    self.run_endpoint(data)
                    continue
                for job in jobs_for(stage):
                    self.run_job(job, data)
        from bench.report import rows

        return rows(self.measures)

    def run_job(self, job: Job, data: ScaleData) -> None:
        label = job.label or job.stage
        inputs = {"graph": (data.graph, data.graph_triples),
                  "dataset": (data.dataset, data.dataset_triples),
                  "documents": (data.documents, data.graph_triples)}
        path, triples = inputs[job.input]
        earlier = self.timed_out_before(label, job.engine)
        if earlier is not None:
            self.add(Measure(label, job.engine, data.name, triples, status="skipped",
                             note=f"not run: timed out at {earlier}", peer=job.peer))
            return
        timeout = float(getattr(self.settings, job.timeout_option))
        reason = (self.extrapolated(label, job.engine, triples, timeout)
                  if job.stage in EXTRAPOLATED_STAGES else None)
        if reason is not None:
            self.add(Measure(label, job.engine, data.name, triples, status="skipped",
                             note=reason, peer=job.peer))
            return
        self.say(f"{data.name} {label} {job.engine} …")
        report, status = run_child(job, path, self.settings, self.log)
        while status == "ok" and report.get("info", {}).get("incomplete"):
            # a query timed out and its child stopped: run the rest in a fresh child
            done = ",".join(report["results"])
            rest = Job(**{**job.__dict__, "options": {**job.options, "skip": done}})
            more, more_status = run_child(rest, path, self.settings, self.log)
            if more_status != "ok":
                report["info"] = {}  # keep what was measured; the rest is lost
                self.notes.append(f"{data.name} {label} {job.engine}: the child for the "
                                  f"queries after {done.rsplit(',', 1)[-1]} ended: {more_status}")
                break
            report = {"results": {**report["results"], **more["results"]},
                      "peak_mb": max(report["peak_mb"], more["peak_mb"]),
                      "info": more.get("info", {})}
        if status != "ok":
            note = (f"> {report['timeout_s']:.0f} s" if status == "timeout"
                    else f"exit {report.get('returncode')} (see {self.log.name})")
            self.add(Measure(label, job.engine, data.name, triples, status=status, note=note,
                             peer=job.peer))
            return
        info = report.get("info", {})
        if job.stage == "build":
            self.add_build(data, report, info)
            return
        if job.stage == "ingest":
            triples = int(info.get("triples", triples))
        if job.stage == "reason":
            triples = int(info.get("input_triples", triples))
        for sub, result in report["results"].items():
            stage = f"{label}:{sub}" if sub else label
            if isinstance(result, dict):
                self.measures.append(Measure(stage, job.engine, data.name, triples,
                                             peak_mb=report["peak_mb"], status=result["status"],
                                             note=result["message"], peer=job.peer))
                continue
            note = _note(job, info, result)
            self.measures.append(Measure(stage, job.engine, data.name, triples, result,
                                         report["peak_mb"], note=note, peer=job.peer))
        self.write()

    def add_build(self, data: ScaleData, report: dict, info: dict) -> None:
        """The build row, and rows for its ingest/reason/validate/export stages."""
        triples = int(info.get("asserted", data.graph_triples))
        documents = int(info.get("documents", data.document_count))
        seconds = report["results"][""]
        stage_seconds: dict[str, float] = info.get("stage_seconds", {})
        stage_peaks: dict[str, float] = info.get("stage_peak_mb", {})
        self.measures.append(Measure(
            "build", "spkg", data.name, triples, seconds, report["peak_mb"],
            note=f"{documents} documents, {info.get('inferred', 0)} inferred, "
                 f"{info.get('violations', 0)} violations"))
        for stage, secs in stage_seconds.items():
            label = "ingest" if stage == "ingest" else f"build:{stage}"
            note = (f"{documents} documents, {documents / secs:.1f} documents/s"
                    if stage == "ingest" and secs else "")
            self.measures.append(Measure(label, "spkg", data.name, triples, [secs],
                                         stage_peaks.get(stage), note=note))
        self.write()

    def run_cli(self) -> None:
        """`spkg --help` and `spkg build` on the bundled seeds: wall seconds, peak memory."""
        import tempfile

        from spkg.dataset import load_asserted

        spkg = str(Path(sys.executable).parent / "spkg")
        triples = sum(len(graph) for graph in load_asserted().graphs())  # seeds + background
        with tempfile.TemporaryDirectory(prefix="spkg-bench-cli-") as work:
            env = dict(os.environ, SPKG_CACHE_DIR=str(Path(work) / "cache"))
            commands = {"cli:help": [spkg, "--help"],
                        "cli:build-seeds": [spkg, "build", "-q", "--allow-invalid",
                                            "-o", str(Path(work) / "dist")]}
            for stage, command in commands.items():
                self.say(f"seeds {stage} …")
                runs, peak = [], 0.0
                for _ in range(self.settings.repeat):
                    seconds, peak_mb, code = _wall(command, env)
                    if code != 0:
                        self.add(Measure(stage, "spkg", "seeds", triples, status="error",
                                         note=f"exit {code}"))
                        break
                    runs.append(seconds)
                    peak = max(peak, peak_mb)
                else:
                    note = "cold reasoning cache on the first run only" \
                        if stage == "cli:build-seeds" else ""
                    self.add(Measure(stage, "spkg", "seeds", triples, runs, peak, note=note))

    def run_endpoint(self, data: ScaleData) -> None:
        from bench.endpoint import measure_endpoints

        earlier = self.timed_out_before("endpoint", "spkg serve")
        if earlier is not None:
            self.add(Measure("endpoint", "spkg serve", data.name, data.dataset_triples,
                             status="skipped", note=f"not run: failed at {earlier}",
                             peer="oxigraph serve"))
            return
        self.say(f"{data.name} endpoint: spkg serve vs oxigraph serve …")
        s = self.settings
        for name, result in measure_endpoints(
                data.dataset, query=s.endpoint_query, seconds=s.endpoint_seconds,
                requests=s.endpoint_requests, clients=s.endpoint_clients, log=self.log).items():
            peer = "oxigraph serve" if name == "spkg serve" else None
            if "error" in result:
                self.measures.append(Measure("endpoint", name, data.name, data.dataset_triples,
                                             status="error", note=result["error"], peer=peer))
                continue
            latency = [result["p50_ms"] / 1000] if result.get("p50_ms") is not None else []
            self.measures.append(Measure(
                "endpoint", name, data.name, data.dataset_triples, latency, result.get("peak_mb"),
                note=f"{s.endpoint_query}, {s.endpoint_clients} clients, {result['requests']} "
                     f"requests, {result['errors']} errors, p99 {result.get('p99_ms')} ms",
                peer=peer, rps=result["rps"]))
        self.write()


def _wall(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak MB (this child's own rusage) and exit code of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


BEGIN_MARK = "<!-- bench:begin (written by python -m bench --results) -->"
END_MARK = "<!-- bench:end -->"


def replace_marked(path: Path, text: str) -> None:
    """Put ``text`` between the bench markers of ``path`` (appended with markers if absent)."""
    from spkg.atomic import atomic_write_bytes

    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    body = text.replace("# Benchmark results\n", "", 1).strip()
    section = f"{BEGIN_MARK}\n{body}\n{END_MARK}"
    if BEGIN_MARK in old and END_MARK in old:
        head, _, rest = old.partition(BEGIN_MARK)
        _, _, tail = rest.partition(END_MARK)
        new = head + section + tail
    else:
        new = old.rstrip() + ("\n\n" if old else "") + section + "\n"
    atomic_write_bytes(path, new.encode("utf-8"))


def _note(job: Job, info: dict, runs: Sequence[float]) -> str:
    if job.stage == "ingest" and runs:
        documents = int(info.get("documents", 0))
        return f"{documents} documents, {documents / statistics.median(runs):.1f} documents/s"
    if job.stage == "reason":
        return f"{info.get('inferred', '?')} inferred, {info.get('batches', '?')} batches"
    if job.stage == "validate":
        return f"conforms={info.get('conforms')}, {info.get('counts', {})}"
    return ""


def run(settings: Settings) -> list[dict]:
    return Runner(settings).run()


def settings_from(scales: Sequence[str], stages: Sequence[str],
                  **options: Any) -> Settings:
    return Settings(scales=[parse_scale(s) for s in scales], stages=list(stages), **options)


__all__ = ["STAGES", "Settings", "run", "settings_from"]
