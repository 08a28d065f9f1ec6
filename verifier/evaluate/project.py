"""The project's own corpus (`tests/corpus`): one gold line per number, with its reading.

Gold labels (JSON Lines, one number per line) say what a careful reader finds: whether
a number is a claim, and for claims the entity, indicator, statistic, period, operator
and value. A predicted claim matches the gold number whose span it overlaps.

Gold verdicts are computed, never written: the gold reading goes through the same
resolve and check stages as a predicted claim, against the same data. Verdict accuracy
therefore measures how often a misreading changes the verdict; the checking rules
themselves are covered by unit tests.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from tabulate import tabulate

from ..check import check
from ..extract import extract_claims
from ..fetch import DataSources
from ..geography import geography
from ..pipeline import series_needed
from ..quantities import find_quantities
from ..read import InputError, read_document
from ..records import Claim, Document, Period, Verdict, VerdictKind
from ..resolve import resolve
from .labels import GoldError, LabelledNumber
from .score import Found, Scores

CLAIM_FIELDS = ("entity", "indicator", "statistic", "period", "operator", "value")


@dataclass
class GoldNumber:
    doc: str
    text: str
    occurrence: int
    claim: bool
    labels: dict
    line: int  # in the gold file
    start: int = -1  # offsets in the document's text
    end: int = -1


@dataclass
class Match:
    gold: GoldNumber
    predicted: Claim | None
    gold_verdict: Verdict | None = None
    predicted_verdict: Verdict | None = None
    field_errors: dict[str, tuple[object, object]] = field(default_factory=dict)


@dataclass
class Evaluation:
    matches: list[Match] = field(default_factory=list)  # every gold claim, found or not
    false_positives: list[tuple[str, Claim, str]] = field(default_factory=list)  # doc, claim, why
    errors: list[str] = field(default_factory=list)
    scores: Scores = field(default_factory=lambda: Scores("project corpus"))  # the figures every corpus gets

    @property
    def found(self) -> list[Match]:
        return [m for m in self.matches if m.predicted is not None]

    def extraction(self) -> dict[str, float]:
        tp, fn, fp = len(self.found), len(self.matches) - len(self.found), len(self.false_positives)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "true_positives": tp,
                "false_negatives": fn, "false_positives": fp}

    def field_accuracy(self) -> dict[str, float]:
        found = self.found
        return {name: (sum(name not in m.field_errors for m in found) / len(found) if found else 1.0)
                for name in CLAIM_FIELDS}

    def verdicts(self) -> tuple[float, float, Counter]:
        """(accuracy on found claims, accuracy on all gold claims, confusion gold x predicted)."""
        confusion: Counter = Counter()
        for m in self.matches:
            predicted = m.predicted_verdict.verdict.value if m.predicted_verdict else "missed"
            confusion[(m.gold_verdict.verdict.value, predicted)] += 1
        right = sum(n for (gold, predicted), n in confusion.items() if gold == predicted)
        found = len(self.found)
        return (right / found if found else 1.0, right / len(self.matches) if self.matches else 1.0, confusion)


def load_gold(path: Path) -> list[GoldNumber]:
    gold = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            gold.append(GoldNumber(entry["doc"], entry["text"], int(entry.get("occurrence", 1)),
                                   bool(entry["claim"]), entry, number))
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: not a gold label ({exc})") from exc
    return gold


def _locate(gold: GoldNumber, raw: str, document: Document) -> bool:
    """Find the gold number's span in the document text (the file less its front matter)."""
    at = -1
    for _ in range(gold.occurrence):
        at = raw.find(gold.text, at + 1)
        if at < 0:
            return False
    shift = len(raw) - len(document.text)
    gold.start, gold.end = at - shift, at - shift + len(gold.text)
    return gold.start >= 0


def _span(claim: Claim) -> tuple[int, int]:
    return claim.quote_offset + claim.quote_start, claim.quote_offset + claim.quote_end


