"""Stage 2, extract: which numbers in an article are statistical claims, and about what.

A number becomes a claim when its sentence names an indicator it can measure (a
percentage near "growth", a dollar amount near "GDP", a rank near "economies"). The
claim then records what the words around it say: the operator (hedges and bounds), the
country (named, or pointed to by "our", "we", "the country"), the period, the source the
text cites, and for shares the group. Dates, years, durations and counts never name an
indicator they measure, so they are not claims.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .catalogue import (SOURCES_DIR, Indicator, count_units, indicators, load_toml, other_measures, other_subjects,
                        rebuilt_on_extend)
from .geography import Mention, geography
from .patterns import trie_alternation
from .quantities import find_quantities, is_scaled, shifted
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


def split_sentences(text: str, blocks: tuple = ()) -> list[Sentence]:
    """Sentences within each block of the document's structure (a list item, a table row, a
    heading and a paragraph each end a sentence); text with no structure given is split
    into paragraphs at blank lines. `Sentence.paragraph` is the block's index."""
    if blocks:
        spans = [(b.start, b.end) if b.kind != "meta" else None for b in blocks]
    else:
        spans, paragraph_start = [], 0
        for match in PARAGRAPH_BREAK.finditer(text):
            spans.append((paragraph_start, match.start()))
            paragraph_start = match.end()
        spans.append((paragraph_start, len(text)))
    sentences: list[Sentence] = []
    for index, span in enumerate(spans):
        if span is None:
            continue
        p_start, p_end = span
        start = p_start
        for end_match in SENTENCE_END.finditer(text, p_start, p_end):
            word = LAST_WORD.search(text[max(p_start, end_match.start() - 12): end_match.start() + 1])
            if word and word.group(1).lower() in ABBREVIATIONS:
                continue
            sentences.append(_sentence(text, start, end_match.end(), index))
            start = end_match.end()
        if text[start:p_end].strip():
            sentences.append(_sentence(text, start, p_end, index))
    return [piece for sentence in sentences for piece in _bounded(text, sentence)]


# A sentence with more numbers than this is a list or a table, not a sentence of claims.
MAX_NUMBERS_PER_SENTENCE = 40


def _is_prose(text: str) -> bool:
    """Mostly letters, and not a list of figures: news prose is about four-fifths letters."""
    visible = len(text) - text.count(" ")
    if visible == 0 or len(DIGIT_RUN.findall(text)) > 2 * MAX_NUMBERS_PER_SENTENCE:
        return False
    # A short sentence is prose whatever its mix ("We grew 6.5% in 2024."), and costs little.
    return len(text) < SHORT_SENTENCE or sum(map(str.isalpha, text)) >= 0.5 * visible


DIGIT_RUN = re.compile(r"\d+")
SHORT_SENTENCE = 200


# No real sentence is longer; a longer run (a table pasted as text, a garbled feed) is cut
# into pieces at spaces, so the work per number stays bounded and a run stays linear.
MAX_SENTENCE = 1500


def _bounded(text: str, sentence: Sentence) -> list[Sentence]:
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return [sentence]
    pieces = []
    start = sentence.start
    while sentence.end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append(_sentence(text, start, cut, sentence.paragraph))
        start = cut
    pieces.append(_sentence(text, start, sentence.end, sentence.paragraph))
    return [piece for piece in pieces if piece.text]


LAST_WORD = re.compile(r"([\w.]+)[.!?]$")


def _sentence(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], paragraph)


# --- cues ---------------------------------------------------------------------------

