"""The checkers auditors use, run on the built site: axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on every page kind
at two widths in both colour schemes, and the Nu HTML Checker on every page. `make test` installs both from
tests/tools/package-lock.json (npm) and Debian's Java."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import browser, chromium_missing
from helpers import ROOT

TOOLS = ROOT / "tests" / "tools" / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

PAGE_KINDS = {
    "start": "/",
    "themas": "/themas/",
    "thema": "/themas/energie/",
    "thema-jaar": "/themas/energie/2026/",
    "jaren": "/jaren/",
    "jaar": "/jaren/2026/",
    "regios": "/regios/",
    "regio": "/regios/noordrijn-westfalen/",
    "regio-jaar": "/regios/noordrijn-westfalen/2026/",
    "documenten": "/documenten/",
    "document": "/documenten/2026-benelux-jaarplan/",
    "toegankelijkheid": "/toegankelijkheid/",
    "over": "/over/",
    "volgen": "/volgen/",
    "volgen-thema": "/volgen/themas/energie/",
    "niet-gevonden": "/bestaat-niet/",
    "zoeken": "/zoeken/?q=waterstof",
}
"""Every kind of page a reader meets, by name; the search page with its results open."""
VIEWS = [(1280, "light"), (1280, "dark"), (320, "light"), (320, "dark")]


def unavailable(reason: str) -> None:
    """Skip with the reason; under `make test` (BENELUX_CHECKERS=required) a missing checker is a failure, so
    that a run without them never passes for one with them."""
    if os.environ.get("BENELUX_CHECKERS") == "required":
        pytest.fail(reason)
    pytest.skip(reason)


def open_page(tab: object, base: str, path: str) -> None:
    tab.goto(base + path)  # type: ignore[attr-defined]
    if path.startswith("/zoeken/"):
        tab.wait_for_selector("li.zoek-resultaat")  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    reason = chromium_missing() or (None if AXE.exists() else f"{AXE} is missing: run `make test` (npm ci in tests/tools)")
    if reason:
        unavailable(reason)
    with browser() as instance:
        yield instance


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_violation(chromium: object, served: str, kind: str) -> None:
    """Zero axe-core violations on this page kind, at 1280 and 320 px, in the light and the dark scheme."""
    found = []
    for width, scheme in VIEWS:
        context = chromium.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)  # type: ignore[attr-defined]
        tab = context.new_page()
        open_page(tab, served, PAGE_KINDS[kind])
        shown = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == ("slate" if scheme == "dark" else "default"), "the page follows the system's colour scheme"
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        assert result["passes"], "axe ran its checks"
        for violation in result["violations"]:
            for node in violation["nodes"][:3]:
                found.append(f"{width}px {scheme}: {violation['id']} at {node['target']}: {node['failureSummary'][:160]}")
        context.close()
    assert found == []


def test_the_html_checker_finds_no_error(built: Path) -> None:
    """The Nu HTML Checker finds no error in any built page (Material's few are corrected by the hook)."""
    if not VNU.exists() or not shutil.which("java"):
        unavailable(f"{VNU} or java is missing: run `make test` (npm ci in tests/tools, Debian's Java)")
    pages = sorted(str(p) for p in (built / "site").rglob("*.html"))
    assert len(pages) > 50
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    assert [f"{m['url'].split('/site/')[-1]}: {m['message']}" for m in messages] == []


STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
"""Injected before measuring: what is seen once transitions end, without waiting for them."""

FOCUSED = """() => {
  const rgba = c => { const m = c.match(/[\\d.]+/g) || [0, 0, 0, 0]; return m.length < 4 ? [...m.map(Number), 1] : m.map(Number); };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { for (let x = el; x; x = x.parentElement) { const c = rgba(getComputedStyle(x).backgroundColor);
                               if (c[3] > 0.5) return c; } return rgba(getComputedStyle(document.body).backgroundColor); };
  let e = document.activeElement;
  if (!e || e === document.body) return null;
  const own = e.getBoundingClientRect();
  // The colour scheme toggle is a hidden radio button; the label after it shows it and its focus.
  if ((own.width === 0 || own.height === 0) && e.nextElementSibling && e.nextElementSibling.tagName === 'LABEL') e = e.nextElementSibling;
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  let shown = r.width > 0 && r.height > 0;
  for (let x = e; x; x = x.parentElement) { const c = getComputedStyle(x);
    if (c.visibility === 'hidden' || c.display === 'none' || c.opacity === '0') shown = false; }
  const outline = rgba(s.outlineColor), bg = background(e.parentElement || e);
  const mixed = outline.slice(0, 3).map((v, i) => v * outline[3] + bg[i] * (1 - outline[3]));
  const [a, b] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
  return {what: e.tagName + ' ' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          shown, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1, contrast: (a + 0.05) / (b + 0.05)};
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("kind", [k for k in PAGE_KINDS if k != "niet-gevonden"])
def test_the_keyboard_reaches_only_visible_things_with_a_visible_focus(chromium: object, served: str, kind: str,
                                                                        width: int) -> None:
    """Tab through the first 40 stops: the skip link comes first; every stop is visible, inside the window and
    outlined at 3:1 or more against what is behind it (on a phone the closed menu is not in the Tab order)."""
    context = chromium.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    open_page(tab, served, PAGE_KINDS[kind])
    tab.add_style_tag(content=STILL)
    problems, stops = [], []
    for _ in range(40):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if focused is None:
            break
        stops.append(focused["what"])
        inside = focused["left"] >= 0 and focused["right"] <= width + 1 and focused["bottom"] > 0 and focused["top"] < 800
        if not (focused["shown"] and inside and focused["outline"] and focused["contrast"] >= 3):
            problems.append(focused)
    context.close()
    assert stops and stops[0].startswith("A Ga naar inhoud"), stops[:3]
    assert len(stops) >= 5
    assert problems == []


OVERFLOW = """w => {
  const scrolls = el => { for (let x = el.parentElement; x; x = x.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(x).overflowX)) return true; } return false; };
  const wide = [...document.querySelectorAll('body *')].filter(e => {
      const r = e.getBoundingClientRect(), s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.right > w + 1 && !scrolls(e)
        && !e.closest('.md-sidebar--primary, .md-search, .md-sidebar--secondary'); });
  return {page: document.documentElement.scrollWidth, wide: wide.slice(0, 5).map(e => e.tagName + '.' + e.className)};
}"""

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('article :is(p, li, h1, h2, h3, h4, td, th, a.label, button)')]
    .filter(e => { const r = e.getBoundingClientRect(), closed = e.closest('details:not([open])');
                   return r.width > 0 && r.height > 0 && !(closed && !e.closest('summary')); })
    .map(e => [e, e.getBoundingClientRect()]);
  const found = [];
  for (let i = 0; i < boxes.length && found.length < 5; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    if (a.contains(b) || b.contains(a)) continue;
    const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left), y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (x > 2 && y > 2) found.push(a.tagName + ' ' + a.textContent.trim().slice(0, 30) + ' / ' + b.tagName + ' ' + b.textContent.trim().slice(0, 30));
  }
  return found;
}"""


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_fits_the_window_without_overlap(chromium: object, served: str, kind: str) -> None:
    """At 1280, 390 and 320 px (400 % zoom) nothing is wider than the window (a data table scrolls in its own
    box) and no text overlaps other text; each page kind is saved at 1280 and 390 px in test-artifacts/."""
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    for width in (1280, 390, 320):
        context = chromium.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        open_page(tab, served, PAGE_KINDS[kind])
        tab.add_style_tag(content=STILL)
        overflow = tab.evaluate(OVERFLOW, width)
        assert overflow["page"] <= width and overflow["wide"] == [], (width, overflow)
        assert tab.evaluate(OVERLAPS) == [], width
        if width != 320:
            tab.screenshot(path=str(artifacts / f"{kind}-{width}.png"), full_page=False)
        context.close()


