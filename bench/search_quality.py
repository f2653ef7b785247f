"""Hits of the site's search on the labelled queries, per category, in Chromium on the built site.

Usage: .venv/bin/python bench/search_quality.py [SITE]      (default: site/, after `make site`)

All three query files count (tests/fixtures/search_queries.tsv, the 43 of the earlier round;
search_queries_new.tsv and search_queries_forgiving.tsv of issue 23, each written down by reading before anything
was measured). A query hits when one of its
targets is among the first three results (the first, for exact page names); a `nothing` query hits when there
is no result at all. tests/test_search.py holds the same figures. Prints a Markdown table row and the misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import browser, run_queries  # noqa: E402
from helpers import serve  # noqa: E402


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.goto(base + "/zoeken/")
        outcome = run_queries(page)
    hits, total = sum(o[0] for o in outcome.values()), sum(o[1] for o in outcome.values())
    print("| " + " | ".join(outcome) + " | all |")
    print("|---" * (len(outcome) + 1) + "|")
    print("| " + " | ".join(f"{o[0]}/{o[1]}" for o in outcome.values()) + f" | {hits}/{total} ({hits / total:.1%}) |")
    for category, (_, _, misses) in outcome.items():
        for miss in misses:
            print(f"  [{category}] {miss}")


if __name__ == "__main__":
    main()
