"""Where a number sits: its sentence among the document's, the place names around it, and its clause."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..geography import Mention
from ..records import Document
from .sentences import Sentence


CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|against|compared)\b|\s(?:while|whereas)\s", re.I)


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
    lead: object | None = None  # topics.ListContext: what a list item reads from its list's lead
    topic: object | None = None  # topics.Topic: the measure the paragraph is about so far

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
        """The last country named in [start, end), without copying what lies between, passing
        over one only compared with ("Venezuela's inflation was lower than Argentina's")."""
        low = bisect_left(self.mention_starts, start)
        fallback = None
        for index in range(bisect_left(self.mention_starts, end) - 1, low - 1, -1):
            mention = self.mentions[index]
            if mention.kind != "country":
                continue
            if COMPARED_OBJECT.search(self.document.text, max(0, mention.start - 25), mention.start):
                fallback = fallback or mention
                continue
            return mention
        return fallback


PUNCTUATION_BREAK = re.compile(r"[,;:]")
COMPARED_OBJECT = re.compile(r"\b(?:than|versus|vs\.?|compared\s+(?:with|to)|ahead\s+of|behind)\s+(?:the\s+)?$", re.I)


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
    elif BARE_TAIL.fullmatch(text, start) and breaks and text[start - 1] == ",":
        # "the average for the euro area is higher, at 6.2%": a clause of the number alone
        # is the one before's.
        start = max((b for b in breaks if b < start), default=0)
    return sentence[start:position]


BARE_TAIL = re.compile(r"\s*(?:(?:at|to|of|around|about|some|roughly|nearly|almost|just|over|under|or|an?|the"
                       r"|standing|coming\s+in|reaching|hitting)\s+)*", re.I)


# Asides set off by commas do not end a clause: "Inflation, meanwhile, fell to 5%".
ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;]{0,120},(?=\s*[a-z]|\s*$)"
                   # "Inflation, the perennial bugbear of Argentines, fell to 2.2%": an apposition.
                   # An apposition has no verb of its own: ", the highest rate was recorded in X," is a clause.
                   r"|,\s*(?:the|a|an)\s+(?:(?!\b(?:was|were|is|are|has|have|had|will|stood|stands)\b)[^,;\d]){1,80},"
                   r"(?=\s*(?!and\b|or\b|but\b|while\b|with\b|in\b)[a-z]+\b|\s*$)|,\s*(?:meanwhile|however|too|also|in turn|by contrast|in contrast|by comparison|for its part"
                   r"|moreover|furthermore|though|indeed|likewise|similarly|in other words|in fact),", re.I)


RELATIVE = re.compile(r"\s*which\b", re.I)


def _relative(mention: Mention, offset: int) -> Mention:
    return Mention(mention.start - offset, mention.end - offset, mention.text, mention.kind, mention.code)


OBJECT_BEFORE = re.compile(r"\b(?:in|from|to|into|with|than|against|for|across|over|by|behind|after|like|as"
                           r"|below|above|surpass(?:es|ed|ing)?|overt(?:akes|ook|aken|aking|ake)|outpac(?:es|ed|ing|e)|replac(?:es|ed|ing|e)"
                           r"|ahead\s+of|beat(?:s|ing)?|exceed(?:s|ed|ing)?|overtook)\s+(?:the\s+)?$", re.I)


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
