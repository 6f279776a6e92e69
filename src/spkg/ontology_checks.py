"""Quality checks of the ontology, in the style of ROBOT report / the OBO ontology development kit.

Each check is a SPARQL query in ``spkg/ontology_checks/<name>.rq`` with a header
(``#+ summary:``, ``#+ level: ERROR|WARN|INFO``, and ``#+ needs: data`` for checks that
look at the data). A query (run by pyoxigraph) sees two named graphs: the ontology in
``https://w3id.org/spkg/graph/ontology`` and the data in ``…/graph/check-data``; it
selects ``?term`` (the offending IRI) and, optionally, ``?message``. One check, whether
every ``owl:imports`` can be resolved offline, needs the file system and is written in Python.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from spkg.namespace import BASE, ONTOLOGY_GRAPH

CHECKS_DIR = Path(__file__).resolve().parent / "ontology_checks"
DATA_GRAPH = URIRef(BASE + "graph/check-data")
UNRESOLVED_IMPORT = "unresolved-import"
RDF_SUFFIXES = (".ttl", ".owl", ".rdf", ".nt", ".n3", ".jsonld")


class Level(enum.IntEnum):
    """Severity, ordered so that ``level >= fail_on`` decides failure."""

    INFO = 1
    WARN = 2
    ERROR = 3


@dataclass(frozen=True, order=True)
class CheckResult:
    level: Level
    check: str
    term: str
    message: str

    def text(self, graph: Graph | None = None) -> str:
        """One line: ``ERROR missing-label spkg:Foo: message``."""
        message = self.message
        if graph is not None:
            # longest namespace first, so a sub-namespace wins over its parent
            for prefix, namespace in sorted(graph.namespaces(), key=lambda item: -len(item[1])):
                if prefix:
                    message = message.replace(str(namespace), f"{prefix}:")
        return f"{self.level.name} {self.check} {_short(self.term, graph)}: {message}"


@dataclass(frozen=True)
class Check:
    name: str
    level: Level
    summary: str
    needs_data: bool
    query: str


def _short(term: str, graph: Graph | None) -> str:
    if graph is None:
        return f"<{term}>"
    try:
        return graph.namespace_manager.normalizeUri(URIRef(term))
    except Exception:  # rdflib refuses IRIs it cannot split; print them whole
        return f"<{term}>"


def _parse_header(text: str, path: Path) -> dict[str, str]:
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#+"):
            break
        key, _, value = line[2:].partition(":")
        header[key.strip()] = value.strip()
    for required in ("summary", "level"):
        if required not in header:
            raise ValueError(f"{path}: the header has no #+ {required}:")
    return header


@cache
def load_checks(folder: Path = CHECKS_DIR) -> tuple[Check, ...]:
    """Every check query of ``folder``, sorted by name."""
    checks = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = _parse_header(text, path)
        checks.append(
            Check(
                name=path.stem,
                level=Level[header["level"].upper()],
                summary=header["summary"],
                needs_data=header.get("needs", "") == "data",
                query=text,
            )
        )
    return tuple(checks)


def check_names() -> list[str]:
    """Names of all checks, the SPARQL ones and the Python one."""
    return sorted([check.name for check in load_checks()] + [UNRESOLVED_IMPORT])


def _check_store(ontology: Graph, data: Graph | None) -> pyoxigraph.Store:
    """The ontology and the data as two named graphs of an in-memory pyoxigraph store.

    pyoxigraph evaluates the check queries 10-100x faster than rdflib's SPARQL engine.
    """
    store = pyoxigraph.Store()
    for graph, name in ((ontology, ONTOLOGY_GRAPH), (data, DATA_GRAPH)):
        if graph is None:
            continue
        ntriples = Graph()
        for triple in graph.triples((None, None, None)):
            ntriples.add(triple)
        store.load(
            ntriples.serialize(format="nt", encoding="utf-8"),
            format=pyoxigraph.RdfFormat.N_TRIPLES,
            to_graph=pyoxigraph.NamedNode(str(name)),
        )
    return store


def _run_query(check: Check, store: pyoxigraph.Store) -> list[CheckResult]:
    results = []
    solutions = store.query(check.query)
    assert isinstance(solutions, pyoxigraph.QuerySolutions), f"{check.name} is not a SELECT"
    variables = {variable.value for variable in solutions.variables}
    for row in solutions:
        term = row["term"]
        if term is None:
            continue
        message = row["message"] if "message" in variables else None
        results.append(
            CheckResult(
                check.level,
                check.name,
                term.value,
                message.value if message is not None else check.summary,
            )
        )
    return results


def import_catalogue(import_dirs: Iterable[Path]) -> dict[str, Path]:
    """Ontology IRI and version IRI → local file, for every RDF file in ``import_dirs``."""
    catalogue: dict[str, Path] = {}
    for folder in import_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in RDF_SUFFIXES or not path.is_file():
                continue
            graph = Graph()
            try:
                graph.parse(path)
            except Exception:  # a file that does not parse resolves nothing
                continue
            for ontology in graph.subjects(RDF.type, OWL.Ontology):
                catalogue.setdefault(str(ontology), path)
                for version_iri in graph.objects(ontology, OWL.versionIRI):
                    catalogue.setdefault(str(version_iri), path)
    return catalogue


def check_imports(ontology: Graph, import_dirs: Sequence[Path]) -> list[CheckResult]:
    """ERROR for each owl:imports naming neither an existing local file nor a local ontology."""
    imports = sorted({str(target) for target in ontology.objects(None, OWL.imports)})
    if not imports:
        return []
    catalogue = import_catalogue(import_dirs)
    results = []
    for target in imports:
        if target.startswith("file:") and Path(target.removeprefix("file://")).is_file():
            continue
        if target in catalogue:
            continue
        results.append(
            CheckResult(
                Level.ERROR,
                UNRESOLVED_IMPORT,
                target,
                "owl:imports names no local file: no file: path exists and no ontology in "
                f"{', '.join(str(d) for d in import_dirs) or 'no folder'} has this IRI",
            )
        )
    return results


def run_checks(
    ontology: Graph,
    data: Graph | None = None,
    *,
    import_dirs: Sequence[Path] | None = None,
    checks: Iterable[str] | None = None,
) -> list[CheckResult]:
    """Run the quality checks; results sorted by severity (worst first), check and term.

    ``data`` is what the ontology describes (reference vocabularies, ingested graphs); the
    checks that need it are skipped when it is None. ``import_dirs`` are the folders where
    imported ontologies may be found (default: the folder of the packaged ontology).
    ``checks`` limits the run to the named checks.
    """
    if import_dirs is None:
        from spkg import paths

        import_dirs = [paths.ontology_file().parent]
    wanted = set(checks) if checks is not None else None
    store = _check_store(ontology, data)
    results: list[CheckResult] = []
    for check in load_checks():
        if wanted is not None and check.name not in wanted:
            continue
        if check.needs_data and data is None:
            continue
        results.extend(_run_query(check, store))
    if wanted is None or UNRESOLVED_IMPORT in wanted:
        results.extend(check_imports(ontology, import_dirs))
    return sorted(set(results), key=lambda r: (-r.level, r.check, r.term, r.message))


def default_data_files() -> list[Path]:
    """What the ontology describes: every reference vocabulary and the committed document graphs."""
    from spkg import paths
    from spkg.dataset import document_graph_files

    return [*paths.reference_files(), *document_graph_files()]


def load_data(files: Iterable[Path]) -> Graph:
    """The triples of ``files`` (Turtle, TriG, N-Quads …) merged into one graph."""
    from rdflib import Dataset

    from spkg.rdfio import parse_into

    dataset = Dataset()
    for path in files:
        parse_into(dataset, Path(path))
    data = Graph()
    for subject, predicate, obj, _graph in dataset.quads((None, None, None, None)):
        data.add((subject, predicate, obj))
    return data


def failures(results: Iterable[CheckResult], fail_on: Level) -> list[CheckResult]:
    """The results at or above ``fail_on``."""
    return [result for result in results if result.level >= fail_on]
