"""A server's working folder outlives a SIGKILL only until the next server starts: the lock
the kernel drops with the dead process tells an orphan from a folder in use."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from server.live import FIXTURE, free_port

from spkg.server import workdir

HOLDER = """
import sys, time
from pathlib import Path
from spkg.server import workdir
claimed = workdir.claim(Path(sys.argv[1]))
print(claimed.path, flush=True)
time.sleep(600)
"""



def test_a_folder_in_use_is_kept_and_a_released_one_is_gone(tmp_path: Path) -> None:
    claimed = workdir.claim(tmp_path)
    (claimed.path / "data").write_text("x")
    assert workdir.sweep_orphans(tmp_path) == []
    assert claimed.path.is_dir()
    claimed.release()
    claimed.release()  # a second close must not touch a descriptor reused since
    assert not claimed.path.exists()


def test_the_folder_of_a_killed_process_is_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    holders = [subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)],
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        assert all(h.stdout is not None for h in holders)
        folders = [Path(h.stdout.readline().strip()) for h in holders if h.stdout]
        assert all(f.is_dir() for f in folders)
        holders[0].kill()
        holders[0].wait(timeout=30)
        assert workdir.sweep_orphans(tmp_path) == [folders[0]]
        assert not folders[0].exists()
        assert folders[1].is_dir()  # its process still holds the lock
    finally:
        for holder in holders:
            holder.kill()
            holder.wait(timeout=30)


def test_a_folder_without_its_lock_file_is_left_alone(tmp_path: Path) -> None:
    being_made = tmp_path / f"{workdir.PREFIX}abc"
    being_made.mkdir()
    assert workdir.sweep_orphans(tmp_path) == []
    assert being_made.is_dir()


@pytest.mark.server
@pytest.mark.slow
def test_a_sigkilled_server_leaves_a_folder_the_next_server_removes(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(FIXTURE),
         "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, "spkg serve exited early"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError("spkg serve did not come up")
        left = sorted(tmp_path.glob(f"{workdir.PREFIX}*"))  # one per acceptor
        assert left
    finally:
        # The whole group at once (as the OOM killer or `kill -9 -PGID` would): a SIGKILL of
        # the supervisor alone lets the acceptors clean up on their parent-death signal.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert all(folder.is_dir() for folder in left)  # nothing could clean up
    # Once the kernel has reaped every process, the locks are gone and the next server's
    # sweep removes the folders.
    deadline = time.monotonic() + 30
    removed: list[Path] = []
    while len(removed) < len(left) and time.monotonic() < deadline:
        removed += workdir.sweep_orphans(tmp_path)
        time.sleep(0.1)
    assert sorted(removed) == left
    assert not any(folder.exists() for folder in left)
