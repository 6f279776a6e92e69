"""`spkg query` end to end: listing, formats, stores, and one clear line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spkg.cli import main
from spkg.queries.golden import query_tests_dir

FIXTURE = str(query_tests_dir() / "fixture.trig")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_query_with_params(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--list")
    assert code == 0
    assert "results-by-sdg-target  Q1" in out
    assert "--param target=…  (sdg-target) [required]" in out


@pytest.mark.parametrize("store", ["rdflib", "oxigraph", "auto"])
def test_stored_query_on_files_as_json(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, _ = run(capsys, "body-members", "--param", "body=SSCF", "--data", FIXTURE,
                       "--store", store, "--format", "json")
    assert code == 0
    assert json.loads(out)["results"]["bindings"] == []  # the fixture names no SSCF members
    code, out, _ = run(capsys, "body-members", "-p", "member=PWF", "--data", FIXTURE,
                       "--store", store, "--format", "json")
    bodies = [b["body"]["value"] for b in json.loads(out)["results"]["bindings"]]
    leg = "labour-welfare-and-social-protection-expert-group"
    assert bodies == [f"https://w3id.org/spkg/id/organisation/{leg}"]


def test_adhoc_query_with_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?s { ?s a <https://w3id.org/spkg/ontology#Outcome> } ORDER BY ?s")
    code, out, err = run(capsys, "--file", str(query), "--data", FIXTURE, "--limit", "1",
                         "--format", "csv")
    assert code == 0
    assert out == "s\r\nhttps://w3id.org/spkg/id/outcome/000-d088c9348fb0c60c\r\n"
    assert "first 1 row " in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["results-by-sdg-targte"], "did you mean results-by-sdg-target"),
        (["located-in"], "missing parameter 'place' (iri:"),
        (["results-by-sdg-goal", "-p", "goal=18"], "parameter 'goal' = '18': expected an SDG goal"),
        (["--sparql", "SELECT ?s\nWHERE { ?s ?p }"], "<query>:2: column"),
        (["--sparql", "SELECT (COUNT(*) AS ?n) "
          "{ ?a <https://w3id.org/spkg/ontology#partner> ?c . ?d ?e ?f }", "--timeout", "0.05"],
         "query ran past its time limit of 0.05 s"),
        (["located-in", "--sparql", "ASK {}"], "give one of"),
        (["timeline", "-p", "about"], "--param expects NAME=VALUE"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv, "--data", FIXTURE)
    assert code == 2
    assert out == ""  # never a partial table
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_remote_options_go_to_the_remote_store(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    seen: dict = {}

    def fake_open_store(name: str, **options: object) -> object:
        seen.update(options, name=name)
        from spkg.errors import StoreError

        raise StoreError("unreachable (test)")

    monkeypatch.setattr("spkg.store.open_store", fake_open_store)
    monkeypatch.setenv("SPKG_USER", "alice")
    monkeypatch.setenv("SPKG_PASSWORD", "s3cret")
    code, out, err = run(capsys, "partner-counts", "--endpoint", "http://127.0.0.1:9/sparql",
                         "--store", "virtuoso", "--timeout", "5")
    assert code == 2 and "unreachable" in err and "s3cret" not in out + err
    assert seen == {"name": "remote", "endpoint": "http://127.0.0.1:9/sparql", "store": "virtuoso",
                    "user": "alice", "password": "s3cret", "timeout": 5.0}
