"""Find a vocabulary's terms in a text and add up what they weigh: one pass for every literal part, then the
rules of the entries it points at (see `ingest.patterns` for how editors write terms)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from ..core.inline import plain
from ..core.records import Rule, Term
from ..core.text import match_form
from ..ingest.patterns import NEAR_WORDS, literal_part, pattern_source

ENUMERATION = 0.3
"""What a match counts for when it is one item of an enumeration ("energie, mobiliteit en digitalisering")."""
REPEAT = 0.5
"""What each further occurrence of a term adds, as a share of its weight; one term adds at most twice its weight."""


@dataclass(frozen=True)
class Hit:
    """One term's contribution to an entry's score."""

    source: str
    """The term as written."""
    text: str
    """The first text it matched."""
    score: float
    mentions: int = 1
    """How often the term occurs (each further occurrence adds `REPEAT`)."""


@dataclass(frozen=True)
class Compiled:
    """A rule with its regular expressions; for a `regions` rule, one per name of the region."""

    rule: Rule
    literal: str
    """A piece of text every match contains: a cheap pre-check ('' when unknown)."""
    regex: re.Pattern[str]
    not_near: tuple[re.Pattern[str], ...]
    near: tuple[re.Pattern[str], ...]
    not_in: tuple[re.Pattern[str], ...]
    scale: float = 1.0
    """The weight of the region's own term, for a name that a `regions` rule stands for."""

    @classmethod
    def of(cls, rule: Rule, pattern: str, name: Rule | None = None) -> Compiled:
        """`name`: the term of regions.yml that gives `pattern`, when `rule` is a `regions` rule."""
        not_near = rule.not_near + (name.not_near if name else ())
        return cls(rule, literal_part(pattern), re.compile(pattern_source(pattern)), _each(not_near),
                   _each(rule.near), _each(rule.not_in), name.weight if name else 1.0)

    def factors(self, folded: str, enumerations: bool, figurative: list[tuple[int, int]], heading: bool = False
                ) -> Iterator[tuple[re.Match[str], float]]:
        """(match, what it counts for) of every match that counts; `enumerations`: discount a match that is
        one item of an enumeration (a theme named in passing), not for names of regions; `figurative`: spans
        of the text where the theme's words are used in a figurative sense; `heading`: the text is a heading, whose
        subject is what it names (a `near` condition does not apply)."""
        for match in self.regex.finditer(folded):
            if any(start <= match.start() and match.end() <= end for start, end in figurative):
                continue
            near = () if heading else self.near
            if self.not_near or near:
                before = folded[:match.start()].split()[-NEAR_WORDS:]
                after = folded[match.end():].split()[:NEAR_WORDS]
                window = " ".join([*before, match.group(0), *after])
                if any(p.search(window) for p in self.not_near) or (near and not any(p.search(window) for p in near)):
                    continue
            listed = enumerations and not self.rule.regions and _in_enumeration(folded, match)
            if not (listed and self.rule.listed):
                yield match, self.scale * (ENUMERATION if listed else 1.0)


def _each(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern_source(p)) for p in patterns)


ENUMERATION_ITEMS = 3


def _in_enumeration(folded: str, match: re.Match[str]) -> bool:
    """Is the match one item of a list of at least ENUMERATION_ITEMS, in its sentence ("a, b, c en d")?"""
    start = max(folded.rfind(". ", 0, match.start()), folded.rfind(": ", 0, match.start())) + 1
    stop = min(i for i in (folded.find(". ", match.end()), len(folded)) if i >= 0)
    sentence = folded[start:stop]
    if len(_LIST_COMMA.findall(sentence)) < ENUMERATION_ITEMS - 1:
        return False
    before = folded[max(start, match.start() - 40):match.start()]
    after = folded[match.end():match.end() + 40]
    return ("," in before[-3:] or bool(_LAST_ITEM.search(before))
            or bool(_NEXT_ITEM.match(after)))


_LIST_COMMA = re.compile(r",(?!\d)")
"""A comma between items, not a decimal comma ("1,5 miljard")."""
_CLAUSE = r"(?:die|dat|waar\w*|wat|welke|zoals|maar|omdat|wanneer|als|zodat)\b"
_NEXT_ITEM = re.compile(rf"(?:['’]s)?\s*(,(?! {_CLAUSE})|(?:\w+ ){{0,2}}?(en|of)\b)")
"""After an item of an enumeration (and its "'s": "diploma's, …"): a comma (not one that opens a clause:
"NRW, die …") or "en"/"of"."""


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
        names = {p.slug: [r for r in p.rules if r.pattern] for p in places}

        def compile_rule(rule: Rule) -> list[Compiled]:
            if not rule.regions:
                return [Compiled.of(rule, rule.pattern)]
            return [Compiled.of(rule, name.pattern, name) for slug in rule.regions for name in names.get(slug, ())]

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

    def scores(self, text: str, heading: bool = False) -> dict[str, tuple[float, tuple[Hit, ...]]]:
        """Entry slug → (score, the hits it adds up from), for every entry with a hit in `text`; `heading`: `text`
        is a heading (see `Compiled.factors`)."""
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
            # A figurative phrase of one term ("nieuwe energie in het overleg") hides the word from all of them.
            figurative = [m.span() for c in self.entries[i][1] for phrase in c.not_in for m in phrase.finditer(form)]
            matches = sorted(((c.rule, m, f) for c in compiled_rules
                              for m, f in c.factors(form, self.enumerations, figurative, heading)),
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
                hits[rule] = Hit(rule.source or rule.pattern, known.text if known else match.group(0), score,
                                 known.mentions + 1 if known else 1)
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
