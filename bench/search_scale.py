"""Search at scale: what a reader downloads and waits for, Material's search against Pagefind (issue 11).

Usage: .venv/bin/python bench/search_scale.py [SIZES…]      (default 5 50 500)

Per corpus size (the corpora of bench/run.py), the site is built as `make site` builds it, then indexed by
Pagefind in the configuration that found most (`pagefind-documents+extra` of bench/search_compare.py). In
headless Chromium on Lighthouse's mobile profile (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, 4× CPU
slowdown, set through the DevTools protocol) it measures, for the query "waterstof":
- *before search*: what the home page downloads of the search (index, worker, engine) before anyone types;
- *to results*: what the search then downloads until the first results are there, and how long it takes;
- *index s*: how long Pagefind takes to index the site.
Bytes are gzip-compressed sizes of the files requested (the test server itself does not compress, so the
times are pessimistic: they move uncompressed bytes through the throttled line).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from browser import browser  # noqa: E402
from helpers import project, serve  # noqa: E402
from run import corpus  # noqa: E402
from search_compare import PAGEFIND_SEARCH, pagefind_site  # noqa: E402

QUERY = "waterstof"
MOBILE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
SEARCH_FILES = {"material": ("/search/", "workers/search"), "pagefind": ("/pagefind/",)}
"""What counts as the search's own files, per engine."""


def compressed(site: Path, url_path: str) -> int:
    path = site / url_path.lstrip("/")
    if path.is_dir() or not path.exists():
        path = path / "index.html"
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


def measure(site: Path, engine: str) -> tuple[int, int, float]:
    """Compressed bytes of search files before a search, bytes until the first results, seconds to them."""
    requested: list[str] = []
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", MOBILE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.on("request", lambda request: requested.append(request.url.removeprefix(base)))
        page.goto(base + "/", wait_until="load", timeout=600_000)
        page.wait_for_timeout(3000)  # what the page fetches on its own once loaded
        before = [u for u in requested if any(f in u for f in SEARCH_FILES[engine])]
        requested.clear()
        start = time.perf_counter()
        if engine == "material":
            page.click("input.md-search__input")
            page.type("input.md-search__input", QUERY)
            page.wait_for_selector("li.md-search-result__item", timeout=600_000)
        else:
            page.evaluate(PAGEFIND_SEARCH, QUERY)
        seconds = time.perf_counter() - start
        during = [u for u in requested if any(f in u for f in SEARCH_FILES[engine])]
    before_bytes = sum(compressed(site, u.split("?")[0]) for u in before)
    during_bytes = sum(compressed(site, u.split("?")[0]) for u in during)
    return before_bytes, during_bytes, seconds


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5, 50, 500]
    print("| documents | engine | index s | before search KB | to first results KB | first results s |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "raw"
            raw.mkdir()
            corpus(size, raw)
            work = project(Path(tmp) / "project", raw)
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            env.pop("SITE_URL", None)
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=work, env=env, check=True)
            before, during, seconds = measure(work / "site", "material")
            print(f"| {size} | Material (shipped) | – | {before / 1000:.0f} | {during / 1000:.0f} | {seconds:.1f} |",
                  flush=True)
            start = time.perf_counter()
            indexed = pagefind_site(work / "site", Path(tmp) / "pagefind", documents_only=True, extra=True)
            index_seconds = time.perf_counter() - start
            before, during, seconds = measure(indexed, "pagefind")
            print(f"| {size} | Pagefind, documents + extra forms | {index_seconds:.1f} | {before / 1000:.0f} | "
                  f"{during / 1000:.0f} | {seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
