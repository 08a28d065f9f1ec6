"""Stage 5, check: compute the statistic a claim is about, compare, and give a verdict.

Each claim is read against the data in one or more ways (Readings): the most natural
reading (the cited source, the period as written) decides the verdict; other readings
(another source, another period) are shown beside it, and make a failing claim
`misleading` when one of them supports it.

Tolerance follows the precision written: a rate with d decimals holds within
1.5 * 10**-d points (5.7% within ±0.15); an amount within 5% when written with one or
two significant digits ($300 billion), 2% otherwise; hedges ("about") widen either to
10%. `close` is within twice the tolerance. Bounds are strict: "exceeds $300 billion"
needs more than $300 billion, and misses within the tolerance are `close`.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from . import format as fmt
from .catalogue import Indicator, indicators
from .extract.periods import excluded_years
from .fetch import SOURCE_NAMES, SOURCE_TITLES, DataSources, Series, aggregate_codes
from .geography import Group, geography
from .records import Claim, Evidence, Reading, Resolution, Verdict, VerdictKind

SOURCE_LABELS = SOURCE_NAMES
# A claim with the wrong sign ("grew 1%" for a 0.5% contraction) is wrong, whatever the
# tolerance, unless the data are this close to zero.
SIGN_MATTERS = 0.1
# An average needs most of its years: below this share of years with data it is not computed.
MIN_YEAR_COVERAGE = 0.8
# A rank is computed for the latest year in which at least this share of the economies
# that report the series in recent years have a value, so early, partial releases do not
# decide it.
MIN_RANK_COVERAGE = 0.9


@dataclass(frozen=True)
class Tolerances:
    """How near the data a number must be; a project may set these in its verify.toml.

    The conventions of fact-checkers' labelling: a rate in points, an amount (and a debt
    ratio or a share) relative to its size; hedges widen both; `close` is within
    `close_factor` times the tolerance."""

    rate_points: float = 0.15  # a rate written with decimals ("5.7%", "5.25%"), in points
    whole_rate_points: float = 0.5  # a rate written as a whole number ("5%"): it rounds to it
    relative_rates_above: float = 20.0  # growth or inflation beyond this many percent: relative, as amounts
    amount: float = 0.05  # amounts, debt ratios, shares and multiples, relative
    hedge: float = 0.10  # "about", "nearly" on an amount, relative
    hedge_points: float = 0.5  # ... on a rate, in points
    close_factor: float = 2.0  # `close` is within this many tolerances


@dataclass(frozen=True)
class Band:
    """The claim's tolerance, and the wider band within which a miss is `close`."""

    accurate: float
    close: float


def band(claim: Claim, tolerances: Tolerances = Tolerances(), actual: float | None = None) -> Band:
    tol = tolerance(claim, tolerances, actual)
    return Band(tol, tolerances.close_factor * tol)


@dataclass
class _Lookup:
    """What one source gives for a claim: a reading, or why there is none."""

    source: str
    readings: list[Reading]
    missing: str = ""


