"""ClaimReview (schema.org JSON-LD), one file per claim, for fact-check databases.

Google's Fact Check Tools and similar indexes read `claimReviewed`, `reviewRating` (its
`alternateName` is the verdict in words), `itemReviewed` (the claim, with the article as
its `appearance`), `author`, `datePublished` and `url`.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote

from .files import write_atomic
from .records import DocumentResult, Verdict, VerdictKind
from .report import claim_title
from .suggest import suggested_wording

# schema.org Rating: 1 (worst) to 5 (best); an unverifiable claim gets no number.
RATING = {VerdictKind.ACCURATE: 5, VerdictKind.CLOSE: 4, VerdictKind.MISLEADING: 2, VerdictKind.INACCURATE: 1}


def claim_review(verdict: Verdict, document_url: str, review_url: str, author: str, run_date: date) -> dict:
    claim = verdict.claim
    rating = {"@type": "Rating", "alternateName": verdict.verdict.value, "bestRating": 5, "worstRating": 1}
    if verdict.verdict in RATING:
        rating["ratingValue"] = RATING[verdict.verdict]
    explanation = verdict.explanation
    wording = suggested_wording(verdict)
    if wording:
        explanation += f" Suggested wording: {wording}"
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url,
        "datePublished": run_date.isoformat(),
        "author": {"@type": "Organization", "name": author},
        "claimReviewed": " ".join(claim.quote.split()),
        "reviewBody": explanation,
        "reviewRating": rating,
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {"@type": "CreativeWork", "url": document_url},
        },
    }


def write_claim_reviews(documents: list[DocumentResult], folder: Path, report_names: dict[Path, str],
                        author: str, run_date: date, base_url: str = "") -> list[Path]:
    """`{article}-claim-{n}.jsonld` for every claim; `url` points at the claim's section of the report."""
    written = []
    for result in documents:
        document = result.document
        report = report_names[document.path]
        document_url = document.path.resolve().as_uri()
        for number, verdict in enumerate(result.verdicts, 1):
            anchor = _anchor(number, verdict)
            review_url = f"{base_url.rstrip('/')}/{quote(report)}#{anchor}" if base_url else f"{quote(report)}#{anchor}"
            review = claim_review(verdict, document_url, review_url, author, run_date)
            appearance = {"headline": document.title}
            if document.published:
                appearance["datePublished"] = document.published.isoformat()
            review["itemReviewed"]["appearance"].update(appearance)
            target = folder / f"{Path(report).stem}-claim-{number}.jsonld"
            write_atomic(target, json_ld(review))
            written.append(target)
    return written


def json_ld(review: dict) -> str:
    """JSON-LD is pasted into pages inside <script type="application/ld+json">: a claim
    quoting "</script><script>…" must not close that tag, so <, > and & are written as
    JSON escapes (the same JSON to any parser)."""
    text = json.dumps(review, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def _anchor(number: int, verdict: Verdict) -> str:
    """The heading anchor GitHub-style markdown renderers give a claim's section."""
    return re.sub(r"[^\w\- ]", "", claim_title(number, verdict).lower()).replace(" ", "-")
