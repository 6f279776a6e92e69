"""Render the page templates (Jinja2, autoescape on) for the live server or the static site.

The only difference between the two is how a link is written: '/id/place/pakistan' on the
server, '../../place/pakistan/index.html' in a static site that can be opened from disk.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape

from spkg.version import __version__

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
YASGUI_JS = STATIC / "yasgui" / "yasgui.min.js"
CHARTJS = STATIC / "chartjs" / "chart.umd.min.js"
FILE_SUFFIXES = (".css", ".js", ".ttl", ".nt", ".jsonld", ".rdf", ".html", ".trig", ".nq",
                 ".csv", ".json")


def yasgui_installed() -> bool:
    return YASGUI_JS.is_file()


def chartjs_installed() -> bool:
    return CHARTJS.is_file()


def script_json(value: Any) -> str:
    """JSON safe to put inside a <script> element (no '</script>' can close it early)."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


def site_depth(page_path: str) -> int:
    return len([part for part in page_path.split("/") if part])


def explain_key(s: str, p: str, o: str) -> str:
    """The static site's name for the explanation of one triple (stable across exports)."""
    return hashlib.sha256(f"{s} {p} {o}".encode()).hexdigest()[:16]


def relative_url(target: str, page_path: str) -> str:
    """A link from the static page for ``page_path`` to the page or file ``target``."""
    path, hash_sign, fragment = target.partition("#")
    prefix = "../" * site_depth(page_path)
    if path.endswith(FILE_SUFFIXES):
        url = prefix + path.lstrip("/")
    elif path.strip("/"):
        url = prefix + path.strip("/") + "/index.html"
    else:
        url = prefix + "index.html"
    return url + hash_sign + fragment


class Renderer:
    def __init__(self, *, live: bool):
        self.live = live
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # the static site: the explanations its pages link to, rendered after the pages
        self.explained: dict[str, tuple[str, str, str]] = {}

    def explain_path(self, s: str, p: str, o: str) -> str:
        """Where the page saying why (s, p, o) holds is: /explain?… live, a file in a site."""
        if self.live:
            return "/explain?" + urlencode({"s": s, "p": p, "o": o})
        key = explain_key(s, p, o)
        self.explained.setdefault(key, (s, p, o))
        return f"/explain/{key}"

    def render(self, template: str, *, page_path: str, **context: Any) -> str:
        def url(target: str) -> str:
            return target if self.live else relative_url(target, page_path)

        def why(s: str, p: str, o: str) -> str:
            return url(self.explain_path(s, p, o))

        return self.env.get_template(template).render(
            url=url, why=why, live=self.live, version=__version__,
            chartjs=chartjs_installed(), **context
        )
