"""A number read as a claim: what it measures, the operator, the statistic; the rules that decide."""
from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..catalogue import (Indicator, indicators)
from ..geography import geography
from ..quantities import find_quantities, is_scaled, shifted
from ..records import Claim, Document, Period, Quantity
from .context import ASIDE, _Context, _clause_before
from .cues import (_Cue, _company_subject, _count_unit, _cues, _indicator_of, _peoples, _pronoun_subject, _source_cited,
                   _sources_named)
from .entities import (OF_GDP, _compared_with, _entity, _group_average_after, _group_nearby, _rank_scope, _share_group,
                       _subject_group, main_country)
from .periods import _period, _period_in
from .sentences import MAX_NUMBERS_PER_SENTENCE, _is_prose, split_sentences
from .topics import ListContext, Topic, fits, lead_cue, list_context, names_something_else, points_back, topic_of


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


_HEDGE = r"(?:more than|over|about|around|nearly|almost|roughly|some|at least|less than|just over|just under|approximately|an estimated)"


# A change verb right before the number: "grew 5%", "shrank by 0.5%", "has grown by an
# average of 3.7%". The number is then the rate of change of the verb's subject.
CHANGE_VERB = re.compile(
    r"\b(?P<verb>grew|grown|grow|grows|growing|rose|risen|rise|rises|rising|increased|increases|increasing|expanded"
    r"|expands|expand|expanding|jumped|climbed|advanced|surged|soared|contracted|contracts|contract|contracting"
    r"|shrank|shrunk|shrinks|shrinking|fell|fallen|falls|falling|declined|declines|declining|dropped|dropping|drops"
    r"|decreased|slumped|slipped|plunged|plummeted|tumbled|(?:was|were|is|are|been)\s+(?:up|down)|up|down"
    # After "to" or a modal: "is projected to decline by 2%", "could fall 3%".
    r"|(?<=to\s)(?:increase|decline|fall|drop|decrease|jump|climb|surge|plunge|slump|soar)"
    r"|(?<=will\s)(?:increase|decline|fall|drop|decrease|jump|climb|surge|plunge|slump|soar))"
    # "increased its economy by 7%": an object between the verb and "by".
    r"(?:\s+(?:its|their|the)\s+(?:\w+\s+){0,2}?(?=by\b))?"
    r"\s+(?:only\s+|just\s+|merely\s+)?(?:by\s+)?"
    r"(?:a\s+further\s+|another\s+|an\s+additional\s+)?(?:an?\s+(?:annual\s+)?average\s+(?:of\s+)?"
    # "a staggering 28.8%", "a painful 6.1%": one word describing the figure.
    rf"|on\s+average\s+)?(?:{_HEDGE}\s+)?(?:an?\s+(?:[a-z-]+\s+)?)?$",
    re.I,
)
# "a 0.9 percent fall", "an increase of 2.8%": the change named by a noun beside the number.
CHANGE_NOUN_BEFORE = re.compile(r"\b(?P<noun>increase|rise|growth|expansion|gain|jump|decline|fall|drop|contraction"
                                r"|decrease|slump)\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)
FALLING_NOUNS = {"decline", "fall", "drop", "contraction", "decrease", "slump"}
# "0.9 percent lower in 2023 compared to 2022": the change of a level, read as its growth.
LOWER_HIGHER_AFTER = re.compile(r"\s+(?P<word>lower|higher|smaller|larger|bigger|less|more)\s+(?:in|than|compared|from"
                                r"|year[- ]on[- ]year|on\s+the\s+year)\b", re.I)


FALLING = {"contracted", "contracts", "contract", "contracting", "shrank", "shrunk", "shrinks", "shrinking", "fell",
           "fallen", "falls", "falling", "declined", "declines", "declining", "dropped", "dropping", "drops", "decreased",
           "slumped", "slipped", "plunged", "plummeted", "tumbled", "down"}


# "is not the highest", "has not slipped to 164th place", "and not 9% as claimed": the
# sentence denies the figure.
NEGATED = re.compile(r"\b(?:not|never|n['’]t)\s+(?!only\b|just\b|less\b|more\b|least\b)(?:[\w'’-]+\s+){0,3}$", re.I)
# Patterns that end at the number look only this far back: each is bounded well within it,
# and scanning a long sentence's whole opening for every number cost a sixth of the reading.
TAIL = 120
# Any character but a sentence's or clause's end; a point inside a number ("6.5") is not one.
WITHIN_SENTENCE = r"(?:[^.;]|\.(?=\d))"
# A headline's future: "India to be world's third-largest economy", "Kenya to overtake ...".
HEADLINE_FUTURE = re.compile(r"^\W*(?:[A-Z][\w'’.-]*\s+){1,4}to\s+(?:be|become|overtake|surpass|remain|reach|hit|grow)\b")
# Plans and targets are not statements of fact: "plans to cut debt to 55% of GDP by 2028".
TARGET = re.compile(r"\b(?:plans?|planned|aims?|aiming|targets?|targeting|targeted|goal|seeks?|pledged?|promised?|wants?"
                    r"|intends?|vows?|vowed|hopes?|hoped|ambition|envisages?|budgeted|seeking|aimed|guarantees?|guaranteed"
                    r"|needs?\s+to|must|should|required|requires"
                    rf")\b{WITHIN_SENTENCE}{{0,100}}$", re.I)
# Forecasts: a claim only when an institution whose figures the data hold makes them (the
# IMF's projection is a fact about the IMF's projection); anyone else's is no claim.
FORECAST = re.compile(r"\b(?:forecasts?|forecasted|forecasting|projects?|projected|projecting|projections?|expects?"
                      r"|expected|expecting|predicts?|predicted|anticipates?|anticipated|(?:is|are)\s+seen|estimates?\s+that"
                      r"|will|would|could|(?-i:may)|might|set\s+to|poised\s+to|on\s+track\s+to|likely\s+to|outlook"
                      r"|\w+['’]ll)\b"
                      rf"{WITHIN_SENTENCE}{{0,80}}$", re.I)


CHANGE_OVER_YEARS = re.compile(r"\s+(?:increase|rise|jump|gain|growth|decline|drop|fall|expansion)\s+(?:in|over|across)\s+"
                               r"(?:just\s+|only\s+|the\s+(?:last|past)\s+)?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine"
                               r"|ten|twenty|a\s+decade|decades?)\b", re.I)
CONTRIBUTING = re.compile(r"\bcontribut(?:e|es|ed|ing)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", re.I)
FORECAST_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:projected|forecast|forecasted|expected|predicted|anticipated)\s+by\s+"
                            r"(?P<who>[^,.;]{1,60})", re.I)
MARKET_VIEW = re.compile(r"\b(?:economists?|analysts?|markets?|consensus|polls?|surveys?|forecasters|market\s+watchers"
                         r"|investors|traders)\b", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+|an?\s+)?$", re.I)
# "from $2.10 trillion (i.e. $2,103.6 billion)": the figure restated in brackets, where the
# words before the first one decide.
RESTATED = re.compile(r"(?:[$€£]\s?)?\d[\d.,]*(?:\s?(?:%|per\s?cent|percent|trillion|billion|million|bn|tn|crore|lakh))?"
                      r"\s*\(\s*(?:i\.\s?e\.?,?|ie,?|that\s+is,?|or|about|roughly)?\s*$", re.I)








COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|up\s+from|down\s+from)\s+"
                           r"(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)


GOAL_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:target|goal|objective|ceiling|band)\b"
                        # "the 7.2 percent expansion needed to meet the target": what would be required
                        r"|\s+(?:[\w-]+\s+){0,2}?(?:needed|required|necessary)\s+(?:to|for)\b", re.I)
# "an increase of 160 USD", "up by $2 billion": an amount that is a difference, not a level.
# "the IMF threshold of 50%", "a ceiling of 60% of GDP": a reference level, not a figure.
GOAL_BEFORE = re.compile(r"\b(?:threshold|benchmark|ceiling|cap|limit|norm|criterion|target|goal)\s+(?:of\s+|at\s+)?"
                         r"(?:about\s+|around\s+)?$", re.I)
POINTS_AFTER = re.compile(r"\s*(?:percentage\s+)?points?\b", re.I)
DIFFERENCE_BEFORE = re.compile(r"\b(?:increase|rise|gain|jump|decline|fall|drop|decrease|difference|gap|shortfall|margin)"
                               # "an increase of $129", "the increase was $129"
                               r"\s+(?:of|was|were|is|amounted\s+to|came\s+to|stood\s+at|totalled|totaled)"
                               r"\s+(?:about\s+|around\s+|nearly\s+|some\s+|over\s+|more\s+than\s+)?$"
                               r"|\b(?:up|down|higher|lower|more|less)\s+by\s+$|\b(?:up|down)\s+$"
                               r"|\b(?:increased|rose|grew|fell|dropped|declined|decreased|jumped|climbed)\s+by\s+$"
                               r"|\b(?:grow|grew|grown|growing|increase[sd]?|expand(?:ed)?|raise[sd]?|boost(?:ed)?|shr[iau]nk)"
                               r"\s+(?:[\w'’-]+\s+){0,3}?by\s+$", re.I)
