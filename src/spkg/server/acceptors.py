"""A read-only `spkg serve` as a supervisor and several acceptor processes on one socket.

One Python process answers on one core's share of the machine, however many query workers
it has; oxigraph's server answers on every core. So a read-only server is a small supervisor
that binds the listening socket, cuts itself off the network (its children inherit the
filter), and starts ``count`` acceptors: each an ordinary `spkg serve` over the same store,
opened read-only (the page cache holds one copy), accepting from the socket it was handed,
with its own query workers. An acceptor answers a request it has seen light by itself
(spkg.server.inline); an acceptor that ends (an overrunning query ends it on purpose) is
replaced. The acceptors end with the supervisor (parent-death signal), and their workers with
them. Updates need one writer whose snapshots every reader follows, so ``--allow-update``
keeps the single process.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import signal
import socket
import subprocess
import sys
import time
from types import FrameType

from spkg.errors import SpkgError

log = logging.getLogger("spkg.server")

FD_VARIABLE = "SPKG_ACCEPTOR_FD"
PARENT_VARIABLE = "SPKG_ACCEPTOR_PARENT"
QUICK_EXIT = 10.0  # an acceptor that ends sooner than this after its start failed to start
STOP_WAIT = 15.0
STOP_GRACE = 2  # seconds an acceptor waits for requests under way when told to stop


def default_count() -> int:
    """One acceptor per core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


def handed_socket() -> socket.socket | None:
    """In an acceptor: the listening socket its supervisor handed it (and from now on this
    process ends with the supervisor); None in any other process."""
    fd = os.environ.pop(FD_VARIABLE, None)
    parent = os.environ.pop(PARENT_VARIABLE, None)
    if fd is None or parent is None:
        return None
    from spkg.glibc import signal_when_parent_dies

    signal_when_parent_dies(signal.SIGTERM)  # a graceful stop: its workers and files go too
    if os.getppid() != int(parent):  # the supervisor died before the signal was asked for
        raise SpkgError("the server's supervisor has ended")
    return socket.socket(fileno=int(fd))


def child_arguments(args: argparse.Namespace, count: int, first: bool) -> list[str]:
    """The `spkg serve` arguments of one acceptor: the supervisor's own, with its share of
    the query workers (progress lines from the first only)."""
    argv = ["serve", "--host", args.host, "--port", str(args.port),
            "--timeout", repr(args.timeout), "--max-rows", str(args.max_rows),
            "--max-body", str(args.max_body), "--max-query", str(args.max_query),
            "--max-answer", str(args.max_answer), "--stream-after", str(args.stream_after),
            "--answer-cache", repr(args.answer_cache),
            "--workers", str(max(1, math.ceil(args.workers / count)))]
    for name in args.allow_host:
        argv += ["--allow-host", name]
    if args.token is not None:
        argv += ["--token", args.token]
    if args.no_network_sandbox:
        argv.append("--no-network-sandbox")
    if args.curation is not None:
        argv += ["--curation", str(args.curation)]
    if args.by is not None:
        argv += ["--by", args.by]
    if args.graph is not None:
        argv += ["--graph", str(args.graph)]
    if args.data:
        argv += ["--data", *(str(path) for path in args.data)]
    if getattr(args, "quiet", False) or not first:
        argv.append("--quiet")
    return argv


def _listen(host: str, port: int) -> socket.socket:
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as error:
        sock.close()
        raise SpkgError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    sock.set_inheritable(True)
    return sock


class _Supervisor:
    def __init__(self, sock: socket.socket, arguments: list[list[str]]) -> None:
        self.sock = sock
        self.arguments = arguments
        self.children: list[tuple[subprocess.Popen[bytes], float] | None] = [None] * len(
            arguments)
        self.stopping = False
        self.quick_failures = 0

    def _start(self, index: int) -> None:
        env = {**os.environ, FD_VARIABLE: str(self.sock.fileno()),
               PARENT_VARIABLE: str(os.getpid())}
        process = subprocess.Popen([sys.executable, "-m", "spkg", *self.arguments[index]],
                                   pass_fds=[self.sock.fileno()], env=env,
                                   stdin=subprocess.DEVNULL)
        self.children[index] = (process, time.monotonic())

    def run(self) -> None:
        previous = {sig: signal.signal(sig, self._on_signal)
                    for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            for index in range(len(self.arguments)):
                self._start(index)
            while not self.stopping:
                time.sleep(0.2)
                self._check()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._end_all()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def _check(self) -> None:
        for index, child in enumerate(self.children):
            if child is None or child[0].poll() is None:
                continue
            process, started = child
            quick = time.monotonic() - started < QUICK_EXIT
            self.quick_failures = self.quick_failures + 1 if quick else 0
            if self.quick_failures >= 2 * len(self.children):
                self.stopping = True
                raise SpkgError(f"the server's acceptors keep failing to start (last exit "
                                f"status {process.returncode}; see the lines above)")
            log.warning("acceptor %s ended (status %s); starting another", process.pid,
                        process.returncode)
            self._start(index)

    def _end_all(self) -> None:
        running = [child[0] for child in self.children if child is not None]
        for process in running:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_WAIT
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def supervise(args: argparse.Namespace, count: int, *, sandbox: bool) -> None:
    """Serve with ``count`` acceptors until SIGINT/SIGTERM (then a clean return)."""
    sock = _listen(args.host, args.port)
    if sandbox:  # the supervisor itself never needs a network socket again
        from spkg.server.sandbox import deny_network

        deny_network()
    arguments = [child_arguments(args, count, first=index == 0) for index in range(count)]
    try:
        _Supervisor(sock, arguments).run()
    finally:
        sock.close()
