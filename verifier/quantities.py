"""The number grammar: every quantity written in a text, with its value in natural units.

Percentages ("5.7%", "60 percent", "5-6 per cent"), money ("$300 billion", "US$1.2
trillion", "USD 300bn", "$2.5tn", "KZT 5 trillion"), ranks ("top 50", "third-largest")
and plain numbers ("25", "19.6 million"). Whether a quantity is a claim is decided by the
extract stage; this module only reads numbers.

Every pattern is a flat alternation with bounded repetition, so matching time grows
linearly with the text.
"""
from __future__ import annotations

import math
import re
from dataclasses import fields, replace
from functools import cache
from typing import Iterator

from .catalogue import SOURCES_DIR, load_toml
from .patterns import trie_alternation
from .records import Quantity

SCALES = {
    "quadrillion": 1e15,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12, "tln": 1e12,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    # South Asian scales: a lakh is 100,000, a crore ten million; "lakh crore" is 10^12.
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "lakh crore": 1e12, "lakh crores": 1e12, "lakh-crore": 1e12, "thousand crore": 1e10, "thousand crores": 1e10,
}
# Currencies written before the number ("US$", "KZT") and after it ("tenge"), as data.
_CURRENCIES = load_toml(SOURCES_DIR / "currencies.toml")
PREFIX_CURRENCIES: dict[str, str] = _CURRENCIES.get("prefix", {})
# The grammar matches currencies in any case ("KSH", "ksh" for "KSh"): look them up so.
_PREFIX_BY_CASE = {written.casefold(): code for written, code in PREFIX_CURRENCIES.items()}
SUFFIX_CURRENCIES: dict[str, str] = dict(_CURRENCIES.get("suffix", {}))
# An ISO 4217 code after an amount ("681 billion USD", "10.22 quadrillion VND") counts
# only as written, in capitals: "all 70" is no money.
ISO_CODES = {code for code in PREFIX_CURRENCIES if re.fullmatch(r"[A-Z]{3}", code)}
for _code in ISO_CODES:
    SUFFIX_CURRENCIES.setdefault(_code.lower(), PREFIX_CURRENCIES[_code])
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
    "twentieth": 20,
}
CARDINAL_WORDS = {
    "three": 3, "five": 5, "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100,
    "two": 2, "four": 4, "six": 6, "seven": 7, "eight": 8, "nine": 9, "fifteen": 15, "thirty": 30, "forty": 40,
}
# Numbers written as words, for percentages ("five percent", "twenty-five per cent").
UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
# Multiples in comparisons ("twice as large as", "three times the size of").
TIMES_WORDS = {"twice": 2.0, "two times": 2.0, "three times": 3.0, "four times": 4.0, "five times": 5.0,
               "six times": 6.0, "seven times": 7.0, "eight times": 8.0, "nine times": 9.0, "ten times": 10.0,
               "twenty times": 20.0, "half": 0.5}
COMPARED = (r"(?:as\s+(?:large|big|high|much|rich|wealthy|populous)\s+as|(?:larger|bigger|higher|greater|more|richer)"
            r"\s+than|the\s+size\s+of|that\s+of)")
# Verbs that are a change of a level by themselves ("exports doubled"): the percent change.
MULTIPLE_VERBS = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0, "halved": -50.0,
                  "doubling": 100.0, "tripling": 200.0, "quadrupling": 300.0, "halving": -50.0,
                  "twofold": 100.0, "threefold": 200.0, "fourfold": 300.0, "fivefold": 400.0, "tenfold": 900.0,
                  "twelvefold": 1100.0}
# Fractions of a whole ("a third of", "two-thirds of", "half of"), read as percentages.
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                  "fifths": 5, "tenth": 10, "tenths": 10}
FRACTION_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _alternation(words) -> str:
    return trie_alternation(words)


