"""The stored queries' headers: declared, complete, and true to the query text."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from spkg import paths
from spkg.errors import QueryError
from spkg.queries import catalogue, find_query
from spkg.queries.catalogue import parse_stored_query
from spkg.rdfcore.values import check_syntax, query_form

FILES = sorted(paths.queries_dir().glob("*.rq"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_header_is_complete_and_true(path: Path) -> None:
    stored = parse_stored_query(path)
    check_syntax(stored.text, source=str(path))
    assert query_form(stored.text) == "SELECT"
    assert stored.summary and stored.tags
    assert re.fullmatch(r"\d{1,2}", stored.question)
    assert f"Competency question {stored.question}" in stored.text
    example = shlex.split(stored.example)
    assert example[:3] == ["spkg", "query", stored.name]
    for spec in stored.params:
        # a parameter names a variable the query really uses
        assert re.search(rf"\?{spec.name}\b", stored.text.split("\nSELECT", 1)[1]), spec.name
    required = {p.name for p in stored.params if p.required and p.default is None}
    given = {w.split("=", 1)[0] for w in example if "=" in w}
    assert required <= given


def test_every_competency_question_has_a_query() -> None:
    answered = {int(q.question) for q in catalogue().values()}
    assert answered == set(range(1, 13))


def test_unknown_name_suggests_the_nearest() -> None:
    with pytest.raises(QueryError, match="did you mean studies"):
        find_query("studys")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("#+ params: []\nSELECT * {}", "no '#+ summary:' line"),
        ("#+ summary: x\n#+ params:\n#+   - name: a\nSELECT * {}", "needs a name and a type"),
        ("#+ summary: x\n#+ params:\n#+   - {name: a, type: hue}\nASK {}", "unknown type 'hue'"),
        ("#+ summary: x\n#+ params:\n#+   - {name: a, type: iri, dflt: 1}\nASK {}", "unknown keys"),
        ("#+ summary: [x\nSELECT * {}", "bad query header"),
    ],
)
def test_bad_headers_are_named(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "bad.rq"
    path.write_text(header)
    with pytest.raises(QueryError, match=re.escape(message)) as caught:
        parse_stored_query(path)
    assert str(caught.value).startswith(str(path))
