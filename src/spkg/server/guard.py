"""Who may talk to the server: allowed Host names, same-origin updates, an update token,
and the security headers every response carries.

- Host: a browser tricked by DNS rebinding sends the attacker's name in Host; only the
  names the server was bound to (and loopback names, and --allow-host ones) are served.
- Updates: a web page on another origin can make a browser POST a form here; an update
  whose Origin (or, lacking it, Referer) is not this server's own is refused. Scripts that
  send neither header are not browsers and are let through (they still need the token).
- Token: when bound beyond loopback, updates need ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

# The pages and YASGUI come from our own /static; YASGUI's editor sets inline styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names served: the bound address, loopback names, and the extra ones."""
    names = {bound.strip("[]").lower(), *LOOPBACK_NAMES, *(h.strip("[]").lower() for h in extra)}
    return frozenset(names)


def host_name(host_header: str) -> str:
    """'example.org:8000' → 'example.org'; '[::1]:8000' → '::1'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def foreign_origin(headers: Headers, scheme: str) -> str | None:
    """The Origin (or Referer origin) of a request if it is not this server's, else None."""
    own = f"{scheme}://{headers.get('host', '').lower()}"
    origin = headers.get("origin")
    if origin is not None:
        return None if origin.lower() == own else origin
    referer = headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        source = f"{parts.scheme}://{parts.netloc}".lower()
        return None if source == own else source
    return None


def token_matches(headers: Headers, token: str) -> bool:
    scheme, _, given = headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(),
                                                              token.encode())


class Guard:
    """ASGI middleware: refuse unknown Host names; add the security headers."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.hosts = hosts  # None: any Host (an app mounted elsewhere, behind a proxy)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        if self.hosts is not None:
            name = host_name(Headers(scope=scope).get("host", ""))
            if name not in self.hosts:
                refusal = PlainTextResponse(
                    f"Host {name!r} is not served here (start the server with --allow-host "
                    "NAME to serve it)\n", status_code=400)
                await refusal(scope, receive, with_headers)
                return
        await self.app(scope, receive, with_headers)