def check(claim: Claim, resolution: Resolution, data: DataSources, tolerances: Tolerances = Tolerances()) -> Verdict:
    if resolution.problem:
        return _unverifiable(claim, resolution, f"Cannot check: {resolution.problem}.")
    indicator = indicators()[resolution.indicator]
    tol = tolerances  # each reading's band is made for the value it reads
    lookups = [_lookup(claim, resolution, indicator, data, source, tol) for source in resolution.sources]
    with_data = [lookup for lookup in lookups if lookup.readings]
    # The same words under another definition: equally natural ("inflation" December on
    # December as well as the annual average), or less so (GDP at purchasing power parity).
    equivalent = [] if claim.definition_pinned else [
        r for key in indicator.also for r in _definition_readings(claim, resolution, key, data, tol)]
    less_natural = [r for key in indicator.less_natural for r in _definition_readings(claim, resolution, key, data, tol)]
    if not with_data and not equivalent:
        missing = "; ".join(lookup.missing for lookup in lookups) or "no source has a series for this indicator"
        return _unverifiable(claim, resolution, f"Cannot check: {missing}.")
    candidates = [lookup.readings for lookup in with_data]
    chosen = candidates[0] if candidates else [equivalent[0]]
    if claim.source_cited is None:
        # No source cited: the World Bank reads first, but an official source that supports
        # the claim for the same period makes it accurate; the other is shown beside it.
        best = min(candidates, key=lambda readings: _RANK_OF[readings[0].verdict], default=chosen)
        if _better(best[0].verdict, chosen[0].verdict):
            chosen = best
    primary = chosen[0]
    better = min(equivalent, key=lambda r: _RANK_OF.get(r.verdict, 3), default=None)
    if better is not None and _better(better.verdict, primary.verdict):
        primary = better  # "per capita income" of $2,900: GNI per capita holds where GDP per capita does not
    alternatives = [r for readings in candidates for r in readings if r is not primary]
    alternatives += [r for r in equivalent if r is not primary] + less_natural
    alternatives += [_missing_reading(lookup) for lookup in lookups if not lookup.readings]
    verdict = primary.verdict
    support = next((r for r in alternatives if r.verdict == VerdictKind.ACCURATE), None)
    if verdict == VerdictKind.INACCURATE and support is not None:
        verdict = VerdictKind.MISLEADING
    explanation = _explain(claim, resolution, indicator, verdict, primary, support, tol)
    doubts = claim.doubts + resolution.doubts
    review, review_verdict = False, None
    if doubts and verdict in (VerdictKind.INACCURATE, VerdictKind.MISLEADING):
        # An uncertain reading never makes a claim inaccurate: it is held for an editor, with
        # what the likeliest reading gives and why the reading is uncertain.
        review, review_verdict = True, verdict
        explanation = (f"Needs review: the reading is uncertain ({'; '.join(doubts)}). Read so, it would be "
                       f"{verdict.value}: {explanation}")
        verdict = VerdictKind.UNVERIFIABLE
    return Verdict(
        claim=claim,
        resolution=resolution,
        verdict=verdict,
        explanation=explanation,
        actual=primary.actual,
        actual_unit=primary.unit,
        primary=primary,
        alternatives=tuple(alternatives),
        review=review,
        review_verdict=review_verdict,
    )


def _definition_readings(claim: Claim, resolution: Resolution, key: str, data: DataSources, tol) -> list[Reading]:
    """The claim read under another definition of its measure, from the sources that have
    it (the one cited first), each reading named by its definition."""
    other = indicators()[key]
    order = ((claim.source_cited,) if claim.source_cited else ()) + ("world_bank", "imf")
    sources = tuple(dict.fromkeys(s for s in order if other.series_for(s)))
    moved = replace(resolution, indicator=key, sources=sources)
    readings = []
    for source in sources:
        lookup = _lookup(claim, moved, other, data, source, tol)
        readings += [replace(r, description=f"as {other.label}: {r.description}") for r in lookup.readings[:1]]
    return readings


# Which of two readings fits the claim better.
_RANK_OF = {VerdictKind.ACCURATE: 0, VerdictKind.CLOSE: 1, VerdictKind.INACCURATE: 2}


def _better(a: VerdictKind, b: VerdictKind) -> bool:
    return _RANK_OF[a] < _RANK_OF[b]


def _unverifiable(claim: Claim, resolution: Resolution, why: str) -> Verdict:
    return Verdict(claim, resolution, VerdictKind.UNVERIFIABLE, why)


def _missing_reading(lookup: _Lookup) -> Reading:
    return Reading(f"{SOURCE_LABELS.get(lookup.source, lookup.source)}: no data", None, "", VerdictKind.UNVERIFIABLE, detail=lookup.missing)


# --- tolerance and judgement ----------------------------------------------------------


