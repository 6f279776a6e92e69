"""A build's store changed by a few quads, written beside it: the old store is never touched.

Loading a store from the N-Quads dump takes a minute at a million quads; changing a copy
takes a moment. RocksDB never rewrites a table file (``*.sst``) once written: compaction
writes new ones and deletes old ones. So the copy hard-links the tables, which costs
nothing, and copies the small files RocksDB does append to or rewrite (its write-ahead
logs, MANIFEST, CURRENT, OPTIONS); deleting a link in the copy leaves the original. The
copy lives in the staged folder of the new build (spkg.store.swap), so a process killed
while it is changed leaves the old build as it was, and the new one is never swapped in.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox


def copy_store(source: Path, target: Path) -> None:
    """``target``: a new store directory holding what ``source`` holds (tables linked)."""
    target.mkdir()
    for path in sorted(source.iterdir()):
        if path.name == "LOCK":
            continue  # held by whoever has the source open; RocksDB makes its own
        if path.suffix == ".sst":
            try:
                os.link(path, target / path.name)
                continue
            except OSError:  # another file system, or no hard links: copy it
                pass
        shutil.copy2(path, target / path.name)


def patched_store(source: Path, target: Path, *, remove: Iterable[ox.Quad],
                  add: Iterable[ox.Quad]) -> None:
    """A copy of the store ``source`` at ``target``, with quads removed, then added."""
    copy_store(source, target)
    store = ox.Store(str(target))
    for quad in remove:
        store.remove(quad)
    store.extend(add)
    store.flush()
    del store  # closes RocksDB before the folder is swapped in
