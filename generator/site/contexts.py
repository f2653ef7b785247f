"""What each kind of page shows besides the data every page gets: one template context per page."""

from __future__ import annotations

from ..core import inline
from ..core.presidency import ADJECTIVES, COUNTRIES, presiding_country
from ..core.records import CONTENT_PARTS, Document, Paragraph
from . import describe, overview
from .facets import Entry, Facet
from .templating import dutch_date

DOSSIER_PER_YEAR = 12
"""Passages a theme or region page shows per year (each by its opening sentence) for its DOSSIER_RECENT newest
years, and DOSSIER_OLDER for each year before them; the year's page has them all. Keeps the page of a theme of
a 500-document archive (69 years) within its size budget of 300 KB."""
DOSSIER_RECENT = 10
DOSSIER_OLDER = 3


def facet(page: Facet, themes: list[Facet], regions: list[Facet], covered: list[int]) -> dict[str, object]:
    """A theme or region page, a reader's dossier: per year, newest first, what the year's documents hold (plans
    or results), its documents, and the opening of each passage linking to it; timeline, related facets."""
    dossier = {year: [(e, describe.opening(e.paragraph.text))
                      for e in items[:DOSSIER_PER_YEAR if rank < DOSSIER_RECENT else DOSSIER_OLDER]]
               for rank, (year, items) in enumerate(page.years())}
    natures = {year: overview.nature(list({e.document.slug: e.document for e in items}.values()))
               for year, items in page.years()}
    # Citeer on the newest year's passages, the one open (the folded years' are cited on their year's page):
    # citation data for every year would take a 500-document theme over its size budget.
    shown = [e for e, _ in next(iter(dossier.values()), [])]
    return dict(facet=page, related=related(page, themes, regions), description=describe.facet(page),
                timeline=overview.timeline(page, covered), dossier=dossier, natures=natures,
                citations=citations(shown))


def facet_year(page: Facet, year: int, entries: list[Entry]) -> dict[str, object]:
    """The passages of a theme or region in one presidency year, per document."""
    code = entries[0].document.meta.country if entries else presiding_country(year)
    country = COUNTRIES[code]
    years = [y for y, _ in page.years()]
    return dict(facet=page, year=year, entries=entries, country=country,
                previous=max((y for y in years if y < year), default=None),
                following=min((y for y in years if y > year), default=None),
                title=f"{page.label} — {ADJECTIVES[code]} voorzitterschap {year}", footnotes=footnotes(tuple(entries)),
                description=describe.facet_year(page, year, entries, country), citations=citations(entries))


def year(page: Facet, documents: list[Document], themes: list[Facet], covered: list[int],
         theme_labels: dict[str, str], totals: dict[int, int]) -> dict[str, object]:
    """A presidency year: its documents, who presided, its priorities and the change since the year before."""
    number = int(page.slug)
    of_year = [d for d in documents if d.meta.year == number]
    previous = max((y for y in covered if y < number), default=None)
    country = presiding_country(number)
    return dict(facet=page, documents=of_year, description=describe.year(page, of_year, theme_labels),
                country=country, statement=_statement(of_year), previous=previous,
                changes=overview.compare(themes, number, previous, totals) if previous else [])


def _statement(documents: list[Document]) -> tuple[Document, Paragraph] | None:
    """The first of the year's documents' paragraphs that says who holds the presidency."""
    return next(((d, p) for d in documents if d.statement for p in d.paragraphs if p.id == d.statement), None)


def document(doc: Document) -> dict[str, object]:
    places = {p.id: describe.place(section, i) for section in doc.sections
              for i, p in enumerate(section.paragraphs, start=1) if not p.part or p.part in CONTENT_PARTS}
    return dict(doc=doc, description=describe.document(doc), footnotes=[(doc, n.number, n.text) for n in doc.footnotes],
                places=places, contents=describe.contents(doc),
                content_parts=CONTENT_PARTS)


def source(doc: Document) -> dict[str, str]:
    """What a citation says of a document (sectielink.js puts it together): title, issuer, date, its official
    reference and the address of its original."""
    return {"titel": inline.plain(doc.meta.title), "afzender": inline.plain(doc.meta.issuer),
            "datum": dutch_date(doc.meta.date), "vindplaats": inline.plain(doc.meta.source or ""),
            "origineel": doc.meta.original or ""}


def citations(entries: list[Entry]) -> dict[str, list[list[object]]]:
    """What "Citeer" puts in a citation of each passage a theme, region or theme-year page shows (sectielink.js),
    compact for the size budget of a theme page: each document once (`source`, its values in a fixed order),
    then per passage, in page order, its document's index, where it is and the pages of the original."""
    order = ("afzender", "titel", "datum", "vindplaats", "origineel")
    sources: dict[str, int] = {}
    documents: list[list[object]] = []
    passages: list[list[object]] = []
    pages: dict[str, dict[str, str]] = {}
    for e in entries:
        doc = e.document
        if doc.slug not in sources:
            sources[doc.slug], pages[doc.slug] = len(documents), describe.pages(doc)
            documents.append([source(doc)[key] for key in order])
        position = e.section.paragraphs.index(e.paragraph) + 1
        place = describe.place(e.section, position)
        passages.append([sources[doc.slug], place, pages[doc.slug].get(e.paragraph.id, "")])
    return {"bronnen": documents, "alineas": passages}


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
