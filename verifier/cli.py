"""The command line: `verify PATHS`, `verify extract PATHS`, `verify signoff CLAIM_ID`,
`verify data status|pull|import`, `verify eval`.

Exit codes: 0 pass, 1 a claim failed the gate, 2 usage, input or data-fetch errors.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tabulate import tabulate

from . import __version__
from . import format as fmt
from .catalogue import CatalogueError, extend
from .changes import ChangedParagraphs, ChangesError
from .claimreview import write_claim_reviews
from .config import Config, ConfigError, load_config
from .console import FORMATS, print_results, progress
from .extract import extract_claims
from .fetch import DataError, DataSources, data_paths, open_source
from .fetch.cache import Cache, default_path
from .fetch.cached import DEFAULT_MAX_AGE_DAYS, CachedSource, Policy
from .fetch.http import Network
from .fetch.manage import (
    STATUS_HEADERS,
    Endpoints,
    import_path,
    live_sources,
    pull,
    status_rows,
)
from .gate import DEFAULT_FAIL_ON, ERROR, STRICT_FAIL_ON, exit_code, parse_fail_on
from .geography import geography
from .overrides import SIGNOFF_FILE, OverrideError, add_signoff, load_signoffs
from .pipeline import run
from .quantities import find_quantities
from .read import find_articles, read_articles
from .report import (
    claim_json,
    report_names,
    run_json,
    write_article_report,
    write_json,
    write_reports,
)


def _today(text: str | None) -> date:
    return date.fromisoformat(text) if text else date.today()


def verify_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify",
        description="Check the numeric claims in articles (.txt, .md) against World Bank and IMF data.",
        epilog="Settings: verify.toml or [tool.verify] in pyproject.toml, found from the working directory "
               "upward; flags override them. Subcommands: `verify extract PATHS` lists claims without data; "
               "`verify signoff CLAIM_ID` records an editor's sign-off; `verify data` manages the cache; "
               "`verify eval` scores a labelled corpus. "
               "Exit codes: 0 pass, 1 a claim failed the gate, 2 usage, input or data-fetch errors.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="article files or folders (default: the config's paths)")
    parser.add_argument("--data", action="append", default=[], metavar="PATH",
                        help="check against local snapshots only: a folder of World Bank data packages, a World Bank "
                             "bulk CSV or an IMF WEO CSV (repeatable; default: the config's data, else the "
                             "VERIFY_DATA variable, paths separated by ':'; without any, the World Bank and IMF APIs "
                             "through the cache)")
    parser.add_argument("--reports", type=Path, metavar="DIR", help="where to write the markdown reports and charts "
                                                                    "(default: reports/)")
    parser.add_argument("--no-charts", action="store_true", help="write the reports without a chart per claim")
    parser.add_argument("--format", choices=FORMATS, help="what to print: text (default; one line per claim), json "
                                                          "(schema verifier/1), github (workflow annotations), markdown")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON (schema verifier/1)")
    parser.add_argument("--claimreview", type=Path, metavar="DIR",
                        help="also write a schema.org ClaimReview (JSON-LD) per claim into DIR")
    parser.add_argument("--fail-on", metavar="VERDICTS",
                        help="comma-separated verdicts that fail the run (default: inaccurate,misleading)")
    parser.add_argument("--strict", action="store_true", help="also fail on unverifiable claims")
    parser.add_argument("--signoff", type=Path, metavar="FILE",
                        help=f"the editors' sign-off file (default: {SIGNOFF_FILE} beside the config, else here)")
    parser.add_argument("--changed-since", metavar="REF",
                        help="check only claims in paragraphs changed since this git ref (for pull requests of copy)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="read settings from this file, not the nearest")
    parser.add_argument("--jobs", type=int, metavar="N", default=os.cpu_count() or 1,
                        help="processes that read and extract articles (default: one per core, here "
                             f"{os.cpu_count() or 1}); small runs use one")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="the run date, for dating articles without a year (default: today); pins reruns")
    add_cache_options(parser)
    parser.add_argument("--version", action="version", version=f"verifier {__version__}")
    return parser


def add_cache_options(parser: argparse.ArgumentParser, fetching: bool = True) -> None:
    parser.add_argument("--cache", type=Path, metavar="FILE",
                        help=f"the cache file (default: the VERIFY_CACHE variable, else {default_path({})})")
    if not fetching:
        return
    parser.add_argument("--offline", action="store_true",
                        help="use only the cache and local snapshots; never touch the network")
    parser.add_argument("--refresh", action="store_true", help="fetch every series again, however fresh the cache")
    parser.add_argument("--max-age", type=float, metavar="DAYS", default=None,
                        help="refetch cached series older than this when online (default: the VERIFY_MAX_AGE "
                             f"variable, else {DEFAULT_MAX_AGE_DAYS:g}); imported series are kept until --refresh")



def _policy(args: argparse.Namespace) -> Policy:
    if args.offline and args.refresh:
        raise ValueError("--offline and --refresh cannot be used together")
    max_age = args.max_age
    if max_age is None:
        try:
            max_age = float(os.environ.get("VERIFY_MAX_AGE") or DEFAULT_MAX_AGE_DAYS)
        except ValueError:
            raise ValueError(f"VERIFY_MAX_AGE must be a number of days, not {os.environ['VERIFY_MAX_AGE']!r}") from None
    if max_age < 0:
        raise ValueError("--max-age must be zero or more days")
    return Policy(offline=args.offline, refresh=args.refresh, max_age_days=max_age)


def _open_cache(args: argparse.Namespace, read_only: bool = False) -> Cache:
    return Cache(args.cache or default_path(), read_only=read_only)


CACHE_FLAGS = ("cache", "offline", "refresh", "max_age")


def _cache_flags_given(args: argparse.Namespace) -> list[str]:
    return ["--" + name.replace("_", "-") for name in CACHE_FLAGS if getattr(args, name, None) not in (None, False)]


OFFLINE_ADVICE = ("To work offline: `verify data import PATH` (World Bank data packages or bulk CSV, the IMF WEO CSV), "
                  "then `verify --offline`; or pass --data PATH.")


def report_network(sources: list[CachedSource], what_failed: str) -> None:
    """Warnings one line each; services that could not be used once, with what to do about it."""
    for source in sources:
        for warning in source.warnings:
            print(f"verify: warning: {warning}", file=sys.stderr)
        if source.stale:
            print(f"verify: warning: {source.label}: {len(source.stale)} series could not be refreshed; older cached "
                  f"copies are used and the reports say so ({', '.join(sorted(source.stale))})", file=sys.stderr)
    down = list(dict.fromkeys(source.unreachable for source in sources if source.unreachable))
    if down:
        print(f"verify: {'; '.join(down)}: stopped asking for this run. {what_failed} {OFFLINE_ADVICE}", file=sys.stderr)


def fetch_errors(sources: list[CachedSource]) -> list[str]:
    """Series a run needed and could not get: errors, so the gate does not pass unchecked claims."""
    errors = []
    for source in sources:
        if source.failed:
            reasons = "; ".join(dict.fromkeys(source.failed.values()))
            errors.append(f"{source.label}: could not fetch {', '.join(sorted(source.failed))} ({reasons}); "
                          "the claims that need them are unverifiable")
    return errors


def _data_sources(args: argparse.Namespace, policy: Policy, network: Network) -> tuple[DataSources, list[CachedSource]]:
    """Local snapshots (--data, VERIFY_DATA) or the live APIs through the cache."""
    cache_flags = _cache_flags_given(args)
    if args.data and cache_flags:
        raise ValueError(f"--data reads only the files given; {', '.join(cache_flags)} apply to the cache: "
                         "use one or the other")
    # An explicit cache flag means the cache, whatever VERIFY_DATA says.
    paths = data_paths(args.data) if not cache_flags else []
    if paths:
        return DataSources([open_source(path) for path in paths]), []
    live = live_sources(_open_cache(args, read_only=policy.offline), policy, network, Endpoints.from_environment())
    return DataSources(live), live


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
        if argv and argv[0] == "data":
            return data_command(data_parser().parse_args(argv[1:]))
        if argv and argv[0] == "eval":
            return eval_command(eval_parser().parse_args(argv[1:]))
        if argv and argv[0] == "signoff":
            return signoff_command(signoff_parser().parse_args(argv[1:]))
        return verify_command(verify_parser().parse_args(argv))
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    except BrokenPipeError:  # `verify ... | head`: the reader left; the exit code still counts
        sys.stdout = open(os.devnull, "w")
        return ERROR
    except KeyboardInterrupt:  # Ctrl-C: no traceback; the cache keeps only whole transactions
        print("verify: interrupted", file=sys.stderr)
        return 130
    except (CatalogueError, DataError) as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR


@dataclass
class Settings:
    """A run's settings: flags over the config file over the defaults."""

    config: Config
    paths: list[Path]
    reports: Path
    fail_on: tuple
    output_format: str
    signoff: Path
    charts: bool


