"""Stage 3, resolve: a claim's words into codes — country, indicator, group, years, sources."""
from __future__ import annotations

from datetime import date

from .catalogue import indicators
from .geography import geography
from .records import Claim, Resolution

# When the text cites no source: the World Bank first, the IMF for what it lacks.
DEFAULT_SOURCES = ("world_bank", "imf")


RELATIVE_KINDS = {"last_year": "last year", "this_year": "this year", "past": "the past years",
                  "year_before": "the year before", "year_after": "the year after", "next_year": "next year"}


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
    entity_name = places.country_name(entity) if entity else claim.entity
    group_key = places.group_key(claim.group) if claim.group else None
    if claim.statistic == "rank" and claim.group is None:
        group_key = "world"
    group = places.groups.get(group_key) if group_key else None
    start, end, latest, period_text = _years(claim, published)
    order = ((claim.source_cited,) if claim.source_cited else ()) + DEFAULT_SOURCES
    sources = tuple(dict.fromkeys(s for s in order if indicator and indicator.series_for(s)))

    other = places.country_code(claim.other) if claim.other else None
    problem = None
    if indicator is None:
        problem = f"the catalogue has no indicator '{claim.indicator}'"
    elif entity is None and group is not None and claim.statistic in ("value", "average", "change"):
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
        problem = "the comparison names no country to compare with" + (f" ('{claim.other}' is unknown)" if claim.other else "")
    elif claim.statistic == "change" and indicator.measure != "level":
        problem = (f"“{claim.number_text}” is a change in a rate, in points; only changes of levels "
                   "(GDP, exports, population) are checked")
    elif claim.unit not in ("USD", "percent", "persons", "rank", "ratio"):
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
        other_name=places.country_name(other) if other else None,
        doubts=doubts,
    )


def _years(claim: Claim, published: date) -> tuple[int | None, int, bool, str]:
    """(start, end, latest, words) for the claim's period, relative to publication."""
    period = claim.period
    last_full_year = published.year - 1
    if claim.statistic == "change" and period.kind in ("year", "last_year", "this_year"):
        # "grew 14% in 2022" compares 2022 with the year before.
        year = {"year": period.start, "last_year": last_full_year, "this_year": published.year}[period.kind]
        return year - 1, year, False, f"{year - 1} to {year}"
    if period.kind == "year":
        return period.start, period.end, False, str(period.start)
    if period.kind == "range":
        return period.start, period.end, False, f"{period.start}–{period.end}"
    if period.kind == "since":
        return period.start, last_full_year, False, f"{period.start}–{last_full_year} ({period.text})"
    if period.kind == "past":
        start = published.year - period.years
        return start, last_full_year, False, f"{start}–{last_full_year} ({period.text}, before {published.year})"
    if period.kind == "last_year":
        return last_full_year, last_full_year, False, f"{last_full_year} ('{period.text}')"
    if period.kind == "this_year":
        return published.year, published.year, False, f"{published.year} ('{period.text}')"
    if period.kind == "subannual":
        return None, last_full_year, False, f"“{period.text}” (annual data only)"
    return None, last_full_year, True, f"latest year with data up to {last_full_year}"
