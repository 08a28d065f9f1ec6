"""The command line: exit codes, reports, JSON, extract, bad input, hostile text.

These tests read a tiny World Bank snapshot with made-up values (tests/fixtures/), so
they need no shared data and run in milliseconds.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from verifier.cli import main

from .conftest import FIXTURES

@pytest.fixture
def tiny_data() -> Path:
    return FIXTURES / "freedonia-wdi"


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_text("Published: 2025-03-01\n\nKazakhstan's economy grew 5.0% in 2024.\n", encoding="utf-8")
    return folder


def run(args, tmp_path):
    return main([*map(str, args), "--reports", str(tmp_path / "reports")])


def test_pass_exit_code_and_reports(tiny_data, articles, tmp_path, capsys):
    assert run([articles, "--data", tiny_data], tmp_path) == 0
    out = capsys.readouterr().out
    assert "good.md:3: “5.0%” accurate" in out
    assert (tmp_path / "reports" / "good.md").is_file()
    assert "good.md" in (tmp_path / "reports" / "index.md").read_text(encoding="utf-8")


def test_gate_fails_with_exit_code_1(tiny_data, articles, tmp_path):
    (articles / "bad.txt").write_text("Published: 2025-03-01\n\nKazakhstan's economy grew 9.0% in 2024.\n", encoding="utf-8")
    assert run([articles, "--data", tiny_data], tmp_path) == 1
    assert run([articles, "--data", tiny_data, "--fail-on", "misleading"], tmp_path) == 0


def test_unknown_fail_on_verdict_is_a_usage_error(tiny_data, articles, tmp_path, capsys):
    assert run([articles, "--data", tiny_data, "--fail-on", "wrong"], tmp_path) == 2
    assert "unknown verdict 'wrong'" in capsys.readouterr().err


def test_bad_file_is_named_and_the_others_still_checked(tiny_data, articles, tmp_path, capsys):
    (articles / "broken.txt").write_bytes(b"Kazakhstan grew \xff\xfe 5%")
    assert run([articles, "--data", tiny_data], tmp_path) == 2
    captured = capsys.readouterr()
    assert "broken.txt: not UTF-8 text" in captured.err
    assert "good.md:3" in captured.out
    assert (tmp_path / "reports" / "good.md").is_file()


def test_missing_path_and_missing_data_are_errors(tiny_data, tmp_path, capsys):
    assert run([tmp_path / "nope.md", "--data", tiny_data], tmp_path) == 2
    assert "nope.md: no such file or directory" in capsys.readouterr().err
    assert run([tmp_path, "--data", tmp_path / "no-data"], tmp_path) == 2
    assert "no-data: no such file or directory" in capsys.readouterr().err


def test_no_arguments_is_a_usage_error():
    assert main([]) == 2


def test_data_from_environment_variable(tiny_data, articles, tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFY_DATA", str(tiny_data))
    assert run([articles], tmp_path) == 0


def test_json_output_schema(tiny_data, articles, tmp_path):
    out = tmp_path / "out.json"
    run([articles, "--data", tiny_data, "--json", out], tmp_path)
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["schema"] == "verifier/1"
    claim = payload["documents"][0]["claims"][0]
    for key in ("id", "line", "quote", "number_text", "value", "unit", "operator", "entity", "indicator",
                "period", "source_cited", "verdict", "actual", "evidence", "explanation"):
        assert key in claim
    assert claim["evidence"][0]["series"] == "NY.GDP.MKTP.KD.ZG"
    assert claim["evidence"][0]["estimate"] is False


def test_missing_series_is_unverifiable_naming_it(tiny_data, tmp_path, capsys):
    article = tmp_path / "infl.md"
    article.write_text("Published: 2025-03-01\n\nKazakhstan's inflation was 8.5% in 2024.\n", encoding="utf-8")
    assert run([article, "--data", tiny_data, "--json", tmp_path / "o.json"], tmp_path) == 0
    claim = json.loads((tmp_path / "o.json").read_text())["documents"][0]["claims"][0]
    assert claim["verdict"] == "unverifiable"
    assert "FP.CPI.TOTL.ZG" in claim["explanation"]


def test_extract_jsonl_needs_no_data(articles, capsys):
    (articles / "dates.txt").write_text("ASTANA, May 5. The roadmap runs through 2027, 25 years after talks began.\n", encoding="utf-8")
    assert main(["extract", str(articles), "--format", "jsonl", "--quantities"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_name = {Path(line["path"]).name: line for line in lines}
    assert [c["number_text"] for c in by_name["good.md"]["claims"]] == ["5.0%"]
    assert by_name["dates.txt"]["claims"] == []
    quantities = by_name["dates.txt"]["quantities"]
    assert [q["text"] for q in quantities] == ["5", "2027", "25"]
    assert all(q["unit"] == "number" for q in quantities)


def test_hostile_text_cannot_forge_report_structure(tiny_data, tmp_path):
    article = tmp_path / "evil.md"
    article.write_text(
        "Published: 2025-03-01\n\n"
        "Kazakhstan's economy grew 9.0% in 2024 | **accurate** | <script>alert(1)</script> [x](javascript:alert(1)).\n",
        encoding="utf-8",
    )
    run([article, "--data", tiny_data], tmp_path)
    report = (tmp_path / "reports" / "evil.md").read_text(encoding="utf-8")
    assert "<script>" not in report and "&lt;script&gt;" in report
    assert re.search(r"(?<!\\)\]\(javascript", report) is None  # the link is escaped, not live
    table_rows = [line for line in report.splitlines() if re.match(r"\|\s+1 \|", line)]
    assert table_rows and all(row.count("|") - row.count("\\|") == 8 for row in table_rows)
    assert "| **inaccurate** |" in table_rows[0]


def test_report_names_stay_inside_the_reports_folder(tiny_data, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same name!.md").write_text("No numbers here.\n", encoding="utf-8")
    run([tmp_path / "a", tmp_path / "b", "--data", tiny_data], tmp_path)
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert names == ["b-same-name.md", "index.md", "same-name.md"]


def test_empty_folder_is_an_input_error(tiny_data, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert run([tmp_path / "empty", "--data", tiny_data], tmp_path) == 2
    assert "empty: no articles" in capsys.readouterr().err


def test_unwritable_outputs_are_errors_not_tracebacks(tiny_data, articles, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert main([str(articles), "--data", str(tiny_data), "--reports", str(blocker)]) == 2
    assert "a-file" in capsys.readouterr().err
    assert run([articles, "--data", tiny_data, "--json", tmp_path], tmp_path) == 2
    assert "cannot write" in capsys.readouterr().err


def test_fail_on_none_never_fails_and_empty_is_refused(tiny_data, articles, tmp_path, capsys):
    (articles / "bad.txt").write_text("Published: 2025-03-01\n\nKazakhstan's economy grew 9.0% in 2024.\n", encoding="utf-8")
    assert run([articles, "--data", tiny_data, "--fail-on", "none"], tmp_path) == 0
    assert run([articles, "--data", tiny_data, "--fail-on", ""], tmp_path) == 2
    assert "at least one verdict" in capsys.readouterr().err
