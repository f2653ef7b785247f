"""One grouping mechanism for themes, regions and years: paragraphs by facet value."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from .model import Corpus, Document, Paragraph, Section, Term
from .presidency import COUNTRIES


@dataclass(frozen=True)
class Entry:
    """A paragraph together with where it comes from."""

    document: Document
    section: Section
    paragraph: Paragraph

    @property
    def year(self) -> int:
        return self.document.meta.year


@dataclass(frozen=True)
class Facet:
    """A theme, a region or a year, with every paragraph that belongs to it."""

    kind: str
    """``themas``, ``regios`` or ``jaren``: also the URL folder."""
    slug: str
    label: str
    description: str
    entries: tuple[Entry, ...]

    @property
    def path(self) -> str:
        return f"{self.kind}/{self.slug}.md"

    def years(self) -> list[tuple[int, list[Entry]]]:
        """Entries per presidency year, newest year first, in document order within a year."""
        return self._by_year

    @functools.cached_property
    def _by_year(self) -> list[tuple[int, list[Entry]]]:
        groups: dict[int, list[Entry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.year, []).append(entry)
        return sorted(groups.items(), reverse=True)

    def in_year(self, year: int) -> int:
        """How many entries belong to this presidency year."""
        return self._year_counts.get(year, 0)

    @functools.cached_property
    def _year_counts(self) -> dict[int, int]:
        return {year: len(items) for year, items in self._by_year}

    def count(self, attribute: str) -> Counter[str]:
        """How many of the entries carry each theme or region (``themes`` / ``regions``)."""
        return Counter(slug for e in self.entries for slug in getattr(e.paragraph, attribute))


def entries(corpus: Corpus) -> list[Entry]:
    """Every paragraph of the corpus in a stable order: year, then document slug, then position."""
    docs = sorted(corpus.documents, key=lambda d: (d.meta.year, d.slug))
    return [Entry(d, s, p) for d in docs for s in d.sections for p in s.paragraphs if p.kind != "toc"]


def by_term(corpus: Corpus, kind: str, terms: tuple[Term, ...], attribute: str,
            everything: list[Entry] | None = None) -> list[Facet]:
    """A facet per vocabulary entry (theme or region), holding the paragraphs labelled with it.

    `everything` is `entries(corpus)` when the caller has it already."""
    labelled: dict[str, list[Entry]] = {t.slug: [] for t in terms}
    for entry in everything if everything is not None else entries(corpus):
        for slug in getattr(entry.paragraph, attribute):
            if slug in labelled:
                labelled[slug].append(entry)
    return [Facet(kind, t.slug, t.label, t.description, tuple(labelled[t.slug])) for t in terms]


def by_year(corpus: Corpus, everything: list[Entry] | None = None) -> list[Facet]:
    """A facet per presidency year, newest first."""
    of_year: dict[int, list[Entry]] = {d.meta.year: [] for d in corpus.documents}
    for entry in everything if everything is not None else entries(corpus):
        of_year[entry.year].append(entry)
    facets = []
    for year in sorted(of_year, reverse=True):
        countries = sorted({COUNTRIES[d.meta.country] for d in corpus.documents if d.meta.year == year})
        label = f"{year}: {' / '.join(countries)}"
        facets.append(Facet("jaren", str(year), label, f"Het Benelux-voorzitterschap van {label.replace(':', ' door')}.",
                            tuple(of_year[year])))
    return facets
