"""Link-preview images: a 1200×630 card per theme, theme-year, region, region-year, year and document page, drawn
at build time with a packaged font, the same bytes on every build."""

from __future__ import annotations

import io
from pathlib import Path

from helpers import ROOT, generate
from PIL import Image

from generator.core.records import Corpus
from generator.site import facets, images


def _expected(corpus: Corpus) -> set[str]:
    themes = facets.by_term(corpus, "theme", corpus.themes)
    regions = [r for r in facets.by_term(corpus, "region", corpus.regions) if r.entries]
    pages = {f.path for f in themes + regions} | {f.path for f in facets.by_year(corpus)}
    pages |= {f"{f.folder}/{f.slug}/{year}.md" for f in themes + regions for year, _ in f.years()}
    pages |= {f"documenten/{d.slug}.md" for d in corpus.documents}
    return {images.path_for(p) for p in pages}


def test_every_theme_region_year_and_document_page_has_its_preview_image(built: Path, corpus: Corpus) -> None:
    expected = _expected(corpus)
    assert len(expected) > 100
    made = {p.relative_to(built / "site").as_posix() for p in (built / "site" / "voorvertoning").rglob("*.png")}
    assert made == expected
    for name in sorted(expected)[::10]:
        with Image.open(built / "site" / name) as image:
            assert image.size == (1200, 630) and image.format == "PNG"
    page = (built / "site_src" / "themas" / "energie" / "2026.md").read_text(encoding="utf-8")
    assert 'image: "voorvertoning/themas/energie/2026.png"' in page


def test_two_builds_draw_identical_images(tmp_path: Path) -> None:
    for out in ("one", "two"):
        assert generate(ROOT / "raw", tmp_path / out).returncode == 0
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one" / "voorvertoning").rglob("*.png")}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two" / "voorvertoning").rglob("*.png")}
    assert one and one == two


def test_the_font_has_dutch_letters_and_the_dash() -> None:
    """Pillow's built-in font has no "ë" or "—"; the packaged Roboto has both (not its missing-glyph box)."""
    font = images._font("RobotoBold", 60)
    missing = bytes(font.getmask("\U000f0000"))
    for letter in "ëé—’":
        assert bytes(font.getmask(letter)) != missing, letter
    assert font.getbbox("ë")[1] < font.getbbox("e")[1], "the diaeresis stands above the e"
    card = images.draw(images.Card("x.png", "Partnerregio · 2027", "België — Financiële samenwerking",
                                   "Belgisch voorzitterschap 2027 · 3 alinea's"))
    with Image.open(io.BytesIO(card)) as image:
        assert image.size == (1200, 630)
        assert len(image.convert("RGB").getcolors(2**16) or []) > 50, "text was drawn, antialiased"