OPERATORS = [
    (">", r"more than|over|above|exceed(?:s|ed|ing)?|in excess of|greater than|upwards of|surpass(?:es|ed|ing)?|topp?(?:s|ed|ing)"
          r"|pass(?:es|ed|ing)|cross(?:es|ed|ing)|beyond"),
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
    ("range", re.compile(r"\b(?:between|from)\s+(?P<a>(?:19|20)\d{2})\s*(?:and|to|-|–|—)\s*(?P<b>(?:19|20)\d{2})\b", re.I), ('between', 'from')),
    # The two commonest open on the year's digits, which the engine can skip to, and look
    # back from there ("(?<!\w\d{4})" is "\b" before them).
    ("range", re.compile(r"(?P<a>(?:19|20)\d{2})(?<!\w\d{4})\s?[-–—]\s?(?P<b>(?:19|20)\d{2}|\d{2})\b"), ('19', '20')),
    ("decade", re.compile(r"\b(?:in|during|over|throughout)\s+the\s+(?P<a>(?:19|20)\d)0s\b", re.I), ('0s',)),
    ("since", re.compile(r"\bsince\s+(?P<a>(?:19|20)\d{2})\b", re.I), ('since',)),
    ("independence", re.compile(r"\bsince\s+(?:its\s+|the\s+country['’]s\s+|gaining\s+)?independence\b", re.I), ('independence',)),
    ("past", re.compile(rf"\b(?:over|in|during|for|across|throughout)\s+the\s+(?:past|last|previous)\s+(?P<n>{_N})\s+years\b", re.I), ('years',)),
    ("past", re.compile(r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<decade>decade)\b", re.I), ('decade',)),
    ("year_before", re.compile(r"\b(?:a|one)\s+year\s+(?:earlier|before)\b|\bthe\s+(?:year\s+before|previous\s+year|prior\s+year)\b", re.I), ('year',)),
    ("year_after", re.compile(r"\b(?:a|one)\s+year\s+later\b|\bthe\s+(?:following|next)\s+year\b", re.I), ('year',)),
    ("same_year", re.compile(r"\b(?:during|in|over|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+(?:the|that)\s+(?:same\s+)?year\b|\bthat\s+year\b", re.I), ('year',)),
    ("last_year", re.compile(r"\blast year\b", re.I), ('last year',)),
    ("this_year", re.compile(r"\bthis year\b", re.I), ('this year',)),
    ("next_year", re.compile(r"\bnext year\b|\bin the coming years?\b", re.I), ('next year', 'coming year')),
    ("year", re.compile(r"(?P<a>(?:19|20)\d{2})(?<!\w\d{4})(?<!through \d{4})(?<!until \d{4})(?<!till \d{4})"
                        r"(?<!by \d{4})\b(?![-–—]\d)"), ('19', '20')),
]
_HEDGE = r"(?:more than|over|about|around|nearly|almost|roughly|some|at least|less than|just over|just under|approximately|an estimated)"
# A change verb right before the number: "grew 5%", "shrank by 0.5%", "has grown by an
# average of 3.7%". The number is then the rate of change of the verb's subject.
CHANGE_VERB = re.compile(
    r"\b(?P<verb>grew|grown|grow|grows|growing|rose|risen|rise|rises|rising|increased|increases|increasing|expanded"
    r"|expands|expand|expanding|jumped|climbed|advanced|surged|soared|contracted|contracts|contract|contracting"
    r"|shrank|shrunk|shrinks|shrinking|fell|fallen|falls|falling|declined|declines|declining|dropped|drops"
    r"|decreased|slumped|slipped|plunged|plummeted|tumbled)\s+(?:only\s+|just\s+|merely\s+)?(?:by\s+)?"
    r"(?:a\s+further\s+|another\s+|an\s+additional\s+)?(?:an?\s+(?:annual\s+)?average\s+(?:of\s+)?"
    rf"|on\s+average\s+)?(?:{_HEDGE}\s+)?(?:an?\s+)?$",
    re.I,
)
FALLING = {"contracted", "contracts", "contract", "contracting", "shrank", "shrunk", "shrinks", "shrinking", "fell",
           "fallen", "falls", "falling", "declined", "declines", "declining", "dropped", "drops", "decreased", "slumped",
           "slipped", "plunged", "plummeted", "tumbled"}
# Plans and targets are not statements of fact: "plans to cut debt to 55% of GDP by 2028".
TARGET = re.compile(r"\b(?:plans?|planned|aims?|aiming|targets?|targeting|goal|seeks?|pledged?|promised?|wants?|intends?|forecasts?|projects?|projected|expects?|expected|will|would)\b[^.;]{0,60}$", re.I)
# Sub-annual periods: the snapshots hold annual data only.
_MONTHS = "|".join(calendar.month_name[1:])
SUBANNUAL = re.compile(
    r"\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter|Q[1-4]\b"
    r"|(?<!a\s)(?<!one\s)(?<!three\s)(?<!three-)quarter(?:ly)?\b(?!\s+of\b)|month(?:ly)?\b"
    r"|(?:first|second|1st|2nd)\s+half\b|\bH[12]\b|(?:first|last)\s+(?:six|nine|three)\s+months\b"
    rf"|year[- ]on[- ]year in\b|(?:in|for|during|of)\s+(?:{_MONTHS})\b|(?:{_MONTHS})[-–](?:{_MONTHS}))",
)
# One of these is in every match of SUBANNUAL: a sentence without them is not searched.
SUBANNUAL_WORDS = ("quarter", "Q1", "Q2", "Q3", "Q4", "month", "half", "H1", "H2", "on year", "on-year",
                   *calendar.month_name[1:])
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+|an?\s+)?$", re.I)
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|against|compared)\b|\s(?:while|whereas)\s", re.I)
SOURCES_CITED = [
    ("imf", re.compile(r"\bIMF\b|\bInternational Monetary Fund\b|\bWorld Economic Outlook\b|\bWEO\b")),
    ("world_bank", re.compile(r"\bWorld Bank\b|\bWorld Development Indicators\b|\bWDI\b")),
]
PRONOUNS = re.compile(
    r"\b(?:our|we|us|the country(?:'s|’s)?|the nation(?:'s|’s)?|its)\b", re.I
)
OF_GDP_OF_GROUP = re.compile(r"^\s*of\s+(?:the\s+)?(?:GDP|gross domestic product|economic output|output)\s+of\b", re.I)
OF_GDP = re.compile(r"^\s*of\s+(?:the\s+)?(?:(?:its|their|the country's|the country’s|national)\s+)?(?:GDP|gross domestic product|(?:the\s+)?economy|economic output|output)\b", re.I)
SHARE_OF = re.compile(r"^\s*(?:of|share of)\b", re.I)


@rebuilt_on_extend
@lru_cache(maxsize=None)
def _cue_table() -> tuple[re.Pattern[str], dict[str, tuple[Indicator, ...]], frozenset[str]]:
    """The cue pattern, what each phrase names, and the other measures' phrases: built once."""
    by_phrase: dict[str, list[Indicator]] = {}
    for indicator in indicators().values():
        for phrase in indicator.phrases:
            by_phrase.setdefault(phrase.lower(), []).append(indicator)
    others = frozenset(p.lower() for p in other_measures())
    phrases = set(by_phrase) | others
    pattern = re.compile(rf"(?<![\w-])(?:{trie_alternation(phrases)})(?![\w-])", re.I)
    return pattern, {k: tuple(v) for k, v in by_phrase.items()}, others


COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|up\s+from|down\s+from)\s+"
                           r"(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)


def _indicator_of(claim: Claim) -> Indicator:
    return indicators()[claim.indicator]


GOAL_AFTER = re.compile(r"\s+(?:target|goal|objective|ceiling|band)\b", re.I)
# "to cut unemployment to seven percent": a goal, the number the object of "to <verb> ... to".
PURPOSE = re.compile(r"\bto\s+(?:cut|raise|reduce|lift|bring|boost|increase|lower|reach|keep|get)\s+[^.;,]{0,60}?"
                     r"\bto\s+(?:about\s+|around\s+|below\s+|under\s+|above\s+)?$", re.I)


# Words after a count of people that make it a part of the population, not all of it.
SUBSET_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:working|living|employed|displaced|who|abroad|in\s+poverty|without|lacking)\b",
                          re.I)


@rebuilt_on_extend
@lru_cache(maxsize=1)
def _peoples() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(geography().peoples, key=len, reverse=True))
    return re.compile(rf"\s+({names})\b")


@lru_cache(maxsize=1)
def _count_unit() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(count_units(), key=len, reverse=True))
    return re.compile(rf"\s+(?:of\s+)?(?:{units})\b", re.I)


@lru_cache(maxsize=1)
def _company_subject() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(other_subjects(), key=len, reverse=True))
    # Institutions named with these words are sources, not subjects.
    return re.compile(rf"(?<!World )(?<!central )(?<!Central )(?<!development )(?<!Development )(?<!national )"
                      rf"(?<!National )(?<!Reserve )(?<![\w-])(?:{nouns})(?![\w-])", re.I)


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str
    indicator: Indicator | None  # None: a measure the catalogue does not check


def _cues(sentence: str) -> list[_Cue]:
    pattern, by_phrase, others = _cue_table()
    found = []
    for match in pattern.finditer(sentence):
        phrase = match.group(0).lower()
        for indicator in by_phrase.get(phrase, ()):
            found.append(_Cue(match.start(), match.end(), match.group(0), indicator))
        if phrase not in by_phrase and phrase in others:
            found.append(_Cue(match.start(), match.end(), match.group(0), None))
    return found


# --- claims -------------------------------------------------------------------------