# A run of digits is taken whole (possessive: never given back). Nothing the grammar reads
# after a run can begin with a digit, so giving digits back would only repeat failing
# tries: three more for a plain "2020", in each shape the digit route tries before it.
DIGITS = r"\d++"
ORDINAL_DIGITS = rf"{DIGITS}(?:st|nd|rd|th)"
# Thousands grouped by commas ("1,234,567.8"), the Indian way ("3,06,144"), or by
# no-break or thin spaces ("1 000 000"); a decimal comma after at most three digits
# ("284,94%", "64,77"), also after space-grouped thousands ("119 442 289,7").
NUMBER = (r"(?:\d{1,3}+(?:,\d{3})++(?:\.\d+)?|\d{1,2}(?:,\d{2}(?=,))++,\d{3}(?:\.\d+)?"
          r"|\d{1,3}+(?:[ \u00a0\u202f]\d{3})++,\d{1,2}(?!\d)|\d{1,3}+(?:[\u00a0\u202f]\d{3})++(?:\.\d+)?"
          rf"|\d{{1,3}}+,\d{{1,2}}(?![\d,])|{DIGITS}(?:\.\d+)?)")
SIGNED = rf"(?:[-−–](?=\d))?{NUMBER}"
SCALE = rf"(?:{_alternation(SCALES)})(?![\w])"
# A scale may be joined to its number by a hyphen ("US$87.4-billion").
TO_SCALE = r"(?:\s?|-)"
DASH = r"(?:\s?[-–—]\s?|\sto\s)"
SUPERLATIVE = r"(?:largest|biggest|highest|lowest|smallest|most[\s-]populous|strongest|weakest)"
# "the seventh (7th) largest", "Tenth (10th) place": an ordinal written twice.
ORDINAL_AGAIN = r"(?:\s\(\d{1,3}(?:st|nd|rd|th)\))?"
ASCENDING = ("lowest", "smallest", "weakest")
WORD_NUMBER = (rf"(?:(?:{_alternation(TENS_WORDS)})(?:[\s-](?:{_alternation(UNITS_WORDS)}))?"
               rf"|{_alternation(UNITS_WORDS)}|(?:a|one)\shundred)")
PERCENT_UNIT = r"(?:%|percent(?:age\spoints?)?\b|per\scent\b|pct\b|pp\b)"

