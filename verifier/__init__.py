"""verifier: checks the numeric claims in news articles against World Bank and IMF data."""

__version__ = "0.1.0"