def tolerance(claim: Claim, tolerances: Tolerances = Tolerances(), actual: float | None = None) -> float:
    """How far the data may be from the number written, in the claim's unit. Growth and
    inflation rates beyond `relative_rates_above` (38.4%, 211%) are judged as amounts are,
    relative to their size: `actual` tells, when known."""
    t = tolerances
    quantity = claim.quantity
    decimals = quantity.decimals if quantity else 1
    hedged = claim.operator == "~" or (quantity is not None and quantity.approximate)
    points = t.rate_points if decimals else t.whole_rate_points
    if claim.unit == "ratio":
        if quantity is not None and quantity.unit == "percent" and math.isclose(claim.value, quantity.value / 100):
            # "48% of the EU average": a level's ratio, judged relative to its size as levels are.
            return (t.hedge if hedged else t.amount) * _size(claim, actual)
        if quantity is not None and quantity.unit == "percent":  # "30% higher": the points, as a ratio
            return max(points, t.hedge_points if hedged else 0) / 100
        return (t.hedge if hedged else t.amount) * _size(claim, actual)
    if claim.unit == "percent" and claim.statistic != "share" and _in_points(claim):
        size = max(abs(claim.value), abs(actual) if actual is not None else 0)
        indicator = indicators().get(claim.indicator or "")
        if indicator is not None and indicator.relative_above is not None and size > t.relative_rates_above:
            return (t.hedge if hedged else t.amount) * _size(claim, actual)
        return max(points, t.hedge_points) if hedged else points
    return (t.hedge if hedged else t.amount) * _size(claim, actual)


def _size(claim: Claim, actual: float | None) -> float:
    """What a relative tolerance is a share of: the data's value when known (fact-checkers
    measure an error against the true figure), else the figure written."""
    return abs(actual) if actual is not None and actual != 0 else abs(claim.value)


def _in_points(claim: Claim) -> bool:
    """Rates, and ratios the catalogue judges in points (the current account), are read in
    points; debt ratios, like amounts, relative to their size."""
    indicator = indicators().get(claim.indicator or "")
    if indicator is None:
        return True
    return indicator.tolerance == "points"


def judge(claim: Claim, actual: float, tol: Band | Tolerances = Tolerances()) -> VerdictKind:
    """The verdict on the claim for this value of the data: `tol` is the claim's band, or
    the tolerances its band is made from for this value."""
    if claim.statistic in ("rank", "record"):
        return _judge_rank(claim, actual)
    if isinstance(tol, Tolerances):
        tol = band(claim, tol, actual)
    claimed, op = claim.value, claim.operator
    if claimed * actual < 0 and abs(actual) >= SIGN_MATTERS:
        return VerdictKind.INACCURATE  # growth for a contraction, or the reverse
    if op == "!=":
        # A denied figure ("not 9% as claimed") holds when the data are not near it.
        return VerdictKind.INACCURATE if abs(actual - claimed) <= tol.accurate else VerdictKind.ACCURATE
    if op in (">", ">=", "<", "<="):
        holds = {">": actual > claimed, ">=": actual >= claimed, "<": actual < claimed, "<=": actual <= claimed}[op]
        if holds:
            return VerdictKind.ACCURATE
        return VerdictKind.CLOSE if abs(actual - claimed) <= tol.accurate else VerdictKind.INACCURATE
    if op == "range" and claim.quantity and claim.quantity.low is not None:
        low, high = _claimed_range(claim)
        miss = 0.0 if low <= actual <= high else min(abs(actual - low), abs(actual - high))
    else:
        miss = abs(actual - claimed)
    if miss <= tol.accurate or _rounds_to(claim, actual):
        return VerdictKind.ACCURATE
    return VerdictKind.CLOSE if miss <= tol.close else VerdictKind.INACCURATE


def _rounds_to(claim: Claim, actual: float) -> bool:
    """A share written as a percentage holds when the data round to it ("0.3%" for 0.32%)."""
    quantity = claim.quantity
    if claim.statistic != "share" or quantity is None or claim.operator not in ("=", "~"):
        return False
    return round(actual, quantity.decimals) == round(claim.value, quantity.decimals)


def _claimed_range(claim: Claim) -> tuple[float, float]:
    quantity = claim.quantity
    assert quantity is not None and quantity.low is not None and quantity.high is not None
    return min(quantity.low, quantity.high), max(quantity.low, quantity.high)


def _judge_rank(claim: Claim, rank: float) -> VerdictKind:
    """A place must be the place; one off is `close` only from the third place down ("the
    largest" and "the second-largest" are exact). "Top 10" holds or does not."""
    claimed = claim.value
    if claim.operator == "<=":  # "top 50"
        return VerdictKind.ACCURATE if rank <= claimed else VerdictKind.INACCURATE
    if claim.operator == "!=":  # "not the 164th": holds unless it is
        return VerdictKind.ACCURATE if rank != claimed else VerdictKind.INACCURATE
    if rank == claimed:
        return VerdictKind.ACCURATE
    return VerdictKind.CLOSE if abs(rank - claimed) <= 1 and claimed >= 3 else VerdictKind.INACCURATE


