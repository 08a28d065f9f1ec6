"""IMF World Economic Outlook as a local observations CSV.

Columns: ref_area, concept, year, value, unit, scale, freq, base_year, lastactualdate.
`value` is published divided by 10**scale; years after `lastactualdate` are IMF staff
estimates or projections.
"""
from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import SOURCE_TITLES, DataError, Series, aggregate_codes

HEADER = "ref_area,concept,year,value,unit,scale"
COLUMNS = ["ref_area", "concept", "year", "value", "scale", "lastactualdate"]


def looks_like_weo(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.readline().startswith(HEADER)
    except (OSError, UnicodeDecodeError):
        return False


def edition_from_name(path: Path) -> str:
    """"weo-2025-10.csv" is the October 2025 edition."""
    match = re.search(r"(20\d{2})[-_](\d{2})", path.name)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{calendar.month_name[int(match.group(2))]} {match.group(1)} edition"
    return f"edition of {path.name}"


def last_actual_year(text: object) -> int | None:
    """"2023" -> 2023; "FY2023/24" -> 2023 (the fiscal year that starts in 2023)."""
    match = re.search(r"(\d{4})", str(text)) if isinstance(text, str) else None
    return int(match.group(1)) if match else None


class WeoSnapshot:
    name = "imf"
    label = SOURCE_TITLES["imf"]

    def __init__(self, path: Path):
        self.path = path
        self.edition = edition_from_name(path)
        self.missing: dict[str, str] = {}
        self._frame: pd.DataFrame | None = None

    @property
    def frame(self) -> pd.DataFrame:
        """The whole file, read once per run."""
        if self._frame is None:
            try:
                self._frame = pd.read_csv(self.path, usecols=COLUMNS, dtype=str, keep_default_na=False)
            except (OSError, ValueError, pd.errors.ParserError) as exc:
                raise DataError(f"{self.path}: cannot read ({exc})") from exc
        return self._frame

    def economy_names(self) -> dict[str, str]:
        return {}  # the WEO file has codes only; country_converter names them

    def codes(self) -> list[str]:
        return sorted(self.frame["concept"].unique())

    def load(self, codes: Iterable[str]) -> dict[str, Series]:
        codes = set(codes)
        frame = self.frame[self.frame["concept"].isin(codes)]
        loaded = {
            code: Series(self.name, self.edition, code, code, origin=f"read from {self.path}", aggregates=aggregate_codes(self.name))
            for code in codes
        }
        for area, concept, year, value, scale, last_actual in frame.itertuples(index=False):
            try:
                number = float(value) * 10 ** int(scale or 0)
                year_number = int(year)
            except ValueError:
                continue  # "n/a" and blanks are missing values
            series = loaded[concept]
            series.values.setdefault(area, {})[year_number] = number
            if area not in series.first_estimate:
                actual = last_actual_year(last_actual)
                if actual is not None:
                    series.first_estimate[area] = actual + 1
        for code, series in loaded.items():
            if not series.values:
                self.missing[code] = f"IMF concept {code} is not in the snapshot {self.path}"
        return {code: series for code, series in loaded.items() if series.values}
