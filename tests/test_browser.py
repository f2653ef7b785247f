"""What a person does with the site, in headless Chromium against the built site served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import browser, chromium_missing, search

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    with browser() as instance:
        yield instance


@pytest.fixture
def page(chromium: object, served: str) -> Iterator[object]:
    """A fresh page that records every request and every console error."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def in_view(page: object, selector: str) -> bool:
    return page.evaluate(  # type: ignore[attr-defined]
        """s => { const r = document.querySelector(s).getBoundingClientRect();
                   return r.top >= 0 && r.top < window.innerHeight && r.height > 0; }""", selector)


def test_a_deep_link_lands_on_its_year_section(page: object, served: str) -> None:
    page.goto(served + "/themas/energie/#jaar-2023")  # type: ignore[attr-defined]
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    assert in_view(page, "#jaar-2023")
    assert page.evaluate("window.scrollY") > 200  # type: ignore[attr-defined]


def test_browsing_from_home_to_theme_to_document_to_year_and_region(page: object, served: str) -> None:
    page.goto(served + "/")  # type: ignore[attr-defined]
    page.click("article a[href$='themas/']")  # type: ignore[attr-defined]
    page.wait_for_url("**/themas/")  # type: ignore[attr-defined]
    page.click("article a[href$='water-en-klimaat/']")  # type: ignore[attr-defined]
    page.wait_for_url("**/themas/water-en-klimaat/")  # type: ignore[attr-defined]
    page.click("article h2[id^='jaar-'] ~ p a")  # type: ignore[attr-defined]
    page.wait_for_url("**/themas/water-en-klimaat/*/")  # type: ignore[attr-defined]
    source = page.get_attribute("article p.bron a", "href")  # type: ignore[attr-defined]
    page.click("article p.bron a")  # type: ignore[attr-defined]
    page.wait_for_url("**/documenten/**")  # type: ignore[attr-defined]
    assert in_view(page, "#" + urlsplit(source).fragment)
    page.click("article a[href*='jaren/']")  # type: ignore[attr-defined]
    page.wait_for_url("**/jaren/*/")  # type: ignore[attr-defined]
    assert "Voorzitter:" in page.text_content("article")  # type: ignore[attr-defined]
    page.click("article a[href*='regios/']")  # type: ignore[attr-defined]
    page.wait_for_url("**/regios/*/**")  # type: ignore[attr-defined]
    assert page.locator("article p.bron").count() >= 1  # type: ignore[attr-defined]  # the region's passages of that year


PAGES = ["/themas/", "/themas/energie/", "/regios/noordrijn-westfalen/", "/jaren/2026/",
         "/documenten/2020-nl-resultatenbrief/", "/documenten/2026-benelux-jaarplan/", "/404.html", "/", "/zoeken/"]


def test_no_page_asks_another_host_and_the_console_stays_clean(page: object, served: str) -> None:
    for path in PAGES:
        page.goto(served + path)  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert search(page, "waterstof")  # the last page is the search page
    hosts = {urlsplit(url).netloc for url in page.requests if not url.startswith(("data:", "blob:"))}  # type: ignore[attr-defined]
    assert hosts == {urlsplit(served).netloc}
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_year_section_link_is_copied_with_the_origin_it_is_served_from(chromium: object, served: str,
                                                                          host: str) -> None:
    """The same site served under two origins: each copies a link that works where it is served. Under a year
    heading of a theme page that is the year's own page, which the button's name says (issue 23)."""
    origin = served.replace("127.0.0.1", host)
    context = chromium.new_context()  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    tab = context.new_page()
    tab.goto(origin + "/themas/energie/")
    assert tab.get_attribute("#jaar-2023 + button.sectielink", "aria-label") == \
        "Kopieer link naar de pagina Energie in 2023"
    tab.click("#jaar-2023 + button.sectielink")
    tab.wait_for_function("() => document.querySelector('#jaar-2023 + button.sectielink').textContent === 'Gekopieerd'")
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == origin + "/themas/energie/2023/"


def test_an_old_slug_redirects_and_keeps_its_anchor(page: object, renamed: Path) -> None:
    from helpers import serve
    with serve(renamed / "site") as base:
        page.goto(base + "/themas/energie/#jaar-2026")  # type: ignore[attr-defined]
        page.wait_for_url("**/themas/energievoorziening/#jaar-2026")  # type: ignore[attr-defined]
        page.wait_for_load_state("load")  # type: ignore[attr-defined]
        assert in_view(page, "#jaar-2026")


