"""Peak memory of a stage *with the processes it forks*: sampled proportional set size.

``ru_maxrss`` is one process's peak. spkg forks its reasoning child and validation workers,
which share most pages with the build copy-on-write: adding their peaks would count the
shared pages two or three times, leaving them out would hide their own pages. The
proportional set size (PSS, Linux /proc/PID/smaps_rollup) splits each shared page between
the processes sharing it, so the sum over the process tree is the memory actually in use.
It is sampled, so a spike shorter than the interval can be missed: stages report the
larger of the sampled tree peak and this process's own ru_maxrss. Reading smaps_rollup
walks every page table (about 20 ms per 2 GB), so the interval grows with the cost of a
sample, to keep the sampler under ~2% of a core: at 1M a fixed 0.25 s interval made the
validation stage take 147 s instead of 111 s.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _pss_kib(pid: int) -> int:
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text()
    except OSError:  # the process has just exited
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def tree_pss_mb(root: int) -> float:
    """The summed PSS of ``root`` and every process below it, in MiB."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += _pss_kib(pid)
        pending.extend(_children(pid))
    return total / 1024


class TreeMemorySampler:
    """Samples tree_pss_mb(this process) every ``interval`` seconds in a daemon thread."""

    # Sleep at least this many times as long as the last sample took.
    COST_FACTOR = 50

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.samples: list[tuple[float, float]] = []  # (monotonic seconds, MiB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.available = (PROC / str(os.getpid()) / "smaps_rollup").exists()

    def __enter__(self) -> TreeMemorySampler:
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            started = time.monotonic()
            self.samples.append((started, tree_pss_mb(me)))
            cost = time.monotonic() - started
            self._stop.wait(max(self.interval, self.COST_FACTOR * cost))

    def peak(self, start: float | None = None, end: float | None = None) -> float:
        """The largest sample between ``start`` and ``end`` (monotonic seconds), 0 if none."""
        return max((mb for t, mb in self.samples
                    if (start is None or t >= start) and (end is None or t <= end)), default=0.0)
