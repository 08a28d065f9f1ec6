"""Stage 6, report: markdown an editor reads in a minute, JSON for machines, a terminal line per claim.

Article text is quoted, never trusted: every quoted string is escaped so it cannot
break a table, open an HTML tag or forge a heading.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import __version__
from . import format as fmt
from .catalogue import indicators
from .chart import chartable, draw_chart
from .check import SOURCE_LABELS, claimed_words
from .files import write_atomic
from .overrides import fingerprint
from .records import SEVERITY, DocumentResult, Evidence, Verdict, VerdictKind
from .suggest import suggested_wording

SCHEMA = "verifier/1"


# --- escaping and files ---------------------------------------------------------------


ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_[]|~#!"}})
WHITESPACE = re.compile(r"\s+")
UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")


@lru_cache(maxsize=8192)
def escape(text: str) -> str:
    """Article text made inert in markdown: no tags, links, emphasis, or table breaks.
    Cached: sources, editions and series names recur in every claim of a long run."""
    if UNUSUAL_SPACE.search(text):
        text = WHITESPACE.sub(" ", text)
    return text.translate(ESCAPES)


def code(text: str) -> str:
    """Text in a code span: backslash escapes show literally there ("NGDP\\_RPCH"), so only
    the table's pipe is escaped; text with a backtick is not put in a span at all."""
    if "`" in text:
        return escape(text)
    return "`" + WHITESPACE.sub(" ", text).replace("|", "\\|") + "`"


# Room under the usual 255-byte limit for what is named after a report: the atomic
# write's ".NAME.XXXXXXXX.tmp", ClaimReview's "STEM-claim-N.jsonld" and the charts folder.
MAX_STEM_BYTES = 150


def _safe_stem(text: str) -> str:
    """Letters, digits, `.`, `_` and `-` only; a long stem is cut and keeps a hash of
    the whole so two long names that share a beginning stay apart."""
    stem = re.sub(r"[^\w.-]+", "-", unicodedata.normalize("NFC", text)).strip("-.")
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        cut = encoded[:MAX_STEM_BYTES - 9].decode("utf-8", "ignore").rstrip("-.")
        stem = f"{cut}-{hashlib.sha1(encoded).hexdigest()[:8]}"
    return stem


def report_names(paths: list[Path]) -> dict[Path, str]:
    """A safe, unique file name in the reports folder for each article. Names are
    compared case-blind (reports may sit on a case-insensitive disk), and each report's
    charts folder (its name without `.md`) is taken too: "a.md.md" must not put its
    charts in a folder called "a.md" when another article's report has that name."""
    names: dict[Path, str] = {}
    taken = {"index.md", "index"}

    def free(stem: str) -> bool:
        return stem.casefold() not in taken and f"{stem}.md".casefold() not in taken

    for path in paths:
        stem = _safe_stem(path.stem) or "article"
        if not free(stem):
            parent = _safe_stem(path.parent.name)
            stem = _safe_stem(f"{parent}-{stem}") if parent else stem
        base, counter = stem, 2
        while not free(stem):
            stem = f"{base}-{counter}"
            counter += 1
        taken.update((stem.casefold(), f"{stem}.md".casefold()))
        names[path] = f"{stem}.md"
    return names


# --- pieces shared by the formats -----------------------------------------------------


def counts_line(verdicts: list[Verdict]) -> str:
    counts = Counter(v.verdict for v in verdicts)
    parts = [f"{counts[kind]} {kind.value}" for kind in reversed(SEVERITY) if counts[kind]]
    total = len(verdicts)
    review = sum(v.review for v in verdicts)
    held = f" ({review} held for review)" if review else ""
    return f"{total} claim{'s' if total != 1 else ''}" + (": " + " · ".join(parts) if parts else "") + held


def worst(verdicts: list[Verdict]) -> VerdictKind | None:
    kinds = {v.verdict for v in verdicts}
    return next((kind for kind in SEVERITY if kind in kinds), None)


def actual_text(verdict: Verdict) -> str:
    if verdict.actual is None:
        return "—"
    return fmt.amount(verdict.actual, verdict.actual_unit)


def source_text(verdict: Verdict) -> str:
    return verdict.primary.description if verdict.primary else "no data"


def quote_excerpt(verdict: Verdict, width: int = 70) -> str:
    """The words around the number, the number in bold, escaped."""
    claim = verdict.claim
    start = max(0, claim.quote_start - width)
    end = min(len(claim.quote), claim.quote_end + width)
    before = ("…" if start > 0 else "") + escape(claim.quote[start:claim.quote_start])
    after = escape(claim.quote[claim.quote_end:end]) + ("…" if end < len(claim.quote) else "")
    return f"{before}**{escape(claim.number_text)}**{after}".strip()