# The grammar: one alternative per shape, each with the places it can begin ("digit", a
# sign before a digit, a currency "sign", or its first words). Order matters: where two
# alternatives match at the same place, the first one listed wins.
_CURRENCY_WORDS = {re.match(r"[^\W\d_]+", p).group(0).lower() for p in PREFIX_CURRENCIES if re.match(r"[^\W\d_]", p)}
_ORDINALS = {*ORDINAL_WORDS, "digit"}
_WORD_NUMBERS = {*UNITS_WORDS, *TENS_WORDS, "a", "one"}
SHAPES: list[tuple[str, str, set[str]]] = [
    ("money", rf"""(?<![\w])(?P<cur>{_alternation(_PREFIX_BY_CASE)})\s?(?P<m_num>{SIGNED})
        (?:{DASH}(?:{_alternation(_PREFIX_BY_CASE)})?\s?(?P<m_high>{NUMBER}))?
        (?:{TO_SCALE}(?P<m_scale>{SCALE})|(?P<m_letter>[tbm])(?![\w]))?""", {"sign", *_CURRENCY_WORDS}),
    ("percent", rf"""(?<![\w.,])(?P<p_num>{SIGNED})
        (?:\s?%?(?:\s?[-–—]\s?(?P<p_high>{NUMBER})|\sto\s(?P<p_high_to>{SIGNED})))?
        \s?(?P<p_unit>%|percent(?:age\spoints?)?\b|per\scent\b|pct\b|pp\b)""", {"digit", "dash"}),
    ("w_percent", rf"\b(?P<w_num>{WORD_NUMBER})\s{PERCENT_UNIT}", _WORD_NUMBERS),
    ("fraction", rf"""(?<!first\s)(?<!second\s)(?<!third\s)(?<!fourth\s)(?<!final\s)(?<!last\s)(?<!1st\s)(?<!2nd\s)
        (?<!3rd\s)(?<!4th\s)(?<!latter\s)(?<!same\s)(?<!previous\s)(?<!this\s)(?<!that\s)\b
        (?:(?P<f_count>{_alternation(FRACTION_COUNTS)})[\s-])?(?P<f_part>{_alternation(FRACTION_WORDS)})
        (?=\s+of\b|\s+(?P<f_size>the\s+size)\s+of\b)""", {*FRACTION_COUNTS, *FRACTION_WORDS}),
    ("times", rf"""\b(?:(?P<x_word>{_alternation(TIMES_WORDS)})|(?P<x_num>{DIGITS}(?:\.\d+)?)\s?times)
        (?=\s+{COMPARED})""", {"digit", *(w.split()[0] for w in TIMES_WORDS)}),
    ("multiple", rf"\b(?:{_alternation(MULTIPLE_VERBS)})\b", set(MULTIPLE_VERBS)),
    ("top_growth", rf"\bthe\s(?P<g_num>{DIGITS}|{_alternation(CARDINAL_WORDS)})\s(?:fastest|quickest)[\s-]growing\b",
     {"the"}),
    # "the fastest-growing", "its slowest annual pace": ranked by growth, "slowest" from the bottom.
    ("fastest", rf"""\b(?:the\s|its\s|their\s|(?<=['’]s\s))(?:(?P<f_ord>{ORDINAL_DIGITS}|{_alternation(ORDINAL_WORDS)})[\s-])?
        (?P<f_dir>fastest|quickest|slowest)(?:[\s-]growing\b|(?=\s(?:annual\s|yearly\s|economic\s)?(?:growth|expansion|pace|rate)\b))""",
     {"the", "its", "their", "fastest", "quickest", "slowest", *_ORDINALS}),
    ("top", rf"\b(?:top|the\s(?:largest|biggest))\s(?P<t_num>{DIGITS}|{_alternation(CARDINAL_WORDS)})\b", {"top", "the"}),
    ("ordinal", rf"""\b(?P<o_num>{ORDINAL_DIGITS}|{_alternation(ORDINAL_WORDS)}){ORDINAL_AGAIN}
        [\s-](?P<o_word>{SUPERLATIVE})\b""", _ORDINALS),
    ("place", rf"""\b(?P<pl_num>{ORDINAL_DIGITS}|{_alternation(ORDINAL_WORDS)}){ORDINAL_AGAIN}\s(?:place|spot|position)\b
        |(?:(?<=\branks\s)|(?<=\branked\s)|(?<=\branking\s)|(?<=\branked\sat\s)|(?<=\branks\sat\s))
         (?P<rk_num>{ORDINAL_DIGITS}|{_alternation(ORDINAL_WORDS)})\b
        |(?P<sc_num>{ORDINAL_DIGITS}|{_alternation(ORDINAL_WORDS)})(?=\s+(?:globally|worldwide|in\sthe\sworld\b
         |out\sof\s\d|among\s|in\s(?!the\b)[a-z]))
        |(?:(?<=\bto\s)|(?<=\bat\s)|(?<=\bin\s))(?P<b_num>{ORDINAL_DIGITS}|{_alternation(ORDINAL_WORDS)})
         (?=\s?(?:[,.;:)]|$))""", _ORDINALS),
    ("first_place", r"\b(?:top(?=\s(?:destination|economy|spot|recipient|performer|position)\b)|number\s(?:one|1)\b"
                    r"|no\.\s?1\b)", {"top", "number", "no"}),
    # "an all-time high of 7.1%", "a record low": the year ranked first in its own history.
    ("record", r"\b(?:an?\s|its\s|the\s)?(?:all[\s-]time|record|historic)\s(?P<r_dir>high|low)s?\b", {"an", "a", "its", "the", "all", "record", "historic"}),
    ("superlative", rf"(?:\bthe\s(?:world's\s|world’s\s)?|(?<=['’]s\s))(?P<s_word>{SUPERLATIVE})\b",
     {"the", "largest", "biggest", "highest", "lowest", "smallest", "most", "strongest", "weakest"}),
    ("w_amount", rf"""\b(?P<wa_num>{WORD_NUMBER})\s(?P<wa_scale>trillion|billion|million)\b
        (?:\s(?P<wa_cur>{_alternation(SUFFIX_CURRENCIES)})\b)?""", _WORD_NUMBERS),
    ("plain", rf"""(?<![\w.,])(?P<n_num>{SIGNED})(?:{TO_SCALE}(?P<n_scale>{SCALE}))?
        (?:\s(?P<n_cur>{_alternation(SUFFIX_CURRENCIES)})\b)?(?![\w])""", {"digit", "dash"}),
]


def _grammar(shapes, flags: int = re.X | re.I) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{regex})" for name, regex, _ in shapes), flags)


# Every shape at once, in any case: what the routed patterns below must agree with (tests check it).
PATTERN = _grammar(SHAPES)


