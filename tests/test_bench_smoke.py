"""Keep the benchmark code working: the runner end to end at a tiny scale (not timed).

2k synthetic triples and 5 generated documents; every stage must produce rows with exactly
the documented keys (the stages in three parts that can run side by side). The figures
themselves are not checked: this is not a benchmark run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate_documents import document_text, generate_documents  # noqa: E402
from bench.report import ENDPOINT_KEYS, ROW_KEYS  # noqa: E402
from bench.runner import STAGES, jobs_for  # noqa: E402

# The stages whose rows a tiny run must contain, by the row's stage name (prefix).
EXPECTED_STAGES = ("cli:help", "cli:build-seeds", "ingest", "load", "reason", "validate:none",
                   "validate:rdfs", "query:", "export:", "endpoint", "build")


def test_generated_documents_are_deterministic_and_ingestible(tmp_path: Path) -> None:
    from spkg.ingest import ingest_paths
    from spkg.ingest.detect import COUNTRY_PAGE, PRESS_RELEASE, RESULT_RECORD, detect_kind

    assert document_text(3, seed=7) == document_text(3, seed=7)
    assert document_text(3, seed=7) != document_text(3, seed=8)
    files = generate_documents(tmp_path, 12, seed=1)
    kinds = {detect_kind(f.read_text(encoding="utf-8")) for f in files}
    # 12 documents are enough to draw all three templates (none falls back to a web page)
    assert kinds == {RESULT_RECORD, COUNTRY_PAGE, PRESS_RELEASE}
    result = ingest_paths(files, progress=False, strict=True)
    assert len(result.documents) == 12
    assert all(len(triples) > 50 for triples in result.triples.values())


def test_generated_graph_conforms_to_the_shapes() -> None:
    """The synthetic graph has the real shape: what SHACL finds is only in reference data.

    (The UN SDG KOS gives indicator C200303 two French prefLabels that differ by a trailing
    space; validation rightly reports it whenever a document points at target 1.5.)
    """
    from bench.generate_graph import iter_quads
    from spkg.dataset import load_background, new_dataset
    from spkg.validate import validate_dataset

    dataset = new_dataset()
    load_background(dataset)
    for quad in iter_quads(3_000, seed=5):
        dataset.add(quad)  # type: ignore[arg-type]
    result = validate_dataset(dataset, workers=1)
    ours = [r for r in result.results if str(r.focus).startswith("https://w3id.org/spkg/id/")]
    assert ours == [], [(r.shape, r.focus, r.message) for r in ours[:5]]


# The tiny run in three parts, each a process of its own, so that xdist can give them to
# three workers (whole, it took 230-245 s on one, and timed out at its 230 s under load):
# part -> (the runner's stages, the row stages it must write). Each part pays once for
# starting and for preparing the inputs (5-10 s), so few parts, of about the same length.
# The endpoint rows go with the cli rows: at 1 s of load no request may finish, and a part
# must still have most of its rows measured.
PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cli-endpoint": (("cli", "endpoint"), ("cli:help", "cli:build-seeds", "endpoint")),
    "build-validate": (("build", "ingest", "validate"),  # the ingest rows are the build's
                       ("build", "ingest", "validate:none", "validate:rdfs")),
    "data": (("load", "query", "reason", "export"), ("load", "query:", "reason", "export:")),
}

# Runs the runner's own main with the inputs in a folder of the test's: bench/data.py writes
# bench/out/ with fixed temporary names, which two parts at once would race on.
MAIN_ELSEWHERE = """
import sys
from pathlib import Path
import bench.data, bench.reason_bench
bench.data.OUT = bench.reason_bench.OUT = Path(sys.argv[1])
from bench.__main__ import main
raise SystemExit(main(sys.argv[2:]))
"""


def run_in_session(command: list[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in a session of its own, and on a timeout (or any interruption) stop
    its whole process group: a runner killed alone left its endpoint's `spkg serve` running."""
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, start_new_session=True) as child:
        try:
            out, err = child.communicate(timeout=timeout)
        except BaseException:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            raise
    return subprocess.CompletedProcess(command, child.returncode, out, err)