# "0.9 percent below 2018", "4.4% above pre-pandemic levels": a figure against a reference.
AGAINST_REFERENCE = re.compile(r"\s+(?:below|above|under|over|short\s+of)\s+(?:the\s+|its\s+)?(?:(?:19|20)\d\d\b|[\w-]+\s+"
                               r"(?:levels?|peak|trend)\b|(?:pre-pandemic|pre-crisis|pre-covid)\b)", re.I)
# "a 19 percent expansion in agriculture", "8.1% increases in entertainment": a sector's growth.
GROWTH_OF_A_PART = re.compile(r"\s+(?:[\w-]+\s+)?(?:expansion|growth|increases?|rise|decline|contraction|drop|fall)\s+"
                              r"(?:in|of|for)\s+(?:the\s+)?(?P<part>[\w-]+)", re.I)
# "3 million more people", "$2 billion less than": a difference between two figures.
DIFFERENCE_AFTER = re.compile(r"\s+(?:more|fewer|less|higher|lower|larger|smaller)\s+(?!than\b)(?:\w+\s+)?"
                              r"(?:people|persons|inhabitants|than)\b|\s+(?:more|fewer|less)\s+than\b", re.I)
# "a GH¢14.2 billion decline": an amount that is a change.
AMOUNT_CHANGE_AFTER = re.compile(r"\s+(?:decline|drop|fall|increase|rise|jump|gain|reduction|cut|decrease|contraction)\b", re.I)
# "$160 higher than the year before": an amount compared is a difference.
AMOUNT_THAN = re.compile(r"\s+(?:higher|lower|more|less|larger|smaller|bigger|above|below)\s+than\b", re.I)
# "Once the continent's biggest economy", "formerly the largest": a rank in a past the
# text does not date.
FORMER = re.compile(r"\b(?:once|formerly|previously|former|used\s+to\s+be|no\s+longer)\b[^,.;]{0,40}$", re.I)
# "the list of Africa's largest economies", "a ranking of the world's top 50": a superlative
# describing a list, not a claim about one country.
DESCRIBES_LIST = re.compile(rf"\b(?:list|ranking|rankings|league\s+table|table|chart|index)\s+(?:of|for)\b{WITHIN_SENTENCE}{{0,60}}$",
                            re.I)
# "Africa's largest economy rankings": the superlative names the ranking, not a place in it.
RANKINGS_AFTER = re.compile(r"\s+(?:economy|economies|economic|growth|GDP|inflation|investment)?\s*(?:rankings?|league\s+tables?)\b",
                            re.I)
# "the countries with the highest inflation": a set described, no one country's rank.
DESCRIBES_SET = re.compile(r"\b(?:countries|economies|nations|states)\s+(?:with|that\s+have|having|that\s+had|which\s+have)"
                           r"\s+(?:the\s+)?$", re.I)
NAMED_AS = re.compile(r"\b(?:are|were|was|is|remain|remained|rank|ranked|ranks)\s+(?:the|among\s+the)\s+(?:[\w-]+\s+)?$", re.I)


def _describes_a_set(before: str) -> bool:
    """"the countries with the highest inflation" describes a set; "Chile and Peru were the
    countries with the highest" names its members, a claim."""
    described = DESCRIBES_SET.search(before, max(0, len(before) - 60))
    return described is not None and not NAMED_AS.search(before, max(0, described.start() - 40), described.start())


# "nine percent of the habitable earth's surface": a share of something no series measures.
SHARE_OF_OTHER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<noun>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)", re.I)


# "to cut unemployment to seven percent": a goal, the number the object of "to <verb> ... to".
PURPOSE = re.compile(r"\bto\s+(?:cut|raise|reduce|lift|bring|boost|increase|lower|reach|keep|get)\s+[^.;,]{0,60}?"
                     r"\bto\s+(?:about\s+|around\s+|below\s+|under\s+|above\s+)?$", re.I)


# Words after a count of people that make it a part of the population, not all of it.
SUBSET_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:working|living|employed|displaced|who|abroad|in\s+poverty|without|lacking"
                          r"|came|come|coming|lifted|escaped|moved|left|live|lives|have|had|are|were|will|need|lack)\b",
                          re.I)


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
    last_in_block: dict[int, Claim] = {}  # block index -> its last claim so far
    for index, sentence in enumerate(sentences):
        if numbers[index] and sentence.text.rstrip(" \"”’'").endswith("?") and not re.search(r"[“‘\"']\w", sentence.text):
            for quantity in numbers[index]:
                _rejected(quantity, "in a question, which asserts nothing")
            continue
        if not numbers[index] or len(numbers[index]) > MAX_NUMBERS_PER_SENTENCE:
            for quantity in numbers[index]:
                _rejected(quantity, "in a sentence of more figures than words")
            continue
        lead = list_context(document, sentence.paragraph) if document.blocks else None
        topic = _topic(sentence, sentences, index, last_in_block)
        context = _Context(document, sentences, index, mentions, starts, paragraph_starts, newlines, main, main_why,
                           lead=lead, topic=topic)
        cues = _cues(sentence.text)
        if cues:
            cues = _outside_group_names(cues, context.in_sentence)
        if index > 0 and sentences[index - 1].paragraph == sentence.paragraph:
            cues = _pronoun_subject(sentence.text, sentences[index - 1].text) + cues
        if not cues and lead is None and topic is None:
            for quantity in numbers[index]:
                _rejected(quantity, "no measure word in its sentence")
            continue
        quantities = numbers[index]
        if lead is not None:
            quantities = [_in_list(quantity, sentence, lead, first) for first, quantity in
                          zip([paragraph_starts[sentence.paragraph] == sentence.start] + [False] * len(quantities),
                              quantities)]
        earlier: list[Claim] = []  # this sentence's claims so far
        for quantity in quantities:
            if earlier:
                context.topic = topic_of(earlier[-1], _indicator_of(earlier[-1]), "earlier in the sentence")
            claim = _claim(context, quantity, cues, len(claims) + 1, earlier)
            if claim is not None:
                claims.append(claim)
                earlier.append(claim)
                last_in_block[sentence.paragraph] = claim
    return _one_claim_per_fact(claims)


def _one_claim_per_fact(claims: list[Claim]) -> list[Claim]:
    """A figure said again (in the headline and the body, restated "i.e. $2,103.6 billion")
    is one claim with all its places: the same measure, place, statistic and value, and the
    same period or none written in one of them. The fullest reading speaks for all (a
    period over none, fewer doubts, a sentence over a headline)."""
    kept: list[Claim] = []
    for claim in claims:
        twin = next((k for k in kept if _same_fact(k, claim)), None)
        if twin is None:
            kept.append(claim)
            continue
        best, other = (claim, twin) if _fuller(claim, twin) else (twin, claim)
        places = {*best.also, *other.also,
                  (other.quote_offset + other.quote_start, other.quote_offset + other.quote_end, other.line)}
        places.discard((best.quote_offset + best.quote_start, best.quote_offset + best.quote_end, best.line))
        kept[kept.index(twin)] = replace(best, id=twin.id, also=tuple(sorted(places)))
    return kept


def _same_fact(a: Claim, b: Claim) -> bool:
    if (a.indicator, a.entity, a.group, a.statistic, a.unit, a.operator) != (
            b.indicator, b.entity, b.group, b.statistic, b.unit, b.operator):
        return False
    if abs(a.value - b.value) > 0.005 * max(abs(a.value), abs(b.value), 1e-9):
        return False
    unwritten = ("latest",)
    if a.period.kind in unwritten and not a.period.found_in or b.period.kind in unwritten and not b.period.found_in:
        return True
    return (a.period.kind, a.period.start, a.period.end) == (b.period.kind, b.period.start, b.period.end)


def _fuller(a: Claim, b: Claim) -> bool:
    """Whether a's reading says more than b's."""
    def score(claim: Claim) -> tuple:
        return (bool(claim.period.found_in), -len(claim.doubts), claim.line > 1, len(claim.quote))
    return score(a) > score(b)


def _topic(sentence, sentences, index: int, last_in_block: dict[int, Claim]) -> Topic | None:
    """The measure of the last claim in this block, or in the two blocks before it; else the
    measure the sentence before names ("India is expected to outpace the major economies.
    They include China (4.6%), ...")."""
    for block in (sentence.paragraph, sentence.paragraph - 1, sentence.paragraph - 2):
        claim = last_in_block.get(block)
        if claim is not None:
            return topic_of(claim, _indicator_of(claim))
    if index > 0 and sentences[index - 1].paragraph == sentence.paragraph:
        named = next((c for c in _cues(sentences[index - 1].text) if c.indicator is not None), None)
        if named is not None:
            return Topic(named.indicator, named.text, "the sentence before")
    return None


