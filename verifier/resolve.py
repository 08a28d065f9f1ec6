"""Stage 3, resolve: a claim's words into codes — country, indicator, group, years, sources."""
from __future__ import annotations

import re
from datetime import date

from .catalogue import SOURCES_DIR, indicators, load_toml
from .geography import geography
from .records import Claim, Resolution

# When the text cites no source: the World Bank first, the IMF for what it lacks.
DEFAULT_SOURCES = ("world_bank", "imf")


RELATIVE_KINDS = {"last_year": "last year", "this_year": "this year", "past": "the past years",
                  "year_before": "the year before", "year_after": "the year after", "next_year": "next year",
                  "fiscal_this": "this fiscal year", "fiscal_last": "the last fiscal year", "ago": "years ago"}


def resolve(claim: Claim, published: date | None, today: date | None = None) -> Resolution:
    """`published` None: the article gives no date. Periods relative to it cannot be read;
    the latest data up to the run date's last full year stand in for "now", as a doubt."""
    places = geography()
    doubts: tuple[str, ...] = ()
    if published is None:
        if claim.period.kind in RELATIVE_KINDS:
            return Resolution(entity=None, entity_name=claim.entity, indicator=claim.indicator, group=None,
                              group_name=None, period_text=claim.period.text,
                              problem=f"“{claim.period.text}” counts from the publication date, and the article "
                                      "prints none (date unknown)")
        published = today or date.today()
        if claim.period.kind in ("latest", "since"):
            doubts = (f"the article prints no publication date: “now” is read as the latest data up to "
                      f"{published.year - 1}",)
    indicator = indicators().get(claim.indicator or "")
    entity = places.country_code(claim.entity) if claim.entity else None
    if (indicator is not None and indicator.unit != "LCU" and claim.unit not in ("USD", "percent", "persons", "rank", "ratio")
            and entity and places.currency_country(claim.unit) == entity):
        # "Rs 296.58 lakh crore" of India's GDP: the series in rupees; "real" or "at constant
        # prices" its volume. A measure with none in national currency may have one under a
        # definition the same words allow ("per capita income": GDP per capita), with a doubt.
        local, doubt = _in_national_currency(indicator, claim)
        if local is not None:
            indicator = local
            doubts += (doubt,) if doubt else ()
    entity_name = places.country_name(entity) if entity else claim.entity
    group_key = places.group_key(claim.group) if claim.group else None
    if claim.statistic == "rank" and claim.group is None:
        group_key = "world"
    group = places.groups.get(group_key) if group_key else None
    start, end, latest, period_text, more = _years(claim, published, entity)
    doubts += more
    order = ((claim.source_cited,) if claim.source_cited else ()) + DEFAULT_SOURCES
    sources = tuple(dict.fromkeys(s for s in order if indicator and indicator.series_for(s)))

    other = places.country_code(claim.other) if claim.other else None
    other_name = places.country_name(other) if other else None
    if claim.other and other is None and places.group_key(claim.other):
        # "48% of the EU average": the group's own aggregate, where a source publishes one.
        other_group = places.groups[places.group_key(claim.other)]
        other, other_name = f"group:{other_group.key}", f"the {other_group.name} average"
    problem = None
    if indicator is None:
        problem = f"the catalogue has no indicator '{claim.indicator}'"
    elif entity is None and group is not None and claim.statistic in ("value", "average"):
        # A group's own figure: checkable where a source publishes the group's aggregate.
        sources = tuple(s for s in sources if group.aggregate.get(s))
        entity_name = group.name
        if not sources:
            problem = (f"the figure is about {group.name}, a group, and no source publishes an aggregate for it "
                       "(sources/groups.toml); rates cannot be added up from the members")
        elif claim.period.kind == "since" and claim.period.start is None:
            problem = f"“{claim.period.text}”: {group.name} is a group, which has no year of independence"
    elif entity is None:
        problem = f"'{claim.entity}' is not a country the resolver knows" if claim.entity else claim.entity_cue
    elif claim.period.kind == "subannual":
        problem = f"the claim is about “{claim.period.text}”, and the data are annual only"
    elif claim.period.kind == "since" and claim.period.start is None:
        problem = (f"“{claim.period.text}”: no year of independence for {entity_name} in "
                   "sources/independence.toml")
    elif claim.statistic == "ratio" and other is None:
        problem = "the comparison names no country or group to compare with" + (f" ('{claim.other}' is unknown)" if claim.other else "")
    elif claim.unit not in ("USD", "percent", "persons", "rank", "ratio") and (
            indicator.unit != "LCU" or places.currency_country(claim.unit) != entity):
        problem = (
            f"the amount is in {claim.unit}; the catalogue has only {indicator.unit} series "
            f"for {indicator.name}, and converting currencies would add a second source of error"
        )
    elif claim.group and group is None:
        problem = f"'{claim.group}' is not a group defined in sources/groups.toml or a UN region"
    elif group is not None and group.members and entity not in group.members:
        problem = f"{entity_name} is not a member of {group.name} as sources/groups.toml defines it"
    return Resolution(
        entity=entity,
        entity_name=entity_name,
        indicator=indicator.key if indicator else None,
        group=group.key if group else None,
        group_name=group.name if group else None,
        sources=sources,
        start=start,
        end=end,
        latest=latest,
        period_text=period_text,
        problem=problem,
        other=other,
        other_name=other_name,
        doubts=doubts,
        any_year=claim.period.kind == "ever",
    )


