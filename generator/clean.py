"""Turn an extracted text into clean blocks and footnotes.

The cleaner is a chain of named steps (`STEPS`), each a pure function from one
`Draft` to the next: drop page furniture, lift out footnotes (`footnotes`), rejoin
lines into blocks (undoing line-end hyphenation), attach footnote markers, keep emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, TypeVar

from . import footnotes, inline
from .lexicon import Lexicon
from .model import Footnote

PAGE_NUMBER = re.compile(r"\d{1,3}")
TOC_TAIL = re.compile(r"\t\s*\d*\s*$")
BULLET = re.compile(r"[•●▪◦]\s*")
NUMBERED = re.compile(r"(?:\d{1,2}\.)+\d?\s+\S|[a-z]\.\s+[A-ZÀ-Ý]|\d+\)\s+\S")
HYPHEN_END = re.compile(r"([^\W_][\w’'-]*?)-$")
URL_BREAK = re.compile(r"(?:https?://|www\.)\S*[/-]$")
WORD = re.compile(r"[\w’'-]+")
GLUED_TAIL = re.compile(r"(?<=[^\s\d])\d{1,2}$")
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


def join_blocks(draft: Draft, context: Context) -> Draft:
    """Rejoin lines into blocks, across blank lines and page breaks where a sentence runs on."""
    texts = [line for line in draft.lines if line.kind == "text" and not line.toc]
    lengths = sorted(len(line.text) for line in texts)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80  # a typical full line
    blocks: list[Block] = []
    current: list[Line] = []
    gap = ""
    for line in draft.lines:
        if line.kind != "text":
            gap = "page" if line.kind == "page" or gap == "page" else "blank"
            continue
        if current and (_runs_on(current, line, gap == "page", width) if gap else not _new_block(current[-1], line, width)):
            current.append(line)
        else:
            if current:
                blocks.append(Block(join_lines([x.text for x in current], context.lexicon), current[0].no, current[0].toc))
            current = [line]
        gap = ""
    if current:
        blocks.append(Block(join_lines([x.text for x in current], context.lexicon), current[0].no, current[0].toc))
    return replace(draft, blocks=tuple(blocks))


def _new_block(prev: Line, line: Line, width: int) -> bool:
    """Whether `line` starts a new block although no blank line separates it from `prev`."""
    if prev.toc or line.toc or BULLET.match(line.text):
        return True
    if hyphen_end(prev.text) or line.text[:1].islower():
        return False
    if NUMBERED.match(line.text) or (NUMBERED.match(prev.text) and not ends_sentence(prev.text)):
        return True
    if is_caps(prev.text):
        return not is_caps(line.text)
    fits = len(prev.text) + 1 + len(line.text.split()[0]) < width
    if ends_sentence(prev.text):
        return fits
    return fits and len(prev.text) < 0.6 * width


def _runs_on(current: list[Line], line: Line, page_break: bool, width: int) -> bool:
    """Whether `line` continues the block `current` across a blank line or page break."""
    if line.toc or current[-1].toc or BULLET.match(line.text) or NUMBERED.match(line.text):
        return False
    last = current[-1].text
    if hyphen_end(last):
        return True
    if ends_sentence(last) or is_caps(last):
        return False
    if line.text[:1].islower():
        return True
    short = len(current) == 1 and len(last) < 0.6 * width
    return page_break and not short


def hyphen_end(text: str) -> re.Match[str] | None:
    """HYPHEN_END searched from the start of the text's last word only: the same match, without rescanning
    a long text at every position."""
    if not text.endswith("-"):
        return None
    start = len(text) - 1
    while start and (text[start - 1].isalnum() or text[start - 1] in "_’'-"):
        start -= 1
    return HYPHEN_END.search(text, start)


def join_lines(parts: list[str], lexicon: Lexicon | None) -> str:
    """Join physical lines into one line, undoing line-end hyphenation."""
    text = parts[0]
    for part in parts[1:]:
        left, right = text.rstrip(), part.strip()
        hyphen = hyphen_end(left)
        if left.endswith(("/", "-")) and URL_BREAK.search(left.rsplit(None, 1)[-1]):
            text = left + right
        elif hyphen and lexicon is not None:
            word = WORD.match(right)
            keep = lexicon.keeps_hyphen(hyphen.group(1), word.group(0) if word else right)
            text = (left if keep else left[:-1]) + right
        elif hyphen:
            text = left + right
        else:
            text = left + " " + right
    return text


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


def is_caps(text: str) -> bool:
    if not text.isupper():  # a lower-case letter, or no cased letter at all: the common case, decided at C speed
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    glued = GLUED_TAIL.search(text[-3:])  # a footnote number glued on: its digit(s) and the character before
    if glued:
        text = text[:len(text) - len(glued.group())]
    return text.rstrip("»”’\"')]")[-1:] in {".", "!", "?", ":", ";"}


Step = Callable[[Draft, Context], Draft]
STEPS: list[tuple[str, Step]] = [
    ("furniture", drop_furniture),
    ("footnotes", footnotes.split_footnotes),
    ("blocks", join_blocks),
    ("markers", footnotes.attach_markers),
    ("emphasis", mark_emphasis),
    ("spaces", collapse_spaces),
]
