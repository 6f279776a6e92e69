"""`spkg query` on a terminal shows a table's first page and says how many rows are left;
a file, a pipe, --all and the other formats get every row."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from spkg import paths
from spkg.commands.query import PAGE_ROWS

QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?s) && !isBlank(?o)) } ORDER BY ?s ?p ?o"


def spkg(*args: str, terminal: bool) -> tuple[str, str]:
    """Standard output and error of ``spkg query`` on the ontology file (rdflib, no build),
    its output into a pseudo-terminal or a pipe."""
    command = [sys.executable, "-m", "spkg", "query", "--data", str(paths.ontology_file()),
               "--sparql", QUERY, "--wide", *args]
    env = {**os.environ, "COLUMNS": "200"}
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120,
                              check=True)
        return done.stdout, done.stderr
    main, child = pty.openpty()
    process = subprocess.Popen(command, stdout=child, stderr=subprocess.PIPE, env=env)
    os.close(child)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif process.poll() is not None:
            break
    os.close(main)
    assert process.stderr is not None
    error = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=30) == 0, error
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n"), error


def rows(table: str) -> list[list[str]]:
    """A table's rows, cell by cell (the columns' widths follow the rows shown)."""
    return [line.split() for line in table.splitlines()[2:]
            if line.strip() and not line.startswith("(")]


def test_a_terminal_gets_the_first_page_and_a_count_of_the_rest() -> None:
    every, _ = spkg(terminal=False)
    total = len(rows(every))
    assert total > PAGE_ROWS
    shown, error = spkg(terminal=True)
    assert rows(shown) == rows(every)[:PAGE_ROWS]
    assert f"showing the first {PAGE_ROWS} of {total:,} rows" in error
    assert "--all" in error


def test_all_shows_every_row_on_a_terminal() -> None:
    every, _ = spkg(terminal=False)
    shown, error = spkg("--all", terminal=True)
    assert rows(shown) == rows(every)
    assert "showing the first" not in error


def test_csv_on_a_terminal_is_whole() -> None:
    every, _ = spkg("-f", "csv", terminal=False)
    shown, _ = spkg("-f", "csv", terminal=True)
    assert shown.splitlines() == every.splitlines()
    assert len(every.splitlines()) > PAGE_ROWS + 1


def test_all_and_limit_together_are_refused(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "spkg", "query", "--data",
                           str(paths.ontology_file()), "--sparql", QUERY, "--all",
                           "--limit", "3"], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert done.returncode != 0
    assert "--all or --limit" in done.stderr
