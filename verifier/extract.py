"""Stage 2, extract: which numbers in an article are statistical claims, and about what.

A number becomes a claim when its sentence names an indicator it can measure (a
percentage near "growth", a dollar amount near "GDP", a rank near "economies"). The
claim then records what the words around it say: the operator (hedges and bounds), the
country (named, or pointed to by "our", "we", "the country"), the period, the source the
text cites, and for shares the group. Dates, years, durations and counts never name an
indicator they measure, so they are not claims.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .catalogue import Indicator, indicators
from .geography import Mention, geography
from .quantities import find_quantities, is_scaled
from .records import Claim, Document, Period, Quantity

# --- sentences and paragraphs ---------------------------------------------------------

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "e.g", "i.e", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "gov", "gen", "sen", "rep", "jr", "sr", "approx", "est",
}
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph_start = 0
    paragraphs = []
    for match in PARAGRAPH_BREAK.finditer(text):
        paragraphs.append((paragraph_start, match.start()))
        paragraph_start = match.end()
    paragraphs.append((paragraph_start, len(text)))
    for index, (p_start, p_end) in enumerate(paragraphs):
        start = p_start
        for end_match in SENTENCE_END.finditer(text, p_start, p_end):
            word = re.search(r"([\w.]+)[.!?]$", text[max(p_start, end_match.start() - 12): end_match.start() + 1])
            if word and word.group(1).lower() in ABBREVIATIONS:
                continue
            sentences.append(_sentence(text, start, end_match.end(), index))
            start = end_match.end()
        if text[start:p_end].strip():
            sentences.append(_sentence(text, start, p_end, index))
    return sentences


def _sentence(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], paragraph)


# --- cues ---------------------------------------------------------------------------

OPERATORS = [
    (">", r"more than|over|above|exceed(?:s|ed|ing)?|in excess of|greater than|upwards of|surpass(?:es|ed|ing)?|topp?(?:s|ed|ing)"),
    (">=", r"at least|no less than|not less than|no fewer than|not below|a minimum of"),
    ("<=", r"at most|no more than|not more than|not over|not above|not exceeding|up to|a maximum of"),
    ("<", r"less than|under|below|fewer than|short of"),
    ("~", r"about|around|nearly|almost|roughly|approximately|some|close to|an estimated|circa|approx\.?|just over|just under|an?"),
]
OPERATOR_BEFORE = re.compile(
    r"(?:" + "|".join(f"(?P<op{i}>\\b(?:{words}))" for i, (_, words) in enumerate(OPERATORS)) + r")\s+(?:of\s+)?$",
    re.I,
)
AVERAGE = re.compile(
    r"\baverag(?:e|es|ed|ing)\b|\bon average\b|\ba year on average\b|\bannual average\b|\baverage annual\b",
    re.I,
)
LATEST = re.compile(r"\b(?:currently|latest|now|today|at present|presently|most recent)\b", re.I)
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "fifty": 50,
}
_N = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
PERIOD_PATTERNS = [
    ("range", re.compile(r"\b(?:between|from)\s+(?P<a>(?:19|20)\d{2})\s*(?:and|to|-|–|—)\s*(?P<b>(?:19|20)\d{2})\b", re.I)),
    ("range", re.compile(r"\b(?P<a>(?:19|20)\d{2})\s?[-–—]\s?(?P<b>(?:19|20)\d{2}|\d{2})\b")),
    ("since", re.compile(r"\bsince\s+(?P<a>(?:19|20)\d{2})\b", re.I)),
    ("past", re.compile(rf"\b(?:over|in|during|for|across|throughout)\s+the\s+(?:past|last|previous)\s+(?P<n>{_N})\s+years\b", re.I)),
    ("past", re.compile(r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<decade>decade)\b", re.I)),
    ("last_year", re.compile(r"\blast year\b|\bthe previous year\b", re.I)),
    ("this_year", re.compile(r"\bthis year\b", re.I)),
    ("year", re.compile(r"\b(?<!through )(?<!until )(?<!till )(?<!by )(?P<a>(?:19|20)\d{2})\b(?![-–—]\d)")),
]
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|against|compared)\b|\s(?:while|whereas)\s", re.I)
SOURCES_CITED = [
    ("imf", re.compile(r"\bIMF\b|\bInternational Monetary Fund\b|\bWorld Economic Outlook\b|\bWEO\b")),
    ("world_bank", re.compile(r"\bWorld Bank\b|\bWorld Development Indicators\b|\bWDI\b")),
]
PRONOUNS = re.compile(
    r"\b(?:our|we|us|the country(?:'s|’s)?|the nation(?:'s|’s)?|its)\b", re.I
)
OF_GDP = re.compile(r"^\s*of\s+(?:the\s+)?(?:(?:its|their|the country's|the country’s|national)\s+)?(?:GDP|gross domestic product|(?:the\s+)?economy|economic output|output)\b", re.I)
SHARE_OF = re.compile(r"^\s*(?:of|share of)\b", re.I)
RANK_SCOPE_AFTER = re.compile(r"^[^,.;]{0,40}?\b(?:in|among|of)\s+$", re.I)


@lru_cache(maxsize=None)
def _cue_pattern() -> re.Pattern[str]:
    phrases = {p for ind in indicators().values() for p in ind.phrases}
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)


def _indicators_for_phrase(phrase: str) -> list[Indicator]:
    lowered = phrase.lower()
    return [ind for ind in indicators().values() if lowered in (p.lower() for p in ind.phrases)]


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str
    indicator: Indicator


def _cues(sentence: str) -> list[_Cue]:
    found = []
    for match in _cue_pattern().finditer(sentence):
        for indicator in _indicators_for_phrase(match.group(0)):
            found.append(_Cue(match.start(), match.end(), match.group(0), indicator))
    return found


# --- claims -------------------------------------------------------------------------


@dataclass
class _Context:
    document: Document
    sentences: list[Sentence]
    index: int
    mentions: list[Mention]  # across the document

    @property
    def sentence(self) -> Sentence:
        return self.sentences[self.index]


def extract_claims(document: Document) -> list[Claim]:
    sentences = split_sentences(document.text)
    mentions = geography().mentions(document.text)
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences):
        context = _Context(document, sentences, index, mentions)
        cues = _cues(sentence.text)
        if not cues:
            continue
        for quantity in find_quantities(sentence.text):
            claim = _claim(context, quantity, cues, len(claims) + 1)
            if claim is not None:
                claims.append(claim)
    return claims


def _claim(context: _Context, quantity: Quantity, cues: list[_Cue], number: int) -> Claim | None:
    sentence = context.sentence
    after = sentence.text[quantity.end:]
    before = sentence.text[: quantity.start]
    share_group = _share_group(context, quantity) if quantity.unit == "percent" else None
    of_gdp = quantity.unit == "percent" and bool(OF_GDP.match(after))
    cue = _best_cue(quantity, cues, share_group is not None, of_gdp)
    if cue is None:
        return None
    indicator = cue.indicator
    operator, statistic = _operator(before), "value"
    if quantity.unit == "rank":
        statistic, group = "rank", _rank_scope(context, quantity, cue)
        operator = "<=" if quantity.rank_kind == "top" else "="
    elif share_group is not None:
        statistic, group = "share", share_group.text
    else:
        group = None
    if operator == "average" or _average_nearby(sentence.text, quantity):
        statistic = "average" if statistic == "value" else statistic
        operator = "=" if operator == "average" else operator
    if quantity.low is not None and operator == "=":
        operator = "range"
    period = _period(context, quantity, needs_span=statistic == "average")
    if statistic == "value" and period.kind in ("range", "since", "past") and indicator.measure == "rate":
        # "growth of 5% a year over 2010-2020": a rate over a span is an average.
        statistic = "average"
    entity, entity_cue = _entity(context, quantity, share_group)
    unit = _claim_unit(quantity, indicator)
    absolute = sentence.start + quantity.start
    line = context.document.first_line + context.document.text.count("\n", 0, absolute)
    return Claim(
        id=f"{context.document.path.stem}-{number}",
        path=context.document.path,
        line=line,
        quote=sentence.text,
        quote_start=quantity.start,
        quote_end=quantity.end,
        number_text=quantity.text,
        value=quantity.value,
        unit=unit,
        operator=operator,
        statistic=statistic,
        indicator=indicator.key,
        indicator_cue=cue.text,
        entity=entity,
        entity_cue=entity_cue,
        period=period,
        source_cited=_source_cited(sentence.text, quantity),
        group=group,
        quantity=quantity,
    )


def _average_nearby(sentence: str, quantity: Quantity) -> bool:
    """"averaging 5.7%", "an average of 3.7% a year", "5% on average": the words beside the number."""
    before = sentence[max(0, quantity.start - 40): quantity.start]
    before = re.split(r"[,;:]|\d", before)[-1]  # not past another number or clause
    after = sentence[quantity.end: quantity.end + 40]
    after = re.split(r"[,;:]|\d", after)[0]
    return bool(AVERAGE.search(before) or AVERAGE.search(after))


def _claim_unit(quantity: Quantity, indicator: Indicator) -> str:
    if quantity.unit == "percent":
        return "percent"
    if quantity.unit == "rank":
        return "rank"
    if quantity.unit.startswith("currency:"):
        return quantity.unit.split(":", 1)[1]
    # A scaled plain number takes the indicator's unit: "exports of 300 bln" are dollars.
    return indicator.unit


def _compatible(quantity: Quantity, indicator: Indicator, share: bool, of_gdp: bool) -> bool:
    if quantity.unit == "percent":
        if of_gdp:
            return indicator.measure == "ratio"
        if share:
            return indicator.measure == "level" and indicator.summable
        return indicator.measure == "rate"
    if indicator.measure != "level":
        return False
    if quantity.unit == "rank":
        return indicator.unit == "USD"
    if quantity.unit.startswith("currency:"):
        return indicator.unit == "USD"
    # Plain numbers: only amounts written with a scale ("19.6 million"). Unscaled numbers
    # ("employs 12,000 people", "2027") are counts and dates, not statistics.
    return is_scaled(quantity)


def _best_cue(quantity: Quantity, cues: list[_Cue], share: bool, of_gdp: bool) -> _Cue | None:
    def distance(cue: _Cue) -> int:
        if cue.end <= quantity.start:
            return quantity.start - cue.end
        if cue.start >= quantity.end:
            return cue.start - quantity.end
        return 0

    candidates = [c for c in cues if _compatible(quantity, c.indicator, share, of_gdp)]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (distance(c), -(c.end - c.start)))


def _operator(before: str) -> str:
    tail = before[-40:]
    match = OPERATOR_BEFORE.search(tail)
    if match:
        index = int(match.lastgroup[2:])
        word = match.group(match.lastgroup).lower()
        if word in ("a", "an"):
            return "="
        return OPERATORS[index][0]
    if re.search(r"\baverag(?:e|ed|ing)\s+(?:of\s+)?$|\baverage of\s+$", tail, re.I):
        return "average"
    return "="


def _share_group(context: _Context, quantity: Quantity) -> Mention | None:
    """The group in "60% of all FDI flows into Central Asia", if the percentage is a share."""
    sentence = context.sentence
    after = sentence.text[quantity.end:]
    if not SHARE_OF.match(after) or OF_GDP.match(after):
        return None
    limit = sentence.start + quantity.end + 120
    clause_end = re.search(r"[,;:]|\s[-–—]\s", after)
    if clause_end:
        limit = min(limit, sentence.start + quantity.end + clause_end.start())
    for mention in context.mentions:
        if mention.kind == "group" and sentence.start + quantity.end <= mention.start < limit:
            return _relative(mention, sentence.start)
    return None


def _relative(mention: Mention, offset: int) -> Mention:
    return Mention(mention.start - offset, mention.end - offset, mention.text, mention.kind, mention.code)


def _rank_scope(context: _Context, quantity: Quantity, cue: _Cue) -> str | None:
    """The group a rank is within: "the world's top 50", "the largest economy in Central Asia"."""
    sentence = context.sentence
    local = [_relative(m, sentence.start) for m in context.mentions if sentence.start <= m.start < sentence.end]
    for mention in reversed(local):
        gap = sentence.text[mention.end: quantity.start]
        if mention.kind == "group" and mention.end <= quantity.start and re.fullmatch(r"(?:['’]s)?\s+(?:the\s+)?", gap):
            return mention.text
    for mention in local:
        if mention.kind == "group" and mention.start >= cue.end:
            if RANK_SCOPE_AFTER.match(sentence.text[cue.end: mention.start]):
                return mention.text
    return None


def _entity(context: _Context, quantity: Quantity, share_group: Mention | None) -> tuple[str | None, str]:
    sentence = context.sentence
    in_sentence = [
        _relative(m, sentence.start)
        for m in context.mentions
        if m.kind == "country" and sentence.start <= m.start < sentence.end
    ]
    before = [m for m in in_sentence if m.end <= quantity.start]
    pronoun = None
    for match in PRONOUNS.finditer(sentence.text, 0, quantity.start):
        if not before or match.start() > before[-1].end:
            pronoun = match
    if pronoun is None and before:
        return before[-1].text, "named in the sentence"
    if pronoun is None:
        after = [m for m in in_sentence if m.start >= quantity.end]
        if after:
            return after[0].text, "named in the sentence"
    # A pronoun, or no country in the sentence: the nearest country named earlier in the
    # same paragraph, then in the paragraph before.
    paragraph = sentence.paragraph
    earlier = [
        m for m in context.mentions
        if m.kind == "country" and m.start < sentence.start + quantity.start
        and _paragraph_of(context, m.start) in (paragraph, paragraph - 1)
    ]
    if earlier:
        nearest = max(earlier, key=lambda m: (_paragraph_of(context, m.start) == paragraph, m.start))
        how = f"'{pronoun.group(0)}' refers to" if pronoun else "not named in the sentence; nearest is"
        place = "this paragraph" if _paragraph_of(context, nearest.start) == paragraph else "the paragraph before"
        return nearest.text, f"{how} {nearest.text} ({place})"
    return None, "no country named in the sentence or the paragraph"


def _paragraph_of(context: _Context, offset: int) -> int:
    for sentence in context.sentences:
        if sentence.start <= offset < sentence.end + 1:
            return sentence.paragraph
    # Offsets between sentences belong to the next one.
    following = [s for s in context.sentences if s.start > offset]
    return following[0].paragraph if following else context.sentences[-1].paragraph


def _period(context: _Context, quantity: Quantity, needs_span: bool) -> Period:
    sentence = context.sentence
    period = _period_in(sentence.text, quantity.start, quantity.end)
    if period is not None:
        return Period(period.kind, period.text, period.start, period.end, "sentence", period.years)
    if needs_span and context.index > 0:
        previous = context.sentences[context.index - 1]
        if previous.paragraph >= sentence.paragraph - 1:
            found = _period_in(previous.text, len(previous.text), len(previous.text))
            if found is not None and found.kind in ("range", "since", "past"):
                return Period(found.kind, found.text, found.start, found.end, "previous sentence", found.years)
    latest = LATEST.search(sentence.text)
    return Period("latest", latest.group(0) if latest else "", found_in="sentence" if latest else "")


def _period_in(text: str, q_start: int, q_end: int) -> Period | None:
    """The period written in `text` nearest the quantity at q_start..q_end."""
    found: list[tuple[int, Period]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PERIOD_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if q_start <= match.start() < q_end:
                continue
            period = _period_from(kind, match)
            if period is None:
                continue
            taken.append((match.start(), match.end()))
            distance = match.start() - q_end if match.start() >= q_end else q_start - match.end()
            between = text[q_end:match.start()] if match.start() >= q_end else text[match.end():q_start]
            if CLAUSE_BREAK.search(between):
                distance += len(text)  # a period across "..., and in 2024 ..." belongs to the other clause
            found.append((distance, period))
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]


def _period_from(kind: str, match: re.Match[str]) -> Period | None:
    text = match.group(0)
    if kind == "range":
        start, end = int(match.group("a")), match.group("b")
        end = int(end) if len(end) == 4 else int(str(start)[:2] + end)
        return Period("range", text, start, end) if end > start else None
    if kind == "since":
        return Period("since", text, int(match.group("a")))
    if kind == "past":
        years = 10 if match.groupdict().get("decade") else _count(match.group("n"))
        return Period("past", text, years=years)
    if kind in ("last_year", "this_year"):
        return Period(kind, text)
    return Period("year", text, int(match.group("a")), int(match.group("a")))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _source_cited(sentence: str, quantity: Quantity) -> str | None:
    best: tuple[int, str] | None = None
    for name, pattern in SOURCES_CITED:
        for match in pattern.finditer(sentence):
            distance = abs(match.start() - quantity.start)
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None
