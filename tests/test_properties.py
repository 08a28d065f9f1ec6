"""Properties of reading numbers and claims, over random and adversarial text.

- Extraction never raises, whatever the text: `find_quantities` (every number) and the
  path `verify extract` takes (parse_document, then extract_claims); what it finds points
  back into the text.
- Extraction time grows linearly: text 8 times longer takes at most ~8 times as long
  (bounded at 24 times, medians of three, so a busy machine does not fail it). This is a
  test of complexity, not of speed: a regular expression that backtracks quadratically
  turns a 5 MB article into hours.

Hypothesis runs derandomized (the `ci` profile) so every run tries the same examples;
HYPOTHESIS_PROFILE=dev explores new ones. The vocabulary below is shared with the fuzz
campaign (benchmarks/fuzz.py).
"""
from __future__ import annotations

import importlib.util
import math
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.check import Tolerances, check
from verifier.extract import extract_claims
from verifier.pipeline import series_needed
from verifier.quantities import find_quantities
from verifier.read import parse_document
from verifier.resolve import resolve

from .conftest import PROJECT, requires_shared

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TODAY = date(2026, 11, 25)

# --- the vocabulary of adversarial text --------------------------------------------------

DIGITS = "0123456789"
# Digits that are not ASCII but that str.isdigit() and \d accept.
UNICODE_DIGITS = "٠١٢٣٤٥٦٧٨٩۳३৩๓３𝟑"
SPACES = [" ", "\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\n", "\n\n", "\u2028", "\u200b", "\r"]
SEPARATORS = [",", ".", "'", "’", "_", "-", "–", "—", "−", "/", ":", ";", "·"]
SIGNS = ["$", "US$", "€", "£", "¥", "₸", "₦", "KZT", "USD", "usd", "KSh", "KSH", "Rp", "RP", "%", "‰", "+", "±", "~",
         "≈", "<", ">", "°"]
BRACKETS = ["(", ")", "[", "]", "{", "}", "«", "»", "“", "”"]
WORDS = [
    "percent", "per cent", "percentage points", "pp", "pct", "billion", "bn", "trillion", "tn", "million", "mln",
    "m", "k", "thousand", "hundred", "twenty-five", "five", "a third of", "two-thirds of", "half of", "twice",
    "three times", "as large as", "doubled", "halved", "top", "largest", "third-largest", "fastest-growing",
    "the 10 fastest-growing", "between", "and", "to", "from", "about", "nearly", "more than", "GDP", "grew",
    "contracted", "economy", "inflation", "exports", "debt", "of GDP", "Kazakhstan", "Uzbekistan's", "Central Asia",
    "the EU", "in 2024", "since 1991", "since independence", "over the past 25 years", "in the first quarter",
    "according to the IMF", "World Bank data show", "ranks", "st", "th", "place", "It grew", "The", "İstanbul",
    "ß", "ﬁ",
]
MARKUP = ["# ", "## ", "---\n", "```", "`", "|", "**", "_", "<!--", "-->", "<!-- verify: ignore -->",
          '<!-- verify: accept "checked" -->', "<script>", "[x](javascript:alert(1))", "Published: ", "ASTANA, May 5."]
TOKENS = list(DIGITS) + SPACES + SEPARATORS + SIGNS + BRACKETS + WORDS + MARKUP
# Long runs: the shapes that make regular expressions backtrack.
RUNS = ["9", "1,", "1.", "9 ", " ", "(", ")", "-", "–", "$", "$1 ", "5%", "a", ". ", "1 and ", "the largest ", "٣",
        "<!-- "]

# --- strategies --------------------------------------------------------------------------

adversarial_text = st.lists(
    st.one_of(
        st.sampled_from(TOKENS),
        st.text(alphabet=DIGITS + UNICODE_DIGITS, min_size=1, max_size=25),
        st.text(alphabet=DIGITS + ",. \u00a0-%", min_size=1, max_size=40),
        st.builds(lambda unit, n: unit * n, st.sampled_from(RUNS), st.integers(1, 400)),
        st.integers(1, 80).map(lambda n: "(" * n + "5%" + ")" * n),
        st.floats().map(str),
        st.integers().map(str),
        st.text(max_size=8),
    ),
    max_size=60,
).map("".join)
random_text = st.text(max_size=2000)


def claims(text: str):
    """What `verify extract` does with a file's text."""
    return extract_claims(parse_document(Path("article.md"), text, TODAY))


def assert_sound(text: str) -> None:
    """Extraction does not raise, and what it finds is in the text."""
    for quantity in find_quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text
        assert math.isfinite(quantity.value)
    document = parse_document(Path("article.md"), text, TODAY)
    for claim in extract_claims(document):
        assert claim.quote[claim.quote_start:claim.quote_end] == claim.number_text
        assert claim.line == document.text.count("\n", 0, claim.quote_offset + claim.quote_start) + document.first_line
        assert math.isfinite(claim.value)


@given(random_text)
def test_extraction_never_raises_on_random_text(text):
    assert_sound(text)


@given(adversarial_text)
def test_extraction_never_raises_on_adversarial_text(text):
    assert_sound(text)


@given(st.lists(st.sampled_from(TOKENS), max_size=200).map(" ".join))
def test_extraction_never_raises_on_token_soup(text):
    assert_sound(text)


@pytest.mark.parametrize("text", ["top " + "9" * 400, "the " + "9" * 400 + "th largest economy",
                                  "the " + "9" * 400 + " fastest-growing", "top " + "9" * 5000],
                         ids=["top", "ordinal", "fastest", "int-limit"])