def period_words(verdict: Verdict) -> str:
    claim, resolution = verdict.claim, verdict.resolution
    where = {"sentence": "", "previous sentence": ", from the sentence before"}.get(claim.period.found_in, "")
    written = f"“{claim.period.text}”{where}: " if claim.period.text else "not stated: "
    return written + resolution.period_text


# --- markdown -------------------------------------------------------------------------


def markdown_table(headers: list[str], rows: list[list]) -> str:
    """A pipe table. Cells are escaped text already; tabulate's type sniffing cost more
    than half the report time on long runs (0.6 ms a table, measured), and a report has
    three tables a claim."""
    cells = [list(map(str, row)) for row in rows]
    widths = [max(map(len, column)) for column in zip(headers, *cells)]
    def line(values):
        return "| " + " | ".join(map(str.ljust, values, widths)) + " |"
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, cells)])


def published_text(document) -> str:
    return document.published.isoformat() if document.published else "unknown"


def article_markdown(result: DocumentResult, data_labels: list[str], run_date: date,
                     charts: dict[int, str] | None = None) -> str:
    """`charts`: claim number -> the chart's path relative to the report."""
    document, verdicts = result.document, result.verdicts
    lines = [
        f"# Verification report: {escape(document.title)}",
        "",
        f"- **Article:** {escape(str(document.path))}",
        f"- **Published:** {published_text(document)} ({escape(document.published_source)})",
        f"- **Data:** {escape('; '.join(data_labels)) or 'none given'}",
        f"- **Checked:** {run_date.isoformat()} by verifier {__version__}",
        "",
        f"**{counts_line(verdicts)}**",
        "",
    ]
    if not verdicts:
        lines += ["No statistical claims were found in this article.", ""]
        return "\n".join(lines)
    rows = [
        [i, v.claim.line, quote_excerpt(v), f"**{v.verdict.value}**", escape(claimed_words(v.claim)),
         escape(actual_text(v)), escape(source_text(v))]
        for i, v in enumerate(verdicts, 1)
    ]
    lines += [markdown_table(["#", "Line", "Claim", "Verdict", "Claimed", "Actual", "Reading"], rows), ""]
    for i, verdict in enumerate(verdicts, 1):
        lines += _claim_section(i, verdict, (charts or {}).get(i))
    return "\n".join(lines)


def claim_title(number: int, verdict: Verdict) -> str:
    """A claim's heading in its article's report (ClaimReview links to its anchor)."""
    return f"{number}. {verdict.claim.number_text}: {verdict.verdict.value} (line {verdict.claim.line})"