@dataclass
class _Context:
    document: Document
    sentences: list[Sentence]
    index: int
    mentions: list[Mention]  # across the document, in order
    mention_starts: list[int]
    paragraph_starts: dict[int, int]  # paragraph number -> offset of its first sentence
    newlines: list[int]  # offsets of the text's line breaks, for line numbers
    main: Mention | None = None  # the country the article is about, if one stands out
    main_why: str = ""  # how that country was found

    @property
    def sentence(self) -> Sentence:
        return self.sentences[self.index]

    @cached_property
    def in_sentence(self) -> list[Mention]:
        """Place mentions in this sentence, with offsets into it (asked once per number)."""
        sentence = self.sentence
        return [_relative(m, sentence.start) for m in self.between(sentence.start, sentence.end)]

    def between(self, start: int, end: int) -> list[Mention]:
        """Place mentions that start in [start, end), found by bisection."""
        starts = self.mention_starts
        return self.mentions[bisect_left(starts, start): bisect_left(starts, end)]

    def last_country(self, start: int, end: int) -> Mention | None:
        """The last country named in [start, end), without copying what lies between."""
        low = bisect_left(self.mention_starts, start)
        for index in range(bisect_left(self.mention_starts, end) - 1, low - 1, -1):
            if self.mentions[index].kind == "country":
                return self.mentions[index]
        return None


def extract_claims(document: Document) -> list[Claim]:
    sentences = split_sentences(document.text, document.blocks)
    mentions = geography().mentions(document.text)
    starts = [m.start for m in mentions]
    newlines = [m.start() for m in re.finditer("\n", document.text)]
    paragraph_starts: dict[int, int] = {}
    for sentence in sentences:
        paragraph_starts.setdefault(sentence.paragraph, sentence.start)
    # Numbers are read sentence by sentence, prose only: a run of figures that is not
    # prose (a table pasted as text, a garbled feed) holds no claims a reader would check.
    numbers = [find_quantities(s.text) if _is_prose(s.text) else [] for s in sentences]
    everywhere = [shifted(q, s.start) for s, found in zip(sentences, numbers) for q in found if q.unit.startswith("currency:")]
    main, main_why = main_country(mentions, document.text, everywhere)
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences):
        if not numbers[index] or len(numbers[index]) > MAX_NUMBERS_PER_SENTENCE:
            continue
        context = _Context(document, sentences, index, mentions, starts, paragraph_starts, newlines, main, main_why)
        cues = _cues(sentence.text)
        if index > 0 and sentences[index - 1].paragraph == sentence.paragraph:
            cues = _pronoun_subject(sentence.text, sentences[index - 1].text) + cues
        if not cues:
            continue
        earlier: list[Claim] = []  # this sentence's claims so far
        for quantity in numbers[index]:
            claim = _claim(context, quantity, cues, len(claims) + 1, earlier)
            if claim is not None:
                claims.append(claim)
                earlier.append(claim)
    return claims


# "It rose by 2 per cent": a sentence that opens on "It" and a verb of change.
IT_CHANGED = re.compile(r"It\s+(?:\w+ly\s+)?(?:rose|grew|fell|increased|decreased|declined|expanded|contracted|shrank"
                        r"|jumped|climbed|dropped|slowed|accelerated|reached|stood|hit|eased|rebounded|doubled|tripled"
                        r"|halved|topped|exceeded|surpassed)\b")


def _pronoun_subject(sentence: str, previous: str) -> list[_Cue]:
    """"In 2024 the population grew strongly. It rose by 2 per cent to 26.7 million.": "It" is
    the measure the sentence before was about, its first one."""
    opening = IT_CHANGED.match(sentence)
    named = next((c for c in _cues(previous) if c.indicator is not None), None) if opening else None
    if named is None:
        return []
    return [_Cue(0, 2, f"It ({named.text})", named.indicator)]


