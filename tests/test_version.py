"""The version is written once per artefact and kept equal: pyproject.toml (the source, which
the installed metadata and ``spkg.__version__`` come from) and the ontology's
owl:versionInfo and owl:versionIRI. Bump them together."""

from __future__ import annotations

import tomllib
from pathlib import Path

from rdflib import OWL, Graph, URIRef

import spkg
from spkg import paths

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = URIRef("https://w3id.org/spkg/ontology")


def _project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        return str(tomllib.load(stream)["project"]["version"])


def test_ontology_version_is_the_project_version() -> None:
    version = _project_version()
    graph = Graph().parse(paths.ontology_file(), format="turtle")
    assert [str(o) for o in graph.objects(ONTOLOGY, OWL.versionInfo)] == [version]
    assert list(graph.objects(ONTOLOGY, OWL.versionIRI)) == [URIRef(f"{ONTOLOGY}/{version}")]


def test_package_version_is_the_project_version() -> None:
    # the installed metadata is read at import; a stale install (pip install -e not re-run
    # after a bump) shows here too
    assert spkg.__version__ == _project_version()
