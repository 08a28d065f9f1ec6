"""Self-tests of the fake World Bank and IMF APIs (tests/fake_apis.py)."""
from __future__ import annotations

import csv
import json
import math
import time

import pytest
import requests

from .conftest import WDI
from .fake_apis import FakeApis, fake_apis, wbgapi_pointed_at  # noqa: F401 - fake_apis is a fixture

wbgapi = pytest.importorskip("wbgapi")

GROWTH = "NY.GDP.MKTP.KD.ZG"


def _csv_values(series: str) -> dict[tuple[str, int], float]:
    with (WDI / series.lower() / "data.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["Country Code"], int(r["Year"])): float(r["Value"]) for r in csv.DictReader(handle) if r["Value"]}


def test_wbgapi_reads_a_whole_series_page_by_page(fake_apis):
    expected = _csv_values(GROWTH)
    with wbgapi_pointed_at(fake_apis.world_bank_url):
        rows = list(wbgapi.data.fetch(GROWTH))
    kaz_2024 = [r for r in rows if r["economy"] == "KAZ" and r["time"] == "YR2024"]
    assert len(kaz_2024) == 1 and kaz_2024[0]["value"] == expected[("KAZ", 2024)]
    assert kaz_2024[0]["aggregate"] is False
    assert len(rows) == len(expected)
    pages = fake_apis.series_requests()[("world_bank", GROWTH)]
    assert pages == math.ceil(len(expected) / wbgapi.per_page) and pages > 1
    assert fake_apis.errors == []


def test_wbgapi_source_record_and_economies(fake_apis):
    with wbgapi_pointed_at(fake_apis.world_bank_url):
        assert wbgapi.source.get(2)["lastupdated"] == "2026-07-01"
        economies = {row["id"]: row for row in wbgapi.economy.list()}
        assert economies["WLD"]["aggregate"] is True and economies["KAZ"]["aggregate"] is False
        assert economies["KAZ"]["value"] == "Kazakhstan"
        with pytest.raises(wbgapi.APIError):
            list(wbgapi.data.fetch("NO.SUCH.SERIES"))
    assert not fake_apis.series_requests().get(("world_bank", GROWTH))
    assert fake_apis.metadata_requests()[("world_bank", "/wb/v2/en/country/all")] == 1


def test_wbgapi_endpoint_and_caches_are_restored(fake_apis):
    before = wbgapi.endpoint
    with wbgapi_pointed_at(fake_apis.world_bank_url):
        assert wbgapi.economy.aggregates() >= {"WLD", "HIC"}
        assert wbgapi.economy._class_data and wbgapi.economy._localized_metadata
    assert wbgapi.endpoint == before
    assert wbgapi.source._concepts == {} and wbgapi.economy._class_data is None


def test_imf_datamapper_values(fake_apis):
    answer = requests.get(fake_apis.imf_url + "/NGDPD", timeout=10).json()
    assert answer["values"]["NGDPD"]["KAZ"]["2025"] == 300.052
    assert "WEOWORLD" in answer["values"]["NGDPD"] and "G001" not in answer["values"]["NGDPD"]
    some = requests.get(fake_apis.imf_url + "/NGDPD/KAZ/WEOWORLD", params={"periods": "2024,2025"}, timeout=10).json()
    assert set(some["values"]["NGDPD"]) == {"KAZ", "WEOWORLD"}
    assert set(some["values"]["NGDPD"]["KAZ"]) == {"2024", "2025"}
    assert "values" not in requests.get(fake_apis.imf_url + "/NOSUCH", timeout=10).json()
    countries = requests.get(fake_apis.imf_url + "/countries", timeout=10).json()["countries"]
    assert countries["KAZ"] == {"label": "Kazakhstan"} and "GBR" in countries and "G110" not in countries
    assert requests.get(fake_apis.imf_url + "/regions", timeout=10).json()["regions"]["WEOWORLD"] == {"label": "World"}
    indicators = requests.get(fake_apis.imf_url + "/indicators", timeout=10).json()["indicators"]
    assert indicators["NGDPD"]["source"] == "World Economic Outlook (October 2025)"
    assert fake_apis.series_requests() == {("imf", "NGDPD"): 2, ("imf", "NOSUCH"): 1}


def test_faults_500_and_429(fake_apis):
    url = fake_apis.imf_url + "/NGDPD/KAZ"
    fake_apis.fail("/imf/api/v1/NGDPD", "500", times=1)
    fake_apis.fail("/imf/api/v1/NGDPD", "429", times=1)
    first = requests.get(url, timeout=5)
    assert first.status_code == 500 and first.headers["Content-Type"].startswith("text/html")
    second = requests.get(url, timeout=5)
    assert second.status_code == 429 and second.headers["Retry-After"] == "0"
    assert requests.get(url, timeout=5).json()["values"]["NGDPD"]["KAZ"]["2025"] == 300.052
    assert [r.fault for r in fake_apis.requests] == ["500", "429", None]
    assert requests.get(fake_apis.imf_url + "/NGDP_RPCH/KAZ", timeout=5).status_code == 200


def test_fault_malformed_then_cleared(fake_apis):
    url = fake_apis.world_bank_url + "/en/sources/2/series/NY.GDP.MKTP.CD/country/KAZ/time/YR2020?format=json"
    fake_apis.fail("NY.GDP.MKTP.CD", "malformed")
    for _ in range(2):  # times=None: every time
        answer = requests.get(url, timeout=5)
        assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/json"
        with pytest.raises(json.JSONDecodeError):
            json.loads(answer.text)
    fake_apis.clear_faults()
    data = requests.get(url, timeout=5).json()["source"]["data"]
    assert [row["variable"][2]["id"] for row in data] == ["YR2020"]
    assert fake_apis.series_requests()[("world_bank", "NY.GDP.MKTP.CD")] == 3
    fake_apis.reset()
    assert fake_apis.requests == []


def test_fault_timeout_and_clean_shutdown():
    server = FakeApis(slow_seconds=5.0)
    with server:
        server.fail("/imf/api/v1/NGDPD", "timeout", times=1)
        with pytest.raises(requests.exceptions.ReadTimeout):
            requests.get(server.imf_url + "/NGDPD/KAZ", timeout=(1, 0.2))
        server.slow_seconds = 0.0
        server.fail("/imf/api/v1/LP", "timeout", times=1)
        assert requests.get(server.imf_url + "/LP/KAZ", timeout=5).status_code == 200  # late but normal
        started = time.monotonic()
    assert time.monotonic() - started < 1.0  # the handler still sleeping did not hold up the shutdown


def test_retry_after_with_the_projects_session(fake_apis):
    from verifier.fetch.http import Network, session

    fake_apis.fail("/imf/api/v1/NGDPD", "429", times=2)
    answer = session(Network(retries=3, backoff=0)).get(fake_apis.imf_url + "/NGDPD/KAZ", timeout=5)
    assert answer.status_code == 200
    assert fake_apis.series_requests()[("imf", "NGDPD")] == 3
