"""The typed records that pass between the pipeline's stages.

read -> Document; extract -> Claim; resolve -> Resolution; fetch -> Series (in
verifier/fetch, every economy's values of one series); check -> Verdict (with Reading
and Evidence). Each stage takes the records of the one
before and returns its own; none reaches back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path


class VerdictKind(str, Enum):
    ACCURATE = "accurate"
    CLOSE = "close"
    MISLEADING = "misleading"
    INACCURATE = "inaccurate"
    UNVERIFIABLE = "unverifiable"


# Worst first: the order reports sort by.
SEVERITY = [
    VerdictKind.INACCURATE,
    VerdictKind.MISLEADING,
    VerdictKind.UNVERIFIABLE,
    VerdictKind.CLOSE,
    VerdictKind.ACCURATE,
]


@dataclass(frozen=True)
class Block:
    """A piece of a document's structure, as offsets into its text.

    Sentences never run across blocks. A list item or table row reads the words it does
    not say itself (what is measured, the year, the source, the scope) from its `lead`,
    the block that introduces its list or table ("Africa's largest economies in 2024,
    according to the IMF:"), and every block knows its nearest `heading`."""

    kind: str  # "title", "heading", "paragraph", "item" (of a list), "row" (of a table), "meta" (not prose)
    start: int
    end: int
    number: int | None = None  # an ordered list item's number ("3." -> 3)
    lead: int | None = None  # index of the block that introduces this item's list or this row's table
    heading: int | None = None  # index of the nearest heading above


@dataclass(frozen=True)
class Document:
    path: Path
    text: str
    title: str
    # None when the article prints no date it was published: periods relative to it
    # ("last year") then cannot be read.
    published: date | None
    # How the date was found ("'Published: 2024-01-30' line", "the page address"), or why not.
    published_source: str
    # 1-based line number of the first character of `text` in the file (front matter skipped).
    first_line: int = 1
    # Characters of the file (line ends read as "\n") before `text`: the front matter.
    text_offset: int = 0
    directives: tuple = ()  # editors' inline directives (overrides.Directive), in order
    blocks: tuple[Block, ...] = ()  # the structure, in the order of the text
    url: str = ""  # where the article was published, if it says
    # False when the date's year was assumed (a dateline "May 20" with no year printed).
    published_certain: bool = True


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its value in natural units."""

    text: str
    value: float
    unit: str  # "percent", "currency:USD", "number", "rank", "ratio"
    start: int
    end: int
    decimals: int = 0  # digits written after the decimal point
    significant: int = 1  # significant digits written
    # For ranks: "top" (top N, among the N largest) or "ordinal" (third-largest).
    rank_kind: str | None = None
    # The number stands for a range ("5-6%"): value is the midpoint, low/high the ends.
    low: float | None = None
    high: float | None = None
    approximate: bool = False  # a round figure in words ("a third"): read as hedged
    change: bool = False  # the word is itself a change of a level ("doubled": +100%)
    rank_by: str | None = None  # "growth" for "the fastest-growing": ranked by growth rate
    rank_order: str = "descending"  # "ascending" for "the lowest", "the smallest"
    list_rank: bool = False  # a list item's own number, read as a rank because its list ranks


@dataclass(frozen=True)
class Period:
    """The period a claim is about, as written (resolved against the data in check)."""

    kind: str  # "year", "range", "since", "past", "latest"
    text: str = ""
    start: int | None = None
    end: int | None = None
    # Where the period was found: "sentence", "previous sentence", or "" when not written.
    found_in: str = ""
    years: int | None = None  # for "the past 25 years": 25


@dataclass(frozen=True)
class Claim:
    id: str
    path: Path
    line: int
    quote: str  # the sentence holding the claim
    quote_start: int  # offset of the number within `quote`
    quote_end: int
    number_text: str
    value: float
    unit: str  # "percent", "USD" (natural units: dollars), "persons", "rank"
    operator: str  # "=", "~", ">", ">=", "<", "<="
    statistic: str  # "value", "average", "share", "rank", "ratio" (to `other`), "record" (a year within its history)
    indicator: str | None  # catalogue key
    indicator_cue: str  # the words that named it
    entity: str | None  # the name as written, or the country a pronoun points to
    entity_cue: str  # how the entity was found ("named", "pronoun 'our' -> ...")
    period: Period
    source_cited: str | None  # "world_bank", "imf" or None
    group: str | None = None  # for shares and ranks: the group name as written
    quantity: Quantity | None = None
    quote_offset: int = 0  # where the quote starts in the document's text
    other: str | None = None  # for ratios: the country compared with, as written
    # Other places the same claim is made (a headline repeated in the body): the number's
    # offsets in the document's text and its line. One claim, reported once with all its places.
    also: tuple[tuple[int, int, int], ...] = ()
    # Why the reading may be wrong ("two countries in the clause: Kenya, Uganda"): a claim
    # with doubts is held for review rather than called inaccurate.
    doubts: tuple[str, ...] = ()
    # The words pin the definition ("inflation averaged", "GDP per capita"): the catalogue's
    # other definitions of the same words (`also`) are not read.
    definition_pinned: bool = False
    # Whose claim it is: "the article" makes it; "quoted" when the article reports someone
    # else's words ("Claim: ...", a figure in quotation marks), as a fact-check does.
    voice: str = "the article"


@dataclass(frozen=True)
class Resolution:
    """A claim's words turned into codes: what to look up, where, for whom, when."""

    entity: str | None  # ISO 3166-1 alpha-3
    entity_name: str | None
    indicator: str | None  # catalogue key
    group: str | None  # group key
    group_name: str | None
    sources: tuple[str, ...] = ()  # source names in order of preference
    # The years asked about: start..end, or with latest=True the most recent year with
    # data up to `end` (the last full year before publication).
    start: int | None = None
    end: int | None = None
    latest: bool = False
    period_text: str = ""  # the period in plain words, for reports
    problem: str | None = None  # why the claim cannot be looked up, if it cannot
    other: str | None = None  # for ratios: ISO alpha-3 of the country compared with
    other_name: str | None = None
    doubts: tuple[str, ...] = ()  # what resolving had to assume ("no publication date: ...")
    any_year: bool = False  # "once at 20%": holds if some year up to `end` bears it out


@dataclass(frozen=True)
class Evidence:
    source: str  # human label: "IMF World Economic Outlook"
    edition: str
    series: str
    series_name: str
    entity: str
    years: str  # "2025", "2001-2025"
    value: float
    unit: str
    estimate_years: tuple[int, ...] = ()
    url: str = ""
    note: str = ""
    estimate_note: str = ""  # what the source does not say about estimates (years not flagged)
    retrieved: str = ""  # date the values were fetched or imported (YYYY-MM-DD); empty for a file read directly
    origin: str = ""  # "fetched from api.worldbank.org", "imported from /data/wdi", "read from /data/wdi"
    # The statistic year by year around the claim's years, for charts: the entity's series
    # in `unit`, or for a share its share of the group each year, in `trace_unit`.
    trace: tuple[tuple[int, float, bool], ...] = ()  # (year, value, an estimate or projection)
    trace_unit: str = ""


@dataclass(frozen=True)
class Reading:
    """One way to read a claim against the data, with what the data says under it."""

    description: str
    actual: float | None
    unit: str
    verdict: VerdictKind
    evidence: tuple[Evidence, ...] = ()
    detail: str = ""  # how the statistic was computed


@dataclass(frozen=True)
class Override:
    """An editor's word on a claim: "accepted" inline, "signed off" in the sign-off file,
    or a sign-off that has "expired" (shown, but no longer passing the gate)."""

    kind: str
    reason: str
    by: str = ""
    date: date | None = None
    expires: date | None = None

    @property
    def passes(self) -> bool:
        return self.kind in ("accepted", "signed off")

    def describe(self) -> str:
        who = f" by {self.by}" if self.by else ""
        when = f" on {self.date.isoformat()}" if self.date else ""
        until = ""
        if self.expires:
            until = f" (expired {self.expires.isoformat()})" if self.kind == "expired" else f" (until {self.expires.isoformat()})"
        kind = "signed off" if self.kind == "expired" else self.kind
        return f"{kind}{who}{when}{until}: {self.reason}"


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    resolution: Resolution
    verdict: VerdictKind
    explanation: str
    actual: float | None = None
    actual_unit: str = ""
    primary: Reading | None = None
    alternatives: tuple[Reading, ...] = ()
    override: Override | None = None
    # Held for an editor: the reading is uncertain (claim.doubts) and it decides the verdict.
    # The verdict is then never `inaccurate`: `review_verdict` keeps what the most likely
    # reading gives.
    review: bool = False
    review_verdict: VerdictKind | None = None

    @property
    def doubts(self) -> tuple[str, ...]:
        """What made the reading uncertain, from the words (claim) and from resolving them."""
        return self.claim.doubts + self.resolution.doubts

    @property
    def confidence(self) -> str:
        """"high": nothing had to be assumed; "medium": one doubt; "low": more."""
        return ("high", "medium")[len(self.doubts)] if len(self.doubts) < 2 else "low"

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.primary.evidence if self.primary else ()


@dataclass
class DocumentResult:
    document: Document
    verdicts: list[Verdict] = field(default_factory=list)
