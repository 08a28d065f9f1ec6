"""Which measure words (indicator cues) a sentence holds, and which source it cites."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..catalogue import (Indicator, count_units, indicators, other_measures, other_subjects, part_words,
                         rebuilt_on_extend)
from ..geography import INSTITUTIONS, geography
from ..patterns import trie_alternation
from ..records import Claim, Quantity


SOURCES_CITED = [
    ("imf", re.compile(r"\bIMF\b|\bInternational Monetary Fund\b|\bWorld Economic Outlook\b|\bWEO\b")),
    ("world_bank", re.compile(r"\bWorld Bank\b|\bWorld Development Indicators\b|\bWDI\b")),
]


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


def _indicator_of(claim: Claim) -> Indicator:
    return indicators()[claim.indicator]


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
    # Institutions named with these words are sources, not subjects ("the Bank of Ghana").
    return re.compile(rf"(?<!World )(?<!central )(?<!Central )(?<!development )(?<!Development )(?<!national )"
                      rf"(?<!National )(?<!Reserve )(?<![\w-])(?:{nouns})(?![\w-])(?!\s+of\s+[A-Z])", re.I)


@rebuilt_on_extend
@lru_cache(maxsize=1)
def _part_word() -> re.Pattern[str]:
    words = trie_alternation([w.lower() for w in part_words()])
    # The part word right before the measure, or before one more word ("industrial production output").
    return re.compile(rf"(?<![\w-])(?:{words})(?:\s+[a-z]+)?\s+$", re.I)


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str
    indicator: Indicator | None  # None: a measure the catalogue does not check


def _cues(sentence: str) -> list[_Cue]:
    pattern, by_phrase, others = _cue_table()
    found = []
    # "International Monetary Fund", "World Bank": names, not a fund or a bank's figures.
    names = [m.span() for m in INSTITUTIONS.finditer(sentence)] if any(map(sentence.__contains__, ("Fund", "Bank"))) else []
    for match in pattern.finditer(sentence):
        if names and any(start <= match.start() < end for start, end in names):
            continue
        phrase = match.group(0).lower()
        part = _part_word().search(sentence, max(0, match.start() - 30), match.start()) if phrase in by_phrase else None
        if part is not None:
            # "coal imports", "industrial production output": a part's measure, not the economy's.
            found.append(_Cue(part.start(), match.end(), sentence[part.start():match.end()], None))
            continue
        for indicator in by_phrase.get(phrase, ()):
            found.append(_Cue(match.start(), match.end(), match.group(0), indicator))
        if phrase not in by_phrase and phrase in others and not (
                phrase == "projects" and SAYS_VERB.search(sentence, max(0, match.start() - 30), match.start())
                or phrase.startswith("exchange rate") and AT_RATES.search(sentence, max(0, match.start() - 30),
                                                                          match.start())):
            found.append(_Cue(match.start(), match.end(), match.group(0), None))
    return _growth_of_what_follows(sentence, found)


GROWTH_OF = re.compile(r"\s+(?:rates?\s+)?(?:in|of)\s+(?:the\s+|its\s+|[\w]+['’]s\s+)?$", re.I)


def _growth_of_what_follows(sentence: str, found: list[_Cue]) -> list[_Cue]:
    """"growth rates in per capita income", "growth of GDP per capita": the growth of the
    level named after it, when the catalogue has that level's growth rate."""
    growth = indicators()["gdp"].growth
    for index, cue in enumerate(found[:-1]):
        following = found[index + 1]
        if (found[index] is None or following is None or cue.indicator is None or cue.indicator.key != growth or following.indicator is None
                or following.indicator.measure != "level" or following.indicator.key == "gdp"):
            continue
        if not GROWTH_OF.fullmatch(sentence[cue.end:following.start]):
            continue
        keys = (following.indicator.key, *following.indicator.also)
        rate = next((indicators()[k].growth for k in keys if indicators()[k].growth), None)
        found[index] = _Cue(cue.start, following.end, sentence[cue.start:following.end],
                            indicators()[rate] if rate else None)
        found[index + 1] = None
    return [cue for cue in found if cue is not None]


# "$4.0 trillion at market exchange rates": how an amount was converted, not a measure.
AT_RATES = re.compile(r"\b(?:at|using|on|in)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
# "the IMF projects": after the one speaking, "projects" is its verb, not a measure
# ("infrastructure projects").
SAYS_VERB = re.compile(r"\b(?:IMF|Fund|Bank|OECD|government|ministry|agency|office|it|which|that|who|he|she|they)\s+$")


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