DECIMAL_COMMA = re.compile(r",\d{1,2}$")


def _number(text: str) -> tuple[float, int, int]:
    """Value, decimals and significant digits of a written number."""
    if text.isdigit():  # most numbers in news copy: years and whole counts
        return float(text), 0, len(text.strip("0")) or 1
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "." not in cleaned and DECIMAL_COMMA.search(cleaned):
        integer, _, fraction = cleaned.rpartition(",")
        cleaned = f"{integer}.{fraction}"
    cleaned = cleaned.replace(",", "").replace("−", "-").replace("–", "-")
    value = float(cleaned)
    digits = cleaned.lstrip("-")
    integer, _, fraction = digits.partition(".")
    if fraction:
        significant = len((integer + fraction).lstrip("0"))
    else:
        significant = max(1, len(integer.strip("0"))) if integer.strip("0") else 1
    return value, len(fraction), significant


def _scaled(value: float, scale: str | None) -> float:
    return value * SCALES[scale.lower()] if scale else value


# Where a quantity can begin: every alternative of PATTERN opens after a non-word
# character, on a digit, a sign before a digit, a currency sign or one of these words.
# Finding those places with one simple scan, and trying PATTERN only there, reads prose
# several times faster than letting PATTERN try its fourteen alternatives everywhere.
START_WORDS = frozenset(word for _, _, starts in SHAPES for word in starts) - {"digit", "dash", "sign", "the", "a"}
START_SIGNS = sorted({p[0] for p in PREFIX_CURRENCIES if not p[0].isalnum()})
# The two commonest words in English open a quantity only before one of these.
AFTER_THE = {*CARDINAL_WORDS, *ORDINAL_WORDS, "fastest", "quickest", "slowest", "largest", "biggest", "highest", "lowest",
             "smallest", "most", "world", "strongest", "weakest"}
AFTER_A = {"hundred", *FRACTION_WORDS}
# Matched in lower-cased text: case-sensitive literals cost the engine less than (?i).
# A start word may run into digits ("USD300") but not into letters.
START_TOKEN = re.compile(rf"""\d|[-−–](?=\d)|[{''.join(re.escape(c) for c in START_SIGNS)}]
    |(?:{_alternation(START_WORDS)})(?![^\W\d_])
    |the(?=\s(?:\d|(?:{_alternation(AFTER_THE)})\b))
    |a(?=[\s-](?:{_alternation(AFTER_A)})\b)""", re.X)
# A start after the text's first character: the non-word character before it, then the
# start (captured, not consumed). Opening on a character class lets the engine skip the
# letters inside words in a tight loop; opening on a lookbehind made it try every
# position (8% more instructions reading numbers, callgrind).
START = re.compile(rf"\W(?=({START_TOKEN.pattern}))", re.X)


def _lowered(text: str) -> str:
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # A letter whose lower case is longer ("İ") would shift the offsets: keep it as written.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _matches(lowered: str) -> Iterator[re.Match[str]]:
    """PATTERN's matches, left to right, where PATTERN.finditer finds them in the text;
    matched in its lower-cased copy (the grammar's words are lower case), so their groups
    are lower case."""
    done = 0
    first = START_TOKEN.match(lowered)  # the first character has none before it
    if first is not None and (match := _pattern_for(first.group()).match(lowered)) is not None:
        done = match.end()
        yield match
    for start in START.finditer(lowered):
        at = start.start() + 1
        if at >= done and (match := _pattern_for(start.group(1)).match(lowered, at)) is not None:
            done = match.end()
            yield match


def _start_kind(start: str) -> str:
    if start[0].isdigit():
        return "digit"
    if start[0] in "-−–":
        return "dash"
    return "sign" if start in START_SIGNS else start


@cache
def _pattern_for(start: str) -> re.Pattern[str]:
    """Only the shapes that can begin with this start, in the grammar's order: the same
    match PATTERN would find there, with a fraction of the alternatives tried."""
    kind = _start_kind(start)
    return _grammar([shape for shape in SHAPES if kind in shape[2]], re.X)  # case-sensitive: cheaper


