"""`--changed-since REF`: check only the paragraphs edited since a git ref.

For a pull request of copy: `verify --changed-since origin/main articles/` looks at the
working tree against the ref, so claims nobody touched do not hold the piece back again.
A file git does not track yet is new: all of it counts as changed.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .records import Claim, Document

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@", re.M)


class ChangesError(ValueError):
    """git could not say what changed; the message says why."""


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60)
    except FileNotFoundError as exc:
        raise ChangesError("--changed-since needs git, and git is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise ChangesError("--changed-since: git took more than 60 s to answer") from exc


class ChangedParagraphs:
    """Which claims lie in paragraphs changed since `ref`."""

    def __init__(self, ref: str):
        if ref.startswith("-"):
            raise ChangesError(f"--changed-since: '{ref}' is not a git ref")
        self.ref = ref
        self._changed: dict[Path, frozenset[int] | None] = {}  # per file, asked once

    def verify_ref(self, folder: Path) -> None:
        """Fail early, once, with a clear line: not a repository, or no such ref."""
        inside = _git(folder, "rev-parse", "--is-inside-work-tree")
        if inside.returncode != 0:
            raise ChangesError(f"--changed-since: {folder} is not inside a git repository")
        known = _git(folder, "rev-parse", "--verify", "--quiet", f"{self.ref}^{{commit}}")
        if known.returncode != 0:
            raise ChangesError(f"--changed-since: unknown git ref '{self.ref}'")

    def changed_lines(self, path: Path) -> frozenset[int] | None:
        """File line numbers added or edited since the ref; None when the whole file is new."""
        if path not in self._changed:
            self._changed[path] = self._diff(path)
        return self._changed[path]

    def _diff(self, path: Path) -> frozenset[int] | None:
        folder, name = path.resolve().parent, path.resolve().name
        tracked = _git(folder, "cat-file", "-e", f"{self.ref}:./{name}")
        if tracked.returncode != 0:
            return None  # not in the ref: a new article
        diff = _git(folder, "diff", "--unified=0", "--no-color", "--no-ext-diff", self.ref, "--", name)
        if diff.returncode != 0:
            raise ChangesError(f"{path}: git diff failed: {diff.stderr.strip().splitlines()[-1:] or ['no message']}")
        lines: set[int] = set()
        for hunk in HUNK.finditer(diff.stdout):
            start, count = int(hunk.group("start")), int(hunk.group("count") or 1)
            # A pure deletion (count 0) changes the paragraph it was cut from: the lines around it.
            lines.update(range(start, start + count) if count else (start, start + 1))
        return frozenset(lines)

    def __call__(self, document: Document, claim: Claim) -> bool:
        changed = self.changed_lines(document.path)
        if changed is None:
            return True
        first, last = paragraph_lines(document, claim)
        return any(first <= line <= last for line in changed)


def paragraph_lines(document: Document, claim: Claim) -> tuple[int, int]:
    """The file line numbers of the paragraph that holds the claim."""
    lines = document.text.split("\n")
    index = claim.line - document.first_line  # 0-based within the text
    first = index
    while first > 0 and lines[first - 1].strip():
        first -= 1
    last = index
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return first + document.first_line, last + document.first_line
