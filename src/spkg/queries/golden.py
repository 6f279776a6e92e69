"""Regenerate the golden answers of the stored queries: ``python -m spkg.queries.golden``.

For every stored query, run its ``#+ example:`` parameters through the same code path as
``spkg query`` and write the SPARQL 1.1 JSON answer:

- ``tests/queries/golden/<name>.json`` on the seed graph (data/graphs/*.trig, the ontology,
  the reference data and the inferred graph: ``spkg.dataset.load_built()``);
- ``tests/queries/golden/fixture/<name>.json`` on the hand-written fixture
  (tests/queries/fixture.trig plus the ontology), which does not move when ingestion does.

Review the diff by hand before committing: a golden file is a claim about the seeds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shlex
import sys
from pathlib import Path

from rdflib import Dataset

from spkg import paths
from spkg.atomic import atomic_write_text
from spkg.queries.catalogue import StoredQuery, catalogue
from spkg.queries.formats import to_json_object
from spkg.queries.runner import run_stored
from spkg.store.base import QueryResult, Store

EMPTY_NOTE = "no answer on these data"


def query_tests_dir() -> Path:
    return paths.resource_root() / "tests" / "queries"


def golden_dir(which: str) -> Path:
    """``seed`` → tests/queries/golden; ``fixture`` → tests/queries/golden/fixture."""
    base = query_tests_dir() / "golden"
    return base if which == "seed" else base / "fixture"


def example_params(stored: StoredQuery) -> dict[str, str]:
    """The ``--param`` values of a stored query's example line."""
    words = shlex.split(stored.example)
    params: dict[str, str] = {}
    for flag, value in itertools.pairwise(words):
        if flag in ("--param", "-p"):
            name, _, text = value.partition("=")
            params[name] = text
    return params


def fixture_dataset() -> Dataset:
    """The ontology plus tests/queries/fixture.trig."""
    from spkg.dataset import load_files, new_dataset
    from spkg.namespace import ONTOLOGY_GRAPH
    from spkg.rdfio import parse_into

    dataset = new_dataset()
    parse_into(dataset, paths.ontology_file(), graph=ONTOLOGY_GRAPH)
    load_files(dataset, [query_tests_dir() / "fixture.trig"])
    return dataset


def seed_dataset() -> Dataset:
    from spkg.dataset import load_built

    return load_built()


def answer(store: Store, stored: StoredQuery) -> QueryResult:
    return run_stored(store, stored, example_params(stored), timeout=120)


def golden_json(result: QueryResult) -> str:
    data = to_json_object(result)
    if result.kind == "SELECT" and not result.rows:
        data["spkg:note"] = EMPTY_NOTE  # says so on purpose; the README explains why
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def regenerate(which: str) -> list[Path]:
    from spkg.store.memory import RdflibStore

    dataset = seed_dataset() if which == "seed" else fixture_dataset()
    store = RdflibStore(dataset)
    written = []
    for name, stored in catalogue().items():
        target = golden_dir(which) / f"{name}.json"
        atomic_write_text(target, golden_json(answer(store, stored)))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spkg.queries.golden", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", nargs="*", metavar="seed|fixture",
                        help="which goldens (default: both)")
    args = parser.parse_args(argv)
    unknown = set(args.which) - {"seed", "fixture"}
    if unknown:
        parser.error(f"unknown golden set(s): {', '.join(sorted(unknown))}")
    for which in args.which or ["seed", "fixture"]:
        for path in regenerate(which):
            print(path, file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
