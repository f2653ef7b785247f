"""The page model: every page once, with the address MkDocs gives it; every output reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from helpers import ROOT, Anchors, build_site, project

from generator.analyse.corpus import analyse
from generator.core.layout import NAV, RECORDS
from generator.site import feeds, jobs, pages, record, render, search, templating

GOLDEN_CORPUS = Path(__file__).resolve().parent / "fixtures" / "golden-corpus"


@pytest.mark.parametrize(("src", "directory", "flat"), [
    ("index.md", "", "index.html"),
    ("themas/index.md", "themas/", "themas/index.html"),
    ("themas/energie.md", "themas/energie/", "themas/energie.html"),
    ("themas/energie/2026.md", "themas/energie/2026/", "themas/energie/2026.html"),
    ("feeds/alles.xml", "feeds/alles.xml", "feeds/alles.xml"),
])
def test_a_page_has_the_address_mkdocs_gives_it(src: str, directory: str, flat: str) -> None:
    from mkdocs.structure.files import File
    assert pages.url_of(src, True) == directory == File(src, "d", "s", True).url.removeprefix("./")
    assert pages.url_of(src, False) == flat == File(src, "d", "s", False).url.removeprefix("./")


@pytest.mark.parametrize(("url", "page_url", "way"), [
    ("documenten/x/", "themas/energie/", "../../documenten/x/"),
    ("themas/", "themas/energie/2026/", "../../"),
    ("", "themas/energie/", "../../"),
    ("themas/energie/", "", "themas/energie/"),
    ("themas/energie/", "themas/energie/", "./"),
    ("documenten/x.html", "themas/energie.html", "../documenten/x.html"),
    ("themas/energie/2026.html", "themas/energie.html", "energie/2026.html"),
    ("index.html", "themas/index.html", "../index.html"),
])
def test_a_link_from_one_page_to_another(url: str, page_url: str, way: str) -> None:
    assert pages.relative(url, page_url) == way


@pytest.fixture(scope="module")
def site() -> record.Site:
    corpus = analyse(raw_dir=GOLDEN_CORPUS, vocabulary_dir=ROOT / "vocabulary")
    return record.site_record(corpus, directory_urls=False)


def test_every_generated_page_is_one_page_of_the_model_once(site: record.Site) -> None:
    corpus = analyse(raw_dir=GOLDEN_CORPUS, vocabulary_dir=ROOT / "vocabulary")
    made = jobs.page_jobs(corpus, site, templating.environment(ROOT / "templates", site),
                          feeds.template(ROOT / "templates"), "")
    model = [p.src for p in site.pages]
    assert len(model) == len(set(model))
    assert [j.path for j in made] == [*model, NAV, RECORDS]
    assert {p.kind for p in site.pages} >= {"home", "index", "search", "theme", "region", "year", "theme-year",
                                             "document", "feed"}


def test_search_feeds_and_navigation_read_the_addresses_of_the_model(site: record.Site) -> None:
    """Without `use_directory_urls` every address the generator writes ends in .html, as MkDocs makes the page."""
    corpus = analyse(raw_dir=GOLDEN_CORPUS, vocabulary_dir=ROOT / "vocabulary")
    urls = {urldefrag(r["url"]).url for r in search.records(corpus, site)}
    assert urls and all(u.endswith(".html") for u in urls), urls
    assert urls <= {p.url for p in site.pages}
    text = feeds.site_text(feeds.template(ROOT / "templates"), site, "https://x.example/")
    links = set(re.findall(r'href="https://x\.example/([^"#]*)', text))
    assert any(u.endswith(".html") for u in links) and all(u.endswith((".html", ".xml")) or u == "" for u in links)
    sections = json.loads(render.render_site(corpus, ROOT / "templates", site_url="", site=site)[NAV])["sections"]
    assert {src for s in sections for src in s["pages"]} <= {p.src for p in site.pages}


def test_a_site_without_directory_urls_has_no_broken_link(tmp_path: Path) -> None:
    """Built by MkDocs with use_directory_urls: false, every link of every generated page reaches a file."""
    work = project(tmp_path / "work", GOLDEN_CORPUS)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("use_directory_urls: true",
                                                                       "use_directory_urls: false")
    (work / "mkdocs.yml").unlink()
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    built = build_site(work, GOLDEN_CORPUS) / "site"
    broken = []
    for html in sorted(built.rglob("*.html")):
        parser = Anchors()
        parser.feed(html.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            target = urldefrag(href).url
            if not target or re.match(r"[a-z]+:", target) or target.startswith("/"):
                continue
            resolved = (html.parent / target).resolve()
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append(f"{html.relative_to(built)} → {href}")
    theme = sorted(built.glob("themas/*.html"))[-1]
    assert theme.name != "index.html" and not (built / "themas" / theme.stem / "index.html").exists()
    assert broken == []
