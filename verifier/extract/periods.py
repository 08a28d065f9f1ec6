"""The period a number is about: years, ranges, "since", "the past N years", relative years, months and quarters."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from ..catalogue import (SOURCES_DIR, load_toml)
from ..geography import geography
from ..records import Period, Quantity
from .context import CLAUSE_BREAK, _Context


YEAR = re.compile(r"(?<![\d.,])(?:19[5-9]\d|20[0-4]\d)(?![\d%])")


LATEST = re.compile(r"\b(?:currently|latest|now|today|at present|presently|most recent)\b", re.I)


NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "fifty": 50,
}


_N = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


# How periods are written, in order of precedence, each with words one of which any match
# contains (case folded): a sentence without them is not searched for that pattern.
PERIOD_PATTERNS = [
    # Fiscal years: "FY24", "FY2023-24", "fiscal year 2024", "2023/24"; the data label
    # each country's fiscal year by the year it starts or ends in (sources/fiscal_years.toml).
    ("fiscal", re.compile(r"\bFY\s?['’]?(?P<a>(?:19|20)?\d{2})(?:\s?[-–/]\s?(?P<b>(?:19|20)?\d{2}))?\b", re.I), ('fy',)),
    ("fiscal", re.compile(r"\bfiscal\s+(?:year\s+)?(?P<a>(?:19|20)\d{2})(?:\s?[-–/]\s?(?P<b>(?:19|20)?\d{2}))?\b", re.I),
     ('fiscal',)),
    ("fiscal", re.compile(r"(?P<a>(?:19|20)\d{2})(?<!\w\d{4})\s?/\s?(?P<b>(?:19|20)?\d{2})\b"), ('/',)),
    ("fiscal_this", re.compile(r"\b(?:the\s+)?(?:current|ongoing|this|present)\s+fiscal(?:\s+year)?\b", re.I), ('fiscal',)),
    ("fiscal_last", re.compile(r"\b(?:the\s+)?(?:last|previous|preceding)\s+fiscal(?:\s+year)?\b", re.I), ('fiscal',)),
    ("range", re.compile(r"\b(?:between|from)\s+(?P<a>(?:19|20)\d{2})\s*(?:and|to|until|till|through|-|–|—)\s*"
                         r"(?P<b>(?:19|20)\d{2})\b", re.I), ('between', 'from')),
    # The two commonest open on the year's digits, which the engine can skip to, and look
    # back from there ("(?<!\w\d{4})" is "\b" before them).
    ("range", re.compile(r"(?P<a>(?:19|20)\d{2})(?<!\w\d{4})\s?[-–—]\s?(?P<b>(?:19|20)\d{2}|\d{2})\b"), ('19', '20')),
    # "each year until 2030": checked for its last year, with a doubt (see claims._reading_doubts).
    ("each_until", re.compile(r"\b(?:each|every)\s+year\s+(?:until|till|through|to)\s+(?P<a>(?:19|20)\d{2})\b", re.I),
     ('each year', 'every year')),
    ("decade", re.compile(r"\b(?:in|during|over|throughout)\s+the\s+(?P<a>(?:19|20)\d)0s\b", re.I), ('0s',)),
    ("since", re.compile(r"\bsince\s+(?P<a>(?:19|20)\d{2})\b", re.I), ('since',)),
    ("independence", re.compile(r"\bsince\s+(?:its\s+|the\s+country['’]s\s+|gaining\s+)?independence\b", re.I), ('independence',)),
    ("past", re.compile(rf"\b(?:over|in|during|for|across|throughout)\s+the\s+(?:past|last|previous)\s+(?P<n>{_N})\s+years\b", re.I), ('years',)),
    ("past", re.compile(r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<decade>decade)\b", re.I), ('decade',)),
    ("ago", re.compile(rf"\b(?P<n>{_N}|a\s+decade|a\s+quarter[\s-]century|half\s+a\s+century)\s+years?\s+ago\b|\b(?P<d>a\s+decade)\s+ago\b", re.I),
     ('ago',)),
    ("year_before", re.compile(r"\b(?:a|one)\s+year\s+(?:earlier|before)\b|\bthe\s+(?:year\s+before|previous\s+year|prior\s+year)\b", re.I), ('year',)),
    ("year_after", re.compile(r"\b(?:a|one)\s+year\s+later\b|\bthe\s+(?:following|next)\s+year\b", re.I), ('year',)),
    ("same_year", re.compile(r"\b(?:during|in|over|for|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+(?:the|that)\s+(?:same\s+)?year\b|\bthat\s+year\b", re.I), ('year',)),
    ("last_year", re.compile(r"\blast year\b", re.I), ('last year',)),
    ("this_year", re.compile(r"\bthis year\b", re.I), ('this year',)),
    ("next_year", re.compile(r"\bnext year\b|\bin the coming years?\b", re.I), ('next year', 'coming year')),
    # "now", "currently": the latest data, competing by distance with the years written.
    ("latest", re.compile(r"\b(?:currently|latest|now|today|at present|presently|most recent)\b", re.I),
     ('current', 'latest', 'now', 'today', 'present', 'recent')),
    # "once at 20%": some year in the past, which the text does not say.
    ("ever", re.compile(r"\bonce\s+(?:at|reached|stood\s+at|hit|topped|peaked\s+at|as\s+high\s+as)\b", re.I), ('once',)),
    # "by 2010, to 25th": a state reached by a past year is that year's; "by 2030" a target (see _period).
    ("by", re.compile(r"\bby\s+(?:the\s+(?:end\s+of\s+)?(?:year\s+)?)?(?P<a>(?:19|20)\d{2})\b(?![-–—]\d)", re.I), ('by ',)),
    ("year", re.compile(r"(?P<a>(?:19|20)\d{2})(?<!\w\d{4})(?<!through \d{4})(?<!until \d{4})(?<!till \d{4})"
                        r"(?<!by \d{4})\b(?![-–—]\d)"), ('19', '20')),
]


PAST_TENSE = re.compile(r"\b(?:had|was|were|stood|rose|fell|reached|grew|became|climbed|dropped|jumped|shrank)\b", re.I)


# Sub-annual periods: the snapshots hold annual data only.
_MONTHS = "|".join(calendar.month_name[1:])


SUBANNUAL = re.compile(
    r"\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|previous|preceding|same|corresponding|current)"
    r"\s+quarter|Q[1-4]\b|(?i:over|in|during)\s+(?:the\s+)?(?:last\s+|past\s+)?(?:four|three|two)\s+quarters"
    r"|(?<!a\s)(?<!one\s)(?<!three\s)(?<!three-)quarter(?:ly)?\b(?!\s+of\b)|month(?:ly)?\b"
    r"|quarter[- ]on[- ]quarter|month[- ]on[- ]month|[qm]/[qm]\b"
    r"|(?:first|second|1st|2nd)\s+half\b|\bH[12]\b|(?:first|last|previous|past|preceding|prior)\s+(?:six|nine|three|3|6|9)\s+months\b"
    rf"|year[- ]on[- ]year in\b|(?:in|for|during|of|until|through|till|as\s+of|since)\s+(?:{_MONTHS})\b"
    rf"|(?:{_MONTHS})(?:['’]s\b|\s+saw\b)|(?:{_MONTHS})[-–](?:{_MONTHS}))",
)


# One of these is in every match of SUBANNUAL: a sentence without them is not searched.
SUBANNUAL_WORDS = ("quarter", "Q1", "Q2", "Q3", "Q4", "month", "half", "H1", "H2", "on year", "on-year", "q/q", "m/m",
                   *calendar.month_name[1:])


def respective(text: str, quantity: Quantity, items: list[tuple[int, int]]) -> int | None:
    """"the 0.2 percent drop and the 8.0 percent drop in 2019 and 2020, respectively": the
    index of the item (of `items`, spans in the text) that goes with this number, when as
    many numbers of its kind as items stand before the word "respectively"."""
    word = text.find("respectively")
    if word < 0 or quantity.start > word or len(items) < 2:
        return None
    from ..quantities import find_quantities
    kind = quantity.unit
    numbers = [q for q in find_quantities(text[:word]) if q.unit == kind]
    starts = [q.start for q in numbers]
    if len(numbers) != len(items) or quantity.start not in starts:
        return None
    return starts.index(quantity.start)


def _period(context: _Context, quantity: Quantity, needs_span: bool, entity: str | None) -> Period:
    sentence = context.sentence
    if "respectively" in sentence.text:
        years = [m for m in YEAR.finditer(sentence.text) if m.start() < sentence.text.find("respectively")
                 and not quantity.start <= m.start() < quantity.end]
        index = respective(sentence.text, quantity, [m.span() for m in years])
        if index is not None:
            year = int(years[index].group(0))
            return Period("year", f"{years[index].group(0)} (respectively)", year, year, "sentence")
    scored = _period_scored(sentence.text, quantity.start, quantity.end)
    if scored is not None and scored[1].kind == "by":
        published = context.document.published
        past = (scored[1].start < published.year if published is not None
                else PAST_TENSE.search(sentence.text) is not None)  # "By 2000, Poland had risen to 27th"
        if past:
            scored = (scored[0], Period("year", scored[1].text, scored[1].start, scored[1].end))
        else:
            scored = None  # "by 2030": a goal's year, not the figure's
    subannual = _subannual_near(sentence.text, quantity)
    # A month or quarter in the number's own clause makes it sub-annual, whatever years
    # stand further off ("in the first quarter of 2023, GDP fell 10.3% on the same period
    # in 2022"); December alone may be the year's end (December-on-December inflation).
    if subannual is not None and (scored is None or subannual[0] <= scored[0]
                                  or subannual[2] and subannual[0] < len(sentence.text)):
        if re.fullmatch(r"(?:in|of|for)?\s*December", subannual[1].strip(), re.I):
            # The year written with it ("December 2024"), else the year the sentence is about.
            attached = re.search(r"December,?\s+((?:19|20)\d\d)\b", sentence.text)
            topic = _topic_years(sentence.text)
            year = int(attached.group(1)) if attached else int(topic[0].group(0)) if topic else None
            return Period("december", subannual[1], year, year, "sentence")
        return Period("subannual", subannual[1], found_in="sentence")
    period = scored[1] if scored else None
    if (scored is not None and scored[0] >= 2 * len(sentence.text) and period.kind == "year"
            and BASE_BEFORE.search(sentence.text, 0, quantity.start)
            and sentence.text.find(period.text) < quantity.start):
        # "5.6 percent in 2023, up from a revised 4.9 percent": the figure compared with
        # is the year before's.
        year = period.start - 1
        return Period("year", f"the year before {period.start} ({year})", year, year, "sentence")
    if scored is not None and scored[0] >= 2 * len(sentence.text) and not needs_span:
        carried = _carried_year(context)
        if carried is not None:
            return carried
    if period is not None and period.kind in ("year_before", "year_after", "same_year"):
        # "a year earlier", "the year before", "that year": from the year written before
        # it, else from publication ("the previous year" of a dateline is last year).
        anchor = _anchor_year(context, max(0, sentence.text.find(period.text)), quantity)
        if anchor is None:
            return Period("last_year" if period.kind == "year_before" else "this_year", period.text, found_in="sentence")
        year = anchor + {"year_before": -1, "year_after": 1, "same_year": 0}[period.kind]
        return Period("year", f"{period.text} ({year})", year, year, "sentence")
    if period is not None and period.kind == "latest":
        return Period("latest", period.text, found_in="sentence")
    if period is not None and period.kind == "since" and period.start is None:
        code = geography().country_code(entity) if entity else None
        year = independence_years().get(code or "")
        return Period("since", period.text, year, found_in="sentence")
    if period is not None:
        return Period(period.kind, period.text, period.start, period.end, "sentence", period.years)
    if needs_span and context.index > 0:
        previous = context.sentences[context.index - 1]
        others = {m.code for m in context.between(previous.start, previous.end) if m.kind == "country"}
        own = geography().country_code(entity) if entity else None
        # The sentence before sets the period only if it names no country or names this one.
        if previous.paragraph >= sentence.paragraph - 1 and (not others or own in others):
            found = _period_in(previous.text, len(previous.text), len(previous.text))
            if found is not None and found.kind in ("range", "since", "past"):
                return Period(found.kind, found.text, found.start, found.end, "previous sentence", found.years)
    latest = LATEST.search(sentence.text)
    if latest is None and context.lead is not None and context.lead.period is not None:
        # A list item takes the year its list's lead gives ("Africa's largest economies in 2024:").
        found = context.lead.period
        return Period(found.kind, found.text, found.start, found.end, "the list's lead", found.years)
    if latest is None and not needs_span:
        carried = _carried_year(context)
        if carried is not None:
            return carried
    return Period("latest", latest.group(0) if latest else "", found_in="sentence" if latest else "")


def _carried_year(context: _Context) -> Period | None:
    """"The economy grew 4.7% in 2024. Nominal GDP reached $120 billion.": a paragraph's
    year carries to the next sentence that gives none of its own."""
    if context.index == 0:
        return None
    sentence, previous = context.sentence, context.sentences[context.index - 1]
    # "... declined to GH¢567.3 billion as of September 2023.\n\nThis represents 66.4% of
    # GDP": a sentence pointing back takes the period of the one before, across a paragraph.
    points = POINTING_OPENER.match(sentence.text) is not None
    if previous.paragraph != sentence.paragraph and not (points and previous.paragraph == sentence.paragraph - 1):
        return None
    figures = list(OTHER_NUMBER.finditer(previous.text)) if points else []
    if figures:
        # The period of the figure the pointing word stands for: the last one before.
        last = figures[-1]
        figure = Quantity(last.group(0), 0, "", last.start(), last.end())
        month = _subannual_near(previous.text, figure)
        scored = _period_scored(previous.text, last.start(), last.end())
        if month is not None and (scored is None or month[0] <= scored[0]):
            return Period("subannual", month[1], found_in="previous sentence")
    found = _period_in(previous.text, len(previous.text), len(previous.text))
    if found is not None and re.search(rf"{re.escape(found.text)}['’]s\b", previous.text):
        return None  # "down from last year's 234%": that figure's year, not the paragraph's
    if found is not None and found.kind in ("last_year", "this_year", "fiscal", "fiscal_this", "fiscal_last"):
        # "Last year, our economy grew 8.7%. GDP surpassed $1 trillion.": the same year.
        return Period(found.kind, found.text, found.start, found.end, "previous sentence")
    if found is None or found.kind != "year":
        return None
    years = _topic_years(previous.text)
    if not years:
        return None
    year = int(years[-1].group(0))
    return Period("year", years[-1].group(0), year, year, "previous sentence")


POINTING_OPENER = re.compile(r"\W*(?:This|That|These|Those|It|The\s+figure|The\s+amount)\b")


YEAR_JOIN = re.compile(r"\b(?:compared\s+(?:with|to)|from|against|than|versus|vs\.?|to|and|but)\b", re.I)


def _topic_years(text: str) -> list[re.Match[str]]:
    """The years a sentence is about: "grew 4.7% in 2024, compared with 5.7% in 2023" is
    about 2024; the year compared with is not the one the paragraph goes on about."""
    years = []
    for match in YEAR.finditer(text):
        # The nearest joining word before the year decides: "from X in 2023 to Y in 2024".
        joins = YEAR_JOIN.findall(text, max(0, match.start() - 60), match.start())
        if not joins or joins[-1].lower() in ("to", "and", "but"):
            years.append(match)
    return years


# A month or quarter written after the number qualifies it only close by ("grew 2.1% in the
# fourth quarter", "inflation of 3.9% in December").
SUBANNUAL_AFTER = 45


@lru_cache(maxsize=256)
def _may_name_subannual(sentence: str) -> bool:
    return any(map(sentence.__contains__, SUBANNUAL_WORDS))


def _subannual_near(text: str, quantity: Quantity) -> tuple[int, str, bool] | None:
    """A month, quarter or half year near the number, scored like a period, and whether it
    stands before the number (framing its clause: "In the first quarter, ...")."""
    if not _may_name_subannual(text):
        return None
    best = None
    for match in SUBANNUAL.finditer(text):
        # "the first half of 2024", "March 2024": the year written with it is part of it.
        year = re.match(r"(?:\s+of)?,?\s+(?:19|20)\d\d\b", text[match.end():])
        end = match.end() + (year.end() if year else 0)
        after = match.start() >= quantity.end
        if after and match.start() - quantity.end > SUBANNUAL_AFTER:
            continue  # "growth slowed to 5.8% as protests toppled the government in August": the event's month
        distance = 2 * (match.start() - quantity.end) - 1 if after else 2 * max(0, quantity.start - end)
        between = text[quantity.end:match.start()] if after else text[end:quantity.start]
        distance += _gap_penalty(text, between)
        if best is None or distance < best[0]:
            best = (distance, match.group(0), not after)
    return best


def _anchor_year(context: _Context, position: int, quantity: Quantity) -> int | None:
    """The year a relative period ("a year earlier", "that year") counts from: the last year
    written before it in the sentence, else in the sentences before (this paragraph or the
    one before), else any other year in the sentence."""
    sentence = context.sentence
    others = [m for m in YEAR.finditer(sentence.text) if not (quantity.start <= m.start() < quantity.end)
              and not REFERENCE_SINCE.search(sentence.text, max(0, m.start() - 50), m.start())]
    before = [m for m in others if m.start() < position]
    if before:
        return int(before[-1].group(0))
    for index in range(context.index - 1, -1, -1):
        previous = context.sentences[index]
        if previous.paragraph < sentence.paragraph - 1:
            break
        found = [int(m.group(0)) for m in _topic_years(previous.text)]
        if found:
            return found[-1]
    if others:
        return int(others[0].group(0))
    # "the average inflation rate for the year": the year the headline is about.
    title = _topic_years(context.document.title)
    return int(title[-1].group(0)) if title else None


def _period_in(text: str, q_start: int, q_end: int) -> Period | None:
    """The period written in `text` nearest the quantity at q_start..q_end."""
    scored = _period_scored(text, q_start, q_end)
    return scored[1] if scored else None


def _gap_penalty(text: str, between: str) -> int:
    """A period across a clause break ("..., and in 2024 ..."), or beyond another number
    ("expanding 2.6% and inflation easing to 4.3% from 7.6% in 2023"), belongs elsewhere."""
    if CLAUSE_BREAK.search(between) or OTHER_NUMBER.search(between):
        return 2 * len(text)
    return 0


# The words that introduce the figure a change starts from: "up from a revised 4.9 percent".
BASE_BEFORE = re.compile(r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|against|versus|vs\.?)\s+"
                         r"(?:an?\s+)?(?:revised\s+|estimated\s+|provisional\s+)?(?:about\s+|around\s+)?$", re.I)
COMPARED_BASE = re.compile(r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|than)\s+(?:that\s+of\s+|the\s+same\s+"
                           r"(?:period|quarter|month)\s+(?:of|in)\s+|(?:levels?\s+)?(?:of|in)\s+)?$", re.I)
NAMED_TERM = re.compile(r"\b(?:administration|government|term|presidency|tenure|rule|era|reign|mandate|premiership"
                        r"|regime|cabinet|governorship|chairmanship)\s*\($", re.I)
BASE_BETWEEN = re.compile(r"\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b", re.I)
BASE_OF_CHANGE = re.compile(r"\b(?:from|than|over|on|against|compared\s+(?:with|to)|versus|vs\.?)\s+$", re.I)
REFERENCE_SINCE = re.compile(r"\bsince\b[^.,;%\d]*$", re.I)
# A period right after another figure is that figure's: "$46.2 billion at the end of 2021".
OTHER_BEFORE = re.compile(r"\d(?:[\d.,]*)\s?(?:%|per\s?cent|percent|billion|million|trillion|bn|tn)\s*"
                          r"(?:(?:in|at\s+the\s+end\s+of|by\s+the\s+end\s+of|by|for|during|as\s+of)\s+)?$", re.I)
# "5.6 per cent last year – the highest in the region": what stands in apposition to a
# figure shares its period.
APPOSITION = re.compile(r"\s*[–—-]\s*(?:the\s+|its\s+)?|,\s+(?:the|its)\s+")
OTHER_NUMBER = re.compile(r"\d(?:[\d.,]*)\s?(?:%|per\s?cent|percent|billion|million|trillion|bn|tn)"
                          # another rank: "the fifth largest, up from the seventh largest in 2015"
                          r"|\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                          r"[\s-]+(?:\(\d+(?:st|nd|rd|th)\)\s+)?(?:largest|biggest|highest|lowest|smallest|place|position"
                          r"|spot)\b", re.I)


def _period_scored(text: str, q_start: int, q_end: int) -> tuple[int, Period] | None:
    """The nearest period and its distance; a distance of 2 * len(text) or more means it
    belongs to another clause or number."""
    found: list[tuple[int, Period]] = []
    taken: list[tuple[int, int]] = []
    for start, end, period in _periods_written(text):
        if any(s < end and start < e for s, e in taken):
            continue
        if q_start <= start < q_end or period is None:
            continue
        taken.append((start, end))
        # Ties go to the period after the number: "from 53.9% in 2023 to 58.5% in 2024".
        distance = 2 * (start - q_end) - 1 if start >= q_end else 2 * (q_start - end)
        between = text[q_end:start] if start >= q_end else text[end:q_start]
        penalty = _gap_penalty(text, between)
        if (end <= q_start and OTHER_BEFORE.search(text, max(0, start - 40), start)
                and not APPOSITION.fullmatch(text, end, q_start)):
            penalty = 2 * len(text)  # "$46.2 billion at the end of 2021 to $21.4 billion": 2021 is the other's
        if period.kind == "year" and (COMPARED_BASE.search(text, max(0, start - 40), start)
                                      or REFERENCE_SINCE.search(text, max(0, start - 50), start)):
            # "grew 5.3% against 2022", "the highest since Germany reunified in 1990": a year
            # the figure is compared with, not the figure's own.
            continue
        if period.kind in ("range", "year") and NAMED_TERM.search(text, max(0, start - 40), start):
            continue  # "Dilma Rousseff's administration (2011-2016)": the term's dates, not the figure's
        if period.kind == "year" and start >= q_end and BASE_BETWEEN.search(text, q_end, start):
            continue  # "the fifth largest, up from the seventh largest in 2015": the base's year
        if period.kind == "year" and end <= q_start and BASE_BETWEEN.search(text, end, q_start):
            penalty = 2 * len(text)  # "$20 billion in 2024, up from 30th place in 2023": the other's
        if (period.kind == "year_before" and BASE_OF_CHANGE.search(text, max(0, start - 20), start)
                and text[end:end + 2] not in ("'s", "’s")):
            continue  # "exports grew 14% from a year earlier to $405 billion": the base, not the figure's year
        if penalty and period.kind == "latest":
            continue  # "which now pumps 100,000 barrels a day, and GDP reached $35 billion": another clause's now
        found.append((distance + penalty, period))
    if not found:
        return None
    return min(found, key=lambda item: item[0])


@lru_cache(maxsize=256)
def _periods_written(text: str) -> tuple[tuple[int, int, Period | None], ...]:
    """Every period pattern's matches in a sentence, in pattern order: read once per
    sentence, however many numbers it holds."""
    folded = text.casefold()
    return tuple((match.start(), match.end(), _period_from(kind, match))
                 for kind, pattern, words in PERIOD_PATTERNS if any(map(folded.__contains__, words))
                 for match in pattern.finditer(text))


def _period_from(kind: str, match: re.Match[str]) -> Period | None:
    text = match.group(0)
    if kind == "range":
        start, end = int(match.group("a")), match.group("b")
        end = int(end) if len(end) == 4 else int(str(start)[:2] + end)
        if len(match.group("b")) == 2 and end == start + 1:
            return Period("fiscal", text, start, end)  # "2023-24" is a fiscal year, not two years
        return Period("range", text, start, end) if end > start else None
    if kind == "fiscal":
        first, second = match.group("a"), match.group("b")
        if second is None:  # "FY24", "fiscal year 2024": the year it ends in
            end = int(first) if len(first) == 4 else 2000 + int(first)
            return Period("fiscal", text, end - 1, end)
        start = int(first) if len(first) == 4 else 2000 + int(first)
        end = int(second) if len(second) == 4 else int(str(start)[:2] + second)
        return Period("fiscal", text, start, end) if end == start + 1 else None
    if kind in ("fiscal_this", "fiscal_last", "latest", "ever"):
        return Period(kind, text)
    if kind == "by":
        return Period("by", text, int(match.group("a")), int(match.group("a")))
    if kind == "each_until":
        return Period("year", text, int(match.group("a")), int(match.group("a")))
    if kind == "decade":
        start = int(match.group("a")) * 10
        return Period("range", text, start, start + 9)
    if kind == "since":
        return Period("since", text, int(match.group("a")))
    if kind == "independence":
        return Period("since", text)  # the year depends on the country: see _period
    if kind == "past":
        years = 10 if match.groupdict().get("decade") else _count(match.group("n"))
        return Period("past", text, years=years)
    if kind == "ago":
        word = (match.group("n") or match.group("d") or "").lower()
        years = 10 if "decade" in word else 25 if "quarter" in word else 50 if "half" in word else _count(word)
        return Period("ago", text, years=years)
    if kind in ("last_year", "this_year", "next_year"):
        return Period(kind, text)
    if kind in ("year_before", "year_after", "same_year"):
        return Period(kind, text)  # relative to a year written nearby: see _anchor
    return Period("year", text, int(match.group("a")), int(match.group("a")))


@lru_cache(maxsize=1)
def independence_years() -> dict[str, int]:
    """ISO3 -> year of independence (sources/independence.toml), for "since independence"."""
    return {code: int(year) for code, year in load_toml(SOURCES_DIR / "independence.toml").items()}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


# "its slowest pace since 2016, excluding the pandemic decline in 2020": years a record
# leaves out of its window.
EXCLUDING = re.compile(r"\b(?:excluding|except(?:\s+for)?|apart\s+from|other\s+than|leaving\s+aside|barring|not\s+counting"
                       r"|outside\s+of)\b(?P<what>[^.;]{0,80})", re.I)


def excluded_years(text: str) -> frozenset[int]:
    """The years the words leave out ("excluding the COVID-19 decline in 2020")."""
    return frozenset(int(m.group(0)) for match in EXCLUDING.finditer(text) for m in YEAR.finditer(match.group("what")))
