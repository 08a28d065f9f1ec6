"""The local cache: every series fetched or imported, with its edition and retrieval time.

One SQLite file (standard library), in the user's cache directory unless `--cache PATH`
or VERIFY_CACHE says otherwise. A series is stored whole and replaced whole, in one
transaction, so a run never sees half of one. The `observations` view gives one row per
value with everything a report cites: source, series, entity, year, value, estimate
flag, edition, retrieval time.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import platformdirs

from . import DataError, Series, aggregate_codes

# Bump when the tables change; a cache written by another version is refused, not misread.
SCHEMA_VERSION = 1
APPLICATION_ID = 0x56455246  # "VERF": marks the file as a verifier cache

SCHEMA = """
CREATE TABLE IF NOT EXISTS series (
    id        INTEGER PRIMARY KEY,
    source    TEXT NOT NULL,             -- world_bank, imf
    code      TEXT NOT NULL,             -- NY.GDP.MKTP.CD, NGDPD
    name      TEXT NOT NULL,
    edition   TEXT NOT NULL,             -- the release: "last updated 2026-07-01", "October 2025 edition"
    origin    TEXT NOT NULL,             -- "fetched from api.worldbank.org", "imported from /data/wdi"
    retrieved TEXT NOT NULL,             -- ISO 8601, UTC
    economies TEXT NOT NULL DEFAULT '*', -- '*' for every economy, else the codes pulled
    imported  INTEGER NOT NULL DEFAULT 0, -- 1: from `verify data import`; pinned, not refreshed by age
    estimate_note TEXT NOT NULL DEFAULT '', -- what the source does not say about estimates
    UNIQUE (source, code)
);
CREATE TABLE IF NOT EXISTS points (
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    entity    TEXT NOT NULL,
    year      INTEGER NOT NULL,
    value     REAL NOT NULL,
    estimate  INTEGER NOT NULL DEFAULT 0, -- 1: an estimate or projection, as the source says
    PRIMARY KEY (series_id, entity, year)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS economies (
    source    TEXT NOT NULL,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL,
    aggregate INTEGER NOT NULL,           -- 1: a region or group, left out of ranks
    region    TEXT NOT NULL DEFAULT '',
    origin    TEXT NOT NULL,
    retrieved TEXT NOT NULL,
    PRIMARY KEY (source, code)
);
CREATE VIEW IF NOT EXISTS observations AS
    SELECT s.source, s.code AS series, p.entity, p.year, p.value, p.estimate,
           s.edition, s.retrieved, s.origin
    FROM points p JOIN series s ON s.id = p.series_id;
"""


def default_path(environ: dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get("VERIFY_CACHE"):
        return Path(environ["VERIFY_CACHE"])
    return Path(platformdirs.user_cache_dir("verifier")) / "data.sqlite"


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def age_days(retrieved: str, at: datetime | None = None) -> float:
    """How old a retrieval time (ISO 8601) is, in days."""
    at = at or datetime.now(timezone.utc)
    when = datetime.fromisoformat(retrieved)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (at - when).total_seconds() / 86400


@dataclass(frozen=True)
class Economy:
    code: str
    name: str
    aggregate: bool
    region: str = ""


@dataclass(frozen=True)
class CachedSeries:
    """What the cache knows about a series without loading its values."""

    source: str
    code: str
    name: str
    edition: str
    origin: str
    retrieved: str
    economies: str
    imported: bool
    estimate_note: str
    rows: int

    def age_days(self, at: datetime | None = None) -> float:
        return age_days(self.retrieved, at)


class Cache:
    """The cache file. `read_only` opens it without writing anything (offline runs, status),
    so a pinned cache on read-only storage still works; a missing file then reads as empty."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        try:
            if read_only and not path.exists():
                self.db = sqlite3.connect(":memory:")
                self._create()
                return
            if read_only:
                self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                # Another run may be writing: wait a little for its transaction rather than fail.
                self.db = sqlite3.connect(path, timeout=10)
            self.db.execute("PRAGMA foreign_keys = ON")
            self._check_version()
        except (OSError, sqlite3.Error) as exc:
            raise DataError(f"{path}: cannot open the cache ({exc})") from exc

    def _check_version(self) -> None:
        (app_id,) = self.db.execute("PRAGMA application_id").fetchone()
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if app_id == 0 and version == 0:
            tables = self.db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise DataError(f"{self.path}: not a verifier cache (a SQLite file with other tables); "
                                "give another --cache path")
            if not self.read_only:
                self._create()
            return
        if app_id != APPLICATION_ID:
            raise DataError(f"{self.path}: not a verifier cache; give another --cache path")
        if version != SCHEMA_VERSION:
            raise DataError(f"{self.path}: a cache from another version of verifier (schema {version}, this one "
                            f"reads {SCHEMA_VERSION}); use a new --cache path or delete the file")

    def _create(self) -> None:
        # One transaction: another run opening the file meanwhile sees no tables or a whole,
        # marked cache, never tables without the mark ("not a verifier cache"). A run that
        # also found the file empty waits for this one, then finds nothing left to create.
        self.db.executescript(f"BEGIN IMMEDIATE; {SCHEMA}; PRAGMA application_id = {APPLICATION_ID}; "
                              f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction; SQLite failures (read-only file, lock held too long, disk full) as DataError."""
        if self.read_only:
            raise DataError(f"{self.path}: the cache was opened read-only")
        try:
            with self.db:
                yield
        except sqlite3.Error as exc:
            raise DataError(f"{self.path}: cannot write to the cache ({exc})") from exc

    # --- series -----------------------------------------------------------------------

    def info(self, source: str, code: str) -> CachedSeries | None:
        rows = self._infos("WHERE s.source = ? AND s.code = ?", (source, code))
        return rows[0] if rows else None

    def all_info(self) -> list[CachedSeries]:
        return self._infos("", ())

    def _infos(self, where: str, args: tuple) -> list[CachedSeries]:
        query = (
            "SELECT s.source, s.code, s.name, s.edition, s.origin, s.retrieved, s.economies, s.imported, "
            "s.estimate_note, (SELECT COUNT(*) FROM points p WHERE p.series_id = s.id) "
            f"FROM series s {where} ORDER BY s.source, s.code"
        )
        try:
            return [CachedSeries(*row[:7], bool(row[7]), *row[8:]) for row in self.db.execute(query, args)]
        except sqlite3.Error as exc:
            raise DataError(f"{self.path}: cannot read the cache ({exc})") from exc

    def store(self, series: Series, economies: list[str] | None = None, imported: bool = False) -> None:
        """Replace what is cached for the series with this copy, in one transaction."""
        with self._writing():
            self._write(series, economies, imported)

    def store_all(self, many: Iterable[Series], imported: bool = False) -> int:
        """Replace several series in one transaction: an interrupted import changes nothing."""
        count = 0
        with self._writing():
            for series in many:
                self._write(series, None, imported)
                count += 1
        return count

    def _write(self, series: Series, economies: list[str] | None, imported: bool) -> None:
        rows = []  # in key order, which makes the inserts appends
        for entity, by_year in sorted(series.values.items()):
            first = series.first_estimate.get(entity)
            rows += [(entity, year, value, int(first is not None and year >= first))
                     for year, value in sorted(by_year.items())]
        self.db.execute("DELETE FROM series WHERE source = ? AND code = ?", (series.source, series.code))
        cursor = self.db.execute(
            "INSERT INTO series (source, code, name, edition, origin, retrieved, economies, imported, estimate_note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (series.source, series.code, series.name, series.edition, series.origin, series.retrieved or now(),
             "*" if economies is None else ",".join(economies), int(imported), series.estimate_note),
        )
        series_id = cursor.lastrowid
        self.db.executemany(
            "INSERT INTO points (series_id, entity, year, value, estimate) VALUES (?, ?, ?, ?, ?)",
            [(series_id, *row) for row in rows],
        )

    def load(self, source: str, code: str) -> Series | None:
        try:
            return self._load(source, code)
        except sqlite3.Error as exc:
            raise DataError(f"{self.path}: cannot read the cache ({exc})") from exc

    def _load(self, source: str, code: str) -> Series | None:
        info = self.info(source, code)
        if info is None:
            return None
        series = Series(
            source, info.edition, code, info.name,
            retrieved=info.retrieved, origin=info.origin, complete=info.economies == "*",
            aggregates=self.aggregates(source) | aggregate_codes(source), estimate_note=info.estimate_note,
        )
        query = ("SELECT p.entity, p.year, p.value, p.estimate FROM points p JOIN series s ON s.id = p.series_id "
                 "WHERE s.source = ? AND s.code = ?")
        for entity, year, value, estimate in self.db.execute(query, (source, code)):
            series.values.setdefault(entity, {})[year] = value
            if estimate and year < series.first_estimate.get(entity, year + 1):
                series.first_estimate[entity] = year
        return series

    # --- economies --------------------------------------------------------------------

    def store_economies(self, source: str, economies: list[Economy], origin: str, replace: bool = True) -> None:
        """Economy names and which codes are groups. `replace=False` keeps what an API said."""
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        retrieved = now()
        with self._writing():
            if replace:
                self.db.execute("DELETE FROM economies WHERE source = ?", (source,))
            self.db.executemany(
                f"{verb} INTO economies (source, code, name, aggregate, region, origin, retrieved) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((source, e.code, e.name, int(e.aggregate), e.region, origin, retrieved) for e in economies),
            )

    def economies_info(self, source: str) -> tuple[int, str] | None:
        """How many economies are known for the source, and when the list was retrieved."""
        count, retrieved = self._read("SELECT COUNT(*), MAX(retrieved) FROM economies WHERE source = ?", (source,))[0]
        return (count, retrieved) if count else None

    def aggregates(self, source: str) -> frozenset[str]:
        return frozenset(code for (code,) in self._read(
            "SELECT code FROM economies WHERE source = ? AND aggregate = 1", (source,)))

    def _read(self, query: str, args: tuple) -> list[tuple]:
        try:
            return self.db.execute(query, args).fetchall()
        except sqlite3.Error as exc:
            raise DataError(f"{self.path}: cannot read the cache ({exc})") from exc
