"""The cleaner as a chain of named steps, each a pure function from one `Draft` to the next.

Drop page furniture, number the pages where the text confirms it, lift out footnotes, rejoin lines into blocks
(undoing line-end hyphenation), attach footnote markers, keep emphasis, tidy spaces.
"""

from __future__ import annotations

from .blocks import join_blocks
from .draft import Context, Draft, Step
from .emphasis import collapse_spaces, mark_emphasis
from .footnotes import attach_markers, split_footnotes
from .furniture import drop_furniture
from .lines import split_lines
from .pages import number_pages

STEPS: list[tuple[str, Step]] = [
    ("furniture", drop_furniture),
    ("pages", number_pages),
    ("footnotes", split_footnotes),
    ("blocks", join_blocks),
    ("markers", attach_markers),
    ("emphasis", mark_emphasis),
    ("spaces", collapse_spaces),
]


def clean(body: str, first_line: int, context: Context, skip: frozenset[str] = frozenset()) -> Draft:
    """Run every step on a raw body, but those named in `skip`."""
    draft = split_lines(body, first_line)
    for name, step in STEPS:
        if name not in skip:
            draft = step(draft, context)
    return draft
