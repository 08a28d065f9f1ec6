"""Stage 7, gate: the exit code that holds a piece back.

0: no claim has a verdict in --fail-on (claims an editor accepted or signed off do not
count); 1: at least one has; 2: usage, input or data-fetch
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


def failing(documents: list[DocumentResult], fail_on: tuple[VerdictKind, ...]) -> list[Verdict]:
    return [v for doc in documents for v in doc.verdicts
            if v.verdict in fail_on and not (v.override is not None and v.override.passes)]


def exit_code(documents: list[DocumentResult], errors: list[str], fail_on: tuple[VerdictKind, ...]) -> int:
    if errors:
        return ERROR
    return FAIL if failing(documents, fail_on) else PASS
