"""The view across presidencies: matrices, timelines, year pages, feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.core import presidency
from generator.core.records import Corpus
from generator.site import facets, feeds, overview

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("year, country", [(2020, "NL"), (2021, "BE"), (2022, "LU"), (2023, "NL"), (2025, "LU"),
                                           (2026, "NL"), (2027, "BE"), (2028, "LU"), (2045, "BE")])
def test_presiding_country_follows_the_rotation(year: int, country: str) -> None:
    assert presidency.presiding_country(year) == country


def test_matrix_counts_and_shades(corpus: Corpus) -> None:
    themes = facets.by_term(corpus, "theme", corpus.themes)
    rows = overview.matrix(themes, [2020, 2023, 2025, 2026])
    for facet, cells in rows:
        assert [c.count for c in cells] == [sum(1 for e in facet.entries if e.year == y) for y in (2020, 2023, 2025, 2026)]
        assert all((c.weight == 0) == (c.count == 0) and 0 <= c.weight <= 4 for c in cells)
    busiest = max(c.count for _, cells in rows for c in cells)
    assert any(c.weight == 4 and c.count == busiest for _, cells in rows for c in cells)


def test_timeline_marks_new_and_dropped_themes(corpus: Corpus) -> None:
    health = next(f for f in facets.by_term(corpus, "theme", corpus.themes) if f.slug == "gezondheid")
    marks = {m.year: (m.present, m.change) for m in overview.timeline(health, [2020, 2023, 2025, 2026])}
    present = {y for y, _ in health.years()}
    for year, (is_present, _) in marks.items():
        assert is_present == (year in present)
    changes = [marks[y][1] for y in (2023, 2025, 2026)]
    expected = ["" if (y in present) == (p in present) else ("new" if y in present else "gone")
                for p, y in ((2020, 2023), (2023, 2025), (2025, 2026))]
    assert changes == expected and "new" in changes


def test_priorities_come_in_the_documents_order(corpus: Corpus) -> None:
    found = {d.slug: [p.text for p in overview.priorities(d)] for d in corpus.documents}
    assert found["2023-nl-prioriteitenbrief"] == ["Interne markt", "Duurzame energietransitie",
                                                  "Grensoverschrijdende samenwerking en inzet Benelux juridisch instrumentarium",
                                                  "Veiligheid"]
    assert found["2026-benelux-jaarplan"][0] == "Economische samenwerking en interne markt"
    assert found["2025-lu-resultatenoverzicht"][1] == "bevordering van de samenwerking met naburige regio’s"


def test_year_page_shows_country_priorities_and_comparison(built: Path) -> None:
    page = (built / "site_src" / "jaren" / "2026.md").read_text(encoding="utf-8")
    assert "**Voorzitter:** Nederland" in page and "1 januari 2026 neemt Nederland" in page
    assert "## Prioriteiten" in page and "## Vergeleken met 2025" in page and "**Nieuw:**" in page
    first = (built / "site_src" / "jaren" / "2020.md").read_text(encoding="utf-8")
    assert "Vergeleken met" not in first


def test_home_shows_the_theme_by_year_table(built: Path, corpus: Corpus) -> None:
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="matrix-tabel">.*?</table>', home, re.S).group(0)
    assert table.count('<th scope="row">') == 15 and '<th scope="col">2026</th>' in table
    energy_2026 = sum(1 for d in corpus.documents if d.meta.year == 2026 for p in d.paragraphs if "energie" in p.themes)
    assert f'href="themas/energie/#jaar-2026" title="Energie in 2026: {energy_2026} alinea\'s">{energy_2026}</a>' in table
    assert "Nieuw in 2026 ten opzichte van 2023:" in home and "Nieuw in 2026 ten opzichte van 2025:" in home
    regions = (built / "site" / "regios" / "index.html").read_text(encoding="utf-8")
    assert '<table class="matrix-tabel">' in regions and 'href="noordrijn-westfalen/#jaar-2026"' in regions


def test_theme_feeds_list_each_documents_paragraphs_with_permanent_links(built: Path, corpus: Corpus) -> None:
    feed = ET.parse(built / "site" / "feeds" / "themas" / "water-en-klimaat.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    theme = next(f for f in facets.by_term(corpus, "theme", corpus.themes) if f.slug == "water-en-klimaat")
    assert len(entries) == len({e.document.slug for e in theme.entries})
    content = " ".join(e.find(f"{ATOM}content").text or "" for e in entries)
    for entry in theme.entries:
        assert f"https://benelux-voorzitterschappen.example.org/documenten/{entry.document.slug}/#{entry.paragraph.id}" in content
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    site = ET.parse(built / "site" / "feeds" / "alles.xml").getroot()
    assert len(site.findall(f"{ATOM}entry")) == len(corpus.documents)


def test_feeds_hold_the_newest_documents_only(corpus: Corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    theme = max(facets.by_term(corpus, "theme", corpus.themes),
                key=lambda f: len({e.document.slug for e in f.entries}))
    everything = feeds.theme_feed(theme, "https://x.example/")
    assert len(everything) >= 3
    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    assert feeds.theme_feed(theme, "https://x.example/") == everything[:2]
    newest = feeds.site_feed(list(corpus.documents), {d.slug: "" for d in corpus.documents}, "https://x.example/")
    assert len(newest) == 2 and newest[0].updated == max(feeds.updated(d) for d in corpus.documents)
