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
    reasons = why_not("Economists expect Kenya's economy to grow 5.0% in 2026. The ministry expects Kenya's economy to "
                      "grow 5.3% in 2026.")
    assert reasons["5.0%"] == "an economists' or market forecast"
    assert reasons["5.3%"] == "a forecast by someone other than the IMF or the World Bank"


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


# --- periods as real copy writes them --------------------------------------------------------


@pytest.mark.parametrize("sentence, country, year", [
    ("India's economy grew 8.2% in FY24.", "India", 2023),  # April-March years are labelled by their start
    ("Pakistan's economy grew 2.4% in FY2023-24.", "Pakistan", 2024),  # July-June years by their end
    ("Bangladesh's per capita income was $2,784 in 2023/24.", "Bangladesh", 2024),
    ("India's GDP grew 9.7% in 2022-23.", "India", 2022),  # "2022-23" is one fiscal year, not two
])
def test_fiscal_years_are_the_year_the_data_label_them(sentence, country, year):
    from verifier.resolve import resolve
    (claim,) = claims_in(sentence)
    resolution = resolve(claim, date(2025, 3, 1))
    assert claim.entity == country and claim.period.kind == "fiscal"
    assert (resolution.start, resolution.end) == (year, year) and not resolution.doubts


def test_the_current_fiscal_year_counts_from_publication():
    from verifier.resolve import resolve
    (claim,) = claims_in("Pakistan's per capita income rose to $1,680 in the current fiscal year.")
    assert resolve(claim, date(2024, 5, 22)).end == 2024  # July 2023 to June 2024


@pytest.mark.parametrize("sentence", [
    "In the third quarter of 2023, Ruritania's real GDP grew by 2.5% on a year-on-year basis.",
    "Over four quarters, the economy of Chile showed an increase of 3.1%.",
    "Ruritania's inflation eased to 6.2% month-on-month.",
    "Lebanon recorded inflation of 190% until November.",
    "Ruritania's GDP rose 0.4 percent in the previous quarter.",
])
def test_a_month_or_quarter_in_the_numbers_clause_makes_it_sub_annual(sentence):
    (claim,) = claims_in(sentence)
    assert claim.period.kind == "subannual"


def test_a_month_of_another_clause_does_not():
    (claim,) = claims_in("Ruritania's growth slowed to 5.8% in 2024 as protesters filled the capital's streets in August.")
    assert claim.period.kind == "year" and claim.period.start == 2024


def test_a_year_the_figure_is_compared_with_is_not_its_year():
    (claim,) = claims_in("Ruritania's real GDP in 2023 increased by 4.1% against 2022.")
    assert claim.period.start == 2023


def test_a_year_in_a_since_clause_is_a_reference_point():
    claims = found("The average inflation rate in Ruritania for 2023 was 6.4%, the second-highest since independence in 1991.")
    assert claims["6.4%"].period.start == 2023


def test_now_in_the_numbers_own_clause_beats_a_year_in_another():
    claims = found("Ruritania was the world's 12th largest economy in 2014, but now it stands at seventh place.")
    assert claims["seventh place"].period.kind == "latest" and claims["12th largest"].period.start == 2014


def test_once_at_is_some_year_in_the_past():
    claims = found("Ruritania's unemployment rate, once at 18%, has now fallen to 4.1%.")
    assert claims["18%"].period.kind == "ever" and claims["4.1%"].period.kind == "latest"


def test_from_until_is_a_range():
    (claim,) = claims_in("GDP growth in Ruritania averaged 3.9% from 1996 until 2024.")
    assert (claim.period.start, claim.period.end, claim.statistic) == (1996, 2024, "average")


# --- one measure, several definitions -----------------------------------------------------


@pytest.fixture
def two_sources():
    from verifier.fetch import DataSources
    from .test_check import FakeImf, FakeSource
    world_bank = FakeSource({"FP.CPI.TOTL.ZG": {"ARG": {2023: 133.5}}, "NY.GNP.PCAP.CD": {"PAK": {2023: 1450}},
                             "NY.GDP.PCAP.CD": {"PAK": {2023: 1365}}, "NY.GDP.MKTP.CD": {"IND": {2011: 1.8e12},
                                                                                          "USA": {2011: 15.6e12}}})
    imf = FakeImf({"PCPIEPCH": {"ARG": {2023: 211.4}}, "PCPIPCH": {"ARG": {2023: 133.5}},
                   "NGDPDPC": {"PAK": {2023: 1680}}, "NGDP": {"IND": {2023: 296.6e12}}})
    return DataSources([world_bank, imf])


