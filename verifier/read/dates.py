"""When an article was published, from the forms real pages print.

Dates come as pages print them: "Published: 2024-01-30", "Updated: 05 February, 2024
9:28 pm IST", "12:56, 19 April 2023 | GMT +6", "Mar - 21 - 2024 , 07:29", "Tuesday, 31
January 2023 22:32:47 (GMT+3)", a date in the page address (".../2024/05/20/...",
"...-2023-03-17"), a wire dateline ("NAIROBI, May 20 (Reuters) -"). Each shape is found
with a pattern and turned into a date by dateutil. A date without a year takes it from
its weekday when one is printed ("Wednesday, October 8": the latest year in which 8
October fell on a Wednesday), else from the run date, and says so: the date is then
uncertain, and so is every period read relative to it.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as dateparser

_MONTH_NAMES = [m for m in calendar.month_name[1:]] + ["Sept"] + [m for m in calendar.month_abbr[1:]]
MONTH = "(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
WEEKDAY = "(?:" + "|".join(calendar.day_name[:] + list(calendar.day_abbr[:])) + r")\.?"
_SEP = r"[\s,./\-–]*"
# A year, possibly run into a time printed after it ("Feb 29, 202406:26 pm").
_YEAR = r"(?P<year>(?:19|20)\d\d)(?=\d{1,2}:\d\d|\D|$)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
DATE_SHAPES = [
    ("iso", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)")),
    ("day month year", re.compile(rf"(?<!\d){_DAY}{_SEP}(?P<month>{MONTH}){_SEP}{_YEAR}", re.I)),
    ("month day year", re.compile(rf"\b(?P<month>{MONTH}){_SEP}{_DAY}{_SEP}{_YEAR}", re.I)),
    ("numeric", re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<year>(?:19|20)\d\d)(?!\d)")),
]
NO_YEAR_SHAPES = [
    re.compile(rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?<!\d){_DAY}\s+(?P<month>{MONTH})(?![\w])", re.I),
    re.compile(rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?\b(?P<month>{MONTH})\s+{_DAY}(?!\s*,?\s*(?:19|20)\d\d)", re.I),
]
# Lines that announce a date: "Published: ...", "Last Updated : ...", "Date: ...".
DATE_LINE = re.compile(
    r"^[ \t]*(?P<label>(?:first\s+)?published(?:\s+on)?|date[d]?|posted(?:\s+on)?|(?:last\s+)?updated(?:\s+on)?)"
    r"[ \t]*+[:\-–][ \t]*+(?P<value>.*\S)[ \t]*$", re.I | re.M)
# Dates in page addresses: /2024/05/20/, /2024-05-20, -20240520, /2024/05/ (month only).
URL_DATES = [
    re.compile(r"[/_-](?P<year>20\d\d)[/_-](?P<month>[01]\d)[/_-](?P<day>[0-3]\d)(?:[/_.\-]|$)"),
    re.compile(r"[/_-](?P<year>20\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:[/_.\-]|$)"),
    re.compile(r"/(?P<year>20\d\d)/(?P<month>[01]?\d)/"),
]
# A wire dateline opening the story: "ASTANA, February 26." "LONDON, March 3, 2025 -"
# "NAIROBI, May 20 (Reuters) -" "New Delhi [India], July 22 (ANI):"
DATELINE = re.compile(
    rf"^[ \t]*(?:[A-Z][A-Za-z .'\-]{{1,40}}(?:\s*\[[A-Za-z ]+\])?,)(?:[ \t]+[A-Z][\w .'\-]{{1,40}},)?[ \t]+"
    rf"(?P<month>{MONTH})[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>\d{{4}}))?\b",
    re.M,
)
# A dateline or a byline date opens the story: they are looked for in its first lines only.
OPENING_LINES = 12


@dataclass(frozen=True)
class FoundDate:
    value: date
    how: str  # in an editor's words: "'Published: 2024-01-30' line", "page address"
    certain: bool = True  # False: the year was assumed


def date_in(value: str, today: date) -> FoundDate | None:
    """The date a date field's value gives, or None. What a field adds in brackets after
    it ("2023-03-17 (date in the page address)") is a note, not the date."""
    head = value.split("(", 1)[0] if not value.lstrip().startswith("(") else value
    for shape, pattern in DATE_SHAPES:
        for match in pattern.finditer(head):
            found = _from_parts(shape, match)
            if found is not None and found <= today:
                return FoundDate(found, "")
    # No year printed: only a short value that is the date itself ("Wednesday, October 8").
    if len(head.strip()) <= 40:
        for pattern in NO_YEAR_SHAPES:
            match = pattern.search(head)
            if match:
                return _without_year(match, today)
    return None


def _from_parts(shape: str, match: re.Match[str]) -> date | None:
    try:
        if shape == "numeric":
            a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
            day, month = (a, b) if a > 12 or b <= 12 else (b, a)  # day first, as most of the world writes
            return date(year, month, day)
        month = match.group("month")
        month_number = int(month) if month.isdigit() else _month_number(month)
        return date(int(match.group("year")), month_number, int(match.group("day")))
    except (ValueError, TypeError):
        return None


def _month_number(name: str) -> int:
    return dateparser.parse(name.rstrip(".")[:3] + " 1 2000").month


def _without_year(match: re.Match[str], today: date) -> FoundDate | None:
    month, day = _month_number(match.group("month")), int(match.group("day"))
    weekday = match.group("weekday")
    if weekday:
        wanted = _weekday_number(weekday)
        for year in range(today.year, today.year - 28, -1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate <= today and candidate.weekday() == wanted:
                return FoundDate(candidate, f"no year printed: {year}, the latest year in which "
                                            f"{calendar.month_name[month]} {day} was a {calendar.day_name[wanted]}",
                                 certain=True)
        return None
    try:
        candidate = date(today.year, month, day)
    except ValueError:
        return None
    if candidate > today:
        candidate = candidate.replace(year=today.year - 1)
        return FoundDate(candidate, f"no year printed: the year before the run date's ({candidate.year}) is assumed",
                         certain=False)
    return FoundDate(candidate, f"no year printed: the run date's year ({candidate.year}) is assumed", certain=False)


def _weekday_number(name: str) -> int:
    key = name.rstrip(".")[:3].lower()
    return [d[:3].lower() for d in calendar.day_name].index(key)


def date_in_url(url: str, today: date) -> FoundDate | None:
    for pattern in URL_DATES:
        match = pattern.search(url)
        if match is None:
            continue
        day = int(match.groupdict().get("day") or 1)
        try:
            found = date(int(match.group("year")), int(match.group("month")), day)
        except ValueError:
            continue
        if found <= today:
            exact = "day" in match.groupdict() and match.group("day")
            return FoundDate(found, "the page address" + ("" if exact else " (month only: the 1st is assumed)"))
    return None


def publication_date(text: str, fields: dict[str, str], url: str, today: date) -> FoundDate | None:
    """The article's publication date, from (in order) its front matter or header fields,
    a date line ("Published: ..."; "Updated: ..." only when no other), the page address,
    a date standing alone in the opening lines, a dateline; None when none is found."""
    for key in ("published", "date"):
        if key in fields and (found := date_in(fields[key], today)):
            return _named(found, f"front matter '{key}'")
    updated = None
    for line in DATE_LINE.finditer(text):
        found = date_in(line.group("value"), today)
        if found is None:
            continue
        found = _named(found, f"'{line.group(0).strip()[:80]}' line")
        if "updated" in line.group("label").lower():
            updated = updated or found
        else:
            return found
    if url and (found := date_in_url(url, today)):
        return found
    if updated is not None:
        return updated
    opening = [line for line in text.splitlines()[:OPENING_LINES] if line.strip() and not line.lstrip().startswith("#")]
    dateline = DATELINE.search("\n".join(opening))
    if dateline:
        month_day = f"{dateline.group('month')} {dateline.group('day')}"
        if dateline.group("year"):
            found = date_in(f"{month_day}, {dateline.group('year')}", today)
            if found:
                return FoundDate(found.value, "dateline")
        found = date_in(month_day, today)
        if found:
            return FoundDate(found.value, f"dateline '{month_day}' ({found.how})", found.certain)
    for line in opening:
        # A line that is mostly a date ("12:56, 19 April 2023 | GMT +6"): a byline's.
        if len(line.strip()) <= 60 and not DATE_LINE.match(line):
            found = date_in(line, today)
            if found is not None and found.certain and re.search(r"(?:19|20)\d\d", line):
                return _named(found, f"the date line '{line.strip()}'")
    return None


def _named(found: FoundDate, where: str) -> FoundDate:
    how = f"{where} ({found.how})" if found.how else where
    return FoundDate(found.value, how, found.certain)
