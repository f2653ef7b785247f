"""Trust and follow (issue 23), as a reader meets them at 390 and 1280 px, by keyboard and by mouse: the page
about the site and the contact route of the accessibility statement, a Dutch "Volgen" page per feed, copy
buttons that say what they copy and announce it, and a 404 page that works below any folder."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser import chromium_missing
from helpers import QuietHandler, build_site, project, serve

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

WIDTHS = [390, 1280]
ATOM = "{http://www.w3.org/2005/Atom}"
CONTACT = "redactie@voorbeeld.example"


@pytest.fixture(scope="module")
def with_contact(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A one-document site whose mkdocs.yml names a publisher and a contact address; served, its base URL."""
    work = tmp_path_factory.mktemp("contact")
    raw = work / "raw-one"
    raw.mkdir()
    first = sorted((Path(__file__).resolve().parent.parent / "raw").glob("*.txt"))[0]
    shutil.copy(first, raw / first.name)
    project(work / "project", raw)
    config = work / "project" / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.unlink()
    assert '  uitgever: ""\n  contact: ""\n' in text
    config.write_text(text.replace('  uitgever: ""\n  contact: ""\n',
                                   f'  uitgever: "De redactie van het archief"\n  contact: "{CONTACT}"\n'),
                      encoding="utf-8")
    site = build_site(work / "project", raw) / "site"
    with serve(site) as base:
        yield base


def _tab(chromium: object, width: int, origin: str | None = None) -> tuple[object, object]:
    context = chromium.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    if origin:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    return context, context.new_page()


def _tab_to(tab: object, test: str, limit: int = 120) -> None:
    """Press Tab until the focused element passes `test` (a JavaScript function of it)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")  # type: ignore[attr-defined]
        if tab.evaluate(f"({test})(document.activeElement)"):  # type: ignore[attr-defined]
            return
    raise AssertionError(f"Tab never reached {test}")


def _in_view(tab: object, selector: str) -> bool:
    return bool(tab.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth; }""", selector))  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_footer_leads_to_a_page_about_the_site(chromium: object, served: str, width: int) -> None:
    """Who publishes the site, what it holds and not, how passages get their themes and that editors correct
    them, when it was built; without a contact address configured, a placeholder says so plainly."""
    context, tab = _tab(chromium, width)
    tab.goto(served + "/toegankelijkheid/")  # type: ignore[attr-defined]
    _tab_to(tab, "e => e.textContent.trim() === 'Over deze site' && !!e.closest('footer')")
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_url("**/over/")  # type: ignore[attr-defined]
    main = tab.locator("article").inner_text()  # type: ignore[attr-defined]
    for heading in ("Over deze site", "Wie deze site maakt", "Wat de site bevat", "Wat de site niet bevat",
                    "Hoe alinea's hun thema's krijgen", "Contact", "Laatst bijgewerkt"):
        assert tab.locator("article :is(h1, h2)", has_text=heading).first.is_visible(), heading  # type: ignore[attr-defined]
    assert "Redacteuren lezen de indeling na en verbeteren haar" in main
    assert "Nog geen contactadres opgegeven" in main and "extra.contact" in main
    built = tab.locator("#bijgewerkt ~ p time").first  # type: ignore[attr-defined]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", built.get_attribute("datetime") or "")
    assert re.fullmatch(r"\d{1,2} [a-z]+ \d{4}", built.inner_text())
    assert re.search(r"\b\d+ documenten\b", main) and tab.locator("article a[href$='documenten/']").count() >= 1  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_contact_address_from_the_configuration_is_on_both_pages(chromium: object, with_contact: str,
                                                                    width: int) -> None:
    context, tab = _tab(chromium, width)
    for path in ("/over/", "/toegankelijkheid/"):
        tab.goto(with_contact + path)  # type: ignore[attr-defined]
        link = tab.locator("article a.contactadres")  # type: ignore[attr-defined]
        assert link.is_visible() and link.inner_text() == CONTACT, path
        assert link.get_attribute("href") == f"mailto:{CONTACT}"
        assert "Nog geen contactadres" not in tab.locator("article").inner_text()  # type: ignore[attr-defined]
    tab.goto(with_contact + "/over/")  # type: ignore[attr-defined]
    assert "De redactie van het archief maakt en beheert deze site." in tab.locator("article").inner_text()  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


