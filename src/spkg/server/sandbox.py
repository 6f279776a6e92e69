"""Cut a process off the network: a seccomp filter that lets it create Unix sockets only.

The query workers run user text in pyoxigraph, whose SPARQL engine carries an HTTP client
(SERVICE, LOAD). Rather than guess from the text what the engine will do (two parsers can
disagree), the workers cannot open a network socket at all: ``socket()`` for any address
family but AF_UNIX fails with EPERM, whatever the query says. ``io_uring_setup`` is denied
too, since io_uring can create sockets without the ``socket`` system call. Pipes, Unix
sockets (the workers' link to the server) and files (the store) are untouched.

libseccomp (through the ctypes binding ``pyseccomp``) writes the BPF program: it handles
the architecture checks (a 32-bit or x32 system call cannot slip past a filter written for
x86-64) and sets no_new_privs, which a hand-written filter would have to get right itself.
The filter is synchronised to every thread of the process (TSYNC): a thread started before
it (a thread pool, a spawner) is filtered as well, so no thread can run a query unfiltered.
"""

from __future__ import annotations

import errno
import socket
import sys
from functools import lru_cache
from typing import Any

_installed = False


class SandboxUnavailable(RuntimeError):
    """seccomp (or libseccomp) is not available on this system."""


@lru_cache(maxsize=1)
def _seccomp() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import pyseccomp
    except (ImportError, OSError, RuntimeError):  # libseccomp.so.2 missing raises on import
        return None
    return pyseccomp


def available() -> bool:
    """True where the network filter can be installed (Linux with libseccomp)."""
    return _seccomp() is not None


def deny_network() -> None:
    """Install the filter in this process, for good (it cannot be lifted, and children
    inherit it). Raises SandboxUnavailable where seccomp is not available."""
    sc = _seccomp()
    if sc is None:
        raise SandboxUnavailable("seccomp is not available (Linux with libseccomp.so.2 needed)")
    refuse = sc.ERRNO(errno.EPERM)
    rules = sc.SyscallFilter(sc.ALLOW)
    rules.add_rule(refuse, "socket", sc.Arg(0, sc.NE, socket.AF_UNIX))
    rules.add_rule(refuse, "io_uring_setup")
    rules.set_attr(sc.Attr.CTL_TSYNC, 1)
    try:
        rules.load()
    except OSError as error:
        raise SandboxUnavailable(f"the kernel refused the seccomp filter: {error}") from error
    global _installed
    _installed = True


def installed() -> bool:
    """Whether this process runs under the filter (every thread of it): only then may it
    run a query itself rather than hand it to a worker."""
    return _installed


def network_denied(error: BaseException) -> bool:
    """Whether an engine error is the filter at work (SERVICE or LOAD tried to connect)."""
    return isinstance(error, PermissionError) and "os error 1)" in str(error)
