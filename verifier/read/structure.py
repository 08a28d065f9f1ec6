"""The structure of a plain-text or markdown article: title, headings, paragraphs, list items, table rows.

Markdown is read by markdown-it-py (CommonMark, with tables), which gives each block its
lines. Plain text has no standard; copy pasted from web pages and CMS exports is read
line by line:
- a header of "Key: value" lines at the top (Title, Source, Published, ...) is metadata;
- a blank line ends a block; so does a line break, unless the lines are hard-wrapped
  prose (a run of lines of similar length that read as one paragraph);
- "3. ", "3) ", "- ", "* ", "• " open list items; a line with two or more "|" or tabs is
  a table row; "# " opens a heading, and so does a short line without final punctuation
  standing before more text ("Africa's largest economies in 2024");
- a numbered list flattened into one line ("Country Inflation 1. Zimbabwe 284% 2.
  Venezuela 210% 3. ...", as tables copied from web pages often are) is split into its
  lead and its items when the numbers run on in order.
"""
from __future__ import annotations

import re
from dataclasses import replace

from markdown_it import MarkdownIt

from ..records import Block

HEADER_FIELD = re.compile(r"^[ \t]*(?P<key>title|headline|source|url|link|published|date|dated|updated|last updated|"
                          r"author|by|byline|section)[ \t]*+:[ \t]*+(?P<value>(?:.*\S)?)[ \t]*$", re.I)
ITEM = re.compile(r"^[ \t]*(?:(?P<number>\d{1,3})[.)]|[-*•·▪●–—])[ \t]+(?=\S)")
HEADING_MARK = re.compile(r"^[ \t]*#{1,6}[ \t]+")
# Notes an editor or an archive adds ("[stored copy ends here]") are not prose.
NOTE = re.compile(r"^[ \t]*\[[^\]]*\][ \t]*$")
FINAL_PUNCTUATION = re.compile(r"[.!?:;,\"”’')\]]$")
INLINE_NUMBER = re.compile(r"(?<![\w.,])(?P<number>\d{1,3})\.[ \t]+(?=[A-Z\"“(])")
HEADING_LENGTH = 120
WRAP_MIN, WRAP_MAX = 45, 100


def header_blocks(text: str) -> tuple[list[Block], dict[str, str], int]:
    """The "Key: value" lines opening an article (Title, Source, Published, ...): their
    blocks, their fields (lower-case keys) and where the body starts."""
    fields: dict[str, str] = {}
    blocks: list[Block] = []
    body = 0
    for start, end, line in _lines(text):
        header = HEADER_FIELD.match(line)
        if header is None:
            break
        key = header.group("key").lower()
        fields.setdefault(key, header.group("value"))
        if key in ("title", "headline"):
            value_start = start + header.start("value")
            blocks.append(Block("title", value_start, value_start + len(header.group("value"))))
        else:
            blocks.append(Block("meta", start, end))
        body = min(end + 1, len(text))
    return blocks, fields, body


def plain_blocks(text: str, offset: int = 0) -> list[Block]:
    """Blocks of a plain-text body, offsets shifted by `offset`."""
    runs: list[list[tuple[int, int, str]]] = [[]]
    for line in _lines(text):
        if not line[2].strip():
            runs.append([])
        else:
            runs[-1].append(line)
    runs = [run for run in runs if run]
    blocks: list[Block] = []
    for number, run in enumerate(runs):
        if _hard_wrapped(run):
            blocks.append(Block("paragraph", run[0][0], run[-1][1]))
            continue
        for position, (start, end, line) in enumerate(run):
            more_follows = position < len(run) - 1 or number < len(runs) - 1
            blocks += _line_blocks(start, end, line, more_follows)
    return [replace(b, start=b.start + offset, end=b.end + offset) for b in blocks]


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line), line))
        at += len(line) + 1
    return out


def _hard_wrapped(run: list[tuple[int, int, str]]) -> bool:
    """Prose broken into lines of similar length: one paragraph, not one block per line."""
    if len(run) < 2 or any(ITEM.match(line) or HEADING_MARK.match(line) or _is_row(line) for _, _, line in run):
        return False
    if not (all(WRAP_MIN <= len(line.rstrip()) <= WRAP_MAX for _, _, line in run[:-1])
            and len(run[-1][2].rstrip()) <= WRAP_MAX):
        return False
    # Wrapped prose breaks mid-sentence: the next line mostly goes on in lower case.
    goes_on = sum(1 for (_, _, a), (_, _, b) in zip(run, run[1:]) if b.lstrip()[:1].islower() or b.lstrip()[:1].isdigit())
    return 2 * goes_on >= len(run) - 1


def _is_row(line: str) -> bool:
    return line.count("|") >= 2 or line.strip().count("\t") >= 2


