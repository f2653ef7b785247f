"""Page markers on the built document pages, checked against the page numbers printed in the raw texts."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from helpers import ROOT

MARKER = re.compile(r'<span class="pagina" data-pagina="(\d+)"></span>')
PRINTED = re.compile(r"^\s*(\d{1,3})\s*$|^(?:Eerste|Tweede) Kamer, vergaderjaar .*, H (\d+)\s*$")
"""A page number as the raw texts print it: a bare number, or at the end of a parliamentary paper's footer."""
TEXTS = sorted(p.stem for p in (ROOT / "raw").glob("*.txt"))


def body_stream(built: Path, slug: str) -> str:
    """The document page's running text (without its footnotes), with the page markers as ⟦n⟧."""
    page = (built / "site" / "documenten" / slug / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    article = article.split('<div class="footnote">', 1)[0]
    text = MARKER.sub(lambda m: f" ⟦{m[1]}⟧ ", article)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def page_at(stream: str, position: int) -> int | None:
    marks = [int(m[1]) for m in re.finditer(r"⟦(\d+)⟧", stream[:position])]
    return marks[-1] if marks else None


def phrase(line: str) -> str | None:
    """A raw line's words as they stand in the page: without a word broken at its end; None if too short."""
    words = line.split()
    if words and words[-1].endswith("-"):
        words = words[:-1]
    return " ".join(words) if len(" ".join(words)) >= 12 else None


def printed_numbers(slug: str) -> list[tuple[int, int]]:
    """(line index, page number) of each page number printed in the raw body."""
    lines = (ROOT / "raw" / f"{slug}.txt").read_text(encoding="utf-8").split("\n")
    body = lines.index("---", 1) + 1
    return [(i, int(m[1] or m[2])) for i, line in enumerate(lines) if i >= body and (m := PRINTED.match(line))]


def nearest_text(slug: str, start: int, step: int, stream: str) -> int | None:
    """The position in the page of the nearest raw line from `start` on (in direction `step`) found in it;
    lines not in the running text (blank lines, footnotes, running headers) are passed over."""
    lines = (ROOT / "raw" / f"{slug}.txt").read_text(encoding="utf-8").split("\n")
    i = start + step
    while 0 <= i < len(lines):
        words = phrase(lines[i])
        if words and stream.count(words) == 1:
            return stream.index(words)
        i += step
    return None


@pytest.mark.parametrize("slug", TEXTS)
def test_page_markers_agree_with_the_printed_page_numbers(built: Path, slug: str) -> None:
    """Where a text prints page numbers, the text before a number at the foot of page n is on page n and the text
    after it on page n + 1; markers count 1, 2, 3… in order. A text without printed numbers has no markers."""
    stream = body_stream(built, slug)
    marks = [int(m) for m in re.findall(r"⟦(\d+)⟧", stream)]
    numbers = printed_numbers(slug)
    if not numbers:
        assert marks == [], "no page is invented for a text that prints no page numbers"
        return
    assert marks == list(range(1, len(marks) + 1)) and len(marks) >= 2
    for index, number in numbers:
        before, after = nearest_text(slug, index, -1, stream), nearest_text(slug, index, 1, stream)
        assert before is not None and page_at(stream, before) == number, (slug, number, "before")
        if after is not None:  # the last page number may end the text
            assert page_at(stream, after) == number + 1, (slug, number, "after")


def test_two_texts_print_their_page_numbers() -> None:
    """The check above covers three printed numbers in two texts; the others print none (so get no pages)."""
    assert {slug: [n for _, n in printed_numbers(slug)] for slug in TEXTS if printed_numbers(slug)} == {
        "2020-nl-resultatenbrief": [3], "2026-nl-prioriteitenbrief": [3, 8]}
