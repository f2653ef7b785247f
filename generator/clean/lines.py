"""The cleaner's start: a raw body as physical lines, with table-of-contents lines recognised."""

from __future__ import annotations

import re

from .draft import Draft, Line

TOC_TAIL = re.compile(r"\t\s*\d*\s*$")
"""A table-of-contents entry ends in a tab and its page number."""


def split_lines(body: str, first_line: int) -> Draft:
    """The body's lines, numbered from `first_line` as in the raw file."""
    lines = []
    for no, raw in enumerate(body.split("\n"), start=first_line):
        tail = TOC_TAIL.search(raw) if "\t" in raw else None
        toc = bool(tail) and bool(raw.strip())
        text = (raw[:tail.start()] if tail else raw).replace("\t", " ").strip()
        lines.append(Line(no, text, "text" if text else "blank",
                          page_start=raw.startswith(" ") and not raw.startswith("  "), toc=toc))
    return Draft(tuple(lines))
