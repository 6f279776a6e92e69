"""Bisection over the blocks of a dump file, and the one-pass copy around edits."""

from __future__ import annotations

import bisect
import io
import random
import re
from pathlib import Path

import pytest

from spkg.store.edits import write_edited
from spkg.store.sorted_blocks import (
    SortedBlocks,
    Unsplicable,
    graph_region,
    mapped,
    nq_graphs,
    nt_lines,
    pattern_starts,
    subject_lines,
)


def sorted_lines(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return sorted({f"<http://x/{rng.randrange(count * 3)}> <http://p/{rng.randrange(4)}> "
                   f"\"{rng.randrange(10)}\" .".encode() for _ in range(count)})


@pytest.mark.parametrize("seed", range(5))
def test_line_bisection_agrees_with_bisect(seed: int) -> None:
    lines = sorted_lines(300, seed)
    data = b"".join(line + b"\n" for line in lines)
    blocks = nt_lines(data)
    offsets = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines) + 1)]
    probes = [*lines, b"", b"<", b"<http://x/9", b"~", *(line[:-3] for line in lines[::7])]
    for key in probes:
        assert blocks.lower_bound(key) == offsets[bisect.bisect_left(lines, key)], key
        assert blocks.upper_bound(key) == offsets[bisect.bisect_right(lines, key)], key


def test_a_subjects_lines() -> None:
    lines = sorted_lines(200, 7)
    data = b"".join(line + b"\n" for line in lines)
    subject = lines[50].split(b" ", 1)[0]
    assert subject_lines(nt_lines(data), subject) == [
        line for line in lines if line.startswith(subject + b" ")]
    assert subject_lines(nt_lines(data), b"<http://x/none>") == []


def test_graph_regions_of_nquads(tmp_path: Path) -> None:
    text = (b'<s> <p> "1" <http://g/a> .\n<s> <p> "2" <http://g/a> .\n'
            b'<s> <p> "1" <http://g/a-b> .\n<s> <p> "1" <http://g/b> .\n')
    path = tmp_path / "x.nq"
    path.write_bytes(text)
    with mapped(path) as data:
        graphs = nq_graphs(data)
        # "a" < "a-b" as IRIs although "<a>" > "<a-b>" with the brackets
        a_b, b = text.index(b'<s> <p> "1" <http://g/a-b>'), text.index(b"<http://g/b>") - 12
        assert graph_region(graphs, b"http://g/a") == (0, a_b)
        assert graph_region(graphs, b"http://g/a-b") == (a_b, b)
        assert graph_region(graphs, b"http://g/ab") == (b, b)  # absent: where it would go
        assert graph_region(graphs, b"http://g/c") == (len(text), len(text))
    with pytest.raises(Unsplicable):
        graph_region(nq_graphs(b'<s> <p> "o" .\n'), b"http://g/a")


def test_blocks_found_by_a_pattern() -> None:
    text = b"@prefix x: <http://x/> .\nx:a <p> 1 ;\n\t<q> 2 .\nx:c <p> 1 .\nx:e <p> 1 .\n"
    pattern = re.compile(rb"^([^@\s])", re.MULTILINE)
    blocks = SortedBlocks(text, begin=text.index(b"x:a"), end=len(text),
                          starts=pattern_starts(text, pattern),
                          key=lambda d, s: bytes(d[s:d.find(b" ", s)]))
    assert blocks.lower_bound(b"x:c") == text.index(b"x:c")
    assert blocks.lower_bound(b"x:b") == text.index(b"x:c")
    assert blocks.lower_bound(b"x:f") == len(text)
    assert blocks.lower_bound(b"x:0") == text.index(b"x:a")
    assert blocks.next_start(text.index(b"\t<q>")) == text.index(b"x:c")


def test_edits_are_applied_in_one_pass() -> None:
    out = io.BytesIO()
    write_edited(out, b"abcdef", [(3, 3, b"X"), (0, 1, b""), (4, 6, b"Y"), (3, 3, b"Z")])
    assert out.getvalue() == b"bcXZdY"
    with pytest.raises(ValueError, match="overlapping"):
        write_edited(io.BytesIO(), b"abcdef", [(0, 3, b""), (2, 4, b"")])


def test_edits_copied_by_the_kernel_between_files(tmp_path: Path) -> None:
    old = tmp_path / "old"
    old.write_bytes(bytes(range(256)) * 40_000)  # 10 MB: several chunks
    edits = [(5, 5, b"new"), (1_000_000, 2_000_000, b""), (9_000_000, 9_000_010, b"x" * 3)]
    expected = io.BytesIO()
    write_edited(expected, old.read_bytes(), edits)
    with mapped(old) as data, old.open("rb") as source, \
            (tmp_path / "new").open("wb", buffering=0) as out:
        write_edited(out, data, edits, source=source)
    assert (tmp_path / "new").read_bytes() == expected.getvalue()
