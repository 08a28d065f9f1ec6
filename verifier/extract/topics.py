"""What a sentence or a list item is about when it does not say: the topic it carries on.

Real copy names the measure once and goes on without it: "FDI in Egypt reached $9.8
billion in 2023. This marks a rise from $9 billion in 2019"; "In 2017, the figure stood
at $50 billion"; a list under "Africa's largest economies in 2024, according to the IMF:"
whose rows say only "2. Egypt $347.5 billion". Two rules read these:
- a sentence that names no measure its number can have takes the measure of the last
  claim in its paragraph or the paragraph before (a topic), when the number's kind fits
  it; words pointing back ("the figure", "this rate", "it") make that certain, and
  without them the reading is marked as a doubt;
- a list item or table row takes from its lead (and the heading above) what it leaves
  out: the measure, the year, the source, the unit of bare numbers ("in billions of
  dollars"), and, when the lead ranks ("the top 10 ... with the highest debt ratios"),
  the rank its number gives, within the lead's scope.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..catalogue import Indicator
from ..geography import Mention, geography
from ..records import Claim, Document, Period, Quantity
from .cues import _Cue, _cues, _sources_named

# Words that point back to a measure named before: the reading is then not a guess.
POINTS_BACK = re.compile(r"\b(?:the|this|that|the same)\s+(?:figure|number|indicator|rate|ratio|level|amount|total|sum"
                         r"|measure|value|share|pace|growth\s+rate)\b|^\s*(?:it|this|that|which)\b"
                         r"|\b(?:it|which)\s+(?:has\s+|had\s+)?(?:stood|was|is|reached|rose|fell|hit|came|grew|dropped)\b",
                         re.I)
# A lead that ranks what it lists: "the top 10 ...", "the largest economies", "highest rates".
RANKING = re.compile(r"\b(?:top\s+(?:\d+|ten|five|twenty|three|four|fifteen)|largest|biggest|highest|lowest|smallest"
                     r"|richest|poorest|fastest[\s-]growing|slowest[\s-]growing|leading|ranking|ranked|rankings"
                     r"|league\s+table)\b", re.I)
ASCENDING = re.compile(r"\b(?:lowest|smallest|poorest|slowest[\s-]growing|least)\b", re.I)
# The unit a lead or header gives its bare numbers: "measured in billions of dollars",
# "(US$ billion)", "in $bn", "% of GDP".
LEAD_UNIT = re.compile(r"\b(?:in\s+)?(?P<scale>billions|millions|trillions|billion|million|trillion|bn|mn|tn)\s+(?:of\s+)?"
                       r"(?:US\s*)?(?:dollars|\$|USD)|(?:US)?\$\s?(?P<scale2>billion|million|trillion|bn|mn|tn)\b", re.I)
SCALE_WORDS = {"billions": 1e9, "billion": 1e9, "bn": 1e9, "millions": 1e6, "million": 1e6, "mn": 1e6,
               "trillions": 1e12, "trillion": 1e12, "tn": 1e12}


@dataclass(frozen=True)
class Topic:
    """The measure a sentence carries on from before."""

    indicator: Indicator
    cue: str  # the words that named it
    where: str  # "the sentence before", "the list's lead"


@dataclass(frozen=True)
class ListContext:
    """What a list item or table row takes from the block that introduces its list."""

    text: str  # the lead's words (with the line before when the lead is only a header)
    cues: tuple[_Cue, ...]
    period: Period | None
    source: str | None
    ranking: bool  # the lead ranks what it lists
    ascending: bool  # ... from the bottom ("the lowest")
    scope: Mention | None  # the group the ranking is within
    scale: float | None  # the unit of bare numbers, in US$ ("in billions of dollars": 1e9)
    number: int | None  # the item's number in its list


# Words that say nothing of what is measured: in a clause of only these (and place names,
# numbers and dates), a number can carry on the paragraph's measure. Any other word
# ("pledges", "cost", "benchmark rate", "spending") names what the number is about.
FUNCTION_WORDS = frozenset("""
a an the this that these those it its their our his her which who whose such same other
in at to from of on by for with over since during between among than as up down about around nearly almost some
roughly approximately just only under above below more less into onto per via through until till
and but or while whereas although though compared against versus vs also still again even then
is was were are be been being has had have will would could may might did does do shall should can
year years month months quarter quarters decade decades period time annual annually yearly previous last next
earlier later before after now currently today ago end beginning start mid early late first second half
january february march april may june july august september october november december
stood stands stand standing reached reaching reach reaches rose risen rise rising rises fell fallen falling falls
dropped dropping drop drops hit hitting climbed climbing jumped jumping surged surging increased increasing
decreased decreasing declined declining grew growing grown expanded expanding contracted contracting shrank shrunk
amounted amounting totalled totaled totalling totaling came coming recorded recording registered registering
posted posting attracted attracting attract received receiving receive drew secured marks marked mark saw seen
touched crossed topped exceeded surpassed remained remain remains stayed settled edged slipped slid rebounded
recovered improved worsened moved ranking ranked ranks rank placed finished took taking put puts estimated
figure figures number indicator level value amount total sum country nation state rise increase decline
fall jump consistent steady sharp slight modest strong robust new record further additional another higher lower
high low all-time place spot position globally worldwide according data latest show showed shows said says report
reported respectively overall nearly barely slightly compared comparison versus record-high record-low
percent per cent pct points all whole entire alone already together combined jointly altogether collectively meanwhile however still yet almost likewise
similarly otherwise instead thus therefore hence accordingly consequently reportedly officially provisionally
preliminarily initially finally eventually recently lately
moderate moderated moderating moderates ease eased easing eases slow slowed slowing slows accelerate accelerated
accelerating accelerates decelerate decelerated decelerating edge edges edging pick picked picking stabilize stabilise
stabilized stabilised stabilizing stabilising dip dipped dipping soften softened softening continue continued
continuing expected projected forecast forecasted predicted anticipated seen set likely poised estimate marginally
significantly substantially gradually slightly somewhat imf oecd
billion billions million millions trillion trillions bn tn mn usd dollars dollar
made makes make equalled equaled comprised constituted
estimates provisional preliminary indicate indicates indicated suggest suggests suggested
represents represented representing equivalent equals equal equalling corresponds corresponding
""".split())


def names_something_else(clause: str, places: list[tuple[int, int]] | None = None) -> bool:
    """Whether the clause before a number names a subject of its own ("investment pledges
    totalled", "the benchmark rate to"), as opposed to only pointing, dating and moving.
    `places`: where the clause names countries and groups (found here when not given)."""
    text = clause
    if places is None:
        places = [(m.start, m.end) for m in geography().mentions(clause)]
    for start, end in sorted(places, reverse=True):
        if 0 <= start < end <= len(text):
            text = text[:start] + " " + text[end:]
    for word in re.findall(r"[^\W\d_][\w'’-]*", text):
        word = re.sub(r"['’]s?$", "", word.lower())
        if len(word) >= 3 and word not in FUNCTION_WORDS:
            return True
    return False


def topic_of(claim: Claim, indicator: Indicator, where: str = "the sentence before") -> Topic:
    return Topic(indicator, claim.indicator_cue.split(" (")[0], where)


def points_back(clause: str) -> bool:
    return POINTS_BACK.search(clause) is not None


def fits(quantity: Quantity, indicator: Indicator) -> bool:
    """Whether a number of this kind can be a value of the indicator."""
    if quantity.unit == "percent":
        return indicator.measure in ("rate", "ratio")
    if quantity.unit == "rank":
        return True
    if quantity.unit.startswith("currency:"):
        return indicator.measure == "level" and indicator.unit == "USD"
    return False


def list_context(document: Document, block_index: int) -> ListContext | None:
    """The context a list item or table row (or a paragraph in a list) reads from its lead."""
    blocks = document.blocks
    if block_index >= len(blocks):
        return None
    block = blocks[block_index]
    if block.lead is None:
        return None
    lead = blocks[block.lead]
    text = document.text[lead.start: lead.end]
    # A header line ("Country Inflation rate in 2022") sits under the sentence that says
    # what the list is: read both.
    if block.lead > 0 and (len(text) < 60 or not re.search(r"[.!?:]\s*$", text)):
        before = blocks[block.lead - 1]
        if before.kind in ("paragraph", "heading", "title"):
            text = document.text[before.start: before.end] + " \n " + text
    heading = document.text[blocks[block.heading].start: blocks[block.heading].end] if block.heading is not None else ""
    # The year may stand a paragraph or two above the lead: "... the highest FDI in 2023."
    for index in range(block.lead - 1, max(-1, block.lead - 3), -1):
        if blocks[index].kind in ("paragraph", "heading", "title"):
            heading = document.text[blocks[index].start: blocks[index].end] + " \n " + heading
    return _lead(text, heading, block.number if block.kind == "item" else None)


@lru_cache(maxsize=64)
def _lead(text: str, heading: str, number: int | None) -> ListContext:
    from .periods import _period_in

    period = _period_in(text, len(text), len(text)) or (_period_in(heading, len(heading), len(heading)) if heading else None)
    if period is not None and period.kind not in ("year", "range"):
        period = None
    sources = _sources_named(text) or (_sources_named(heading) if heading else ())
    ranking = RANKING.search(text) is not None
    groups = [m for m in geography().mentions(text) if m.kind == "group"]
    unit = LEAD_UNIT.search(text)
    scale = SCALE_WORDS[(unit.group("scale") or unit.group("scale2")).lower()] if unit else None
    return ListContext(
        text=text,
        cues=tuple(c for c in _cues(text) if c.indicator is not None),
        period=period,
        source=sources[0][1] if sources else None,
        ranking=ranking,
        ascending=ASCENDING.search(text) is not None,
        scope=groups[0] if groups else None,
        scale=scale,
        number=number,
    )


def lead_cue(context: ListContext, quantity: Quantity, compatible) -> _Cue | None:
    """The lead's measure word this number can be a value of (the last one named)."""
    fitting = [c for c in context.cues if compatible(c.indicator)]
    return fitting[-1] if fitting else None