def _in_list(quantity: Quantity, sentence, lead: ListContext, first_sentence: bool) -> Quantity:
    """A number in a list item read with its lead: the item's own number is a rank when the
    lead ranks ("3. Sudan 154.9%" under "the highest inflation rates"); a bare number is in
    the lead's unit ("(311)" under "measured in billions of dollars")."""
    if (first_sentence and quantity.start == 0 and lead.ranking and lead.number is not None
            and quantity.unit == "number" and quantity.value == lead.number):
        end = quantity.end + (1 if sentence.text[quantity.end: quantity.end + 1] in ".)" else 0)
        return replace(quantity, text=sentence.text[:end], end=end, unit="rank", rank_kind="ordinal",
                       rank_order="ascending" if lead.ascending else "descending", list_rank=True)
    if lead.scale and quantity.unit == "number" and not is_scaled(quantity) and quantity.start > 0:
        return replace(quantity, unit="currency:USD", value=quantity.value * lead.scale)
    return quantity


# When a list, the numbers not taken for claims and why: `verify extract --explain` and
# the tests ask; None (the default) records nothing.
REJECTED: list[tuple[str, str]] | None = None


def _rejected(quantity: Quantity, why: str) -> None:
    if REJECTED is not None:
        REJECTED.append((quantity.text, why))
    return None