FISCAL = None


REAL_WORDS = re.compile(r"\breal\s+(?:GDP|gross domestic product|terms)\b|\bconstant\s+(?:\(\d{4}(?:-\d{2})?\)\s+)?prices\b",
                        re.I)


def _in_national_currency(indicator, claim: Claim):
    """The indicator's series in national currency (its volume if the words say "real"), and
    the doubt to note when only another definition of the words has one."""
    catalogue = indicators()
    if REAL_WORDS.search(claim.quote) and "gdp_real_lcu" in catalogue and indicator.key in ("gdp", "gdp_real_lcu"):
        return catalogue["gdp_real_lcu"], None
    if indicator.local_currency:
        return catalogue[indicator.local_currency], None
    for key in indicator.also:
        other = catalogue[key]
        if other.local_currency:
            return catalogue[other.local_currency], (f"no series of {indicator.name} in national currency: read as "
                                                     f"{catalogue[other.local_currency].name}")
    return None, None


def _fiscal_label(entity: str | None) -> str | None:
    """How the data label this country's fiscal year: "start" or "end" (sources/fiscal_years.toml)."""
    global FISCAL
    if FISCAL is None:
        table = load_toml(SOURCES_DIR / "fiscal_years.toml")
        FISCAL = {code: side for side in ("start", "end") for code in table.get(side, ())}
    return FISCAL.get(entity or "")


def _years(claim: Claim, published: date, entity: str | None = None) -> tuple[int | None, int, bool, str, tuple[str, ...]]:
    """(start, end, latest, words, doubts) for the claim's period, relative to publication."""
    period = claim.period
    last_full_year = published.year - 1
    if period.kind == "fiscal" or period.kind in ("fiscal_this", "fiscal_last"):
        side = _fiscal_label(entity)
        if period.kind == "fiscal":
            first, second = period.start, period.end
        else:
            # The fiscal year running at publication: from April (start-labelled) or July.
            opens = 4 if side == "start" else 7
            first = published.year if published.month >= opens else published.year - 1
            first -= 1 if period.kind == "fiscal_last" else 0
            second = first + 1
        year = first if side == "start" else second
        doubts = () if side else (f"“{period.text}”: how the data label this country's fiscal year is not known "
                                  f"(sources/fiscal_years.toml); read as {year}, the year it ends in",)
        return year, year, False, f"{year} (fiscal year {first}/{str(second)[2:]})", doubts
    if period.kind == "december":
        year = period.start or last_full_year
        return year, year, False, f"{year} (December on December)", ()
    if period.kind == "ever":
        return None, last_full_year, False, f"some year up to {last_full_year} (“{period.text}”)", ()
    if period.kind == "year":
        return period.start, period.end, False, str(period.start), ()
    if period.kind == "range":
        return period.start, period.end, False, f"{period.start}–{period.end}", ()
    if period.kind == "since":
        return period.start, last_full_year, False, f"{period.start}–{last_full_year} ({period.text})", ()
    if period.kind == "past":
        start = published.year - period.years
        return start, last_full_year, False, f"{start}–{last_full_year} ({period.text}, before {published.year})", ()
    if period.kind == "record":
        # "the highest since 1990": the figure's year (else the latest with data) among the window's.
        end = period.end or last_full_year
        start = period.start if period.start is not None else (end - period.years + 1 if period.years else None)
        among = f"{start}–{end}" if start is not None else f"every year with data up to {end}"
        return start, end, period.end is None, f"{end} among {among}", ()
    if period.kind == "ago":
        # "Twenty years ago", written in 2024: 2004.
        year = published.year - period.years
        return year, year, False, f"{year} (“{period.text}”, from {published.year})", ()
    if period.kind == "last_year":
        return last_full_year, last_full_year, False, f"{last_full_year} ('{period.text}')", ()
    if period.kind == "this_year":
        return published.year, published.year, False, f"{published.year} ('{period.text}')", ()
    if period.kind == "subannual":
        return None, last_full_year, False, f"“{period.text}” (annual data only)", ()
    return None, last_full_year, True, f"latest year with data up to {last_full_year}", ()
