"""The records the cleaner's steps share, apart from the steps: a step module imports these, the rules in `core`,
and at most the line joining of `blocks`, so the chain has no import cycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from ..core.records import Footnote
from .lexicon import Lexicon

LineKind = Literal["text", "blank", "page"]
"""A line with text, an empty line, or the place where page furniture or footnotes were removed."""


@dataclass(frozen=True)
class Line:
    """One physical line of the raw body."""

    no: int
    """Line number in the raw file."""
    text: str
    """The line without surrounding whitespace; empty for blank and page lines."""
    kind: LineKind = "text"
    page_start: bool = False
    """The extraction indents the first line of a page by one space."""
    toc: bool = False
    """A table-of-contents entry (it ended in a tab and a page number)."""
    number: int | None = None
    """For a page line: the page number the removed furniture printed ("3", "…, H 3")."""
    begins_page: int | None = None
    """The page of the original that begins with this line, where the text confirms its numbering (`pages`)."""


@dataclass(frozen=True)
class Block:
    """A paragraph-to-be: lines rejoined, not yet classified as heading or paragraph."""

    text: str
    line: int
    """Line in the raw file where the block starts."""
    toc: bool = False
    """A table-of-contents entry."""
    page: int | None = None
    """The page of the original that begins with this block (pages beginning inside it are marked in its text)."""


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
    """The document's running headers and footers (regular expressions)."""
    lexicon: Lexicon | None = None
    """Word forms of the corpus; without it, line-end hyphens are kept."""


class Step(Protocol):
    """One step of the cleaner: a pure function from one draft to the next."""

    def __call__(self, draft: Draft, context: Context, /) -> Draft: ...