def gold_claim(gold: GoldNumber, document: Document) -> Claim:
    """The gold reading as a Claim, to resolve and check like any other."""
    labels = gold.labels
    period = labels.get("period") or {}
    start, end = period.get("start"), period.get("end")
    kind = period.get("kind") or "latest"
    if kind not in ("subannual", "latest", "record") and end is not None:
        kind = "year" if start == end else "range"
    places = geography()
    value = float(labels.get("value") or 0)
    # The precision written decides the tolerance: read it from the gold text itself.
    written = find_quantities(gold.text)
    quantity = replace(written[0], value=value, low=labels.get("low"), high=labels.get("high")) if written else None
    entity = places.country_name(labels["entity"]) if labels.get("entity") else None
    group = labels.get("group")
    if group and group in places.groups:
        group = places.groups[group].name
    return Claim(
        id=f"gold-{gold.line}", path=document.path, line=0, quote=gold.text, quote_start=0, quote_end=len(gold.text),
        number_text=gold.text, value=value, unit=labels.get("unit", ""),
        operator=labels.get("operator", "="), statistic=labels.get("statistic", "value"),
        indicator=labels.get("indicator"), indicator_cue="gold", entity=entity, entity_cue="gold",
        period=Period(kind, period.get("text", kind), start, end), source_cited=labels.get("source_cited"),
        group=group, quantity=quantity, other=places.country_name(labels["other"]) if labels.get("other") else None,
    )


def _field_errors(gold: GoldNumber, gold_resolution, predicted: Claim, resolution) -> dict:
    labels = gold.labels
    errors = {}
    checks = {
        "entity": (labels.get("entity"), resolution.entity),
        "indicator": (labels.get("indicator"), predicted.indicator),
        "statistic": (labels.get("statistic", "value"), predicted.statistic),
        "period": ((gold_resolution.start, gold_resolution.end, gold_resolution.latest),
                   (resolution.start, resolution.end, resolution.latest)),
        "operator": (labels.get("operator", "="), predicted.operator),
        "value": (round(float(labels.get("value") or 0), 6), round(predicted.value, 6)),
    }
    for name, (want, got) in checks.items():
        if want != got and not _same_reading(name, want, got, labels, predicted):
            errors[name] = (want, got)
    return errors


def _same_reading(name: str, want, got, labels: dict, predicted: Claim) -> bool:
    """Conventions that say the same thing two ways: a rounded fraction, a range's midpoint,
    a round figure read as hedged, the latest year for a sentence's own year."""
    if name == "value":
        if labels.get("low") is not None and predicted.quantity is not None:
            return (predicted.quantity.low, predicted.quantity.high) == (labels.get("low"), labels.get("high"))
        return abs(want - got) <= 0.005 * max(1.0, abs(want))
    if name == "indicator":
        # Words the catalogue reads two ways ("income per person": GNI or GDP per capita).
        from ..catalogue import indicators
        catalogue = indicators()
        return want in catalogue and got in catalogue[want].also
    if name == "operator":
        return {want, got} == {"=", "~"} and predicted.quantity is not None and predicted.quantity.approximate
    if name == "period":
        # "Latest" resolves to the last full year before publication; a rank or level the
        # sentence dates to that same year reads the same value.
        (_, end, latest), (got_start, got_end, got_latest) = want, got
        return latest and not got_latest and got_start == got_end == end
    return False


def evaluate(corpus: Path, gold_path: Path, data: DataSources, today: date) -> Evaluation:
    result = Evaluation()
    result.scores.name = str(corpus)
    gold = load_gold(gold_path)
    by_doc: dict[str, list[GoldNumber]] = {}
    for entry in gold:
        by_doc.setdefault(entry.doc, []).append(entry)
    pending = []
    for doc_name, entries in sorted(by_doc.items()):
        path = corpus / doc_name
        try:
            document = read_document(path, today)
            raw = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        except (InputError, OSError) as exc:
            result.errors.append(str(exc))
            continue
        for entry in entries:
            if not _locate(entry, raw, document):
                result.errors.append(f"{gold_path}:{entry.line}: “{entry.text}” (occurrence {entry.occurrence}) "
                                     f"is not in {doc_name}")
        entries = [e for e in entries if e.start >= 0]
        pending.append((document, entries, extract_claims(document)))
    resolved = []
    for document, entries, predicted in pending:
        gold_claims = [(e, gold_claim(e, document)) for e in entries if e.claim]
        items = ([(c, resolve(c, document.published, today)) for _, c in gold_claims],
                 [(c, resolve(c, document.published, today)) for c in predicted])
        resolved.append((document, entries, gold_claims, items))
    # One fetch for every series any gold or predicted claim needs.
    data.fetch(series_needed(r for *_, items in resolved for pairs in items for _, r in pairs))
    for document, entries, gold_claims, (gold_resolved, predicted_resolved) in resolved:
        gold_verdicts = {e.line: check(c, r, data) for (e, _), (c, r) in zip(gold_claims, gold_resolved)}
        gold_resolutions = {e.line: r for (e, _), (_, r) in zip(gold_claims, gold_resolved)}
        unmatched = list(predicted_resolved)
        for entry in sorted(entries, key=lambda e: e.start):
            overlapping = [(c, r) for c, r in unmatched if _span(c)[0] < entry.end and entry.start < _span(c)[1]]
            labelled = _labelled(entry, document, gold_verdicts.get(entry.line))
            if not entry.claim:
                for c, r in overlapping:
                    result.false_positives.append((document.path.name, c, f"gold says not a claim ({entry.labels.get('why', '')})"))
                    result.scores.taken.append((labelled, check(c, r, data)))
                    unmatched.remove((c, r))
                continue
            match = Match(entry, None, gold_verdict=gold_verdicts[entry.line])
            if overlapping:
                claim, resolution = overlapping[0]
                unmatched.remove((claim, resolution))
                match.predicted = claim
                match.predicted_verdict = check(claim, resolution, data)
                match.field_errors = _field_errors(entry, gold_resolutions[entry.line], claim, resolution)
            result.matches.append(match)
            result.scores.found.append(Found(labelled, match.predicted_verdict))
        for claim, resolution in unmatched:
            result.false_positives.append((document.path.name, claim, "not a number the gold file lists"))
            result.scores.unlabelled.append((document.path.name, check(claim, resolution, data)))
    result.scores.errors = result.errors
    return result


