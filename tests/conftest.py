"""Suite-wide settings for running in parallel (pytest-xdist, `pytest -n auto`).

- End-to-end tests that take many seconds are marked ``slow`` here, by module or by test,
  so `pytest -m "not slow"` is a quick check without editing each test module; a module
  can also mark itself (``pytestmark = pytest.mark.slow``).
- Modules with slow tests are collected first: xdist hands out tests in collection order,
  so the longest start at once instead of leaving one worker busy at the end. A module's
  tests stay together and in their order (module fixtures are set up once per worker).

No test needs to be kept apart for correctness: servers in tests take free loopback ports
(tests/servers.py) and temporary folders, the reasoning cache is written atomically, and
every module passed under `-n 2`. But the modules that start Virtuoso (and Oxigraph
server) and push the seed graph into them share one worker (``xdist_group("servers")``,
honoured because pyproject's addopts say ``--dist=loadgroup``): split over two workers,
each worker would start and fill its own servers, and with two Virtuoso instances busy at
once Virtuoso refused project-support as over its cost-estimate limit (400 s) in 3 runs of 3
under `-n 2`, while the same module passed alone.
"""

from __future__ import annotations

import pytest

# Whole modules that run spkg end to end (build, wheel, benchmark, browser, subprocesses).
SLOW_MODULES = frozenset({
    "test_bench_smoke.py",
    "test_packaging.py",
    "test_browser.py",
    "test_server_cli.py",
    "test_reason_parity.py",
    "test_docs_examples.py",
})


# Modules whose fixtures start Virtuoso and Oxigraph server and push data into them.
SHARED_SERVER_MODULES = frozenset({
    "test_store_parity.py", "test_remote_store.py", "test_remote_servers.py",
    "test_push_faults.py"})


def _is_slow(item: pytest.Item) -> bool:
    if item.get_closest_marker("slow") is not None:
        return True
    if item.path.name in SLOW_MODULES:
        return True
    # owlrl is the slow reference engine: tests parametrised with it take tens of seconds
    callspec = getattr(item, "callspec", None)
    return bool(callspec and callspec.params.get("engine") == "owlrl")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    slow_modules = set()
    for item in items:
        if item.path.name in SHARED_SERVER_MODULES:
            item.add_marker(pytest.mark.xdist_group("servers"))
        if _is_slow(item):
            if item.get_closest_marker("slow") is None:
                item.add_marker(pytest.mark.slow)
            slow_modules.add(item.path)
    # stable: within each half, modules and tests keep their collected order
    items.sort(key=lambda item: item.path not in slow_modules)
