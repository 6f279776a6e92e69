"""The time limit on a query: one pooled worker thread, replaced when a call overruns."""

from __future__ import annotations

import threading
import time

import pytest

from spkg.deadline import call_with_timeout
from spkg.errors import QueryTimeout


def test_calls_reuse_one_worker_thread() -> None:
    names = {call_with_timeout(lambda: threading.current_thread().ident, 5.0)
             for _ in range(20)}
    assert len(names) == 1 and threading.get_ident() not in names


def test_an_overrun_raises_and_the_next_call_gets_a_fresh_worker() -> None:
    release = threading.Event()
    with pytest.raises(QueryTimeout, match=r"time limit of 0\.05 s"):
        call_with_timeout(lambda: release.wait(10), 0.05)
    started = time.perf_counter()
    assert call_with_timeout(lambda: 42, 5.0) == 42  # not queued behind the stuck call
    assert time.perf_counter() - started < 2.0
    release.set()


def test_errors_reach_the_caller() -> None:
    def fail() -> None:
        raise ValueError("bad")

    with pytest.raises(ValueError, match="bad"):
        call_with_timeout(fail, 5.0)
    assert call_with_timeout(lambda: "after", 5.0) == "after"
    assert call_with_timeout(lambda: "inline", None) == "inline"
