"""The pipeline, end to end: read -> extract -> resolve -> fetch -> check.

Reporting and the gate take the results from here; the command line only wires flags.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .catalogue import EXTENSIONS, extend, indicators
from .check import Tolerances, check
from .extract import extract_claims
from .fetch import DataSources
from .overrides import SignOff, apply_directives, apply_overrides
from .read import InputError, find_articles, read_document
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


@dataclass
class _Read:
    """One article through the stages that need no data: read, extract, resolve."""

    document: Document | None
    accepted: dict
    resolved: list[tuple[Claim, Resolution]]
    error: str = ""


def _read_and_resolve(path: Path, today: date) -> _Read:
    try:
        document = read_document(path, today)
    except InputError as exc:
        return _Read(None, {}, [], str(exc))
    claims, accepted = apply_directives(document, extract_claims(document))
    return _Read(document, accepted, [(claim, resolve(claim, document.published)) for claim in claims])


# Below this many articles per worker, starting processes costs more than it saves.
MIN_ARTICLES_PER_JOB = 8


def _read_all(files: list[Path], today: date, jobs: int,
              progress: Callable[[list[Path]], Iterable[Path]]) -> Iterator[_Read]:
    """Articles in order; across `jobs` processes when there are enough of them."""
    jobs = min(jobs, len(files) // MIN_ARTICLES_PER_JOB)
    if jobs <= 1:
        for path in progress(files):
            yield _read_and_resolve(path, today)
        return
    # Workers start from the parent's catalogue, with any phrases and groups a config added.
    with ProcessPoolExecutor(jobs, initializer=extend, initargs=(EXTENSIONS["phrases"], EXTENSIONS["groups"],
                                                                 EXTENSIONS["origin"])) as pool:
        chunk = max(1, min(64, len(files) // (jobs * 8)))
        results = pool.map(_read_and_resolve, files, repeat(today), chunksize=chunk)
        done = iter(progress(files))
        for read in results:
            next(done, None)
            yield read


def run(paths: list[Path], data: DataSources, today: date, signoffs: dict[str, SignOff] | None = None,
        only: Callable[[Document, Claim], bool] | None = None,
        progress: Callable[[list[Path]], Iterable[Path]] = iter, tolerances: Tolerances = Tolerances(),
        jobs: int = 1) -> RunResult:
    """`only` keeps some claims (--changed-since); `progress` wraps the file loop (a bar);
    `jobs` processes read and extract the articles (checking, a lookup in loaded data, stays here)."""
    result = RunResult()
    files, result.errors = find_articles(paths)
    pending = []
    for read in _read_all(files, today, jobs, progress):
        if read.error:
            result.errors.append(read.error)
            continue
        resolved = read.resolved
        if only is not None:
            resolved = [(claim, resolution) for claim, resolution in resolved if only(read.document, claim)]
        pending.append((read.document, read.accepted, resolved))
    # One fetch for the whole run: every series any claim needs, from every source.
    data.fetch(series_needed(resolution for _, _, resolved in pending for _, resolution in resolved))
    for document, accepted, resolved in pending:
        verdicts = [check(claim, resolution, data, tolerances) for claim, resolution in resolved]
        verdicts = apply_overrides(verdicts, accepted, signoffs or {}, today)
        result.documents.append(DocumentResult(document, verdicts))
    return result
