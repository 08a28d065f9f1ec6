"""Read: decoding articles and finding their publication date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from verifier.read import InputError, parse_document, read_document

RUN_DATE = date(2026, 3, 1)


def parse(text: str, today: date = RUN_DATE, name: str = "article.txt"):
    return parse_document(Path(name), text, today)


# --- publication dates -----------------------------------------------------------------


def test_published_line():
    doc = parse("Published: 2025-03-04\n\nGrowth held up well this quarter.\n")
    assert doc.published == date(2025, 3, 4)
    assert doc.published_source == "'Published: 2025-03-04' line"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Date: November 2, 2024", date(2024, 11, 2)),
        ("Posted: 7 May 2023", date(2023, 5, 7)),
        ("published: 2022-12-31", date(2022, 12, 31)),
    ],
)
def test_other_date_lines(line, expected):
    doc = parse(f"{line}\n\nSome text about prices.\n")
    assert doc.published == expected
    assert doc.published_source == f"'{line}' line"


def test_front_matter_date_and_title_are_read_and_front_matter_is_removed():
    text = "---\ntitle: Harvest season\ndate: 2025-02-10\n---\nFarm output rose.\n"
    doc = parse(text, name="harvest.md")
    assert doc.published == date(2025, 2, 10)
    assert doc.published_source == "front matter 'date'"
    assert doc.title == "Harvest season"
    assert doc.text == "Farm output rose.\n"
    assert doc.first_line == 5


def test_front_matter_published_wins_over_date():
    text = "---\npublished: \"2025-06-15\"\ndate: 2024-01-01\n---\nBody.\n"
    doc = parse(text, name="x.md")
    assert doc.published == date(2025, 6, 15)
    assert doc.published_source == "front matter 'published'"


def test_front_matter_wins_over_a_date_line_in_the_body():
    text = "---\ndate: 2025-02-10\n---\nPublished: 2020-01-01\n\nBody.\n"
    assert parse(text, name="x.md").published == date(2025, 2, 10)


def test_dateline_with_a_year():
    doc = parse("LONDON, March 3, 2025 - Retail sales slowed in February.\n")
    assert doc.published == date(2025, 3, 3)
    assert doc.published_source == "dateline"


def test_dateline_with_region_and_abbreviated_month():
    doc = parse("LIMA, Peru, Sept. 14, 2024 - Copper exports climbed.\n")
    assert doc.published == date(2024, 9, 14)
    assert doc.published_source == "dateline"


def test_dateline_without_a_year_takes_the_run_date_year_and_says_so():
    doc = parse("BISHKEK, Kyrgyzstan, October 9. Officials met investors.\n", today=date(2031, 12, 1))
    assert doc.published == date(2031, 10, 9)
    assert "no year" in doc.published_source
    assert "2031" in doc.published_source
    assert "October 9" in doc.published_source


def test_no_date_uses_the_run_date():
    doc = parse("Growth held up well this quarter.\n")
    assert doc.published == RUN_DATE
    assert "run date" in doc.published_source


def test_unparseable_date_line_falls_back_to_the_run_date():
    doc = parse("Published: sometime soon\n\nGrowth held up.\n")
    assert doc.published == RUN_DATE
    assert "run date" in doc.published_source


def test_date_line_without_a_year_takes_the_run_date_year():
    doc = parse("Published: March 4\n\nGrowth held up.\n", today=date(1999, 6, 1))
    assert doc.published == date(1999, 3, 4)


def test_dateline_after_a_markdown_heading():
    doc = parse("# Copper boom\n\nLIMA, Peru, March 3, 2025 - Copper exports climbed.\n", name="copper.md")
    assert doc.published == date(2025, 3, 3)


# --- titles ----------------------------------------------------------------------------


def test_title_from_heading_else_file_name():
    assert parse("# Copper boom\n\nText.\n", name="a.md").title == "Copper boom"
    assert parse("Text only.\n", name="copper_boom-2025.txt").title == "copper boom 2025"


# --- read_document: decoding -----------------------------------------------------------


def test_read_document_decodes_utf8_with_bom_and_normalises_line_ends(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfPublished: 2025-03-04\r\n\r\nGrowth rose \xe2\x88\x922.5%.\r\n")
    doc = read_document(path, RUN_DATE)
    assert doc.published == date(2025, 3, 4)
    assert doc.text.startswith("Published:")
    assert "\r" not in doc.text
    assert "\u22122.5%" in doc.text


def test_read_document_invalid_utf8_names_the_file(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Inflation in S\u00e3o Paulo rose.".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_document(path, RUN_DATE)
    message = str(caught.value)
    assert message.startswith(f"{path}:")
    assert "UTF-8" in message
    assert "offset 14" in message  # the byte after "Inflation in S"


def test_read_document_binary_file_names_the_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InputError) as caught:
        read_document(path, RUN_DATE)
    message = str(caught.value)
    assert message.startswith(f"{path}:")
    assert "binary" in message


def test_read_document_missing_file_names_the_file(tmp_path):
    path = tmp_path / "gone.txt"
    with pytest.raises(InputError) as caught:
        read_document(path, RUN_DATE)
    assert str(caught.value).startswith(f"{path}:")
