"""Whom a number is about: the country or group its clause names, or the one the text points back to."""
from __future__ import annotations

import re

from ..geography import Mention, geography
from ..records import Quantity
from .context import CLAUSE_BREAK, _Context, _clause_before, _object_of_preposition, _relative
from .cues import _Cue

OF_GDP_OF_GROUP = re.compile(r"^\s*of\s+(?:the\s+)?(?:GDP|gross domestic product|economic output|output)\s+of\b", re.I)
OF_GDP = re.compile(r"^\s*of\s+(?:the\s+)?(?:(?:its|their|the country's|the country’s|national)\s+)?(?:GDP|gross domestic product|(?:the\s+)?economy|economic output|output)\b", re.I)
SHARE_OF = re.compile(r"^\s*(?:of|share of)\b", re.I)


RECORDED_IN = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:was|were|is|are)\s+(?:recorded|registered|observed|seen|posted|reported"
                         r"|found)\s+in\s+", re.I)
# "the country" after "as" or a linking verb is a predicate ("replaced China as the
# country with the highest population"), not a word pointing back.
PRONOUNS = re.compile(
    r"\b(?:our|we|us|(?<!\bas\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bbecame\s)(?<!\bbecome\s)(?<!\bremains\s)"
    r"(?<!\bbe\s)(?:the country(?:'s|’s)?|the nation(?:'s|’s)?)|its"
    # "it" as a subject ("In 1990, it was the 38th largest"), not the dummy of "it is expected".
    r"|(?<![\w-])it(?!\s+(?:is|was|has\s+been|had\s+been)\s+(?:expected|estimated|projected|likely|unlikely|said|reported"
    r"|believed|thought|important|clear|possible|worth|notable|noteworthy|true|hard|difficult|easy))"
    r")\b", re.I
)


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
        # A currency written two ways ("Rs") names no one country.
        code = geography().currency_country(currency) if currency and "|" not in currency else None
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


def _compared_with(context: _Context, position: int) -> str | None:
    """The country right after "than" / "as": the other side of a comparison."""
    sentence = context.sentence
    for mention in context.between(sentence.start + position, sentence.end):
        if mention.kind == "country" and mention.start - sentence.start - position <= 25:
            return mention.text
    return None


def _group_average_after(context: _Context, quantity: Quantity) -> Mention | None:
    """"48% of the EU average", "71 percent of the OECD level": the group whose average
    the figure is a percentage of."""
    text = context.sentence.text
    for mention in context.in_sentence:
        if (mention.kind == "group" and mention.start >= quantity.end
                and OF_THE.fullmatch(text, quantity.end, mention.start) and GROUP_AVERAGE.match(text, mention.end)):
            return mention
    return None


OF_THE = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
GROUP_AVERAGE = re.compile(r"(?:['’]s)?\s+(?:average|mean|level)\b", re.I)


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
    if named is not None and not _share_of_a_measure(sentence.text[named.end: limit]):
        return None  # "40% of the world's cocoa": a share of something no series measures
    pronoun = GROUP_PRONOUN.search(after[:limit - quantity.end])
    if named is None and pronoun:
        # "almost 60% of the region's output": the group named last before the number.
        earlier = [m for m in context.between(0, sentence.start + quantity.start) if m.kind == "group"]
        if earlier:
            return _relative(earlier[-1], sentence.start)
    return named


def _share_of_a_measure(words: str) -> bool:
    """What follows a group in "X% of the world's ...": a measure the catalogue has, or
    nothing ("60% of Central Asia" is a share of its economy)."""
    from .cues import _cues
    head = re.match(r"\s*['’]s\s+(?P<noun>(?:[\w-]+\s+){0,3}[\w-]+)", words)
    if head is None:
        return True
    return any(c.indicator is not None for c in _cues(head.group("noun")))


