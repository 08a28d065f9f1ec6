"""Misbehaving sources: `verify` against a local World Bank API and IMF DataMapper that
refuse connections, stall, drip, fail, rate-limit, cut off, or garble their answers.

Every run finishes in bounded time; a series that could not be fetched leaves its claims
`unverifiable` with the reason (and the run exits 2), an older cached copy is used
instead when there is one (with a warning), the other source's claims are checked as
usual, and nothing corrupt or partial reaches the cache. Nothing here touches the network.
"""
from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.fetch import SOURCE_TITLES, DataSources
from verifier.fetch.cache import Cache
from verifier.fetch.cached import Policy
from verifier.fetch.http import Network
from verifier.fetch.manage import Endpoints, live_sources

from .conftest import requires_shared
from .fake_apis import IMF_BASE, FakeApis, closed_port, fake_apis  # noqa: F401 - fake_apis is a fixture
from .test_live import TODAY, api_env, fresh_wbgapi  # noqa: F401 - fixtures

pytestmark = requires_shared

# One claim per series, each checkable in one source only, so a fault shows in its own claims.
# Per source: the first series has an older copy in the cache, the second none.
ARTICLE = """# Kazakhstan's public finances

ASTANA, March 3, 2025. Kazakhstan's central government debt was 20.9% of GDP in 2023, the finance ministry said.

The country's foreign exchange reserves were $36.0 billion in 2023.

Its public debt stood at 23.0% of GDP in 2023, according to the ministry.

The current account deficit was 3.6% of GDP in 2023.
"""
SERIES = {"world_bank": ("GC.DOD.TOTL.GD.ZS", "FI.RES.TOTL.CD"), "imf": ("GGXWDG_NGDP", "BCA_NGDPD")}
CLAIMS = {"world_bank": ("20.9%", "$36.0 billion"), "imf": ("23.0%", "3.6%")}
OTHER = {"world_bank": "imf", "imf": "world_bank"}
ENDPOINT_VARIABLE = {"world_bank": "VERIFY_WORLD_BANK_API", "imf": "VERIFY_IMF_API"}
OLD = "2000-01-01T00:00:00+00:00"  # the cached copies' retrieval time: past any max-age, so refreshed

# (fault mode, economies it touches, what the claims must say: a regex, {code} the series).
FAULTS = [
    ("refused", None, r"cannot connect to 127\.0\.0\.1:\d+"),
    ("500", None, r"kept answering with errors \(HTTP 500\) after retries"),
    ("429", None, r"kept answering with errors \(HTTP 429\) after retries"),
    ("timeout", None, r"did not answer in time"),
    ("slow", None, r"sent its answer too slowly \(not complete after 1 s\)"),
    ("malformed", None, r"sent a response that is not valid (World Bank API )?JSON"),
    ("truncated", None, r"broke off its answer part-way"),
    ("html", None, r"sent a page of text/html, not JSON"),
    # A number sent as a string is not coerced: a service that changed its format is not guessed at.
    ("strings", None, r'value for {code}, [A-Z0-9]{{3}} \d{{4}} is "-?\d[\d.e+-]*", not a number'),
    ("na", None, r'value for {code}, [A-Z0-9]{{3}} \d{{4}} is "n/a", not a number'),
    ("nan", None, r"value for {code}, [A-Z0-9]{{3}} \d{{4}} is NaN, not a number"),
    ("nulls", None, r"returned no values for {code}"),
    # One bad value, for an economy no claim is about, still spoils the whole answer.
    ("na", ["USA"], r'value for {code}, USA \d{{4}} is "n/a", not a number'),
]
# Each run has a fault in both sources; over the runs each source meets every fault once,
# the slow ones (timeout, slow) never both in one run.
PAIRS = [(FAULTS[i], FAULTS[(i + 6) % len(FAULTS)]) for i in range(len(FAULTS))]


def fault_id(fault: tuple) -> str:
    mode, economies, _ = fault
    return mode + ("-" + "-".join(economies) if economies else "")


@dataclass
class Run:
    code: int
    claims: dict[str, dict]
    data: list[str]  # the JSON's edition lines, as in the report header
    stderr: str
    report: str
    seconds: float


def data_path(source: str, code: str) -> str:
    """What a data request for the series has in its path (not the metadata requests)."""
    return f"/series/{code}/" if source == "world_bank" else f"{IMF_BASE}/{code}"


