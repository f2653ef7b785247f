"""Golden files: one generated page of each template, and one feed, exactly as they were reviewed.

They are rendered from a small corpus made for them (tests/fixtures/golden-corpus/, two short texts written for
the test), not from raw/: adding or correcting a document of the archive leaves them as they are.

After a deliberate change to a template or to what a page shows, regenerate them and review the diff:

    .venv/bin/python -m pytest tests/test_golden.py --regen-golden
    git diff tests/golden/
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers import ROOT

from generator.analyse.corpus import analyse
from generator.site import render

GOLDEN = Path(__file__).resolve().parent / "golden"
URL = "https://benelux-voorzitterschappen.example.org/"
PAGES = {
    "home.md": "index.md",
    "facet_index.md": "themas/index.md",
    "facet_index-regios.md": "regios/index.md",
    "year_index.md": "jaren/index.md",
    "document_index.md": "documenten/index.md",
    "facet.md": "themas/energie.md",
    "facet-regio.md": "regios/noordrijn-westfalen.md",
    "facet_year.md": "themas/energie/2025.md",
    "year.md": "jaren/2025.md",
    "document.md": "documenten/2026-nl-prioriteitenbrief.md",
    "redirect.md": "themas/energievoorziening.md",
    "search.md": "zoeken/index.md",
    "about.md": "over/index.md",
    "follow.md": "volgen/themas/energie.md",
    "follow-alles.md": "volgen/index.md",
    "feed.xml": "feeds/themas/energie.xml",
    "feed-alles.xml": "feeds/alles.xml",
}
"""Golden file → the generated file it holds."""


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Every generated file, with one theme given an old slug so that the redirect template is used too."""
    corpus = analyse(raw_dir=Path(__file__).resolve().parent / "fixtures" / "golden-corpus",
                     vocabulary_dir=ROOT / "vocabulary")
    themes = tuple(replace(t, aliases=("energievoorziening",)) if t.slug == "energie" else t for t in corpus.themes)
    return render.render_site(replace(corpus, themes=themes), ROOT / "templates", site_url=URL)


@pytest.mark.parametrize("golden, path", PAGES.items())
def test_a_generated_file_equals_its_golden_file(pages: dict[str, str], golden: str, path: str,
                                                  request: pytest.FixtureRequest) -> None:
    expected = GOLDEN / golden
    if request.config.getoption("--regen-golden"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(pages[path], encoding="utf-8")
        print(f"regenerated {expected.relative_to(ROOT)} from {path}: review `git diff tests/golden/`")
    assert expected.is_file(), f"no golden file {expected.name}: run pytest with --regen-golden and review it"
    assert pages[path] == expected.read_text(encoding="utf-8"), \
        f"{path} differs from tests/golden/{golden}; if the change is deliberate, regenerate with --regen-golden"


def test_every_template_has_a_golden_file() -> None:
    used = {name.split(".")[0].split("-")[0] for name in PAGES}
    templates = {p.name.split(".")[0] for p in (ROOT / "templates").glob("*.j2") if not p.name.startswith("_")}
    assert templates <= used