# Shapes whose quantity follows from the words matched alone (their groups lie inside the
# match), so a number written again ("2020", "5%") is read once: most numbers in economic
# copy are repeats, years above all (four in five of the benchmark corpus's plain
# numbers, money and percentages; 6% fewer instructions reading numbers).
_READ_ALONE = frozenset({"plain", "money", "percent"})
_READ: dict[tuple[str, str], dict | None] = {}  # (shape, words) -> the quantity's fields
_READ_LIMIT = 4096  # emptied when full: a long document's numbers do not pile up
_UNREAD = object()


def find_quantities(text: str) -> list[Quantity]:
    lowered = _lowered(text)
    quantities = []
    for match in _matches(lowered):
        kind = match.lastgroup
        if kind == "percent" and _not_a_range(match):
            quantities.extend(_split_range(text, match))
            continue
        if kind not in _READ_ALONE:
            quantity = _build(kind, match, text)
            if quantity is not None and math.isfinite(quantity.value):
                quantities.append(quantity)
            continue
        start, end = match.span()
        key = (kind, text[start:end])
        read = _READ.get(key, _UNREAD)
        if read is _UNREAD:
            quantity = _build(kind, match, text)
            read = quantity.__dict__ if quantity is not None and math.isfinite(quantity.value) else None
            if len(_READ) >= _READ_LIMIT:
                _READ.clear()
            _READ[key] = read
        if read is not None:
            values = read.copy()  # the fields in their order, then moved to this place
            values["start"], values["end"] = start, end
            quantities.append(_with_fields(values))
    if len(quantities) > 1 and "between" in lowered:  # a plain search: (?i) costs a tenth of the reading
        return _between_ranges(text, quantities)
    return quantities


BETWEEN = re.compile(r"\bbetween\s+$", re.I)
AND = re.compile(r"\s+and\s+")


def _between_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """"between $280bn and $300bn", "between 5% and 6%": two quantities that are one range."""
    merged: list[Quantity] = []
    index = 0
    while index < len(quantities):
        low = quantities[index]
        high = quantities[index + 1] if index + 1 < len(quantities) else None
        opening = BETWEEN.search(text[max(0, low.start - 12):low.start])
        if (high is not None and opening and AND.fullmatch(text[low.end:high.start])
                and low.unit == high.unit and low.unit != "number" and low.low is None and high.low is None
                and low.value < high.value):
            start = low.start - (len(opening.group(0)))
            merged.append(replace(low, text=text[start:high.end], start=start, end=high.end,
                                  value=(low.value + high.value) / 2, low=low.value, high=high.value))
            index += 2
            continue
        merged.append(low)
        index += 1
    return merged


def _not_a_range(match: re.Match[str]) -> bool:
    """"from 38% to 23%" is a change and "2023 to 40%" a year and a rate, not ranges."""
    high_text = match.group("p_high") or match.group("p_high_to")
    if not high_text:
        return False
    low_text = match.group("p_num")
    low, high = _number(low_text)[0], _number(high_text)[0]
    year_like = re.fullmatch(r"(?:1[89]|20)\d\d", low_text) is not None
    after_from = re.search(r"\bfrom\s+$", match.string[max(0, match.start() - 6): match.start()], re.I) is not None
    return year_like or after_from or high < low


def _split_range(text: str, match: re.Match[str]) -> list[Quantity]:
    """The two ends of a false range, each a quantity of its own."""
    low_start, low_end = match.span("p_num")
    if text[low_end:low_end + 1] == "%":
        low_end += 1
    high_group = "p_high" if match.group("p_high") else "p_high_to"
    high_start = match.start(high_group)
    return [
        replace(q, start=q.start + offset, end=q.end + offset)
        for offset, piece in ((low_start, text[low_start:low_end]), (high_start, text[high_start:match.end()]))
        for q in find_quantities(piece)
    ]


_QUANTITY_DEFAULTS = {f.name: f.default for f in fields(Quantity)}


def _with_fields(values: dict) -> Quantity:
    """A Quantity holding these fields (all of them, in order), made without the frozen
    dataclass's __init__, which sets its fourteen fields one by one through
    object.__setattr__ and cost a sixth of reading the numbers."""
    quantity = object.__new__(Quantity)
    object.__setattr__(quantity, "__dict__", values)
    return quantity