def verdict_of(sentence: str, data, published=date(2024, 5, 1)):
    from verifier.check import check
    from verifier.pipeline import series_needed
    from verifier.resolve import resolve
    (claim,) = extract_claims(parse_document(Path("a.txt"), f"Published: {published}\n\n{sentence}", RUN))
    resolution = resolve(claim, published)
    data.fetch(series_needed([resolution]))
    return check(claim, resolution, data)


def test_annual_inflation_holds_as_the_december_rate_when_the_average_does_not(two_sources):
    verdict = verdict_of("Ruritania aside, Argentina's annual inflation reached 211.4% in 2023.", two_sources)
    assert verdict.verdict.value == "accurate" and verdict.primary.evidence[0].series == "PCPIEPCH"
    assert any("133" in f"{r.actual}" for r in verdict.alternatives)  # the average is shown beside it


def test_inflation_said_to_be_an_average_is_only_the_average(two_sources):
    verdict = verdict_of("Argentina's inflation averaged 211.4% in 2023.", two_sources)
    assert verdict.verdict.value in ("inaccurate", "misleading")


def test_per_capita_income_holds_under_gni_or_gdp_per_capita(two_sources):
    verdict = verdict_of("Pakistan's per capita income was $1,450 in 2023.", two_sources)
    assert verdict.verdict.value == "accurate" and verdict.primary.evidence[0].series == "NY.GNP.PCAP.CD"


def test_an_amount_in_the_countrys_own_money_is_checked_in_that_money(two_sources):
    verdict = verdict_of("India's GDP at current prices was Rs 296.58 lakh crore in 2023.", two_sources)
    assert verdict.resolution.indicator == "gdp_lcu" and verdict.verdict.value == "accurate"


# --- 6. ranks with their scope -------------------------------------------------------------


@pytest.mark.parametrize("sentence, group", [
    ("The Philippines emerged as South-east Asia's fastest-growing economy in 2023.", "South-east Asia"),
    ("Spain remains the EU country with the highest unemployment rate.", "the EU"),
    ("EU rank: 6th largest economy by nominal GDP.", "EU"),
    ("In 2023, Ethiopia emerged as the top destination for foreign direct investment in East Africa.", "East Africa"),
    ("India continues to be the world's fastest-growing major economy.", "major economy"),  # which economies is not said
])
def test_the_scope_of_a_rank(sentence, group):
    rank = next(c for c in claims_in(sentence) if c.statistic == "rank")
    assert rank.group == group


def test_a_rank_in_a_list_of_the_fastest_growing_is_a_rank_by_growth():
    (claim,) = claims_in("Ruritania has slipped to 164th place in the list of fastest growing nations.")
    assert (claim.indicator, claim.value) == ("gdp_growth", 164)


# --- 9. negation --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Kenya has not slipped to 164th place in the list of fastest growing nations.",
    "Kenya's public debt of 52 percent of GDP in 2024 is not the highest.",
])
def test_a_denied_figure_is_a_claim_that_it_is_not_so(sentence):
    denied = next(c for c in claims_in(sentence) if c.statistic == "rank")
    assert denied.operator == "!="


def test_a_denied_figure_holds_unless_the_data_bear_it_out():
    from verifier.check import judge
    (claim,) = claims_in("Kenya's inflation did not reach 9% in 2023.")
    assert claim.operator == "!="
    assert judge(claim, 7.7).value == "accurate" and judge(claim, 9.1).value == "inaccurate"


# --- 8. more that is not a claim -------------------------------------------------------------


@pytest.mark.parametrize("sentence, number", [
    ("Which countries have the highest inflation rates in 2024?", "the highest"),
    ("The growth was driven by a 12 percent expansion in agriculture.", "12 percent"),
    ("In 2022, the Chilean economy is 0.9 percent below 2018.", "0.9 percent"),
    ("Over four hard years the government has grown the economy by K32 billion.", "K32 billion"),
    ("Chile's coal imports rose to 63.8 million metric tons in 2024.", "63.8 million"),
    ("Vietnam has set a GDP growth target of 6.5 percent to 7.0 percent for this year.", "7.0 percent"),
    ("Pakistan aimed to reach a $3 trillion economy by 2047.", "$3 trillion"),
])
def test_questions_sectors_references_changes_counts_and_targets_are_not_claims(sentence, number):
    assert number in why_not(sentence)


def test_a_forecast_about_a_year_already_over_is_an_estimate_and_a_claim():
    text = "Published: 2025-03-01\n\nChile's economy was expected to grow 2.6% in 2023, the finance ministry said."
    (claim,) = extract_claims(parse_document(Path("a.txt"), text, RUN))
    assert claim.period.start == 2023


