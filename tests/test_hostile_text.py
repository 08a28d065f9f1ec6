"""Hostile text: markdown and HTML in an article, and odd article file names, cannot
change a report's structure, forge a verdict or write outside the reports folder.

The real command runs over the articles (against a tiny made-up snapshot, as in
test_cli); the written markdown is then read back the way a renderer splits it — lines,
headings, fences, pipe tables with backslash escapes — and held to what the JSON says.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from verifier.cli import main
from verifier.records import SEVERITY
from verifier.report import code, escape, report_names

from . import test_properties  # noqa: F401  (registers and loads the hypothesis profile)

# Markdown and HTML an article may carry, on purpose or pasted from elsewhere.
JUNK = [
    "| **accurate** | ✅ accurate |",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[x]( JavaScript:alert(1) )",
    '<a href="javascript:alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    "``` fence",
    "`unbalanced",
    "~~~",
    "\\| \\\\| \\",
    "&lt;script&gt; &#60;b&#62;",
    "# heading ## more",
    "![img](https://evil.example/x.png)",
    "<https://evil.example>",
    "javascript:alert(1)",
    "**bold** _em_ ~~strike~~",
    "[ref]: javascript:alert(1)",
    "\u202e reversed",
]
FAKE_TABLE = (
    "| # | Claim | Verdict |\n"
    "|---|---|---|\n"
    "| 1 | Kazakhstan's economy grew 9.0% in 2024 | ✅ accurate |"
)
CLAIMS_HEADER = ["#", "Line", "Claim", "Verdict", "Claimed", "Actual", "Reading"]
REPORT_TABLES = [
    CLAIMS_HEADER,
    ["Read as", ""],
    ["Source", "Edition", "Series", "Name", "Entity", "Years", "Value", "Status", "Retrieved", "Link"],
    ["Reading", "Value", "Verdict", "Series", "Edition", "Status", "Retrieved", "Detail"],
]
INDEX_HEADER = ["Article", "Path", "Published", "Claims", *[k.value for k in SEVERITY], "Worst"]


def run(tmp_path, tiny, *args, output="json", charts=False):
    """The real command (what it prints is left to capsys); returns (exit code, the JSON document)."""
    out = tmp_path / "out.json"
    argv = [*map(str, args), "--data", str(tiny), "--reports", str(tmp_path / "reports"), "--today", "2026-11-25",
            "--json", str(out), "--format", output, *([] if charts else ["--no-charts"])]
    code = main(argv)
    return code, json.loads(out.read_text(encoding="utf-8"))


# --- reading markdown back -------------------------------------------------------------


def unescaped(text: str) -> str:
    """The characters of `text` that no backslash escapes."""
    kept, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        kept.append(text[i])
        i += 1
    return "".join(kept)


def cells(row: str) -> list[str]:
    """A pipe-table row's cells, split only at pipes no backslash escapes."""
    parts, cell, i = [], "", 0
    while i < len(row):
        if row[i] == "\\":
            cell += row[i:i + 2]
            i += 2
        elif row[i] == "|":
            parts.append(cell)
            cell = ""
            i += 1
        else:
            cell += row[i]
            i += 1
    assert parts and parts[0] == "" and cell == "", f"not a closed table row: {row!r}"
    return [c.strip() for c in parts[1:]]


def tables(markdown: str) -> list[list[list[str]]]:
    """Every pipe table: runs of lines starting with `|`, the separator row left out."""
    found, current = [], None
    for line in markdown.split("\n"):
        if line.startswith("|"):
            if current is None:
                current = []
                found.append(current)
            if not re.fullmatch(r"\|(-+\|)+", line):
                current.append(cells(line))
        else:
            current = None
    return found


