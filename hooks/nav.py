"""MkDocs hook: Dutch titles and a sensible order for the four generated sections.

Auto-navigation names a section after its folder ("Themas"); readers expect
"Thema's". Without this hook the site still builds, with folder-based titles.
"""

from __future__ import annotations

from typing import Any

SECTIONS = {"themas": "Thema's", "jaren": "Jaren", "regios": "Regio's", "documenten": "Documenten"}


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    def folder(item: Any) -> str:
        children = getattr(item, "children", None) or []
        first = next((c for c in children if getattr(c, "file", None)), None)
        return first.file.src_uri.split("/")[0] if first else ""

    order = list(SECTIONS)
    for item in nav.items:
        if folder(item) in SECTIONS:
            item.title = SECTIONS[folder(item)]
            newest_first = folder(item) in ("jaren", "documenten")
            item.children = [c for c in item.children if not _is_redirect(c)]
            item.children.sort(key=lambda child: (not child.is_index, _sort_key(child, newest_first)))
    nav.items.sort(key=lambda item: order.index(folder(item)) if folder(item) in order else -1)
    return nav


def _sort_key(child: Any, newest_first: bool) -> Any:
    """Themes and regions by title; years and documents newest first (their file names start with the year)."""
    if newest_first:
        return tuple(-ord(c) for c in child.file.src_uri)
    return _front_matter_title(child.file.abs_src_path).lower()


def _front_matter_title(path: str) -> str:
    """Page titles are not read yet when the nav is built; take the title line of the front matter."""
    return _front_matter(path).get("title", path)


def _is_redirect(child: Any) -> bool:
    """Pages left at an old slug only redirect; they stay out of the navigation."""
    return bool(getattr(child, "file", None)) and "redirect" in _front_matter(child.file.abs_src_path)


def _front_matter(path: str) -> dict[str, str]:
    found = {}
    with open(path, encoding="utf-8") as source:
        for line in source:
            if line.strip() == "---" and found:
                break
            key, _, value = line.partition(":")
            if value and not line.startswith(" "):
                found[key.strip()] = value.strip().strip('"')
    return found