def stored(cache: Path, source: str, code: str) -> tuple[str | None, list[tuple]]:
    """(retrieval time, every (entity, year, value, SQLite type)) of a cached series."""
    with contextlib.closing(sqlite3.connect(cache)) as db:
        retrieved = db.execute("SELECT retrieved FROM series WHERE source = ? AND code = ?", (source, code)).fetchone()
        rows = db.execute("SELECT entity, year, value, typeof(value) FROM observations WHERE source = ? AND series = ? "
                          "ORDER BY entity, year", (source, code)).fetchall()
    return (retrieved[0] if retrieved else None), rows


def not_numbers(cache: Path) -> int:
    """Cached values that are not finite REALs: strings, nulls, NaN, infinities."""
    with contextlib.closing(sqlite3.connect(cache)) as db:
        return db.execute("SELECT COUNT(*) FROM points WHERE typeof(value) != 'real' OR value != value "
                          "OR abs(value) > 1e308").fetchone()[0]


@pytest.fixture(scope="module")
def primed_cache(tmp_path_factory) -> Path:
    """A cache with an old copy of each source's first series and fresh economy lists, built once."""
    path = tmp_path_factory.mktemp("primed") / "cache.sqlite"
    with FakeApis() as server:
        cache = Cache(path)
        sources = live_sources(cache, Policy(), Network(read_timeout=10, retries=0),
                               Endpoints(server.world_bank_url, server.imf_url))
        DataSources(sources).fetch([(source, codes[0]) for source, codes in SERIES.items()])
        cache.close()
        assert not [s.missing for s in sources if s.missing] and server.errors == []
        # The fake's data for the other series, read now rather than while a client waits.
        server.data.wdi_series(SERIES["world_bank"][1])
        server.data.weo_concept(SERIES["imf"][1])
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE series SET retrieved = ?", (OLD,))
    return path


@pytest.fixture
def server(api_env, monkeypatch) -> FakeApis:
    """The fake APIs, with the client's timeout short: a stall or a dripped answer costs 1 s."""
    monkeypatch.setenv("VERIFY_TIMEOUT", "1")
    return api_env


@pytest.fixture
def cache(primed_cache, tmp_path) -> Path:
    path = tmp_path / "cache.sqlite"
    shutil.copyfile(primed_cache, path)
    return path


def verify(tmp_path: Path, cache: Path, capsys) -> Run:
    """`verify` on the article, through the CLI entry, against the fake APIs and `cache`."""
    article = tmp_path / "kaz.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out, reports = tmp_path / "out.json", tmp_path / "reports"
    capsys.readouterr()
    started = time.monotonic()
    code = main([str(article), "--cache", str(cache), "--reports", str(reports), "--no-charts", "--json", str(out),
                 "--today", TODAY])
    seconds = time.monotonic() - started
    result = json.loads(out.read_text(encoding="utf-8"))
    claims = {c["number_text"]: c for d in result["documents"] for c in d["claims"]}
    assert len(claims) == 4, "the article's claims are read as before"
    report = re.sub(r"\\(.)", r"\1", (reports / "kaz.md").read_text(encoding="utf-8"))  # markdown escapes undone
    return Run(code, claims, result["data"], capsys.readouterr().err, report, seconds)


def inject(server: FakeApis, monkeypatch, source: str, fault: str, economies: list[str] | None = None) -> None:
    """Make every data request for the source's series meet the fault (refused: the whole service)."""
    if fault == "refused":
        monkeypatch.setenv(ENDPOINT_VARIABLE[source], f"http://127.0.0.1:{closed_port()}/api")
    else:
        for code in SERIES[source]:
            server.fail(data_path(source, code), fault, economies=economies)


