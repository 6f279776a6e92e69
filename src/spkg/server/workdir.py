"""A server's private working folder, and the removal of those that killed servers left.

A server bulk-loads the seeds or ``--data`` files into a folder under the temporary
directory; a clean stop removes it, but a SIGKILL cannot. Each folder therefore holds a lock
file locked (``flock``) for the server's whole life: the kernel drops the lock when the
process and every child that inherited the descriptor are gone, however they ended, so the
next server to start can tell a live folder from an orphan without trusting process ids,
which the system reuses.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

PREFIX = "spkg-serve-"
LOCK_NAME = ".owner.lock"


@dataclass
class WorkDir:
    path: Path
    lock_fd: int  # held open (and locked) until release()

    def release(self) -> None:
        """Remove the folder, then drop the lock (once: the descriptor's number may be
        reused by the time of a second call)."""
        shutil.rmtree(self.path, ignore_errors=True)
        if self.lock_fd >= 0:
            os.close(self.lock_fd)
            self.lock_fd = -1


def _held_by_someone(lock_file: Path) -> bool:
    try:
        fd = os.open(lock_file, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops the lock we may have taken
    return False


def sweep_orphans(parent: Path | None = None) -> list[Path]:
    """Remove the working folders whose server is gone; return them."""
    root = Path(parent or tempfile.gettempdir())
    removed: list[Path] = []
    for folder in root.glob(f"{PREFIX}*"):
        lock_file = folder / LOCK_NAME
        # A folder without its lock file is one being created right now (mkdtemp, then
        # the lock) or one from an older spkg: leave both alone.
        if not folder.is_dir() or not lock_file.exists() or _held_by_someone(lock_file):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def claim(parent: Path | None = None) -> WorkDir:
    """A new working folder, locked by this process (and the children it starts)."""
    path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    # Locked under another name, then renamed: a sweeper never sees the lock file unlocked.
    pending = path / f"{LOCK_NAME}.new"
    fd = os.open(pending, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    pending.rename(path / LOCK_NAME)
    return WorkDir(path, fd)
