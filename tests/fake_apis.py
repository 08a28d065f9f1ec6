"""A local stand-in for the World Bank API v2 and the IMF DataMapper API, for tests.

`FakeApis` is a standard-library HTTP server (ThreadingHTTPServer on 127.0.0.1, a free
port, a background thread) that serves the shared data snapshots the way the two real
services do, closely enough that the real `wbgapi` package and a plain `requests` client
of the DataMapper work against it:

- World Bank, at `server.world_bank_url` ("http://127.0.0.1:PORT/wb/v2"): give it to
  wbgapi as `wbgapi.endpoint`. Routes: `{lang}/sources/2/concepts`, `{lang}/region`,
  `{lang}/incomelevel`, `{lang}/lendingtype`, `{lang}/country[/all|/ids]`,
  `{lang}/sources[/2]`, `{lang}/sources/2/{country|series|time}/{ids}` (features) and
  `{lang}/sources/2/series/{codes}/country/{ids}/time/{periods}` (data), all paged by
  `per_page` and `page`. Values come from `wdi/<series lower case>/data.csv`.
- IMF, at `server.imf_url` ("http://127.0.0.1:PORT/imf/api/v1"): `indicators`,
  `countries`, `regions`, `groups` and `{INDICATOR}[/{CODE}/{CODE}...][?periods=...]`.
  Values come from `weo/weo-2025-10.csv`, served as published (NGDPD in billions); the
  world (G001) is served as `WEOWORLD`, the other groups under their own codes.

Instrumentation: `server.requests` (every request received), `series_requests()`,
`metadata_requests()`, `reset()`. Fault injection: `server.fail(match, mode, times)` and
`clear_faults()`, with modes (see `FakeApis.fail`):

- whole answers: "500" (HTML error page), "429" (`Retry-After: server.retry_after`),
  "timeout" (silent for `slow_seconds`, then a normal answer), "slow" (headers at once,
  then the body dripped so that no single read times out), "malformed" (200, JSON cut off
  mid-way), "truncated" (the connection drops before Content-Length bytes), "html"
  (200 with a text/html page, as a proxy or maintenance page sends);
- values inside a normal data answer (World Bank data pages, IMF values), optionally only
  for some economies: "strings" ("5.7" for 5.7), "na" ("n/a"), "nan" (the bare NaN token
  Python's json module writes and reads), "nulls" (null: no observation).

`closed_port()` gives a port on 127.0.0.1 nothing listens on (connection refused).

Use the `fake_apis` fixture (function-scoped), or `with FakeApis() as server:`. wbgapi
keeps metadata in module globals: `reset_wbgapi_caches()` clears them, and
`wbgapi_pointed_at(url)` sets `wbgapi.endpoint` for a block and clears them around it.
"""
from __future__ import annotations

import contextlib
import csv
import json
import math
import re
import socket
import sys
import threading
import time
import tomllib
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

from .conftest import PROJECT, SHARED, WDI, WEO

WORLD_BANK_BASE = "/wb/v2"
IMF_BASE = "/imf/api/v1"
AGGREGATES_TOML = PROJECT / "sources" / "aggregates.toml"

VALUE_FAULTS = {"strings": str, "na": lambda value: "n/a", "nan": lambda value: math.nan, "nulls": lambda value: None}
FAULT_MODES = ("500", "429", "timeout", "slow", "malformed", "truncated", "html", *VALUE_FAULTS)
MALFORMED_BODY = b'{"values": {'
HTML_200 = (b"<!DOCTYPE html>\n<html><head><title>Scheduled maintenance</title></head>"
            b"<body><h1>We'll be back soon</h1><p>The data service is down for maintenance.</p></body></html>\n")
HTML_500 = (b"<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>"
            b"<body><h1>Internal Server Error</h1><p>The server encountered an error.</p></body></html>\n")

WDI_SOURCE = {"id": "2", "name": "World Development Indicators"}
WB_INVALID_VALUE = [{"message": [{"id": "120", "key": "Invalid value",
                                  "value": "The provided parameter value is not valid"}]}]
WB_DEFAULT_PER_PAGE = 50
WB_LANGS = {"en", "es", "fr", "ar", "zh", "pt", "ru", "ja"}
COMMON_SERIES = ("ny.gdp.mktp.cd", "sp.pop.totl")  # the economies listed by country/all