def _claim(context: _Context, quantity: Quantity, cues: list[_Cue], number: int,
           earlier: list[Claim] = ()) -> Claim | None:
    sentence = context.sentence
    after = sentence.text[quantity.end:]
    before = sentence.text[: quantity.start]
    clause = _clause_before(sentence.text, quantity.start)
    if quantity.unit == "number" and not is_scaled(quantity):
        # Years, dates, counts and list numbers: no indicator is measured in a bare number.
        return _rejected(quantity, "a bare number: a year, a date or a count")
    projection = None
    if TARGET.search(clause, len(clause) - TAIL):
        return _rejected(quantity, "a plan, target or goal")
    if (FORECAST.search(clause, len(clause) - TAIL) or (LISTED_ON.search(clause) and FORECAST.search(before, len(before) - TAIL))
            or " to " in before and HEADLINE_FUTURE.match(before)):
        projection = _projection_by(context) or "none"
    by = FORECAST_AFTER.match(after)
    if by is not None:
        # "the 7.6 per cent increase projected by a data provider": whose forecast it is.
        named = _sources_named(by.group("who"))
        if not named:
            return _rejected(quantity, "a forecast by someone other than the IMF or the World Bank")
        projection = named[0][1]
    if projection == "none" and MARKET_VIEW.search(before, max(0, len(before) - TAIL)):
        # "economists' forecast was for only 0.8% growth": a prediction, not a figure, whatever its year.
        return _rejected(quantity, "an economists' or market forecast")
    if _company_subject().search(clause):
        return _rejected(quantity, "a company's or institution's figure")  # "Nigeria's largest bank reported growth of 20%": the bank's growth
    if quantity.unit == "number" and _count_unit().match(after):
        return _rejected(quantity, "a count of things")  # "83.7 million tonnes": a count of things
    if (quantity.unit.startswith("currency:") or quantity.unit == "number") and DIFFERENCE_BEFORE.search(
            before, len(before) - TAIL):
        return _rejected(quantity, "a difference between two amounts")
    if quantity.unit in ("number",) and DIFFERENCE_AFTER.match(after) or (
            quantity.unit.startswith("currency:") and (DIFFERENCE_AFTER.match(after) or AMOUNT_THAN.match(after)
                                                        or AMOUNT_CHANGE_AFTER.match(after))):
        return _rejected(quantity, "a difference between two figures")
    if quantity.unit == "rank" and FORMER.search(before, len(before) - TAIL):
        return _rejected(quantity, "a rank in a past the text does not date")
    if quantity.unit == "rank" and RANKINGS_AFTER.match(after):
        return _rejected(quantity, "a superlative naming a ranking")  # "Africa's largest economy rankings for 2024"
    if quantity.unit == "rank" and not quantity.list_rank and (
            DESCRIBES_LIST.search(before, len(before) - TAIL) or _describes_a_set(before)):
        return _rejected(quantity, "a superlative describing a list")
    if CONTRIBUTING.search(before, max(0, len(before) - 40)) and re.match(r"\s+to\b", after):
        # "contributing 8.84% to total value added"; "contributed 28% of EU output" is a share.
        return _rejected(quantity, "a part's contribution to a total")
    if quantity.unit == "percent" and CHANGE_OVER_YEARS.match(after):
        return _rejected(quantity, "a change over several years")  # "a 103% increase in just 10 years"
    if AGAINST_REFERENCE.match(after):
        return _rejected(quantity, "a figure against a reference level, not the year's own")
    part = GROWTH_OF_A_PART.match(after) if quantity.unit == "percent" else None
    if part is not None and _company_subject().fullmatch(part.group("part")):
        return _rejected(quantity, "the growth of a sector or a firm, not of the economy")
    if GOAL_AFTER.match(after) or PURPOSE.search(clause, len(clause) - TAIL) or GOAL_BEFORE.search(before, len(before) - TAIL):
        return _rejected(quantity, "a goal or target band")  # "its 3-6% target band", "goals: to cut unemployment to seven percent"
    restated = RESTATED.search(before, max(0, len(before) - 60))
    if FROM_BEFORE.search(before[:restated.start()] if restated else before,
                          max(0, (restated.start() if restated else len(before)) - 30)) and not re.match(
            r"\s*(?:of\s+(?:its\s+)?GDP\s+)?(?:(?:place|position|spot)\s+)?(?:(?:globally|worldwide|in\s+the\s+world)\s+)?"
            r"(?:(?:(?:recorded|registered|posted|seen)\s+)?(?:in|for|during|(?:at|by)\s+the\s+end\s+of|in\s+(?:early|late|mid-?))\s+(?:19|20)\d\d\b|(?:a|one)\s+year\s+(?:earlier|before)|the\s+(?:year\s+before|previous\s+year)"
            r"|last\s+year)", after, re.I):
        # "fell from 38% to 23% in 2024": the start of a change, for an earlier period the
        # sentence does not give; only the end point is checkable.
        return _rejected(quantity, "the start of a change for an earlier period")
    average_of = _group_average_after(context, quantity) if quantity.unit == "percent" else None
    share_group = _share_group(context, quantity) if quantity.unit == "percent" and average_of is None else None
    # "Germany contributed 28% of EU output, and Poland 4.7%": a clause of only a place
    # and the number says the same of the place as the claim before it.
    parallel = _ellipsis(context, quantity, earlier)
    of_gdp = quantity.unit == "percent" and share_group is None and (
        bool(OF_GDP.match(after)) or _parallel_of_gdp(sentence.text, quantity))
    share_of = (SHARE_OF_OTHER.match(after) if quantity.unit == "percent" and share_group is None and not of_gdp
                and average_of is None else None)
    if share_of is not None and not any(c.indicator is not None and quantity.end <= c.start < quantity.end + share_of.end()
                                        for c in cues):
        return _rejected(quantity, "a share of something no series measures")
    # "by 2 percentage points", "20.1% points higher than the threshold": a change or a gap
    in_points = "point" in quantity.text.lower() or POINTS_AFTER.match(after) is not None
    # "the highest since 1990", "the lowest in 32 years": a year ranked in its own country's history.
    record = (_record_window(quantity, after) if quantity.unit == "rank" and not quantity.list_rank
              and quantity.rank_kind != "top" else None)
    sign = 1
    level_change = quantity.change
    comparison = COMPARISON_AFTER.match(after) if quantity.unit in ("percent", "ratio") else None
    if quantity.unit == "percent" and comparison and not comparison.group("than"):
        comparison = None  # "5% as large as" is not how comparisons are written
    if parallel is not None:
        cue = _Cue(quantity.start, quantity.end, f"{parallel.indicator_cue} (as for {parallel.entity or parallel.group})",
                   _indicator_of(parallel))
    elif comparison or average_of is not None:
        cue = _compared_subject(sentence.text, quantity, cues)
    elif quantity.unit == "ratio":
        return _rejected(quantity, "a multiple with nothing compared")
    elif quantity.unit == "rank" and quantity.list_rank:
        cue = lead_cue(context.lead, quantity, lambda indicator: True)
    elif record is not None:
        cue = _record_cue(context, quantity, cues, earlier, record)
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
            verb = change.group("verb").lower().split()[-1]
            sign = -1 if verb in FALLING and quantity.value > 0 else 1
            # "Exports grew 14%": a level with no growth rate in the catalogue changed by 14%.
            level_change = cue is not None and cue.indicator is not None and cue.indicator.measure == "level"
        else:
            cue = _best_cue(quantity, cues, share_group is not None, of_gdp, sentence.text)
            noun = CHANGE_NOUN_BEFORE.search(before) if quantity.unit == "percent" and not of_gdp else None
            moved = LOWER_HIGHER_AFTER.match(after) if quantity.unit == "percent" and not of_gdp else None
            if cue is None and quantity.unit == "percent" and share_group is None and not of_gdp:
                # "Egypt's economy reached 6.7% in 2022", "GDP posted at 5.05%", "a 0.9%
                # fall", "0.9 percent lower in 2023": a level's word with a percentage and no
                # "of" is its growth rate.
                cue = _level_as_growth(sentence.text, quantity, cues)
                if cue is not None and (noun and noun.group("noun").lower() in FALLING_NOUNS
                                        or moved and moved.group("word").lower() in ("lower", "smaller", "less")):
                    sign = -1
    if cue is None and COMPARED_WITH.search(before):
        # "expanding by 4.7 percent compared with 5.7 percent in 2023", "42% of GDP, or about
        # $67 billion, up from 35% of GDP": the measure of the last figure written alike.
        alike = [c for c in earlier if c.statistic == "value" and c.unit == _claim_unit(quantity, _indicator_of(c))
                 and _compatible(quantity, _indicator_of(c), False, of_gdp)]
        if alike:
            cue = _Cue(quantity.start, quantity.end, alike[-1].indicator_cue, _indicator_of(alike[-1]))
    doubts: list[str] = []
    if cue is None and not quantity.list_rank and (quantity.unit in ("percent", "rank")
                                                   or quantity.unit.startswith("currency:")):
        cue, doubt = _carried_cue(context, quantity, cues, share_group is not None, of_gdp)
        if doubt:
            doubts.append(doubt)
    people = _peoples().match(after) if quantity.unit == "number" and is_scaled(quantity) else None
    if people is not None:
        # "For 283 million Indonesians": a nation counted is its population.
        cue = _Cue(quantity.end + people.start(1), quantity.end + people.end(1), people.group(1), indicators()["population"])
    if cue is None or cue.indicator is None:
        return _rejected(quantity, "no measure word it can measure")
    indicator = cue.indicator
    if indicator.at_ppp and (PPP_BESIDE.search(clause) or PPP_BESIDE.search(re.split(r"[,;]", after[:40])[0])):
        indicator = indicators()[indicator.at_ppp]  # "GDP per capita was 48% of the EU average (at PPP)"
    indicator, doubt = _plausible_measure(indicator, quantity, sentence.text)
    if doubt:
        doubts.append(doubt)
    if indicator.key == "population" and quantity.unit == "number" and SUBSET_AFTER.match(sentence.text, cue.end):
        return _rejected(quantity, "part of the population, not all of it")  # "1.2 million citizens working abroad": some of the people, not all
    operator, statistic = _operator(before), "value"
    negated = "n" in before and NEGATED.search(before, len(before) - 60) is not None
    if quantity.unit == "rank" and quantity.list_rank:
        statistic, group, operator = "rank", context.lead.scope.text if context.lead.scope else None, "="
    elif record is not None:
        statistic, group, operator = "record", None, "="
    elif quantity.unit == "rank":
        statistic, group = "rank", _rank_scope(context, quantity, cue)
        operator = "<=" if quantity.rank_kind == "top" else "="
    elif share_group is not None:
        statistic, group = "share", share_group.text
    else:
        group = None
    if parallel is not None and parallel.statistic in ("share", "average"):
        statistic, group = parallel.statistic, parallel.group
    if operator == "average" or _average_nearby(sentence.text, quantity):
        statistic = "average" if statistic == "value" else statistic
        operator = "=" if operator == "average" else operator
    if DECLINE_AFTER.match(after) and indicator.measure == "rate" and sign * quantity.value > 0:
        sign = -1  # "a 0.9% decline in 2023": growth of -0.9%
    if quantity.low is not None and operator == "=":
        operator = "range"
    if negated and operator in ("=", "~"):
        operator = "!="  # "is not the highest", "not 9% as claimed": holds unless the data bear the figure out
    if quantity.approximate and operator == "=":
        operator = "~"
    entity, entity_cue = _entity(context, quantity, share_group, group)
    if people is not None:
        entity, entity_cue = geography().country_name(geography().peoples[people.group(1)]), "the nation counted"
    if entity is None and group is None and statistic in ("value", "average"):
        subject = _subject_group(context, quantity, group) or _group_nearby(context, quantity)
        if subject is not None:
            group, entity_cue = subject.text, f"the figure is about {subject.text}, a group"
    period = _period(context, quantity, statistic == "average", entity)
    if record is not None:
        period = _record_period(context, record, period, earlier, quantity.end)
    if projection == "none":
        # Someone else's forecast is no claim, unless its year was over when the article
        # appeared: "growth was expected to reach 5% in 2022", written in 2024, is an estimate.
        if not _over_at_publication(context, period):
            return _rejected(quantity, "a forecast by someone other than the IMF or the World Bank")
        projection = None
    if indicator.key == "inflation" and period.kind == "year" and YEAR_END.search(sentence.text):
        # "at the end of 2023, inflation of more than 30% in Iran (40%)": the year-end rate.
        indicator = indicators()["inflation_end_of_period"]
    if period.kind == "december":
        if (indicator.key == "inflation" or indicator.key == "inflation_end_of_period") and not MONTHLY.search(
                sentence.text):
            # "inflation of 9.2% in December": the year's end-of-period rate, unless it is the
            # month's own ("3.9% in December" for a year of 211%): the data will tell.
            indicator = indicators()["inflation_end_of_period"]
            doubts.append("a December figure may be the month's own rate rather than December on December")
        else:
            period = Period("subannual", period.text, found_in="sentence")
    if projection and period.kind == "latest" and not period.found_in:
        # "the IMF projects growth of 3.2%": for the year it is made in, as likely as not.
        period = Period("this_year", "no year written: the year of publication", found_in="assumed")
        doubts.append("the projection's year is not written: read as the year of publication")
    doubts += _reading_doubts(context, quantity, indicator, period, cue.text)
    if period.kind == "next_year":
        return _rejected(quantity, "a forecast for next year")  # "4.3% next year": a forecast, not a fact to check
    if statistic == "average" and period.kind == "year":
        statistic = "value"  # "inflation averaged 4.9% in 2024" is the year's (average) rate
    if in_points or level_change:
        # "Exports grew 14%", "GDP doubled", "up 2 percentage points": a change over time,
        # which fact-checkers label no claim (the levels it joins are the claims).
        return _rejected(quantity, "a change over time, not a level or a rate")
    other = None
    value = sign * quantity.value
    if indicator.negative and value > 0 and _says_negative(sentence.text, cue, quantity, indicator):
        value = -value  # "a current account deficit of 3% of GDP": a balance of -3%
    if comparison:
        other = _compared_with(context, quantity.end + comparison.end())
        lower = (comparison.group("than") or "").lower() in ("lower", "smaller", "less")
        if other is None and quantity.unit == "percent" and indicator.measure == "level":
            # "70% more than the $30.7 billion it received the year before": compared with
            # itself in another year, a change over time.
            return _rejected(quantity, "a change over time, not a level or a rate")
        else:
            statistic = "ratio"
            if quantity.unit == "percent":  # "30% higher than" is a ratio of 1.3
                value = 1 + (-1 if lower else 1) * quantity.value / 100
    elif average_of is not None:
        # "Poland's GDP per capita was 48% of the EU average": a ratio of 0.48 to the group's figure.
        statistic, other, value = "ratio", average_of.text, quantity.value / 100
    if statistic == "value" and period.kind in ("range", "since", "past") and indicator.measure == "rate":
        # "growth of 5% a year over 2010-2020": a rate over a span is an average.
        statistic = "average"
    unit = "ratio" if statistic == "ratio" else "percent" if level_change else _claim_unit(quantity, indicator)
    if "|" in unit:
        unit = _currency_of(unit, entity)
    line = context.document.first_line + bisect_right(context.newlines, sentence.start + quantity.start)
    return Claim(
        id=f"{context.document.path.stem}-{number}",
        path=context.document.path,
        line=line,
        quote=sentence.text,
        quote_start=quantity.start,
        quote_end=quantity.end + (record.reach if record is not None else 0),
        number_text=quantity.text + (after[:record.reach] if record is not None else ""),
        value=value,
        unit=unit,
        operator=operator,
        statistic=statistic,
        indicator=indicator.key,
        indicator_cue=cue.text,
        entity=entity,
        entity_cue=entity_cue,
        period=period,
        source_cited=projection or _source_cited(sentence.text, quantity) or (context.lead.source if context.lead else None),
        group=group,
        quantity=quantity,
        quote_offset=sentence.start,
        other=other,
        doubts=tuple(doubts),
        definition_pinned=_pinned(sentence.text, quantity, cue, indicator),
        voice=_voice(sentence.text, quantity),
    )


