"""The push now lives in :mod:`spkg.remote.push`, with the rest of remote access; this
name stays for the callers not yet moved (spkg.store.remote, tests, bench/push_bench.py).
"""

from __future__ import annotations

from spkg.remote.push import (
    BLANK_NODE_MODES,
    COMPARE_LIMIT,
    DEFAULT_BATCH_SIZE,
    SKOLEM_PREFIX,
    GraphCheck,
    PushReport,
    push_dataset,
)

__all__ = ["BLANK_NODE_MODES", "COMPARE_LIMIT", "DEFAULT_BATCH_SIZE", "SKOLEM_PREFIX",
           "GraphCheck", "PushReport", "push_dataset"]
