"""Suggested wording: a sentence the data supports, for the editor to paste or adapt.

Built from the reading that decided the verdict, rounded as a reporter would write it
and attributed to the source: "Kazakhstan's real GDP growth was 4.8% in 2024 (World
Bank, World Development Indicators, last updated 2026-07-01)."
"""
from __future__ import annotations

import math
import re

from . import format as fmt
from .catalogue import indicators
from .records import Evidence, Verdict, VerdictKind


def suggested_wording(verdict: Verdict) -> str:
    """One sentence; empty when there is nothing the data supports (unverifiable)."""
    reading = verdict.primary
    if verdict.verdict == VerdictKind.UNVERIFIABLE or reading is None or reading.actual is None:
        return ""
    claim, resolution = verdict.claim, verdict.resolution
    indicator = indicators().get(resolution.indicator or "")
    if indicator is None or not reading.evidence:
        return ""
    evidence = reading.evidence[0]
    who = resolution.entity_name or resolution.group_name or "the economy"
    label = indicator.label
    was = "were" if _plural(label) else "was"
    years = _years(verdict, reading)
    value = reading.actual
    decimals = _decimals(claim)
    statistic = claim.statistic
    if statistic == "share":
        text = (f"{who} accounted for about {_percent(value, decimals)} of {_possessive(resolution.group_name)} "
                f"{label} {years}")
    elif statistic == "rank":
        scope = resolution.group_name or "the world"
        text = f"{who} ranked {fmt.ordinal(int(value))} in {scope} by {label} {years}"
    elif statistic == "record":
        # "Germany's inflation in 2023 was the second-highest of 1991–2023".
        word = "lowest" if claim.quantity is not None and claim.quantity.rank_order == "ascending" else "highest"
        words = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
        place = "the " + (word if int(value) == 1 else f"{words.get(int(value), fmt.ordinal(int(value)))}-{word}")
        first = reading.detail.split(" years ")[1].split(" ")[0] if " years " in reading.detail else ""
        text = f"{_possessive(who)} {label} in {evidence.years} was {place} of the years {first}"
        return f"{text[0].upper()}{text[1:]} ({_attribution(evidence)})."
    elif statistic == "ratio":
        # "China's", but "the EU average" as it is.
        other = resolution.other_name or "the other"
        other = other if other.endswith(" average") else _possessive(other)
        size = f"{value:.1f} times {other}" if value >= 1 else f"about {value * 100:.0f}% of {other}"
        text = f"{_possessive(who)} {label} {was} {size} {years}"
    elif statistic == "average":
        text = f"{_possessive(who)} {label} averaged {_level(value, reading.unit, decimals)} a year {years}"
    else:
        text = f"{_possessive(who)} {label} {was} {_level(value, reading.unit, decimals)} {years}"
    text += _status(evidence)
    support = next((r for r in verdict.alternatives if r.verdict == VerdictKind.ACCURATE and r.actual is not None
                    and r.evidence), None)
    if verdict.verdict == VerdictKind.MISLEADING and support is not None:
        # The reading under which the claim holds, said outright: "..., and about 69% over 1992–2024".
        text += f", and about {_level(support.actual, support.unit, decimals)} {_years(verdict, support)}"
        if support.evidence[0].source != evidence.source:
            text += f" ({_attribution(support.evidence[0])})"
    return f"{text[0].upper()}{text[1:]} ({_attribution(evidence)})."


def _years(verdict: Verdict, reading) -> str:
    """"in 2024", or "over 2001–2025" for a span."""
    evidence = reading.evidence[0]
    first, _, last = evidence.years.partition("–")
    return f"over {first}–{last}" if last else f"in {first}"


def _plural(label: str) -> bool:
    """"total reserves" were, "GDP" was: the head noun before "of" or a comma."""
    head = re.split(r" of |,", label)[0].split()[-1]
    return head.endswith("s") and head not in ("GDP", "gross")


def _decimals(claim) -> int:
    """As precise as the article was; a rate or level with at least one decimal."""
    written = claim.quantity.decimals if claim.quantity is not None else 1
    return written if claim.statistic == "share" else max(1, written)


def _percent(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}%"


def _level(value: float, unit: str, decimals: int) -> str:
    if unit == "percent":
        return _percent(value, decimals)
    return rounded_amount(value, unit)


def rounded_amount(value: float, unit: str, significant: int = 3) -> str:
    """"$262 billion", "26.7 million people", "$14,400": three significant digits."""
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    prefix = "$" if unit == "USD" else ""
    noun = " people" if unit == "persons" else ""
    for size, word in fmt.SCALE_WORDS:
        if magnitude >= size:
            scaled = _round(magnitude / size, significant)
            return f"{sign}{prefix}{scaled:,.{_places(scaled, significant)}f} {word}{noun}"
    scaled = _round(magnitude, significant)
    return f"{sign}{prefix}{scaled:,.{_places(scaled, significant)}f}{noun}"


def _round(value: float, significant: int) -> float:
    digits = significant - int(math.floor(math.log10(value))) - 1
    return round(value, digits)


def _places(value: float, significant: int) -> int:
    return max(0, significant - int(math.floor(math.log10(value))) - 1) if value else 0


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _status(evidence: Evidence) -> str:
    if evidence.estimate_years:
        return ", an estimate or projection"
    return ""


def _attribution(evidence: Evidence) -> str:
    return f"{evidence.source}, {evidence.edition}" if evidence.edition else evidence.source
