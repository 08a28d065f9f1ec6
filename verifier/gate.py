"""Stage 7, gate: the exit code that holds a piece back.

0: no claim has a verdict in --fail-on (claims an editor accepted or signed off do not
count, nor claims held for review, whose reading is uncertain, unless the config's
`review_blocks` says so); 1: at least one has; 2: usage, input or data-fetch
errors (bad files, or series that could not be fetched, are reported and the rest still
checked, but the run does not pass).
"""
from __future__ import annotations

from .records import DocumentResult, Verdict, VerdictKind

PASS, FAIL, ERROR = 0, 1, 2
DEFAULT_FAIL_ON = (VerdictKind.INACCURATE, VerdictKind.MISLEADING)
# --strict: a claim nobody could check holds the piece back too.
STRICT_FAIL_ON = (*DEFAULT_FAIL_ON, VerdictKind.UNVERIFIABLE)


def parse_fail_on(text: str) -> tuple[VerdictKind, ...]:
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not names:
        raise ValueError("--fail-on: name at least one verdict, or 'none' to never fail")
    if names == ["none"]:
        return ()
    valid = {kind.value: kind for kind in VerdictKind}
    unknown = [name for name in names if name not in valid]
    if unknown:
        raise ValueError(f"--fail-on: unknown verdict '{unknown[0]}' (choose from {', '.join(valid)})")
    return tuple(valid[name] for name in names)


def blocks(verdict: Verdict, fail_on: tuple[VerdictKind, ...] = DEFAULT_FAIL_ON, block_review: bool = False) -> bool:
    """Whether this claim holds the piece back. A claim held for review (its reading is
    uncertain) blocks only with `block_review`, by the verdict its likeliest reading gives."""
    if verdict.override is not None and verdict.override.passes:
        return False
    if verdict.review and block_review and verdict.review_verdict in fail_on:
        return True
    return verdict.verdict in fail_on


def failing(documents: list[DocumentResult], fail_on: tuple[VerdictKind, ...],
            block_review: bool = False) -> list[Verdict]:
    return [v for doc in documents for v in doc.verdicts if blocks(v, fail_on, block_review)]


def exit_code(documents: list[DocumentResult], errors: list[str], fail_on: tuple[VerdictKind, ...],
              block_review: bool = False) -> int:
    if errors:
        return ERROR
    return FAIL if failing(documents, fail_on, block_review) else PASS
