"""Benchmark rows (the JSON) and the Markdown table, with the targets of issue 9 checked."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.runner import Measure

ROW_KEYS = ("stage", "engine", "scale", "triples", "seconds_min", "seconds_median", "peak_mb",
            "peer", "peer_seconds_median", "ratio")
ENDPOINT_KEYS = ("rps", "peer_rps")


def _median(runs: Sequence[float]) -> float | None:
    return round(statistics.median(runs), 4) if runs else None


def rows(measures: Sequence[Measure]) -> list[dict[str, Any]]:
    """One row per measure, with EXACTLY the keys of ROW_KEYS (+ rps, peer_rps for endpoints)."""
    index = {(m.stage, m.engine, m.scale): m for m in measures}
    table = []
    for m in measures:
        peer = index.get((m.stage, m.peer, m.scale)) if m.peer else None
        median = _median(m.runs)
        peer_median = _median(peer.runs) if peer else None
        row: dict[str, Any] = {
            "stage": m.stage,
            "engine": m.engine,
            "scale": m.scale,
            "triples": m.triples,
            "seconds_min": round(min(m.runs), 4) if m.runs else None,
            "seconds_median": median,
            "peak_mb": round(m.peak_mb) if m.peak_mb is not None else None,
            "peer": m.peer,
            "peer_seconds_median": peer_median,
            "ratio": round(median / peer_median, 2) if median and peer_median else None,
        }
        if m.stage == "endpoint":
            row["rps"] = m.rps
            row["peer_rps"] = peer.rps if peer else None
        table.append(row)
    return table


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}g}" if value < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table_markdown(table: Sequence[dict[str, Any]], measures: Sequence[Measure]) -> str:
    lines = ["| stage | engine | scale | triples | min s | median s | peak MB | peer | "
             "peer median s | ratio | notes |",
             "|---|---|---|---:|---:|---:|---:|---|---:|---:|---|"]
    for row, m in zip(table, measures, strict=True):
        note = m.note if m.status == "ok" else f"**{m.status}** {m.note}".strip()
        if "rps" in row:
            note = f"{_fmt(row['rps'])} req/s (peer {_fmt(row['peer_rps'])}); {note}"
        lines.append(
            f"| {row['stage']} | {row['engine']} | {row['scale']} | {_fmt(row['triples'])} | "
            f"{_fmt(row['seconds_min'])} | {_fmt(row['seconds_median'])} | "
            f"{_fmt(row['peak_mb'])} | {row['peer'] or '–'} | "
            f"{_fmt(row['peer_seconds_median'])} | {_fmt(row['ratio'])} | {note} |")
    return "\n".join(lines) + "\n"


def _find(table: Sequence[dict[str, Any]], stage: str, engine: str, scale: str
          ) -> dict[str, Any] | None:
    return next((r for r in table if r["stage"] == stage and r["engine"] == engine
                 and r["scale"] == scale), None)


def _check(value: float | None, limit: float, *, at_least: bool = False) -> str:
    if value is None:
        return "not measured"
    met = value >= limit if at_least else value <= limit
    return "met" if met else "**not met**"


def targets_markdown(table: Sequence[dict[str, Any]], scale: str = "1M") -> str:
    """The issue's targets at ``scale``, each with the measured figure and met / not met."""
    lines = [f"| target ({scale}) | measured | |", "|---|---:|---|"]

    def add(name: str, value: float | None, limit: float, unit: str = " s",
            at_least: bool = False) -> None:
        shown = "–" if value is None else f"{_fmt(float(value))}{unit}"
        lines.append(f"| {name} | {shown} | {_check(value, limit, at_least=at_least)} |")

    def median(stage: str, engine: str) -> float | None:
        row = _find(table, stage, engine, scale)
        return row["seconds_median"] if row else None

    if scale == "seeds":
        add("`spkg --help` ≤ 0.5 s", median("cli:help", "spkg"), 0.5)
        add("`spkg build` on the seeds ≤ 10 s", median("cli:build-seeds", "spkg"), 10)
        return "\n".join(lines) + "\n"
    add("load ≤ 10 s (spkg-oxigraph)", median("load", "spkg-oxigraph"), 10)
    add("load ≤ 10 s (rdflib)", median("load", "rdflib"), 10)
    add("OWL 2 RL closure ≤ 60 s (reasonable)", median("reason", "reasonable"), 60)
    add("OWL 2 RL closure ≤ 60 s (owlrl)", median("reason", "owlrl"), 60)
    add("SHACL validation ≤ 120 s (inference none)", median("validate:none", "pyshacl"), 120)
    add("full build ≤ 5 min", median("build", "spkg"), 300)
    build = _find(table, "build", "spkg", scale)
    add("build peak memory ≤ 4 GB", build["peak_mb"] if build else None, 4096, " MB")
    for engine in ("spkg-oxigraph", "rdflib"):
        queries = [r for r in table if r["stage"].startswith("query:") and r["engine"] == engine
                   and r["scale"] == scale]
        if queries:
            slowest = max(queries, key=lambda r: r["seconds_median"] or float("inf"))
            worst = max(queries, key=lambda r: r["ratio"] or float("inf"))
            add(f"every stored query median ≤ 1 s ({engine})",
                slowest["seconds_median"] or float("inf"), 1, f" s ({slowest['stage'][6:]})")
            add(f"every stored query ≤ 2× pyoxigraph ({engine})",
                worst["ratio"] or float("inf"), 2, f"× ({worst['stage'][6:]})")
    endpoint = _find(table, "endpoint", "spkg serve", scale)
    share = None
    if endpoint and endpoint.get("rps") and endpoint.get("peer_rps"):
        share = 100 * endpoint["rps"] / endpoint["peer_rps"]
    add("endpoint ≥ 50% of oxigraph serve req/s", share, 50, "%", at_least=True)
    return "\n".join(lines) + "\n"