def _quantity(text: str, value: float, unit: str, start: int, end: int, decimals: int = 0, significant: int = 1,
              **others) -> Quantity:
    values = _QUANTITY_DEFAULTS.copy()
    values["text"], values["value"], values["unit"], values["start"], values["end"] = text, value, unit, start, end
    values["decimals"], values["significant"] = decimals, significant
    if others:
        values.update(others)
    return _with_fields(values)


def _build(kind: str, match: re.Match[str], written: str) -> Quantity | None:
    start, end = match.span()
    text = written[start:end]
    if kind == "plain" or kind == "w_amount":  # first: most quantities are plain numbers
        return _amount(kind, match, start, end, text)
    if kind == "money":
        value, decimals, significant = _number(match.group("m_num"))
        scale = match.group("m_scale")
        if match.group("m_letter"):
            # "$980B", "~$2.02T": a scale in one capital letter, attached (never "$5m" read as "5m").
            letter = written[match.start("m_letter")]
            if not letter.isupper():
                return None
            scale = {"T": "tn", "B": "bn", "M": "mn"}[letter]
        sign_start, sign_end = match.span("cur")
        sign = written[sign_start:sign_end]
        if not _money_sign_holds(sign, match.group("m_num"), scale):
            return None
        currency = PREFIX_CURRENCIES.get(sign) or _PREFIX_BY_CASE[sign.casefold()]
        low = high = None
        if match.group("m_high"):
            low, high = _scaled(value, scale), _scaled(_number(match.group("m_high"))[0], scale)
            value = (low + high) / 2
            return _quantity(text, value, f"currency:{currency}", start, end, decimals, significant, low=low, high=high)
        return _quantity(text, _scaled(value, scale), f"currency:{currency}", start, end, decimals, significant)
    if kind == "percent":
        value, decimals, significant = _number(match.group("p_num"))
        if match.group("p_high") or match.group("p_high_to"):
            high = _number(match.group("p_high") or match.group("p_high_to"))[0]
            return _quantity(text, (value + high) / 2, "percent", start, end, decimals, significant, low=value, high=high)
        return _quantity(text, value, "percent", start, end, decimals, significant)
    if kind == "w_percent":
        return _quantity(text, float(word_number(match.group("w_num"))), "percent", start, end)
    if kind == "times":
        if match.group("x_num"):
            value, decimals, significant = _number(match.group("x_num"))
            return _quantity(text, value, "ratio", start, end, decimals, significant)
        return _quantity(text, TIMES_WORDS[match.group("x_word").lower()], "ratio", start, end, approximate=True)
    if kind == "multiple":
        return _quantity(text, MULTIPLE_VERBS[text.lower()], "percent", start, end, approximate=True, change=True)
    if kind == "fraction":
        count = FRACTION_COUNTS.get((match.group("f_count") or "one").lower(), 1)
        part = match.group("f_part").lower()
        if part in ("half", "halves") and not match.group("f_count"):
            count = 1
        if match.group("f_size"):  # "a tenth the size of": a ratio of 0.1
            return _quantity(text, count / FRACTION_WORDS[part], "ratio", start, end, approximate=True)
        # "A third" is a round figure: read it as hedged, like "about 33%".
        return _quantity(text, 100.0 * count / FRACTION_WORDS[part], "percent", start, end, approximate=True)
    if kind == "top_growth":
        written = match.group("g_num").lower()
        rank = _rank(written, CARDINAL_WORDS)
        if rank is None:
            return None
        return _quantity(text, rank, "rank", start, end, rank_kind="top", rank_by="growth")
    if kind == "fastest":
        written = (match.group("f_ord") or "first").lower()
        rank = _rank(written, ORDINAL_WORDS)
        if rank is None:
            return None
        order = "ascending" if match.group("f_dir").lower() == "slowest" else "descending"
        return _quantity(text, rank, "rank", start, end, rank_kind="ordinal", rank_by="growth", rank_order=order)
    if kind == "record":
        order = "ascending" if match.group("r_dir").lower() == "low" else "descending"
        return _quantity(text, 1.0, "rank", start, end, rank_kind="ordinal", rank_order=order)
    if kind == "top":
        written = match.group("t_num").lower()
        rank = _rank(written, CARDINAL_WORDS)
        if rank is None:
            return None
        return _quantity(text, rank, "rank", start, end, rank_kind="top")
    if kind == "first_place":
        return _quantity(text, 1.0, "rank", start, end, rank_kind="ordinal")
    if kind in ("ordinal", "place"):
        if kind == "place" and match.group("sc_num"):
            # "first in Africa", not "the first in a series": a place's name has a capital.
            after = written[match.end(): match.end() + 40]
            scope = re.match(r"\s+in\s+(\S)", after)
            if scope and not scope.group(1).isupper():
                return None
        written = (match.group("o_num") if kind == "ordinal"
                   else match.group("pl_num") or match.group("rk_num") or match.group("sc_num")
                   or match.group("b_num")).lower()
        rank = _rank(written, ORDINAL_WORDS)
        if rank is None:
            return None
        order = "ascending" if kind == "ordinal" and match.group("o_word").lower() in ASCENDING else "descending"
        return _quantity(text, rank, "rank", start, end, rank_kind="ordinal", rank_order=order)
    if kind == "superlative":
        order = "ascending" if match.group("s_word").lower() in ASCENDING else "descending"
        return _quantity(text, 1.0, "rank", start, end, rank_kind="ordinal", rank_order=order)
    return None


