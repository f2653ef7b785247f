"""The "furniture" step: page numbers and running headers and footers become page breaks.

Running headers and footers are those the front matter declares (`furniture`) and those found in the text itself
(`detected`), so a file dropped in raw/ without a list is cleaned the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .draft import Context, Draft, Line

PAGE_NUMBER = re.compile(r"\d{1,3}")
PARLIAMENTARY_PAPER = re.compile(r"(Eerste|Tweede) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, \d[\d ]*\d, "
                                 r"([A-Z]{1,3}|nr\. ?\d+)(?: ?(?P<page>\d+))?")
"""The running header of a Dutch parliamentary paper ("Eerste Kamer, vergaderjaar 2020–2021, 31 585, H 3")."""
MAX_LINES = 3
"""A running header or footer takes at most this many lines."""
MIN_WORDS, MAX_WORDS = 2, 10
REPEATS = 2
"""A line that recurs word for word at page boundaries this many times is a running header or footer."""
SENTENCE_END = re.compile(r"[.!?:;,]$")


def drop_furniture(draft: Draft, context: Context) -> Draft:
    """Replace bare page numbers and running headers/footers by page-break lines."""
    lines = list(draft.lines)
    declared = [re.compile(p) for p in context.furniture]
    running = detected(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        span = _furniture_span(lines, i, declared) or _detected_span(lines, i, running)
        if span:
            out.append(Line(lines[i].no, "", "page", page_start=lines[i].page_start,
                            number=_page_number(lines, i, span)))
            i += span
            continue
        out.append(lines[i])
        i += 1
    return replace(draft, lines=tuple(out), kept=tuple(out))


def _furniture_span(lines: list[Line], i: int, patterns: list[re.Pattern[str]]) -> int:
    """How many lines from `i` on form one piece of declared furniture or a page number (0 if none)."""
    if lines[i].kind != "text":
        return 0
    if PAGE_NUMBER.fullmatch(lines[i].text) and not lines[i].toc:
        return 1
    joined = ""
    for span in range(min(MAX_LINES, len(lines) - i) if patterns else 0):
        line = lines[i + span]
        if line.kind != "text":
            break
        joined = f"{joined} {line.text}" if span else line.text
        if any(p.fullmatch(joined) for p in patterns):
            return span + 1
    return 0


def _detected_span(lines: list[Line], i: int, running: frozenset[str]) -> int:
    """How many lines from `i` on form a running header or footer found in the text: one of `running` at a page
    boundary, or a parliamentary paper's header standing alone (0 if none). Elsewhere the same words are text."""
    for span in range(1, MAX_LINES + 1):
        group = _group(lines, i, span)
        if group is None:
            return 0
        if group in running and _at_page_boundary(lines, i, span):
            return span
        if PARLIAMENTARY_PAPER.fullmatch(group) and _standalone(lines, i, span):
            return span
    return 0


def detected(lines: list[Line]) -> frozenset[str]:
    """Running headers and footers found in the text: a short line (or two or three read together) that recurs,
    word for word, at page boundaries. Numbers must match too: "Bijlage 1" and "Bijlage 2" at the top of two
    pages are headings, not a running header."""
    counts: Counter[str] = Counter()
    for i in range(len(lines)):
        for span in range(1, MAX_LINES + 1):
            group = _group(lines, i, span)
            if group is None:
                break
            if _at_page_boundary(lines, i, span) and _looks_like_furniture(group):
                counts[group] += 1
    return frozenset(group for group, count in counts.items() if count >= REPEATS)


def _group(lines: list[Line], i: int, span: int) -> str | None:
    """The text of `span` text lines from `i` on, read together; None if they are not all text lines."""
    group = lines[i:i + span]
    if len(group) < span or any(line.kind != "text" or line.toc for line in group):
        return None
    return " ".join(line.text for line in group)


def _at_page_boundary(lines: list[Line], i: int, span: int) -> bool:
    """Does the group start a page (the extraction indents a page's first line, or a page number precedes it)
    and stand alone (an empty line or the end follows)?"""
    after = lines[i + span] if i + span < len(lines) else None
    if after is not None and after.kind == "text":
        return False
    if lines[i].page_start:
        return True
    j = i - 1
    while j >= 0 and lines[j].kind != "text":
        j -= 1
    return j >= 0 and bool(PAGE_NUMBER.fullmatch(lines[j].text))


def _standalone(lines: list[Line], i: int, span: int) -> bool:
    """Is the group a block of its own: no text line right before or after it?"""
    before = lines[i - 1] if i else None
    after = lines[i + span] if i + span < len(lines) else None
    return (before is None or before.kind != "text") and (after is None or after.kind != "text")


def _page_number(lines: list[Line], i: int, span: int) -> int | None:
    """The page number a piece of furniture prints: a bare number, or the last of a parliamentary paper's header."""
    text = " ".join(line.text for line in lines[i:i + span])
    if PAGE_NUMBER.fullmatch(text):
        return int(text)
    paper = PARLIAMENTARY_PAPER.fullmatch(text)
    return int(paper["page"]) if paper and paper["page"] else None


def _looks_like_furniture(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS and not SENTENCE_END.search(text)
