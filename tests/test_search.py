"""The search as a reader uses it: in Chromium, on the built site served on 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import browser, chromium_missing, queries, run_queries, search

from generator.core.inline import plain
from generator.core.records import Corpus

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
FLOOR = {"earlier": 0.95, "abbreviation": 0.94, "inflection": 0.9, "diacritics": 1.0, "compound": 0.88,
         "phrase": 0.93, "name": 0.92, "nothing": 1.0}
"""Least share of hits per category (measured: 43/43, 17/17, 9/10, 9/9, 9/9, 15/15, 14/14, 9/9)."""
STATUS = "document.getElementById('zoek-status').textContent"


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    with browser() as instance:
        yield instance


def open_page(chromium: object, width: int = 1280, height: int = 800) -> object:
    context = chromium.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    return tab


def settle(page: object) -> str:
    """Wait until the search page has announced its results; return the announcement."""
    page.wait_for_function(f"() => /resultaat|resultaten|Niets gevonden/.test({STATUS})")  # type: ignore[attr-defined]
    return page.text_content("#zoek-status") or ""  # type: ignore[attr-defined]


def test_labelled_queries_find_what_readers_expect_per_category(chromium: object, served: str) -> None:
    page = open_page(chromium)
    page.goto(served + "/zoeken/")  # type: ignore[attr-defined]
    outcome = run_queries(page)
    hits, total = sum(o[0] for o in outcome.values()), sum(o[1] for o in outcome.values())
    print(f"search: {hits}/{total} ({hits / total:.1%})",
          *(f"{c}: {h}/{n}" + "".join(f"\n    miss {m}" for m in misses) for c, (h, n, misses) in outcome.items()),
          sep="\n  ")
    assert total >= 43 + 30 and set(outcome) == set(FLOOR)
    assert hits / total >= 0.95
    for category, (found, count, misses) in outcome.items():
        assert found / count >= FLOOR[category], (category, misses)
    named = {q.text for q in queries() if q.first}
    assert not [m for _, _, misses in outcome.values() for m in misses if m.split(" →")[0].strip("'\"") in named]


def test_a_result_shows_title_document_year_and_a_marked_snippet_within_a_phone_screen(
        chromium: object, served: str) -> None:
    page = open_page(chromium, 390, 844)
    page.goto(served + "/zoeken/?q=waterstof")  # type: ignore[attr-defined]
    assert re.fullmatch(r"\d+ resultaten voor “waterstof”\.", settle(page))
    # Each result: a heading with its link, a metadata line, and (for a passage) a snippet with marks; nothing else.
    shapes = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "li.zoek-resultaat",
        "els => els.map(e => Array.from(e.children).map(c => [c.tagName + '.' + c.className, "
        "Array.from(c.children).map(g => g.tagName)]))")
    assert shapes
    for shape in shapes:
        assert shape[:2] == [["H2.", ["A"]], ["P.zoek-meta", []]] and len(shape) <= 3, shape
        assert shape[2:] == [] or (shape[2][0] == "P.zoek-fragment" and set(shape[2][1]) <= {"MARK"}), shape
    first = page.locator("li.zoek-resultaat").first  # type: ignore[attr-defined]
    assert first.locator("h2").inner_text() == "Waterstof"  # the section
    assert first.locator(".zoek-meta").inner_text() == "Benelux Jaarplan 2026: Grensverleggend samenwerken · 2026 · Nederland"
    marks = first.locator(".zoek-fragment mark").all_inner_texts()
    assert marks and all("waterstof" in m.lower() for m in marks)
    assert first.locator(".zoek-fragment mark").first.evaluate(
        "m => getComputedStyle(m).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    text = page.inner_text("#zoek-resultaten")  # type: ignore[attr-defined]
    assert "\u2063" not in text and " stofnet " not in text  # the extra forms are never shown
    outside = page.evaluate(  # type: ignore[attr-defined]
        """() => Array.from(document.querySelectorAll('article *')).filter(e => {
                 const r = e.getBoundingClientRect();
                 return r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5); }).map(e => e.outerHTML.slice(0, 80))""")
    assert outside == [] and page.evaluate("document.documentElement.scrollWidth") <= 390  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "zoeken-telefoon.png"))  # type: ignore[attr-defined]


def result_links(page: object) -> list[str]:
    return page.eval_on_selector_all("a.zoek-titel", "links => links.map(a => a.href)")  # type: ignore[attr-defined]


def _theme_with_some_bike_passages(corpus: Corpus) -> str:
    """A theme that has some but not all of the paragraphs that mention cycling: a filter that narrows."""
    bikes = [p for d in corpus.documents for p in d.paragraphs if "fiets" in plain(p.text).lower()]
    counts = {t.slug: sum(t.slug in p.themes for p in bikes) for t in corpus.themes}
    return min((slug for slug, n in counts.items() if 0 < n < len(bikes)), key=lambda slug: (counts[slug], slug))


def test_filters_narrow_the_results_and_live_in_the_address(chromium: object, served: str, corpus: Corpus) -> None:
    theme = _theme_with_some_bike_passages(corpus)
    page = open_page(chromium)
    page.goto(served + "/zoeken/?q=waterstof")  # type: ignore[attr-defined]
    unfiltered = settle(page)
    page.goto(served + "/zoeken/?q=waterstof&jaar=2020")  # type: ignore[attr-defined]
    narrowed = settle(page)
    assert "met deze beperkingen" in narrowed and narrowed != unfiltered
    assert page.input_value("#zoek-jaar") == "2020" and page.eval_on_selector("#zoek-beperkingen", "d => d.open")  # type: ignore[attr-defined]
    metas = page.locator(".zoek-meta").all_inner_texts()  # type: ignore[attr-defined]
    assert metas and all(" 2020 " in f" {m} ".replace("·", " ") for m in metas), metas
    page.goto(served + "/zoeken/?q=fietsen")  # type: ignore[attr-defined]
    settle(page)
    everything = result_links(page)
    page.click("#zoek-beperkingen summary")  # type: ignore[attr-defined]
    page.select_option("#zoek-thema", theme)  # type: ignore[attr-defined]
    page.wait_for_function(f"() => {STATUS}.includes('met deze beperkingen')")  # type: ignore[attr-defined]
    address = parse_qs(urlsplit(page.url).query)  # type: ignore[attr-defined]
    assert address == {"q": ["fietsen"], "thema": [theme]}
    before = result_links(page)
    page.reload()  # type: ignore[attr-defined]
    settle(page)
    assert result_links(page) == before and page.input_value("#zoek-thema") == theme  # type: ignore[attr-defined]
    # A result stands for a section (it links to its best passage, which a filter may change).
    def sections(links: list[str]) -> set[str]:
        return {re.sub(r"-p\d+$", "", link) for link in links}
    assert before and sections(before) < sections(everything)
    assert all("fiets" in t.lower() for t in page.locator(".zoek-fragment").all_inner_texts())  # type: ignore[attr-defined]


def test_a_result_opens_its_paragraph_highlighted(chromium: object, served: str) -> None:
    """"waterstofproductie" is in the second paragraph of its section: the result opens that paragraph."""
    page = open_page(chromium, 390, 844)
    page.goto(served + "/zoeken/?q=waterstofproductie")  # type: ignore[attr-defined]
    settle(page)
    page.click("a.zoek-titel")  # type: ignore[attr-defined]
    page.wait_for_url("**/documenten/**")  # type: ignore[attr-defined]
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    address = urlsplit(page.url)  # type: ignore[attr-defined]
    assert (address.path, address.fragment) == ("/documenten/2026-benelux-jaarplan/", "h-waterstof-p2")
    target = page.locator("[id='h-waterstof-p2']")  # type: ignore[attr-defined]
    assert "zoek-doel" in (target.get_attribute("class") or "")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert target.locator("mark").all_inner_texts() == ["waterstofproductie"]
    box = target.bounding_box()
    assert box and 0 <= box["y"] < 844
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "zoeken-geopend.png"))  # type: ignore[attr-defined]


def test_the_search_is_named_announced_and_usable_by_keyboard(chromium: object, served: str) -> None:
    page = open_page(chromium)
    page.goto(served + "/zoeken/")  # type: ignore[attr-defined]
    assert page.get_attribute("#zoek-formulier", "role") == "search"  # type: ignore[attr-defined]
    assert page.get_attribute("#zoek-formulier", "aria-label")  # type: ignore[attr-defined]
    assert page.get_attribute("#zoek-status", "role") == "status"  # type: ignore[attr-defined]
    page.focus("#zoek-term")  # type: ignore[attr-defined]
    page.keyboard.type("grensarbeiders")  # type: ignore[attr-defined]
    assert "resultaten voor “grensarbeiders”" in settle(page)
    for _ in range(12):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        focused = page.evaluate(  # type: ignore[attr-defined]
            """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
                       return {tag: e.tagName, result: e.classList.contains('zoek-titel'), w: r.width, h: r.height,
                               visible: s.visibility !== 'hidden' && s.display !== 'none',
                               outline: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor}; }""")
        assert focused["w"] > 0 and focused["h"] > 0 and focused["visible"], focused
        if focused["result"]:
            break
    assert focused["result"], "Tab never reached the first result"
    assert focused["outline"] != "none" and focused["width"] >= 2
    assert contrast(focused["color"], "rgb(255, 255, 255)") >= 3


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        values = [int(v) / 255 for v in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
        linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_header_opens_the_search_and_nothing_of_the_index_loads_before(chromium: object, served: str) -> None:
    page = open_page(chromium)
    page.goto(served + "/themas/energie/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.goto(served + "/zoeken/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert not [url for url in page.requests if "/pagefind/" in url]  # type: ignore[attr-defined]
    page.goto(served + "/themas/energie/")  # type: ignore[attr-defined]
    page.fill("#kop-zoekterm", "fietsen")  # type: ignore[attr-defined]
    page.press("#kop-zoekterm", "Enter")  # type: ignore[attr-defined]
    page.wait_for_url("**/zoeken/?q=fietsen")  # type: ignore[attr-defined]
    assert "resultaten voor “fietsen”" in settle(page) and page.input_value("#zoek-term") == "fietsen"  # type: ignore[attr-defined]
    assert [url for url in page.requests if "/pagefind/" in url]  # type: ignore[attr-defined]
    assert search(page, "Hauts-de-France")[0][0] == "/regios/hauts-de-france/"
