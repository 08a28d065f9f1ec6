"""Reading real journalism: one test per language pattern, in sentences written for these tests.

Each rule here was measured failing on real published articles (../shared/corpus/news-*);
the sentences below are invented and only share the pattern.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import verifier.extract.claims as claims_module
from verifier.extract import extract_claims
from verifier.read import parse_document

RUN = date(2026, 6, 1)


def claims_in(text: str, name: str = "a.txt"):
    return extract_claims(parse_document(Path(name), "Published: 2025-03-01\n\n" + text, RUN))


def found(text: str) -> dict[str, object]:
    return {c.number_text: c for c in claims_in(text)}


def why_not(text: str) -> dict[str, str]:
    claims_module.REJECTED = []
    try:
        claims_in(text)
        return dict(claims_module.REJECTED)
    finally:
        claims_module.REJECTED = None


# --- 2. structure: list items read what their lead says -------------------------------------

LIST = """The largest economies in West Africa in 2024, according to the IMF:

1. Nigeria $252.7 billion
2. Ghana $82.8 billion
3. Côte d'Ivoire $86.9 billion
"""


def test_a_list_item_takes_the_measure_year_and_source_of_its_lead():
    items = found(LIST)
    ghana = items["$82.8 billion"]
    assert (ghana.entity, ghana.indicator, ghana.period.start, ghana.source_cited) == ("Ghana", "gdp", 2024, "imf")
    assert ghana.period.found_in == "the list's lead"


def test_a_ranked_list_makes_each_item_number_a_rank_within_the_leads_scope():
    items = found(LIST)
    second = items["2."]
    assert (second.statistic, second.value, second.entity, second.group) == ("rank", 2, "Ghana", "West Africa")


def test_a_list_that_ranks_from_the_bottom_counts_its_places_from_the_bottom():
    text = "The countries with the lowest inflation in 2023 were:\n\n1. Niger 3.7%\n2. Chad 4.1%\n"
    rank = found(text)["1."]
    assert rank.quantity.rank_order == "ascending" and rank.indicator == "inflation"


def test_bare_numbers_in_a_list_take_the_unit_its_lead_states():
    text = "These economies drew the most foreign direct investment, in billions of dollars:\n\n- Brazil (64).\n- India (28).\n"
    brazil = found(text)["64"]
    assert brazil.indicator == "fdi" and brazil.value == pytest.approx(64e9) and brazil.entity == "Brazil"


def test_a_table_flattened_into_one_line_is_read_as_its_rows():
    text = "Here are the highest rates.\n\nCountry Inflation rate in 2022 1. Ruritania 91,5% 2. Zembla 44,2% 3. Freedonia 20,1%\n"
    claims = claims_in(text)
    values = {c.number_text: c for c in claims if c.statistic == "value"}
    assert values["44,2%"].value == pytest.approx(44.2) and values["44,2%"].indicator == "inflation"
    assert values["44,2%"].period.start == 2022


# --- 3 and 4. a measure carried on from the sentence before ---------------------------------


def test_the_figure_points_back_to_the_measure_named_before():
    claims = found("Mongolia's GDP reached $23 billion in 2024. In 2019, the figure stood at $14 billion.")
    earlier = claims["$14 billion"]
    assert earlier.indicator == "gdp" and earlier.period.start == 2019 and not earlier.doubts


def test_a_fragment_carrying_on_the_paragraph_keeps_its_measure_with_a_doubt():
    claims = found("Foreign direct investment in Peru reached $4.5 billion in 2023. Peru attracted $6.8 billion in 2019.")
    assert claims["$6.8 billion"].indicator == "fdi"


@pytest.mark.parametrize("sentence", [
    "Newly registered investment pledges totalled $7 billion.",
    "A new port, which cost $2 billion, opened in March.",
    "The central bank lifted its benchmark rate to 13.5%.",
])
def test_a_sentence_naming_its_own_subject_does_not_carry_the_paragraphs_measure(sentence):
    text = "Foreign direct investment in Peru reached $4.5 billion in 2023, and inflation was 6.3%. " + sentence
    assert set(found(text)) == {"$4.5 billion", "6.3%"}


def test_a_clause_of_only_a_place_says_of_it_what_the_clause_before_said():
    claims = found("Spain produced 9.1% of euro area output last year, and Portugal 1.7%.")
    portugal = claims["1.7%"]
    assert (portugal.entity, portugal.statistic, portugal.indicator) == ("Portugal", "share", "gdp")


def test_a_relative_clause_between_subject_and_verb_does_not_take_the_verbs_subject():
    claims = found("Unemployment, which peaked at 9.4% in 2021, eased to 7.2% in 2024.")
    assert claims["7.2%"].indicator == "unemployment"


# --- 4. the measure from the words bound to the number --------------------------------------


@pytest.mark.parametrize("sentence, value", [
    ("Chile's gross domestic product was up by 2.6% in 2024.", 2.6),
    ("Chile's economy shrank a painful 6.1% in 2020.", -6.1),
    ("Chile increased its economy by 2.3 percent in 2023.", 2.3),
    ("Chile's economy reached 11.3% in 2021, the statistics office said.", 11.3),
    ("Chile's gross domestic product was 0.5 percent lower in 2023 compared to 2022.", -0.5),
])
def test_growth_as_real_copy_writes_it(sentence, value):
    (claim,) = claims_in(sentence)
    assert claim.indicator == "gdp_growth" and claim.value == pytest.approx(value)


def test_a_subject_the_catalogue_does_not_measure_takes_its_growth_with_it():
    assert why_not("Non-oil activities grew by 4.9 percent in 2024.")["4.9 percent"]


# --- 8. forecasts, targets and other things that are not claims -----------------------------


def test_an_imf_projection_is_a_claim_about_that_projection():
    (claim,) = claims_in("The IMF projects Kenya's economy to grow 5.0% in 2026.")
    assert claim.source_cited == "imf" and claim.period.start == 2026


def test_a_forecast_by_anyone_else_is_not_a_claim():
    reasons = why_not("Economists expect Kenya's economy to grow 5.0% in 2026.")
    assert reasons["5.0%"] == "a forecast by someone other than the IMF or the World Bank"


def test_a_target_is_not_a_claim_even_with_words_between_number_and_target():
    assert why_not("The cabinet approved a 7.5 percent economic growth target for 2026.")["7.5 percent"]


def test_may_the_month_is_not_may_the_verb():
    (claim,) = claims_in("NAIROBI, May 20 (Wire) - Kenya's economy grew 5.6% in 2023.")
    assert claim.value == 5.6


@pytest.mark.parametrize("sentence, number", [
    ("Income per head rose to $2,900, an increase of $140 on 2023.", "$140"),
    ("India now has about 2 million more people than China.", "2 million"),
    ("Once the region's biggest economy, Ruritania is now third.", "biggest"),
    ("Below is the list of the region's largest economies in 2024:", "largest"),
    ("Kenya produces 9% of the world's tea.", "9%"),
])
def test_differences_former_ranks_list_descriptions_and_shares_of_other_things_are_not_claims(sentence, number):
    assert number in why_not(sentence)