def test_a_projection_in_an_article_about_an_imf_report_is_the_imfs():
    text = ("Title: IMF raises its outlook for Chile\nPublished: 2025-03-01\n\n"
            "The report predicts that Chile's inflation will ease to 3.9% in 2026.")
    (claim,) = extract_claims(parse_document(Path("a.txt"), text, RUN))
    assert claim.source_cited == "imf"


def test_the_figure_a_change_starts_from_is_the_year_before_when_no_year_is_written():
    claims = found("Kenya reported GDP growth of 5.6 percent in 2023, up from a revised 4.9 percent.")
    assert claims["4.9 percent"].period.start == 2022


# --- doubts: a reading the words leave uncertain is held for review ---------------------------


@pytest.mark.parametrize("sentence, doubt", [
    ("Chile's inflation stood at 3.9% in December.", "December"),
    ("Economists say Chile's unemployment is around 12% if you count those who gave up looking.", "another definition"),
    ("Chile and Peru are the most populous countries of the region.", "two places share the subject"),
    ("Chile's GDP stood at $16,900 in 2023.", "too small for the size of an economy"),
])
def test_words_that_make_a_reading_uncertain_become_doubts(sentence, doubt):
    claim = next(iter(claims_in(sentence)))
    assert any(doubt in d for d in claim.doubts)


def test_per_capita_words_anywhere_in_the_sentence_make_a_small_gdp_per_head():
    (claim,) = claims_in("On a per capita basis, Chile's GDP stood at $16,900 in 2023.")
    assert claim.indicator == "gdp_per_capita" and not claim.doubts


def test_a_relative_clause_does_not_lend_its_measure_to_the_sentence():
    (claim,) = claims_in("Chile's real GDP growth, which is measured after inflation, stood at 2.6 per cent in 2024.")
    assert claim.indicator == "gdp_growth"


def test_a_one_letter_scale_written_in_capitals():
    (claim,) = claims_in("Chile's nominal GDP: ~$330B in 2024.")
    assert claim.value == pytest.approx(330e9)


def test_a_headline_future_is_a_forecast():
    assert "third-largest" in why_not("Chile to be the region's third-largest economy: president")


def test_a_place_after_surpass_or_replace_is_the_object_not_the_subject():
    (claim,) = claims_in("Chile surpasses Peru to become the region's most populous nation.")
    assert claim.entity == "Chile"


# --- confidence, review and the gate ------------------------------------------------------------


def test_an_uncertain_reading_is_held_for_review_and_blocks_only_when_the_desk_says_so(two_sources):
    from verifier.gate import blocks
    # A December figure may be the month's own rate: read as the year's, it would be inaccurate.
    verdict = verdict_of("Argentina's inflation stood at 25.5% in December 2023.", two_sources)
    assert verdict.review and verdict.review_verdict.value == "inaccurate"
    assert verdict.verdict.value == "unverifiable" and verdict.confidence == "medium"
    assert "Needs review" in verdict.explanation and "December" in verdict.explanation
    assert not blocks(verdict) and blocks(verdict, block_review=True)


def test_a_sure_reading_has_high_confidence_and_blocks_when_wrong(two_sources):
    from verifier.gate import blocks
    verdict = verdict_of("Argentina's inflation averaged 150% in 2023.", two_sources)
    assert verdict.confidence == "high" and not verdict.review
    assert verdict.verdict.value == "inaccurate" and blocks(verdict)


def test_a_figure_said_twice_is_one_claim_with_both_places():
    text = "Chile's economy grew 2.6% in 2024\n\nThe statistics office said Chile's economy grew 2.6% in 2024."
    (claim,) = claims_in(text)
    assert claim.line == 5 and [line for _, _, line in claim.also] == [3]  # the fuller sentence speaks for both


@pytest.mark.parametrize("sentence, voice", [
    ("Claim: “Chile's economy grew 9% in 2024.”", "quoted"),
    ("The senator claimed that Chile's economy grew 9% in 2024.", "quoted"),
    ("Chile's economy grew 2.6% in 2024, official data show.", "the article"),
])
def test_whose_claim_it_is(sentence, voice):
    (claim,) = claims_in(sentence)
    assert claim.voice == voice


# --- lists written into sentences, and figures in brackets ---------------------------------


def test_figures_in_brackets_beside_places_say_the_same_as_the_text_around():
    text = ("Chile's GDP per capita reached $17,100 in 2024. This compares with Peru ($8,300) and Bolivia ($4,000).")
    claims = found(text)
    assert (claims["$8,300"].entity, claims["$8,300"].indicator) == ("Peru", "gdp_per_capita")
    assert claims["$4,000"].entity == "Bolivia"


