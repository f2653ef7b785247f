"""Inline markup inside paragraph text, and its safe conversion to Markdown.

Cleaned text is plain text plus three kinds of private-use sentinels: emphasis,
strong emphasis and footnote references. Everything else in the text is shown
literally: `to_markdown` escapes what Markdown, HTML or attribute lists would
otherwise interpret.
"""

from __future__ import annotations

import re
from typing import Callable

EM = "\ue000"
STRONG = "\ue001"
FN_OPEN, FN_CLOSE = "\ue002", "\ue003"
FOOTNOTE_REF = re.compile(f"{FN_OPEN}(\\d+){FN_CLOSE}")
URL = re.compile(r"(?:https?://|www\.)[^\s<>«»“”\"]+[^\s<>«»“”\".,;:)]")
_ESCAPE = {c: "\\" + c for c in "\\`*_{}[]#"}
_ESCAPE.update({"<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;"})
_TABLE = str.maketrans(_ESCAPE)
_LINE_START = re.compile(r"^(\s*)(\d*)([-+.)])(?=\s|$)")


def footnote_ref(number: int) -> str:
    return f"{FN_OPEN}{number}{FN_CLOSE}"


def plain(text: str) -> str:
    """The text as a reader sees it, without markup or footnote references."""
    return FOOTNOTE_REF.sub("", text).replace(EM, "").replace(STRONG, "")


def escape(text: str) -> str:
    """Escape literal text so that Markdown shows it exactly as written."""
    return text.translate(_TABLE)


def to_markdown(text: str, footnote_label: Callable[[int], str], links: bool = False) -> str:
    """Markdown for `text`: escaped, with emphasis, footnote references and (optionally) URLs as links."""
    pattern = re.compile(f"{FN_OPEN}(\\d+){FN_CLOSE}|{EM}|{STRONG}" + (f"|{URL.pattern}" if links else ""))
    parts: list[str] = []
    pos = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[pos:match.start()]))
        parts.append(_markup(match, footnote_label))
        pos = match.end()
    parts.append(escape(text[pos:]))
    # A paragraph that starts like a list item ("1. ", "- ") must stay a paragraph.
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), "".join(parts).strip(), count=1)


def _markup(match: re.Match[str], footnote_label: Callable[[int], str]) -> str:
    token = match.group(0)
    if match.group(1):
        return f"[^{footnote_label(int(match.group(1)))}]"
    if token == EM:
        return "*"
    if token == STRONG:
        return "**"
    href = token if "://" in token else "https://" + token
    return f"[{escape(token)}](<{href}>)"