def main_country(mentions: list[Mention], text: str, quantities: list[Quantity]) -> tuple[Mention | None, str]:
    """The country an article is about, and why: the only one it names, or the one it names
    most often, at least twice and more often than any other. Its first mention. Countries
    named as objects ("exports to China") do not count; an amount in a country's own
    currency ("KZT 119 trillion", "KSh 16.2 trillion") counts as naming it, so a speech
    that never says "Kenya" is still about Kenya."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.kind == "country" and not _object_of_preposition(text, mention.start):
            counts[mention.code] = counts.get(mention.code, 0) + 1
            first.setdefault(mention.code, mention)
    by_currency: dict[str, str] = {}
    for quantity in quantities:
        currency = quantity.unit.split(":", 1)[1] if quantity.unit.startswith("currency:") else None
        code = geography().currency_country(currency) if currency else None
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
            by_currency.setdefault(code, currency)
            first.setdefault(code, Mention(quantity.start, quantity.end, geography().country_name(code), "country", code))
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and (ranked[0][1] < 2 or ranked[1][1] == ranked[0][1])):
        return None, ""
    code = ranked[0][0]
    main = first[code]
    if code in by_currency and not any(m.code == code and m.kind == "country" for m in mentions):
        return main, f"the article quotes amounts in its currency, {by_currency[code]}"
    return main, "named most often"


def _claim(context: _Context, quantity: Quantity, cues: list[_Cue], number: int,
           earlier: list[Claim] = ()) -> Claim | None:
    sentence = context.sentence
    after = sentence.text[quantity.end:]
    before = sentence.text[: quantity.start]
    clause = _clause_before(sentence.text, quantity.start)
    if TARGET.search(clause):
        return None
    if _company_subject().search(clause):
        return None  # "Nigeria's largest bank reported growth of 20%": the bank's growth
    if quantity.unit == "number" and _count_unit().match(after):
        return None  # "83.7 million tonnes": a count of things
    if GOAL_AFTER.match(after) or PURPOSE.search(clause):
        return None  # "its 3-6% target band", "goals: to cut unemployment to seven percent"
    if FROM_BEFORE.search(before) and not re.match(
            r"\s*(?:of\s+(?:its\s+)?GDP\s+)?(?:(?:in|for|during|(?:at|by)\s+the\s+end\s+of|in\s+(?:early|late|mid-?))\s+(?:19|20)\d\d\b|(?:a|one)\s+year\s+(?:earlier|before)|the\s+(?:year\s+before|previous\s+year)"
            r"|last\s+year)", after, re.I):
        # "fell from 38% to 23% in 2024": the start of a change, for an earlier period the
        # sentence does not give; only the end point is checkable.
        return None
    share_group = _share_group(context, quantity) if quantity.unit == "percent" else None
    of_gdp = quantity.unit == "percent" and share_group is None and (
        bool(OF_GDP.match(after)) or _parallel_of_gdp(sentence.text, quantity))
    in_points = "point" in quantity.text.lower()  # "by 2 percentage points": a change
    sign = 1
    level_change = quantity.change
    comparison = COMPARISON_AFTER.match(after) if quantity.unit in ("percent", "ratio") else None
    if quantity.unit == "percent" and comparison and not comparison.group("than"):
        comparison = None  # "5% as large as" is not how comparisons are written
    if comparison:
        cue = _compared_subject(sentence.text, quantity, cues)
    elif quantity.unit == "ratio":
        return None
    elif quantity.unit == "rank":
        cue = _rank_cue(sentence.text, quantity, cues)
    elif quantity.change:
        cue = _level_subject(sentence.text, quantity.start, cues)
    else:
        change = (CHANGE_VERB.search(before) if quantity.unit == "percent" and share_group is None
                  and not of_gdp and not in_points else None)
        pace = (RATE_VERB.search(before) if quantity.unit == "percent" and share_group is None and not of_gdp
                and not change else None)
        if pace:
            cue = _rate_subject(sentence.text, pace, cues)
        elif change:
            cue = _change_subject(sentence.text, change, cues)
            sign = -1 if change.group("verb").lower() in FALLING and quantity.value > 0 else 1
            # "Exports grew 14%": a level with no growth rate in the catalogue changed by 14%.
            level_change = cue is not None and cue.indicator is not None and cue.indicator.measure == "level"
        else:
            cue = _best_cue(quantity, cues, share_group is not None, of_gdp, sentence.text)
    if cue is None and COMPARED_WITH.search(before):
        # "expanding by 4.7 percent compared with 5.7 percent in 2023", "42% of GDP, or about
        # $67 billion, up from 35% of GDP": the measure of the last figure written alike.
        alike = [c for c in earlier if c.statistic == "value" and c.unit == _claim_unit(quantity, _indicator_of(c))]
        if alike:
            cue = _Cue(quantity.start, quantity.end, alike[-1].indicator_cue, _indicator_of(alike[-1]))
    people = _peoples().match(after) if quantity.unit == "number" and is_scaled(quantity) else None
    if people is not None:
        # "For 283 million Indonesians": a nation counted is its population.
        cue = _Cue(quantity.end + people.start(1), quantity.end + people.end(1), people.group(1), indicators()["population"])
    if cue is None or cue.indicator is None:
        return None
    indicator = cue.indicator
    if indicator.key == "population" and quantity.unit == "number" and SUBSET_AFTER.match(sentence.text, cue.end):
        return None  # "1.2 million citizens working abroad": some of the people, not all
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
    if DECLINE_AFTER.match(after) and indicator.measure == "rate" and sign * quantity.value > 0:
        sign = -1  # "a 0.9% decline in 2023": growth of -0.9%
    if quantity.low is not None and operator == "=":
        operator = "range"
    if quantity.approximate and operator == "=":
        operator = "~"
    entity, entity_cue = _entity(context, quantity, share_group, group)
    if people is not None:
        entity, entity_cue = geography().country_name(geography().peoples[people.group(1)]), "the nation counted"
    if entity is None and group is None and statistic in ("value", "average", "change"):
        subject = _subject_group(context, quantity, group) or _group_nearby(context, quantity)
        if subject is not None:
            group, entity_cue = subject.text, f"the figure is about {subject.text}, a group"
    period = _period(context, quantity, statistic == "average", entity)
    if period.kind == "next_year":
        return None  # "4.3% next year": a forecast, not a fact to check
    if statistic == "average" and period.kind == "year":
        statistic = "value"  # "inflation averaged 4.9% in 2024" is the year's (average) rate
    if in_points or level_change:
        statistic = "change"
    other = None
    value = sign * quantity.value
    if indicator.negative and value > 0 and _says_negative(sentence.text, cue, quantity, indicator):
        value = -value  # "a current account deficit of 3% of GDP": a balance of -3%
    if comparison:
        other = _compared_with(context, quantity.end + comparison.end())
        lower = (comparison.group("than") or "").lower() in ("lower", "smaller", "less")
        if other is None and quantity.unit == "percent" and indicator.measure == "level":
            # "70% more than the $30.7 billion it received the year before", "4% more than
            # in 2023": compared with itself in another year, a change of the level.
            statistic, value, level_change = "change", (-1 if lower else 1) * quantity.value, True
        else:
            statistic = "ratio"
            if quantity.unit == "percent":  # "30% higher than" is a ratio of 1.3
                value = 1 + (-1 if lower else 1) * quantity.value / 100
    if statistic == "value" and period.kind in ("range", "since", "past") and indicator.measure == "rate":
        # "growth of 5% a year over 2010-2020": a rate over a span is an average.
        statistic = "average"
    unit = "ratio" if statistic == "ratio" else "percent" if level_change else _claim_unit(quantity, indicator)
    line = context.document.first_line + bisect_right(context.newlines, sentence.start + quantity.start)
    return Claim(
        id=f"{context.document.path.stem}-{number}",
        path=context.document.path,
        line=line,
        quote=sentence.text,
        quote_start=quantity.start,
        quote_end=quantity.end,
        number_text=quantity.text,
        value=value,
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
        quote_offset=sentence.start,
        other=other,
    )


CLAUSE_OR_NUMBER = re.compile(r"[,;:]|\d")


def _average_nearby(sentence: str, quantity: Quantity) -> bool:
    """"averaging 5.7%", "an average of 3.7% a year", "5% on average": the words beside the number."""
    before = sentence[max(0, quantity.start - 40): quantity.start]
    before = CLAUSE_OR_NUMBER.split(before)[-1]  # not past another number or clause
    after = sentence[quantity.end: quantity.end + 40]
    after = CLAUSE_OR_NUMBER.split(after)[0]
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


# A cue farther than this from the number does not name what the number measures.
MAX_CUE_DISTANCE = 80


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
        return True
    if quantity.unit.startswith("currency:"):
        return indicator.unit == "USD"
    # Plain numbers: only amounts written with a scale ("19.6 million"). Unscaled numbers
    # ("employs 12,000 people", "2027") are counts and dates, not statistics.
    return is_scaled(quantity)


def _distance(cue: _Cue, start: int, end: int) -> int:
    if cue.end <= start:
        return start - cue.end
    if cue.start >= end:
        return cue.start - end
    return 0


def _best_cue(quantity: Quantity, cues: list[_Cue], share: bool, of_gdp: bool,
              sentence: str = "") -> _Cue | None:
    """The nearest cue the number can measure; None when a measure the catalogue does not
    check ("a $2 billion deal") is nearer, or no cue is near. The GDP of "42% of GDP" is
    that ratio's, not a cue for the numbers around it."""
    candidates = [
        c for c in cues
        if (c.indicator is None or _compatible(quantity, c.indicator, share, of_gdp))
        and _distance(c, quantity.start, quantity.end) <= MAX_CUE_DISTANCE
        and not _denominator_of_another(sentence, c, quantity)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (_distance(c, quantity.start, quantity.end), -(c.end - c.start)))


