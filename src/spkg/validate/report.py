"""The validation result: pySHACL's report read into plain records, for people and machines."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, NamespaceManager
from rdflib.term import BNode, Node

from spkg.errors import InputError
from spkg.validate.provenance import Source, find_source
from spkg.validate.shapes import Shapes

SEVERITIES = ("Violation", "Warning", "Info")  # most severe first
SERIALISATIONS = {"turtle": "turtle", "json-ld": "json-ld"}
_QUOTE_WIDTH = 160


@dataclass(frozen=True)
class Result:
    """One validation result, with what a person needs to act on it."""

    severity: str
    shape: Node
    shape_file: str | None
    component: Node | None
    focus: Node
    focus_label: str | None
    path: Node | None
    value: Node | None
    message: str
    hint: str | None
    source: Source | None
    focus_types: tuple[Node, ...] = ()  # listed for disjointness clashes
    # for a result without sh:value (uniqueLang, maxCount…): the values the path has, and the
    # file each was read from
    present: tuple[tuple[Node, str | None], ...] = ()


@dataclass
class ValidationResult:
    """What `spkg validate` and `spkg build` act on."""

    results: list[Result]
    report_graph: Graph
    names: NamespaceManager
    data_triples: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    fail_on: str = "violation"  # what the verdict line and the exit code judge by

    def __post_init__(self) -> None:
        self.counts = {severity: 0 for severity in SEVERITIES}
        for result in self.results:
            self.counts[result.severity] += 1

    @property
    def conforms(self) -> bool:
        """SHACL's sense: no result of any severity."""
        return not self.results

    def fails(self, fail_on: str = "violation") -> bool:
        """Whether any result is at least as severe as ``fail_on`` (violation, warning, info)."""
        level = fail_on.capitalize()
        if level not in SEVERITIES:
            raise InputError(f"unknown severity {fail_on!r} (known: violation, warning, info)")
        return any(self.counts[s] for s in SEVERITIES[: SEVERITIES.index(level) + 1])

    def summary(self) -> str:
        return (f"{verdict_line(self.counts, self.fail_on)} (SHACL over "
                f"{_plural(self.data_triples, 'document triple')}, {self.seconds:.2f} s)")

    def text(self) -> str:
        return render_text(self)

    def serialize(self, fmt: str = "turtle") -> str:
        """The standard SHACL validation report as Turtle or JSON-LD."""
        if fmt not in SERIALISATIONS:
            raise InputError(f"unknown report format {fmt!r} (known: text, turtle, json-ld)")
        return self.report_graph.serialize(format=SERIALISATIONS[fmt])


def verdict_line(counts: dict[str, int], fail_on: str = "violation") -> str:
    """``conforms: 0 violations, 0 warnings, 1 info``: the line `spkg validate` and
    `spkg build` both print. "conforms" when nothing reaches ``fail_on`` (exit 0)."""
    order = [s.lower() for s in SEVERITIES]
    level = order.index(fail_on) if fail_on in order else 0
    failed = any(counts.get(s, 0) for s in SEVERITIES[: level + 1])
    parts = ", ".join(_plural(counts.get(s, 0), s.lower()) for s in SEVERITIES)
    return f"{'does not conform' if failed else 'conforms'}: {parts}"


def _plural(count: int, noun: str) -> str:
    if noun.endswith("info"):  # a mass noun: "2 info", as pySHACL and ROBOT say
        return f"{count:,} {noun}"
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def label_of(graph: Graph, node: Node) -> str | None:
    """A name for a node: its English label, else any label or title."""
    for predicate in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
        values = list(graph.objects(node, predicate))
        english = [v for v in values if isinstance(v, Literal) and v.language == "en"]
        if english or values:
            return str((english or values)[0])
    return None


def _severity_name(node: Node | None) -> str:
    name = str(node).rsplit("#", 1)[-1] if node is not None else "Violation"
    return name if name in SEVERITIES else "Violation"