def assert_inert(markdown: str, headings: int) -> list[str]:
    """No block structure but the report's own; returns the headings."""
    lines = markdown.split("\n")
    assert not [l for l in lines if re.match(r" {0,3}(```|~~~)", l)], "a code fence leaked"
    assert not [l for l in lines if re.fullmatch(r" {0,3}(=+|-+|\*+|_+) *", l)], "a setext heading or rule leaked"
    found = [l for l in lines if re.match(r" {0,3}#{1,6}(\s|$)", l)]
    assert len(found) == headings, found
    for line in lines:
        plain = unescaped(re.sub(r"<https://[^\s<>]+>", "", line))
        assert "<" not in plain, f"raw HTML: {line!r}"
        assert plain.count("`") % 2 == 0, f"unbalanced backticks: {line!r}"
        for span in re.findall(r"`([^`]*)`", plain):
            assert re.fullmatch(r"[\w.]+", span), f"article text in a code span: {line!r}"
        if "](" in plain:  # links: the index's to reports, the charts; never javascript
            assert re.fullmatch(r"!?\[[^\]]*\]\([\w./-]+\)", plain.strip()) or line.startswith("|"), line
        assert not re.search(r"\]\(\s*javascript:", plain, re.I), line
    return found


def assert_article_report(markdown: str, document: dict) -> None:
    claims = document["claims"]
    headings = assert_inert(markdown, 1 + len(claims))
    assert headings[0].startswith("# Verification report: ")
    for number, (heading, claim) in enumerate(zip(headings[1:], claims), 1):
        assert heading.startswith(f"## {number}. ")
        assert heading.endswith(f": {claim['verdict']} (line {claim['line']})")
    verdict_lines = [l for l in markdown.split("\n") if l.startswith("**Verdict: ")]
    assert [l.split(".**")[0] for l in verdict_lines] == [f"**Verdict: {c['verdict']}" for c in claims]
    found = tables(markdown)
    for table in found:
        assert table[0] in REPORT_TABLES, f"a table the report does not write: {table[0]}"
        assert all(len(row) == len(table[0]) for row in table), table
    if claims:
        rows = found[0][1:]
        assert found[0][0] == CLAIMS_HEADER and len(rows) == len(claims)
        for number, (row, claim) in enumerate(zip(rows, claims), 1):
            assert row[0] == str(number) and row[1] == str(claim["line"])
            assert row[3] == f"**{claim['verdict']}**"  # the verdict cell is the computed verdict
            assert unescaped(row[2]).count("*") == 4  # only the number in bold
    evidence = [t for t in found if t[0] == REPORT_TABLES[2]]
    with_evidence = [c for c in claims if c["evidence"]]
    assert len(evidence) == len(with_evidence)
    for table, claim in zip(evidence, with_evidence):  # a code span shows backslashes literally
        assert [row[2] for row in table[1:]] == [f"`{e['series']}`" for e in claim["evidence"]]


def assert_index(markdown: str, payload: dict, reports: Path) -> dict[str, Path]:
    """The index's table against the JSON; returns article path -> its report."""
    assert_inert(markdown, 1 + bool(payload["errors"]))
    [table] = tables(markdown)
    assert table[0] == INDEX_HEADER and len(table) - 1 == len(payload["documents"])
    by_path = {d["path"]: d for d in payload["documents"]}
    linked = {}
    for row in table[1:]:
        target = re.fullmatch(r"\[.*\]\(([\w.-]+\.md)\)", row[0]).group(1)
        document = next(d for p, d in by_path.items() if escape(p) == row[1])
        kinds = {c["verdict"] for c in document["claims"]}
        assert row[-1] == next((k.value for k in SEVERITY if k.value in kinds), "—")
        linked[document["path"]] = reports / target
    assert len(set(linked.values())) == len(linked), "two articles share a report"
    return linked


# --- markdown and HTML in the text -----------------------------------------------------


def hostile_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    junk = " ".join(JUNK)
    sentences = [f"Kazakhstan's economy grew 9.0% in 2024 {junk}.", f"Uzbekistan's economy grew 6.0% in 2024 {junk}."]
    title = '"Fake | **accurate** | <script>x</script> [t](javascript:alert(1)) `tick ## h"'
    articles = {
        "front-matter.md": f"---\ntitle: {title}\n---\nPublished: 2025-03-01\n\n" + "\n\n".join(sentences),
        "heading.md": f"# {' '.join(JUNK[:8])}\n\nPublished: 2025-03-01\n\n" + "\n\n".join(sentences),
        "table.md": f"Published: 2025-03-01\n\n{FAKE_TABLE}\n\n## ✅ accurate\n\n" + "\n".join(JUNK) + "\n\n"
                    + sentences[0] + "\n\n```\n" + sentences[1] + "\n```\n",
    }
    for name, text in articles.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return sorted(folder.iterdir())