PUNCTUATION_BREAK = re.compile(r"[,;:]")


@lru_cache(maxsize=256)
def _clause_before(sentence: str, position: int) -> str:
    """The text of the clause that ends at `position` (asked several times per number: cached)."""
    text = ASIDE.sub(lambda m: " " * len(m.group(0)), sentence[:position])
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text)] + [m.end() for m in PUNCTUATION_BREAK.finditer(text)]
    start = max(breaks, default=0)
    if RELATIVE.match(text, start) and breaks:
        # "a growing population, which jumped 3%": the relative clause's subject is the
        # noun before the comma, so the clause reaches back over it.
        start = max((b for b in breaks if b < start), default=0)
    return sentence[start:position]


# Asides set off by commas do not end a clause: "Inflation, meanwhile, fell to 5%".
ASIDE = re.compile(r",\s*(?:meanwhile|however|too|also|in turn|by contrast|in contrast|by comparison|for its part"
                   r"|moreover|furthermore|though|indeed|likewise|similarly|in other words|in fact),", re.I)
RELATIVE = re.compile(r"\s*which\b", re.I)


# Verbs that alone say "the economy changed" when no subject is named: "Kenya grew 5%".
ECONOMY_VERBS = {"grew", "grown", "grow", "grows", "growing", "expanded", "expands", "expand", "expanding",
                 "contracted", "contracts", "contract", "contracting", "shrank", "shrunk", "shrinks", "shrinking"}


def _change_subject(sentence: str, change: re.Match[str], cues: list[_Cue]) -> _Cue | None:
    """What "grew 5%" is the growth of: the nearest measure word before the verb, in its
    clause. A level with a growth rate in the catalogue gives that rate ("GDP per capita
    rose 3%"); other subjects ("revenue grew 15%", "inflation fell 2%") are no claim here."""
    verb_start = change.start()
    clause_start = verb_start - len(_clause_before(sentence, verb_start))
    subjects = [c for c in cues if clause_start <= c.start and c.end <= verb_start
                and verb_start - c.end <= MAX_CUE_DISTANCE]
    if not subjects:
        if change.group("verb").lower() not in ECONOMY_VERBS:
            return None
        return _Cue(change.start(), change.start() + len(change.group("verb")), change.group("verb"),
                    indicators()[indicators()["gdp"].growth])
    subject = max(subjects, key=lambda c: (c.end, c.end - c.start))
    indicator = subject.indicator
    if indicator is None:
        return None
    if indicator.measure == "level":
        # "GDP grew 3%" is real growth, the catalogue's growth rate; a level without one
        # ("exports grew 14%") changed by that much.
        return _Cue(subject.start, subject.end, subject.text, indicators()[indicator.growth]) if indicator.growth else subject
    if subject.text.lower() in indicator.rises_as:
        return subject  # "consumer prices rose 4.8%": inflation of 4.8%
    # A growth-rate noun followed by its own verb ("growth grew") is rare; any other rate
    # with a change verb ("inflation fell 2%") is a change in points, not checked here.
    return subject if indicator.growth is None and indicator.key == indicators()["gdp"].growth else None


DECLINE_AFTER = re.compile(r"\s+(?:decline|contraction|drop|fall|slump|decrease)\b", re.I)
COMPARISON_AFTER = re.compile(
    r"\s+(?:as\s+(?:large|big|high|much|rich|wealthy|populous)\s+as|(?P<than>larger|bigger|higher|greater|more|richer"
    r"|lower|smaller|less)\s+than|the\s+size\s+of|that\s+of)\s+(?:that\s+of\s+|those\s+of\s+)?", re.I)


PARALLEL = re.compile(r"\b(?P<word>from|to|compared\s+with|against|versus|vs\.?)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)
FROM_OF_GDP = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?[-−–]?\d[\d.,]*\s?(?:%|per\s?cent|percent)\s+of\s+(?:its\s+)?GDP\b", re.I)
PERCENT_OF_GDP = re.compile(r"%\s+of\s+(?:its\s+)?GDP\b|per\s?cent\s+of\s+(?:its\s+)?GDP\b", re.I)


def _parallel_of_gdp(sentence: str, quantity: Quantity) -> bool:
    """"narrowed from 20% of GDP in 2022 to 12.5% in 2024", "111% of GDP, up from about 98%":
    a percentage set against one of GDP in the same sentence is one of GDP too."""
    parallel = PARALLEL.search(sentence, 0, quantity.start)
    if parallel is None:
        # "from 20% in 2022 to 12.5% of GDP": the first end takes the second's "of GDP".
        if not re.match(r"\s*(?:in\s+\d{4}\s+)?to\s", sentence[quantity.end:]):
            return False
        return any(m.start() > quantity.end for m in PERCENT_OF_GDP.finditer(sentence))
    if parallel.group("word").lower() == "to":
        # "narrowed from 20% of GDP in 2022 to 12.5%", not "... 43% of GDP ..., and X rose to 3.4%".
        clause_start = quantity.start - len(_clause_before(sentence, quantity.start))
        return FROM_OF_GDP.search(sentence, clause_start, quantity.start) is not None
    return any(m.end() <= quantity.start for m in PERCENT_OF_GDP.finditer(sentence))


RATIO_DENOMINATOR = re.compile(r"(?:%|\bper\s?cent|\bpercent)\s+of\s+(?:its\s+|the\s+)?$", re.I)


def _denominator_of_another(sentence: str, cue: _Cue, quantity: Quantity) -> bool:
    """The cue is the "GDP" of another number's "X% of GDP"."""
    match = RATIO_DENOMINATOR.search(sentence, max(0, cue.start - 25), cue.start)
    return match is not None and not (quantity.start <= match.start() <= quantity.end)


def _compared_subject(sentence: str, quantity: Quantity, cues: list[_Cue]) -> _Cue | None:
    """What a comparison compares: the level or rate word nearest the number ("Kazakhstan's
    economy is twice as large as", "GDP per capita 30% higher than")."""
    near = [c for c in cues if c.indicator is not None and _distance(c, quantity.start, quantity.end) <= MAX_CUE_DISTANCE]
    if not near:
        return None
    return min(near, key=lambda c: (_distance(c, quantity.start, quantity.end), -(c.end - c.start)))


def _compared_with(context: _Context, position: int) -> str | None:
    """The country right after "than" / "as": the other side of a comparison."""
    sentence = context.sentence
    for mention in context.between(sentence.start + position, sentence.end):
        if mention.kind == "country" and mention.start - sentence.start - position <= 25:
            return mention.text
    return None


@lru_cache(maxsize=None)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)


