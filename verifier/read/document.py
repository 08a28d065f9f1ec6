"""An article's text with its structure, title, address and publication date."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..overrides import OverrideError, find_directives, mask_comments
from ..records import Block, Document
from .dates import publication_date
from .files import InputError
from .html import read_page
from .structure import header_blocks, linked, markdown_blocks, plain_blocks

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
# Values run to the line's last visible character. Possessive spaces and a greedy value:
# a lazy value before optional spaces retries every split of a long run of spaces.
FRONT_MATTER_FIELD = re.compile(r"^(title|date|published|url|source)[ \t]*+:[ \t]*+(.*\S)[ \t]*$", re.I | re.M)
HTML_SUFFIXES = {".html", ".htm"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}


def parse_document(path: Path, text: str, today: date) -> Document:
    """Split off front matter or a header, read the structure, find the title and the date."""
    suffix = path.suffix.lower()
    fields: dict[str, str] = {}
    first_line, text_offset = 1, 0
    url = ""
    if suffix in HTML_SUFFIXES:
        page = read_page(text, today)
        text, blocks, fields, url = page.text, page.blocks, page.fields, page.url
    else:
        match = FRONT_MATTER.match(text)
        if match:
            fields = {k.lower(): v.strip("'\"") for k, v in FRONT_MATTER_FIELD.findall(match.group(1))}
            first_line += match.group(0).count("\n")
            text_offset = match.end()
            text = text[match.end():]
        header, header_fields, body = header_blocks(text)
        # The header's date line is read as any "Published: ..." line is.
        for key in ("title", "headline", "url", "source", "link"):
            if key in header_fields:
                fields.setdefault(key, header_fields[key])
        read_body = markdown_blocks if suffix in MARKDOWN_SUFFIXES else plain_blocks
        blocks = linked(header + read_body(text[body:], body))
        url = fields.get("url") or fields.get("source") or fields.get("link") or ""
    url = url if url.startswith(("http://", "https://", "www.")) else ""
    found = publication_date(text, fields, url, today)
    try:
        directives = find_directives(path, text)
    except OverrideError as exc:
        raise InputError(str(exc)) from exc
    return Document(
        path=path,
        text=mask_comments(text),
        directives=directives,
        title=_title(path, text, fields, blocks),
        published=found.value if found else None,
        published_source=found.how if found else "no publication date found in the article",
        published_certain=found.certain if found else False,
        first_line=first_line,
        text_offset=text_offset,
        blocks=tuple(blocks),
        url=url,
    )


def _title(path: Path, text: str, fields: dict[str, str], blocks: list[Block]) -> str:
    for key in ("title", "headline"):
        if fields.get(key):
            return fields[key]
    heading = next((b for b in blocks if b.kind in ("title", "heading")), None)
    if heading is not None:
        return text[heading.start: heading.end].lstrip("# ").strip()
    return path.stem.replace("_", " ").replace("-", " ")
