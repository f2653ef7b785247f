"""The 404 page, which a web host serves at any missing address, at any depth below the site.

MkDocs writes its links from the configured site URL's path ("/benelux/…"), or from "/" when none is
configured: a site built without SITE_URL and served under a sub-path would then show the 404 page without its
styles, its icons filling the screen. Without a site URL the hook makes the page relocatable (`relocatable`):
its links relative to the site's root, and a first inline script that finds that root in the address (the part
before the first of the site's own top-level folders, else the missing page's folder) and writes it as the
page's base. The styles and scripts are written by inline scripts too, after that base: links in the markup
would be fetched ahead, against the missing address, before any script could run. Every icon also gets a size
of its own, for a reader without JavaScript, who gets the page unstyled."""

from __future__ import annotations

import json
import re

ROOT_LINK = re.compile(r'\b(href|src|action)="/(?!/)')
SVG_WITHOUT_SIZE = re.compile(r"<svg(?![^>]*\bwidth=)")
CHARSET = re.compile(r"<meta charset=[^>]*>")
ASSET_LINK = re.compile(r'<link rel="(?:stylesheet|icon)" href="[^"]+"[^>]*>')
SCRIPT_FILE = re.compile(r'<script src="[^"]+"></script>')
ICON_SIZE = 24
"""Pixels: the size Material's header icons have with its styles."""

_BASE = """(function () {
  var folders = %s, parts = location.pathname.split("/");
  if (parts[parts.length - 1] === "") parts.pop();
  var at = parts.findIndex(function (part, i) { return i > 0 && folders.indexOf(part) >= 0; });
  var root = (at > 0 ? parts.slice(0, at) : parts.slice(0, -1)).join("/") + "/";
  document.write('<base href="' + root.replace(/"/g, "%%22") + '">' + %s);
})();"""


def sized_icons(html: str) -> str:
    """Every inline icon with a width and a height of its own."""
    return SVG_WITHOUT_SIZE.sub(f'<svg width="{ICON_SIZE}" height="{ICON_SIZE}"', html)


def relocatable(html: str, folders: list[str]) -> str:
    """The 404 page built without a site URL, working below any folder the site is served from. `folders`: the
    top-level folders of the site, sorted."""
    html = ROOT_LINK.sub(r'\1="', html).replace('href=""', 'href="./"').replace('href="."', 'href="./"')
    links, scripts = ASSET_LINK.findall(html), SCRIPT_FILE.findall(html)
    html = SCRIPT_FILE.sub("", ASSET_LINK.sub("", html))
    head = "<script>" + _BASE % (json.dumps(folders), _literal("".join(links))) + "</script>"
    match = CHARSET.search(html)
    at = match.end() if match else html.index("<head>") + len("<head>")
    html = html[:at] + head + html[at:]
    end = html.rindex("</body>")
    return html[:end] + f"<script>document.write({_literal(''.join(scripts))});</script>" + html[end:]


def _literal(markup: str) -> str:
    """A JavaScript string of `markup`, safe inside a script element."""
    return json.dumps(markup).replace("</", "<\\/")