def test_a_rank_too_long_for_a_number_is_not_a_crash(text):
    assert [q for q in find_quantities(text) if q.unit == "rank"] == []  # no league table has 10,000 places


def test_a_rank_of_four_digits_is_still_read():
    assert [(q.text, q.value) for q in find_quantities("the 1000th largest")] == [("1000th largest", 1000.0)]


@pytest.mark.parametrize("text", ["Kenya's exports reached KSH 5 billion in 2024.", "ksh 5", "RP 5", "rp5 billion"])
def test_a_currency_in_another_case_is_read_as_that_currency(text):
    [quantity] = [q for q in find_quantities(text) if q.unit != "number"]
    assert quantity.unit in ("currency:KES", "currency:IDR")


@requires_shared
def test_a_group_since_independence_is_not_a_crash(snapshot_sources):
    document = parse_document(Path("article.md"), "Growth in the EU averaged 2% a year since independence.", TODAY)
    [claim] = extract_claims(document)
    resolution = resolve(claim, document.published)
    snapshot_sources.fetch(series_needed([resolution]))
    verdict = check(claim, resolution, snapshot_sources, Tolerances())
    assert verdict.verdict == "unverifiable"
    assert "European Union is a group, which has no year of independence" in verdict.explanation


# --- linear time -------------------------------------------------------------------------


def repeat_to(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


# name -> text of about `size` characters. Each is a shape a pattern could backtrack on.
GROWTH = {
    "digits and commas": lambda n: repeat_to("1,", n),
    "spaced digits": lambda n: repeat_to("9 ", n),
    "one long number": lambda n: "9" * n,
    "nested parentheses": lambda n: "(" * (n // 2) + "3.5%" + ")" * (n // 2),
    "currency and spaced digits": lambda n: repeat_to("1 ", n, "$", "billion"),
    "dashes around a number": lambda n: "-" * (n // 2) + "5" + "–" * (n // 2) + "%",
    "dotted digits": lambda n: repeat_to("1.2.3.4.", n),
    "and between numbers": lambda n: repeat_to("5 and ", n, "GDP grew ", "percent"),
    "between without end": lambda n: repeat_to("between ", n, "", "1 and 2%"),
    "superlatives": lambda n: repeat_to("largest ", n, "the ", "economy"),
    "number words": lambda n: repeat_to("twenty five percent of ", n),
    "unicode digits": lambda n: repeat_to("٣٤,", n),
    "no-break spaces in numbers": lambda n: repeat_to("1\u00a0000\u202f", n),
    "claims without a sentence end": lambda n: repeat_to("Kazakhstan's economy grew 5.0% in 2024 and ", n),
    "claim sentences": lambda n: repeat_to("Kazakhstan's GDP grew 5% in 2024, according to the IMF. ", n),
    "run-on cues": lambda n: repeat_to("Central Asia's share of the EU GDP was 5% of ASEAN ", n),
}
# Shapes that were quadratic in reading an article (found here): a lazy value before
# optional spaces retried every split of a long run of spaces, and each unclosed "<!--"
# was looked for to the end of the text. Measured from 1,000 characters (comments from
# 2,000), so the 8 times longer text still takes well under a second.
READING = {
    "unclosed comments": lambda n: repeat_to("<!-- 5% ", 2 * n),
    "unclosed directives": lambda n: repeat_to("<!-- verify: ", 2 * n),
    "spaces in a directive": lambda n: '<!-- verify: accept "a' + " " * n + 'b" -->\n\nText.',
    "spaces in a heading": lambda n: "# a" + " " * n + "b\n",
    "spaces in a date line": lambda n: "Published: a" + " " * n + "b\n",
    "spaces after a date label": lambda n: "Published:" + " " * n + "\n",
    "spaces in a front matter field": lambda n: "---\ntitle: a" + " " * n + "b\n---\n",
}
SIZE, FACTOR, BOUND = 2_000, 8, 24  # 8 times the text in at most 24 times the time


def median_time(action, text: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def growth(action, make, size: int = SIZE) -> float:
    action(make(size))  # warm: catalogues, tries and compiled patterns load on first use
    return median_time(action, make(FACTOR * size)) / median_time(action, make(size))


@pytest.mark.parametrize("name", GROWTH)
@pytest.mark.parametrize("action", [find_quantities, claims], ids=["quantities", "claims"])
def test_extraction_time_grows_linearly(action, name):
    ratio = growth(action, GROWTH[name])
    assert ratio < BOUND, f"{name}: {FACTOR}x the text took {ratio:.1f}x the time"


@pytest.mark.parametrize("name", READING)
def test_reading_time_grows_linearly(name):
    ratio = growth(claims, READING[name], size=1_000)
    assert ratio < BOUND, f"{name}: {FACTOR}x the text took {ratio:.1f}x the time"


# --- the fuzz campaign still runs --------------------------------------------------------


def test_fuzz_campaign_runs_on_a_few_documents(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("fuzz", PROJECT / "benchmarks" / "fuzz.py")
    fuzz = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "fuzz", fuzz)  # its dataclass looks itself up there
    spec.loader.exec_module(fuzz)
    summary = fuzz.campaign(documents=50, seed=1, jobs=2, timeout=10.0, findings=tmp_path / "findings")
    assert summary.documents == 50 and summary.claims > 0 and summary.slowest > 0
    assert summary.hangs == 0
    assert summary.crashes == 0, "crashes: see the .txt beside each .md in the findings folder"
    assert not list((tmp_path / "findings").glob("crash-*.md"))
