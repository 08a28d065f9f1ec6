"""The fast paths give the same answers as the plain ones (timing lives in benchmarks/)."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from verifier import quantities
from verifier.extract import extract_claims
from verifier.patterns import trie_alternation
from verifier.quantities import PATTERN, _matches
from verifier.read import parse_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.*"))


@pytest.mark.parametrize("words", [
    ["Niger", "Nigeria", "Nigerian", "N"],
    ["US$", "U.S.$", "$", "USD", "US dollars"],
    ["a", "ab", "abc", "b", "ba"],
])
def test_a_trie_matches_what_the_longest_first_alternation_matches(words):
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    trie = re.compile(trie_alternation(words))
    text = " ".join(words) + " Nigerians U.S.$5 abcab baab N$ x"
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_routed_matching_finds_what_a_full_scan_finds_in_every_corpus_article():
    assert CORPUS
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in _matches(text)] == [m.span() for m in PATTERN.finditer(text)], path.name


# The grammar's own pieces: start words and the words that may follow them, numbers,
# signs, and words that are not starts.
PIECES = sorted({*quantities.START_WORDS, *quantities.AFTER_THE, *quantities.AFTER_A, *quantities.START_SIGNS,
                 "the", "a", "an", "5", "2024", "1,234", "3.5", "-5", "−2", "5th", "21st", "US$5", "Kenya's",
                 "world's", "ranks", "ranked", "between", "from", "Kenya", "(", "İ"})
SECONDS = sorted({*quantities.AFTER_THE, *quantities.AFTER_A, "5", "1,234", "3.5", "-5", "5th", "US$5", "percent",
                  "times", "Kenya", "fastest", "quickest", "largest", "populous", "of"})
# Each pair of pieces, followed by each of the ways a quantity can go on.
CONTINUATIONS = ["{a} {b} percent", "{a}-{b} of the", "{a} {b} times as large as", "{a} {b} place",
                 "{a} {b}-growing", "{a} {b} growth", "{a} {b} billion tenge", "{a} {b} 5 fastest growing",
                 "{a}{b}"]


def test_routed_matching_finds_what_a_full_scan_finds_for_every_pair_of_pieces():
    for a in PIECES:
        text = ". ".join(c.format(a=a, b=b) for b in SECONDS for c in CONTINUATIONS)
        routed = [(m.span(), m.lastgroup) for m in _matches(text)]
        assert routed == [(m.span(), m.lastgroup) for m in PATTERN.finditer(text)], a


def claims(text):
    return [c.number_text for c in extract_claims(parse_document(Path("t.txt"), text, date(2026, 1, 1)))]


def test_a_claim_after_a_run_of_junk_is_still_found():
    junk = "1," * 3000 + " " + "(" * 500 + "9 " * 2000 + ")" * 500
    assert claims(junk + "\n\nKenya's economy grew 5.6% in 2024.") == ["5.6%"]


def test_a_table_pasted_as_a_sentence_holds_no_claims():
    table = "GDP growth in 2024: " + ", ".join(f"country {i} {i % 9}.{i % 7}%" for i in range(60)) + "."
    assert claims(table) == []


def test_the_benchmark_runs_at_a_tiny_size(tmp_path):
    from .conftest import WDI, WEO, requires_shared  # noqa: F401 - the shared snapshots decide

    if not WDI.exists():
        pytest.skip("needs ../shared/data")
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "4,8", "--repeat", "1",
                           "--extraction-articles", "5", "--peer-articles", "2", "--pathological-mb", "0.05",
                           "--json", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "End to end" in done.stdout and "Pathological document" in done.stdout
    import json

    figures = json.loads(out.read_text(encoding="utf-8"))
    assert [row["articles"] for row in figures["end_to_end"]] == [4, 8]
    assert figures["extraction"]["verifier_claims_articles_s"] > 0
    assert figures["pathological"]["claims_s"] > 0
