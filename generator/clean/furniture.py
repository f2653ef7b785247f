"""The "furniture" step: page numbers and running headers and footers become page breaks."""

from __future__ import annotations

import re
from dataclasses import replace

from .draft import Context, Draft, Line

PAGE_NUMBER = re.compile(r"\d{1,3}")


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
