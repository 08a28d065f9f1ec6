"""The config file is data: a wrong value is refused with one line that names the file and
the key (exit 2, no traceback), and no value is ever run or evaluated, whatever it holds.

The real command runs against a tiny made-up snapshot, as in test_cli.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.config import KEYS

from .conftest import FIXTURES

GOOD = "Published: 2025-03-01\n\nKazakhstan's economy grew 5.0% in 2024.\n"


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Path:
    """A newsroom folder with one article and a tiny snapshot; the working directory."""
    shutil.copytree(FIXTURES / "growth-wdi", tmp_path / "wdi")
    folder = tmp_path / "desk"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "one.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def verify(desk: Path, *args: str) -> int:
    return main([*args, "--no-charts", "--today", "2026-11-25"])


GROUP = '[groups.pair]\nnames = ["Pair"]\nmembers = ["KAZ"]\n'

# (what verify.toml says, what the one error line must say). Every key has a case.
BAD_VALUES = [
    ("paths = 5", "'paths' must be a path written as a string, not 5"),
    ('paths = ["articles", ""]', "'paths' must be a path written as a string, not ''"),
    ("data = [1]", "'data' must be a path written as a string, not 1"),
    ("reports = 7", "'reports' must be a path written as a string, not 7"),
    ('reports = "out\\u0000put"', "'reports' must be a path written as a string, not 'out\\x00put'"),
    ("signoff = true", "'signoff' must be a path written as a string, not True"),
    ("claimreview = []", "'claimreview' must be a path written as a string, not []"),
    ("cache = {}", "'cache' must be a path written as a string, not {}"),
    ('strict = "yes"', "'strict' must be true or false, not 'yes'"),
    ("charts = 1", "'charts' must be true or false, not 1"),
    ('offline = "false"', "'offline' must be true or false, not 'false'"),
    ('fail_on = ["inaccurate", "wrong"]', ("'fail_on' must be verdicts from accurate, close, misleading, inaccurate, "
                                           "unverifiable, or \"none\", not ['inaccurate', 'wrong']")),
    ('fail_on = ""', "'fail_on' must be verdicts from"),
    ("fail_on = 3", "'fail_on' must be verdicts from"),
    ('format = "xml"', "'format' must be one of text, json, github, markdown, not 'xml'"),
    ("format = 1", "'format' must be one of"),
    ('author = ""', "'author' must be a name on one line, not ''"),
    ('author = "Desk\\nFake line"', "'author' must be a name on one line, not 'Desk\\nFake line'"),
    ("author = 5", "'author' must be a name on one line, not 5"),
    ('review_url = "javascript:alert(1)"', ("'review_url' must be an http:// or https:// address, not "
                                            "'javascript:alert(1)'")),
    ('review_url = "example.org/checks"', "'review_url' must be an http:// or https:// address"),
    ('review_url = "http://[oops"', "'review_url' must be an http:// or https:// address"),
    ('max_age = "7"', "'max_age' must be a number of days, 0 or more, not '7'"),
    ("max_age = -1", "'max_age' must be a number of days, 0 or more, not -1"),
    ("max_age = nan", "'max_age' must be a number of days, 0 or more, not nan"),
    ("max_age = 2026-01-01", "'max_age' must be a number of days, 0 or more, not 2026-01-01"),
    ("max_age = true", "'max_age' must be a number of days, 0 or more, not True"),
    ('review_blocks = "yes"', "'review_blocks' must be true or false, not 'yes'"),
    ("tolerances = 3", "'tolerances' must be a table, not 3"),
    ("[tolerances]\nhedge = -0.1", "'tolerances.hedge' must be a share of the value from 0 to below 1, not -0.1"),
    ('[tolerances]\nhedge = "0.1"', "'tolerances.hedge' must be a share of the value from 0 to below 1, not '0.1'"),
    ("[tolerances]\namount = 1.5", "'tolerances.amount' must be a share of the value from 0 to below 1, not 1.5"),
    ("[tolerances]\namount = true", "'tolerances.amount' must be a share"),
    ("[tolerances]\nrate_points = inf", "'tolerances.rate_points' must be a number, 0 or more, not inf"),
    ("[tolerances]\nclose_factor = 0.5", "'tolerances.close_factor' must be a number, 1 or more, not 0.5"),
    ("[tolerances]\nhedging = 0.2", "unknown key 'tolerances.hedging'"),
    ('groups = "pair"', "'groups' must be a table, not 'pair'"),
    ("[groups]\npair = 5", "[pair]: expected a table (as [groups.pair]), not 5"),
    ('[groups.pair]\nmembers = ["KAZ"]', "[pair]: names must be a list of the names the group goes by, not None"),
    ('[groups.pair]\nnames = "Pair"', "[pair]: names must be a list of the names the group goes by, not 'Pair'"),
    ('[groups.pair]\nnames = ["Pair", 2]', "[pair]: names must be a list"),
    ('[groups.pair]\nnames = ["Pair"]\nmembers = ["Kazakhstan"]', ("[pair]: members must be ISO alpha-3 codes, "
                                                                   "not 'Kazakhstan'")),
    ('[groups.pair]\nnames = ["Pair"]\nmembers = "KAZ"', "[pair]: members must be a list of ISO alpha-3 codes"),
    ('[groups.pair]\nnames = ["Pair"]\ncountry_converter = 7', "[pair]: country_converter must be a string, not 7"),
    ('[groups.pair]\nnames = ["Pair"]\nall_economies = "yes"', "[pair]: all_economies must be true or false"),
    ('[groups.pair]\nnames = ["Pair"]\naggregate = { world_bank = 5 }', "[pair]: aggregate must map sources to codes"),
    ('[groups.pair]\nnames = ["Pair"]\ncolour = "red"', "[pair]: unknown key 'colour'"),
    ('phrases = ["x"]', "'phrases' must be a table, not ['x']"),
    ('[phrases]\ngdp_growth = "economic expansion"', ("'phrases.gdp_growth' must be a list of words, not "
                                                      "'economic expansion'")),
    ('[phrases]\ngdp_growth = ["  "]', "'phrases.gdp_growth' must be a list of words"),
    ('[phrases]\nhappiness = ["joy"]', "unknown key 'phrases.happiness': no such indicator"),
    ('fail_onn = ["close"]', "unknown key 'fail_onn'"),
    ("paths = [", "cannot read (Invalid"),  # not TOML at all: the parser's message, on one line
]


def test_every_key_has_a_bad_value_case():
    assert {key for key in KEYS if not any(toml.lstrip("[").startswith(key) for toml, _ in BAD_VALUES)} == set()


@pytest.mark.parametrize("toml, message", BAD_VALUES, ids=[toml.replace("\n", " ") for toml, _ in BAD_VALUES])
def test_a_bad_value_is_one_line_naming_the_file_and_the_key(desk, toml, message, capsys):
    (desk / "verify.toml").write_text(toml + "\n", encoding="utf-8")
    assert verify(desk, "articles", "--data", str(desk.parent / "wdi"), "--reports", "reports") == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"verify: {desk / 'verify.toml'}: ")
    assert message in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert not (desk / "reports").exists()  # refused before any article was checked


def test_a_bad_value_in_pyproject_names_the_tool_verify_table(desk, capsys):
    (desk / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.verify]\nstrict = "yes"\n', encoding="utf-8")
    assert verify(desk, "articles", "--data", str(desk.parent / "wdi")) == 2
    assert capsys.readouterr().err == f"verify: {desk / 'pyproject.toml'} [tool.verify]: 'strict' must be true or " \
                                      "false, not 'yes'\n"
    (desk / "pyproject.toml").write_text("[tool]\nverify = 5\n", encoding="utf-8")
    assert verify(desk, "articles", "--data", str(desk.parent / "wdi")) == 2
    assert "[tool.verify]: the settings must be a table, not 5" in capsys.readouterr().err


def test_local_data_and_the_cache_exclude_each_other_and_flags_win(desk, capsys):
    wdi = desk.parent / "wdi"
    (desk / "verify.toml").write_text(f'data = ["{wdi}"]\nmax_age = 3\n', encoding="utf-8")
    assert verify(desk, "articles") == 2
    assert capsys.readouterr().err == (f"verify: {desk / 'verify.toml'}: 'data' reads only the files given; 'max_age' "
                                       "applies to the cache: set one or the other\n")
    # The config's cache settings give way to --data on the command line, not a conflict.
    (desk / "verify.toml").write_text('cache = "pinned.sqlite"\noffline = true\nmax_age = 3\n', encoding="utf-8")
    assert verify(desk, "articles", "--data", str(wdi), "--reports", "reports") == 0
    assert "“5.0%” accurate" in capsys.readouterr().out


# --- nothing in the config is ever run ----------------------------------------------------

# What a shell, Python's eval or str.format would act on. Run, each would leave a file
# called `pwned` (in the working directory, or beside the test's folders).
PAYLOADS = [
    "$(touch pwned)",
    "`touch pwned`",
    "; touch pwned #",
    "__import__('os').system('touch pwned')",
    "{0.__class__}",
    "%(pwned)s {pwned!r}",
]
# (key, the config line with the payload as VALUE, the flags to run with)
DATA = "--data={wdi}"
STRING_KEYS = [
    ("paths", "paths = [VALUE]", []),
    ("data", "data = [VALUE]", ["articles"]),
    ("reports", "reports = VALUE", ["articles", DATA]),
    ("signoff", "signoff = VALUE", ["articles", DATA]),
    ("claimreview", "claimreview = VALUE", ["articles", DATA]),
    ("cache", "cache = VALUE\noffline = true", ["articles"]),
    ("fail_on", "fail_on = VALUE", ["articles", DATA]),
    ("format", "format = VALUE", ["articles", DATA]),
    ("author", 'author = VALUE\nclaimreview = "reviews"', ["articles", DATA]),
    ("review_url", 'review_url = VALUE\nclaimreview = "reviews"', ["articles", DATA]),
    ("max_age", "max_age = VALUE", ["articles"]),
    ("tolerances.hedge", "[tolerances]\nhedge = VALUE", ["articles", DATA]),
    ("groups.names", '[groups.pair]\nnames = ["Pair", VALUE]\nmembers = ["KAZ"]', ["articles", DATA]),
    ("groups.members", '[groups.pair]\nnames = ["Pair"]\nmembers = [VALUE]', ["articles", DATA]),
    ("groups.country_converter", '[groups.pair]\nnames = ["Pair"]\ncountry_converter = VALUE', ["articles", DATA]),
    ("phrases", "[phrases]\ngdp_growth = [VALUE]", ["articles", DATA]),
]


def _toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a TOML basic string


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("key, line, flags", STRING_KEYS, ids=[key for key, _, _ in STRING_KEYS])
def test_no_config_value_is_executed_or_evaluated(desk, key, line, flags, payload, capsys):
    (desk / "verify.toml").write_text(line.replace("VALUE", _toml_string(payload)) + "\n", encoding="utf-8")
    args = [flag.format(wdi=desk.parent / "wdi") for flag in flags]
    code = verify(desk, *args, "--json", "out.json", "--reports", "reports")
    captured = capsys.readouterr()
    assert not list(desk.parent.rglob("pwned*"))  # no shell, no eval, no os.system ran
    written = "".join(p.read_text(encoding="utf-8") for p in desk.rglob("*") if p.is_file() and p.suffix != ".csv")
    for output in (captured.out, captured.err, written):
        assert "<class" not in output and "Traceback" not in output  # no format string was filled in
    assert code in (0, 1, 2)
    if code == 2:
        # Refused naming the key, or used as the plain text it is (a path that is not there).
        assert key.split(".")[0] in captured.err or payload in captured.err or "[pair]" in captured.err


def test_string_values_are_used_as_plain_text(desk, capsys):
    payload = "{0.__class__} $(touch pwned)"
    (desk / "verify.toml").write_text(
        f'author = {_toml_string(payload)}\nclaimreview = {_toml_string(payload)}\n'
        f'reports = {_toml_string(payload + " reports")}\n', encoding="utf-8")
    assert verify(desk, "articles", "--data", str(desk.parent / "wdi")) == 0
    review = json.loads((desk / payload / "one-claim-1.jsonld").read_text(encoding="utf-8"))
    assert review["author"]["name"] == payload
    assert (desk / f"{payload} reports" / "index.md").is_file()
    assert not list(desk.parent.rglob("pwned*"))