def project_config(args: argparse.Namespace) -> Config:
    """The config file (--config, else the nearest), its phrases and groups put to use."""
    config = load_config(path=args.config) if args.config else load_config(Path.cwd())
    extend(config.phrases, config.groups, str(config.path or ""))
    return config


def settings(args: argparse.Namespace) -> Settings:
    config = project_config(args)
    # Config values fill in what the flags leave out. Local data and the cache exclude each
    # other: --data on the command line sets the config's cache settings aside, and a cache
    # flag its data (the config itself may not set both).
    if not args.data and not _cache_flags_given(args):
        args.data = [str(p) for p in config.data]
    if not args.data:
        for key in ("cache", "max_age"):
            if getattr(args, key, None) is None and getattr(config, key) is not None:
                setattr(args, key, getattr(config, key))
        args.offline = args.offline or config.offline
    paths = args.paths or config.paths
    if not paths:
        raise ValueError("name the articles to check (files or folders), or set `paths` in verify.toml")
    fail_on_text = args.fail_on if args.fail_on is not None else config.fail_on
    fail_on = parse_fail_on(fail_on_text) if fail_on_text is not None else DEFAULT_FAIL_ON
    if args.strict or config.strict:
        fail_on = tuple(dict.fromkeys((*fail_on, *STRICT_FAIL_ON)))
    output_format = args.format or config.format or "text"
    if output_format not in FORMATS:
        raise ValueError(f"{config.path}: format must be one of {', '.join(FORMATS)}, not '{output_format}'")
    return Settings(
        config=config,
        paths=paths,
        reports=args.reports or config.reports or Path("reports"),
        fail_on=fail_on,
        output_format=output_format,
        signoff=args.signoff or config.signoff or config.folder / SIGNOFF_FILE,
        charts=not args.no_charts and config.charts,
    )