def _labelled(entry: GoldNumber, document: Document, verdict: Verdict | None) -> LabelledNumber:
    return LabelledNumber(article=entry.doc, ident=f"gold.jsonl:{entry.line}", text=entry.text, claim=entry.claim,
                          spans=((entry.start, entry.end),), verdict=verdict.verdict.value if verdict else None,
                          quote=entry.text, why=entry.labels.get("why", ""), record=entry.labels)


def report_text(result: Evaluation) -> str:
    ex = result.extraction()
    lines = [
        f"Claims: {len(result.matches)} in the gold file; found {ex['true_positives']}, missed {ex['false_negatives']}, "
        f"spurious {ex['false_positives']}",
        f"Extraction: precision {ex['precision']:.3f}  recall {ex['recall']:.3f}  F1 {ex['f1']:.3f}",
        "On the claims found: " + "  ".join(f"{name} {acc:.3f}" for name, acc in result.field_accuracy().items()),
    ]
    on_found, on_all, confusion = result.verdicts()
    lines.append(f"Verdicts: accuracy {on_found:.3f} on the claims found, {on_all:.3f} on all gold claims "
                 "(a missed claim counts as wrong)")
    kinds = [kind.value for kind in VerdictKind]
    predicted_kinds = kinds + ["missed"]
    rows = [[f"gold {g}"] + [confusion.get((g, p), 0) for p in predicted_kinds] for g in kinds]
    lines += ["", tabulate(rows, ["", *predicted_kinds], tablefmt="simple"), ""]
    misses = [m for m in result.matches if m.predicted is None]
    if misses:
        lines.append("Missed claims:")
        lines += [f"  {m.gold.doc}: “{m.gold.text}” ({m.gold.labels.get('indicator')}, "
                  f"{m.gold.labels.get('statistic', 'value')})" for m in misses]
    if result.false_positives:
        lines.append("Spurious claims:")
        lines += [f"  {doc}:{c.line}: “{c.number_text}” taken as {c.statistic} of {c.indicator}: {why}"
                  for doc, c, why in result.false_positives]
    wrong = [m for m in result.found if m.field_errors]
    if wrong:
        lines.append("Misread claims (gold → found):")
        lines += [f"  {m.gold.doc}: “{m.gold.text}”: " + "; ".join(f"{k} {w} → {g}" for k, (w, g) in m.field_errors.items())
                  for m in wrong]
    off = [m for m in result.found if m.gold_verdict.verdict != m.predicted_verdict.verdict]
    if off:
        lines.append("Verdicts that differ (gold → found):")
        lines += [f"  {m.gold.doc}: “{m.gold.text}”: {m.gold_verdict.verdict.value} → {m.predicted_verdict.verdict.value}"
                  for m in off]
    lines += [f"error: {e}" for e in result.errors]
    return "\n".join(lines)


def report_json(result: Evaluation) -> dict:
    on_found, on_all, confusion = result.verdicts()
    return {
        "extraction": result.extraction(),
        "fields": result.field_accuracy(),
        "verdicts": {"accuracy_found": on_found, "accuracy_all": on_all,
                     "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(confusion.items())]},
        "missed": [{"doc": m.gold.doc, "text": m.gold.text} for m in result.matches if m.predicted is None],
        "spurious": [{"doc": d, "text": c.number_text, "why": why} for d, c, why in result.false_positives],
        "errors": result.errors,
    }
