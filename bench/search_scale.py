"""Search at scale: what a reader downloads and waits for on the site's search page (issue 11).

Usage: .venv/bin/python bench/search_scale.py [SIZES…]      (default 5 50 500)

Per corpus size (the corpora of bench/run.py) the site is built as `make site` builds it (the hook writes the
Pagefind index of the generator's records). In headless Chromium on Lighthouse's mobile profile (1.6 Mbit/s
down, 750 kbit/s up, 150 ms latency, 4× CPU slowdown, set through the DevTools protocol):
- *before search*: what the home page and the search page without a query download of the index and the
  search engine (/pagefind/) before anyone types;
- *to first results*: from the first keystroke of "waterstof" (typed at 150 ms a key, right after the box
  gets the focus, which starts loading the engine) until the first results are on the page: the seconds, and
  the compressed bytes of everything fetched in between, plus the search page's own script (search code
  included);
- *to full query*: from the last keystroke until the results of the whole word are on the page;
- *index s*: `benelux-site search-index` alone (Pagefind over the records), and the number of records.
Bytes are the response bodies as transferred (a file the browser has in its cache counts 0; Pagefind's index
files are compressed already); the test server sends text files gzip-compressed, with Last-Modified, as web
hosts do.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from browser import browser  # noqa: E402
from helpers import serve  # noqa: E402
from run import built_corpus  # noqa: E402

from generator.core.layout import RECORDS  # noqa: E402

QUERY = "waterstof"
KEY_DELAY_MS = 150
MOBILE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
SEARCH_CODE = "/javascripts/zoeken.js"
STATUS = "document.getElementById('zoek-status').textContent"


def compressed(site: Path, url_path: str) -> int:
    path = site / url_path.lstrip("/")
    if path.is_dir() or not path.exists():
        path = path / "index.html"
    if not path.is_file():
        return 0
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


WATCH = """() => {
  window.firstKey = null; window.firstResult = null;
  const now = () => performance.timeOrigin + performance.now();
  document.getElementById('zoek-term').addEventListener('keydown', () => { window.firstKey ??= now(); });
  new MutationObserver(() => { if (document.querySelector('li.zoek-resultaat')) window.firstResult ??= now(); })
    .observe(document.getElementById('zoek-resultaten'), {childList: true});
}"""


def measure(site: Path) -> dict[str, float]:
    """Requests are seen by Playwright (the page's and Pagefind's worker's), timed on the wall clock; the first
    keystroke and the first result are timed in the page on the same clock (timeOrigin + now)."""
    started: dict[object, float] = {}
    requests: list[tuple[float, str, int]] = []  # (start, path, bytes transferred: 0 when from the cache)

    def finished(request: Any) -> None:
        body = max(0, request.sizes()["responseBodySize"])
        requests.append((started.get(request, time.time() * 1000), _path(request.url, base), body))

    with serve(site, compress=True) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.on("request", lambda request: started.setdefault(request, time.time() * 1000))
        page.on("requestfinished", finished)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", MOBILE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        for path in ("/", "/zoeken/"):
            page.goto(base + path, wait_until="load", timeout=600_000)
            page.wait_for_timeout(3000)  # what the page fetches on its own once loaded
        before = sum(size for _, u, size in requests if "/pagefind/" in u)
        requests.clear()
        page.evaluate(WATCH)
        page.focus("#zoek-term")
        page.keyboard.type(QUERY[:-1], delay=KEY_DELAY_MS)
        page.wait_for_function("() => window.firstResult !== null", timeout=600_000)
        last_key = time.perf_counter()
        page.keyboard.type(QUERY[-1])
        page.wait_for_function(f"q => {STATUS}.includes('“' + q + '”')", arg=QUERY, timeout=600_000)
        full = time.perf_counter()
        first_key, first_result = page.evaluate("() => [window.firstKey, window.firstResult]")
        page.wait_for_timeout(1000)  # requests still under way finish
    code = compressed(site, SEARCH_CODE)  # loaded with the page, counted as the search's own code
    return {"before": before, "first_s": (first_result - first_key) / 1000,
            "first_bytes": code + sum(size for t, _, size in requests if t <= first_result),
            "all_bytes": code + sum(size for _, _, size in requests), "full_s": full - last_key}


def _path(url: str, base: str) -> str:
    return url.removeprefix(base).split("?")[0].split("#")[0]


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5, 50, 500]
    print("| documents | records | index s | before search KB | to first results KB | first results s "
          "| whole query KB | whole query s |")
    print("|---|---|---|---|---|---|---|---|")
    for size in sizes:
        with built_corpus(size) as work:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "generator", "search-index", "--out", str(work / "site_src"),
                            "--site", str(work / "site")], cwd=ROOT, env=env, check=True, capture_output=True)
            index_seconds = time.perf_counter() - start
            records = len(json.loads((work / "site_src" / RECORDS).read_text(encoding="utf-8")))
            m = measure(work / "site")
            print(f"| {size} | {records} | {index_seconds:.1f} | {m['before'] / 1000:.0f} | "
                  f"{m['first_bytes'] / 1000:.0f} | {m['first_s']:.2f} | {m['all_bytes'] / 1000:.0f} | "
                  f"{m['full_s']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
