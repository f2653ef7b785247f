"""The page model: every file the site publishes from the generator, listed once with its address.

As MkDocs' `File` (``src_uri``, ``url``) and Pelican's `url`/`save_as`: a page knows the file it is made into below
the docs folder and the URL MkDocs gives that file (`use_directory_urls` decided here, once). The jobs, the
navigation, the search records, the feeds, the preview cards and the templates (`link(page)`) all read this list;
no other module spells a folder name or works out a URL."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..core.layout import ABOUT, DOCUMENTS, FEEDS, FOLDERS, FOLLOW, SEARCH, FacetKind, facet_year_path
from ..core.records import Corpus, Document, Term
from .facets import Facet

PageKind = Literal["home", "index", "search", "about", "theme", "region", "year", "theme-year", "region-year",
                   "document", "redirect", "feed", "follow"]


@dataclass(frozen=True)
class Source:
    """What a page is made for, to name it when two pages claim one file."""

    path: str
    """The input it comes from: a raw file, a vocabulary, or the templates for the site's own pages."""
    what: str
    """As a message says it: "raw/x.txt", "the theme 'energie'", "the site's own page"."""


SITE_PAGE = Source("templates", "the site's own page")


@dataclass(frozen=True)
class Page:
    """One published file made by the generator."""

    kind: PageKind
    key: str
    """What it is the page of, within its kind: a slug, a year, ``<slug>/<year>``, a folder; "" for one of a kind."""
    src: str
    """The file below the docs folder (``themas/energie.md``)."""
    url: str
    """Its address from the site's root, as MkDocs makes it (``themas/energie/``, or ``themas/energie.html``
    without `use_directory_urls`); "" for the home page."""
    title: str
    source: Source
    section: str = ""
    """The navigation section (a folder of `layout.SECTIONS`) that lists it; "" when none does."""
    subject: Facet | Document | Term | None = None
    """The theme, region, year or document it shows; the vocabulary entry an old slug redirects to."""
    year: int | None = None
    """For a theme's or region's page of one year: that year."""

    @property
    def card(self) -> bool:
        """Does it have a link-preview image of its own?"""
        return self.kind in ("theme", "region", "year", "theme-year", "region-year", "document")


