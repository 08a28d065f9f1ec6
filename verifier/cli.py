"""The command line: `verify PATHS`, `verify extract PATHS`.

Exit codes: 0 pass, 1 a claim failed the gate, 2 usage or input errors.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from . import __version__
from .catalogue import CatalogueError
from .extract import extract_claims
from .fetch import DataError, DataSources, data_paths, open_source
from .gate import DEFAULT_FAIL_ON, ERROR, exit_code, parse_fail_on
from .pipeline import run
from .quantities import find_quantities
from .read import InputError, find_articles, read_document
from .report import claim_json, run_json, terminal_line, write_json, write_reports


def _today(text: str | None) -> date:
    return date.fromisoformat(text) if text else date.today()


def verify_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify",
        description="Check the numeric claims in articles (.txt, .md) against World Bank and IMF data.",
        epilog="Subcommands: `verify extract PATHS` lists claims without data. "
               "Exit codes: 0 pass, 1 a claim failed the gate, 2 usage or input errors.",
    )
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    parser.add_argument("--data", action="append", default=[], metavar="PATH",
                        help="a data snapshot: a folder of World Bank data packages or an IMF WEO CSV "
                             "(repeatable; default: the VERIFY_DATA variable, paths separated by ':')")
    parser.add_argument("--reports", type=Path, default=Path("reports"), metavar="DIR",
                        help="where to write the markdown reports (default: reports/)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON (schema verifier/1)")
    parser.add_argument("--fail-on", default=",".join(k.value for k in DEFAULT_FAIL_ON), metavar="VERDICTS",
                        help="comma-separated verdicts that fail the run (default: inaccurate,misleading)")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="the run date, for dating articles without a year (default: today); pins reruns")
    parser.add_argument("--version", action="version", version=f"verifier {__version__}")
    return parser


def extract_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verify extract", description="List the claims found in articles; needs no data.")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--format", choices=["jsonl", "text"], default="text")
    parser.add_argument("--quantities", action="store_true", help="also list every number found, claim or not")
    parser.add_argument("--today", metavar="YYYY-MM-DD")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "extract":
            return extract_command(extract_parser().parse_args(argv[1:]))
        return verify_command(verify_parser().parse_args(argv))
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    except BrokenPipeError:  # `verify ... | head`: the reader left; the exit code still counts
        sys.stdout = open(os.devnull, "w")
        return ERROR
    except (CatalogueError, DataError) as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR


def verify_command(args: argparse.Namespace) -> int:
    try:
        fail_on = parse_fail_on(args.fail_on)
        today = _today(args.today)
    except ValueError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR
    paths = data_paths(args.data)
    if not paths:
        print("verify: no data given: pass --data PATH (a World Bank data-package folder or an IMF WEO CSV) "
              "or set VERIFY_DATA", file=sys.stderr)
        return ERROR
    data = DataSources([open_source(path) for path in paths])
    result = run(args.paths, data, today)
    # Files first, so a closed terminal pipe cannot cost the reports.
    labels = data.describe()
    try:
        write_reports(result.documents, result.errors, args.reports, labels, today)
        if args.json:
            write_json(args.json, run_json(result.documents, result.errors, labels))
    except OSError as exc:
        print(f"verify: {exc.filename or args.reports}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return ERROR
    code = exit_code(result.documents, result.errors, fail_on)
    for error in result.errors:
        print(f"verify: {error}", file=sys.stderr)
    try:
        for document in result.documents:
            for verdict in document.verdicts:
                print(terminal_line(verdict))
    except BrokenPipeError:  # `verify ... | head`: the reader left, the gate still answers
        sys.stdout = open(os.devnull, "w")
        return code
    total = sum(len(d.verdicts) for d in result.documents)
    print(f"{len(result.documents)} article(s), {total} claim(s); reports in {args.reports}/; "
          f"{'gate failed' if code == 1 else 'input errors' if code == 2 else 'gate passed'}")
    return code


def extract_command(args: argparse.Namespace) -> int:
    today = _today(args.today)
    files, errors = find_articles(args.paths)
    for path in files:
        try:
            document = read_document(path, today)
        except InputError as exc:
            errors.append(str(exc))
            continue
        claims = extract_claims(document)
        if args.format == "jsonl":
            line = {"path": str(path), "claims": [claim_json(c) for c in claims]}
            if args.quantities:
                line["quantities"] = [
                    {"text": q.text, "value": q.value, "unit": q.unit, "start": q.start, "end": q.end}
                    for q in find_quantities(document.text)
                ]
            print(json.dumps(line, ensure_ascii=False))
        else:
            for claim in claims:
                print(f"{path}:{claim.line}: “{claim.number_text}” {claim.statistic} of {claim.indicator} "
                      f"for {claim.entity or '?'}, period {claim.period.text or claim.period.kind}")
            if args.quantities:
                for q in find_quantities(document.text):
                    print(f"{path}: quantity “{q.text}” = {q.value:g} {q.unit}")
    for error in errors:
        print(f"verify: {error}", file=sys.stderr)
    return ERROR if errors else 0