def assert_failed_but_cache_used(run: Run, cache: Path, old_rows: list[tuple], source: str, reason: str) -> None:
    """The source's series without a cached copy: unverifiable, with the reason; the one with
    a copy: checked against it, with a warning; the cache: unchanged for both."""
    cached_code, new_code = SERIES[source]
    cached_claim, new_claim = CLAIMS[source]
    new_reason, cached_reason = (reason.format(code=re.escape(code)) for code in (new_code, cached_code))
    # No copy: unverifiable, naming the series and what went wrong -- in the JSON, the report and on stderr.
    new = run.claims[new_claim]
    assert new["verdict"] == "unverifiable" and new["actual"] is None
    assert f"series {new_code} could not be fetched (" in new["explanation"]
    assert "is not in the cache" in new["explanation"] and re.search(new_reason, new["explanation"])
    assert f"**Verdict: unverifiable.** {new['explanation']}" in run.report
    assert re.search(rf"could not fetch {re.escape(new_code)} \(.*{new_reason}", run.stderr)
    # An older copy: checked against that copy; the warning and the report header say why it is old.
    old = run.claims[cached_claim]
    assert old["verdict"] == "accurate" and [e["retrieved"] for e in old["evidence"]] == [OLD[:10]]
    assert re.search(rf"warning: {SOURCE_TITLES[source]}: 1 series could not be refreshed.*\({re.escape(cached_code)}\)",
                     run.stderr)
    header = [line for line in run.data if line.startswith(SOURCE_TITLES[source])]
    assert len(header) == 1 and re.search(rf"could not be refreshed: .*{cached_reason}.*retrieved 2000-01-01", header[0])
    assert header[0] in run.report
    # The cache: the old copy as it was, nothing for the failed series, only numbers anywhere.
    assert stored(cache, source, cached_code) == (OLD, old_rows)
    assert stored(cache, source, new_code) == (None, [])
    assert not_numbers(cache) == 0


# --- every fault, in each source ------------------------------------------------------------


@pytest.mark.parametrize("world_bank_fault, imf_fault", PAIRS,
                         ids=[f"wb-{fault_id(wb)}+imf-{fault_id(imf)}" for wb, imf in PAIRS])
def test_faults_leave_claims_unverifiable_with_the_reason_and_cached_copies_used(
        server, cache, tmp_path, capsys, monkeypatch, world_bank_fault, imf_fault):
    faults = {"world_bank": world_bank_fault, "imf": imf_fault}
    old_rows = {source: stored(cache, source, SERIES[source][0])[1] for source in SERIES}
    for source, (mode, economies, _) in faults.items():
        inject(server, monkeypatch, source, mode, economies)

    run = verify(tmp_path, cache, capsys)

    # The run finishes, soon, and does not pass the gate: a series could not be fetched.
    assert run.code == 2 and run.seconds < 15
    for source, (_, _, reason) in faults.items():
        assert_failed_but_cache_used(run, cache, old_rows[source], source, reason)
    assert server.errors == []


@pytest.mark.parametrize("source", ["world_bank", "imf"])
def test_a_dead_source_costs_only_its_own_claims(server, cache, tmp_path, capsys, monkeypatch, source):
    other = OTHER[source]
    old_rows = stored(cache, source, SERIES[source][0])[1]
    inject(server, monkeypatch, source, "refused")
    run = verify(tmp_path, cache, capsys)
    assert run.code == 2
    assert_failed_but_cache_used(run, cache, old_rows, source, FAULTS[0][2])
    # The other source's claims are checked as usual, against values fetched now.
    assert [run.claims[c]["verdict"] for c in CLAIMS[other]] == ["accurate", "accurate"]
    assert all(stored(cache, other, code)[0] not in (None, OLD) for code in SERIES[other])
    # One message for the dead service, with what to do.
    assert sum("stopped asking for this run" in line for line in run.stderr.splitlines()) == 1


