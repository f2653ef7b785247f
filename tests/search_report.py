"""Print search hits in the top 3 for tests/fixtures/search_queries.tsv against a served site.

Usage: .venv/bin/python tests/search_report.py [BASE_URL]   (default: serves ./site on a free port)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import browser, run_queries
from helpers import serve

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "search_queries.tsv"


def measure(base: str) -> tuple[int, int, list[str]]:
    with browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.goto(base + "/")
        checked, misses = run_queries(page, FIXTURE)
    for miss in misses:
        print(f"MISS {miss}")
    return len(checked) - len(misses), len(checked), misses


if __name__ == "__main__":
    if len(sys.argv) > 1:
        found, total, _ = measure(sys.argv[1].rstrip("/"))
    else:
        with serve(Path(__file__).resolve().parent.parent / "site") as base:
            found, total, _ = measure(base)
    print(f"{found}/{total} queries hit in the top 3 ({found / total:.1%})")
