"""Give each paragraph its themes and the partner regions it mentions, by weighing the evidence.

A theme's score in a paragraph is the weight of its terms found there (`matcher`: a term in an enumeration
counts less, a figurative use not at all), plus part of its score in the heading and in the neighbouring
paragraphs. A paragraph gets the themes whose score reaches their threshold (`PASSING` times it for a single
mention in a long paragraph) and that are strong next to its strongest theme, at most `MAX_THEMES` (editors
add more in overrides.yml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..core.inline import plain
from ..core.records import Document, Evidence, Paragraph, Section
from .matcher import ENUMERATION, REPEAT, Hit, Matcher, folded

__all__ = ["ENUMERATION", "REPEAT", "Candidate", "Hit", "Matcher", "candidates", "classify", "document_candidates",
           "folded"]

HEADING = 1.0
"""Share of the heading's score a list item or a short paragraph without a theme of its own takes."""
HEADING_LONG = 0.5
"""… a longer paragraph without a theme of its own."""
HEADING_SPLIT = 0.5
"""A heading that names several themes gives each a share divided by their number to this power."""
HEADING_WITH_OWN = 0.3
"""… and a paragraph that has a theme of its own."""
SHORT = 90
"""Words of a short paragraph."""
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
LONG = 60
"""Words of a long paragraph, where one mention of one term, with nothing around it, is likely in passing."""
PASSING = 1.3
"""… and must then reach this many times the threshold."""
MIN_WORDS = 5
"""Shorter lines (a signature, a date) take nothing from their heading or neighbours."""
CONTINUES = re.compile(r"(?:deze|dit|die|dat|hiermee|daarmee|hierbij|daarbij|daarvoor|hiervoor)\b", re.IGNORECASE)
"""The opening of a paragraph that goes on about the one before ("Deze verklaring is medeondertekend …")."""
CONTINUATION = 1.0
"""Share of the previous paragraph's scores such a short paragraph (at most `SHORT_CONTINUATION` words) takes."""
SHORT_CONTINUATION = 25


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
        parts = (f"{h.source} {_number(h.score)}" for h in (*self.hits, *self.context))
        return f"{self.slug} {_number(self.score)} = " + " + ".join(parts)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


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
        near = NEIGHBOURS
        if alone and i > 0 and MIN_WORDS <= words <= SHORT_CONTINUATION and CONTINUES.match(plain(paragraph.text)):
            neighbours, near = [own[i - 1]], CONTINUATION
        share = HEADING_WITH_OWN if not alone else HEADING if paragraph.kind != "p" or words <= SHORT else HEADING_LONG
        found = _combine(own[i], heading if words >= MIN_WORDS else {}, share, neighbours, near, limits)
        result.append(_choose(found, words))
    return result


def document_candidates(doc: Document, themes: Matcher) -> list[tuple[Paragraph, list[Candidate]]]:
    """Every paragraph of the document with its candidates (`candidates`), in document order."""
    return [(p, found) for section in doc.sections
            for p, found in zip(section.paragraphs, candidates(section, themes), strict=True)]


def _combine(own: dict[str, tuple[float, tuple[Hit, ...]]], heading: dict[str, tuple[float, tuple[Hit, ...]]],
             share: float, neighbours: list[dict[str, tuple[float, tuple[Hit, ...]]]], near_share: float,
             limits: dict[str, float]) -> list[Candidate]:
    found = []
    for slug in sorted(set(own) | set(heading) | {s for n in neighbours for s in n}):
        score, hits = own.get(slug, (0.0, ()))
        context = []
        limit = SATURATION * limits[slug]
        if slug in heading:
            named = sum(1 for k, (points, _) in heading.items() if points >= limits[k])
            context.append(Hit("kop", heading[slug][1][0].text,
                               share * min(limit, heading[slug][0]) / max(1, named) ** HEADING_SPLIT))
        near = [n[slug] for n in neighbours if slug in n]
        if near:
            context.append(Hit("buren", near[0][1][0].text, near_share * sum(min(limit, s) for s, _ in near)))
        total = score + sum(h.score for h in context)
        found.append(Candidate(slug, round(total, 4), score, limits[slug], hits, tuple(context)))
    return sorted(found, key=lambda c: (-c.score, c.slug))


def _choose(found: list[Candidate], words: int) -> list[Candidate]:
    strongest = max((min(c.score, STRONGEST * c.threshold) for c in found), default=0.0)
    kept = [c for c in found if c.score >= c.threshold * (PASSING if _passing(c, words) else 1.0)
            and c.score >= RELATIVE * strongest][:MAX_THEMES]
    return [replace(c, kept=c in kept) for c in found]


def _passing(candidate: Candidate, words: int) -> bool:
    """One mention of one term in a long paragraph, with no support from the heading or the neighbours."""
    return words >= LONG and len(candidate.hits) == 1 and candidate.hits[0].mentions == 1 and not candidate.context


def _classify_section(section: Section, themes: Matcher, regions: Matcher) -> Section:
    chosen = candidates(section, themes)
    return replace(section, paragraphs=tuple(_classify(p, c, regions) for p, c in zip(section.paragraphs, chosen,
                                                                                        strict=True)))


def _heading_scores(section: Section, themes: Matcher) -> dict[str, tuple[float, tuple[Hit, ...]]]:
    """Theme scores of the nearest heading (own title first, then enclosing ones) that has any."""
    for title in (section.title, *reversed(section.trail)):
        found = themes.scores(title, heading=True) if title else {}
        if found:
            return found
    return {}


def _classify(paragraph: Paragraph, found: list[Candidate], regions: Matcher) -> Paragraph:
    if paragraph.part:
        return paragraph
    own = tuple(Evidence(c.slug, "theme", c.hits[0].text if c.hits else c.context[0].text,
                         from_heading=c.own < c.score - c.own, score=c.score, detail=c.detail)
                for c in found if c.kept)
    places = tuple(Evidence(slug, "region", term) for slug, term in regions.evidence(paragraph.text))
    return replace(paragraph, themes=tuple(e.slug for e in own), regions=tuple(e.slug for e in places),
                   evidence=own + places)