def test_the_accessibility_statement_has_a_contact_route(chromium: object, served: str) -> None:
    context, tab = _tab(chromium, 390)
    tab.goto(served + "/toegankelijkheid/")  # type: ignore[attr-defined]
    heading = tab.locator("article h2", has_text="Contact")  # type: ignore[attr-defined]
    assert heading.is_visible()
    text = tab.locator("article").inner_text()  # type: ignore[attr-defined]
    assert "Meld het ons" in text and "Nog geen contactadres opgegeven" in text
    tab.click("article a[href$='over/']")  # type: ignore[attr-defined]
    tab.wait_for_url("**/over/")  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_theme_has_a_dutch_volgen_page_with_its_feed_address_to_copy(chromium: object, served: str,
                                                                      built: Path, width: int) -> None:
    """From the theme page to its Volgen page by keyboard: the newest documents, how to subscribe, and the
    feed's full address, which its button copies and announces. No XSLT: an ordinary page of the site."""
    context, tab = _tab(chromium, width, served)
    tab.goto(served + "/themas/energie/")  # type: ignore[attr-defined]
    _tab_to(tab, "e => e.textContent.trim() === 'zo volgt u Energie'")
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_url("**/volgen/themas/energie/")  # type: ignore[attr-defined]
    assert tab.locator("article h1").inner_text().startswith("Energie volgen")  # type: ignore[attr-defined]
    text = tab.locator("article").inner_text()  # type: ignore[attr-defined]
    assert "feedlezer" in text and "abonneren" in text
    address = f"{served}/feeds/themas/energie.xml"
    shown = tab.locator("article a.feedadres")  # type: ignore[attr-defined]
    assert shown.inner_text() == address and _in_view(tab, "article a.feedadres")
    feed = ET.parse(built / "site" / "feeds" / "themas" / "energie.xml").getroot()
    listed = tab.locator("article h2:has-text('Nieuwste') ~ ul > li")  # type: ignore[attr-defined]
    assert listed.count() == min(10, len(feed.findall(f"{ATOM}entry"))) > 0
    first_title = feed.find(f"{ATOM}entry/{ATOM}title").text.rsplit(":", 1)[0]
    assert listed.first.inner_text().startswith(first_title), "newest first, as in the feed"
    _tab_to(tab, "e => e.getAttribute('aria-label') === 'Kopieer feedadres naar de feed'")
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_function("() => document.querySelector('.kopieerstatus').textContent === "  # type: ignore[attr-defined]
                          "'Link naar de feed gekopieerd'")
    assert tab.evaluate("navigator.clipboard.readText()") == address  # type: ignore[attr-defined]
    button = tab.locator("article a.feedadres + button")  # type: ignore[attr-defined]
    assert button.inner_text() == "Gekopieerd" and button.get_attribute("aria-label") == "Gekopieerd"
    assert tab.evaluate("document.activeElement.textContent") == "Gekopieerd", "the focus stays on the button"
    assert tab.get_attribute(".kopieerstatus", "role") == "status"  # type: ignore[attr-defined]
    tab.goto(served + "/volgen/")  # type: ignore[attr-defined]
    assert tab.locator("article a.feedadres").inner_text() == f"{served}/feeds/alles.xml"  # type: ignore[attr-defined]
    tab.click("article a:text-is('Energie')")  # type: ignore[attr-defined]
    tab.wait_for_url("**/volgen/themas/energie/")  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


def test_every_feed_has_a_volgen_page_and_every_theme_and_region_links_to_it(built: Path) -> None:
    site = built / "site"
    feeds = sorted(p.relative_to(site / "feeds").with_suffix("").as_posix() for p in (site / "feeds").rglob("*.xml"))
    assert len(feeds) > 10
    for feed in feeds:
        page = site / "volgen" / ("" if feed == "alles" else feed) / "index.html"
        assert page.is_file(), feed
        assert f"feeds/{feed}.xml" in page.read_text(encoding="utf-8"), feed
        if feed != "alles":
            assert f'href="../../volgen/{feed}/"' in (site / feed / "index.html").read_text(encoding="utf-8"), feed


