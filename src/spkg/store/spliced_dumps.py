"""Every dump of a build with documents added, written from the old dumps in one pass each.

Each dump of the old build is bisected for the few places the addition changes
(spkg.store.sorted_blocks) and copied around them (spkg.store.edits):

- N-Triples (spkg.nt, inferred.nt): the lines that join or leave the part, merged in;
- N-Quads (spkg.nq, ingested.nq): the new graphs' lines inserted at their graph's place,
  the inferred graph's lines merged;
- TriG and JSON-LD: the new graphs' blocks inserted, the inferred graph's written anew;
- Turtle and RDF/XML of a union: the blocks of the changed subjects written anew;
- VoID: the old description's statistics, counted up and down by the lines that joined
  and left each part (spkg.store.change);
- dumps of parts that did not change are hard links to the old files (a build's files are
  replaced, never changed in place).

Nothing is sorted or counted over the whole graph, and no dump is read whole. Where an old
dump is not as expected, Unsplicable is raised and the caller writes the build anew.
"""

from __future__ import annotations

import io
import json
import mmap
import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import unescape

import pyoxigraph as ox

from spkg.export import void
from spkg.export.canonical import CanonicalDataset
from spkg.export.dumps import (
    CONTEXT_FILE,
    DUMPS,
    INFERRED,
    MEDIA_TYPES,
    SELECTORS,
    VOID_FILE,
    DumpSpec,
    write_dump,
)
from spkg.export.prefixes import jsonld_context
from spkg.export.syntax import to_bytes
from spkg.prefixes import PREFIXES
from spkg.store.change import SubjectChange, subject_of
from spkg.store.edits import Edit, write_edited
from spkg.store.sorted_blocks import (
    Key,
    SortedBlocks,
    Unsplicable,
    graph_region,
    mapped,
    marker_starts,
    nq_graphs,
    nt_lines,
    subject_starts,
)

_TRIG_GRAPH = re.compile(rb"^(<[^\n]*> \{\n)", re.MULTILINE)
_JSONLD_GRAPH = re.compile(rb'^  (\{"@id": ")', re.MULTILINE)
_JSONLD_FOOTER = b"\n ]\n}\n"
_JSONLD_SEPARATOR = b",\n"  # between graph blocks, each starting its line with '  {"@id"'
_TTL_SUBJECT = re.compile(rb"^([^@\s])", re.MULTILINE)
_TTL_PREFIX = re.compile(rb"^@prefix ([^:\s]*): <([^>]*)> \.$", re.MULTILINE)
_RDF_HEAD = re.compile(rb'\t<[^\s>]+ rdf:(about|nodeID)="([^"]*)"')
_RDF_FOOTER = b"</rdf:RDF>"


@dataclass
class Addition:
    """The change to a build: new document graphs, and the inferred graph's lines."""

    graphs: dict[str, list[bytes]]  # new document graph IRI → sorted lines
    ingested: dict[str, list[bytes]]  # the same graphs as ingested
    inferred_old: list[bytes]  # sorted
    inferred_new: list[bytes]  # sorted
    subjects: dict[bytes, SubjectChange]  # every subject whose lines changed, in order
    removed: Sequence[str] = ()  # document graphs that leave the build
    # whether a line of the new build still gives this country (where lines giving it left)
    country_given: Callable[[str], bool] | None = None
    dates_given: Callable[[], set[str]] | None = None  # every date the new build states


def write_dumps(old: Path, new: Path, change: Addition) -> list[Path]:
    """Write every dump, VoID and the @context of the changed build into ``new``."""
    written: list[Path] = []
    for spec in DUMPS:
        target = new / spec.file_name
        if not _changes(spec.part, change):
            _link(old / spec.file_name, target)
        else:
            with (mapped(old / spec.file_name) as data, (old / spec.file_name).open("rb") as source,
                  target.open("wb", buffering=0) as out):
                write_edited(out, data, _edits(spec, data, change), source=source)
        written.append(target)
    context = json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n"
    (new / CONTEXT_FILE).write_bytes(context.encode("utf-8"))
    (new / VOID_FILE).write_bytes(_void(old / VOID_FILE, change))
    return [*written, new / CONTEXT_FILE, new / VOID_FILE]


def write_ingested(old: Path, new: Path, graphs: Mapping[str, list[bytes]],
                   removed: Sequence[str] = ()) -> None:
    """``ingested.nq`` with the new graphs' lines in their place, the removed ones gone."""
    with mapped(old) as data, old.open("rb") as source, new.open("wb", buffering=0) as out:
        blocks = nq_graphs(data)
        edits = _inserted_graphs(blocks, graphs) + _removed_graphs(blocks, removed)
        write_edited(out, data, edits, source=source)


def _changes(part: str, change: Addition) -> bool:
    selected = SELECTORS[part]
    return (any(selected(g) for g in (*change.graphs, *change.removed))
            or (selected(INFERRED) and change.inferred_old != change.inferred_new))


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links
        shutil.copyfile(source, target)


def _edits(spec: DumpSpec, data: bytes | mmap.mmap, change: Addition) -> list[Edit]:
    if spec.format == "nt":
        return _line_edits(nt_lines(data), change, spec.part)
    if spec.format == "nq":
        return _nquads_edits(data, change)
    if spec.format in ("trig", "jsonld"):
        return _graph_edits(spec, data, change)
    return _subject_edits(spec, data, change)


# -- N-Triples and N-Quads: lines ---------------------------------------------------------

def _merge_lines(blocks: SortedBlocks, add: Sequence[bytes], drop: Sequence[bytes]
                 ) -> list[Edit]:
    """Edits that insert ``add`` and delete ``drop`` (both sorted) in sorted lines."""
    edits: list[Edit] = []
    events = sorted([(line, True) for line in add] + [(line, False) for line in drop])
    cursor = blocks.begin
    for line, adding in events:
        at = blocks.lower_bound(line, cursor)
        there = at < blocks.end and blocks.key(at) == line
        if there == adding:
            raise Unsplicable(f"line {'already' if adding else 'not'} there: {line[:80]!r}")
        edits.append((at, at, line + b"\n") if adding else (at, at + len(line) + 1, b""))
        cursor = at
    return edits


def _line_edits(blocks: SortedBlocks, change: Addition, part: str) -> list[Edit]:
    add: list[bytes] = []
    drop: list[bytes] = []
    for lines in change.subjects.values():
        old, new = set(lines.old[part]), set(lines.new[part])
        add += new - old
        drop += old - new
    return _merge_lines(blocks, sorted(add), sorted(drop))


def _nquad(line: bytes, graph: str) -> bytes:
    return line[:-2] + b" <" + graph.encode("utf-8") + b"> ."


def _inserted_graphs(blocks: SortedBlocks, graphs: Mapping[str, list[bytes]]) -> list[Edit]:
    edits: list[Edit] = []
    for graph in sorted(graphs):
        start, end = graph_region(blocks, graph.encode("utf-8"))
        if start != end:
            raise Unsplicable(f"graph {graph} is already there")
        edits.append((start, start, b"".join(_nquad(line, graph) + b"\n"
                                              for line in graphs[graph])))
    return edits


def _removed_graphs(blocks: SortedBlocks, removed: Sequence[str]) -> list[Edit]:
    edits: list[Edit] = []
    for graph in sorted(removed):
        start, end = graph_region(blocks, graph.encode("utf-8"))
        if start == end:
            raise Unsplicable(f"graph {graph} is not there")
        edits.append((start, end, b""))
    return edits


def _nquads_edits(data: bytes | mmap.mmap, change: Addition) -> list[Edit]:
    graphs = nq_graphs(data)
    edits = _inserted_graphs(graphs, change.graphs) + _removed_graphs(graphs, change.removed)
    if change.inferred_old == change.inferred_new:
        return edits
    start, end = graph_region(graphs, INFERRED.encode("utf-8"))
    if start == end:
        raise Unsplicable("no inferred graph")
    region = SortedBlocks(data, begin=start, end=end, starts=graphs.next_start,
                          key=lambda d, s: bytes(d[s:d.find(b"\n", s)]))
    old, new = set(change.inferred_old), set(change.inferred_new)
    edits += _merge_lines(region, sorted(_nquad(line, INFERRED) for line in new - old),
                          sorted(_nquad(line, INFERRED) for line in old - new))
    return edits


# -- TriG and JSON-LD: a block per graph ---------------------------------------------------

def _graph_blocks(spec: DumpSpec, data: bytes | mmap.mmap) -> SortedBlocks:
    if spec.format == "trig":
        return SortedBlocks(data, begin=0, end=len(data), starts=marker_starts(data, b"<"),
                            key=lambda d, s: bytes(d[s + 1:d.find(b"> {\n", s)]))
    if not data[-len(_JSONLD_FOOTER):] == _JSONLD_FOOTER:
        raise Unsplicable(f"{spec.file_name} does not end as spkg writes it")

    def key(d: bytes | mmap.mmap, s: int) -> bytes:
        at = s + len(b'  {"@id": "')
        iri = bytes(d[at:d.find(b'"', at)])
        if b"\\" in iri or b"://" not in iri:
            raise Unsplicable(f"a graph written as {iri[:80]!r}")
        return iri

    return SortedBlocks(data, begin=0, end=len(data) - len(_JSONLD_FOOTER),
                        starts=marker_starts(data, b'  {"@id": "'), key=key)


def _graph_block(spec: DumpSpec, graph: str, lines: list[bytes]) -> bytes:
    """One graph's block, as the dump's writer writes it alone (header and footer off)."""
    buffer = io.BytesIO()
    write_dump(buffer, CanonicalDataset({ox.NamedNode(graph): lines}), spec, None)
    written = buffer.getvalue()
    pattern = _TRIG_GRAPH if spec.format == "trig" else _JSONLD_GRAPH
    match = pattern.search(written)
    if match is None:
        raise Unsplicable(f"{spec.file_name}: no block for {graph}")
    footer = b"" if spec.format == "trig" else _JSONLD_FOOTER
    return written[match.start():len(written) - len(footer)]


def _graph_edits(spec: DumpSpec, data: bytes | mmap.mmap, change: Addition) -> list[Edit]:
    blocks = _graph_blocks(spec, data)
    separator = b"" if spec.format == "trig" else _JSONLD_SEPARATOR
    changed = {g: lines for g, lines in change.graphs.items() if SELECTORS[spec.part](g)}
    replaced: set[str] = set()
    if SELECTORS[spec.part](INFERRED) and change.inferred_old != change.inferred_new:
        changed[INFERRED] = change.inferred_new
        replaced.add(INFERRED)
    edits: list[Edit] = _dropped_blocks(
        blocks, [g for g in change.removed if SELECTORS[spec.part](g)], separator)
    for graph in sorted(changed):
        key = graph.encode("utf-8")
        start = blocks.lower_bound(key)
        there = start < blocks.end and blocks.key(start) == key
        if there != (graph in replaced) or not changed[graph]:
            raise Unsplicable(f"{spec.file_name}: graph {graph} is not as expected")
        if there:
            following = blocks.next_start(start + 1)
            end = following - len(separator) if following < blocks.end else blocks.end
            try:  # the inferred graph is large: only its changed subjects' blocks
                edits += _edits_in_graph(spec, data, start, end, change)
            except Unsplicable:
                edits.append((start, end, _graph_block(spec, graph, changed[graph])))
        elif start < blocks.end:
            edits.append((start, start, _graph_block(spec, graph, changed[graph]) + separator))
        else:
            edits.append((start, start, separator + _graph_block(spec, graph, changed[graph])))
    return edits


