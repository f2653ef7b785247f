"""In Chromium, through nginx with the generated configuration: no page kind breaks its Content-Security-Policy
or logs an error, and what a reader does (copy a link, cite, switch the colours, search) still works."""

from __future__ import annotations

import base64
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import browser, chromium_missing, search
from nginx_server import published

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));"""
"""Runs in every page before its own scripts; the browser reports each violation to it."""


def first(folder: Path, pattern: str) -> str:
    """The address of the first page below `folder` whose path matches `pattern` (for any corpus)."""
    found = sorted(p for p in folder.glob(pattern) if p.is_file())
    assert found, pattern
    return "/" + found[0].relative_to(folder).as_posix().removesuffix("index.html")


@pytest.fixture(scope="module")
def base(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with published(built / "site", tmp_path_factory.mktemp("nginx")) as address:
        yield address


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    with browser() as instance:
        yield instance


class Tab:
    """A page in a fresh context that records CSP violations, console errors and page errors."""

    def __init__(self, chromium: object, origin: str) -> None:
        self.context = chromium.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        self.context.add_init_script(LISTEN)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"{m.location['url']}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"{self.page.url}: {e}"))

    def open(self, url: str) -> list[str]:
        """Open `url` and wait until it is quiet; the violations it recorded."""
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return self.violations()

    def violations(self) -> list[str]:
        return [f"{self.page.url}: {v}" for v in self.page.evaluate("window.__violations || []")]


@pytest.fixture
def tab(chromium: object, base: str) -> Iterator[Tab]:
    opened = Tab(chromium, base.split("/", 3)[0] + "//" + base.split("/", 3)[2])
    yield opened
    opened.context.close()


def page_kinds(site: Path) -> dict[str, str]:
    return {
        "home": "/", "theme": first(site, "themas/*/index.html"), "theme-year": first(site, "themas/*/*/index.html"),
        "region": first(site, "regios/*/index.html"), "year": first(site, "jaren/*/index.html"),
        "document": first(site, "documenten/*/index.html"), "accessibility": "/toegankelijkheid/",
        "404": "/bestaat-niet/", "feed": first(site, "feeds/themas/*.xml"), "site feed": "/feeds/alles.xml",
    }


def test_no_page_kind_violates_its_policy_or_logs_an_error(built: Path, base: str, tab: Tab) -> None:
    found: list[str] = []
    kinds = page_kinds(built / "site")
    for path in kinds.values():
        found += tab.open(base + path)
    assert "<feed" in tab.page.text_content("body")  # Chromium shows an Atom feed as text
    # The search, with a query and then a filter: Pagefind's script, worker and WebAssembly run.
    found += tab.open(base + "/zoeken/")
    theme = tab.page.eval_on_selector("#zoek-thema option:nth-child(2)", "o => o.value")
    results = search(tab.page, "Benelux")
    assert results, "the search finds results"
    tab.page.goto(base + f"/zoeken/?q=Benelux&thema={theme}")
    tab.page.wait_for_function("() => document.getElementById('zoek-status').textContent.includes('beperkingen')")
    found += tab.violations()
    assert tab.page.locator("li.zoek-resultaat").count() >= 1
    print(f"pages checked in Chromium through nginx: {len(kinds) + 3}; CSP violations: {len(found)}; "
          f"console errors: {len(tab.errors)}")
    assert found == []
    # The one error Chromium logs: the missing page's own status, which is the point of that page.
    missing = f"{base}{kinds['404']}: Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert missing in tab.errors, tab.errors
    assert [e for e in tab.errors if e != missing] == []


def test_the_feeds_policy_allows_the_style_of_its_xslt_page(built: Path, base: str, tab: Tab) -> None:
    """Browsers that apply the feed's XSLT page to an Atom feed (Firefox) get its inline style allowed. Chromium
    applies it only to plain XML, so the test hands it the feed as such, and reads what the page's style is."""
    feed = base + page_kinds(built / "site")["feed"]
    policy = {}
    def as_plain_xml(route: object) -> None:
        response = route.fetch()  # type: ignore[attr-defined]
        policy["csp"] = response.headers["content-security-policy"]
        route.fulfill(response=response, headers={**response.headers, "content-type": "application/xml"})  # type: ignore[attr-defined]
    tab.page.route(feed, as_plain_xml)
    tab.page.goto(feed)
    tab.page.wait_for_selector("main h1")
    styles = tab.page.evaluate("[...document.querySelectorAll('head style')].map(s => s.textContent)")
    assert styles and tab.page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") == "none"
    assert tab.page.evaluate("getComputedStyle(document.body).maxWidth") != "none", "the page's own style applies"
    for text in styles:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy["csp"].split("style-src")[1].split(";")[0]


def test_copy_link_cite_and_the_palette_toggle_work_under_the_policy(built: Path, base: str, tab: Tab) -> None:
    page = tab.page
    violations = tab.open(base + first(built / "site", "documenten/*/index.html"))
    button = page.locator("article button.alineaknop").first  # a paragraph's menu: Kopieer link, Citeer
    anchor = button.evaluate("b => b.closest('[id]').id")
    button.click()
    page.locator("article [role=menuitem]:visible", has_text="Kopieer link").click()
    page.wait_for_function("() => [...document.querySelectorAll('article button.sectielink')]"
                           ".some(b => b.textContent === 'Gekopieerd')")
    assert page.evaluate("navigator.clipboard.readText()").endswith("#" + anchor)
    button.click()
    page.locator("article [role=menuitem]:visible", has_text="Citeer").click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.includes(', alinea '))")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.click("form[data-md-component='palette'] label:not([hidden])")
    page.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') !== {before!r}")
    page.reload()  # the choice is stored and restored by Material's inline palette script
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != before
    violations += tab.violations()
    assert violations == [] and tab.errors == []


def test_an_inline_script_the_build_did_not_emit_is_blocked(built: Path, chromium: object,
                                                            tmp_path: Path) -> None:
    """The check can fail: a page given an extra inline script after the build is refused by the policy."""
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    page = site / "extra" / "index.html"
    page.parent.mkdir()
    html = (site / "index.html").read_text(encoding="utf-8").replace('href="', 'href="../').replace('src="', 'src="../')
    page.write_text(html.replace("</body>", "<script>document.title = 'ingevoegd'</script></body>"), encoding="utf-8")
    with published(site, tmp_path / "nginx") as served:
        tab = Tab(chromium, served)
        found = tab.open(served + "/extra/")
        home = tab.open(served + "/")
        title = tab.page.title()
        tab.page.goto(served + "/extra/")
        assert tab.page.title() != "ingevoegd"
        tab.context.close()
    # Its script is refused; so is its printed page header, whose hash only the pages of the build have.
    assert sorted(v.split(": ", 1)[1].split()[0] for v in found) == ["script-src-elem", "style-src-elem"], found
    assert home == [] and title
