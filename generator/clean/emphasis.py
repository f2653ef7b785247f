"""The last steps: keep the emphasis the source carries, and tidy white space."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from ..core import inline
from ..core.records import Footnote
from .draft import Block, Context, Draft

STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
EM = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?!\*)")


def mark_emphasis(draft: Draft, context: Context) -> Draft:
    """Keep the *emphasis* and **bold** the source already carries, as sentinels."""
    def mark(text: str) -> str:
        if "*" not in text:
            return text
        text = STRONG.sub(lambda m: inline.STRONG + m.group(1) + inline.STRONG, text)
        return EM.sub(lambda m: inline.EM + m.group(1) + inline.EM, text)
    return replace(draft, blocks=tuple(_with_text(b, mark(b.text)) for b in draft.blocks))


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
