"""The site record: what every page may show of the whole corpus (the templates' `site`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.presidency import COUNTRIES, CountryCode, presiding_country
from ..core.records import PARTS, Corpus, Document, DocumentPart
from . import facets, overview
from .facets import Facet
from .pages import Pages, site_pages


@dataclass(frozen=True)
class Site:
    """What every page may show of the whole corpus (the templates' `site`)."""

    themes: list[Facet]
    regions: list[Facet]
    """Regions with at least one paragraph: only those have a page."""
    years: list[Facet]
    """Newest first."""
    documents: list[Document]
    """Newest year first, then by slug."""
    region_pages: set[str]
    covered: list[int]
    """The presidency years the documents cover, oldest first."""
    compare_with: list[int]
    """Years to compare the newest presidency with."""
    sections: dict[str, dict[str, str]]
    """Per document: section number as cross-references write it → section anchor."""
    matrix_years: list[int]
    """The columns of the theme × year tables: the most recent MATRIX_YEARS presidencies."""
    theme_matrix: list[tuple[Facet, list[overview.Cell]]]
    region_matrix: list[tuple[Facet, list[overview.Cell]]]
    countries: dict[CountryCode, str]
    totals: dict[int, int]
    """Passages per presidency year: what a theme's share is a share of."""
    missing: list[int]
    """Presidency years between the first and the last covered of which the archive has no document yet."""
    parts: dict[DocumentPart, str]
    pages: Pages
    """Every page the generator makes, with its address: what links, the navigation, search and feeds read."""


MATRIX_YEARS = 12
"""Columns of the theme × year tables: a table of every year of a large archive would be the whole page."""


def site_record(corpus: Corpus, directory_urls: bool = True) -> Site:
    """Facets, matrices, cross-reference targets and the pages of the corpus, computed once per build.
    `directory_urls`: MkDocs' `use_directory_urls` (``themas/energie/`` rather than ``themas/energie.html``)."""
    everything = facets.entries(corpus)
    themes = facets.by_term(corpus, "theme", corpus.themes, everything)
    regions = [f for f in facets.by_term(corpus, "region", corpus.regions, everything) if f.entries]
    years = facets.by_year(corpus, everything)
    covered = sorted(int(f.slug) for f in years)
    totals = {int(f.slug): len(f.entries) for f in years}
    recent = covered[-MATRIX_YEARS:]
    documents = sorted(corpus.documents, key=lambda d: (-d.meta.year, d.slug))
    return Site(themes=themes, regions=regions, years=years, documents=documents,
                pages=site_pages(corpus, themes=themes, regions=regions, years=years, documents=documents,
                                 directory_urls=directory_urls),
                region_pages={r.slug for r in regions}, covered=covered, compare_with=_compare_with(covered),
                sections={d.slug: _section_numbers(d) for d in corpus.documents},
                matrix_years=recent, theme_matrix=overview.matrix(themes, recent, totals),
                region_matrix=overview.matrix(regions, recent, totals),
                countries=COUNTRIES, parts=dict(PARTS), totals=totals,
                missing=[y for y in range(covered[0], covered[-1]) if y not in covered] if covered else [])


def _compare_with(covered: list[int]) -> list[int]:
    """Years to compare the newest presidency with: the one before, and the previous one of the same country."""
    if len(covered) < 2:
        return []
    newest = covered[-1]
    same = [y for y in covered[:-1] if presiding_country(y) == presiding_country(newest)]
    return sorted({covered[-2], *same[-1:]}, reverse=True)


def _section_numbers(doc: Document) -> dict[str, str]:
    """Section number as cross-references write it ("2.4") → section anchor; the first of equal numbers wins."""
    targets: dict[str, str] = {}
    for section in doc.sections:
        if section.number:
            targets.setdefault(section.number, section.id)
    return targets
