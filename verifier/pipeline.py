"""The pipeline, end to end: read -> extract -> resolve -> fetch -> check.

Reporting and the gate take the results from here; the command line only wires flags.
"""
from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .catalogue import indicators
from .check import Tolerances, check
from .extract import extract_claims
from .fetch import DataSources
from .fetch.manage import catalogue_series
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
            for key in indicator.also + indicator.less_natural:  # the same words under another definition
                other = indicators()[key]
                yield from ((source, other.series_for(source)) for source in ("world_bank", "imf")
                            if other.series_for(source))


def _read_and_resolve(path: Path, today: date, only: Callable[[Document, Claim], bool] | None):
    """An article read, its claims extracted and resolved: (document, accepted, resolved),
    or the one-line error that says why it could not be read."""
    try:
        document = read_document(path, today)
    except InputError as exc:
        return str(exc)
    try:
        claims, accepted = apply_directives(document, extract_claims(document))
        if only is not None:
            claims = [claim for claim in claims if only(document, claim)]
        return document, accepted, [(claim, resolve(claim, document.published, today)) for claim in claims]
    except Exception as exc:  # noqa: BLE001 - a bug must cost one article, not the run
        return _bug(path, "reading its claims", exc)


def _bug(path: Path, stage: str, exc: Exception) -> str:
    """The one line for an article verifier itself failed on: the run goes on, and exits 2."""
    return (f"{path}: verifier failed while {stage} ({type(exc).__name__}: {exc}); "
            "this is a bug in verifier: please report it with the article")


def _checked_or_bug(read, data: DataSources, signoffs: dict[str, SignOff], tolerances: Tolerances,
                    today: date) -> DocumentResult | str:
    try:
        return _checked(read, data, signoffs, tolerances, today)
    except Exception as exc:  # noqa: BLE001 - a bug must cost one article, not the run
        return _bug(read[0].path, "checking its claims", exc)


def _checked(read, data: DataSources, signoffs: dict[str, SignOff], tolerances: Tolerances,
             today: date) -> DocumentResult:
    document, accepted, resolved = read
    verdicts = [check(claim, resolution, data, tolerances) for claim, resolution in resolved]
    return DocumentResult(document, apply_overrides(verdicts, accepted, signoffs, today))


# Below this many articles per worker, starting processes costs more than it saves.
MIN_ARTICLES_PER_JOB = 8
_WORKER: dict = {}  # what each worker process was started with (inherited by fork, not pickled)


def _worker_check(path: Path) -> DocumentResult | str:
    settings = _WORKER
    read = _read_and_resolve(path, settings["today"], settings["only"])
    if isinstance(read, str):
        return read
    result = _checked_or_bug(read, settings["data"], settings["signoffs"], settings["tolerances"], settings["today"])
    if isinstance(result, str):
        return result
    if settings["after_check"] is not None:
        settings["after_check"](result)
    return _slim(result, settings["details"])


def _slim(result: DocumentResult, details: bool) -> DocumentResult:
    """What the parent still needs once the report is written: no article text and no
    chart series, so ten thousand results cross the process boundary, and stay in
    memory, at a fraction of the size. Without `details`, only what a verdict's line
    and the index show: no quoted sentence, evidence or other readings."""
    if details:
        verdicts = [replace(v, primary=_slim_reading(v.primary), alternatives=tuple(map(_slim_reading, v.alternatives)))
                    for v in result.verdicts]
    else:
        verdicts = [replace(v, claim=replace(v.claim, quote="", quantity=None), alternatives=(),
                            primary=v.primary and replace(v.primary, evidence=()))
                    for v in result.verdicts]
    return DocumentResult(replace(result.document, text=""), verdicts)


def _slim_reading(reading):
    if reading is None:
        return None
    return replace(reading, evidence=tuple(replace(e, trace=()) for e in reading.evidence))


def _parallel(files: list[Path], jobs: int) -> bool:
    return jobs > 1 and len(files) >= 2 * MIN_ARTICLES_PER_JOB and "fork" in get_all_start_methods()


def run(paths: list[Path], data: DataSources, today: date, signoffs: dict[str, SignOff] | None = None,
        only: Callable[[Document, Claim], bool] | None = None,
        progress: Callable[[list[Path]], Iterable[Path]] = iter, tolerances: Tolerances = Tolerances(),
        jobs: int = 1, after_check: Callable[[DocumentResult], None] | None = None,
        details: bool = True) -> RunResult:
    """`only` keeps some claims (--changed-since); `progress` wraps the file loop (a bar);
    `after_check` runs on each article as soon as it is checked (writing its report), in
    the process that checked it. With `jobs` > 1 and enough articles, articles are checked
    in that many processes, forked once every series the catalogue can use is loaded;
    they send back no article text or chart series, and with `details` False (the
    caller only prints verdict lines and the index) only what those show."""
    result = RunResult()
    files, result.errors = find_articles(paths)
    if not _parallel(files, jobs):
        reads = []
        for path in progress(files):
            read = _read_and_resolve(path, today, only)
            if isinstance(read, str):
                result.errors.append(read)
            else:
                reads.append(read)
        # One fetch for the whole run: every series any claim needs, from every source.
        data.fetch(series_needed(resolution for _, _, resolved in reads for _, resolution in resolved))
        for read in reads:
            checked = _checked_or_bug(read, data, signoffs or {}, tolerances, today)
            if isinstance(checked, str):
                result.errors.append(checked)
                continue
            if after_check is not None:
                after_check(checked)
            result.documents.append(checked)
        return result
    # Many articles: load every series once here, then fork; workers share the loaded data.
    data.fetch((source, code) for source, codes in catalogue_series().items() for code in codes)
    _WORKER.update(today=today, data=data, signoffs=signoffs or {}, only=only, tolerances=tolerances,
                   after_check=after_check, details=details)
    # The loaded series are never freed: out of the collector's sight, forked workers do
    # not copy the pages its passes would touch. Results are plain records without cycles:
    # while they pile up, the cycle collector would only walk them again and again.
    gc.freeze()
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ProcessPoolExecutor(min(jobs, len(files) // MIN_ARTICLES_PER_JOB), mp_context=get_context("fork")) as pool:
            chunk = max(1, min(32, len(files) // (jobs * 16)))
            done = iter(progress(files))
            for checked in pool.map(_worker_check, files, chunksize=chunk):
                next(done, None)
                if isinstance(checked, str):
                    result.errors.append(checked)
                else:
                    result.documents.append(checked)
    finally:
        _WORKER.clear()
        # The results live until the run ends: set aside with the series, so the collector,
        # back on, does not walk them again through the index and the printing.
        gc.freeze()
        if collecting:
            gc.enable()
    return result
