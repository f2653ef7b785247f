"""Recover a document's structure: headings, paragraphs, list items, stable ids."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from ..clean.draft import Block
from ..core.dates import MONTHS
from ..core.inline import PAGE_MARK, page_mark, plain
from ..core.records import Paragraph, ParagraphKind, Section
from ..core.text import BULLET, HEADING_NUMBER, ITEM_NUMBER, ends_sentence, is_caps, slugify

DATELINE = re.compile(rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}\b")
MAX_TITLE_WORDS = 12


@dataclass(frozen=True)
class Item:
    """A block with its role decided."""

    role: ParagraphKind | Literal["heading"]
    text: str
    line: int
    number: str | None = None
    """Heading number ("1.1.", "a.") or list item number."""
    style: Literal["", "numbered", "caps", "label", "title"] = ""
    """How a heading is recognised ("" for paragraphs)."""


def segment(blocks: tuple[Block, ...]) -> tuple[Section, ...]:
    """Group blocks into sections with levels and stable ids."""
    items = roles(blocks)
    return build_sections(items)


def roles(blocks: tuple[Block, ...]) -> list[Item]:
    items: list[Item] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        item = _role(block, following, items[-1] if items else None)
        # A page that begins with this block: its mark goes before the text, once the role is read from it.
        items.append(replace(item, text=page_mark(block.page) + item.text) if block.page else item)
    return items


def _role(block: Block, following: Block | None, previous: Item | None) -> Item:
    text, line = block.text, block.line
    if block.toc:
        return Item("toc", text, line)
    if BULLET.match(text):
        return Item("li", BULLET.sub("", text, count=1), line)
    item = ITEM_NUMBER.fullmatch(text)
    if item and _is_list_item(item, following, previous):
        return Item("ol", item.group(2), line, item.group(1))
    words = plain(text).split()
    numbered = HEADING_NUMBER.fullmatch(text)
    if numbered and not ends_sentence(text) and len(words) <= 2 * MAX_TITLE_WORDS:
        return Item("heading", numbered.group(2), line, numbered.group(1), "numbered")
    if is_caps(plain(text)) and len(words) <= 2 * MAX_TITLE_WORDS:
        return Item("heading", text, line, style="caps")
    next_is_item = following is not None and bool(BULLET.match(following.text))
    if text.endswith(":") and len(words) <= 8 and next_is_item:
        return Item("heading", text[:-1].strip(), line, style="label")
    if _is_title(text, words, following):
        return Item("heading", text, line, style="title")
    return Item("p", text, line)


def _is_list_item(item: re.Match[str], following: Block | None, previous: Item | None) -> bool:
    """``1. het Comité …`` and runs of numbered lines are list items, not headings."""
    if item.group(2)[:1].islower():
        return True
    number = int(item.group(1))
    next_number = following and ITEM_NUMBER.fullmatch(following.text)
    if next_number and int(next_number.group(1)) == number + 1:
        return True
    return previous is not None and previous.role == "ol" and previous.number == str(number - 1)


def _is_title(text: str, words: list[str], following: Block | None) -> bool:
    """A short line without closing punctuation, followed by running text, is a title."""
    if not words or len(words) > MAX_TITLE_WORDS or following is None:
        return False
    if ends_sentence(text) or text.endswith(",") or DATELINE.search(text):
        return False
    if not (text[0].isupper() or text[0] == "*"):
        return False
    next_words = len(plain(following.text).split())
    label_next = len(words) <= 2 and following.text.endswith(":")
    return following.toc or bool(BULLET.match(following.text)) or next_words >= 12 or label_next


def build_sections(items: list[Item]) -> tuple[Section, ...]:
    sections: list[Section] = []
    used: set[str] = set()
    stack: list[tuple[int, str]] = []  # (level, title) of open headings
    structural = 0  # level of the last numbered or all-caps heading
    numbered_seen = False
    chapter = ""  # number of the last top-level numbered heading
    current = Section(id="begin", title=None, level=2, line=items[0].line if items else 1)
    used.add("begin")
    paragraphs: list[Paragraph] = []
    for item in items:
        if item.role != "heading":
            item_number = int(item.number) if item.role == "ol" and item.number else None
            paragraphs.append(Paragraph(id=f"{current.id}-p{len(paragraphs) + 1}", kind=item.role,
                                        text=item.text, line=item.line, number=item_number))
            continue
        if paragraphs or current.title is not None:
            sections.append(replace(current, paragraphs=tuple(paragraphs)))
        paragraphs = []
        level = _level(item, structural, numbered_seen)
        if item.style in ("numbered", "caps"):
            structural = level
        numbered_seen = numbered_seen or item.style == "numbered"
        if item.style == "numbered" and item.number and item.number[0].isdigit() and item.number.count(".") == 1:
            chapter = item.number.rstrip(".")
        while stack and stack[-1][0] >= level:
            stack.pop()
        mark = PAGE_MARK.match(item.text)  # a page that begins with the heading: its mark goes first
        text = item.text[mark.end():] if mark else item.text
        title = (mark.group(0) if mark else "") + (f"{item.number} {text}" if item.number else text)
        section_number = item.number.rstrip(".") if item.style == "numbered" and item.number else None
        current = Section(id=_section_id(item, chapter, used), title=title, level=level, line=item.line,
                          trail=tuple(t for _, t in stack), number=section_number)
        stack.append((level, title))
    sections.append(replace(current, paragraphs=tuple(paragraphs)))
    return tuple(sections)


def _level(item: Item, structural: int, numbered_seen: bool) -> int:
    if item.style == "numbered" and item.number:
        depth = 1 if item.number[0].isalpha() else item.number.rstrip(".").count(".")
        return min(2 + depth, 4)
    if item.style == "caps":
        return 3 if numbered_seen else 2
    return min(structural + 1, 5) if structural else 2


def _section_id(item: Item, chapter: str, used: set[str]) -> str:
    candidates = []
    if item.style == "numbered" and item.number:
        number = item.number.rstrip(".").replace(".", "-")
        candidates.append("h-" + (chapter + number if number.isalpha() else number))
    candidates.append("h-" + slugify(plain(item.text)))
    for candidate in candidates:
        if candidate not in used:
            used.add(candidate)
            return candidate
    base, n = candidates[-1], 2
    while f"{base}-{n}" in used:
        n += 1
    used.add(f"{base}-{n}")
    return f"{base}-{n}"
