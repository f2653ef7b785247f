"""A theme read across the years (issue 23): the theme page as a reader's dossier, a breadcrumb, and the previous
and next year on every theme-year page; at laptop and phone widths, by keyboard, and printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium_missing
from test_accessibility import printed

from generator.core.records import Corpus
from generator.site import contexts, describe, facets

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)


def _theme(corpus: Corpus) -> facets.Facet:
    """The theme found in the most presidency years (the longest dossier) of whatever corpus raw/ holds."""
    themes = facets.by_term(corpus, "theme", corpus.themes, facets.entries(corpus))
    return max(themes, key=lambda f: (len(f.years()), len(f.entries), f.slug))


@pytest.mark.parametrize("width", [1280, 390])
def test_the_theme_page_opens_the_newest_year_and_folds_the_earlier_ones(chromium: object, served: str,
                                                                         corpus: Corpus, width: int) -> None:
    theme = _theme(corpus)
    years = theme.years()
    assert len(years) >= 2, "the corpus has a theme in two years or more"
    (newest, newest_items), (earlier, earlier_items) = years[0], years[1]
    context = chromium.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{served}/themas/{theme.slug}/")
    crumb = page.locator("nav.kruimelpad")
    assert crumb.inner_text().replace("\n", " ") == f"Thema's › {theme.label}"
    first = page.locator(f"#jaar-{newest} ~ details.dossier").first
    opening = describe.opening(newest_items[0].paragraph.text)
    assert first.locator("li a").first.inner_text() == opening and first.locator("li a").first.is_visible()
    assert first.locator("li").count() == min(len(newest_items), contexts.DOSSIER_PER_YEAR)
    if len(newest_items) > contexts.DOSSIER_PER_YEAR:
        assert first.locator("p.dossier-meer a").inner_text().startswith(f"Alle {len(newest_items)} alinea's")
    folded = page.locator(f"#jaar-{earlier} ~ details.dossier").first
    link = folded.locator("li a").first
    assert not link.is_visible(), "earlier years are folded"
    # By keyboard: Tab to the folded year's summary and open it with Enter; its first passage then shows and
    # leads to the passage in its document.
    folded.locator("summary").focus()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert link.is_visible() and link.inner_text() == describe.opening(earlier_items[0].paragraph.text)
    page.screenshot(path=str(Path(__file__).resolve().parent.parent / "test-artifacts" / f"dossier-{width}.png"),
                    full_page=False)
    with page.expect_navigation():
        link.click()
    target = earlier_items[0]
    assert page.url.endswith(f"/documenten/{target.document.slug}/#{target.paragraph.id}")
    context.close()


def test_printing_the_theme_page_gives_the_whole_dossier(chromium: object, served: str, corpus: Corpus,
                                                         tmp_path: Path) -> None:
    theme = _theme(corpus)
    whole = " ".join("\n".join(printed(chromium, served, f"/themas/{theme.slug}/", tmp_path / "dossier.pdf")).split())
    for rank, (_, items) in enumerate(theme.years()):
        shown = contexts.DOSSIER_PER_YEAR if rank < contexts.DOSSIER_RECENT else contexts.DOSSIER_OLDER
        for entry in items[:shown]:
            words = describe.opening(entry.paragraph.text).rstrip(" …").split()
            assert " ".join(words[:8]) in whole, (entry.document.slug, entry.paragraph.id)


def test_a_theme_year_page_leads_to_the_previous_and_the_next_year(chromium: object, served: str,
                                                                  corpus: Corpus) -> None:
    theme = _theme(corpus)
    years = [year for year, _ in theme.years()]  # newest first
    middle = years[1] if len(years) >= 3 else years[0]
    context = chromium.new_context(viewport={"width": 390, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{served}/themas/{theme.slug}/{middle}/")
    assert page.locator("nav.kruimelpad").inner_text().replace("\n", " ") == f"Thema's › {theme.label} › {middle}"
    steps = page.locator("nav.jaarstappen").first
    older = [y for y in years if y < middle]
    newer = [y for y in years if y > middle]
    if older:
        assert steps.locator("a[rel=prev]").inner_text() == f"← {theme.label} in {max(older)}"
    if newer:
        assert steps.locator("a[rel=next]").inner_text() == f"{theme.label} in {min(newer)} →"
    assert older or newer
    step = steps.locator("a[rel=prev]" if older else "a[rel=next]")
    step.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/themas/{theme.slug}/{max(older) if older else min(newer)}/")
    context.close()
