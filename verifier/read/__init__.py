"""Stage 1, read: find the articles, decode them, and read their structure and date.

`files` finds article files and decodes their bytes; `document` reads one article's
structure (`structure` for plain text and markdown, `html` for web pages), title,
address and publication date (`dates`).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..records import Document
from .document import parse_document
from .files import ARTICLE_SUFFIXES, MAX_BYTES, InputError, decode, find_articles, read_bytes

__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "InputError", "decode", "find_articles", "parse_document",
           "read_articles", "read_bytes", "read_document"]


def read_articles(paths: list[Path], today: date, errors: list[str],
                  progress: Callable[[list[Path]], Iterable[Path]] = iter) -> Iterator[Document]:
    """Every article under `paths`, read; each file that cannot be is one line in `errors`."""
    files, problems = find_articles(paths)
    errors += problems
    for path in progress(files):
        try:
            yield read_document(path, today)
        except InputError as exc:
            errors.append(str(exc))


def read_document(path: Path, today: date) -> Document:
    text = decode(path, read_bytes(path))
    return parse_document(path, text.replace("\r\n", "\n").replace("\r", "\n"), today)