# Classifications: enough rows for every id used in country/all ("NA" marks aggregates).
REGIONS = [
    {"id": "", "code": "EAS", "iso2code": "Z4", "name": "East Asia & Pacific"},
    {"id": "", "code": "ECS", "iso2code": "Z7", "name": "Europe & Central Asia"},
    {"id": "", "code": "LCN", "iso2code": "ZJ", "name": "Latin America & Caribbean "},
    {"id": "", "code": "MEA", "iso2code": "ZQ", "name": "Middle East, North Africa, Afghanistan & Pakistan"},
    {"id": "", "code": "NAC", "iso2code": "XU", "name": "North America"},
    {"id": "", "code": "SAS", "iso2code": "8S", "name": "South Asia"},
    {"id": "", "code": "SSF", "iso2code": "ZG", "name": "Sub-Saharan Africa "},
    {"id": "", "code": "NA", "iso2code": "NA", "name": "Aggregates"},
]
INCOME_LEVELS = [
    {"id": "HIC", "iso2code": "XD", "value": "High income"},
    {"id": "UMC", "iso2code": "XT", "value": "Upper middle income"},
    {"id": "LMC", "iso2code": "XN", "value": "Lower middle income"},
    {"id": "LIC", "iso2code": "XM", "value": "Low income"},
    {"id": "INX", "iso2code": "XY", "value": "Not classified"},
    {"id": "NA", "iso2code": "NA", "value": "Aggregates"},
]
LENDING_TYPES = [
    {"id": "IBD", "iso2code": "XF", "value": "IBRD"},
    {"id": "IDB", "iso2code": "XH", "value": "Blend"},
    {"id": "IDX", "iso2code": "XI", "value": "IDA"},
    {"id": "LNX", "iso2code": "XX", "value": "Not classified"},
    {"id": "NA", "iso2code": "NA", "value": "Aggregates"},
]
# Plausible classifications for a few economies; every other economy gets DEFAULT_CLASS.
# (region, income level, lending type, capital, longitude, latitude)
DEFAULT_CLASS = ("ECS", "UMC", "IBD", "", "", "")
CLASSES = {
    "KAZ": ("ECS", "UMC", "IBD", "Astana", "71.4382", "51.1879"),
    "USA": ("NAC", "HIC", "LNX", "Washington D.C.", "-77.032", "38.8895"),
    "GBR": ("ECS", "HIC", "LNX", "London", "-0.126236", "51.5002"),
    "DEU": ("ECS", "HIC", "LNX", "Berlin", "13.4115", "52.5235"),
    "FRA": ("ECS", "HIC", "LNX", "Paris", "2.35097", "48.8566"),
    "JPN": ("EAS", "HIC", "LNX", "Tokyo", "139.77", "35.67"),
    "CHN": ("EAS", "UMC", "IBD", "Beijing", "116.286", "40.0495"),
    "IND": ("SAS", "LMC", "IBD", "New Delhi", "77.225", "28.6353"),
    "BRA": ("LCN", "UMC", "IBD", "Brasilia", "-47.9292", "-15.7801"),
    "NGA": ("SSF", "LMC", "IDB", "Abuja", "7.48906", "9.05804"),
    "EGY": ("MEA", "LMC", "IBD", "Cairo", "31.2461", "30.0982"),
}
# Aggregates in sources/aggregates.toml that the common series may not carry.
AGGREGATE_NAMES = {"FCS": "Fragile and conflict affected situations", "INX": "Not classified"}

IMF_WORLD = "G001"
IMF_WORLD_CODE = "WEOWORLD"
IMF_GROUP = re.compile(r"^GX?\d+$")  # G001, G110, GX123 (GBR, GEO, GHA... are countries)
IMF_API = {"version": "1", "output-method": "json"}
IMF_METADATA_ROUTES = {"indicators", "countries", "regions", "groups"}
# DataMapper labels and units for the concepts claims use most; others are described
# from the CSV's unit and scale columns.
IMF_LABELS = {
    "NGDPD": ("GDP, current prices", "Billions of U.S. dollars"),
    "NGDP_RPCH": ("Real GDP growth", "Annual percent change"),
    "NGDPDPC": ("GDP per capita, current prices", "U.S. dollars per capita"),
    "PPPGDP": ("GDP, current prices (PPP)", "Billions of international dollars"),
    "PPPPC": ("GDP per capita, current prices (PPP)", "International dollars per capita"),
    "PCPIPCH": ("Inflation rate, average consumer prices", "Annual percent change"),
    "PCPIEPCH": ("Inflation rate, end of period consumer prices", "Annual percent change"),
    "LUR": ("Unemployment rate", "Percent"),
    "LP": ("Population", "Millions of people"),
    "GGXWDG_NGDP": ("General government gross debt", "Percent of GDP"),
    "GGXCNL_NGDP": ("General government net lending/borrowing", "Percent of GDP"),
    "BCA_NGDPD": ("Current account balance, percent of GDP", "Percent of GDP"),
    "BCA": ("Current account balance, U.S. dollars", "Billions of U.S. dollars"),
    "LE": ("Employment", "Millions of people"),
    "PPPSH": ("GDP based on PPP, share of world", "Percent of world"),
    "PPPEX": ("Implied PPP conversion rate", "National currency per international dollar"),
    "NGDP": ("GDP, current prices, national currency", "Billions of national currency"),
}
IMF_UNITS = {"USD": "U.S. dollars", "XDC": "national currency", "IX": "Index",
             "USDPMT": "U.S. dollars per metric ton", "USCPP": "U.S. cents per pound",
             "USD_BBL": "U.S. dollars per barrel", "USDPK": "U.S. dollars per kilogram"}
SCALE_WORDS = {3: "Thousands", 6: "Millions", 9: "Billions", 12: "Trillions"}


# ---------------------------------------------------------------------------------------
# Records and faults


@dataclass(frozen=True)
class RequestRecord:
    """One request as the server received it."""

    method: str
    path: str  # without the query string, percent-decoded
    query: dict[str, str]  # last value of each parameter
    source: str | None = None  # "world_bank", "imf" or None (neither base path)
    series: tuple[str, ...] = ()  # series codes of a data request (empty: metadata)
    fault: str | None = None  # the injected fault it met, if any
    at: float = 0.0  # time.monotonic() when it arrived


