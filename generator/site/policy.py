"""What the published site's server sends: security headers, the Content-Security-Policy, types and caching.

One table per concern, shared by the nginx configuration (`nginx`) and the static hosts' files
(`static_hosts`), so both say the same. The hashes in the policy come from the built pages (`deploy`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SECURITY_HEADERS = (
    # HTTPS only, for two years (Mozilla's advice; internet.nl asks at least one). Not includeSubDomains: the
    # site does not own the other hosts of its domain. Browsers ignore it over plain HTTP (the loopback tests).
    ("Strict-Transport-Security", "max-age=63072000"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    # frame-ancestors 'none' in the policy does the same for current browsers.
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    # Every feature the site does not use is denied. Copying a link or a citation writes to the clipboard
    # (clipboard-write, own origin only); clipboard-read keeps its default (own origin, after the reader's
    # consent), which is how the browser tests read what was copied.
    ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
        "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking")) + ", clipboard-write=(self)"),
)
"""Sent with every response, in this order."""


def sources(hashes: Iterable[str]) -> str:
    """Hashes as CSP sources: 'sha256-…' 'sha256-…'."""
    return " ".join(f"'{h}'" for h in hashes)


def content_security_policy(script_hashes: Iterable[str], style_sources: str) -> str:
    """The policy of a page: `script_hashes` are the inline scripts of the whole site, `style_sources` what
    style-src allows besides 'self' (the page's own inline style elements, as 'sha256-…' sources)."""
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", sources(sorted(set(script_hashes)))])
    styles = " ".join(filter(None, ["'self'", style_sources]))
    return "; ".join([
        "default-src 'self'",
        # The search (Pagefind) compiles its WebAssembly module: 'wasm-unsafe-eval' allows exactly that, not eval.
        f"script-src {scripts}",
        f"style-src {styles}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


TYPES = {
    "html": "text/html", "css": "text/css", "js": "text/javascript", "json": "application/json",
    "map": "application/json", "xml": "application/xml", "xsl": "application/xslt+xml", "txt": "text/plain",
    "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "ico": "image/x-icon",
    "woff2": "font/woff2", "wasm": "application/wasm", "gz": "application/gzip",
    # Pagefind's index, its filters, fragments and its WebAssembly module are gzip files its own script fetches
    # and unpacks; no browser should unpack or sniff them.
    "pagefind": "application/octet-stream", "pf_meta": "application/octet-stream",
    "pf_index": "application/octet-stream", "pf_fragment": "application/octet-stream",
    "pf_filter": "application/octet-stream",
}
"""The content type of every file extension the built site may hold; the build stops on any other."""
FEED_TYPE = "application/atom+xml"
"""The .xml files below the feeds folder are Atom feeds (the sitemap is plain XML). Chromium shows an Atom
feed as its source text and does not apply its XSLT page (which Chromium is dropping); Firefox applies it."""
TEXT_TYPES = sorted({t for t in TYPES.values() if t.startswith("text/") or t.endswith(("json", "xml", "javascript"))}
                    | {FEED_TYPE})
"""Types sent with charset=utf-8: every text file the generator and MkDocs write is UTF-8."""
COMPRESSED = ("html", "css", "js", "json", "map", "xml", "xsl", "txt", "svg")
"""Extensions stored precompressed as .gz beside the file (the others are images or already gzip)."""

IMMUTABLE = "public, max-age=31536000, immutable"
"""Files whose name carries a hash of their content: a changed file gets a new name."""
REVALIDATE = "no-cache"
"""Everything else (pages, feeds, the search's entry point and scripts): kept, but asked again each time."""
HASHED = re.compile(r"^(assets/.+\.[0-9a-f]{8}\.min\.(js|css)(\.map)?|pagefind/.+[._][0-9a-f]{7,}\.pf_[a-z]+)$")
"""Hashed files below the site root: Material's bundles and stylesheets, Pagefind's chunks and metadata."""


def cache_control(path: str) -> str:
    """Cache-Control of a file below the site root."""
    return IMMUTABLE if HASHED.match(path) else REVALIDATE