def test_respectively_pairs_each_figure_with_its_year_and_place():
    claims = found("Kenya and Uganda grew 5.6% and 6.1% in 2023, respectively.")
    assert (claims["5.6%"].entity, claims["6.1%"].entity) == ("Kenya", "Uganda")
    years = found("Chile's economy posted a 1.2 percent drop and a 6.0 percent drop in 2019 and 2020, respectively.")
    assert (years["1.2 percent"].period.start, years["6.0 percent"].period.start) == (2019, 2020)


def test_an_apposition_between_subject_and_verb_is_passed_over():
    (claim,) = claims_in("In 2023, inflation, the old enemy of Chileans, fell to 3.9 percent.")
    assert claim.indicator == "inflation"


@pytest.mark.parametrize("sentence, indicator", [
    ("Ruritania ranked first in the world ranking of countries in terms of inflation in 2023.", "inflation"),
    ("The top five countries with the highest annual inflation included Chile in 2023.", "inflation"),
    ("Italy posted the strongest growth of the four European G7 economies in 2021.", "gdp_growth"),
])
def test_what_a_rank_is_by(sentence, indicator):
    rank = next(c for c in claims_in(sentence) if c.statistic == "rank")
    assert rank.indicator == indicator


@pytest.mark.parametrize("sentence", [
    "Kenya's 52 percent debt to GDP in 2024 is manageable.",
    "Kenya's debt-to-GDP ratio of 70.2% in 2023 worries lenders.",
])
def test_a_ratio_named_as_of_gdp_needs_no_of_gdp_after_the_number(sentence):
    (claim,) = claims_in(sentence)
    assert claim.indicator == "public_debt"


def test_a_difference_of_people_is_not_a_population():
    assert "3 million" in why_not("India's population is now ahead of China's, a difference of nearly 3 million.")


# --- periods: bases of comparison and appositions ---------------------------------------------


def test_a_year_earlier_after_from_is_the_base_of_a_change_not_the_figures_year():
    claims = found("Chile's exports in 2023 rose 9% from a year earlier to $98 billion.")
    assert claims["$98 billion"].period.start == 2023


def test_the_previous_years_figure_is_that_years():
    claims = found("Peru's economy grew 3.1% in 2024, an improvement on the previous year's weak 0.5%.")
    assert claims["0.5%"].period.start == 2023


def test_a_year_after_up_from_is_the_bases_year():
    claims = found("Chile is the fourth-largest economy in the region, up from the sixth-largest in 2010.")
    assert claims["fourth-largest"].period.kind == "latest"


def test_a_rank_in_apposition_to_a_figure_shares_its_period():
    claims = found("Peru's growth of 3.1 per cent last year – the highest among Andean nations – lifted hopes for 2025.")
    rank = claims["the highest"]
    assert rank.period.kind == "last_year" and rank.statistic == "rank"


def test_each_year_until_a_year_is_checked_for_that_year_with_a_doubt():
    (rank,) = claims_in("The IMF projects Italy to be the fastest-growing European G7 economy each year until 2029.")
    assert rank.period.start == 2029 and rank.group == "European G7"
    assert any("every year" in doubt for doubt in rank.doubts)


# --- trade balances and totals -----------------------------------------------------------------


def test_trade_surplus_deficit_and_turnover_are_measures_of_their_own():
    claims = found("Chile's trade turnover reached $170 billion in 2023 and its trade surplus hit $15 billion.")
    assert claims["$170 billion"].indicator == "trade_total"
    assert claims["$15 billion"].indicator == "trade_balance"
    (deficit,) = claims_in("Kenya ran a trade deficit of $10 billion in 2023.")
    assert deficit.indicator == "trade_balance" and deficit.value == pytest.approx(-10e9)


def test_a_balance_is_computed_from_exports_and_imports():
    from verifier.fetch import DataSources
    from .test_check import FakeSource
    data = DataSources([FakeSource({"TX.VAL.MRCH.CD.WT": {"CHL": {2023: 95e9}}, "TM.VAL.MRCH.CD.WT": {"CHL": {2023: 80e9}},
                                    "NE.EXP.GNFS.CD": {"CHL": {2023: 110e9}}, "NE.IMP.GNFS.CD": {"CHL": {2023: 100e9}}})])
    assert verdict_of("Chile posted a trade surplus of $15 billion in 2023.", data).verdict.value == "accurate"
    assert verdict_of("Chile posted a trade deficit of $15 billion in 2023.", data).verdict.value == "inaccurate"
    assert verdict_of("Chile's trade turnover was $175 billion in 2023.", data).verdict.value == "accurate"


# --- who the figure is about --------------------------------------------------------------------


def test_a_clause_of_the_number_alone_takes_the_subject_of_the_one_before():
    claims = found("Chile's jobless rate is 8.5%. The unemployment average for the euro area is lower, at 6.4%.")
    assert claims["6.4%"].entity is None and claims["6.4%"].group == "the euro area"


