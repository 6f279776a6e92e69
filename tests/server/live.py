"""Test helper: a real uvicorn server for spkg on 127.0.0.1 in a thread, stopped after."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from spkg.export.terms import dataset_quads
from spkg.server.app import ServerConfig, build_state, create_app

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture.trig"
ESCAPE_IRI = "https://w3id.org/spkg/id/programme/escape-test"
# A test-only resource whose label and literal would run script if not escaped.
ESCAPE_TRIG = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix spkg: <https://w3id.org/spkg/ontology#> .
<https://w3id.org/spkg/graph/escape-test> {
  <https://w3id.org/spkg/id/programme/escape-test> a spkg:Programme ;
      rdfs:label "<script>alert('label')</script>"@en ;
      rdfs:comment "a & b <img src=x onerror=alert(1)>" .
}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fixture_quads(extra: Sequence[Path] = ()) -> list:
    from spkg.dataset import load_asserted

    return list(dataset_quads(load_asserted([FIXTURE, *extra])))


class LiveServer:
    def __init__(self, quads: list | None, config: ServerConfig, *,
                 store_path: Path | None = None):
        self.state = build_state(quads, config, store_path=store_path)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(
            create_app(self.state), host="127.0.0.1", port=self.port, access_log=False,
            log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.state.close()
