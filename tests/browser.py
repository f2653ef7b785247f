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


@dataclass(frozen=True)
class Query:
    text: str
    targets: tuple[str, ...]
    first: bool


def queries(path: Path) -> list[Query]:
    with path.open(encoding="utf-8") as source:
        rows = [r for r in csv.reader(source, delimiter="\t") if r and not r[0].startswith("#")]
    return [Query(r[0], tuple(r[1].split()), len(r) > 2 and r[2] == "first") for r in rows]


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


def hit(query: Query, items: list[list[str]], depth: int = 3) -> bool:
    """Whether a target is among the first `depth` results (or is the first result, when required)."""
    considered = items[:1] if query.first else items[:depth]
    links = [link for item in considered for link in (item[:1] if query.first else item)]
    return any(matches(link, target) for link in links for target in query.targets)


def matches(link: str, target: str) -> bool:
    """Whether a result's link is the target: its page, and its anchor when the target names one."""
    path, _, anchor = target.partition("#")
    link_path, _, link_anchor = link.partition("#")
    return link_path == path and (not anchor or link_anchor == anchor)


def run_queries(page: object, path: Path) -> tuple[list[Query], list[str]]:
    """Search every query of the fixture on an open page; return the queries and a line per miss."""
    checked, misses = queries(path), []
    for query in checked:
        items = search(page, query.text)
        if not hit(query, items):
            misses.append(f"{query.text!r} → {[i[0] for i in items[:3]]}")
    return checked, misses