def test_a_paragraph_about_a_group_gives_the_group_not_an_earlier_country():
    text = ("The war in Ukraine still weighs on trade.\n\nPrices in the advanced economies kept easing in 2024. "
            "Inflation there is projected by the IMF to fall to 2.5% in 2025.")
    claim = found(text)["2.5%"]
    assert claim.entity is None and claim.group == "advanced economies"


def test_a_group_after_a_rank_is_its_scope_not_the_subject_of_what_follows():
    text = ("Chile drew $5 billion of foreign direct investment in 2024.\n\n"
            "It climbed from 40th place globally in 2023, which recorded $3 billion.")
    assert found(text)["$3 billion"].entity == "Chile"


def test_the_country_after_as_is_a_predicate_not_a_word_pointing_back():
    (claim,) = claims_in("Last year India overtook China as the country with the largest population.")
    assert claim.entity == "India"


def test_economies_in_a_group_name_is_no_gdp():
    assert "2%" in why_not("Inflation in the advanced economies is set to decline by 2% next year.")


# --- what the number measures --------------------------------------------------------------------


def test_the_topics_own_word_in_a_long_clause_still_lets_later_figures_carry_it():
    claims = found("Consumer inflation in Chile is projected to ease from 7.6% in 2023 to 4.1% in 2024, and moderate further "
                   "to 3% in 2025, the IMF projects.")
    assert [claims[n].indicator for n in ("7.6%", "4.1%", "3%")] == ["inflation"] * 3


def test_a_measure_named_to_frame_the_sentence_is_what_its_rank_ranks():
    claims = found("Measured by purchasing power parity, Brazil is the eighth-largest economy in the world and "
                   "the tenth-largest by GDP.")
    assert claims["eighth-largest"].indicator == "gdp_ppp" and claims["tenth-largest"].indicator == "gdp"


def test_a_figure_restated_in_brackets_after_from_is_the_start_of_a_change_too():
    reasons = why_not("Chile's GDP is set to rise from $300 billion (i.e. $0.3 trillion) to an estimated $350 billion "
                      "(i.e. $0.35 trillion) in 2026, the IMF says.")
    assert "$0.3 trillion" in reasons
    assert found("Chile's GDP is set to rise from $300 billion (i.e. $0.3 trillion) to an estimated $350 billion "
                 "in 2026, the IMF says.")["$350 billion"].indicator == "gdp"


@pytest.mark.parametrize("sentence, doubt", [
    ("An independent research group put Ruritania's inflation at 120 percent in 2023.", "unofficial"),
    ("Ruritania's GDP grew 14 percent at current prices in 2023.", "nominal"),
])
def test_unofficial_and_nominal_figures_are_doubted(sentence, doubt):
    (claim,) = claims_in(sentence)
    assert any(doubt in d for d in claim.doubts)


def test_rates_tied_to_one_decimal_share_a_rank():
    from verifier.fetch import DataSources
    from .test_check import FakeImf
    growth = {"ITA": {2021: 1.301}, "FRA": {2021: 1.304}, "DEU": {2021: 0.4}, "GBR": {2021: 0.9}}
    data = DataSources([FakeImf({"NGDP_RPCH": growth})])
    verdict = verdict_of("Italy posted the strongest growth of the four European G7 economies in 2021, the IMF says.", data)
    assert verdict.verdict.value == "accurate" and "tied" in verdict.primary.detail


# --- parts of an economy, sets of countries, changes --------------------------------------------


@pytest.mark.parametrize("sentence, number", [
    ("Chile's factory output rose 6.2 percent in 2023 while its GDP grew 0.2 percent.", "6.2 percent"),
    ("Coal imports in Chile rose 12 percent in 2023.", "12 percent"),
    ("Chile's food inflation reached 9.1% in 2023.", "9.1%"),
    ("Here is how the countries with the highest inflation rates compare:", "the highest"),
    ("In dollar terms, the increase was $140 in Chile's income per head.", "$140"),
])
def test_parts_sets_and_changes_are_not_claims(sentence, number):
    assert number in why_not(sentence)


def test_income_per_capita_is_national_income_and_in_taka_a_doubt():
    (claim,) = claims_in("Bangladesh's average annual income per capita stood at Tk2,80,000 in 2024.")
    assert claim.indicator == "gni_per_capita"
    from verifier.resolve import resolve
    resolution = resolve(claim, date(2025, 3, 1))
    assert resolution.indicator == "gdp_per_capita_lcu" and resolution.doubts


def test_growth_in_a_level_named_after_it_is_that_levels_growth():
    (claim,) = claims_in("Growth in Chile's GDP per capita was 2.1 percent in 2023.")
    assert claim.indicator == "gdp_per_capita_growth"
    (income,) = claims_in("Growth rates in Chile's per capita income reached 2.1 percent in 2023.")
    assert income.indicator == "gdp_per_capita_growth" and any("national income" in d for d in income.doubts)


