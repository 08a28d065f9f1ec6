"""Check: tolerance, judgement, and each statistic computed against a tiny in-memory source."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from verifier.catalogue import indicators
from verifier.check import band, check, judge, tolerance
from verifier.extract import extract_claims
from verifier.fetch import DataSources, Series
from verifier.quantities import find_quantities
from verifier.read import parse_document
from verifier.records import Claim, Period, VerdictKind
from verifier.resolve import resolve

ACCURATE, CLOSE, INACCURATE = VerdictKind.ACCURATE, VerdictKind.CLOSE, VerdictKind.INACCURATE
MISLEADING, UNVERIFIABLE = VerdictKind.MISLEADING, VerdictKind.UNVERIFIABLE
PUBLISHED = date(2026, 3, 1)  # last full year before publication: 2025

UNITS = {"percent": "percent", "currency:USD": "USD", "rank": "rank", "number": "persons"}
INDICATORS = {"percent": "gdp_growth", "currency:USD": "gdp", "rank": "gdp", "number": "population"}


def make_claim(written: str, operator: str | None = None, statistic: str | None = None) -> Claim:
    """A claim built directly from the number as written (the grammar gives its precision)."""
    (q,) = find_quantities(written)
    if operator is None:
        operator = {"top": "<=", "ordinal": "="}.get(q.rank_kind, "range" if q.low is not None else "=")
    return Claim(
        id="c-1", path=Path("t.txt"), line=1, quote=written, quote_start=q.start, quote_end=q.end,
        number_text=q.text, value=q.value, unit=UNITS[q.unit], operator=operator,
        statistic=statistic or ("rank" if q.unit == "rank" else "value"),
        indicator=INDICATORS[q.unit], indicator_cue="", entity="Kenya", entity_cue="named in the sentence",
        period=Period("latest"), source_cited=None, quantity=q,
    )


def claim_in(text: str) -> Claim:
    (claim,) = extract_claims(parse_document(Path("t.txt"), text, PUBLISHED))
    return claim


# --- tolerance -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, expected",
    [
        ("5.7%", 0.15),  # a rate written with decimals: ±0.15 points
        ("5%", 0.5),  # a whole percentage: the data must round to it
        ("5.25%", 0.15),  # two decimals: ±0.15 points, as with one (revisions move rates that much)
        ("$300 billion", 0.05 * 300e9),  # amounts: 5% of their size
        ("$120 billion", 0.05 * 120e9),
        ("$123.4 billion", 0.05 * 123.4e9),
        ("$17,250", 0.05 * 17250),
    ],
)
def test_tolerance_follows_the_kind_of_number(written, expected):
    assert tolerance(make_claim(written)) == pytest.approx(expected)


@pytest.mark.parametrize(
    "written, expected",
    [
        ("$300 billion", 0.10 * 300e9),  # 5% widened to 10%
        ("$123.4 billion", 0.10 * 123.4e9),
        ("40%", 4.0),  # growth beyond 20%, hedged: 10% of its size
        ("5.7%", 0.5),
    ],
)
def test_hedge_widens_tolerance(written, expected):
    assert tolerance(make_claim(written, operator="~")) == pytest.approx(expected)


def test_hedge_from_text_widens_tolerance():
    plain = claim_in("Kenya's GDP was $120 billion in 2024.")
    hedged = claim_in("Kenya's GDP was about $120 billion in 2024.")
    assert tolerance(plain) == pytest.approx(6e9)
    assert tolerance(hedged) == pytest.approx(12e9)


# --- judge -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, actual, expected",
    [
        ("5.7%", 5.7, ACCURATE),
        ("5.7%", 5.82, ACCURATE),  # within ±0.15
        ("5.7%", 5.58, ACCURATE),
        ("5.7%", 5.95, CLOSE),  # within twice the tolerance (0.30)
        ("5.7%", 5.45, CLOSE),
        ("5.7%", 6.1, INACCURATE),
        ("5%", 5.4, ACCURATE),  # rounds to 5
        ("5%", 5.9, CLOSE),  # within ±1.0
        ("5%", 6.2, INACCURATE),
        ("$300 billion", 312e9, ACCURATE),  # within 5%
        ("$300 billion", 325e9, CLOSE),  # within 10%
        ("$300 billion", 335e9, INACCURATE),
        ("$123.4 billion", 128e9, ACCURATE),  # within 5%
        ("$123.4 billion", 133e9, CLOSE),  # within 10%
        ("$123.4 billion", 137e9, INACCURATE),
    ],
)
def test_judge_equality(written, actual, expected):
    claim = make_claim(written)
    assert judge(claim, actual, band(claim)) == expected


@pytest.mark.parametrize(
    "written, actual, expected",
    [
        ("$300 billion", 325e9, ACCURATE),  # hedged: within 10%
        ("$300 billion", 355e9, CLOSE),  # within 20%
        ("$300 billion", 370e9, INACCURATE),
    ],
)
def test_judge_hedged(written, actual, expected):
    claim = make_claim(written, operator="~")
    assert judge(claim, actual, band(claim)) == expected


@pytest.mark.parametrize(
    "operator, actual, expected",
    [
        (">", 301e9, ACCURATE),
        (">", 300e9, CLOSE),  # strict: equal is not "exceeds", but within tolerance
        (">", 290e9, CLOSE),  # a miss within the 5% tolerance
        (">", 280e9, INACCURATE),  # bounds have no 2x band
        (">=", 300e9, ACCURATE),
        (">=", 290e9, CLOSE),
        ("<", 299e9, ACCURATE),
        ("<", 300e9, CLOSE),
        ("<", 310e9, CLOSE),
        ("<", 320e9, INACCURATE),
        ("<=", 300e9, ACCURATE),
    ],
)
def test_judge_bounds_are_strict(operator, actual, expected):
    claim = make_claim("$300 billion", operator=operator)
    assert judge(claim, actual, band(claim)) == expected


def test_exceeds_far_above_is_accurate():
    claim = make_claim("$300 billion", operator=">")
    assert judge(claim, 900e9, tolerance(claim)) == ACCURATE


@pytest.mark.parametrize(
    "written, actual, expected",
    [
        ("3.0\u20134.0%", 3.5, ACCURATE),  # inside
        ("3.0\u20134.0%", 3.0, ACCURATE),  # at an end
        ("3.0\u20134.0%", 4.1, ACCURATE),  # within ±0.15 of the high end
        ("3.0\u20134.0%", 2.9, ACCURATE),  # within ±0.15 of the low end
        ("3.0\u20134.0%", 4.25, CLOSE),
        ("3.0\u20134.0%", 2.75, CLOSE),
        ("3.0\u20134.0%", 4.5, INACCURATE),
        ("$1.2-1.5 trillion", 1.45e12, ACCURATE),
        ("$1.2-1.5 trillion", 1.6e12, CLOSE),
        ("$1.2-1.5 trillion", 1.8e12, INACCURATE),
    ],
)
def test_judge_ranges(written, actual, expected):
    claim = make_claim(written)
    assert claim.operator == "range"
    assert judge(claim, actual, band(claim)) == expected


@pytest.mark.parametrize(
    "written, rank, expected",
    [
        ("top 50", 1, ACCURATE),
        ("top 50", 50, ACCURATE),
        ("top 50", 51, INACCURATE),  # a set: in it or not
        ("top 5", 6, INACCURATE),
        ("third-largest", 3, ACCURATE),
        ("third-largest", 2, CLOSE),  # one place off, from the third place down
        ("third-largest", 4, CLOSE),
        ("third-largest", 5, INACCURATE),
        ("third-largest", 1, INACCURATE),
        ("the largest", 1, ACCURATE),
        ("the largest", 2, INACCURATE),  # a superlative is exact
        ("second-largest", 3, INACCURATE),
    ],
)
def test_judge_ranks(written, rank, expected):
    claim = make_claim(written)
    assert claim.statistic == "rank"
    assert judge(claim, rank, tolerance(claim)) == expected


# --- check against a tiny in-memory source ---------------------------------------------


class FakeSource:
    """A data source in memory, with the interface of verifier.fetch.Source."""

    name = "world_bank"
    label = "Fake World Bank"
    edition = "test edition"

    def __init__(self, series: dict[str, dict[str, dict[int, float]]]):
        self._series = series
        self.loaded: list[list[str]] = []
        self.missing: dict[str, str] = {}

    def load(self, codes):
        codes = list(codes)
        self.loaded.append(codes)
        for c in codes:
            if c not in self._series:
                self.missing[c] = f"{c} is not in the fake source"
        return {c: Series(self.name, self.edition, c, c, self._series[c]) for c in codes if c in self._series}


GROWTH = "NY.GDP.MKTP.KD.ZG"
GDP = "NY.GDP.MKTP.CD"
FDI = "BX.KLT.DINV.CD.WD"
INFLATION = "FP.CPI.TOTL.ZG"

SERIES = {
    # Kenya's growth: arithmetic mean 6.00, compound rate 5.545 over 2021-2025.
    GROWTH: {"KEN": {2020: -0.3, 2021: 20.0, 2022: -10.0, 2023: 10.0, 2024: 5.0, 2025: 5.0}},
    GDP: {
        # Aggregates: larger than any economy, and left out of ranks.
        "WLD": {2023: 100e12, 2024: 105e12},
        "EAS": {2023: 30e12, 2024: 31e12},
        "SSF": {2023: 2e12, 2024: 2.1e12},
        "USA": {2023: 27e12, 2024: 28e12},
        "CHN": {2023: 17e12, 2024: 18e12},
        "DEU": {2023: 4.4e12, 2024: 4.6e12},
        "JPN": {2023: 4.2e12, 2024: 4.1e12},
        "IND": {2023: 3.5e12, 2024: 3.9e12},
        # Kenya: 4th in 2024; its 2025 and 2027 values come from partial releases or
        # beyond the publication cutoff and must not decide.
        "KEN": {2022: 3.8e12, 2023: 4.0e12, 2024: 4.3e12, 2025: 40e12, 2027: 50e12},
        "NGA": {2023: 0.4e12, 2024: 0.3e12},
        "ZAF": {2023: 0.38e12, 2024: 0.4e12},
        "EGY": {2023: 0.39e12, 2024: 0.38e12},
    },
    FDI: {
        # Uzbekistan: 2/10 = 20% of Central Asia in 2024, 18/40 = 45% over 2022-2024.
        # 2025 is left out because Kyrgyzstan, Tajikistan and Turkmenistan do not report it.
        "UZB": {2022: 10e9, 2023: 6e9, 2024: 2e9, 2025: 9e9},
        "KAZ": {2022: 3e9, 2023: 4e9, 2024: 5e9, 2025: 1e9},
        "KGZ": {2022: 1.5e9, 2023: 2e9, 2024: 1.5e9},
        "TJK": {2022: 1e9, 2023: 1.25e9, 2024: 1e9},
        "TKM": {2022: 0.5e9, 2023: 0.75e9, 2024: 0.5e9},
        "USA": {2022: 300e9, 2023: 300e9, 2024: 300e9},
    },
}


@pytest.fixture()
def source():
    return FakeSource(SERIES)


@pytest.fixture()
def data(source):
    return DataSources([source])


def verdict_for(text: str, data: DataSources):
    claim = claim_in(text)
    resolution = resolve(claim, PUBLISHED)
    data.fetch((s, indicators()[resolution.indicator].series_for(s)) for s in resolution.sources)
    return check(claim, resolution, data)


def test_fetch_loads_each_wanted_series_once_in_one_batch(source, data):
    data.fetch([("world_bank", GDP), ("world_bank", GROWTH), ("world_bank", "NO.SUCH.SERIES"), ("imf", "NGDPD")])
    data.fetch([("world_bank", GDP), ("world_bank", "NO.SUCH.SERIES")])
    assert source.loaded == [["NO.SUCH.SERIES", GDP, GROWTH]]
    assert data.series("world_bank", GDP).values["KEN"][2024] == 4.3e12
    assert data.series("world_bank", "NO.SUCH.SERIES") is None
    assert data.problem("world_bank", "NO.SUCH.SERIES") == "NO.SUCH.SERIES is not in the fake source"
    assert data.problem("imf", "NGDPD") == "IMF series NGDPD is needed, but no IMF data is in this run"


def test_value_in_the_year_written(data):
    verdict = verdict_for("Kenya's economy grew 5.0% in 2024.", data)
    assert verdict.verdict == ACCURATE
    assert verdict.actual == pytest.approx(5.0)
    assert verdict.primary.description.startswith("World Bank, 2024")
    assert verdict.evidence[0].series == GROWTH
    assert verdict.evidence[0].years == "2024"


def test_value_in_the_year_written_inaccurate(data):
    verdict = verdict_for("Kenya's economy grew 8.0% in 2023.", data)
    assert verdict.verdict == INACCURATE
    assert verdict.actual == pytest.approx(10.0)


def test_single_value_without_a_period_takes_the_latest_year_up_to_publication(data):
    # Published 2026: the latest full year is 2025; Kenya's 2027 value is beyond it.
    verdict = verdict_for("Kenya's GDP is $40 trillion.", data)
    assert verdict.verdict == ACCURATE
    assert verdict.actual == pytest.approx(40e12)
    assert "2025" in verdict.primary.description and "latest" in verdict.primary.description
    # The year before is shown as another reading.
    assert any(r.actual == pytest.approx(4.3e12) and "2024" in r.description for r in verdict.alternatives)


def test_value_true_only_in_the_year_before_is_misleading(data):
    verdict = verdict_for("Kenya's GDP is $4.3 trillion.", data)
    assert verdict.primary.verdict == INACCURATE
    assert verdict.verdict == MISLEADING
    assert "2024" in verdict.explanation


def test_average_reports_mean_and_compound_rate_and_decides_by_the_better(data):
    # Published 2026, "the past 5 years": 2021-2025. Mean 6.00%, compound 5.55%.
    verdict = verdict_for("Kenya's economy grew 5.5% a year on average over the past 5 years.", data)
    assert verdict.claim.statistic == "average"
    assert (verdict.resolution.start, verdict.resolution.end) == (2021, 2025)
    detail = verdict.primary.detail
    assert "arithmetic mean of 5 annual rates 6.00%" in detail
    assert "compound annual rate from the chained levels 5.55%" in detail
    assert "decided by the compound rate" in detail
    assert verdict.verdict == ACCURATE
    assert verdict.actual == pytest.approx(5.5453, abs=1e-3)
    assert verdict.evidence[0].years == "2021–2025"


def test_average_decided_by_the_arithmetic_mean(data):
    verdict = verdict_for("Kenya's economy grew 6.0% a year on average over the past 5 years.", data)
    assert "decided by the arithmetic mean" in verdict.primary.detail
    assert "compound annual rate" in verdict.primary.detail
    assert verdict.verdict == ACCURATE
    assert verdict.actual == pytest.approx(6.0)


def test_average_that_neither_reading_supports_is_inaccurate(data):
    verdict = verdict_for("Kenya's economy grew 8.5% a year on average over the past 5 years.", data)
    assert verdict.verdict == INACCURATE
    assert "arithmetic mean" in verdict.primary.detail


def test_share_reports_latest_year_and_cumulative_and_is_misleading_if_only_cumulative_holds(data):
    verdict = verdict_for("Uzbekistan draws 45% of all FDI into Central Asia.", data)
    assert verdict.claim.statistic == "share"
    assert verdict.resolution.group == "central_asia"
    # The latest year in which every member reports is 2024 (not 2025): 2 of 10 = 20%.
    assert verdict.primary.description == "World Bank, share in 2024"
    assert verdict.primary.actual == pytest.approx(20.0)
    assert verdict.primary.verdict == INACCURATE
    cumulative = [r for r in verdict.alternatives if "cumulative" in r.description]
    assert len(cumulative) == 1
    assert cumulative[0].description == "World Bank, cumulative share 2022–2024"
    assert cumulative[0].actual == pytest.approx(45.0)
    assert cumulative[0].verdict == ACCURATE
    assert verdict.verdict == MISLEADING
    assert "cumulative share 2022–2024" in verdict.explanation


def test_share_true_in_the_latest_year_is_accurate(data):
    verdict = verdict_for("Uzbekistan draws 20% of all FDI into Central Asia.", data)
    assert verdict.verdict == ACCURATE
    assert verdict.actual == pytest.approx(20.0)
    assert "the Central Asia total adds up 5 economies" in verdict.primary.detail


def test_share_over_a_span_reads_cumulative_first(data):
    verdict = verdict_for("Uzbekistan drew 45% of all FDI into Central Asia between 2022 and 2024.", data)
    assert verdict.primary.description == "World Bank, cumulative share 2022–2024"
    assert verdict.verdict == ACCURATE
    assert any(r.description == "World Bank, share in 2024" for r in verdict.alternatives)


def test_rank_among_economies_excludes_aggregates(data):
    # With WLD, EAS and SSF counted Kenya would be 7th; among economies it is 4th in 2024.
    verdict = verdict_for("Kenya is the world's fourth-largest economy.", data)
    assert verdict.claim.statistic == "rank"
    assert verdict.verdict == ACCURATE
    assert verdict.actual == 4
    detail = verdict.primary.detail
    assert "4th of 9 economies" in detail and "in 2024" in detail
    assert "aggregates excluded" in detail
    assert "World" not in detail


def test_rank_uses_the_latest_year_most_economies_report(data):
    # Kenya's 2025 value (40 trillion, 1st) is in a year only Kenya reports: not used.
    verdict = verdict_for("Kenya is the world's largest economy.", data)
    assert verdict.verdict == INACCURATE
    assert verdict.actual == 4
    assert "rank in 2024" in verdict.primary.description


def test_rank_off_by_one_is_close(data):
    verdict = verdict_for("Kenya is the world's third-largest economy.", data)
    assert verdict.verdict == CLOSE
    assert verdict.actual == 4


def test_top_n_rank(data):
    assert verdict_for("Kenya is among the world's top 5 economies.", data).verdict == ACCURATE
    assert verdict_for("Kenya is among the world's top 3 economies.", data).verdict == INACCURATE  # 4th: a set it is not in


def test_rank_within_a_group_counts_only_its_members(data):
    # Africa in the data: KEN, EGY, ZAF, NGA. Kenya is the largest of them in 2024.
    verdict = verdict_for("Kenya is the largest economy in Africa.", data)
    assert verdict.resolution.group == "africa"
    assert verdict.verdict == ACCURATE
    assert verdict.actual == 1
    assert "of 4 Africa economies" in verdict.primary.detail


def test_rank_within_an_aggregate_only_group_is_not_a_world_rank(data):
    # Among sub-Saharan economies in the data (KEN, NGA, ZAF) Kenya is the largest;
    # among all economies it is 4th.
    verdict = verdict_for("Kenya is the largest economy in sub-Saharan Africa.", data)
    assert verdict.resolution.group == "sub_saharan_africa"
    assert verdict.verdict in (ACCURATE, UNVERIFIABLE)


def test_missing_series_is_unverifiable_and_names_the_series(data):
    verdict = verdict_for("Kenya's inflation was 6.5% in 2024.", data)
    assert verdict.verdict == UNVERIFIABLE
    assert INFLATION in verdict.explanation
    assert "PCPIPCH" in verdict.explanation  # the IMF series is not given either
    assert verdict.actual is None and verdict.primary is None


def test_missing_country_is_unverifiable_and_names_it(data):
    verdict = verdict_for("Chile's economy grew 2.6% in 2024.", data)
    assert verdict.verdict == UNVERIFIABLE
    assert GROWTH in verdict.explanation
    assert "Chile (CHL)" in verdict.explanation


def test_missing_year_is_unverifiable_and_names_it(data):
    verdict = verdict_for("Kenya's economy grew 5% in 2019.", data)
    assert verdict.verdict == UNVERIFIABLE
    assert GROWTH in verdict.explanation and "2019" in verdict.explanation


def test_unresolvable_claim_is_unverifiable_with_the_problem(data):
    # Tenge for Kazakhstan: the series in national currency, which this run lacks.
    verdict = verdict_for("Kazakhstan's GDP reached KZT 130 trillion in 2024.", data)
    assert verdict.verdict == UNVERIFIABLE and "NGDP" in verdict.explanation
    # Euros for Kazakhstan: no series, and no conversion.
    verdict = verdict_for("Kazakhstan's GDP reached EUR 250 billion in 2024.", data)
    assert verdict.verdict == UNVERIFIABLE and "EUR" in verdict.explanation


# --- rules added after review ----------------------------------------------------------


def test_wrong_sign_is_inaccurate_whatever_the_tolerance():
    # A whole percentage has ±0.5 points and ±1.0 for close, but growth is not a contraction.
    assert judge(make_claim("1%"), -0.5, band(make_claim("1%"))) == INACCURATE
    assert judge(make_claim("1%"), 0.05, band(make_claim("1%"))) == CLOSE  # too close to zero to call the sign


class FakeImf(FakeSource):
    name = "imf"
    label = "Fake IMF"


def test_with_no_source_cited_another_official_source_can_support_the_claim(source):
    imf = FakeImf({"NGDP_RPCH": {"KEN": {2024: 5.6}}})
    data = DataSources([source, imf])
    verdict = verdict_for("Kenya's economy grew 5.6% in 2024.", data)
    assert verdict.verdict == ACCURATE and verdict.primary.evidence[0].series == "NGDP_RPCH"
    assert any(r.verdict == INACCURATE for r in verdict.alternatives)  # the World Bank's 5.0 is shown


def test_a_cited_source_decides_even_when_another_supports_the_claim(source):
    imf = FakeImf({"NGDP_RPCH": {"KEN": {2024: 5.6}}})
    data = DataSources([source, imf])
    verdict = verdict_for("Kenya's economy grew 5.6% in 2024, according to the World Bank.", data)
    assert verdict.verdict == MISLEADING  # true only under another source
    assert "IMF" in verdict.explanation


def test_members_silent_for_years_do_not_freeze_a_share():
    series = {FDI: {
        "KAZ": {2010: 5e9, 2024: 3e9}, "UZB": {2010: 1e9, 2024: 1e9}, "KGZ": {2010: 1e9, 2024: 1e9},
        "TJK": {2010: 1e9, 2024: 1e9}, "TKM": {2010: 2e9},  # Turkmenistan stopped reporting
    }}
    data = DataSources([FakeSource(series)])
    verdict = verdict_for("Kazakhstan accounts for 50% of FDI into Central Asia.", data)
    assert verdict.primary.evidence[0].years == "2024"
    assert verdict.actual == pytest.approx(50.0)
    assert "TKM" in verdict.primary.detail and "lack of recent data" in verdict.primary.detail


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Kenya's inflation rose to 6.1% in March 2024.", "annual only"),
        ("Kenya's GDP reached 16.2 trillion shillings in 2024.", "NGDP"),  # in shillings: the series in national currency
        ("Kenya accounts for 30% of West Africa's GDP.", "not a member of West Africa"),
        ("Kenya is the third-largest economy in the East African Community.", "East African Community"),
    ],
)
def test_unverifiable_claims_say_why(text, reason, data):
    verdict = verdict_for(text, data)
    assert verdict.verdict == UNVERIFIABLE and reason in verdict.explanation


def test_a_ratio_compares_two_countries_in_the_same_year(data):
    # GDP in 2024: the United States 28e12, China 18e12: 1.56 times.
    verdict = verdict_for("The United States' economy is 1.5 times larger than China's in 2024.", data)
    assert verdict.claim.statistic == "ratio" and verdict.resolution.other == "CHN"
    assert verdict.actual == pytest.approx(28 / 18)
    assert verdict.verdict == ACCURATE  # 1.56 against 1.5 ± 0.075 (5% for a figure with two digits)
    assert [e.entity for e in verdict.evidence] == ["United States (USA)", "China (CHN)"]


def test_a_groups_own_figure_reads_the_sources_aggregate(data):
    # World GDP in the fake data: WLD 105e12 in 2024.
    verdict = verdict_for("The world economy was worth $105 trillion in 2024.", data)
    assert verdict.resolution.entity is None and verdict.resolution.group == "world"
    assert verdict.verdict == ACCURATE and verdict.evidence[0].entity == "WLD"


def test_a_group_without_an_aggregate_is_unverifiable_and_says_why(data):
    verdict = verdict_for("G7 economies grew 1.7% in 2023.", data)
    assert verdict.verdict == UNVERIFIABLE
    assert "no source publishes an aggregate" in verdict.explanation


@pytest.mark.parametrize(
    "written, actual, expected",
    [
        ("38.4%", 33.8, INACCURATE),  # beyond 20%: 5% of the size (1.92) accurate, 10% close
        ("38.4%", 37.0, ACCURATE),
        ("38.4%", 35.5, CLOSE),
        ("211.4%", 205.0, ACCURATE),
        ("4.4%", 4.8, INACCURATE),  # below 20%: points
    ],
)
def test_growth_and_inflation_far_above_20_percent_are_judged_relative_to_their_size(written, actual, expected):
    claim = make_claim(written)
    assert judge(claim, actual) == expected


def test_a_debt_ratio_is_judged_relative_to_its_size_and_a_share_holds_when_the_data_round_to_it():
    debt = Claim(**{**make_claim("70.2%").__dict__, "indicator": "public_debt"})
    assert tolerance(debt) == pytest.approx(0.05 * 70.2)
    share = Claim(**{**make_claim("0.3%").__dict__, "statistic": "share"})
    assert judge(share, 0.34) == ACCURATE and judge(share, 0.36) == INACCURATE
