"""The coverage-gap matrix: countries × the nine C102 branches, as a page and as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from spkg.pages.charts import Chart, coverage_chart
from spkg.pages.dashboards import BranchRow, branches
from spkg.pages.graphview import GraphView, local_path, n

CSV_COLUMNS = ("country", "country_iri", "branch", "status", "interventions",
               "intervention_iris", "results_tagged", "result_iris")


@dataclass
class CountryRow:
    label: str
    href: str | None
    iri: str
    cells: list[BranchRow]


@dataclass
class Matrix:
    branches: list[tuple[str, str | None]]  # label, href, in column order
    rows: list[CountryRow]

    @property
    def chart(self) -> Chart:
        return coverage_chart(self)


def matrix(view: GraphView) -> Matrix:
    table = branches(view)
    rows = [CountryRow(view.label(n(c)), local_path(c), c, cells) for c, cells in table.items()]
    columns = [(b.label, b.href) for b in rows[0].cells] if rows else []
    return Matrix(columns, rows)


def matrix_csv(data: Matrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in data.rows:
        for cell in row.cells:
            writer.writerow([row.label, row.iri, cell.label, cell.status,
                             len(cell.interventions), " ".join(i.iri for i in cell.interventions),
                             len(cell.results), " ".join(i.iri for i in cell.results)])
    return out.getvalue()