PER_HEAD = re.compile(r"\bper\s+(?:capita|head|person|resident|inhabitant)\b", re.I)


def _plausible_measure(indicator, quantity: Quantity, sentence: str):
    """An amount no economy's GDP could be ($13,110) is a per-head figure when the sentence
    says "per capita" anywhere ("On a per capita basis, Turkey's GDP stood at $13,110"),
    and a doubt otherwise; a per-head figure of a trillion dollars is the economy's."""
    if not quantity.unit.startswith("currency:") or quantity.unit.startswith("currency:") and "USD" not in quantity.unit:
        return indicator, None
    catalogue = indicators()
    if indicator.key == "gdp" and abs(quantity.value) < 1e8:
        if PER_HEAD.search(sentence):
            return catalogue["gdp_per_capita"], None
        return indicator, f"{quantity.text} is too small for the size of an economy"
    if indicator.key in ("gdp_per_capita", "gni_per_capita") and abs(quantity.value) > 1e7:
        return catalogue["gdp"], None
    return indicator, None


MONTHLY = re.compile(r"\bmonthly\b|\bmonth[- ]on[- ]month\b|\bm/m\b|\bfrom\s+the\s+previous\s+month\b", re.I)
# "around 42% if you count those who have given up looking": the figure under another definition.
OTHER_DEFINITION = re.compile(r"\bif\s+(?:you|we|one)\s+(?:count|include|add|exclude)|\bincluding\s+those\b"
                              r"|\b(?:unofficial|alternative|independent)\s+(?:[\w-]+\s+){0,2}?(?:data|figures?|estimates?|measures?|index"
                              r"|group|economists?|researchers?|analysts?|calculations?)\b",
                              re.I)
YEAR_END = re.compile(r"\b(?:at|by|as\s+of)\s+the\s+end\s+of\s+(?:the\s+year|(?:19|20)\d\d)\b|\byear[- ]end\b"
                      r"|\bend[- ]of[- ](?:the[- ])?year\b", re.I)
PPP_BESIDE = re.compile(r"\bPPP\b|\bpurchas\w*[\s-]+power[\s-]+parity\b", re.I)
# "The country has attracted $130 billion in foreign investment": a running total.
SO_FAR = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:attracted|received|drawn|exported|imported|brought\s+in|secured"
                    r"|mobili[sz]ed|invested|raised|earned)\b", re.I)
SAME_PERIOD = re.compile(r"\b(?:in|over|during|for)\s+the\s+same\s+(?:period|time(?:frame)?|span|stretch)\b", re.I)
# "GDP grew by 103% at current prices", "nominal GDP growth of 8.9%": not the real growth rate.
NOMINAL_GROWTH = re.compile(r"\bat\s+current\s+prices\b|\bnominal\s+(?:GDP\s+)?growth\b|\bgrowth\s+(?:in|of)\s+nominal\b"
                            r"|\bin\s+nominal\s+terms\b|\bnominal\s+GDP\s+(?:grew|rose|increased|expanded)\b", re.I)
# "India and China are the most populous": two places share the subject.
SHARED_SUBJECT = re.compile(r"\band\b[^,.;]{0,40}\b(?:are|were|have|had|remain)\b", re.I)


@lru_cache(maxsize=256)
def _names_another_definition(sentence: str) -> bool:
    return OTHER_DEFINITION.search(sentence) is not None


def _reading_doubts(context: _Context, quantity: Quantity, indicator, period: Period, cue: str = "") -> list[str]:
    """What makes a reading uncertain in ways the words show: another definition named in
    the sentence, two places sharing the subject of a rank, a flow with a span of years
    named just before (a total over them?)."""
    sentence = context.sentence
    doubts = []
    if indicator.measure == "rate" and "income" in cue.lower():
        doubts.append(f"“{cue}” may be national income, whose growth the data do not give: read as {indicator.name}")
    if (indicator.measure == "level" and indicator.summable and indicator.unit == "USD" and period.kind == "latest"
            and SO_FAR.search(sentence.text, max(0, quantity.start - 60), quantity.start)):
        doubts.append("“has attracted” and the like give a total over years the sentence does not name")
    if period.kind == "record" and period.end is None:
        doubts.append("the year the record is set in is not written: read as the latest year with data")
    if period.kind == "record" and period.start is None and period.years is None:
        doubts.append(f"“{period.text}” counts from the start of the national series, which may begin later than the data's")
    same = SAME_PERIOD.search(sentence.text)
    if same and period.found_in != "previous sentence":
        doubts.append(f"“{same.group(0)}” points to a period named before, which the tool does not carry over")
    if period.text.lower().startswith(("each year", "every year")):
        doubts.append(f"“{period.text}” claims every year to {period.end}: checked for {period.end} alone")
    if indicator.key == indicators()["gdp"].growth and NOMINAL_GROWTH.search(sentence.text):
        doubts.append("the sentence speaks of growth at current prices (nominal), and the series is real growth")
    if _names_another_definition(sentence.text):
        doubts.append("the sentence speaks of another definition or an unofficial measure")
    if quantity.unit == "rank":
        countries = [m for m in context.in_sentence if m.kind == "country" and m.end <= quantity.start]
        if len(countries) >= 2 and SHARED_SUBJECT.search(sentence.text, countries[0].end, quantity.start):
            doubts.append("two places share the subject of the rank")
    if (indicator.measure == "level" and indicator.summable and indicator.unit == "USD" and period.kind == "latest"
            and context.index > 0):
        previous = context.sentences[context.index - 1]
        span = _period_in(previous.text, len(previous.text), len(previous.text))
        if previous.paragraph == sentence.paragraph and span is not None and span.kind in ("past", "range", "since"):
            doubts.append(f"the sentence before speaks of {span.text}: the amount may be a total over those years")
    return doubts


# "Claim: ...", "the minister claimed that ...": the figure that follows is someone else's.
REPORTED = re.compile(r"^\W*(?:claim|the\s+claim|verdict|what\s+was\s+claimed)\s*:|\b(?:claim(?:s|ed)?|alleg(?:es|ed))\s+that\b",
                      re.I)


def _voice(sentence: str, quantity: Quantity) -> str:
    """Whose figure this is: quoted when it stands inside quotation marks or after words
    that report a claim; the article's own otherwise."""
    before = sentence[: quantity.start]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return "quoted" if opened or REPORTED.search(before) else "the article"


def _pinned(sentence: str, quantity: Quantity, cue: _Cue, indicator) -> bool:
    """Whether the words name this definition and no other: in the cue, or in the clause
    around the number ("averaged 211.4%", "GDP per capita")."""
    if not indicator.exact_words:
        return False
    around = cue.text + " " + _clause_before(sentence, quantity.start) + " " + re.split(r"[,;.]", sentence[quantity.end:])[0]
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", around, re.I) for word in indicator.exact_words)


# What an institution's forecast is called when the sentence before names it.
FORECAST_NOUN = re.compile(r"\b(?:forecasts?|projections?|projects|projected|outlook|predicts?|expects?|report|"
                           r"World\s+Economic\s+Outlook|estimates?|update)\b", re.I)
# A clause that only goes on listing ("and 6.5% in 2025"): the forecast words before it govern it.
LISTED_ON = re.compile(r"^\s*(?:,\s*)?(?:and|or|then|to|while)?\s*(?:about\s+|around\s+)?$", re.I)
# Publications of the institutions whose projections the data hold.
INSTITUTION_SITES = {"imf.org": "imf", "worldbank.org": "world_bank"}
LOOK_BACK = 4  # sentences before a forecast in which the institution may be named


def _in_brackets_beside_a_place(context: _Context, quantity: Quantity) -> bool:
    text = context.sentence.text
    opening = re.search(r"\(\s*(?:about\s+|around\s+|some\s+)?$", text[: quantity.start])
    if opening is None:
        return False
    places = context.in_sentence
    before = any(m.end <= opening.start() and not text[m.end: opening.start()].strip() for m in places)
    after = any(m.start >= quantity.end and re.fullmatch(r"\s+in\s+(?:the\s+)?", text[quantity.end: m.start])
                for m in places)
    return before or after


