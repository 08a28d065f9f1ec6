"""The labelled corpus (tests/corpus) and what `verify eval` measures on it.

Issue 4 sets the targets at 0.95 for extraction precision, recall and verdict accuracy.
The floors asserted here are the figures reached so far, a little below the measured
values, so that a change that loses ground fails the suite; raise them as the tool
improves, and never lower them to make a change pass.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from verifier.catalogue import indicators
from verifier.evaluate import evaluate
from verifier.geography import geography

from .conftest import PROJECT, requires_shared

CORPUS = PROJECT / "tests" / "corpus"
GOLD = CORPUS / "gold.jsonl"


def gold_lines() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_corpus_is_as_large_and_varied_as_the_issue_asks():
    lines = gold_lines()
    claims = [g for g in lines if g["claim"]]
    articles = {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md"}
    assert len(articles) >= 40 and len(claims) >= 150 and len(lines) - len(claims) >= 60
    assert len({g["entity"] for g in claims if g.get("entity")}) >= 15
    assert {g["doc"] for g in lines} <= articles
    statistics = Counter(g.get("statistic", "value") for g in claims)
    assert {"value", "average", "share", "rank", "ratio"} <= set(statistics)


def test_every_gold_label_is_well_formed():
    catalogue, places = indicators(), geography()
    for line, gold in enumerate(gold_lines(), 1):
        text = (CORPUS / gold["doc"]).read_text(encoding="utf-8")
        assert text.count(gold["text"]) >= gold.get("occurrence", 1), f"gold line {line}: {gold['text']!r}"
        if gold["claim"]:
            assert gold["indicator"] in catalogue, f"gold line {line}: indicator {gold['indicator']}"
            if gold.get("entity"):
                assert places.country_name(gold["entity"]) != gold["entity"], f"gold line {line}: {gold['entity']}"
        else:
            assert gold.get("why"), f"gold line {line}: a non-claim says why"


@pytest.fixture(scope="module")
def evaluation(snapshot_sources):
    return evaluate(CORPUS, GOLD, snapshot_sources, date(2026, 11, 25))


@requires_shared
def test_eval_figures_meet_the_targets(evaluation):
    # The issue's targets are 0.95 for precision, recall and verdict accuracy; the floors
    # sit at or just under today's figures so a regression shows, and only ever rise.
    assert evaluation.errors == []
    ex = evaluation.extraction()
    assert ex["precision"] >= 0.975 and ex["recall"] >= 0.95 and ex["f1"] >= 0.965
    fields = evaluation.field_accuracy()
    assert fields["entity"] >= 0.985 and fields["indicator"] >= 0.98 and fields["period"] >= 0.95
    on_found, on_all, _ = evaluation.verdicts()
    assert on_found >= 0.965 and on_all >= 0.92