def _says_negative(sentence: str, cue: _Cue, quantity: Quantity, indicator: Indicator) -> bool:
    """A word like "deficit" between the indicator's words and the number, or right after them."""
    lo, hi = min(cue.start, quantity.start), max(cue.end, quantity.end)
    span = sentence[lo:hi + 12]
    return any(_whole_word(word).search(span) for word in indicator.negative)


# A rate reaching a level: "growth slowed to 5%", "inflation eased to 3.1%", "before
# slowing to 5% in 2024". The number is the value of the subject's rate.
RATE_VERB = re.compile(
    r"\b(?P<verb>slowed|slowing|slows|slow|accelerated|accelerating|accelerates|picked\s+up|picking\s+up|eased|easing"
    r"|eases|rebounded|rebounding|recovered|recovering|cooled|cooling|moderated|moderating|quickened|decelerated"
    r"|(?P<moved>rose|risen|rising|fell|fallen|falling|dropped|declined|climbed|increased|jumped|surged|edged\s+(?:up|down)))"
    rf"\s+(?:to|at)\s+(?:{_HEDGE}\s+)?(?:an?\s+)?$",
    re.I,
)


THE_RATE = re.compile(r"\b(?:the|its)\s+(?:annual\s+|yearly\s+|headline\s+|same\s+)?rate\b", re.I)


def _rate_subject(sentence: str, verb: re.Match[str], cues: list[_Cue]) -> _Cue | None:
    """Whose rate slowed or eased: the nearest measure word before the verb, in its clause; a
    level stands for its growth rate ("the economy slowed to 2%"); none named, the economy's."""
    verb_start = verb.start()
    clause_start = verb_start - len(_clause_before(sentence, verb_start))
    subjects = [c for c in cues if clause_start <= c.start and c.end <= verb_start
                and verb_start - c.end <= MAX_CUE_DISTANCE]
    if not subjects:
        if verb.group("moved"):
            # "Inflation averaged 58.5%, although the annual rate fell to 44.4%": the rate
            # named earlier in the sentence; with none, what rate is not said.
            if THE_RATE.search(sentence, clause_start, verb_start):
                named = [c for c in cues if c.end <= clause_start and c.indicator is not None
                         and c.indicator.measure == "rate"]
                return named[-1] if named else None
            return None
        return _Cue(verb_start, verb.end(), verb.group("verb"), indicators()[indicators()["gdp"].growth])
    subject = max(subjects, key=lambda c: (c.end, c.end - c.start))
    if subject.indicator is None:
        return None
    if subject.indicator.measure == "level":
        growth = subject.indicator.growth
        return _Cue(subject.start, subject.end, subject.text, indicators()[growth]) if growth else None
    return subject


def _level_subject(sentence: str, verb_start: int, cues: list[_Cue]) -> _Cue | None:
    """What "doubled" is said of: the nearest level word before the verb, in its clause."""
    clause_start = verb_start - len(_clause_before(sentence, verb_start))
    subjects = [c for c in cues if clause_start <= c.start and c.end <= verb_start
                and verb_start - c.end <= MAX_CUE_DISTANCE and c.indicator is not None and c.indicator.measure == "level"]
    return max(subjects, key=lambda c: (c.end, c.end - c.start)) if subjects else None


RANK_BY = re.compile(r"^[^.;]{0,60}?\bby\s+(?:nominal\s+|total\s+)?", re.I)


RANK_ENDS_PHRASE = re.compile(r"\s*(?:$|[,.;:)]|[-–—]|(?:in|among|within|of|after|behind|globally|worldwide|on"
                              r"|ratio|rate|level|share|figure|burden)\b)", re.I)
TEMPORAL = re.compile(r"\s*(?:since|on\s+record|ever|in\s+(?:\d+|two|three|four|five|ten|twenty)\s+(?:years|decades)"
                      r"|in\s+an?\s+(?:decade|generation|century|year)|in\s+(?:years|decades)|for\s+(?:years|decades))\b", re.I)


def _rank_cue(sentence: str, quantity: Quantity, cues: list[_Cue]) -> _Cue | None:
    """What a rank ranks by: "by GDP per capita", else the level word beside it
    ("third-largest economy", "the world's largest population")."""
    vague = r"one of" if quantity.rank_kind == "top" else r"one of|among"
    if re.search(rf"\b(?:{vague})\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$", sentence[: quantity.start], re.I):
        return None  # "one of the largest economies", "among the highest in the G20" claim no rank
    if TEMPORAL.match(sentence[quantity.end:]):
        return None  # "the lowest on record", "the highest since 2008": a record in time, not a rank
    if quantity.rank_by == "growth" or re.match(r"\s+(?:fastest|quickest)[\s-]growing\b", sentence[quantity.end:], re.I):
        # "the fastest-growing economy", "among the 10 fastest-growing": ranked by the
        # growth rate of the level word beside it (GDP unless it says otherwise).
        subject = next((c for c in cues if c.indicator is not None and c.indicator.growth
                        and 0 <= c.start - quantity.end <= 25), None)
        rate = indicators()[(subject.indicator if subject else indicators()["gdp"]).growth]
        return _Cue(quantity.start, quantity.end, quantity.text, rate)
    if re.search(r"populous", quantity.text, re.I):
        return _Cue(quantity.start, quantity.end, quantity.text, indicators()["population"])
    # Largest and smallest rank levels; highest and lowest rank rates and ratios too
    # ("the fourth-highest public debt", "the second-lowest unemployment rate").
    any_measure = re.search(r"highest|lowest", quantity.text, re.I) is not None
    levels = [c for c in cues if c.indicator is not None and (any_measure or c.indicator.measure == "level")]
    after = sentence[quantity.end:]
    by = RANK_BY.match(after)
    if by:
        for cue in levels:
            if cue.start == quantity.end + by.end():
                return cue
    near = [c for c in levels if c.start >= quantity.end and c.start - quantity.end <= 25
            or c.end <= quantity.start and re.fullmatch(r",?\s*(?:the\s+)?", sentence[c.end:quantity.start])]
    if not near:
        # "Mexico's economy is the second-largest", "Unemployment, at 3.8%, was the
        # second-lowest": the subject named earlier in the sentence, when the rank ends its
        # phrase ("the biggest contraction since 1992" ranks a contraction, not an economy).
        if not RANK_ENDS_PHRASE.match(after):
            return None
        # The nearest measure word decides, passing over the GDP of a ratio: "public debt
        # rose to 138.3% of GDP, the second-highest" ranks debt; "a budget deficit of 9.3% of
        # GDP, the largest" ranks a deficit, which the catalogue does not check.
        before = [c for c in cues if c.end <= quantity.start and quantity.start - c.end <= MAX_CUE_DISTANCE
                  and not RATIO_DENOMINATOR.search(sentence, max(0, c.start - 25), c.start)]
        subject = max(before, key=lambda c: (c.end, c.end - c.start), default=None)
        return subject if subject in levels else None
    return min(near, key=lambda c: (_distance(c, quantity.start, quantity.end), -(c.end - c.start)))