# --- readings per statistic -----------------------------------------------------------


def _lookup(claim: Claim, resolution: Resolution, indicator: Indicator, data: DataSources, source: str,
            tol: Tolerances) -> _Lookup:
    label = SOURCE_LABELS.get(source, source)
    code = indicator.series_for(source)
    series = data.series(source, code) if code else None
    if series is None:
        return _Lookup(source, [], data.problem(source, code) if code else f"{label} has no series for this indicator")
    if resolution.entity is None and resolution.group:
        # A group's own figure: read the source's aggregate as if it were the entity.
        aggregate = _group_aggregate(series, geography().groups[resolution.group])
        if aggregate is None:
            return _Lookup(source, [], f"{label} series {code} has no aggregate for {resolution.group_name}")
        resolution = replace(resolution, entity=aggregate, entity_name=resolution.group_name, group=None)
    if resolution.entity not in series.values:
        if not series.complete:
            return _Lookup(source, [], f"the cached {label} series {code} holds only some economies (pulled with "
                                       f"--countries), not {resolution.entity_name} ({resolution.entity}): pull it "
                                       "or go online")
        return _Lookup(source, [], f"{label} series {code} has no values for {resolution.entity_name} ({resolution.entity})")
    builder = {"value": _value_readings, "average": _average_readings, "share": _share_readings, "rank": _rank_readings,
               "ratio": _ratio_readings, "record": _record_readings}
    readings, missing = builder[claim.statistic](claim, resolution, indicator, series, tol)
    return _Lookup(source, readings, missing)


def _evidence(series: Series, indicator: Indicator, entity: str, years: list[int], value: float, unit: str, note: str = "") -> Evidence:
    places = geography()
    name = series.name if series.name != series.code else indicator.name
    economy = places.country_name(entity) if len(entity) == 3 and entity.isalpha() else entity
    return Evidence(
        source=SOURCE_TITLES.get(series.source, series.source),
        edition=series.edition,
        series=series.code,
        series_name=name,
        entity=f"{economy} ({entity})" if economy != entity else entity,  # aggregates go by their code
        years=fmt.years(min(years), max(years)),
        value=value,
        unit=unit,
        estimate_years=series.estimates(entity, years),
        estimate_note=series.estimate_note,
        url=series_url(series, entity),
        note=note,
        retrieved=series.retrieved[:10],
        origin=series.origin,
        trace=_trace(series, entity, years),
        trace_unit=indicator.unit,
    )


# A chart shows the claim's years and this many years either side.
TRACE_BEFORE, TRACE_AFTER = 8, 3


def _trace(series: Series, entity: str, years: list[int]) -> tuple[tuple[int, float, bool], ...]:
    values = series.values.get(entity, {})
    low, high = min(years) - TRACE_BEFORE, max(years) + TRACE_AFTER
    shown = [year for year in range(low, high + 1) if year in values]
    estimated = series.estimates(entity, shown)
    return tuple((year, values[year], year in estimated) for year in shown)


def series_url(series: Series, entity: str) -> str:
    if series.source == "world_bank":
        code = series.code.split(" ")[0]  # a balance "A - B" links to its first series
        return f"https://data.worldbank.org/indicator/{code}?locations={entity}"
    if series.source == "imf":
        return f"https://www.imf.org/external/datamapper/{series.code}@WEO/{entity}"
    return ""


def _estimate_note(series: Series, entity: str, years: list[int]) -> str:
    estimated = series.estimates(entity, years)
    if not estimated:
        return ""
    if len(years) == 1:
        return "; an estimate or projection"
    return f"; {fmt.years(min(estimated), max(estimated))} are estimates or projections"


def _reading(claim, series, indicator, entity, years, actual, tol, description) -> Reading:
    evidence = _evidence(series, indicator, entity, years, actual, indicator.unit)
    return Reading(description, actual, _reading_unit(claim), judge(claim, actual, tol), (evidence,))


def _reading_unit(claim: Claim) -> str:
    return {"share": "percent", "rank": "rank", "record": "rank"}.get(claim.statistic, claim.unit)


