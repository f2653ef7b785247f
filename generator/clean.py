"""Turn an extracted text into clean blocks and footnotes.

The cleaner is a chain of named steps (`STEPS`), each a pure function from one
`Draft` to the next: drop page furniture, lift out footnotes (`footnotes`), rejoin
lines into blocks (`blocks`, undoing line-end hyphenation), attach footnote markers, keep emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, TypeVar

from . import blocks, footnotes, inline
from .lexicon import Lexicon
from .model import Footnote

PAGE_NUMBER = re.compile(r"\d{1,3}")
TOC_TAIL = re.compile(r"\t\s*\d*\s*$")
STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
EM = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?!\*)")


@dataclass(frozen=True)
class Line:
    """One physical line of the raw body."""

    no: int
    """Line number in the raw file."""
    text: str
    """The line without surrounding whitespace; empty for blank and page lines."""
    kind: str = "text"
    """``text``, ``blank``, or ``page`` (furniture or footnotes were removed here)."""
    page_start: bool = False
    """The extraction indents the first line of a page by one space."""
    toc: bool = False
    """A table-of-contents entry (it ended in a tab and a page number)."""


@dataclass(frozen=True)
class Block:
    """A paragraph-to-be: lines rejoined, not yet classified as heading or paragraph."""

    text: str
    line: int
    toc: bool = False


@dataclass(frozen=True)
class Draft:
    """The state passed from step to step."""

    lines: tuple[Line, ...]
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    kept: tuple[Line, ...] = ()
    """The lines as the furniture step left them: the raw side of the conservation check."""


@dataclass(frozen=True)
class Context:
    """What the steps need besides the draft itself."""

    furniture: tuple[str, ...]
    lexicon: Lexicon | None = None
    """Word forms of the corpus; without it, line-end hyphens are kept."""


def clean(body: str, first_line: int, context: Context) -> Draft:
    """Run every step on a raw body."""
    draft = split_lines(body, first_line)
    for _name, step in STEPS:
        draft = step(draft, context)
    return draft


def split_lines(body: str, first_line: int) -> Draft:
    lines = []
    for no, raw in enumerate(body.split("\n"), start=first_line):
        tail = TOC_TAIL.search(raw) if "\t" in raw else None
        toc = bool(tail) and bool(raw.strip())
        text = (raw[:tail.start()] if tail else raw).replace("\t", " ").strip()
        kind = "text" if text else "blank"
        lines.append(Line(no, text, kind, page_start=raw.startswith(" ") and not raw.startswith("  "), toc=toc))
    return Draft(tuple(lines))


def drop_furniture(draft: Draft, context: Context) -> Draft:
    """Replace bare page numbers and running headers/footers by page-break lines."""
    patterns = [re.compile(p) for p in context.furniture]
    lines = list(draft.lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        span = _furniture_span(lines, i, patterns)
        if span:
            out.append(Line(lines[i].no, "", "page"))
            i += span
            continue
        out.append(lines[i])
        i += 1
    return replace(draft, lines=tuple(out), kept=tuple(out))


def _furniture_span(lines: list[Line], i: int, patterns: list[re.Pattern[str]]) -> int:
    """How many lines from `i` on form one piece of furniture (0 if none)."""
    if lines[i].kind != "text":
        return 0
    if PAGE_NUMBER.fullmatch(lines[i].text) and not lines[i].toc:
        return 1
    joined = ""
    for span in range(min(3, len(lines) - i) if patterns else 0):
        line = lines[i + span]
        if line.kind != "text":
            break
        joined = f"{joined} {line.text}" if span else line.text
        if any(p.fullmatch(joined) for p in patterns):
            return span + 1
    return 0


def mark_emphasis(draft: Draft, context: Context) -> Draft:
    """Keep the *emphasis* and **bold** the source already carries, as sentinels."""
    def mark(text: str) -> str:
        if "*" not in text:
            return text
        text = STRONG.sub(lambda m: inline.STRONG + m.group(1) + inline.STRONG, text)
        return EM.sub(lambda m: inline.EM + m.group(1) + inline.EM, text)
    return replace(draft, blocks=tuple(_with_text(b, mark(b.text)) for b in draft.blocks))


def collapse_spaces(draft: Draft, context: Context) -> Draft:
    def tidy(text: str) -> str:
        return " ".join(text.split())
    return replace(draft, blocks=tuple(_with_text(b, tidy(b.text)) for b in draft.blocks),
                   footnotes=tuple(_with_text(f, tidy(f.text)) for f in draft.footnotes))


T = TypeVar("T", Block, Footnote)


def _with_text(item: T, text: str) -> T:
    """The block or footnote with this text; itself when the text is the same (most are)."""
    return item if text == item.text else replace(item, text=text)


Step = Callable[[Draft, Context], Draft]
STEPS: list[tuple[str, Step]] = [
    ("furniture", drop_furniture),
    ("footnotes", footnotes.split_footnotes),
    ("blocks", blocks.join_blocks),
    ("markers", footnotes.attach_markers),
    ("emphasis", mark_emphasis),
    ("spaces", collapse_spaces),
]
