"""Instructions per article, counted by valgrind's callgrind: a figure that does not move
with the machine's load, for telling whether a change to extraction made it faster.

    python benchmarks/instructions.py                      # this checkout
    python benchmarks/instructions.py --tree ../old-checkout --tree .   # side by side
    python benchmarks/instructions.py --what quantities    # numbers only, as quantulum3

Wall-clock medians on this machine wander by 10-20% from one run to the next (see the
README's Speed section); instruction counts repeat to a few parts in a thousand. Each
figure is (count with N articles - count with none) / N, so starting Python and loading
the catalogue are left out. Needs valgrind; each tree takes about two minutes.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Run under callgrind: extraction of the first N articles of the seeded corpus, with the
# verifier package taken from TREE; WHAT is "claims" or "quantities".
WORKLOAD = """
import sys
tree, what, count, corpus_size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.path[:0] = [tree, {benchmarks!r}]
from datetime import date
from pathlib import Path
from corpus import generate
from verifier.extract import extract_claims
from verifier.quantities import find_quantities
from verifier.read import parse_document
documents = [parse_document(Path(f"article-{{i}}.md"), text, date(2026, 11, 25))
             for i, text in enumerate(generate(corpus_size + {warm_up}))]  # the same work in both runs
if what == "quantities":
    extract, documents = find_quantities, [document.text for document in documents]
else:
    extract = extract_claims
# Load the catalogue and compile the patterns in both runs, on articles not counted: the
# routed number patterns are compiled on first use, and a run of thousands pays that once.
for document in documents[corpus_size:]:
    extract(document)
for document in documents[:count]:
    extract(document)
"""
WHAT = ("claims", "quantities")
WARM_UP = 100


CALLGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]


def workload(tree: Path, count: int, corpus_size: int, what: str = "claims") -> list[str]:
    """The command that extracts claims (or quantities) from `count` of `corpus_size`
    articles with `tree`'s verifier."""
    program = WORKLOAD.format(benchmarks=str(HERE), warm_up=WARM_UP)
    return [sys.executable, "-c", program, str(tree), what, str(count), str(corpus_size)]


def collected(report: str) -> int | None:
    """The instruction count in callgrind's report on standard error."""
    found = re.search(r"Collected\s*:\s*(\d+)", report)
    return int(found.group(1)) if found else None


def instructions(tree: Path, count: int, corpus_size: int, what: str) -> int:
    """Instructions callgrind counts for the workload extracting `count` of `corpus_size` articles."""
    done = subprocess.run(CALLGRIND + workload(tree, count, corpus_size, what), capture_output=True, text=True,
                          check=False)
    counted = collected(done.stderr)
    if done.returncode != 0 or counted is None:
        raise SystemExit(f"callgrind failed on {tree}: {done.stderr.strip()[-500:]}")
    return counted


def per_article(tree: Path, count: int, what: str) -> float:
    with ThreadPoolExecutor(2) as pool:  # the two runs at once, one per core
        empty, full = pool.map(lambda n: instructions(tree, n, count, what), (0, count))
    return (full - empty) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", type=Path,
                        help="a checkout of verifier to measure (repeatable; default: this one)")
    parser.add_argument("--articles", type=int, default=100, help="articles extracted (default 100)")
    parser.add_argument("--what", choices=WHAT, default="claims",
                        help="claims (what verify extracts, the default) or quantities (every number, as quantulum3)")
    args = parser.parse_args()
    trees = [t.resolve() for t in args.tree or [HERE.parent]]
    figures = {tree: per_article(tree, args.articles, args.what) for tree in trees}
    for tree, figure in figures.items():
        print(f"{tree}: {figure / 1e6:.2f} million instructions per article "
              f"({args.what} extraction, {args.articles} articles)")
    if len(figures) > 1:
        first = figures[trees[0]]
        for tree in trees[1:]:
            print(f"{tree} / {trees[0]}: {figures[tree] / first:.3f}")


if __name__ == "__main__":
    main()