def _money_sign_holds(sign: str, number: str, scale: str | None) -> bool:
    """An ISO 4217 code counts in capitals only ("KZT 5", never "all 70" or "usd 5"); other
    abbreviations in any case ("KSH", "ksh"); a single letter ("N", "K", "R") only as
    written and before an amount that reads as money: with a scale word, a decimal point
    or thousands separators ("K79.6 billion", not "K9")."""
    letters = sign.rstrip(".")
    if letters.upper() in ISO_CODES and letters != letters.upper():
        return False
    if len(letters) == 1 and letters.isalpha():
        return letters.isupper() and (bool(scale) or any(c in number for c in ".,"))
    return True


RANK_DIGITS = re.compile(r"\d{1,4}(?!\d)")


def _rank(written: str, words: dict[str, int]) -> float | None:
    """A rank as written ("third", "3rd", "10"); None for a run of digits no league table has."""
    if written in words:
        return float(words[written])
    digits = RANK_DIGITS.match(written)
    return float(digits.group(0)) if digits else None


def _amount(kind: str, match: re.Match[str], start: int, end: int, text: str) -> Quantity:
    """A plain number or an amount in words, with a currency if one is written after it."""
    if kind == "w_amount":  # "one trillion dollars", "two million"
        value, decimals, significant = float(word_number(match.group("wa_num"))), 0, 1
        value, written_currency = _scaled(value, match.group("wa_scale")), match.group("wa_cur")
    else:
        number, scale, written_currency = match.group("n_num", "n_scale", "n_cur")
        value, decimals, significant = _number(number)
        if scale:
            value *= SCALES[scale.lower()]
    if written_currency:
        as_written = text[match.start("n_cur" if kind == "plain" else "wa_cur") - start:][:len(written_currency)]
        if written_currency.upper() in ISO_CODES and written_currency.lower() not in _CURRENCIES.get("suffix", {}) \
                and as_written != written_currency.upper():
            # "Kenya's 4 all" is no money: a code counts in capitals only.
            end = start + match.start("n_cur" if kind == "plain" else "wa_cur") - start
            text = text[: end - start].rstrip()
            end = start + len(text)
        else:
            currency = SUFFIX_CURRENCIES[written_currency.lower()]
            return _quantity(text, value, f"currency:{currency}", start, end, decimals, significant)
    return _quantity(text, value, "number", start, end, decimals, significant)


def shifted(quantity: Quantity, offset: int) -> Quantity:
    """The same quantity with its offsets moved (into a sentence's own)."""
    values = quantity.__dict__.copy()
    values["start"] += offset
    values["end"] += offset
    return _with_fields(values)


def word_number(text: str) -> int:
    """"twenty-five" -> 25, "a hundred" -> 100."""
    words = re.split(r"[\s-]+", text.lower())
    if words[-1] == "hundred":
        return 100
    return sum(TENS_WORDS.get(w, 0) + UNITS_WORDS.get(w, 0) for w in words)


SCALED = re.compile(rf"(?:\d\s?|\b{WORD_NUMBER}\s){SCALE}", re.I)


def is_scaled(quantity: Quantity) -> bool:
    """True when a plain number carries a scale word ("19.6 million", "two million")."""
    return SCALED.search(quantity.text) is not None