@pytest.mark.parametrize("width", WIDTHS)
def test_copy_buttons_say_what_they_copy(chromium: object, served: str, width: int) -> None:
    """Under a year heading of a theme page the button copies the year's page (by mouse); a theme-year page
    copies its own address from the button under its title (by keyboard); each is announced."""
    context, tab = _tab(chromium, width, served)
    tab.goto(served + "/themas/energie/")  # type: ignore[attr-defined]
    button = tab.locator("#jaar-2026 + button.sectielink")  # type: ignore[attr-defined]
    assert button.inner_text() == "Kopieer link"
    assert button.get_attribute("aria-label") == "Kopieer link naar de pagina Energie in 2026"
    button.click()
    tab.wait_for_function("() => document.querySelector('.kopieerstatus').textContent === "  # type: ignore[attr-defined]
                          "'Link naar de pagina Energie in 2026 gekopieerd'")
    assert tab.evaluate("navigator.clipboard.readText()") == f"{served}/themas/energie/2026/"  # type: ignore[attr-defined]
    tab.wait_for_function("() => document.querySelector('#jaar-2026 + button').textContent === 'Kopieer link'",  # type: ignore[attr-defined]
                          timeout=4000)
    assert button.get_attribute("aria-label") == "Kopieer link naar de pagina Energie in 2026", "label restored"
    tab.goto(served + "/themas/energie/2026/")  # type: ignore[attr-defined]
    _tab_to(tab, "e => e.getAttribute('aria-label') === 'Kopieer link naar deze pagina'", limit=40)
    assert _in_view(tab, "article h1 + button.sectielink")
    heading = tab.locator("article h1").bounding_box()  # type: ignore[attr-defined]
    box = tab.locator("article h1 + button.sectielink").bounding_box()  # type: ignore[attr-defined]
    assert box["y"] >= heading["y"] + heading["height"] - 1 and box["height"] >= 24, "under the title"
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_function("() => document.querySelector('.kopieerstatus').textContent === "  # type: ignore[attr-defined]
                          "'Link naar deze pagina gekopieerd'")
    assert tab.evaluate("navigator.clipboard.readText()") == f"{served}/themas/energie/2026/"  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


