"""bench/store_bench.py in process: wall and CPU time for spkg and its peer (not timed here)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.store_bench import inprocess_rows, wall_and_cpu  # noqa: E402
from spkg.store.resolve import seeds_build  # noqa: E402


def test_rows_carry_wall_and_cpu_time_for_each_engine() -> None:
    rows = inprocess_rows(seeds_build(progress=False), "seeds", 1, 2, ["timeline"])
    assert sorted(r["engine"] for r in rows) == ["pyoxigraph", "spkg-store", "spkg-store-rdflib"]
    for entry in rows:
        assert entry["stage"] == "query:timeline"
        assert len(entry["runs"]) == len(entry["cpu_runs"]) == 2
        assert entry["median_cpu_s"] >= 0 and entry["median_s"] > 0


def test_a_quick_call_is_warmed_up_before_it_is_timed() -> None:
    calls: list[int] = []
    wall, cpu = wall_and_cpu(lambda: calls.append(1))
    assert calls == [1, 1]
    assert wall >= 0 and cpu >= 0
