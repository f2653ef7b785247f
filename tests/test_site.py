"""End to end: build the real site from raw/ and check pages, links and anchors. The structural checks run on
two sites: raw/ as it is, and raw/ with its newest document copied under the next year (`site`)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import ROOT, Anchors, build_site, page
from helpers import ids as _ids

from generator.core.records import Corpus
from generator.site import facets


@pytest.fixture(params=["raw", "next-year"])
def site(request: pytest.FixtureRequest) -> tuple[Path, Corpus]:
    """(built project, its corpus): the real site, and the real site with a document for a new year added."""
    if request.param == "raw":
        return request.getfixturevalue("built"), request.getfixturevalue("corpus")
    return request.getfixturevalue("next_year")  # type: ignore[no-any-return]


def test_every_expected_page_exists(site: tuple[Path, Corpus]) -> None:
    built, corpus = site
    themes = [t.slug for t in corpus.themes]
    regions = {slug for d in corpus.documents for p in d.paragraphs for slug in p.regions}
    expected = ["", "themas", "jaren", "regios", "documenten"]
    expected += [f"themas/{t}" for t in themes] + [f"jaren/{y}" for y in {d.meta.year for d in corpus.documents}]
    expected += [f"regios/{r}" for r in regions] + [f"documenten/{d.slug}" for d in corpus.documents]
    assert len(themes) == 15 and len(corpus.documents) >= 5
    missing = [url for url in expected if not (built / "site" / url / "index.html").is_file()]
    assert missing == []
    assert {"noordrijn-westfalen", "hauts-de-france", "grand-est", "grande-region", "nedersaksen", "rijnland-palts",
            "noordse-landen", "baltische-staten", "westelijke-balkan", "zuidelijke-kaukasus",
            "euregio-maas-rijn"} <= regions


def test_every_internal_link_and_anchor_in_the_html_resolves(site: tuple[Path, Corpus]) -> None:
    built = site[0]
    site = built / "site"
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    ids = {rel: _ids(path) for rel, path in pages.items()}
    broken = []
    for rel, path in pages.items():
        parser = Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            base = "" if parts.path.startswith("/") else posixpath.dirname(rel)
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/"))) if parts.path else rel
            if parts.path.endswith("/") or not parts.path:
                target = target if target.endswith(".html") else posixpath.join(target, "index.html")
            if target not in pages and not (site / target).exists():
                broken.append(f"{rel}: {href}")
            elif parts.fragment and target in ids and unquote(parts.fragment) not in ids[target]:
                broken.append(f"{rel}: {href} (anchor)")
    assert broken == []


def test_every_link_in_the_generated_markdown_resolves(site: tuple[Path, Corpus]) -> None:
    """Read the generated Markdown in MkDocs' own dialect (Python-Markdown with the extensions of mkdocs.yml):
    every link to a page (a .md file, which MkDocs turns into its URL) points at a generated page, and its
    anchor exists there."""
    import markdown
    import yaml
    built = site[0]
    docs = built / "site_src"
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    broken, checked = [], 0
    for source in sorted(docs.rglob("*.md")):
        rel = source.relative_to(docs).as_posix()
        text = source.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        parser = Anchors()
        parser.feed(markdown.markdown(body, extensions=extensions))
        for href in parser.hrefs:
            path, _, fragment = href.partition("#")
            if urlsplit(href).scheme or not (path.endswith(".md") or (not path and fragment)):
                continue  # another host, or a final URL written as HTML (checked in the built site)
            checked += 1
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path)) if path else rel
            if not (docs / target).is_file():
                broken.append(f"{rel}: {href}")
                continue
            url = posixpath.dirname(target) if target.endswith("index.md") else target[:-3]
            if fragment and fragment not in _ids(built / "site" / url / "index.html"):
                broken.append(f"{rel}: {href} (anchor)")
    assert broken == []
    assert checked > 10 * len(site[1].documents), "the links of the pages were found"


def test_theme_pages_hold_every_year_and_their_year_pages_every_paragraph(site: tuple[Path, Corpus]) -> None:
    """A theme page keeps a section per year (#jaar-<year>, permanent) that links to the year's own page
    (/themas/<slug>/<year>/), which holds the passages of that year, each linked to its paragraph."""
    built, corpus = site
    for facet in [*facets.by_term(corpus, "theme", corpus.themes), *facets.by_term(corpus, "region", corpus.regions)]:
        if not facet.entries:
            continue
        html = page(built, f"{facet.folder}/{facet.slug}")
        years = {f"jaar-{y}" for y, _ in facet.years()}
        assert {i for i in html.ids if i.startswith("jaar-") and i.count("-") == 1} == years, facet.slug
        for year, items in facet.years():
            assert f"{year}/" in html.hrefs, (facet.slug, year)
            year_page = page(built, f"{facet.folder}/{facet.slug}/{year}")
            targets = {h.split("#")[-1] for h in year_page.hrefs if "/documenten/" in h}
            assert {e.paragraph.id for e in items} <= targets, (facet.slug, year)
            assert {e.document.slug for e in items} <= year_page.ids


@pytest.mark.parametrize("year, country", [(2020, "Nederland"), (2023, "Nederland"), (2025, "Luxemburg"),
                                           (2026, "Nederland")])
def test_year_pages_name_the_presiding_country(built: Path, year: int, country: str) -> None:
    """Where the page says who presided, not anywhere (every year page names all three in the rotation)."""
    text = (built / "site" / "jaren" / str(year) / "index.html").read_text(encoding="utf-8")
    said = re.findall(r"<strong>Voorzitter:</strong> ([^,<]+),", text)
    assert said == [country]
    description = re.search(r'<meta name="description" content="([^"]*)"', text)
    assert description and description.group(1).startswith(f"Benelux-voorzitterschap {year} ({country}):")


def test_every_footnote_appears_on_its_document_page(built: Path, corpus: Corpus) -> None:
    for doc in corpus.documents:
        html = page(built, f"documenten/{doc.slug}")
        for note in doc.footnotes:
            assert f"fn:{doc.slug}-{note.number}" in html.ids
            assert f"fnref:{doc.slug}-{note.number}" in html.ids, f"{doc.slug} footnote {note.number} has no reference"
    assert {d.slug: len(d.footnotes) for d in corpus.documents if d.footnotes} == {
        "2020-nl-resultatenbrief": 9, "2026-nl-prioriteitenbrief": 8}


def test_no_page_loads_anything_from_another_host(site: tuple[Path, Corpus]) -> None:
    built = site[0]
    for path in (built / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        for marker in ('src="http', "src='http", 'rel="stylesheet" href="http'):
            assert marker not in text, path


def test_every_paragraph_and_heading_of_a_document_is_on_its_page(site: tuple[Path, Corpus]) -> None:
    built, corpus = site
    for doc in corpus.documents:
        ids = page(built, f"documenten/{doc.slug}").ids
        missing = [p.id for p in doc.paragraphs if p.id not in ids] + [s.id for s in doc.sections if s.title and s.id not in ids]
        assert missing == [], doc.slug


def test_every_section_reference_is_a_working_link(site: tuple[Path, Corpus]) -> None:
    """'zie § 2.4' and 'zie § 3.3 en 3.4' link to that section; the link test above checks the anchors."""
    built, corpus = site
    import re
    for doc in corpus.documents:
        raw = Path(doc.path).read_text(encoding="utf-8")
        markdown = (built / "site_src" / "documenten" / f"{doc.slug}.md").read_text(encoding="utf-8")
        linked = re.findall(r"§ ?\[\d+(?:\.\d+)*\]\([^)]*#h-[\d-]+\)", markdown)
        assert len(linked) == raw.count("§"), doc.slug
        second = re.findall(r"§ ?\[[\d.]+\]\([^)]*\) en \[\d+\.\d+\]\([^)]*#h-[\d-]+\)", markdown)
        assert len(second) == len(re.findall(r"§ ?[\d.]+ en [\d.]+", raw)), doc.slug


def test_footnote_urls_are_links(built: Path) -> None:
    html = (built / "site" / "documenten" / "2020-nl-resultatenbrief" / "index.html").read_text(encoding="utf-8")
    for url in ("https://www.benelux.int/files/9415/9499/3305/FINAL_layout_Political_Declaration_of_the_Benelux_countries_bike_stimulation_signatures_complete.pdf",
                "https://www.government.nl/documents/diplomatic-statements/2020/10/07/joint-declaration-benelux-summit",
                "https://www.permanentrepresentations.nl/documents/publications/2020/06/12/penta-declaration-on-hydrogen"):
        assert f'href="{url}"' in html, url


def test_no_markup_leaks_into_the_pages(site: tuple[Path, Corpus]) -> None:
    """Attribute lists and escapes are consumed by Markdown, never shown to readers."""
    built = site[0]
    import re
    for path in (built / "site").rglob("*.html"):
        text = re.sub(r"<(script|style)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert "{:" not in text and "{ ." not in text and "{ #" not in text, path


PUBLISHED = "https://www.example.nl/benelux/"


def test_every_page_previews_well_with_the_published_address(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Built for its published address: description and Open Graph tags with absolute URLs there, so a mailed
    link shows a useful preview; canonical links and the sitemap name that address."""
    work = build_site(tmp_path_factory.mktemp("published"), ROOT / "raw", site_url=PUBLISHED)
    for path in (work / "site").rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        for name in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            match = re.search(rf'<meta property="{name}" content="([^"]+)"', text)
            assert match and match.group(1).strip(), f"{path}: {name}"
        url = re.search(r'<meta property="og:url" content="([^"]+)"', text).group(1)
        folder = path.parent.relative_to(work / "site").as_posix()
        assert url == PUBLISHED + ("" if folder == "." else folder + "/"), path
        assert f'<link rel="canonical" href="{url}">' in text, path
        image = re.search(r'<meta property="og:image" content="([^"]+)"', text)
        if folder.startswith(("themas/", "regios/", "jaren/", "documenten/")):
            assert image and image.group(1).startswith(PUBLISHED + "voorvertoning/"), path
            assert (work / "site" / image.group(1).removeprefix(PUBLISHED)).is_file(), path
        description = re.search(r'<meta name="description" content="([^"]+)"', text)
        assert description and len(description.group(1)) > 40, path
    assert f"<loc>{PUBLISHED}themas/energie/</loc>" in (work / "site" / "sitemap.xml").read_text(encoding="utf-8")
    feed = (work / "site" / "feeds" / "themas" / "energie.xml").read_text(encoding="utf-8")
    assert f'href="{PUBLISHED}feeds/themas/energie.xml"' in feed and f"{PUBLISHED}documenten/" in feed


def test_without_a_site_address_no_made_up_host_is_written(built: Path) -> None:
    """No SITE_URL: the features that need an absolute address are left out, and nothing names a host that
    does not exist; feeds link relatively, to files that exist."""
    assert not (built / "site" / "sitemap.xml").exists()
    for path in [*(built / "site").rglob("*.html"), *(built / "site").rglob("*.xml"), *(built / "site_src").rglob("*")]:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "example.org" not in text and "localhost" not in text, path
        assert 'rel="canonical"' not in text and 'property="og:url"' not in text, path
    feed_path = built / "site" / "feeds" / "themas" / "energie.xml"
    links = re.findall(r'href="([^"#]+)', feed_path.read_text(encoding="utf-8").replace("&quot;", '"'))
    assert links and all(link.startswith("../../") for link in links)
    for link in set(links):
        target = (feed_path.parent / link).resolve()
        assert (target / "index.html").exists() or target.is_file(), link
