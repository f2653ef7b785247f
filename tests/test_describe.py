"""Texts the site writes from the content: a passage's opening sentence and its place as people cite it."""

from __future__ import annotations

import pytest

from generator.core.records import Corpus, Section
from generator.site import describe, record


@pytest.mark.parametrize("section, expected", [
    (Section("begin", None, 2, 1), "alinea 2"),
    (Section("h-1b", "b. Veiligheid en weerbaarheid", 3, 1, trail=("1. Prioriteiten voorzitterschap",), number="b"),
     "§ 1.b Veiligheid en weerbaarheid, alinea 2"),
    (Section("h-3", "3. EEN GROENE BENELUX", 2, 1, number="3"), "§ 3 EEN GROENE BENELUX, alinea 2"),
    (Section("h-2-4", "2.4 Digitalisering", 3, 1, trail=("2. Economie",), number="2.4"), "§ 2.4 Digitalisering, alinea 2"),
    (Section("h-voorwoord", "Voorwoord", 2, 1), "onder ‘Voorwoord’, alinea 2"),
])
def test_a_place_reads_as_people_cite(section: Section, expected: str) -> None:
    assert describe.place(section, 2) == expected


@pytest.mark.parametrize("text, expected", [
    ("De ministers kwamen bijeen. Zij spraken over energie.", "De ministers kwamen bijeen."),
    ("Er is o.a. gesproken over D.M. van Weel en de NSEC. Daarna volgde meer.",
     "Er is o.a. gesproken over D.M. van Weel en de NSEC."),
    ("Een zin zonder punt", "Een zin zonder punt"),
    ("Lang " * 60 + "einde.", ("Lang " * 60)[:describe.OPENING].rsplit(" ", 1)[0] + " …"),
])
def test_an_opening_is_the_first_sentence_cut_at_a_word(text: str, expected: str) -> None:
    assert describe.opening(text) == expected


def test_a_shared_theme_or_region_page_says_what_is_in_it(corpus: Corpus) -> None:
    """A link preview of a theme or region page, or of one of its years, shows what the page holds (its first
    passage's opening), not only how many passages come from which documents (issue 23)."""
    site = record.site_record(corpus)
    for facet in site.themes + site.regions:
        years = facet.years()
        if not years:
            assert describe.facet(facet).endswith("Nog geen alinea's.")
            continue
        newest = " ".join(describe.opening(years[0][1][0].paragraph.text).split()[:3])
        assert newest in describe.facet(facet), facet.slug
        for year, entries in years:
            text = describe.facet_year(facet, year, entries, "Nederland")
            assert text.startswith(f"{facet.label} in {year} (Nederland): "), text
            assert " ".join(describe.opening(entries[0].paragraph.text).split()[:3]) in text, (facet.slug, year)
            assert len(text) <= describe.LIMIT + 2
