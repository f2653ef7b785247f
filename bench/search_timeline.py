"""Where the time to the first search results goes: every request of the search page, from the first keystroke.

Usage: .venv/bin/python bench/search_timeline.py SITE      (SITE: a built site folder, e.g. one of bench/run.py's)

Same profile and typing as bench/search_scale.py; prints each request's start and end in seconds after the first
keystroke, then the first results' time. The step-by-step figures of bench/RESULTS.md (issue 11) come from it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from browser import browser  # noqa: E402
from helpers import serve  # noqa: E402
from search_scale import MOBILE, QUERY, WATCH  # noqa: E402


def main() -> None:
    site = Path(sys.argv[1])
    events: list[tuple[float, str, str]] = []
    with serve(site, compress=True) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.on("request", lambda r: events.append((time.time() * 1000, "start", r.url.removeprefix(base))))
        page.on("requestfinished", lambda r: events.append((time.time() * 1000, "done ", r.url.removeprefix(base))))
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", MOBILE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(base + "/zoeken/", wait_until="load")
        page.wait_for_timeout(3000)
        events.clear()
        page.evaluate(WATCH)
        page.focus("#zoek-term")
        page.keyboard.type(QUERY[:-1], delay=150)
        page.wait_for_function("() => window.firstResult !== null", timeout=600_000)
        first_key, first_result = page.evaluate("() => [window.firstKey, window.firstResult]")
    for at, what, url in events:
        print(f"{(at - first_key) / 1000:6.2f} {what} {url[:90]}")
    print(f"first results {(first_result - first_key) / 1000:.2f} s")


if __name__ == "__main__":
    main()