def test_a_timed_out_run_leaves_no_process_behind(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    script = (f"import subprocess, sys, time; child = subprocess.Popen([sys.executable, '-c', "
              f"'import time; time.sleep(60)']); open({str(pid_file)!r}, 'w').write("
              f"str(child.pid)); time.sleep(60)")
    with pytest.raises(subprocess.TimeoutExpired):
        run_in_session([sys.executable, "-c", script], timeout=3)
    grandchild = int(pid_file.read_text(encoding="utf-8"))
    for _ in range(50):  # bounded: 5 s for the kernel to reap it
        try:
            os.kill(grandchild, 0)
        except ProcessLookupError:
            return
        if Path(f"/proc/{grandchild}/stat").read_text().split(") ")[1].startswith("Z"):
            return  # ended; a zombie until init reaps it
        time.sleep(0.1)
    os.kill(grandchild, signal.SIGKILL)
    pytest.fail("the runner's child outlived the timeout")


def test_the_parts_cover_the_whole_run() -> None:
    assert {stage for stages, _ in PARTS.values() for stage in stages} == set(STAGES)
    assert {row for _, rows in PARTS.values() for row in rows} == set(EXPECTED_STAGES)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("part", sorted(PARTS))
def test_runner_end_to_end_at_tiny_scale(part: str, tmp_path: Path) -> None:
    selected, expected_stages = PARTS[part]
    out = tmp_path / "bench.json"
    options = ["--scale", "2k", "--documents", "5", "--repeat", "1", "--endpoint-seconds", "1",
               "--owlrl-timeout", "5", "--json", str(out), "--quiet", "--stages", *selected]
    # one part runs `python -m bench` itself (its inputs in bench/out/, as a user's run)
    command = ([sys.executable, "-m", "bench", *options] if part == "cli-endpoint" else
               [sys.executable, "-c", MAIN_ELSEWHERE, str(tmp_path / "out"), *options])
    done = run_in_session(command, timeout=230)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(out.read_text(encoding="utf-8"))
    for row in rows:
        expected = set(ROW_KEYS) | (set(ENDPOINT_KEYS) if row["stage"] == "endpoint" else set())
        assert set(row) == expected, row
    stages = {row["stage"] for row in rows}
    for stage in expected_stages:
        assert any(s == stage or (stage.endswith(":") and s.startswith(stage)) for s in stages), \
            f"no row for {stage}"
    engines = {(row["stage"].split(":")[0], row["engine"]) for row in rows}
    for stage in selected:
        for job in jobs_for(stage) if stage not in ("cli", "endpoint", "ingest") else []:
            assert (job.stage, job.engine) in engines, f"no row for {job.stage} {job.engine}"
    measured = [r for r in rows if r["seconds_median"] is not None]
    # most stages ran (errors and timeouts are rows too); rounded up in each part, so the
    # parts together have at least half of the whole run's rows measured
    assert 2 * len(measured) >= len(rows), [(r["stage"], r["engine"]) for r in rows]
    assert out.with_suffix(".md").read_text(encoding="utf-8").startswith("# Benchmark results")


def test_auto_store_picks_rdflib_for_small_and_oxigraph_for_large() -> None:
    from rdflib import Literal, URIRef

    from spkg.dataset import new_dataset
    from spkg.store import open_store
    from spkg.store.auto import AUTO_OXIGRAPH_ABOVE, choose_store

    assert choose_store(AUTO_OXIGRAPH_ABOVE) == "rdflib"
    assert choose_store(AUTO_OXIGRAPH_ABOVE + 1) == "oxigraph"
    dataset = new_dataset()
    dataset.graph(URIRef("https://example.org/g")).add(
        (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("o")))
    store = open_store("auto", dataset=dataset)
    assert store.name == "rdflib"
    assert store.count() == 1


@pytest.mark.timeout(120)
def test_validation_limit_counts_the_measured_work_only(tmp_path: Path) -> None:
    """A validate child stops itself at the limit and says so; loading is not counted."""
    from bench.generate_graph import write_nquads
    from bench.runner import Settings, run_child

    data = tmp_path / "graph.nq"
    write_nquads(data, 2_000, seed=1)
    job = next(j for j in jobs_for("validate") if j.label == "validate:none")
    log = tmp_path / "bench.log"
    settings = Settings(scales=[2_000], stages=["validate"], repeat=50, budget=1e9,
                        validate_timeout=0.5)
    report, status = run_child(job, data, settings, log)
    assert status == "timeout", log.read_text(encoding="utf-8")[-2000:]
    assert report["timeout_s"] == 0.5 and report["peak_mb"] > 0
    settings = Settings(scales=[2_000], stages=["validate"], repeat=1, validate_timeout=120)
    report, status = run_child(job, data, settings, log)
    assert status == "ok" and len(report["results"][""]) == 1
