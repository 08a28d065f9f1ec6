"""The World Bank's API v2, through wbgapi, the World Bank's own Python client.

One request batch per series: every economy and every year, paged by wbgapi. The edition
is the database's "last updated" date, which the API reports for World Development
Indicators (source 2).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import requests
import wbgapi

from . import SOURCE_TITLES, Series
from .cache import Economy, now
from .http import BadAnswer, Network, describe_failure, host, json_number, session

ENDPOINT = "https://api.worldbank.org/v2"
WDI = 2  # the World Bank's id for World Development Indicators


class WorldBankApi:
    name = "world_bank"
    label = SOURCE_TITLES["world_bank"]

    def __init__(self, endpoint: str = ENDPOINT, network: Network = Network(), per_page: int = 10_000):
        self.endpoint = endpoint.rstrip("/")
        self.network = network
        # wbgapi follows pages by the per_page the server answers with, so a server that
        # caps the page size is still read to the end.
        self.per_page = per_page
        self.http = session(network)
        self._edition: str | None = None

    @contextmanager
    def _client(self) -> Iterator:
        """wbgapi, pointed at our endpoint, with our timeouts and retrying session.

        wbgapi keeps its settings in module globals and calls `requests.get` itself; for the
        length of a call we set the globals and hand it our session, which has the same `get`.
        It also caches metadata (concepts, economy lists) in module globals, keyed by nothing:
        those are dropped when the endpoint changes and after a failure, which can leave
        them half-filled.
        """
        global _endpoint_cached
        if _endpoint_cached != self.endpoint:
            _forget_wbgapi_metadata()
            _endpoint_cached = self.endpoint
        saved = (wbgapi.endpoint, wbgapi.per_page, wbgapi.get_options, wbgapi.requests)
        wbgapi.endpoint, wbgapi.per_page = self.endpoint, self.per_page
        wbgapi.get_options = {"timeout": self.network.timeout}
        wbgapi.requests = self.http
        try:
            yield wbgapi
        except (requests.RequestException, ValueError) as exc:
            _forget_wbgapi_metadata()
            raise describe_failure(exc, self.endpoint) from exc
        except (wbgapi.APIError, KeyError, TypeError) as exc:
            _forget_wbgapi_metadata()
            raise BadAnswer(f"{host(self.endpoint)}: {_api_message(exc)}") from exc
        finally:
            wbgapi.endpoint, wbgapi.per_page, wbgapi.get_options, wbgapi.requests = saved

    def edition(self) -> str:
        """The database's last-update date; data without it is still data, so a bad answer is noted, not fatal."""
        if self._edition is None:
            try:
                with self._client() as wb:
                    updated = wb.source.get(WDI).get("lastupdated")
            except BadAnswer:
                updated = None
            self._edition = f"last updated {updated}" if updated else "last update date not given by the API"
        return self._edition

    def fetch_series(self, code: str, economies: list[str] | None = None) -> Series:
        """Every year of the series, for every economy or for those listed."""
        edition = self.edition()
        retrieved = now()
        service = host(self.endpoint)
        with self._client() as wb:  # also turns rows without the expected fields into a BadAnswer
            # labels=True: each row names its series, so the title costs no extra request.
            # skipBlanks: nulls are years without an observation.
            rows = list(wb.data.fetch(code, economies or "all", "all", skipBlanks=True, labels=True,
                                      numericTimeKeys=True, db=WDI))
            name = (rows[0]["series"]["value"] if rows else "") or code
            series = Series(self.name, edition, code, name, retrieved=retrieved, origin=f"fetched from {service}")
            for row in rows:
                year, economy = row["time"]["id"], row["economy"]["id"]
                value = json_number(row["value"], f"{service}'s value for {code}, {economy} {year}")
                if isinstance(year, int) and value is not None:
                    series.values.setdefault(economy, {})[year] = value
        if not series.values:
            raise BadAnswer(f"{service} returned no values for {code}")
        return series

    def fetch_economies(self) -> list[Economy]:
        with self._client() as wb:
            return [
                Economy(row["id"], row["value"], bool(row["aggregate"]), row.get("region") or "")
                for row in wb.economy.list(db=WDI)
            ]



_endpoint_cached: str | None = None  # the endpoint wbgapi's module caches were filled from


def _forget_wbgapi_metadata() -> None:
    """Empty wbgapi's module-level metadata caches (wbgapi 1.0 keeps them in these globals)."""
    for module, name, empty in (
        (wbgapi.source, "_concepts", dict), (wbgapi.source, "_metadata_flags", dict),
        (wbgapi.time, "_time_values", dict), (wbgapi, "_concept_mrv_cache", dict),
        (wbgapi.economy, "_localized_metadata", dict), (wbgapi.economy, "_iso2Codes", dict),
        (wbgapi.economy, "_class_data", lambda: None), (wbgapi.economy, "_aggs", lambda: None),
    ):
        if hasattr(module, name):
            setattr(module, name, empty())


def _api_message(exc: Exception) -> str:
    """wbgapi's APIError carries the URL and the API's own message; keep the message."""
    if isinstance(exc, wbgapi.APIResponseError):
        return "sent a response that is not valid World Bank API JSON"
    if isinstance(exc, (KeyError, TypeError)):
        return f"sent a response without the expected fields ({exc})"
    message = str(getattr(exc, "msg", "") or exc)
    if "Invalid value" in message or "not valid" in message:
        return "the API does not know this series"
    if getattr(exc, "code", None):
        return f"HTTP {exc.code} ({message})"
    return message