def _value_readings(claim, resolution, indicator, series, tol):
    entity, label = resolution.entity, SOURCE_LABELS[series.source]
    have = series.years(entity)
    if resolution.any_year:
        # "once at 20%": the year that bears the claim out best, if any does.
        years = [y for y in have if y <= resolution.end]
        if not years:
            return [], f"{label} {series.code} has no value for {resolution.entity_name} up to {resolution.end}"
        year = min(years, key=lambda y: abs(series.values[entity][y] - claim.value))
        return [_reading(claim, series, indicator, entity, [year], series.values[entity][year], tol,
                         f"{label}, {year}, the year nearest the claim{_estimate_note(series, entity, [year])}")], ""
    if resolution.latest:
        years = [y for y in have if y <= resolution.end]
        if not years:
            return [], f"{label} {series.code} has no value for {resolution.entity_name} up to {resolution.end}"
        chosen = [years[-1]] + ([years[-2]] if len(years) > 1 else [])
        readings = []
        for rank, year in enumerate(chosen):
            actual = series.values[entity][year]
            kind = "the latest year before publication" if rank == 0 else "the year before that"
            readings.append(_reading(claim, series, indicator, entity, [year], actual, tol,
                                     f"{label}, {year}, {kind}{_estimate_note(series, entity, [year])}"))
        return readings, ""
    year = resolution.end
    if year not in series.values[entity]:
        return [], f"{label} {series.code} has no value for {resolution.entity_name} in {year}"
    actual = series.values[entity][year]
    note = _estimate_note(series, entity, [year])
    return [_reading(claim, series, indicator, entity, [year], actual, tol,
                     f"{label}, {year}{note}")], ""


def _ratio_readings(claim, resolution, indicator, series, tol):
    """One country's value over another's in the same year: "twice as large as", "30% higher than"."""
    entity, other, label = resolution.entity, resolution.other, SOURCE_LABELS[series.source]
    if other.startswith("group:"):
        group = geography().groups[other.split(":", 1)[1]]
        other = _group_aggregate(series, group)
        if other is None:
            return [], f"{label} {series.code} has no aggregate for {group.name} (sources/groups.toml)"
    if other not in series.values:
        return [], f"{label} {series.code} has no values for {resolution.other_name} ({other})"
    both = [y for y in series.years(entity) if y in series.values[other] and y <= resolution.end]
    if resolution.start is not None and not resolution.latest:
        both = [y for y in both if y >= resolution.start]
    if not both:
        return [], f"{label} {series.code} has no year with values for both {resolution.entity_name} and {resolution.other_name}"
    year = both[-1]
    mine, theirs = series.values[entity][year], series.values[other][year]
    if theirs == 0:
        return [], f"{label} {series.code} is zero for {resolution.other_name} in {year}"
    ratio = mine / theirs
    evidence = (_evidence(series, indicator, entity, [year], mine, indicator.unit),
                _evidence(series, indicator, other, [year], theirs, indicator.unit))
    description = f"{label}, {year}, {resolution.entity_name} over {resolution.other_name}"
    detail = f"{fmt.amount(mine, indicator.unit)} against {fmt.amount(theirs, indicator.unit)}: {ratio:.2f} times"
    return [Reading(description, ratio, "ratio", judge(claim, ratio, tol), evidence, detail)], ""


