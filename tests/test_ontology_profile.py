"""The ontology is in the OWL 2 RL and OWL 2 DL profiles, as the OWL API judges it.

The checker is a small Java program (tests/owl/ProfileCheck.java) compiled against Debian's
libowlapi-java; .ci/run installs it. Outside CI the test skips when Java or the OWL API is
missing; under CI=true it fails instead, so the check cannot silently stop running.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from java_tools import java_env

from spkg import paths

JARS = Path("/usr/share/java")
CHECKER = Path(__file__).parent / "owl" / "ProfileCheck.java"


def _classpath() -> str | None:
    if not (JARS / "owlapi-distribution.jar").exists():
        return None
    return os.pathsep.join(str(jar) for jar in sorted(JARS.glob("*.jar")))


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    classpath = _classpath()
    if classpath is None or not shutil.which("javac") or not shutil.which("java"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Java and libowlapi-java for the OWL profile check")
        pytest.skip("Java or the OWL API (libowlapi-java) is not installed")
    out = tmp_path_factory.mktemp("owl")
    subprocess.run(["javac", "-cp", classpath, "-d", str(out), str(CHECKER)], check=True,
                   capture_output=True, timeout=120, env=java_env())
    return classpath, out


def _check(checker: tuple[str, Path], ontology: Path) -> subprocess.CompletedProcess[str]:
    classpath, classes = checker
    return subprocess.run(
        ["java", "-cp", f"{classpath}{os.pathsep}{classes}", "ProfileCheck", str(ontology)],
        capture_output=True, text=True, timeout=120, env=java_env())


@pytest.mark.slow
def test_ontology_is_in_owl2_rl_and_dl(checker: tuple[str, Path]) -> None:
    result = _check(checker, paths.ontology_file())
    assert "OWL 2 RL: 0 violations" in result.stdout, result.stdout
    assert "OWL 2 DL: 0 violations" in result.stdout, result.stdout
    assert result.returncode == 0


@pytest.mark.slow
def test_checker_finds_a_profile_violation(checker: tuple[str, Path], tmp_path: Path) -> None:
    """The check can fail: xsd:gYear as a range is outside the OWL 2 datatype map."""
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "<http://example.org/o> a owl:Ontology .\n"
        "<http://example.org/o#year> a owl:DatatypeProperty ; rdfs:range xsd:gYear .\n",
        encoding="utf-8")
    result = _check(checker, broken)
    assert result.returncode == 1
    assert "OWL 2 RL: 0 violations" not in result.stdout