def test_the_same_period_as_a_figure_before_is_a_doubt():
    text = "Chile's output doubled between 2010 and 2020. Peru's economy shrank 1.5 percent in the same period."
    claim = found(text)["1.5 percent"]
    assert any("same period" in d for d in claim.doubts)


# --- percentages of a group's average, at PPP, and years ago ---------------------------------------


def test_a_percentage_of_a_groups_average_is_a_ratio_to_its_aggregate():
    (claim,) = claims_in("Ten years ago, Romania's GDP per capita stood at 55% of the EU average in PPP terms.")
    assert (claim.statistic, claim.other, claim.value, claim.indicator) == ("ratio", "the EU", 0.55, "gdp_per_capita_ppp")
    assert claim.period.kind == "ago" and claim.period.years == 10
    from verifier.resolve import resolve
    resolution = resolve(claim, date(2024, 5, 1))
    assert (resolution.start, resolution.other) == (2014, "group:european_union")


def test_a_ratio_to_a_groups_aggregate_is_checked_against_it():
    from verifier.fetch import DataSources
    from .test_check import FakeSource
    data = DataSources([FakeSource({"NY.GDP.PCAP.PP.CD": {"ROU": {2014: 20000}, "EUU": {2014: 36000}}})])
    verdict = verdict_of("Ten years ago, Romania's GDP per capita stood at 55% of the EU average in PPP terms.", data)
    assert verdict.verdict.value == "accurate" and verdict.actual == pytest.approx(20000 / 36000)


# --- ranks: what they are by, their field, and the years beside them -------------------------------


def test_a_flow_ranked_by_attracting_it():
    claims = found("Chile ranked 12th globally and second in Latin America among the countries most attractive "
                   "to foreign direct investment in 2023.")
    assert (claims["12th"].indicator, claims["12th"].group) == ("fdi", None)
    assert (claims["second"].indicator, claims["second"].group) == ("fdi", "Latin America")


def test_a_former_rank_with_its_own_year_is_a_claim():
    claims = found("Chile drew $20 billion of foreign direct investment in 2024, up from 30th place globally in 2023.")
    assert claims["30th place"].period.start == 2023 and claims["30th place"].indicator == "fdi"


def test_a_field_set_by_size_is_kept_as_written():
    (rank,) = claims_in("Chile had the fastest growth among the world's 30 largest economies in 2023.")
    assert rank.group == "world's 30 largest economies"


def test_the_dates_of_a_term_of_office_are_not_the_figures():
    (rank,) = claims_in("Between 2004 and 2008, under the government of Ricardo Lagos and his successor's "
                        "administration (2006-2010), Chile became the fifth-largest economy in the region.")
    assert (rank.period.start, rank.period.end) == (2004, 2008)


def test_members_named_before_the_countries_with_the_highest_is_a_claim():
    claims = found("Chile and Peru were the countries with the highest FDI in 2023 in South America.")
    assert claims["the highest"].statistic == "rank"


def test_a_running_total_of_a_flow_is_a_doubt():
    (claim,) = claims_in("Chile has attracted $90 billion in foreign investment.")
    assert any("total over years" in d for d in claim.doubts)


def test_ppp_elsewhere_in_the_sentence_does_not_move_another_figure_to_ppp():
    claims = found("Measured at PPP, Brazil is the eighth-largest economy, and it is the tenth-largest by GDP.")
    assert claims["tenth-largest"].indicator == "gdp"


# --- measures carried further, and scopes opened at the start of a sentence ------------------------


def test_an_institutions_name_is_not_a_measure_word():
    (claim,) = claims_in("The International Monetary Fund has raised its forecast for Chile's economy to 2.5% in 2025.")
    assert claim.indicator == "gdp_growth"


def test_a_second_figure_after_and_takes_of_gdp_from_the_first():
    claims = found("The IMF expects Chile's current account deficit to reach 3.5% of GDP in 2025, and 2.9% in 2026.")
    assert claims["2.9%"].indicator == "current_account"


def test_places_with_figures_in_brackets_take_the_measure_the_sentence_before_names():
    claims = found("Chile's economy outgrew its neighbours in 2023. They include Peru (-0.6%) and Bolivia (3.1%).")
    assert (claims["-0.6%"].entity, claims["-0.6%"].indicator) == ("Peru", "gdp_growth")


def test_a_place_in_a_ranking_carries_the_paragraphs_rate():
    claims = found("Argentina's inflation reached 211% in 2023. In second place in the ranking was Lebanon.")
    second = claims["second place"]
    assert (second.indicator, second.entity, second.statistic) == ("inflation", "Lebanon", "rank")


