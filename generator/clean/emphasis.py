"""The last steps: keep the emphasis the source carries, and tidy white space."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from markdown_it import MarkdownIt

from ..core import inline
from ..core.records import Footnote
from .draft import Block, Context, Draft

EMPHASIS = MarkdownIt("zero").enable("emphasis")
"""CommonMark's emphasis rules and nothing else: every other character of the raw text stays text."""
SENTINELS = {"em": inline.EM, "strong": inline.STRONG}


def mark_emphasis(draft: Draft, context: Context) -> Draft:
    """Keep the *emphasis* and **bold** the source already carries, as sentinels (CommonMark's rules, read by
    markdown-it-py: `***both***` nests, `5 * 3 * 2` stays text). Underscores stay text: in extracted text they
    are part of names and addresses, not emphasis."""
    return replace(draft, blocks=tuple(_with_text(b, mark(b.text)) for b in draft.blocks))


def mark(text: str) -> str:
    """The text with its asterisk emphasis as sentinels."""
    if "*" not in text:
        return text
    parts = []
    for token in EMPHASIS.parseInline(text)[0].children or ():
        kind = token.type.removesuffix("_open").removesuffix("_close")
        parts.append(SENTINELS[kind] if kind in SENTINELS and token.markup[:1] == "*" else
                     token.markup if kind in SENTINELS else token.content)
    return "".join(parts)


def collapse_spaces(draft: Draft, context: Context) -> Draft:
    """One space between words, in blocks and footnotes."""
    def tidy(text: str) -> str:
        return " ".join(text.split())
    return replace(draft, blocks=tuple(_with_text(b, tidy(b.text)) for b in draft.blocks),
                   footnotes=tuple(_with_text(f, tidy(f.text)) for f in draft.footnotes))


T = TypeVar("T", Block, Footnote)


def _with_text(item: T, text: str) -> T:
    """The block or footnote with this text; itself when the text is the same (most are)."""
    return item if text == item.text else replace(item, text=text)
