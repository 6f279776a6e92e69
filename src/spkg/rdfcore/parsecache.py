"""Parsed RDF kept in the user's cache, keyed by the bytes of the files it was parsed from.

rdflib's Turtle parser takes most of a second for the ontology and reference data, which
every build, every ``--data`` command and many tests read again. An entry here holds the
parsed quads (a table of distinct terms, then rows of four indices, in ``marshal``, which
cannot run code as unpickling can) and the prefixes the parse bound. It is found by a
SHA-256 of this format's version, rdflib's and Python's versions and literal normalisation
setting, a purpose and every input file's name and bytes, so changing any input (or
upgrading rdflib) is a miss, never a stale hit. Entries are written to a temporary name and
renamed, so parallel processes (pytest workers) never read half an entry; a damaged or
vanished entry is a miss, and is rewritten. A process also remembers the entries it has
read or written (by the same key), so loading the background again costs only adding its
quads.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from spkg import paths

FORMAT_VERSION = "1"  # bump when what an entry holds, or how it is read, changes
KEEP = 8  # entries kept per purpose: one per recent state of the inputs
_MAGIC = b"spkg-parsed "

Quad = tuple[Node, Node, Node, Node]


@dataclass(frozen=True)
class Parsed:
    """What parsing some files gave: quads (graph names as IRIs) and the prefixes bound."""

    quads: list[Quad]
    namespaces: list[tuple[str, str]]


def content_key(purpose: str, files: Sequence[Path]) -> str:
    """A digest of everything the parse depends on: the files' names and bytes, in order."""
    digest = hashlib.sha256()
    # rdflib.NORMALIZE_LITERALS decides the lexical forms a parse keeps ("01" or "1")
    digest.update(f"{FORMAT_VERSION} rdflib {rdflib.__version__} python "
                  f"{sys.version_info[0]}.{sys.version_info[1]} marshal {marshal.version} "
                  f"normalise {rdflib.NORMALIZE_LITERALS} {purpose}\n".encode())
    for path in files:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()


def _folder() -> Path:
    return paths.cache_dir() / "parsed"


def _entry(purpose: str, key: str) -> Path:
    return _folder() / f"{purpose}-{key}.marshal"


def _encode(parsed: Parsed) -> bytes:
    index: dict[Node, int] = {}
    table: list[tuple[int, str] | tuple[int, str, str | None, str | None]] = []
    rows: list[tuple[int, int, int, int]] = []

    def number(term: Node) -> int:
        found = index.get(term)
        if found is None:
            found = index[term] = len(table)
            if isinstance(term, Literal):
                datatype = str(term.datatype) if term.datatype is not None else None
                table.append((2, str(term), term.language, datatype))
            elif isinstance(term, BNode):
                table.append((1, str(term)))
            elif isinstance(term, URIRef):
                table.append((0, str(term)))
            else:
                raise TypeError(f"not an RDF term: {term!r}")
        return found

    for s, p, o, g in parsed.quads:
        rows.append((number(s), number(p), number(o), number(g)))
    return marshal.dumps((table, rows, parsed.namespaces))


def _decode(data: bytes) -> Parsed:
    table, rows, namespaces = marshal.loads(data)
    blanks: dict[str, BNode] = {}  # fresh blank nodes per load, as a parse would give
    terms: list[Node] = []
    for entry in table:
        kind = entry[0]
        if kind == 0:
            terms.append(URIRef(entry[1]))
        elif kind == 1:
            terms.append(blanks.setdefault(entry[1], BNode()))
        else:
            _, lexical, language, datatype = entry
            terms.append(Literal(lexical, lang=language,
                                 datatype=URIRef(datatype) if datatype else None))
    quads = [(terms[s], terms[p], terms[o], terms[g]) for s, p, o, g in rows]
    return Parsed(quads, [(prefix, namespace) for prefix, namespace in namespaces])


# Entries this process has read or written, by content: a second load in the same process
# (a test worker, whatever cache folder each test sets) skips the file and the decoding.
_MEMO: dict[tuple[str, str], Parsed] = {}
_MEMO_LOCK = threading.Lock()


def forget() -> None:
    """Drop what this process remembers, so the next load reads the cache folder."""
    with _MEMO_LOCK:
        _MEMO.clear()


def _remember(purpose: str, key: str, parsed: Parsed) -> None:
    with _MEMO_LOCK:
        _MEMO.pop((purpose, key), None)
        _MEMO[(purpose, key)] = parsed
        while len(_MEMO) > KEEP:
            del _MEMO[next(iter(_MEMO))]  # the oldest


