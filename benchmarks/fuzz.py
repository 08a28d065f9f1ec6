"""Fuzz campaign: many generated documents through everything `verify` does with an article.

    python benchmarks/fuzz.py --documents 100000        # the campaign: both cores, about 15 minutes
    python benchmarks/fuzz.py --documents 2000           # a quick look
    python benchmarks/fuzz.py --replay fuzz-findings/crash-0001234.md

Each document is made from the seed and its number alone (seeded, so any one can be made
again): real-looking articles from benchmarks/corpus.py, mutated (digits made Unicode
digits, odd spaces and separators, junk and long runs spliced in); token soup from the
property tests' vocabulary (tests/test_properties.py); and random Unicode. Each is read,
its numbers listed, its claims extracted, resolved and checked against the local
snapshots (loaded once, then shared by forked workers), and every output made: the
markdown report and index, JSON, GitHub annotations, terminal lines and ClaimReview. The
report must keep its structure: one heading per claim and no raw HTML.

A document that raises, breaks that structure or kills its worker is a crash; one that
takes longer than --timeout seconds (2) is a hang, and its worker is killed and replaced.
Each is saved in --findings as NAME.md (the document) and NAME.txt (what happened). Not
part of the test suite (pytest collects tests/ only); tests/test_properties.py runs 50
documents through `campaign` so this keeps working.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import sys
import time
import traceback
from collections import deque
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402
from tests.test_properties import (  # noqa: E402  (the property tests' vocabulary)
    BRACKETS, MARKUP, RUNS, SEPARATORS, SIGNS, SPACES, TOKENS, UNICODE_DIGITS)

from verifier.check import Tolerances, check  # noqa: E402
from verifier.claimreview import claim_review, json_ld  # noqa: E402
from verifier.console import github_lines, text_lines  # noqa: E402
from verifier.extract import extract_claims  # noqa: E402
from verifier.fetch import DataSources, open_source  # noqa: E402
from verifier.fetch.manage import catalogue_series  # noqa: E402
from verifier.gate import DEFAULT_FAIL_ON  # noqa: E402
from verifier.overrides import apply_directives, apply_overrides  # noqa: E402
from verifier.quantities import find_quantities  # noqa: E402
from verifier.read import InputError, parse_document  # noqa: E402
from verifier.records import DocumentResult  # noqa: E402
from verifier.report import article_markdown, index_markdown, run_json  # noqa: E402
from verifier.resolve import resolve  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "data"
DEFAULT_DATA = [SHARED / "wdi", SHARED / "weo" / "weo-2025-10.csv"]
TODAY = date(2026, 11, 25)
CHUNK = 64  # documents a worker is handed at a time


# --- documents ---------------------------------------------------------------------------


def junk(rng: random.Random) -> str:
    """One piece of adversarial text, at most a few thousand characters."""
    pick = rng.random()
    if pick < 0.6:
        return rng.choice(TOKENS)
    if pick < 0.75:
        return rng.choice(RUNS) * rng.choice([2, 10, 100, rng.randint(1, 1500)])
    if pick < 0.8:
        depth = rng.randint(1, 300)
        return "(" * depth + f"{rng.uniform(-1e6, 1e6):.{rng.randint(0, 3)}f}%" + ")" * depth
    if pick < 0.9:
        return "".join(rng.choice("0123456789" + UNICODE_DIGITS + ",. ") for _ in range(rng.randint(1, 60)))
    number = rng.choice([rng.randint(-10**12, 10**12), rng.random() * 10 ** rng.randint(-5, 30), float("inf")])
    return rng.choice(["", "-", "$", "US$", "€", "top ", "the "]) + str(number)


def mutate(rng: random.Random, text: str, edits: int) -> str:
    """A real-looking article damaged in the places numbers are read."""
    chars = list(text)
    for _ in range(edits):
        if not chars:
            break
        at = rng.randrange(len(chars))
        edit = rng.random()
        if edit < 0.4:
            chars[at:at] = list(junk(rng))
        elif edit < 0.55 and chars[at].isdigit():
            chars[at] = rng.choice(UNICODE_DIGITS)
        elif edit < 0.7 and chars[at] == " ":
            chars[at] = rng.choice(SPACES)
        elif edit < 0.8:
            chars[at:at] = list(rng.choice(SEPARATORS + SIGNS + BRACKETS + MARKUP))
        elif edit < 0.9:
            del chars[at:at + rng.randint(1, 20)]
        else:
            chars[at:at] = chars[max(0, at - rng.randint(1, 200)):at]  # a stretch said twice
    return "".join(chars)


def random_unicode(rng: random.Random, size: int) -> str:
    """Characters from anywhere in Unicode (no lone surrogates: files cannot hold them), ASCII weighted."""
    def char():
        code = rng.choice([rng.randint(32, 126), rng.randint(0, 0x2FFF), rng.randint(0xE000, 0x10FFFF)])
        return chr(code)
    return "".join(char() for _ in range(size))


def document(seed: int, number: int) -> str:
    rng = random.Random(f"{seed}:{number}")
    kind = rng.random()
    if kind < 0.45:
        return mutate(rng, corpus.article(rng, number), rng.randint(0, 30))
    if kind < 0.6:  # claim sentences with junk between the sentences
        sentences = re.split(r"(?<=\.) ", corpus.article(rng, number))
        return " ".join(s + (" " + junk(rng) if rng.random() < 0.5 else "") for s in sentences)
    if kind < 0.85:
        return rng.choice(["", " ", "\n"]).join(junk(rng) for _ in range(rng.randint(0, 60)))
    if kind < 0.99:
        return random_unicode(rng, rng.randint(0, 3000))
    # A rare long one, 20 to 60 KB: where super-linear time shows. (Read at a few
    # microseconds a character, it takes well under the timeout.)
    size, pieces = rng.randint(20_000, 60_000), []
    while size > 0:
        pieces.append(junk(rng))
        size -= len(pieces[-1])
    return " ".join(pieces)


# --- one document through the tool ---------------------------------------------------------


def examine(text: str, number: int, data: DataSources, labels: list[str]) -> int:
    """Everything `verify` does with one article, in memory; returns the claims found.
    Raises on a bug, and on a report that lost its structure."""
    path = Path(f"fuzz/doc-{number}.md")
    try:
        document = parse_document(path, text, TODAY)
    except InputError:
        return 0  # a malformed `verify:` directive: refused with a message, as it should be
    find_quantities(document.text)
    claims, accepted = apply_directives(document, extract_claims(document))
    verdicts = [check(claim, resolve(claim, document.published), data, Tolerances()) for claim in claims]
    result = DocumentResult(document, apply_overrides(verdicts, accepted, {}, TODAY))
    markdown = article_markdown(result, labels, TODAY)
    headings = [line for line in markdown.split("\n") if line.startswith("#")]
    assert len(headings) == 1 + len(result.verdicts), f"{len(headings)} headings for {len(result.verdicts)} claims"
    assert "<" not in re.sub(r"<https://[^\s<>]+>", "", markdown), "raw HTML in the report"
    index_markdown([result], {path: "doc.md"}, [], TODAY)
    json.dumps(run_json([result], [], labels), ensure_ascii=False)
    for line in [*github_lines([result], DEFAULT_FAIL_ON), *text_lines([result])]:
        assert "\n" not in line and "\r" not in line, "an output line was split"
    for claim_number, verdict in enumerate(result.verdicts, 1):
        json_ld(claim_review(verdict, "file:///fuzz.md", f"doc.md#{claim_number}", "fuzz", TODAY))
    return len(result.verdicts)


def load_data(paths: list[Path]) -> tuple[DataSources, list[str]]:
    """The snapshots, every series the catalogue can use loaded now (before workers fork).
    Without any, claims are checked against nothing: all unverifiable, still reported."""
    data = DataSources([open_source(p) for p in paths if p.exists()])
    data.fetch((source, code) for source, codes in catalogue_series().items() for code in codes)
    return data, data.describe()


# --- the campaign ------------------------------------------------------------------------


@dataclass
class Summary:
    documents: int = 0
    crashes: int = 0
    hangs: int = 0
    claims: int = 0
    megabytes: float = 0.0
    slowest: float = 0.0
    slowest_document: int = -1
    seconds: float = 0.0

    def lines(self, seed: int) -> list[str]:
        return [
            f"documents: {self.documents:,} ({self.megabytes:.1f} MB, {self.claims:,} claims), seed {seed}",
            f"crashes: {self.crashes}",
            f"hangs (> timeout): {self.hangs}",
            f"slowest document: {self.slowest:.3f} s (number {self.slowest_document})",
            f"time: {self.seconds:.1f} s, {self.documents / max(self.seconds, 1e-9):,.0f} docs/s",
        ]


def _worker(conn, slot, current, started, seed, data, labels) -> None:
    """Examines the documents it is handed, one message back per document. `current` and
    `started` (shared memory) tell the parent which document is running since when."""
    while (task := conn.recv()) is not None:
        for number in range(*task):
            text = document(seed, number)
            current[slot] = number
            started[slot] = time.monotonic()
            error, found = None, 0
            try:
                found = examine(text, number, data, labels)
            except Exception:
                error = traceback.format_exc()
            elapsed = time.monotonic() - started[slot]
            started[slot] = 0.0
            conn.send((number, elapsed, found, len(text.encode("utf-8")), error))


def _save(findings: Path, kind: str, number: int, seed: int, detail: str) -> Path:
    findings.mkdir(parents=True, exist_ok=True)
    target = findings / f"{kind}-{number:07d}.md"
    target.write_bytes(document(seed, number).encode("utf-8"))
    target.with_suffix(".txt").write_text(
        f"{kind}: document {number} of seed {seed}\n{detail}\n"
        f"replay: python benchmarks/fuzz.py --replay {target}\n", encoding="utf-8")
    return target


def campaign(documents: int, seed: int = 2026, jobs: int | None = None, timeout: float = 2.0,
             findings: Path = Path("fuzz-findings"), data_paths: list[Path] = DEFAULT_DATA,
             log=None) -> Summary:
    data, labels = load_data(data_paths)
    # Word lists, tries and patterns load on first use: here, once, not in every new worker.
    examine(corpus.article(random.Random(seed), 0), 0, data, labels)
    context = get_context("fork")  # workers inherit the loaded data, not a pickled copy
    jobs = max(1, min(jobs or os.cpu_count() or 1, documents // CHUNK + 1))
    current, started = context.Array("q", jobs, lock=False), context.Array("d", jobs, lock=False)
    chunks = deque((first, min(first + CHUNK, documents)) for first in range(0, documents, CHUNK))
    summary = Summary()
    workers: dict[int, list] = {}  # slot -> [process, connection, (first, end) being worked on]
    gc.freeze()  # the loaded series stay shared with the workers, untouched by their collections

    def start(slot: int) -> None:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, slot, current, started, seed, data, labels),
                                  daemon=True)
        process.start()
        child.close()
        workers[slot] = [process, parent, None]
        started[slot] = 0.0

    def hand_out(slot: int) -> None:
        if not workers[slot][0].is_alive():  # died while idle
            start(slot)
        workers[slot][2] = chunks.popleft() if chunks else None
        if workers[slot][2]:
            workers[slot][1].send(workers[slot][2])

    def record(slot: int, number: int, elapsed: float, found: int, size: int, error: str | None) -> None:
        summary.documents += 1
        summary.claims += found
        summary.megabytes += size / 1e6
        if error:
            summary.crashes += 1
            _save(findings, "crash", number, seed, error)
        elif elapsed > timeout:  # finished, but only just after the timeout
            summary.hangs += 1
            _save(findings, "hang", number, seed, f"took {elapsed:.1f} s (timeout {timeout} s)")
        if elapsed > summary.slowest:
            summary.slowest, summary.slowest_document = elapsed, number
        end = workers[slot][2][1]
        workers[slot][2] = (number + 1, end) if number + 1 < end else None
        if log and summary.documents % 10_000 == 0:
            print(f"  {summary.documents:,} documents, {summary.crashes} crashes, {summary.hangs} hangs", file=log)

    def replace_worker(slot: int, kind: str, detail: str) -> None:
        """A hung or dead worker: the document it was on is a finding; the rest of its chunk goes back."""
        process, connection = workers[slot][:2]
        process.kill()
        process.join()
        try:  # the documents it finished before this one
            while connection.poll():
                record(slot, *connection.recv())
        except (EOFError, OSError):
            pass
        if workers[slot][2] is None:  # it had finished its chunk
            first = end = 0
        else:
            first, end = workers[slot][2]
        if started[slot] and first < end:  # else it died between documents: nothing to blame
            first = current[slot]
            summary.documents += 1
            summary.hangs += kind == "hang"
            summary.crashes += kind == "crash"
            _save(findings, kind, first, seed, detail)
            first += 1
        if first < end:
            chunks.appendleft((first, end))
        connection.close()
        start(slot)
        hand_out(slot)

    began = time.monotonic()
    for slot in range(jobs):
        start(slot)
        hand_out(slot)
    while chunks or any(w[2] for w in workers.values()):
        busy = {w[1]: slot for slot, w in workers.items() if w[2]}
        for connection in wait(list(busy), timeout=0.1):
            slot = busy[connection]
            try:
                while connection.poll():
                    record(slot, *connection.recv())
            except (EOFError, OSError):  # the worker died: killed by the OS, a crash in C
                workers[slot][0].join(1)
                code = workers[slot][0].exitcode
                replace_worker(slot, "crash", f"the worker died (exit code {code}) on this document")
        for slot, worker in workers.items():
            if worker[2] is None and chunks:
                hand_out(slot)
        now = time.monotonic()
        for slot, worker in workers.items():
            since = started[slot]
            if worker[2] and since and now - since > timeout:
                replace_worker(slot, "hang", f"still running after {now - since:.1f} s (timeout {timeout} s)")
    for process, connection, _ in workers.values():
        connection.send(None)
        process.join()
    gc.unfreeze()
    summary.seconds = time.monotonic() - began
    return summary


def replay(path: Path, data_paths: list[Path]) -> int:
    data, labels = load_data(data_paths)
    text = path.read_bytes().decode("utf-8")
    began = time.perf_counter()
    found = examine(text, 0, data, labels)  # raises as it did in the campaign
    print(f"{path}: {found} claims in {time.perf_counter() - began:.3f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="worker processes (default: one per core)")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds after which a document is a hang")
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"), help="where reproducers go")
    parser.add_argument("--data", type=Path, action="append",
                        help=f"snapshots (default: {', '.join(map(str, DEFAULT_DATA))})")
    parser.add_argument("--replay", type=Path, metavar="FILE", help="run one saved document and show what happens")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay, args.data or DEFAULT_DATA)
    summary = campaign(args.documents, args.seed, args.jobs, args.timeout, args.findings,
                       args.data or DEFAULT_DATA, log=sys.stderr)
    print("\n".join(summary.lines(args.seed)))
    if summary.crashes or summary.hangs:
        print(f"reproducers in {args.findings}/")
    return 1 if summary.crashes or summary.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
