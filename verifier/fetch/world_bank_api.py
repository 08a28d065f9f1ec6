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

from . import Series
from .cache import Economy, now
from .http import BadAnswer, Network, describe_failure, host, session

ENDPOINT = "https://api.worldbank.org/v2"
WDI = 2  # the World Bank's id for World Development Indicators


class WorldBankApi:
    name = "world_bank"
    label = "World Bank, World Development Indicators"

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
        """
        saved = (wbgapi.endpoint, wbgapi.per_page, wbgapi.get_options, wbgapi.requests)
        wbgapi.endpoint, wbgapi.per_page = self.endpoint, self.per_page
        wbgapi.get_options = {"timeout": self.network.timeout}
        wbgapi.requests = self.http
        try:
            yield wbgapi
        except (requests.RequestException, ValueError) as exc:
            raise describe_failure(exc, self.endpoint) from exc
        except wbgapi.APIError as exc:
            raise BadAnswer(f"{host(self.endpoint)}: {_api_message(exc)}") from exc
        finally:
            wbgapi.endpoint, wbgapi.per_page, wbgapi.get_options, wbgapi.requests = saved

    def edition(self) -> str:
        if self._edition is None:
            with self._client() as wb:
                updated = wb.source.get(WDI).get("lastupdated")
            self._edition = f"last updated {updated}" if updated else "last update date not given by the API"
        return self._edition

    def fetch_series(self, code: str, economies: list[str] | None = None) -> Series:
        """Every year of the series, for every economy or for those listed."""
        edition = self.edition()
        retrieved = now()
        with self._client() as wb:
            # labels=True: each row names its series, so the title costs no extra request.
            rows = list(wb.data.fetch(code, economies or "all", "all", skipBlanks=True, labels=True,
                                      numericTimeKeys=True, db=WDI))
        if not rows:
            raise BadAnswer(f"{host(self.endpoint)} returned no values for {code}")
        name = rows[0]["series"]["value"] or code
        series = Series(self.name, edition, code, name, retrieved=retrieved, origin=f"fetched from {host(self.endpoint)}")
        for row in rows:
            year = row["time"]["id"]
            if isinstance(year, int):
                series.values.setdefault(row["economy"]["id"], {})[year] = float(row["value"])
        return series

    def fetch_economies(self) -> list[Economy]:
        with self._client() as wb:
            return [
                Economy(row["id"], row["value"], bool(row["aggregate"]), row.get("region") or "")
                for row in wb.economy.list(db=WDI)
            ]



def _api_message(exc: Exception) -> str:
    """wbgapi's APIError carries the URL and the API's own message; keep the message."""
    if isinstance(exc, wbgapi.APIResponseError):
        return "sent a response that is not valid World Bank API JSON"
    message = str(getattr(exc, "msg", "") or exc)
    if "Invalid value" in message or "not valid" in message:
        return "the API does not know this series"
    if getattr(exc, "code", None):
        return f"HTTP {exc.code} ({message})"
    return message
