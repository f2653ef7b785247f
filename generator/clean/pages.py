"""The "pages" step: which line of the text begins which page of the original.

A page begins at the first text line, at a line the extraction indents by one space, and at the first text line
after removed furniture (a page number, a running header or footer). The count is kept only where the text
confirms it: every page number the furniture printed must agree with it, and there must be at least one. A text
without printed page numbers, or whose numbers disagree with its page breaks, gets no pages at all: a wrong page
in a citation is worse than none.
"""

from __future__ import annotations

from dataclasses import replace

from .draft import Context, Draft, Line


def number_pages(draft: Draft, context: Context) -> Draft:
    """Mark the text lines that begin a page with its number, where the printed page numbers confirm the count."""
    begins = page_beginnings(draft.lines)
    if not confirmed(draft.lines, begins):
        return draft
    numbered = {index: page for page, index in enumerate(begins, start=1)}
    lines = tuple(replace(line, begins_page=numbered[i]) if i in numbered else line
                  for i, line in enumerate(draft.lines))
    return replace(draft, lines=lines)


def page_beginnings(lines: tuple[Line, ...]) -> list[int]:
    """Indexes of the text lines that begin a page, in order: page 1, 2, …"""
    begins: list[int] = []
    after_furniture = True  # the first text line begins page 1
    for i, line in enumerate(lines):
        if line.kind == "page":
            after_furniture = True
        elif line.kind == "text" and not line.toc:
            if after_furniture or line.page_start:
                begins.append(i)
            after_furniture = False
    return begins


def confirmed(lines: tuple[Line, ...], begins: list[int]) -> bool:
    """Do the printed page numbers agree with the count, and is there at least one? A number at the foot of a
    page belongs to the page it ends; one at the head of a page (an indented first line) to the page it begins."""
    printed = [(i, line) for i, line in enumerate(lines) if line.kind == "page" and line.number is not None]
    for i, line in printed:
        pages_so_far = sum(1 for b in begins if b < i)
        if line.number != (pages_so_far + 1 if line.page_start else pages_so_far):
            return False
    return bool(printed)