def verify_command(args: argparse.Namespace) -> int:
    try:
        if args.jobs < 1:
            raise ValueError("--jobs must be 1 or more")
        chosen = settings(args)
        today = _today(args.today)
        policy = _policy(args)
        network = Network.from_environment()
        signoffs = load_signoffs(chosen.signoff)
        only = None
        if args.changed_since:
            only = ChangedParagraphs(args.changed_since)
            only.verify_ref(Path.cwd())
        data, live = _data_sources(args, policy, network)
    except (ValueError, ConfigError, OverrideError, ChangesError) as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR
    files, _ = find_articles(chosen.paths)
    names = report_names(files)

    editions: list[str] = []  # the data's editions, for report headers: known once the series are loaded

    def write_report(checked) -> None:  # as each article is checked, in the process that checked it
        editions[:] = editions or data.describe()
        write_article_report(checked, chosen.reports, names[checked.document.path], editions, today, chosen.charts)

    claimreview = args.claimreview or chosen.config.claimreview
    # Evidence and quotes travel back from the workers only if JSON, markdown or ClaimReview show them.
    details = bool(args.json or claimreview or chosen.output_format in ("json", "markdown"))
    try:
        result = run(chosen.paths, data, today, signoffs, only, progress=progress, tolerances=chosen.config.tolerances,
                     jobs=args.jobs, after_check=write_report, details=details)
    except OSError as exc:
        print(f"verify: {exc.filename or chosen.reports}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return ERROR
    except ChangesError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR
    report_network(live, "Claims whose data is not in the cache are unverifiable.")
    result.errors += fetch_errors(live)
    # Files first, so a closed terminal pipe cannot cost the reports.
    labels = data.describe()
    try:
        write_reports(result.documents, result.errors, chosen.reports, labels, today, articles_written=True,
                      names=names)
        if args.json:
            write_json(args.json, run_json(result.documents, result.errors, labels))
        if claimreview:
            write_claim_reviews(result.documents, claimreview, names, chosen.config.author,
                                today, chosen.config.review_url)
    except OSError as exc:
        print(f"verify: {exc.filename or chosen.reports}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return ERROR
    code = exit_code(result.documents, result.errors, chosen.fail_on, chosen.config.review_blocks)
    for error in result.errors:
        print(f"verify: {fmt.one_line(error)}", file=sys.stderr)
    try:
        print_results(result.documents, result.errors, labels, chosen.output_format, chosen.fail_on, today)
        if chosen.output_format == "text":
            total = sum(len(d.verdicts) for d in result.documents)
            overridden = sum(1 for d in result.documents for v in d.verdicts if v.override and v.override.passes)
            signed = f", {overridden} signed off or accepted" if overridden else ""
            print(f"{len(result.documents)} article(s), {total} claim(s){signed}; reports in {chosen.reports}/; "
                  f"{'gate failed' if code == 1 else 'errors (see above): gate not passed' if code == 2 else 'gate passed'}")
    except BrokenPipeError:  # `verify ... | head`: the reader left, the gate still answers
        sys.stdout = open(os.devnull, "w")
    return code


def signoff_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify signoff",
        description="Record that an editor has checked a claim by hand: it then passes the gate until its "
                    "sentence changes or the sign-off expires.")
    parser.add_argument("claim_id", metavar="CLAIM_ID", help="the claim's id, as in the report or JSON (article-N)")
    parser.add_argument("paths", nargs="*", type=Path, help="where the article is (default: the config's paths, else .)")
    parser.add_argument("--by", required=True, metavar="NAME", help="who signs it off")
    parser.add_argument("--reason", required=True, metavar="TEXT", help="why the claim stands")
    parser.add_argument("--expires", metavar="YYYY-MM-DD", help="when the sign-off stops applying")
    parser.add_argument("--signoff", type=Path, metavar="FILE", help=f"the sign-off file (default: {SIGNOFF_FILE})")
    parser.add_argument("--config", type=Path, metavar="FILE", help="read settings from this file, not the nearest")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the date recorded (default: today)")
    return parser


def signoff_command(args: argparse.Namespace) -> int:
    try:
        config = project_config(args)
        today = _today(args.today)
        expires = date.fromisoformat(args.expires) if args.expires else None
        if not args.by.strip() or not args.reason.strip():
            raise ValueError("--by and --reason must say something")
        target = args.signoff or config.signoff or config.folder / SIGNOFF_FILE
        errors: list[str] = []
        matches = [claim for document in read_articles(args.paths or config.paths or [Path(".")], today, errors)
                   for claim in extract_claims(document) if claim.id == args.claim_id]
        if not matches:
            raise ValueError(f"no claim '{args.claim_id}' in {', '.join(map(str, args.paths or ['.']))}"
                             + (f" ({len(errors)} file(s) could not be read)" if errors else ""))
        if len(matches) > 1:
            raise ValueError(f"'{args.claim_id}' names claims in {len(matches)} articles: "
                             f"{', '.join(str(c.path) for c in matches)}; pass the article's path")
        signoff = add_signoff(target, matches[0], args.by.strip(), args.reason.strip(), today, expires)
    except (ValueError, ConfigError, OverrideError) as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR
    except OSError as exc:
        print(f"verify: {exc.filename}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return ERROR
    claim = matches[0]
    print(f"{claim.path}:{claim.line}: “{claim.number_text}” signed off by {signoff.by} "
          f"(fingerprint {signoff.fingerprint}) in {target}")
    return 0


def eval_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify eval",
        description="Score claim extraction, verdicts and the gate against labelled corpora: a folder of real "
                    "articles with gold.jsonl and non_claims.jsonl (../shared/corpus/news-*), or the project's own "
                    "corpus (a folder and its gold file).")
    parser.add_argument("corpus", type=Path, nargs="+",
                        help="corpus folders; a .jsonl file after a folder is that folder's gold labels")
    parser.add_argument("--data", action="append", default=[], metavar="PATH", help="as for `verify`")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--summary", action="store_true", help="print the figures only, not every miss and false alarm")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="as for `verify`")
    add_cache_options(parser)
    return parser


def _corpora(paths: list[Path]) -> list[tuple[Path, Path | None]]:
    """(folder, gold file or None) for each corpus named; a .jsonl names the gold of the folder before it."""
    corpora: list[tuple[Path, Path | None]] = []
    for path in paths:
        if path.suffix == ".jsonl":
            if not corpora or corpora[-1][1] is not None:
                raise ValueError(f"{path}: a gold file must follow the corpus folder it labels")
            corpora[-1] = (corpora[-1][0], path)
        else:
            corpora.append((path, None))
    return corpora


def eval_command(args: argparse.Namespace) -> int:
    from .evaluate import (GoldError, evaluate, is_news_corpus, load_news_corpus, score_run, scores_json,
                           scores_text)
    from .evaluate.project import report_json, report_text

    try:
        today = _today(args.today)
        corpora = _corpora(args.corpus)
        data, live = _data_sources(args, _policy(args), Network.from_environment())
        outputs, failed = [], False
        for folder, gold in corpora:
            if gold is None and is_news_corpus(folder):
                articles, labelled = load_news_corpus(folder)
                run_result = run([articles], data, today)
                scores = score_run(str(folder), labelled, run_result.documents, run_result.errors)
                text = scores_text(scores, details=not args.summary)
                outputs.append((scores_json(scores), text))
                failed = failed or bool(scores.errors)
                continue
            gold = gold or folder / "gold.jsonl"
            result = evaluate(folder, gold, data, today)
            text = scores_text(result.scores, details=False) + "\n" + report_text(result)
            outputs.append((dict(scores_json(result.scores), fields=report_json(result)), text))
            failed = failed or bool(result.errors)
    except (ValueError, GoldError) as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR
    report_network(live, "Claims whose data is not in the cache are unverifiable.")
    if args.format == "json":
        print(json.dumps([o for o, _ in outputs] if len(outputs) > 1 else outputs[0][0], indent=1))
    else:
        print("\n\n".join(t for _, t in outputs))
    return ERROR if failed else 0


def data_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verify data", description="Manage the local data cache.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{status,pull,import}")
    status_parser = commands.add_parser("status", help="list what the cache holds: series, editions, row counts, age")
    add_cache_options(status_parser, fetching=False)
    pull_parser = commands.add_parser("pull", help="fetch the catalogue's series now, for offline work later")
    pull_parser.add_argument("--countries", metavar="CODES",
                             help="only these economies, comma-separated ISO codes or names (smaller; shares and "
                                  "ranks then need a full pull)")
    add_cache_options(pull_parser)
    import_parser = commands.add_parser("import", help="copy local snapshots into the cache")
    import_parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                               help="a folder of World Bank data packages, a World Bank bulk CSV, or an IMF WEO CSV")
    import_parser.add_argument("--vintage", metavar="TEXT",
                               help='the release the files are from, when they do not say ("July 2026"); reports '
                                    "cite it. One PATH only")
    add_cache_options(import_parser, fetching=False)
    return parser


