"""A small chart per claim: the series over the claim's years, with the claim marked.

The editor sees at once how far off a number is. PNG via matplotlib's Agg backend (no
display needed); written atomically beside the report.
"""
from __future__ import annotations

from pathlib import Path

from .files import atomic_path
from .records import Verdict, VerdictKind
from .suggest import rounded_amount

COLOURS = {
    VerdictKind.ACCURATE: "#1a7f37", VerdictKind.CLOSE: "#9a6700", VerdictKind.MISLEADING: "#bc4c00",
    VerdictKind.INACCURATE: "#cf222e", VerdictKind.UNVERIFIABLE: "#57606a",
}


def chartable(verdict: Verdict) -> bool:
    """A claim with a series to draw: one whose deciding reading has one."""
    return bool(verdict.evidence and len(verdict.evidence[0].trace) >= 1)


def claimed_level(verdict: Verdict) -> tuple[float, float] | None:
    """The claim on the series' own scale, as (low, high): "5.7%" of growth, "$300 billion" of
    GDP; None when it is not a value of the series
    (a share, a rank, a ratio to another country)."""
    claim, evidence = verdict.claim, verdict.evidence[0]
    if claim.statistic in ("value", "average", "share") and claim.unit == evidence.trace_unit:
        quantity = claim.quantity
        if claim.operator == "range" and quantity is not None and quantity.low is not None:
            return quantity.low, quantity.high
        return claim.value, claim.value
    return None


def draw_chart(verdict: Verdict, path: Path) -> None:
    # A Figure with its own Agg canvas: no pyplot state, no display, nothing to close.
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    claim, evidence = verdict.claim, verdict.evidence[0]
    trace = evidence.trace
    years = [year for year, _, _ in trace]
    values = [value for _, value, _ in trace]
    claim_years = sorted({int(y) for e in verdict.evidence for y in e.years.replace("–", " ").split()})
    colour = COLOURS[verdict.verdict]
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    # A fixed layout: tight_layout and a "best" legend place cost more than the drawing.
    axes = figure.add_axes((0.15, 0.25, 0.82, 0.65))
    what = f"share of {verdict.resolution.group_name}, " if claim.statistic == "share" else ""
    axes.plot(years, values, color="#0969da", marker="o", markersize=3, linewidth=1.5,
              label=f"{what}{evidence.series} ({evidence.source})")
    estimated = [(year, value) for year, value, estimate in trace if estimate]
    if estimated:
        axes.plot(*zip(*estimated), linestyle="none", marker="o", markersize=5, markerfacecolor="white",
                  markeredgecolor="#0969da", label="estimate or projection")
    if claim_years:
        axes.axvspan(min(claim_years) - 0.4, max(claim_years) + 0.4, color="#d0d7de", alpha=0.5, linewidth=0)
    claimed = claimed_level(verdict)
    if claimed is not None:
        low, high = claimed
        span = (min(claim_years) - 0.4, max(claim_years) + 0.4) if claim_years else (min(years), max(years))
        if high > low:
            axes.fill_between(span, low, high, color=colour, alpha=0.25, label=f"claimed: {claim.number_text}")
        else:
            axes.hlines(low, *span, colors=colour, linestyles="--", linewidth=2,
                        label=f"claimed: {claim.number_text}")
    unit = evidence.trace_unit
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _tick(v, unit)))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(f"“{_short(claim.number_text)}”: {verdict.verdict.value} · {evidence.entity}",
                   fontsize=10, color=colour, loc="left")
    axes.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, frameon=False)
    axes.grid(axis="y", color="#eaeef2")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    with atomic_path(path) as temporary:  # written whole or not at all
        figure.savefig(temporary, format="png")


def _tick(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:g}%"
    return rounded_amount(value, unit, significant=2).replace(" people", "") if value else "0"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
