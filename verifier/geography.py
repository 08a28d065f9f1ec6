"""Places: finding country and group names in text, and turning them into codes.

Country names come from the country_converter library (short and official names, and
its regular expressions for resolving a name), with demonyms and short forms from
sources/demonyms.toml. Groups come from sources/groups.toml and the UN regions that
country_converter knows.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .catalogue import (
    EXTENSIONS,
    SOURCES_DIR,
    CatalogueError,
    load_toml,
    rebuilt_on_extend,
)
from . import format as fmt
from .patterns import trie_alternation

# Institutions whose names contain place words ("World Bank"): masked before places are
# looked for, so "World Bank data" is not read as a claim about the world.
INSTITUTIONS = re.compile(
    r"\b(?:World Bank|World Economic Outlook|World Trade Organi[sz]ation|World Economic Forum"
    r"|International Monetary Fund|United Nations|Asian Development Bank|European Central Bank"
    r"|African Development Bank|European Bank for Reconstruction and Development)\b"
)
GROUP_KEYS = {"names", "members", "country_converter", "country_converter_value", "aggregate", "all_economies"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "country" or "group"
    code: str  # ISO alpha-3 for a country, group key for a group


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    members: tuple[str, ...]
    aggregate: dict[str, tuple[str, ...]]  # source name -> the group's own codes in that source's data
    names: tuple[str, ...] = ()  # every name the group goes by in text
    all_economies: bool = False  # the world: every economy in a source's data


_UNKNOWN = "?"


# Currencies named after a country are not mentions of it: "measured in U.S. dollars".
CURRENCY_NAMES = re.compile(
    r"(?:\bU\.S\.|\bUS|\bUnited States|\bHong Kong|\bSingapore|\bNew Zealand|\bTaiwan|\bEast Caribbean)"
    r"\s?(?:\$|dollars?\b)|\bUS\$|\bU\.S\.\$"
)


def _mask(text: str) -> str:
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - keeps every offset in place
    return CURRENCY_NAMES.sub(blank, INSTITUTIONS.sub(blank, text))


# Word boundaries that also work for names ending in a dot ("U.S."), and let a possessive
# follow ("Kazakhstan's"). The opening one is written once, before all the name lists:
# inside a word it then fails once, not once per list.
NAME_OPENS = r"(?<![\w.])"


def _name_pattern(names: list[str]) -> str:
    return rf"(?:{trie_alternation(names)})(?![\w])"


class Geography:
    def __init__(self, sources_dir: Path = SOURCES_DIR):
        self.sources_dir = sources_dir

    @cached_property
    def _converter(self):
        import country_converter as coco

        # country_converter logs a warning for every name it cannot match.
        logging.getLogger("country_converter").setLevel(logging.ERROR)
        return coco.CountryConverter()

    @cached_property
    def _country_names(self) -> dict[str, str]:
        """Every name a country goes by -> ISO alpha-3."""
        names: dict[str, str] = {}
        data = self._converter.data
        for row in data[["ISO3", "name_short", "name_official"]].itertuples(index=False):
            for name in (row.name_short, row.name_official):
                if isinstance(name, str) and name:
                    names.setdefault(name, row.ISO3)
                    if name.startswith("The "):
                        names.setdefault(name[4:], row.ISO3)
        for code, aliases in load_toml(self.sources_dir / "demonyms.toml").items():
            for alias in aliases:
                names[alias] = code
        # Letterheads and headlines in capitals: "KINGDOM OF MOROCCO". Short codes ("US",
        # "UK") are capitals already; only names of five letters or more are added.
        for name, code in list(names.items()):
            if len(name) >= 5 and name != name.upper():
                names.setdefault(name.upper(), code)
        return names

    @cached_property
    def groups(self) -> dict[str, Group]:
        path = self.sources_dir / "groups.toml"
        data = self._converter.data
        groups: dict[str, Group] = {}
        for region in sorted(data["UNregion"].dropna().unique()):
            key = re.sub(r"\W+", "_", region.lower())
            members = tuple(data.loc[data["UNregion"] == region, "ISO3"])
            groups[key] = Group(key, region, members, {}, (region,))
        extra = [(EXTENSIONS["origin"], key, entry) for key, entry in EXTENSIONS["groups"].items()]
        for origin, key, entry in [(str(path), key, entry) for key, entry in load_toml(path).items()] + extra:
            problem = "expected a table" if not isinstance(entry, dict) else group_problem(entry)
            if problem:
                raise CatalogueError(f"{origin}: [{key}]: {problem}")
            members: tuple[str, ...] = tuple(entry.get("members", ()))
            column = entry.get("country_converter")
            if column:
                if column not in data.columns:
                    raise CatalogueError(f"{origin}: [{key}]: country_converter has no column '{column}'")
                selected = data[column].notna()
                if "country_converter_value" in entry:
                    selected &= data[column] == entry["country_converter_value"]
                members = tuple(data.loc[selected, "ISO3"])
            groups[key] = Group(
                key, entry["names"][0], members, _aggregate_codes(entry.get("aggregate", {})), tuple(entry["names"]),
                bool(entry.get("all_economies", False)),
            )
        return groups

    @cached_property
    def _group_names(self) -> dict[str, str]:
        """Every name a group goes by -> group key."""
        return {name: key for key, group in self.groups.items() for name in group.names}

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        countries = _name_pattern(list(self._country_names))
        capitalised = [n for n in self._group_names if n != n.lower()]
        lowercase = [n for n in self._group_names if n == n.lower()]
        groups = _name_pattern(capitalised)
        groups_any_case = _name_pattern(lowercase)
        return re.compile(
            rf"{NAME_OPENS}(?:(?P<group>{groups})|(?P<country>{countries})|(?P<group_lower>(?i:{groups_any_case})))"
        )

    def mentions(self, text: str) -> list[Mention]:
        """Country and group names in `text`, in order."""
        found = []
        for match in self._pattern.finditer(_mask(text)):
            surface = match.group(0)
            if match.lastgroup == "country":
                found.append(Mention(match.start(), match.end(), surface, "country", self._country_names[surface]))
            else:
                key = self._group_names.get(surface) or self._group_names[surface.lower()]
                found.append(Mention(match.start(), match.end(), surface, "group", key))
        return found

    def country_code(self, name: str) -> str | None:
        """ISO alpha-3 for a country name, alias or demonym; None if unknown."""
        if name in self._country_names:
            return self._country_names[name]
        if name not in self._converted:
            # not_found=None (or any false value) would hand back the name itself.
            code = self._converter.convert(name, to="ISO3", not_found=_UNKNOWN)
            self._converted[name] = code if isinstance(code, str) and code != _UNKNOWN else None
        return self._converted[name]

    def country_name(self, code: str) -> str:
        return self._short_names.get(code, code)

    @cached_property
    def _converted(self) -> dict[str, str | None]:
        """Names country_converter was asked about: it takes milliseconds a call."""
        return {}

    @cached_property
    def _short_names(self) -> dict[str, str]:
        """ISO alpha-3 -> the short name, read once from country_converter's table."""
        data = self._converter.data
        return {row.ISO3: row.name_short for row in data[["ISO3", "name_short"]].itertuples(index=False)
                if isinstance(row.ISO3, str) and isinstance(row.name_short, str)}

    @cached_property
    def peoples(self) -> dict[str, str]:
        """A nation's people in the plural -> ISO alpha-3: "Indonesians", "Kazakhs"."""
        plurals = {}
        for code, aliases in load_toml(self.sources_dir / "demonyms.toml").items():
            for alias in aliases:
                if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", alias) and alias.endswith(("an", "i", "h", "k", "z")) \
                        and not alias.endswith(("sh", "ch")):  # "the British", "the French"
                    plurals[alias + ("" if alias.endswith("z") else "s")] = code
        return plurals

    def currency_country(self, currency: str) -> str | None:
        """The one country whose money an ISO 4217 code names ("KZT" -> KAZ): by the
        standard, its first two letters are the ISO alpha-2 code. Shared and supranational
        currencies (EUR, XOF, ...) and the dollar, which every article quotes, have none."""
        if currency in ("USD", "EUR") or currency.startswith("X"):
            return None
        code = self._converter.convert(currency[:2], src="ISO2", to="ISO3", not_found=_UNKNOWN)
        return code if isinstance(code, str) and code != _UNKNOWN else None

    def group_key(self, name: str) -> str | None:
        return self._group_names.get(name) or self._group_names.get(name.lower())