def _average_readings(claim, resolution, indicator, series, tol):
    entity, label = resolution.entity, SOURCE_LABELS[series.source]
    start = resolution.start
    end = resolution.end
    if resolution.latest:
        have = [y for y in series.years(entity) if y <= end]
        if not have:
            return [], f"{label} {series.code} has no value for {resolution.entity_name}"
        start = end = have[-1]
    wanted = list(range(start, end + 1))
    present = [y for y in wanted if y in series.values[entity]]
    missing = [y for y in wanted if y not in series.values[entity]]
    if not present or len(present) < MIN_YEAR_COVERAGE * len(wanted):
        return [], (f"{label} {series.code} has {len(present)} of the {len(wanted)} years "
                    f"{fmt.years(start, end)} for {resolution.entity_name}")
    values = [series.values[entity][y] for y in present]
    mean = sum(values) / len(values)
    gaps = f"; no data for {', '.join(map(str, missing))}" if missing else ""
    est = _estimate_note(series, entity, present)
    if indicator.measure == "rate" and all(v > -100 for v in values):
        compound = (math.prod(1 + v / 100 for v in values) ** (1 / len(values)) - 1) * 100
        by_mean, by_compound = judge(claim, mean, tol), judge(claim, compound, tol)
        decided_by_compound = _better(by_compound, by_mean)
        actual = compound if decided_by_compound else mean
        detail = (f"arithmetic mean of {len(values)} annual rates {fmt.amount(mean, 'percent')}; "
                  f"compound annual rate from the chained levels {fmt.amount(compound, 'percent')}; "
                  f"decided by the {'compound rate' if decided_by_compound else 'arithmetic mean'}{gaps}")
    else:
        actual, detail = mean, f"mean of {len(values)} annual values{gaps}"
    description = f"{label}, average over {fmt.years(present[0], present[-1])}{est}"
    evidence = _evidence(series, indicator, entity, present, actual, claim.unit, detail)
    return [Reading(description, actual, claim.unit, judge(claim, actual, tol), (evidence,), detail)], ""


# Members that have reported within this many years before the cutoff count as the
# group; those silent for longer (Eritrea since 2011, Cuba since 2020) would otherwise freeze shares and
# ranks in the last year they reported.
ACTIVE_YEARS = 3


def _active(series: Series, economies, cutoff: int) -> list[str]:
    recent = range(cutoff - ACTIVE_YEARS + 1, cutoff + 1)
    return [e for e in economies if any(y in series.values.get(e, {}) for y in recent)]


def _incomplete(series: Series) -> str:
    return (f"the cached {series.code} holds only some economies (pulled with --countries); "
            "shares and ranks need every economy: run `verify data pull` without --countries, or go online")


def _silent_note(series: Series, economies, active: list[str]) -> str:
    silent = [e for e in economies if e in series.values and e not in active]
    return f"; left out for lack of recent data: {', '.join(silent)}" if silent else ""


def _group_aggregate(series: Series, group: Group) -> str | None:
    """The group's own code in this series, if the source publishes one."""
    return next((code for code in group.aggregate.get(series.source, ()) if code in series.values), None)


def _group_total(series: Series, group: Group, year: int, indicator: Indicator, members: list[str]) -> float | None:
    aggregate = _group_aggregate(series, group)
    if aggregate and indicator.summable:
        return series.values.get(aggregate, {}).get(year)
    if not members or any(year not in series.values[m] for m in members):
        return None
    return sum(series.values[m][year] for m in members)


def _share_readings(claim, resolution, indicator, series, tol):
    entity, label = resolution.entity, SOURCE_LABELS[series.source]
    group = geography().groups[resolution.group]
    if not series.complete:
        return [], _incomplete(series)
    aggregate = _group_aggregate(series, group) if indicator.summable else None
    members = [] if aggregate else _active(series, group.members, resolution.end)
    if aggregate:
        how = f"the {group.name} total is the source's own aggregate {aggregate}"
    else:
        how = (f"the {group.name} total adds up {len(members)} economies: {', '.join(members)}"
               + _silent_note(series, group.members, members))
    by_year = []
    for year in series.years(entity):
        if year > resolution.end or (resolution.start is not None and year < resolution.start):
            continue
        total = _group_total(series, group, year, indicator, members)
        if total is not None:
            by_year.append((year, series.values[entity][year], total))
    if not by_year:
        return [], f"{label} {series.code} has no year in which {resolution.entity_name} and every {group.name} economy report"

    def share_reading(rows, description):
        part = sum(r[1] for r in rows)
        whole = sum(r[2] for r in rows)
        if whole == 0:
            return None
        actual = 100 * part / whole
        span = [r[0] for r in rows]
        detail = (f"{resolution.entity_name} {fmt.amount(part, indicator.unit)} of {fmt.amount(whole, indicator.unit)} "
                  f"in {fmt.years(span[0], span[-1])}; {how}")
        evidence = _evidence(series, indicator, entity, span, part, indicator.unit, detail)
        shown = [(year, p, t) for year, p, t in by_year[-TRACE_BEFORE - 4:] if t]
        estimated = series.estimates(entity, [year for year, _, _ in shown])
        shares = tuple((year, 100 * p / t, year in estimated) for year, p, t in shown)
        evidence = replace(evidence, trace=shares, trace_unit="percent")
        return Reading(description, actual, "percent", judge(claim, actual, tol), (evidence,), detail)

    last = by_year[-1][0]
    note = _estimate_note(series, entity, [last])
    latest = share_reading(by_year[-1:], f"{label}, share in {last}{note}")
    cumulative = share_reading(by_year, f"{label}, cumulative share {fmt.years(by_year[0][0], last)}")
    spanned = resolution.start is not None and resolution.start != resolution.end
    ordered = [cumulative, latest] if spanned else [latest, cumulative]
    if len(by_year) == 1:
        ordered = [latest]
    return [r for r in ordered if r is not None], ""


