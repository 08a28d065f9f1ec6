"""World Bank WDI as a local folder of Frictionless data packages, one per series.

Layout: <root>/<series code in lower case>/datapackage.json and data.csv with the columns
Country Name, Country Code, Year, Value; values in the series' natural unit.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import SOURCE_TITLES, DataError, Series, aggregate_codes

COLUMNS = ["Country Name", "Country Code", "Year", "Value"]


def looks_like_wdi(path: Path) -> bool:
    return (path / "datapackage.json").is_file() or any(path.glob("*/datapackage.json"))


class WdiSnapshot:
    name = "world_bank"
    label = SOURCE_TITLES["world_bank"]

    def __init__(self, root: Path):
        # A single package folder is a snapshot of one series.
        self.root = root
        self.single = (root / "datapackage.json").is_file()
        self.edition = _vintage(root, self.single)
        self.missing: dict[str, str] = {}
        self.names: dict[str, str] = {}  # economy code -> name, from the files loaded so far

    def _folder(self, code: str) -> Path:
        if self.single:
            return self.root
        return self.root / code.lower()

    def codes(self) -> list[str]:
        if self.single:
            return [str(_package(self.root).get("name") or self.root.name).upper()]
        return sorted(p.parent.name.upper() for p in self.root.glob("*/data.csv"))

    def economy_names(self) -> dict[str, str]:
        return dict(self.names)

    def has_series(self, code: str) -> bool:
        folder = self._folder(code)
        if self.single:
            return folder.name.lower() == code.lower() or _package(folder).get("name", "").lower() == code.lower()
        return (folder / "data.csv").is_file()

    def load(self, codes: Iterable[str]) -> dict[str, Series]:
        loaded = {}
        for code in codes:
            if not self.has_series(code):
                self.missing[code] = f"World Bank series {code} is not in the snapshot {self.root}"
                continue
            folder = self._folder(code)
            title = _package(folder).get("title", code)
            try:
                frame = pd.read_csv(folder / "data.csv", usecols=COLUMNS, dtype={"Country Code": str})
            except (OSError, ValueError, pd.errors.ParserError) as exc:
                raise DataError(f"{folder / 'data.csv'}: cannot read ({exc})") from exc
            frame = frame.dropna(subset=["Value", "Year"])
            values: dict[str, dict[int, float]] = {}
            for entity, year, value in frame[COLUMNS[1:]].itertuples(index=False, name=None):
                values.setdefault(entity, {})[int(year)] = float(value)
            for entity, name in frame[COLUMNS[1::-1]].drop_duplicates(COLUMNS[1]).itertuples(index=False, name=None):
                self.names.setdefault(entity, name)
            loaded[code] = Series(self.name, self.edition, code, title, values, origin=f"read from {self.root}",
                                  aggregates=aggregate_codes(self.name))
        return loaded


def _vintage(root: Path, single: bool) -> str:
    """The release the packages say they are from (Frictionless `version` or `created`)."""
    first = root if single else next((p.parent for p in sorted(root.glob("*/datapackage.json"))), root)
    package = _package(first)
    for key in ("version", "created", "last_updated", "vintage"):
        if package.get(key):
            return f"local snapshot {root.name}, {key} {package[key]}"
    return f"local snapshot {root.name} (no vintage recorded in its data packages)"


def _package(folder: Path) -> dict:
    try:
        return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
