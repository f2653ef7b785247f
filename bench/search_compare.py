"""Search engines compared on the labelled queries: Material's search (as the site ships it) against Pagefind.

Usage: .venv/bin/python bench/search_compare.py [SITE]      (default: site/, after `make site`)

Both query files count (tests/fixtures/search_queries.tsv, the 43 of the earlier round, and
search_queries_new.tsv, written down by reading before anything was measured). A query hits when one of its
targets is among a result's links (the page, or the page and an anchor) in the first three results, or in the
first result for exact page names; a `nothing` query hits when there is no result at all. Prints hits per
category for each configuration, and the misses.

Pagefind configurations, each indexed into a copy of the built site:
- `pagefind-whole`: Pagefind's defaults, every page's whole body (theme, region and year pages repeat the
  passages of the documents);
- `pagefind-documents`: only the document pages' article, plus the title of every theme, region and year page
  (their passages are copies), Dutch stemming from `lang="nl"`;
- `pagefind-documents+extra`: the same, with the generator's extra Dutch forms (diacritic-free words and
  compound parts, `generator.site.search.extra_terms`) added to each paragraph as hidden text.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from browser import browser, matches, search  # noqa: E402
from helpers import serve  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
Row = tuple[str, str, tuple[str, ...], bool]
"""query, category, targets, first."""
Results = list[list[str]]
"""Per result, best first: its links (path or path#anchor)."""


def rows() -> list[Row]:
    """Every labelled query; the earlier 43 count as category `earlier`."""
    found: list[Row] = []
    for name, columns in (("search_queries.tsv", 3), ("search_queries_new.tsv", 4)):
        with (FIXTURES / name).open(encoding="utf-8") as source:
            for row in csv.reader(source, delimiter="\t"):
                if not row or row[0].startswith("#"):
                    continue
                row = row + [""] * (columns - len(row))
                if columns == 3:
                    found.append((row[0], "earlier", tuple(row[1].split()), row[2] == "first"))
                else:
                    found.append((row[0], row[1], tuple(row[2].split()), row[3] == "first"))
    return found


def hit(row: Row, results: Results) -> bool:
    _, category, targets, first = row
    if category == "nothing":
        return not results
    considered = results[:1] if first else results[:3]
    links = [link for item in considered for link in (item[:1] if first else item)]
    return any(matches(link, target) for link in links for target in targets)


PAGEFIND_SEARCH = """async (query) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({});
  const found = await pagefind.search(query);
  const top = await Promise.all(found.results.slice(0, 5).map(r => r.data()));
  return top.map(d => [d.url, ...d.sub_results.map(s => s.url)]);
}"""


def pagefind_site(site: Path, work: Path, documents_only: bool, extra: bool = False) -> Path:
    """A copy of the site with a Pagefind index; with `documents_only`, only document articles and the titles of
    the other pages are indexed; with `extra`, paragraphs carry their extra Dutch forms as hidden text."""
    copy = work / ("documents" if documents_only else "whole") / ("extra" if extra else "plain")
    shutil.copytree(site, copy)
    if extra:
        _add_extra_terms(copy)
    if documents_only:
        for page in copy.rglob("index.html"):
            rel = page.relative_to(copy).as_posix()
            html = page.read_text(encoding="utf-8")
            if rel.startswith("documenten/") and rel != "documenten/index.html":
                html = html.replace('<article class="md-content__inner md-typeset">',
                                    '<article class="md-content__inner md-typeset" data-pagefind-body>', 1)
            elif rel.startswith(("themas/", "regios/", "jaren/")) and 'http-equiv="refresh"' not in html:
                title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
                if title:
                    body = f'<div data-pagefind-body hidden><h1>{title.group(1)}</h1></div>'
                    html = html.replace("</body>", body + "</body>", 1)
            page.write_text(html, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--quiet"], check=True)
    return copy


PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S)
TAG = re.compile(r"<[^>]+>")


def _add_extra_terms(copy: Path) -> None:
    from generator.site import search as dutch
    pages = [p for p in (copy / "documenten").rglob("index.html") if p.parent != copy / "documenten"]
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    words = dutch.vocabulary(TAG.sub(" ", html) for html in texts.values())
    known: dict[str, list[str]] = {}
    for page, html in texts.items():
        def extend(match: re.Match[str]) -> str:
            terms = dutch.extra_terms(TAG.sub(" ", match.group(2)), words, known)
            hidden = f' <span hidden>{" ".join(terms)}</span>' if terms else ""
            return match.group(1) + match.group(2) + hidden + match.group(3)
        page.write_text(PARAGRAPH.sub(extend, html), encoding="utf-8")


def measure(site: Path, engine: str, queries: list[Row]) -> dict[str, tuple[int, int, list[str]]]:
    """Hits per category: (hits, queries, misses)."""
    outcome: dict[str, tuple[int, int, list[str]]] = {}
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.goto(base + "/")
        run: Callable[[str], Results]
        if engine == "material":
            def run(text: str) -> Results:
                return search(page, text)
        else:
            def run(text: str) -> Results:
                return [[_local(link) for link in item] for item in page.evaluate(PAGEFIND_SEARCH, text)]
        for row in queries:
            results = run(row[0])
            hits, total, misses = outcome.get(row[1], (0, 0, []))
            good = hit(row, results)
            if not good:
                misses.append(f"{row[0]!r} → {[item[0] for item in results[:3]]}")
            outcome[row[1]] = (hits + good, total + 1, misses)
    return outcome


def _local(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link).replace(".html", "/").replace("/index/", "/")


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    queries = rows()
    categories = list(Counter(row[1] for row in queries))
    table: dict[str, dict[str, tuple[int, int, list[str]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        table["material (shipped)"] = measure(site, "material", queries)
        table["pagefind-whole"] = measure(pagefind_site(site, Path(tmp), False), "pagefind", queries)
        table["pagefind-documents"] = measure(pagefind_site(site, Path(tmp), True), "pagefind", queries)
        table["pagefind-documents+extra"] = measure(pagefind_site(site, Path(tmp), True, extra=True), "pagefind",
                                                    queries)
    print("| configuration | " + " | ".join(categories) + " | all |")
    print("|---|" + "---|" * (len(categories) + 1))
    for name, outcome in table.items():
        cells = [f"{outcome[c][0]}/{outcome[c][1]}" for c in categories]
        hits, total = sum(o[0] for o in outcome.values()), sum(o[1] for o in outcome.values())
        print(f"| {name} | " + " | ".join(cells) + f" | {hits}/{total} ({hits / total:.1%}) |")
    for name, outcome in table.items():
        print(f"\n{name}: misses")
        for category in categories:
            for miss in outcome[category][2]:
                print(f"  [{category}] {miss}")


if __name__ == "__main__":
    main()
