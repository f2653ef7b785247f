"""Session-wide fixtures: the corpus analysed once, the real site built once (and once with a renamed theme)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FRONT, ROOT, build_site, serve

from generator.analyse.corpus import analyse
from generator.core.records import Corpus

END_TO_END = {"test_accessibility", "test_browser", "test_search", "test_zensical", "test_build", "test_permanence",
              "test_cli", "test_site", "test_images", "test_overrides", "test_write", "test_parallel",
              "test_anchors_browser", "test_dossier", "test_menu", "test_trust", "test_header", "test_page_model",
              "test_incremental", "test_citing"}
"""Modules that build the site, run the command line or drive a browser: `make check` leaves them to `make test`."""
BUILDING = {"served", "chromium", "built", "workspace", "site_dir", "next_year", "site"}
"""Fixtures that build or serve the site."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds the site, runs a command or drives a browser (make test only)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__ if isinstance(item, pytest.Function) else ""
        fixtures = set(getattr(item, "fixturenames", ()))
        if module in END_TO_END or fixtures & BUILDING:
            item.add_marker(pytest.mark.slow)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="write tests/golden/ anew from the current templates (review the diff afterwards)")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def front() -> str:
    return FRONT


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The real corpus (raw/ and vocabulary/), analysed once per test session."""
    return analyse(raw_dir=ROOT / "raw", vocabulary_dir=ROOT / "vocabulary")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from raw/."""
    return build_site(tmp_path_factory.mktemp("site"), ROOT / "raw")


@pytest.fixture(scope="session")
def next_year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus]:
    """The site built from raw/ plus its newest document copied under the next presidency year, as an editor
    adds one by the README's steps (no country: the rotation gives it), and that corpus: the structural checks
    hold for it as for raw/ (issue 22)."""
    work = tmp_path_factory.mktemp("next-year")
    raw = work / "raw"
    shutil.copytree(ROOT / "raw", raw, ignore=shutil.ignore_patterns("anchors"))
    newest = max(analyse(raw_dir=ROOT / "raw", vocabulary_dir=ROOT / "vocabulary").documents,
                 key=lambda d: (d.meta.year, d.slug))
    year = newest.meta.year + 1
    lines = Path(newest.path).read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    front = [line for line in lines[1:end] if not line.startswith(("country:", "date:", "slug:", "source:", "original:"))]
    front = [f"year: {year}" if line.startswith("year:") else
             f"title: Kopie voor de test, voorzitterschap {year}" if line.startswith("title:") else line for line in front]
    (raw / f"{year}-kopie-{newest.meta.kind.slug}.txt").write_text("\n".join(["---", *front, *lines[end:]]),
                                                                 encoding="utf-8")
    return build_site(work / "project", raw), analyse(raw_dir=raw, vocabulary_dir=ROOT / "vocabulary")


@pytest.fixture(scope="session")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the theme 'energie' renamed to 'energievoorziening', old slug kept as alias."""
    work = tmp_path_factory.mktemp("renamed")
    shutil.copytree(ROOT / "vocabulary", work / "vocabulary-renamed")
    themes = work / "vocabulary-renamed" / "themes.yml"
    text = themes.read_text(encoding="utf-8")
    assert "- slug: energie\n" in text
    themes.write_text(text.replace("- slug: energie\n", "- slug: energievoorziening\n  aliases: [energie]\n"),
                      encoding="utf-8")
    return build_site(work / "project", ROOT / "raw", vocabulary=work / "vocabulary-renamed")


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Debian's Chromium through Playwright, for a module of browser tests (tests/browser.py)."""
    from browser import browser
    with browser() as instance:
        yield instance


@pytest.fixture(scope="session")
def served(built: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1; yields its base URL."""
    with serve(built / "site") as base:
        yield base
