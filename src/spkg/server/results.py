"""SPARQL 1.1 query results in JSON, XML, CSV and TSV, written row by row under two caps.

An answer within both caps is written by pyoxigraph's own serialiser (spkg.server.worker);
this writer is for the others, because the answer is cut at a row limit and at a byte
limit, whichever comes first, and a cut answer says so (a "truncated" member in JSON, a
link in XML; the X-SPKG-Truncated header always), and because a large one is streamed as
it is written. Runs in the query worker, so a large answer costs the worker's time (under
the query's deadline), never the server's event loop.
"""

from __future__ import annotations

import csv
import io
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from spkg.literals import escape_string

Term = tuple[str, ...] | None
Row = Sequence[Term]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class Written:
    body: bytes
    rows: int
    truncated: bool
    streamed: bool = False


class _Format(ABC):
    """A results syntax written piece by piece: head, one row at a time, tail."""

    @abstractmethod
    def head(self, variables: Sequence[str]) -> str: ...

    @abstractmethod
    def row(self, variables: Sequence[str], row: Row) -> str: ...

    @abstractmethod
    def tail(self, truncated: bool) -> str: ...


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


class _Json(_Format):
    def __init__(self) -> None:
        self.first = True

    def head(self, variables: Sequence[str]) -> str:
        return '{"head": ' + json.dumps({"vars": list(variables)}) + ', "results": {"bindings": ['

    def row(self, variables: Sequence[str], row: Row) -> str:
        binding = {var: _json_term(term) for var, term in zip(variables, row, strict=True) if term}
        text = ("" if self.first else ", ") + json.dumps(binding, ensure_ascii=False)
        self.first = False
        return text

    def tail(self, truncated: bool) -> str:
        return "]}" + (', "truncated": true}' if truncated else "}")


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


class _Xml(_Format):
    def head(self, variables: Sequence[str]) -> str:
        return _XML_HEAD + "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables)

    def row(self, variables: Sequence[str], row: Row) -> str:
        cells = "".join(f"<binding name={quoteattr(var)}>{_xml_term(term)}</binding>"
                        for var, term in zip(variables, row, strict=True) if term)
        return f"<result>{cells}</result>\n"

    def tail(self, truncated: bool) -> str:
        return "</results>\n</sparql>\n"

    def streamed_tail(self, truncated: bool) -> str:
        # The head (where the truncation link goes) has left already: say it in a comment.
        return ("<!-- truncated: an answer limit was reached -->\n" if truncated else "") \
            + self.tail(truncated)

    def between(self, truncated: bool) -> str:
        return ('<link href="#truncated"/>' if truncated else "") + "</head>\n<results>\n"


class _Csv(_Format):
    def head(self, variables: Sequence[str]) -> str:
        return self._line(list(variables))

    def row(self, variables: Sequence[str], row: Row) -> str:
        return self._line(["" if term is None else (
            f"_:{term[1]}" if term[0] == "bnode" else term[1]) for term in row])

    def tail(self, truncated: bool) -> str:
        return ""

    @staticmethod
    def _line(cells: list[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(cells)
        return buffer.getvalue()


def _tsv_term(term: tuple[str, ...]) -> str:
    kind, value, *rest = term
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    language, datatype = rest
    text = escape_string(value)
    if language:
        return f'"{text}"@{language}'
    if datatype != XSD_STRING:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


class _Tsv(_Format):
    def head(self, variables: Sequence[str]) -> str:
        return "\t".join(f"?{v}" for v in variables) + "\n"

    def row(self, variables: Sequence[str], row: Row) -> str:
        return "\t".join("" if term is None else _tsv_term(term) for term in row) + "\n"

    def tail(self, truncated: bool) -> str:
        return ""


SELECT_FORMATS: dict[str, type[_Format]] = {"json": _Json, "xml": _Xml, "csv": _Csv, "tsv": _Tsv}
ASK_FORMATS = ("json", "xml")


class Out(Protocol):
    def write(self, data: bytes) -> object: ...

    def flush(self) -> None: ...


def write_select(fmt: str, variables: Sequence[str], rows: Iterable[Row], *, max_rows: int,
                 max_bytes: int, stream_after: int | None = None,
                 open_stream: Callable[[], Out] | None = None) -> Written:
    """The answer in ``fmt``, cut before the row that would pass either cap.

    With ``open_stream``, once more than ``stream_after`` bytes are written the answer goes
    to the stream it opens instead (head, rows so far, then each row as it comes) and the
    body returned is empty. A streamed answer cut by a cap is closed as a whole document
    with the marker where the syntax has room: JSON "truncated": true, an XML comment (its
    head, where the link would go, has left); CSV and TSV have none."""
    writer = SELECT_FORMATS[fmt]()
    parts: list[bytes] = []
    out: Out | None = None
    size = 0
    count = 0
    truncated = False
    for row in rows:
        if count == max_rows:
            truncated = True
            break
        data = writer.row(variables, row).encode("utf-8")
        if size + len(data) > max_bytes:
            truncated = True
            break
        size += len(data)
        count += 1
        if out is not None:
            out.write(data)
            continue
        parts.append(data)
        if open_stream is not None and stream_after is not None and size > stream_after:
            out = open_stream()
            middle = writer.between(False) if isinstance(writer, _Xml) else ""
            out.write((writer.head(variables) + middle).encode("utf-8"))
            out.write(b"".join(parts))
            parts = []
    if out is not None:
        tail = writer.streamed_tail(truncated) if isinstance(writer, _Xml) \
            else writer.tail(truncated)
        out.write(tail.encode("utf-8"))
        out.flush()
        return Written(b"", count, truncated, streamed=True)
    middle = writer.between(truncated) if isinstance(writer, _Xml) else ""
    head = (writer.head(variables) + middle).encode("utf-8")
    return Written(head + b"".join(parts) + writer.tail(truncated).encode("utf-8"), count,
                   truncated)


def write_ask(fmt: str, value: bool) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    return (_XML_HEAD + f"<head/><boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
            ).encode("utf-8")