def _projection_by(context: _Context) -> str | None:
    """The institution whose projection a forecast sentence reports ("the IMF projects",
    "according to World Bank forecasts"): named in the sentence, or in the few sentences
    before it ("The report predicts ..." after "the IMF's latest outlook"), or the
    article is the institution's own page or names it in its title."""
    sentence = context.sentence
    named = _sources_named(sentence.text)
    if named:
        return named[0][1]
    for index in range(context.index - 1, max(-1, context.index - 1 - LOOK_BACK), -1):
        previous = context.sentences[index]
        if previous.paragraph < sentence.paragraph - 1:
            break
        named = _sources_named(previous.text)
        if named and FORECAST_NOUN.search(previous.text):
            return named[0][1]
    document = context.document
    site = next((name for domain, name in INSTITUTION_SITES.items() if domain in document.url.lower()), None)
    if site:
        return site
    named = _sources_named(document.title)
    return named[0][1] if named else None


def _over_at_publication(context: _Context, period: Period) -> bool:
    """Whether the figure's own period had ended when the article appeared."""
    published = context.document.published
    if published is None:
        return False
    if period.kind == "last_year":
        return True
    return period.kind in ("year", "range") and period.end is not None and period.end < published.year


def _carried_cue(context: _Context, quantity: Quantity, cues: list[_Cue], share: bool,
                 of_gdp: bool) -> tuple[_Cue | None, str | None]:
    """No measure word in reach: the list's lead names it, or the paragraph's topic does
    ("In 2017, the figure stood at $50 billion"). The cue, and the doubt to note (none
    when the words point back to it). A superlative ("the highest") needs its measure
    beside it, and "among the highest" claims no place at all: neither carries one."""
    generic = re.match(r"\s+(?:annual\s+)?(?:rates?|levels?|figures?|ratios?)\b", context.sentence.text[quantity.end:], re.I)
    if quantity.unit == "rank" and (not (generic or re.search(r"\d|place|spot|position|first|second|third|fourth|fifth"
                                                             r"|sixth|seventh|eighth|ninth|tenth", quantity.text, re.I))
                                    or re.search(r"\b(?:one of|among)\s+(?:the\s+)?$", context.sentence.text[
                                        : quantity.start], re.I)):
        return None, None
    if any(c.indicator is None and _distance(c, quantity.start, quantity.end) <= MAX_CUE_DISTANCE for c in cues):
        return None, None  # a measure the catalogue does not check is named: "a $2 billion deal"
    if context.lead is not None:
        cue = lead_cue(context.lead, quantity, lambda indicator: _compatible(quantity, indicator, share, of_gdp))
        if cue is not None:
            return _Cue(quantity.start, quantity.end, f"{cue.text} (the list's lead)", cue.indicator), None
    topic = context.topic
    if topic is None:
        return None, None
    indicator = topic.indicator
    if quantity.unit == "percent" and indicator.measure == "level" and indicator.growth and not share and not of_gdp:
        indicator = indicators()[indicator.growth]  # "GDP reached $120 billion ... it rose 5%": its growth
    if quantity.unit == "percent" and of_gdp and indicator.measure == "level":
        # "Public debt stood at GH¢567 billion. This represents 66.4% of GDP": the debt ratio.
        indicator = next((i for i in indicators().values() if i.measure == "ratio" and i.local_currency == indicator.key),
                         indicator)
    # A rank carries any measure ("Lebanon came second in the ranking" of inflation).
    if quantity.unit != "rank" and (not fits(quantity, indicator) or not _compatible(quantity, indicator, share, of_gdp)):
        return None, None
    topic = Topic(indicator, topic.cue, topic.where)
    clause = _clause_before(context.sentence.text, quantity.start)
    clause_start = quantity.start - len(clause)
    places = [(m.start - clause_start, m.end - clause_start) for m in context.in_sentence
              if m.start >= clause_start and m.end <= quantity.start]
    # The topic's own word in the clause names nothing else: "inflation is projected to
    # fall from 4.6% in 2023 to 2.6% in 2024".
    places += [(c.start - clause_start, c.end - clause_start) for c in cues
               if c.indicator is not None and c.indicator.key == topic.indicator.key
               and c.start >= clause_start and c.end <= quantity.start]
    if _in_brackets_beside_a_place(context, quantity):
        # "the UK ($58,906) and Japan ($50,206)", "($10,500 in Kazakhstan versus ...)": a
        # figure set beside a place says the same of it as the text around.
        return _Cue(quantity.start, quantity.end, f"{topic.cue} ({topic.where})", topic.indicator), None
    if names_something_else(clause, places):
        return None, None
    cue = _Cue(quantity.start, quantity.end, f"{topic.cue} ({topic.where})", topic.indicator)
    if points_back(clause) or points_back(context.sentence.text[: quantity.start]):
        return cue, None
    return cue, f"what the number measures is not named in its sentence: read as {topic.indicator.name}, as in {topic.where}"


CLAUSE_OR_NUMBER = re.compile(r"[,;:]|\d")


def _average_nearby(sentence: str, quantity: Quantity) -> bool:
    """"averaging 5.7%", "an average of 3.7% a year", "5% on average": the words beside the number."""
    before = sentence[max(0, quantity.start - 40): quantity.start]
    before = CLAUSE_OR_NUMBER.split(before)[-1]  # not past another number or clause
    after = sentence[quantity.end: quantity.end + 40]
    after = CLAUSE_OR_NUMBER.split(after)[0]
    return bool(AVERAGE.search(before) or AVERAGE.search(after))


def _currency_of(candidates: str, entity: str | None) -> str:
    """Which of the currencies an abbreviation may mean ("Rs": INR|PKR|LKR|NPR): the claim's
    country's, else the first listed."""
    places = geography()
    code = places.country_code(entity) if entity else None
    options = candidates.split("|")
    return next((c for c in options if code and places.currency_country(c) == code), options[0])


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
        if of_gdp or indicator.measure == "ratio" and indicator.key in _ratio_named_keys():
            return indicator.measure == "ratio"
        if share:
            return indicator.measure == "level" and indicator.summable
        return indicator.measure == "rate"
    if indicator.measure != "level":
        return False
    if quantity.unit == "rank":
        return True
    if quantity.unit.startswith("currency:"):
        # Dollars are dollars; another currency may be a series in national currency.
        return indicator.unit == "USD" or (indicator.unit == "LCU" and quantity.unit != "currency:USD")
    # Plain numbers: only amounts written with a scale ("19.6 million"). Unscaled numbers
    # ("employs 12,000 people", "2027") are counts and dates, not statistics.
    return is_scaled(quantity)


@lru_cache(maxsize=1)
def _ratio_named_keys() -> frozenset[str]:
    """Ratios whose own name says "of GDP" ("the debt-to-GDP ratio of 75.4%"): a percentage
    beside them needs no "of GDP" written after it."""
    return frozenset(key for key, indicator in indicators().items()
                     if indicator.measure == "ratio" and any("gdp" in p.lower() or "ratio" in p.lower()
                                                             for p in indicator.phrases))


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
    # ", which measures expansion adjusted for inflation,": a relative clause's words are
    # not what a number outside it measures.
    asides = [(m.start(), m.end()) for m in ASIDE.finditer(sentence) if not m.start() <= quantity.start < m.end()]
    cues = [_as_amount(quantity, c) for c in cues]
    candidates = [
        c for c in cues
        if (c.indicator is None or _compatible(quantity, c.indicator, share, of_gdp))
        and _distance(c, quantity.start, quantity.end) - _bracketed_between(sentence, c, quantity) <= MAX_CUE_DISTANCE
        and not _denominator_of_another(sentence, c, quantity)
        and not any(a <= c.start < b for a, b in asides)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (_distance(c, quantity.start, quantity.end) + _owned_after(sentence, quantity, c),
                                          -(c.end - c.start)))


def _as_amount(quantity: Quantity, cue: _Cue) -> _Cue:
    """"public debt stood at Kshs 10.2 tn": a ratio's word with an amount in national money
    names the amount's series in national currency (the catalogue's local_currency)."""
    indicator = cue.indicator
    if (indicator is not None and indicator.measure == "ratio" and indicator.local_currency
            and quantity.unit.startswith("currency:") and quantity.unit != "currency:USD"):
        return _Cue(cue.start, cue.end, cue.text, indicators()[indicator.local_currency])
    return cue


# "... at 681 billion USD and trade surplus hit 28.3 billion USD": a measure word after the
# number, past a joining word and followed by a number of its own, is that number's.
JOIN_AFTER = re.compile(r"[,;](?!\d)|\b(?:and|while|whereas|but|with)\b", re.I)
NUMBER_AFTER = re.compile(r"^\D{0,40}?\d")


def _owned_after(sentence: str, quantity: Quantity, cue: _Cue) -> int:
    if cue.start < quantity.end or not sentence:
        return 0
    if JOIN_AFTER.search(sentence, quantity.end, cue.start) and NUMBER_AFTER.match(sentence[cue.end:]):
        return MAX_CUE_DISTANCE
    return 0


BRACKETED = re.compile(r"\([^()]{1,60}\)")


