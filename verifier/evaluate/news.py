"""The shared real-article corpora (`news-*`): `articles/`, `gold.jsonl`, `non_claims.jsonl`.

Each gold record names its article, the quote and the number as written, and carries a
`gold_verdict` computed by the corpus's own build from the data snapshots, and `flags`
(`forecast_vintage`, `data_revision`, `sub_annual`). Records give `number_offset` into
the article file, or only the quote, which is then looked for in the file: the n-th
record with a quote takes its n-th place, and a quote the article repeats with one
record may be matched at any of its places (one claim, many mentions).
"""
from __future__ import annotations

import json
from pathlib import Path

from .labels import GoldError, LabelledNumber, number_in

GOLD_FILE, NON_CLAIMS_FILE, ARTICLES = "gold.jsonl", "non_claims.jsonl", "articles"


def is_news_corpus(folder: Path) -> bool:
    """A folder with `gold.jsonl` whose records carry `article` and `gold_verdict`."""
    gold = folder / GOLD_FILE
    if not (folder.is_dir() and gold.is_file()):
        return False
    try:
        with gold.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        record = json.loads(first) if first else {}
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and "article" in record and "gold_verdict" in record


def load_news_corpus(folder: Path) -> tuple[Path, list[LabelledNumber]]:
    """(the folder of articles, every labelled number: gold claims, then non-claims)."""
    articles = folder / ARTICLES if (folder / ARTICLES).is_dir() else folder
    texts: dict[str, str] = {}
    labelled: list[LabelledNumber] = []
    for name, claim in ((GOLD_FILE, True), (NON_CLAIMS_FILE, False)):
        path = folder / name
        if not path.is_file():
            if claim:
                raise GoldError(f"{path}: no such file")
            continue
        records = list(_records(path))
        repeats: dict[tuple, int] = {}
        for _, record in records:
            key = (record.get("article"), record.get("quote"), record.get("number_text"))
            repeats[key] = repeats.get(key, 0) + 1
        taken: dict[tuple, int] = {}
        for line_number, record in records:
            where = f"{path}:{line_number}"
            try:
                article, quote, number = record["article"], record["quote"], record["number_text"]
            except KeyError as exc:
                raise GoldError(f"{where}: not a gold record (no {exc.args[0]!r})") from exc
            if article not in texts:
                texts[article] = _article_text(articles / article, where)
            spans = _spans(record, texts[article], taken, repeats)
            if not spans:
                raise GoldError(f"{where}: “{number}” in “{quote[:60]}” is not in {article}")
            labelled.append(LabelledNumber(
                article=article, ident=str(record.get("id") or where), text=number, claim=claim, spans=spans,
                verdict=record.get("gold_verdict") if claim else None, flags=tuple(record.get("flags") or ()),
                quote=quote, why=record.get("why", ""), record=record))
    return articles, labelled


def _records(path: Path):
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise GoldError(f"{path}:{number}: not JSON ({exc})") from exc
        if not isinstance(record, dict):
            raise GoldError(f"{path}:{number}: not a gold record (a JSON object)")
        yield number, record


def _article_text(path: Path, where: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{where}: cannot read the article {path} ({exc})") from exc


def _spans(record: dict, text: str, taken: dict, repeats: dict) -> tuple[tuple[int, int], ...]:
    number, quote = record["number_text"], record["quote"]
    offset = record.get("number_offset")
    if isinstance(offset, int) and text[offset: offset + len(number)] == number:
        return ((offset, offset + len(number)),)
    # A claim with no number written ("outstripping those of Gaza"): the whole quote.
    inside = number_in(quote, number) or [0]
    length = len(number) if number in quote else len(quote)
    places = []
    at = text.find(quote)
    while at >= 0 and inside:
        places.append(at + inside[0])
        at = text.find(quote, at + 1)
    key = (record["article"], quote, number)
    nth = taken.get(key, 0)
    taken[key] = nth + 1
    if repeats[key] > 1:
        # Records for a repeated quote take its places in order.
        places = places[nth:nth + 1]
    return tuple((p, p + length) for p in places)