def _claim_section(number: int, verdict: Verdict, chart: str | None = None) -> list[str]:
    claim, resolution = verdict.claim, verdict.resolution
    indicator = indicators().get(claim.indicator or "")
    read_as = [
        ["Indicator", escape(f"{indicator.name} (cue: “{claim.indicator_cue}”)" if indicator else "—")],
        ["Statistic", escape(claim.statistic + (f" within {resolution.group_name}" if resolution.group_name else ""))],
        ["Country", escape(f"{resolution.entity_name or '—'} ({claim.entity_cue})")],
        ["Period", escape(period_words(verdict))],
        ["Operator", escape(claimed_words(claim))],
        ["Source cited", escape(SOURCE_LABELS.get(claim.source_cited or "", "none"))],
        ["Whose claim", escape("quoted by the article (someone else's words)" if claim.voice == "quoted"
                               else "the article's own")],
        ["Confidence", escape(verdict.confidence + (": " + "; ".join(verdict.doubts) if verdict.doubts else
                                                    ": nothing had to be assumed"))],
    ]
    if claim.also:
        read_as.append(["Also said at", escape(", ".join(f"line {line}" for _, _, line in claim.also))])
    lines = [
        f"## {escape(claim_title(number, verdict))}",
        "",
        f"> {quote_excerpt(verdict, width=10_000)}",
        "",
        f"**Verdict: {verdict.verdict.value}.** {escape(verdict.explanation)}",
        "",
    ]
    if verdict.review:
        lines += [f"**Needs review.** The tool is not sure it read the claim as the article means it; read so, it "
                  f"would be {verdict.review_verdict.value}. It does not block publication unless the desk's settings "
                  "say so (`review_blocks`).", ""]
    if verdict.override is not None:
        lines += [f"**Editor: {escape(verdict.override.describe())}**"
                  + ("" if verdict.override.passes else " — no longer applies; the claim counts again."), ""]
    wording = suggested_wording(verdict)
    if wording:
        lines += [f"**Suggested wording:** {escape(wording)}", ""]
    if chart:
        lines += [f"![The series, with the claim marked]({chart})", ""]
    lines += [markdown_table(["Read as", ""], read_as), ""]
    if verdict.evidence:
        rows = [
            [escape(e.source), escape(e.edition), code(e.series), escape(e.series_name), escape(e.entity),
             escape(e.years), escape(fmt.amount(e.value, e.unit)),
             escape(status(e)), escape(provenance(e)), f"<{e.url}>" if e.url else ""]
            for e in verdict.evidence
        ]
        lines += ["**Evidence**", "",
                  markdown_table(["Source", "Edition", "Series", "Name", "Entity", "Years", "Value", "Status", "Retrieved",
                                  "Link"], rows),
                  ""]
        notes = [e.note for e in verdict.evidence if e.note]
        lines += [f"How computed: {escape(note)}" for note in notes] + ([""] if notes else [])
    if verdict.alternatives:
        rows = []
        for r in verdict.alternatives:
            e = r.evidence[0] if r.evidence else None
            rows.append([
                escape(r.description), escape(fmt.amount(r.actual, r.unit)) if r.actual is not None else "—",
                r.verdict.value,
                code(e.series) if e else "—", escape(e.edition) if e else "—",
                escape(status(e)) if e else "—", escape(provenance(e)) if e else "—",
                escape(r.detail),
            ])
        lines += ["**Other readings**", "",
                  markdown_table(["Reading", "Value", "Verdict", "Series", "Edition", "Status", "Retrieved", "Detail"], rows), ""]
    return lines


def status(e: Evidence) -> str:
    """Actual, estimate or projection, as the source says; or what it leaves unsaid."""
    if e.estimate_years:
        return "estimate or projection: " + ", ".join(map(str, e.estimate_years))
    return e.estimate_note or "actual"


def provenance(e: Evidence) -> str:
    """Where and when the value was obtained: "2026-11-25, fetched from api.worldbank.org"."""
    if e.retrieved:
        return f"{e.retrieved}, {e.origin}" if e.origin else e.retrieved
    return e.origin or "—"


def index_markdown(results: list[DocumentResult], names: dict[Path, str], errors: list[str], run_date: date) -> str:
    def order(result: DocumentResult):
        kind = worst(result.verdicts)
        return (SEVERITY.index(kind) if kind else len(SEVERITY), str(result.document.path))

    rows = []
    for result in sorted(results, key=order):
        counts = Counter(v.verdict for v in result.verdicts)
        kind = worst(result.verdicts)
        rows.append([
            f"[{escape(result.document.title)}]({names[result.document.path]})",
            escape(str(result.document.path)),
            published_text(result.document),
            len(result.verdicts),
            *[counts[k] for k in SEVERITY],
            kind.value if kind else "—",
        ])
    headers = ["Article", "Path", "Published", "Claims", *[k.value for k in SEVERITY], "Worst"]
    total = [v for r in results for v in r.verdicts]
    lines = [
        "# Verification reports",
        "",
        f"Checked {run_date.isoformat()} by verifier {__version__}: {len(results)} article"
        f"{'s' if len(results) != 1 else ''}, {counts_line(total)}.",
        "",
        markdown_table(headers, rows) if rows else "No articles were checked.",
        "",
    ]
    if errors:
        lines += ["## Files that could not be checked", ""] + [f"- {escape(e)}" for e in errors] + [""]
    return "\n".join(lines)


def write_article_report(result: DocumentResult, folder: Path, name: str, data_labels: list[str], run_date: date,
                         charts: bool = True) -> Path:
    """One article's report, and its charts in a folder named after it."""
    target = folder / name
    drawn = {}
    if charts:
        for number, verdict in enumerate(result.verdicts, 1):
            if chartable(verdict):
                relative = f"{target.stem}/claim-{number}.png"
                draw_chart(verdict, folder / relative)
                drawn[number] = relative
    write_atomic(target, article_markdown(result, data_labels, run_date, drawn))
    return target