def test_home_page_overview(page: object, served: str) -> None:
    """The table is there at a glance; the screenshot goes to the test log folder."""
    page.goto(served + "/")  # type: ignore[attr-defined]
    table = page.locator("table.matrix-tabel").first  # type: ignore[attr-defined]
    assert table.is_visible() and table.locator("tbody tr").count() == 15
    shot = Path(__file__).resolve().parent.parent / "test-artifacts" / "home.png"
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
    print(f"screenshot of the home page: {shot}")
    page.click("table.matrix-tabel a[href='themas/energie/2026/']")  # type: ignore[attr-defined]
    page.wait_for_url("**/themas/energie/2026/")  # type: ignore[attr-defined]
    assert page.locator("article h1").text_content().startswith("Energie in 2026")  # type: ignore[attr-defined]


def test_every_passage_has_a_visible_copy_link_to_its_paragraph(chromium: object, served: str) -> None:
    """A passage on a theme-year page and a paragraph on its document page copy the same permanent address;
    the control is a 24 px target that the keyboard reaches."""
    context = chromium.new_context()  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    tab = context.new_page()
    tab.goto(served + "/themas/energie/2026/")
    passages = tab.locator("article p.bron")
    buttons = tab.locator("article p.bron button.alineaknop")
    assert passages.count() > 10 and buttons.count() == passages.count()
    first = buttons.nth(0)
    box = first.bounding_box()
    assert box and box["height"] >= 24 and first.is_visible()
    assert first.get_attribute("aria-label") == "Link of bronvermelding van deze alinea"
    target = tab.locator("article p.bron a[href*='documenten/']").nth(0).get_attribute("href")
    first.focus()
    tab.keyboard.press("Enter")  # the menu opens on its first item, Kopieer link
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.querySelector('article p.bron button.alineaknop').textContent === 'Gekopieerd'")
    copied = tab.evaluate("navigator.clipboard.readText()")
    document, anchor = target.split("documenten/")[1].split("#")
    assert copied == f"{served}/documenten/{document}#{anchor}"
    tab.goto(served + f"/documenten/{document}")
    tab.click(f"[id='{anchor}'] button.alineaknop")
    tab.click(f"[id='{anchor}'] [role=menuitem]:text-is('Kopieer link')")
    tab.wait_for_function(f"() => document.querySelector(\"[id='{anchor}'] button.alineaknop\").textContent === 'Gekopieerd'")
    assert tab.evaluate("navigator.clipboard.readText()") == copied
    assert tab.locator("article .documentdeel:not(.documentdeel--inhoud) button.sectielink").count() == 0, \
        "the parts around the content (salutation, signature…) have no control"
    context.close()


def test_a_paragraph_can_be_cited(chromium: object, served: str) -> None:
    context = chromium.new_context()  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    tab = context.new_page()
    tab.goto(served + "/documenten/2020-nl-resultatenbrief/")
    tab.click("[id='begin-p4'] button.alineaknop")
    cite = tab.locator("[id='begin-p4'] [role=menuitem]", has_text="Citeer")
    assert cite.is_visible()
    cite.click()
    tab.wait_for_function("() => [...document.querySelectorAll(\"[id='begin-p4'] button\")].some(b => b.textContent === 'Gekopieerd')")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == ("Minister van Buitenlandse Zaken, S.A. Blok, “Resultaten van het Nederlandse Benelux-voorzitterschap "
                      "2020 en de Benelux Top van 7 oktober 2020”, 10 februari 2021, Eerste Kamer, vergaderjaar "
                      f"2020–2021, 31 585, H, alinea 4, p. 1. {served}/documenten/2020-nl-resultatenbrief/#begin-p4")
    # A paragraph that runs on from page 2 to page 3 of the original (the raw text prints "3" at its break).
    tab.goto(served + "/documenten/2026-nl-prioriteitenbrief/")
    tab.focus("[id='h-1a-p4'] button.alineaknop")
    tab.keyboard.press("ArrowUp")  # the menu opens on its last item, Citeer
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => [...document.querySelectorAll(\"[id='h-1a-p4'] button\")].some(b => b.textContent === 'Gekopieerd')")
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    # Cited as people cite: the section's number and title and the paragraph's place in it (issue 23).
    assert ", § 1.a Economische samenwerking en interne markt, alinea 4, p. 2–3. " in copied, copied
    assert "ongedateerd" in copied and copied.endswith(f"{served}/documenten/2026-nl-prioriteitenbrief/#h-1a-p4"), copied
