"""Checks by tools that are not ours. The shapes conform to SHACL-SHACL (pySHACL, with the
W3C's shapes for shapes). Every dump is read by other parsers, which count what pyoxigraph
counts: rapper (Raptor 2, Debian raptor2-utils; no JSON-LD) and Jena's riot (every syntax).

rapper missing skips its tests on a workstation and fails them in CI (CI=true). riot comes
from Apache Jena's own distribution, which no Debian package provides in working order
(libapache-jena-java 4.5.0 ships the jars without the riot script, and ``java
riotcmd.riot`` on them fails while initialising), so its tests run wherever ``riot`` is
on the PATH and are skipped elsewhere, in CI too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from java_tools import java_env
from rdflib import Graph
from server.live import FIXTURE

from spkg import paths
from spkg.dataset import load_asserted
from spkg.export import DUMPS, export_dataset
from spkg.export.dumps import DumpSpec

RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "trig": "trig",
                 "nq": "nquads"}
OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
              "rdf": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG,
              "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}


def _missing(tool: str, *, required_in_ci: bool) -> None:
    message = f"{tool} is not installed"
    if required_in_ci and os.environ.get("CI") == "true":
        pytest.fail(message + " (CI must have it: see docs/standards.md)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    export_dataset(load_asserted([FIXTURE]), out, progress=False)
    return out


def _expected(path: Path, fmt: str) -> int:
    count = sum(1 for _ in ox.parse(path=str(path), format=OX_FORMATS[fmt]))
    assert count > 0, f"{path.name} is empty"
    return count


@pytest.mark.parametrize("spec", [d for d in DUMPS if d.format in RAPPER_SYNTAX],
                         ids=lambda d: d.file_name)
def test_rapper_reads_every_dump(spec: DumpSpec, dist: Path) -> None:
    if shutil.which("rapper") is None:
        _missing("rapper (raptor2-utils)", required_in_ci=True)
    path = dist / spec.file_name
    done = subprocess.run(["rapper", "--count", "-i", RAPPER_SYNTAX[spec.format], str(path)],
                          capture_output=True, text=True, timeout=300)
    # rapper exits 1 on an error and 2 on a warning: both are findings here.
    assert done.returncode == 0, done.stderr
    found = re.search(r"returned (\d+) (?:triples|statements)", done.stderr)
    assert found is not None, done.stderr
    assert int(found[1]) == _expected(path, spec.format)


@pytest.mark.parametrize("spec", DUMPS, ids=lambda d: d.file_name)
def test_riot_reads_every_dump(spec: DumpSpec, dist: Path) -> None:
    if shutil.which("riot") is None:
        _missing("Jena riot (from an Apache Jena distribution)", required_in_ci=False)
    path = dist / spec.file_name
    done = subprocess.run(["riot", "--strict", "--count", str(path)], capture_output=True,
                          text=True, timeout=300, env=java_env())
    assert done.returncode == 0, done.stderr + done.stdout
    assert not re.search(r"\b(WARN|ERROR)\b", done.stderr), done.stderr
    counts = [int(n) for n in re.findall(r"(?:Triples|Quads|Count)\s*[=:]\s*(\d+)",
                                         done.stdout + done.stderr)]
    assert counts, done.stdout + done.stderr
    assert max(counts) == _expected(path, spec.format)


def _shacl_shacl() -> Graph:
    # The W3C's SHACL-SHACL shapes, as pySHACL ships them.
    import pyshacl

    return Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl")


def test_shapes_conform_to_shacl_shacl() -> None:
    from pyshacl import validate

    shapes = Graph()
    files = sorted(paths.shapes_dir().glob("*.ttl"))
    for file in files:
        shapes.parse(file)
    assert len(files) > 5 and len(shapes) > 100
    conforms, _, text = validate(shapes, shacl_graph=_shacl_shacl())
    assert conforms, text


def test_shacl_shacl_can_fail() -> None:
    from pyshacl import validate

    broken = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <http://example.org/S> a sh:NodeShape ; sh:minCount "one" .
    """, format="turtle")
    conforms, _, _ = validate(broken, shacl_graph=_shacl_shacl())
    assert not conforms


def test_pyld_reads_the_json_ld_dump_as_the_n_quads(dist: Path) -> None:
    """JSON-LD, the one dump rapper cannot read, through PyLD (the JSON-LD API in Python,
    independent of rdflib and pyoxigraph): the same quads as spkg.nq. Its @context is the
    local context.jsonld, served by a document loader that never reaches the network."""
    from pyld import jsonld

    def local_only(url: str, options: dict[str, object]) -> dict[str, object]:
        name = url.rsplit("/", 1)[-1]
        if name != "context.jsonld":
            raise jsonld.JsonLdError(f"no network: {url}", "loading document failed")
        document = json.loads((dist / name).read_text(encoding="utf-8"))
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": document}

    data = json.loads((dist / "spkg.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(data, {"format": "application/n-quads",
                                  "base": "https://w3id.org/spkg/dist/spkg.jsonld",
                                  "documentLoader": local_only})
    read = ox.Dataset(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    expected = ox.Dataset(ox.parse(path=str(dist / "spkg.nq"), format=ox.RdfFormat.N_QUADS))
    assert len(read) == len(expected) > 0
    for dataset in (read, expected):  # blank nodes (RDF lists) named alike on both sides
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    assert set(read) == set(expected)