def write_reports(results: list[DocumentResult], errors: list[str], folder: Path, data_labels: list[str],
                  run_date: date, charts: bool = True, articles_written: bool = False,
                  names: dict[Path, str] | None = None) -> None:
    """Every article's report (unless already written as each was checked) and index.md.
    `names`: the names the reports were written under. Recomputed from the results alone,
    a name shifts when an unreadable article drops out, and index.md links to another
    article's (or a stale) report."""
    names = names or report_names([r.document.path for r in results])
    if not articles_written:
        for result in results:
            write_article_report(result, folder, names[result.document.path], data_labels, run_date, charts)
    write_atomic(folder / "index.md", index_markdown(results, names, errors, run_date))


# --- JSON -----------------------------------------------------------------------------


def claim_json(claim) -> dict:
    return {
        "id": claim.id,
        "line": claim.line,
        "quote": claim.quote,
        "number_text": claim.number_text,
        "value": claim.value,
        "unit": claim.unit,
        "operator": claim.operator,
        "statistic": claim.statistic,
        "indicator": claim.indicator,
        "entity": claim.entity,
        "period": {
            "kind": claim.period.kind, "text": claim.period.text, "start": claim.period.start,
            "end": claim.period.end, "years": claim.period.years, "found_in": claim.period.found_in,
        },
        "source_cited": claim.source_cited,
        "other": claim.other,
        "group": claim.group,
        "voice": claim.voice,
        # Every place the claim is made: its line, and the number's offset in the article's
        # text (after any front matter), the first the one the quote is from.
        "places": [{"line": claim.line, "offset": claim.quote_offset + claim.quote_start}]
        + [{"line": line, "offset": start} for start, _, line in claim.also],
    }


def verdict_json(verdict: Verdict) -> dict:
    def reading(r):
        return {"description": r.description, "value": r.actual, "unit": r.unit, "verdict": r.verdict.value,
                "detail": r.detail, "evidence": [evidence(e) for e in r.evidence]}

    def evidence(e):
        return {"source": e.source, "edition": e.edition, "series": e.series, "series_name": e.series_name,
                "entity": e.entity, "years": e.years, "value": e.value, "unit": e.unit,
                "estimate": bool(e.estimate_years), "estimate_years": list(e.estimate_years),
                "estimate_note": e.estimate_note or None,
                "url": e.url, "note": e.note, "retrieved": e.retrieved or None, "origin": e.origin}

    entry = claim_json(verdict.claim)
    entry.update({
        "entity_code": verdict.resolution.entity,
        "group_code": verdict.resolution.group,
        "years": {"start": verdict.resolution.start, "end": verdict.resolution.end, "latest": verdict.resolution.latest},
        "verdict": verdict.verdict.value,
        "confidence": verdict.confidence,
        "doubts": list(verdict.doubts),
        "review": verdict.review,
        "review_verdict": verdict.review_verdict.value if verdict.review_verdict else None,
        "actual": {"value": verdict.actual, "unit": verdict.actual_unit} if verdict.actual is not None else None,
        "evidence": [evidence(e) for e in verdict.evidence],
        "alternatives": [reading(r) for r in verdict.alternatives],
        "explanation": verdict.explanation,
        "suggested_wording": suggested_wording(verdict) or None,
        "fingerprint": fingerprint(verdict.claim),
        "override": None if verdict.override is None else {
            "kind": verdict.override.kind, "reason": verdict.override.reason, "by": verdict.override.by or None,
            "date": verdict.override.date.isoformat() if verdict.override.date else None,
            "expires": verdict.override.expires.isoformat() if verdict.override.expires else None,
            "passes": verdict.override.passes,
        },
    })
    return entry


def run_json(results: list[DocumentResult], errors: list[str], data_labels: list[str]) -> dict:
    return {
        "schema": SCHEMA,
        "data": data_labels,
        "documents": [
            {"path": str(r.document.path), "title": r.document.title,
             "published": r.document.published.isoformat() if r.document.published else None,
             "published_source": r.document.published_source, "text_offset": r.document.text_offset,
             "claims": [verdict_json(v) for v in r.verdicts]}
            for r in results
        ],
        "errors": errors,
    }


def write_json(path: Path, payload: dict) -> None:
    write_atomic(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


# --- terminal -------------------------------------------------------------------------


def terminal_line(verdict: Verdict) -> str:
    claim = verdict.claim
    actual = f"actual {actual_text(verdict)} ({source_text(verdict)})" if verdict.actual is not None else verdict.explanation
    line = f"{claim.path}:{claim.line}: “{claim.number_text}” {verdict.verdict.value} — {actual}"
    if verdict.review:
        line += f" [needs review: read so, {verdict.review_verdict.value}]"
    if verdict.override is not None:
        line += f" [{verdict.override.describe()}]"
    return fmt.one_line(line)
