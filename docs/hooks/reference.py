"""MkDocs hook: the reference pages are generated from the code and data at build time.

A page holds a marker such as ``<!-- spkg:cli -->``; this hook replaces it with Markdown made
from the argparse parsers, the ``#+`` headers of queries/*.rq or the shapes in shapes/*.ttl,
so the reference cannot drift from what spkg does. Also importable (tests use ``render``).
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cli_markdown() -> str:
    """Every subcommand's --help, in the order of `spkg --help`."""
    from spkg.cli import build_parser

    # argparse wraps help text to $COLUMNS: fix it so the page is the same on every machine
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "92"
    try:
        parser = build_parser()
        parts = ["## spkg\n", "```text", parser.format_help().rstrip(), "```\n"]
        for name, sub in _subcommands(parser).items():
            parts += [f"## spkg {name}\n", "```text", sub.format_help().rstrip(), "```\n"]
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return "\n".join(parts)


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def queries_markdown() -> str:
    """One section per stored query: its question, parameters and example, from its header."""
    from spkg.queries.catalogue import catalogue

    stored = catalogue(ROOT / "queries")
    lines = ["| query | question | summary |", "|---|---|---|"]
    for name, query in sorted(stored.items()):
        lines.append(f"| [`{name}`](#{name}) | {_cell(query.question)} | {_cell(query.summary)} |")
    for name, query in sorted(stored.items()):
        lines += ["", f"### {name}", "", _cell(query.summary) + "."]
        if query.tags:
            lines += ["", "Tags: " + ", ".join(f"`{tag}`" for tag in query.tags) + "."]
        if query.params:
            lines += ["", "| parameter | type | required | description |", "|---|---|---|---|"]
            for p in query.params:
                kind = p.type + (f" in `{p.range}`" if p.range else "")
                lines.append(f"| `{p.name}` | {_cell(kind)} | {'yes' if p.required else 'no'} "
                             f"| {_cell(p.description)} |")
        else:
            lines += ["", "No parameters."]
        if query.example:
            lines += ["", "```sh", query.example, "```"]
        lines += ["", f"Source: `queries/{query.path.name}`."]
    return "\n".join(lines)


def shapes_markdown() -> str:
    """A table per shapes file: each named shape with its target, severity and message."""
    from rdflib import Graph, Namespace, URIRef
    from rdflib.namespace import RDF

    sh = Namespace("http://www.w3.org/ns/shacl#")
    hint = URIRef("https://w3id.org/spkg/shapes#hint")
    out: list[str] = []
    for path in sorted((ROOT / "shapes").glob("*.ttl")):
        graph = Graph().parse(path, format="turtle")
        typed = [*graph.subjects(RDF.type, sh.NodeShape),
                 *graph.subjects(RDF.type, sh.PropertyShape)]
        shapes = sorted({s for s in typed if isinstance(s, URIRef)})
        if not shapes:
            continue
        out += [f"### {path.name}", "", "| shape | on | severity | message | fix |",
                "|---|---|---|---|---|"]
        for shape in shapes:
            on = [graph.namespace_manager.normalizeUri(v) for p in
                  (sh.targetClass, sh.path, sh.targetSubjectsOf, sh.targetObjectsOf)
                  for v in graph.objects(shape, p) if isinstance(v, URIRef)]
            severity = graph.value(shape, sh.severity)
            level = str(severity).rsplit("#", 1)[-1] if severity else "Violation"
            out.append(f"| `{graph.namespace_manager.normalizeUri(shape)}` "
                       f"| {_cell(', '.join(f'`{o}`' for o in on))} | {level} "
                       f"| {_cell(graph.value(shape, sh.message) or '')} "
                       f"| {_cell(graph.value(shape, hint) or '')} |")
        out.append("")
    return "\n".join(out)


def _fenced_examples(text: str) -> str:
    """Docstring examples (``>>>`` lines and their output) as fenced pycon blocks."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if line.startswith(">>>") and not inside:
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


def api_markdown() -> str:
    """The Python API: each public name of spkg.api with its signature and docstring."""
    import inspect

    import spkg.api

    def section(title: str, thing: Any, level: str) -> list[str]:
        signature = str(inspect.signature(thing)) if callable(thing) else ""
        doc = _fenced_examples(inspect.cleandoc(thing.__doc__ or ""))
        return [f"{level} `{title}{signature}`", "", doc, ""]

    out = [_fenced_examples(inspect.cleandoc(spkg.api.__doc__ or "")), ""]
    for name in spkg.api.__all__:
        thing = getattr(spkg.api, name)
        out += section(f"spkg.{name}", thing, "##")
        if inspect.isclass(thing):
            for member, value in vars(thing).items():
                if member.startswith("_"):
                    continue
                if isinstance(value, property) and value.fget is not None:
                    out += [f"### `Graph.{member}`", "",
                            inspect.cleandoc(value.fget.__doc__ or ""), ""]
                elif callable(value):
                    out += section(f"Graph.{member}", value, "###")
    return "\n".join(out)


RENDERERS: dict[str, Callable[[], str]] = {
    "<!-- spkg:api -->": api_markdown,
    "<!-- spkg:cli -->": cli_markdown,
    "<!-- spkg:queries -->": queries_markdown,
    "<!-- spkg:shapes -->": shapes_markdown,
}


# `<!-- spkg:include bench/RESULTS.md -->`: a file of the repository outside docs/, shown as is.
# Markers count only on a line of their own, so a page can mention them in running text.
INCLUDE = re.compile(r"^<!-- spkg:include ([\w./-]+) -->$", re.M)


def _include(match: re.Match[str]) -> str:
    path = (ROOT / match.group(1)).resolve()
    if ROOT not in path.parents:
        raise ValueError(f"spkg:include outside the repository: {match.group(1)}")
    # links into docs/ from a root file (CHANGELOG.md) are relative to the site's root pages
    return path.read_text(encoding="utf-8").replace("](docs/", "](")


def render(markdown: str) -> str:
    for marker, renderer in RENDERERS.items():
        line = re.compile(rf"^{re.escape(marker)}$", re.M)
        if line.search(markdown):
            # split, not re.sub: the generated text is not a replacement template
            markdown = renderer().join(line.split(markdown))
    return INCLUDE.sub(_include, markdown)


def on_page_markdown(markdown: str, **_: Any) -> str:
    return render(markdown)
