"""Sentences: the text of each block of the document split where sentences end."""
from __future__ import annotations

import re
from dataclasses import dataclass



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
            if LIST_MARKER.fullmatch(text[start:end_match.end()].strip()):
                continue  # "2. Ghana $82.8 billion": a list item's number opens its sentence
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


LIST_MARKER = re.compile(r"\d{1,3}[.)]|[ivxIVX]{1,4}\.|[a-zA-Z][.)]")
LAST_WORD = re.compile(r"([\w.]+)[.!?]$")


def _sentence(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], paragraph)