@dataclass
class Fault:
    match: str
    mode: str
    times: int | None  # None: always
    used: int = 0
    economies: frozenset[str] | None = None  # value faults: only these economies' values (None: all)

    def active(self) -> bool:
        return self.times is None or self.used < self.times


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = "application/json;charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    cut_at: int | None = None  # send only this many bytes of the body, then drop the connection
    drip: float = 0.0  # seconds between small pieces of the body


def _json(payload: Any, status: int = 200, content_type: str = "application/json;charset=utf-8") -> Reply:
    return Reply(status, json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), content_type)


def _text(status: int, text: str) -> Reply:
    return Reply(status, text.encode("utf-8"), "text/plain; charset=utf-8")


# ---------------------------------------------------------------------------------------
# Data, read lazily and cached


@dataclass(frozen=True)
class WdiSeries:
    code: str  # upper case, as the API spells it
    title: str
    rows: tuple[tuple[str, str, int, float | int], ...]  # (economy, name, year, value), sorted


def _number(text: str) -> float | int | None:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)  # the real API sends whole numbers (population) without a decimal point
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


class Data:
    """The shared snapshots, each file read once, on first use (thread-safe)."""

    def __init__(self, wdi: Path, weo: Path, aggregates_toml: Path):
        self.wdi = wdi
        self.weo = weo
        self.aggregates_toml = aggregates_toml
        self._lock = threading.RLock()
        self._series: dict[str, WdiSeries | None] = {}
        self._titles: dict[str, str] | None = None
        self._economies: list[dict[str, Any]] | None = None
        self._year_list: list[int] | None = None
        self._weo_rows: dict[str, Any] | None = None  # concept -> DataFrame of numeric rows
        self._weo_values: dict[str, dict[str, dict[str, float]]] = {}
        self._weo_meta: dict[str, tuple[str, int]] = {}
        self._weo_areas: set[str] = set()
        self._aggregates: dict[str, list[str]] | None = None

    # World Bank -------------------------------------------------------------------------

    def aggregates(self, source: str) -> list[str]:
        with self._lock:
            if self._aggregates is None:
                with self.aggregates_toml.open("rb") as handle:
                    self._aggregates = tomllib.load(handle)
            return list(self._aggregates.get(source, ()))

    def wdi_series(self, code: str) -> WdiSeries | None:
        key = code.strip().lower()
        with self._lock:
            if key not in self._series:
                self._series[key] = self._read_wdi(key)
            return self._series[key]

    def _read_wdi(self, key: str) -> WdiSeries | None:
        if not re.fullmatch(r"[a-z0-9_.]+", key):
            return None
        folder = self.wdi / key
        if not (folder / "data.csv").is_file():
            return None
        rows = []
        with (folder / "data.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                value = _number(row.get("Value") or "")
                year = (row.get("Year") or "").strip()
                if value is None or not year.isdigit():
                    continue  # the real API sends nulls too; the fake skips them
                rows.append((row["Country Code"].strip(), row["Country Name"].strip(), int(year), value))
        rows.sort(key=lambda r: (r[0], r[2]))
        return WdiSeries(key.upper(), self._title(folder, key), tuple(rows))

    @staticmethod
    def _title(folder: Path, key: str) -> str:
        try:
            return json.loads((folder / "datapackage.json").read_text(encoding="utf-8")).get("title") or key.upper()
        except (OSError, ValueError):
            return key.upper()

    def series_titles(self) -> dict[str, str]:
        """Every series in the wdi folder: upper-case code -> title."""
        with self._lock:
            if self._titles is None:
                self._titles = {
                    folder.name.upper(): self._title(folder, folder.name)
                    for folder in sorted(self.wdi.iterdir())
                    if (folder / "data.csv").is_file()
                }
            return self._titles

    def economies(self) -> list[dict[str, Any]]:
        """country/all rows: the economies of the common series plus the known aggregates."""
        with self._lock:
            if self._economies is None:
                names: dict[str, str] = {}
                years: set[int] = set()
                for key in COMMON_SERIES:
                    series = self.wdi_series(key)
                    for code, name, year, _ in series.rows if series else ():
                        names.setdefault(code, name)
                        years.add(year)
                aggregates = set(self.aggregates("world_bank"))
                for code in aggregates - set(names):
                    names[code] = AGGREGATE_NAMES.get(code, code)
                # Aggregates get iso2 codes that start with a digit ("1A"...), as several real ones
                # do, so that wbgapi's set of aggregate codes (3- and 2-letter) holds no country's.
                iso2 = {code: f"{1 + i // 26}{chr(65 + i % 26)}" for i, code in enumerate(sorted(aggregates))}
                self._economies = [self._country_row(code, names[code], iso2.get(code, code[:2]), code in aggregates)
                                   for code in sorted(names)]
                self._year_list = sorted(years) or list(range(1960, 2026))
            return self._economies

    def years(self) -> list[int]:
        self.economies()
        return list(self._year_list or ())

    @staticmethod
    def _country_row(code: str, name: str, iso2: str, aggregate: bool) -> dict[str, Any]:
        if aggregate:
            aggregates = {"id": "NA", "iso2code": "NA", "value": "Aggregates"}
            return {"id": code, "iso2Code": iso2, "name": name, "region": aggregates,
                    "adminregion": {"id": "", "iso2code": "", "value": ""},
                    "incomeLevel": dict(aggregates), "lendingType": dict(aggregates),
                    "capitalCity": "", "longitude": "", "latitude": ""}
        region, income, lending, capital, longitude, latitude = CLASSES.get(code, DEFAULT_CLASS)
        region_row = next(r for r in REGIONS if r["code"] == region)
        income_row = next(r for r in INCOME_LEVELS if r["id"] == income)
        lending_row = next(r for r in LENDING_TYPES if r["id"] == lending)
        return {"id": code, "iso2Code": iso2, "name": name,
                "region": {"id": region, "iso2code": region_row["iso2code"], "value": region_row["name"].strip()},
                "adminregion": {"id": "", "iso2code": "", "value": ""},
                "incomeLevel": dict(income_row), "lendingType": dict(lending_row),
                "capitalCity": capital, "longitude": longitude, "latitude": latitude}

    def economy_names(self) -> dict[str, str]:
        return {row["id"]: row["name"] for row in self.economies()}

    # IMF --------------------------------------------------------------------------------

    def weo_concept(self, concept: str) -> dict[str, dict[str, float]] | None:
        """One concept's values: area (G001 as WEOWORLD) -> year (str) -> value; None if unknown."""
        with self._lock:
            self._read_weo()
            if concept not in self._weo_values:
                rows = self._weo_rows.get(concept)
                if rows is None:
                    return None
                values: dict[str, dict[str, float]] = {}
                for area, year, value in zip(rows["ref_area"], rows["year"], rows["value"]):
                    code = IMF_WORLD_CODE if area == IMF_WORLD else area
                    values.setdefault(code, {})[str(int(year))] = float(value)
                self._weo_values[concept] = values
            return self._weo_values[concept]

    def weo_meta(self) -> dict[str, tuple[str, int]]:
        """concept -> (unit, scale), for every concept in the CSV, in the file's order."""
        with self._lock:
            self._read_weo()
            return dict(self._weo_meta)

    def _read_weo(self) -> None:
        """Read the CSV once: numeric observations grouped by concept (turned into dicts on demand)."""
        if self._weo_rows is not None:
            return
        import pandas as pd

        missing = ["n/a", "N/A", "NA", "na", "--", "-", ""]
        frame = pd.read_csv(self.weo, usecols=["ref_area", "concept", "year", "value", "unit", "scale"],
                            dtype={"ref_area": str, "concept": str, "unit": str, "scale": str},
                            keep_default_na=False, na_values={"value": missing, "year": missing})
        for column in ("value", "year"):
            if frame[column].dtype == object:  # something else that is not a number: skip it too
                frame[column] = pd.to_numeric(frame[column].astype(str).str.strip(), errors="coerce")
        first = frame.drop_duplicates("concept")
        self._weo_meta = {
            concept: (unit, int(scale) if scale.strip().lstrip("-").isdigit() else 0)
            for concept, unit, scale in zip(first["concept"], first["unit"], first["scale"])
        }
        numeric = frame[frame["value"].notna() & frame["year"].notna()]
        numeric = numeric[numeric["value"].map(math.isfinite)]
        self._weo_rows = {concept: rows for concept, rows in numeric.groupby("concept", sort=False)}
        self._weo_areas = {IMF_WORLD_CODE if a == IMF_WORLD else a for a in numeric["ref_area"].unique()}

    def weo_areas(self) -> set[str]:
        with self._lock:
            self._read_weo()
            return set(self._weo_areas)

    def imf_groups(self) -> list[str]:
        """Group codes as served: G001 as WEOWORLD, the other groups (G110, GX123...) as they are."""
        known = set(self.aggregates("imf"))
        return sorted(a for a in self.weo_areas() if a in known or IMF_GROUP.match(a) or a == IMF_WORLD_CODE)

    def imf_countries(self) -> list[str]:
        groups = set(self.imf_groups())
        return sorted(a for a in self.weo_areas() if a not in groups and re.fullmatch(r"[A-Z]{3}", a))


_DATA: dict[tuple[Path, Path, Path], Data] = {}
_DATA_LOCK = threading.Lock()


def _shared_data(wdi: Path, weo: Path, aggregates_toml: Path) -> Data:
    """One Data per set of files for the whole test session: the files are read-only."""
    with _DATA_LOCK:
        key = (wdi, weo, aggregates_toml)
        if key not in _DATA:
            _DATA[key] = Data(wdi, weo, aggregates_toml)
        return _DATA[key]


# ---------------------------------------------------------------------------------------
# Paging


def _int(text: str | None, default: int) -> int:
    try:
        number = int(text) if text is not None else default
    except ValueError:
        return default
    return number if number > 0 else default


def _page(rows: list, query: dict[str, str]) -> tuple[dict[str, int], list]:
    per_page = _int(query.get("per_page"), WB_DEFAULT_PER_PAGE)
    page = _int(query.get("page"), 1)
    total = len(rows)
    pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    return {"page": page, "pages": pages, "per_page": per_page, "total": total}, rows[start:start + per_page]


def _v2_list(rows: list, query: dict[str, str], **extra: Any) -> Reply:
    """The v2 list format: [header, rows]; like the real API, per_page is a string here."""
    header, chunk = _page(rows, query)
    header["per_page"] = str(header["per_page"])  # type: ignore[assignment]
    header.update(extra)
    return _json([header, chunk])


def _ids(text: str) -> list[str] | None:
    """"all" -> None; "KAZ;usa" -> ["KAZ", "USA"]."""
    text = text.strip()
    if not text or text.lower() == "all":
        return None
    return [part.strip().upper() for part in text.split(";") if part.strip()]


def _years(text: str) -> set[int] | None:
    """"all" -> None; "YR2020;2021", "YR2010:YR2015" -> years."""
    text = text.strip()
    if not text or text.lower() == "all":
        return None
    years: set[int] = set()
    for part in text.split(";"):
        bounds = [re.sub(r"(?i)^yr", "", piece.strip()) for piece in part.split(":")]
        if not all(b.isdigit() for b in bounds):
            raise ValueError(part)
        if len(bounds) == 2:
            low, high = sorted(int(b) for b in bounds)
            years.update(range(low, high + 1))
        else:
            years.add(int(bounds[0]))
    return years


# ---------------------------------------------------------------------------------------
# The server


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True  # a handler sleeping for a "timeout" fault never blocks teardown
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, owner: FakeApis):
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], OSError):
            return  # clients hang up on purpose (timeouts): stay quiet
        with self.owner._lock:
            self.owner._errors.append(traceback.format_exc())


