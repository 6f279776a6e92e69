"""HTTP to a store: authentication, bounded retries, and one-line errors without secrets."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

import httpx

from spkg.errors import StoreError

T = TypeVar("T")

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class RetryPolicy:
    """Up to ``tries`` attempts, waiting ``backoff``, 2×, 4× … seconds in between."""

    tries: int = 5
    backoff: float = 0.5
    max_wait: float = 8.0

    def waits(self) -> list[float]:
        return [min(self.backoff * 2**n, self.max_wait) for n in range(self.tries - 1)]


class TransientError(StoreError):
    """A failure worth retrying: no connection, a timeout, a 5xx answer."""


def redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def body_summary(body: bytes | str, limit: int = 160) -> str:
    """The gist of an error body: HTML stripped, whitespace collapsed, cut to ``limit``."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = html.unescape(_TAG.sub(" ", text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def http_auth(user: str | None, password: str | None, scheme: str) -> httpx.Auth | None:
    if user is None:
        return None
    if scheme == "digest":
        return httpx.DigestAuth(user, password or "")
    return httpx.BasicAuth(user, password or "")


def new_client(
    user: str | None, password: str | None, scheme: str, timeout: float
) -> httpx.Client:
    return httpx.Client(auth=http_auth(user, password, scheme), timeout=timeout,
                        follow_redirects=False, trust_env=False)


def send(
    client: httpx.Client, method: str, url: str, *, what: str, **kwargs: object
) -> httpx.Response:
    """One request; transport failures and 5xx become TransientError, 4xx StoreError."""
    try:
        response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
    except httpx.TimeoutException:
        raise TransientError(f"{what}: {redact(url)} did not answer in time") from None
    except httpx.TransportError as error:
        reason = type(error).__name__
        if isinstance(error, httpx.ConnectError):
            reason = "connection refused or host unreachable"
        raise TransientError(f"{what}: cannot reach {redact(url)} ({reason})") from None
    if response.status_code >= 400:
        message = status_message(what, url, response.status_code, response.content)
        if response.status_code >= 500:
            raise TransientError(message)
        raise StoreError(message)
    return response


def status_message(what: str, url: str, status: int, body: bytes) -> str:
    hint = ""
    if status == 401:
        hint = " (wrong user or password, or none given)"
    elif status == 403:
        hint = " (the user may not do this)"
    summary = body_summary(body)
    detail = f": {summary}" if summary else ""
    return f"{what}: {redact(url)} answered HTTP {status}{hint}{detail}"


def with_retries(
    attempt: Callable[[], T],
    policy: RetryPolicy,
    *,
    on_retry: Callable[[int, TransientError], None] | None = None,
) -> T:
    """``attempt()``; retried on TransientError with exponential backoff, then re-raised."""
    waits = policy.waits()
    for number in range(policy.tries):
        try:
            return attempt()
        except TransientError as error:
            if number >= len(waits):
                if policy.tries > 1:
                    error.message = f"{error.message} (gave up after {policy.tries} tries)"
                    error.args = (error.message,)
                raise
            if on_retry is not None:
                on_retry(number + 1, error)
            time.sleep(waits[number])
    raise AssertionError("unreachable")  # pragma: no cover
