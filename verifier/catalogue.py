"""The indicator catalogue: sources/indicators.toml read into typed records.

The catalogue is data an editor maintains; this module only loads and validates it.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

SOURCES_DIR = Path(__file__).resolve().parent.parent / "sources"

MEASURES = {"level", "rate", "ratio"}
UNITS = {"USD", "persons", "percent", "LCU"}


class CatalogueError(Exception):
    pass


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    phrases: tuple[str, ...]
    measure: str  # "level", "rate", "ratio"
    unit: str  # "USD", "persons", "percent"
    world_bank_series: str | None = None
    imf_concept: str | None = None
    imf_scale: int = 0  # powers of ten the IMF publishes the concept in (for APIs without a scale column)
    summable: bool = True
    growth: str | None = None  # for a level: the key of its growth rate
    negative: tuple[str, ...] = ()  # words that make the value negative ("deficit")
    rises_as: tuple[str, ...] = ()  # level phrases whose % change is this rate ("consumer prices")
    label: str = ""  # how a suggested wording names it mid-sentence ("real GDP growth")
    # How near a percentage must be: "points" (rates, the current account's ratio) or
    # "relative" to its size (debt ratios, as amounts are).
    tolerance: str = "points"
    # A rate judged relative to its size beyond this many percent (growth, inflation); None: always in points.
    relative_above: float | None = None
    also: tuple[str, ...] = ()  # keys of indicators the same words may equally mean
    less_natural: tuple[str, ...] = ()  # keys of readings under which a claim would be misleading
    local_currency: str | None = None  # key of the same measure in national currency
    exact_words: tuple[str, ...] = ()  # words that pin this definition, ruling out `also`
    at_ppp: str | None = None  # key of the same measure at purchasing power parity ("GDP per capita (PPP)")

    def series_for(self, source: str) -> str | None:
        return {"world_bank": self.world_bank_series, "imf": self.imf_concept}.get(source)


def load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(f"{path}: {exc}") from exc


def parse_indicators(data: dict, origin: str) -> dict[str, Indicator]:
    known = {"name", "label", "phrases", "measure", "unit", "world_bank", "imf", "summable", "growth", "negative", "rises_as",
             "tolerance", "relative_above", "also", "less_natural", "local_currency", "exact_words", "at_ppp"}
    indicators = {}
    for key, entry in data.items():
        where = f"{origin}: [{key}]"
        if not isinstance(entry, dict):
            raise CatalogueError(f"{where}: expected a table")
        unknown = set(entry) - known
        if unknown:
            raise CatalogueError(f"{where}: unknown key '{sorted(unknown)[0]}'")
        if entry.get("measure") not in MEASURES:
            raise CatalogueError(f"{where}: measure must be one of {sorted(MEASURES)}")
        if entry.get("tolerance", "points") not in ("points", "relative"):
            raise CatalogueError(f"{where}: tolerance must be 'points' or 'relative'")
        if entry.get("unit") not in UNITS:
            raise CatalogueError(f"{where}: unit must be one of {sorted(UNITS)}")
        phrases = entry.get("phrases")
        if not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise CatalogueError(f"{where}: phrases must be a list of words")
        world_bank = entry.get("world_bank", {})
        imf = entry.get("imf", {})
        if not world_bank.get("series") and not imf.get("concept"):
            raise CatalogueError(f"{where}: needs a world_bank series or an imf concept")
        indicators[key] = Indicator(
            key=key,
            name=entry.get("name", key),
            phrases=tuple(phrases),
            measure=entry["measure"],
            unit=entry["unit"],
            world_bank_series=world_bank.get("series"),
            imf_concept=imf.get("concept"),
            imf_scale=int(imf.get("scale", 0)),
            summable=bool(entry.get("summable", True)),
            growth=entry.get("growth"),
            negative=tuple(entry.get("negative", ())),
            rises_as=tuple(p.lower() for p in entry.get("rises_as", ())),
            label=entry.get("label", phrases[0]),
            tolerance=entry.get("tolerance", "points" if entry["measure"] == "rate" else "relative"),
            relative_above=float(entry["relative_above"]) if "relative_above" in entry else None,
            also=tuple(entry.get("also", ())),
            less_natural=tuple(entry.get("less_natural", ())),
            local_currency=entry.get("local_currency"),
            exact_words=tuple(entry.get("exact_words", ())),
            at_ppp=entry.get("at_ppp"),
        )
    for key, indicator in indicators.items():
        if indicator.growth and indicator.growth not in indicators:
            raise CatalogueError(f"{origin}: [{key}]: growth names unknown indicator '{indicator.growth}'")
        if indicator.at_ppp and indicator.at_ppp not in indicators:
            raise CatalogueError(f"{origin}: [{key}]: at_ppp names unknown indicator '{indicator.at_ppp}'")
        for field_name in ("also", "less_natural"):
            for other in getattr(indicator, field_name):
                if other not in indicators:
                    raise CatalogueError(f"{origin}: [{key}]: {field_name} names unknown indicator '{other}'")
        if indicator.local_currency and indicators.get(indicator.local_currency, indicator).unit != "LCU":
            raise CatalogueError(f"{origin}: [{key}]: local_currency must name an indicator in national currency (unit LCU)")
    return indicators


@lru_cache(maxsize=None)
def other_subjects(sources_dir: Path = SOURCES_DIR) -> tuple[str, ...]:
    """Nouns for subjects that are not economies: companies, banks (sources/other_measures.toml)."""
    return tuple(load_toml(sources_dir / "other_measures.toml").get("subjects", ()))


@lru_cache(maxsize=None)
def count_units(sources_dir: Path = SOURCES_DIR) -> tuple[str, ...]:
    """Units of things counted ("tonnes", "barrels"): numbers in them are no claims (sources/other_measures.toml)."""
    return tuple(load_toml(sources_dir / "other_measures.toml").get("units", ()))


@lru_cache(maxsize=None)
def part_words(sources_dir: Path = SOURCES_DIR) -> tuple[str, ...]:
    """Words that make a measure a part's ("coal imports", "food inflation") (sources/other_measures.toml)."""
    return tuple(load_toml(sources_dir / "other_measures.toml").get("parts", ()))


