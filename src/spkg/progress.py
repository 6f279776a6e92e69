"""Progress lines on standard error for work that takes more than a moment."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_quiet = False


def configure(*, quiet: bool) -> None:
    """Silence every meter of this process (the CLI's -q), whatever its caller asked."""
    global _quiet
    _quiet = quiet


class Progress:
    """``[stage] 3/10 name`` lines; on a terminal one line is rewritten in place.

    Quiet when ``enabled`` is false (tests and ``--quiet``).
    """

    def __init__(self, stage: str, total: int | None = None, *, enabled: bool = True,
                 stream: TextIO | None = None):
        self.stage = stage
        self.total = total
        self.enabled = enabled and not _quiet
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.perf_counter()
        self._tty = self.stream.isatty()

    def step(self, label: str = "", amount: int = 1) -> None:
        """Count ``amount`` more done and show the count with ``label``."""
        self.done += amount
        if not self.enabled:
            return
        of = f"/{self.total}" if self.total else ""
        line = f"[{self.stage}] {self.done}{of} {label}".rstrip()
        if self._tty:
            self.stream.write("\r\033[K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def note(self, message: str) -> None:
        """Show one line for this stage (hidden under -q)."""
        if self.enabled:
            if self._tty:
                self.stream.write("\r\033[K")
            self.stream.write(f"[{self.stage}] {message}\n")
            self.stream.flush()

    def finish(self, message: str = "") -> float:
        """Show the stage's time and ``message``; return the seconds it took."""
        seconds = time.perf_counter() - self.started
        if self.enabled:
            if self._tty:
                self.stream.write("\r\033[K")
            tail = f" {message}" if message else ""
            self.stream.write(f"[{self.stage}] done in {seconds:.2f} s{tail}\n")
            self.stream.flush()
        return seconds


def notice(command: str, message: str, *, stream: TextIO | None = None) -> None:
    """One line the user must see even with -q (a skipped input, a held-back document)."""
    out = stream or sys.stderr
    out.write(f"spkg {command}: {message}\n")
    out.flush()
