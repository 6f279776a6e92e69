"""Stored queries before and after a change, as whole `spkg query` processes and as a
pyoxigraph script on the same store, side by side (issue 17).

    python -m bench.query_1m --build BUILD --before OLD_TREE [--repeat 2] [--only NAME ...]

OLD_TREE is a copy of the repository at the commit to compare with (``git archive REV
src queries ontology | tar -x -C OLD_TREE``); its `spkg` runs with PYTHONPATH=OLD_TREE/src,
the current one from this checkout. Each round runs, per query, in this order: old spkg,
old text in the script, new spkg, new text in the script, so the four share the machine's
load. Prints a Markdown table of medians: wall seconds, and CPU seconds (user + system of
the child process), which the load disturbs less.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.stages import QUERY_PARAMS
from bench.store_bench import ENV, PEER

ROOT = Path(__file__).resolve().parent.parent
SIDES = ("spkg old", "script old", "spkg new", "script new")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def bound_texts(build: Path, tree: Path, work: Path, tag: str) -> dict[str, Path]:
    """Each stored query of ``tree`` with the bench parameters bound, as files."""
    from spkg.queries import bind_parameters, catalogue
    from spkg.queries.catalogue import StoredQuery
    from spkg.rdfcore.values import insert_values
    from spkg.store.build_dir import Build
    from spkg.store.oxigraph import OxigraphStore

    files = {}
    with Build(build) as opened:
        store = OxigraphStore(store=opened.store)
        for name, stored in sorted(catalogue().items()):
            text = (tree / "queries" / f"{name}.rq").read_text(encoding="utf-8")
            query = StoredQuery(**{**stored.__dict__, "text": text})
            bound = insert_values(text, bind_parameters(query, QUERY_PARAMS.get(name, {}),
                                                        store))
            files[name] = work / f"{name}.{tag}.rq"
            files[name].write_text(bound, encoding="utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.query_1m")
    parser.add_argument("--build", type=Path, required=True)
    parser.add_argument("--before", type=Path, required=True, help="the old tree")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args(argv)

    old_env = {**ENV, "PYTHONPATH": str(args.before / "src")}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        old = bound_texts(args.build, args.before, work, "old")
        new = bound_texts(args.build, ROOT, work, "new")
        names = [n for n in sorted(new) if not args.only or n in args.only]
        times: dict[str, dict[str, list[tuple[float, float]]]] = {
            n: {side: [] for side in SIDES} for n in names}
        store = str(args.build / "store")
        for _ in range(args.repeat):
            for name in names:
                flags = [x for k, v in QUERY_PARAMS.get(name, {}).items()
                         for x in ("-p", f"{k}={v}")]
                cli = [sys.executable, "-m", "spkg", "query", name, *flags,
                       "--graph", str(args.build), "-f", "csv"]
                runs = {"spkg old": (cli, old_env),
                        "script old": ([sys.executable, "-c", PEER, store, str(old[name])], ENV),
                        "spkg new": (cli, ENV),
                        "script new": ([sys.executable, "-c", PEER, store, str(new[name])], ENV)}
                for side in SIDES:
                    times[name][side].append(timed(*runs[side]))
                print(f"{name}: " + ", ".join(f"{s} {times[name][s][-1][0]:.2f}"
                                              for s in SIDES), file=sys.stderr)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print("\n| query | " + " | ".join(f"{s} wall / CPU" for s in SIDES)
          + " | new/old CPU | spkg/script new, wall |")
    print("|---|" + "---:|" * (len(SIDES) + 2))
    for name in names:
        med = {s: (statistics.median(w for w, _ in times[name][s]),
                   statistics.median(c for _, c in times[name][s])) for s in SIDES}
        cells = " | ".join(f"{med[s][0]:.2f} / {med[s][1]:.2f}" for s in SIDES)
        gain = med["spkg new"][1] / med["spkg old"][1]
        ratio = med["spkg new"][0] / med["script new"][0]
        print(f"| {name} | {cells} | {gain:.2f} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
