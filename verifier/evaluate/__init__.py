"""`verify eval`: score extraction, readings, verdicts and the gate against labelled text.

Two label formats are read:
- the project's own corpus (`tests/corpus`): one line per number, with the gold reading;
  gold verdicts are computed by checking that reading against the same data
  (`project.py`);
- the shared real-article corpora (`../shared/corpus/news-*`): `gold.jsonl` with each
  claim's written `gold_verdict` and `non_claims.jsonl` (`news.py`).

Both are scored the same way (`score.py`): recall, precision against the labelled numbers
and against everything emitted, verdict accuracy, and the gate's precision and recall.
"""
from __future__ import annotations

from .labels import GoldError, LabelledNumber
from .news import is_news_corpus, load_news_corpus
from .project import evaluate, load_gold
from .score import Scores, score_run, scores_json, scores_text

__all__ = ["GoldError", "LabelledNumber", "Scores", "evaluate", "is_news_corpus", "load_gold", "load_news_corpus",
           "score_run", "scores_json", "scores_text"]
