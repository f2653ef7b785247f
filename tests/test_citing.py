"""Citing and finding one's way in a document (issue 23), as a reader sees it at 1280 and 390 px, by mouse and
by keyboard: the original's page numbers in the margin (and on paper), "Citeer" on theme, region and theme-year
pages and on a letter's opening, host names in lower case, and a publication's cover shown as its title with its
printed contents leading to the sections. The pages are found by what they hold, so any corpus will do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import chromium_missing

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

WAYS = [(1280, "mouse"), (390, "keyboard"), (1280, "keyboard"), (390, "mouse")]


def _pages_with(built: Path, needle: str) -> list[str]:
    """Addresses (below the site root) of the built pages whose HTML holds `needle`, in a fixed order."""
    root = built / "site"
    folders = [f.relative_to(root).parent for f in sorted(root.rglob("index.html"))
               if needle in f.read_text(encoding="utf-8")]
    return ["" if folder == Path() else f"{folder.as_posix()}/" for folder in folders]


def _open(chromium: object, served: str, width: int) -> tuple[object, object]:
    context = chromium.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    return context, context.new_page()


def _cite(tab: object, control: str, way: str) -> str:
    """Choose Citeer in the menu of the control at CSS selector `control`; what the clipboard then holds."""
    trigger = tab.locator(control).first  # type: ignore[attr-defined]
    trigger.scroll_into_view_if_needed()
    if way == "mouse":
        trigger.click()
        trigger.locator("xpath=..").locator("[role=menuitem]", has_text="Citeer").click()
    else:
        trigger.focus()
        tab.keyboard.press("Enter")  # type: ignore[attr-defined]  # opens on Kopieer link
        tab.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
        assert tab.evaluate("document.activeElement.textContent") == "Citeer"  # type: ignore[attr-defined]
        tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_function("t => t.textContent === 'Gekopieerd'", arg=trigger.element_handle())  # type: ignore[attr-defined]
    return str(tab.evaluate("navigator.clipboard.readText()"))  # type: ignore[attr-defined]


def _box(tab: object, selector: str) -> dict[str, float]:
    return tab.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; }""", selector)  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_pages_of_the_original_are_shown_where_they_begin(chromium: object, served: str, built: Path,
                                                               width: int) -> None:
    """"p. 3" stands beside the line where page 3 begins: in the left margin on a wide screen and on paper, in
    the text on a phone; selecting the text leaves it out."""
    documents = [p for p in _pages_with(built, 'class="pagina" data-pagina') if "documenten/" in p]
    assert documents, "the corpus has documents whose printed page numbers are known"
    context, tab = _open(chromium, served, width)
    tab.goto(f"{served}/{documents[0]}")  # type: ignore[attr-defined]
    marker = "article p .pagina"
    tab.locator(marker).first.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    number = tab.get_attribute(marker, "data-pagina")  # type: ignore[attr-defined]
    shown = tab.locator(marker).first  # type: ignore[attr-defined]
    assert shown.is_visible() and shown.inner_text() == f"p. {number}"
    page_number, paragraph = _box(tab, marker), tab.evaluate(  # type: ignore[attr-defined]
        "s => { const r = document.querySelector(s).closest('p').getBoundingClientRect(); return {left: r.left}; }",
        marker)
    assert page_number["left"] >= 0 and page_number["right"] <= width
    if width >= 1280:
        assert page_number["right"] <= paragraph["left"], "in the margin, left of the text"
    else:
        assert page_number["left"] >= paragraph["left"], "on a phone, in the text"
    assert tab.evaluate("s => getComputedStyle(document.querySelector(s)).userSelect", marker) == "none"  # type: ignore[attr-defined]
    tab.emulate_media(media="print")  # type: ignore[attr-defined]
    printed, paragraph = _box(tab, marker), tab.evaluate(  # type: ignore[attr-defined]
        "s => { const r = document.querySelector(s).closest('p').getBoundingClientRect(); return {left: r.left}; }",
        marker)
    assert printed["width"] > 0 and printed["right"] <= paragraph["left"], "on paper, in the margin"
    context.close()


@pytest.mark.parametrize(("width", "way"), WAYS)
@pytest.mark.parametrize("kind", ["dossier", "year page"])
def test_a_passage_elsewhere_is_cited_as_on_its_document_page(chromium: object, served: str, built: Path,
                                                               width: int, way: str, kind: str) -> None:
    """Citeer of a passage on a theme or region page (its dossier) and on a theme-year page copies the same
    citation as Citeer of that paragraph on its own document page: place, page and address included."""
    needle = 'class="dossier"' if kind == "dossier" else 'class="bron"'
    pages = [p for p in _pages_with(built, needle) if "documenten/" not in p]
    assert pages, f"the site has pages with a {kind}"
    context, tab = _open(chromium, served, width)
    tab.goto(f"{served}/{pages[0]}")  # type: ignore[attr-defined]
    holder = "article details[open] ol.dossier-alineas > li" if kind == "dossier" else "article p.bron"
    link = tab.locator(f"{holder} a[href*='#']").first.get_attribute("href")  # type: ignore[attr-defined]
    copied = _cite(tab, f"{holder} button.alineaknop", way)
    tab.goto(f"{served}/{pages[0]}{link}")  # type: ignore[attr-defined]
    anchor = link.split("#")[1]
    assert tab.evaluate("location.hash") == f"#{anchor}"  # type: ignore[attr-defined]
    at_home = _cite(tab, f"[id='{anchor}'] button.alineaknop", "mouse")
    context.close()
    assert copied == at_home
    assert copied.endswith(f"#{anchor}") or "(origineel: " in copied, copied
    assert re.search(r", (§ [\w.]+ .+|onder ‘.+’|alinea \d+)", copied), copied