def _dropped_blocks(blocks: SortedBlocks, graphs: Sequence[str], separator: bytes
                    ) -> list[Edit]:
    """Edits that take the blocks of ``graphs`` out (with the separator before or after)."""
    edits: list[Edit] = []
    for graph in sorted(graphs):
        key = graph.encode("utf-8")
        start = blocks.lower_bound(key)
        if not (start < blocks.end and blocks.key(start) == key):
            raise Unsplicable(f"graph {graph} is not there")
        following = blocks.next_start(start + 1)
        if following < blocks.end or not separator:
            edits.append((start, min(following, blocks.end), b""))
        elif start - len(separator) > blocks.begin:
            edits.append((start - len(separator), blocks.end, b""))
        else:
            raise Unsplicable("the only graph block would go")
    return edits


def _edits_in_graph(spec: DumpSpec, data: bytes | mmap.mmap, start: int, end: int,
                    change: Addition) -> list[Edit]:
    """The inferred graph's block in a TriG or JSON-LD dump, its changed subjects rewritten."""
    changed = {s: c for s, c in change.subjects.items() if c.old["inferred"] != c.new["inferred"]}
    lines = sorted(line for c in changed.values() for line in c.new["inferred"])
    fresh_block = _graph_block(spec, INFERRED, lines) if lines else b""
    prefixes = _prefixes(data)  # the writer's (SYNTAX_PREFIXES): the fresh block's too
    old = _subjects_in_graph(spec, data, start, end, prefixes)
    separator = b"" if spec.format == "trig" else b",\n"
    fresh = (_texts(_subjects_in_graph(spec, fresh_block, 0, len(fresh_block), prefixes),
                    separator) if lines else {})
    return _block_edits(old, [(s + b" ", bool(c.old["inferred"]), fresh.get(s + b" ", b""))
                              for s, c in changed.items()], separator)


def _prefixes(data: bytes | mmap.mmap) -> dict[bytes, bytes]:
    """The @prefix lines a Turtle or TriG file starts with."""
    head = 0
    while data[head:head + 8] == b"@prefix ":
        head = data.find(b"\n", head) + 1
    return dict(_TTL_PREFIX.findall(bytes(data[:head])))


def _subjects_in_graph(spec: DumpSpec, data: bytes | mmap.mmap, start: int, end: int,
                       prefixes: Mapping[bytes, bytes]) -> SortedBlocks:
    """The subjects' blocks of the graph block ``data[start:end]`` (TriG: indented by a tab
    between "<g> {" and "}"; JSON-LD: a node a line between '"@graph": [' and "]}")."""
    if spec.format == "trig":
        close = b"}\n"
        begin = data.find(b"> {\n", start) + 4
        return _checked(data, begin, end - len(close), close,
                        starts=subject_starts(data, indent=b"\t"),
                        key=_ttl_key(prefixes, skip=1))
    close = b"\n  ]}"
    begin = data.find(b'"@graph": [', start) + len(b'"@graph": [') + 1
    return _checked(data, begin, end - len(close), close,
                    starts=marker_starts(data, b'   {"@id": "'), key=_jsonld_node_key)


def _checked(data: bytes | mmap.mmap, begin: int, end: int, close: bytes, *,
             starts: Callable[[int], int], key: Key) -> SortedBlocks:
    if begin <= 0 or data[end:end + len(close)] != close:
        raise Unsplicable("a graph's block is not as spkg writes it")
    return SortedBlocks(data, begin=begin, end=end, starts=starts, key=key)


def _jsonld_node_key(data: bytes | mmap.mmap, start: int) -> bytes:
    """A node's subject (N-Triples text, then a space) from its compacted "@id"."""
    value_at = start + len(b'   {"@id": "')
    value = bytes(data[value_at:data.find(b'"', value_at)])
    if b"\\" in value:
        raise Unsplicable(f"a node written as {value[:80]!r}")
    if value.startswith(b"_:"):
        return value + b" "
    if b"://" in value:
        return b"<" + value + b"> "
    prefix, colon, local = value.decode("utf-8").partition(":")
    if not colon or prefix not in PREFIXES:
        raise Unsplicable(f"a node written as {value[:80]!r}")
    return b"<" + (PREFIXES[prefix] + local).encode("utf-8") + b"> "


def _texts(blocks: SortedBlocks, separator: bytes = b"") -> dict[bytes, bytes]:
    """Each block's text by key (without the separator that follows all but the last)."""
    found: dict[bytes, bytes] = {}
    start = blocks.next_start(blocks.begin)
    while start < blocks.end:
        following = blocks.next_start(start + 1)
        text = bytes(blocks.data[start:following])
        if following < blocks.end and separator:
            if not text.endswith(separator):
                raise Unsplicable(f"a block without its separator: {text[:80]!r}")
            text = text[:-len(separator)]
        found[blocks.key(start)] = text
        start = following
    return found


def _block_edits(blocks: SortedBlocks, items: Sequence[tuple[bytes, bool, bytes]],
                 separator: bytes = b"") -> list[Edit]:
    """Edits that put each (key, whether it had a block, new block or b"" to drop it), in
    key order, in place; ``separator`` follows every block but the last."""
    edits: list[Edit] = []
    cursor = blocks.begin
    for key, had, text in items:
        start = blocks.lower_bound(key, cursor)
        there = start < blocks.end and blocks.key(start) == key
        if there != had:
            raise Unsplicable(f"{key[:80]!r} is not where it should be")
        following = blocks.next_start(start + 1) if there else start
        last = following >= blocks.end
        if there and (text or not last or not separator):
            edits.append((start, following, text + (b"" if last or not text else separator)))
        elif there:
            raise Unsplicable("the last block of a list would go")
        elif start < blocks.end:
            edits.append((start, start, text + separator))
        elif text:
            edits.append((start, start, separator + text))
        cursor = start
    return edits


# -- Turtle and RDF/XML of a union: a block per subject ------------------------------------

def _ttl_key(prefixes: Mapping[bytes, bytes], *, skip: int = 0) -> Key:
    def key(data: bytes | mmap.mmap, start: int) -> bytes:
        token = bytes(data[start + skip:data.find(b" ", start + skip)])
        if token.startswith((b"<", b"_:")):
            return token + b" "
        prefix, colon, local = token.partition(b":")
        namespace = prefixes.get(prefix)
        if not colon or namespace is None or b"\\" in local:
            raise Unsplicable(f"a subject written as {token[:80]!r}")
        return b"<" + namespace + local + b"> "

    return key


def _rdf_key(data: bytes | mmap.mmap, start: int) -> bytes:
    head = _RDF_HEAD.match(data, start)
    if head is None:
        raise Unsplicable(f"not a subject's element: {bytes(data[start:start + 80])!r}")
    value = unescape(head.group(2).decode("utf-8"), {"&quot;": '"', "&apos;": "'"})
    if head.group(1) == b"nodeID":
        return b"_:" + value.encode("utf-8") + b" "
    return b"<" + value.encode("utf-8") + b"> "


def _subject_blocks(spec: DumpSpec, data: bytes | mmap.mmap) -> SortedBlocks:
    if spec.format == "ttl":
        first = _TTL_SUBJECT.search(data)
        if first is None:
            raise Unsplicable(f"{spec.file_name} has no subject")
        return SortedBlocks(data, begin=first.start(1), end=len(data),
                            starts=subject_starts(data), key=_ttl_key(_prefixes(data)))
    if data[-len(_RDF_FOOTER):] != _RDF_FOOTER:
        raise Unsplicable(f"{spec.file_name} does not end as spkg writes it")
    return SortedBlocks(data, begin=0, end=len(data) - len(_RDF_FOOTER),
                        starts=marker_starts(data, b"\t<", not_then=b"/"), key=_rdf_key)


def _subject_edits(spec: DumpSpec, data: bytes | mmap.mmap, change: Addition) -> list[Edit]:
    changed = {s: c for s, c in change.subjects.items() if c.old[spec.part] != c.new[spec.part]}
    lines = [line for c in changed.values() for line in c.new[spec.part]]
    fresh: dict[bytes, bytes] = {}
    if lines:
        buffer = io.BytesIO()
        write_dump(buffer, CanonicalDataset({}), spec, lines)
        fresh = _texts(_subject_blocks(spec, buffer.getvalue()))
    items = [(s + b" ", bool(c.old[spec.part]), fresh.get(s + b" ", b""))
             for s, c in changed.items()]
    if any(bool(c.new[spec.part]) != bool(text) for c, (_k, _h, text)
           in zip(changed.values(), items, strict=True)):
        raise Unsplicable(f"{spec.file_name}: a subject's fresh block is missing")
    return _block_edits(_subject_blocks(spec, data), items)


