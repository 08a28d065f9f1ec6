"""Shared fixtures. Tests that need the data snapshots read them from ../shared."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
WDI = SHARED / "data" / "wdi"
WEO = SHARED / "data" / "weo" / "weo-2025-10.csv"
SHARED_SEEDS = SHARED / "seeds"

_missing = not (WDI.is_dir() and WEO.is_file() and SHARED_SEEDS.is_dir())
if _missing and os.environ.get("CI"):
    raise RuntimeError(f"CI must have the shared data beside the project: {SHARED} is missing or incomplete")

requires_shared = pytest.mark.skipif(
    _missing,
    reason=f"needs the shared data snapshots and seed article at {SHARED} (../shared beside the project)",
)


FIXTURES = PROJECT / "tests" / "fixtures"


@pytest.fixture
def tiny() -> Path:
    """A made-up World Bank snapshot of GDP growth for two countries, 2023-2024
    (tests/fixtures/growth-wdi): tests that use it need no shared data."""
    return FIXTURES / "growth-wdi"


@pytest.fixture(scope="session")
def snapshot_sources():
    """The World Bank and IMF snapshots, opened once for the session."""
    from verifier.fetch import DataSources, open_source

    return DataSources([open_source(WDI), open_source(WEO)])


@pytest.fixture(autouse=True)
def no_network_and_a_private_cache(monkeypatch, tmp_path):
    """Tests never reach the real APIs or the user's cache: a test that forgets to point
    the live sources at the local fake gets a refused connection on 127.0.0.1, not the internet."""
    monkeypatch.setenv("VERIFY_WORLD_BANK_API", "http://127.0.0.1:9/v2")
    monkeypatch.setenv("VERIFY_IMF_API", "http://127.0.0.1:9/api/v1")
    monkeypatch.setenv("VERIFY_RETRIES", "0")
    monkeypatch.setenv("VERIFY_CACHE", str(tmp_path / "default-cache.sqlite"))
    monkeypatch.delenv("VERIFY_DATA", raising=False)
    monkeypatch.delenv("VERIFY_MAX_AGE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield
    # A test's verify.toml may add phrases and groups: the next test starts from sources/ alone.
    from verifier.catalogue import EXTENSIONS, extend

    if EXTENSIONS["phrases"] or EXTENSIONS["groups"]:
        extend()
