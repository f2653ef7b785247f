"""What each kind of page shows besides the data every page gets: one template context per page."""

from __future__ import annotations

from ..core import inline
from ..core.presidency import ADJECTIVES, COUNTRIES, presiding_country
from ..core.records import Document
from . import describe, overview
from .facets import Entry, Facet


def facet(page: Facet, themes: list[Facet], regions: list[Facet], covered: list[int]) -> dict[str, object]:
    """A theme or region page: per year a summary that links to the year's page, timeline, related facets."""
    return dict(facet=page, related=related(page, themes, regions), description=describe.facet(page),
                timeline=overview.timeline(page, covered))


def facet_year(page: Facet, year: int, entries: list[Entry]) -> dict[str, object]:
    """The passages of a theme or region in one presidency year, per document."""
    code = entries[0].document.meta.country if entries else presiding_country(year)
    country = COUNTRIES[code]
    return dict(facet=page, year=year, entries=entries, country=country,
                title=f"{page.label} — {ADJECTIVES[code]} voorzitterschap {year}", footnotes=footnotes(tuple(entries)),
                description=describe.facet_year(page, year, entries, country))


def year(page: Facet, documents: list[Document], themes: list[Facet], covered: list[int],
         theme_labels: dict[str, str], totals: dict[int, int]) -> dict[str, object]:
    """A presidency year: its documents, who presided, its priorities and the change since the year before."""
    number = int(page.slug)
    of_year = [d for d in documents if d.meta.year == number]
    previous = max((y for y in covered if y < number), default=None)
    country = presiding_country(number)
    return dict(facet=page, documents=of_year, description=describe.year(page, of_year, theme_labels),
                country=country, statement=overview.country_statement(of_year, country), previous=previous,
                changes=overview.compare(themes, number, previous, totals) if previous else [],
                priorities=[p for d in of_year for p in overview.priorities(d)])


def document(doc: Document) -> dict[str, object]:
    return dict(doc=doc, description=describe.document(doc), footnotes=[(doc, n.number, n.text) for n in doc.footnotes])


def related(page: Facet, themes: list[Facet], regions: list[Facet]) -> dict[str, list[tuple[Facet, int]]]:
    """Themes and regions that share paragraphs with this facet, most shared first."""
    out = {}
    for name, pool in (("themes", themes), ("regions", regions)):
        counts = page.count("themes" if name == "themes" else "regions")
        ranked = [(f, counts[f.slug]) for f in pool
                  if counts[f.slug] and not (f.kind == page.kind and f.slug == page.slug)]
        out[name] = sorted(ranked, key=lambda pair: (-pair[1], pair[0].label))
    return out


def footnotes(entries: tuple[Entry, ...]) -> list[tuple[Document, int, str]]:
    """The footnotes referred to by these paragraphs, once each, in order of first reference."""
    seen: dict[tuple[str, int], tuple[Document, int, str]] = {}
    for entry in entries:
        notes = {n.number: n.text for n in entry.document.footnotes}
        for match in inline.FOOTNOTE_REF.finditer(entry.paragraph.text):
            number = int(match.group(1))
            if number in notes:
                seen.setdefault((entry.document.slug, number), (entry.document, number, notes[number]))
    return list(seen.values())
