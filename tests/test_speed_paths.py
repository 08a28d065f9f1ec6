"""The fast paths give the same answers as the plain ones (timing lives in benchmarks/)."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from verifier import quantities
from verifier.extract import extract_claims
from verifier.patterns import trie_alternation
from verifier.quantities import PATTERN, _lowered, _matches
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
        assert [m.span() for m in _matches(_lowered(text))] == [m.span() for m in PATTERN.finditer(text)], path.name


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
        routed = [(m.span(), m.lastgroup) for m in _matches(_lowered(text))]
        assert routed == [(m.span(), m.lastgroup) for m in PATTERN.finditer(text)], a


def test_a_number_read_before_reads_as_it_does_the_first_time(monkeypatch):
    texts = [path.read_text(encoding="utf-8") for path in CORPUS] + [
        ". ".join(c.format(a=a, b=b) for b in SECONDS for c in CONTINUATIONS) for a in PIECES] + [
        "A third of exports, a third the size of Kenya. Between 5% and 6%, 5% and 6%, from 5% to 6%, 5% to 6%."]
    with monkeypatch.context() as unremembered:
        unremembered.setattr(quantities, "_READ_ALONE", frozenset())
        first_reading = [quantities.find_quantities(text) for text in texts]
    for text in reversed(texts):  # every number already read, in every context
        quantities.find_quantities(text)
    assert [quantities.find_quantities(text) for text in texts] == first_reading


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
    assert figures["machine_check_mb_s"]["start"] > 0 and figures["machine_check_mb_s"]["end"] > 0
    assert "Machine check" in done.stdout


def _texts_with_periods():
    """Every corpus article, and phrasings of every period pattern in odd case and spacing."""
    written = ["between 2010 and 2020", "From 1999 to 2004", "2019-21", "2015–2024", "in the 1990s", "Since 2000",
               "since independence", "SINCE ITS INDEPENDENCE", "over the past five years", "in the last 10 years",
               "during the previous decade", "a year earlier", "the previous year", "one year later",
               "the following year", "in the same year", "that year", "by the end of that year", "Last Year",
               "this year", "next year", "in the coming years", "in 2024", "by 2030", "until 2019"]
    return [path.read_text(encoding="utf-8") for path in CORPUS] + [". ".join(written), " ".join(written).upper()]


def test_every_period_match_holds_one_of_the_words_that_let_its_pattern_be_tried():
    from verifier.extract.periods import PERIOD_PATTERNS
    for text in _texts_with_periods():
        for kind, pattern, words in PERIOD_PATTERNS:
            for match in pattern.finditer(text):
                assert any(word in match.group(0).casefold() for word in words), (kind, match.group(0))


def test_periods_read_with_the_word_filter_are_the_periods_every_pattern_finds():
    from verifier.extract.periods import PERIOD_PATTERNS, _period_from, _periods_written
    for text in _texts_with_periods():
        for line in text.splitlines():
            unfiltered = tuple((m.start(), m.end(), _period_from(kind, m))
                               for kind, pattern, _ in PERIOD_PATTERNS for m in pattern.finditer(line))
            assert _periods_written(line) == unfiltered, line


def test_every_subannual_match_holds_one_of_the_words_that_let_it_be_searched():
    from verifier.extract.periods import SUBANNUAL, SUBANNUAL_WORDS
    text = " ".join(path.read_text(encoding="utf-8") for path in CORPUS) + (
        " in the first quarter, Q3 2024, quarterly, monthly, the first half, H2, the last six months,"
        " year-on-year in March, for January, in June 2024, March-April")
    found = list(SUBANNUAL.finditer(text))
    assert len(found) >= 10
    for match in found:
        assert any(word in match.group(0) for word in SUBANNUAL_WORDS), match.group(0)


def _instructions_script():
    spec = importlib.util.spec_from_file_location("instructions", ROOT / "benchmarks" / "instructions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("what", ["claims", "quantities"])
def test_the_instruction_count_workload_extracts_with_the_tree_it_is_given(tmp_path, what):
    tree = tmp_path / "other-checkout"
    tree.mkdir()
    for part in ("verifier", "sources"):
        (tree / part).symlink_to(ROOT / part)
    script = _instructions_script()
    # The program, then what it extracted with and where verifier came from.
    probe = "import verifier; print(extract.__name__, verifier.__file__, file=sys.stderr)"
    command = script.workload(tree, 2, 2, what)
    command[2] = command[2] + "\n" + probe
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    extractor = {"claims": "extract_claims", "quantities": "find_quantities"}[what]
    assert done.stderr.strip().endswith(f"{extractor} {tree / 'verifier' / '__init__.py'}")


def test_the_count_is_read_from_callgrinds_report():
    script = _instructions_script()
    assert script.collected("==412== Events    : Ir\n==412== Collected : 3164413375\n==412==\n") == 3164413375
    assert script.collected("valgrind: command not found") is None
