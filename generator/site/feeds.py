"""Atom feeds: one per theme, one per region and one for the whole site, so a reader can follow a subject.

A browser that opens a feed shows it as a Dutch page that explains how to subscribe: each feed names the
stylesheet site_src/stylesheets/feed.xsl (XSLT), by a path relative to the feed."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from ..core.inline import plain
from ..core.layout import DOCUMENTS
from ..core.records import Document
from . import describe
from .facets import Entry, Facet
from .overview import entries_by_document
from .pages import Pages

if TYPE_CHECKING:
    from .record import Site


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    updated: str
    content: str
    """HTML (escaped once more by the template)."""


def updated(doc: Document, undated: str) -> str:
    """The document's date as an Atom timestamp; `undated` for a document without a date (see `undated_stamp`)."""
    return _stamp(doc.meta.date.first_day()) if doc.meta.date else undated


def undated_stamp(documents: list[Document]) -> str:
    """The timestamp of an undated document's entries: the newest date the archive knows. Atom requires an
    `updated` on every entry (RFC 4287, 4.1.2), so it cannot be left out; a date made up from the presidency
    year (1 January) would claim a day nobody wrote, while the archive's newest date is one the archive really
    holds, and by which the undated text was part of it. The entry says it is undated (`undated_note`) and has
    no `published`."""
    days = [d.meta.date.first_day() for d in documents if d.meta.date]
    return _stamp(max(days)) if days else "2000-01-01T00:00:00Z"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def undated_note(doc: Document) -> str:
    """For an undated document, the sentence its feed entries begin with (HTML)."""
    if doc.meta.date:
        return ""
    return (f"<p><em>Ongedateerd document</em> (voorzitterschap {doc.meta.year}); de feed geeft het de datum van "
            f"het nieuwste gedateerde document van het archief.</p>")


FEED_SIZE = 50
"""Entries per feed: a feed reader shows what is new; the site itself holds the archive."""


FEED_STYLESHEET = "stylesheets/feed.xsl"
"""Below the docs folder: turns a feed opened in a browser into a readable page."""


def facet_feed(facet: Facet, pages: Pages, site_url: str, undated: str) -> list[FeedEntry]:
    """Per document, the paragraphs it adds to the theme, with their permanent links; newest first.

    `site_url` is the site's address, or the way from the feed to the site's root ("../../") when none is
    configured: feed readers resolve relative links against the feed's own address (RFC 4287)."""
    entries = []
    for doc, items in facet_groups(facet, undated)[:FEED_SIZE]:
        page = f"{site_url}{pages.document(doc.slug).url}"
        passages = (f'<p>{html.escape(plain(e.paragraph.text))} <a href="{page}#{e.paragraph.id}">(bron)</a></p>'
                    for e in items)
        content = undated_note(doc) + "".join(passages)
        noun = "alinea" if len(items) == 1 else "alinea's"
        entries.append(FeedEntry(id=_facet_entry_id(facet, doc), title=f"{plain(doc.meta.title)}: {len(items)} {noun}",
                                 link=f"{page}#{items[0].paragraph.id}", updated=updated(doc, undated),
                                 content=content))
    return entries


def facet_groups(facet: Facet, undated: str) -> list[tuple[Document, list[Entry]]]:
    """A theme's or region's passages per document, in the order of its feed: newest first."""
    return sorted(entries_by_document(list(facet.entries)),
                  key=lambda g: (updated(g[0], undated), _facet_entry_id(facet, g[0])), reverse=True)


def _facet_entry_id(facet: Facet, doc: Document) -> str:
    return tag(f"{facet.folder}/{facet.slug}/{doc.slug}")


def newest_documents(documents: list[Document]) -> list[Document]:
    """The documents in the order of the site's feed: newest first."""
    undated = undated_stamp(documents)
    return sorted(documents, key=lambda d: (updated(d, undated), tag(f"{DOCUMENTS}/{d.slug}")), reverse=True)


def site_feed(documents: list[Document], descriptions: dict[str, str], pages: Pages, site_url: str) -> list[
        FeedEntry]:
    """One entry per document of the site, newest first."""
    undated = undated_stamp(documents)
    return [FeedEntry(id=tag(f"{DOCUMENTS}/{d.slug}"), title=plain(d.meta.title),
                      link=f"{site_url}{pages.document(d.slug).url}", updated=updated(d, undated),
                      content=f"{undated_note(d)}<p>{html.escape(descriptions[d.slug])}</p>")
            for d in newest_documents(documents)[:FEED_SIZE]]


def facet_text(template: jinja2.Template, facet: Facet, site: Site, site_url: str) -> str:
    """The feed of one theme or region; with no site URL configured, its links are relative to the feed. The
    archive's documents give the date of undated ones."""
    path = site.pages.feed(facet).url
    base = site_url or _to_root(path)
    return render(template, title=f"{facet.label} — Benelux-voorzitterschappen", feed_id=tag(facet.path[:-3]),
                  self_url=f"{base}{path}", page_url=f"{base}{site.pages.of(facet).url}",
                  stylesheet=_to_root(path) + FEED_STYLESHEET,
                  entries=facet_feed(facet, site.pages, base, undated_stamp(site.documents)))


def site_text(template: jinja2.Template, site: Site, site_url: str) -> str:
    """The feed of new documents; with no site URL configured, its links are relative to the feed."""
    path = site.pages.feed().url
    base = site_url or _to_root(path)
    descriptions = {d.slug: describe.document(d) for d in site.documents}
    return render(template, title="Benelux-voorzitterschappen: nieuwe documenten", feed_id=tag("alles"),
                  self_url=f"{base}{path}", page_url=base, stylesheet=_to_root(path) + FEED_STYLESHEET,
                  entries=site_feed(site.documents, descriptions, site.pages, base))


def _to_root(path: str) -> str:
    """From a file below the docs folder to the site's root: ``feeds/alles.xml`` → ``../``."""
    return "../" * path.count("/")


def render(template: jinja2.Template, *, title: str, feed_id: str, self_url: str, page_url: str, stylesheet: str,
           entries: list[FeedEntry]) -> str:
    newest = max((e.updated for e in entries), default="2000-01-01T00:00:00Z")
    return template.render(title=title, id=feed_id, self_url=self_url, page_url=page_url, updated=newest,
                           stylesheet=stylesheet, entries=entries)


def template(templates: Path) -> jinja2.Template:
    """The feed template, read once per build."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.get_template("feed.xml.j2")


def tag(path: str) -> str:
    """A permanent Atom id derived from what the entry is (a document, a theme's passages of a document), not
    from where the site is hosted or when it was built."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'benelux-voorzitterschappen:' + path)}"