def _rank_readings(claim, resolution, indicator, series, tol):
    entity, label = resolution.entity, SOURCE_LABELS[series.source]
    group = geography().groups[resolution.group]
    if not series.complete:
        return [], _incomplete(series)
    aggregates = series.aggregates | aggregate_codes(series.source)
    if group.all_economies:
        economies = [e for e in series.values if e not in aggregates and len(e) == 3 and e.isalpha()]
    elif group.members:
        economies = [e for e in group.members if e in series.values]
    else:
        return [], f"sources/groups.toml lists no members for {group.name}, so ranks within it cannot be computed"
    cutoff = resolution.end
    key = ("rank", group.key, cutoff)
    if key not in series.memo:
        active = _active(series, economies, cutoff)
        series.memo[key] = active, Counter(y for e in active for y in series.values[e])
    active, reporting = series.memo[key]  # the field, and how many of it report each year
    if entity not in active:
        return [], f"{label} {series.code} has no recent value for {resolution.entity_name} up to {cutoff}"
    years = [y for y in series.years(entity) if y <= cutoff and reporting[y] >= MIN_RANK_COVERAGE * len(active)]
    if not resolution.latest:
        years = [y for y in years if y == resolution.end]
    if not years:
        return [], f"{label} {series.code} has no year up to {cutoff} with {resolution.entity_name} and most economies reporting"
    year = years[-1]
    # "the second-lowest", "the smallest": counted from the bottom.
    ascending = claim.quantity is not None and claim.quantity.rank_order == "ascending"
    ranked = sorted((e for e in active if year in series.values[e]),
                    key=lambda e: series.values[e][year] if ascending else -series.values[e][year])
    position = ranked.index(entity) + 1
    tied = ""
    if indicator.unit == "percent":
        # Rates as published, to one decimal: 1.102% and 1.101% are both 1.1%, a tie, and
        # a rank claim holds for any place of the tie.
        own = round(series.values[entity][year], 1)
        better = [e for e in ranked if (round(series.values[e][year], 1) < own if ascending
                                        else round(series.values[e][year], 1) > own)]
        level = [e for e in ranked if e != entity and round(series.values[e][year], 1) == own]
        if level:
            position = len(better) + 1
            tied = f" (tied at {own:.1f}% with {', '.join(geography().country_name(e) for e in level[:5])})"
    neighbours = ", ".join(
        f"{i + 1}. {geography().country_name(e)} {fmt.amount(series.values[e][year], indicator.unit)}"
        for i, e in enumerate(ranked) if abs(i + 1 - position) <= 1 or (claim.operator == "<=" and i + 1 == int(claim.value))
    )
    scope = "economies" if group.all_economies else f"{group.name} economies"
    unranked = [e for e in active if year not in series.values[e]]
    missing = f"; no {year} value for {', '.join(unranked)}" if unranked and len(unranked) <= 10 else (
        f"; {len(unranked)} economies have no {year} value" if unranked else "")
    detail = (f"{fmt.ordinal(position)}{tied} {'lowest ' if ascending else ''}of {len(ranked)} {scope} by {indicator.name} "
              f"in {year}, aggregates excluded"
              f"{missing}{_silent_note(series, economies, active) if not group.all_economies else ''}; {neighbours}")
    evidence = _evidence(series, indicator, entity, [year], series.values[entity][year], indicator.unit, detail)
    note = _estimate_note(series, entity, [year])
    description = f"{label}, rank in {year}{note}"
    return [Reading(description, float(position), "rank", judge(claim, position, tol), (evidence,), detail)], ""


