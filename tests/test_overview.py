"""The view across presidencies: matrices, timelines, year pages, feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.core import presidency
from generator.core.records import Corpus
from generator.site import facets, feeds, overview, record
from generator.site.facets import Entry

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("year, country", [(2020, "NL"), (2021, "BE"), (2022, "LU"), (2023, "NL"), (2025, "LU"),
                                           (2026, "NL"), (2027, "BE"), (2028, "LU"), (2045, "BE")])
def test_presiding_country_follows_the_rotation(year: int, country: str) -> None:
    assert presidency.presiding_country(year) == country


def test_matrix_counts_and_shades_by_share_of_the_year(corpus: Corpus) -> None:
    """The shade is the theme's share of its year's passages: a short results overview is not paler than a plan."""
    years = [2020, 2023, 2025, 2026]
    themes = facets.by_term(corpus, "theme", corpus.themes)
    totals = {int(f.slug): len(f.entries) for f in facets.by_year(corpus)}
    rows = overview.matrix(themes, years, totals)
    for facet, cells in rows:
        assert [c.count for c in cells] == [sum(1 for e in facet.entries if e.year == y) for y in years]
        assert all((c.weight == 0) == (c.count == 0) and 0 <= c.weight <= 4 for c in cells)
    shares = [(c.count / totals[y], c.weight) for _, cells in rows for c, y in zip(cells, years, strict=True)]
    assert max(shares)[1] == 4
    assert all(w1 <= w2 for (s1, w1), (s2, w2) in zip(sorted(shares), sorted(shares)[1:], strict=False))


def _facet(slug: str, counts: dict[int, int]) -> facets.Facet:
    """A theme with `counts[year]` passages per year (the entries are only counted)."""
    entries = tuple(Entry(document=_Doc(year), section=None, paragraph=None)  # type: ignore[arg-type]
                    for year, n in counts.items() for _ in range(n))
    return facets.Facet("theme", slug, slug.title(), "", entries)


@dataclass(frozen=True)
class _Meta:
    year: int


@dataclass(frozen=True)
class _Doc:
    year: int

    @property
    def meta(self) -> _Meta:
        return _Meta(self.year)


def test_comparison_is_by_share_and_names_what_is_new() -> None:
    """2025: one results overview (32 passages); 2026: a plan and a letter (230). Raw counts would show
    every shared theme as 'more attention'."""
    themes = [_facet("energie", {2025: 4, 2026: 29}), _facet("digitaal", {2025: 1, 2026: 30}),
              _facet("fiets", {2025: 8, 2026: 10}), _facet("zorg", {2020: 3, 2026: 5}),
              _facet("kernfusie", {2026: 2}), _facet("vuurwerk", {2025: 2})]
    kinds = {c.slug: c.kind for c in overview.compare(themes, 2026, 2025, {2020: 50, 2025: 32, 2026: 230})}
    assert kinds == {"energie": "same", "digitaal": "more", "fiets": "fewer", "zorg": "back", "kernfusie": "new",
                     "vuurwerk": "gone"}


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
    found = {d.slug: [p.text for p in d.priorities] for d in corpus.documents}
    assert found["2023-nl-prioriteitenbrief"] == ["Interne markt", "Duurzame energietransitie",
                                                  "Grensoverschrijdende samenwerking en inzet Benelux juridisch instrumentarium",
                                                  "Veiligheid"]
    assert found["2026-benelux-jaarplan"][0] == "Economische samenwerking en interne markt"
    assert found["2025-lu-resultatenoverzicht"][1] == "bevordering van de samenwerking met naburige regio’s"


def test_year_page_shows_country_priorities_and_comparison(built: Path) -> None:
    page = (built / "site_src" / "jaren" / "2026.md").read_text(encoding="utf-8")
    assert "**Voorzitter:** Nederland" in page and "1 januari 2026 neemt Nederland" in page
    assert "## Prioriteiten" in page and "## Vergeleken met 2025" in page
    assert "Vergeleken wordt het aandeel van elk thema in de alinea's van het jaar, niet het aantal" in page
    assert "**Weer genoemd:**" in page and "**Meer aandacht:**" in page and "%" in page
    assert "Let op: de documenten van 2025 bevatten resultaten, die van 2026 plannen" in page
    first = (built / "site_src" / "jaren" / "2020.md").read_text(encoding="utf-8")
    assert "Vergeleken met" not in first


def test_home_shows_the_theme_by_year_table(built: Path, corpus: Corpus) -> None:
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="matrix-tabel">.*?</table>', home, re.S).group(0)
    years = sorted({d.meta.year for d in corpus.documents})
    newest, previous = years[-1], years[-2]
    assert table.count('<th scope="row">') == 15 and f'<th scope="col">{newest}</th>' in table
    energy = sum(1 for d in corpus.documents if d.meta.year == newest for p in d.paragraphs if "energie" in p.themes)
    if energy:
        noun = "alinea" if energy == 1 else "alinea's"
        assert f'href="themas/energie/{newest}/" title="Energie in {newest}: {energy} {noun}">{energy}</a>' in table
    assert f"Genoemd in {newest}, niet in {previous}:" in home
    missing = [y for y in range(years[0], newest) if y not in years]
    listed = ", ".join(map(str, years[:-1])) + f" en {newest}"
    assert f"Het archief bevat de voorzitterschappen van {listed}." in home
    if missing:
        assert f"Van {', '.join(map(str, missing[:-1])) + ' en ' if len(missing) > 1 else ''}{missing[-1]} zijn nog " \
               "geen documenten opgenomen." in home
    regions = (built / "site" / "regios" / "index.html").read_text(encoding="utf-8")
    assert '<table class="matrix-tabel">' in regions and 'href="noordrijn-westfalen/2026/"' in regions


def test_facet_feeds_list_each_documents_paragraphs_with_permanent_links(built: Path, corpus: Corpus) -> None:
    feed = ET.parse(built / "site" / "feeds" / "themas" / "water-en-klimaat.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    theme = next(f for f in facets.by_term(corpus, "theme", corpus.themes) if f.slug == "water-en-klimaat")
    assert len(entries) == len({e.document.slug for e in theme.entries})
    content = " ".join(e.find(f"{ATOM}content").text or "" for e in entries)
    for entry in theme.entries:  # relative to the feed: no site address is configured in these tests
        assert f"../../documenten/{entry.document.slug}/#{entry.paragraph.id}" in content
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    site = ET.parse(built / "site" / "feeds" / "alles.xml").getroot()
    assert len(site.findall(f"{ATOM}entry")) == len(corpus.documents)


def test_feeds_hold_the_newest_documents_only(corpus: Corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    theme = max(facets.by_term(corpus, "theme", corpus.themes),
                key=lambda f: len({e.document.slug for e in f.entries}))
    pages = record.site_record(corpus).pages
    undated = feeds.undated_stamp(list(corpus.documents))
    everything = feeds.facet_feed(theme, pages, "https://x.example/", undated)
    assert len(everything) >= 3
    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    assert feeds.facet_feed(theme, pages, "https://x.example/", undated) == everything[:2]
    newest = feeds.site_feed(list(corpus.documents), {d.slug: "" for d in corpus.documents}, pages,
                             "https://x.example/")
    assert len(newest) == 2 and newest[0].updated == max(feeds.updated(d, undated) for d in corpus.documents)


def test_an_undated_document_says_so_in_the_feeds(built: Path, corpus: Corpus) -> None:
    """Atom needs a date per entry; an undated document's entries get no invented day but the newest date the
    archive holds, and say so."""
    undated = [d for d in corpus.documents if d.meta.date is None]
    assert undated
    newest = max(d.meta.date.first_day() for d in corpus.documents if d.meta.date).isoformat()
    site = ET.parse(built / "site" / "feeds" / "alles.xml").getroot()
    for entry in site.findall(f"{ATOM}entry"):
        content = entry.find(f"{ATOM}content").text or ""
        doc = next(d for d in corpus.documents if f"documenten/{d.slug}/" in entry.find(f"{ATOM}link").get("href"))
        if doc.meta.date is None:
            assert content.startswith(f"<p><em>Ongedateerd document</em> (voorzitterschap {doc.meta.year}); de feed "
                                      "geeft het de datum van het nieuwste gedateerde document van het archief.</p>")
            assert entry.find(f"{ATOM}updated").text == f"{newest}T00:00:00Z"
            assert entry.find(f"{ATOM}published") is None
        else:
            assert "Ongedateerd" not in content
            assert entry.find(f"{ATOM}updated").text == f"{doc.meta.date.first_day().isoformat()}T00:00:00Z"
