"""One grouping mechanism for themes, regions and years: paragraphs by facet value."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..core.layout import FOLDERS, FacetKind, facet_year_path
from ..core.presidency import COUNTRIES
from ..core.records import Corpus, Document, Paragraph, Section, Term


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

    kind: FacetKind
    slug: str
    label: str
    description: str
    entries: tuple[Entry, ...]
    countries: tuple[str, ...] = ()
    """For a year: the presiding countries its documents name (Dutch names), usually one."""

    @property
    def folder(self) -> str:
        """The URL folder of its kind: ``themas``, ``regios`` or ``jaren``."""
        return FOLDERS[self.kind]

    @property
    def path(self) -> str:
        """The page below the docs folder."""
        return f"{self.folder}/{self.slug}.md"

    def year_path(self, year: int) -> str:
        """The page of this theme or region in one presidency year."""
        return facet_year_path(self.folder, self.slug, year)

    @property
    def presiding(self) -> str:
        """For a year: who presided, as readers see it ("Luxemburg")."""
        return " / ".join(self.countries)

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

    def count(self, attribute: Literal["themes", "regions"]) -> Counter[str]:
        """How many of the entries carry each theme or region (``themes`` / ``regions``)."""
        return Counter(slug for e in self.entries for slug in getattr(e.paragraph, attribute))


def entries(corpus: Corpus) -> list[Entry]:
    """Every passage of the corpus in a stable order: year, then document slug, then position. The parts around
    a document's content (salutation, signature, table of contents…) are not passages."""
    docs = sorted(corpus.documents, key=lambda d: (d.meta.year, d.slug))
    return [Entry(d, s, p) for d in docs for s in d.sections for p in s.paragraphs if not p.part]


def by_term(corpus: Corpus, kind: Literal["theme", "region"], terms: tuple[Term, ...],
            everything: list[Entry] | None = None) -> list[Facet]:
    """A facet per vocabulary entry (theme or region), holding the paragraphs labelled with it.

    `everything` is `entries(corpus)` when the caller has it already."""
    attribute = "themes" if kind == "theme" else "regions"
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
        countries = tuple(sorted({COUNTRIES[d.meta.country] for d in corpus.documents if d.meta.year == year}))
        presiding = " / ".join(countries)
        description = f"Het Benelux-voorzitterschap van {year} door {presiding}."
        facets.append(Facet("year", str(year), f"{year}: {presiding}", description, tuple(of_year[year]), countries))
    return facets
