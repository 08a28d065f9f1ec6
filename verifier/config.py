"""The project's settings: `verify.toml`, or `[tool.verify]` in `pyproject.toml`.

Found from the working directory upward, the nearest first (in one folder `verify.toml`
wins). Paths in it are relative to the file. Command-line flags override it; an unknown
key is an error that names the key, so a typo never passes silently.

    paths = ["articles"]  # what `verify` checks when no path is given
    data = ["../shared/data/wdi", "../shared/data/weo/weo-2025-10.csv"]
    reports = "reports"
    fail_on = ["inaccurate", "misleading"]
    strict = false
    signoff = "verify-signoff.toml"
    author = "Example News fact desk"     # ClaimReview author
    review_url = "https://example.org/checks"  # where the reports are published

    [tolerances]          # how near the data a number must be (see check.Tolerances)
    hedge = 0.10

    [groups.visegrad]     # extra country groups, as in sources/groups.toml
    names = ["Visegrad Group", "Visegrad countries"]
    members = ["CZE", "HUN", "POL", "SVK"]

    [phrases]             # extra words for catalogue indicators
    gdp_growth = ["economic expansion"]
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .check import Tolerances

CONFIG_FILE = "verify.toml"


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    path: Path | None = None  # where the settings came from; None: no file
    paths: list[Path] = field(default_factory=list)
    data: list[Path] = field(default_factory=list)
    reports: Path | None = None
    fail_on: str | None = None
    strict: bool = False
    format: str | None = None
    signoff: Path | None = None
    claimreview: Path | None = None
    author: str = "verifier"
    review_url: str = ""
    charts: bool = True
    cache: Path | None = None
    offline: bool = False
    max_age: float | None = None
    tolerances: Tolerances = field(default_factory=Tolerances)
    groups: dict = field(default_factory=dict)
    phrases: dict[str, list[str]] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


PATH_KEYS = {"reports", "signoff", "claimreview", "cache"}
BOOL_KEYS = {"strict", "charts", "offline"}
STRING_KEYS = {"fail_on", "format", "author", "review_url"}
KEYS = {"paths", "data", "max_age", "tolerances", "groups", "phrases"} | STRING_KEYS | PATH_KEYS | BOOL_KEYS


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest settings at or above `start`: (file, table)."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate, _read(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("verify")
            if table is not None:
                return pyproject, table
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc


def load_config(start: Path | None = None, path: Path | None = None) -> Config:
    """The settings for a run: from `path` if given, else the nearest file; defaults without one."""
    if path is not None:
        table = _read(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("verify", {})
        found = (path, table)
    else:
        found = find_config(start or Path.cwd())
    if found is None:
        return Config()
    return parse_config(*found)


def parse_config(path: Path, table: dict) -> Config:
    where = f"{path}" + (" [tool.verify]" if path.name == "pyproject.toml" else "")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known: {', '.join(sorted(KEYS))})")
    config = Config(path=path)
    folder = path.parent

    def relative(value, key) -> Path:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: '{key}' must be a path written as a string")
        return (folder / value).resolve() if not Path(value).is_absolute() else Path(value)

    for key in PATH_KEYS & set(table):
        setattr(config, key, relative(table[key], key))
    for key in BOOL_KEYS & set(table):
        if not isinstance(table[key], bool):
            raise ConfigError(f"{where}: '{key}' must be true or false")
        setattr(config, key, table[key])
    for key in ("paths", "data"):
        if key in table:
            items = table[key] if isinstance(table[key], list) else [table[key]]
            setattr(config, key, [relative(item, key) for item in items])
    if isinstance(table.get("fail_on"), list) and all(isinstance(v, str) for v in table["fail_on"]):
        table = {**table, "fail_on": ",".join(table["fail_on"])}
    for key in STRING_KEYS & set(table):
        if not isinstance(table[key], str):
            raise ConfigError(f"{where}: '{key}' must be a string")
        setattr(config, key, table[key])
    if "max_age" in table:
        if not isinstance(table["max_age"], (int, float)) or isinstance(table["max_age"], bool):
            raise ConfigError(f"{where}: 'max_age' must be a number of days")
        config.max_age = float(table["max_age"])
    config.tolerances = _tolerances(where, table.get("tolerances", {}))
    config.groups = _table(where, table, "groups")
    config.phrases = _phrases(where, _table(where, table, "phrases"))
    return config


def _table(where: str, table: dict, key: str) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: '{key}' must be a table")
    return value


def _tolerances(where: str, table: dict) -> Tolerances:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: 'tolerances' must be a table")
    known = {f.name for f in fields(Tolerances)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key 'tolerances.{unknown[0]}' (known: {', '.join(sorted(known))})")
    for key, value in table.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"{where}: 'tolerances.{key}' must be a number of at least 0")
    return Tolerances(**{key: float(value) for key, value in table.items()})


def _phrases(where: str, table: dict) -> dict[str, list[str]]:
    from .catalogue import indicators

    known = indicators()
    for key, phrases in table.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown key 'phrases.{key}': no such indicator (known: {', '.join(known)})")
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise ConfigError(f"{where}: 'phrases.{key}' must be a list of words")
    return table