def test_a_clause_with_its_own_verb_is_no_apposition_and_recorded_in_names_the_place():
    claims = found("In Europe, at the end of 2023, the highest inflation rate was recorded in Hungary, reaching 17.6%.")
    assert (claims["17.6%"].entity, claims["17.6%"].indicator) == ("Hungary", "inflation_end_of_period")
    assert (claims["the highest"].entity, claims["the highest"].group) == ("Hungary", "Europe")


def test_a_region_opening_the_sentence_scopes_its_ranks():
    (rank,) = claims_in("In the Andean region, Peru had the lowest inflation in 2023.")
    assert rank.group == "Andean region"


def test_another_figures_last_year_does_not_carry_to_the_next_sentence():
    claims = found("Venezuela's inflation fell to 190% in 2023, down from last year's 234%. Turkey's inflation was 65%.")
    assert claims["65%"].period.kind != "last_year"


@pytest.mark.parametrize("text, number, entity", [
    ("For the first time, Chile had lower inflation than Argentina. A private observatory said inflation was 4% in 2023.",
     "4%", "Chile"),
    ("Poland's rise has been rapid. In 1990, it was the world's 38th largest economy, ranking just below Pakistan.",
     "38th largest", "Poland"),
])
def test_who_a_figure_is_about_when_the_sentence_before_compares(text, number, entity):
    assert found(text)[number].entity == entity


def test_by_a_past_year_is_that_years_figure():
    claims = found("Chile was the 45th largest economy in 2000. By 2010, it had risen to 40th.")
    assert claims["40th"].period.start == 2010


def test_inflation_at_the_end_of_a_year_is_the_year_end_rate():
    (claim,) = claims_in("At the end of 2023, inflation in Chile was 3.9%.")
    assert claim.indicator == "inflation_end_of_period"


def test_a_phrase_with_a_number_is_no_apposition_and_scale_words_name_nothing_else():
    claims = found("In 2017, the figure for Chile's GDP stood at $277 billion, rising to $335 billion in 2023.")
    assert claims["$335 billion"].indicator == "gdp"
    more = found("FDI in Chile reached $21 billion in 2023. This marks a rise from $17 billion in 2019 and $12 billion in 2014.")
    assert more["$12 billion"].indicator == "fdi" and more["$12 billion"].period.start == 2014


def test_a_ratios_word_with_an_amount_in_national_money_is_its_national_currency_level():
    (claim,) = claims_in("Kenya's total public debt stood at Kshs 10.2 tn in 2023.")
    assert claim.indicator == "public_debt_lcu"


def test_a_groups_economies_are_its_output_when_nothing_else_is_named():
    (claim,) = claims_in("Provisional estimates indicate G20 economies grew by 3.2 per cent in 2022.")
    assert (claim.indicator, claim.group) == ("gdp_growth", "G20 economies")


def test_a_change_start_recorded_in_a_year_is_that_years():
    claims = found("Nigeria's GDP fell from $500bn recorded in 2014 to $250bn in 2024.")
    assert claims["$500bn"].period.start == 2014


# --- 6. a year ranked within its own country's history ------------------------------------------


@pytest.mark.parametrize("sentence, number, start, end", [
    ("Chile's inflation averaged 7.6% in 2023, the second-highest figure since the return to democracy in 1990.",
     "second-highest figure since the return to democracy in 1990", 1991, 2023),
    ("Chile's inflation reached 11.6% in 2022, the highest rate in 30 years.", "the highest rate in 30 years", 1993, 2022),
    ("Chile's economy grew 0.2% in 2023, its slowest annual pace since 2009.", "its slowest annual pace since 2009", 2010, 2023),
])
def test_a_record_in_time_is_a_year_ranked_among_the_years_it_names(sentence, number, start, end):
    record = found(sentence)[number]
    assert record.statistic == "record" and record.indicator in ("inflation", "gdp_growth")
    assert (record.period.kind, record.period.start, record.period.end) == ("record", start, end)


def test_a_record_high_of_a_figure_takes_the_figures_year_and_measure():
    record = found("Chile's unemployment hit a record low of 5.9% in 2013.")["record low"]
    assert (record.indicator, record.period.end, record.quantity.rank_order) == ("unemployment", 2013, "ascending")
    assert any("national series" in d for d in record.doubts)  # "record" counts from a series' start


@pytest.mark.parametrize("sentence, number", [
    ("Kenya's economy suffered the biggest contraction since 1992.", "the biggest"),
    ("Unemployment among young people fell to 8.6 percent, the lowest on record.", "the lowest"),
])
def test_records_of_what_the_catalogue_does_not_measure_are_no_claims(sentence, number):
    assert number in why_not(sentence)


