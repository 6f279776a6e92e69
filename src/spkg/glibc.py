"""The two glibc calls spkg makes, each a no-op where glibc is not the C library."""

from __future__ import annotations

import ctypes
import signal
from functools import lru_cache

PR_SET_PDEATHSIG = 1  # linux/prctl.h


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return None


def trim_free_memory() -> None:
    """Hand memory freed inside the C allocator back to the system (``malloc_trim``)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def signal_when_parent_dies(signum: int = signal.SIGTERM) -> bool:
    """Ask the kernel to send ``signum`` when the parent process dies; False if unsupported."""
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.prctl(PR_SET_PDEATHSIG, signum) == 0)
