"""SPARQL 1.1 query results in JSON, XML, CSV and TSV, from the worker's encoded rows.

Written here rather than by pyoxigraph because the row limit cuts the solutions first, and
a truncated result says so (a "truncated" member in JSON; the X-SPKG-Truncated header always).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

Term = tuple[str, ...] | None
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(term: tuple[str, ...]) -> dict[str, str]:
    kind, value, *rest = term
    if kind == "uri":
        return {"type": "uri", "value": value}
    if kind == "bnode":
        return {"type": "bnode", "value": value}
    language, datatype = rest
    out = {"type": "literal", "value": value}
    if language:
        out["xml:lang"] = language
    elif datatype != XSD_STRING:
        out["datatype"] = datatype
    return out


def select_json(variables: Sequence[str], rows: Sequence[Sequence[Term]], truncated: bool) -> bytes:
    bindings = [
        {var: _json_term(term) for var, term in zip(variables, row, strict=True) if term}
        for row in rows
    ]
    document: dict[str, object] = {"head": {"vars": list(variables)},
                                   "results": {"bindings": bindings}}
    if truncated:
        document["truncated"] = True
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def ask_json(value: bool) -> bytes:
    return json.dumps({"head": {}, "boolean": value}).encode("utf-8")


_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def _xml_term(term: tuple[str, ...]) -> str:
    kind, value, *rest = term
    if kind == "uri":
        return f"<uri>{escape(value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{escape(value)}</bnode>"
    language, datatype = rest
    if language:
        return f"<literal xml:lang={quoteattr(language)}>{escape(value)}</literal>"
    if datatype != XSD_STRING:
        return f"<literal datatype={quoteattr(datatype)}>{escape(value)}</literal>"
    return f"<literal>{escape(value)}</literal>"


def select_xml(variables: Sequence[str], rows: Sequence[Sequence[Term]], truncated: bool) -> bytes:
    out = [_XML_HEAD, "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    if truncated:
        out.append('<link href="#truncated"/>')
    out.append("</head>\n<results>\n")
    for row in rows:
        out.append("<result>")
        for var, term in zip(variables, row, strict=True):
            if term:
                out.append(f"<binding name={quoteattr(var)}>{_xml_term(term)}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def ask_xml(value: bool) -> bytes:
    return (_XML_HEAD + f"<head/><boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
            ).encode("utf-8")


def select_csv(variables: Sequence[str], rows: Sequence[Sequence[Term]], truncated: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if term is None else (
            f"_:{term[1]}" if term[0] == "bnode" else term[1]) for term in row])
    return buffer.getvalue().encode("utf-8")


def _tsv_term(term: tuple[str, ...]) -> str:
    kind, value, *rest = term
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    language, datatype = rest
    text = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    if language:
        return f'"{text}"@{language}'
    if datatype != XSD_STRING:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def select_tsv(variables: Sequence[str], rows: Sequence[Sequence[Term]], truncated: bool) -> bytes:
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if term is None else _tsv_term(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


SELECT_WRITERS = {"json": select_json, "xml": select_xml, "csv": select_csv, "tsv": select_tsv}
ASK_WRITERS = {"json": ask_json, "xml": ask_xml}