def test_a_record_is_checked_within_the_window_leaving_out_what_the_text_excludes():
    from verifier.fetch import DataSources
    from .test_check import FakeSource
    growth = {"CHL": {2016: 1.8, 2017: 1.4, 2018: 4.0, 2019: 0.7, 2020: -6.1, 2021: 11.3, 2022: 2.2, 2023: 0.5}}
    data = DataSources([FakeSource({"NY.GDP.MKTP.KD.ZG": growth})])
    sentence = "In 2023, Chile recorded its slowest annual pace of growth since 2016"
    assert verdict_of(sentence + ", excluding the pandemic year 2020.", data).verdict.value == "accurate"
    assert verdict_of(sentence + ".", data).verdict.value == "inaccurate"  # 2020 was slower


@pytest.mark.parametrize("sentence, number", [
    ("At an exchange rate of 950 CLP/USD, the sum looks smaller.", "950 CLP"),
    ("Chile's debt ratio rose to 41% in 2024, 4.5% points above the ministry's threshold.", "4.5%"),
    ("Chile's debt ratio stayed under the fiscal council's threshold of 45% in 2024.", "45%"),
    ("Growth of 1.9 percent fell short of the 3 percent expansion needed to meet the plan.", "3 percent"),
    ("The ratio of Chile's external debt to domestic debt was 60% to 40% in 2024.", "60%"),
])
def test_exchange_rates_gaps_thresholds_requirements_and_debt_parts_are_not_claims(sentence, number):
    assert number in why_not(sentence)


def test_an_amount_at_market_exchange_rates_is_still_the_amount():
    claims = found("Chile's nominal GDP reached 310 trillion pesos in 2024, or about $330 billion at market exchange rates.")
    assert claims["$330 billion"].indicator == "gdp"


def test_a_noun_after_among_does_not_become_the_subject():
    assert "7.7 percent" in why_not("Unemployment among young Chileans fell to 7.7 percent in 2024.")
    claims = found("Chile's economy grew 2.6% in 2024, helped by a growing population, which rose 1.5% that year.")
    assert claims["1.5%"].indicator == "population_growth"


@pytest.mark.parametrize("sentence, number", [
    ("Economists' forecast early last year was for only 0.8 percent growth in Chile in 2023.", "0.8 percent"),
    ("Exports rose 9% in March, above the 6.1% increase projected by a private data provider.", "6.1%"),
    ("Agriculture grew 3.1%, contributing 8.2% to Chile's total value added in 2023.", "8.2%"),
    ("Chile's GDP per capita reached $17,000 in 2023, $160 higher than the year before.", "$160"),
    ("Chile's public debt fell to 310 trillion pesos, a 4.2 trillion pesos decline on June.", "4.2 trillion pesos"),
    ("Chile's labour productivity reached $41,000 per worker in 2023.", "$41,000"),
    ("This is a 95 percent increase in just 10 years for Chile's economy.", "95 percent"),
    ("Chile climbs in Latin America's largest economy rankings for 2024", "largest"),
])
def test_forecasts_contributions_differences_and_rankings_named_are_not_claims(sentence, number):
    assert number in why_not(sentence)


def test_an_imf_projection_named_after_the_number_is_the_imfs():
    (claim,) = claims_in("Chile's growth will reach 2.5 per cent in 2026, as projected by the IMF.")
    assert claim.source_cited == "imf"


def test_a_shrink_as_a_noun_is_a_negative_growth_rate():
    (claim,) = claims_in("Leaving aside the economy's 6.1 percent shrink in 2020, Chile's record is strong.")
    assert claim.value == -6.1 and claim.indicator == "gdp_growth"


def test_the_paragraphs_subject_beats_the_article_wide_country():
    text = ("Chile's economy grew 2.6% in 2024, Chile's statistics office said. Chile's economy is the focus here.\n\n"
            "Peru's economy shrank 0.4 percent in the last quarter. The economy declined by 0.6 percent in 2023.")
    assert found(text)["0.6 percent"].entity == "Peru"


def test_a_sentence_pointing_back_takes_a_month_from_the_paragraph_before():
    text = ("Figures show Ghana's public debt declined to GH¢567 billion as of September 2023.\n\n"
            "This represents 66.4 percent of GDP.")
    claim = found(text)["66.4 percent"]
    assert (claim.indicator, claim.period.kind) == ("public_debt", "subannual")


def test_bank_of_a_country_is_a_source_not_a_company():
    (claim,) = claims_in("Figures released by the Bank of Ghana showed that Ghana's public debt declined to GH¢567 billion in 2023.")
    assert claim.indicator == "public_debt_lcu"
