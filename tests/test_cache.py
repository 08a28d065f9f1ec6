"""The cache, the bulk-CSV reader, the IMF edition, network settings and `verify data` errors."""
from __future__ import annotations

import csv
import sqlite3

import pytest
import requests

from verifier.cli import main
from verifier.fetch import DataError, Series, open_source
from verifier.fetch.cache import Cache, Economy, age_days, default_path
from verifier.fetch.cached import CachedSource, Policy
from verifier.fetch.http import BadAnswer, Network, Unreachable, describe_failure
from verifier.fetch.imf_api import edition_from_source
from verifier.fetch.manage import import_path

from .conftest import WDI, requires_shared


def sample_series(**changes) -> Series:
    series = Series("imf", "October 2025 edition", "NGDPD", "GDP", {"KAZ": {2023: 262.6e9, 2024: 291.5e9, 2025: 300.1e9},
                                                                  "G001": {2025: 117e12}},
                    first_estimate={"KAZ": 2024}, retrieved="2026-11-20T10:00:00+00:00", origin="fetched from imf")
    for key, value in changes.items():
        setattr(series, key, value)
    return series


def test_a_series_round_trips_with_its_estimates_edition_and_retrieval(tmp_path):
    cache = Cache(tmp_path / "c.sqlite")
    cache.store(sample_series())
    back = cache.load("imf", "NGDPD")
    assert back.values == sample_series().values
    assert back.first_estimate == {"KAZ": 2024}
    assert (back.edition, back.retrieved, back.origin, back.complete) == (
        "October 2025 edition", "2026-11-20T10:00:00+00:00", "fetched from imf", True)
    assert "G001" in back.aggregates  # sources/aggregates.toml, with no economy list cached
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        rows = db.execute("SELECT entity, year, estimate, edition, retrieved FROM observations "
                          "WHERE source = 'imf' AND series = 'NGDPD' AND entity = 'KAZ' ORDER BY year").fetchall()
    assert [(y, e) for _, y, e, _, _ in rows] == [(2023, 0), (2024, 1), (2025, 1)]
    assert {r[3] for r in rows} == {"October 2025 edition"}


def test_storing_again_replaces_the_whole_series(tmp_path):
    cache = Cache(tmp_path / "c.sqlite")
    cache.store(sample_series())
    cache.store(sample_series(values={"UZB": {2024: 1.0}}, first_estimate={}, edition="April 2026 edition"))
    back = cache.load("imf", "NGDPD")
    assert back.values == {"UZB": {2024: 1.0}} and back.edition == "April 2026 edition"
    assert [i.rows for i in cache.all_info()] == [1]


def test_economy_lists_mark_groups_and_an_import_does_not_overrule_the_api(tmp_path):
    cache = Cache(tmp_path / "c.sqlite")
    cache.store_economies("imf", [Economy("KAZ", "Kazakhstan", False), Economy("ADVEC", "Advanced", True)], "api")
    cache.store_economies("imf", [Economy("ADVEC", "Advanced economies", False), Economy("UZB", "Uzbekistan", False)],
                          "file", replace=False)
    assert cache.aggregates("imf") == {"ADVEC"}
    assert cache.economies_info("imf")[0] == 3
    cache.store(sample_series())
    assert {"ADVEC", "G001"} <= cache.load("imf", "NGDPD").aggregates


def test_an_unopenable_cache_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DataError, match="cannot open the cache"):
        Cache(blocker / "c.sqlite")


def test_default_path_follows_the_variable(tmp_path):
    assert default_path({"VERIFY_CACHE": str(tmp_path / "x.sqlite")}) == tmp_path / "x.sqlite"
    assert default_path({}).name == "data.sqlite"


def test_age_is_counted_in_days():
    from datetime import datetime, timezone

    assert age_days("2026-11-20T00:00:00+00:00", datetime(2026, 11, 25, 12, tzinfo=timezone.utc)) == 5.5


class FlakyRemote:
    """A remote that fails as told, to test the cache policy without HTTP."""

    name, label, endpoint = "imf", "IMF test", "https://imf.test/api"

    def __init__(self, failure: Exception | None = None):
        self.failure = failure
        self.asked: list[str] = []

    def fetch_series(self, code, economies=None):
        self.asked.append(code)
        if self.failure:
            raise self.failure
        return sample_series(code=code, retrieved="")

    def fetch_economies(self):
        if self.failure:
            raise self.failure
        return [Economy("KAZ", "Kazakhstan", False)]


def test_unreachable_is_tried_once_per_run_not_once_per_series(tmp_path):
    remote = FlakyRemote(Unreachable("cannot connect to imf.test"))
    source = CachedSource(remote, Cache(tmp_path / "c.sqlite"), Policy())
    assert source.load(["NGDPD", "LP", "LUR"]) == {}
    assert remote.asked == []  # the economy list failed first: the service is down
    assert source.unreachable == "cannot connect to imf.test"
    assert set(source.missing) == {"NGDPD", "LP", "LUR"}
    assert all("cannot connect to imf.test" in why for why in source.missing.values())