DRIP_BYTES = 64


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeApis/1.0"
    timeout = 5  # idle keep-alive connections close on their own
    server: _HttpServer

    def log_message(self, format: str, *args: Any) -> None:  # silence the default request log
        pass

    def do_GET(self) -> None:
        self.server.owner._handle(self)

    def do_HEAD(self) -> None:
        self.server.owner._handle(self, head=True)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))  # keep the connection in step
        self.server.owner._handle(self)

    def send(self, reply: Reply, head: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))  # the whole body's, even when cut
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()
        if head:
            return
        body = reply.body if reply.cut_at is None else reply.body[:reply.cut_at]
        if reply.drip:
            stopping = self.server.owner._stopping
            for start in range(0, len(body), DRIP_BYTES):
                if stopping.wait(reply.drip):
                    break  # the server is stopping; the client has long given up
                self.wfile.write(body[start:start + DRIP_BYTES])  # OSError once the client hangs up
                self.wfile.flush()
        else:
            self.wfile.write(body)
            self.wfile.flush()
        if reply.cut_at is not None or reply.drip:
            self.close_connection = True


class FakeApis:
    """The fake World Bank and IMF APIs; see the module docstring.

    Arguments:
        data_dir:       the shared data folder (default: ../shared/data beside the project)
        lastupdated:    the WDI's "lastupdated" date, in source records and data pages
        edition:        the WEO edition named in each IMF indicator's "source"
        slow_seconds:   how long a "timeout" fault sleeps before answering
        drip_seconds:   the pause between 64-byte pieces of a "slow" answer
        retry_after:    the Retry-After header of a "429" answer
        aggregates_toml: the project's sources/aggregates.toml
    """

    def __init__(self, data_dir: Path | None = None, *, lastupdated: str = "2026-07-01",
                 edition: str = "October 2025", slow_seconds: float = 2.0, drip_seconds: float = 0.05,
                 retry_after: str = "0", aggregates_toml: Path = AGGREGATES_TOML):
        data_dir = Path(data_dir) if data_dir is not None else SHARED / "data"
        wdi = WDI if data_dir == SHARED / "data" else data_dir / "wdi"
        weo = WEO if data_dir == SHARED / "data" else data_dir / "weo" / WEO.name
        self.data = _shared_data(wdi, weo, Path(aggregates_toml))
        self.lastupdated = lastupdated
        self.edition = edition
        self.slow_seconds = slow_seconds
        self.drip_seconds = drip_seconds
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._requests: list[RequestRecord] = []
        self._faults: list[Fault] = []
        self._errors: list[str] = []
        self._stopping = threading.Event()
        self._http: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    # Life cycle -------------------------------------------------------------------------

    def start(self) -> Self:
        if self._http is None:
            self._stopping.clear()
            self._http = _HttpServer(self)
            self._thread = threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.05},
                                            name="fake-apis", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._http is None:
            return
        self._stopping.set()  # wakes handlers sleeping for a "timeout" fault
        self._http.shutdown()
        self._http.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._http = self._thread = None

    close = stop

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._http is None:
            raise RuntimeError("FakeApis is not started")
        return self._http.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def world_bank_url(self) -> str:
        return self.base_url + WORLD_BANK_BASE

    @property
    def imf_url(self) -> str:
        return self.base_url + IMF_BASE

    # Instrumentation --------------------------------------------------------------------

    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot of every request received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def errors(self) -> list[str]:
        """Tracebacks of bugs in the fake itself (answered with HTTP 500): should stay empty."""
        with self._lock:
            return list(self._errors)

    def reset(self) -> None:
        """Forget the requests received (faults stay: see clear_faults)."""
        with self._lock:
            self._requests.clear()

    def series_requests(self) -> Counter:
        """Data requests by (source, series code): ("world_bank", "NY.GDP.MKTP.CD"), ("imf", "NGDPD").

        Every request counts, failed ones included; a World Bank request for several
        series ("A;B") counts once for each.
        """
        counts: Counter = Counter()
        for record in self.requests:
            for code in record.series:
                counts[(record.source, code)] += 1
        return counts

    def metadata_requests(self) -> Counter:
        """Every other request, by (source, path): ("world_bank", "/wb/v2/en/country/all")."""
        return Counter((r.source, r.path) for r in self.requests if not r.series)

    # Faults -----------------------------------------------------------------------------

    def fail(self, match: str, mode: str | int, times: int | None = None,
             economies: list[str] | None = None) -> Fault:
        """Make requests whose path contains `match` fail: the first `times` of them (None: all).

        Modes: "500" (HTML error page), "429" (with `Retry-After: self.retry_after`),
        "timeout" (sleeps `slow_seconds`, then answers normally), "slow" (the normal answer's
        headers at once, then its body 64 bytes every `drip_seconds`), "malformed" (200 with
        JSON cut off, complete as HTTP), "truncated" (the normal answer's headers, half its
        body, then the connection closes), "html" (200, text/html maintenance page).
        Value modes change the values of a normal data answer — of every economy, or of
        those in `economies`: "strings" (each number as a JSON string, "5.7"), "na" ("n/a"),
        "nan" (the bare token NaN, which is not JSON), "nulls" (null).
        The first registered fault that matches and still has uses left applies.
        """
        mode = str(mode)
        if mode not in FAULT_MODES:
            raise ValueError(f"fault mode must be one of {FAULT_MODES}, not {mode!r}")
        if times is not None and times < 0:
            raise ValueError("times must be None or >= 0")
        if economies is not None and mode not in VALUE_FAULTS:
            raise ValueError(f"economies applies only to the value modes {tuple(VALUE_FAULTS)}")
        fault = Fault(match, mode, times, economies=None if economies is None else frozenset(economies))
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.match in path and fault.active():
                    fault.used += 1
                    return fault
        return None

    # Requests ---------------------------------------------------------------------------

    def _handle(self, handler: _Handler, head: bool = False) -> None:
        split = urlsplit(handler.path)
        path = unquote(split.path)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        source, series = _classify(path)
        fault = self._take_fault(path)
        with self._lock:
            self._requests.append(RequestRecord(handler.command, path, query, source, series,
                                                fault.mode if fault else None, time.monotonic()))
        if fault is not None and fault.mode in ("500", "429", "malformed", "html"):
            handler.send(_fault_reply(fault.mode, self.retry_after), head)
            return
        if fault is not None and fault.mode == "timeout":  # answer late, normally
            self._stopping.wait(self.slow_seconds)
        if handler.command not in ("GET", "HEAD"):
            handler.send(_text(405, f"fake_apis: {handler.command} not allowed"), head)
            return
        try:
            reply = self._route(path, query)
            if fault is not None:
                reply = self._spoil(reply, fault)
        except Exception:  # a bug in the fake: say so loudly, and keep serving
            with self._lock:
                self._errors.append(traceback.format_exc())
            reply = _text(500, "fake_apis internal error:\n" + traceback.format_exc())
        handler.send(reply, head)

    def _spoil(self, reply: Reply, fault: Fault) -> Reply:
        """A normal reply, changed by a fault that needs it: cut, dripped, or with bad values."""
        if fault.mode == "truncated":
            reply.cut_at = len(reply.body) // 2
        elif fault.mode == "slow":
            reply.drip = self.drip_seconds
        elif fault.mode in VALUE_FAULTS and reply.status == 200:
            payload = json.loads(reply.body)
            _change_values(payload, VALUE_FAULTS[fault.mode], fault.economies)
            reply.body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return reply

    def _route(self, path: str, query: dict[str, str]) -> Reply:
        path = path.rstrip("/")
        if path == WORLD_BANK_BASE or path.startswith(WORLD_BANK_BASE + "/"):
            return self._world_bank([s for s in path[len(WORLD_BANK_BASE):].split("/") if s], query)
        if path == IMF_BASE or path.startswith(IMF_BASE + "/"):
            return self._imf([s for s in path[len(IMF_BASE):].split("/") if s], query)
        return _text(404, f"fake_apis: no route for {path}")

    # World Bank -------------------------------------------------------------------------

    def _world_bank(self, parts: list[str], query: dict[str, str]) -> Reply:
        if parts and parts[0].lower() in WB_LANGS:
            parts = parts[1:]
        if not parts:
            return _text(404, "fake_apis: no route")
        head = parts[0].lower()
        if head == "region":
            return self._classification(REGIONS, "code", parts[1:], query)
        if head in ("incomelevel", "incomelevels"):
            return self._classification(INCOME_LEVELS, "id", parts[1:], query)
        if head in ("lendingtype", "lendingtypes"):
            return self._classification(LENDING_TYPES, "id", parts[1:], query)
        if head in ("country", "countries") and len(parts) <= 2:
            wanted = _ids(parts[1]) if len(parts) == 2 else None
            rows = [r for r in self.data.economies() if wanted is None or r["id"] in wanted]
            if wanted is not None and not rows:
                return _json(WB_INVALID_VALUE)
            return _v2_list(rows, query)
        if head == "sources":
            return self._sources(parts[1:], query)
        return _text(404, f"fake_apis: no World Bank route for /{'/'.join(parts)}")

    @staticmethod
    def _classification(rows: list[dict], key: str, rest: list[str], query: dict[str, str]) -> Reply:
        wanted = _ids(rest[0]) if rest else None
        chosen = [r for r in rows if wanted is None or r[key].upper() in wanted]
        if wanted is not None and not chosen:
            return _json(WB_INVALID_VALUE)
        return _v2_list(chosen, query)

    def _sources(self, rest: list[str], query: dict[str, str]) -> Reply:
        if not rest or rest[0].lower() == "all":
            return _v2_list([self._source_record()], query)
        if rest[0] != WDI_SOURCE["id"]:
            return _json(WB_INVALID_VALUE)
        if len(rest) == 1:
            return _v2_list([self._source_record()], query)
        concept = rest[1].lower()
        if concept == "concepts" and len(rest) == 2:
            concepts = [{"id": name, "value": name} for name in ("Country", "Series", "Time")]
            return self._beta_features(concepts, query)
        if len(rest) == 3 and concept in ("country", "series", "time"):
            return self._features(concept, rest[2], query)
        if len(rest) >= 5 and len(rest) % 2 == 1:  # series/{codes} and at least one more dimension
            return self._data(rest[1:], query)
        return _text(404, f"fake_apis: no World Bank route for sources/{'/'.join(rest)}")

    def _source_record(self) -> dict[str, str]:
        return {"id": WDI_SOURCE["id"], "lastupdated": self.lastupdated, "name": WDI_SOURCE["name"],
                "code": "WDI", "description": "", "url": "", "dataavailability": "Y",
                "metadataavailability": "Y", "concepts": "3"}

    @staticmethod
    def _beta_features(concepts: list[dict], query: dict[str, str], variables: bool = False) -> Reply:
        """Beta metadata format: {"page"...,"source":[{"id","name","concept":[...]}]}, paged."""
        if variables:  # one concept whose variables are paged
            header, chunk = _page(concepts[0]["variable"], query)
            concept_list = [{"id": concepts[0]["id"], "variable": chunk}]
        else:
            header, concept_list = _page(concepts, query)
        return _json({**header, "source": [{**WDI_SOURCE, "concept": concept_list}]})

    def _features(self, concept: str, ids: str, query: dict[str, str]) -> Reply:
        if concept == "country":
            rows = [{"id": code, "value": name} for code, name in self.data.economy_names().items()]
        elif concept == "series":
            rows = [{"id": code, "value": title} for code, title in self.data.series_titles().items()]
        else:
            rows = [{"id": f"YR{year}", "value": str(year)} for year in self.data.years()]
        wanted = _ids(ids)
        if wanted is not None:
            rows = [r for r in rows if r["id"].upper() in wanted]
            if not rows:
                return _json(WB_INVALID_VALUE)
        return self._beta_features([{"id": concept.capitalize(), "variable": rows}], query, variables=True)

    def _data(self, pairs: list[str], query: dict[str, str]) -> Reply:
        dims = {pairs[i].lower(): pairs[i + 1] for i in range(0, len(pairs), 2)}
        if set(dims) - {"series", "country", "time"} or "series" not in dims:
            return _json(WB_INVALID_VALUE)
        codes = _ids(dims["series"])
        series = [self.data.wdi_series(code) for code in codes or ()]
        if not series or any(s is None for s in series):
            return _json(WB_INVALID_VALUE)
        wanted = _ids(dims.get("country", "all"))
        economies = set(wanted) if wanted is not None else None
        try:
            years = _years(dims.get("time", "all"))
        except ValueError:
            return _json(WB_INVALID_VALUE)
        chosen = []
        for one in series:
            matching = [r for r in one.rows
                        if (economies is None or r[0] in economies) and (years is None or r[2] in years)]
            chosen.extend((one, row) for row in _most_recent(matching, query))
        header, page = _page(chosen, query)
        chunk = [
            {"variable": [{"concept": "Country", "id": code, "value": name},
                          {"concept": "Series", "id": one.code, "value": one.title},
                          {"concept": "Time", "id": f"YR{year}", "value": str(year)}],
             "value": value}
            for one, (code, name, year, value) in page
        ]
        return _json({**header, "lastupdated": self.lastupdated,
                      "source": {**WDI_SOURCE, "data": chunk, "lastupdated": self.lastupdated}})

    # IMF --------------------------------------------------------------------------------

    def _imf(self, parts: list[str], query: dict[str, str]) -> Reply:
        if not parts:
            return _text(404, "fake_apis: no route")
        head = parts[0]
        if head == "indicators" and len(parts) == 1:
            return _json({"indicators": self._imf_indicators(), "api": IMF_API}, content_type="application/json")
        if head == "countries" and len(parts) == 1:
            names = self.data.economy_names()
            countries = {code: {"label": names.get(code, code)} for code in self.data.imf_countries()}
            return _json({"countries": countries, "api": IMF_API}, content_type="application/json")
        if head in ("regions", "groups") and len(parts) == 1:
            groups = {code: {"label": "World" if code == IMF_WORLD_CODE else code} for code in self.data.imf_groups()}
            return _json({head: groups, "api": IMF_API}, content_type="application/json")
        return self._imf_values(head, parts[1:], query)

    def _imf_indicators(self) -> dict[str, dict[str, str]]:
        indicators = {}
        for concept, (unit, scale) in self.data.weo_meta().items():
            label, unit_text = IMF_LABELS.get(concept, (concept, _unit_text(concept, unit, scale)))
            indicators[concept] = {
                "label": label,
                "description": f"{label} ({unit_text}), IMF World Economic Outlook.",
                "source": f"World Economic Outlook ({self.edition})",
                "unit": unit_text,
                "dataset": "WEO",
            }
        return indicators

    def _imf_values(self, indicator: str, areas: list[str], query: dict[str, str]) -> Reply:
        values = self.data.weo_concept(indicator)
        if values is None:
            return _json({"api": IMF_API}, content_type="application/json")
        periods = None
        if query.get("periods"):
            periods = {p.strip() for p in query["periods"].split(",") if p.strip()}
        wanted = [a.upper() for a in areas] or sorted(values)
        served = {}
        for area in wanted:
            years = values.get(area)
            if years is None:
                continue
            served[area] = {y: v for y, v in years.items() if periods is None or y in periods}
        return _json({"values": {indicator: served}, "api": IMF_API}, content_type="application/json")