def _line_blocks(start: int, end: int, line: str, more_follows: bool) -> list[Block]:
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    start, end = start + lead, start + len(line.rstrip())
    if NOTE.match(line):
        return [Block("meta", start, end)]
    if HEADING_MARK.match(line):
        return [Block("heading", start, end)]
    item = ITEM.match(line)
    if item:
        number = item.group("number")
        return [Block("item", start, end, number=int(number) if number else None)]
    if _is_row(line):
        return [Block("row", start, end)]
    inline = _inline_list(line)
    if inline:
        return [replace(b, start=b.start + start - lead, end=b.end + start - lead) for b in inline]
    if more_follows and len(stripped) <= HEADING_LENGTH and not FINAL_PUNCTUATION.search(stripped) \
            and stripped[:1].isupper() and len(stripped.split()) >= 2:
        return [Block("heading", start, end)]
    return [Block("paragraph", start, end)]


def _inline_list(line: str) -> list[Block]:
    """"Country Inflation rate in 2022 1. Zimbabwe 284,94% 2. Venezuela 210% 3. ...": a
    numbered list run into one line, when at least three numbers follow each other."""
    markers = [m for m in INLINE_NUMBER.finditer(line)]
    best: list[re.Match[str]] = []
    for i, first in enumerate(markers):
        run = [first]
        for later in markers[i + 1:]:
            if int(later.group("number")) == int(run[-1].group("number")) + 1:
                run.append(later)
        if len(run) > len(best):
            best = run
    if len(best) < 3:
        return []
    blocks = []
    head = line[: best[0].start()].rstrip()
    if head.strip():
        blocks.append(Block("paragraph", len(line) - len(line.lstrip()), len(head)))
    for k, marker in enumerate(best):
        end = best[k + 1].start() if k + 1 < len(best) else len(line)
        text = line[marker.start(): end].rstrip()
        blocks.append(Block("item", marker.start(), marker.start() + len(text), number=int(marker.group("number"))))
    return blocks


def markdown_blocks(text: str, offset: int = 0) -> list[Block]:
    """Blocks of a markdown body, from markdown-it-py's token lines, offsets shifted by `offset`."""
    lines = _lines(text)
    parser = MarkdownIt("commonmark").enable("table")
    blocks: list[Block] = []
    item_number: list[int | None] = []
    in_item = 0
    for token in parser.parse(text):
        if token.type == "list_item_open":
            in_item += 1
            item_number.append(int(token.info) if token.info.isdigit() else None)
        elif token.type == "list_item_close":
            in_item -= 1
            item_number.pop()
        elif token.type in ("heading_open", "paragraph_open", "tr_open") and token.map:
            # markdown-it counts lines as this module does; clamp in case a character it reads
            # as a line end differently leaves its count past the text's end.
            first, last = min(token.map[0], len(lines) - 1), max(1, min(token.map[1], len(lines)))
            last = max(last, first + 1)
            start = lines[first][0] + len(lines[first][2]) - len(lines[first][2].lstrip())
            end = lines[last - 1][0] + len(lines[last - 1][2].rstrip())
            if token.type == "heading_open":
                blocks.append(Block("heading", start, end))
            elif token.type == "tr_open":
                blocks.append(Block("row", start, end))
            elif in_item:
                blocks.append(Block("item", start, end, number=item_number[-1]))
                item_number[-1] = None  # a second paragraph of the item is not numbered again
            elif NOTE.match(text[start:end]):
                blocks.append(Block("meta", start, end))
            else:
                blocks.append(Block("paragraph", start, end))
    return [replace(b, start=b.start + offset, end=b.end + offset) for b in blocks]


def linked(blocks: list[Block]) -> list[Block]:
    """Each block's nearest heading, and each item's or row's lead: the block before its
    list or table (a heading, a caption, or a sentence introducing it). A list may carry
    paragraphs between its items ("10. South Africa: 75.4%", two paragraphs about it,
    "9. Guinea-Bissau: 76.5%"): an item numbered next after the last keeps its lead."""
    out: list[Block] = []
    heading: int | None = None
    lead: int | None = None
    last_number: int | None = None
    for index, block in enumerate(blocks):
        previous = out[-1] if out else None
        if block.kind in ("item", "row"):
            continues = previous is not None and previous.kind in ("item", "row")
            numbered_on = (block.number is not None and last_number is not None
                           and abs(block.number - last_number) == 1)
            if not continues and not numbered_on:
                lead = index - 1 if previous is not None and previous.kind in ("heading", "paragraph", "title") else None
            last_number = block.number if block.number is not None else last_number
            out.append(replace(block, lead=lead, heading=heading))
            continue
        if block.kind in ("heading", "title"):
            heading, lead, last_number = index, None, None
        elif block.kind == "paragraph" and previous is not None and previous.kind == "item" and lead is not None:
            # The paragraph right after an item describes it ("South Africa rounds out the list ...").
            out.append(replace(block, heading=heading, lead=lead))
            continue
        out.append(replace(block, heading=heading))
    return out
