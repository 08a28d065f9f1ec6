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


def test_no_date_is_unknown_not_the_run_date():
    doc = parse("Growth held up well this quarter.\n")
    assert doc.published is None
    assert doc.published_source == "no publication date found in the article"


def test_unparseable_date_line_leaves_the_date_unknown():
    doc = parse("Published: sometime soon\n\nGrowth held up.\n")
    assert doc.published is None


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


# --- dates as real pages print them ----------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Updated: 05 February, 2024 9:28 pm IST", date(2024, 2, 5)),
        ("Published: 12:56, 19 April 2023 | GMT +6", date(2023, 4, 19)),
        ("Published: Mar - 21 - 2024 , 07:29", date(2024, 3, 21)),
        ("Published: Tuesday, 31 January 2023 22:32:47 (GMT+3)", date(2023, 1, 31)),
        ("Published: 08:15 am Jun 30, 202508:15 am", date(2025, 6, 30)),  # a time run into the year
        ("Last Updated : Sep 9 2025 | 11:02 AM IST", date(2025, 9, 9)),
        ("Published: August 3, 2025/Reuters", date(2025, 8, 3)),
        ("Posted on: 2 Dec, 2024", date(2024, 12, 2)),
        ("Date: 2024/07/09", date(2024, 7, 9)),
        ("Published: Business of Monday, 4 March 2024", date(2024, 3, 4)),
    ],
)
def test_date_lines_as_pages_print_them(line, expected):
    assert parse(f"{line}\n\nExports rose.\n").published == expected


def test_a_note_after_the_date_is_not_read_as_the_date():
    doc = parse("Published: 2024-05-02 (taken from the page; the text mentions 9 March 2021)\n\nExports rose.\n")
    assert doc.published == date(2024, 5, 2)


def test_a_date_field_that_holds_no_date_leaves_the_date_unknown():
    doc = parse("Published: not printed (the story cites October 3 figures)\n\nExports rose.\n")
    assert doc.published is None


def test_a_weekday_without_a_year_gives_the_year():
    # 8 October fell on a Wednesday in 2025, and not again before the run date.
    doc = parse("Published: Wednesday, October 8\n\nExports rose.\n", today=date(2026, 11, 1))
    assert doc.published == date(2025, 10, 8) and doc.published_certain


def test_updated_counts_only_when_nothing_says_published():
    text = "Updated: 9 June 2024\nPublished: 2 June 2024\n\nExports rose.\n"
    assert parse(text).published == date(2024, 6, 2)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://news.example/2024/05/20/kenya-growth/", date(2024, 5, 20)),
        ("https://news.example/economy/ghana-gdp-2023-03-17", date(2023, 3, 17)),
        ("https://news.example/story/20231104/figures.html", date(2023, 11, 4)),
    ],
)
def test_date_in_the_page_address(url, expected):
    doc = parse(f"Title: Figures\nSource: {url}\n\nExports rose.\n")
    assert doc.published == expected and "page address" in doc.published_source
    assert doc.url == url


def test_a_byline_date_standing_alone_near_the_top():
    doc = parse("Kenya's growth slows\n\n14:05, 2 May 2024 | GMT +3\n\nGrowth slowed last year.\n")
    assert doc.published == date(2024, 5, 2)


def test_a_wire_dateline_with_the_agency_after_it():
    doc = parse("NAIROBI, May 20, 2024 (Reuters) - Kenya's economy grew.\n")
    assert doc.published == date(2024, 5, 20)


# --- structure ---------------------------------------------------------------------------

ARTICLE = """Title: Africa's debt
Source: https://news.example/debt
Published: 2024-06-01

The continent's highest debt ratios in 2024, according to the IMF:
3. Ghana: 82% of GDP
Ghana's debt has risen since 2020.
2. Egypt: 90% of GDP
1. Sudan: 256% of GDP

Other countries fare better.
"""


