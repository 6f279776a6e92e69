"""Output formats: the W3C SPARQL 1.1 results CSV, TSV and JSON, a table and Markdown."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from spkg.queries.formats import from_json_object, render, to_json_object
from spkg.store.base import QueryResult

RESULT = QueryResult(
    kind="SELECT",
    variables=["s", "label", "n", "note"],
    rows=[
        (URIRef("https://w3id.org/spkg/id/place/pakistan"), Literal("Pakistan", lang="en"),
         Literal(3), None),
        (BNode("b0"), Literal('say "hi",\tthen\nleave'), Literal("2021", datatype=XSD.gYear),
         Literal("x")),
    ],
)


def test_csv_gives_bare_values_and_crlf() -> None:
    text = render(RESULT, "csv")
    assert text.split("\r\n")[0] == "s,label,n,note"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["https://w3id.org/spkg/id/place/pakistan", "Pakistan", "3", ""]
    assert rows[2] == ["_:b0", 'say "hi",\tthen\nleave', "2021", "x"]


def test_tsv_gives_terms_in_turtle_syntax() -> None:
    lines = render(RESULT, "tsv").split("\n")
    assert lines[0] == "?s\t?label\t?n\t?note"
    assert lines[1].split("\t") == [
        "<https://w3id.org/spkg/id/place/pakistan>", '"Pakistan"@en',
        '"3"^^<http://www.w3.org/2001/XMLSchema#integer>', ""]
    assert lines[2].startswith("_:b0\t")
    assert lines[2].count("\t") == 3  # the tab inside the literal is escaped


def test_json_follows_the_results_format_and_reads_back() -> None:
    data = json.loads(render(RESULT, "json"))
    assert data["head"]["vars"] == ["s", "label", "n", "note"]
    first = data["results"]["bindings"][0]
    assert first["label"] == {"type": "literal", "value": "Pakistan", "xml:lang": "en"}
    assert first["n"]["datatype"] == str(XSD.integer)
    assert "note" not in first  # unbound
    assert data["results"]["bindings"][1]["s"] == {"type": "bnode", "value": "b0"}
    assert from_json_object(to_json_object(RESULT)).rows == RESULT.rows


def test_table_and_markdown_shorten_iris() -> None:
    table = render(RESULT, "table")
    assert "id:place/pakistan" in table and table.rstrip().endswith("(2 rows)")
    markdown = render(RESULT, "md").splitlines()
    assert markdown[0] == "| s | label | n | note |"
    assert markdown[2].startswith("| id:place/pakistan | Pakistan | 3 |")


def test_ask_answers() -> None:
    yes = QueryResult(kind="ASK", boolean=True)
    assert json.loads(render(yes, "json")) == {"head": {}, "boolean": True}
    assert render(yes, "csv") == "_askResult\r\ntrue\r\n"
    assert render(yes, "table") == "yes\n"
