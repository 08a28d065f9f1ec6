"""Stage 4, fetch: observations from the data sources, behind one small interface.

A source is anything with a `name` ("world_bank" or "imf"), a `label`, `load(codes)`,
which returns every economy's values for each series it has, and `missing`, the reason
for each series it could not give. The pipeline asks each source once per run for all
the series its claims need, so a remote source makes one request batch per series, not
one per claim.

Sources: local snapshots (`wdi_snapshot`, `wb_bulk_csv`, `weo_snapshot`), and the live
APIs (`world_bank_api`, `imf_api`) read through the local cache (`cache`, `cached`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Protocol

from ..catalogue import SOURCES_DIR, load_toml


# How reports name each source: short ("World Bank, 2024") and in full (the evidence table).
SOURCE_NAMES = {"world_bank": "World Bank", "imf": "IMF"}
SOURCE_TITLES = {"world_bank": "World Bank, World Development Indicators", "imf": "IMF, World Economic Outlook"}


class DataError(Exception):
    """A data path that cannot be used; the message names it."""


@dataclass
class Series:
    source: str
    edition: str
    code: str
    name: str
    values: dict[str, dict[int, float]] = field(default_factory=dict)  # entity -> year -> value
    # entity -> first year that is an estimate or projection (absent: all actuals)
    first_estimate: dict[str, int] = field(default_factory=dict)
    retrieved: str = ""  # when the values were fetched or imported (ISO 8601, UTC)
    origin: str = ""  # where from: an API address or a file
    complete: bool = True  # False when only some economies were pulled: no ranks or shares
    aggregates: frozenset[str] = frozenset()  # codes in `values` that are groups, not economies
    estimate_note: str = ""  # what the source leaves unsaid about estimates, for unflagged years
    stale: str = ""  # why a refresh failed, when this is an older cached copy used instead
    # Figures derived from the values and asked for by many claims (a rank's field of
    # economies): computed once per run.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def years(self, entity: str) -> list[int]:
        return sorted(self.values.get(entity, {}))

    def estimates(self, entity: str, years) -> tuple[int, ...]:
        """Those of `years` that are estimates or projections, in their order."""
        first = self.first_estimate.get(entity)
        return () if first is None else tuple(year for year in years if year >= first)


class Source(Protocol):
    name: str
    label: str
    missing: dict[str, str]  # series code -> why it could not be loaded

    def load(self, codes: Iterable[str]) -> dict[str, Series]: ...


class Snapshot(Source, Protocol):
    """A local file or folder of one source's data, which `verify data import` can copy whole."""

    edition: str

    def codes(self) -> list[str]: ...

    def economy_names(self) -> dict[str, str]: ...  # code -> name, of the economies loaded so far


@lru_cache(maxsize=None)
def aggregate_codes(source: str) -> frozenset[str]:
    """Codes that are groups, not economies, in a source's data (sources/aggregates.toml)."""
    return frozenset(load_toml(SOURCES_DIR / "aggregates.toml").get(source, ()))


def open_source(path: Path) -> Snapshot:
    """A local snapshot: World Bank data packages or bulk CSV, or an IMF WEO observations CSV."""
    from .wb_bulk_csv import WbBulkCsv, looks_like_bulk_csv
    from .wdi_snapshot import WdiSnapshot, looks_like_wdi
    from .weo_snapshot import WeoSnapshot, looks_like_weo

    if not path.exists():
        raise DataError(f"{path}: no such file or directory")
    if path.is_dir() and looks_like_wdi(path):
        return WdiSnapshot(path)
    if path.is_file() and looks_like_weo(path):
        return WeoSnapshot(path)
    if looks_like_bulk_csv(path):
        return WbBulkCsv(path)
    raise DataError(
        f"{path}: not a data snapshot (expected a folder of World Bank data packages, a World Bank "
        "bulk CSV with year columns, or an IMF WEO observations CSV)"
    )