def _record_readings(claim, resolution, indicator, series, tol):
    """A year ranked within its own country's history: "the highest since 1990", "the
    lowest in 32 years". The year's value among the window's years, highest first (lowest
    first for "lowest"); rates tied to one decimal share a place."""
    entity, label = resolution.entity, SOURCE_LABELS[series.source]
    values = series.values[entity]
    end = resolution.end
    if resolution.latest:
        end = max((y for y in values if y <= resolution.end), default=None)
    if end is None or end not in values:
        return [], f"{label} {series.code} has no {resolution.end} value for {resolution.entity_name}"
    first = min(values)
    if resolution.start is not None and first > resolution.start:
        return [], (f"{label} {series.code} begins in {first} for {resolution.entity_name}, after {resolution.start}: "
                    f"a record since then cannot be checked")
    left_out = excluded_years(claim.quote[claim.quote_end:])
    window = [y for y in sorted(values) if y <= end and (resolution.start is None or y >= resolution.start)
              and y not in left_out]
    ascending = claim.quantity is not None and claim.quantity.rank_order == "ascending"
    digits = 1 if indicator.unit == "percent" else 12
    own = round(values[end], digits)
    better = [y for y in window if (round(values[y], digits) < own if ascending else round(values[y], digits) > own)]
    position = len(better) + 1
    order = sorted(window, key=lambda y: values[y] if ascending else -values[y])
    top = ", ".join(f"{y} {fmt.amount(values[y], indicator.unit)}" for y in order[:3])
    word = "lowest" if ascending else "highest"
    if left_out:
        top += f"; left out as the text says: {', '.join(map(str, sorted(left_out)))}"
    detail = (f"{fmt.ordinal(position)} {word} of {len(window)} years {window[0]}–{end} for {resolution.entity_name}"
              f" ({fmt.amount(values[end], indicator.unit)} in {end}); {word} first: {top}")
    evidence = _evidence(series, indicator, entity, [end], values[end], indicator.unit, detail)
    note = _estimate_note(series, entity, [end])
    description = f"{label}, {end} among {window[0]}–{end}{note}"
    return [Reading(description, float(position), "rank", judge(claim, position, tol), (evidence,), detail)], ""


# --- explanation ----------------------------------------------------------------------


def claimed_words(claim: Claim) -> str:
    if claim.statistic == "record":
        return claim.number_text
    if claim.statistic == "rank":
        if claim.operator == "<=":
            return f"in the top {int(claim.value)}"
        return claim.number_text
    return f"{fmt.OPERATOR_WORDS.get(claim.operator, '')}{claim.number_text}"


def _lower_first(name: str) -> str:
    """"Real GDP growth" -> "real GDP growth", but "GDP, current prices" stays."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _explain(claim, resolution, indicator, verdict, primary, support, tol) -> str:
    subject = f"{resolution.entity_name}'s {_lower_first(indicator.name)}"
    if claim.statistic == "share":
        subject = f"{resolution.entity_name}'s share of {resolution.group_name} {indicator.name.split(',')[0].split(' (')[0].lower()}"
    if claim.statistic == "rank":
        subject = f"{resolution.entity_name}'s rank by {indicator.name.split(' (')[0]}"
    found = f"{subject}: {fmt.amount(primary.actual, primary.unit)} ({primary.description})"
    wanted = claimed_words(claim)
    accurate = band(claim, tol, primary.actual).accurate if isinstance(tol, Tolerances) else tol.accurate
    margin = "" if claim.statistic in ("rank", "record") else f", tolerance {fmt.tolerance(accurate, _reading_unit(claim))}"
    if verdict == VerdictKind.ACCURATE:
        return f"{found}, which supports “{wanted}”{margin}."
    if verdict == VerdictKind.CLOSE:
        return f"{found}: near “{wanted}” but outside the tolerance{margin}."
    if verdict == VerdictKind.MISLEADING:
        return (f"{found}, which does not support “{wanted}”; the claim holds only under a less "
                f"natural reading — {support.description}: {fmt.amount(support.actual, support.unit)}.")
    return f"{found}, which does not support “{wanted}”{margin}."
