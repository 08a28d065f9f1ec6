"""What `verify` prints on stdout, in the format a reader or a CI system wants.

- `text`: one line per claim, the verdict in colour when stdout is a terminal (and
  NO_COLOR is not set), then a summary line;
- `json`: the `verifier/1` document (verifier/schemas/verifier-1.schema.json);
- `github`: GitHub Actions workflow commands, so claims show on the pull request's lines;
- `markdown`: the reports, one after another.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Iterable, TextIO

from .records import DocumentResult, Verdict, VerdictKind
from .report import article_markdown, run_json, terminal_line

FORMATS = ("text", "json", "github", "markdown")
ANSI = {
    VerdictKind.ACCURATE: "32", VerdictKind.CLOSE: "33", VerdictKind.MISLEADING: "35",
    VerdictKind.INACCURATE: "31", VerdictKind.UNVERIFIABLE: "90",
}


def use_colour(stream: TextIO) -> bool:
    """Colour for people at a terminal only: never in pipes, files or CI logs, or with NO_COLOR."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def text_lines(documents: list[DocumentResult], colour: bool = False) -> Iterable[str]:
    for document in documents:
        for verdict in document.verdicts:
            line = terminal_line(verdict)
            if colour:
                word = verdict.verdict.value
                line = line.replace(f" {word} ", f" \x1b[{ANSI[verdict.verdict]}m{word}\x1b[0m ", 1)
            yield line


def github_lines(documents: list[DocumentResult], fail_on: tuple[VerdictKind, ...]) -> Iterable[str]:
    """`::error file=F,line=N,title=T::message` for each claim that needs a look: failing
    verdicts are errors, other doubts warnings, an editor's sign-off a notice."""
    for document in documents:
        for verdict in document.verdicts:
            level = _github_level(verdict, fail_on)
            if level is None:
                continue
            claim = verdict.claim
            title = f"verify: “{claim.number_text}” {verdict.verdict.value}"
            message = verdict.explanation
            if verdict.override is not None:
                message += f" Editor: {verdict.override.describe()}."
            yield (f"::{level} file={_property(str(claim.path))},line={claim.line},title={_property(title)}"
                   f"::{_data(message)}")


def _github_level(verdict: Verdict, fail_on: tuple[VerdictKind, ...]) -> str | None:
    if verdict.override is not None and verdict.override.passes:
        return "notice"
    if verdict.verdict in fail_on:
        return "error"
    if verdict.verdict in (VerdictKind.CLOSE, VerdictKind.UNVERIFIABLE, VerdictKind.MISLEADING,
                           VerdictKind.INACCURATE):
        return "warning"
    return None


def _data(text: str) -> str:
    """GitHub's escaping for a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """GitHub's escaping for a command's properties (file, title)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def print_results(documents: list[DocumentResult], errors: list[str], data_labels: list[str], output_format: str,
                  fail_on: tuple[VerdictKind, ...], run_date, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    if output_format == "json":
        stream.write(json.dumps(run_json(documents, errors, data_labels), indent=2, ensure_ascii=False) + "\n")
    elif output_format == "github":
        for line in github_lines(documents, fail_on):
            stream.write(line + "\n")
        for error in errors:
            stream.write(f"::error title=verify::{_data(error)}\n")
    elif output_format == "markdown":
        stream.write("\n\n".join(article_markdown(d, data_labels, run_date) for d in documents) + "\n")
    else:
        for line in text_lines(documents, colour=use_colour(stream)):
            stream.write(line + "\n")


def progress(files: list, stream: TextIO | None = None) -> Iterable:
    """A progress bar over many files, for a person at a terminal; the plain list otherwise."""
    stream = stream or sys.stdout
    if len(files) < 2 or not getattr(stream, "isatty", lambda: False)():
        return files
    from tqdm import tqdm

    return tqdm(files, desc="verify", unit="article", file=sys.stderr, leave=False)