@lru_cache(maxsize=None)
def other_measures(sources_dir: Path = SOURCES_DIR) -> tuple[str, ...]:
    """Words for measures the catalogue does not check (sources/other_measures.toml)."""
    return tuple(load_toml(sources_dir / "other_measures.toml").get("phrases", ()))


@lru_cache(maxsize=None)
def indicators(sources_dir: Path = SOURCES_DIR) -> dict[str, Indicator]:
    path = sources_dir / "indicators.toml"
    found = parse_indicators(load_toml(path), str(path))
    for key, phrases in EXTENSIONS["phrases"].items():
        found[key] = replace(found[key], phrases=found[key].phrases + tuple(phrases))
    return found


# A project's own additions (its verify.toml), on top of sources/: extra phrases by
# indicator key, extra country groups as in groups.toml, and the file they came from.
EXTENSIONS: dict = {"phrases": {}, "groups": {}, "origin": ""}
_REBUILT_ON_EXTEND = [indicators]


def rebuilt_on_extend(cached):
    """Mark a cached function built from the catalogue, to be rebuilt when it is extended."""
    _REBUILT_ON_EXTEND.append(cached)
    return cached


def extend(phrases: dict | None = None, groups: dict | None = None, origin: str = "") -> None:
    """Use a project's extra phrases and groups (nothing: back to sources/ alone)."""
    wanted = {"phrases": phrases or {}, "groups": groups or {}, "origin": origin}
    if wanted == EXTENSIONS:
        return  # the lookups built from them are still right; rebuilding costs half a second
    EXTENSIONS.update(wanted)
    for cached in _REBUILT_ON_EXTEND:
        cached.cache_clear()