def test_a_bad_answer_costs_only_its_series(tmp_path):
    remote = FlakyRemote()
    source = CachedSource(remote, Cache(tmp_path / "c.sqlite"), Policy())

    def fetch(code, economies=None):
        if code == "LP":
            raise BadAnswer("imf.test answered HTTP 500")
        return sample_series(code=code, retrieved="")

    remote.fetch_series = fetch
    loaded = source.load(["NGDPD", "LP"])
    assert set(loaded) == {"NGDPD"} and "HTTP 500" in source.missing["LP"]


def test_max_age_none_never_goes_stale_and_zero_always_does(tmp_path):
    cache = Cache(tmp_path / "c.sqlite")
    cache.store(sample_series(retrieved="2020-01-01T00:00:00+00:00"))
    remote = FlakyRemote()
    CachedSource(remote, cache, Policy(max_age_days=None)).load(["NGDPD"])
    assert remote.asked == []
    CachedSource(remote, cache, Policy(max_age_days=0)).load(["NGDPD"])
    assert remote.asked == ["NGDPD"]


# --- the World Bank bulk CSV -------------------------------------------------------------


def write_bulk_csv(path, codes, preamble=True):
    """A wide bulk file built from the shared data packages' values."""
    by_key: dict[tuple[str, str, str, str], dict[str, str]] = {}
    years: set[str] = set()
    for code in codes:
        with (WDI / code.lower() / "data.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = (row["Country Name"], row["Country Code"], f"Name of {code}", code)
                by_key.setdefault(key, {})[row["Year"]] = row["Value"]
                years.add(row["Year"])
    columns = sorted(years)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        if preamble:
            writer.writerows([["Data Source", "World Development Indicators"], [], ["Last Updated Date", "2026-07-01"], []])
        writer.writerow(["Country Name", "Country Code", "Indicator Name", "Indicator Code", *columns])
        for key, values in by_key.items():
            writer.writerow([*key, *(values.get(y, "") for y in columns)])


@requires_shared
@pytest.mark.parametrize("preamble", [True, False])
def test_a_bulk_csv_gives_the_same_values_as_the_data_packages(tmp_path, preamble):
    codes = ["NY.GDP.MKTP.KD.ZG", "SP.POP.TOTL"]
    path = tmp_path / "API_bulk.csv"
    write_bulk_csv(path, codes, preamble)
    bulk = open_source(path)
    assert bulk.codes() == sorted(codes)
    assert bulk.edition == ("last updated 2026-07-01" if preamble else "bulk file API_bulk.csv (no update date in it)")
    packages = open_source(WDI).load(codes)
    for code, series in bulk.load(codes).items():
        assert series.values == packages[code].values
    assert bulk.economy_names()["KAZ"] == "Kazakhstan"


@requires_shared
def test_import_of_a_bulk_csv_records_its_update_date(tmp_path):
    path = tmp_path / "API_NY.GDP.MKTP.CD.csv"
    write_bulk_csv(path, ["NY.GDP.MKTP.CD"])
    cache = Cache(tmp_path / "c.sqlite")
    done = import_path(path, cache)
    assert (done.source, done.series, done.edition) == ("world_bank", 1, "last updated 2026-07-01")
    series = cache.load("world_bank", "NY.GDP.MKTP.CD")
    assert series.origin.startswith("imported from") and series.values["KAZ"][2024] > 2e11
    assert "WLD" in series.aggregates


def test_import_of_something_else_names_the_file(tmp_path, capsys):
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n")
    good_missing = tmp_path / "missing"
    assert main(["data", "import", str(bad), str(good_missing), "--cache", str(tmp_path / "c.sqlite")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith(f"verify: {bad}: not a data snapshot")
    assert err[1] == f"verify: {good_missing}: no such file or directory"


# --- the IMF edition, failures in words, settings ---------------------------------------


@pytest.mark.parametrize("text, edition", [
    ("World Economic Outlook (October 2025)", "October 2025 edition"),
    ("World Economic Outlook (April 2026)", "April 2026 edition"),
    ("", "edition not given by the API"),
    ("Fiscal Monitor", "Fiscal Monitor"),
])
def test_imf_edition_from_the_indicator_list(text, edition):
    assert edition_from_source(text) == edition


@pytest.mark.parametrize("exc, kind, words", [
    (requests.exceptions.ConnectionError("Name or service not known"), Unreachable, "cannot connect to api.test"),
    (requests.exceptions.ConnectTimeout(), Unreachable, "cannot connect to api.test"),
    (requests.exceptions.ReadTimeout(), Unreachable, "did not answer in time"),
    (requests.exceptions.ConnectionError("Read timed out."), Unreachable, "did not answer in time"),
    (requests.exceptions.RetryError("Max retries exceeded (too many 503 error responses)"), Unreachable,
     "kept answering with errors (HTTP 503) after retries"),
    (ValueError("Expecting value"), BadAnswer, "not valid JSON"),
])
def test_failures_are_sorted_into_unreachable_and_bad_answers(exc, kind, words):
    described = describe_failure(exc, "https://api.test/v2/x")
    assert isinstance(described, kind) and words in str(described)


def test_network_settings_from_the_environment():
    assert Network.from_environment({}) == Network()
    quick = Network.from_environment({"VERIFY_TIMEOUT": "2", "VERIFY_RETRIES": "0"})
    assert (quick.read_timeout, quick.connect_timeout, quick.retries) == (2.0, 2.0, 0)
    with pytest.raises(ValueError, match="VERIFY_TIMEOUT"):
        Network.from_environment({"VERIFY_TIMEOUT": "soon"})


@pytest.mark.parametrize("args, message", [
    (["--max-age", "-1"], "--max-age must be zero or more"),
    (["--offline", "--refresh"], "--offline and --refresh cannot be used together"),
])
def test_bad_cache_flags_are_one_line_errors(tmp_path, capsys, args, message):
    article = tmp_path / "a.txt"
    article.write_text("Kenya's economy grew 5% in 2024.\n")
    assert main([str(article), "--cache", str(tmp_path / "c.sqlite"), *args]) == 2
    assert message in capsys.readouterr().err


def test_pull_rejects_an_unknown_country(tmp_path, capsys):
    assert main(["data", "pull", "--countries", "Atlantis", "--cache", str(tmp_path / "c.sqlite")]) == 2
    assert "unknown country 'Atlantis'" in capsys.readouterr().err


def test_bad_max_age_variable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("VERIFY_MAX_AGE", "weekly")
    article = tmp_path / "a.txt"
    article.write_text("Kenya's economy grew 5% in 2024.\n")
    assert main([str(article), "--cache", str(tmp_path / "c.sqlite")]) == 2
    assert "VERIFY_MAX_AGE must be a number of days" in capsys.readouterr().err


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path, capsys):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE series (a, b)")
    before = other.read_bytes()
    assert main(["data", "status", "--cache", str(other)]) == 2
    assert main(["data", "import", "x", "--cache", str(other)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"verify: {other}: not a verifier cache (a SQLite file with other tables); give another --cache path"] * 2
    assert other.read_bytes() == before


def test_a_cache_from_another_schema_version_is_refused(tmp_path):
    path = tmp_path / "c.sqlite"
    Cache(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(DataError, match="another version of verifier"):
        Cache(path)


def test_a_missing_cache_opened_read_only_is_empty_and_not_created(tmp_path):
    cache = Cache(tmp_path / "none.sqlite", read_only=True)
    assert cache.all_info() == [] and cache.load("imf", "NGDPD") is None
    assert not (tmp_path / "none.sqlite").exists()


def test_an_interrupted_import_changes_nothing(tmp_path, monkeypatch):
    from verifier.fetch.weo_snapshot import WeoSnapshot

    cache = Cache(tmp_path / "c.sqlite")
    cache.store(sample_series(edition="an older edition"))
    path = tmp_path / "weo-2026-04.csv"
    path.write_text("ref_area,concept,year,value,unit,scale,freq,base_year,lastactualdate\n"
                    "KAZ,NGDPD,2025,1,USD,9,A,,2024\nKAZ,NGDP_RPCH,2025,5,PT,0,A,,2024\n")
    calls = []
    real_load = WeoSnapshot.load

    def interrupted(self, codes):
        calls.append(codes)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_load(self, codes)

    monkeypatch.setattr(WeoSnapshot, "load", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_path(path, cache)
    assert [(i.code, i.edition) for i in cache.all_info()] == [("NGDPD", "an older edition")]


def test_retry_after_is_obeyed_only_up_to_a_cap():
    from verifier.fetch.http import CappedRetry

    class Answer:
        def __init__(self, wait):
            self.headers = {"Retry-After": wait}

        def getheader(self, name, default=None):
            return self.headers.get(name, default)

    retry = CappedRetry(total=1)
    assert retry.get_retry_after(Answer("3600")) == CappedRetry.max_retry_after
    assert retry.get_retry_after(Answer("2")) == 2


@pytest.mark.parametrize("args, message", [
    (["--offline"], "pull fetches from the APIs: it cannot run --offline"),
    (["--countries", " "], "--countries: name at least one economy"),
])
def test_pull_usage_errors(tmp_path, capsys, args, message):
    assert main(["data", "pull", "--cache", str(tmp_path / "c.sqlite"), *args]) == 2
    assert message in capsys.readouterr().err