# -- VoID ------------------------------------------------------------------------------------

def _void(old: Path, change: Addition) -> bytes:
    """The old description with every part's statistics counted up and down."""
    from spkg.export.dumps import _parts  # the parts a build describes

    described = void.read_description(old.read_bytes())
    documents = sorted({*described.graphs.get("documents", ()), *change.graphs}
                       - set(change.removed))
    graphs = {"documents": tuple(documents)}
    parts = []
    for part in _parts(CanonicalDataset({})):
        part = void.Part(part.slug, part.title, graphs.get(part.slug, part.graphs))
        parts.append((part, _counted(described.parts[part.slug], part.slug, change)))
    whole = _counted(described.whole, "all", change)
    dumps = [void.Dump(s.file_name, MEDIA_TYPES[s.format], s.title) for s in DUMPS]
    try:
        description = void.describe(whole, parts, dumps, endpoint=void.DEFAULT_ENDPOINT,
                                    download_base=void.DEFAULT_DOWNLOAD_BASE)
    except ValueError as error:
        raise Unsplicable(str(error)) from None
    return to_bytes(description, ox.RdfFormat.TURTLE)


def _counted(stats: void.Statistics, part: str, change: Addition) -> void.Statistics:
    added: list[bytes] = []
    removed: list[bytes] = []
    subjects_added = subjects_removed = 0
    for lines in change.subjects.values():
        old, new = set(lines.old[part]), set(lines.new[part])
        added += new - old
        removed += old - new
        subjects_added += bool(new) and not old
        subjects_removed += bool(old) and not new
    plain = [line for line in removed if _set_value(line) is None]
    try:
        counted = stats.changed(sorted(added), sorted(plain), subjects_added=subjects_added,
                                subjects_removed=subjects_removed)
    except ValueError as error:
        raise Unsplicable(str(error)) from None
    for line in removed:  # lines giving a country or a date: counted out by hand
        found = _set_value(line)
        if found is None:
            continue
        predicate, value = found
        counted.triples -= 1
        counted.properties[predicate] -= 1
        if part == "all":  # only the whole's countries and period are published
            _check_still_given(counted, predicate, value, change)
    counted.properties = +counted.properties
    return counted


def _set_value(line: bytes) -> tuple[str, str] | None:
    """(predicate, value) of a line giving a country or a date (VoID keeps those as sets)."""
    _subject, predicate, rest = line.split(b" ", 2)
    iri = predicate[1:-1].decode("utf-8")
    if iri == void.SPKG_COUNTRY and rest.startswith(b"<"):
        return iri, rest[1:-3].decode("utf-8")
    if iri in void.DATE_PREDICATES and rest.startswith(b'"'):
        return iri, rest[1:].split(b'"', 1)[0].decode("utf-8")
    return None


def _check_still_given(stats: void.Statistics, predicate: str, value: str,
                       change: Addition) -> None:
    """The published sets without this line: a country leaves unless another line still
    gives it; a date changes the period only at its ends (then read every date again)."""
    if predicate == void.SPKG_COUNTRY:
        if change.country_given is None:
            raise Unsplicable(f"the country {value} may leave the description")
        if not change.country_given(value):
            stats.countries.discard(value)
        return
    span = void._first_and_last_day(value)
    period = void._period(stats.dates)
    if span is None or (period is not None and period[0] < span[0] <= span[1] < period[1]):
        return  # the period stays
    if change.dates_given is None:
        raise Unsplicable(f"the date {value} may end the period")
    stats.dates = change.dates_given()


__all__ = ["Addition", "Unsplicable", "subject_of", "write_dumps", "write_ingested"]