AVERAGE_BEFORE = re.compile(r"\baverag(?:e|ed|ing)\s+(?:of\s+)?$|\baverage of\s+$", re.I)


def _operator(before: str) -> str:
    tail = before[-40:]
    match = OPERATOR_BEFORE.search(tail)
    if match:
        index = int(match.lastgroup[2:])
        word = match.group(match.lastgroup).lower()
        if word in ("a", "an"):
            return "="
        return OPERATORS[index][0]
    if AVERAGE_BEFORE.search(tail):
        return "average"
    return "="


SHARE_BEFORE = re.compile(r"\bshare\s+of\s+(?:the\s+)?$", re.I)
CLAUSE_END = re.compile(r"[,;:]|\s[-–—]\s")


def _share_group(context: _Context, quantity: Quantity) -> Mention | None:
    """The group of a share: "60% of all FDI flows into Central Asia", "30% of the GDP of
    Sub-Saharan Africa", "Kazakhstan's share of Central Asia's GDP was 60%"."""
    sentence = context.sentence
    local = [m for m in context.in_sentence if m.kind == "group"]
    clause = _clause_before(sentence.text, quantity.start)
    clause_start = quantity.start - len(clause)
    for mention in local:
        if clause_start <= mention.start and mention.end <= quantity.start:
            if SHARE_BEFORE.search(sentence.text[:mention.start]):
                return mention
    after = sentence.text[quantity.end:]
    if not SHARE_OF.match(after) or OF_GDP.match(after) and not OF_GDP_OF_GROUP.match(after):
        return None
    limit = quantity.end + 120
    clause_end = CLAUSE_END.search(after)
    if clause_end:
        limit = min(limit, quantity.end + clause_end.start())
    named = next((m for m in local if quantity.end <= m.start < limit), None)
    pronoun = GROUP_PRONOUN.search(after[:limit - quantity.end])
    if named is None and pronoun:
        # "almost 60% of the region's output": the group named last before the number.
        earlier = [m for m in context.between(0, sentence.start + quantity.start) if m.kind == "group"]
        if earlier:
            return _relative(earlier[-1], sentence.start)
    return named


def _relative(mention: Mention, offset: int) -> Mention:
    return Mention(mention.start - offset, mention.end - offset, mention.text, mention.kind, mention.code)


RANK_SCOPE_AFTER = re.compile(r"^[^,.;]{0,40}?\b(?:in|among|within|of)\s+(?:the\s+)?$", re.I)
UNKNOWN_SCOPE = re.compile(r"^[^,.;]{0,40}?\b(?:in|among|within)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w-]*){0,5})")


def _rank_scope(context: _Context, quantity: Quantity, cue: _Cue) -> str | None:
    """The group a rank is within: "the world's top 50", "Africa's largest economy", "the
    second-largest economy in the G7", "the fourth-largest in the EU". A scope the tool does
    not know is kept as written, so the claim is unverifiable rather than a world rank."""
    sentence = context.sentence
    local = context.in_sentence
    for mention in reversed(local):
        gap = sentence.text[mention.end: quantity.start]
        if mention.kind == "group" and mention.end <= quantity.start and re.fullmatch(r"(?:['’]s)?\s+(?:the\s+)?", gap):
            return mention.text
    anchor = quantity.end
    for mention in local:
        if mention.start >= anchor and RANK_SCOPE_AFTER.match(sentence.text[anchor: mention.start]):
            return mention.text if mention.kind == "group" else None
    unknown = UNKNOWN_SCOPE.match(sentence.text[anchor:])
    if unknown:
        return unknown.group("name")
    return None


OBJECT_BEFORE = re.compile(r"\b(?:in|from|to|into|with|than|against|for|across|over|by|behind|after|like|as)\s+(?:the\s+)?$", re.I)


def _object_of_preposition(text: str, start: int) -> bool:
    """A preposition right before a country, after other words ("demand in China"); a topic
    opening the sentence ("In Chile, inflation was 11.6%") is not an object."""
    window_start = max(0, start - 20)
    match = OBJECT_BEFORE.search(text, window_start, start)
    if match is None:
        return False
    # Words before the preposition in the same sentence (looking back a bounded stretch).
    lead = re.split(r"[.!?\n]", text[max(0, match.start() - 80):match.start()])[-1]
    return bool(lead.strip())


def _subject_group(context: _Context, quantity: Quantity, group: str | None) -> Mention | None:
    """A group named as the subject of the number's clause ("the world economy grew 3.2%")."""
    sentence = context.sentence
    in_sentence = context.in_sentence
    before = [m for m in in_sentence if m.kind == "country" and m.end <= quantity.start]
    clause_start = quantity.start - len(_clause_before(sentence.text, quantity.start))
    return next(
        (m for m in reversed(in_sentence) if clause_start <= m.start and m.end <= quantity.start
         and m.kind == "group" and m.text != group and not any(c.start > m.end for c in before)
         and not PRONOUNS.search(sentence.text, m.end, quantity.start)),
        None,
    )


GROUP_PRONOUN = re.compile(r"\b(?:the|this|that)\s+(?:region|bloc|continent|union|area|group)(?:['’]s)?\b"
                           r"|\bthat\s+(?:output|total|sum|combined\s+output)\b", re.I)


def _group_nearby(context: _Context, quantity: Quantity) -> Mention | None:
    """With no country in sight, the group the figure is about: one named earlier in the
    sentence ("Sub-Saharan Africa's economy grew 3.6% in 2024, up from 2.7%"), or the last
    one named in the paragraph ("The region's GDP", "the bloc's", or no subject at all)."""
    sentence = context.sentence
    earlier = [m for m in context.between(context.paragraph_starts[sentence.paragraph], sentence.start + quantity.start)]
    if any(m.kind == "country" for m in earlier):
        return None
    groups = [m for m in earlier if m.kind == "group"]
    if not groups and GROUP_PRONOUN.search(sentence.text, 0, quantity.start) and sentence.paragraph > 0:
        start = context.paragraph_starts.get(sentence.paragraph - 1, 0)
        before = context.between(start, context.paragraph_starts[sentence.paragraph])
        if not any(m.kind == "country" for m in before):
            groups = [m for m in before if m.kind == "group"]
    return _relative(groups[-1], sentence.start) if groups else None


