"""Corrections to the HTML Material for MkDocs writes, so that every page passes the Nu HTML Checker.

Material's base template and navigation partials write three things the HTML standard forbids; they are not
in blocks a theme override can replace, so the MkDocs hook corrects each built page (`on_post_page`):

- ``autocomplete="off"`` on its checkbox toggles (allowed on text-like inputs only);
- ``tabindex=""`` on navigation labels (not an integer);
- a table of contents titled by ``<label for="__toc">`` on pages without that checkbox (it labels nothing).
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


def valid_html(html: str) -> str:
    """The page with Material's invalid markup corrected; a page without it is returned unchanged."""
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html)
    return html
