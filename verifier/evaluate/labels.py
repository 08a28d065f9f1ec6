"""What a labelled corpus says about one number, whatever the format it was read from."""
from __future__ import annotations

import re
from dataclasses import dataclass, field


class GoldError(Exception):
    """A gold file that cannot be used; the message names the file and line."""


@dataclass
class LabelledNumber:
    article: str  # the article's file name
    ident: str  # the record's id, or "gold.jsonl:12"
    text: str  # the number as written
    claim: bool
    # Where the number is, as offsets into the article file's text (line ends as "\n").
    # A gold record whose quote occurs twice may be matched at either place.
    spans: tuple[tuple[int, int], ...] = ()
    verdict: str | None = None  # the gold verdict, for claims
    flags: tuple[str, ...] = ()
    quote: str = ""
    why: str = ""  # for non-claims: why not a claim
    record: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else -1

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)


def number_in(quote: str, number: str) -> list[int]:
    """Offsets of `number` in `quote` as a whole number: "1%" is not inside "2.1%"."""
    found = []
    for match in re.finditer(re.escape(number), quote):
        before = quote[match.start() - 1: match.start()]
        after = quote[match.end(): match.end() + 1]
        digit_before = before.isdigit() or (before in ".," and quote[match.start() - 2: match.start() - 1].isdigit())
        if not digit_before and not (number[-1:].isdigit() and after.isdigit()):
            found.append(match.start())
    return found or [m.start() for m in re.finditer(re.escape(number), quote)]
