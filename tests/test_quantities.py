"""The number grammar: every quantity written in a text, with its value in natural units."""
from __future__ import annotations

import pytest

from verifier.quantities import find_quantities, is_scaled


def only(text):
    """The single quantity in `text`."""
    found = find_quantities(text)
    assert len(found) == 1, f"expected one quantity in {text!r}, got {found}"
    return found[0]


# --- plain numbers: decimals, thousands separators, significant digits -------------------


@pytest.mark.parametrize(
    "text, value, decimals, significant",
    [
        ("1,234,567.8", 1234567.8, 1, 8),
        ("1,234,567", 1234567.0, 0, 7),
        ("48.25", 48.25, 2, 4),
        ("0.07", 0.07, 2, 1),
        ("7,000", 7000.0, 0, 1),
        ("410", 410.0, 0, 2),
    ],
)
def test_plain_number_value_decimals_and_significant_digits(text, value, decimals, significant):
    q = only(text)
    assert q.unit == "number"
    assert q.value == pytest.approx(value)
    assert (q.decimals, q.significant) == (decimals, significant)
    assert q.text == text


@pytest.mark.parametrize(
    "text, value",
    [
        ("19.6 million", 19.6e6),
        ("300 bln", 3e11),
        ("300bn", 3e11),
        ("4.5 trillion", 4.5e12),
        ("12 mln", 12e6),
        ("850 thousand", 850e3),
    ],
)
def test_plain_number_with_a_scale_word_is_scaled(text, value):
    q = only(text)
    assert q.unit == "number"
    assert q.value == pytest.approx(value)
    assert is_scaled(q)


def test_unscaled_plain_number_is_not_scaled():
    assert not is_scaled(only("1,234,567"))


# --- percentages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, decimals, significant",
    [
        ("5.7%", 5.7, 1, 2),
        ("5.7 %", 5.7, 1, 2),
        ("60 percent", 60.0, 0, 1),
        ("5 per cent", 5.0, 0, 1),
        ("12 pct", 12.0, 0, 2),
        ("0.25 percentage points", 0.25, 2, 2),
        ("2.50%", 2.5, 2, 3),
        ("0.04%", 0.04, 2, 1),
    ],
)
def test_percent_forms(text, value, decimals, significant):
    q = only(text)
    assert q.unit == "percent"
    assert q.value == pytest.approx(value)
    assert (q.decimals, q.significant) == (decimals, significant)
    assert (q.low, q.high, q.rank_kind) == (None, None, None)


def test_percent_position_within_a_sentence():
    text = "Prices rose 8.4% last quarter."
    q = only(text)
    assert text[q.start:q.end] == "8.4%" == q.text


@pytest.mark.parametrize(
    "text, value",
    [
        ("\u22122.5%", -2.5),  # U+2212 MINUS SIGN
        ("-2.5%", -2.5),
        ("\u22120.8 per cent", -0.8),
    ],
)
def test_negative_percentages(text, value):
    q = only(text)
    assert q.unit == "percent"
    assert q.value == pytest.approx(value)
    assert q.decimals == 1


@pytest.mark.parametrize("text", ["5%\u20136%", "5%-6%"])
def test_range_with_percent_sign_on_both_ends_has_no_negative_end(text):
    found = find_quantities(text)
    assert all(q.value >= 0 for q in found), [(q.text, q.value) for q in found]


def test_negative_sign_in_prose_after_a_word_is_not_a_minus():
    # "2019-2021" must not give a negative 2021.
    values = [q.value for q in find_quantities("output in 2019-2021")]
    assert values == [2019.0, 2021.0]


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("5\u20136%", 5.0, 6.0),  # en dash
        ("5-6%", 5.0, 6.0),
        ("3.5 to 4.5 percent", 3.5, 4.5),
        ("2 \u2013 3 per cent", 2.0, 3.0),
    ],
)
def test_percent_ranges_have_low_high_and_midpoint(text, low, high):
    q = only(text)
    assert q.unit == "percent"
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.value == pytest.approx((low + high) / 2)
    assert q.text == text


# --- money -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit, decimals, significant",
    [
        ("$300 billion", 3e11, "currency:USD", 0, 1),
        ("US$1.2 trillion", 1.2e12, "currency:USD", 1, 2),
        ("USD 300bn", 3e11, "currency:USD", 0, 1),
        ("$2.5tn", 2.5e12, "currency:USD", 1, 2),
        ("$17,250", 17250.0, "currency:USD", 0, 4),
        ("$45m", 45e6, "currency:USD", 0, 2),
        ("KZT 5 trillion", 5e12, "currency:KZT", 0, 1),
        ("\u20ac4 billion", 4e9, "currency:EUR", 0, 1),
        ("\u00a3650 million", 650e6, "currency:GBP", 0, 2),
        ("300 billion dollars", 3e11, "currency:USD", 0, 1),
        ("7 trillion tenge", 7e12, "currency:KZT", 0, 1),
    ],
)
def test_money_in_natural_units(text, value, unit, decimals, significant):
    q = only(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)
    assert (q.decimals, q.significant) == (decimals, significant)
    assert q.text == text


