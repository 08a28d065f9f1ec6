"""A live source read through the cache: fetch what is missing or stale, reuse the rest.

Policy, per series:
- in the cache and fresh (younger than `max_age_days`, imported by `verify data import`,
  or the run is `offline`): read from the cache;
- otherwise, online: fetch from the API (one request batch), store, read back;
- the fetch fails: use the cached copy if there is one (marked stale, with the reason,
  in the report), else the series is missing, with the reason, and its claims are
  unverifiable.
Once a service fails for good (refused, silent, or failing after every retry) the run
stops asking it: one wait, not one per series. A cache that cannot be written costs
only the caching: the values fetched are still used for this run.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

from . import DataError, Series
from .cache import Cache, Economy, age_days
from .http import BadAnswer, Unreachable, host

DEFAULT_MAX_AGE_DAYS = 7.0


class Remote(Protocol):
    name: str
    label: str
    endpoint: str

    def fetch_series(self, code: str, economies: list[str] | None = None) -> Series: ...

    def fetch_economies(self) -> list[Economy]: ...


@dataclass(frozen=True)
class Policy:
    offline: bool = False
    refresh: bool = False  # fetch again even when the cache is fresh
    max_age_days: float | None = DEFAULT_MAX_AGE_DAYS  # None: cached data never goes stale


class CachedSource:
    def __init__(self, remote: Remote, cache: Cache, policy: Policy, economies: list[str] | None = None):
        self.remote = remote
        self.cache = cache
        self.policy = policy
        self.economies = economies  # None: every economy (what ranks and shares need)
        self.name = remote.name
        self.label = remote.label
        self.missing: dict[str, str] = {}
        self.failed: dict[str, str] = {}  # series that could not be fetched and are not cached -> why
        self.stale: dict[str, str] = {}  # series -> why the cached copy could not be refreshed
        self.warnings: list[str] = []
        self.unreachable: str | None = None  # why the service could not be used, once it could not
        self._fetched: dict[str, Series] = {}  # fetched but not cached (the cache could not be written)

    def _young(self, retrieved: str) -> bool:
        return self.policy.max_age_days is None or age_days(retrieved) <= self.policy.max_age_days

    def _fresh(self, code: str) -> bool:
        info = self.cache.info(self.name, code)
        if info is None or self.policy.refresh:
            return False
        if self.policy.offline:
            return True
        if info.economies != "*" and (self.economies is None or not set(self.economies) <= set(info.economies.split(","))):
            return False  # a partial pull that lacks economies wanted now
        # An import pins its edition: only --refresh replaces it with the API's copy.
        return info.imported or self._young(info.retrieved)

    def load(self, codes: Iterable[str]) -> dict[str, Series]:
        codes = list(codes)
        stale = [code for code in codes if not self._fresh(code)]
        if stale and not self.policy.offline:
            self._update_economies()
        for code in stale:
            self._update(code)
        loaded = {}
        for code in codes:
            series = self._fetched.get(code) or self.cache.load(self.name, code)
            if series is not None:
                series.stale = self.stale.get(code, "")
                loaded[code] = series
        return loaded

    def _update(self, code: str) -> None:
        cached = self.cache.info(self.name, code)
        if self.policy.offline:
            if cached is None:
                self.missing[code] = (f"{self.label} series {code} is not in the cache {self.cache.path} "
                                      "and the run is offline (--offline)")
            return
        economies = self.economies
        if economies is not None and cached is not None:
            # A partial pull never shrinks what is cached: a full copy is refreshed whole, a
            # partial one grows by the economies asked for now.
            economies = None if cached.economies == "*" else sorted(set(economies) | set(cached.economies.split(",")))
        reason = self.unreachable
        if reason is None:
            try:
                series = self.remote.fetch_series(code, economies)
            except Unreachable as exc:
                reason = self.unreachable = str(exc)
            except BadAnswer as exc:
                reason = str(exc)
            else:
                self._keep(series, economies)
                return
        if cached is not None:
            self.stale[code] = f"{reason}; this copy was retrieved {cached.retrieved[:10]}"
        else:
            self.failed[code] = reason
            self.missing[code] = f"{self.label} series {code} could not be fetched ({reason}) and is not in the cache"

    def _keep(self, series: Series, economies: list[str] | None) -> None:
        try:
            self.cache.store(series, economies)
        except DataError as exc:
            self.warnings.append(f"{exc}; the values fetched are used for this run only")
            series.complete = economies is None
            series.aggregates = self.cache.aggregates(self.name) | series.aggregates
            self._fetched[series.code] = series

    def _update_economies(self) -> None:
        """Economy names and the list of groups, when the cache has none or they are stale."""
        known = self.cache.economies_info(self.name)
        if (known and not self.policy.refresh and self._young(known[1])) or self.unreachable:
            return
        try:
            self.cache.store_economies(self.name, self.remote.fetch_economies(),
                                       origin=f"fetched from {host(self.remote.endpoint)}")
        except Unreachable as exc:
            self.unreachable = str(exc)
        except (BadAnswer, DataError) as exc:
            # Ranks then fall back on sources/aggregates.toml to tell groups from economies.
            self.warnings.append(f"{self.label}: economy list not updated ({exc})")
