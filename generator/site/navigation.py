"""The navigation as data: the generator writes it, the MkDocs hook (`on_nav`) applies it."""

from __future__ import annotations

import json

from ..core.layout import SECTIONS
from .record import Site

NAV_PAGES = 40
"""A navigation section lists its pages up to this many (500 documents in every page's menu: 200 KB a page)."""


def navigation(site: Site) -> str:
    """The navigation as data, for the MkDocs hook: per generated section its title and its pages, in the order of
    the page model (themes and regions by label; years and documents newest first; redirects are in no section)."""
    # Every page carries the whole navigation (the menu of a phone): a section with hundreds of pages would make
    # each page hundreds of kilobytes. Beyond NAV_PAGES its pages are reached from the section's index page.
    sections = []
    for folder, title in SECTIONS.items():
        pages = [p.src for p in site.pages.section(folder)]
        sections.append({"folder": folder, "title": title,
                         "pages": [site.pages.get("index", folder).src, *(pages if len(pages) <= NAV_PAGES else [])]})
    return json.dumps({"sections": sections}, ensure_ascii=False, indent=1) + "\n"
