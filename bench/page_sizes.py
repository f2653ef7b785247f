"""Page sizes at scale: the largest generated pages of the site built from the corpora of bench/run.py.

Usage: .venv/bin/python bench/page_sizes.py [SIZES…]      (default 5 50 500)

Per corpus size, the site is built as `make site` builds it; then, per kind of page (home, index pages, theme,
theme-year, region, region-year, year, document), the largest built HTML file: its size and gzip-compressed
size. Issue 13's goal: no generated page over 300 KB of HTML at 500 documents, except a document page (as long
as its document).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from run import built_corpus  # noqa: E402

LIMIT = 300_000


def kind(relative: str) -> str:
    parts = relative.split("/")[:-1]  # without index.html
    if not parts:
        return "home"
    if len(parts) == 1:
        return {"themas": "theme index", "regios": "region index", "jaren": "year index", "documenten": "document index",
                "zoeken": "search"}.get(parts[0], parts[0])
    names = {"themas": "theme", "regios": "region", "jaren": "year", "documenten": "document"}
    return names.get(parts[0], parts[0]) + ("-year" if len(parts) == 3 else "")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5, 50, 500]
    print("| documents | page kind | pages | largest page | HTML KB | gzip KB |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        with built_corpus(size) as work:
            site = work / "site"
            largest: dict[str, tuple[int, str, int]] = {}
            count: dict[str, int] = {}
            for path in site.rglob("index.html"):
                relative = path.relative_to(site).as_posix()
                if "pagefind" in relative or 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]:
                    continue
                name = kind(relative)
                count[name] = count.get(name, 0) + 1
                length = path.stat().st_size
                if length > largest.get(name, (0, "", 0))[0]:
                    largest[name] = (length, "/" + relative.removesuffix("index.html"),
                                     len(gzip.compress(path.read_bytes(), 6)))
            over = []
            for name in sorted(largest):
                length, url, packed = largest[name]
                print(f"| {size} | {name} | {count[name]} | {url} | {length / 1000:.0f} | {packed / 1000:.0f} |",
                      flush=True)
                if length > LIMIT and name != "document":
                    over.append(url)
            print(f"| {size} | over {LIMIT // 1000} KB (not a document) | {len(over)} | {' '.join(over[:3])} | | |")


if __name__ == "__main__":
    main()