@contextmanager
def _under(site: Path, prefix: str) -> Iterator[str]:
    """The site served below `prefix` ("/benelux/"), every missing address answered with its 404.html."""
    class Handler(QuietHandler):
        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(site / "bestaat-niet-hier")
            return super().translate_path("/" + path[len(prefix):])

    with serve(site, handler=Handler) as base:
        yield base


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("missing", ["bestaat-niet/", "themas/bestaat-niet/", "documenten/a/b/"])
def test_the_404_page_works_below_a_folder_without_a_site_url(chromium: object, built: Path, width: int,
                                                              missing: str) -> None:
    """Built without SITE_URL and served under /benelux/: the 404 page has its styles (its logo a header icon,
    not a picture filling the screen), and its links, followed by keyboard, lead to the site's pages."""
    with _under(built / "site", "/benelux/") as origin:
        context, tab = _tab(chromium, width)
        failed: list[str] = []
        tab.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.request.resource_type != "document"  # type: ignore[attr-defined]
               else None)
        response = tab.goto(f"{origin}/benelux/{missing}")  # type: ignore[attr-defined]
        assert response.status == 404
        assert tab.locator("h1", has_text="Pagina niet gevonden").is_visible()  # type: ignore[attr-defined]
        icons = tab.evaluate("""() => [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect())
            .filter(r => r.width > 0).map(r => Math.max(r.width, r.height))""")  # type: ignore[attr-defined]
        assert icons and max(icons) <= 48, icons
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # type: ignore[attr-defined]
        assert failed == [], "every style, script and image loads"
        _tab_to(tab, "e => e.textContent.trim() === 'Alle thema\\'s'")
        tab.keyboard.press("Enter")  # type: ignore[attr-defined]
        tab.wait_for_url(f"{origin}/benelux/themas/")  # type: ignore[attr-defined]
        assert tab.locator("article h1").inner_text().startswith("Thema")  # type: ignore[attr-defined]
        tab.goto(f"{origin}/benelux/{missing}")  # type: ignore[attr-defined]
        tab.click("text=Naar de startpagina")  # type: ignore[attr-defined]
        tab.wait_for_url(f"{origin}/benelux/")  # type: ignore[attr-defined]
        context.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_paragraph_has_one_control_a_menu_to_copy_its_link_or_cite_it(chromium: object, served: str,
                                                                       width: int) -> None:
    """One Tab stop per paragraph (issue 23: the Jaarplan had two buttons on each): "Link" opens a menu with
    "Kopieer link" and "Citeer" by keyboard (Enter, arrows, Escape, Tab) and by mouse, inside the window."""
    context, tab = _tab(chromium, width, served)
    tab.goto(served + "/documenten/2026-benelux-jaarplan/")  # type: ignore[attr-defined]
    per_paragraph = tab.evaluate("""() => [...document.querySelectorAll('article p[id], article li[id]')]
        .filter(p => p.querySelector(':scope > .alineamenu, :scope > button.sectielink'))
        .map(p => [...p.querySelectorAll('button')].filter(b => b.tabIndex >= 0).length)""")  # type: ignore[attr-defined]
    assert len(per_paragraph) > 100 and set(per_paragraph) == {1}
    paragraph = tab.evaluate("document.querySelector('article .alineamenu').closest('[id]').id")  # type: ignore[attr-defined]
    trigger = tab.locator(f"[id='{paragraph}'] button.alineaknop")  # type: ignore[attr-defined]
    assert trigger.inner_text() == "Link" and trigger.get_attribute("aria-expanded") == "false"
    _tab_to(tab, "e => e.classList.contains('alineaknop')", limit=200)
    assert tab.evaluate("document.activeElement.closest('[id]').id") == paragraph  # type: ignore[attr-defined]
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    menu = tab.locator(f"[id='{paragraph}'] [role=menu]")  # type: ignore[attr-defined]
    assert menu.is_visible() and trigger.get_attribute("aria-expanded") == "true"
    assert tab.evaluate("document.activeElement.textContent") == "Kopieer link"  # type: ignore[attr-defined]
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    tab.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    assert tab.evaluate("document.activeElement.textContent") == "Citeer"  # type: ignore[attr-defined]
    tab.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert not menu.is_visible() and tab.evaluate("document.activeElement.classList.contains('alineaknop')")  # type: ignore[attr-defined]
    tab.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_function("() => document.querySelector('.kopieerstatus').textContent === "  # type: ignore[attr-defined]
                          "'Link naar deze alinea gekopieerd'")
    assert tab.evaluate("navigator.clipboard.readText()") == \
        f"{served}/documenten/2026-benelux-jaarplan/#{paragraph}"  # type: ignore[attr-defined]
    assert trigger.inner_text() == "Gekopieerd" and not menu.is_visible()
    assert tab.evaluate("document.activeElement.classList.contains('alineaknop')"), "the focus is back on the button"  # type: ignore[attr-defined]
    trigger.click()
    assert menu.is_visible()
    tab.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert not menu.is_visible(), "Tab closes the menu"
    assert tab.evaluate("document.activeElement.closest('[role=menu]')") is None  # type: ignore[attr-defined]
    trigger.click()
    tab.locator(f"[id='{paragraph}'] [role=menuitem]", has_text="Citeer").click()  # type: ignore[attr-defined]
    tab.wait_for_function("() => document.querySelector('.kopieerstatus').textContent === "  # type: ignore[attr-defined]
                          "'Bronvermelding van deze alinea gekopieerd'")
    cited = tab.evaluate("navigator.clipboard.readText()")  # type: ignore[attr-defined]
    address = f"{served}/documenten/2026-benelux-jaarplan/#{paragraph}"
    assert "Jaarplan" in cited and (cited.endswith(address) or f"{address} (origineel: " in cited), cited
    trigger.click()
    assert menu.is_visible()
    tab.locator("article h1").click()  # type: ignore[attr-defined]
    assert not menu.is_visible(), "a click elsewhere closes the menu"
    context.close()  # type: ignore[attr-defined]
