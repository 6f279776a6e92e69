"""Real triple stores for the tests: Oxigraph server and OpenLink Virtuoso on loopback.

Each server gets free ports on 127.0.0.1 and a temporary folder, readiness is polled in a
bounded loop, and the server is stopped when the fixture ends. A store that is not installed
skips its tests locally and fails them in CI (CI=true), where it must be there.

Import the fixtures into a test module: ``from servers import oxigraph_server``.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

LOOPBACK = "127.0.0.1"
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def require_binary(name: str) -> str:
    """The path of executable ``name`` (also looked for next to the venv's python)."""
    beside_python = Path(sys.executable).parent / name
    found = shutil.which(name) or (str(beside_python) if beside_python.exists() else None)
    if found:
        return found
    reason = f"{name} is not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}, and CI must run the store tests")
    pytest.skip(reason)


def wait_until(ready: Callable[[], bool], *, timeout: float, what: str,
               process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} while starting")
        if ready():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} not ready after {timeout:.0f} s")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status < 500)
    except urllib.error.HTTPError as error:
        return error.code < 500
    except OSError:
        return False


def stop_process(process: subprocess.Popen[bytes] | None, *, grace: float = 20.0) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


class OxigraphServer:
    """``oxigraph serve`` on a free loopback port, its data in ``location``."""

    kind = "oxigraph"

    def __init__(self, location: Path, *, union_default_graph: bool = True):
        self.binary = require_binary("oxigraph")
        self.location = location
        self.union_default_graph = union_default_graph
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> OxigraphServer:
        command = [self.binary, "serve", "--location", str(self.location),
                   "--bind", f"{LOOPBACK}:{self.port}"]
        if self.union_default_graph:
            command.append("--union-default-graph")
        log = open(self.location.parent / f"oxigraph-{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        wait_until(lambda: answers(f"{self.url}/query?query=ASK%7B%7D"),
                   timeout=START_TIMEOUT, what="oxigraph serve", process=self.process)
        return self

    def kill(self) -> None:
        """Die at once, as a crashed store would."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        stop_process(self.process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = {host}:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
DirsAllowed = ., {dir}
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
; The Debian default (10000) cuts long answers short without an error.
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
; Virtuoso's cost estimate rises with CPU contention: with the suite on two xdist workers it
; refused project-support (estimated 683-814 s, limit 400) that runs in well under a second.
; The execution limit above still bounds every query.
MaxQueryCostEstimationTime = 36000
"""


class VirtuosoServer:
    """``virtuoso-t`` with its own ini, database and ports in ``directory``.

    The dba password (``dba`` in a new database) is changed to a random one through isql
    at start; writes use it with digest auth on /sparql-auth and /sparql-graph-crud-auth.
    """

    kind = "virtuoso"
    user = "dba"

    def __init__(self, directory: Path):
        self.binary = require_binary("virtuoso-t")
        self.isql = require_binary("isql-vt")
        self.directory = directory
        self.sql_port = free_port()
        self.http_port = free_port()
        self.password = secrets.token_urlsafe(12)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}"

    def start(self, *, template: Path | None = None) -> VirtuosoServer:
        """Start, on a copy of ``template`` (a new database, see database_template) if given:
        creating the database is most of a first start (3.1 s CPU, 1.2 s from a copy)."""
        if template is not None:
            shutil.copytree(template, self.directory)
        return self._launch()._set_password()

    def _launch(self) -> VirtuosoServer:
        self.directory.mkdir(parents=True, exist_ok=True)
        ini = self.directory / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(dir=self.directory, host=LOOPBACK,
                                           sql_port=self.sql_port, http_port=self.http_port))
        log = open(self.directory / "stdout.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [self.binary, "+foreground", "+configfile", str(ini)],
            cwd=self.directory, stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
        wait_until(lambda: answers(f"{self.url}/sparql?query=ASK%7B%7D"),
                   timeout=START_TIMEOUT, what="virtuoso-t", process=self.process)
        return self

    def _set_password(self) -> VirtuosoServer:
        self._sql(f"USER_SET_PASSWORD('dba', '{self.password}');", password="dba")
        return self

    def _sql(self, statement: str, *, password: str) -> None:
        subprocess.run(
            [self.isql, f"{LOOPBACK}:{self.sql_port}", "dba", password,
             f"exec={statement}"],
            check=True, capture_output=True, timeout=60,
        )

    def stop(self) -> None:
        stop_process(self.process, grace=30.0)


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data")
    try:
        yield server.start()
    finally:
        server.stop()


# What a database copied from the template must not take along: its own ini, lock and logs.
NOT_IN_TEMPLATE = ("virtuoso.ini", "*.lck", "*.log")


def database_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new Virtuoso database (dba's password still ``dba``), created once and copied by
    every server: under xdist the workers share it through the run's temporary folder, the
    first one creating it under a file lock; serially it is kept beside the runs' folders
    for the next run. Keyed by the ini and the binary, so a changed one makes a new one."""
    from filelock import FileLock

    binary = Path(require_binary("virtuoso-t"))
    facts = f"{VIRTUOSO_INI}\0{binary.resolve()}\0{binary.stat().st_size}\0{binary.stat().st_mtime}"
    key = hashlib.sha256(facts.encode()).hexdigest()[:16]
    root = tmp_path_factory.getbasetemp().parent
    template = root / f"spkg-virtuoso-template-{key}"
    with FileLock(str(root / f"spkg-virtuoso-template-{key}.lock"), timeout=300):
        if not template.is_dir():
            work = root / f"{template.name}.{os.getpid()}.tmp"
            shutil.rmtree(work, ignore_errors=True)
            server = VirtuosoServer(work)
            try:
                server._launch()
            finally:
                server.stop()  # a clean shutdown checkpoints the database
            if server.process is None or server.process.returncode != 0:
                raise RuntimeError(f"virtuoso-t did not stop cleanly creating {work}")
            for pattern in NOT_IN_TEMPLATE:
                for path in work.glob(pattern):
                    path.unlink()
            work.rename(template)  # whole or not at all
    return template


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    template = database_template(tmp_path_factory)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso") / "db")
    try:
        yield server.start(template=template)
    finally:
        server.stop()
