"""Footnotes: lift footnote blocks out of the page flow and link each to its glued marker ("toe.1")."""

from __future__ import annotations

import re
from dataclasses import replace

from ..core import inline
from ..core.records import Footnote
from .blocks import join_lines
from .draft import Context, Draft, Line

FOOTNOTE_START = re.compile(r"(\d{1,2}) +(\S.*)")


def split_footnotes(draft: Draft, context: Context) -> Draft:
    """Lift footnote blocks out of the body; a footnote needs its marker glued to a word before it."""
    lines = list(draft.lines)
    out: list[Line] = []
    notes: list[Footnote] = []
    body = ""
    marker_at = 0
    i = 0
    carried: int | None = None  # a page that began on a line lifted out with a footnote
    while i < len(lines):
        line = lines[i]
        start = FOOTNOTE_START.fullmatch(line.text) if line.kind == "text" else None
        after_gap = not out or out[-1].kind != "text"
        number = len(notes) + 1
        if (start and after_gap and int(start.group(1)) == number
                and _marker(body, number, marker_at) is not None):
            first = i
            block, i, marker_at = _footnote_block(lines, i, number, body, marker_at)
            notes += block
            carried = max((x.begins_page for x in lines[first:i] if x.begins_page), default=carried)
            out.append(Line(line.no, "", "page"))
            continue
        if carried and line.kind == "text":
            line = line if line.begins_page else replace(line, begins_page=carried)
            carried = None
        out.append(line)
        if line.kind == "text":
            body += line.text + "\n"
        i += 1
    return replace(draft, lines=tuple(out), footnotes=tuple(notes))


def _marker(body: str, number: int, start: int) -> int | None:
    """Where footnote `number`'s marker ends in `body`, searching from `start`."""
    match = re.compile(rf"(?<=[^\s\d]){number}(?=[\s.,;:)»”’{inline.PAGE_OPEN}]|$)").search(body, start)
    return match.end() if match else None


def _footnote_block(lines: list[Line], i: int, number: int, body: str,
                    marker_at: int) -> tuple[list[Footnote], int, int]:
    """Read consecutive footnotes from line `i`; return them, the index after the block and the last marker's end."""
    notes: list[tuple[int, int, list[str]]] = []
    j = i
    while j < len(lines):
        line = lines[j]
        if line.kind == "page" or (line.kind == "text" and line.page_start and j > i):
            break
        if line.kind == "blank":
            k = next((k for k in range(j, len(lines)) if lines[k].kind != "blank"), len(lines))
            if k < len(lines) and _continues_note(lines[k], number + len(notes)):
                j = k
                continue
            break
        start = FOOTNOTE_START.fullmatch(line.text)
        expected = number + len(notes)
        found = _marker(body, expected, marker_at) if start and int(start.group(1)) == expected else None
        if start and found is not None:
            marker_at = found
            notes.append((expected, line.no, [start.group(2)]))
        else:
            notes[-1][2].append(line.text)
        j += 1
    return [Footnote(n, join_lines(parts, None), no) for n, no, parts in notes], j, marker_at


def _continues_note(line: Line, next_number: int) -> bool:
    if line.kind != "text" or line.page_start:
        return False
    start = FOOTNOTE_START.fullmatch(line.text)
    return line.text[:1].islower() or bool(start and int(start.group(1)) == next_number)


def attach_markers(draft: Draft, context: Context) -> Draft:
    """Turn each footnote's glued marker (``toe.1``, ``(NSEC),6``) into a footnote reference."""
    blocks = list(draft.blocks)
    at_block, at_char = 0, 0
    for note in draft.footnotes:
        pattern = re.compile(rf"(?<=[^\s\d]){note.number}(?=[\s.,;:)»”’{inline.PAGE_OPEN}]|$)")
        for b in range(at_block, len(blocks)):
            match = pattern.search(blocks[b].text, at_char if b == at_block else 0)
            if match:
                ref = inline.footnote_ref(note.number)
                text = blocks[b].text
                blocks[b] = replace(blocks[b], text=text[:match.start()] + ref + text[match.end():])
                at_block, at_char = b, match.start() + len(ref)
                break
    return replace(draft, blocks=tuple(blocks))
