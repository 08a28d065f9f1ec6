"""The whole pipeline on real data: the shared press report and the project's seeds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from verifier.cli import main

from .conftest import PROJECT, SHARED_SEEDS, WDI, WEO, requires_shared

pytestmark = requires_shared
# The shared seed's dateline has no year: pin the run date so the year assumed is fixed.
RUN_DATE = "2026-11-25"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    out = folder / "out.json"
    code = main([str(SHARED_SEEDS), "--data", str(WDI), "--data", str(WEO), "--json", str(out),
                 "--reports", str(folder / "reports"), "--today", RUN_DATE])
    return code, json.loads(out.read_text(encoding="utf-8")), folder / "reports"


def _claims(payload):
    return [claim for document in payload["documents"] for claim in document["claims"]]


def test_seed_yields_exactly_the_four_claims(seed_run):
    _, payload, _ = seed_run
    assert payload["schema"] == "verifier/1"
    assert [c["number_text"] for c in _claims(payload)] == ["5.7%", "$300 billion", "top 50", "60%"]


def test_seed_average_growth_is_accurate_over_the_past_25_years(seed_run):
    growth = _claims(seed_run[1])[0]
    assert growth["indicator"] == "gdp_growth" and growth["statistic"] == "average"
    assert growth["period"]["found_in"] == "previous sentence"
    assert (growth["years"]["start"], growth["years"]["end"]) == (2001, 2025)
    assert growth["verdict"] == "accurate"
    assert growth["actual"]["value"] == pytest.approx(5.69, abs=0.01)
    evidence = growth["evidence"][0]
    assert evidence["series"] == "NY.GDP.MKTP.KD.ZG" and evidence["years"] == "2001–2025"
    assert "compound" in evidence["note"] and "arithmetic mean" in evidence["note"]


def test_seed_nominal_gdp_uses_the_cited_imf_estimate(seed_run):
    gdp = _claims(seed_run[1])[1]
    assert gdp["operator"] == ">" and gdp["source_cited"] == "imf" and gdp["entity_code"] == "KAZ"
    assert gdp["verdict"] == "accurate"
    evidence = gdp["evidence"][0]
    assert evidence["series"] == "NGDPD" and evidence["edition"] == "October 2025 edition"
    assert evidence["years"] == "2025" and evidence["estimate"] is True
    assert evidence["value"] == pytest.approx(300.052e9, rel=1e-6)


def test_seed_rank_is_within_the_top_50(seed_run):
    rank = _claims(seed_run[1])[2]
    assert rank["statistic"] == "rank" and rank["verdict"] == "accurate"
    assert 45 <= rank["actual"]["value"] <= 50
    assert "aggregates excluded" in rank["evidence"][0]["note"]


def test_seed_fdi_share_is_misleading_with_both_readings(seed_run):
    share = _claims(seed_run[1])[3]
    assert share["statistic"] == "share" and share["group_code"] == "central_asia"
    assert share["verdict"] == "misleading"
    assert share["actual"]["value"] == pytest.approx(28.8, abs=0.1)
    assert share["evidence"][0]["years"] == "2024"
    cumulative = next(r for r in share["alternatives"] if "cumulative" in r["description"])
    assert cumulative["value"] == pytest.approx(68.9, abs=0.1) and cumulative["verdict"] == "accurate"
    assert "cumulative" in share["explanation"]


def test_seed_gate_fails_and_reports_are_written(seed_run):
    code, payload, reports = seed_run
    assert code == 1  # misleading fails the default gate
    index = (reports / "index.md").read_text(encoding="utf-8")
    article = next(p for p in reports.glob("*.md") if p.name != "index.md")
    text = article.read_text(encoding="utf-8")
    assert "4 claims: 3 accurate · 1 misleading" in text
    assert "an estimate or projection" in text  # the IMF 2025 value is an estimate
    assert "run date's year (2026) is assumed" in text
    assert article.name in index


# --- the project's own seeds ---------------------------------------------------------

EXPECTED_SEEDS = {
    ("uzbekistan-wire.md", "6.9%"): "close",
    ("uzbekistan-wire.md", "9.6%"): "accurate",
    ("uzbekistan-wire.md", "4.4%"): "accurate",
    ("uzbekistan-wire.md", "36 million"): "accurate",
    ("uzbekistan-wire.md", "six percent"): "accurate",  # "above six percent", in words
    ("kenya-press-release.txt", "$150 billion"): "inaccurate",
    ("kenya-press-release.txt", "second-largest"): "accurate",
    ("kenya-press-release.txt", "6.5%"): "accurate",
    ("kenya-press-release.txt", "67%"): "accurate",
    ("poland-speech.md", "3.7%"): "accurate",
    ("poland-speech.md", "top 25"): "accurate",
    ("poland-speech.md", "3%"): "accurate",
    ("vietnam-op-ed.txt", "10%"): "close",  # a share within 10% of its size when hedged: 8.6% is close
    ("vietnam-op-ed.txt", "7.1%"): "accurate",
    ("vietnam-op-ed.txt", "$4,700"): "accurate",
    ("nigeria-brazil-analysis.md", "$500 billion"): "misleading",
    ("nigeria-brazil-analysis.md", "6.8%"): "accurate",
    ("nigeria-brazil-analysis.md", "11.7 trillion reais"): "accurate",  # in reais: the IMF's series in reais
    ("nigeria-brazil-analysis.md", "3.6%"): "unverifiable",  # a quarter: the data are annual
    ("nigeria-brazil-analysis.md", "11.6%"): "accurate",
}


@pytest.fixture(scope="module")
def project_seeds_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    out = folder / "out.json"
    code = main([str(PROJECT / "seeds"), "--data", str(WDI), "--data", str(WEO), "--json", str(out),
                 "--reports", str(folder / "reports"), "--fail-on", "inaccurate"])
    return code, json.loads(out.read_text(encoding="utf-8"))


def test_project_seeds_verdicts(project_seeds_run):
    _, payload = project_seeds_run
    found = {
        (Path(doc["path"]).name, claim["number_text"]): claim["verdict"]
        for doc in payload["documents"] for claim in doc["claims"]
    }
    assert found == EXPECTED_SEEDS


def test_project_seeds_cover_every_verdict_and_several_countries(project_seeds_run):
    code, payload = project_seeds_run
    claims = _claims(payload)
    assert {c["verdict"] for c in claims} == {"accurate", "close", "misleading", "inaccurate", "unverifiable"}
    assert len({c["entity_code"] for c in claims}) >= 5
    assert {c["statistic"] for c in claims} == {"value", "average", "share", "rank"}
    assert code == 1  # --fail-on inaccurate: the Kenyan GDP claim fails it


def test_unverifiable_says_which_data_is_missing(project_seeds_run):
    quarter = next(c for c in _claims(project_seeds_run[1]) if c["number_text"] == "3.6%")
    assert "annual" in quarter["explanation"] and "fourth quarter" in quarter["explanation"]


def test_misleading_level_shows_the_year_it_holds_for(project_seeds_run):
    nigeria = next(c for c in _claims(project_seeds_run[1]) if c["number_text"] == "$500 billion")
    assert nigeria["evidence"][0]["years"] == "2024"
    assert "2023" in nigeria["explanation"]
