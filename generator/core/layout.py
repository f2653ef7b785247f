"""Where the generator's output lives in the docs folder: one home for every folder and file name."""

from __future__ import annotations

from typing import Literal

FacetKind = Literal["theme", "region", "year"]
"""The three ways the site groups paragraphs."""
FOLDERS: dict[FacetKind, str] = {"theme": "themas", "region": "regios", "year": "jaren"}
"""The URL folder of each facet kind: part of every published URL, never to change."""
def facet_year_path(folder: str, slug: str, year: int) -> str:
    """The page of a theme or region in one presidency year below the docs folder (``themas/energie/2026.md``):
    the one place that spells the published URL ``/themas/<slug>/<year>/``."""
    return f"{folder}/{slug}/{year}.md"


DOCUMENTS = "documenten"
"""The URL folder of document pages."""
FEEDS = "feeds"
"""The folder of the Atom feeds."""
FOLLOW = "volgen"
"""The folder of the "Volgen" pages: one HTML page per feed, how to subscribe and what is new."""
ABOUT = "over"
"""The folder of the page about the site (``over/index.md``)."""
SECTIONS = {FOLDERS["theme"]: "Thema's", FOLDERS["year"]: "Jaren", FOLDERS["region"]: "Regio's",
            DOCUMENTS: "Documenten"}
"""The generated navigation sections, in their order, with the titles readers see."""
STATE = ".generator-state.json"
"""What the last build read and wrote (MkDocs ignores dot-files)."""
ANALYSIS = ".generator-analysis"
"""The folder of each document's analysis, kept between builds (`analyse.cache`); never published."""
NAV = ".generator-nav.json"
"""The navigation the generator wants, read by the MkDocs hook."""
SEARCH = "zoeken"
"""The folder of the search page (``zoeken/index.md``: its links are relative to its URL for every builder)."""
RECORDS = ".generator-search.json"
"""The search records (one per passage), which become the Pagefind index after the site is built."""
PREVIEWS = "voorvertoning"
"""The folder of the link-preview images (``voorvertoning/themas/energie.png``)."""
GENERATED = ("index.md", FOLDERS["theme"], FOLDERS["year"], FOLDERS["region"], DOCUMENTS, FEEDS, FOLLOW, ABOUT, SEARCH,
             NAV, RECORDS, PREVIEWS)
"""What the generator makes inside the docs folder (besides `STATE`); everything else there is hand-written."""
