"""Lighthouse scores (accessibility, best practices, SEO, performance) of the home page, a theme page and the
largest document page, on the site as `make site` builds it, served gzip-compressed on 127.0.0.1.

Usage: .venv/bin/python bench/lighthouse.py [SITE]      (default: site/; prints a Markdown table)

Lighthouse 12 comes from npm, pinned by bench/tools/package-lock.json (this script runs `npm ci` there the
first time), and drives Debian's Chromium (CHROME_PATH). Mobile profile, Lighthouse's default: simulated slow
4G and a 4× slower CPU. The audits that fail are listed under the table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from helpers import serve  # noqa: E402

TOOLS = ROOT / "bench" / "tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
PAGES = {"Startpagina": "/", "Thema (Energie)": "/themas/energie/"}


def largest_document(site: Path) -> str:
    pages = sorted((site / "documenten").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return f"/documenten/{pages[-1].parent.name}/"


def audit(url: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        f"--only-categories={','.join(CATEGORIES)}",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
        return result


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], cwd=TOOLS,
                       check=True)
    pages = {**PAGES, "Grootste document": largest_document(site)}
    rows, failures = [], []
    with serve(site, compress=True) as base:
        for name, path in pages.items():
            result = audit(base + path)
            categories = result["categories"]  # type: ignore[index]
            scores = [round(100 * categories[c]["score"]) for c in CATEGORIES]  # type: ignore[index]
            rows.append(f"| {name} (`{path}`) | " + " | ".join(str(s) for s in scores) + " |")
            for category in CATEGORIES[:3]:
                for ref in categories[category]["auditRefs"]:  # type: ignore[index]
                    item = result["audits"][ref["id"]]  # type: ignore[index]
                    if ref["weight"] and item["score"] is not None and item["score"] < 1:
                        failures.append(f"- {name}, {category}: {ref['id']} ({item['title']})")
    print("| Pagina | Toegankelijkheid | Best practices | SEO | Prestaties |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    print("\n".join(failures) or "\nNo audit of accessibility, best practices or SEO failed.")


if __name__ == "__main__":
    main()
