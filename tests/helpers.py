"""What several test modules share: building and serving a site, and reading a built page's ids and links."""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.core.layout import ANALYSIS, GENERATED, STATE

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
PROJECT = ("mkdocs.yml", "templates", "overrides", "hooks")
"""What a build needs from the project besides raw texts and the vocabulary."""


def project(work: Path, raw: Path, vocabulary: Path = ROOT / "vocabulary") -> Path:
    """A project folder in `work` as `make site` sees one: mkdocs.yml beside raw/, vocabulary/ and templates/."""
    work.mkdir(parents=True, exist_ok=True)
    for name in PROJECT:
        (work / name).symlink_to(ROOT / name)
    (work / "raw").symlink_to(raw)
    (work / "vocabulary").symlink_to(vocabulary)
    shutil.copytree(ROOT / "site_src", work / "site_src", ignore=shutil.ignore_patterns(*GENERATED, STATE, ANALYSIS))
    return work


def build_site(work: Path, raw: Path, vocabulary: Path = ROOT / "vocabulary", site_url: str = "") -> Path:
    """Generate and build the whole site into `work` exactly as `make site` does (MkDocs runs the generator
    through its hooks), for the address `site_url` (none by default); return `work`."""
    if not (work / "mkdocs.yml").exists():
        project(work, raw, vocabulary)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return work


def generate(raw: Path, out: Path, *extra: str, vocabulary: Path = ROOT / "vocabulary",
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the generator's command line (as builders without hooks do) on `raw`, into `out`."""
    command = [sys.executable, "-m", "generator", "build", "--raw", str(raw), "--out", str(out),
               "--vocabulary", str(vocabulary), "--templates", str(ROOT / "templates"), *extra]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)


@contextmanager
def serve(site: Path, compress: bool = False, handler: type[SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """Serve a built site on 127.0.0.1; yield its base URL. With `compress`, text files are sent gzip-compressed
    to browsers that accept it, as web hosts do; `handler`: a request handler of the test's own."""
    handler = handler or (GzipHandler if compress else QuietHandler)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's 404.html, as web hosts serve it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class GzipHandler(QuietHandler):
    TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.name.endswith(self.TEXT) or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not path.is_file():
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)


class Anchors(HTMLParser):
    """Collects element ids and link targets of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def page(built: Path, url: str) -> Anchors:
    """The ids and links of the built page at `url` (a folder below the site)."""
    parser = Anchors()
    parser.feed((built / "site" / url / "index.html").read_text(encoding="utf-8"))
    return parser


@functools.cache
def ids(path: Path) -> set[str]:
    """The element ids of an HTML file."""
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids
