"""Tab stops: how many times a keyboard user presses Tab to pass through a page, on the largest document page
(the Jaarplan here) and a theme page, at 1280 and 390 px, on the site as `make site` builds it.

Usage: .venv/bin/python bench/tab_stops.py [SITE]      (default: site/; prints a Markdown table)

Counted by pressing Tab in Debian's Chromium until the focus comes back to the first element it reached,
and split by what takes the focus: the per-paragraph controls (buttons in paragraphs), other buttons, links
and the rest."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import browser  # noqa: E402
from helpers import serve  # noqa: E402
from lighthouse import largest_document  # noqa: E402

KIND = """() => { const e = document.activeElement;
  if (e === document.body) return 'body';
  const where = e.closest("p[id], li[id]") ? 'alinea-' : '';
  return where + (e.tagName === 'BUTTON' ? 'knop' : e.tagName === 'A' ? 'link' : 'overig') + '|' +
    (e.id || '') + (e.getAttribute('href') || '') + (e.getAttribute('aria-label') || '') + e.textContent.slice(0, 30); }"""


def stops(instance: object, url: str, width: int, limit: int = 5000) -> dict[str, int]:
    context = instance.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(url)
    counts: dict[str, int] = {}
    first = None
    for _ in range(limit):
        tab.keyboard.press("Tab")
        key = tab.evaluate(KIND)
        if key == first or (key == "body" and first is not None):
            break
        first = first or key
        kind = key.split("|")[0]
        counts[kind] = counts.get(kind, 0) + 1
    context.close()
    return counts


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    pages = {"Grootste document": largest_document(site), "Thema (Energie)": "/themas/energie/"}
    print("| pagina | breedte | Tab-stops | knoppen in alinea's | andere knoppen | links | overig |")
    print("|---|---|---|---|---|---|---|")
    with serve(site) as base, browser() as instance:
        for name, path in pages.items():
            for width in (1280, 390):
                c = stops(instance, base + path, width)
                paragraph = c.get("alinea-knop", 0)
                links = c.get("link", 0) + c.get("alinea-link", 0)
                print(f"| {name} ({path}) | {width} | {sum(c.values())} | {paragraph} | {c.get('knop', 0)} | "
                      f"{links} | {c.get('overig', 0) + c.get('alinea-overig', 0)} |")


if __name__ == "__main__":
    main()