def test_hostile_markdown_cannot_change_report_structure_or_forge_a_verdict(tiny, tmp_path):
    hostile_articles(tmp_path / "articles")
    code, payload = run(tmp_path, tiny, tmp_path / "articles")
    assert code == 1
    assert len(payload["documents"]) == 3
    assert all(any(c["number_text"] == "9.0%" and c["verdict"] == "inaccurate" for c in d["claims"])
               for d in payload["documents"])
    reports = tmp_path / "reports"
    linked = assert_index((reports / "index.md").read_text(encoding="utf-8"), payload, reports)
    for document in payload["documents"]:
        assert_article_report(linked[document["path"]].read_text(encoding="utf-8"), document)


def test_markdown_format_output_is_as_inert_as_the_reports(tiny, tmp_path, capsys):
    hostile_articles(tmp_path / "articles")
    capsys.readouterr()
    _, payload = run(tmp_path, tiny, tmp_path / "articles", output="markdown")
    out = capsys.readouterr().out
    reports = re.split(r"\n\n(?=# Verification report: )", out.rstrip("\n"))
    assert len(reports) == len(payload["documents"])
    for markdown, document in zip(reports, payload["documents"]):
        assert_article_report(markdown, document)


def test_github_annotations_are_one_line_each_with_the_computed_verdict(tiny, tmp_path, capsys):
    hostile_articles(tmp_path / "articles")
    (tmp_path / "articles" / "odd, name: \n::error::forged.md").write_text(
        "Published: 2025-03-01\n\nKazakhstan's economy grew 9.0% in 2024 ::error file=x::forged %0A.\n",
        encoding="utf-8")
    capsys.readouterr()
    _, payload = run(tmp_path, tiny, tmp_path / "articles", output="github")
    lines = capsys.readouterr().out.splitlines()
    doubtful = [c for d in payload["documents"] for c in d["claims"] if c["verdict"] != "accurate"]
    assert len(lines) == len(doubtful) >= 4
    for line, claim in zip(lines, doubtful):
        match = re.fullmatch(r"::(error|warning) file=([^,:]*),line=(\d+),title=([^,:]*)::(.*)", line)
        assert match, line
        assert match.group(1) == ("error" if claim["verdict"] in ("inaccurate", "misleading") else "warning")
        assert int(match.group(3)) == claim["line"] and match.group(4).endswith(f" {claim['verdict']}")
    folder = str(tmp_path / "articles").replace(":", "%3A")
    assert any(f"file={folder}/odd%2C name%3A %0A%3A%3Aerror%3A%3Aforged.md," in line for line in lines)


def test_text_format_prints_one_line_per_claim_whatever_the_file_name(tiny, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "new\nline \x1b[31mred.md").write_text(
        "Published: 2025-03-01\n\nKazakhstan's economy grew 9.0% in 2024.\n", encoding="utf-8")
    capsys.readouterr()
    run(tmp_path, tiny, folder, output="text")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "\x1b" not in lines[0]
    assert lines[0].endswith("new\\nline \\x1b[31mred.md:3: “9.0%” inaccurate — actual 5.00% (World Bank, 2024)")


def test_claimreview_cannot_close_the_script_tag_it_is_embedded_in(tiny, tmp_path):
    hostile_articles(tmp_path / "articles")
    run(tmp_path, tiny, tmp_path / "articles", "--claimreview", tmp_path / "reviews")
    files = sorted((tmp_path / "reviews").glob("*.jsonld"))
    texts = [file.read_text(encoding="utf-8") for file in files]
    assert not [text for text in texts if "<" in text or ">" in text]
    assert any("</script>" in json.loads(text)["claimReviewed"] for text in texts)  # the same JSON to a parser


# --- article file names ----------------------------------------------------------------


# Names up to the usual 255-byte limit ("é" is two bytes in UTF-8).
ODD_NAMES = [
    "...md", "..md", "a b.md", "ünïcödé 日本.md", "e\u0301.md", "new\nline.md", "pi|pe.md", "#hash.md",
    "--lead.md",
    "-.md", "index.md", "INDEX.md", "a.md", "a.md.md", "A.MD", "same.md", "é" * 126 + ".md", "x" * 252 + ".md",
    "x" * 251 + "y.md", "<script>.md", "[x](javascript:alert(1)).md",
]


