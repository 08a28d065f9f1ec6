"""Stage 1, read: find the articles, decode them, and date them."""
from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from dateutil import parser as dateparser

from .overrides import OverrideError, find_directives, mask_comments
from .records import Document

ARTICLE_SUFFIXES = {".txt", ".md"}


class InputError(Exception):
    """A file or path that cannot be read as an article; the message names it."""


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
DATE_LINE = re.compile(r"^[ \t]*(?:Published|Date|Dated|Posted)[ \t]*:[ \t]*(.+?)[ \t]*$", re.I | re.M)
FRONT_MATTER_FIELD = re.compile(r"^(title|date|published)[ \t]*:[ \t]*(.+?)[ \t]*$", re.I | re.M)
# A wire dateline: "ASTANA, Kazakhstan, February 26." or "LONDON, March 3, 2025 -"
DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Z .'\-]{{1,40}},(?:[ \t]+[A-Z][\w .'\-]{{1,40}},)?[ \t]+"
    rf"(?P<month>{MONTHS})\.?[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>\d{{4}}))?\b",
    re.M,
)
# A dateline opens the story: look for it only in the first lines, after any headings.
DATELINE_WINDOW = 600
HEADING = re.compile(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", re.M)


def find_articles(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and directories into article files; return (files, errors)."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            before = len(files)
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                        files.append(candidate)
            if len(files) == before:
                errors.append(f"{path}: no articles (.txt or .md files) in this folder")
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            errors.append(f"{path}: broken symbolic link")
        else:
            errors.append(f"{path}: no such file or directory")
    return files, errors


def read_articles(paths: list[Path], today: date, errors: list[str],
                  progress: Callable[[list[Path]], Iterable[Path]] = iter) -> Iterator[Document]:
    """Every article under `paths`, read; each file that cannot be is one line in `errors`."""
    files, problems = find_articles(paths)
    errors += problems
    for path in progress(files):
        try:
            yield read_document(path, today)
        except InputError as exc:
            errors.append(str(exc))


def read_document(path: Path, today: date) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse_document(path, text, today)


def parse_document(path: Path, text: str, today: date) -> Document:
    """Split off front matter, and find the title and the publication date."""
    fields: dict[str, str] = {}
    first_line = 1
    match = FRONT_MATTER.match(text)
    if match:
        fields = {k.lower(): v.strip("'\"") for k, v in FRONT_MATTER_FIELD.findall(match.group(1))}
        first_line += match.group(0).count("\n")
        text = text[match.end():]
    published, how = _publication_date(text, fields, today)
    try:
        directives = find_directives(path, text)
    except OverrideError as exc:
        raise InputError(str(exc)) from exc
    return Document(
        path=path,
        text=mask_comments(text),
        directives=directives,
        title=_title(path, text, fields),
        published=published,
        published_source=how,
        first_line=first_line,
    )


def _parse_date(value: str, today: date) -> date | None:
    """A written date; a missing year is the run date's (never the system clock's)."""
    if not re.search(r"\d", value):
        return None  # "Monday" is no date
    default = datetime(today.year, 1, 1)
    try:
        found = dateparser.parse(value, fuzzy=False, default=default).date()
        if found > today:
            # "12.03.2025" read month-first lands in the future: read it day-first.
            day_first = dateparser.parse(value, fuzzy=False, default=default, dayfirst=True).date()
            if day_first <= today:
                return day_first
        return found
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def _year_note(value: str, today: date) -> str:
    return "" if re.search(r"\d{4}", value) else f" (no year given: the run date's year, {today.year}, is assumed)"


def _publication_date(text: str, fields: dict[str, str], today: date) -> tuple[date, str]:
    for key in ("published", "date"):
        if key in fields and (found := _parse_date(fields[key], today)):
            return found, f"front matter '{key}'{_year_note(fields[key], today)}"
    for line in DATE_LINE.finditer(text):
        if found := _parse_date(line.group(1), today):
            return found, f"'{line.group(0).strip()}' line{_year_note(line.group(1), today)}"
    opening = "\n".join(line for line in text[:DATELINE_WINDOW].splitlines() if not line.lstrip().startswith("#"))
    dateline = DATELINE.search(opening.lstrip("\n"))
    if dateline:
        year = dateline.group("year")
        month_day = f"{dateline.group('month')} {dateline.group('day')}"
        found = _parse_date(f"{month_day} {year or today.year}", today)
        if found:
            if year:
                return found, "dateline"
            return found, f"dateline '{month_day}' has no year: the run date's year ({today.year}) is assumed"
    return today, "no date in the text: the run date is assumed"


def _title(path: Path, text: str, fields: dict[str, str]) -> str:
    if fields.get("title"):
        return fields["title"]
    heading = HEADING.search(text)
    if heading:
        return heading.group(1)
    return path.stem.replace("_", " ").replace("-", " ")
