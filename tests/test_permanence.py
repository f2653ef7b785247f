"""URLs are a promise: a new document or a renamed theme must not break any link that was mailed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, build_site
from helpers import ids as _ids

NEW_DOCUMENT = """---
title: Prioriteiten van het Belgische Benelux-voorzitterschap 2024
kind: prioriteitenbrief
year: 2024
country: BE
date: 2023-12-15
issuer: Testafzender
---
Per 1 januari 2024 neemt België het voorzitterschap over.

De samenwerking met Noordrijn-Westfalen en
de Grande Région wordt voortgezet, met aandacht voor energie, fietsverkeer en de bestrijding van
sociale fraude.
"""


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built again from raw/ plus one new document."""
    work = tmp_path_factory.mktemp("grown")
    shutil.copytree(ROOT / "raw", work / "raw")
    (work / "raw" / "2024-be-prioriteitenbrief.txt").write_text(NEW_DOCUMENT, encoding="utf-8")
    return build_site(work / "project", work / "raw")


def test_every_url_and_anchor_survives_a_new_document(built: Path, grown: Path) -> None:
    first, second = built / "site", grown / "site"
    lost = []
    for page in sorted(first.rglob("*.html")):
        rel = page.relative_to(first)
        if not (second / rel).exists():
            lost.append(str(rel))
            continue
        missing = _ids(page) - _ids(second / rel)
        lost += [f"{rel}#{anchor}" for anchor in sorted(missing)]
    assert lost == []
    assert (second / "jaren" / "2024" / "index.html").exists()
    assert "jaar-2024" in _ids(second / "regios" / "noordrijn-westfalen" / "index.html")


def test_a_renamed_slug_redirects_from_its_old_url(renamed: Path) -> None:
    old = (renamed / "site" / "themas" / "energie" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'http-equiv="refresh" content="0; url=\.\./energievoorziening/"', old)
    assert 'location.replace("../energievoorziening/" + location.hash)' in old
    assert (renamed / "site" / "themas" / "energievoorziening" / "index.html").exists()
    nav = (renamed / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="themas/energie/"' not in nav