TITLES = [line.split(":", 1)[1].strip().strip('"') for p in sorted((ROOT / "raw").glob("*.txt"))
          for line in p.read_text(encoding="utf-8").splitlines()[:3] if line.startswith("title:")]
"""The documents' titles, with which a source line begins."""


def printed(chromium: object, served: str, path: str, out: Path) -> list[str]:
    """The page printed to A4 PDF by Chromium, read back with pdftotext: the text of each printed page."""
    if not shutil.which("pdftotext"):
        unavailable("pdftotext is missing: run `make test` (it installs Debian's poppler-utils)")
    context = chromium.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(served + path)
    tab.emulate_media(media="print")
    tab.pdf(path=str(out), format="A4")
    context.close()
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.parametrize("path, title", [("/themas/energie/2026/", "Energie — Nederlands voorzitterschap 2026"),
                                         ("/documenten/2020-nl-resultatenbrief/", "Resultaten van het Nederlandse")])
def test_a_printed_page_has_text_sources_and_a_running_title(chromium: object, served: str, tmp_path: Path,
                                                              path: str, title: str) -> None:
    """Printed: no buttons and no labels; every page says which site and page it is and its number; each
    passage's source line prints the passage's address and is never the first thing on a page."""
    pages = printed(chromium, served, path, tmp_path / "afdruk.pdf")
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "Benelux-voorzitterschappen — " in text and title in text, number
        assert f"pagina {number} van {len(pages)}" in text, number
        assert "Kopieer link" not in text and "Citeer" not in text and "¶" not in text, number
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = [line for line in lines if "Benelux-voorzitterschappen — " not in line
                and not re.fullmatch(r"pagina \d+ van \d+", line)]
        if number > 1 and path.startswith("/themas/") and body:
            # A source line reads "<document title> <address> › <section>": none opens a printed page.
            opens_with_source = any(body[0].startswith(title[:30]) for title in TITLES) and (
                "<http" in body[0] or (len(body) > 1 and body[1].startswith("<http")))
            assert not opens_with_source and not body[0].startswith(("<http", "›")), (number, body[:2])
    whole = "\n".join(pages)
    if path.startswith("/themas/"):
        assert whole.count(f"<{served}/documenten/") >= 10, "each passage's source prints its address"
        assert "Interne markt en ondernemerschap" not in whole, "theme labels are not printed"


