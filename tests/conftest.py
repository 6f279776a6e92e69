"""Suite-wide settings for running in parallel (pytest-xdist, `pytest -n auto`).

- End-to-end tests that take many seconds are marked ``slow`` here, by module or by test,
  so `pytest -m "not slow"` is a quick check without editing each test module; a module
  can also mark itself (``pytestmark = pytest.mark.slow``).
- A module whose tests share a module-scoped fixture (a build, a server, a parsed graph)
  runs whole on one worker (``xdist_group`` named after the module). Under
  ``--dist=loadgroup`` every test without a group is a work unit of its own, so such a
  module's tests were spread over the workers and each worker rebuilt the fixture.
- The groups reach xdist's scheduler through a file, not through the node id (see
  "Groups under pytest 9" below): with pytest 9.2 xdist 3.8 dropped every group.
- Work is handed out longest first: the controller keeps each test's duration in pytest's
  cache (``spkg/durations``), and the next run orders the modules by their summed time
  (unknown tests count ``UNKNOWN_SECONDS``, or ``UNKNOWN_SLOW_SECONDS`` when slow), so the
  long ones start at once instead of leaving one worker busy at the end. xdist's own
  reordering (by number of tests) is switched off so that this order is the one used.
- ``-n auto`` starts one worker more than there are CPUs: many tests wait on a subprocess,
  a server or a deadline, and the extra worker uses the CPU they leave idle.

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

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spkg.ingest.gazetteer import Gazetteer

# PYTHONDONTWRITEBYTECODE=1 (set on the team's shared machine) also stops pytest keeping its
# assertion-rewritten test modules, so every process, each xdist worker too, spent 8.7 s CPU
# collecting the suite instead of 3.9 s. The bytecode goes to the git-ignored .pytest_cache
# instead of beside the sources, as the setting wants; child processes keep the variable.
if sys.dont_write_bytecode and sys.pycache_prefix is None:
    sys.pycache_prefix = str(Path(__file__).resolve().parent.parent / ".pytest_cache" / "pyc")
    sys.dont_write_bytecode = False

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

DURATIONS_KEY = "spkg/durations"
UNKNOWN_SECONDS = 0.5
UNKNOWN_SLOW_SECONDS = 20.0
SHARED_SCOPES = frozenset({"module", "class", "package"})


def _is_slow(item: pytest.Item) -> bool:
    if item.get_closest_marker("slow") is not None:
        return True
    if item.path.name in SLOW_MODULES:
        return True
    # owlrl is the slow reference engine: tests parametrised with it take tens of seconds
    callspec = getattr(item, "callspec", None)
    return bool(callspec and callspec.params.get("engine") == "owlrl")


def _shares_a_fixture(item: pytest.Item) -> bool:
    """Whether the test uses a fixture set up once per module (or class) of tests."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:  # doctests and other non-function items
        return False
    return any(fixturedef.scope in SHARED_SCOPES
               for fixturedefs in info.name2fixturedefs.values() for fixturedef in fixturedefs)


def _base_nodeid(nodeid: str) -> str:
    """The node id without the ``@group`` suffix xdist adds under loadgroup."""
    return nodeid.rsplit("@", 1)[0] if nodeid.rfind("@") > nodeid.rfind("]") else nodeid


def _known_durations(config: pytest.Config) -> dict[str, float]:
    cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
    stored = cache.get(DURATIONS_KEY, {}) if cache is not None else {}
    return stored if isinstance(stored, dict) else {}


def _group(item: pytest.Item) -> str | None:
    marker = item.get_closest_marker("xdist_group")
    if marker is None:
        return None
    return str(marker.args[0] if marker.args else marker.kwargs.get("name", "default"))


def _add_groups(items: list[pytest.Item]) -> None:
    """The servers' modules in one group; each module that shares a fixture in its own."""
    sharing = {item.path for item in items if _shares_a_fixture(item)}
    for item in items:
        if item.path.name in SHARED_SERVER_MODULES:
            item.add_marker(pytest.mark.xdist_group("servers"))
        elif item.path in sharing and _group(item) is None:
            item.add_marker(pytest.mark.xdist_group(f"module-{item.path.stem}"))