def data_command(args: argparse.Namespace) -> int:
    if args.command == "status":
        return data_status(args)
    if args.command == "import":
        return data_import(args)
    return data_pull(args)


def data_status(args: argparse.Namespace) -> int:
    path = args.cache or default_path()
    if not path.exists():
        print(f"No cache at {path} yet. Fill it with `verify data pull` (online) or `verify data import PATH`.")
    else:
        cache = Cache(path, read_only=True)
        rows = status_rows(cache)
        print(f"Cache: {path} ({path.stat().st_size / 1e6:.1f} MB), {len(rows)} series")
        for source in ("world_bank", "imf"):
            known = cache.economies_info(source)
            if known:
                print(f"{source}: {known[0]} economies and groups named, list retrieved {known[1][:10]}")
        if rows:
            print()
            print(tabulate(rows, STATUS_HEADERS, tablefmt="simple"))
    endpoints = Endpoints.from_environment()
    print()
    print(f"World Bank API: {endpoints.world_bank}")
    print(f"IMF DataMapper API: {endpoints.imf}")
    snapshots = data_paths([])
    if snapshots:
        print("Local snapshots (VERIFY_DATA): " + ", ".join(map(str, snapshots)))
    return 0


def data_import(args: argparse.Namespace) -> int:
    if args.vintage and len(args.paths) > 1:
        print("verify: --vintage names the release of one snapshot: import one PATH at a time with it", file=sys.stderr)
        return ERROR
    cache = _open_cache(args)
    failed = False
    for path in args.paths:
        try:
            done = import_path(path, cache, args.vintage)
        except DataError as exc:
            print(f"verify: {exc}", file=sys.stderr)
            failed = True
            continue
        print(f"{path}: {done.series} {done.source} series, {done.rows:,} values, edition “{done.edition}” "
              f"imported into {cache.path}")
    return ERROR if failed else 0