RANK_SCOPE_AFTER = re.compile(r"^[^,.;]{0,70}?\b(?:in|among|within|of)\s+(?:the\s+|its\s+)?"
                              r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?$", re.I)
# "the fastest-growing European G7 economy", "the largest EU economy": the group as an adjective.
GROUP_AS_ADJECTIVE = re.compile(r"(?:['’]s)?\s+(?:economy|economies|country|countries|nation|nations|member|members"
                                r"|state|states)\b", re.I)


UNKNOWN_SCOPE = re.compile(r"^[^,.;]{0,40}?\b(?:in|among|within)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w-]*){0,5})")


def _rank_scope(context: _Context, quantity: Quantity, cue: _Cue) -> str | None:
    """The group a rank is within: "the world's top 50", "Africa's largest economy", "the
    second-largest economy in the G7", "the fourth-largest in the EU". A scope the tool does
    not know is kept as written, so the claim is unverifiable rather than a world rank."""
    sentence = context.sentence
    local = context.in_sentence
    anchor = quantity.end
    if WORLDWIDE.match(sentence.text, anchor):
        return None  # "ninth globally and first in Africa": the world, whatever group follows
    opening = next((m for m in local if m.kind == "group" and m.end <= quantity.start
                    and SCOPE_OPENING.fullmatch(sentence.text, 0, m.start)), None)
    if opening is not None:
        return opening.text  # "In Europe, the highest inflation was recorded in Iceland"
    region = UNKNOWN_REGION_OPENING.match(sentence.text)
    if region and region.end() <= quantity.start:
        return region.group("name")  # "In the Andean region, ...": a field the tool does not know
    top = TOP_N_FIELD.match(sentence.text, anchor)
    if top:
        # "among the world's 20 biggest economies": a field set by size, which no group lists.
        return top.group("field")
    major = VAGUE_FIELD.match(sentence.text[anchor:])
    if major:
        # "the fastest-growing major economy": among which economies is not said.
        return major.group("field")
    for mention in reversed(local):
        gap = sentence.text[mention.end: quantity.start]
        if mention.kind == "group" and mention.end <= quantity.start and re.fullmatch(SCOPE_BEFORE, gap, re.I):
            return mention.text
    for mention in local:
        if mention.start >= anchor and RANK_SCOPE_AFTER.match(sentence.text[anchor: mention.start]):
            return mention.text if mention.kind == "group" else None
        if (mention.kind == "group" and mention.start >= anchor and not sentence.text[anchor: mention.start].strip()
                and GROUP_AS_ADJECTIVE.match(sentence.text, mention.end)):
            return mention.text
        # "the EU country with the highest unemployment", "Guyana, the fastest-growing in Latin America's ..."
    for mention in reversed(local):
        if mention.kind == "group" and mention.end <= quantity.start and GROUP_MEMBER.fullmatch(
                sentence.text[mention.end: quantity.start]):
            return mention.text
    unknown = UNKNOWN_SCOPE.match(sentence.text[anchor:])
    if unknown:
        return unknown.group("name")
    return None


TOP_N_FIELD = re.compile(r"[^,.;]{0,70}?\b(?:among|of|in)\s+the\s+(?P<field>(?:world['’]s\s+)?(?:top\s+)?(?:\d{1,3}|ten|fifteen"
                         r"|twenty|thirty|fifty|hundred)\s+(?:biggest|largest|richest|major|leading|most\s+populous)\s+"
                         r"(?:economies|countries|nations))", re.I)
UNKNOWN_REGION_OPENING = re.compile(r"\W*(?:In|Among|Across|Within)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
                                    r"\s+region)\b")
SCOPE_OPENING = re.compile(r"\W*(?:In|Among|Across|Within)\s+(?:the\s+)?", re.I)
WORLDWIDE = re.compile(r"\s+(?:place\s+|position\s+|spot\s+)?(?:globally|worldwide|in\s+the\s+world|on\s+the\s+globe)\b", re.I)


# "Africa's largest", "EU rank: 6th", "the G20's fastest-growing": the group before the rank.
SCOPE_BEFORE = r"(?:['’]s)?\s+(?:the\s+)?|\s+(?:rank|ranking|ranks)\s*:\s*"
# "the EU country with the highest", "an ASEAN economy with the fastest": a member of the group.
GROUP_MEMBER = re.compile(r"\s+(?:member\s+)?(?:country|nation|economy|member|state)\s+(?:with|that\s+has|having)\s+"
                          r"(?:the\s+)?", re.I)
# A field the text does not bound: "major economies", "large emerging markets".
VAGUE_FIELD = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?P<field>(?:major|large|big|advanced|emerging|developing|leading)\s+"
                         r"(?:[\w-]+\s+)?(?:economy|economies|countries|nations|markets))\b", re.I)


def _subject_group(context: _Context, quantity: Quantity, group: str | None) -> Mention | None:
    """A group named as the subject of the number's clause ("the world economy grew 3.2%")."""
    sentence = context.sentence
    in_sentence = context.in_sentence
    before = [m for m in in_sentence if m.kind == "country" and m.end <= quantity.start]
    clause_start = quantity.start - len(_clause_before(sentence.text, quantity.start))
    return next(
        (m for m in reversed(in_sentence) if clause_start <= m.start and m.end <= quantity.start
         and m.kind == "group" and m.text != group and not any(c.start > m.end for c in before)
         and not PRONOUNS.search(sentence.text, m.end, quantity.start)
         and not _scope_of_a_rank(sentence.text, m)),
        None,
    )