def test_faults_are_faithful_to_what_a_client_sees(server):
    """The fault modes the tests above rely on, seen raw."""
    import requests

    url = server.imf_url + "/GGXWDG_NGDP/KAZ"
    good = requests.get(url, timeout=5).json()["values"]["GGXWDG_NGDP"]["KAZ"]
    for mode, expect in [("strings", {y: str(v) for y, v in good.items()}), ("na", dict.fromkeys(good, "n/a")),
                         ("nulls", dict.fromkeys(good))]:
        server.fail("/GGXWDG_NGDP", mode, times=1)
        assert requests.get(url, timeout=5).json()["values"]["GGXWDG_NGDP"]["KAZ"] == expect
    server.fail("/GGXWDG_NGDP", "nan", times=1)
    assert '"2023":NaN' in requests.get(url, timeout=5).text
    server.fail("/GGXWDG_NGDP", "na", times=1, economies=["USA"])
    assert requests.get(url, timeout=5).json()["values"]["GGXWDG_NGDP"]["KAZ"] == good  # other economies untouched
    page = server.world_bank_url + "/en/sources/2/series/GC.DOD.TOTL.GD.ZS/country/KAZ;USA/time/YR2023?format=json"
    server.fail("GC.DOD.TOTL.GD.ZS", "strings", times=1, economies=["USA"])
    rows = {r["variable"][0]["id"]: r["value"] for r in requests.get(page, timeout=5).json()["source"]["data"]}
    assert isinstance(rows["KAZ"], float) and isinstance(rows["USA"], str) and float(rows["USA"])
    server.fail("/GGXWDG_NGDP", "html", times=1)
    answer = requests.get(url, timeout=5)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/html")
    server.fail("/GGXWDG_NGDP", "truncated", times=1)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(url, timeout=5)
    server.drip_seconds = 0.2
    server.fail("/GGXWDG_NGDP", "slow", times=1)
    started = time.monotonic()
    with requests.get(url, timeout=(1, 1), stream=True) as answer:
        assert answer.status_code == 200  # the headers at once, then the body in pieces, none late enough to time out
        assert len(answer.raw.read(130)) == 130
    assert 0.3 < time.monotonic() - started < 1.5
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"http://127.0.0.1:{closed_port()}/", timeout=1)
    with pytest.raises(ValueError):
        server.fail("/x", "500", economies=["KAZ"])  # economies are for the value modes only
    assert server.errors == []


# --- values: nulls are gaps, not errors ---------------------------------------------------------


def test_nulls_are_missing_observations_not_errors(server, cache, tmp_path, capsys):
    for source, (_, new_code) in SERIES.items():
        server.fail(data_path(source, new_code), "nulls", economies=["KAZ"])
    run = verify(tmp_path, cache, capsys)
    assert run.code == 0  # fetched: no fetch error, and unverifiable does not fail the default gate
    for source, (_, new_code) in SERIES.items():
        claim = run.claims[CLAIMS[source][1]]
        assert claim["verdict"] == "unverifiable"
        assert "has no values for Kazakhstan" in claim["explanation"] and "could not" not in claim["explanation"]
        retrieved, rows = stored(cache, source, new_code)
        assert retrieved is not None and len({r[0] for r in rows}) > 100  # stored, for every other economy
        assert not [r for r in rows if r[0] == "KAZ"]
    assert not_numbers(cache) == 0


# --- Retry-After ---------------------------------------------------------------------------------


def test_retry_after_is_obeyed(server, cache, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("VERIFY_RETRIES", "1")
    server.retry_after = "1"
    code = SERIES["world_bank"][1]
    server.fail(data_path("world_bank", code), "429", times=1)
    run = verify(tmp_path, cache, capsys)
    assert run.claims[CLAIMS["world_bank"][1]]["verdict"] == "accurate" and run.code == 0
    first, second = [r.at for r in server.requests if code in r.series]
    assert second - first >= 0.95  # waited as asked before asking again


def test_a_retry_after_beyond_the_cap_is_not_waited_on(server, cache, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("VERIFY_RETRIES", "3")
    server.retry_after = "3600"
    for source in SERIES:
        inject(server, monkeypatch, source, "429")
    run = verify(tmp_path, cache, capsys)
    assert run.seconds < 8  # not 3 retries x 10 s of capped waits per service
    assert run.code == 2
    for source in SERIES:
        explanation = run.claims[CLAIMS[source][1]]["explanation"]
        assert "answered HTTP 429 and asked to be left alone for 3600 s (Retry-After)" in explanation
        # One request, no retry; and the service is not asked for its next series either.
        assert sum(1 for r in server.requests if r.series and r.source == source) == 1
        assert run.claims[CLAIMS[source][0]]["verdict"] == "accurate"  # from the cached copy


def test_an_unreadable_retry_after_means_an_ordinary_retry(server, cache, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("VERIFY_RETRIES", "1")
    server.retry_after = "soon"
    for source in SERIES:
        server.fail(data_path(source, SERIES[source][1]), "429", times=1)
    run = verify(tmp_path, cache, capsys)
    assert [c["verdict"] for c in run.claims.values()] == ["accurate"] * 4 and run.code == 0
