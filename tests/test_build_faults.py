"""A build or add killed mid-way leaves the previous build whole; nothing half-written remains.

Each test runs a real build in a child process, waits (bounded) for it to reach a point,
kills it there, then checks every file of the old build, and that the next run cleans up.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from spkg import paths
from spkg.build import build
from spkg.dataset import document_graph_files
from spkg.store.build_dir import MANIFEST_FILE, STORE_DIR, Build
from spkg.store.swap import STAGING, clean_leftovers

WAIT = 180.0  # seconds a child may take to reach the point where it is killed


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def old_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("faults") / "old"
    build(out, graph_files=document_graph_files()[:2], allow_invalid=True, progress=False)
    return out


@pytest.fixture
def out(old_build: Path, tmp_path: Path) -> Path:
    target = tmp_path / "out"
    shutil.copytree(old_build, target)
    return target


def start(code: str) -> subprocess.Popen[bytes]:
    # Ctrl-C as at a terminal: a runner started in the background by a shell without job
    # control has SIGINT ignored, and its children inherit that (Python keeps it ignored)
    code = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); " + code
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def child_build(out: Path) -> subprocess.Popen[bytes]:
    return start("from pathlib import Path; from spkg.build import build; "
                 "from spkg.dataset import document_graph_files as f; "
                 f"build(Path({str(out)!r}), graph_files=f(), allow_invalid=True, "
                 "progress=False)")


def child_add(out: Path, document: Path) -> subprocess.Popen[bytes]:
    return start("from pathlib import Path; from spkg.store.update import add_documents; "
                 f"add_documents(Path({str(out)!r}), [Path({str(document)!r})], "
                 "allow_invalid=True, progress=False)")


def staging(out: Path) -> list[Path]:
    return list(out.parent.glob(f"{out.name}{STAGING}*"))


def wait_for(process: subprocess.Popen[bytes], condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if process.poll() is not None:
            raise AssertionError(f"the child ended first: {process.stderr.read()!r}")  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            raise AssertionError("the child did not reach the point in time")
        time.sleep(0.005)


def dumps_written(out: Path, at_least: int) -> Callable[[], bool]:
    def reached() -> bool:
        return any(len([p for p in s.iterdir() if p.suffix != ".tmp"]) >= at_least
                   for s in staging(out) if s.is_dir())
    return reached


def store_started(out: Path) -> Callable[[], bool]:
    return lambda: any((s / STORE_DIR).is_dir() for s in staging(out))


def kill(process: subprocess.Popen[bytes], signum: int) -> int:
    os.killpg(process.pid, signum)
    return process.wait(timeout=WAIT)


def assert_old_build_whole(out: Path, before: dict[str, str]) -> None:
    assert digests(out) == before
    assert not [p for p in out.rglob("*.tmp")]
    with Build(out) as opened:  # readable, and the store agrees with the manifest
        assert len(opened.store) == opened.manifest.counts["quads"]
    clean_leftovers(out)  # what the next run does first
    assert sorted(p.name for p in out.parent.iterdir() if p.name != f".{out.name}.lock") \
        == [out.name]


@pytest.mark.parametrize("point", ["reasoning", "export", "store"])
def test_build_killed_leaves_the_old_build(out: Path, point: str) -> None:
    before = digests(out)
    process = child_build(out)
    if point == "reasoning":
        time.sleep(1.0)  # before anything is written beside the build
    elif point == "export":
        wait_for(process, dumps_written(out, 5))
    else:
        wait_for(process, store_started(out))
    assert kill(process, signal.SIGKILL) == -signal.SIGKILL
    assert_old_build_whole(out, before)


def test_build_interrupted_cleans_up_after_itself(out: Path) -> None:
    before = digests(out)
    process = child_build(out)
    wait_for(process, dumps_written(out, 1))  # early: the rest of the export is short
    os.kill(process.pid, signal.SIGINT)
    assert process.wait(timeout=WAIT) != 0
    assert not staging(out)  # removed by the interrupted run itself
    assert_old_build_whole(out, before)


def test_add_killed_leaves_the_old_build(out: Path) -> None:
    before = digests(out)
    document = sorted(paths.sources_dir().glob("*.txt"))[3]
    process = child_add(out, document)
    wait_for(process, dumps_written(out, 5))
    assert kill(process, signal.SIGKILL) == -signal.SIGKILL
    assert_old_build_whole(out, before)
    assert (out / MANIFEST_FILE).is_file()


def test_a_build_that_finishes_replaces_the_old_one(out: Path) -> None:
    before = digests(out)
    process = child_build(out)
    assert process.wait(timeout=WAIT * 2) == 0
    assert digests(out) != before
    with Build(out) as opened:
        assert opened.manifest.counts["document_graphs"] == len(document_graph_files())
    assert not staging(out)


def test_readers_never_mix_two_builds(old_build: Path, tmp_path: Path) -> None:
    """Two builds swapped back and forth under a reader: each read is all of one of them."""
    import threading

    from spkg.store.swap import exchange

    out, other = tmp_path / "out", tmp_path / "other"
    shutil.copytree(old_build, out)
    build(other, graph_files=document_graph_files()[:1], allow_invalid=True, progress=False)
    sizes = {Build(p).manifest.counts["quads"] for p in (out, other)}
    assert len(sizes) == 2
    stop = threading.Event()

    def swap() -> None:
        while not stop.is_set():
            assert exchange(other, out)

    swapper = threading.Thread(target=swap)
    swapper.start()
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 3.0
        while time.monotonic() < deadline:
            with Build(out) as opened:
                quads = opened.manifest.counts["quads"]
                assert (opened.path("spkg.nq").read_bytes().count(b"\n")
                        == len(opened.store) == quads)
                seen.add(quads)
    finally:
        stop.set()
        swapper.join(timeout=10)
    assert seen == sizes  # both builds were read, each whole
