"""Give each paragraph its themes and the partner regions it mentions, by weighing the evidence.

A theme's score in a paragraph is the weight of its terms found there (a term in an enumeration counts half,
a figurative use not at all), plus part of its score in the heading and in the neighbouring paragraphs. A
paragraph gets the themes whose score reaches their threshold and that are strong next to its strongest theme,
at most `MAX_THEMES` (editors add more in overrides.yml).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import ahocorasick

from ..core.inline import plain
from ..core.records import Document, Evidence, Paragraph, Rule, Section, Term
from ..core.text import match_form
from ..ingest.patterns import NEAR_WORDS, literal_part, pattern_source

ENUMERATION = 0.3
"""What a match counts for when it is one item of an enumeration ("energie, mobiliteit en digitalisering")."""
REPEAT = 0.5
"""What each further occurrence of a term adds, as a share of its weight; one term adds at most twice its weight."""
HEADING = 1.0
"""Share of the heading's score a list item or a short paragraph without a theme of its own takes."""
HEADING_LONG = 0.5
"""… a longer paragraph without a theme of its own."""
HEADING_SPLIT = 0.5
"""A heading that names several themes gives each a share divided by their number to this power."""
SHORT = 90
"""Words of a short paragraph."""
HEADING_WITH_OWN = 0.3
"""… and a paragraph that has a theme of its own."""
NEIGHBOURS = 0.15
"""Share of the previous and the next paragraph's own scores (same section) a paragraph without a theme of its own
takes."""
RELATIVE = 0.7
"""A theme is kept only when its score is at least this share of the paragraph's strongest theme."""
SATURATION = 2.0
"""A heading's or a neighbour's score counts up to this many times the threshold."""
STRONGEST = 2.0
"""The strongest theme counts up to this many times its threshold when others are compared with it: a paragraph
full of one theme's terms does not silence a second theme."""
MAX_THEMES = 3
MIN_WORDS = 5
"""Shorter lines (a signature, a date) take nothing from their heading or neighbours."""


@dataclass(frozen=True)
class Hit:
    """One term's contribution to an entry's score."""

    source: str
    """The term as written."""
    text: str
    """The first text it matched."""
    score: float


@dataclass(frozen=True)
class Candidate:
    """A theme's case in one paragraph: kept or not, with what it rests on."""

    slug: str
    score: float
    own: float
    """The part of the score from the paragraph's own text."""
    threshold: float
    hits: tuple[Hit, ...]
    context: tuple[Hit, ...]
    """Contributions of the heading and the neighbours."""
    kept: bool = False

    @property
    def detail(self) -> str:
        parts = [f"{h.source} {_number(h.score)}" for h in self.hits]
        parts += [f"{h.source} {_number(h.score)}" for h in self.context]
        return f"{self.slug} {_number(self.score)} = " + " + ".join(parts)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Compiled:
    """A rule with its regular expressions; for a `regions` rule, one per name of the region."""

    rule: Rule
    literal: str
    """A piece of text every match contains: a cheap pre-check ('' when unknown)."""
    regex: re.Pattern[str]
    not_near: re.Pattern[str] | None
    near: re.Pattern[str] | None
    not_in: re.Pattern[str] | None

    @classmethod
    def of(cls, rule: Rule, pattern: str) -> Compiled:
        return cls(rule, literal_part(pattern), re.compile(pattern_source(pattern)), _any(rule.not_near),
                   _any(rule.near), _any(rule.not_in))

    def factors(self, folded: str, enumerations: bool) -> Iterator[tuple[re.Match[str], float]]:
        """(match, what it counts for) of every match that counts; `enumerations`: discount a match that is
        one item of an enumeration (a theme named in passing), not for names of regions."""
        figurative = [m.span() for m in self.not_in.finditer(folded)] if self.not_in else []
        for match in self.regex.finditer(folded):
            if any(start <= match.start() and match.end() <= end for start, end in figurative):
                continue
            if self.not_near or self.near:
                before = folded[:match.start()].split()[-NEAR_WORDS:]
                after = folded[match.end():].split()[:NEAR_WORDS]
                window = " ".join([*before, match.group(0), *after])
                if (self.not_near and self.not_near.search(window)) or (self.near and not self.near.search(window)):
                    continue
            listed = enumerations and not self.rule.regions and _in_enumeration(folded, match)
            if not (listed and self.rule.listed):
                yield match, ENUMERATION if listed else 1.0


def _any(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{pattern_source(p)})" for p in patterns)) if patterns else None


ENUMERATION_ITEMS = 3


