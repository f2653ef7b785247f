"""Inline markup inside paragraph text, and its safe conversion to Markdown.

Cleaned text is plain text plus four kinds of private-use sentinels: emphasis, strong emphasis, footnote
references and the places where a page of the original begins. Everything else in the text is shown literally:
`to_markdown` escapes what Markdown, HTML or attribute lists would otherwise interpret.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

SENTINELS = re.compile("[\ue000-\ue0ff]")
"""The private-use range kept for markup: raw text loses any character in it when it is read."""
EM = "\ue000"
STRONG = "\ue001"
FN_OPEN, FN_CLOSE = "\ue002", "\ue003"
FOOTNOTE_REF = re.compile(f"{FN_OPEN}(\\d+){FN_CLOSE}")
PAGE_OPEN, PAGE_CLOSE = "\ue004", "\ue005"
PAGE_MARK = re.compile(f"{PAGE_OPEN}(\\d+){PAGE_CLOSE}")
"""Where page N of the original begins, inside a paragraph: an invisible marker on the page."""
URL = re.compile(r"(?:https?://|(?i:www)\.)[^\s<>«»“”\"\ue000-\ue0ff]+[^\s<>«»“”\".,;:)\ue000-\ue0ff]"
                 r"|\b[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?i:eu|int|nl|be|lu|org|com|net|de|fr)\b"
                 r"(?:/[^\s<>«»“”\"\ue000-\ue0ff]*[^\s<>«»“”\".,;:)\ue000-\ue0ff])?")
"""An address in running text; it never takes in a sentinel (a page mark right after it). The source may
write it in capitals ("WWW.BENELUX.INT") or as a bare host name ("Benelux.int")."""
SECTION_REF = re.compile(r"§\s?(\d+(?:\.\d+)*)((?:\s+en\s+\d+(?:\.\d+)+)*)")
SUPERSCRIPT = re.compile(r"(?<=\d)\^([a-z]{1,3})\b")
XRef = Callable[[str], "str | None"]
_ESCAPE = {c: "\\" + c for c in "\\`*_{}[]#"}
_ESCAPE.update({"<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;"})
_TABLE = str.maketrans(_ESCAPE)
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPE)) + "]")
_MARKUP_SIGN = re.compile(f"[{EM}{STRONG}{FN_OPEN}{PAGE_OPEN}^§]")
"""Every markup kind without links starts with one of these characters."""
_LINE_START = re.compile(r"^(\s*)(\d*)([-+.)])(?=\s|$)")


def footnote_ref(number: int) -> str:
    return f"{FN_OPEN}{number}{FN_CLOSE}"


def page_mark(page: int) -> str:
    return f"{PAGE_OPEN}{page}{PAGE_CLOSE}"


def page_marker(page: int) -> str:
    """The invisible marker of where page `page` of the original begins (read by the "Citeer" buttons)."""
    return f'<span class="pagina" data-pagina="{page}"></span>'


def plain(text: str) -> str:
    """The text as a reader sees it, without markup, footnote references or page marks."""
    bare = FOOTNOTE_REF.sub("", text) if FN_OPEN in text else text
    bare = PAGE_MARK.sub("", bare) if PAGE_OPEN in bare else bare
    return bare.replace(EM, "").replace(STRONG, "")


def escape(text: str) -> str:
    """Escape literal text so that Markdown shows it exactly as written."""
    return text.translate(_TABLE) if _SPECIAL.search(text) else text  # most text has nothing to escape


KAMERSTUK = re.compile(r"Kamerstuk(?:ken)? \d{2} ?\d{3}(?: [A-Z]{1,4})?, nr\. ?\d+")
"""A reference to a parliamentary paper ("Kamerstuk 35 300 V, nr. 62"): dossier, sub-number, number."""


def kamerstuk_url(reference: str) -> str:
    """The paper's address on officielebekendmakingen.nl: ``Kamerstuk 35 300 V, nr. 62`` → ``…/kst-35300-V-62.html``."""
    match = re.fullmatch(r"Kamerstuk(?:ken)? (\d{2}) ?(\d{3})(?: ([A-Z]{1,4}))?, nr\. ?(\d+)", reference)
    assert match is not None, reference
    dossier, part, number = match[1] + match[2], match[3], match[4]
    return f"https://zoek.officielebekendmakingen.nl/kst-{dossier}{'-' + part if part else ''}-{number}.html"


