"""Prove that no text is lost or duplicated between a raw body and its document page.

Both sides become a stream of lower-case letters and digits. The raw side is every
line the cleaner keeps (page furniture aside); the page side is every heading,
paragraph and list item in order, with footnotes where the raw text has them: a
footnote in the raw text is a block of whole lines starting with its number. The
streams must match exactly; the figure is the share of raw characters accounted for.
"""

from __future__ import annotations

import bisect
import os
import re

from ..clean.draft import Context, Line
from ..clean.furniture import drop_furniture
from ..clean.lines import split_lines
from ..core import inline
from ..core.records import Conservation, Document, RawDocument

NOT_TEXT = re.compile(r"[\W_]+")


def stream(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():  # most lines: a byte table drops the same characters much faster
        return lowered.encode("ascii").translate(None, _ASCII_NOT_TEXT).decode("ascii")
    return NOT_TEXT.sub("", lowered)


_ASCII_NOT_TEXT = bytes(c for c in range(128) if not chr(c).isalnum())


def check(raw: RawDocument, doc: Document, kept: tuple[Line, ...] = ()) -> Conservation:
    """Compare the page side of `doc` with the raw lines that the furniture step keeps (`kept`, when the
    cleaner has them already)."""
    lines = kept or drop_furniture(split_lines(raw.body, raw.first_line), Context(raw.meta.furniture)).lines
    starts, raw_text, numbers = [], "", []
    for line in lines:
        if line.kind == "text":
            starts.append(len(raw_text))
            numbers.append(line.no)
            raw_text += stream(line.text)
    body = "".join(map(stream, _page_parts(doc)))  # per part: most parts are ASCII, streamed fast
    notes = [stream(f"{n.number} {inline.plain(n.text)}") for n in doc.footnotes]
    i = j = 0
    for note in notes:
        at = _note_start(raw_text, note, starts, i)
        if at is None:
            break
        same = _common(raw_text, i, at, body, j)
        if same < at - i:
            i, j = i + same, j + same
            break
        i, j = at + len(note), j + (at - i)
    else:
        same = _common(raw_text, i, len(raw_text), body, j)
        i, j = i + same, j + same
        if i == len(raw_text) and j == len(body):
            return Conservation(doc.slug, len(raw_text), len(raw_text), None)
    first_difference = numbers[max(n for n, s in enumerate(starts) if s <= i)] if starts else None
    return Conservation(doc.slug, len(raw_text), i, first_difference, raw_text[i:i + 40], body[j:j + 40])


def _note_start(raw: str, note: str, starts: list[int], after: int) -> int | None:
    """The first line start at or after `after` where the footnote's text begins."""
    for start in starts[bisect.bisect_left(starts, after):]:
        if note and raw.startswith(note, start):
            return start
    return None


def _common(raw: str, start: int, end: int, body: str, at: int) -> int:
    """How many characters of raw[start:end] equal body from `at` on."""
    length = end - start
    if raw[start:end] == body[at:at + length]:
        return length
    return len(os.path.commonprefix([raw[start:end], body[at:at + length]]))  # noqa: RUF071 (strings, not paths)


def _page_parts(doc: Document) -> list[str]:
    """The text a document page shows, in order; footnote references as their numbers."""
    parts = [_with_refs(s.title) for s in doc.cover if s.title]  # the cover, shown as the page's title
    for section in doc.sections:
        if section.title:
            parts.append(_with_refs(section.title))
        for paragraph in section.paragraphs:
            parts.append(f"{paragraph.number or ''}{_with_refs(paragraph.text)}")
    return parts


def _with_refs(text: str) -> str:
    return inline.plain(inline.FOOTNOTE_REF.sub(lambda m: m.group(1), text))
