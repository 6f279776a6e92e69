"""Write a QueryResult as a table, Markdown, CSV, TSV or SPARQL 1.1 JSON.

CSV and TSV follow "SPARQL 1.1 Query Results CSV and TSV Formats": CSV gives bare values
(lexical forms, IRIs without brackets) and CRLF line ends; TSV gives terms in Turtle
syntax. JSON follows "SPARQL 1.1 Query Results JSON Format". Graph answers (CONSTRUCT,
DESCRIBE) are written as Turtle, or JSON-LD for json.

Cells may be rdflib or pyoxigraph terms (spkg.store.terms): the same text either way.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spkg.queries.params import PREFIXES
from spkg.store.base import QueryResult
from spkg.store.terms import is_oxigraph_term, parts, to_rdflib

if TYPE_CHECKING:
    from rdflib.term import Node

FORMATS = ("table", "csv", "tsv", "json", "md")
_SHORTEN = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def short(term: Any) -> str:
    """A term for human eyes: a prefixed name for known IRIs, a literal's text."""
    if term is None:
        return ""
    kind, value, _, _ = parts(term)
    if kind == "uri":
        for namespace, prefix in _SHORTEN:
            if value.startswith(namespace):
                return f"{prefix}:{value[len(namespace):]}"
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    return value


def _cells(result: QueryResult) -> list[list[str]]:
    return [[" ".join(short(t).split()) for t in row] for row in result.rows]


def to_table(result: QueryResult, width: int | None = None) -> str:
    """Aligned columns; with ``width``, the widest columns are cut (…) until a row fits."""
    if result.kind == "ASK":
        return "yes\n" if result.boolean else "no\n"
    header, rows = result.variables, _cells(result)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    if width is not None:
        widths = fit_widths(widths, [len(h) for h in header], width)
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()
    lines = [line, "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_cut(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
              for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def fit_widths(widths: list[int], headers: list[int], width: int) -> list[int]:
    """Column widths whose row (two spaces between columns) fits ``width``: every column
    wider than a common cap is cut to it, none below its header or 6 characters. Columns
    that cannot shrink further are left wider than ``width`` rather than unreadable."""
    budget = width - 2 * (len(widths) - 1)
    floors = [min(w, max(h, 6)) for w, h in zip(widths, headers, strict=True)]

    def capped(cap: int) -> list[int]:
        return [min(w, max(cap, f)) for w, f in zip(widths, floors, strict=True)]

    if sum(widths) <= budget:
        return widths
    low, high = 0, max(widths)  # the largest cap that fits, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        if sum(capped(middle)) <= budget:
            low = middle
        else:
            high = middle - 1
    return capped(low)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def cut_cells(result: QueryResult, width: int) -> int:
    """How many cells ``to_table(result, width)`` cuts."""
    if result.kind == "ASK":
        return 0
    header, rows = result.variables, _cells(result)
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    fitted = fit_widths(natural, [len(h) for h in header], width)
    return sum(len(c) > w for r in rows for c, w in zip(r, fitted, strict=True))


def to_markdown(result: QueryResult) -> str:
    if result.kind == "ASK":
        return f"**{'yes' if result.boolean else 'no'}**\n"

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(result.variables) + " |",
             "|" + "|".join("---" for _ in result.variables) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in _cells(result)]
    return "\n".join(lines) + "\n"


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    kind, value, _, _ = parts(term)
    return f"_:{value}" if kind == "bnode" else value


def to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return buffer.getvalue()


def _tsv_value(term: Any) -> str:
    if term is None:
        return ""
    # rdflib's n3() is the reference form; a pyoxigraph cell goes through rdflib so that
    # TSV is the same whichever store answered
    text = str((to_rdflib(term) if is_oxigraph_term(term) else term).n3())
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def to_tsv(result: QueryResult) -> str:
    if result.kind == "ASK":
        return "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_value(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def json_term(term: Any) -> dict[str, str]:
    """One RDF term in SPARQL 1.1 Query Results JSON."""
    kind, value, language, datatype = parts(term)
    out = {"type": kind, "value": value}
    if language:
        out["xml:lang"] = language
    elif datatype is not None:
        out["datatype"] = datatype
    return out


def to_json_object(result: QueryResult) -> dict[str, Any]:
    if result.kind == "ASK":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = [
        {var: json_term(t) for var, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def to_json(result: QueryResult) -> str:
    return json.dumps(to_json_object(result), ensure_ascii=False, indent=2) + "\n"


_WRITERS: dict[str, Callable[[QueryResult], str]] = {
    "table": to_table,
    "md": to_markdown,
    "csv": to_csv,
    "tsv": to_tsv,
    "json": to_json,
}


def render(result: QueryResult, fmt: str, *, width: int | None = None) -> str:
    """The whole answer as text in ``fmt`` (one of FORMATS); a table fits ``width``
    columns when given (cells cut with …)."""
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        from spkg.prefixes import bind_prefixes

        bind_prefixes(result.graph)
        return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    if fmt == "table" and width is not None:
        return to_table(result, width)
    return _WRITERS[fmt](result)


def from_json_object(data: dict[str, Any]) -> QueryResult:
    """A SPARQL JSON result (e.g. a golden file) back as a QueryResult."""
    if "boolean" in data:
        return QueryResult(kind="ASK", boolean=bool(data["boolean"]))
    variables = list(data["head"]["vars"])
    rows = []
    for binding in data["results"]["bindings"]:
        rows.append(tuple(_from_json_term(binding[v]) if v in binding else None for v in variables))
    return QueryResult(kind="SELECT", variables=variables, rows=rows)


def _from_json_term(cell: dict[str, str]) -> Node:
    from rdflib import BNode, Literal, URIRef

    if cell["type"] == "uri":
        return URIRef(cell["value"])
    if cell["type"] == "bnode":
        return BNode(cell["value"])
    if "xml:lang" in cell:
        return Literal(cell["value"], lang=cell["xml:lang"])
    if "datatype" in cell:
        return Literal(cell["value"], datatype=URIRef(cell["datatype"]))
    return Literal(cell["value"])
