"""Link-preview images (og:image): a 1200×630 card per theme, theme-year, region, region-year, year and document
page, drawn at build time in the site's colours, in Dutch, with Roboto from the `font-roboto` package (no request
to any outside host). The same input gives the same bytes: no timestamps, no randomness.
"""

from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.inline import plain
from ..core.layout import PREVIEWS
from ..core.presidency import ADJECTIVES, COUNTRIES
from ..core.records import Document
from .facets import Facet
from .record import Site

if TYPE_CHECKING:  # Pillow is imported when the first image is drawn: a build with nothing to do needs none of it
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
INDIGO = (63, 81, 181)
"""Material's indigo, the header of every page."""
DARK_INDIGO = (40, 53, 147)
WHITE = (255, 255, 255)
PALE = (197, 202, 233)
TITLE_SIZES = (72, 60, 50, 42)
"""The title's font size: the largest at which it fits in four lines."""
MAX_LINES = 4


@dataclass(frozen=True)
class Card:
    """What one preview image says."""

    path: str
    """Below the docs folder, e.g. ``voorvertoning/themas/energie.png``."""
    kind: str
    """What the page is, above the title: "Thema", "Thema · 2026", "Partnerregio", "Voorzitterschap", or the
    document's kind."""
    title: str
    subtitle: str


def path_for(page_path: str) -> str:
    """The preview image of a page (``themas/energie.md`` → ``voorvertoning/themas/energie.png``)."""
    return f"{PREVIEWS}/{page_path.removesuffix('.md')}.png"


@functools.cache
def _font(weight: str, size: int) -> FreeTypeFont:
    from font_roboto import font_files  # type: ignore[import-untyped]
    from PIL import ImageFont
    return ImageFont.truetype(font_files[weight], size)


def draw(card: Card) -> bytes:
    """The card as PNG bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), INDIGO)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - 90, WIDTH, HEIGHT), fill=DARK_INDIGO)
    pen.text((MARGIN, HEIGHT - 62), "Benelux-voorzitterschappen", font=_font("RobotoMedium", 32), fill=WHITE)
    pen.text((MARGIN, MARGIN), card.kind.upper(), font=_font("RobotoMedium", 30), fill=PALE)
    size, lines = _fit(pen, card.title)
    y = MARGIN + 60
    for line in lines:
        pen.text((MARGIN, y), line, font=_font("RobotoBold", size), fill=WHITE)
        y += int(size * 1.18)
    if card.subtitle:
        pen.text((MARGIN, y + 18), _cut(pen, card.subtitle, _font("Roboto", 34)), font=_font("Roboto", 34), fill=PALE)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def _fit(pen: ImageDraw, title: str) -> tuple[int, list[str]]:
    """The largest title size at which the title wraps into MAX_LINES lines; at the smallest, the rest is cut."""
    for size in TITLE_SIZES:
        lines = _wrap(pen, title, _font("RobotoBold", size))
        if len(lines) <= MAX_LINES:
            return size, lines
    size = TITLE_SIZES[-1]
    lines = _wrap(pen, title, _font("RobotoBold", size))
    return size, [*lines[:MAX_LINES - 1], _cut(pen, " ".join(lines[MAX_LINES - 1:]), _font("RobotoBold", size))]


def _wrap(pen: ImageDraw, text: str, font: FreeTypeFont) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and pen.textlength(candidate, font=font) <= WIDTH - 2 * MARGIN:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _cut(pen: ImageDraw, text: str, font: FreeTypeFont) -> str:
    """The text, shortened with "…" to fit the width."""
    if pen.textlength(text, font=font) <= WIDTH - 2 * MARGIN:
        return text
    while text and pen.textlength(text + " …", font=font) > WIDTH - 2 * MARGIN:
        text = text.rsplit(" ", 1)[0] if " " in text else text[:-1]
    return text + " …"


MANIFEST = ".kaarten.json"
"""In the previews folder: what each image says, so that an unchanged card is not drawn again."""
VERSION = 1
"""Raise when the drawing changes: every card is drawn anew."""


def write_all(out: Path, cards: list[Card]) -> int:
    """Draw the cards whose text changed (or whose image is missing) into the docs folder `out`, and remove
    images no page has any more; return how many were drawn."""
    root = out / PREVIEWS
    manifest = root / MANIFEST
    try:
        known = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    except ValueError:
        known = {}
    wanted = {card.path for card in cards}
    now = {card.path: [VERSION, card.kind, card.title, card.subtitle] for card in cards}
    written = 0
    for card in cards:
        target = out / card.path
        if known.get(card.path) == now[card.path] and target.is_file():
            continue
        data = draw(card)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    root.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(now, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    for stale in sorted(root.rglob("*.png")) if root.is_dir() else []:
        if stale.relative_to(out).as_posix() not in wanted:
            stale.unlink()
    return written


def cards(site: Site) -> list[Card]:
    """A card per page of the model that has one: theme, region, their year pages, presidency year, document."""
    found: list[Card] = []
    for page in site.pages:
        subject = page.subject
        if not page.card:
            continue
        if isinstance(subject, Facet) and page.kind in ("theme", "region"):
            years = [year for year, _ in subject.years()]
            span = f"{min(years)}–{max(years)}" if len(years) > 1 else str(years[0]) if years else ""
            found.append(Card(path_for(page.src), KINDS[page.kind], subject.label,
                              f"{_count(len(subject.entries))} · {span}" if years else "Nog geen alinea's"))
        elif isinstance(subject, Facet) and page.year is not None:
            items = dict(subject.years())[page.year]
            country = ADJECTIVES[items[0].document.meta.country]
            found.append(Card(path_for(page.src), f"{KINDS[subject.kind]} · {page.year}", subject.label,
                              f"{country} voorzitterschap {page.year} · {_count(len(items))}"))
        elif isinstance(subject, Facet):
            documents = [d for d in site.documents if d.meta.year == int(subject.slug)]
            noun = "document" if len(documents) == 1 else "documenten"
            found.append(Card(path_for(page.src), "Voorzitterschap", f"{subject.slug}: {subject.presiding}",
                              f"{len(documents)} {noun} · {_count(len(subject.entries))}"))
        elif isinstance(subject, Document):
            found.append(Card(path_for(page.src), subject.meta.kind.label, plain(subject.meta.title),
                              f"Voorzitterschap {subject.meta.year} · {COUNTRIES[subject.meta.country]}"))
    return found


KINDS = {"theme": "Thema", "region": "Partnerregio"}


def _count(n: int) -> str:
    return f"{n} alinea" if n == 1 else f"{n} alinea's"