def _longest_first(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Order the work units (a group, or a test without one) by their expected time."""
    known = _known_durations(config)
    cost: dict[str, float] = {}
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        unit = _group(item) or item.nodeid
        guess = UNKNOWN_SLOW_SECONDS if _is_slow(item) else UNKNOWN_SECONDS
        cost[unit] = cost.get(unit, 0.0) + float(known.get(_base_nodeid(item.nodeid), guess))
        first.setdefault(unit, index)
    # a unit's tests stay together and in their collected order
    order = {id(item): (-cost[u], first[u], i)
             for i, item in enumerate(items) for u in [_group(item) or item.nodeid]}
    items.sort(key=lambda item: order[id(item)])


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False  # the longest-first order below is kept


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _is_slow(item) and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)
    _add_groups(items)
    if hasattr(config, "workerinput"):  # the order matters to the scheduler only
        _longest_first(config, items)


# -- Groups under pytest 9 ---------------------------------------------------------------
# xdist 3.8's loadgroup passes a test's group to the controller by appending "@group" to
# its node id, which pytest 9.2's structured node ids ignore (pytest-xdist issue 1386): the
# groups were silently dropped. Each worker writes the groups of the tests it collected to
# a file named after that collection, and the scheduler below reads it.


def _groups_file(config: pytest.Config, nodeids: list[str]) -> Path | None:
    if getattr(config, "cache", None) is None:  # -p no:cacheprovider
        return None
    digest = hashlib.sha256("\n".join(nodeids).encode()).hexdigest()[:20]
    return config.cache.mkdir("spkg-xdist-groups") / f"{digest}.json"


@pytest.hookimpl(tryfirst=True)  # before xdist tells the controller the collection is done
def pytest_collection_finish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):
        return
    items = session.items
    target = _groups_file(session.config, [item.nodeid for item in items])
    if target is None:
        return
    groups = {item.nodeid: group for item in items if (group := _group(item)) is not None}
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(groups), encoding="utf-8")
    os.replace(temporary, target)  # every worker writes the same; readers see it whole


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: `-p no:xdist` runs serially
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):  # type: ignore[misc]  # Any to mypy
        """Loadgroup with the groups read from the workers' file (see above)."""

        def __init__(self, config: pytest.Config, log: Any) -> None:
            super().__init__(config, log)
            self.groups: dict[str, str] = {}

        def schedule(self) -> None:
            if self.collection is None and self.registered_collections:
                nodeids = list(next(iter(self.registered_collections.values())))
                path = _groups_file(config, nodeids)
                if path is not None and path.is_file():
                    self.groups = json.loads(path.read_text(encoding="utf-8"))
            super().schedule()

        def _split_scope(self, nodeid: str) -> str:
            return self.groups.get(nodeid, nodeid)

    return GroupScheduling(config, log)


# -- Durations: the order of the next run ----------------------------------------------


class _DurationRecorder:
    """Sums each test's setup, call and teardown time, where the reports are gathered
    (the controller under xdist, the one process otherwise), for the next run's order."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.seconds: dict[str, float] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        key = _base_nodeid(report.nodeid)
        self.seconds[key] = self.seconds.get(key, 0.0) + report.duration

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        cache = getattr(self.config, "cache", None)  # None under -p no:cacheprovider
        if cache is None or not self.seconds:
            return
        merged = _known_durations(self.config)
        merged.update(self.seconds)
        cache.set(DURATIONS_KEY, merged)


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if hasattr(config, "workerinput") or config.option.collectonly:
        return  # a worker's reports also reach the controller, which records them
    config.pluginmanager.register(_DurationRecorder(config), "spkg-durations")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker per CPU and one more (see the module docstring)."""
    env = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if env:
        return int(env)
    return (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1) + 1


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per worker (session scope also leaves the modules
    that use it free to spread over workers, which a module-scoped fixture would group)."""
    from spkg.ingest.gazetteer import load_gazetteer

    return load_gazetteer()
