"""Alternations of many words, compiled as a trie.

Python's regular expressions try the alternatives of `(?:Kazakhstan|Kenya|...)` one by
one at every position; with hundreds of names that is most of a scan's time. Sharing
prefixes (`K(?:azakhstan|enya|...)`) lets a position fail on its first character. The
pattern matches exactly what the plain alternation of the same words, longest first,
matches.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # marks a word ending at a trie node


def trie_alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """A non-capturing regex source matching any of `words`, preferring the longest."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[_END] = True
    return _source(trie) or "(?!)"


def _source(node: dict) -> str:
    ends = _END in node
    branches = []
    for char in sorted(c for c in node if c != _END):
        branches.append(re.escape(char) + _source(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: the longer word is tried first, as in a longest-first alternation.
    return f"(?:{body})?" if ends else body
