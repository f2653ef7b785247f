"""The "Volgen" pages: one ordinary HTML page per Atom feed, saying what is new and how to subscribe.

A browser opening a feed itself shows its source text (Chromium is removing XSLT, through which feed.xsl made it
readable); the site links to these pages instead, and each gives the feed's address to copy."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.records import Document
from . import describe, feeds
from .facets import Facet
from .pages import Pages

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


def facet_context(facet: Facet, documents: list[Document], pages: Pages) -> dict[str, object]:
    """A theme's or region's Volgen page: the documents its feed lists first, newest first, as the feed does."""
    groups = feeds.facet_groups(facet, feeds.undated_stamp(documents))[:LATEST]
    latest = [Latest(doc, len(items), items[0].paragraph.id, describe.opening(items[0].paragraph.text))
              for doc, items in groups]
    noun = "dit thema" if facet.kind == "theme" else "deze regio"
    return dict(title=f"{facet.label} volgen", feed=pages.feed(facet), home=pages.of(facet), subject=facet.label,
                latest=latest, others=[], what=f"nieuwe alinea's over {facet.label}",
                description=f"Volg {noun} in een feedlezer: de nieuwste alinea's over {facet.label} en het adres "
                            "van de Atom-feed.")


def site_context(documents: list[Document], themes: list[Facet], regions: list[Facet], pages: Pages) -> dict[
        str, object]:
    """The site's Volgen page: the newest documents, and the feed of every theme and region."""
    latest = [Latest(d, 0, None, describe.document(d)) for d in feeds.newest_documents(documents)[:LATEST]]
    return dict(title="Volgen", feed=pages.feed(), home=pages.get("home"), subject="Benelux-voorzitterschappen",
                latest=latest, others=[("Thema's", themes), ("Regio's", regions)], what="nieuwe documenten",
                description="Volg de site, een thema of een regio in een feedlezer: wat nieuw is, en de adressen "
                            "van de Atom-feeds.")

