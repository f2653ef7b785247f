from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FRONT = """---
title: Testbrief
kind: prioriteitenbrief
year: 2026
country: NL
date: 2025-12-01
issuer: Minister van Buitenlandse Zaken
---
"""


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def front() -> str:
    return FRONT


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; `!ENV [NAME, default]` becomes its default, as MkDocs does without NAME set."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def build_site(work: Path, raw: Path, vocabulary: Path = ROOT / "vocabulary") -> Path:
    """Generate and build the whole site into `work` exactly as `make site` does; return `work`."""
    work.mkdir(parents=True, exist_ok=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["docs_dir"] = str(work / "site_src")
    config["site_dir"] = str(work / "site")
    config["hooks"] = [str(ROOT / h) for h in config.get("hooks", [])]
    if "custom_dir" in config["theme"]:
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    if not (work / "site_src").exists():
        shutil.copytree(ROOT / "site_src", work / "site_src",
                        ignore=shutil.ignore_patterns("index.md", "themas", "jaren", "regios", "documenten"))
    subprocess.run([sys.executable, "-m", "generator", "build", "--raw", str(raw), "--out", str(work / "site_src"),
                    "--vocabulary", str(vocabulary), "--templates", str(ROOT / "templates")],
                   check=True, cwd=ROOT, capture_output=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    subprocess.run([sys.executable, "-m", "generator", "search-index", "--site", str(work / "site")],
                   check=True, cwd=ROOT, capture_output=True)
    return work


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from raw/."""
    return build_site(tmp_path_factory.mktemp("site"), ROOT / "raw")


@pytest.fixture(scope="session")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the theme 'energie' renamed to 'energievoorziening', old slug kept as alias."""
    work = tmp_path_factory.mktemp("renamed")
    shutil.copytree(ROOT / "vocabulary", work / "vocabulary")
    themes = work / "vocabulary" / "themes.yml"
    text = themes.read_text(encoding="utf-8")
    assert "- slug: energie\n" in text
    themes.write_text(text.replace("- slug: energie\n", "- slug: energievoorziening\n  aliases: [energie]\n"),
                      encoding="utf-8")
    return build_site(work, ROOT / "raw", vocabulary=work / "vocabulary")


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def served(built: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1; yields its base URL."""
    with serve(built / "site") as base:
        yield base
