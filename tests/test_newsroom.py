"""Fitting the newsroom: output formats, ClaimReview, the config file, editors' overrides,
--changed-since, exit codes, charts and suggested wording.

Most tests use a tiny made-up World Bank snapshot (as test_cli does), so they need no
shared data; the chart and wording tests that read the real seed say so.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.overrides import fingerprint

from .conftest import SHARED_SEEDS, WDI, WEO, requires_shared

SCHEMA = Path(__file__).resolve().parent.parent / "verifier" / "schemas" / "verifier-1.schema.json"
GOOD = "Kazakhstan's economy grew 5.0% in 2024."
BAD = "Uzbekistan's economy grew 9.0% in 2024."


def write_article(folder: Path, name: str, *paragraphs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("Published: 2025-03-01\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def verify(tmp_path, *args, charts=False):
    extra = [] if charts else ["--no-charts"]
    return main([*map(str, args), "--reports", str(tmp_path / "reports"), "--today", "2026-11-25", *extra])


# --- formats ---------------------------------------------------------------------------


def test_json_format_is_valid_against_the_shipped_schema(tiny, tmp_path, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    write_article(tmp_path / "a", "one.md", GOOD, BAD)
    assert verify(tmp_path, tmp_path / "a", "--data", tiny, "--format", "json") == 1
    payload = json.loads(capsys.readouterr().out)
    jsonschema.validate(payload, json.loads(SCHEMA.read_text(encoding="utf-8")))
    verdicts = [c["verdict"] for c in payload["documents"][0]["claims"]]
    assert verdicts == ["accurate", "inaccurate"]
    # The schema is strict: an unexpected field fails validation.
    payload["documents"][0]["claims"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_github_format_annotates_failing_claims_as_errors_with_escaping(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one, two.md", GOOD, BAD)
    assert verify(tmp_path, tmp_path / "a", "--data", tiny, "--format", "github") == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1  # the accurate claim needs no annotation
    assert lines[0].startswith("::error file=")
    assert "one%2C two.md,line=5,title=verify%3A “9.0%25” inaccurate::" in lines[0]
    assert "6.00%25 (World Bank, 2024)" in lines[0]


def test_text_format_has_no_colour_in_a_pipe(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", BAD)
    verify(tmp_path, tmp_path / "a", "--data", tiny)
    out = capsys.readouterr().out
    assert "\x1b[" not in out and "“9.0%” inaccurate" in out


def test_text_lines_are_coloured_for_a_terminal_unless_no_colour(monkeypatch):
    from verifier.console import use_colour

    class Terminal:
        def isatty(self):
            return True

    assert use_colour(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())


def test_markdown_format_prints_the_reports(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", BAD)
    verify(tmp_path, tmp_path / "a", "--data", tiny, "--format", "markdown")
    out = capsys.readouterr().out
    assert out.startswith("# Verification report") and "**Suggested wording:**" in out


def test_progress_bar_only_at_a_terminal():
    from verifier.console import progress

    files = [Path("a"), Path("b")]
    assert progress(files) is files  # pytest's stdout is no terminal


# --- ClaimReview -----------------------------------------------------------------------


def test_claimreview_per_claim(tiny, tmp_path):
    write_article(tmp_path / "a", "one.md", GOOD, BAD)
    reviews = tmp_path / "reviews"
    verify(tmp_path, tmp_path / "a", "--data", tiny, "--claimreview", reviews)
    files = sorted(reviews.glob("*.jsonld"))
    assert [f.name for f in files] == ["one-claim-1.jsonld", "one-claim-2.jsonld"]
    review = json.loads(files[1].read_text(encoding="utf-8"))
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == BAD
    assert review["reviewRating"]["alternateName"] == "inaccurate" and review["reviewRating"]["ratingValue"] == 1
    assert review["itemReviewed"]["appearance"]["url"].startswith("file://")
    assert review["itemReviewed"]["appearance"]["datePublished"] == "2025-03-01"
    assert review["datePublished"] == "2026-11-25" and review["author"]["name"] == "verifier"
    assert review["url"].startswith("one.md#2-90-inaccurate")


# --- the config file -------------------------------------------------------------------


def test_config_found_upward_supplies_paths_data_and_gate(tiny, tmp_path, monkeypatch, capsys):
    project = tmp_path / "newsroom"
    write_article(project / "articles", "one.md", BAD)
    (project / "verify.toml").write_text(
        f'paths = ["articles"]\ndata = ["{tiny}"]\nfail_on = ["close"]\nauthor = "Desk"\n', encoding="utf-8")
    (project / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(project / "deep" / "er")
    assert main(["--reports", str(tmp_path / "r"), "--no-charts"]) == 0  # inaccurate does not fail: fail_on = close
    assert "“9.0%” inaccurate" in capsys.readouterr().out
    assert main(["--reports", str(tmp_path / "r"), "--no-charts", "--fail-on", "inaccurate"]) == 1  # the flag wins


def test_config_in_pyproject_tool_verify(tiny, tmp_path, monkeypatch):
    write_article(tmp_path / "articles", "one.md", BAD)
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.verify]\npaths = ["articles"]\ndata = ["{tiny}"]\nstrict = true\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--reports", str(tmp_path / "r"), "--no-charts"]) == 1


def test_unknown_config_key_is_an_error_naming_it(tmp_path, monkeypatch, capsys):
    (tmp_path / "verify.toml").write_text('fail_onn = ["close"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["x.md"]) == 2
    err = capsys.readouterr().err
    assert "verify.toml: unknown key 'fail_onn'" in err


def test_unknown_tolerance_and_phrase_keys_are_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "verify.toml").write_text("[tolerances]\nhedging = 0.2\n", encoding="utf-8")
    assert main(["x.md"]) == 2
    assert "unknown key 'tolerances.hedging'" in capsys.readouterr().err
    (tmp_path / "verify.toml").write_text('[phrases]\nhappiness = ["joy"]\n', encoding="utf-8")
    assert main(["x.md"]) == 2
    assert "unknown key 'phrases.happiness'" in capsys.readouterr().err


def test_config_tolerances_decide_verdicts(tiny, tmp_path, monkeypatch, capsys):
    write_article(tmp_path / "articles", "one.md", "Uzbekistan's economy grew 6.3% in 2024.")  # data: 6.0
    monkeypatch.chdir(tmp_path)
    assert verify(tmp_path, "articles", "--data", tiny) == 0  # within ±0.15·2: close
    assert "close" in capsys.readouterr().out
    (tmp_path / "verify.toml").write_text("[tolerances]\nclose_factor = 1.5\n", encoding="utf-8")
    assert verify(tmp_path, "articles", "--data", tiny) == 1
    assert "inaccurate" in capsys.readouterr().out


def test_config_adds_phrases_and_groups(tiny, tmp_path, monkeypatch, capsys):
    write_article(tmp_path / "articles", "one.md", "Kazakhstan's economic upswing reached 5.0% in 2024.",
                  "Kazakhstan produced 71% of the Steppe Pair's GDP growth in 2024.")
    monkeypatch.chdir(tmp_path)
    verify(tmp_path, "articles", "--data", tiny, "--format", "json")
    before = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
    (tmp_path / "verify.toml").write_text(
        '[phrases]\ngdp_growth = ["economic upswing"]\n\n'
        '[groups.steppe_pair]\nnames = ["Steppe Pair"]\nmembers = ["KAZ", "UZB"]\n', encoding="utf-8")
    verify(tmp_path, "articles", "--data", tiny, "--format", "json")
    after = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
    assert "5.0%" not in [c["number_text"] for c in before]
    claim = next(c for c in after if c["number_text"] == "5.0%")
    assert (claim["indicator"], claim["verdict"]) == ("gdp_growth", "accurate")


def test_a_bad_group_in_config_names_the_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "verify.toml").write_text('[groups.pair]\nnames = ["Pair"]\nmembers = ["Kazakhstan"]\n',
                                          encoding="utf-8")
    write_article(tmp_path / "articles", "one.md", GOOD)
    monkeypatch.chdir(tmp_path)
    assert main(["articles", "--no-charts", "--reports", str(tmp_path / "r")]) == 2
    assert "verify.toml: [pair]: members must be ISO alpha-3 codes" in capsys.readouterr().err


# --- inline directives -----------------------------------------------------------------


def test_inline_ignore_skips_the_next_paragraph_only(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", "<!-- verify: ignore -->\n" + BAD, BAD.replace("9.0%", "9.5%"))
    assert verify(tmp_path, tmp_path / "a", "--data", tiny) == 1
    out = capsys.readouterr().out
    assert "“9.0%”" not in out and "“9.5%” inaccurate" in out


def test_inline_accept_passes_the_next_claim_with_its_reason(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", '<!-- verify: accept "Statistics agency, 2 March" -->\n' + BAD)
    assert verify(tmp_path, tmp_path / "a", "--data", tiny, "--format", "json") == 0
    claim = json.loads(capsys.readouterr().out)["documents"][0]["claims"][0]
    assert claim["verdict"] == "inaccurate"  # still computed and shown
    assert claim["override"]["kind"] == "accepted" and claim["override"]["reason"] == "Statistics agency, 2 March"
    report = (tmp_path / "reports" / "one.md").read_text(encoding="utf-8")
    assert "Editor: accepted: Statistics agency, 2 March" in report


def test_numbers_in_an_editors_comment_are_no_claims(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", "<!-- Kazakhstan's economy grew 7% in 2024, says X -->\n" + GOOD)
    assert verify(tmp_path, tmp_path / "a", "--data", tiny) == 0
    assert "“7%”" not in capsys.readouterr().out


def test_an_unknown_directive_is_an_error_naming_file_and_line(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", "<!-- verify: ignor -->\n" + BAD)
    write_article(tmp_path / "a", "two.md", GOOD)
    assert verify(tmp_path, tmp_path / "a", "--data", tiny) == 2
    captured = capsys.readouterr()
    assert "one.md: line 3: unknown directive 'ignor'" in captured.err
    assert "two.md:3: “5.0%” accurate" in captured.out  # the other file is still checked


# --- sign-offs -------------------------------------------------------------------------


def test_signoff_passes_the_gate_until_the_sentence_changes(tiny, tmp_path, capsys):
    folder = tmp_path / "a"
    article = write_article(folder, "one.md", BAD)
    book = tmp_path / "verify-signoff.toml"
    assert verify(tmp_path, folder, "--data", tiny, "--signoff", book) == 1
    capsys.readouterr()
    assert main(["signoff", "one-1", str(folder), "--by", "A. Editor", "--reason", "Ministry figure, confirmed",
                 "--signoff", str(book), "--today", "2026-11-20"]) == 0
    assert "signed off by A. Editor" in capsys.readouterr().out
    text = book.read_text(encoding="utf-8")
    assert 'by = "A. Editor"' in text and "date = 2026-11-20" in text and 'number = "9.0%"' in text
    assert verify(tmp_path, folder, "--data", tiny, "--signoff", book) == 0
    out = capsys.readouterr().out
    assert "signed off by A. Editor on 2026-11-20: Ministry figure, confirmed" in out
    assert "1 signed off or accepted" in out
    # Editing the sentence, even elsewhere than the number, voids the sign-off.
    article.write_text(article.read_text(encoding="utf-8").replace("economy grew", "economy expanded"),
                       encoding="utf-8")
    assert verify(tmp_path, folder, "--data", tiny, "--signoff", book) == 1


def test_an_expired_signoff_no_longer_passes(tiny, tmp_path, capsys):
    folder = tmp_path / "a"
    write_article(folder, "one.md", BAD)
    book = tmp_path / "signoff.toml"
    assert main(["signoff", "one-1", str(folder), "--by", "B", "--reason", "r", "--expires", "2026-01-31",
                 "--signoff", str(book), "--today", "2026-01-01"]) == 0
    assert verify(tmp_path, folder, "--data", tiny, "--signoff", book) == 1
    assert "expired 2026-01-31" in capsys.readouterr().out


def test_signoff_of_an_unknown_claim_is_an_error(tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", BAD)
    assert main(["signoff", "one-7", str(tmp_path / "a"), "--by", "B", "--reason", "r",
                 "--signoff", str(tmp_path / "s.toml")]) == 2
    assert "no claim 'one-7'" in capsys.readouterr().err
    assert not (tmp_path / "s.toml").exists()


def test_fingerprint_changes_with_the_sentence_not_with_spacing():
    from verifier.extract import extract_claims
    from verifier.read import parse_document

    def claim(text):
        return extract_claims(parse_document(Path("t.md"), text, date(2026, 1, 1)))[0]

    assert fingerprint(claim(BAD)) == fingerprint(claim(BAD.replace(" grew", "\n grew")))
    assert fingerprint(claim(BAD)) != fingerprint(claim(BAD.replace("2024", "2023")))


def test_a_broken_signoff_file_is_an_error_naming_it(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", GOOD)
    book = tmp_path / "signoff.toml"
    book.write_text('[[signoff]]\nfingerprint = "abc"\nby = "X"\n', encoding="utf-8")
    assert verify(tmp_path, tmp_path / "a", "--data", tiny, "--signoff", book) == 2
    assert f"{book}: sign-off 1: missing 'date'" in capsys.readouterr().err


# --- --changed-since -------------------------------------------------------------------


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e", "HOME": str(folder), "PATH": "/usr/bin:/bin"})


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_changed_since_checks_only_edited_paragraphs_and_new_files(tiny, tmp_path, monkeypatch, capsys):
    repo = tmp_path / "repo"
    write_article(repo, "one.md", BAD, BAD.replace("9.0%", "9.5%"), GOOD)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    article = repo / "one.md"
    article.write_text(article.read_text(encoding="utf-8").replace("9.5%", "9.7%"), encoding="utf-8")
    write_article(repo, "new.md", BAD)
    monkeypatch.chdir(repo)
    assert verify(tmp_path, ".", "--data", tiny, "--changed-since", "HEAD") == 1
    out = capsys.readouterr().out
    assert "one.md:5: “9.7%”" in out and "new.md:3: “9.0%”" in out
    assert "one.md:3" not in out and "“5.0%”" not in out
    # Nothing changed since the working tree was committed: nothing to check, the gate passes.
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "second")
    assert verify(tmp_path, ".", "--data", tiny, "--changed-since", "HEAD") == 0


def test_changed_since_outside_git_or_with_a_bad_ref_is_an_error(tiny, tmp_path, monkeypatch, capsys):
    write_article(tmp_path / "plain", "one.md", GOOD)
    monkeypatch.chdir(tmp_path / "plain")
    assert verify(tmp_path, ".", "--data", tiny, "--changed-since", "main") == 2
    assert "is not inside a git repository" in capsys.readouterr().err
    if shutil.which("git"):
        _git(tmp_path / "plain", "init", "-q")
        assert verify(tmp_path, ".", "--data", tiny, "--changed-since", "no-such-branch") == 2
        assert "unknown git ref 'no-such-branch'" in capsys.readouterr().err


# --- exit codes ------------------------------------------------------------------------


def test_exit_codes_pass_fail_strict_and_error(tiny, tmp_path):
    write_article(tmp_path / "a", "one.md", GOOD, "Kazakhstan's unemployment rate was 4.7% in 2024.")
    assert verify(tmp_path, tmp_path / "a", "--data", tiny) == 0  # unemployment: no series here, unverifiable
    assert verify(tmp_path, tmp_path / "a", "--data", tiny, "--strict") == 1
    assert verify(tmp_path, tmp_path / "missing", "--data", tiny) == 2


# --- charts and wording (the real seed) ------------------------------------------------


@requires_shared
def test_every_checked_claim_of_the_seed_has_a_chart_linked_from_its_report(tmp_path):
    assert verify(tmp_path, SHARED_SEEDS, "--data", WDI, "--data", WEO, charts=True) == 1
    reports = tmp_path / "reports"
    report = next(p for p in reports.glob("*.md") if p.name != "index.md")
    text = report.read_text(encoding="utf-8")
    charts = sorted((reports / report.stem).glob("claim-*.png"))
    assert len(charts) == 4
    for chart in charts:
        assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 5_000
        assert f"]({report.stem}/{chart.name})" in text


@requires_shared
def test_suggested_wording_for_the_seed(tmp_path, capsys):
    verify(tmp_path, SHARED_SEEDS, "--data", WDI, "--data", WEO, "--format", "json")
    claims = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
    wording = {c["number_text"]: c["suggested_wording"] for c in claims}
    assert wording["5.7%"].startswith("Kazakhstan's real GDP growth averaged 5.7% a year over 2001–2025")
    # Misleading: the reading the article uses and the one under which it holds, both.
    assert wording["60%"].startswith("Kazakhstan accounted for about 29% of Central Asia's net inflows of foreign "
                                     "direct investment in 2024, and about 69% over")


# --- --jobs ----------------------------------------------------------------------------


def test_jobs_in_processes_give_the_same_results_and_reports_as_one(tiny, tmp_path, capsys):
    folder = tmp_path / "many"
    for number in range(20):  # enough articles for the process pool
        write_article(folder, f"a{number:02d}.md", GOOD, BAD.replace("9.0%", f"{number % 7}.5%"))
    write_article(folder, "zz-bad.md", "<!-- verify: nonsense -->\n" + GOOD)
    outputs, reports = [], []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.json"
        code = main([str(folder), "--data", str(tiny), "--jobs", jobs, "--no-charts", "--today", "2026-11-25",
                     "--reports", str(tmp_path / f"reports-{jobs}"), "--json", str(out)])
        assert code == 2  # the bad directive is an error; every other article is still checked
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
        reports.append(sorted(p.name for p in (tmp_path / f"reports-{jobs}").glob("*.md")))
        capsys.readouterr()
    assert outputs[0] == outputs[1]
    assert reports[0] == reports[1] and len(reports[0]) == 21  # 20 articles and the index
    assert len(outputs[0]["documents"]) == 20 and "zz-bad.md: line 3: unknown directive" in outputs[0]["errors"][0]


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_jobs_in_processes_print_the_same_lines_and_index_as_one(tiny, tmp_path, capsys, output_format):
    """Without --json, workers send back only what the lines and the index show."""
    folder = tmp_path / "many"
    for number in range(20):
        write_article(folder, f"a{number:02d}.md", GOOD, BAD.replace("9.0%", f"{number % 7}.5%"))
    printed, indexes = [], []
    for jobs in ("1", "2"):
        reports = tmp_path / f"reports-{jobs}"
        code = main([str(folder), "--data", str(tiny), "--jobs", jobs, "--no-charts", "--today", "2026-11-25",
                     "--reports", str(reports), "--format", output_format])
        assert code == 1
        printed.append(capsys.readouterr().out.replace(str(reports), "REPORTS"))
        indexes.append((reports / "index.md").read_text(encoding="utf-8"))
    assert printed[0] == printed[1] and printed[0].count("\n") >= 20
    assert indexes[0] == indexes[1]


def test_jobs_must_be_positive(tiny, tmp_path, capsys):
    write_article(tmp_path / "a", "one.md", GOOD)
    assert verify(tmp_path, tmp_path / "a", "--data", tiny, "--jobs", "0") == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err
