"""The pipeline, end to end: read -> extract -> resolve -> fetch -> check.

Reporting and the gate take the results from here; the command line only wires flags.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .catalogue import indicators
from .check import Tolerances, check
from .extract import extract_claims
from .fetch import DataSources
from .read import read_articles
from .overrides import SignOff, apply_directives, apply_overrides
from .records import Claim, Document, DocumentResult, Resolution
from .resolve import resolve


@dataclass
class RunResult:
    documents: list[DocumentResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: "path: problem"


def series_needed(resolutions: Iterable[Resolution]) -> Iterator[tuple[str, str]]:
    """(source, series code) for every source each resolved claim may be checked against."""
    for resolution in resolutions:
        if resolution.indicator:
            indicator = indicators()[resolution.indicator]
            yield from ((source, indicator.series_for(source)) for source in resolution.sources)


def run(paths: list[Path], data: DataSources, today: date, signoffs: dict[str, SignOff] | None = None,
        only: Callable[[Document, Claim], bool] | None = None,
        progress: Callable[[list[Path]], Iterable[Path]] = iter, tolerances: Tolerances = Tolerances()) -> RunResult:
    """`only` keeps some claims (--changed-since); `progress` wraps the file loop (a bar)."""
    result = RunResult()
    pending = []
    for document in read_articles(paths, today, result.errors, progress):
        claims, accepted = apply_directives(document, extract_claims(document))
        if only is not None:
            claims = [claim for claim in claims if only(document, claim)]
        pending.append((document, accepted, [(claim, resolve(claim, document.published)) for claim in claims]))
    # One fetch for the whole run: every series any claim needs, from every source.
    data.fetch(series_needed(resolution for _, _, resolved in pending for _, resolution in resolved))
    for document, accepted, resolved in pending:
        verdicts = [check(claim, resolution, data, tolerances) for claim, resolution in resolved]
        verdicts = apply_overrides(verdicts, accepted, signoffs or {}, today)
        result.documents.append(DocumentResult(document, verdicts))
    return result