def _most_recent(rows: list[tuple], query: dict[str, str]) -> list[tuple]:
    """mrnev=N: each economy's N latest values; mrv=N: the N latest years with any value."""
    mrnev = _int(query.get("mrnev"), 0)
    mrv = _int(query.get("mrv"), 0)
    if mrnev:
        kept: list[tuple] = []
        by_economy: dict[str, list[tuple]] = {}
        for row in rows:
            by_economy.setdefault(row[0], []).append(row)
        for economy_rows in by_economy.values():
            kept.extend(economy_rows[-mrnev:])
        return sorted(kept, key=lambda r: (r[0], r[2]))
    if mrv:
        latest = set(sorted({row[2] for row in rows})[-mrv:])
        return [row for row in rows if row[2] in latest]
    return rows


def _unit_text(concept: str, unit: str, scale: int) -> str:
    if unit == "PT":
        if concept.endswith("PCH"):
            return "Annual percent change"
        if re.search(r"_N(P)?GDPD?$", concept):
            return "Percent of GDP"
        return "Percent"
    words = IMF_UNITS.get(unit, unit)
    if unit == "na":
        return SCALE_WORDS.get(scale, "Units")
    if scale in SCALE_WORDS:
        return f"{SCALE_WORDS[scale]} of {words}"
    return words[:1].upper() + words[1:]


