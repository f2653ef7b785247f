"""Links between generated pages: relative Markdown links (MkDocs resolves them) and final relative URLs."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable

Link = Callable[..., str]
"""link(target, anchor=None): from the current page to `target` (a page path, with or without ``.md``)."""


def linker(page_path: str) -> Link:
    """A template function: relative Markdown link from this page to another page and anchor."""
    folder = posixpath.dirname(page_path) or "."

    def link(target: str, anchor: str | None = None) -> str:
        relative = _relative(target if "." in posixpath.basename(target) else f"{target}.md", folder)
        return f"{relative}#{anchor}" if anchor else relative
    return link


@functools.lru_cache(maxsize=4096)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def url_maker(page_path: str) -> Link:
    """A template function for raw HTML: the final relative URL from this page to another page and anchor."""
    def url(target: str, anchor: str | None = None) -> str:
        relative = posixpath.relpath(directory(target if target.endswith(".md") else target + ".md") or ".",
                                     directory(page_path) or ".")
        relative = "./" if relative == "." else relative + "/"
        return f"{relative}#{anchor}" if anchor else relative
    return url


def directory(path: str) -> str:
    """The folder MkDocs makes of a page (``use_directory_urls``): ``themas/energie.md`` → ``themas/energie/``."""
    stem = path[:-3]
    return "" if stem == "index" else stem[:-len("index")] if stem.endswith("/index") else stem + "/"