def _in_enumeration(folded: str, match: re.Match[str]) -> bool:
    """Is the match one item of a list of at least ENUMERATION_ITEMS, in its sentence ("a, b, c en d")?"""
    start = max(folded.rfind(". ", 0, match.start()), folded.rfind(": ", 0, match.start())) + 1
    stop = min(i for i in (folded.find(". ", match.end()), len(folded)) if i >= 0)
    sentence = folded[start:stop]
    if sentence.count(",") < ENUMERATION_ITEMS - 1:
        return False
    before = folded[max(start, match.start() - 40):match.start()]
    after = folded[match.end():match.end() + 40]
    return ("," in before[-3:] or bool(_LAST_ITEM.search(before))
            or bool(_NEXT_ITEM.match(after)))


_CLAUSE = r"(?:die|dat|waar\w*|wat|welke|zoals|maar|omdat|wanneer|als|zodat)\b"
_NEXT_ITEM = re.compile(rf"\s*(,(?! {_CLAUSE})|(?:\w+ ){{0,2}}?(en|of)\b)")
"""After an item of an enumeration: a comma (not one that opens a clause: "NRW, die …") or "en"/"of"."""


_LAST_ITEM = re.compile(r",[^,.]{0,40}\b(?:en|of) (?:\w+ ){0,2}$")
"""Before the last item of an enumeration: "a, b en (de) c"."""


@dataclass(frozen=True)
class Matcher:
    """Compiled terms of one vocabulary, and an automaton that finds all their literal parts in one pass."""

    entries: tuple[tuple[Term, tuple[Compiled, ...]], ...]
    """(entry, compiled rules) in vocabulary order."""
    literals: ahocorasick.Automaton
    """Literal part → (the literal part, indexes of the entries that have a term with it)."""
    always: frozenset[int]
    """Entries with a term whose literal part is unknown (some regular expressions): tried on every text."""
    enumerations: bool
    """Discount matches in enumerations (themes: yes; names of regions: no)."""

    @classmethod
    def of(cls, terms: tuple[Term, ...], places: tuple[Term, ...] = (), enumerations: bool = True) -> Matcher:
        """`places`: the regions whose names a `regions` rule stands for."""
        names = {p.slug: [r.pattern for r in p.rules if r.pattern] for p in places}

        def compile_rule(rule: Rule) -> list[Compiled]:
            patterns = [n for slug in rule.regions for n in names.get(slug, ())] if rule.regions else [rule.pattern]
            return [Compiled.of(rule, pattern) for pattern in patterns]

        entries = tuple((t, tuple(c for rule in t.rules for c in compile_rule(rule))) for t in terms)
        owners: dict[str, set[int]] = {}
        for i, (_, rules) in enumerate(entries):
            for compiled in rules:
                owners.setdefault(compiled.literal, set()).add(i)
        automaton = ahocorasick.Automaton()
        for literal, indexes in owners.items():
            if literal:
                automaton.add_word(literal, (literal, frozenset(indexes)))
        automaton.make_automaton()
        return cls(entries, automaton, frozenset(owners.get("", ())), enumerations)

    def scores(self, text: str) -> dict[str, tuple[float, tuple[Hit, ...]]]:
        """Entry slug → (score, the hits it adds up from), for every entry with a hit in `text`."""
        form = folded(text)
        present = {""}
        candidates = set(self.always)
        for _, (literal, indexes) in self.literals.iter(form) if len(self.literals) else ():
            present.add(literal)
            candidates |= indexes
        tried = [(i, [c for c in self.entries[i][1] if c.literal in present]) for i in sorted(candidates)]
        found = {}
        for i, compiled_rules in tried:
            term = self.entries[i][0]
            matches = sorted(((c.rule, m, f) for c in compiled_rules for m, f in c.factors(form, self.enumerations)),
                             key=lambda x: (-x[0].weight * x[2], x[1].start()))
            hits: dict[Rule, Hit] = {}
            taken: list[tuple[int, int]] = []
            for rule, match, factor in matches:
                # One word is one mention: where two terms of a theme match the same text, the heavier counts.
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append(match.span())
                known = hits.get(rule)
                score = rule.weight * factor if known is None else \
                    min(2 * rule.weight, known.score + REPEAT * rule.weight * factor)
                hits[rule] = Hit(rule.source or rule.pattern, known.text if known else match.group(0), score)
            if hits:
                found[term.slug] = (sum(h.score for h in hits.values()), tuple(hits.values()))
        return found

    def evidence(self, text: str) -> tuple[tuple[str, str], ...]:
        """(slug, matched text) for every entry whose score in `text` reaches its threshold, in vocabulary order."""
        found = self.scores(text)
        return tuple((t.slug, found[t.slug][1][0].text) for t, _ in self.entries
                     if t.slug in found and found[t.slug][0] >= t.threshold)

    def thresholds(self) -> dict[str, float]:
        return {t.slug: t.threshold for t, _ in self.entries}


