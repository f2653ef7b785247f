"""Vocabulary terms as editors write them (``word``, ``word*``, ``*word``, ``re:…``) → regular expressions
on the matched form of the text (`core.text.match_form`)."""

from __future__ import annotations

import re

from ..core.records import Rule
from ..core.text import match_form

WEAK = "~"
"""Prefix of a weak term: common in passing, it weighs `WEAK_WEIGHT` (two make a theme at the default
threshold)."""
WEAK_WEIGHT = 0.5
LISTED = "!"
"""Prefix of a subject term: it does not count where it is one item of an enumeration ("a, b, c en d")."""
UNLESS = " unless near "
"""``term unless near a, b*``: the term does not count within `NEAR_WORDS` words of one of the other terms
("mobiliteit unless near werknemer*, student*": labour mobility is not transport)."""
NEAR_WORDS = 8


def rule_of(term: str) -> Rule:
    """A term written as one string (``~word``, ``!word``, ``word unless near a, b*``) → its rule."""
    prefixes, pattern, near = split_term(term)
    return Rule(pattern, WEAK_WEIGHT if WEAK in prefixes else 1.0, not_near=near, listed=LISTED in prefixes,
                source=term)


def split_term(term: str) -> tuple[str, str, tuple[str, ...]]:
    """A term as written → (prefixes among WEAK and LISTED, the pattern, the patterns it must not be near)."""
    pattern, _, near = term.partition(UNLESS)
    prefixes = ""
    while pattern[:1] in (WEAK, LISTED) and pattern[:1] not in prefixes:
        prefixes, pattern = prefixes + pattern[0], pattern[1:]
    return prefixes, pattern.strip(), tuple(n.strip() for n in near.split(",") if n.strip())


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A term as written by an editor → regex on folded text.

    ``word`` matches the whole word, ``word*`` also longer words, ``*word`` compounds
    ending in it; ``re:…`` is a regular expression on folded text.
    """
    return re.compile(pattern_source(pattern))


def pattern_source(pattern: str) -> str:
    if pattern.startswith("re:"):
        return pattern[3:]
    text = match_form(pattern).strip()
    head = text.split("*")[0]
    body = re.escape(text[len(head):]).replace(r"\*", r"\w*").replace(r"\ ", " ")
    if not head:
        return rf"(?<!\w){body}(?!\w)"
    # The same as (?<!\w) before the head, but written after it: a pattern that starts with plain text is
    # searched for that text at C speed.
    plain_head = re.escape(head).replace(r"\ ", " ")
    return rf"{plain_head}(?<!\w(?s:.){{{len(head)}}}){body}(?!\w)"


def literal_part(pattern: str) -> str:
    """The longest piece of folded text that every match must contain ('' if none is known)."""
    if pattern.startswith("re:"):
        return _regex_literal(pattern[3:])
    return max(match_form(pattern).strip().split("*"), key=len)


_LEADING_LITERAL = re.compile(r"(?:\(\?<[=!][^()]*\))*([a-z0-9 ]*)")
"""Lookbehinds, then plain folded text: the start of a regular expression that every match contains."""


def _regex_literal(source: str) -> str:
    """The plain text a regular expression starts with ("politie" in "politie(?!k)\\w*"); '' when it has
    alternatives, whose leading text need not occur."""
    if "|" in source:
        return ""
    lead = _LEADING_LITERAL.match(source)
    assert lead is not None  # the pattern matches the empty string
    literal = lead.group(1)
    return literal[:-1] if source[lead.end():lead.end() + 1] in ("?", "*", "+", "{") else literal