def data_pull(args: argparse.Namespace) -> int:
    try:
        if args.offline:
            raise ValueError("pull fetches from the APIs: it cannot run --offline")
        policy = _policy(args)
        network = Network.from_environment()
        countries = _countries(args.countries) if args.countries is not None else None
    except ValueError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return ERROR
    cache = _open_cache(args)
    sources = live_sources(cache, policy, network, Endpoints.from_environment(), economies=countries)
    result = pull(sources)
    report_network(sources, "Nothing more was pulled from it.")
    for source in sources:
        print(f"{source.label}: {len(result.loaded[source.name])} series in the cache {cache.path}")
        if not source.unreachable:  # when the service is down, the line above already says why
            for code, why in result.missing.get(source.name, {}).items():
                print(f"  not pulled: {why}")
    return ERROR if any(result.missing.values()) else 0


def _countries(text: str) -> list[str]:
    codes = []
    if not text.strip():
        raise ValueError("--countries: name at least one economy, or leave the option out for all of them")
    for item in filter(None, (part.strip() for part in text.split(","))):
        code = geography().country_code(item.upper() if len(item) == 3 else item)
        if code is None:
            raise ValueError(f"--countries: unknown country {item!r}")
        codes.append(code)
    return codes


def extract_command(args: argparse.Namespace) -> int:
    today = _today(args.today)
    errors: list[str] = []
    for document in read_articles(args.paths, today, errors):
        path = document.path
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
