"""Scoring a run against labelled numbers: what was found, how it was judged, what the gate did.

A claim the run emits matches the labelled number whose place it overlaps. The figures:
- recall: gold claims found;
- precision against the labelled numbers: of the emitted claims that sit on a labelled
  number (a gold claim or a non-claim), the share on gold claims; and against everything
  emitted, the share of all emitted claims that are gold claims;
- verdict accuracy: on the gold claims found whose data has not moved since publication
  (no `data_revision` or `forecast_vintage` flag), the share given the gold verdict;
- gate precision: of the claims the run would block, the share gold blocks too (a
  blocked claim gold does not list is a false alarm); gate recall: of the gold claims
  gold blocks, the share the run blocks.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tabulate import tabulate

from ..gate import DEFAULT_FAIL_ON, blocks
from ..records import DocumentResult, Verdict, VerdictKind
from .labels import LabelledNumber

# Claims whose gold verdict is judged against data that changed after publication.
MOVED_FLAGS = {"data_revision", "forecast_vintage"}
GOLD_BLOCKS = {kind.value for kind in DEFAULT_FAIL_ON}


@dataclass
class Found:
    gold: LabelledNumber
    verdict: Verdict | None  # None: missed


@dataclass
class Scores:
    name: str
    found: list[Found] = field(default_factory=list)  # every gold claim, found or not
    taken: list[tuple[LabelledNumber, Verdict]] = field(default_factory=list)  # non-claims emitted as claims
    unlabelled: list[tuple[str, Verdict]] = field(default_factory=list)  # emitted on no labelled number
    errors: list[str] = field(default_factory=list)

    @property
    def hits(self) -> list[Found]:
        return [f for f in self.found if f.verdict is not None]

    @property
    def emitted(self) -> int:
        return len(self.hits) + len(self.taken) + len(self.unlabelled)

    def recall(self) -> float:
        return _ratio(len(self.hits), len(self.found))

    def precision_labelled(self) -> float:
        return _ratio(len(self.hits), len(self.hits) + len(self.taken))

    def precision_all(self) -> float:
        return _ratio(len(self.hits), self.emitted)

    def judged(self) -> list[Found]:
        """Gold claims found whose data has not moved since publication."""
        return [f for f in self.hits if not MOVED_FLAGS & set(f.gold.flags)]

    def verdict_accuracy(self) -> float:
        judged = self.judged()
        return _ratio(sum(f.verdict.verdict.value == f.gold.verdict for f in judged), len(judged))

    def blocked(self) -> list[tuple[Verdict, LabelledNumber | None]]:
        """Every emitted claim the gate would block, with the gold claim it sits on."""
        out = [(f.verdict, f.gold) for f in self.hits if blocks(f.verdict)]
        out += [(v, None) for _, v in self.taken + self.unlabelled if blocks(v)]
        return out

    def gate_precision(self) -> float:
        blocked = self.blocked()
        return _ratio(sum(g is not None and g.verdict in GOLD_BLOCKS for _, g in blocked), len(blocked))

    def gate_recall(self) -> float:
        should = [f for f in self.found if f.gold.verdict in GOLD_BLOCKS]
        return _ratio(sum(f.verdict is not None and blocks(f.verdict) for f in should), len(should))

    def confusion(self) -> Counter:
        """(gold verdict, verdict given or "missed") over every gold claim."""
        return Counter((f.gold.verdict, f.verdict.verdict.value if f.verdict else "missed") for f in self.found)

    def figures(self) -> dict[str, float]:
        return {"recall": self.recall(), "precision_labelled": self.precision_labelled(),
                "precision_all": self.precision_all(), "verdict_accuracy": self.verdict_accuracy(),
                "gate_precision": self.gate_precision(), "gate_recall": self.gate_recall()}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def claim_spans(result: DocumentResult) -> list[tuple[Verdict, list[tuple[int, int]]]]:
    """Each verdict with the places of its number in the article file."""
    shift = result.document.text_offset
    out = []
    for verdict in result.verdicts:
        claim = verdict.claim
        start = shift + claim.quote_offset + claim.quote_start
        places = [(start, start + claim.quote_end - claim.quote_start)]
        places += [(shift + s, shift + e) for s, e, _ in claim.also]
        out.append((verdict, places))
    return out


def score_run(name: str, labelled: list[LabelledNumber], results: list[DocumentResult],
              errors: list[str] = ()) -> Scores:
    """Match every emitted claim to the labelled number it sits on (each place of a claim
    repeated in the text can match its own gold record)."""
    scores = Scores(name, errors=list(errors))
    by_article: dict[str, list[LabelledNumber]] = {}
    for item in labelled:
        by_article.setdefault(item.article, []).append(item)
    results_by_name = {r.document.path.name: r for r in results}
    for article in sorted(set(by_article) | set(results_by_name)):
        items = by_article.get(article, [])
        result = results_by_name.get(article)
        places = [(v, s, e) for v, spans in (claim_spans(result) if result else []) for s, e in spans]
        free = list(range(len(places)))
        # Gold claims first, in the order of the text: a claim on a gold number is a hit
        # even where a non-claim shares its words.
        for item in sorted((i for i in items if i.claim), key=lambda i: i.start):
            at = next((k for k in free if item.overlaps(places[k][1], places[k][2])), None)
            if at is not None:
                free.remove(at)
            scores.found.append(Found(item, places[at][0] if at is not None else None))
        for item in (i for i in items if not i.claim):
            for k in [k for k in free if item.overlaps(places[k][1], places[k][2])]:
                free.remove(k)
                scores.taken.append((item, places[k][0]))
        # A claim counts once however many of its places are left over.
        seen: set[int] = set()
        for k in free:
            verdict = places[k][0]
            if id(verdict) not in seen and not any(places[j][0] is verdict for j in range(len(places)) if j not in free):
                seen.add(id(verdict))
                scores.unlabelled.append((article, verdict))
    return scores


# --- what is printed ------------------------------------------------------------------

TARGET_NOTE = "targets on real text: precision (labelled) 0.95, recall 0.90, verdicts 0.90, gate precision 0.90"


def scores_text(scores: Scores, details: bool = True) -> str:
    f = scores.figures()
    blocked = scores.blocked()
    should = sum(x.gold.verdict in GOLD_BLOCKS for x in scores.found)
    lines = [
        f"== {scores.name}",
        f"Gold claims {len(scores.found)}: found {len(scores.hits)}, missed {len(scores.found) - len(scores.hits)}; "
        f"non-claims taken for claims {len(scores.taken)}; other claims emitted {len(scores.unlabelled)}",
        f"Recall {f['recall']:.3f}   precision (labelled) {f['precision_labelled']:.3f}   "
        f"precision (all emitted) {f['precision_all']:.3f}",
        f"Verdict accuracy {f['verdict_accuracy']:.3f} on {len(scores.judged())} claims found whose data has not moved "
        "since publication",
        f"Gate: blocks {len(blocked)}, of which gold blocks {sum(g is not None and g.verdict in GOLD_BLOCKS for _, g in blocked)}"
        f" (precision {f['gate_precision']:.3f}); gold blocks {should}, of which blocked "
        f"{sum(x.verdict is not None and blocks(x.verdict) for x in scores.found if x.gold.verdict in GOLD_BLOCKS)} "
        f"(recall {f['gate_recall']:.3f})",
    ]
    review = sum(1 for x in scores.hits if x.verdict.review) + sum(1 for _, v in scores.taken + scores.unlabelled if v.review)
    lines.append(f"Marked for review (never blocking by default): {review}")
    kinds = [kind.value for kind in VerdictKind]
    confusion = scores.confusion()
    rows = [[f"gold {g}"] + [confusion.get((g, p), 0) for p in kinds + ["missed"]] for g in kinds]
    lines += ["", tabulate(rows, ["", *kinds, "missed"], tablefmt="simple"), ""]
    if not details:
        return "\n".join(lines)

    def where(item: LabelledNumber) -> str:
        return f"{item.article} [{item.ident}]"

    misses = [x for x in scores.found if x.verdict is None]
    if misses:
        lines.append("Missed claims:")
        lines += [f"  {where(x.gold)}: “{x.gold.text}” in “{_short(x.gold.quote)}”" for x in misses]
    alarms = [(v, g) for v, g in blocked if g is None or g.verdict not in GOLD_BLOCKS]
    if alarms:
        lines.append("False alarms at the gate (blocked, gold does not block):")
        for verdict, gold in alarms:
            label = f"gold {gold.verdict}" if gold else "not a gold claim"
            lines.append(f"  {verdict.claim.path.name}:{verdict.claim.line}: “{verdict.claim.number_text}” "
                         f"{verdict.verdict.value} ({label}): {_short(verdict.explanation, 160)}")
    if scores.taken:
        lines.append("Non-claims taken for claims:")
        lines += [f"  {where(g)}: “{g.text}” ({g.why}) read as {v.claim.statistic} of {v.claim.indicator}"
                  for g, v in scores.taken]
    differ = [x for x in scores.judged() if x.verdict.verdict.value != x.gold.verdict]
    if differ:
        lines.append("Verdicts that differ (gold → given), data unchanged since publication:")
        lines += [f"  {where(x.gold)}: “{x.gold.text}” {x.gold.verdict} → {x.verdict.verdict.value}: "
                  f"{_short(x.verdict.explanation, 160)}" for x in differ]
    if scores.unlabelled:
        lines.append("Claims emitted on numbers the labels do not list:")
        lines += [f"  {article}:{v.claim.line}: “{v.claim.number_text}” {v.verdict.value}" for article, v in scores.unlabelled]
    lines += [f"error: {e}" for e in scores.errors]
    return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def scores_json(scores: Scores) -> dict:
    return {
        "corpus": scores.name,
        "figures": scores.figures(),
        "counts": {"gold_claims": len(scores.found), "found": len(scores.hits), "non_claims_taken": len(scores.taken),
                   "unlabelled": len(scores.unlabelled), "blocked": len(scores.blocked()),
                   "judged": len(scores.judged())},
        "confusion": [{"gold": g, "given": p, "count": n} for (g, p), n in sorted(scores.confusion().items())],
        "missed": [{"article": x.gold.article, "id": x.gold.ident, "text": x.gold.text}
                   for x in scores.found if x.verdict is None],
        "false_alarms": [{"article": v.claim.path.name, "line": v.claim.line, "text": v.claim.number_text,
                          "verdict": v.verdict.value, "gold": g.verdict if g else None}
                         for v, g in scores.blocked() if g is None or g.verdict not in GOLD_BLOCKS],
        "non_claims_taken": [{"article": g.article, "id": g.ident, "text": g.text} for g, _ in scores.taken],
        "errors": scores.errors,
    }