@rebuilt_on_extend
@lru_cache(maxsize=None)
def geography(sources_dir: Path = SOURCES_DIR) -> Geography:
    return Geography(sources_dir)


def group_problem(entry: dict) -> str | None:
    """What is wrong with a group's table (in groups.toml or a project's config), or None."""
    unknown = sorted(set(entry) - GROUP_KEYS)
    if unknown:
        return f"unknown key '{unknown[0]}' (known: {', '.join(sorted(GROUP_KEYS))})"
    names = entry.get("names")
    if not isinstance(names, list) or not names or not all(fmt.is_line_of_text(name) for name in names):
        return f"names must be a list of the names the group goes by, not {fmt.quoted(names)}"
    members = entry.get("members", [])
    if not isinstance(members, list):
        return f"members must be a list of ISO alpha-3 codes, not {fmt.quoted(members)}"
    wrong = [m for m in members if not isinstance(m, str) or not re.fullmatch(r"[A-Z]{3}", m)]
    if wrong:
        return f"members must be ISO alpha-3 codes, not {fmt.quoted(wrong[0])}"
    for name in ("country_converter", "country_converter_value"):
        if name in entry and not fmt.is_line_of_text(entry[name]):
            return f"{name} must be a string, not {fmt.quoted(entry[name])}"
    aggregate = entry.get("aggregate", {})
    if not isinstance(aggregate, dict) or not all(
            fmt.is_line_of_text(codes) or (isinstance(codes, list) and codes and all(map(fmt.is_line_of_text, codes)))
            for codes in aggregate.values()):
        return f'aggregate must map sources to codes, as {{ world_bank = "WLD" }}, not {fmt.quoted(aggregate)}'
    if not isinstance(entry.get("all_economies", False), bool):
        return f"all_economies must be true or false, not {fmt.quoted(entry['all_economies'])}"
    return None


def _aggregate_codes(table: dict) -> dict[str, tuple[str, ...]]:
    """{"imf": "G001"} or {"imf": ["G001", "WEOWORLD"]}: a source's data files and API may code a group differently."""
    return {source: (codes,) if isinstance(codes, str) else tuple(codes) for source, codes in table.items()}
