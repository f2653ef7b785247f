"""Give each paragraph its themes and the partner regions it mentions."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import ahocorasick

from ..core.inline import plain
from ..core.records import Document, Evidence, Paragraph, Section, Term
from ..core.text import match_form
from ..ingest.patterns import LISTED, NEAR_WORDS, WEAK, literal_part, pattern_source, split_term

SHORT = 90
"""A paragraph of at most this many words without a theme of its own takes its heading's themes."""
WEAK_HITS = 2
"""Weak terms (see `patterns.WEAK`) count when they occur this many times."""
MIN_INHERIT = 5
"""Shorter lines (a signature, a date) take no theme from their heading."""


@dataclass(frozen=True)
class Rule:
    """One term of a vocabulary entry, compiled (see `patterns` for how editors write it)."""

    literal: str
    """A piece of text every match contains: a cheap pre-check ('' when unknown)."""
    regex: re.Pattern[str]
    weak: bool = False
    listed: bool = False
    """A subject term: a match inside an enumeration does not count."""
    unless: re.Pattern[str] | None = None
    """Terms that must not occur within `NEAR_WORDS` words of the match."""

    @classmethod
    def of(cls, term: str) -> Rule:
        prefixes, pattern, near = split_term(term)
        unless = re.compile("|".join(f"(?:{pattern_source(n)})" for n in near)) if near else None
        return cls(literal_part(pattern), re.compile(pattern_source(pattern)), WEAK in prefixes, LISTED in prefixes,
                   unless)

    def matches(self, folded: str) -> list[str]:
        """Every match in the folded text that counts."""
        return [m.group(0) for m in self.regex.finditer(folded) if self._counts(folded, m)]

    def _counts(self, folded: str, match: re.Match[str]) -> bool:
        if self.unless is not None:
            before = folded[:match.start()].split()[-NEAR_WORDS:]
            after = folded[match.end():].split()[:NEAR_WORDS]
            if self.unless.search(" ".join([*before, match.group(0), *after])):
                return False
        return not (self.listed and _in_enumeration(folded, match))


ENUMERATION_ITEMS = 3


def _in_enumeration(folded: str, match: re.Match[str]) -> bool:
    """Is the match one item of a list of at least ENUMERATION_ITEMS, in its sentence ("a, b, c en d")?"""
    start = max(folded.rfind(". ", 0, match.start()), folded.rfind(": ", 0, match.start())) + 1
    stop = min(i for i in (folded.find(". ", match.end()), len(folded)) if i >= 0)
    sentence = folded[start:stop]
    if sentence.count(",") < ENUMERATION_ITEMS - 1:
        return False
    before = folded[max(start, match.start() - 3):match.start()]
    after = folded[match.end():match.end() + 40]
    return "," in before or bool(re.match(r"\s*(,|(?:\w+ ){0,2}?(en|of)\b)", after))


@dataclass(frozen=True)
class Matcher:
    """Compiled terms of one vocabulary, and an automaton that finds all their literal parts in one pass."""

    entries: tuple[tuple[str, tuple[Rule, ...]], ...]
    """(slug, rules) in vocabulary order."""
    literals: ahocorasick.Automaton
    """Literal part → (the literal part, indexes of the entries that have a term with it)."""
    always: frozenset[int]
    """Entries with a term whose literal part is unknown (some regular expressions): tried on every text."""

    @classmethod
    def of(cls, terms: tuple[Term, ...]) -> Matcher:
        entries = tuple((t.slug, tuple(Rule.of(p) for p in t.patterns)) for t in terms)
        owners: dict[str, set[int]] = {}
        for i, (_, rules) in enumerate(entries):
            for rule in rules:
                owners.setdefault(rule.literal, set()).add(i)
        automaton = ahocorasick.Automaton()
        for literal, indexes in owners.items():
            if literal:
                automaton.add_word(literal, (literal, frozenset(indexes)))
        automaton.make_automaton()
        return cls(entries, automaton, frozenset(owners.get("", ())))

    def evidence(self, text: str) -> tuple[tuple[str, str], ...]:
        """(slug, matched text) for every entry that matches `text`, in vocabulary order."""
        folded = _folded(text)
        present = {""}
        candidates = set(self.always)
        for _, (literal, indexes) in self.literals.iter(folded) if len(self.literals) else ():
            present.add(literal)
            candidates |= indexes
        found = []
        for i in sorted(candidates):
            slug, rules = self.entries[i]
            match = next((hits[0] for rule in rules
                          if not rule.weak and rule.literal in present and (hits := rule.matches(folded))), None)
            if match:
                found.append((slug, match))
                continue
            weak_hits = [hit for rule in rules if rule.weak and rule.literal in present for hit in rule.matches(folded)]
            if len(weak_hits) >= WEAK_HITS:
                found.append((slug, " + ".join(weak_hits[:WEAK_HITS])))
        return tuple(found)


@functools.lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    """Matched form of a paragraph or heading; both vocabularies and repeated headings reuse it."""
    return match_form(plain(text))


def classify(doc: Document, themes: Matcher, regions: Matcher) -> Document:
    """Return the document with themes, regions and evidence set on every paragraph."""
    sections = tuple(_classify_section(s, themes, regions) for s in doc.sections)
    return replace(doc, sections=sections)


def _classify_section(section: Section, themes: Matcher, regions: Matcher) -> Section:
    context = _heading_themes(section, themes)
    return replace(section, paragraphs=tuple(_classify(p, context, themes, regions) for p in section.paragraphs))


def _heading_themes(section: Section, themes: Matcher) -> tuple[Evidence, ...]:
    """Themes signalled by the nearest heading (own title first, then enclosing ones) that has any."""
    for title in (section.title, *reversed(section.trail)):
        found = themes.evidence(title) if title else ()
        if found:
            return tuple(Evidence(slug, "theme", term, from_heading=True) for slug, term in found)
    return ()


def _classify(paragraph: Paragraph, context: tuple[Evidence, ...], themes: Matcher, regions: Matcher) -> Paragraph:
    if paragraph.part:  # a salutation, signature, table of contents… is not about anything
        return paragraph
    own = tuple(Evidence(slug, "theme", term) for slug, term in themes.evidence(paragraph.text))
    words = len(plain(paragraph.text).split())
    if not own and words >= MIN_INHERIT and (paragraph.kind != "p" or words <= SHORT):
        own = context
    places = tuple(Evidence(slug, "region", term) for slug, term in regions.evidence(paragraph.text))
    return replace(paragraph, themes=tuple(e.slug for e in own), regions=tuple(e.slug for e in places),
                   evidence=own + places)
