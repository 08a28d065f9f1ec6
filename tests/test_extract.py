"""Extract: which numbers in a text are claims, and what the words around them say."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from verifier.extract import extract_claims, split_sentences
from verifier.read import parse_document

RUN_DATE = date(2026, 3, 1)


def claims_in(text):
    return extract_claims(parse_document(Path("t.txt"), text, RUN_DATE))


def claim_for(text, number):
    """The claim in `text` whose number is written `number`."""
    return next(c for c in claims_in(text) if c.number_text == number)


def claim_in(text):
    """The single claim in `text`."""
    found = claims_in(text)
    assert len(found) == 1, f"expected one claim in {text!r}, got {[c.number_text for c in found]}"
    return found[0]


# --- sentences -------------------------------------------------------------------------


def test_split_sentences_keeps_abbreviations_inside_a_sentence():
    text = "The U.S. Treasury sees slower growth. Mr. Okafor met Dr. Lim on Friday. Prices fell!"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. Treasury sees slower growth.",
        "Mr. Okafor met Dr. Lim on Friday.",
        "Prices fell!",
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_split_sentences_does_not_split_on_decimal_points_and_counts_paragraphs():
    text = "Output rose 3.25% in 2024. Prices rose too.\n\nA new paragraph starts. It ends here."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Output rose 3.25% in 2024.",
        "Prices rose too.",
        "A new paragraph starts.",
        "It ends here.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


# --- operators and statistics ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, operator",
    [
        ("Kenya's nominal GDP exceeds $110 billion.", ">"),
        ("Kenya's nominal GDP exceeded $110 billion in 2024.", ">"),
        ("Kenya's GDP is more than $110 billion.", ">"),
        ("Kenya's GDP climbed to over $110 billion.", ">"),
        ("Kenya's GDP is now above $110 billion.", ">"),
        ("Kenya's GDP is at least $110 billion.", ">="),
        ("Kenya's GDP is less than $110 billion.", "<"),
        ("Kenya's GDP stayed under $110 billion.", "<"),
        ("Kenya's GDP remained below $110 billion.", "<"),
        ("Kenya's GDP is about $110 billion.", "~"),
        ("Kenya's GDP is around $110 billion.", "~"),
        ("Kenya's GDP is nearly $110 billion.", "~"),
        ("Kenya's GDP is almost $110 billion.", "~"),
        ("Kenya's GDP is roughly $110 billion.", "~"),
        ("Kenya's GDP is $110 billion.", "="),
    ],
)
def test_operator_from_hedges_and_bounds(text, operator):
    claim = claim_in(text)
    assert claim.operator == operator
    assert claim.indicator == "gdp"
    assert claim.value == pytest.approx(110e9)
    assert claim.unit == "USD"


def test_percent_bounds_and_hedges():
    assert claim_in("Chile's unemployment rate is at least 7%.").operator == ">="
    assert claim_in("Chile's inflation fell below 4% in 2024.").operator == "<"
    assert claim_in("Chile's economy grew roughly 2.6% in 2024.").operator == "~"


def test_no_less_than_is_a_lower_bound_not_less_than():
    assert claim_in("Chile's unemployment rate is no less than 7%.").operator == ">="


def test_not_more_than_is_an_upper_bound():
    assert claim_in("Chile's inflation was not more than 5% in 2024.").operator == "<="


def test_averaging_makes_an_average():
    claim = claim_in("Ghana's economy grew strongly, averaging 5.9% a year since 2005.")
    assert claim.statistic == "average"
    assert claim.operator == "="
    assert claim.indicator == "gdp_growth"
    assert claim.value == pytest.approx(5.9)


def test_an_average_of_is_an_average_not_a_hedge():
    claim = claim_in("Peru's inflation was an average of 3.1% between 2012 and 2019.")
    assert (claim.statistic, claim.operator) == ("average", "=")


def test_growth_rate_over_a_span_is_an_average():
    claim = claim_in("Peru's economy grew 4% a year between 2010 and 2019.")
    assert claim.statistic == "average"


def test_growth_in_a_single_year_is_a_value():
    claim = claim_in("Peru's economy grew 4% in 2019.")
    assert claim.statistic == "value"


def test_percent_range_uses_range_operator():
    claim = claim_in("Peru's economy grew 3\u20134% in 2023.")
    assert claim.operator == "range"
    assert (claim.quantity.low, claim.quantity.high) == (3.0, 4.0)


# --- indicators ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, indicator, unit, value",
    [
        ("Kenya's nominal GDP reached $112 billion in 2024.", "gdp", "USD", 112e9),
        ("Kenya's GDP growth was 5.2% in 2024.", "gdp_growth", "percent", 5.2),
        ("Kenya's economy grew 5.2% in 2024.", "gdp_growth", "percent", 5.2),
        ("Kenya's output rose 5.2% in real terms in 2024.", "gdp_growth", "percent", 5.2),
        ("Kenya attracted $1.3 billion of FDI in 2024.", "fdi", "USD", 1.3e9),
        ("Kenya received foreign direct investment of $1.3 billion in 2024.", "fdi", "USD", 1.3e9),
        ("Kenya's inflation eased to 4.5% in 2024.", "inflation", "percent", 4.5),
        ("Kenya's unemployment rate was 5.6% in 2024.", "unemployment", "percent", 5.6),
        ("Chile is home to 19.6 million people.", "population", "persons", 19.6e6),
        ("Chile's GDP per capita was $16,800 in 2024.", "gdp_per_capita", "USD", 16800.0),
        ("Italy's public debt stands at 135% of GDP.", "public_debt", "percent", 135.0),
        ("Chile's exports were worth 95 bln in 2024.", "exports", "USD", 95e9),
    ],
)
def test_indicator_cues(text, indicator, unit, value):
    claim = claim_in(text)
    assert claim.indicator == indicator
    assert claim.unit == unit
    assert claim.value == pytest.approx(value)
    assert claim.statistic == "value"


def test_indicator_cue_records_the_words_that_named_it():
    claim = claim_in("Kenya's output rose 5.2% in real terms in 2024.")
    assert claim.indicator == "gdp_growth" and claim.indicator_cue == "output"  # "output rose": growth of output
    assert claim_in("Kenya's nominal GDP reached $112 billion in 2024.").indicator_cue == "nominal GDP"


def test_percent_of_gdp_is_a_ratio_not_growth():
    # "debt ... % of GDP": the ratio indicator, even with "growth" in the sentence.
    claim = claim_in("Despite growth, Italy's public debt was 137% of GDP in 2024.")
    assert claim.indicator == "public_debt"


def test_each_number_takes_the_nearest_cue():
    found = claims_in("In 2024 Kenya's inflation was 4.5% and its unemployment rate 5.6%.")
    assert [(c.number_text, c.indicator) for c in found] == [("4.5%", "inflation"), ("5.6%", "unemployment")]


def test_amount_in_another_currency_keeps_its_currency():
    claim = claim_in("Kazakhstan's GDP reached KZT 130 trillion in 2024.")
    assert claim.indicator == "gdp"
    assert claim.unit == "KZT"


# --- entities --------------------------------------------------------------------------


def test_country_named_in_the_sentence():
    claim = claim_in("Inflation in Chile was 3.9% in 2024.")
    assert claim.entity == "Chile"
    assert claim.entity_cue == "named in the sentence"


def test_demonym_names_the_country():
    claim = claim_in("The Kazakh economy grew 4.8% in 2024.")
    assert claim.entity == "Kazakh"
    assert claim.entity_cue == "named in the sentence"


def test_two_countries_in_one_sentence_each_claim_gets_its_own():
    found = claims_in("Chile's economy grew 2.6% in 2024, while Peru grew 3.3%.")
    assert [(c.number_text, c.entity) for c in found] == [("2.6%", "Chile"), ("3.3%", "Peru")]


@pytest.mark.parametrize(
    "text, pronoun",
    [
        ("Uzbekistan is changing fast. Our economy grew 6.5% in 2024.", "Our"),
        ("Uzbekistan is changing fast. We grew 6.5% in 2024.", "We"),
        ("Uzbekistan is changing fast. The country's economy grew 6.5% in 2024.", "The country's"),
    ],
)
def test_pronoun_resolves_to_the_country_named_earlier_in_the_paragraph(text, pronoun):
    claim = claim_in(text)
    assert claim.entity == "Uzbekistan"
    assert f"'{pronoun}' refers to Uzbekistan" in claim.entity_cue
    assert "this paragraph" in claim.entity_cue


def test_pronoun_takes_the_nearest_preceding_country():
    claim = claim_in("Ministers from Georgia met their Armenian hosts. Our economy grew 5.9% in 2024.")
    assert claim.entity == "Armenian"


def test_pronoun_looks_one_paragraph_back_but_no_further():
    near = claim_in("Mongolia mines copper.\n\nOur economy grew 4.9% in 2024.")
    assert near.entity == "Mongolia"
    assert "the paragraph before" in near.entity_cue
    far = claim_in("Mongolia mines copper.\n\nHerders move often.\n\nOur economy grew 4.9% in 2024.")
    assert far.entity == "Mongolia" and "the article is about Mongolia" in far.entity_cue  # the only country named
    unclear = claim_in("Mongolia and China trade.\n\nHerders move often.\n\nOur economy grew 4.9% in 2024.")
    assert unclear.entity is None  # two countries, named once each: no article country


def test_no_country_anywhere():
    claim = claim_in("Our economy grew 4.9% in 2024.")
    assert claim.entity is None
    assert "no country" in claim.entity_cue


def test_common_english_name_turkey_is_a_country():
    claim = claim_in("Inflation in Turkey was 58.5% in 2024.")
    assert claim.entity == "Turkey"


# --- periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, start, end, years",
    [
        ("Chile's economy grew 2.6% in 2024.", "year", 2024, 2024, None),
        ("Chile's economy has grown 3.4% a year since 2000.", "since", 2000, None, None),
        ("Chile's economy grew 3.4% a year over the past 25 years.", "past", None, None, 25),
        ("Chile's economy grew 3.4% a year over the past decade.", "past", None, None, 10),
        ("Chile's economy grew 3.4% a year between 2010 and 2020.", "range", 2010, 2020, None),
        ("Chile's economy grew 3.4% a year in 2010-2020.", "range", 2010, 2020, None),
        ("Chile's economy grew 2.6% last year.", "last_year", None, None, None),
    ],
)
def test_period_written_in_the_sentence(text, kind, start, end, years):
    period = claim_in(text).period
    assert period.kind == kind
    assert (period.start, period.end, period.years) == (start, end, years)
    assert period.found_in == "sentence"
    assert period.text in text


def test_currently_means_the_latest_year():
    period = claim_in("Chile's inflation is currently 4.1%.").period
    assert period.kind == "latest"
    assert period.text == "currently"
    assert period.found_in == "sentence"


def test_no_period_written_means_latest_found_nowhere():
    period = claim_in("Chile's inflation is 4.1%.").period
    assert period.kind == "latest"
    assert period.found_in == ""


def test_average_takes_its_period_from_the_previous_sentence():
    claim = claim_in(
        "Over the past 20 years, Ghana has been transformed. Its economy grew 5.8% a year on average."
    )
    assert claim.statistic == "average"
    assert claim.period.kind == "past"
    assert claim.period.years == 20
    assert claim.period.found_in == "previous sentence"


def test_a_single_value_does_not_borrow_the_previous_sentence_period():
    claim = claim_in("Between 2010 and 2020 Ghana was transformed. Its inflation is 23%.")
    assert claim.statistic == "value"
    assert claim.period.kind == "latest"


def test_the_nearest_period_wins():
    claim = claim_in("Chile, which joined the OECD in 2010, saw its economy grow 2.6% in 2024.")
    assert claim.period.kind == "year"
    assert claim.period.start == 2024


# --- sources and groups ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, source",
    [
        ("According to the IMF, Ghana's economy grew 5.7% in 2024.", "imf"),
        ("Ghana's economy grew 5.7% in 2024, the International Monetary Fund said.", "imf"),
        ("World Bank data show Ghana's GDP was $82 billion in 2024.", "world_bank"),
        ("Ghana's economy grew 5.7% in 2024.", None),
    ],
)
def test_source_cited(text, source):
    assert claim_in(text).source_cited == source


def test_world_bank_is_not_read_as_a_claim_about_the_world():
    claim = claim_in("World Bank data show Ghana's GDP was $82 billion in 2024.")
    assert claim.entity == "Ghana"
    assert claim.group is None


def test_share_of_a_group():
    claim = claim_in("Uzbekistan took 35% of all FDI into Central Asia in 2023.")
    assert claim.statistic == "share"
    assert claim.group == "Central Asia"
    assert claim.indicator == "fdi"
    assert claim.entity == "Uzbekistan"
    assert claim.value == pytest.approx(35.0)
    assert claim.period.kind == "year" and claim.period.start == 2023


def test_rank_among_the_world_economies():
    claim = claim_in("Chile is among the world's top 50 economies.")
    assert claim.statistic == "rank"
    assert claim.operator == "<="
    assert claim.value == 50
    assert claim.indicator == "gdp"
    assert claim.group == "the world"


def test_ordinal_rank_within_a_group():
    claim = claim_in("Kenya is the sixth-largest economy in Africa.")
    assert (claim.statistic, claim.operator, claim.value) == ("rank", "=", 6)
    assert claim.group == "Africa"


# --- what is not a claim ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On March 3, officials in Chile praised the strong growth.",  # a date
        "Chile expects strong growth through 2027.",  # a year used as a date
        "Chile's economy has been growing for 25 years.",  # a duration
        "Chile signed 12 agreements to lift exports.",  # a count
        "Chile's economy grew quickly in 2024.",  # a year, no figure
    ],
)
def test_dates_years_durations_and_counts_are_not_claims(text):
    assert claims_in(text) == []


def test_only_the_figure_is_a_claim_in_a_sentence_with_dates():
    found = claims_in("On March 3, 2025, Chile said its economy grew 2.6% in 2024.")
    assert [c.number_text for c in found] == ["2.6%"]


def test_a_head_count_is_not_a_population_claim():
    assert claims_in("A new factory in Kenya employs 12,000 people.") == []


# --- the record ------------------------------------------------------------------------


def test_claim_records_quote_offsets_line_and_id():
    text = "Published: 2025-01-05\n\nIntro line.\n\nKenya's economy grew 5.4% in 2024."
    document = parse_document(Path("article.txt"), text, RUN_DATE)
    (claim,) = extract_claims(document)
    assert claim.id == "article-1"
    assert claim.line == 5
    assert claim.quote == "Kenya's economy grew 5.4% in 2024."
    assert claim.quote[claim.quote_start:claim.quote_end] == "5.4%" == claim.number_text
    assert claim.quantity is not None and claim.quantity.decimals == 1


def test_claim_line_counts_front_matter():
    text = "---\ntitle: T\ndate: 2025-01-05\n---\nKenya's economy grew 5.4% in 2024."
    (claim,) = extract_claims(parse_document(Path("a.md"), text, RUN_DATE))
    assert claim.line == 5


# --- wordings from real copy: what is and is not a claim --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The firm signed a $2 billion deal with Egypt's government to expand output.",
        "The central bank raised its policy rate to 16.5% in Ghana to tame inflation.",
        "The company's revenue grew 15% in 2024, Nigeria's largest lender said.",
        "Kenya borrowed $1.5 billion from the IMF in 2024 to support its economy.",
        "Remittances to Kenya reached $4.9 billion in 2024.",
        "Kenya's central bank cut its key rate by 75 basis points to 12% as inflation eased.",
        "The government plans to cut public debt to 55% of GDP by 2028 in Kenya.",
        "Egypt is one of the largest economies in Africa.",
        "Kenya's economy suffered the biggest contraction since 1992.",
    ],
)
def test_numbers_about_other_measures_are_not_claims(text):
    assert claims_in(text) == []


@pytest.mark.parametrize(
    "text, indicator, value",
    [
        ("Kenya's GDP per capita rose 3% in 2024.", "gdp_per_capita_growth", 3.0),
        ("Egypt's population grew 2% in 2024.", "population_growth", 2.0),
        ("Argentina's economy contracted 1.3% in 2024.", "gdp_growth", -1.3),
        ("Germany's economy shrank by 0.5% in 2024.", "gdp_growth", -0.5),
        ("Germany's GDP fell 0.2% in 2024.", "gdp_growth", -0.2),
        ("Argentina's economy contracted −1.3% in 2024.", "gdp_growth", -1.3),
        ("Poland's economy has grown by an average of 3.7% a year since 2015.", "gdp_growth", 3.7),
    ],
)
def test_change_verbs_check_the_growth_of_their_subject(text, indicator, value):
    claim = claim_in(text)
    assert (claim.indicator, claim.value) == (indicator, value)


def test_falling_rate_to_a_level_is_a_value_not_a_change():
    claim = claim_in("Brazil's unemployment rate fell to 6.8% in 2024.")
    assert (claim.indicator, claim.value, claim.statistic) == ("unemployment", 6.8, "value")


def test_start_of_a_change_without_its_own_year_is_not_checked():
    found = claims_in("Ghana's inflation fell from 38% to 23% in 2024.")
    assert [c.number_text for c in found] == ["23%"]
    found = claims_in("Turkey's inflation eased from 53.9% in 2023 to 58.5% in 2024.")
    assert [(c.number_text, c.period.start) for c in found] == [("53.9%", 2023), ("58.5%", 2024)]


@pytest.mark.parametrize(
    "text, group, indicator",
    [
        ("Japan is the second-largest economy in the G7.", "G7", "gdp"),
        ("Spain's economy, the fourth-largest in the EU, grew 3.5% in 2024.", "the EU", "gdp"),
        ("Nigeria, Africa's largest economy, has 230 million people.", "Africa", "gdp"),
        ("Qatar is among the top five economies in the world by GDP per capita.", "the world", "gdp_per_capita"),
        ("Kenya is the third-largest economy in the East African Community.", "East African Community", "gdp"),
    ],
)
def test_rank_scope_and_measure(text, group, indicator):
    rank = next(c for c in claims_in(text) if c.statistic == "rank")
    assert (rank.group, rank.indicator) == (group, indicator)


@pytest.mark.parametrize(
    "text, period_text",
    [
        ("Nigeria's inflation rose to 31.7% in March 2024.", "in March"),
        ("Peru's unemployment rate was 6.5% in the second quarter.", "second quarter"),
    ],
)
def test_sub_annual_periods_are_recorded(text, period_text):
    claim = claim_in(text)
    assert claim.period.kind == "subannual" and claim.period.text == period_text


def test_percentage_points_are_a_change_over_time_and_no_claim():
    assert claims_in("Kenya's inflation fell by 2 percentage points in 2024.") == []


def test_december_inflation_is_the_years_end_of_period_rate():
    claim = claim_in("Nigeria's inflation rose to 34.8% in December 2024.")
    assert (claim.indicator, claim.period.kind, claim.period.start) == ("inflation_end_of_period", "december", 2024)


def test_decades_are_periods():
    claim = claim_in("Argentina's inflation averaged 50% in the 2010s.")
    assert (claim.period.kind, claim.period.start, claim.period.end) == ("range", 2010, 2019)


def test_previous_sentence_about_another_country_does_not_set_the_period():
    claim = claim_in("Rwanda grew fast over 2015-2019. Argentina's inflation averaged 50%.")
    assert claim.period.found_in != "previous sentence"


def test_country_right_after_the_number_is_its_subject():
    found = claims_in("The Kenyan economy grew 4.7% in 2024, compared with 6.1% in Uganda.")
    assert [(c.number_text, c.entity) for c in found] == [("4.7%", "Kenyan"), ("6.1%", "Uganda")]


def test_a_group_as_subject_is_not_a_country():
    found = claims_in("Kenya's economy grew 4.7% in 2024.\n\nSub-Saharan Africa's economy grew 3.6% in 2024.")
    assert found[1].entity is None and "group" in found[1].entity_cue


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Kenya's GDP reached 16.2 trillion shillings in 2024.", "KES"),
        ("Kenya's GDP reached KES 16.2 trillion in 2024.", "KES"),
        ("Poland's GDP reached 3.6 trillion zlotys in 2024.", "PLN"),
        ("Indonesia's GDP reached Rp 22,000 trillion in 2024.", "IDR"),
    ],
)
def test_national_currencies_are_not_dollars(text, unit):
    assert claim_in(text).unit == unit


def test_share_group_stays_in_its_sentence_and_reads_share_of_wordings():
    found = claims_in("Nigeria's GDP is 3% of that of the United States. Trade with the world grew.")
    assert all(c.statistic != "share" for c in found)  # "the world" is in the next sentence
    before = claim_in("Kazakhstan's share of Central Asia's GDP was 60% in 2024.")
    assert (before.statistic, before.group) == ("share", "Central Asia")
    of_the_gdp_of = claim_in("South Africa accounts for 30% of the GDP of Sub-Saharan Africa.")
    assert (of_the_gdp_of.statistic, of_the_gdp_of.group) == ("share", "Sub-Saharan Africa")


def test_a_fraction_in_words_is_a_hedged_share():
    claim = claim_in("Brazil accounts for a third of Latin America's GDP in 2023.")
    assert (claim.number_text, claim.statistic, claim.operator, claim.group) == ("a third", "share", "~", "Latin America")


@pytest.mark.parametrize("text", [
    "Vietnam's exports grew by 14% in 2022.",
    "Kenya's foreign direct investment fell 20% in 2023.",
    "Uzbekistan's GDP has doubled since 2010.",
    "Ghana's reserves halved in 2022.",
    "Nigeria's population has tripled since 1980.",
])
def test_changes_of_levels_over_time_are_not_claims(text):
    # Fact-checkers label the levels a change joins, not the change (../shared/corpus/news-*).
    assert claims_in(text) == []


def test_gdp_grew_is_still_real_growth_not_a_level_change():
    claim = claim_in("Kenya's GDP grew 5.6% in 2023.")
    assert (claim.statistic, claim.indicator) == ("value", "gdp_growth")


@pytest.mark.parametrize("text, low, high", [
    ("Indonesia's GDP was between $1.3tn and $1.4tn in 2023.", 1.3e12, 1.4e12),
    ("Turkey's inflation was between 50% and 60% in 2023.", 50, 60),
])
def test_between_x_and_y_is_one_range_claim(text, low, high):
    claim = claim_in(text)
    assert claim.number_text.startswith("between ") and claim.operator == "range"
    assert (claim.quantity.low, claim.quantity.high) == (low, high)


def test_since_independence_takes_the_countrys_year():
    claim = claim_in("Since independence, Kazakhstan's economy has grown by an average of 4% a year.")
    assert (claim.statistic, claim.period.kind, claim.period.start) == ("average", "since", 1991)
    unknown = claim_in("Since independence, Brazil's economy has grown by an average of 4% a year.")
    assert unknown.period.kind == "since" and unknown.period.start is None


@pytest.mark.parametrize("text, number, rank, kind", [
    ("India was among the 10 fastest-growing economies in the world in 2023.", "the 10 fastest-growing", 10, "top"),
    ("Guyana was the world's fastest-growing economy in 2023.", "fastest-growing", 1, "ordinal"),
    ("Rwanda is the third-fastest-growing economy in Africa.", "the third-fastest-growing", 3, "ordinal"),
])
def test_ranks_by_growth(text, number, rank, kind):
    claim = claim_in(text)
    assert (claim.number_text, claim.statistic, claim.value, claim.indicator, claim.quantity.rank_kind) == (
        number, "rank", rank, "gdp_growth", kind)


@pytest.mark.parametrize("text, number, value, other, indicator", [
    ("Kazakhstan's economy is twice as large as Uzbekistan's.", "twice", 2.0, "Uzbekistan", "gdp"),
    ("Kazakhstan's GDP per capita is 30% higher than Kyrgyzstan's.", "30%", 1.3, "Kyrgyzstan", "gdp_per_capita"),
    ("Nigeria's population is 2.5 times larger than that of South Africa.", "2.5 times", 2.5, "South Africa",
     "population"),
    ("Ghana's inflation was 20% lower than Nigeria's in 2023.", "20%", 0.8, "Nigeria", "inflation"),
])
def test_comparisons_between_countries_are_ratios(text, number, value, other, indicator):
    claim = claim_in(text)
    assert (claim.number_text, claim.statistic, claim.unit, claim.other, claim.indicator) == (
        number, "ratio", "ratio", other, indicator)
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize("text, found", [
    ("Nigeria's largest bank reported growth of 20% in 2023.", []),
    ("The company said Kenya's sales rose 12% in 2023.", []),
    ("The World Bank said Kenya's economy grew 5.6% in 2023.", ["5.6%"]),
    ("The central bank said inflation was 7.7% in 2023 in Kenya.", ["7.7%"]),
])
def test_a_company_as_the_subject_is_not_a_claim_about_the_economy(text, found):
    assert [c.number_text for c in claims_in(text)] == found


@pytest.mark.parametrize("text, value", [
    ("Kenya's current account deficit was 4% of GDP in 2023.", -4.0),
    ("India's current account deficit narrowed to 0.7% of GDP in 2023.", -0.7),
    ("Kenya had a current-account surplus of 2% of GDP in 2023.", 2.0),
    ("Kenya's current account balance was -4% of GDP in 2023.", -4.0),
])
def test_a_deficit_is_a_negative_balance(text, value):
    assert claim_in(text).value == value


@pytest.mark.parametrize("text", [
    "In the first half of 2024, Kazakhstan's economy grew 3.9%.",
    "Kazakhstan's economy grew 3.9% in H1 2024.",
])
def test_half_years_are_subannual_not_fractions(text):
    claim = claim_in(text)
    assert claim.number_text == "3.9%" and claim.period.kind == "subannual"


@pytest.mark.parametrize("text, number, rank, order, indicator", [
    ("Unemployment in Poland, at 2.9% in 2024, was the second-lowest in the EU.", "second-lowest", 2, "ascending",
     "unemployment"),
    ("Mexico's economy is the second-largest in Latin America.", "second-largest", 2, "descending", "gdp"),
    ("France's public debt is the fourth-highest in the G7.", "fourth-highest", 4, "descending", "public_debt"),
    ("Canada's economy is the smallest in the G7.", "the smallest", 1, "ascending", "gdp"),
    ("Nigeria is Africa's most populous country.", "most populous", 1, "descending", "population"),
    ("At $348 billion in 2024, Romania's economy ranks 12th in the EU.", "12th", 12, "descending", "gdp"),
])
def test_ranks_from_the_top_and_from_the_bottom(text, number, rank, order, indicator):
    claim = next(c for c in claims_in(text) if c.statistic == "rank")
    assert (claim.number_text, claim.value, claim.quantity.rank_order, claim.indicator) == (number, rank, order, indicator)


@pytest.mark.parametrize("text", [
    "The jobless rate fell to 6.6% last year, the lowest on record.",
    "Public debt fell to 25% of GDP in 2024, the lowest in a decade.",
    "Chile's GDP per capita is among the highest in South America.",
    "Kyrgyzstan has been one of the world's fastest-growing economies.",
    "Romania ran a budget deficit of 9.3% of GDP last year, the largest in the European Union.",
])
def test_superlatives_that_are_no_rank(text):
    assert [c.number_text for c in claims_in(text) if c.statistic == "rank"] == []


def test_a_figure_with_no_country_is_about_the_articles_country():
    text = ("Italy's economy is the third-largest in the euro area.\n\nGreece and Portugal grew faster. "
            "Italy's debt is high.\n\nThe economy grew 0.7% in 2024.")
    growth = claim_for(text, "0.7%")
    assert growth.entity == "Italy" and "the article is about Italy" in growth.entity_cue


def test_a_country_as_an_object_in_another_clause_is_not_the_subject():
    text = "Germany's exports suffered from weak demand in China, and unemployment rose to 3.4% in 2024. Germany is big."
    claim = claim_for(text, "3.4%")
    assert claim.entity == "Germany"


def test_a_country_opening_the_sentence_is_its_topic():
    text = "Brazil grew. Brazil shrank. In Chile, inflation was 11.6% in 2022 before easing."
    assert claim_for(text, "11.6%").entity == "Chile"


@pytest.mark.parametrize("text, number, value", [
    ("Germany's economy contracted by 0.2% in 2024, following a 0.9% decline in 2023.", "0.9%", -0.9),
    ("Fiji's output contracted by 17.2% in 2020 and shrank by a further 4.4% in 2021.", "4.4%", -4.4),
])
def test_declines_written_as_nouns_or_further_falls_are_negative(text, number, value):
    assert next(c for c in claims_in(text) if c.number_text == number).value == value


def test_an_average_over_one_year_is_that_years_value():
    claim = claim_in("Kenya's inflation averaged 4.9% in 2024.")
    assert (claim.statistic, claim.period.start) == ("value", 2024)


def test_per_person_cues_gdp_per_capita():
    claim = claim_in("Chile's GDP works out at about $18,100 per person in 2024.")
    assert claim.indicator == "gdp_per_capita"


@pytest.mark.parametrize("text, number, indicator, value", [
    ("Mongolia's economy grew 7.4% in 2023, before slowing to 5% in 2024.", "5%", "gdp_growth", 5),
    ("Inflation in Kenya eased to 4.5% in 2024.", "4.5%", "inflation", 4.5),
    ("Senegal's current account deficit narrowed from 20% of GDP in 2022 to 12.5% in 2024.", "12.5%",
     "current_account", -12.5),
    ("France's public debt reached 111% of GDP in 2024, up from about 98% in 2019.", "98%", "public_debt", 98),
    ("Bangladesh's reserves fell from $46.2 billion at the end of 2021 to $21.4 billion in 2024.", "$46.2 billion",
     "reserves", 46.2e9),
    ("Uzbekistan's economy is roughly eight times the size of Kyrgyzstan's.", "eight times", "gdp", 8),
])
def test_more_ways_of_writing_a_figure(text, number, indicator, value):
    claim = next(c for c in claims_in(text) if c.number_text == number)
    assert (claim.indicator, claim.value) == (indicator, value)


@pytest.mark.parametrize("text, number, year", [
    # A year written after another number is that number's period.
    ("Chile's report for 2024 came out. It shows the economy expanding 2.6% and inflation easing to 4.3% "
     "from 7.6% in 2023.", "2.6%", 2024),
    # "That year" counts from the year written before it, not after.
    ("In 2023 coal lifted Mongolia's economy. It grew 7.4% that year, before slowing to 5% in 2024.", "7.4%", 2023),
    # A month in another clause does not make a yearly figure sub-annual.
    ("Inflation in Kazakhstan slowed to 7.9% last year from 12.5% in 2023, but consumer prices were up 9.4% "
     "year on year in January.", "12.5%", 2023),
])
def test_periods_belong_to_their_own_number(text, number, year):
    claim = next(c for c in claims_in(text) if c.number_text == number)
    assert (claim.period.start, claim.period.end) == (year, year)


def test_the_gdp_of_a_ratio_is_not_a_cue_for_the_amount_beside_it():
    text = "Morocco's exports of goods and services reached 42% of GDP in 2024, or about $67 billion."
    assert claim_for(text, "$67 billion").indicator == "exports"


@pytest.mark.parametrize("text", ["The world's population passed 8 billion in 2022.",
                                  "Vietnam's population crossed 100 million in 2023."])
def test_passed_and_crossed_are_lower_bounds(text):
    assert claim_in(text).operator == ">"


def test_more_than_itself_in_another_year_is_a_change_and_the_two_levels_are_the_claims():
    text = ("Mexico attracted $45.5 billion of foreign direct investment in 2024, almost 70% more than "
            "the $30.7 billion it received the year before.")
    found = {c.number_text: c for c in claims_in(text)}
    assert "70%" not in found
    assert found["$30.7 billion"].period.start == 2023 and found["$45.5 billion"].indicator == "fdi"


@pytest.mark.parametrize("text, number, indicator", [
    ("Germany's unemployment on the ILO measure rose to 3.4% in 2024.", "3.4%", "unemployment"),
    ("In the fourth quarter, Brazil's output rose only 0.2% from the previous three months.", "0.2%", "gdp_growth"),
    ("Kazakhstan accounts for 60% of Central Asia's output; Uzbekistan has 49% of that total.", "49%", "gdp"),
])
def test_rates_that_rose_to_a_level_and_shares_of_that_total(text, number, indicator):
    claim = next(c for c in claims_in(text) if c.number_text == number)
    assert claim.indicator == indicator


def test_an_unnamed_rate_that_fell_is_no_claim():
    assert [c.number_text for c in claims_in("In Turkey the annual rate fell to 44.4% in 2024.")] == []


def test_our_economy_is_the_speakers_country_not_the_last_guest_named():
    text = ("Canada hosts the summit. Canada's ministers met their peers.\n\n"
            "We welcomed the United States delegation. Our economy grew 1.5% last year.")
    assert claim_for(text, "1.5%").entity == "Canada"


def test_a_quarter_of_is_a_fraction_not_a_quarter_year():
    claim = claim_in("Germany accounts for about a quarter of EU output in 2024.")
    assert (claim.statistic, claim.period.kind) == ("share", "year")


def test_a_figure_for_next_year_is_a_forecast_not_a_claim():
    found = claims_in("Sub-Saharan Africa's economy grew 3.6% in 2024, and the IMF sees 4.3% next year.")
    assert [c.number_text for c in found] == ["3.6%"]


def test_a_rank_by_ratio_in_the_euro_area():
    found = claims_in("Italy's public debt rose to 138.3% of GDP in 2024, the second-highest ratio in the euro zone.")
    rank = next(c for c in found if c.statistic == "rank")
    assert (rank.number_text, rank.group, rank.indicator, rank.value) == ("second-highest", "euro zone", "public_debt", 2)


@pytest.mark.parametrize("text, found", [
    ("Our Vision 2030 sets goals for Saudi Arabia: to cut unemployment to seven percent.", []),
    ("South Africa's inflation is well inside its 3–6% target band.", []),
    ("Mongolia's coal exports reached a record 83.7 million tonnes in 2024.", []),
    ("Kenya's central bank moved to raise rates as inflation hit 9% in 2023.", ["9%"]),
])
def test_goals_bands_and_counts_of_things_are_no_claims(text, found):
    assert [c.number_text for c in claims_in(text)] == found


def test_a_figure_compared_with_takes_the_measure_of_the_first():
    found = claims_in("Kenya's economy expanded by 4.7 percent in 2024 compared with 5.7 percent in 2023.")
    assert [(c.number_text, c.indicator, c.period.start) for c in found] == [
        ("4.7 percent", "gdp_growth", 2024), ("5.7 percent", "gdp_growth", 2023)]


def test_a_speech_in_tenge_is_about_kazakhstan_not_the_neighbour_it_names():
    text = ("In 2023 our gross domestic product reached KZT 119 trillion, and last year it exceeded "
            "KZT 130 trillion. In dollar terms, our economy "
            "is more than twice the size of Uzbekistan's. Our GDP per capita exceeded $14,000 in 2024.")
    claim = claim_for(text, "$14,000")
    assert claim.entity == "Kazakhstan"
    assert "KZT" in claim.entity_cue


def test_the_dollar_names_no_country():
    assert claim_in("GDP per capita exceeded $14,000 in 2024.").entity is None


def test_the_year_compared_with_does_not_carry_to_the_next_sentence():
    text = ("The economy grew 4.7 percent in 2024, compared with 5.7 percent in 2023. "
            "Nominal GDP reached KSh 16.2 trillion. Inflation averaged 4.9 percent during the year.")
    found = {c.number_text: c.period for c in claims_in(text)}
    assert (found["KSh 16.2 trillion"].start, found["4.9 percent"].start) == (2024, 2024)


@pytest.mark.parametrize("text, number, indicator", [
    # An aside between commas does not cut the subject off from its verb.
    ("In Kyrgyzstan inflation, meanwhile, fell to 5.0% in 2024.", "5.0%", "inflation"),
    # A relative clause's subject is the noun before the comma.
    ("Canada's output barely moved, but a growing population, which jumped 3% in 2024, did.", "3%",
     "population_growth"),
])
def test_subjects_across_asides_and_relative_clauses(text, number, indicator):
    assert next(c for c in claims_in(text) if c.number_text == number).indicator == indicator


def test_a_nation_counted_is_its_population():
    claim = claim_in("For 283 million Indonesians, growth has meant rising incomes in 2024.")
    assert (claim.indicator, claim.entity, claim.value) == ("population", "Indonesia", 283e6)


def test_people_working_abroad_are_not_the_population():
    assert claims_in("Some 1.2 million Kyrgyz citizens working abroad sent money home in 2024.") == []


def test_last_year_carries_to_the_next_sentence():
    text = ("Last year, Saudi Arabia's economy grew by 8.7 percent. "
            "For the first time, its gross domestic product surpassed one trillion dollars.")
    claim = claim_for(text, "one trillion dollars")
    assert (claim.period.kind, claim.period.found_in, claim.operator) == ("last_year", "previous sentence", ">")


def test_the_annual_rate_is_the_rate_named_earlier_in_the_sentence():
    text = "Consumer price inflation in Türkiye averaged 58.5% in 2024, although the annual rate fell to 44.4% in December."
    claim = claim_for(text, "44.4%")
    # The December rate is the year's end-of-period inflation, for the year the sentence is about.
    assert (claim.indicator, claim.period.kind, claim.period.start) == ("inflation_end_of_period", "december", 2024)


def test_it_opening_a_sentence_is_the_measure_of_the_sentence_before():
    text = "In 2024 Australia's population grew strongly. It rose by 2 per cent to 26.7 million."
    found = {c.number_text: c.indicator for c in claims_in(text)}
    assert found == {"2 per cent": "population_growth", "26.7 million": "population"}


def test_it_in_a_new_paragraph_refers_to_nothing_before():
    assert claims_in("In 2024 Australia's population grew strongly.\n\nIt rose by 2 per cent.") == []


def test_up_from_takes_the_measure_of_the_last_figure_written_alike():
    text = ("Morocco's exports of goods and services reached 42% of GDP in 2024, or about $67 billion, "
            "up from 35% of GDP in 2015.")
    claim = claim_for(text, "35%")
    assert (claim.indicator, claim.period.start) == ("exports_to_gdp", 2015)


def test_the_region_is_the_group_named_last_even_paragraphs_before():
    text = ("Sub-Saharan Africa's economy grew 3.6% in 2024.\n\n"
            "The region's combined GDP was about $2 trillion in 2024.\n\n"
            "Nigeria is home to about 15% of the region's people.")
    claim = claim_for(text, "15%")
    assert (claim.statistic, claim.indicator, claim.entity, claim.group) == (
        "share", "population", "Nigeria", "Sub-Saharan Africa")
