"""The numbers behind the pages' charts, as tables first: each chart is drawn by
static/charts.js (Chart.js) from the very table the page shows, so the figure and its fallback
cannot disagree, and without JavaScript the table stands alone.

Each chart carries a one-sentence text alternative that says what the picture shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the charts are made by the modules below, which import this one
    from spkg.pages.coverage import Matrix
    from spkg.pages.dashboards import BranchRow, YearResults


@dataclass
class ChartRow:
    label: str
    href: str | None
    values: list[int]


@dataclass
class Chart:
    id: str  # the figure's element id
    title: str
    label_heading: str  # the heading of the row-label column
    series: list[str]  # the value columns, one bar colour each
    rows: list[ChartRow]
    summary: str  # the text alternative
    horizontal: bool = False
    stacked: bool = False
    colours: tuple[str, ...] = ()  # one per series; charts.js has colour-blind-safe defaults

    @property
    def empty(self) -> bool:
        return not self.rows


def _plural(n: int, word: str, words: str = "") -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def branch_chart(country: str, rows: list[BranchRow]) -> Chart:
    """Per C102 branch: the programmes and laws covering it, the ILO results tagged with it."""
    covered = [b for b in rows if b.interventions]
    tagged = [b for b in rows if b.results]
    gaps = [b.label for b in rows if b.status == "gap"]
    summary = (f"Programmes and laws of {country} cover {len(covered)} of the {len(rows)} C102 "
               f"branches; ILO results for {country} are tagged with {len(tagged)}")
    summary += f"; nothing on {', '.join(gaps)}." if gaps else "."
    return Chart(
        id="chart-c102", title=f"C102 branches: what {country}'s graph holds",
        label_heading="branch", series=["programmes and laws", "ILO results tagged"],
        rows=[ChartRow(b.label, b.href, [len(b.interventions), len(b.results)]) for b in rows],
        summary=summary, horizontal=True)


def years_chart(country: str, results: list[YearResults]) -> Chart:
    """ILO results per year, oldest first (a year not stated last)."""
    dated = sorted((y for y in results if y.year[:1].isdigit()), key=lambda y: y.year)
    undated = [y for y in results if not y.year[:1].isdigit()]
    ordered = dated + undated
    total = sum(len(y.results) for y in ordered)
    counts = ", ".join(f"{y.year}: {len(y.results)}" for y in ordered)
    summary = (f"{_plural(total, 'ILO result')} for {country}" + (f" ({counts})." if counts
                                                                    else "."))
    return Chart(
        id="chart-years", title=f"ILO results for {country} by year", label_heading="year",
        series=["ILO results"],
        rows=[ChartRow(y.year, f"#year-{y.year.replace(' ', '-')}", [len(y.results)])
              for y in ordered],
        summary=summary)


STATUSES = ("covered", "results only", "gap")
# the matrix's hues (green, amber, red), dark enough for 3:1 against the page; charts.js
# also gives each series its own fill pattern, so no state is known by its colour alone
STATUS_COLOURS = ("#1B7837", "#E69F00", "#C0392B")


def coverage_chart(matrix: Matrix) -> Chart:
    """Per C102 branch: how many countries have it covered, in results only, or not at all."""
    rows = []
    for index, (label, href) in enumerate(matrix.branches):
        states = [r.cells[index].status for r in matrix.rows]
        rows.append(ChartRow(label, href, [states.count(s) for s in STATUSES]))
    most = max(rows, key=lambda r: r.values[0], default=None)
    summary = (f"For each of the {len(rows)} C102 branches, how many countries (of "
               f"{len(matrix.rows)}) have it covered by a programme or law, in ILO results only, "
               "or not at all")
    if most is not None and most.values[0]:
        summary += f"; most covered: {most.label} ({most.values[0]})."
    else:
        summary += "; no branch is covered by a programme or law anywhere yet."
    return Chart(
        id="chart-coverage", title="C102 branches across countries", label_heading="branch",
        series=[s.capitalize() for s in STATUSES], rows=rows, summary=summary,
        horizontal=True, stacked=True, colours=STATUS_COLOURS)
