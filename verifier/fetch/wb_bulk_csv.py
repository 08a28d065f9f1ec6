"""World Bank bulk CSV, the wide layout of data.worldbank.org downloads: one row per
economy and series, one column per year.

Two shapes are read: the per-indicator download (`API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv`,
which opens with "Data Source" and "Last Updated Date" lines before the header) and the
whole-database file (`WDICSV.csv`, header first). Header: Country Name, Country Code,
Indicator Name, Indicator Code, then 1960, 1961, ...
"""
from __future__ import annotations

import csv
import re
from functools import cached_property
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import SOURCE_TITLES, DataError, Series, aggregate_codes

KEYS = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
PREAMBLE_LINES = 10


def _header_and_preamble(path: Path) -> tuple[int, dict[str, str]] | None:
    """The header's line number and the "key","value" lines above it, or None if not this layout."""
    preamble: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for number, row in enumerate(csv.reader(handle)):
                if number >= PREAMBLE_LINES:
                    return None
                if row[:4] == KEYS:
                    return number, preamble
                if len(row) >= 2 and row[0].strip():
                    preamble[row[0].strip()] = row[1].strip()
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return None


def looks_like_bulk_csv(path: Path) -> bool:
    return path.is_file() and _header_and_preamble(path) is not None


class WbBulkCsv:
    name = "world_bank"
    label = SOURCE_TITLES["world_bank"]

    def __init__(self, path: Path):
        found = _header_and_preamble(path)
        if found is None:
            raise DataError(f"{path}: not a World Bank bulk CSV (no Country Name, Country Code, Indicator Name, "
                            f"Indicator Code header in its first {PREAMBLE_LINES} lines)")
        self.path = path
        self._skip, preamble = found
        updated = preamble.get("Last Updated Date")
        self.edition = f"last updated {updated}" if updated else f"bulk file {path.name} (no update date in it)"
        self.missing: dict[str, str] = {}
        self._frame: pd.DataFrame | None = None

    @property
    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            try:
                frame = pd.read_csv(self.path, skiprows=self._skip, dtype={"Country Code": str, "Indicator Code": str})
            except (OSError, ValueError, pd.errors.ParserError) as exc:
                raise DataError(f"{self.path}: cannot read ({exc})") from exc
            years = [c for c in frame.columns if re.fullmatch(r"\d{4}", str(c))]
            long = frame.melt(id_vars=KEYS, value_vars=years, var_name="Year", value_name="Value")
            self._frame = long.dropna(subset=["Value"])
        return self._frame

    def codes(self) -> list[str]:
        return sorted(self.frame["Indicator Code"].dropna().unique())

    def economy_names(self) -> dict[str, str]:
        return dict(zip(self.frame["Country Code"], self.frame["Country Name"]))

    @cached_property
    def _by_code(self) -> dict[str, pd.DataFrame]:
        """The rows of each series, split once: an import asks for every series in turn."""
        return dict(tuple(self.frame.groupby("Indicator Code")))

    def load(self, codes: Iterable[str]) -> dict[str, Series]:
        codes = set(codes)
        loaded: dict[str, Series] = {}
        for code in sorted(codes & set(self._by_code)):
            part = self._by_code[code]
            series = loaded[code] = Series(self.name, self.edition, code, str(part["Indicator Name"].iloc[0]),
                                           origin=f"read from {self.path}", aggregates=aggregate_codes(self.name))
            for entity, year, value in part[["Country Code", "Year", "Value"]].itertuples(index=False, name=None):
                series.values.setdefault(entity, {})[int(year)] = float(value)
        for code in codes - set(loaded):
            self.missing[code] = f"World Bank series {code} is not in {self.path}"
        return loaded
