"""What a running server holds: its configuration, query engine, graph view and renderer.

Its own module so that the request handlers (protocol, graph_store, service_description)
take it typed without importing the application that routes to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from spkg.pages.graphview import GraphView
from spkg.pages.render import Renderer
from spkg.pages.stored import StoredQuery
from spkg.server import guard
from spkg.server.answer_cache import AnswerCache
from spkg.server.engine import QueryEngine
from spkg.server.inline import InlineRunner
from spkg.server.workdir import WorkDir


@dataclass
class ServerConfig:
    timeout: float = 10.0  # the whole request: waiting for a worker, parsing, running, writing
    max_rows: int = 10_000
    max_body: int = 1_000_000
    allow_update: bool = False
    workers: int = 2
    max_query: int = 65_536  # bytes of query or update text; more gets 413
    max_answer: int = 16_000_000  # bytes of an answer; more is cut (at a row) and flagged
    stream_after: int = 1_048_576  # answers larger than this are streamed (chunked)
    answer_cache: int = 0  # bytes of whole answers kept by (store generation, request); 0: off
    sandbox: bool = True  # workers cannot open network sockets (seccomp); see sandbox.py
    hosts: frozenset[str] | None = field(default_factory=lambda: guard.allowed_hosts("127.0.0.1"))
    update_token: str | None = None  # required (Bearer) for updates when set


@dataclass
class ServerState:
    config: ServerConfig
    engine: QueryEngine
    view: GraphView
    renderer: Renderer
    queries: list[StoredQuery]
    workdir: WorkDir
    extra: dict[str, object] = field(default_factory=dict)
    answers: AnswerCache | None = None
    inline: InlineRunner | None = None  # an acceptor's own engine for light queries

    def __post_init__(self) -> None:
        if self.answers is None and self.config.answer_cache > 0:
            self.answers = AnswerCache(self.config.answer_cache)

    def show_snapshot(self, path: Path) -> None:
        self.view = GraphView(ox.Store.read_only(str(path)))

    def close(self) -> None:
        self.engine.close()
        self.workdir.release()