def test_report_files_stay_inside_the_reports_folder_and_never_collide(tiny, tmp_path):
    folder = tmp_path / "articles"
    files = []
    for sub, names in (("one", ODD_NAMES), ("two", ["same.md", "a.md", "index.md"]), ("Two", ["same.md"])):
        (folder / sub).mkdir(parents=True)
        for name in names:
            path = folder / sub / name
            path.write_text(f"Published: 2025-03-01\n\nKazakhstan's economy grew {len(files) % 9}.0% in 2024.\n",
                            encoding="utf-8")
            files.append(path)
    # Named one by one (a folder walk skips dot files), some through "..".
    args = [folder / "one" / ".." / "one" / p.name if p.parent.name == "one" else p for p in files]
    code, payload = run(tmp_path, tiny, *args, "--claimreview", tmp_path / "reviews", charts=True)
    assert code == 1 and not payload["errors"]
    reports = (tmp_path / "reports").resolve()
    written = list(reports.rglob("*"))
    assert all(p.resolve().is_relative_to(reports) for p in written)
    assert not [p for p in written if p.name.startswith(".")]  # no temporary file left behind
    linked = assert_index((reports / "index.md").read_text(encoding="utf-8"), payload, reports)
    assert len(linked) == len(files) == len([p for p in reports.glob("*.md") if p.is_file()]) - 1
    for document in payload["documents"]:  # each article has its own report, not another's
        report = linked[document["path"]].read_text(encoding="utf-8")
        assert f"- **Article:** {escape(document['path'])}\n" in report
        assert_article_report(report, document)
        chart = linked[document["path"]].with_suffix("") / "claim-1.png"
        assert chart.is_file()
    assert len(list((tmp_path / "reviews").glob("*.jsonld"))) == len(files)


def test_index_links_the_report_written_when_another_article_cannot_be_read(tiny, tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "articles" / sub).mkdir(parents=True)
    (tmp_path / "articles" / "a" / "same.md").write_bytes(b"not \xff utf-8")
    (tmp_path / "articles" / "b" / "same.md").write_text(
        "Published: 2025-03-01\n\nKazakhstan's economy grew 9.0% in 2024.\n", encoding="utf-8")
    code, payload = run(tmp_path, tiny, tmp_path / "articles")
    assert code == 2
    reports = tmp_path / "reports"
    [target] = assert_index((reports / "index.md").read_text(encoding="utf-8"), payload, reports).values()
    assert target.is_file()


NAME_CHARS = st.sampled_from(list("aA.-_ |#/\\\n\t:*?<>\"'`()[]é日\u0301\u202e\x00") + ["..", "index", ".md", "MD"])


NAMES = st.lists(NAME_CHARS, max_size=12).map("".join).filter(lambda s: "/" not in s and "\x00" not in s)


@given(st.lists(st.tuples(st.sampled_from(["", "x", "X", "..", "d d"]), NAMES), max_size=12))
def test_report_names_are_safe_and_distinct_for_any_file_names(entries):
    paths = [Path("articles", parent, name + ".md") if parent else Path(name + ".md") for parent, name in entries]
    names = report_names(paths)
    taken = [n.casefold() for n in names.values()]
    folders = {n[:-3].casefold() for n in names.values()}
    assert len(set(taken)) == len(taken) and "index.md" not in taken and not folders & set(taken)
    for name in names.values():
        assert re.fullmatch(r"\w[\w.-]*\.md", name) and len(name.encode()) <= 160


@given(st.text())
def test_escaped_text_has_no_live_markdown(text):
    out = escape(text)
    assert "\n" not in out and "\r" not in out
    assert not set(unescaped(out)) & set("<>`*_[]|~#!\\")


def test_code_spans_escape_only_the_table_pipe():
    assert code("NGDP_RPCH") == "`NGDP_RPCH`"  # a backslash would show: backslash escapes do not work in code
    assert code("a|b") == "`a\\|b`"
    assert code("a`b") == escape("a`b")