def memory_markdown(table: Sequence[dict[str, Any]]) -> str:
    """Peak memory of the stages that hold the whole graph, per scale, and per 1k triples."""
    wanted = [("build", "spkg"), ("load", "rdflib"), ("load", "spkg-oxigraph"),
              ("reason", "reasonable"), ("validate:none", "pyshacl"), ("query", "rdflib"),
              ("query", "spkg-oxigraph")]
    lines = ["| stage | engine | scale | triples | peak MB | MB per 1k triples |",
             "|---|---|---|---:|---:|---:|"]
    for stage, engine in wanted:
        for row in table:
            name = row["stage"].split(":")[0] if stage == "query" else row["stage"]
            if name != stage or row["engine"] != engine or not row["peak_mb"]:
                continue
            if stage == "query" and not row["stage"].endswith(":body-members"):
                continue  # one row per query child is enough: they share the child
            per_k = row["peak_mb"] / (row["triples"] / 1000) if row["triples"] else None
            lines.append(f"| {stage} | {engine} | {row['scale']} | {_fmt(row['triples'])} | "
                         f"{_fmt(row['peak_mb'])} | {_fmt(per_k)} |")
    return "\n".join(lines) + "\n"


def markdown(table: Sequence[dict[str, Any]], measures: Sequence[Measure],
             machine: dict[str, Any], notes: Sequence[str] = ()) -> str:
    libraries = ", ".join(f"{k} {v}" for k, v in machine.get("libraries", {}).items())
    scales = list(dict.fromkeys(r["scale"] for r in table))
    parts = [
        "# Benchmark results\n",
        f"Machine: {machine.get('nproc')} CPUs ({machine.get('cpu')}), "
        f"{machine.get('memory_gb')} GB memory, {machine.get('os')}; Python "
        f"{machine.get('python')}; {libraries}. Load average at start: "
        f"{machine.get('load_average_at_start')}.\n",
        "Seconds are wall-clock per run (min and median over the runs); peak MB is the peak "
        "resident memory of the child process that ran the stage (data included); ratio is "
        "ours / the peer's median seconds (below 1: faster than the peer).\n",
        table_markdown(table, measures),
    ]
    for scale in scales:
        parts.append(f"\n## Targets at {scale}\n\n" + targets_markdown(table, scale))
    parts.append("\n## Memory against size\n\n" + memory_markdown(table))
    parts += [f"\n{note}\n" for note in notes]
    return "\n".join(parts)
