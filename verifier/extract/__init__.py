"""Stage 2, extract: which numbers in an article are statistical claims, and about what.

A number becomes a claim when its sentence names an indicator it can measure (a
percentage near "growth", a dollar amount near "GDP", a rank near "economies"). The
claim then records what the words around it say: the operator (hedges and bounds), the
country (named, or pointed to by "our", "we", "the country"), the period, the source the
text cites, and for shares the group. Dates, years, durations and counts never name an
indicator they measure, so they are not claims.

The package, one module per question a reader asks of a number:
- `sentences`: where sentences end, within each block of the document's structure;
- `context`: the sentence, the places named around the number, its clause;
- `cues`: which measure words a sentence holds, and which source it cites;
- `entities`: whom the number is about;
- `periods`: when;
- `claims`: what it measures and claims, and `extract_claims`, which puts them together.
"""
from __future__ import annotations

from .claims import extract_claims
from .entities import main_country
from .periods import independence_years
from .sentences import Sentence, split_sentences

__all__ = ["Sentence", "extract_claims", "independence_years", "main_country", "split_sentences"]