def _with_fresh_blanks(parsed: Parsed) -> Parsed:
    blanks: dict[Node, BNode] = {}

    def fresh(term: Node) -> Node:
        return blanks.setdefault(term, BNode()) if type(term) is BNode else term

    quads = [q if BNode not in (type(q[0]), type(q[2]), type(q[3]))
             else (fresh(q[0]), q[1], fresh(q[2]), fresh(q[3])) for q in parsed.quads]
    return Parsed(quads, parsed.namespaces)


def load(purpose: str, key: str) -> Parsed | None:
    """The entry for ``key``, or None when there is none or it is damaged."""
    with _MEMO_LOCK:
        remembered = _MEMO.get((purpose, key))
    if remembered is not None:
        return _with_fresh_blanks(remembered)
    try:
        raw = _entry(purpose, key).read_bytes()
    except OSError:
        return None
    head, _, payload = raw.partition(b"\n")
    if head != _MAGIC + hashlib.sha256(payload).hexdigest().encode():
        return None
    try:
        parsed = _decode(payload)
    except (ValueError, EOFError, TypeError, IndexError):
        return None
    _remember(purpose, key, parsed)
    return parsed


def store(purpose: str, key: str, parsed: Parsed) -> None:
    """Write the entry for ``key`` (whole or not at all), then drop the oldest beyond KEEP.

    A cache that cannot be written (read-only home, full disk) only costs the next parse.
    """
    _remember(purpose, key, parsed)
    payload = _encode(parsed)
    folder = _folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{purpose}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n")
                out.write(payload)
            os.replace(temporary, _entry(purpose, key))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
    _prune(purpose)


def _prune(purpose: str) -> None:
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # removed meanwhile by another process
            return 0.0

    entries = sorted(_folder().glob(f"{purpose}-*.marshal"), key=age, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def quads_of(dataset: Dataset, graphs: Iterable[URIRef]) -> list[Quad]:
    """The quads of some named graphs of ``dataset``, graph names as IRIs."""
    return [(s, p, o, name) for name in graphs for s, p, o in dataset.graph(name)]


def load_or_parse(purpose: str, files: Sequence[Path], parse: Callable[[], Parsed]) -> Parsed:
    """The cached parse of ``files``, else ``parse()``, kept for next time.

    Errors of ``parse`` propagate, and nothing is kept then; nor is it when a file changed
    while it was parsed (the key would not say what was read).
    """
    try:
        key = content_key(purpose, files)
    except OSError:  # a missing or unreadable file: the parse says which, as spkg says it
        return parse()
    found = load(purpose, key)
    if found is not None:
        return found
    parsed = parse()
    try:
        unchanged = content_key(purpose, files) == key
    except OSError:
        unchanged = False
    if unchanged:
        store(purpose, key, parsed)
    return parsed


def cached_graph(purpose: str, files: Sequence[Path]) -> rdflib.Graph:
    """One graph of the triples of ``files`` (format from each suffix), read through the cache.

    rdflib's own parse errors propagate, and nothing is cached then.
    """
    from rdflib.util import guess_format

    def parse() -> Parsed:
        graph = rdflib.Graph()
        for path in files:
            graph.parse(path, format=guess_format(str(path)) or "turtle")
        name = graph.identifier
        return Parsed([(s, p, o, name) for s, p, o in graph],
                      [(prefix, str(iri)) for prefix, iri in graph.namespaces()])

    files = list(files)
    parsed = load_or_parse(purpose, files, parse)
    into = rdflib.Graph()
    into.store.addN((s, p, o, into) for s, p, o, _ in parsed.quads)
    bound = set(into.namespaces())
    for prefix, namespace in parsed.namespaces:
        if (prefix, URIRef(namespace)) not in bound:
            into.bind(prefix, URIRef(namespace), override=True)
    return into


def add_to(dataset: Dataset, parsed: Parsed) -> None:
    """Add the quads to ``dataset`` and bind the prefixes the parse bound."""
    graphs: dict[Node, rdflib.Graph] = {}
    for *_, name in parsed.quads:
        if name not in graphs:
            graphs[name] = dataset.graph(name)  # type: ignore[arg-type]
    # The store's own addN: the Dataset's makes a Graph object for every quad.
    dataset.store.addN((s, p, o, graphs[g]) for s, p, o, g in parsed.quads)
    bound = set(dataset.namespaces())
    for prefix, namespace in parsed.namespaces:
        if (prefix, URIRef(namespace)) not in bound:
            dataset.bind(prefix, URIRef(namespace), override=True)