def data_paths(flags: list[str], environ: dict[str, str] | None = None) -> list[Path]:
    """--data flags, else the VERIFY_DATA variable (paths joined by the OS path separator)."""
    environ = os.environ if environ is None else environ
    if flags:
        return [Path(p) for p in flags]
    return [Path(p) for p in environ.get("VERIFY_DATA", "").split(os.pathsep) if p]


class DataSources:
    """The sources of a run, by name, and the series loaded from them."""

    def __init__(self, sources: list[Source]):
        self.sources: dict[str, Source] = {}
        for source in sources:
            # Two snapshots of one source: the first given wins.
            self.sources.setdefault(source.name, source)
        self._series: dict[tuple[str, str], Series] = {}
        self._asked: set[tuple[str, str]] = set()

    def fetch(self, wanted: Iterable[tuple[str, str]]) -> None:
        """Load every (source, series) wanted that was not asked for yet: one batch per source.
        A sum or difference of two series ("TX.VAL.MRCH.CD.WT - TM.VAL.MRCH.CD.WT", a trade
        balance) loads both."""
        by_source: dict[str, set[str]] = {}
        wanted = [(source_name, part) for source_name, code in wanted for part in _parts(code)]
        for source_name, code in wanted:
            if source_name in self.sources and (source_name, code) not in self._asked:
                self._asked.add((source_name, code))
                by_source.setdefault(source_name, set()).add(code)
        for source_name, codes in by_source.items():
            for code, series in self.sources[source_name].load(sorted(codes)).items():
                self._series[(source_name, code)] = series

    def series(self, source: str, code: str) -> Series | None:
        if (source, code) not in self._series and len(_parts(code)) == 2:
            first, second = (self._series.get((source, part)) for part in _parts(code))
            if first is None or second is None:
                return None
            self._series[(source, code)] = _combined(code, first, second)
        return self._series.get((source, code))

    def problem(self, source: str, code: str) -> str:
        """Why a series is not there, in words for the report."""
        if source not in self.sources:
            return f"{SOURCE_NAMES.get(source, source)} series {code} is needed, but no {SOURCE_NAMES.get(source, source)} data is in this run"
        for part in _parts(code):
            if (source, part) not in self._series:
                reason = self.sources[source].missing.get(part)
                return reason or f"{self.sources[source].label} has no series {part}"
        return f"{self.sources[source].label} has no series {code}"

    def describe(self) -> list[str]:
        """One line per edition the run used, with where it came from and when."""
        lines = []
        for series in self._series.values():
            line = f"{self.sources[series.source].label}, {series.edition}"
            if series.origin:
                line += f" ({series.origin} on {series.retrieved[:10]})" if series.retrieved else f" ({series.origin})"
            if series.stale:
                line += f"; could not be refreshed: {series.stale}"
            if line not in lines:
                lines.append(line)
        return lines or [f"{s.label}: no series used" for s in self.sources.values()]


COMBINED = re.compile(r"\s+([-+])\s+")


def _parts(code: str) -> list[str]:
    """The series a code names: itself, or the two sides of a sum or difference ("A - B")."""
    return [part.strip() for part in COMBINED.split(code)[::2]] if COMBINED.search(code) else [code]


def _combined(code: str, first: Series, second: Series) -> Series:
    """One series plus or minus another, for the economies and years both have: a trade
    balance from exports and imports, or the trade they add up to."""
    sign = 1 if COMBINED.search(code).group(1) == "+" else -1
    values = {}
    for entity, years in first.values.items():
        other = second.values.get(entity, {})
        common = {year: value + sign * other[year] for year, value in years.items() if year in other}
        if common:
            values[entity] = common
    first_estimate = {}
    for entity in values:
        marks = [mark for mark in (first.first_estimate.get(entity), second.first_estimate.get(entity)) if mark is not None]
        if marks:
            first_estimate[entity] = min(marks)
    joined = "plus" if sign > 0 else "minus"
    return Series(first.source, first.edition, code, f"{first.name} {joined} {second.name}", values, first_estimate,
                  retrieved=first.retrieved, origin=first.origin, complete=first.complete and second.complete,
                  aggregates=first.aggregates | second.aggregates, estimate_note=first.estimate_note,
                  stale=first.stale or second.stale)