def read_results(report: Graph, shapes: Shapes, data: Graph) -> list[Result]:
    """Turn pySHACL's report graph into Results, with labels, sources and hints."""
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(node, SH.focusNode)
        shape = report.value(node, SH.sourceShape)
        if focus is None or shape is None:
            continue
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        messages = [str(m) for m in report.objects(node, SH.resultMessage)]
        component = report.value(node, SH.sourceConstraintComponent)
        types = (tuple(sorted(data.objects(focus, RDF.type), key=str))
                 if component == SH.NotConstraintComponent else ())
        present = _present_values(data, focus, path) if value is None else ()
        results.append(
            Result(
                severity=_severity_name(report.value(node, SH.resultSeverity)),
                shape=shape,
                shape_file=shapes.file_of(shape),
                component=component,
                focus=focus,
                focus_label=label_of(data, focus),
                path=path,
                value=value,
                message=_most_specific(messages, shapes.graph, shape),
                hint=shapes.hint(shape),
                source=find_source(data, focus, path, value),
                focus_types=types,
                present=present,
            )
        )
    return sorted(results, key=_sort_key)


def _most_specific(messages: list[str], shapes: Graph, shape: Node) -> str:
    """The constraint's own message (a SPARQL constraint's, with its values filled in) over
    the shape's general one; pySHACL reports both, in no fixed order."""
    general = {str(m) for m in shapes.objects(shape, SH.message)}
    specific = sorted(m for m in messages if m not in general)
    return (specific or sorted(messages) or [""])[0]


def _present_values(data: Graph, focus: Node, path: Node | None
                    ) -> tuple[tuple[Node, str | None], ...]:
    if not isinstance(path, URIRef):
        return ()
    present = []
    for value in sorted(data.objects(focus, path), key=str)[:10]:
        source = find_source(data, focus, path, value)
        present.append((value, source.file_name if source else None))
    return tuple(present)


def _sort_key(result: Result) -> tuple[int, str, str, str, str]:
    return (SEVERITIES.index(result.severity), result.shape_file or "", str(result.shape),
            str(result.focus), str(result.value))


#################################################################
# Text for people
#################################################################

def _name(node: Node | None, names: NamespaceManager, report: Graph) -> str:
    if node is None:
        return "(none)"
    if isinstance(node, BNode):
        alternatives = report.value(node, SH.alternativePath)
        if alternatives is not None:
            items = report.items(alternatives)
            return " | ".join(_name(item, names, report) for item in items)
        inverse = report.value(node, SH.inversePath)
        if inverse is not None:
            return "^" + _name(inverse, names, report)
        return "[]"
    if isinstance(node, Literal):
        text = node.n3(names)
        return text if len(text) < 120 else text[:117] + "…"
    return node.n3(names) if isinstance(node, URIRef) else str(node)


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE_WIDTH else flat[: _QUOTE_WIDTH - 1] + "…"


def _source_line(source: Source) -> str:
    where = source.file_name or str(source.document)
    if source.start is not None and source.end is not None:
        where += f" [{source.start}:{source.end}]"
    quote = f' "{_shorten(source.quote)}"' if source.quote else ""
    return f"read from: {where}{quote}"


def render_text(result: ValidationResult) -> str:
    """Results grouped by shape, then by focus node; each with value, source and fix."""
    names, report = result.names, result.report_graph
    lines: list[str] = []
    by_shape = groupby(result.results, key=lambda r: (r.severity, r.shape))
    for (severity, shape), shape_results in by_shape:
        group = list(shape_results)
        first = group[0]
        where = f" ({first.shape_file})" if first.shape_file else ""
        lines.append(f"{severity.upper()}  {_name(shape, names, report)}{where}: "
                     f"{len(group)} result{'s' if len(group) != 1 else ''}")
        if first.hint:
            lines.append(f"  fix: {first.hint}")
        by_focus: dict[Node, list[Result]] = defaultdict(list)
        for item in group:
            by_focus[item.focus].append(item)
        for focus, items in by_focus.items():
            label = f' "{items[0].focus_label}"' if items[0].focus_label else ""
            lines.append(f"  - {_name(focus, names, report)}{label}")
            for item in items:
                lines.append(f"      {item.message}")
                path = _name(item.path, names, report) if item.path is not None else None
                value = _name(item.value, names, report) if item.value is not None else "(none)"
                lines.append(f"      value: {value}" + (f"  (path {path})" if path else ""))
                if item.present:
                    has = ", ".join(_name(v, names, report) + (f" ({f})" if f else "")
                                    for v, f in item.present)
                    lines.append(f"      has: {has}")
                if item.focus_types:
                    types = ", ".join(_name(t, names, report) for t in item.focus_types)
                    lines.append(f"      types: {types}")
                if item.source:
                    lines.append(f"      {_source_line(item.source)}")
        lines.append("")
    lines.append(result.summary())
    return "\n".join(lines)