def test_header_lines_give_title_address_and_date_and_are_not_prose():
    doc = parse(ARTICLE)
    assert doc.title == "Africa's debt" and doc.url == "https://news.example/debt"
    assert doc.published == date(2024, 6, 1)
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:3] == ["title", "meta", "meta"]


def test_list_items_keep_their_number_and_lead_through_paragraphs_between_them():
    doc = parse(ARTICLE)
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.number for b in items] == [3, 2, 1]
    lead = doc.blocks[items[0].lead]
    assert doc.text[lead.start: lead.end].startswith("The continent's highest debt ratios in 2024")
    assert {b.lead for b in items} == {items[0].lead}


def test_each_line_of_unwrapped_copy_is_its_own_block_but_hard_wrapped_prose_is_one():
    copy = parse("Exports rose 5% last year and imports fell sharply as well\nInflation eased.\n")
    wrapped = parse("Exports rose 5% last year and imports fell sharply as a\nresult of weaker demand at home and abroad, the\n"
                    "ministry said.\n")
    assert sum(b.kind == "paragraph" for b in wrapped.blocks) == 1
    assert len([b for b in copy.blocks if b.kind in ("paragraph", "heading")]) == 2


def test_a_numbered_list_run_into_one_line_is_split_into_its_items():
    doc = parse("Country GDP growth in 2023 1. Guyana 33% 2. Macao 80.5% 3. Niger 11.5% 4. Libya 10.2%\n")
    items = [doc.text[b.start: b.end] for b in doc.blocks if b.kind == "item"]
    assert items == ["1. Guyana 33%", "2. Macao 80.5%", "3. Niger 11.5%", "4. Libya 10.2%"]
    lead = [b for b in doc.blocks if b.kind == "paragraph"][0]
    assert doc.text[lead.start: lead.end] == "Country GDP growth in 2023"


def test_markdown_structure_comes_from_the_markdown_parser():
    text = "# Growth league\n\nGrowth in 2024:\n\n1. India 6.5%\n2. China 5.0%\n\n| Country | GDP |\n|---|---|\n| Peru | $290bn |\n"
    doc = parse(text, name="league.md")
    kinds = [(b.kind, doc.text[b.start: b.end]) for b in doc.blocks]
    assert kinds[0] == ("heading", "# Growth league")
    assert ("item", "1. India 6.5%") in kinds and ("row", "| Peru | $290bn |") in kinds
    item = next(b for b in doc.blocks if b.kind == "item")
    assert item.number == 1 and doc.text[doc.blocks[item.lead].start: doc.blocks[item.lead].end] == "Growth in 2024:"


def test_a_web_page_gives_its_text_structure_title_and_date():
    page = """<html><head><title>Kenya grows</title>
<meta property="article:published_time" content="2024-05-20T08:00:00+03:00">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-20"}</script>
</head><body><nav>Home | World</nav><article><h1>Kenya's economy grew 5.6%</h1>
<p>Kenya's economy grew 5.6% in 2023, the statistics office said.</p>
<ol><li>Kenya 5.6%</li><li>Uganda 5.3%</li></ol>
<table><caption>Growth in 2023</caption><tr><th>Country</th><th>Growth</th></tr><tr><td>Rwanda</td><td>8.2%</td></tr></table>
</article><footer>Contact us 2024</footer></body></html>"""
    doc = parse(page, name="kenya.html")
    assert doc.published == date(2024, 5, 20) and doc.title == "Kenya grows"
    texts = [(b.kind, doc.text[b.start: b.end]) for b in doc.blocks]
    assert ("paragraph", "Kenya's economy grew 5.6% in 2023, the statistics office said.") in texts
    assert ("item", "Kenya 5.6%") in texts and ("row", "Rwanda | 8.2%") in texts
    assert "Home" not in doc.text and "Contact" not in doc.text
    numbers = [b.number for b in doc.blocks if b.kind == "item"]
    assert numbers == [1, 2]
