"""Test helper: a loopback HTTP server playing a remote SPARQL service, counting visits."""

from __future__ import annotations

import http.server
import threading

ANSWER = (b'{"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": [{"s": {"type": "uri", '
          b'"value": "http://leak.example/s"}, "p": {"type": "uri", "value": "http://leak.'
          b'example/p"}, "o": {"type": "literal", "value": "leaked"}}]}}')


class Service:
    """A loopback 'remote' SPARQL service and data host that counts its visitors."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                turtle = self.path.endswith(".ttl")
                body = (b"<http://leak.example/s> <http://leak.example/p> \"leaked\" .\n"
                        if turtle else ANSWER)
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle" if turtle
                                 else "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
