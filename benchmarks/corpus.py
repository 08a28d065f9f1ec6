"""A generated corpus for benchmarks: N articles with the claim shapes verifier reads.

Deterministic (seeded): the same N and seed give the same bytes, so runs compare.
The values are plausible, not true; speed does not depend on the verdicts.
"""
from __future__ import annotations

import random
from pathlib import Path

COUNTRIES = ["Kazakhstan", "Uzbekistan", "Kenya", "Nigeria", "Brazil", "India", "Poland", "Viet Nam", "Chile",
             "Egypt", "Indonesia", "Türkiye", "Peru", "Ghana", "Morocco", "Mongolia", "Georgia", "Romania",
             "Bangladesh", "Colombia", "Ethiopia", "Argentina", "Thailand", "Malaysia", "Pakistan"]
GROUPS = ["Central Asia", "Sub-Saharan Africa", "Latin America", "the EU", "ASEAN", "South Asia", "the G20"]
SOURCES = ["", " according to the IMF", ", World Bank data show", ", the statistics office said"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth"]

# Prose without numbers: most sentences of a real report carry none.
FILLER = [
    "Officials said the reforms would continue despite opposition in parliament.",
    "Analysts in {c} expect the central bank to keep a cautious stance as prices settle.",
    "The government has promised to simplify taxes and open more sectors to private investors.",
    "Business groups welcomed the plan, although trade unions called for higher wages.",
    "Much depends on commodity prices and on demand from the country's main trading partners.",
    "Critics argue that the benefits have not reached households outside the capital.",
    "The finance ministry did not respond to a request for comment on Tuesday.",
    "Investors are watching the election closely, and the currency has been volatile.",
    "Farmers in the north say the drought has hurt harvests for a second season.",
    "The reforms follow years of slow progress and a costly banking crisis.",
]

# Sentence shapes, one per claim shape the tool supports, plus numbers that are no claims.
TEMPLATES = [
    "{c}'s economy grew {g:.1f}% in {y}{src}.",
    "Growth of {g:.1f}% in {y} and {g2:.1f}% in {y2} made {c} one of the region's stars.",
    "{c}'s GDP rose from ${a:.0f} billion in {y0} to ${b:.0f} billion in {y}.",
    "Exports grew {g:.0f}% in {y}, and reserves reached ${r:.1f} billion at the end of the year.",
    "The economy contracted −{g:.1f}% in {y0} before rebounding.",
    "{c}'s economy is roughly {x} times the size of {c2}'s.",
    "{c} is the {o}-largest economy in {grp}.",
    "{c} was among the 10 fastest-growing economies in {y}.",
    "{c} accounts for about {s}% of {grp}'s GDP.",
    "Public debt stood at {d:.1f}% of GDP in {y}, and the current account deficit was {ca:.1f}% of GDP.",
    "GDP per capita reached ${pc:,} in {y}, while the population passed {p:.1f} million.",
    "Inflation averaged {i:.1f}% in {y} and unemployment was {u:.1f}%{src}.",
    "Over the past decade the economy has grown by about five percent a year.",
    "Net inflows of foreign direct investment rose {g:.0f}% to ${f:.1f} billion in {y}.",
    "Growth is forecast at {lo}–{hi}% next year, and GDP has doubled since {y0}.",
    "Inflation slowed to {i:.1f}% in {m} {y}, the central bank said.",
    # Numbers that are not claims.
    "The forum, held on {day} {m} {y}, drew {v:,} visitors and {n} delegations; call +7 717 {ph}.",
    "The minister, {age}, signed {n} agreements worth ${deal:.1f} billion with {k} companies.",
]


def article(rng: random.Random, number: int) -> str:
    country = rng.choice(COUNTRIES)
    year = rng.randint(2015, 2024)
    paragraphs = [f"# {country}: economic update {number}", f"Published: {year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"]
    for _ in range(rng.randint(3, 6)):
        sentences = []
        chosen = rng.sample(TEMPLATES, rng.randint(1, 3)) + rng.sample(FILLER, rng.randint(2, 4))
        rng.shuffle(chosen)
        for template in chosen:
            sentences.append(template.format(
                c=country, c2=rng.choice(COUNTRIES), grp=rng.choice(GROUPS), src=rng.choice(SOURCES),
                g=rng.uniform(0.5, 9.5), g2=rng.uniform(0.5, 9.5), y=year, y2=year - 1, y0=year - rng.randint(2, 10),
                a=rng.uniform(20, 400), b=rng.uniform(20, 500), r=rng.uniform(1, 90), x=rng.choice(["two", "three", "2.5"]),
                o=rng.choice(ORDINALS), s=rng.randint(5, 70), d=rng.uniform(20, 120), ca=rng.uniform(0.5, 8),
                pc=rng.randint(900, 40000), p=rng.uniform(3, 300), i=rng.uniform(1, 40), u=rng.uniform(2, 15),
                f=rng.uniform(0.2, 30), lo=rng.randint(3, 5), hi=rng.randint(6, 8), m=rng.choice(MONTHS),
                day=rng.randint(1, 28), v=rng.randint(1000, 90000), n=rng.randint(2, 40), ph=rng.randint(100000, 999999),
                age=rng.randint(35, 70), deal=rng.uniform(0.1, 5), k=rng.randint(3, 60),
            ))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def generate(count: int, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    return [article(rng, number) for number in range(1, count + 1)]


def write_corpus(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(texts, 1):
        path = folder / f"article-{number:05d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def pathological(size: int = 5_000_000, seed: int = 7) -> str:
    """A document built to make regular expressions backtrack: long runs of digits with
    separators and spaces, numbers glued to scale and currency words, deep parentheses,
    percent signs and dashes, with no sentence ends for long stretches."""
    rng = random.Random(seed)
    pieces = []
    length = 0
    shapes = [
        lambda: "1," * rng.randint(200, 2000) + "5",
        lambda: " ".join(["9"] * rng.randint(200, 2000)),
        lambda: "(" * rng.randint(100, 800) + "3.5%" + ")" * rng.randint(100, 800),
        lambda: "$" + "1 " * rng.randint(100, 1000) + "billion",
        lambda: "-" * rng.randint(100, 1000) + "5" + "–" * rng.randint(100, 1000) + "%",
        lambda: "1.2.3.4." * rng.randint(100, 500),
        lambda: "GDP grew " + "5 and " * rng.randint(100, 800) + "percent",
        lambda: "between " + "1 and " * rng.randint(100, 500) + "2%",
        lambda: "the " + "largest " * rng.randint(50, 400) + "economy",
    ]
    while length < size:
        piece = rng.choice(shapes)()
        pieces.append(piece)
        length += len(piece) + 1
    return " ".join(pieces)[:size]