# "32nd place globally", "the third-largest in Africa": a group after a rank is its scope.
RANK_BEFORE_SCOPE = re.compile(r"(?:\d(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                               r"|place|spot|position|ranked|ranks|rank|largest|biggest|highest|lowest|smallest|fastest"
                               r"|slowest))\s+(?:(?:in|among|within|across)\s+)?(?:the\s+)?$", re.I)


def _scope_of_a_rank(text: str, mention: Mention) -> bool:
    return RANK_BEFORE_SCOPE.search(text, max(0, mention.start - 40), mention.start) is not None


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
    groups = [m for m in earlier if m.kind == "group"
              and not _scope_of_a_rank(context.document.text, m)]
    if not groups and GROUP_PRONOUN.search(sentence.text, 0, quantity.start) and sentence.paragraph > 0:
        start = context.paragraph_starts.get(sentence.paragraph - 1, 0)
        before = context.between(start, context.paragraph_starts[sentence.paragraph])
        if not any(m.kind == "country" for m in before):
            groups = [m for m in before if m.kind == "group"]
    return _relative(groups[-1], sentence.start) if groups else None


def _paragraph_subject(context: _Context, position: int) -> Mention | None:
    """The last country the paragraph names before `position` other than as the object of a
    preposition."""
    start = context.paragraph_starts[context.sentence.paragraph]
    text = context.document.text
    for mention in reversed(context.between(start, position)):
        if mention.kind == "country" and not _object_of_preposition(text, mention.start):
            return mention
    return None


def _entity(context: _Context, quantity: Quantity, share_group: Mention | None, group: str | None) -> tuple[str | None, str]:
    sentence = context.sentence
    in_sentence = context.in_sentence
    countries = [m for m in in_sentence if m.kind == "country"]
    if "respectively" in sentence.text:
        # "Kenya and Uganda grew 5.6% and 6.1%, respectively": the n-th place with the n-th figure.
        from .periods import respective
        listed = [m for m in countries if m.end <= quantity.start]
        index = respective(sentence.text, quantity, [(m.start, m.end) for m in listed])
        if index is not None:
            return listed[index].text, "named in the same place of a list (“respectively”)"
    clause_start = quantity.start - len(_clause_before(sentence.text, quantity.start))
    # A country in an earlier clause as the object of a preposition ("weak demand in China,
    # and unemployment rose to 3.4%") is not the subject of this clause's figure.
    before = [m for m in countries if m.end <= quantity.start
              and (m.start >= clause_start or not _object_of_preposition(sentence.text, m.start))]
    # "6.1% in Uganda": a country right after the number is its subject; "the highest
    # inflation rate was recorded in Iceland": so is the place a figure was recorded in.
    for mention in countries:
        if mention.start >= quantity.end and (re.fullmatch(
            r"\s+(?:\w+\s+){0,2}?(?:in|for)\s+(?:neighbouring\s+|neighboring\s+)?", sentence.text[quantity.end: mention.start]
        ) or RECORDED_IN.fullmatch(sentence.text, quantity.end, mention.start)):
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
        # "Chile surpasses Peru to become ...": the subject, not the object, when the clause has both.
        subjects = [m for m in before if not _object_of_preposition(sentence.text, m.start)]
        return (subjects or before)[-1].text, "named in the sentence"
    if pronoun is None:
        after = [m for m in countries if m.start >= quantity.end and not CLAUSE_BREAK.search(sentence.text, quantity.end, m.start)
                 and not _object_of_preposition(sentence.text, m.start)]
        if after:
            return after[0].text, "named in the sentence"
    main = context.main
    if pronoun is None and main is not None:
        # "The economy grew 0.7%" in an article about Italy is about Italy, whichever
        # country the paragraph named last as an object ("exports to Germany"); but a
        # paragraph whose subject is another country ("Japan's economy shrank 0.4%. The
        # economy declined 3.3% ...") is about that one.
        subject = _paragraph_subject(context, sentence.start + quantity.start)
        if subject is None or subject.code == main.code:
            return main.text, f"not named in the sentence; the article is about {main.text} ({context.main_why})"
        return subject.text, f"not named in the sentence; the paragraph is about {subject.text}"
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
        if nearest is None and pronoun is None and any(m.kind == "group" for m in context.between(start, end)):
            # "Inflation in the advanced economies ... Inflation is projected to fall to
            # 2.6%": the group the paragraph is about, not a country named before it.
            return None, f"not named in the sentence; {place} is about a group"
        if nearest is not None:
            how = f"'{pronoun.group(0)}' refers to" if pronoun else "not named in the sentence; nearest is"
            return nearest.text, f"{how} {nearest.text} ({place})"
    # "The population of the republic reached 37.1 million": in an article about one
    # country, a figure with no country nearby is about that country.
    if main is not None:
        return main.text, f"not named nearby; the article is about {main.text} ({context.main_why})"
    return None, "no country is named in the sentence or the paragraph"
