"""The IMF DataMapper API (v1), which serves the current World Economic Outlook.

`{endpoint}/{INDICATOR}` answers `{"values": {INDICATOR: {ISO3: {"YEAR": value}}}}` for
every economy and group: one request per series. `{endpoint}/indicators` names the
edition each indicator comes from ("World Economic Outlook (October 2025)") and
`{endpoint}/countries` lists the economies; every other code is a group.

The API publishes values in display units (NGDPD in billions of US$) with no scale
field, so the scale comes from the indicator catalogue. It does not flag staff
estimates year by year; by the WEO's own convention, the edition's year and later are
projections, and reports say so.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

import requests

from . import SOURCE_TITLES, Series
from .cache import Economy, now
from .http import BadAnswer, Network, describe_failure, host, json_number, session

ENDPOINT = "https://www.imf.org/external/datamapper/api/v1"


class ImfDataMapper:
    name = "imf"
    label = SOURCE_TITLES["imf"]

    def __init__(self, endpoint: str = ENDPOINT, network: Network = Network(), scales: Mapping[str, int] | None = None):
        self.endpoint = endpoint.rstrip("/")
        self.network = network
        self.scales = dict(scales or {})  # concept -> power of ten its values are published in
        self.http = session(network)
        self._indicators: dict[str, Any] | None = None

    def _get(self, path: str) -> dict:
        url = f"{self.endpoint}/{path}"
        try:
            response = self.http.get(url, timeout=self.network.timeout)
            response.raise_for_status()
            payload = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise describe_failure(exc, url) from exc
        if not isinstance(payload, dict):
            raise BadAnswer(f"{host(self.endpoint)} sent an unexpected answer for {path}")
        return payload

    def indicators(self) -> dict[str, Any]:
        """The indicator list, which names each one's edition. Asked once per run; without it
        the values are still usable, so a bad answer leaves it empty rather than failing."""
        if self._indicators is None:
            try:
                listed = self._get("indicators").get("indicators")
            except BadAnswer:
                listed = None
            self._indicators = listed if isinstance(listed, dict) else {}
        return self._indicators

    def fetch_series(self, code: str, economies: list[str] | None = None) -> Series:
        """Every year of the series, for every economy and group or for the economies listed."""
        listed = self.indicators()
        if listed and code not in listed:
            raise BadAnswer(f"the IMF DataMapper has no indicator {code}")
        about = listed.get(code) if isinstance(listed.get(code), dict) else {}
        retrieved = now()
        service = host(self.endpoint)
        values = self._get("/".join([code, *(economies or [])])).get("values")
        by_entity = values.get(code) if isinstance(values, dict) else None
        if not isinstance(by_entity, dict) or not by_entity:
            raise BadAnswer(f"{service} returned no values for {code}")
        edition = edition_from_source(about.get("source", ""))
        first_projection = _edition_year(edition)
        note = (f"not flagged: the DataMapper API marks only {first_projection} onwards as projections, "
                "not earlier staff estimates" if first_projection else "not flagged by the DataMapper API")
        series = Series(self.name, edition, code, about.get("label") or code, retrieved=retrieved,
                        origin=f"fetched from {service}", estimate_note=note)
        factor = 10 ** self.scales.get(code, 0)
        for entity, by_year in by_entity.items():
            if not isinstance(by_year, dict):
                raise BadAnswer(f"{service} sent values for {code} in an unexpected shape")
            for year, value in by_year.items():
                number = json_number(value, f"{service}'s value for {code}, {entity} {year}")  # null: no observation
                if number is not None and str(year).isdigit():
                    series.values.setdefault(entity, {})[int(year)] = number * factor
            if first_projection and entity in series.values:
                series.first_estimate[entity] = first_projection
        if not series.values:  # every value null: nothing to replace a cached copy with
            raise BadAnswer(f"{service} returned no values for {code}")
        return series

    def fetch_economies(self) -> list[Economy]:
        countries = self._get("countries").get("countries")
        if not isinstance(countries, dict):
            raise BadAnswer(f"{host(self.endpoint)} sent no country list")
        economies = [Economy(code, _label(code, about), False) for code, about in countries.items()]
        for kind in ("regions", "groups"):
            listed = self._get(kind).get(kind) or {}
            if not isinstance(listed, dict):
                raise BadAnswer(f"{host(self.endpoint)} sent a {kind} list that is not a JSON object")
            economies += [Economy(code, _label(code, about), True) for code, about in listed.items()
                          if code not in countries]
        return economies


def _label(code: str, about) -> str:
    """An economy's name, or its code when the entry has none (or is not an object)."""
    label = about.get("label") if isinstance(about, dict) else None
    return label if isinstance(label, str) and label else code


def edition_from_source(text: str) -> str:
    """"World Economic Outlook (October 2025)" -> "October 2025 edition"."""
    match = re.search(r"\(([A-Z][a-z]+ \d{4})\)", text or "")
    return f"{match.group(1)} edition" if match else (text or "edition not given by the API")


def _edition_year(edition: str) -> int | None:
    match = re.search(r"(\d{4}) edition", edition)
    return int(match.group(1)) if match else None