def _bracketed_between(sentence: str, cue: _Cue, quantity: Quantity) -> int:
    """How much of the stretch between a cue and a number is in brackets: "GDP is set to rise
    from $2.10 trillion (i.e. $2,103.6 billion) to $4.27 trillion" is as near as without them."""
    start, end = (cue.end, quantity.start) if cue.end <= quantity.start else (quantity.end, cue.start)
    if "(" not in sentence[start:end]:
        return 0
    return sum(len(m.group(0)) for m in BRACKETED.finditer(sentence, start, end))


ELLIPSIS_WORDS = {"and", "while", "but", "whereas", "with", "for", "at", "had", "has", "on", "against", "versus", "vs",
                  "compared", "to", "than", "from", "in", "the", "its", "by", "while", "whilst"}


def _ellipsis(context: _Context, quantity: Quantity, earlier: list[Claim]) -> Claim | None:
    """The claim this number repeats for another place, when its clause is only that place."""
    if not earlier or earlier[-1].quantity is None or earlier[-1].quantity.unit != quantity.unit:
        return None
    sentence = context.sentence
    clause = _clause_before(sentence.text, quantity.start)
    start = quantity.start - len(clause)
    places = [m for m in context.in_sentence if m.start >= start and m.end <= quantity.start]
    if len(places) != 1:
        return None
    words = (sentence.text[start: places[0].start] + " " + sentence.text[places[0].end: quantity.start]).lower()
    words = re.sub(r"['’]s\b", " ", words)
    if not all(w in ELLIPSIS_WORDS for w in re.findall(r"[a-z]+", words)):
        return None
    # "while Uzbekistan has 49% of the region's people" names its own measure after the number.
    own = re.match(r"[^,;.]*", sentence.text[quantity.end:]).group(0)
    if any(c.indicator is not None for c in _cues(own)):
        return None
    return earlier[-1]


def _level_as_growth(sentence: str, quantity: Quantity, cues: list[_Cue]) -> _Cue | None:
    """The nearest level word before the number in its clause, read as its growth rate."""
    clause_start = quantity.start - len(_clause_before(sentence, quantity.start))
    levels = [c for c in cues if c.indicator is not None and c.indicator.growth and clause_start <= c.start
              and c.end <= quantity.start and quantity.start - c.end <= MAX_CUE_DISTANCE
              and not _denominator_of_another(sentence, c, quantity)]
    if not levels or any(c.indicator is None and clause_start <= c.start < quantity.start for c in cues):
        return None
    subject = max(levels, key=lambda c: (c.end, c.end - c.start))
    if names_something_else(sentence[subject.end: quantity.start]):
        return None  # "171 million people that relies on garments for 80%": not the people's growth
    return _Cue(subject.start, subject.end, subject.text, indicators()[subject.indicator.growth])


# Verbs that alone say "the economy changed" when no subject is named: "Kenya grew 5%".
ECONOMY_VERBS = {"grew", "grown", "grow", "grows", "growing", "expanded", "expands", "expand", "expanding",
                 "contracted", "contracts", "contract", "contracting", "shrank", "shrunk", "shrinks", "shrinking"}


def _outside_group_names(cues: list[_Cue], places) -> list[_Cue]:
    """"Inflation in the advanced economies fell": "economies" there names a group, not
    their output."""
    groups = [(m.start, m.end) for m in places if m.kind == "group"]
    inside = [c for c in cues if c.text.lower().endswith("s") and any(start <= c.start and c.end <= end for start, end in groups)]
    if not inside or not any(c.indicator is not None for c in cues if c not in inside):
        return cues  # "G20 economies grew by 3.2%": the group's output is all the sentence names
    return [c for c in cues if c not in inside]


def _change_subject(sentence: str, change: re.Match[str], cues: list[_Cue]) -> _Cue | None:
    """What "grew 5%" is the growth of: the nearest measure word before the verb, in its
    clause. A level with a growth rate in the catalogue gives that rate ("GDP per capita
    rose 3%"); other subjects ("revenue grew 15%", "inflation fell 2%") are no claim here."""
    verb_start = change.start()
    clause_start = verb_start - len(_clause_before(sentence, verb_start))
    subjects = [c for c in cues if clause_start <= c.start and c.end <= verb_start
                and verb_start - c.end <= MAX_CUE_DISTANCE]
    if not subjects:
        clause = sentence[clause_start:verb_start]
        if change.group("verb").lower() not in ECONOMY_VERBS or names_something_else(clause):
            return None  # "Non-oil activities grew by 4.8%": the growth of what it names
        return _Cue(change.start(), change.start() + len(change.group("verb")), change.group("verb"),
                    indicators()[indicators()["gdp"].growth])
    # "Unemployment among young people fell": the head of the subject, not a noun after "among".
    heads = _heads(sentence, subjects)
    subject = max(heads, key=lambda c: (c.end, c.end - c.start))
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


def _heads(sentence: str, subjects: list[_Cue]) -> list[_Cue]:
    """"Unemployment among young people fell": after a measure the catalogue does not check,
    a measure word in its prepositional phrase ("among young people") is not the subject."""
    unchecked = [c for c in subjects if c.indicator is None]
    return [c for c in subjects if not (unchecked and unchecked[0].start < c.start
                                        and OBJECT_OF.search(sentence, max(0, c.start - 40), c.start))]


OBJECT_OF = re.compile(r"\b(?:among|of|for|to|by|with|from)\s+(?:[\w-]+\s+){0,2}$", re.I)


DECLINE_AFTER = re.compile(r"\s+(?:decline|contraction|drop|fall|slump|decrease|shrink|shrinkage|downturn)\b", re.I)


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
    if parallel is None and AND_THEN.search(sentence, max(0, quantity.start - 30), quantity.start):
        # "-1.7% of GDP in 2023, and -2.7% in 2024": the figure before, if it was of GDP.
        before = list(re.finditer(r"\d(?:[\d.,]*)\s?(?:%|per\s?cent|percent)", sentence[:quantity.start]))
        return bool(before) and OF_GDP.match(sentence[before[-1].end():]) is not None
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


AND_THEN = re.compile(r"(?:,\s*|\s)(?:and|while|but|then)\s+(?:to\s+|at\s+)?(?:about\s+|around\s+|nearly\s+)?$", re.I)
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
    r"|(?P<moved>rose|risen|rising|fell|fallen|falling|dropped|declined|climbed|increased|jumped|surged|edged\s+(?:up|down)"
    r"|reduced|cut|lowered|brought\s+down|went\s+down|went\s+up))"
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
    heads = _heads(sentence, subjects)
    subject = max(heads, key=lambda c: (c.end, c.end - c.start))
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


# "164th place in the list of fastest growing nations": what the list ranks by.
RANKED_LIST_OF_GROWTH = re.compile(r"\s+(?:place\s+|position\s+)?(?:among\s+\d+\s+\w+\s+)?(?:in|on)\s+(?:the\s+)?"
                                   r"(?:list|ranking|league\s+table)\s+of\s+"
                                   r"(?:the\s+)?(?:world['’]s\s+)?(?:fastest|quickest)[\s-]growing\b", re.I)
RANK_BY = re.compile(r"^[^.;]{0,60}?\b(?:by|in\s+terms\s+of|for)\s+(?:nominal\s+|total\s+|annual\s+)?", re.I)
# "ranked ninth globally among the countries most attractive to foreign direct investment",
# "the top destination for FDI": what a flow's rank is by.
RANK_IN_ATTRACTING = re.compile(r"^[^.;]{0,80}?\b(?:in\s+attracting|attracting|most\s+attractive\s+(?:to|for)"
                                r"|destinations?\s+(?:of|for)|recipients?\s+of|receiving)\s+(?:the\s+)?(?:most\s+)?", re.I)
ANOTHER_RANK = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
                          r"[\s-]*(?:largest|biggest|highest|lowest|smallest|place|position|spot)?", re.I)
# "the top five countries with the highest annual inflation": what a top-N list ranks by.
WITH_THE_MOST = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:with|by)\s+the\s+(?:highest|largest|biggest|lowest|fastest|most)\s+"
                           r"(?:annual\s+)?", re.I)


RANK_ENDS_PHRASE = re.compile(r"\s*(?:$|[,.;:)]|[-–—]|(?:in|among|within|of|after|behind|globally|worldwide|on"
                              r"|ratio|rate|level|share|figure|burden)\b)", re.I)


# Words between a superlative and its window that name no other measure: "the highest rate since".
RECORD_NOUNS = frozenset("rate rates level levels figure figures pace reading readings annual yearly value number "
                         "point mark result year's on its of".split())
