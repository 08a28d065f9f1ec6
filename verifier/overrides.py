"""Editors' overrides: claims an editor has checked by hand.

Two ways, as a prose linter's users silence a rule:

- inline, in the article: `<!-- verify: ignore -->` on the line before a paragraph skips
  that paragraph's claims; `<!-- verify: accept "reason" -->` accepts the next claim;
- a sign-off file (`verify-signoff.toml`) that records a claim's fingerprint, who signed
  it off, when, why and until when. The fingerprint is a hash of the sentence and the
  number, so a sign-off stops applying as soon as the sentence is edited.

Accepted and signed-off claims keep their computed verdict, shown beside the editor's
note; they do not fail the gate.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .files import write_atomic
from .records import Claim, Document, Override, Verdict

SIGNOFF_FILE = "verify-signoff.toml"
DIRECTIVE = re.compile(r"<!--\s*+verify\s*+:(?P<body>.*?)-->", re.S | re.I)
ACCEPT = re.compile(r"accept(?:\s+(?:\"(?P<quoted>[^\"]*)\"|“(?P<curly>[^”]*)”|(?P<bare>\S.*)))?\s*$", re.S | re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)


class OverrideError(ValueError):
    """A directive or sign-off file that cannot be read: the message names the file."""


@dataclass(frozen=True)
class Directive:
    kind: str  # "ignore" or "accept"
    offset: int  # where the comment ends in the document's text
    reason: str = ""


def mask_comments(text: str) -> str:
    """HTML comments blanked out, offsets kept: a number in an editor's note is no claim."""
    closed = _closed_part(text)
    return COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), closed) + text[len(closed):]


def _closed_part(text: str) -> str:
    """The text up to its last "-->": an opening "<!--" after it is never closed, and
    looking for its end from each one would read the rest of the text again and again."""
    return text[:text.rfind("-->") + 3] if "-->" in text else ""


def find_directives(path: Path, text: str) -> tuple[Directive, ...]:
    found = []
    for match in DIRECTIVE.finditer(_closed_part(text)):
        body = match.group("body").strip()
        if body.lower() == "ignore":
            found.append(Directive("ignore", match.end()))
            continue
        accept = ACCEPT.match(body)
        if accept is None:
            line = text.count("\n", 0, match.start()) + 1
            raise OverrideError(f"{path}: line {line}: unknown directive '{body[:40]}' "
                                "(use 'verify: ignore' or 'verify: accept \"reason\"')")
        reason = (accept.group("quoted") or accept.group("curly") or accept.group("bare") or "").strip()
        found.append(Directive("accept", match.end(), reason))
    return tuple(found)


def apply_directives(document: Document, claims: list[Claim]) -> tuple[list[Claim], dict[str, Override]]:
    """The claims left to check, and the editor's acceptances by claim id."""
    ignored: list[tuple[int, int]] = []
    accepted: dict[str, Override] = {}
    for directive in document.directives:
        if directive.kind == "ignore":
            ignored.append((directive.offset, _paragraph_end(document.text, directive.offset)))
    kept = [c for c in claims if not any(lo <= _offset(c) < hi for lo, hi in ignored)]
    for directive in document.directives:
        if directive.kind == "accept":
            following = [c for c in kept if _offset(c) >= directive.offset and c.id not in accepted]
            if following:
                accepted[following[0].id] = Override("accepted", directive.reason or "accepted in the article")
    return kept, accepted


def _offset(claim: Claim) -> int:
    return claim.quote_offset + claim.quote_start


def _paragraph_end(text: str, start: int) -> int:
    """The end of the paragraph that follows `start` (blank lines before it skipped)."""
    body = re.match(r"\s*", text[start:]).end() + start
    blank = re.compile(r"\n[ \t]*\n").search(text, body)
    return blank.start() if blank else len(text)


# --- sign-offs --------------------------------------------------------------------------


def fingerprint(claim: Claim) -> str:
    """The sentence and the number, whitespace normalised: any edit to either changes it."""
    before = " ".join(claim.quote[:claim.quote_start].split())
    after = " ".join(claim.quote[claim.quote_end:].split())
    # The number marked where it stands, so a sentence with the same figure twice tells them apart.
    digest = hashlib.sha256(f"{before}\x1f{claim.number_text}\x1f{after}".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class SignOff:
    fingerprint: str
    claim: str  # the claim id when signed off, for people reading the file
    quote: str
    number: str
    by: str
    date: date
    reason: str
    expires: date | None = None


SIGNOFF_KEYS = {"fingerprint", "claim", "quote", "number", "by", "date", "reason", "expires"}


def load_signoffs(path: Path) -> dict[str, SignOff]:
    """Sign-offs by fingerprint; a missing file is none."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise OverrideError(f"{path}: cannot read the sign-off file ({exc})") from exc
    entries = {}
    for number, entry in enumerate(data.get("signoff", []), 1):
        unknown = set(entry) - SIGNOFF_KEYS
        missing = {"fingerprint", "by", "date", "reason"} - set(entry)
        if unknown or missing:
            problem = f"unknown key '{min(unknown)}'" if unknown else f"missing '{min(missing)}'"
            raise OverrideError(f"{path}: sign-off {number}: {problem}")
        try:
            entries[entry["fingerprint"]] = SignOff(
                entry["fingerprint"], entry.get("claim", ""), entry.get("quote", ""), entry.get("number", ""),
                entry["by"], _date(entry["date"]), entry["reason"], _date(entry["expires"]) if entry.get("expires") else None)
        except ValueError as exc:
            raise OverrideError(f"{path}: sign-off {number}: {exc}") from exc
    return entries


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def add_signoff(path: Path, claim: Claim, by: str, reason: str, today: date, expires: date | None = None) -> SignOff:
    """Record a sign-off, replacing any earlier one for the same claim; the file is rewritten whole."""
    entries = load_signoffs(path)
    signoff = SignOff(fingerprint(claim), claim.id, " ".join(claim.quote.split()), claim.number_text, by, today,
                      reason, expires)
    entries[signoff.fingerprint] = signoff
    lines = ["# Claims an editor has checked by hand. Written by `verify signoff`; a sign-off",
             "# stops applying when its sentence changes (the fingerprint is a hash of it).", ""]
    for entry in entries.values():
        lines += ["[[signoff]]"] + [f"{key} = {_toml_value(getattr(entry, key))}" for key in
                                    ("fingerprint", "claim", "number", "quote", "by", "date", "reason", "expires")
                                    if getattr(entry, key) not in (None, "")] + [""]
    write_atomic(path, "\n".join(lines))
    return signoff


def _toml_value(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group(0)):04x}", escaped)
    return f'"{escaped}"'


def apply_overrides(verdicts: list[Verdict], accepted: dict[str, Override], signoffs: dict[str, SignOff],
                    today: date) -> list[Verdict]:
    """Verdicts with the editor's acceptance or a current sign-off attached."""
    result = []
    for verdict in verdicts:
        override = accepted.get(verdict.claim.id)
        signoff = signoffs.get(fingerprint(verdict.claim))
        if override is None and signoff is not None:
            if signoff.expires is not None and signoff.expires < today:
                override = Override("expired", signoff.reason, signoff.by, signoff.date, signoff.expires)
            else:
                override = Override("signed off", signoff.reason, signoff.by, signoff.date, signoff.expires)
        result.append(replace(verdict, override=override) if override else verdict)
    return result
