"""The built site through Debian's nginx with the configuration the build generated: headers, types, caching,
precompressed files, redirects and the 404 page, for every file of the site."""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from helpers import ROOT, build_site
from nginx_server import published

INLINE_SCRIPT = re.compile(r"<script((?:(?!\bsrc=)[^>])*)>(.*?)</script>", re.DOTALL)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


@pytest.fixture(scope="module")
def base(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with published(built / "site", tmp_path_factory.mktemp("nginx")) as address:
        yield address


def get(address: str, path: str, gzipped: bool = False) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request, redirects not followed: status, headers, body."""
    parts = urlsplit(address)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request("GET", parts.path + path, headers={"Accept-Encoding": "gzip"} if gzipped else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def site_files(site: Path) -> list[str]:
    """Every file of the built site that the server sends as it is: not the deployment's own files, the .gz
    copies or the pages of old slugs (answered by a redirect)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"
                  and p.relative_to(site).parts[0] != "_nginx" and p.name not in ("_headers", "_redirects")
                  and not (p.suffix == ".html" and REFRESH.search(p.read_text(encoding="utf-8"))))


def address(name: str) -> str:
    """The address a reader opens a file at: a page's folder."""
    return "/" + name.removesuffix("index.html")


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def test_every_page_is_served_with_its_policy_and_the_security_headers(built: Path, base: str) -> None:
    pages = [f for f in site_files(built / "site") if f.endswith(".html")]
    assert len(pages) > 20
    for name in pages:
        html = (built / "site" / name).read_text(encoding="utf-8")
        status, headers, body = get(base, address(name))
        assert status == 200, name
        assert body == (built / "site" / name).read_bytes(), name
        assert headers["Content-Type"] == "text/html; charset=utf-8", name
        assert headers["Cache-Control"] == "no-cache", name
        assert headers["Strict-Transport-Security"].startswith("max-age=") and \
            int(headers["Strict-Transport-Security"].split("=")[1]) >= 31536000
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
        policy = directives(headers["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["img-src"] == ["'self'", "data:"] and policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"] and policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        scripts = [sha256(text) for attrs, text in INLINE_SCRIPT.findall(html) if "json" not in attrs]
        assert scripts and set(scripts) <= set(policy["script-src"]), name
        styles = [sha256(text) for text in INLINE_STYLE.findall(html)]
        assert set(policy["style-src"]) == {"'self'", *styles}, name


TYPES = {".xml": "application/xml; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".json": "application/json; charset=utf-8", ".png": "image/png", ".pagefind": "application/octet-stream",
         ".pf_fragment": "application/octet-stream", ".pf_index": "application/octet-stream",
         ".pf_meta": "application/octet-stream", ".pf_filter": "application/octet-stream",
         ".xsl": "application/xslt+xml; charset=utf-8", ".map": "application/json; charset=utf-8",
         ".html": "text/html; charset=utf-8", ".wasm": "application/wasm"}


def test_every_file_has_its_type_its_caching_and_the_same_body_compressed(built: Path, base: str) -> None:
    site = built / "site"
    counted = {"immutable": 0, "compressed": 0, "feeds": 0}
    for name in site_files(site):
        status, headers, body = get(base, "/" + name)
        assert status == 200 and body == (site / name).read_bytes(), name
        kind = Path(name).suffix
        if name.startswith("feeds/"):
            assert headers["Content-Type"] == "application/atom+xml; charset=utf-8", name
            counted["feeds"] += 1
        else:
            assert headers["Content-Type"] == TYPES[kind], name
        hashed = re.search(r"[._][0-9a-f]{7,}\.(min\.|pf_)", name) is not None
        assert headers["Cache-Control"] == ("public, max-age=31536000, immutable" if hashed else "no-cache"), name
        counted["immutable"] += hashed
        assert "Content-Security-Policy" in headers and headers["X-Content-Type-Options"] == "nosniff"
        status, zipped_headers, zipped = get(base, "/" + name, gzipped=True)
        if zipped_headers["Content-Encoding"] == "gzip":
            assert gzip.decompress(zipped) == body, name
            assert zipped_headers["Vary"] == "Accept-Encoding"
            counted["compressed"] += 1
        else:
            assert zipped == body, name
        if kind in (".html", ".js", ".css", ".json", ".xml", ".xsl"):
            assert zipped_headers["Content-Encoding"] == "gzip", f"{name} has no precompressed copy"
    print(f"files checked: {len(site_files(site))}, {counted}")
    assert counted["immutable"] > 10 and counted["feeds"] > 1


@pytest.mark.parametrize("path", ["/bestaat-niet/", "/themas/bestaat-niet/", "/documenten/a/b/c/", "/x.html",
                                  "/assets/", "/_nginx/server.conf", "/_headers"])
def test_a_missing_path_gets_the_dutch_404_page_with_status_404(built: Path, base: str, path: str) -> None:
    status, headers, body = get(base, path)
    assert status == 404
    assert body == (built / "site" / "404.html").read_bytes()
    assert "Pagina niet gevonden" in body.decode()
    assert headers["Content-Type"] == "text/html; charset=utf-8" and "frame-ancestors 'none'" in \
        headers["Content-Security-Policy"]
    # Its stylesheets and scripts load from any depth.
    for link in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', body.decode()):
        assert get(base, urlsplit(urljoin(base + path, link)).path.removeprefix(urlsplit(base).path))[0] == 200, link


def test_a_folder_without_its_slash_is_redirected_to_it(base: str) -> None:
    status, headers, _ = get(base, "/themas")
    assert status == 301 and headers["Location"] == "/themas/"


def test_every_old_slug_is_a_301_to_its_new_page(renamed: Path, tmp_path: Path) -> None:
    site = renamed / "site"
    moved = {}
    for page in sorted(site.rglob("index.html")):
        found = REFRESH.search(page.read_text(encoding="utf-8"))
        if found:
            folder = "/" + page.parent.relative_to(site).as_posix() + "/"
            moved[folder] = urljoin(folder, found.group(1))
    assert "/themas/energie/" in moved  # the renamed theme's old slug
    with published(site, tmp_path) as served:
        for old, new in moved.items():
            for asked in (old, old.rstrip("/"), old + "index.html", old + "?q=1"):
                status, headers, _ = get(served, asked)
                assert status == 301, asked
                assert headers["Location"] == new + ("?q=1" if "?" in asked else ""), asked
                assert "Content-Security-Policy" in headers
            assert get(served, new)[0] == 200


def test_under_a_sub_path_pages_redirects_and_the_404_page_work(tmp_path: Path) -> None:
    """A site published at https://…/benelux/ (SITE_URL with a path), built from one document."""
    raw = tmp_path / "raw"
    raw.mkdir()
    first = sorted((ROOT / "raw").glob("*.txt"))[0]
    shutil.copy(first, raw / first.name)
    work = build_site(tmp_path / "project", raw, site_url="https://www.example.nl/benelux/")
    with published(work / "site", tmp_path / "nginx", base="/benelux/") as served:
        status, headers, body = get(served, "/")
        assert status == 200 and b"md-header" in body and "'sha256-" in headers["Content-Security-Policy"]
        status, headers, body = get(served, "/bestaat/niet/")
        assert status == 404 and "Pagina niet gevonden" in body.decode()
        links = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', body.decode())
        assert links and all(link.startswith("/benelux/") for link in links)
        for link in links:
            assert get(served.removesuffix("/benelux"), link)[0] == 200, link
        status, headers, _ = get(served, "/zoeken")
        assert status == 301 and headers["Location"] == "/benelux/zoeken/"
