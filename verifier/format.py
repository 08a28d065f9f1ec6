"""Numbers in words an editor reads: "$300.05 billion", "5.69%", "50th of 191"; and
lines safe to print."""
from __future__ import annotations

import re

# Control characters (a newline or an escape sequence in a file name) would forge lines
# or colours at the terminal: they are printed as escapes.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def quoted(value) -> str:
    """A value as an error message quotes it: strings in quotes, escapes shown, long ones cut."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_line_of_text(value) -> bool:
    """A non-blank string without control characters, which would forge lines in reports
    and messages; no path, name or phrase needs them."""
    return isinstance(value, str) and bool(value.strip()) and not CONTROL.search(value)


def one_line(text: str) -> str:
    """Text as one printable line: "a\\nb.md" stays one line, and escapes stay inert."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)

SCALE_WORDS = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]


def amount(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:.2f}%"
    if unit == "rank":
        return ordinal(int(value))
    if unit == "ratio":
        # Under one, as the news writes it: "52% of" rather than "0.52 times".
        return f"{value:.2f} times" if value >= 1 else f"{100 * value:.1f}% of"

    prefix = "$" if unit == "USD" else ""
    suffix = "" if unit in ("USD", "persons") else f" {unit}"
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    for size, word in SCALE_WORDS:
        if magnitude >= size:
            return f"{sign}{prefix}{magnitude / size:,.2f} {word}{suffix}"
    return f"{sign}{prefix}{magnitude:,.0f}{suffix}"


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def tolerance(value: float, unit: str) -> str:
    if unit == "percent":
        return f"±{value:.2f} points"
    if unit == "ratio":
        return f"±{value:.2f}"
    return f"±{amount(value, unit)}"


def years(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


OPERATOR_WORDS = {
    "=": "", "~": "about ", ">": "more than ", ">=": "at least ", "<": "less than ",
    "<=": "at most ", "range": "",
}
