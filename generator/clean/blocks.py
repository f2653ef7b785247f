"""The "blocks" step of the cleaner: rejoin physical lines into paragraphs-to-be, across line-end hyphens,
blank lines and page breaks where a sentence runs on."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ..core import inline
from ..core.text import BULLET, NUMBERED, ends_sentence, hyphen_end, is_caps
from .draft import Block, Context, Draft, Line
from .lexicon import Lexicon

URL_BREAK = re.compile(r"(?:https?://|www\.)\S*[/-]$")
WORD = re.compile(r"[\w’'-]+")


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
        if current and _continues(current, line, gap, width):
            current.append(line)
        else:
            if current:
                blocks.append(_block(current, context))
            current = [line]
        gap = ""
    if current:
        blocks.append(_block(current, context))
    return replace(draft, blocks=tuple(blocks))


def _block(lines: list[Line], context: Context) -> Block:
    texts = [lines[0].text]
    for before, line in itertools.pairwise(lines):
        texts.append(line.text if line.begins_page is None else _mark_page(before.text, line.text, line.begins_page))
    return Block(join_lines(texts, context.lexicon), lines[0].no, lines[0].toc, lines[0].begins_page)


def _mark_page(before: str, text: str, page: int) -> str:
    """The line that begins page `page` inside a block, with the page's mark before its first word; when the
    line completes a word broken at the line end before it, before its second word, so the word is rejoined
    whole (and a footnote number glued to it still follows it)."""
    if not before.endswith(("-", "/")):
        return inline.page_mark(page) + text
    first, space, rest = text.partition(" ")
    return f"{first} {inline.page_mark(page)}{rest}" if space else text + inline.page_mark(page)


def _continues(current: list[Line], line: Line, gap: str, width: int) -> bool:
    """Whether `line` belongs to the block `current`, after a blank line or page break (`gap`) or none."""
    if gap:
        return _runs_on(current, line, gap == "page", width)
    return not _new_block(current[-1], line, width)


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
