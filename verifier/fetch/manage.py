"""`verify data`: what the cache holds (status), filling it ahead of time (pull), and
loading local files into it (import). Also builds a run's live sources.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import indicators
from . import DataError, aggregate_codes, open_source
from .cache import Cache, Economy, now
from .cached import CachedSource, Policy
from .http import Network
from .imf_api import ENDPOINT as IMF_ENDPOINT
from .imf_api import ImfDataMapper
from .world_bank_api import ENDPOINT as WORLD_BANK_ENDPOINT
from .world_bank_api import WorldBankApi


@dataclass(frozen=True)
class Endpoints:
    """API base addresses; the variables let a newsroom use a mirror and tests a local server."""

    world_bank: str = WORLD_BANK_ENDPOINT
    imf: str = IMF_ENDPOINT

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> "Endpoints":
        environ = os.environ if environ is None else environ
        return cls(environ.get("VERIFY_WORLD_BANK_API") or WORLD_BANK_ENDPOINT,
                   environ.get("VERIFY_IMF_API") or IMF_ENDPOINT)


def imf_scales() -> dict[str, int]:
    """Powers of ten the IMF publishes each catalogue concept in (the API has no scale field)."""
    return {i.imf_concept: i.imf_scale for i in indicators().values() if i.imf_concept}


def live_sources(cache: Cache, policy: Policy, network: Network = Network(), endpoints: Endpoints = Endpoints(),
                 economies: list[str] | None = None) -> list[CachedSource]:
    """The World Bank and IMF APIs, each read through the cache."""
    return [
        CachedSource(WorldBankApi(endpoints.world_bank, network), cache, policy, economies),
        CachedSource(ImfDataMapper(endpoints.imf, network, imf_scales()), cache, policy, economies),
    ]


def catalogue_series() -> dict[str, list[str]]:
    """Every series the indicator catalogue can use, by source."""
    wanted: dict[str, list[str]] = {"world_bank": [], "imf": []}
    for indicator in indicators().values():
        for source, codes in wanted.items():
            code = indicator.series_for(source)
            if code and code not in codes:
                codes.append(code)
    return wanted


# --- pull ------------------------------------------------------------------------------


@dataclass
class PullResult:
    loaded: dict[str, list[str]] = field(default_factory=dict)  # source -> series now in the cache
    missing: dict[str, dict[str, str]] = field(default_factory=dict)  # source -> series -> why not
    warnings: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)


def pull(sources: list[CachedSource]) -> PullResult:
    """Fetch every catalogue series that is missing or stale, for offline work later."""
    result = PullResult()
    wanted = catalogue_series()
    for source in sources:
        loaded = source.load(wanted.get(source.name, []))
        result.loaded[source.name] = sorted(loaded)
        result.missing[source.name] = dict(source.missing)
        result.warnings += source.warnings
        if source.unreachable:
            result.unreachable.append(source.unreachable)
    return result


# --- import ----------------------------------------------------------------------------


@dataclass
class ImportResult:
    source: str
    edition: str
    series: int
    rows: int


def import_path(path: Path, cache: Cache, vintage: str | None = None) -> ImportResult:
    """Load every series in a local snapshot into the cache, replacing older copies.

    `vintage` names the release when the files do not ("July 2026"); reports cite it.
    """
    source = open_source(path)
    codes = source.codes()
    if not codes:
        raise DataError(f"{path}: no series found")
    edition = vintage or source.edition
    retrieved = now()
    rows = 0

    def each_series():
        nonlocal rows
        for code in codes:
            for series in source.load([code]).values():
                series.edition, series.retrieved, series.origin = edition, retrieved, f"imported from {path.resolve()}"
                rows += sum(len(by_year) for by_year in series.values.values())
                yield series

    # One transaction: an interrupted import leaves the cache as it was, never half of two
    # editions. Series are converted one at a time (a bulk CSV is read whole, once).
    cache.store_all(each_series(), imported=True)
    names = source.economy_names()
    if names:
        groups = aggregate_codes(source.name)
        # The API's own list, when cached, knows better: only add economies it has not named.
        cache.store_economies(source.name, [Economy(code, name, code in groups) for code, name in names.items()],
                              origin=f"imported from {path.resolve()}", replace=False)
    return ImportResult(source.name, edition, len(codes), rows)


# --- status ----------------------------------------------------------------------------


def status_rows(cache: Cache) -> list[list[str]]:
    rows = []
    for info in cache.all_info():
        rows.append([
            info.source, info.code, info.edition, f"{info.rows:,}",
            "all" if info.economies == "*" else info.economies.replace(",", " "),
            info.retrieved[:16].replace("T", " "), f"{info.age_days():.1f}", info.origin,
        ])
    return rows


STATUS_HEADERS = ["Source", "Series", "Edition or vintage", "Values", "Economies", "Retrieved (UTC)", "Age (days)", "From"]
