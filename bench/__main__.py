"""`python -m bench`: every stage at every scale against its peer, in one run.

    python -m bench                                  # 10k, 100k and 1M, every stage
    python -m bench --scale 10k --stages load query  # a quick look
    python -m bench --json bench/out/bench.json      # rows as JSON (+ .md next to it)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.data import OUT
from bench.runner import STAGES, run, settings_from


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--scale", nargs="+", default=["10k", "100k", "1M"],
                        help="graph sizes in document triples (default: 10k 100k 1M)")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES),
                        metavar="STAGE",
                        help=f"stages to run (default: all of {', '.join(STAGES)})")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per measurement (fewer once a measurement took --budget s)")
    parser.add_argument("--budget", type=float, default=20.0,
                        help="stop repeating a measurement after this many seconds (default 20)")
    parser.add_argument("--json", type=Path, default=OUT / "bench.json", metavar="OUT",
                        help="rows as JSON; the Markdown table goes next to it (.md)")
    parser.add_argument("--results", type=Path, default=None, metavar="MD",
                        help="also write the table between the bench markers of this file "
                             "(bench/RESULTS.md)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--documents", type=int, default=None,
                        help="generated documents per scale (default: enough for the scale)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per stage child")
    parser.add_argument("--owlrl-timeout", type=float, default=60.0,
                        help="seconds before owlrl is recorded as a timeout (default 60)")
    parser.add_argument("--validate-timeout", type=float, default=150.0,
                        help="seconds before a SHACL run is recorded as a timeout (default 150)")
    parser.add_argument("--query-timeout", type=float, default=60.0)
    parser.add_argument("--endpoint-seconds", type=float, default=10.0,
                        help="seconds of load per server (default 10)")
    parser.add_argument("--endpoint-query", default="partner-counts")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    table = run(settings_from(
        args.scale, args.stages, repeat=args.repeat, budget=args.budget, seed=args.seed,
        documents=args.documents, timeout=args.timeout, owlrl_timeout=args.owlrl_timeout,
        validate_timeout=args.validate_timeout, query_timeout=args.query_timeout,
        endpoint_seconds=args.endpoint_seconds, endpoint_query=args.endpoint_query,
        json_out=args.json, results_md=args.results, progress=not args.quiet))
    print(f"{len(table)} rows → {args.json} and {args.json.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