def _entity(context: _Context, quantity: Quantity, share_group: Mention | None, group: str | None) -> tuple[str | None, str]:
    sentence = context.sentence
    in_sentence = context.in_sentence
    countries = [m for m in in_sentence if m.kind == "country"]
    clause_start = quantity.start - len(_clause_before(sentence.text, quantity.start))
    # A country in an earlier clause as the object of a preposition ("weak demand in China,
    # and unemployment rose to 3.4%") is not the subject of this clause's figure.
    before = [m for m in countries if m.end <= quantity.start
              and (m.start >= clause_start or not _object_of_preposition(sentence.text, m.start))]
    # "6.1% in Uganda": a country right after the number is its subject.
    for mention in countries:
        if mention.start >= quantity.end and re.fullmatch(
            r"\s+(?:\w+\s+){0,2}?(?:in|for)\s+(?:neighbouring\s+|neighboring\s+)?", sentence.text[quantity.end: mention.start]
        ):
            return mention.text, "named after the number"
    # A group as the subject ("Sub-Saharan Africa's economy grew 3.6%") is not a country.
    subject_group = _subject_group(context, quantity, group)
    if subject_group is not None and not before:
        return None, f"the figure is about {subject_group.text}, a group"
    pronoun = None
    for match in PRONOUNS.finditer(sentence.text, 0, quantity.start):
        if not before or match.start() > before[-1].end:
            pronoun = match
    if pronoun is None and before:
        return before[-1].text, "named in the sentence"
    if pronoun is None:
        after = [m for m in countries if m.start >= quantity.end and not CLAUSE_BREAK.search(sentence.text, quantity.end, m.start)
                 and not _object_of_preposition(sentence.text, m.start)]
        if after:
            return after[0].text, "named in the sentence"
    main = context.main
    if pronoun is None and main is not None:
        # "The economy grew 0.7%" in an article about Italy is about Italy, whichever
        # country the paragraph named last.
        return main.text, f"not named in the sentence; the article is about {main.text} ({context.main_why})"
    # A pronoun, or no country in the sentence: the nearest country named earlier in the
    # same paragraph, then in the paragraph before.
    position = sentence.start + quantity.start
    this_paragraph = context.paragraph_starts[sentence.paragraph]
    previous_paragraph = context.paragraph_starts.get(sentence.paragraph - 1, this_paragraph)
    for start, end, place in ((this_paragraph, position, "this paragraph"),
                              (previous_paragraph, this_paragraph, "the paragraph before")):
        nearest = context.last_country(start, end)
        if (nearest is not None and main is not None and nearest.code != main.code and pronoun is not None
                and pronoun.group(0).lower() in ("our", "we", "us")):
            # "Our economy" in a speech is the speaker's country, the one the text is
            # about, even when a guest country was named last.
            return main.text, f"'{pronoun.group(0)}' is the speaker's country, {main.text} ({context.main_why})"
        if nearest is not None:
            how = f"'{pronoun.group(0)}' refers to" if pronoun else "not named in the sentence; nearest is"
            return nearest.text, f"{how} {nearest.text} ({place})"
    # "The population of the republic reached 37.1 million": in an article about one
    # country, a figure with no country nearby is about that country.
    if main is not None:
        return main.text, f"not named nearby; the article is about {main.text} ({context.main_why})"
    return None, "no country is named in the sentence or the paragraph"


def _period(context: _Context, quantity: Quantity, needs_span: bool, entity: str | None) -> Period:
    sentence = context.sentence
    scored = _period_scored(sentence.text, quantity.start, quantity.end)
    subannual = _subannual_near(sentence.text, quantity)
    if subannual is not None and (scored is None or subannual[0] <= scored[0]):
        return Period("subannual", subannual[1], found_in="sentence")
    period = scored[1] if scored else None
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
    if previous.paragraph != sentence.paragraph:
        return None
    found = _period_in(previous.text, len(previous.text), len(previous.text))
    if found is not None and found.kind in ("last_year", "this_year"):
        # "Last year, our economy grew 8.7%. GDP surpassed $1 trillion.": the same year.
        return Period(found.kind, found.text, found.start, found.end, "previous sentence")
    if found is None or found.kind != "year":
        return None
    years = _topic_years(previous.text)
    if not years:
        return None
    year = int(years[-1].group(0))
    return Period("year", years[-1].group(0), year, year, "previous sentence")


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


@lru_cache(maxsize=256)
def _may_name_subannual(sentence: str) -> bool:
    return any(map(sentence.__contains__, SUBANNUAL_WORDS))


def _subannual_near(text: str, quantity: Quantity) -> tuple[int, str] | None:
    """A month, quarter or half year near the number, scored like a period."""
    if not _may_name_subannual(text):
        return None
    best = None
    for match in SUBANNUAL.finditer(text, max(0, quantity.start - 60), min(len(text), quantity.end + 60)):
        # "the first half of 2024", "March 2024": the year written with it is part of it.
        year = re.match(r"(?:\s+of)?,?\s+(?:19|20)\d\d\b", text[match.end():])
        end = match.end() + (year.end() if year else 0)
        after = match.start() >= quantity.end
        distance = 2 * (match.start() - quantity.end) - 1 if after else 2 * max(0, quantity.start - end)
        between = text[quantity.end:match.start()] if after else text[end:quantity.start]
        distance += _gap_penalty(text, between)
        if best is None or distance < best[0]:
            best = (distance, match.group(0))
    return best


def _anchor_year(context: _Context, position: int, quantity: Quantity) -> int | None:
    """The year a relative period ("a year earlier", "that year") counts from: the last year
    written before it in the sentence, else in the sentences before (this paragraph or the
    one before), else any other year in the sentence."""
    sentence = context.sentence
    others = [m for m in YEAR.finditer(sentence.text) if not (quantity.start <= m.start() < quantity.end)]
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
    return int(others[0].group(0)) if others else None


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


OTHER_NUMBER = re.compile(r"\d(?:[\d.,]*)\s?(?:%|per\s?cent|percent|billion|million|trillion|bn|tn)", re.I)


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
        if end <= q_start and OTHER_NUMBER.search(text, max(0, start - 25), start):
            penalty = 2 * len(text)  # "$46.2 billion at the end of 2021 to $21.4 billion": 2021 is the other's
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
        return Period("range", text, start, end) if end > start else None
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


def _source_cited(sentence: str, quantity: Quantity) -> str | None:
    """The source named nearest the number, if the sentence names one."""
    best: tuple[int, str] | None = None
    for start, name in _sources_named(sentence):
        distance = abs(start - quantity.start)
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


@lru_cache(maxsize=256)
def _sources_named(sentence: str) -> tuple[tuple[int, str], ...]:
    return tuple((match.start(), name) for name, pattern in SOURCES_CITED for match in pattern.finditer(sentence))
