"""The project's settings: `verify.toml`, or `[tool.verify]` in `pyproject.toml`.

Found from the working directory upward, the nearest first (in one folder `verify.toml`
wins). Paths in it are relative to the file. Command-line flags override it; an unknown
key, or a value of the wrong type or out of range, is an error that names the key, so a
typo never passes silently. Values are only ever data: no value is run or evaluated.

    paths = ["articles"]  # what `verify` checks when no path is given
    data = ["../shared/data/wdi", "../shared/data/weo/weo-2025-10.csv"]
    reports = "reports"
    fail_on = ["inaccurate", "misleading"]
    strict = false
    review_blocks = false   # true: a claim held for review blocks by its likeliest reading's verdict
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

import math
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from . import format as fmt
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
    review_blocks: bool = False
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
BOOL_KEYS = {"strict", "charts", "offline", "review_blocks"}
KEYS = {"paths", "data", "fail_on", "format", "author", "review_url", "max_age", "tolerances", "groups",
        "phrases"} | PATH_KEYS | BOOL_KEYS
# Relative tolerances are shares of the value: at 1 (100%) a claim would hold against
# anything from zero to twice it.
RELATIVE_TOLERANCES = {"amount", "hedge"}


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest settings at or above `start`: (file, table)."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate, _read(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _tool_table(_read(pyproject))
            if table is not None:
                return pyproject, table
    return None


def _tool_table(data: dict):
    tool = data.get("tool")
    return tool.get("verify") if isinstance(tool, dict) else None


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
            table = _tool_table(table) or {}
        found = (path, table)
    else:
        found = find_config(start or Path.cwd())
    if found is None:
        return Config()
    return parse_config(*found)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def parse_config(path: Path, table: dict) -> Config:
    """Every value checked for its type and range; a bad one is a ConfigError naming the
    file and the key. Values are data only: paths, names and words, never run or evaluated."""
    where = f"{path}" + (" [tool.verify]" if path.name == "pyproject.toml" else "")

    def refuse(key: str, wanted: str, value) -> ConfigError:
        return ConfigError(f"{where}: '{key}' must be {wanted}, not {fmt.quoted(value)}")

    if not isinstance(table, dict):
        raise ConfigError(f"{where}: the settings must be a table, not {fmt.quoted(table)}")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known: {', '.join(sorted(KEYS))})")
    config = Config(path=path)
    folder = path.parent

    def relative(value, key) -> Path:
        if not fmt.is_line_of_text(value):
            raise refuse(key, "a path written as a string", value)
        return (folder / value).resolve() if not Path(value).is_absolute() else Path(value)

    for key in PATH_KEYS & set(table):
        setattr(config, key, relative(table[key], key))
    for key in BOOL_KEYS & set(table):
        if not isinstance(table[key], bool):
            raise refuse(key, "true or false", table[key])
        setattr(config, key, table[key])
    for key in ("paths", "data"):
        if key in table:
            items = table[key] if isinstance(table[key], list) else [table[key]]
            setattr(config, key, [relative(item, key) for item in items])
    if "fail_on" in table:
        config.fail_on = _fail_on(table["fail_on"], refuse)
    if "format" in table:
        from .console import FORMATS

        if table["format"] not in FORMATS:
            raise refuse("format", f"one of {', '.join(FORMATS)}", table["format"])
        config.format = table["format"]
    if "author" in table:
        if not fmt.is_line_of_text(table["author"]):
            raise refuse("author", "a name on one line", table["author"])
        config.author = table["author"]
    if "review_url" in table:
        config.review_url = _review_url(table["review_url"], refuse)
    if "max_age" in table:
        if not _is_number(table["max_age"]) or table["max_age"] < 0:
            raise refuse("max_age", "a number of days, 0 or more", table["max_age"])
        config.max_age = float(table["max_age"])
    cache_keys = [key for key in ("cache", "max_age", "offline") if key in table and table[key] is not False]
    if config.data and cache_keys:
        raise ConfigError(f"{where}: 'data' reads only the files given; '{cache_keys[0]}' applies to the cache: "
                          "set one or the other")
    config.tolerances = _tolerances(where, table.get("tolerances", {}), refuse)
    config.groups = _groups(where, _table(where, table, "groups"))
    config.phrases = _phrases(where, _table(where, table, "phrases"), refuse)
    return config


def _fail_on(value, refuse) -> str:
    from .gate import parse_fail_on
    from .records import VerdictKind

    wanted = f"verdicts from {', '.join(kind.value for kind in VerdictKind)}, or \"none\""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = ",".join(value)
    elif isinstance(value, str):
        text = value
    else:
        raise refuse("fail_on", wanted, value)
    try:
        parse_fail_on(text)
    except ValueError:
        raise refuse("fail_on", wanted, value) from None
    return text


def _review_url(value, refuse) -> str:
    """Where the reports are published: it goes into every ClaimReview as a link."""
    if value == "":
        return value
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
    except ValueError:  # "http://[oops"
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or fmt.CONTROL.search(value) \
            or " " in value:
        raise refuse("review_url", "an http:// or https:// address", value)
    return value


def _table(where: str, table: dict, key: str) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: '{key}' must be a table, not {fmt.quoted(value)}")
    return value


def _tolerances(where: str, table: dict, refuse) -> Tolerances:
    if not isinstance(table, dict):
        raise refuse("tolerances", "a table", table)
    known = {f.name for f in fields(Tolerances)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key 'tolerances.{unknown[0]}' (known: {', '.join(sorted(known))})")
    for key, value in table.items():
        if key in RELATIVE_TOLERANCES:
            wanted, fits = "a share of the value from 0 to below 1", lambda v: 0 <= v < 1
        elif key == "close_factor":  # below 1, `close` would be narrower than `accurate`
            wanted, fits = "a number, 1 or more", lambda v: v >= 1
        else:
            wanted, fits = "a number, 0 or more", lambda v: v >= 0
        if not _is_number(value) or not fits(value):
            raise refuse(f"tolerances.{key}", wanted, value)
    return Tolerances(**{key: float(value) for key, value in table.items()})


def _groups(where: str, table: dict) -> dict:
    """Country groups, checked as groups.toml's are (geography.group_problem), here so a
    mistake stops the run before any article is read. Messages name the group as
    geography's do: `[key]`."""
    from .geography import group_problem

    for key, entry in table.items():
        problem = (f"expected a table (as [groups.{key}]), not {fmt.quoted(entry)}" if not isinstance(entry, dict)
                   else group_problem(entry))
        if problem:
            raise ConfigError(f"{where}: [{key}]: {problem}")
    return table


def _phrases(where: str, table: dict, refuse) -> dict[str, list[str]]:
    from .catalogue import indicators

    known = indicators()
    for key, phrases in table.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown key 'phrases.{key}': no such indicator (known: {', '.join(known)})")
        if not isinstance(phrases, list) or not all(fmt.is_line_of_text(p) for p in phrases):
            raise refuse(f"phrases.{key}", "a list of words", phrases)
    return table
