"""Benchmark: verifier at newsroom scale, against its peer and the machine's limit.

    python benchmarks/run.py                       # N = 1,000 and 10,000; a table, and JSON
    python benchmarks/run.py --sizes 20 --repeat 1 --json out.json   # a quick look

Measures, in one run, on a generated corpus (benchmarks/corpus.py, seeded):
- extraction throughput (MB/s, articles/s): verifier's quantities and claims, and
  quantulum3's quantities on the same text, side by side, as a ratio. quantulum3 lives in
  the benchmark's own environment (benchmarks/requirements.txt), not the project's;
  without it that row says so;
- end-to-end `verify` on N articles against the local snapshots: cold (the snapshot files
  parsed in the run) and warm (the series already in the cache, read offline), with the
  peak memory of the process, and with --jobs 1 against the default (one per core);
- how time grows from the smallest N to the largest (per-article time ratio: 1.0 is linear);
- one pathological 5 MB document (long runs of digits, separators, spaces, nested
  parentheses): regular expressions must not backtrack catastrophically;
- a machine check at the start and the end: a fixed workload that is not verifier's, so
  a slow stretch of a shared machine shows as such.

Figures are medians of --repeat runs. Timing lives here, never in the unit tests.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import generate, pathological, write_corpus  # noqa: E402

from verifier.extract import extract_claims  # noqa: E402
from verifier.quantities import find_quantities  # noqa: E402
from verifier.read import parse_document  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "data"
DEFAULT_DATA = [SHARED / "wdi", SHARED / "weo" / "weo-2025-10.csv"]
RUN_DATE = date(2026, 11, 25)


def median_time(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# The texts the extraction workers read: set before the pool forks, so only index ranges
# travel to the workers and only counts come back, as in `verify --jobs`.
_TEXTS: list[str] = []
_DOCUMENTS: list = []


def _count_quantities(bounds: tuple[int, int]) -> int:
    return sum(len(find_quantities(t)) for t in _TEXTS[bounds[0]:bounds[1]])


def _count_claims(bounds: tuple[int, int]) -> int:
    return sum(len(extract_claims(d)) for d in _DOCUMENTS[bounds[0]:bounds[1]])


def parallel_seconds(worker, count: int, jobs: int, repeat: int) -> float:
    """Median seconds for `jobs` processes to share `count` articles, the pool already up."""
    step = max(1, count // (jobs * 8))
    chunks = [(start, min(start + step, count)) for start in range(0, count, step)]
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(worker, chunks[:jobs]))
        return median_time(lambda: list(pool.map(worker, chunks)), repeat)


def extraction(texts: list[str], repeat: int, jobs: int) -> dict:
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    documents = [parse_document(Path(f"article-{i}.md"), t, RUN_DATE) for i, t in enumerate(texts)]
    extract_claims(documents[0])  # load the catalogue and patterns outside the timing
    # Counted, not kept, in every row (as the workers below, and quantulum3): holding every
    # result of a thousand articles only measures the garbage collector walking them.
    quantities = median_time(lambda: sum(len(find_quantities(t)) for t in texts), repeat)
    claims = median_time(lambda: sum(len(extract_claims(d)) for d in documents), repeat)
    _TEXTS[:], _DOCUMENTS[:] = texts, documents
    parallel_quantities = parallel_seconds(_count_quantities, len(texts), jobs, repeat)
    parallel_claims = parallel_seconds(_count_claims, len(texts), jobs, repeat)
    row = {
        "articles": len(texts), "megabytes": round(megabytes, 3), "jobs": jobs,
        "verifier_quantities_mb_s": megabytes / quantities, "verifier_quantities_articles_s": len(texts) / quantities,
        "verifier_claims_mb_s": megabytes / claims, "verifier_claims_articles_s": len(texts) / claims,
        "verifier_quantities_parallel_mb_s": megabytes / parallel_quantities,
        "verifier_quantities_parallel_articles_s": len(texts) / parallel_quantities,
        "verifier_claims_parallel_mb_s": megabytes / parallel_claims,
        "verifier_claims_parallel_articles_s": len(texts) / parallel_claims,
    }
    peer = quantulum3_seconds(texts, repeat)
    if peer is None:
        row["quantulum3"] = "not installed: pip install -r benchmarks/requirements.txt"
    else:
        row.update({"quantulum3_mb_s": megabytes / peer, "quantulum3_articles_s": len(texts) / peer,
                    "ratio_quantities": peer / quantities, "ratio_claims": peer / claims})
    return row


def quantulum3_seconds(texts: list[str], repeat: int) -> float | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse("Warm up: 5% of $3 billion.")
        return median_time(lambda: sum(len(parser.parse(t)) for t in texts), repeat)


# A fixed workload of Python and its regular-expression engine, none of it verifier's:
# timed at the start and the end of a run, it shows how fast the machine itself was
# going, which on a shared machine wanders by a third and more over minutes.
MACHINE_CHECK = re.compile(r"\w+")


def machine_check_mb_s(texts: list[str], repeat: int) -> float:
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return megabytes / median_time(lambda: sum(len(m.group()) for t in texts for m in MACHINE_CHECK.finditer(t)),
                                   max(repeat, 5))


def run_verify(args: list[str]) -> tuple[float, float, int]:
    """Seconds, peak resident memory (MB) and exit code of one `verify` process."""
    command = [sys.executable, "-m", "verifier", *args]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"verify failed ({process.returncode}): {errors.strip()[-500:]}")
    return seconds, usage.ru_maxrss / 1024, process.returncode


def end_to_end(folder: Path, count: int, data: list[Path], cache: Path, repeat: int) -> dict:
    common = [str(folder), "--today", RUN_DATE.isoformat(), "--no-charts", "--reports", str(folder.parent / "reports")]
    cold_args = [*common, *[a for path in data for a in ("--data", str(path))]]
    warm_args = [*common, "--offline", "--cache", str(cache)]
    row = {"articles": count}
    for name, args in (("cold", cold_args), ("warm", warm_args), ("warm_jobs_1", [*warm_args, "--jobs", "1"])):
        runs = [run_verify(args) for _ in range(repeat)]
        row[f"{name}_s"] = statistics.median(r[0] for r in runs)
        row[f"{name}_peak_mb"] = max(r[1] for r in runs)
    return row


def fill_cache(data: list[Path], cache: Path) -> None:
    for path in data:
        subprocess.run([sys.executable, "-m", "verifier", "data", "import", str(path), "--cache", str(cache)],
                       check=True, stdout=subprocess.DEVNULL)


def pathological_row(repeat: int, megabytes: float) -> dict:
    text = pathological(int(megabytes * 1e6))
    document = parse_document(Path("pathological.txt"), text, RUN_DATE)
    seconds = median_time(lambda: extract_claims(document), repeat)
    # Listing every number (`verify extract --quantities`), prose or not.
    quantities = median_time(lambda: find_quantities(text), 1)
    return {"megabytes": len(text.encode("utf-8")) / 1e6, "claims_s": seconds, "all_numbers_s": quantities}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is reported (default 3)")
    parser.add_argument("--extraction-articles", type=int, default=1000,
                        help="articles for the extraction comparison (default 1000)")
    parser.add_argument("--peer-articles", type=int, default=200,
                        help="articles quantulum3 reads (it is slow; verifier is timed on the same ones too)")
    parser.add_argument("--data", action="append", type=Path, help="snapshots (default: ../shared/data)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--pathological-mb", type=float, default=5.0, help="size of the hostile document (default 5)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    data = args.data or DEFAULT_DATA
    texts = generate(max(sizes + [args.extraction_articles]))
    figures: dict = {
        "date": date.today().isoformat(), "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}", "repeat": args.repeat,
    }
    jobs = os.cpu_count() or 1
    extraction_texts = texts[:args.extraction_articles]
    figures["machine_check_mb_s"] = {"start": machine_check_mb_s(extraction_texts, args.repeat)}
    figures["extraction"] = extraction(extraction_texts, args.repeat, jobs)
    figures["extraction_vs_peer"] = extraction(texts[:args.peer_articles], args.repeat, jobs)
    with tempfile.TemporaryDirectory(prefix="verify-bench-") as tmp:
        cache = Path(tmp) / "cache.sqlite"
        fill_cache(data, cache)
        rows = []
        for size in sizes:
            folder = Path(tmp) / f"corpus-{size}"
            write_corpus(folder, texts[:size])
            rows.append(end_to_end(folder, size, data, cache, args.repeat))
        figures["end_to_end"] = rows
    if len(sizes) > 1:
        small, large = figures["end_to_end"][0], figures["end_to_end"][-1]
        figures["growth"] = {key: (large[f"{key}_s"] / large["articles"]) / (small[f"{key}_s"] / small["articles"])
                             for key in ("cold", "warm")}
    figures["pathological"] = pathological_row(args.repeat, args.pathological_mb)
    figures["machine_check_mb_s"]["end"] = machine_check_mb_s(extraction_texts, args.repeat)
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def table(figures: dict) -> str:
    from tabulate import tabulate

    lines = [f"verifier benchmark, {figures['date']}, {figures['machine']}; medians of {figures['repeat']} runs", ""]
    rows = []
    for key in ("extraction", "extraction_vs_peer"):
        e = figures[key]
        rows.append([f"verifier quantities ({e['articles']} articles, {e['megabytes']:.2f} MB)",
                     f"{e['verifier_quantities_mb_s']:.2f}", f"{e['verifier_quantities_articles_s']:.0f}",
                     f"{e['ratio_quantities']:.0f}×" if "ratio_quantities" in e else ""])
        rows.append([f"verifier claims ({e['articles']} articles)", f"{e['verifier_claims_mb_s']:.2f}",
                     f"{e['verifier_claims_articles_s']:.0f}", f"{e['ratio_claims']:.0f}×" if "ratio_claims" in e else ""])
        for what in ("quantities", "claims"):
            rows.append([f"verifier {what}, {e['jobs']} processes", f"{e[f'verifier_{what}_parallel_mb_s']:.2f}",
                         f"{e[f'verifier_{what}_parallel_articles_s']:.0f}", ""])
        if "quantulum3_mb_s" in e:
            rows.append([f"quantulum3 quantities ({e['articles']} articles)", f"{e['quantulum3_mb_s']:.3f}",
                         f"{e['quantulum3_articles_s']:.1f}", "1×"])
        elif key == "extraction_vs_peer":
            rows.append(["quantulum3", e["quantulum3"], "", ""])
    lines += [tabulate(rows, ["Extraction", "MB/s", "articles/s", "vs quantulum3"], tablefmt="simple"), ""]
    rows = [[r["articles"], f"{r['cold_s']:.1f}", f"{r['cold_peak_mb']:.0f}", f"{r['warm_s']:.1f}",
             f"{r['warm_peak_mb']:.0f}", f"{r['warm_jobs_1_s']:.1f}"] for r in figures["end_to_end"]]
    lines += [tabulate(rows, ["End to end: articles", "cold s", "cold peak MB", "warm s", "warm peak MB",
                              "warm --jobs 1 s"], tablefmt="simple"), ""]
    if "growth" in figures:
        g = figures["growth"]
        lines.append(f"Growth, per-article time largest/smallest N (1.0 = linear): cold {g['cold']:.2f}, "
                     f"warm {g['warm']:.2f}")
    if "pathological" in figures:
        p = figures["pathological"]
        lines.append(f"Pathological document, {p['megabytes']:.2f} MB: claims (what `verify` reads) {p['claims_s']:.2f} s; "
                     f"listing every number in it {p['all_numbers_s']:.2f} s")
    if "machine_check_mb_s" in figures:
        m = figures["machine_check_mb_s"]
        lines.append(f"Machine check (a fixed regex workload, not verifier's): {m['start']:.1f} MB/s at the start of "
                     f"the run, {m['end']:.1f} at the end; the same code, so any difference is the machine")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
