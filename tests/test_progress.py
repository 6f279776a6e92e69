"""Progress is proportionate: one meter per stage, never a line per item (issue 21)."""

from __future__ import annotations

import io

import pytest

from spkg import progress
from spkg.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_the_notes_and_one_final_line_not_a_line_per_item() -> None:
    log = io.StringIO()
    meter = Progress("site", 61, stream=log)
    meter.note("548 pages to write")
    for number in range(548):  # more than the estimate: counted on, no "548/61"
        meter.step(f"page-{number}.html")
    meter.finish("548 files")
    lines = log.getvalue().splitlines()
    assert lines[0] == "[site] 548 pages to write"
    assert len(lines) == 2 and lines[1].startswith("[site] done in ")
    assert lines[1].endswith(" 548 files")


def test_a_terminal_gets_one_bar_replaced_by_the_final_line() -> None:
    screen = Terminal()
    meter = Progress("export", 500, stream=screen)
    for number in range(500):
        meter.step(f"file-{number}")
    meter.finish("500 files")
    text = screen.getvalue()
    assert text.count("\n") <= 3, text  # the bar is redrawn in place, not appended to
    assert text.rstrip("\n").endswith("500 files")
    assert "[export] done in " in text


def test_quiet_silences_every_meter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "_quiet", False)
    progress.configure(quiet=True)
    try:
        log = io.StringIO()
        meter = Progress("ingest", 3, stream=log)
        meter.step("a")
        meter.note("seen")
        meter.finish()
        assert log.getvalue() == ""
    finally:
        progress.configure(quiet=False)


def test_notice_is_shown_whatever_quiet_says() -> None:
    progress.configure(quiet=True)
    try:
        log = io.StringIO()
        progress.notice("build", "skipped a.pdf: a PDF: convert it to text first", stream=log)
        assert log.getvalue() == "spkg build: skipped a.pdf: a PDF: convert it to text first\n"
    finally:
        progress.configure(quiet=False)


def test_verbose_writes_a_line_per_item_in_a_log() -> None:
    progress.configure(quiet=False, verbose=True)
    try:
        log = io.StringIO()
        meter = Progress("ingest", 2, stream=log)
        meter.step("a.txt")
        meter.step("b.txt")
        meter.finish()
        lines = log.getvalue().splitlines()
        assert lines[:2] == ["[ingest] 1/2 a.txt", "[ingest] 2/2 b.txt"] and len(lines) == 3
    finally:
        progress.configure(quiet=False)