def _classify(path: str) -> tuple[str | None, tuple[str, ...]]:
    """(source, series codes of a data request) for the instrumentation."""
    if path == WORLD_BANK_BASE or path.startswith(WORLD_BANK_BASE + "/"):
        parts = [s for s in path[len(WORLD_BANK_BASE):].split("/") if s]
        if parts and parts[0].lower() in WB_LANGS:
            parts = parts[1:]
        if len(parts) >= 6 and parts[0].lower() == "sources" and parts[2].lower() == "series" and len(parts) % 2 == 0:
            return "world_bank", tuple(_ids(parts[3]) or ("ALL",))
        return "world_bank", ()
    if path == IMF_BASE or path.startswith(IMF_BASE + "/"):
        parts = [s for s in path[len(IMF_BASE):].split("/") if s]
        if parts and parts[0] not in IMF_METADATA_ROUTES:
            return "imf", (parts[0],)
        return "imf", ()
    return None, ()


def _fault_reply(mode: str, retry_after: str = "0") -> Reply:
    if mode == "500":
        return Reply(500, HTML_500, "text/html; charset=utf-8")
    if mode == "429":
        return Reply(429, b"Too Many Requests\n", "text/plain; charset=utf-8", {"Retry-After": retry_after})
    if mode == "html":
        return Reply(200, HTML_200, "text/html; charset=utf-8")
    return Reply(200, MALFORMED_BODY, "application/json")


