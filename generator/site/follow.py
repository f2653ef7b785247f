"""The "Volgen" pages: one ordinary HTML page per Atom feed, saying what is new and how to subscribe.

A browser opening a feed itself shows its source text (Chromium is removing XSLT, through which feed.xsl made it
readable); the site links to these pages instead, and each gives the feed's address to copy."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.layout import FOLLOW
from ..core.records import Document
from . import describe, feeds
from .facets import Facet

LATEST = 10
"""Documents a Volgen page lists: what a reader checks before subscribing; the feed holds more."""


@dataclass(frozen=True)
class Latest:
    """One document on a Volgen page: what it added, and the first passage to read."""

    document: Document
    passages: int
    """Its passages in the feed's theme or region; 0 on the page of the site's own feed."""
    anchor: str | None
    """The first passage's paragraph id; None for the site's feed (the link goes to the document)."""
    opening: str


SITE_PAGE = f"{FOLLOW}/index.md"
"""The Volgen page of the site's feed (new documents), which also lists every other feed."""


def facet_path(facet: Facet) -> str:
    """The Volgen page of a theme's or region's feed below the docs folder (``volgen/themas/energie.md``)."""
    return f"{FOLLOW}/{facet.folder}/{facet.slug}.md"


def facet_context(facet: Facet, documents: list[Document]) -> dict[str, object]:
    """A theme's or region's Volgen page: the documents its feed lists first, newest first, as the feed does."""
    groups = feeds.facet_groups(facet, feeds.undated_stamp(documents))[:LATEST]
    latest = [Latest(doc, len(items), items[0].paragraph.id, describe.opening(items[0].paragraph.text))
              for doc, items in groups]
    noun = "dit thema" if facet.kind == "theme" else "deze regio"
    return dict(title=f"{facet.label} volgen", feed=feeds.facet_path(facet), page=facet.path, subject=facet.label,
                latest=latest, others=[], what=f"nieuwe alinea's over {facet.label}",
                description=f"Volg {noun} in een feedlezer: de nieuwste alinea's over {facet.label} en het adres "
                            "van de Atom-feed.")


def site_context(documents: list[Document], themes: list[Facet], regions: list[Facet]) -> dict[str, object]:
    """The site's Volgen page: the newest documents, and the feed of every theme and region."""
    latest = [Latest(d, 0, None, describe.document(d)) for d in feeds.newest_documents(documents)[:LATEST]]
    return dict(title="Volgen", feed=feeds.SITE_FEED, page="index.md", subject="Benelux-voorzitterschappen",
                latest=latest, others=[("Thema's", themes), ("Regio's", regions)], what="nieuwe documenten",
                description="Volg de site, een thema of een regio in een feedlezer: wat nieuw is, en de adressen "
                            "van de Atom-feeds.")

