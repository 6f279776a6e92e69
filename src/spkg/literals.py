"""Literal text as N-Triples, Turtle and SPARQL write it between double quotes.

One escaping for every writer that builds such text by hand (the server's TSV results,
pushes as INSERT DATA, via :func:`literal_nt`): the string escapes (ECHAR) for backslash,
quote, line feed, carriage return and tab; every other character is written as itself (UTF-8).
"""

from __future__ import annotations

_ECHAR = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def escape_string(text: str) -> str:
    r"""The text between the quotes of a string literal.

    >>> escape_string('say "hi"\tthen\\leave\n')
    'say \\"hi\\"\\tthen\\\\leave\\n'
    """
    return text.translate(_ECHAR)


def literal_nt(lexical: str, *, language: str | None = None,
               datatype: str | None = None) -> str:
    r"""A literal as N-Triples writes it: quoted and escaped, then its language tag or its
    datatype IRI (written as given: a caller that leaves ``xsd:string`` implicit passes None).

    >>> literal_nt('a "b"', language="en")
    '"a \\"b\\""@en'
    >>> literal_nt("3", datatype="http://www.w3.org/2001/XMLSchema#integer")
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    quoted = f'"{escape_string(lexical)}"'
    if language:
        return f"{quoted}@{language}"
    if datatype is not None:
        return f"{quoted}^^<{datatype}>"
    return quoted


__all__ = ["escape_string", "literal_nt"]
