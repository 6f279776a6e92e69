"""Ontology quality checks: each broken ontology in tests/ontology_checks/ fails its check.

The real ontology passes them all. A broken ontology ``<check>.ttl`` names the offending
term in a ``# expect: IRI`` line; ``<check>.data.ttl`` beside it, where present, is the data
it is checked against.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from spkg import paths
from spkg.cli import main
from spkg.ontology_checks import (
    UNRESOLVED_IMPORT,
    CheckResult,
    Level,
    check_names,
    default_data_files,
    failures,
    load_data,
    run_checks,
)

CASES_DIR = Path(__file__).resolve().parent / "ontology_checks"
CASES = sorted(path for path in CASES_DIR.glob("*.ttl") if not path.name.endswith(".data.ttl"))

PREFIXES = """
@prefix spkg: <https://w3id.org/spkg/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
spkg:A a owl:Class ; rdfs:label "a"@en ; skos:definition "A."@en .
spkg:B a owl:Class ; rdfs:label "b"@en ; skos:definition "B."@en .
spkg:p a owl:ObjectProperty ; rdfs:label "p"@en ; skos:definition "P."@en .
"""


def expected_term(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            return line.removeprefix("# expect:").strip()
    raise AssertionError(f"{path.name} has no '# expect: IRI' line")


def parse(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def test_every_check_has_a_broken_ontology() -> None:
    assert {path.stem for path in CASES} == set(check_names())


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_broken_ontology_fails_its_check_and_only_it(case: Path) -> None:
    data_file = case.with_name(f"{case.stem}.data.ttl")
    data = parse(data_file) if data_file.exists() else None
    results = run_checks(parse(case), data)

    hits = [result for result in results if result.check == case.stem]
    assert expected_term(case) in {hit.term for hit in hits}, results
    serious_checks = {result.check for result in results if result.level >= Level.WARN}
    assert serious_checks <= {case.stem}, results


@pytest.fixture(scope="module")
def real_results() -> list[CheckResult]:
    ontology = parse(paths.ontology_file())
    return run_checks(ontology, load_data(default_data_files()))


def test_the_real_ontology_passes_every_check(real_results: list[CheckResult]) -> None:
    assert failures(real_results, Level.WARN) == []


def test_the_real_ontology_is_checked_against_the_reference_data(
    real_results: list[CheckResult],
) -> None:
    # INFO results only come from checks that look at data: proof the data was there.
    assert all(result.level == Level.INFO for result in real_results)
    assert len(default_data_files()) >= len(paths.reference_files())


@pytest.mark.parametrize(
    ("axiom", "construct"),
    [
        ("spkg:A rdfs:subClassOf [ owl:unionOf ( spkg:A spkg:B ) ] .", "unionOf"),
        (
            "spkg:A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty spkg:p ;"
            " owl:minCardinality 1 ] .",
            "minCardinality",
        ),
        (
            "[ a owl:Restriction ; owl:onProperty spkg:p ; owl:allValuesFrom spkg:B ]"
            " rdfs:subClassOf spkg:A .",
            "allValuesFrom",
        ),
        ("spkg:p rdfs:range [ owl:unionOf ( spkg:A spkg:B ) ] .", "unionOf"),
        ("spkg:p a owl:ReflexiveProperty .", "ReflexiveProperty"),
    ],
)
def test_rl_profile_catches_constructs_outside_owl2_rl(axiom: str, construct: str) -> None:
    ontology = Graph().parse(data=PREFIXES + axiom, format="turtle")
    results = run_checks(ontology, None, checks=["rl-profile"])
    assert any(construct in result.message for result in results), results


def test_rl_constructs_are_allowed_where_rl_allows_them() -> None:
    axioms = (
        "[ a owl:Restriction ; owl:onProperty spkg:p ; owl:someValuesFrom spkg:B ]"
        " rdfs:subClassOf spkg:A .\n"
        "spkg:A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty spkg:p ;"
        " owl:allValuesFrom spkg:B ] .\n"
        "spkg:A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty spkg:p ;"
        " owl:maxCardinality 1 ] .\n"
    )
    ontology = Graph().parse(data=PREFIXES + axioms, format="turtle")
    assert run_checks(ontology, None) == []


def test_an_import_of_a_local_ontology_resolves(tmp_path: Path) -> None:
    imported = tmp_path / "imported.ttl"
    imported.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://example.org/imported> a owl:Ontology ;"
        " owl:versionIRI <https://example.org/imported/1.0> .\n",
        encoding="utf-8",
    )
    importing = Graph().parse(
        data="@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://example.org/main> a owl:Ontology ;"
        " owl:imports <https://example.org/imported/1.0> ,"
        f" <{imported.as_uri()}> .\n",
        format="turtle",
    )
    assert run_checks(importing, None, import_dirs=[tmp_path]) == []
    unresolved = run_checks(importing, None, import_dirs=[tmp_path / "elsewhere"])
    assert [result.term for result in unresolved] == ["https://example.org/imported/1.0"]
    assert unresolved[0].check == UNRESOLVED_IMPORT


def test_checks_that_need_data_are_skipped_without_data() -> None:
    case = CASES_DIR / "incompatible-use.ttl"
    assert run_checks(parse(case), None) == []


def test_results_are_sorted_worst_first() -> None:
    ontology = Graph().parse(CASES_DIR / "missing-definition.ttl")
    ontology += Graph().parse(CASES_DIR / "missing-label.ttl")
    levels = [result.level for result in run_checks(ontology, None)]
    assert levels == sorted(levels, reverse=True)
    assert Level.ERROR in levels and Level.WARN in levels


@pytest.mark.parametrize(
    ("case", "options", "exit_code"),
    [
        ("missing-label.ttl", ["--no-data"], 1),
        ("missing-definition.ttl", ["--no-data"], 0),
        ("missing-definition.ttl", ["--no-data", "--fail-on", "warn"], 1),
        ("incompatible-use.ttl", ["--data", str(CASES_DIR / "incompatible-use.data.ttl")], 1),
    ],
)
def test_command_exit_code_follows_fail_on(
    case: str, options: list[str], exit_code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check-ontology", "--ontology", str(CASES_DIR / case), *options])
    output = capsys.readouterr().out
    assert code == exit_code, output
    assert Path(case).stem in output


def test_command_passes_on_the_real_ontology(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-ontology", "--fail-on", "warn"]) == 0
    assert "PASS" in capsys.readouterr().out


def test_command_exits_2_on_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix spkg: <https://w3id.org/spkg/ontology#> .\nspkg:A a .\n")
    assert main(["check-ontology", "--ontology", str(broken), "--no-data"]) == 2
    assert main(["check-ontology", "--ontology", str(tmp_path / "missing.ttl")]) == 2
    assert "broken.ttl" in capsys.readouterr().err