@pytest.mark.parametrize(("width", "way"), WAYS[:2])
def test_a_letters_opening_can_be_cited(chromium: object, served: str, built: Path, width: int, way: str) -> None:
    """A part of a document that carries content (the opening of a letter) has the paragraph menu; the parts
    around it (salutation, signature) have none."""
    documents = _pages_with(built, "documentdeel--inhoud")
    assert documents, "the corpus has a letter with an opening"
    context, tab = _open(chromium, served, width)
    tab.goto(f"{served}/{documents[0]}")  # type: ignore[attr-defined]
    opening = tab.locator("article .documentdeel--inhoud").first  # type: ignore[attr-defined]
    anchor = opening.get_attribute("id")
    copied = _cite(tab, f"[id='{anchor}'] button.alineaknop", way)
    assert copied.endswith(f"/{documents[0]}#{anchor}") or f"/{documents[0]}#{anchor} (origineel: " in copied
    assert tab.locator("article .documentdeel:not(.documentdeel--inhoud) .alineaknop").count() == 0  # type: ignore[attr-defined]
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_host_name_alone_reads_in_lower_case(chromium: object, served: str, built: Path, width: int) -> None:
    """A footnote address that the source writes as a bare host name ("Benelux.int") reads "benelux.int"."""
    documents = [p for p in _pages_with(built, 'class="footnote"') if "documenten/" in p]
    context, tab = _open(chromium, served, width)
    hosts: list[str] = []
    for document in documents:
        tab.goto(f"{served}/{document}")  # type: ignore[attr-defined]
        hosts += tab.eval_on_selector_all(  # type: ignore[attr-defined]
            ".footnote a[href^='http']",
            "links => links.filter(a => /^[\\w-]+(\\.[\\w-]+)+$/.test(a.textContent))"
            ".filter(a => a.getAttribute('href').toLowerCase() === 'https://' + a.textContent.toLowerCase())"
            ".map(a => a.textContent)")
    context.close()
    assert hosts, "the corpus has footnotes that give only a host name"
    assert all(host == host.lower() for host in hosts), hosts


@pytest.mark.parametrize(("width", "way"), WAYS[:2])
def test_a_cover_is_a_title_and_the_contents_lead_to_the_sections(chromium: object, served: str, built: Path,
                                                                 width: int, way: str) -> None:
    """The cover lines of a publication read as its title, not as headings, and keep their addresses; a line of
    its printed table of contents is a link that brings the reader to the section it names."""
    documents = _pages_with(built, 'class="omslag"')
    assert documents, "the corpus has a publication with a cover"
    context, tab = _open(chromium, served, width)
    tab.goto(f"{served}/{documents[0]}")  # type: ignore[attr-defined]
    lines = tab.locator("article .omslag__regel")  # type: ignore[attr-defined]
    texts = [t.strip() for t in lines.all_inner_texts()]
    assert texts and lines.first.is_visible()
    headings = [t.strip() for t in tab.locator("article :is(h2, h3, h4, h5)").all_inner_texts()]  # type: ignore[attr-defined]
    assert not set(texts) & set(headings), "the cover lines are no headings"
    assert tab.evaluate("parseFloat(getComputedStyle(document.querySelector('.omslag')).fontWeight)") >= 700  # type: ignore[attr-defined]
    old = lines.first.get_attribute("id")
    tab.goto(f"{served}/{documents[0]}#{old}")  # type: ignore[attr-defined]
    box = _box(tab, f"[id='{old}']")
    assert 0 <= box["top"] < 900, "an address given out to a cover line still lands on it"
    entry = tab.locator("article .documentdeel a[href^='#']").nth(2)  # type: ignore[attr-defined]
    target = entry.get_attribute("href")
    name = entry.inner_text().strip()
    entry.scroll_into_view_if_needed()
    if way == "mouse":
        entry.click()
    else:
        entry.focus()
        tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_function("h => location.hash === h", arg=target)  # type: ignore[attr-defined]
    heading = tab.locator(f"[id='{target[1:]}']")  # type: ignore[attr-defined]
    assert heading.inner_text().replace("¶", "").strip().lower() == name.lower()
    assert 0 <= _box(tab, f"[id='{target[1:]}']")["top"] < 900, "the section is in view"
    context.close()


def test_no_source_line_names_a_cover(built: Path) -> None:
    """Where a passage comes from (its source line on theme, region and year pages) begins at its section, not
    at the cover of its document."""
    root = built / "site"
    covers = {re.sub(r"<[^>]+>", "", m) for f in root.rglob("index.html")
              for m in re.findall(r'<span class="omslag__regel"[^>]*>(.*?)</span>', f.read_text(encoding="utf-8"))}
    assert covers
    lines = [re.sub(r"<[^>]+>", "", m) for f in root.rglob("index.html")
             for m in re.findall(r'<p class="bron"[^>]*>(.*?)</p>', f.read_text(encoding="utf-8"), re.DOTALL)]
    assert lines
    assert not [line for line in lines for cover in covers if f"› {cover}" in line or f"{cover} ›" in line]
