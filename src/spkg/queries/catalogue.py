"""The stored queries: queries/*.rq files with a grlc-style ``#+`` header.

A header is YAML in comment lines that start with ``#+``::

    #+ summary: Which ILO results contributed to an SDG target
    #+ question: 1
    #+ tags: [results, sdg]
    #+ params:
    #+   - name: target
    #+     type: sdg-target
    #+     default: "1.3"
    #+     required: false
    #+     description: the SDG target, as its code (1.3) or IRI
    #+ example: spkg query results-by-sdg-target --param target=1.3

Each parameter names a query variable (``?target``) and declares its type; nothing is
read from variable names (grlc's wart).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spkg import paths
from spkg.errors import QueryError
from spkg.queries.params import PARAM_TYPES

HEADER_MARK = "#+"


@dataclass(frozen=True)
class ParamSpec:
    """One declared parameter: the variable it binds, its type and how it defaults."""

    name: str
    type: str
    required: bool = False
    default: str | None = None
    description: str = ""
    # for iri-like types: the class a label is looked up in (a prefixed name or IRI)
    range: str | None = None


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    text: str
    summary: str
    question: str = ""
    tags: tuple[str, ...] = ()
    params: tuple[ParamSpec, ...] = ()
    example: str = ""
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def param(self, name: str) -> ParamSpec | None:
        return next((p for p in self.params if p.name == name), None)


def header_text(text: str) -> str:
    """The YAML of the ``#+`` lines at the top of a query file."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(HEADER_MARK):
            lines.append(stripped[len(HEADER_MARK) :].removeprefix(" "))
        elif stripped and not stripped.startswith("#"):
            break  # the header ends where the query starts
    return "\n".join(lines)


def _fail(path: Path, message: str) -> QueryError:
    return QueryError(f"bad query header: {message}", path=path)


def _param(path: Path, raw: Any) -> ParamSpec:
    if not isinstance(raw, dict) or "name" not in raw or "type" not in raw:
        raise _fail(path, f"each param needs a name and a type, got {raw!r}")
    name, kind = str(raw["name"]), str(raw["type"])
    if kind not in PARAM_TYPES:
        known = ", ".join(PARAM_TYPES)
        raise _fail(path, f"param {name!r} has unknown type {kind!r} (known: {known})")
    unknown = set(raw) - {"name", "type", "required", "default", "description", "range"}
    if unknown:
        raise _fail(path, f"param {name!r} has unknown keys {sorted(unknown)}")
    default = raw.get("default")
    return ParamSpec(
        name=name,
        type=kind,
        required=bool(raw.get("required", False)),
        default=None if default is None else str(default),
        description=str(raw.get("description", "")),
        range=None if raw.get("range") is None else str(raw["range"]),
    )


HEADER_CACHE = "query-headers.json"
_CACHE_ENTRIES = 256  # the stored queries, and room for people's own


def _header_cache() -> dict[str, Any]:
    """Headers already read (YAML text → its value), from the user's cache folder."""
    import json

    try:
        found = json.loads((paths.cache_dir() / HEADER_CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _remember(cache: dict[str, Any], raw: str, value: Any) -> None:
    """Keep ``value`` for next time, if JSON gives it back the same (YAML dates do not);
    a cache that cannot be written is no error."""
    import json

    from spkg.atomic import atomic_write_text

    try:
        if json.loads(json.dumps(value)) != value:
            return
        kept = dict(list(cache.items())[-(_CACHE_ENTRIES - 1):])
        kept[raw] = value
        folder = paths.cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / HEADER_CACHE, json.dumps(kept, ensure_ascii=False))
    except (OSError, TypeError, ValueError):
        pass


def _read_header(path: Path, raw: str) -> Any:
    """The YAML value of a header. The parsed value is cached by the header's own text (so
    it can never be stale): loading PyYAML was a tenth of a `spkg query` on a build."""
    cache = _header_cache()
    if raw in cache:
        return cache[raw]
    import yaml

    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise _fail(path, " ".join(str(error).split())) from error
    _remember(cache, raw, value)
    return value


def parse_stored_query(path: Path, text: str | None = None) -> StoredQuery:
    """Read one .rq file and its header."""
    text = path.read_text(encoding="utf-8") if text is None else text
    header = _read_header(path, header_text(text)) or {}
    if not isinstance(header, dict):
        raise _fail(path, "the #+ lines must form a YAML mapping")
    if "summary" not in header:
        raise _fail(path, "no '#+ summary:' line")
    tags = header.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    params = tuple(_param(path, raw) for raw in header.get("params") or [])
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise _fail(path, f"duplicate param names in {names}")
    known = {"summary", "question", "tags", "params", "example"}
    return StoredQuery(
        name=path.stem,
        path=path,
        text=text,
        summary=str(header["summary"]),
        question=str(header.get("question", "")),
        tags=tuple(str(t) for t in tags),
        params=params,
        example=str(header.get("example", "")),
        extra={k: v for k, v in header.items() if k not in known},
    )


@cache
def _catalogue(folder: Path) -> dict[str, StoredQuery]:
    return {path.stem: parse_stored_query(path) for path in sorted(folder.glob("*.rq"))}


def catalogue(folder: Path | None = None) -> dict[str, StoredQuery]:
    """Every stored query by name (the file stem), in name order."""
    return _catalogue(folder or paths.queries_dir())


def find_query(name: str, folder: Path | None = None) -> StoredQuery:
    """A stored query by name; an unknown name suggests the nearest ones."""
    path = (folder or paths.queries_dir()) / f"{name}.rq"
    if "/" not in name and path.is_file():
        return parse_stored_query(path)  # one file, not the whole catalogue: `spkg query` start-up
    queries = catalogue(folder)
    if name in queries:
        return queries[name]
    import difflib  # only for a name that is not there

    nearest = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.4)
    hint = f"; did you mean {' or '.join(nearest)}?" if nearest else "; see `spkg query --list`"
    raise QueryError(f"unknown query {name!r}{hint}")
