"""Material for MkDocs reaches end of life on 5 May 2027; Zensical, its successor, must build the same site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import browser, chromium_missing, hit, queries, search
from helpers import ROOT, serve
from helpers import ids as _ids

ZENSICAL = ROOT / ".zensical" / "bin" / "zensical"


def zensical() -> str | None:
    return str(ZENSICAL) if ZENSICAL.exists() else shutil.which("zensical")


@pytest.mark.skipif(zensical() is None, reason="Zensical is not installed: `make test` installs it into .zensical/ "
                                               "(pip install zensical); it could not be installed here")
def test_zensical_builds_the_same_pages(built: Path, tmp_path: Path) -> None:
    work = tmp_path / "zensical"
    shutil.copytree(built / "site_src", work / "site_src")
    for name in ("overrides", "hooks"):
        shutil.copytree(ROOT / name, work / name)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    result = subprocess.run([zensical() or "", "build"], cwd=work, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    mkdocs_pages = {p.relative_to(built / "site") for p in (built / "site").rglob("index.html")}
    zensical_pages = {p.relative_to(work / "site") for p in (work / "site").rglob("index.html")}
    assert mkdocs_pages <= zensical_pages
    for page in ("documenten/2020-nl-resultatenbrief", "themas/energie", "jaren/2026"):
        missing = {i for i in _ids(built / "site" / page / "index.html") if not i.startswith("__")} \
            - _ids(work / "site" / page / "index.html")
        assert missing == set(), page
    assert (work / "site" / "feeds" / "alles.xml").exists()
    # The same search, Dutch forms included: its index is built from the generator's records, not by the theme.
    index = subprocess.run([sys.executable, "-m", "generator", "search-index", "--out", str(work / "site_src"),
                            "--site", str(work / "site")], capture_output=True, text=True, cwd=ROOT)
    assert index.returncode == 0, index.stderr
    reason = chromium_missing()
    if reason:
        pytest.skip(f"Zensical builds the pages; its search is not tried: {reason}")
    with serve(work / "site") as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.goto(base + "/zoeken/")
        for query in queries():
            if query.category in {"diacritics", "compound", "abbreviation"}:
                assert hit(query, search(page, query.text)), query.text
