"""HTTP for the live sources: one session with timeouts and retries, and plain-language failures.

Retries are urllib3's `Retry` mounted on a `requests` adapter: 429 and 5xx answers and
dropped connections are retried with exponential backoff, honouring `Retry-After` up to
a cap. A read timeout bounds each wait for bytes, so the session also gives each answer's
body a deadline (the read timeout again): a server that drips its answer, a few bytes
at a time, cannot hold a run for hours.
"""
from __future__ import annotations

import json
import math
import os
import time
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
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
        """VERIFY_TIMEOUT (seconds to wait for an answer, and for its body) and VERIFY_RETRIES, for slow or flaky links."""
        environ = os.environ if environ is None else environ
        try:
            read_timeout = float(environ.get("VERIFY_TIMEOUT") or cls.read_timeout)
            retries = int(environ.get("VERIFY_RETRIES") or cls.retries)
        except ValueError:
            raise ValueError("VERIFY_TIMEOUT must be a number of seconds and VERIFY_RETRIES a whole number") from None
        if read_timeout <= 0 or retries < 0:
            raise ValueError("VERIFY_TIMEOUT must be above zero and VERIFY_RETRIES zero or more")
        return cls(connect_timeout=min(cls.connect_timeout, read_timeout), read_timeout=read_timeout, retries=retries)


class RetryAfterTooLong(urllib3.exceptions.ResponseError):
    """The service asked for a longer pause (Retry-After) than verifier waits."""

    def __init__(self, status: int, wait: float):
        super().__init__(f"HTTP {status} with Retry-After {wait:g} s")
        self.status, self.wait = status, wait


class CappedRetry(Retry):
    """urllib3's Retry, but a server's Retry-After is obeyed only up to a cap: a service
    that asks for an hour's pause is treated as failing, not waited on."""

    max_retry_after = 10.0  # seconds

    def _asked_wait(self, response) -> float | None:
        try:
            return super().get_retry_after(response)
        except urllib3.exceptions.InvalidHeader:
            return None  # "Retry-After: soon": no usable pause, so back off as for any error

    def get_retry_after(self, response):
        wait = self._asked_wait(response)
        return None if wait is None else min(wait, self.max_retry_after)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        wait = self._asked_wait(response) if response is not None else None
        if wait is not None and wait > self.max_retry_after:
            # Retrying sooner than asked only earns more refusals; give up on the service now.
            raise urllib3.exceptions.MaxRetryError(_pool, url, RetryAfterTooLong(response.status, wait))
        return super().increment(method, url, response, error, _pool, _stacktrace)


class SlowAnswer(requests.exceptions.Timeout):
    """The body of an answer did not arrive in full within the deadline."""


class NotJson(requests.exceptions.RequestException):
    """A 200 answer that is an HTML page or XML, not the JSON asked for (a proxy's login
    page, a maintenance notice)."""

    def __init__(self, media_type: str, **kwargs):
        super().__init__(media_type, **kwargs)
        self.media_type = media_type


class _Session(requests.Session):
    """A session whose answers must arrive whole within `deadline` seconds of their headers,
    and be JSON when they are 200s. The body is read with `read1`, which returns whatever
    has arrived, so the deadline is checked between pieces however slowly they come."""

    def __init__(self, deadline: float):
        super().__init__()
        self.deadline = deadline

    def request(self, method, url, *args, **kwargs):
        if kwargs.get("stream"):
            return super().request(method, url, *args, **kwargs)
        kwargs["stream"] = True
        response = super().request(method, url, *args, **kwargs)
        try:
            response._content = self._body(response)
        except BaseException:
            response.close()  # a half-read connection must not go back to the pool
            raise
        response._content_consumed = True
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if response.status_code == 200 and ("html" in media_type or "xml" in media_type):
            raise NotJson(media_type, response=response)
        return response

    def _body(self, response: requests.Response) -> bytes:
        give_up = time.monotonic() + self.deadline
        body = bytearray()
        read = response.raw.read1
        try:
            while chunk := read(65536, decode_content=True):
                body += chunk
                if time.monotonic() > give_up:
                    raise SlowAnswer(f"not complete after {self.deadline:g} s", response=response)
        except urllib3.exceptions.ProtocolError as exc:  # as requests itself would raise them
            raise requests.exceptions.ChunkedEncodingError(exc, response=response) from exc
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise requests.exceptions.ReadTimeout(exc, response=response) from exc
        except urllib3.exceptions.DecodeError as exc:
            raise requests.exceptions.ContentDecodingError(exc, response=response) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise requests.exceptions.ConnectionError(exc, response=response) from exc
        return bytes(body)


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
    # The read timeout bounds each wait for bytes; the body as a whole gets as long again.
    http = _Session(network.read_timeout)
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
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        if isinstance(reason, RetryAfterTooLong):
            return Unreachable(f"{service} answered HTTP {reason.status} and asked to be left alone for "
                               f"{reason.wait:g} s (Retry-After), longer than the {CappedRetry.max_retry_after:g} s "
                               "verifier waits")
        return Unreachable(f"{service} kept answering with errors ({_last_status(exc)}) after retries")
    if isinstance(exc, SlowAnswer):
        return Unreachable(f"{service} sent its answer too slowly ({exc})")
    if isinstance(exc, NotJson):
        return BadAnswer(f"{service} sent a page of {exc.media_type}, not JSON")
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return BadAnswer(f"{service} broke off its answer part-way (the connection closed early)")
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


def json_number(value: Any, where: str) -> float | None:
    """A value from a JSON answer: a finite number, or None for null (no observation).

    Anything else -- a string, even "3.5", NaN, true -- makes the whole answer bad rather
    than being coerced or skipped: a service that changed its format must not slip a
    guessed or partial series into the cache. `where` names the value for the reason.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadAnswer(f"{where} is {json.dumps(value)[:40]}, not a number")
    return float(value)


def _last_status(exc: requests.exceptions.RetryError) -> str:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    text = str(reason or exc)
    for status in RETRY_STATUSES:
        if str(status) in text:
            return f"HTTP {status}"
    return "server errors"