def test_money_range_has_scaled_low_and_high():
    q = only("$1.2-1.5 trillion")
    assert q.unit == "currency:USD"
    assert (q.low, q.high) == (pytest.approx(1.2e12), pytest.approx(1.5e12))
    assert q.value == pytest.approx(1.35e12)


def test_scale_word_needs_a_word_boundary():
    # "$5 more" is five dollars, not five million ("m" is a scale only as a whole word).
    q = find_quantities("a $5 more expensive ticket")[0]
    assert q.value == pytest.approx(5.0)
    assert q.unit == "currency:USD"


# --- ranks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rank, kind",
    [
        ("top 50", 50, "top"),
        ("top ten", 10, "top"),
        ("the largest 20", 20, "top"),
        ("third-largest", 3, "ordinal"),
        ("third largest", 3, "ordinal"),
        ("10th-largest", 10, "ordinal"),
        ("22nd-biggest", 22, "ordinal"),
        ("the world's largest", 1, "ordinal"),
    ],
)
def test_ranks(text, rank, kind):
    q = only(text)
    assert q.unit == "rank"
    assert q.value == rank
    assert q.rank_kind == kind


# --- dates, years, durations and counts are plain numbers --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on March 3",
        "in 2024",
        "through 2027",
        "for 25 years",
        "signed 12 agreements",
        "on 2025-03-04",
        "between 2010 and 2020",
    ],
)
def test_dates_years_durations_and_counts_are_plain_numbers(text):
    found = find_quantities(text)
    assert found, f"expected the number in {text!r} to be read"
    assert {q.unit for q in found} == {"number"}
    assert all(q.rank_kind is None and q.low is None for q in found)


def test_year_is_read_with_its_value():
    q = only("The plan runs through 2027.")
    assert (q.value, q.unit, q.decimals) == (2027.0, "number", 0)


def test_quantities_come_in_text_order_with_their_units():
    text = "Growth of 4.1% lifted output to $95 billion, the 3rd-largest in 2024."
    found = find_quantities(text)
    assert [(q.text, q.unit) for q in found] == [
        ("4.1%", "percent"),
        ("$95 billion", "currency:USD"),
        ("3rd-largest", "rank"),
        ("2024", "number"),
    ]
    for q in found:
        assert text[q.start:q.end] == q.text


def test_text_without_numbers_has_no_quantities():
    assert find_quantities("Growth was strong and prices were stable.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("eased from 53.9% in 2023 to 40% in 2024", ["53.9%", "2023", "40%", "2024"]),
        ("fell from 38% to 23% in 2024", ["38%", "23%", "2024"]),
        ("between 2023 to 40%", ["2023", "40%"]),
    ],
)
def test_changes_and_years_are_not_read_as_ranges(text, expected):
    found = find_quantities(text)
    assert [q.text for q in found] == expected
    assert all(q.low is None for q in found)
    assert all(text[q.start:q.end] == q.text for q in found)


def test_numbers_too_large_to_represent_are_not_quantities():
    assert find_quantities("$" + "9" * 400 + " trillion") == []


@pytest.mark.parametrize("text, value", [
    ("five percent", 5), ("Twenty-five per cent", 25), ("sixty four percent", 64), ("a hundred percent", 100),
    ("twelve pct", 12),
])
def test_percentages_written_in_words(text, value):
    (q,) = find_quantities(f"Inflation was {text} in 2023.".replace(" 2023", ""))
    assert (q.text, q.value, q.unit, q.approximate) == (text, value, "percent", False)


@pytest.mark.parametrize("text, value", [
    ("a third", 100 / 3), ("two-thirds", 200 / 3), ("half", 50), ("a quarter", 25), ("three quarters", 75),
    ("one-fifth", 20),
])
def test_fractions_of_a_whole_are_hedged_percentages(text, value):
    (q,) = find_quantities(f"It produces {text} of the region's output.")
    assert q.text == text and q.value == pytest.approx(value) and q.unit == "percent" and q.approximate


@pytest.mark.parametrize("text", ["five years", "the third quarter", "half the time", "one of the largest"])
def test_words_that_are_not_quantities(text):
    assert [q for q in find_quantities(text) if q.unit == "percent"] == []


@pytest.mark.parametrize("text, value, unit", [
    ("one trillion dollars", 1e12, "currency:USD"),
    ("twenty-five billion", 25e9, "number"),
    ("two million", 2e6, "number"),
])
def test_amounts_written_in_words(text, value, unit):
    quantity = only(text)
    assert (quantity.value, quantity.unit, is_scaled(quantity)) == (value, unit, True)


