"""The deployment of a built site, made from the site's own files: what its pages hold inline, which of them
are redirects, and the precompressed copies a server sends.

`write` runs after the build (the MkDocs hook, or ``benelux-site deploy`` after another builder): it reads
every page, then writes the ``.gz`` files, the nginx configuration (`nginx`) and the static hosts'
``_headers`` and ``_redirects`` (`static_hosts`) into the site. The policy's hashes are therefore those of
the inline scripts and styles the build emitted, whatever theme version emitted them.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from ..core.problems import InputError, Problem
from . import policy

DEPLOY_FOLDER = "_nginx"
"""The nginx configuration, inside the built site so that it always travels with the pages it was made from
(the server refuses to serve it)."""
FEEDS = "feeds/"
FEED_STYLESHEET = "stylesheets/feed.xsl"
"""The XSLT page a feed shows in a browser: its inline style is part of the feeds' policy."""
SCRIPT_TYPES = ("", "text/javascript", "module", "application/javascript")
"""Types of an executable script element (others, such as application/json, are data)."""


@dataclass(frozen=True)
class Page:
    """What one built HTML page holds that the server's policy must name."""

    path: str
    """Below the site root, such as "themas/energie/index.html"."""
    scripts: tuple[str, ...]
    """The 'sha256-…' hash of each inline script, in page order."""
    styles: tuple[str, ...]
    """The 'sha256-…' hash of each inline style element, in page order."""
    redirect: str
    """For a page that moved (a meta refresh), the new address relative to the site root; else ""."""


@dataclass(frozen=True)
class Deployment:
    """Everything the server configuration is made from."""

    base: str
    """The site's path on its host, "/" or "/benelux/" (from site_url)."""
    pages: tuple[Page, ...]
    files: tuple[str, ...]
    """Every file below the site root, the deployment's own left out, sorted."""
    feed_styles: tuple[str, ...]
    """The hashes of the inline styles the feeds' XSLT page writes."""

    @property
    def script_hashes(self) -> tuple[str, ...]:
        return tuple(sorted({h for page in self.pages for h in page.scripts}))

    @property
    def redirects(self) -> tuple[tuple[str, str], ...]:
        """(old folder, new address), both relative to the site root, sorted."""
        return tuple(sorted((p.path.removesuffix("index.html"), p.redirect) for p in self.pages if p.redirect))


def sha256(text: str) -> str:
    """A CSP hash source of an inline element's text, as browsers compute it (UTF-8)."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


class _Inline(HTMLParser):
    """Collects a page's inline scripts and styles, its meta refresh, and what no hash can allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.refresh = ""
        self.blocked: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.blocked += [f"<{tag} {name}=…>" for name in values if name.startswith("on") or name == "style"]
        self.blocked += [f"<{tag} {name}=\"javascript:…\">" for name, value in values.items()
                         if value.strip().lower().startswith("javascript:")]
        if tag == "script" and "src" not in values and values.get("type", "").lower() in SCRIPT_TYPES:
            self._open = self.scripts
        elif tag == "style":
            self._open = self.styles
        else:
            self._open = None
        if self._open is not None:
            self._open.append("")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and "url=" in values.get("content", ""):
            self.refresh = values["content"].split("url=", 1)[1].strip()

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def read_page(site: Path, path: str) -> Page:
    parser = _Inline()
    parser.feed((site / path).read_text(encoding="utf-8"))
    parser.close()
    if parser.blocked:
        raise InputError([Problem(str(site / path), 1, f"the page has {', '.join(sorted(set(parser.blocked)))}, "
                                  "which the Content-Security-Policy blocks and no hash can allow",
                                  "move the script or style into a file of its own (site_src/javascripts/, "
                                  "site_src/stylesheets/) or a <script>/<style> element")])
    redirect = urljoin("/" + path, parser.refresh).lstrip("/") if parser.refresh else ""
    return Page(path, tuple(map(sha256, parser.scripts)), tuple(map(sha256, parser.styles)), redirect)


def read(site: Path, base: str) -> Deployment:
    """The deployment of the built site in `site`, published at the path `base`."""
    own = {"_headers", "_redirects"}
    files = tuple(sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
                         and not p.name.endswith(".gz") and p.relative_to(site).parts[0] != DEPLOY_FOLDER
                         and p.name not in own))
    unknown = [f for f in files if f.rsplit(".", 1)[-1] not in policy.TYPES or "." not in f.rsplit("/", 1)[-1]]
    if unknown:
        raise InputError([Problem(str(site / f), 1, "the server would send this file without a known content type",
                                  "add its extension to TYPES in generator/site/policy.py") for f in unknown])
    pages = tuple(read_page(site, f) for f in files if f.endswith(".html"))
    stylesheet = site / FEED_STYLESHEET
    feed_styles: tuple[str, ...] = ()
    if stylesheet.is_file():
        tree = ET.parse(stylesheet)
        feed_styles = tuple(sha256(e.text or "") for e in tree.iter() if e.tag == "style")
    return Deployment(base, pages, files, feed_styles)


def compress(site: Path, files: tuple[str, ...]) -> int:
    """Write a gzip copy (level 9, no time stamp or name: the same bytes on every build) beside every text
    file; return how many."""
    count = 0
    for name in files:
        if name.rsplit(".", 1)[-1] in policy.COMPRESSED:
            source = site / name
            packed = gzip.compress(source.read_bytes(), compresslevel=9, mtime=0)
            target = source.with_name(source.name + ".gz")
            if not target.is_file() or target.read_bytes() != packed:
                target.write_bytes(packed)
            count += 1
    return count


def write(site: Path, base: str = "/") -> Deployment:
    """Read the built site, then write its precompressed files, nginx configuration and static hosts' files."""
    from . import nginx, static_hosts

    deployment = read(site, base)
    compress(site, deployment.files)
    folder = site / DEPLOY_FOLDER
    folder.mkdir(exist_ok=True)
    for name, text in (*nginx.files(deployment).items(), *static_hosts.files(deployment).items()):
        target = folder / name if name.endswith(".conf") else site / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return deployment
