"""HTTP for the live sources: one session with timeouts and retries, and plain-language failures.

Retries are urllib3's `Retry` mounted on a `requests` adapter: 429 and 5xx answers and
dropped connections are retried with exponential backoff, honouring `Retry-After`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .. import __version__

RETRY_STATUSES = (429, 500, 502, 503, 504)


@dataclass(frozen=True)
class Network:
    """How patient the live sources are. Tests shorten everything."""

    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0  # seconds; doubles on each retry

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> "Network":
        """VERIFY_TIMEOUT (seconds to wait for an answer) and VERIFY_RETRIES, for slow or flaky links."""
        environ = os.environ if environ is None else environ
        try:
            read_timeout = float(environ.get("VERIFY_TIMEOUT") or cls.read_timeout)
            retries = int(environ.get("VERIFY_RETRIES") or cls.retries)
        except ValueError:
            raise ValueError("VERIFY_TIMEOUT must be a number of seconds and VERIFY_RETRIES a whole number") from None
        if read_timeout <= 0 or retries < 0:
            raise ValueError("VERIFY_TIMEOUT must be above zero and VERIFY_RETRIES zero or more")
        return cls(connect_timeout=min(cls.connect_timeout, read_timeout), read_timeout=read_timeout, retries=retries)


class CappedRetry(Retry):
    """urllib3's Retry, but a server's Retry-After is obeyed only up to a cap: a service
    that asks for an hour's pause is treated as failing, not waited on."""

    max_retry_after = 10.0  # seconds

    def get_retry_after(self, response):
        wait = super().get_retry_after(response)
        return None if wait is None else min(wait, self.max_retry_after)


def session(network: Network) -> requests.Session:
    retry = CappedRetry(
        total=network.retries,
        # A refused or unresolvable connection rarely heals in seconds: try once more, then
        # tell the editor to work offline rather than make them wait through every backoff.
        connect=min(network.retries, 1),
        read=network.retries,
        status=network.retries,
        backoff_factor=network.backoff,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
    )
    http = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    http.mount("http://", adapter)
    http.mount("https://", adapter)
    http.headers["User-Agent"] = f"verifier/{__version__}"
    return http


class Unreachable(Exception):
    """The service cannot be used: it refuses connections, does not answer in time, or keeps
    failing after every retry. The run stops asking it, so a dead service costs one wait."""


class BadAnswer(Exception):
    """The service answered, but not with usable data for this request (bad JSON, an
    unknown series, a client error); other requests may still succeed."""


def host(url: str) -> str:
    """"https://api.worldbank.org/v2" -> "api.worldbank.org": how reports name a service."""
    return urlsplit(url).netloc or url


def describe_failure(exc: BaseException, url: str) -> Exception:
    """A requests/urllib3 failure as Unreachable or BadAnswer, with a reason an editor can read."""
    service = host(url)
    if isinstance(exc, requests.exceptions.RetryError):
        return Unreachable(f"{service} kept answering with errors ({_last_status(exc)}) after retries")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return Unreachable(f"cannot connect to {service} (timed out)")
    if isinstance(exc, (requests.exceptions.Timeout, TimeoutError)):
        return Unreachable(f"{service} did not answer in time")
    if isinstance(exc, requests.exceptions.ConnectionError):
        if "timed out" in str(exc).lower():  # a read timeout that urllib3 retried to the end
            return Unreachable(f"{service} did not answer in time")
        return Unreachable(f"cannot connect to {service}")
    if isinstance(exc, requests.exceptions.HTTPError) and exc.response is not None:
        return BadAnswer(f"{service} answered HTTP {exc.response.status_code}")
    if isinstance(exc, ValueError):
        return BadAnswer(f"{service} sent a response that is not valid JSON")
    return BadAnswer(f"{service}: {exc}")


def _last_status(exc: requests.exceptions.RetryError) -> str:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    text = str(reason or exc)
    for status in RETRY_STATUSES:
        if str(status) in text:
            return f"HTTP {status}"
    return "server errors"
