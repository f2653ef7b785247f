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
         "phrase": 0.93, "name": 0.92, "nothing": 1.0, "synonym": 1.0, "alias": 1.0, "whole word": 1.0}
"""Least share of hits per category (measured: 43/43, 17/17, 11/11, 9/9, 9/9, 18/18, 14/14, 10/10, 2/2, 4/4, 1/1;
before issue 23: inflection 10/11, phrase 17/18, synonym 0/2, alias 0/4)."""
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
    assert total >= 43 + 30 + 10 and set(outcome) == set(FLOOR)
    assert hits / total >= 0.97
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
    all_results(page)
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


# Issue 23: a search that forgives. Each test asserts what the reader sees on the search page.

def all_results(page: object) -> list[dict[str, str]]:
    """Once the search is complete (the filters show their counts), press "Meer resultaten" until every result is
    on the page; each result as its link, section, title, meta line and snippet."""
    counted(page, "#zoek-jaar")
    while page.is_visible("#zoek-meer"):  # type: ignore[attr-defined]
        before = page.locator("li.zoek-resultaat").count()  # type: ignore[attr-defined]
        page.click("#zoek-meer")  # type: ignore[attr-defined]
        page.wait_for_function(f"() => document.querySelectorAll('li.zoek-resultaat').length > {before}")  # type: ignore[attr-defined]
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        "li.zoek-resultaat",
        """els => els.map(e => ({link: new URL(e.querySelector('a.zoek-titel').href).pathname, sectie: e.dataset.sectie || '',
                                title: e.querySelector('h2').innerText, meta: e.querySelector('.zoek-meta').innerText,
                                snippet: (e.querySelector('.zoek-fragment') || {innerText: ''}).innerText}))""")


def counted(page: object, select: str) -> dict[str, int]:
    """The counts the filter shows on its choices, once they are there: option value → count."""
    page.wait_for_function(f"() => /\\(\\d+\\)$/.test(document.querySelector('{select} option').textContent)")  # type: ignore[attr-defined]
    options = page.eval_on_selector_all(f"{select} option", "os => os.map(o => [o.value, o.textContent])")  # type: ignore[attr-defined]
    return {value: int(re.search(r"\((\d+)\)$", text).group(1)) for value, text in options}  # type: ignore[union-attr]


def announced(page: object) -> int:
    match = re.match(r"([\d.]+) resulta", settle(page))
    return int(match.group(1).replace(".", "")) if match else 0


def test_whole_words_come_first_and_the_prefix_only_on_a_star(chromium: object, served: str) -> None:
    page = open_page(chromium)
    page.goto(served + "/zoeken/?q=diploma")  # type: ignore[attr-defined]
    settle(page)
    results = all_results(page)
    snippets = [r["snippet"].lower() for r in results if r["snippet"]]
    assert snippets and all(re.search(r"\bdiploma(?!t)", s) for s in snippets), snippets
    assert not [s for s in snippets if "diplomatiek" in s and not re.search(r"\bdiploma(?!t)", s)]
    page.goto(served + "/zoeken/?q=diplo*")  # type: ignore[attr-defined]
    settle(page)
    assert any("diplomatiek" in r["snippet"].lower() for r in all_results(page))  # on a star, longer words too


def test_inflections_synonyms_and_region_names_find_the_passage(chromium: object, served: str, corpus: Corpus) -> None:
    page = open_page(chromium)
    page.goto(served + "/zoeken/")  # type: ignore[attr-defined]
    links = search(page, "wasberen")
    assert links and "wasbeer" in page.inner_text("#zoek-resultaten").lower()  # type: ignore[attr-defined]
    search(page, "grensarbeiders")
    assert any("grenswerkers" in r["snippet"] and "grensarbeiders" not in r["snippet"] for r in all_results(page))
    search(page, "e-CMR")
    assert any("digitale vrachtbrief" in r["snippet"] for r in all_results(page))
    # Every section with a passage of the region is found by each name the region goes by.
    region = next(r for r in corpus.regions if r.slug == "noordrijn-westfalen")
    expected = {(f"/documenten/{d.slug}/", s.id) for d in corpus.documents for s in d.sections
                if any(region.slug in p.regions for p in s.paragraphs if p.kind != "toc")}
    assert expected
    for name in ("Nordrhein-Westfalen", "NRW", "North Rhine-Westphalia"):
        search(page, name)
        found = {(r["link"], r["sectie"]) for r in all_results(page) if r["sectie"]}
        assert expected <= found, (name, sorted(expected - found))


def test_a_quoted_phrase_finds_the_words_in_their_order(chromium: object, served: str) -> None:
    page = open_page(chromium)
    page.goto(served + "/zoeken/")  # type: ignore[attr-defined]
    search(page, "wind op zee")
    loose = announced(page)
    search(page, '"wind op zee"')
    phrase = announced(page)
    results = all_results(page)
    assert 0 < phrase <= loose and len(results) == phrase
    assert all("wind op zee" in r["snippet"].lower().replace("-", " ") for r in results), results
    search(page, '"zee op wind"')
    assert "Niets gevonden" in settle(page)


