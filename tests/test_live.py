"""The live path end to end: the World Bank API (through wbgapi) and the IMF DataMapper,
served by a local fake on 127.0.0.1 with the shared snapshots' values, read through the
SQLite cache. Nothing here touches the network."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date, datetime, timezone

import pytest

from verifier.cli import main
from verifier.fetch import DataError, DataSources
from verifier.fetch.cache import Cache
from verifier.fetch.cached import Policy
from verifier.fetch.http import Network, Unreachable
from verifier.fetch.manage import Endpoints, catalogue_series, import_path, live_sources, pull
from verifier.fetch.world_bank_api import WorldBankApi
from verifier.pipeline import run

from .conftest import SHARED_SEEDS, WDI, WEO, requires_shared
from .fake_apis import fake_apis, reset_wbgapi_caches  # noqa: F401 - fake_apis is a fixture

pytestmark = requires_shared

TODAY = "2026-11-25"
GROWTH, GDP, FDI = "NY.GDP.MKTP.KD.ZG", "NY.GDP.MKTP.CD", "BX.KLT.DINV.CD.WD"
# Short timeouts and no backoff: a fault costs milliseconds, not the production seconds.
QUICK = Network(connect_timeout=1.0, read_timeout=0.5, retries=1, backoff=0.0)


@pytest.fixture(autouse=True)
def fresh_wbgapi():
    """wbgapi keeps metadata in module globals; each test starts without them, so request counts are its own."""
    reset_wbgapi_caches()
    yield
    reset_wbgapi_caches()


@pytest.fixture
def api_env(fake_apis, monkeypatch):
    monkeypatch.setenv("VERIFY_WORLD_BANK_API", fake_apis.world_bank_url)
    monkeypatch.setenv("VERIFY_IMF_API", fake_apis.imf_url)
    return fake_apis


def verdicts(json_path) -> list[tuple[str, str, dict | None]]:
    data = json.loads(json_path.read_text(encoding="utf-8"))
    return [(c["number_text"], c["verdict"], c["actual"]) for d in data["documents"] for c in d["claims"]]


def run_cli(*args) -> int:
    return main([*map(str, args), "--today", TODAY])


def batches(server) -> Counter:
    """Request batches per (source, series): a batch is page 1 and the pages that follow it."""
    return Counter((r.source, code) for r in server.requests for code in r.series if r.query.get("page", "1") == "1")


def snapshot_verdicts(tmp_path):
    out = tmp_path / "snapshot.json"
    run_cli(SHARED_SEEDS, "--data", WDI, "--data", WEO, "--reports", tmp_path / "snap", "--json", out)
    return verdicts(out)


# --- the seed through the APIs ---------------------------------------------------------


def test_seed_gets_the_same_verdicts_through_the_apis_as_through_the_snapshots(api_env, tmp_path, capsys):
    expected = snapshot_verdicts(tmp_path)
    out = tmp_path / "api.json"
    code = run_cli(SHARED_SEEDS, "--cache", tmp_path / "cache.sqlite", "--reports", tmp_path / "api", "--json", out)
    assert verdicts(out) == expected
    assert [v for _, v, _ in expected] == ["accurate", "accurate", "accurate", "misleading"]
    assert code == 1  # misleading fails the default gate

    # Every value names its source, edition and retrieval date.
    claims = json.loads(out.read_text())["documents"][0]["claims"]
    evidence = [e for c in claims for e in c["evidence"]]
    assert {e["edition"] for e in evidence} <= {"last updated 2026-07-01", "October 2025 edition"}
    today_utc = datetime.now(timezone.utc).date().isoformat()  # retrieval times are UTC
    assert all(e["retrieved"] == today_utc and e["origin"].startswith("fetched from 127.0.0.1")
               for e in evidence)
    report = (tmp_path / "api" / "000_157bf1910d14ee4c.md").read_text()
    assert "last updated 2026-07-01" in report and "Retrieved" in report


def test_one_request_batch_per_series_and_none_on_the_second_run(api_env, tmp_path):
    cache = tmp_path / "cache.sqlite"
    run_cli(SHARED_SEEDS, "--cache", cache, "--reports", tmp_path / "r1")
    per_series = batches(api_env)
    assert per_series and max(per_series.values()) == 1
    # GDP is also read at purchasing power parity, the reading that would make a claim misleading.
    assert set(per_series) == {("world_bank", GROWTH), ("world_bank", GDP), ("world_bank", FDI),
                               ("imf", "NGDPD"), ("imf", "NGDP_RPCH"), ("imf", "PPPGDP")}
    api_env.reset()
    run_cli(SHARED_SEEDS, "--cache", cache, "--reports", tmp_path / "r2")
    assert api_env.requests == []


def test_pages_are_followed_to_the_last(fake_apis, tmp_path):
    api = WorldBankApi(fake_apis.world_bank_url, QUICK, per_page=500)
    series = api.fetch_series(GROWTH)
    rows = sum(len(v) for v in series.values.values())
    with (WDI / GROWTH.lower() / "data.csv").open(encoding="utf-8") as handle:
        in_file = sum(1 for line in handle if not line.rstrip().endswith(","))  - 1  # minus the header
    assert rows == in_file
    assert fake_apis.series_requests()[("world_bank", GROWTH)] == -(-rows // 500) > 1
    assert series.edition == "last updated 2026-07-01"


# --- faults: each ends as unverifiable with a reason; cached data is still used --------


def live_run(server, cache_path, policy=Policy(), economies=None):
    endpoints = Endpoints(server.world_bank_url, server.imf_url)
    sources = live_sources(Cache(cache_path), policy, QUICK, endpoints, economies)
    data = DataSources(sources)
    result = run([SHARED_SEEDS], data, date.fromisoformat(TODAY))
    return {v.claim.number_text: v for d in result.documents for v in d.verdicts}, sources, data


@pytest.mark.parametrize("mode, reason", [
    ("500", "kept answering with errors (HTTP 500) after retries"),
    ("429", "kept answering with errors (HTTP 429) after retries"),
    ("timeout", "did not answer in time"),
    ("malformed", "not valid"),
])
def test_a_failing_series_makes_its_claims_unverifiable_and_the_rest_are_checked(fake_apis, tmp_path, mode, reason):
    fake_apis.slow_seconds = 1.5
    fake_apis.fail(f"/series/{GROWTH}/", mode)  # the World Bank's growth series
    fake_apis.fail("/imf/api/v1/NGDP_RPCH", mode)  # and the IMF's
    by_claim, sources, _ = live_run(fake_apis, tmp_path / "cache.sqlite")
    growth = by_claim["5.7%"]
    assert growth.verdict.value == "unverifiable"
    assert reason in growth.explanation and GROWTH in growth.explanation and "NGDP_RPCH" in growth.explanation
    assert [by_claim[n].verdict.value for n in ("$300 billion", "top 50", "60%")] == ["accurate", "accurate", "misleading"]
    # A service failing for good is not asked again in the run; bad JSON costs only its series.
    assert all(s.unreachable for s in sources) == (mode != "malformed")


def test_with_a_cached_copy_a_failed_refresh_still_checks_and_warns(fake_apis, tmp_path):
    cache = tmp_path / "cache.sqlite"
    live_run(fake_apis, cache)
    fake_apis.fail(f"/series/{GROWTH}/", "500")
    by_claim, sources, data = live_run(fake_apis, cache, Policy(refresh=True))
    assert by_claim["5.7%"].verdict.value == "accurate"
    world_bank = sources[0]
    assert list(world_bank.stale) == [GROWTH] and "HTTP 500" in world_bank.stale[GROWTH]
    # The report header says which edition could not be refreshed, and why.
    assert any("could not be refreshed" in line and "HTTP 500" in line for line in data.describe())


def test_retries_get_through_a_passing_fault(fake_apis, tmp_path):
    fake_apis.fail(f"/series/{GROWTH}/", "429", times=1)
    fake_apis.fail("/imf/api/v1/NGDPD", "500", times=1)
    by_claim, _, _ = live_run(fake_apis, tmp_path / "cache.sqlite")
    assert by_claim["5.7%"].verdict.value == "accurate"
    assert by_claim["$300 billion"].verdict.value == "accurate"


def test_an_unreachable_network_gives_one_message_and_unverifiable_claims(monkeypatch, tmp_path, capsys):
    # Port 9 on loopback: nothing listens there, so the connection is refused at once.
    monkeypatch.setenv("VERIFY_WORLD_BANK_API", "http://127.0.0.1:9/v2")
    monkeypatch.setenv("VERIFY_IMF_API", "http://127.0.0.1:9/api/v1")
    monkeypatch.setenv("VERIFY_RETRIES", "0")
    out = tmp_path / "out.json"
    code = run_cli(SHARED_SEEDS, "--cache", tmp_path / "cache.sqlite", "--reports", tmp_path / "r", "--json", out)
    err = capsys.readouterr().err.splitlines()
    assert code == 2  # nothing crashed, but claims left unchecked by a fetch failure do not pass the gate
    advice = [line for line in err if "verify data import" in line]
    assert advice == ["verify: cannot connect to 127.0.0.1:9: stopped asking for this run. Claims whose data is not "
                      "in the cache are unverifiable. To work offline: `verify data import PATH` (World Bank data "
                      "packages or bulk CSV, the IMF WEO CSV), then `verify --offline`; or pass --data PATH."]
    assert sum("could not fetch" in line for line in err) == 2  # one error line per source
    assert {v for _, v, _ in verdicts(out)} == {"unverifiable"}
    result = json.loads(out.read_text())
    assert all("could not be fetched (cannot connect to 127.0.0.1:9)" in c["explanation"]
               for c in result["documents"][0]["claims"])
    assert len(result["errors"]) == 2


# --- the cache: offline, staleness, refresh ----------------------------------------------


def test_offline_uses_only_the_cache(api_env, tmp_path):
    cache = tmp_path / "cache.sqlite"
    out = tmp_path / "offline.json"
    assert run_cli(SHARED_SEEDS, "--cache", cache, "--offline", "--reports", tmp_path / "r", "--json", out) == 0
    assert api_env.requests == []
    claims = json.loads(out.read_text())["documents"][0]["claims"]
    assert all("not in the cache" in c["explanation"] and "--offline" in c["explanation"] for c in claims)


def test_stale_entries_are_refetched_and_refresh_refetches_everything(api_env, tmp_path):
    cache = tmp_path / "cache.sqlite"
    run_cli(SHARED_SEEDS, "--cache", cache, "--reports", tmp_path / "r")
    with sqlite3.connect(cache) as db:  # make one series older than 30 days
        db.execute("UPDATE series SET retrieved = '2000-01-01T00:00:00+00:00' WHERE code = ?", (GDP,))
    api_env.reset()
    run_cli(SHARED_SEEDS, "--cache", cache, "--reports", tmp_path / "r", "--max-age", "30")
    assert set(batches(api_env)) == {("world_bank", GDP)}
    api_env.reset()
    run_cli(SHARED_SEEDS, "--cache", cache, "--reports", tmp_path / "r", "--refresh")
    assert len(batches(api_env)) == 6 and max(batches(api_env).values()) == 1  # with GDP at PPP


def test_offline_and_refresh_together_is_a_usage_error(tmp_path, capsys):
    assert run_cli(SHARED_SEEDS, "--offline", "--refresh", "--cache", tmp_path / "c.sqlite") == 2
    assert "--offline and --refresh" in capsys.readouterr().err


# --- verify data: import, status, pull ---------------------------------------------------


def test_import_then_offline_gives_the_same_verdicts_as_data(tmp_path, capsys):
    expected = snapshot_verdicts(tmp_path)
    cache = tmp_path / "cache.sqlite"
    assert main(["data", "import", str(WDI), str(WEO), "--vintage", "July 2026", "--cache", str(cache)]) == 2
    assert main(["data", "import", str(WDI), "--vintage", "July 2026", "--cache", str(cache)]) == 0
    assert main(["data", "import", str(WEO), "--cache", str(cache)]) == 0
    out = tmp_path / "offline.json"
    run_cli(SHARED_SEEDS, "--offline", "--cache", cache, "--reports", tmp_path / "r", "--json", out)
    assert verdicts(out) == expected
    capsys.readouterr()

    assert main(["data", "status", "--cache", str(cache)]) == 0
    status = capsys.readouterr().out
    assert "470 series" in status  # 325 World Bank + 145 IMF concepts
    growth_line = next(line for line in status.splitlines() if f" {GROWTH} " in line)
    assert "July 2026" in growth_line and "imported from" in growth_line
    assert "October 2025 edition" in status


def test_status_without_a_cache_says_how_to_fill_it(tmp_path, capsys):
    assert main(["data", "status", "--cache", str(tmp_path / "none.sqlite")]) == 0
    assert "verify data pull" in capsys.readouterr().out


def test_pull_fetches_the_catalogue_then_works_offline(api_env, tmp_path, capsys):
    cache = tmp_path / "cache.sqlite"
    code = main(["data", "pull", "--cache", str(cache)])
    out = capsys.readouterr().out
    # The shared snapshot has no exports series (NE.EXP.GNFS.CD), so the fake API does not either.
    assert code == 2 and "not pulled: World Bank, World Development Indicators series NE.EXP.GNFS.CD" in out
    pulled = batches(api_env)
    wanted = catalogue_series()
    assert set(pulled) == {(s, c) for s, codes in wanted.items() for c in codes}
    assert max(pulled.values()) == 1
    api_env.reset()
    out = tmp_path / "offline.json"
    run_cli(SHARED_SEEDS, "--offline", "--cache", cache, "--reports", tmp_path / "r", "--json", out)
    assert api_env.requests == []
    assert [v for _, v, _ in verdicts(out)] == ["accurate", "accurate", "accurate", "misleading"]


def test_a_partial_pull_cannot_rank(api_env, tmp_path):
    cache = tmp_path / "cache.sqlite"
    main(["data", "pull", "--countries", "Kazakhstan,UZB", "--cache", str(cache)])
    world_bank_data = [r for r in api_env.requests if r.source == "world_bank" and r.series]
    assert world_bank_data and all("/country/KAZ;UZB/" in r.path for r in world_bank_data)
    imf_data = [r for r in api_env.requests if r.source == "imf" and r.series]
    assert imf_data and all(r.path.endswith("/KAZ/UZB") for r in imf_data)
    out = tmp_path / "offline.json"
    run_cli(SHARED_SEEDS, "--offline", "--cache", cache, "--reports", tmp_path / "r", "--json", out)
    claims = {c["number_text"]: c for c in json.loads(out.read_text())["documents"][0]["claims"]}
    assert claims["$300 billion"]["verdict"] == "accurate"  # a value needs only Kazakhstan
    assert claims["top 50"]["verdict"] == "unverifiable"  # a rank needs every economy
    assert "shares and ranks need every economy" in claims["top 50"]["explanation"]


def test_a_partial_pull_never_shrinks_a_full_copy(fake_apis, tmp_path):
    cache = tmp_path / "cache.sqlite"
    live_run(fake_apis, cache)
    with sqlite3.connect(cache) as db:
        db.execute("UPDATE series SET retrieved = '2000-01-01T00:00:00+00:00'")  # all stale
    sources = live_sources(Cache(cache), Policy(), QUICK, Endpoints(fake_apis.world_bank_url, fake_apis.imf_url), ["UZB"])
    pull(sources)
    after = {(i.source, i.code): i for i in Cache(cache).all_info()}
    seed_series = [("world_bank", GROWTH), ("world_bank", GDP), ("world_bank", FDI), ("imf", "NGDPD"), ("imf", "NGDP_RPCH")]
    assert all(after[key].economies == "*" and after[key].rows > 9000 for key in seed_series)
    assert after[("world_bank", "SP.POP.TOTL")].economies == "UZB"  # the rest of the catalogue: UZB only
    by_claim, _, _ = live_run(fake_apis, cache, Policy(offline=True))
    assert by_claim["60%"].verdict.value == "misleading"


def test_a_partial_copy_names_itself_as_the_reason(fake_apis, tmp_path):
    cache = tmp_path / "cache.sqlite"
    live_run(fake_apis, cache, economies=["UZB"])
    by_claim, _, _ = live_run(fake_apis, cache, Policy(offline=True))
    assert "holds only some economies (pulled with --countries), not Kazakhstan" in by_claim["5.7%"].explanation


def test_imported_series_are_pinned_until_refresh(fake_apis, tmp_path):
    cache = Cache(tmp_path / "cache.sqlite")
    import_path(WEO, cache)
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE series SET retrieved = '2000-01-01T00:00:00+00:00'")
    live_run(fake_apis, cache.path)
    assert not [r for r in fake_apis.requests if r.source == "imf" and r.series]  # old, but imported: kept
    live_run(fake_apis, cache.path, Policy(refresh=True))
    assert Cache(cache.path).info("imf", "NGDPD").origin.startswith("fetched from")


def test_imf_api_years_before_the_edition_are_not_called_actual(fake_apis, tmp_path):
    by_claim, _, _ = live_run(fake_apis, tmp_path / "cache.sqlite")
    earlier = next(r for r in by_claim["$300 billion"].alternatives if r.description.startswith("IMF, 2024"))
    assert earlier.evidence[0].estimate_years == ()
    assert "not flagged" in earlier.evidence[0].estimate_note


def test_a_cache_that_cannot_be_written_costs_only_the_caching(fake_apis, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise DataError(f"{tmp_path}: cannot write to the cache (database is locked)")

    monkeypatch.setattr(Cache, "store", refuse)
    by_claim, sources, _ = live_run(fake_apis, tmp_path / "cache.sqlite")
    assert [v.verdict.value for v in by_claim.values()] == ["accurate", "accurate", "accurate", "misleading"]
    assert any("used for this run only" in w for s in sources for w in s.warnings)


def test_wbgapi_recovers_after_a_failed_economy_list(fake_apis):
    api = WorldBankApi(fake_apis.world_bank_url, QUICK)
    fake_apis.fail("/country/all", "500", times=2)
    with pytest.raises(Unreachable):
        api.fetch_economies()
    economies = {e.code: e for e in api.fetch_economies()}
    assert economies["WLD"].aggregate and not economies["KAZ"].aggregate


def test_verify_data_overrides_and_conflicts(api_env, tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cache.sqlite"
    run_cli(SHARED_SEEDS, "--cache", cache, "--reports", tmp_path / "r")
    # VERIFY_DATA holds only the WEO file; an explicit --offline --cache still means the cache.
    monkeypatch.setenv("VERIFY_DATA", str(WEO))
    out = tmp_path / "out.json"
    run_cli(SHARED_SEEDS, "--offline", "--cache", cache, "--reports", tmp_path / "r", "--json", out)
    assert [v for _, v, _ in verdicts(out)] == ["accurate", "accurate", "accurate", "misleading"]
    capsys.readouterr()
    assert run_cli(SHARED_SEEDS, "--data", WEO, "--cache", cache) == 2
    assert "--data reads only the files given; --cache apply to the cache" in capsys.readouterr().err


def test_an_offline_run_leaves_the_cache_file_untouched(api_env, tmp_path):
    cache = tmp_path / "cache.sqlite"
    run_cli(SHARED_SEEDS, "--cache", cache, "--reports", tmp_path / "r")
    before = cache.read_bytes()
    run_cli(SHARED_SEEDS, "--offline", "--cache", cache, "--reports", tmp_path / "r")
    main(["data", "status", "--cache", str(cache)])
    assert cache.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cache")) == ["cache.sqlite"]
