"""The navigation as data: the generator writes it, the MkDocs hook (`on_nav`) applies it."""

from __future__ import annotations

import json

from ..core.layout import DOCUMENTS, FOLDERS, SECTIONS
from ..core.records import Corpus
from .record import Site

NAV_PAGES = 40
"""A navigation section lists its pages up to this many (500 documents in every page's menu: 200 KB a page)."""


def navigation(site: Site, corpus: Corpus) -> str:
    """The navigation as data, for the MkDocs hook: per generated section its title and its pages in order.

    Themes and regions by label; years and documents newest first; pages at an old slug (redirects) left out."""
    def newest_first(path: str) -> tuple[int, ...]:
        return tuple(-ord(c) for c in path)
    pages = {
        FOLDERS["theme"]: [f.path for f in sorted(site.themes, key=lambda f: f.label.lower())],
        FOLDERS["region"]: [f.path for f in sorted(site.regions, key=lambda f: f.label.lower())],
        FOLDERS["year"]: sorted((f.path for f in site.years), key=newest_first),
        DOCUMENTS: sorted((f"{DOCUMENTS}/{d.slug}.md" for d in corpus.documents), key=newest_first),
    }
    # Every page carries the whole navigation (the menu of a phone): a section with hundreds of pages would make
    # each page hundreds of kilobytes. Beyond NAV_PAGES its pages are reached from the section's index page.
    sections = [{"folder": folder, "title": title,
                 "pages": [f"{folder}/index.md", *(pages[folder] if len(pages[folder]) <= NAV_PAGES else [])]}
                for folder, title in SECTIONS.items()]
    return json.dumps({"sections": sections}, ensure_ascii=False, indent=1) + "\n"