@functools.lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """Matched form of a paragraph or heading; both vocabularies and repeated headings reuse it."""
    return match_form(plain(text))


def classify(doc: Document, themes: Matcher, regions: Matcher) -> Document:
    """Return the document with themes, regions and evidence set on every paragraph."""
    sections = tuple(_classify_section(s, themes, regions) for s in doc.sections)
    return replace(doc, sections=sections)


def candidates(section: Section, themes: Matcher) -> list[list[Candidate]]:
    """Per paragraph of the section, every theme with a score, strongest first, `kept` set on the chosen ones."""
    heading = _heading_scores(section, themes)
    own = [themes.scores(p.text) if not p.part else {} for p in section.paragraphs]
    limits = themes.thresholds()
    result: list[list[Candidate]] = []
    for i, paragraph in enumerate(section.paragraphs):
        if paragraph.part:  # a salutation, signature, table of contents… is not about anything
            result.append([])
            continue
        words = len(plain(paragraph.text).split())
        alone = not any(s >= limits[k] for k, (s, _) in own[i].items())
        neighbours = [own[j] for j in (i - 1, i + 1) if 0 <= j < len(own)] if words >= MIN_WORDS and alone else []
        share = HEADING_WITH_OWN if not alone else HEADING if paragraph.kind != "p" or words <= SHORT else HEADING_LONG
        found = _combine(own[i], heading if words >= MIN_WORDS else {}, share, neighbours, limits)
        result.append(_choose(found))
    return result


def _combine(own: dict[str, tuple[float, tuple[Hit, ...]]], heading: dict[str, tuple[float, tuple[Hit, ...]]],
             share: float, neighbours: list[dict[str, tuple[float, tuple[Hit, ...]]]],
             limits: dict[str, float]) -> list[Candidate]:
    found = []
    for slug in sorted(set(own) | set(heading) | {s for n in neighbours for s in n}):
        score, hits = own.get(slug, (0.0, ()))
        context = []
        limit = SATURATION * limits[slug]
        if slug in heading:
            named = sum(1 for k, (score, _) in heading.items() if score >= limits[k])
            context.append(Hit("kop", heading[slug][1][0].text,
                               share * min(limit, heading[slug][0]) / max(1, named) ** HEADING_SPLIT))
        near = sum(min(limit, n[slug][0]) for n in neighbours if slug in n)
        if near:
            context.append(Hit("buren", "", NEIGHBOURS * near))
        total = score + sum(h.score for h in context)
        found.append(Candidate(slug, round(total, 4), score, limits[slug], hits, tuple(context)))
    return sorted(found, key=lambda c: (-c.score, c.slug))


def _choose(found: list[Candidate]) -> list[Candidate]:
    strongest = max((min(c.score, STRONGEST * c.threshold) for c in found), default=0.0)
    kept = [c for c in found if c.score >= c.threshold and c.score >= RELATIVE * strongest][:MAX_THEMES]
    return [replace(c, kept=c in kept) for c in found]


def _classify_section(section: Section, themes: Matcher, regions: Matcher) -> Section:
    chosen = candidates(section, themes)
    return replace(section, paragraphs=tuple(_classify(p, c, regions) for p, c in zip(section.paragraphs, chosen,
                                                                                        strict=True)))


def _heading_scores(section: Section, themes: Matcher) -> dict[str, tuple[float, tuple[Hit, ...]]]:
    """Theme scores of the nearest heading (own title first, then enclosing ones) that has any."""
    for title in (section.title, *reversed(section.trail)):
        found = themes.scores(title) if title else {}
        if found:
            return found
    return {}


def _classify(paragraph: Paragraph, found: list[Candidate], regions: Matcher) -> Paragraph:
    if paragraph.part:
        return paragraph
    own = tuple(Evidence(c.slug, "theme", c.hits[0].text if c.hits else c.context[0].text,
                         from_heading=c.own < c.threshold, score=c.score, detail=c.detail)
                for c in found if c.kept)
    places = tuple(Evidence(slug, "region", term) for slug, term in regions.evidence(paragraph.text))
    return replace(paragraph, themes=tuple(e.slug for e in own), regions=tuple(e.slug for e in places),
                   evidence=own + places)
