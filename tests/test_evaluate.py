"""verify eval: matching found claims to gold labels, and the figures it reports."""
from __future__ import annotations

import json
from datetime import date

import pytest

from verifier.cli import main
from verifier.evaluate import GoldError, evaluate, load_gold
from verifier.fetch import DataSources

from .test_check import SERIES, FakeSource

ARTICLE = """---
date: 2025-03-01
---
Kenya's economy grew 5.0% in 2024, the minister said, and 77 delegates attended.

Kenya's GDP reached $4.3 trillion in 2024. Unemployment in Kenya was 5.6% in 2023.
"""


def write_corpus(tmp_path, gold_lines):
    (tmp_path / "kenya.md").write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(line) for line in gold_lines) + "\n", encoding="utf-8")
    return gold


GOLD = [
    {"doc": "kenya.md", "text": "5.0%", "claim": True, "entity": "KEN", "indicator": "gdp_growth", "statistic": "value",
     "period": {"start": 2024, "end": 2024, "kind": "year"}, "operator": "=", "value": 5.0, "unit": "percent"},
    {"doc": "kenya.md", "text": "77", "claim": False, "why": "count"},
    # The gold reading says 2023; the tool reads 2024: a period error, and a verdict that differs.
    {"doc": "kenya.md", "text": "$4.3 trillion", "claim": True, "entity": "KEN", "indicator": "gdp",
     "statistic": "value", "period": {"start": 2023, "end": 2023, "kind": "year"}, "operator": "=",
     "value": 4.3e12, "unit": "USD"},
    # A claim the gold file lists under a number the tool cannot see as one.
    {"doc": "kenya.md", "text": "Kenya's GDP", "claim": True, "entity": "KEN", "indicator": "gdp",
     "statistic": "value", "period": {"kind": "latest"}, "operator": "=", "value": 1, "unit": "USD"},
]


def test_matching_scores_and_gold_verdicts_from_data(tmp_path):
    gold = write_corpus(tmp_path, GOLD)
    result = evaluate(tmp_path, gold, DataSources([FakeSource(SERIES)]), date(2026, 1, 1))
    ex = result.extraction()
    # Found: 5.0% and $4.3 trillion. Missed: "Kenya's GDP". Spurious: 5.6% (not in the gold file).
    assert (ex["true_positives"], ex["false_negatives"], ex["false_positives"]) == (2, 1, 1)
    assert ex["precision"] == pytest.approx(2 / 3) and ex["recall"] == pytest.approx(2 / 3)
    by_text = {m.gold.text: m for m in result.matches}
    assert by_text["$4.3 trillion"].field_errors == {"period": ((2023, 2023, False), (2024, 2024, False))}
    # Gold verdicts are computed: 4.0e12 in 2023 against 4.3e12 claimed (±5% for two
    # digits written) is close; the tool's reading (2024, 4.3e12) is accurate.
    assert by_text["$4.3 trillion"].gold_verdict.verdict.value == "close"
    assert by_text["$4.3 trillion"].predicted_verdict.verdict.value == "accurate"
    assert by_text["5.0%"].gold_verdict.verdict == by_text["5.0%"].predicted_verdict.verdict
    on_found, on_all, confusion = result.verdicts()
    assert (on_found, on_all) == (0.5, pytest.approx(1 / 3))
    assert confusion[("close", "accurate")] == 1


def test_a_non_claim_taken_for_a_claim_is_a_false_positive(tmp_path):
    lines = [dict(GOLD[0], text="5.6%", claim=False, why="other")]
    gold = write_corpus(tmp_path, lines)
    result = evaluate(tmp_path, gold, DataSources([FakeSource(SERIES)]), date(2026, 1, 1))
    whys = [why for _, _, why in result.false_positives]
    assert any(why.startswith("gold says not a claim") for why in whys)


def test_gold_text_missing_from_the_article_is_an_error(tmp_path):
    gold = write_corpus(tmp_path, [dict(GOLD[0], text="9.9%")])
    result = evaluate(tmp_path, gold, DataSources([FakeSource(SERIES)]), date(2026, 1, 1))
    assert result.errors and "“9.9%” (occurrence 1) is not in kenya.md" in result.errors[0]


def test_a_bad_gold_line_names_its_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a.md", "text": "5%", "claim": true}\n{not json}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: not a gold label"):
        load_gold(gold)


def test_eval_command_prints_the_figures(tmp_path, capsys, monkeypatch):
    gold = write_corpus(tmp_path, GOLD[:2])
    monkeypatch.setattr("verifier.cli._data_sources", lambda args, policy, network: (DataSources([FakeSource(SERIES)]), []))
    assert main(["eval", str(tmp_path), str(gold), "--today", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert "Extraction: precision 0.333  recall 1.000" in out  # 5.0% found; $4.3 trillion and 5.6% unlisted
    assert "Spurious claims:" in out and "“$4.3 trillion”" in out
