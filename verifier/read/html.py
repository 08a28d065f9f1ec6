"""Web pages saved from a browser or a CMS: their text, structure, title, address and date.

The page is parsed by BeautifulSoup (lxml). Its article (the `<article>` or `<main>`
element when there is one, else the body, without scripts, navigation, asides, forms and
footers) becomes plain text, one block per heading, paragraph, list item and table row
(cells joined by " | "), blocks separated by blank lines. The publication date is read by
htmldate, the field's standard reader of page metadata (`<meta>` tags, JSON-LD
`datePublished`, `<time>` elements, the page address), never from the network.
"""
from __future__ import annotations

import json
import re
import warnings
from datetime import date

from ..records import Block
from .structure import linked

BLOCK_TAGS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
              "p": "paragraph", "li": "item", "tr": "row", "caption": "heading", "figcaption": "paragraph",
              "blockquote": "paragraph", "dt": "paragraph", "dd": "paragraph", "pre": "paragraph"}
DROPPED = ("script", "style", "noscript", "nav", "aside", "form", "footer", "template", "svg", "button", "iframe")
SPACE = re.compile(r"\s+")


class PageText:
    def __init__(self, text: str, blocks: list[Block], fields: dict[str, str], url: str):
        self.text, self.blocks, self.fields, self.url = text, blocks, fields, url


def read_page(html: str, today: date) -> PageText:
    from bs4 import BeautifulSoup, Comment

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "lxml")
    fields: dict[str, str] = {}
    url = _meta(soup, ("og:url",)) or _link(soup, "canonical")
    title = _meta(soup, ("og:title", "twitter:title")) or (soup.title.get_text(" ", strip=True) if soup.title else "")
    published = _page_date(html, url, today) or _json_ld_date(soup)
    if published:
        fields["published"] = published
    # An editor's directive ("<!-- verify: accept ... -->") stays in the text, where it applies.
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if not comment.strip().lower().startswith("verify"):
            comment.extract()
    for tag in soup.find_all(DROPPED):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    pieces: list[tuple[str, str, int | None]] = []
    if title:
        pieces.append(("title", SPACE.sub(" ", title).strip(), None))
    _walk(root, pieces)
    text, blocks = "", []
    for kind, content, number in pieces:
        if not content:
            continue
        if text:
            text += "\n\n"
        blocks.append(Block(kind, len(text), len(text) + len(content), number=number))
        text += content
    return PageText(text + "\n", linked(blocks), fields, url or "")


def _walk(node, pieces: list) -> None:
    from bs4 import Comment, NavigableString, Tag

    loose: list[str] = []

    def flush() -> None:
        words = SPACE.sub(" ", "".join(loose)).strip()
        if words:
            pieces.append(("paragraph", words, None))
        loose.clear()

    for child in node.children:
        if isinstance(child, Comment):
            flush()
            pieces.append(("paragraph", f"<!--{child}-->", None))
        elif isinstance(child, NavigableString):
            loose.append(str(child))
        elif isinstance(child, Tag):
            kind = BLOCK_TAGS.get(child.name)
            if kind is None and not _has_blocks(child):
                loose.append(child.get_text(" "))
                continue
            flush()
            if kind == "row":
                cells = [SPACE.sub(" ", c.get_text(" ")).strip() for c in child.find_all(["td", "th"])]
                pieces.append(("row", " | ".join(c for c in cells if c), None))
            elif kind == "item" and not _has_blocks(child, ignore=("p",)):
                pieces.append(("item", SPACE.sub(" ", child.get_text(" ")).strip(), _item_number(child)))
            elif kind is not None and kind != "item":
                pieces.append((kind, SPACE.sub(" ", child.get_text(" ")).strip(), None))
            else:
                _walk(child, pieces)
    flush()


def _has_blocks(tag, ignore: tuple[str, ...] = ()) -> bool:
    return any(t.name in BLOCK_TAGS and t.name not in ignore for t in tag.find_all(True))


def _item_number(item) -> int | None:
    parent = item.parent
    if parent is None or parent.name != "ol":
        return None
    try:
        start = int(parent.get("start", 1))
    except ValueError:
        start = 1
    siblings = [li for li in parent.find_all("li", recursive=False)]
    return start + siblings.index(item) if item in siblings else None


def _meta(soup, names: tuple[str, ...]) -> str:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content"):
            return tag["content"].strip()
    return ""


def _link(soup, rel: str) -> str:
    tag = soup.find("link", rel=rel)
    return tag["href"].strip() if tag and tag.get("href") else ""


def _page_date(html: str, url: str, today: date) -> str:
    try:
        from htmldate import find_date

        found = find_date(html, url=url or None, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%d", max_date=today.isoformat())
    except Exception:  # noqa: BLE001 - a page htmldate cannot read is read without its date
        return ""
    return found or ""


def _json_ld_date(soup) -> str:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                return item["datePublished"][:10]
    return ""
