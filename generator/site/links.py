"""Links between generated pages, for the templates: relative Markdown links (MkDocs resolves them and checks them
under --strict) and, for raw HTML, final relative URLs from the page model."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable

from .pages import Page, Pages, relative

Link = Callable[..., str]
"""link(target, anchor=None): from the current page to `target` (a `Page`, or a file below the docs folder with or
without ``.md``)."""


def linker(page: Page, pages: Pages) -> Link:
    """A template function: the relative Markdown link from this page to another page and anchor."""
    folder = posixpath.dirname(page.src) or "."

    def link(target: Page | str, anchor: str | None = None) -> str:
        src = target.src if isinstance(target, Page) else pages.at(target).src if "." not in posixpath.basename(
            target) else target
        way = _relative(src, folder)
        return f"{way}#{anchor}" if anchor else way
    return link


@functools.lru_cache(maxsize=4096)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def url_maker(page: Page, pages: Pages) -> Link:
    """A template function for raw HTML: the final relative URL from this page to another page and anchor."""
    def url(target: Page | str, anchor: str | None = None) -> str:
        way = relative((target if isinstance(target, Page) else pages.at(target)).url, page.url)
        return f"{way}#{anchor}" if anchor else way
    return url