def to_markdown(text: str, footnote_label: Callable[[int], str], links: bool = False, xref: XRef | None = None) -> str:
    """Markdown for `text`: escaped, with emphasis, footnote references, superscripts, and optionally
    URLs and § cross-references as links (`xref` maps a section number to a link target)."""
    if PAGE_OPEN in text and (links or xref is not None):
        text = _marks_after_references(text)
    if links or _MARKUP_SIGN.search(text):
        pattern = _markup_pattern(links, xref is not None)
        parts: list[str] = []
        pos = 0
        for match in pattern.finditer(text):
            parts.append(escape(text[pos:match.start()]))
            parts.append(_markup(match, footnote_label, xref))
            pos = match.end()
        parts.append(escape(text[pos:]))
        markdown = "".join(parts).strip()
    else:  # most paragraphs: nothing but text
        markdown = escape(text).strip()
    # A paragraph that starts like a list item ("1. ", "- ") must stay a paragraph.
    start = _LINE_START.match(markdown)
    return f"{start[1]}{start[2]}\\{markdown[start.end(2):]}" if start else markdown


def _marks_after_references(text: str) -> str:
    """Page marks that fall inside an address, a Kamerstuk or a § reference (a page break in the middle of
    it) move to just after it, so that the reference is still found and linked."""
    marks: list[tuple[int, str]] = []
    bare_parts: list[str] = []
    pos = 0
    for match in PAGE_MARK.finditer(text):
        bare_parts.append(text[pos:match.start()])
        marks.append((sum(map(len, bare_parts)), match.group(0)))
        pos = match.end()
    bare = "".join(bare_parts) + text[pos:]
    spans = [m.span() for pattern in (URL, KAMERSTUK, SECTION_REF) for m in pattern.finditer(bare)]
    placed = sorted((next((end for start, end in spans if start < at < end), at), mark) for at, mark in marks)
    out, pos = [], 0
    for at, mark in placed:
        out += [bare[pos:at], mark]
        pos = at
    return "".join(out) + bare[pos:]


@functools.lru_cache(maxsize=4)
def _markup_pattern(links: bool, refs: bool) -> re.Pattern[str]:
    kinds = [f"{FN_OPEN}(?P<note>\\d+){FN_CLOSE}", f"{PAGE_OPEN}(?P<page>\\d+){PAGE_CLOSE}", EM, STRONG,
             f"(?P<sup>{SUPERSCRIPT.pattern})"]
    kinds += [f"(?P<url>{URL.pattern})", f"(?P<kst>{KAMERSTUK.pattern})"] if links else []
    kinds += [f"(?P<ref>{SECTION_REF.pattern})"] if refs else []
    return re.compile("|".join(kinds))


def _markup(match: re.Match[str], footnote_label: Callable[[int], str], xref: XRef | None) -> str:
    token = match.group(0)
    if match.group("note"):
        return f"[^{footnote_label(int(match.group('note')))}]"
    if match.group("page"):
        return page_marker(int(match.group("page")))
    if token in (EM, STRONG):
        return "*" if token == EM else "**"
    if match.group("sup"):
        return f"<sup>{token[1:]}</sup>"
    if match.groupdict().get("url"):
        if "://" in token:
            return f"[{escape(token)}](<{token}>)"
        # A host name without scheme ("Benelux.int", "WWW.BENELUX.INT") is shown as addresses are written: in
        # lower case, which host names ignore. A path after it may be case-sensitive and is kept as it is.
        host, slash, path = token.partition("/")
        shown = host.lower() + slash + path
        return f"[{escape(shown)}](<https://{shown}>)"
    if match.groupdict().get("kst"):
        return f"[{escape(token)}](<{kamerstuk_url(token)}>)"
    return _section_links(token, xref)


def _section_links(token: str, xref: XRef | None) -> str:
    """``§ 3.3 en 3.4`` → a link per section number that exists in the document."""
    out = []
    for piece in re.split(r"(\d+(?:\.\d+)*)", token):
        target = xref(piece) if xref and piece[:1].isdigit() else None
        out.append(f"[{piece}]({target})" if target else escape(piece))
    return "".join(out)
