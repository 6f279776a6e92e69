"""The ontology itself: :func:`check_ontology` (ROBOT-style quality checks) and
:func:`write_ontology_docs` (one HTML page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from spkg.api.graph import as_path

if TYPE_CHECKING:
    from rdflib import Graph

    from spkg.ontodoc import OntologyDoc
    from spkg.ontology_checks import CheckResult

def ontology_checks() -> list[str]:
    """The quality checks, one line each: level, name, whether it needs data, summary.

    >>> from spkg.api.ontology import ontology_checks
    >>> any(line.startswith("ERROR unresolved-import") for line in ontology_checks())
    True
    """
    from spkg import ontology_checks as checks

    lines = []
    for check in checks.load_checks():
        needs = " (needs data)" if check.needs_data else ""
        lines.append(f"{check.level.name:5} {check.name}{needs}: {check.summary}")
    lines.append(f"ERROR {checks.UNRESOLVED_IMPORT}: an owl:imports that no local file resolves")
    return lines


class OntologyReport(NamedTuple):
    """What :func:`check_ontology` found: ``results`` worst first, and what was checked."""

    path: Path
    ontology: Graph
    results: list[CheckResult]
    data_files: list[Path]
    data_triples: int | None  # None: checked without data

    def at_level(self, level: str) -> int:
        """How many results are at ``level`` (error, warn or info)."""
        return sum(1 for result in self.results if result.level.name == level.upper())

    def failed(self, fail_on: str = "error") -> bool:
        """Whether any result is at ``fail_on`` (error or warn) or worse."""
        from spkg.ontology_checks import Level, failures

        return bool(failures(self.results, Level[fail_on.upper()]))

    def lines(self, *, show_info: bool = False) -> list[str]:
        """One line a result, prefixed names as the ontology binds them; INFO only with
        ``show_info``."""
        from spkg.ontology_checks import Level

        return [result.text(self.ontology) for result in self.results
                if result.level > Level.INFO or show_info]

    def summary(self, fail_on: str = "error") -> str:
        """The verdict line: what was checked, the counts per level, PASS or FAIL."""
        from spkg.words import count

        files = count(len(self.data_files), "data file")
        scope = f"{files}, {count(self.data_triples, 'triple')}" \
            if self.data_triples is not None else "no data"
        verdict = "FAIL" if self.failed(fail_on) else "PASS"
        return (f"{self.path.name} ({count(len(self.ontology), 'triple')}; {scope}): "
                f"{count(self.at_level('error'), 'error')}, "
                f"{count(self.at_level('warn'), 'warning')}, "
                f"{self.at_level('info')} info — {verdict} (fail on {fail_on})")


def check_ontology(*, ontology: Path | str | None = None,
                   data: Sequence[Path | str] | None = None,
                   with_data: bool = True) -> OntologyReport:
    """Run the ontology's quality checks (SPARQL queries with ERROR/WARN/INFO levels) on
    ``ontology`` (default: the packaged one) and on the ``data`` it describes (default: every
    reference vocabulary and the committed document graphs; ``with_data=False``: none, and
    the checks that need data are skipped). An empty ontology is an error.

    >>> import spkg
    >>> report = spkg.check_ontology(with_data=False)
    >>> report.failed("error"), report.data_triples
    (False, None)
    """
    from rdflib import Graph

    from spkg import ontology_checks as checks
    from spkg import paths
    from spkg.errors import InputError
    from spkg.prefixes import bind_prefixes
    from spkg.rdfio import parse_into

    path = as_path(ontology) or paths.ontology_file()
    graph = Graph()
    bind_prefixes(graph)
    parse_into(graph, path)
    if len(graph) == 0:
        raise InputError("the ontology is empty", path=path)
    files: list[Path] = []
    described = None
    if with_data:
        files = [Path(file) for file in data] if data else checks.default_data_files()
        described = checks.load_data(files)
    results = checks.run_checks(graph, described, import_dirs=[path.resolve().parent])
    return OntologyReport(path, graph, results, files,
                          len(described) if described is not None else None)


def write_ontology_docs(out: Path | str, *, ontology: Path | str | None = None) -> OntologyDoc:
    """Render ``ontology`` (default: the packaged one) as one HTML page, ``out/index.html``,
    with a copy of the ontology beside it; return what the page documents (``classes``,
    ``properties``, ``individuals``).

    >>> import pathlib, tempfile
    >>> import spkg
    >>> doc = spkg.write_ontology_docs(pathlib.Path(tempfile.mkdtemp()) / "ontology")
    >>> len(doc.classes) > 10
    True
    """
    from spkg.ontodoc import write_docs

    return write_docs(Path(out), as_path(ontology))[1]