def _change_values(payload: Any, change, economies: frozenset[str] | None) -> None:
    """Apply `change` to the observed values (not the nulls) of a World Bank data page or an IMF values answer."""
    if isinstance(payload, dict) and isinstance(payload.get("source"), dict):  # World Bank data page
        for row in payload["source"].get("data") or ():
            economy = next((v["id"] for v in row["variable"] if v["concept"] == "Country"), None)
            if row["value"] is not None and (economies is None or economy in economies):
                row["value"] = change(row["value"])
    elif isinstance(payload, dict) and isinstance(payload.get("values"), dict):  # IMF DataMapper
        for by_area in payload["values"].values():
            for area, by_year in by_area.items():
                if economies is None or area in economies:
                    for year, value in by_year.items():
                        if value is not None:
                            by_year[year] = change(value)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connecting to it is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed on leaving the block: refused until something else binds it


# ---------------------------------------------------------------------------------------
# wbgapi's module-level caches


def reset_wbgapi_caches() -> None:
    """Forget what wbgapi has cached from whichever endpoint it talked to last."""
    import wbgapi

    wbgapi.source._concepts.clear()
    wbgapi.source._metadata_flags.clear()
    wbgapi.time._time_values.clear()
    wbgapi._concept_mrv_cache.clear()
    wbgapi.economy._class_data = None
    wbgapi.economy._aggs = None
    wbgapi.economy._localized_metadata.clear()
    wbgapi.economy._iso2Codes.clear()


@contextlib.contextmanager
def wbgapi_pointed_at(url: str) -> Iterator[None]:
    """Point `wbgapi.endpoint` at `url` for a block, with wbgapi's caches empty before and after."""
    import wbgapi

    previous = wbgapi.endpoint
    reset_wbgapi_caches()
    wbgapi.endpoint = url
    try:
        yield
    finally:
        wbgapi.endpoint = previous
        reset_wbgapi_caches()


# ---------------------------------------------------------------------------------------
# The fixture


@pytest.fixture
def fake_apis() -> Iterator[FakeApis]:
    """A started FakeApis serving the shared snapshots; stopped after the test."""
    if not (WDI.is_dir() and WEO.is_file()):
        pytest.skip(f"the fake APIs serve the shared data snapshots at {SHARED / 'data'} "
                    f"(../shared beside the project): {WDI} or {WEO} is missing")
    server = FakeApis()
    server.start()
    try:
        yield server
    finally:
        server.stop()