def test_a_fraction_the_size_of_another_is_a_ratio():
    quantity = find_quantities("less than a tenth the size of Kazakhstan's")[0]
    assert (quantity.text, quantity.value, quantity.unit) == ("a tenth", 0.1, "ratio")


@pytest.mark.parametrize("text, rank", [
    ("grew 8.7 percent, the fastest growth in the G20", 1),
    ("Africa's second fastest growth rate", 2),
])
def test_the_fastest_growth_is_a_growth_rank(text, rank):
    quantity = next(q for q in find_quantities(text) if q.unit == "rank")
    assert (quantity.value, quantity.rank_by) == (rank, "growth")


def test_the_fastest_or_slowest_pace_is_a_growth_rank_counted_from_its_end():
    # "since 2010" makes it a record in time, which extraction reads (statistic "record").
    fastest, slowest = (next(q for q in find_quantities(text) if q.unit == "rank")
                        for text in ("the fastest pace since 2010", "its slowest annual pace in years"))
    assert (fastest.rank_by, fastest.rank_order) == ("growth", "descending")
    assert (slowest.rank_by, slowest.rank_order) == ("growth", "ascending")


@pytest.mark.parametrize("text, order", [("an all-time high", "descending"), ("a record low", "ascending")])
def test_record_highs_and_lows_are_first_places(text, order):
    (quantity,) = find_quantities(text)
    assert (quantity.unit, quantity.value, quantity.rank_order) == ("rank", 1, order)


# --- forms real copy uses: decimal commas, Indian grouping, South Asian scales ------------


@pytest.mark.parametrize(
    "text, value, decimals",
    [
        ("12,85%", 12.85, 2),  # a decimal comma, as much of the world writes it
        ("7,4", 7.4, 1),
        ("2,500", 2500.0, 0),  # three digits after the comma: thousands
        ("4,15,300", 415300.0, 0),  # Indian grouping
        ("23 456 789,5", 23456789.5, 1),  # spaces between thousands, a decimal comma
        ("1\u00a0250\u00a0000", 1250000.0, 0),  # no-break spaces between thousands
    ],
)
def test_number_separators_as_the_world_writes_them(text, value, decimals):
    q = only(text)
    assert q.value == pytest.approx(value) and q.decimals == decimals


@pytest.mark.parametrize(
    "text, value",
    [
        ("Rs 12.5 lakh crore", 12.5e12),
        ("Rs. 3.4 lakh", 3.4e5),
        ("8,200 crore", 8.2e10),
        ("6.1 quadrillion", 6.1e15),
        ("US$41.3-billion", 41.3e9),  # a hyphen between the number and its scale
    ],
)
def test_scales_in_south_asian_copy_and_hyphenated(text, value):
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Kshs 4.6 tn", "currency:KES"),
        ("Tk2,10,500", "currency:BDT"),
        ("GH¢12,400", "currency:GHS"),
        ("N 31 trillion", "currency:NGN"),
        ("K24.5 billion", "currency:PGK|ZMW|MWK"),  # the country decides which kwacha or kina
        ("Rs 2.9 lakh", "currency:INR|PKR|LKR|NPR"),
        ("3.7 trillion VND", "currency:VND"),
        ("45 billion shillings", "currency:KES|UGX|TZS"),
    ],
)
def test_newsroom_currency_abbreviations_and_codes_after_the_amount(text, unit):
    assert only(text).unit == unit


@pytest.mark.parametrize("text", ["N95 masks", "the K9 unit", "R2 of the model", "4 all", "won 5 all 70"])
def test_letters_that_only_look_like_currencies_are_not_money(text):
    assert all(q.unit == "number" for q in find_quantities(text))


# --- ranks as they are written ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rank",
    [
        ("the ninth (9th) largest economy", 9),
        ("rose to Third (3rd) place", 3),
        ("took sixth spot", 6),
        ("held 4th position", 4),
        ("ranked at 12th place", 12),
        ("is ranked eighth globally", 8),
        ("came second in Latin America", 2),
        ("ranking third among emerging markets", 3),
        ("is 41st out of 190 economies", 41),
        ("had slipped to 14th, then to 16th.", 14),
        ("became the top destination for investment", 1),
        ("is the number one economy in the region", 1),
    ],
)
def test_rank_forms(text, rank):
    ranks = [q for q in find_quantities(text) if q.unit == "rank"]
    assert ranks and ranks[0].value == rank


@pytest.mark.parametrize("text", ["the first in a long series", "in the 19th century", "its 50th anniversary year"])
def test_ordinals_that_rank_nothing(text):
    assert not [q for q in find_quantities(text) if q.unit == "rank"]