def test_a_feed_opens_as_a_dutch_page_that_explains_subscribing(chromium: object, served: str, built: Path) -> None:
    """Every theme and region has a feed, offered on its page; a browser shows a feed through feed.xsl as a
    readable Dutch page with its entries linked, which axe finds no fault with (Chromium's own banner that it
    will stop supporting XSLT is left out of the check)."""
    site = built / "site"
    for folder in ("themas", "regios"):
        pages = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
        assert len(pages) > 5 and sorted(p.stem for p in (site / "feeds" / folder).glob("*.xml")) == pages, folder
        assert all("Atom-feed" in (site / folder / p / "index.html").read_text(encoding="utf-8") for p in pages)
    feed = (site / "feeds" / "regios" / "noordrijn-westfalen.xml").read_text(encoding="utf-8")
    assert '<?xml-stylesheet type="text/xsl" href="../../stylesheets/feed.xsl"?>' in feed
    context = chromium.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(served + "/feeds/regios/noordrijn-westfalen.xml")
    assert tab.locator("h1").inner_text().startswith("Noordrijn-Westfalen")
    assert "feedlezer" in tab.locator("main").inner_text()
    assert tab.locator("main ol li a").count() == feed.count("<entry>") > 0
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("tags => axe.run({exclude: [['xslt-warning-banner']]}, {runOnly: {type: 'tag', values: tags}})",
                          TAGS)
    context.close()
    assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []


def translations(path: Path) -> dict[str, str]:
    """The key → text table of one of Material's language partials."""
    return dict(re.findall(r'^\s*"([\w.]+)": "(.*)",?$', path.read_text(encoding="utf-8"), re.MULTILINE))


def test_no_english_interface_text_is_left(built: Path) -> None:
    """No page shows or announces one of Material's English interface texts ("Header", "Back to top",
    "Made with"…) where Dutch has its own words; and the 404 page is Dutch."""
    import material
    english = translations(Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html")
    assert len(english) > 40 and english.keys() >= {"header", "footer", "tabs", "top"}
    same_in_dutch = {"Metadata"}
    foreign = {text for text in english.values() if len(text) > 3 and "#" not in text} - same_in_dutch
    found = set()
    for page in (built / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for text in foreign:
            if f'"{text}"' in html or f">{text}<" in html or f"> {text} <" in html:
                found.add(f"{page.relative_to(built / 'site')}: {text}")
        assert "Made with" not in html and "Not found" not in html, page
    assert sorted(found) == []
    assert "<h1>Pagina niet gevonden</h1>" in (built / "site" / "404.html").read_text(encoding="utf-8")
