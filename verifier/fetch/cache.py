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
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

from . import DataError, Series, aggregate_codes

SCHEMA = """
CREATE TABLE IF NOT EXISTS series (
    id        INTEGER PRIMARY KEY,
    source    TEXT NOT NULL,             -- world_bank, imf
    code      TEXT NOT NULL,             -- NY.GDP.MKTP.CD, NGDPD
    name      TEXT NOT NULL,
    edition   TEXT NOT NULL,             -- the release: "World Development Indicators, last updated 2026-07-01"
    origin    TEXT NOT NULL,             -- the API address or the file imported
    retrieved TEXT NOT NULL,             -- ISO 8601, UTC
    economies TEXT NOT NULL DEFAULT '*', -- '*' for every economy, else the codes pulled
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
    rows: int

    def age_days(self, at: datetime | None = None) -> float:
        return age_days(self.retrieved, at)


class Cache:
    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Another run may be writing: wait for its transaction rather than fail.
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            # Readers never wait for a writer, and a crash mid-write loses at most the
            # transaction in flight, never the file.
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise DataError(f"{path}: cannot open the cache ({exc})") from exc

    def close(self) -> None:
        self.db.close()

    # --- series -----------------------------------------------------------------------

    def info(self, source: str, code: str) -> CachedSeries | None:
        rows = self._infos("WHERE s.source = ? AND s.code = ?", (source, code))
        return rows[0] if rows else None

    def all_info(self) -> list[CachedSeries]:
        return self._infos("", ())

    def _infos(self, where: str, args: tuple) -> list[CachedSeries]:
        query = (
            "SELECT s.source, s.code, s.name, s.edition, s.origin, s.retrieved, s.economies, "
            "(SELECT COUNT(*) FROM points p WHERE p.series_id = s.id) "
            f"FROM series s {where} ORDER BY s.source, s.code"
        )
        return [CachedSeries(*row) for row in self.db.execute(query, args)]

    def store(self, series: Series, economies: list[str] | None = None) -> None:
        """Replace what is cached for the series with this copy, in one transaction."""
        rows = []  # in key order, which makes the inserts appends
        for entity, by_year in sorted(series.values.items()):
            first = series.first_estimate.get(entity)
            rows += [(entity, year, value, int(first is not None and year >= first))
                     for year, value in sorted(by_year.items())]
        try:
            with self.db:
                self.db.execute("DELETE FROM series WHERE source = ? AND code = ?", (series.source, series.code))
                cursor = self.db.execute(
                    "INSERT INTO series (source, code, name, edition, origin, retrieved, economies) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (series.source, series.code, series.name, series.edition, series.origin,
                     series.retrieved or now(), "*" if economies is None else ",".join(economies)),
                )
                series_id = cursor.lastrowid
                self.db.executemany(
                    "INSERT INTO points (series_id, entity, year, value, estimate) VALUES (?, ?, ?, ?, ?)",
                    [(series_id, *row) for row in rows],
                )
        except sqlite3.Error as exc:
            raise DataError(f"{self.path}: cannot write to the cache ({exc})") from exc

    def load(self, source: str, code: str) -> Series | None:
        info = self.info(source, code)
        if info is None:
            return None
        series = Series(
            source, info.edition, code, info.name,
            retrieved=info.retrieved, origin=info.origin, complete=info.economies == "*",
            aggregates=self.aggregates(source) | aggregate_codes(source),
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
        with self.db:
            if replace:
                self.db.execute("DELETE FROM economies WHERE source = ?", (source,))
            self.db.executemany(
                f"{verb} INTO economies (source, code, name, aggregate, region, origin, retrieved) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((source, e.code, e.name, int(e.aggregate), e.region, origin, retrieved) for e in economies),
            )

    def economies_info(self, source: str) -> tuple[int, str] | None:
        """How many economies are known for the source, and when the list was retrieved."""
        count, retrieved = self.db.execute(
            "SELECT COUNT(*), MAX(retrieved) FROM economies WHERE source = ?", (source,)).fetchone()
        return (count, retrieved) if count else None

    def aggregates(self, source: str) -> frozenset[str]:
        return frozenset(code for (code,) in self.db.execute(
            "SELECT code FROM economies WHERE source = ? AND aggregate = 1", (source,)))
