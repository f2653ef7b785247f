"""Helpers for browser tests: Debian's Chromium driven by Playwright, and the site's search page."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium calls Google's hosts at start-up.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-features=Translate,MediaRouter"]


def chromium_missing() -> str | None:
    """Why browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium) or apt-get install chromium"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is missing: run `make test`, which installs requirements.lock"
    return None if shutil.which(CHROMIUM) else f"{CHROMIUM} is not executable"


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield instance
        finally:
            instance.close()


FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class Query:
    """A labelled query: what a reader types, and what they expect among the first three results."""

    text: str
    category: str
    """`earlier` (the first 43), or a category of search_queries_new.tsv (`nothing`: no result at all)."""
    targets: tuple[str, ...]
    first: bool
    """The target must be the very first result (the query is a page's name)."""


def queries() -> list[Query]:
    """Every labelled query: tests/fixtures/search_queries.tsv (category `earlier`), search_queries_new.tsv and
    search_queries_forgiving.tsv (issue 23), each written down by reading before anything was measured."""
    found: list[Query] = []
    for name, columns in (("search_queries.tsv", 3), ("search_queries_new.tsv", 4), ("search_queries_forgiving.tsv", 4)):
        with (FIXTURES / name).open(encoding="utf-8") as source:
            for row in csv.reader(source, delimiter="\t", quoting=csv.QUOTE_NONE):  # a query may hold quotes
                if not row or row[0].startswith("#"):
                    continue
                row = row + [""] * (columns - len(row))
                if columns == 3:
                    found.append(Query(row[0], "earlier", tuple(row[1].split()), row[2] == "first"))
                else:
                    found.append(Query(row[0], row[1], tuple(row[2].split()), row[3] == "first"))
    return found


def search(page: object, text: str) -> list[list[str]]:
    """Type `text` into the search page's box (the page must be open); return the result items, each as its
    links (path#paragraph, then path#section), best first."""
    box = "#zoek-term"
    page.fill(box, "")  # type: ignore[attr-defined]
    page.type(box, text, delay=15)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "q => document.getElementById('zoek-status').textContent.includes('\u201c' + q + '\u201d')", arg=text.strip())
    items = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "li.zoek-resultaat",
        """els => els.map(e => {
             const links = [e.querySelector('a.zoek-titel').href];
             if (e.dataset.sectie) { const u = new URL(links[0]); u.hash = e.dataset.sectie; links.push(u.href); }
             return links;
           })""")
    return [[_local(href) for href in item] for item in items]


def _local(href: str) -> str:
    parts = urlsplit(href)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def hit(query: Query, items: list[list[str]]) -> bool:
    """Whether a target is among the first three results (the first, when required); for a `nothing` query,
    whether there is no result at all."""
    if query.category == "nothing":
        return not items
    considered = items[:1] if query.first else items[:3]
    links = [link for item in considered for link in (item[:1] if query.first else item)]
    return any(matches(link, target) for link in links for target in query.targets)


def matches(link: str, target: str) -> bool:
    """Whether a result's link is the target: its page, and its anchor when the target names one."""
    path, _, anchor = target.partition("#")
    link_path, _, link_anchor = link.partition("#")
    return link_path == path and (not anchor or link_anchor == anchor)


def run_queries(page: object) -> dict[str, tuple[int, int, list[str]]]:
    """Search every labelled query on the open search page; per category: (hits, queries, a line per miss)."""
    outcome: dict[str, tuple[int, int, list[str]]] = {}
    for query in queries():
        items = search(page, query.text)
        hits, total, misses = outcome.get(query.category, (0, 0, []))
        good = hit(query, items)
        if not good:
            misses.append(f"{query.text!r} → {[item[0] for item in items[:3]]}")
        outcome[query.category] = (hits + good, total + 1, misses)
    return outcome