def url_of(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a file of the docs folder (`mkdocs.structure.files.File.url`)."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return stem[:-len("index")] if stem.endswith("/index") else f"{stem}/"


def relative(url: str, page_url: str) -> str:
    """The address of `url` as a link from the page at `page_url` writes it (both from the site's root)."""
    base = _folder(page_url)
    folder, name = _folder(url), url[len(_folder(url)):]
    way = posixpath.relpath(folder or ".", base or ".")
    way = "" if way == "." else way + "/"
    return (way + name) or "./"


def _folder(url: str) -> str:
    """The folder part of an address, ending in a slash ("" at the root): the whole of ``themas/energie/``."""
    return url[:url.rfind("/") + 1]


class Pages:
    """The site's pages in the order they are made, and each one by what it is the page of."""

    def __init__(self, pages: list[Page]) -> None:
        self.all = tuple(pages)
        self._by = {(p.kind, p.key): p for p in pages}
        self._by_src = {p.src: p for p in pages}

    def __iter__(self) -> Iterator[Page]:
        return iter(self.all)

    def get(self, kind: PageKind, key: str = "") -> Page:
        """The page of `key` of this kind (KeyError when the site has none: a link to it would be broken)."""
        return self._by[(kind, key)]

    def at(self, src: str) -> Page:
        """The page made into `src` (with or without ``.md``)."""
        return self._by_src[src if src in self._by_src else f"{src}.md"]

    def of(self, facet: Facet, year: int | None = None) -> Page:
        """A theme's, region's or year's page; with `year`, a theme's or region's page of that year."""
        if year is None:
            return self.get(facet.kind, facet.slug)
        return self.get(YEAR_PAGE[facet.kind], f"{facet.slug}/{year}")

    def document(self, slug: str) -> Page:
        return self.get("document", slug)

    def index(self, kind: FacetKind | Literal["document"]) -> Page:
        """The list page of themes, regions, years or documents."""
        return self.get("index", DOCUMENTS if kind == "document" else FOLDERS[kind])

    def feed(self, facet: Facet | None = None) -> Page:
        """The Atom feed of a theme or region, or of the whole site."""
        return self.get("feed", f"{facet.kind}/{facet.slug}" if facet else "")

    def follow(self, facet: Facet | None = None) -> Page:
        """The "Volgen" page of a theme's or region's feed, or of the site's."""
        return self.get("follow", f"{facet.kind}/{facet.slug}" if facet else "")

    def section(self, folder: str) -> list[Page]:
        """The pages a navigation section lists, in its order."""
        return [p for p in self.all if p.section == folder]


SITE_FEED = f"{FEEDS}/alles.xml"
"""The feed of new documents."""
YEAR_PAGE: dict[FacetKind, PageKind] = {"theme": "theme-year", "region": "region-year", "year": "year"}
"""The kind of a theme's or region's page of one year."""


def site_pages(corpus: Corpus, *, themes: list[Facet], regions: list[Facet], years: list[Facet],
               documents: list[Document], directory_urls: bool = True) -> Pages:
    """Every page the generator makes, once, in a fixed order (that of the navigation within a section)."""
    pages: list[Page] = []

    def add(kind: PageKind, key: str, src: str, title: str, source: Source = SITE_PAGE, section: str = "",
            subject: Facet | Document | Term | None = None, year: int | None = None) -> None:
        pages.append(Page(kind, key, src, url_of(src, directory_urls), title, source, section, subject, year))

    add("home", "", "index.md", "Benelux-voorzitterschappen")
    for folder, title in ((FOLDERS["theme"], "Thema's"), (FOLDERS["region"], "Regio's"), (FOLDERS["year"], "Jaren"),
                          (DOCUMENTS, "Documenten")):
        add("index", folder, f"{folder}/index.md", title)
    add("search", "", f"{SEARCH}/index.md", "Zoeken")
    add("about", "", f"{ABOUT}/index.md", "Over deze site")
    for facet in (*sorted(themes, key=_label), *sorted(regions, key=_label)):
        add(facet.kind, facet.slug, facet.path, facet.label, _vocabulary(facet.kind, facet.slug), facet.folder, facet)
    for facet in (*themes, *regions):
        for year, _ in facet.years():
            add(YEAR_PAGE[facet.kind], f"{facet.slug}/{year}", facet_year_path(facet.folder, facet.slug, year),
                f"{facet.label} {year}", _vocabulary(facet.kind, facet.slug), subject=facet, year=year)
    for facet in sorted(years, key=lambda f: _newest_first(f.path)):
        add("year", facet.slug, facet.path, facet.slug, SITE_PAGE, facet.folder, facet)
    vocabularies: list[tuple[FacetKind, tuple[Term, ...]]] = [("theme", corpus.themes), ("region", corpus.regions)]
    for kind, vocabulary in vocabularies:
        for term in vocabulary:
            for alias in term.aliases:
                add("redirect", f"{kind}/{alias}", f"{FOLDERS[kind]}/{alias}.md", term.label,
                    _vocabulary(kind, alias), subject=term)
    for doc in sorted(documents, key=lambda d: _newest_first(f"{DOCUMENTS}/{d.slug}.md")):
        add("document", doc.slug, f"{DOCUMENTS}/{doc.slug}.md", doc.meta.title, Source(doc.path, doc.path), DOCUMENTS,
            doc)
    for facet in (*themes, *regions):
        add("feed", f"{facet.kind}/{facet.slug}", f"{FEEDS}/{facet.folder}/{facet.slug}.xml", facet.label,
            subject=facet)
    add("feed", "", SITE_FEED, "Benelux-voorzitterschappen")
    for facet in (*themes, *regions):
        add("follow", f"{facet.kind}/{facet.slug}", f"{FOLLOW}/{facet.folder}/{facet.slug}.md",
            f"{facet.label} volgen", subject=facet)
    add("follow", "", f"{FOLLOW}/index.md", "Volgen")
    return Pages(pages)


def _label(facet: Facet) -> str:
    return facet.label.lower()


def _newest_first(path: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in path)


def _vocabulary(kind: str, slug: str) -> Source:
    return Source(f"vocabulary/{kind}s.yml", f"the {kind} '{slug}'")
