"""Mutated, truncated and random inputs never crash the parser: only InputError, no hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spkg import paths
from spkg.errors import InputError
from spkg.ingest.pipeline import ingest_document
from spkg.ingest.reader import decode_text
from spkg.ingest.vocab import load_vocabulary

SEEDS = [p.read_text(encoding="utf-8") for p in sorted(paths.sources_dir().glob("*.txt"))]
FUZZ = settings(max_examples=60, deadline=2000, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _ingest(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzzed.txt"
    path.write_bytes(data)
    try:
        decode_text(data, path)
        ingest_document(path, load_vocabulary())
    except InputError:
        pass


@FUZZ
@given(seed=st.sampled_from(SEEDS), cut=st.floats(0, 1))
def test_truncated_seeds(tmp_path: Path, seed: str, cut: float) -> None:
    _ingest(tmp_path, seed[: int(len(seed) * cut)].encode("utf-8"))


@FUZZ
@given(seed=st.sampled_from(SEEDS), data=st.data())
def test_mutated_seeds(tmp_path: Path, seed: str, data: st.DataObject) -> None:
    text = list(seed)
    for _ in range(data.draw(st.integers(1, 20))):
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        char = data.draw(st.sampled_from([*"•\n;,|()0123456789٢٠ ’:", "\r\n", "\u200b"]))
        if action == "insert" or position >= len(text):
            text.insert(position, char)
        elif action == "delete":
            del text[position]
        else:
            text[position] = char
    _ingest(tmp_path, "".join(text).encode("utf-8"))


@FUZZ
@given(head=st.sampled_from(["Result achieved\n\n", "Press release | ", "Social security in ",
                             ""]),
       body=st.text(max_size=400))
def test_random_unicode(tmp_path: Path, head: str, body: str) -> None:
    _ingest(tmp_path, (head + body).encode("utf-8", "surrogatepass"))
