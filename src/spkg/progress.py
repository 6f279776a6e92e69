"""Progress on standard error for work that takes more than a moment: one meter per stage.

On a terminal each stage is one rich progress bar, rewritten in place and replaced by its
final line; elsewhere (logs, CI, pipes) only the stage's notes and final line are written,
never a line per file.
"""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any, TextIO

_quiet = False
_verbose = False


def configure(*, quiet: bool, verbose: bool = False) -> None:
    """Silence every meter of this process (the CLI's -q), whatever its caller asked; or
    (-v) write a line per item where no bar can be drawn."""
    global _quiet, _verbose
    _quiet, _verbose = quiet, verbose and not quiet


class Progress:
    """A stage's meter: ``step()`` per item, ``note()`` for a line worth keeping,
    ``finish()`` for the ``[stage] done in 1.23 s …`` line.

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
        self._tty = self.enabled and _isatty(self.stream)
        self._bar: Any = None  # rich.progress.Progress, started on the first step
        self._task: Any = None
        self._drawn = 0.0

    def step(self, label: str = "", amount: int = 1) -> None:
        """``amount`` more items done, the last one named ``label``."""
        self.done += amount
        if self.total is not None and self.done > self.total:
            self.total = None  # the caller's estimate was short: show a count, not 120 %
        if not self._tty:
            if _verbose and self.enabled:  # -v: every item, for a log that needs them
                of = f"/{self.total}" if self.total else ""
                self._write(f"[{self.stage}] {self.done}{of} {label}".rstrip())
            return  # one line per file in a log is noise; the final line says how many
        if self._bar is None:
            self._start()
        self._bar.update(self._task, completed=self.done, total=self.total, item=label)
        now = time.perf_counter()
        if now - self._drawn >= 0.1:  # redraw at most ten times a second
            self._bar.refresh()
            self._drawn = now

    def note(self, message: str) -> None:
        """A line kept in the log (and shown above the bar on a terminal)."""
        if self.enabled:
            self._write(f"[{self.stage}] {message}")

    def finish(self, message: str = "") -> float:
        """The stage's final line; returns its seconds."""
        seconds = time.perf_counter() - self.started
        self._stop()
        if self.enabled:
            tail = f" {message}" if message else ""
            self.stream.write(f"[{self.stage}] done in {seconds:.2f} s{tail}\n")
            self.stream.flush()
        return seconds

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as Bar

        console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self._bar = Bar(TextColumn(f"[{self.stage}]", markup=False), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.fields[item]}", markup=False),
                        console=console, transient=True, auto_refresh=False,
                        redirect_stdout=False, redirect_stderr=False)
        self._task = self._bar.add_task(self.stage, total=self.total, item="")
        self._bar.start()

    def _stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()  # transient: the bar goes, the final line replaces it
            self._bar = None

    def _write(self, line: str) -> None:
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)  # above the bar
            return
        self.stream.write(line + "\n")
        self.stream.flush()

    def __del__(self) -> None:  # a stage that raised: leave the terminal as it was
        with contextlib.suppress(Exception):  # at interpreter exit there is no one to tell
            self._stop()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False


def notice(command: str, message: str, *, stream: TextIO | None = None) -> None:
    """One line the user must see even with -q (a skipped input, a held-back document)."""
    out = stream or sys.stderr
    out.write(f"spkg {command}: {message}\n")
    out.flush()