# The figure a record stands in apposition to: "fell to 6.6% last year, the lowest on record".
FIGURE_BEFORE = re.compile(r"(?P<figure>\d[\d.,]*\s?(?:%|per\s?cent|percent|billion|million|trillion|bn|tn))"
                           r"(?:\s+of\s+(?:its\s+)?GDP)?"
                           r"(?:\s+(?:in|last|this)\s+\S+(?:\s+\S+)?)?\s*[,–—-]\s*(?:the|its|a|an)?\s*$", re.I)
FIGURE_AFTER = re.compile(r"\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?(?P<figure>[-−]?[$€£]?\d[\d.,]*\s?"
                          r"(?:%|per\s?cent|percent|billion|million|trillion|bn|tn)?)", re.I)
RECORD_WORDS = re.compile(r"all[\s-]time|record|historic", re.I)
_YEARS_WORD = r"\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
RECORD_WINDOW = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?P<window>since\s+(?:[^.;]{0,60}?\s)??(?P<since>(?:19|20)\d\d)\b"
    rf"|in\s+(?:(?:the\s+)?(?:last|past)\s+)?(?:almost\s+|nearly\s+|over\s+|more\s+than\s+)?(?P<n>{_YEARS_WORD})\s+years\b"
    r"|in\s+(?:over\s+|more\s+than\s+)?(?:a|one)\s+(?P<decade>decade)\b"
    r"|on\s+record|in\s+(?:recorded\s+)?history|in\s+(?:its|the\s+country['’]s)\s+history|ever(?:\s+recorded)?"
    r"|of\s+all\s+time)",
    re.I,
)


@dataclass(frozen=True)
class _Window:
    """The years a record is set among, as written: "since 1990" (since), "in 32 years"
    (years), "on record" (neither); `opens` and `reach` are where its words start and end,
    counted from the end of the superlative."""
    text: str
    since: int | None
    years: int | None
    opens: int
    reach: int


def _record_window(quantity: Quantity, after: str) -> _Window | None:
    """"the highest since 1990", "the lowest in 32 years", "an all-time high", "a record low"."""
    if RECORD_WORDS.search(quantity.text):
        return _Window("all time", None, None, 0, 0)
    match = RECORD_WINDOW.match(after)
    if match is None:
        return None
    years = 10 if match.group("decade") else _count_years(match.group("n")) if match.group("n") else None
    since = int(match.group("since")) if match.group("since") else None
    return _Window(match.group("window"), since, years, match.start("window"), match.end())


def _record_cue(context: _Context, quantity: Quantity, cues: list[_Cue], earlier: list[Claim],
                record: _Window) -> _Cue | None:
    """What a record ranks: the figure it describes earlier in the sentence ("inflation
    averaged 5.9% in 2023, the second-highest since 1990"), a measure word between the
    superlative and its window ("the highest inflation rate in 32 years"), or the nearest one
    before it; "fastest" and "slowest" rank a level's growth."""
    sentence = context.sentence.text
    between = [c for c in cues if c.indicator is not None and quantity.end <= c.start < quantity.end + record.opens]
    words = sentence[quantity.end: quantity.end + record.opens]
    if any(cue.text.lower() in FALLING_NOUNS for cue in between):
        return None  # "the biggest contraction since 1992": a fall, not the level the words rank
    for cue in between:
        words = words.replace(cue.text, " ")
    if any(word.lower() not in RECORD_NOUNS for word in re.findall(r"[^\W\d_]+", words)):
        return None  # "the biggest contraction since 1992", "the strongest result": a record of what the words name
    figure = FIGURE_BEFORE.search(sentence, max(0, quantity.start - 60), quantity.start)
    if figure and not any(c.quote_end >= figure.end("figure") - 1 for c in earlier):
        return None  # "unemployment among nationals fell to 8.6%, the lowest on record": that figure is no claim
    before = [c for c in cues if c.indicator is not None and c.end <= quantity.start
              and quantity.start - c.end <= MAX_CUE_DISTANCE]
    if earlier and earlier[-1].statistic == "value" and earlier[-1].unit != "rank":
        cue = _Cue(quantity.start, quantity.end, earlier[-1].indicator_cue, _indicator_of(earlier[-1]))
    elif between:
        cue = between[0]
    elif before:
        cue = max(before, key=lambda c: (c.end, c.end - c.start))
    elif context.topic is not None:
        cue = _Cue(quantity.start, quantity.end, f"{context.topic.cue} ({context.topic.where})", context.topic.indicator)
    else:
        return None
    growing = quantity.rank_by == "growth" or re.search(r"fastest|slowest|quickest", quantity.text + sentence[
        quantity.end: quantity.end + record.opens], re.I)
    if growing and cue.indicator.measure == "level" and cue.indicator.growth:
        return _Cue(cue.start, cue.end, cue.text, indicators()[cue.indicator.growth])
    return cue


def _record_period(context: _Context, record: _Window, figure: Period, earlier: list[Claim],
                   quantity_end: int | None = None) -> Period:
    """The years a record is among (start; None from the first year with data) and the year
    it is about (end; None for the latest), in a period of kind "record"."""
    if earlier and earlier[-1].period.kind == "year":
        figure = earlier[-1].period
    follows = FIGURE_AFTER.match(context.sentence.text, quantity_end) if quantity_end is not None else None
    if follows:
        # "an all-time high of 7.1% in 2007": the year of the figure the record is.
        figure = _period_in(context.sentence.text, follows.start("figure"), follows.end("figure")) or figure
    if figure.kind == "subannual":
        return figure  # "0.6% in the June quarter, the strongest in two years": the data are annual
    published = context.document.published
    end = figure.end if figure.kind in ("year", "fiscal", "december") else None
    if figure.kind == "last_year" and published is not None:
        end = published.year - 1
    elif figure.kind == "this_year" and published is not None:
        end = published.year
    if record.since is not None:
        return Period("record", record.text, record.since + 1, end, "sentence")
    if record.years is not None:
        return Period("record", record.text, end - record.years + 1 if end else None, end, "sentence", record.years)
    return Period("record", record.text, None, end, "sentence")


def _count_years(word: str) -> int:
    words = {"eleven": 11, "twelve": 12, "forty": 40}
    from .periods import NUMBER_WORDS
    return int(word) if word.isdigit() else {**NUMBER_WORDS, **words}[word.lower()]


TEMPORAL = re.compile(r"\s*(?:[\w-]+\s+)?(?:since|on\s+record|ever|in\s+(?:\d+|two|three|four|five|ten|twenty)\s+(?:years|decades)"
                      r"|in\s+an?\s+(?:decade|generation|century|year)|in\s+(?:years|decades)|for\s+(?:years|decades))\b", re.I)


def _rank_cue(sentence: str, quantity: Quantity, cues: list[_Cue]) -> _Cue | None:
    """What a rank ranks by: "by GDP per capita", else the level word beside it
    ("third-largest economy", "the world's largest population")."""
    vague = r"one of" if quantity.rank_kind == "top" else r"one of|among"
    if re.search(rf"\b(?:{vague})\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$", sentence[: quantity.start], re.I):
        return None  # "one of the largest economies", "among the highest in the G20" claim no rank
    if TEMPORAL.match(sentence[quantity.end:]):
        return None  # "the lowest on record", "the highest since 2008": a record in time, not a rank
    if quantity.rank_by == "growth" or re.match(r"\s+(?:fastest|quickest)[\s-]growing\b", sentence[quantity.end:], re.I) \
            or RANKED_LIST_OF_GROWTH.match(sentence[quantity.end:]):
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
    any_measure = re.search(r"highest|lowest|strongest|weakest", quantity.text, re.I) is not None
    levels = [c for c in cues if c.indicator is not None and (any_measure or c.indicator.measure == "level")]
    after = sentence[quantity.end:]
    by = RANK_BY.match(after) or WITH_THE_MOST.match(after) or RANK_IN_ATTRACTING.match(after)
    if by and ANOTHER_RANK.search(by.group(0)) and any(
            c.start >= quantity.end and c.start - quantity.end <= 25 for c in levels):
        # "third-largest economy at PPP and fifth-largest by GDP": the other rank's measure,
        # when this one has its own word; "ninth globally and first in Africa in attracting
        # FDI" share it.
        by = None
    if by:
        named = [c for c in cues if c.indicator is not None and c.start == quantity.end + by.end()]
        if named:
            return max(named, key=lambda c: c.end - c.start)
    framed = next((c for c in levels if c.end <= quantity.start and FRAMING.search(sentence, 0, c.start)
                   and "," in sentence[c.end: quantity.start]), None)
    if framed is not None:
        return framed  # "In terms of purchasing power parity, India is the third-largest economy"
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


# A measure framing the whole sentence: "In terms of PPP, ...", "Measured by GDP per capita, ...".
FRAMING = re.compile(r"^\W*(?:[\w-]+,?\s+){0,2}?(?:in\s+terms\s+of|measured\s+(?:by|in)|at|by)\s+(?:the\s+)?$", re.I)


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