def test_the_filters_count_the_results_in_the_list(chromium: object, served: str) -> None:
    page = open_page(chromium)
    page.goto(served + "/zoeken/?q=samenwerking")  # type: ignore[attr-defined]
    total = announced(page)
    results = all_results(page)
    years = counted(page, "#zoek-jaar")
    assert total == len(results) == years[""] and total > 10
    for year, count in years.items():
        if year:
            assert count == sum(f" {year} " in f" {r['meta']} ".replace("·", " ") for r in results), year
    page.click("#zoek-beperkingen summary")  # type: ignore[attr-defined]
    themes = counted(page, "#zoek-thema")
    theme = max((v for v in themes if v), key=lambda v: (0 < themes[v] < total, themes[v]))
    page.select_option("#zoek-thema", theme)  # type: ignore[attr-defined]
    page.wait_for_function(f"() => {STATUS}.includes('met deze beperkingen')")  # type: ignore[attr-defined]
    assert announced(page) == themes[theme] == len(all_results(page))
    page.wait_for_function("n => document.querySelector('#zoek-jaar option').textContent.endsWith(`(${n})`)",  # type: ignore[attr-defined]
                           arg=themes[theme])
    narrowed = counted(page, "#zoek-jaar")
    results = all_results(page)
    for year, count in narrowed.items():
        if year:
            assert count == sum(f" {year} " in f" {r['meta']} ".replace("·", " ") for r in results), year


def test_results_can_be_sorted_by_year(chromium: object, served: str) -> None:
    page = open_page(chromium, 390, 844)
    page.goto(served + "/zoeken/?q=samenwerking")  # type: ignore[attr-defined]
    settle(page)
    page.select_option("#zoek-volgorde", "nieuw")  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('volgorde=nieuw')")  # type: ignore[attr-defined]
    settle(page)
    def years() -> list[int]:
        page.wait_for_timeout(300)  # type: ignore[attr-defined]
        metas = [r["meta"] for r in all_results(page)]
        return [int(m) for meta in metas for m in re.findall(r"\b(20\d\d)\b", meta)[:1]]
    newest = years()
    assert len(set(newest)) > 1 and newest == sorted(newest, reverse=True)
    page.select_option("#zoek-volgorde", "oud")  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('volgorde=oud')")  # type: ignore[attr-defined]
    oldest = years()
    assert oldest == sorted(oldest) and oldest[0] < newest[0]


def test_no_results_give_tips_and_the_nearest_themes_in_dutch(chromium: object, served: str) -> None:
    page = open_page(chromium, 390, 844)
    page.goto(served + "/zoeken/?q=mobilitiet%20Tihange")  # type: ignore[attr-defined]
    assert settle(page) == "Niets gevonden voor “mobilitiet Tihange”."
    box = page.locator("#zoek-geen")  # type: ignore[attr-defined]
    assert box.is_visible()
    text = box.inner_text()
    assert "Wat u kunt proberen" in text and "Controleer de spelling" in text and "Thema's die er het dichtst" in text
    themes = box.locator("#zoek-themas a")
    assert themes.count() == 3 and all(t.is_visible() for t in themes.all())
    assert themes.first.inner_text() == "Mobiliteit en transport"  # the theme nearest to the misspelt word
    themes.first.click()
    page.wait_for_url("**/themas/mobiliteit/")  # type: ignore[attr-defined]
    page.go_back()  # type: ignore[attr-defined]
    search(page, "waterstof")
    assert not page.is_visible("#zoek-geen")  # type: ignore[attr-defined]


def test_nothing_moves_when_the_number_of_results_appears(chromium: object, served: str) -> None:
    """At 390 px: the results and their number appear together, and the space for the number is kept, so the
    list does not move under a reader's finger (it moved 41 px before)."""
    page = open_page(chromium, 390, 844)
    page.goto(served + "/zoeken/")  # type: ignore[attr-defined]
    page.evaluate("""() => { window.shifts = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts.push(
            [e.value, e.startTime, e.sources.map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?').join(',')]); })
          .observe({type: 'layout-shift'});
        window.tops = [];
        new MutationObserver(() => { const first = document.querySelector('li.zoek-resultaat');
          if (first) window.tops.push(first.getBoundingClientRect().top + scrollY); })
          .observe(document.getElementById('zoek-resultaten'), {childList: true, subtree: true}); }""")
    top = page.evaluate("document.getElementById('zoek-resultaten').getBoundingClientRect().top")  # type: ignore[attr-defined]
    page.focus("#zoek-term")  # type: ignore[attr-defined]
    page.keyboard.type("grensoverschrijdende samenwerking", delay=30)  # type: ignore[attr-defined]
    settle(page)
    page.wait_for_timeout(600)  # type: ignore[attr-defined]
    tops = page.evaluate("window.tops")  # type: ignore[attr-defined]
    final = page.locator("li.zoek-resultaat").first.bounding_box()  # type: ignore[attr-defined]
    assert tops and final
    assert max(tops) - min(tops) < 1 and abs(final["y"] - tops[0]) < 1, tops
    assert abs(page.evaluate("document.getElementById('zoek-resultaten').getBoundingClientRect().top") - top) < 1  # type: ignore[attr-defined]
    page.wait_for_timeout(100)  # type: ignore[attr-defined]
    shifts = page.evaluate("window.shifts")  # type: ignore[attr-defined]
    # Chromium's own measure: nothing of the page shifts but the footer, which the growing list pushes down.
    assert sum(value for value, _, sources in shifts if sources != "md-footer") < 0.01, shifts
