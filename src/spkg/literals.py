"""Literal text as N-Triples, Turtle and SPARQL write it between double quotes.

One escaping for every writer that builds such text by hand (the server's TSV results,
pushes as INSERT DATA): the string escapes (ECHAR) for backslash, quote, line feed,
carriage return and tab; every other character is written as itself (UTF-8).
"""

from __future__ import annotations

_ECHAR = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def escape_string(text: str) -> str:
    r"""The text between the quotes of a string literal.

    >>> escape_string('say "hi"\tthen\\leave\n')
    'say \\"hi\\"\\tthen\\\\leave\\n'
    """
    return text.translate(_ECHAR)


__all__ = ["escape_string"]
