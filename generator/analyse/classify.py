"""Give each paragraph its themes and the partner regions it mentions."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import ahocorasick

from ..core.inline import plain
from ..core.records import Document, Evidence, Paragraph, Section, Term
from ..core.text import match_form
from ..ingest.patterns import WEAK, literal_part, pattern_source

SHORT = 60
"""A paragraph of at most this many words without a theme of its own takes its heading's themes."""
WEAK_HITS = 2
"""Weak terms (see `patterns.WEAK`) count when they occur this many times."""
MIN_INHERIT = 5
"""Shorter lines (a signature, a date) take no theme from their heading."""


Pattern = tuple[bool, str, "re.Pattern[str]"]
"""(weak?, literal part, regex) of one term; the literal is a cheap pre-check."""


@dataclass(frozen=True)
class Matcher:
    """Compiled patterns of one vocabulary, and an automaton that finds all their literal parts in one pass."""

    entries: tuple[tuple[str, tuple[Pattern, ...]], ...]
    """(slug, patterns) in vocabulary order."""
    literals: ahocorasick.Automaton
    """Literal part → (the literal part, indexes of the entries that have a term with it)."""
    always: frozenset[int]
    """Entries with a term whose literal part is unknown (some regular expressions): tried on every text."""

    @classmethod
    def of(cls, terms: tuple[Term, ...]) -> Matcher:
        def compiled(pattern: str) -> Pattern:
            weak = pattern.startswith(WEAK)
            source = pattern[len(WEAK):] if weak else pattern
            return weak, literal_part(source), re.compile(pattern_source(source))
        entries = tuple((t.slug, tuple(compiled(p) for p in t.patterns)) for t in terms)
        owners: dict[str, set[int]] = {}
        for i, (_, patterns) in enumerate(entries):
            for _, literal, _ in patterns:
                owners.setdefault(literal, set()).add(i)
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
            slug, patterns = self.entries[i]
            match = next((m for weak, literal, regex in patterns
                          if not weak and literal in present and (m := regex.search(folded))), None)
            if match:
                found.append((slug, match.group(0)))
                continue
            weak_hits = [m.group(0) for weak, literal, regex in patterns if weak and literal in present
                         for m in regex.finditer(folded)]
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
    if paragraph.kind == "toc":
        return paragraph
    own = tuple(Evidence(slug, "theme", term) for slug, term in themes.evidence(paragraph.text))
    words = len(plain(paragraph.text).split())
    if not own and words >= MIN_INHERIT and (paragraph.kind != "p" or words <= SHORT):
        own = context
    places = tuple(Evidence(slug, "region", term) for slug, term in regions.evidence(paragraph.text))
    return replace(paragraph, themes=tuple(e.slug for e in own), regions=tuple(e.slug for e in places),
                   evidence=own + places)
