"""HTTP for the live sources: one session with timeouts and retries, and plain-language failures.

Retries are urllib3's `Retry` mounted on a `requests` adapter: 429 and 5xx answers and
dropped connections are retried with exponential backoff, honouring `Retry-After`.
"""
from __future__ import annotations

from dataclasses import dataclass
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


def session(network: Network) -> requests.Session:
    retry = Retry(
        total=network.retries,
        connect=network.retries,
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
    """The service cannot be reached at all: later requests to it in this run would fail too."""


class BadAnswer(Exception):
    """The service answered, but not with usable data for this request."""


def describe_failure(exc: BaseException, url: str) -> Exception:
    """A requests/urllib3 failure as Unreachable or BadAnswer, with a reason an editor can read."""
    host = urlsplit(url).netloc or url
    if isinstance(exc, requests.exceptions.RetryError):
        return BadAnswer(f"{host} kept answering with errors ({_last_status(exc)}) after retries")
    if isinstance(exc, requests.exceptions.Timeout):
        return BadAnswer(f"{host} did not answer in time")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return Unreachable(f"cannot connect to {host}")
    if isinstance(exc, requests.exceptions.HTTPError) and exc.response is not None:
        return BadAnswer(f"{host} answered HTTP {exc.response.status_code}")
    if isinstance(exc, ValueError):
        return BadAnswer(f"{host} sent a response that is not valid JSON")
    return BadAnswer(f"{host}: {exc}")


def _last_status(exc: requests.exceptions.RetryError) -> str:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    text = str(reason or exc)
    for status in RETRY_STATUSES:
        if str(status) in text:
            return f"HTTP {status}"
    return "server errors"
