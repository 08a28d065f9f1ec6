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


@pytest.fixture(scope="session")
def snapshot_sources():
    """The World Bank and IMF snapshots, opened once for the session."""
    from verifier.fetch import DataSources, open_source

    return DataSources([open_source(WDI), open_source(WEO)])
